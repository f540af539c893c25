export { LedgerModule } from './ledger.module';
export {
  LEDGER_CONTENT_TYPES,
  LEDGER_FORMATS,
  type LedgerFile,
  type LedgerFormat,
  LedgerService,
} from './ledger.service';
export { ledgerPdf } from './ledger-pdf';
export { LEDGER_ERRORS, LedgerError, type LedgerErrorCode } from './ledger.errors';
export { ledgerCsv, ledgerXlsx, COLOUR_FILLS } from './ledger-files';
export {
  COLOUR_LABELS,
  type LedgerFilter,
  type LedgerSheet,
  type LedgerTask,
  ledgerSheet,
  ROLE_LABELS,
} from './domain/ledger-sheet';
export { endOfBeijingDay, type HistoryEvent, type TaskAsOf, taskAsOf } from './domain/task-as-of';
export { clockAsOf, readingInstant } from './domain/clock-as-of';
