export { CalendarModule } from './calendar.module';
export {
  CalendarService,
  type CalendarChangeRecord,
  type BeforeCommit,
  type CalendarChangeSummary,
  type CalendarYearDetail,
  type CalendarYearSummary,
  type DayCorrection,
  type NamedDay,
} from './calendar.service';
export { HolidayNoticeService, type HolidayNoticePreview } from './holiday-notice.service';
export { CALENDAR_ERRORS, CalendarError, type CalendarErrorCode } from './calendar.errors';
export {
  addWorkingDays,
  CalendarGapError,
  type CalendarData,
  coveredYears,
  isCovered,
  isWorkingDay,
  makeCalendar,
  nextWorkingDay,
  type WorkCalendar,
  workingDaysBetween,
} from './domain/working-days';
export { repeatYearPattern } from './domain/provisional-year';
export { isCalendarYear, isIsoDay, isWeekend, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from './domain/iso-day';
export { type DayEntry, type DayKind, changedWorkingDays, checkYearEntries } from './domain/year-entries';
