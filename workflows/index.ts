export { documentWorkflow, measureWorkflow } from './document.workflow';
export { taskWorkflow } from './task.workflow';
export { deliveryWorkflow } from './delivery.workflow';
export { calendarReplanWorkflow } from './calendar-replan.workflow';
export { withdrawalWorkflow } from './withdrawal.workflow';
export { measureRevisionWorkflow } from './revision.workflow';
export { digestWorkflow } from './digest.workflow';
export { circularWorkflow } from './circular.workflow';
