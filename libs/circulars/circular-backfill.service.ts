import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { addDays, isIsoDate, shanghaiDay } from '../clock/domain/beijing-time';
import { APP_CONFIG, type AppConfig } from '../config';
import { DocumentsService } from '../documents/documents.service';
import { TEMPORAL_CLIENT } from '../temporal';
import { CircularSchedules } from './circular-schedules';
import { CircularError } from './circulars.errors';
import type { CircularKind } from './domain/circular-period';

/** At most a quarter of missed days per request. */
const MAX_DAYS = 93;

/**
 * Produces the circulars of days the system missed (it was down): the schedule is run for each
 * day as if then, and each period is stored once, so asking twice, or for days already done,
 * produces nothing new.
 */
@Injectable()
export class CircularBackfillService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
  ) {}

  async backfill(kind: CircularKind, from: string, to: string, now = new Date()): Promise<{ days: number }> {
    const today = shanghaiDay(now);
    for (const day of [from, to]) {
      if (!isIsoDate(day)) throw new CircularError('INVALID_DATE', `「${day}」不是有效日期（格式 YYYY-MM-DD）`);
    }
    if (from > to) throw new CircularError('BACKFILL_RANGE_INVALID', `开始日期 ${from} 晚于结束日期 ${to}`);
    if (to >= today) {
      throw new CircularError('BACKFILL_RANGE_INVALID', `补发只针对已过去的日期：结束日期须早于今天（${today}）`);
    }
    if (addDays(from, MAX_DAYS) <= to) throw new CircularError('BACKFILL_RANGE_INVALID', `一次最多补发 ${MAX_DAYS} 天`);
    // Before any document ran there is nothing to report: no run is started for those days.
    const running = await this.documents.runningAt(new Date(`${addDays(to, 1)}T00:00:00+08:00`));
    const schedules = new CircularSchedules(this.temporal, this.config.temporal.taskQueue);
    const days = running.length > 0 ? await schedules.backfill(kind, from, to) : 0;
    await this.audit.record(this.db.manager, {
      action: 'circular.backfill',
      targetType: 'circular_schedule',
      targetId: kind,
      after: { kind, from, to, days },
    });
    return { days };
  }
}
