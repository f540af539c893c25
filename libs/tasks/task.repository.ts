import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Acceptance } from '../clock/domain/clock-reading';
import type { TaskEventType, TaskRole, TaskState } from './domain/task-state';

/** How a task's agency was found in the text. */
export type TaskSource = 'explicit' | 'alias' | 'group' | 'implied' | 'correction';

/** One agency's share of one measure: the unit a liaison acts on and a workflow runs. */
export interface TaskRow {
  id: string;
  documentId: string;
  measureId: string;
  agencyId: string;
  role: TaskRole;
  state: TaskState;
  dueDate: string | null;
  /** Mirrors of the workflow's clock, for listing and filtering without asking Temporal. */
  pausedSince: string | null;
  calendarGapYear: number | null;
  extensionCount: number;
  /** Provenance: how the party was found, as written, and the attribution's span in the text. */
  source: TaskSource;
  partyAsWritten: string | null;
  attributionStart: number | null;
  attributionEnd: number | null;
  workflowId: string | null;
  /** Sequence number of the last event applied. */
  lastEventSeq: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A task with the measure and agency names its views show (a read joining documents and registry). */
export interface TaskViewRow extends TaskRow {
  measureSeq: number;
  measureNumber: string;
  measureTitle: string;
  measureText: string;
  agencyName: string;
  /** Beijing day of the latest submission, while one awaits review. */
  submittedOn: string | null;
  /** Of an accepted task: whether its submission came in time, from the accept event. */
  acceptance: Acceptance | null;
}

export interface TaskEventRow {
  seq: number;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState;
  actor: string | null;
  detail: Record<string, unknown>;
  occurredAt: Date;
}

export interface NewTaskEvent {
  taskId: string;
  seq: number;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState;
  actor: string | null;
  detail: Record<string, unknown>;
  occurredAt: string;
}

export interface TaskMirror {
  taskId: string;
  state: TaskState;
  seq: number;
  clock: { dueDate: string; pausedSince: string | null; calendarGapYear: number | null; extensions: number } | null;
}

export interface NewDraftTask {
  measureId: string;
  agencyId: string;
  role: TaskRole;
  source: TaskSource;
  partyAsWritten: string | null;
  span: [number, number] | null;
}

export interface TaskListQuery {
  agencyId?: string;
  scope?: string[] | null;
  documentId?: string;
  state?: TaskState;
  /** With `today`: only overdue (true) or only not overdue (false) tasks. */
  overdue?: { overdue: boolean; today: string };
  sort: 'dueDate' | 'updatedAt' | 'measure';
  limit: number;
  offset: number;
}

// Dates as text: pg would turn a `date` into a local-midnight Date.
const TASK = `t.id, t.document_id AS "documentId", t.measure_id AS "measureId", t.agency_id AS "agencyId", t.role,
  t.state, t.due_date::text AS "dueDate", t.paused_since::text AS "pausedSince",
  t.calendar_gap_year AS "calendarGapYear", t.extension_count AS "extensionCount", t.source,
  t.party_as_written AS "partyAsWritten", t.attribution_start AS "attributionStart",
  t.attribution_end AS "attributionEnd", t.workflow_id AS "workflowId", t.last_event_seq AS "lastEventSeq",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

// The Beijing day of the submission under review: a late one stays late while it waits.
const SUBMITTED_ON = `(SELECT (max(e.occurred_at) AT TIME ZONE 'Asia/Shanghai')::date FROM task_event e
  WHERE e.task_id = t.id AND e.type = 'submit' AND t.state = 'submitted')`;

// What the acceptance recorded about timeliness (onTime, submittedOn, dueDate, workingDaysLate).
const ACCEPTANCE = `(SELECT e.detail FROM task_event e
  WHERE e.task_id = t.id AND e.type = 'accept' AND t.state = 'accepted' ORDER BY e.seq DESC LIMIT 1)`;

const TASK_VIEW = `${TASK}, m.seq AS "measureSeq", m.number AS "measureNumber", m.title AS "measureTitle",
  m.text AS "measureText", a.name AS "agencyName", ${SUBMITTED_ON}::text AS "submittedOn",
  ${ACCEPTANCE} AS "acceptance"
  FROM task t JOIN measure m ON m.id = t.measure_id JOIN agency a ON a.id = t.agency_id`;

// Open and past its due date with the clock running, or submitted after it (under review the
// clock stands still, so paused_since is set, but a late submission stays late).
const OVERDUE = `((t.state IN ('issued', 'in_progress') AND t.due_date < $today AND t.paused_since IS NULL)
  OR (t.state = 'submitted' AND ${SUBMITTED_ON} > t.due_date))`;

const ORDER: Record<TaskListQuery['sort'], string> = {
  dueDate: 't.due_date ASC NULLS LAST, t.id',
  updatedAt: 't.updated_at DESC, t.id',
  measure: 'm.document_id, m.seq, t.id',
};

/** SQL of the tasks context: `task` and `task_event` (views join measure and agency names). */
@Injectable()
export class TaskRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<TaskRow | null> {
    const rows = await manager.query<TaskRow[]>(`SELECT ${TASK} FROM task t WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.query<unknown[]>('SELECT 1 FROM task WHERE id = $1', [id])).length > 0;
  }

  /** Running tasks with a workflow, in id order after `after` (keyset paging). */
  async openWorkflowsAfter(
    states: readonly TaskState[],
    after: string | null,
    limit: number,
  ): Promise<{ taskId: string; workflowId: string }[]> {
    return this.db.query(
      `SELECT id AS "taskId", workflow_id AS "workflowId" FROM task
       WHERE state = ANY($1::text[]) AND workflow_id IS NOT NULL AND ($2::uuid IS NULL OR id > $2::uuid)
       ORDER BY id LIMIT $3`,
      [states, after, limit],
    );
  }

  /** Locks the task's row for the caller's transaction; null when there is no such task. */
  /** Locks the task's row for the event's transaction; answers where it belongs. */
  async lockTask(id: string, tx: EntityManager): Promise<{ agencyId: string; documentId: string } | null> {
    const rows = await tx.query<{ agencyId: string; documentId: string }[]>(
      'SELECT agency_id AS "agencyId", document_id AS "documentId" FROM task WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] ?? null;
  }

  async findView(id: string): Promise<TaskViewRow | null> {
    const rows = await this.db.query<TaskViewRow[]>(`SELECT ${TASK_VIEW} WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async viewsOfDocument(documentId: string, manager: EntityManager = this.db.manager): Promise<TaskViewRow[]> {
    return manager.query<TaskViewRow[]>(`SELECT ${TASK_VIEW} WHERE t.document_id = $1 ORDER BY t.created_at, t.id`, [
      documentId,
    ]);
  }

  /** The measures of a document that have tasks, in document order (what a launch starts a workflow for). */
  async measureIdsWithTasks(documentId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT m.id FROM measure m WHERE m.document_id = $1
         AND EXISTS (SELECT 1 FROM task t WHERE t.measure_id = m.id) ORDER BY m.seq`,
      [documentId],
    );
    return rows.map((r) => r.id);
  }

  /** One measure's tasks in launch order (as created). */
  async forLaunchOfMeasure(measureId: string): Promise<TaskViewRow[]> {
    return this.db.query<TaskViewRow[]>(`SELECT ${TASK_VIEW} WHERE t.measure_id = $1 ORDER BY t.created_at, t.id`, [
      measureId,
    ]);
  }

  /** In launch order: by measure, then as created. */
  async forLaunch(documentId: string, tx: EntityManager): Promise<TaskViewRow[]> {
    return tx.query<TaskViewRow[]>(`SELECT ${TASK_VIEW} WHERE t.document_id = $1 ORDER BY m.seq, t.created_at`, [
      documentId,
    ]);
  }

  async list(q: TaskListQuery): Promise<{ rows: TaskViewRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, values: Record<string, unknown>) => {
      let clause = sql;
      for (const [name, value] of Object.entries(values)) {
        params.push(value);
        clause = clause.replaceAll(`$${name}`, `$${params.length}`);
      }
      where.push(clause);
    };
    if (q.agencyId) add('t.agency_id = $agencyId', { agencyId: q.agencyId });
    if (q.scope) add('t.agency_id = ANY($scope::uuid[])', { scope: q.scope });
    if (q.documentId) add('t.document_id = $documentId', { documentId: q.documentId });
    if (q.state) add('t.state = $state', { state: q.state });
    if (q.overdue) add(q.overdue.overdue ? OVERDUE : `NOT ${OVERDUE}`, { today: q.overdue.today });
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<TaskViewRow[]>(
        `SELECT ${TASK_VIEW} ${clause} ORDER BY ${ORDER[q.sort]} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM task t ${clause}`, params),
    ]);
    return { rows, total };
  }

  async events(taskId: string): Promise<TaskEventRow[]> {
    return this.db.query<TaskEventRow[]>(
      `SELECT seq, type, from_state AS "fromState", to_state AS "toState", actor, detail, occurred_at AS "occurredAt"
       FROM task_event WHERE task_id = $1 ORDER BY seq`,
      [taskId],
    );
  }

  /** False when (task_id, seq) is already there: a retried activity writes nothing twice. */
  async insertEvent(e: NewTaskEvent, tx: EntityManager): Promise<boolean> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (task_id, seq) DO NOTHING RETURNING id`,
      [e.taskId, e.seq, e.type, e.fromState, e.toState, e.actor, JSON.stringify(e.detail), e.occurredAt],
    );
    return inserted.length > 0;
  }

  /** Moves the mirror only for an event newer than the last one applied. */
  async applyEvent(m: TaskMirror, tx: EntityManager): Promise<void> {
    const c = m.clock;
    await tx.query(
      `UPDATE task SET state = $2, last_event_seq = $3, updated_at = now(),
         due_date = CASE WHEN $4::boolean THEN $5::date ELSE due_date END,
         paused_since = CASE WHEN $4::boolean THEN $6::date ELSE paused_since END,
         calendar_gap_year = CASE WHEN $4::boolean THEN $7::int ELSE calendar_gap_year END,
         extension_count = CASE WHEN $4::boolean THEN $8::int ELSE extension_count END
       WHERE id = $1 AND last_event_seq < $3`,
      [
        m.taskId,
        m.state,
        m.seq,
        !!c,
        c?.dueDate ?? null,
        c?.pausedSince ?? null,
        c?.calendarGapYear ?? null,
        c?.extensions ?? 0,
      ],
    );
  }

  async insertDrafts(documentId: string, tasks: NewDraftTask[], tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO task (document_id, measure_id, agency_id, role, source, party_as_written, attribution_start, attribution_end)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])`,
      [
        documentId,
        tasks.map((x) => x.measureId),
        tasks.map((x) => x.agencyId),
        tasks.map((x) => x.role),
        tasks.map((x) => x.source),
        tasks.map((x) => x.partyAsWritten),
        tasks.map((x) => x.span?.[0] ?? null),
        tasks.map((x) => x.span?.[1] ?? null),
      ],
    );
  }

  async setLaunched(id: string, dueDate: string, workflowId: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE task SET due_date = $2, workflow_id = $3, updated_at = now() WHERE id = $1', [
      id,
      dueDate,
      workflowId,
    ]);
  }

  async countOfDocument(documentId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [{ n }] = await manager.query<{ n: number }[]>('SELECT count(*)::int AS n FROM task WHERE document_id = $1', [
      documentId,
    ]);
    return n;
  }

  async documentIdOf(id: string, manager: EntityManager = this.db.manager): Promise<string | null> {
    const rows = await manager.query<{ documentId: string }[]>(
      'SELECT document_id AS "documentId" FROM task WHERE id = $1',
      [id],
    );
    return rows[0]?.documentId ?? null;
  }

  async countByAgency(states: readonly TaskState[]): Promise<{ agencyId: string; n: number }[]> {
    return this.db.query<{ agencyId: string; n: number }[]>(
      'SELECT agency_id AS "agencyId", count(*)::int AS n FROM task WHERE state = ANY($1::text[]) GROUP BY agency_id',
      [states],
    );
  }

  async countByState(): Promise<{ state: TaskState; n: number }[]> {
    return this.db.query<{ state: TaskState; n: number }[]>(
      'SELECT state, count(*)::int AS n FROM task GROUP BY state',
    );
  }

  async countRungsByRule(): Promise<{ rule: string | null; n: number }[]> {
    return this.db.query<{ rule: string | null; n: number }[]>(
      `SELECT detail->>'rule' AS rule, count(*)::int AS n FROM task_event WHERE type = 'rung' GROUP BY 1`,
    );
  }
}
