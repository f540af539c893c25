import { type Principal } from '../../../../libs/auth';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Body, Controller, Get, HttpCode, Param, type PipeTransform, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type BeforeCommit,
  type CalendarChangeSummary,
  CalendarError,
  CalendarService,
  HolidayNoticeService,
  isCalendarYear,
  isIsoDay,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
} from '../../../../libs/calendar';
import { CalendarReplanService } from '../../../../libs/tasks';
import { CalendarChangesQueryDto, HolidayNoticeDto, PutCalendarYearDto, SetCalendarDayDto } from './dto/calendar.dto';
import {
  CalendarChangeRecordDto,
  CalendarChangeResultDto,
  CalendarYearDetailDto,
  CalendarYearSummaryDto,
  HolidayNoticePreviewDto,
} from './responses/calendar.dto';
import { ApiErrors } from '../common/common.dto';

const yearParamDoc = (example: number) =>
  ApiParam({
    name: 'year',
    schema: { type: 'integer', minimum: MIN_CALENDAR_YEAR, maximum: MAX_CALENDAR_YEAR },
    example,
    description: '四位数年份',
  });

/** `:year` must be a whole year in the maintainable range. */
const yearParam: PipeTransform<string, number> = {
  transform(raw) {
    const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
    if (!isCalendarYear(year)) {
      throw new CalendarError(
        'INVALID_DATE',
        `路径中的年份「${raw}」无效，应为 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间的整数`,
      );
    }
    return year;
  },
};

/** `:day` must be a real date written YYYY-MM-DD. */
const dayParam: PipeTransform<string, string> = {
  transform(raw) {
    if (!isIsoDay(raw)) throw new CalendarError('INVALID_DATE', `路径中的日期「${raw}」无效（格式 YYYY-MM-DD）`);
    return raw;
  },
};

@ApiTags('calendar 工作日历')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly notices: HolidayNoticeService,
    private readonly replan: CalendarReplanService,
  ) {}

  @Get('years')
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({ summary: '已维护的年度：来源、节假日与调休上班日数量、最后修改人' })
  @ApiOkResponse({ type: [CalendarYearSummaryDto] })
  listYears() {
    return this.calendar.listYears();
  }

  @Get('years/:year')
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @yearParamDoc(2026)
  @ApiOperation({ summary: '某年的节假日与调休上班日' })
  @ApiOkResponse({ type: CalendarYearDetailDto })
  getYear(@Param('year', yearParam) year: number) {
    return this.calendar.getYear(year);
  }

  @Put('years/:year')
  @Access('admin')
  @yearParamDoc(2027)
  @ApiOperation({ summary: '整年新增或替换日历（须说明理由；整体生效，记入修改日志）' })
  @ApiOkResponse({ type: CalendarChangeResultDto })
  @ApiErrors(422)
  async putYear(
    @CurrentUser() me: Principal,
    @Param('year', yearParam) year: number,
    @Body() body: PutCalendarYearDto,
  ) {
    const { hook, replanned } = this.replanAfterCommit();
    return replanned(await this.calendar.putYear(year, body, me.displayName, body.reason, hook));
  }

  @Put('days/:day')
  @Access('admin')
  @ApiParam({ name: 'day', type: 'string', format: 'date', example: '2026-10-10', description: 'YYYY-MM-DD' })
  @ApiOperation({ summary: '修正已维护年度中的某一天：放假、调休上班或恢复普通日（记入修改日志）' })
  @ApiOkResponse({ type: CalendarChangeResultDto })
  @ApiErrors(422)
  async setDay(@CurrentUser() me: Principal, @Param('day', dayParam) day: string, @Body() body: SetCalendarDayDto) {
    const { hook, replanned } = this.replanAfterCommit();
    return replanned(await this.calendar.setDay(day, body.kind, body.name, me.displayName, body.reason, hook));
  }

  @Post('notices/preview')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({
    summary: '预览国务院办公厅放假通知：逐行读出放假与调休上班日期，并与该年度现有（含暂定）数据比较',
  })
  @ApiOkResponse({ type: HolidayNoticePreviewDto })
  async previewNotice(@Body() body: HolidayNoticeDto) {
    const preview = await this.notices.previewNotice(body.text, body.year);
    return { ...preview, year: Number.isNaN(preview.year) ? null : preview.year };
  }

  @Post('notices')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({
    summary: '载入国务院办公厅放假通知为该年度日历（替换暂定数据，在办任务自动重新计时）',
  })
  @ApiOkResponse({ type: CalendarChangeResultDto })
  @ApiErrors(422, 503)
  async loadNotice(@CurrentUser() me: Principal, @Body() body: HolidayNoticeDto) {
    const { hook, replanned } = this.replanAfterCommit();
    return replanned(await this.notices.loadNotice(body.text, me.displayName, hook, body.year));
  }

  @Get('changes')
  @Access('admin', 'coordinator')
  @ApiOperation({ summary: '日历修改日志（最新在前）' })
  @ApiOkResponse({ type: [CalendarChangeRecordDto] })
  changes(@Query() q: CalendarChangesQueryDto) {
    return this.calendar.listChanges(q.year);
  }

  /**
   * Every running task re-plans its timers after a change that moves working days: the re-plan is
   * a workflow started in the change's transaction (so it survives a crash), awaited after the
   * commit (for up to 20 s) to report how many tasks it reached; a busy system answers that the
   * re-plan is still in progress rather than keeping the admin's request open.
   */
  private replanAfterCommit() {
    let changeId: string | null = null;
    const hook: BeforeCommit = async (change, entry) => {
      changeId = entry.changeId;
      await this.replan.start(change, entry.changeId, entry.reason);
    };
    const replanned = async (summary: CalendarChangeSummary) => {
      const result = changeId === null ? null : await this.replan.result(summary, changeId);
      if (result === 'running') return { ...summary, replanned: 0, replanInProgress: true };
      return { ...summary, replanned: result?.signalled ?? 0, replanInProgress: false };
    };
    return { hook, replanned };
  }
}
