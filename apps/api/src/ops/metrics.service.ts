import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { TASK_STATES } from '../../../../libs/tasks';

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

  constructor(@InjectDataSource() private readonly db: DataSource) {
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
    const rows = await this.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM task GROUP BY state',
    );
    gauge.reset();
    if (!rows) return;
    for (const state of TASK_STATES) gauge.set({ state }, 0);
    for (const row of rows) gauge.set({ state: row.state }, row.n);
  }

  private async collectRungs(gauge: Gauge<'rule'>): Promise<void> {
    const rows = await this.query<{ rule: string | null; n: number }>(
      `SELECT detail->>'rule' AS rule, count(*)::int AS n FROM task_event WHERE type = 'rung' GROUP BY 1`,
    );
    gauge.reset();
    for (const row of rows ?? []) gauge.set({ rule: row.rule ?? 'unknown' }, row.n);
  }

  private async collectFailedDeliveries(gauge: Gauge): Promise<void> {
    const rows = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM delivery WHERE status = 'failed'`);
    if (rows) gauge.set(rows[0].n);
  }

  // A scrape during a database outage still answers with the process metrics; /ready reports the outage.
  private async query<T>(sql: string): Promise<T[] | undefined> {
    try {
      return await this.db.query<T[]>(sql);
    } catch (err) {
      this.logger.warn({ err }, 'metrics: PostgreSQL query failed');
      return undefined;
    }
  }
}
