import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { NotificationsService } from '../../../../libs/notifications';
import { TasksService } from '../../../../libs/tasks';

/**
 * The Prometheus registry of the API process. Task and rung figures are read from PostgreSQL
 * on each scrape: rungs fire in the worker, whose counters this process cannot see, and the
 * database is the record both processes share.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(
    private readonly taskCounts: TasksService,
    private readonly notifications: NotificationsService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'duban_http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    const tasks: Gauge<'state'> = new Gauge({
      name: 'duban_tasks',
      help: 'Tasks by state',
      labelNames: ['state'],
      registers: [this.registry],
      collect: () => this.collectTasks(tasks),
    });
    const rungs: Gauge<'rule'> = new Gauge({
      name: 'duban_rungs_fired',
      help: 'Escalation rungs fired so far, by ladder rule',
      labelNames: ['rule'],
      registers: [this.registry],
      collect: () => this.collectRungs(rungs),
    });
    const failed: Gauge = new Gauge({
      name: 'duban_deliveries_failed',
      help: 'Notification deliveries (email, webhook) that failed for good after their retries',
      registers: [this.registry],
      collect: () => this.collectFailedDeliveries(failed),
    });
  }

  /** Express middleware timing every request, labelled by the matched route's template, never the raw URL. */
  readonly observeHttp = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.httpDuration.startTimer();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      end({
        method: req.method,
        route: typeof route === 'string' ? route : 'unmatched',
        status_code: String(res.statusCode),
      });
    });
    next();
  };

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  private async collectTasks(gauge: Gauge<'state'>): Promise<void> {
    const counts = await this.read(() => this.taskCounts.countsByState());
    gauge.reset();
    if (!counts) return;
    for (const [state, n] of Object.entries(counts)) gauge.set({ state }, n);
  }

  private async collectRungs(gauge: Gauge<'rule'>): Promise<void> {
    const rows = await this.read(() => this.taskCounts.rungsFired());
    gauge.reset();
    for (const row of rows ?? []) gauge.set({ rule: row.rule ?? 'unknown' }, row.n);
  }

  private async collectFailedDeliveries(gauge: Gauge): Promise<void> {
    const n = await this.read(() => this.notifications.failedDeliveries());
    if (n !== undefined) gauge.set(n);
  }

  // A scrape during a database outage still answers with the process metrics; /ready reports the outage.
  private async read<T>(query: () => Promise<T>): Promise<T | undefined> {
    try {
      return await query();
    } catch (err) {
      this.logger.warn({ err }, 'metrics: PostgreSQL query failed');
      return undefined;
    }
  }
}
