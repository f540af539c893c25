import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Acceptance } from '../clock/domain/clock-reading';
import type { TaskEventType, TaskRole, TaskSource, TaskState } from './domain/task-state';

export type { TaskSource } from './domain/task-state';

/** One agency's share of one measure: the unit a liaison acts on and a workflow runs. */
export interface TaskRow {
  id: string;
  documentId: string;
  measureId: string;
  agencyId: string;
  role: TaskRole;
  state: TaskState;
  dueDate: string | null;
  /** The period of a recurring measure the task is for (1: the first, or a measure that does not recur). */
  period: number;
  /** Mirrors of the workflow's clock, for listing and filtering without asking Temporal. */
  pausedSince: string | null;
  calendarGapYear: number | null;
  extensionCount: number;
  /** Provenance: how the party was found, as written, and the attribution's span in the text. */
  source: TaskSource;
  partyAsWritten: string | null;
  attributionStart: number | null;
  attributionEnd: number | null;
  /** The role the text gave, when the coordinator designated a lead at launch (else null: the text's own). */
  roleAsWritten: TaskRole | null;
  workflowId: string | null;
  /** Sequence number of the last event applied. */
  lastEventSeq: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A cooperating task as its lead sees it: its state and the last input it delivered. */
export interface CooperatorRow {
  taskId: string;
  agency: string;
  agencyId: string;
  state: TaskState;
  latestInput: {
    seq: number;
    type: 'submit' | 'progress';
    at: string;
    text: string | null;
    attachments: { id: string; name: string; sha256: string }[] | null;
  } | null;
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
  t.state, t.due_date::text AS "dueDate", t.period, t.paused_since::text AS "pausedSince",
  t.calendar_gap_year AS "calendarGapYear", t.extension_count AS "extensionCount", t.source,
  t.party_as_written AS "partyAsWritten", t.attribution_start AS "attributionStart",
  t.attribution_end AS "attributionEnd", t.role_as_written AS "roleAsWritten", t.workflow_id AS "workflowId", t.last_event_seq AS "lastEventSeq",
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

// What a liaison sees: their agencies' tasks, and on measures their agency leads (牵头), the
// cooperating, guiding and implied tasks that report to it.
const SEEN_BY_AGENCIES = `(t.agency_id = ANY($scope::uuid[]) OR (t.role IN ('cooperating', 'guiding', 'implied')
  AND EXISTS (SELECT 1 FROM task l WHERE l.measure_id = t.measure_id AND l.role = 'lead'
    AND l.agency_id = ANY($scope::uuid[]))))`;

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

  /** Whether a liaison of `scope` may see the task: their own, or a cooperator's on a measure they lead. */
  async seenBy(id: string, scope: string[]): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM task t WHERE t.id = $1 AND ${SEEN_BY_AGENCIES.replaceAll('$scope', '$2')}`,
      [id, scope],
    );
    return rows.length > 0;
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
  async lockTask(
    id: string,
    tx: EntityManager,
  ): Promise<{ agencyId: string; documentId: string; measureId: string; period: number } | null> {
    const rows = await tx.query<{ agencyId: string; documentId: string; measureId: string; period: number }[]>(
      `SELECT agency_id AS "agencyId", document_id AS "documentId", measure_id AS "measureId", period
       FROM task WHERE id = $1 FOR UPDATE`,
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

  /** A document's tasks a caller may see (a liaison's `scope`, as the task list; null: all), as created. */
  async viewsOfDocumentSeenBy(documentId: string, scope: string[] | null): Promise<TaskViewRow[]> {
    const seen = scope ? `AND ${SEEN_BY_AGENCIES.replaceAll('$scope', '$2')}` : '';
    return this.db.query<TaskViewRow[]>(
      `SELECT ${TASK_VIEW} WHERE t.document_id = $1 ${seen} ORDER BY t.created_at, t.id`,
      scope ? [documentId, scope] : [documentId],
    );
  }

  /** The events of a document's tasks that occurred before `before`, by task and seq (as-of reads). */
  async eventsOfDocumentBefore(documentId: string, before: Date): Promise<(TaskEventRow & { taskId: string })[]> {
    return this.db.query(
      `SELECT e.task_id AS "taskId", e.seq, e.type, e.from_state AS "fromState", e.to_state AS "toState", e.actor,
         e.detail, e.occurred_at AS "occurredAt"
       FROM task_event e JOIN task t ON t.id = e.task_id
       WHERE t.document_id = $1 AND e.occurred_at < $2 ORDER BY e.task_id, e.seq`,
      [documentId, before],
    );
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

  /**
   * Roles the coordinator set at launch (a designated lead, 牵头, and the parties cooperating with
   * it): each changed task keeps the role the text gave in role_as_written.
   */
  async setLaunchRoles(changes: readonly { taskId: string; role: TaskRole }[], tx: EntityManager): Promise<void> {
    if (changes.length === 0) return;
    await tx.query(
      `UPDATE task t SET role_as_written = COALESCE(t.role_as_written, t.role), role = c.role, updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS c(id, role)
       WHERE t.id = c.id AND t.role <> c.role`,
      [changes.map((c) => c.taskId), changes.map((c) => c.role)],
    );
  }

  /**
   * The agencies leading a measure in a period now (牵头; a lead reassigned hands it on, a
   * withdrawn one none).
   */
  async leadAgencies(
    measureId: string,
    period: number,
    manager: EntityManager = this.db.manager,
  ): Promise<{ agencyId: string; agencyName: string }[]> {
    return manager.query(
      `SELECT t.agency_id AS "agencyId", a.name AS "agencyName" FROM task t JOIN agency a ON a.id = t.agency_id
       WHERE t.measure_id = $1 AND t.period = $2 AND t.role = 'lead' AND t.state NOT IN ('reassigned', 'cancelled')
       ORDER BY t.created_at, t.id`,
      [measureId, period],
    );
  }

  /**
   * The cooperating tasks of a measure with what each last delivered to the lead: the latest
   * submission (报送) or progress report, its text and attachments.
   */
  async cooperatorsOf(measureId: string, period: number): Promise<CooperatorRow[]> {
    return this.db.query<CooperatorRow[]>(
      `SELECT t.id AS "taskId", a.name AS agency, t.agency_id AS "agencyId", t.state,
         (SELECT jsonb_build_object('seq', e.seq, 'type', e.type, 'at', e.occurred_at,
            'text', COALESCE(e.detail->>'evidence', e.detail->>'note'), 'attachments', e.detail->'attachments')
          FROM task_event e WHERE e.task_id = t.id AND e.type IN ('submit', 'progress')
          ORDER BY e.seq DESC LIMIT 1) AS "latestInput"
       FROM task t JOIN agency a ON a.id = t.agency_id
       WHERE t.measure_id = $1 AND t.period = $2 AND t.role = 'cooperating'
         AND t.state NOT IN ('reassigned', 'cancelled')
       ORDER BY t.created_at, t.id`,
      [measureId, period],
    );
  }

  /** One measure's tasks of a period in launch order (as created). */
  async forLaunchOfMeasure(measureId: string, period = 1): Promise<TaskViewRow[]> {
    return this.db.query<TaskViewRow[]>(
      `SELECT ${TASK_VIEW} WHERE t.measure_id = $1 AND t.period = $2 AND t.state <> 'cancelled'
         AND t.reassigned_from IS NULL
       ORDER BY t.created_at, t.id`,
      [measureId, period],
    );
  }

  /**
   * A recurring measure's tasks for a later period: one per agency carrying the period before
   * (the same role; a reassigned agency's successor, not it; none for a cancelled task), due on the
   * period's date, with their workflow ids. A repeat finds those written before.
   */
  async insertPeriod(measureId: string, period: number, dueDate: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO task (document_id, measure_id, agency_id, role, due_date, source, party_as_written,
         attribution_start, attribution_end, period)
       SELECT document_id, measure_id, agency_id, role, $3, source, party_as_written, attribution_start,
         attribution_end, $2
       FROM task WHERE measure_id = $1 AND state NOT IN ('reassigned', 'cancelled')
         AND period = (SELECT max(p.period) FROM task p WHERE p.measure_id = $1 AND p.period < $2)
       ORDER BY created_at, id
       ON CONFLICT (measure_id, agency_id, period) DO NOTHING`,
      [measureId, period, dueDate],
    );
    await tx.query(
      `UPDATE task SET workflow_id = 'task-' || id, updated_at = now()
       WHERE measure_id = $1 AND period = $2 AND workflow_id IS NULL`,
      [measureId, period],
    );
  }

  /** In launch order: by measure, then as created. */
  async forLaunch(documentId: string, tx: EntityManager): Promise<TaskViewRow[]> {
    return tx.query<TaskViewRow[]>(
      `SELECT ${TASK_VIEW} WHERE t.document_id = $1 AND t.state <> 'cancelled' AND t.reassigned_from IS NULL
       ORDER BY m.seq, t.created_at`,
      [documentId],
    );
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
    if (q.scope) add(SEEN_BY_AGENCIES, { scope: q.scope });
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

  /**
   * Why `agencyId` cannot take over `taskId` (转办), or null when it can: the agency must exist,
   * differ, and have no task on the measure yet (one task per agency, measure and period).
   */
  async reassignmentProblem(
    taskId: string,
    agencyId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<string | null> {
    const [row] = await manager.query<{ known: boolean; same: boolean; taken: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM agency a WHERE a.id = $2) AS known, t.agency_id = $2 AS same,
         EXISTS (SELECT 1 FROM task o WHERE o.measure_id = t.measure_id AND o.period = t.period AND o.agency_id = $2
           AND o.reassigned_from IS DISTINCT FROM t.id) AS taken
       FROM task t WHERE t.id = $1`,
      [taskId, agencyId],
    );
    if (!row) return `找不到任务 ${taskId}`;
    if (!row.known) return `找不到承接单位 ${agencyId}`;
    if (row.same) return '不能转办给本单位';
    if (row.taken) return '承接单位在该措施下已有任务，不能重复转办';
    return null;
  }

  /** The successor row of a reassigned task; a repeat finds the one written before. */
  async insertReassigned(
    fromTaskId: string,
    agencyId: string,
    tx: EntityManager,
  ): Promise<{ taskId: string; agencyName: string }> {
    await tx.query(
      `INSERT INTO task (document_id, measure_id, agency_id, role, due_date, source, party_as_written,
         attribution_start, attribution_end, reassigned_from, period)
       SELECT document_id, measure_id, $2, role, due_date, 'reassigned', NULL, attribution_start, attribution_end, id,
         period
       FROM task WHERE id = $1
       ON CONFLICT (measure_id, agency_id, period) DO NOTHING`,
      [fromTaskId, agencyId],
    );
    const [row] = await tx.query<{ taskId: string; agencyName: string }[]>(
      `SELECT t.id AS "taskId", a.name AS "agencyName" FROM task t JOIN agency a ON a.id = t.agency_id
       WHERE t.reassigned_from = $1 AND t.agency_id = $2`,
      [fromTaskId, agencyId],
    );
    return row;
  }

  /**
   * Withdrawal of tasks never launched (no workflow): cancelled here, each with its `cancel` event.
   * Answers how many.
   */
  async cancelUnlaunched(
    scope: 'document' | 'measure',
    id: string,
    by: string,
    reason: string,
    tx: EntityManager,
    notStarted: 'no-workflow' | 'workflow-not-started' = 'no-workflow',
  ): Promise<number> {
    const column = scope === 'document' ? 'document_id' : 'measure_id';
    const started = notStarted === 'no-workflow' ? 'AND workflow_id IS NULL' : '';
    const rows = await tx.query<{ id: string }[]>(
      `WITH cancelled AS (
         UPDATE task SET state = 'cancelled', last_event_seq = last_event_seq + 1, updated_at = now()
         WHERE ${column} = $1 AND state = 'draft' AND last_event_seq = 0 ${started}
         RETURNING id, last_event_seq)
       INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
       SELECT id, last_event_seq, 'cancel', 'draft', 'cancelled', $2, $3, now() FROM cancelled
       RETURNING task_id AS id`,
      [id, by, JSON.stringify({ reason, scope })],
    );
    return rows.length;
  }

  /** Tasks of a document or measure whose workflow still runs (mirror not final), in id order. */
  async runningWorkflowsOf(
    scope: 'document' | 'measure' | 'task',
    id: string,
    after: string | null,
    limit: number,
  ): Promise<{ taskId: string; workflowId: string }[]> {
    const column = scope === 'document' ? 'document_id' : scope === 'measure' ? 'measure_id' : 'id';
    return this.db.query(
      `SELECT id AS "taskId", workflow_id AS "workflowId" FROM task
       WHERE ${column} = $1 AND workflow_id IS NOT NULL
         AND state NOT IN ('accepted', 'closed', 'reassigned', 'cancelled')
         AND ($2::uuid IS NULL OR id > $2::uuid)
       ORDER BY id LIMIT $3`,
      [id, after, limit],
    );
  }

  /** A revision that keeps a task: its role and the attribution it now comes from in the new text. */
  async reviseTask(
    id: string,
    t: { role: TaskRole; partyAsWritten: string; span: [number, number] | null },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE task SET role = $2, party_as_written = $3, attribution_start = $4, attribution_end = $5, updated_at = now()
       WHERE id = $1`,
      [id, t.role, t.partyAsWritten, t.span?.[0] ?? null, t.span?.[1] ?? null],
    );
  }

  /**
   * Launches the document's draft tasks that have no workflow yet, due on their measure's date
   * where it has one; answers them with their measures.
   */
  async launchDrafts(
    documentId: string,
    dueDate: string,
    tx: EntityManager,
  ): Promise<{ id: string; measureId: string }[]> {
    // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    return tx.query(
      `WITH launched AS (
         UPDATE task t SET due_date = coalesce((SELECT m.due_date FROM measure m WHERE m.id = t.measure_id), $2::date),
           workflow_id = 'task-' || t.id, updated_at = now()
         WHERE t.document_id = $1 AND t.state = 'draft' AND t.workflow_id IS NULL
         RETURNING t.id, t.measure_id)
       SELECT id, measure_id AS "measureId" FROM launched`,
      [documentId, dueDate],
    );
  }

  async setWorkflowId(id: string, workflowId: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE task SET workflow_id = $2, updated_at = now() WHERE id = $1', [id, workflowId]);
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
