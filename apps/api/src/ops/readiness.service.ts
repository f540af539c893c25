import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CalendarService } from '../../../../libs/calendar';
import { provisionalYearWarnings } from '../../../../libs/calendar/domain/statutory-year';
import { shanghaiDay } from '../../../../libs/clock';
import { pingDatabase } from '../../../../libs/database';
import { fontWarnings } from '../../../../libs/notices';
import { TEMPORAL_CLIENT } from '../../../../libs/temporal';

export type Dependency = 'postgres' | 'temporal';
export type Readiness = Record<Dependency, 'up' | 'down'>;

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether the API can serve: PostgreSQL answers a query and the Temporal frontend answers a call. */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly calendar: CalendarService,
  ) {}

  /** Not failures: things an operator should act on soon (a holiday schedule to load, a font to install). */
  async warnings(now = new Date()): Promise<string[]> {
    return [...(await this.calendarWarnings(now)), ...fontWarnings()];
  }

  private async calendarWarnings(now: Date): Promise<string[]> {
    try {
      return provisionalYearWarnings(await this.calendar.provisionalYears(), shanghaiDay(now));
    } catch (err) {
      this.logger.warn({ err }, 'readiness: calendar warnings unavailable');
      return [];
    }
  }

  async check(): Promise<Readiness> {
    const [postgres, temporal] = await Promise.all([
      this.probe('postgres', () => pingDatabase(this.db)),
      this.probe('temporal', () =>
        this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.workflowService.getSystemInfo({}),
        ),
      ),
    ]);
    return { postgres, temporal };
  }

  private async probe(name: Dependency, call: () => Promise<unknown>): Promise<'up' | 'down'> {
    try {
      await withTimeout(call(), CHECK_TIMEOUT_MS);
      return 'up';
    } catch (err) {
      this.logger.warn({ err, dependency: name }, `readiness: ${name} unreachable`);
      return 'down';
    }
  }
}
