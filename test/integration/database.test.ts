import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../../libs/database';
import { TaskEventsService, type TaskEventRecord } from '../../libs/tasks/task-events.service';

/** Real PostgreSQL, migrated up from empty by the global setup. */
describe('database', () => {
  let db: DataSource;
  let events: TaskEventsService;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
    events = new TaskEventsService(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('has every committed migration applied and nothing pending', async () => {
    const rows: { name: string }[] = await db.query('SELECT name FROM schema_migration ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await db.showMigrations()).toBe(false);
  });

  async function newTask(): Promise<string> {
    type Row = { id: string }[];
    const [doc] = await db.query<Row>(
      `INSERT INTO policy_document (source_text, parse) VALUES ('x', '{}') RETURNING id`,
    );
    const [measure] = await db.query<Row>(
      `INSERT INTO measure (document_id, seq, number, title, text, span_start, span_end)
       VALUES ($1, 1, '（一）', 't', 't', 0, 1) RETURNING id`,
      [doc.id],
    );
    const [agency] = await db.query<Row>(`INSERT INTO agency (name) VALUES ($1) RETURNING id`, [
      `单位-${randomUUID()}`,
    ]);
    const [task] = await db.query<Row>(
      `INSERT INTO task (document_id, measure_id, agency_id, role) VALUES ($1, $2, $3, 'lead') RETURNING id`,
      [doc.id, measure.id, agency.id],
    );
    return task.id;
  }

  const event = (taskId: string, seq: number, type: TaskEventRecord['type'], toState: TaskEventRecord['toState']) => ({
    taskId,
    seq,
    type,
    fromState: null,
    toState,
    actor: 'system',
    detail: {},
    occurredAt: new Date().toISOString(),
  });

  it('writes a retried event once', async () => {
    const taskId = await newTask();
    expect(await events.record(event(taskId, 1, 'issue', 'issued'))).toBe('recorded');
    expect(await events.record(event(taskId, 1, 'issue', 'issued'))).toBe('duplicate');
    const rows: unknown[] = await db.query('SELECT 1 FROM task_event WHERE task_id = $1', [taskId]);
    expect(rows).toHaveLength(1);
  });

  it('keeps the newest state when events arrive out of order', async () => {
    const taskId = await newTask();
    await events.record(event(taskId, 1, 'issue', 'issued'));
    await events.record(event(taskId, 3, 'submit', 'submitted'));
    await events.record(event(taskId, 2, 'acknowledge', 'in_progress'));
    const [task] = await db.query<{ state: string; last_event_seq: number }[]>(
      'SELECT state, last_event_seq FROM task WHERE id = $1',
      [taskId],
    );
    expect(task).toEqual({ state: 'submitted', last_event_seq: 3 });
  });

  it('reports an event for a task that does not exist', async () => {
    expect(await events.record(event('00000000-0000-0000-0000-000000000000', 1, 'issue', 'issued'))).toBe(
      'unknown-task',
    );
  });

  it('refuses an impossible state at the database level', async () => {
    const taskId = await newTask();
    await expect(db.query(`UPDATE task SET state = 'done' WHERE id = $1`, [taskId])).rejects.toThrow(
      /check constraint/,
    );
  });

  it('writes a rung notification with its event, once, and mirrors the clock on the task', async () => {
    const taskId = await newTask();
    await events.record(event(taskId, 1, 'issue', 'issued'));
    const rung = {
      ...event(taskId, 2, 'rung', 'issued'),
      detail: { rule: 'urge' },
      clock: { dueDate: '2026-12-15', pausedSince: null, calendarGapYear: null, extensions: 1 },
      notify: [
        { audience: 'liaison' as const, message: '【催办】' },
        { audience: 'coordinator' as const, message: '【催办】' },
      ],
    };
    expect(await events.record(rung)).toBe('recorded');
    expect(await events.record(rung)).toBe('duplicate');
    const notes = await db.query<{ audience: string; agency_id: string | null }[]>(
      'SELECT audience, agency_id FROM notification WHERE task_id = $1 ORDER BY audience',
      [taskId],
    );
    expect(notes.map((n) => n.audience)).toEqual(['coordinator', 'liaison']);
    expect(notes[1].agency_id).not.toBeNull();
    const [task] = await db.query<{ due_date: string; extension_count: number }[]>(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date, extension_count FROM task WHERE id = $1`,
      [taskId],
    );
    expect(task).toEqual({ due_date: '2026-12-15', extension_count: 1 });
  });
});
