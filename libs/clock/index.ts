export { addDays, firingInstant, isIsoDate, shanghaiDay } from './domain/beijing-time';
export { type ClockReading, type Colour, readClock, worstColour } from './domain/clock-reading';
export {
  effectiveDeadline,
  type EffectiveDeadline,
  type LedgerEntry,
  type PauseBasis,
  REVIEW_PAUSE,
} from './domain/due-date-ledger';
export {
  planFromWire,
  type PlannedRung,
  type PlanOnTheWire,
  planTask,
  type PlanInput,
  type ReportCadence,
  type TaskPlan,
} from './domain/firing-plan';
export {
  AUDIENCES,
  type Audience,
  DEFAULT_LADDER,
  ladderProblems,
  MAX_RUNGS,
  renderTemplate,
  type Rung,
  type RungColour,
} from './domain/ladder';
export { noteProvisional, provisionalNote, type ProvisionalNote } from './domain/provisional-note';
