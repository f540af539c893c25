export { WithdrawalModule } from './withdrawal.module';
export { WithdrawalService, type WithdrawalOutcome } from './withdrawal.service';
export { createWithdrawalActivities } from './withdrawal.activities';
export { withdrawalWorkflowId, type WithdrawalScope } from './withdrawal.definitions';
