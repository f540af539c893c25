import { randomUUID } from 'node:crypto';
import { addDays, DEFAULT_LADDER, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { useE2eStack } from '../setup/e2e-stack';

// A made-up implementation plan; the agencies are in the packaged registry.
const text = (tag: string) => `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）建立协同机制。统筹推进各项工作，形成工作合力。（市民政局牵头，市教委、市公安局、市财政局配合）
（二）加强部门联动。做好联合保障工作。（市民政局、市卫生健康委按职责分工负责）
`;

interface TaskRow {
  id: string;
  agency: string;
  agencyId: string;
  measureId: string;
  measureNumber: string;
  role: string;
  state: string;
}

/** Issue 11, 牵头/配合 over HTTP on the real worker, Temporal and PostgreSQL. */
describe('joint responsibility: a lead and its cooperators, end to end', () => {
  const stack = useE2eStack('joint');
  let coordinator: Http;
  const liaisons: Record<string, Http> = {};
  const dueDate = addDays(shanghaiDay(new Date()), 30);
  const waitFor = (what: string, check: () => Promise<boolean>) => stack.waitFor(what, check);

  beforeAll(async () => {
    coordinator = await signedIn(stack.base, 'coordinator');
    for (const agency of ['市民政局', '市教委', '市财政局', '市公安局', '市卫生健康委'])
      liaisons[agency] = await signedIn(stack.base, `liaison.${agency}`);
  });

  const tasksOf = async (documentId: string): Promise<TaskRow[]> => {
    const res = await coordinator.get('/tasks').query({ documentId, pageSize: 100, sort: 'measure' });
    expect(res.status).toBe(200);
    return (res.body as { items: TaskRow[] }).items;
  };
  const imported = async (tag: string) => {
    const res = await coordinator.post('/documents').send({ text: text(tag) });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const issued = async (documentId: string) => {
    await waitFor('every task issued', async () => (await tasksOf(documentId)).every((t) => t.state === 'issued'));
    return tasksOf(documentId);
  };

  it('a lead consolidating three cooperators: inputs reach the lead, who submits once; the measure closes them', async () => {
    const doc = await imported(`牵头汇总${randomUUID().slice(0, 8)}`);
    // A rung due at once (100 working days before the due date) addressed to leaders and coordinators.
    const early = { ...DEFAULT_LADDER[0], key: 'early', offset: -100, audience: ['leader', 'coordinator'] };
    const ladder = [early, ...DEFAULT_LADDER];
    expect((await coordinator.post(`/documents/${doc.id}/launch`).send({ dueDate, ladder })).status).toBe(202);
    const tasks = (await issued(doc.id)).filter((t) => t.measureNumber === '（一）');
    const lead = tasks.find((t) => t.role === 'lead')!;
    const cooperators = tasks.filter((t) => t.role === 'cooperating');
    expect(lead.agency).toBe('市民政局');
    expect(cooperators.map((t) => t.agency).sort()).toEqual(['市公安局', '市教委', '市财政局'].sort());

    // Cooperating rungs reach the cooperating agency and the lead, never leaders (nor coordinators).
    await waitFor('the early rung of every task of the measure', async () => {
      const { rows } = await stack.db.query(
        `SELECT DISTINCT task_id FROM task_event WHERE type = 'rung' AND task_id = ANY($1)`,
        [tasks.map((t) => t.id)],
      );
      return rows.length === tasks.length;
    });
    const { rows: notices } = await stack.db.query<{ task_id: string; audience: string; agency: string | null }>(
      `SELECT n.task_id, n.audience, a.name AS agency FROM notification n
         JOIN task_event e ON e.task_id = n.task_id AND e.seq = n.event_seq AND e.type = 'rung'
         LEFT JOIN agency a ON a.id = n.agency_id
       WHERE n.task_id = ANY($1)`,
      [tasks.map((t) => t.id)],
    );
    for (const c of cooperators) {
      expect(notices.filter((n) => n.task_id === c.id)).toEqual([
        { task_id: c.id, audience: 'liaison', agency: '市民政局' },
      ]);
    }
    // The lead's own rung goes up the ladder as configured.
    expect(
      notices
        .filter((n) => n.task_id === lead.id)
        .map((n) => n.audience)
        .sort(),
    ).toEqual(['coordinator', 'leader']);

    // Each cooperator acknowledges and delivers its input; the lead's liaison is told at once.
    for (const c of cooperators) {
      const liaison = liaisons[c.agency];
      expect((await liaison.post(`/tasks/${c.id}/acknowledge`).send({})).status).toBe(201);
      const sent = await liaison.post(`/tasks/${c.id}/submit`).send({ evidence: `${c.agency}配合材料` });
      expect(sent.status).toBe(201);
      expect(sent.body.state).toBe('submitted');
    }
    const inbox = async () =>
      ((await liaisons['市民政局'].get('/inbox').query({ pageSize: 100 })).body as { items: { message: string }[] })
        .items;
    await waitFor('three input notices in the lead liaison inbox', async () => {
      const items = await inbox();
      return cooperators.every((c) => items.some((i) => i.message.startsWith(`${c.agency}已报送`)));
    });

    // The lead's liaison sees each cooperator with what it delivered; a cooperator sees whom it reports to.
    const leadView = (await liaisons['市民政局'].get(`/tasks/${lead.id}`)).body as {
      cooperators: { agency: string; state: string; latestInput: { type: string; text: string } | null }[];
    };
    expect(leadView.cooperators).toHaveLength(3);
    for (const c of leadView.cooperators) {
      expect(c).toMatchObject({ state: 'submitted', latestInput: { type: 'submit', text: `${c.agency}配合材料` } });
    }
    const education = cooperators.find((t) => t.agency === '市教委')!;
    const coopView = (await liaisons['市教委'].get(`/tasks/${education.id}`)).body as { reportsTo: unknown };
    expect(coopView.reportsTo).toEqual([{ agencyId: lead.agencyId, agencyName: '市民政局' }]);

    // The coordinator reviews the lead's consolidated submission, not a cooperator's input.
    const direct = await coordinator.post(`/tasks/${cooperators[0].id}/review`).send({ decision: 'accept' });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('REPORTS_TO_LEAD');

    // The lead sends one input back for more; only the lead may, and only a cooperator's.
    const finance = cooperators.find((t) => t.agency === '市财政局')!;
    const police = cooperators.find((t) => t.agency === '市公安局')!;
    const byOther = await liaisons['市教委'].post(`/tasks/${finance.id}/return-input`).send({ reason: '补充' });
    expect(byOther.status).toBe(404);
    const ownTask = await liaisons['市公安局'].post(`/tasks/${police.id}/return-input`).send({ reason: '补充' });
    expect(ownTask.body.code).toBe('NOT_LEAD');
    const onLead = await liaisons['市民政局'].post(`/tasks/${lead.id}/return-input`).send({ reason: '补充' });
    expect(onLead.body.code).toBe('NOT_LEAD');
    const back = await liaisons['市民政局']
      .post(`/tasks/${finance.id}/return-input`)
      .send({ reason: '请补充经费测算' });
    expect(back.status).toBe(201);
    expect(back.body.state).toBe('in_progress');
    const resent = await liaisons['市财政局']
      .post(`/tasks/${finance.id}/submit`)
      .send({ evidence: '市财政局配合材料（含经费测算）' });
    expect(resent.status).toBe(201);

    // One consolidated completion for the measure, naming what each cooperator had delivered.
    expect((await liaisons['市民政局'].post(`/tasks/${lead.id}/acknowledge`).send({})).status).toBe(201);
    const consolidated = await liaisons['市民政局'].post(`/tasks/${lead.id}/submit`).send({ evidence: '汇总报告' });
    expect(consolidated.status).toBe(201);
    const submitted = (await coordinator.get(`/tasks/${lead.id}`)).body as {
      history: { type: string; detail: { consolidated?: { agency: string; state: string; inputSeq: number }[] } }[];
    };
    const submit = submitted.history.filter((h) => h.type === 'submit').at(-1)!;
    expect(submit.detail.consolidated?.map((c) => c.agency).sort()).toEqual(['市公安局', '市教委', '市财政局'].sort());
    for (const c of submit.detail.consolidated ?? []) {
      expect(c.state).toBe('submitted');
      expect(c.inputSeq).toBeGreaterThan(0);
    }

    // Accepted: the measure is done and its cooperating tasks close with it (随措施办结).
    expect((await coordinator.post(`/tasks/${lead.id}/review`).send({ decision: 'accept' })).status).toBe(201);
    await waitFor('the cooperating tasks closed with the measure', async () =>
      (await tasksOf(doc.id)).filter((t) => t.role === 'cooperating').every((t) => t.state === 'closed'),
    );
    const status = (await coordinator.get(`/documents/${doc.id}/status`)).body as {
      measures: { number: string; done: boolean; colour: string }[];
    };
    expect(status.measures.find((m) => m.number === '（一）')).toMatchObject({ done: true, colour: 'green' });
  });

  it('lets the coordinator designate a lead where the text names none, keeping what the text said', async () => {
    const doc = await imported(`指定牵头${randomUUID().slice(0, 8)}`);
    const tasks = await tasksOf(doc.id);
    const first = tasks.filter((t) => t.measureNumber === '（一）');
    const second = tasks.filter((t) => t.measureNumber === '（二）');
    expect(second.map((t) => t.role)).toEqual(['shared', 'shared']);
    const health = second.find((t) => t.agency === '市卫生健康委')!;
    const leads = [{ measureId: health.measureId, agencyId: health.agencyId }];

    const preview = await coordinator.post(`/documents/${doc.id}/launch/preview`).send({ dueDate, leads });
    expect(preview.status).toBe(200);
    const parties = (preview.body as { measures: { number: string; parties: unknown[] }[] }).measures.find(
      (m) => m.number === '（二）',
    )!.parties;
    expect(parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agency: '市卫生健康委', role: 'lead', roleAsWritten: 'shared' }),
        expect.objectContaining({ agency: '市民政局', role: 'cooperating', roleAsWritten: 'shared' }),
      ]),
    );

    const named = await coordinator
      .post(`/documents/${doc.id}/launch/preview`)
      .send({ dueDate, leads: [{ measureId: first[0].measureId, agencyId: first[1].agencyId }] });
    expect(named.status).toBe(422);
    expect(named.body.code).toBe('LEAD_ALREADY_NAMED');
    const stranger = first.find((t) => t.agency === '市教委')!;
    const notParty = await coordinator
      .post(`/documents/${doc.id}/launch/preview`)
      .send({ dueDate, leads: [{ measureId: health.measureId, agencyId: stranger.agencyId }] });
    expect(notParty.status).toBe(422);
    expect(notParty.body.code).toBe('AGENCY_NOT_ON_MEASURE');
    // The preview stored nothing.
    expect((await tasksOf(doc.id)).filter((t) => t.measureNumber === '（二）').map((t) => t.role)).toEqual([
      'shared',
      'shared',
    ]);

    expect((await coordinator.post(`/documents/${doc.id}/launch`).send({ dueDate, leads })).status).toBe(202);
    const launched = (await issued(doc.id)).filter((t) => t.measureNumber === '（二）');
    expect(Object.fromEntries(launched.map((t) => [t.agency, t.role]))).toEqual({
      市卫生健康委: 'lead',
      市民政局: 'cooperating',
    });
    const detail = (await coordinator.get(`/tasks/${health.id}`)).body as {
      role: string;
      provenance: { roleAsWritten: string | null };
      history: { type: string; detail: { role?: string } }[];
    };
    expect(detail.provenance.roleAsWritten).toBe('shared');
    // The status shows each measure's own due date and its basis.
    const status = (await coordinator.get(`/documents/${doc.id}/status`)).body as {
      measures: { number: string; dueDate: string; dueBasis: string }[];
    };
    expect(status.measures.find((m) => m.number === '（二）')).toMatchObject({ dueDate, dueBasis: '下发时指定日期' });
    expect(detail.history[0]).toMatchObject({ type: 'issue', detail: { role: 'lead' } });
    // The parse still reports what the text says.
    const parsed = (await coordinator.get(`/documents/${doc.id}`)).body as {
      measures: { attributions: { lead: string[]; shared: string[] }[] }[];
    };
    expect(parsed.measures[1].attributions[0]).toMatchObject({ lead: [], shared: ['市民政局', '市卫生健康委'] });
  });
});
