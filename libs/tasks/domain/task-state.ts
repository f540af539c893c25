// The task life cycle is enforced inside the workflow, whose code imports only its own files.
export {
  isFinal,
  isOpenForAgency,
  STATE_LABELS,
  TASK_ROLES,
  TASK_STATES,
  transition,
  type TaskAction,
  type TaskEventType,
  type TaskRole,
  type TaskState,
  type TransitionResult,
} from '../../../workflows/task-rules';
