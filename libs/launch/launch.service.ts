import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import type { documentWorkflow } from '../../workflows/document.workflow';
import { DEFAULT_MAX_EXTENSIONS } from './launch.activities';
import type { DocumentWorkflowInput } from './launch.definitions';
import { documentWorkflowId, taskWorkflowId } from './launch.definitions';
import {
  blocking,
  checkDate,
  checkLadder,
  checkNotPast,
  covered,
  type LaunchParty,
  type LaunchPlan,
  type LaunchPreview,
  type LaunchRequest,
  type LaunchResult,
  type LeadRequest,
  normalised,
  PER_MEASURE_BASIS,
  refuseBlocked,
} from './launch-request';
import { isOutage } from './temporal-refusal';
import { type DocumentDue, measureDue, ONGOING_REPORT_WORKING_DAY } from './domain/measure-due';
import { leadDesignationProblem, rolesAfterDesignation } from './domain/lead-designation';
import { AuditService } from '../audit/audit.service';
import { currentAuditContext } from '../audit/audit-context';
import { CalendarService } from '../calendar/calendar.service';
import { addWorkingDays, type WorkCalendar } from '../calendar/domain/working-days';
import { APP_CONFIG, type AppConfig } from '../config';
import { DocumentError } from '../documents/documents.errors';
import { DocumentsService } from '../documents/documents.service';
import type { PolicyDocumentRow } from '../documents/documents.repository';
import { TEMPORAL_CLIENT } from '../temporal';
import { shanghaiDay } from '../clock';
import { DEFAULT_LADDER } from '../clock/domain/ladder';
import type { ReportCadence } from '../clock/domain/firing-plan';
import { TasksService } from '../tasks/tasks.service';
import type { TaskViewRow } from '../tasks/task.repository';
import { TaskError } from '../tasks/tasks.errors';

export { DEFAULT_MAX_EXTENSIONS };
export type {
  LaunchPreview,
  LaunchRequest,
  LaunchResult,
  MeasureDuePreview,
  MeasureDueRequest,
} from './launch-request';

@Injectable()
export class LaunchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
  ) {}

  /** Checks a request's own dates: ISO, in a covered year; past dates are checked where the launch is new. */
  private async checkRequest(
    req: LaunchRequest,
    today: string,
  ): Promise<{ documentDue: DocumentDue | null; cal: WorkCalendar }> {
    if (req.dueDate !== undefined && req.dueInWorkingDays !== undefined) {
      throw new TaskError('DUE_REQUIRED', '请给出截止日期 dueDate 或工作日数 dueInWorkingDays（二选一）');
    }
    const cal = await this.calendar.getWorkCalendar();
    const seen = new Set<string>();
    for (const m of req.measures ?? []) {
      if (seen.has(m.measureId)) {
        throw new TaskError('DUPLICATE_MEASURE', `措施 ${m.measureId} 重复指定了截止日期`, { measureId: m.measureId });
      }
      seen.add(m.measureId);
      checkDate(cal, m.dueDate);
    }
    if (req.dueInWorkingDays !== undefined) {
      const dueDate = covered(() => addWorkingDays(cal, today, req.dueInWorkingDays ?? 0));
      return { documentDue: { dueDate, dueBasis: `自下发日 ${today} 起 ${req.dueInWorkingDays} 个工作日` }, cal };
    }
    if (req.dueDate === undefined) return { documentDue: null, cal };
    checkDate(cal, req.dueDate);
    return { documentDue: { dueDate: req.dueDate, dueBasis: '下发时指定日期' }, cal };
  }

  /** Each measure's due date for this request: the pure rule over the stored parse and the request. */
  private async plan(
    doc: PolicyDocumentRow,
    tasks: TaskViewRow[],
    req: LaunchRequest,
    today: string,
    tx: EntityManager,
    checked: { documentDue: DocumentDue | null; cal: WorkCalendar },
    reportCadence: ReportCadence | null,
  ): Promise<LaunchPlan> {
    const measures = await this.documents.measures(doc.id, tx);
    const ids = new Set(measures.map((m) => m.id));
    const requested = new Map((req.measures ?? []).map((m) => [m.measureId, m.dueDate]));
    for (const id of requested.keys()) {
      if (!ids.has(id)) {
        throw new TaskError('MEASURE_NOT_IN_DOCUMENT', `措施 ${id} 不属于该文件`, { measureId: id });
      }
    }
    const parties = partiesWithLeads(measures, tasks, req.leads ?? []);
    return {
      documentDue: checked.documentDue,
      measures: measures.map((m) => {
        // Parses stored before contract version 2 have no timeLimit: read as none.
        const timeLimit = doc.parse.measures[m.seq - 1]?.timeLimit ?? null;
        const due = measureDue({
          timeLimit,
          requested: requested.get(m.id) ?? null,
          documentDue: checked.documentDue,
          today,
          cal: checked.cal,
        });
        return {
          measureId: m.id,
          number: m.number,
          title: m.title,
          tasks: m.withdrawnAt === null ? (parties.get(m.id)?.length ?? 0) : 0,
          timeLimit,
          ...due,
          reportCadence: due.reportsMonthly
            ? (reportCadence ?? { monthlyWorkingDay: ONGOING_REPORT_WORKING_DAY })
            : null,
          parties: parties.get(m.id) ?? [],
        };
      }),
    };
  }

  /** What a launch with this request would set on each measure, and what stands in its way; writes nothing. */
  async preview(documentId: string, request: LaunchRequest, now = new Date()): Promise<LaunchPreview> {
    const req = normalised(request);
    const today = shanghaiDay(now);
    const doc = await this.documents.getDocument(documentId);
    checkLadder(req.ladder ?? DEFAULT_LADDER);
    const checked = await this.checkRequest(req, today);
    checkNotPast(checked.documentDue, req, today);
    const tasks = await this.tasks.tasksToLaunch(documentId, this.db.manager);
    const plan = await this.plan(doc, tasks, req, today, this.db.manager, checked, req.reportCadence ?? null);
    return {
      documentId,
      dueDate: plan.documentDue?.dueDate ?? null,
      dueBasis: plan.documentDue?.dueBasis ?? null,
      launchable: doc.withdrawnAt === null && blocking(plan).length === 0 && plan.measures.some((m) => m.tasks > 0),
      alreadyLaunched: doc.status === 'launched',
      measures: plan.measures,
    };
  }

  /**
   * Starts the document's workflows. Safe to repeat: the workflow IDs are business keys, so a
   * second launch with the same due dates starts nothing and reports alreadyLaunched.
   */
  async launch(documentId: string, request: LaunchRequest, now = new Date()): Promise<LaunchResult> {
    const req = normalised(request);
    const today = shanghaiDay(now);
    if (!(await this.documents.exists(documentId))) {
      throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${documentId}`);
    }
    const ladder = req.ladder ?? DEFAULT_LADDER;
    checkLadder(ladder);
    const checked = await this.checkRequest(req, today);

    return this.db.transaction(async (tx) => {
      // Row lock: concurrent launches of one document run one after the other.
      const doc = await this.documents.lockDocument(documentId, tx);
      if (doc.withdrawnAt !== null) {
        throw new DocumentError(
          'DOCUMENT_WITHDRAWN',
          `该文件已于 ${doc.withdrawnAt.toISOString().slice(0, 10)} 撤销，不能下发`,
        );
      }
      const workflowId = documentWorkflowId(documentId);
      if (doc.status === 'launched') {
        await this.checkSameDates(doc, req, checked.documentDue, tx);
        await this.startDocumentWorkflow(workflowId, { documentId });
        const tasks = (await this.tasks.tasksToLaunch(documentId, tx)).length;
        return {
          documentId,
          workflowId,
          dueDate: doc.dueDate ?? '',
          dueBasis: doc.dueBasis ?? '',
          tasks,
          alreadyLaunched: true,
        };
      }
      checkNotPast(checked.documentDue, req, today);
      const settings = {
        ladder,
        maxExtensions: req.maxExtensions ?? DEFAULT_MAX_EXTENSIONS,
        reportCadence: req.reportCadence ?? null,
      };
      const tasks = await this.tasks.tasksToLaunch(documentId, tx);
      const plan = await this.plan(doc, tasks, req, today, tx, checked, settings.reportCadence);
      if (tasks.length === 0) {
        throw new TaskError('NO_TASKS', '该文件没有任何任务，不能下发：请先在导入预览中为措施指定责任单位');
      }
      refuseBlocked(plan);
      const launched = plan.measures.flatMap((m) =>
        m.tasks > 0 && m.dueDate !== null && m.dueBasis !== null
          ? [{ measureId: m.measureId, dueDate: m.dueDate, dueBasis: m.dueBasis, reportCadence: m.reportCadence }]
          : [],
      );
      // Without a document-wide date, the document's is its latest measure's (the roll-up's horizon).
      const latest = launched.map((m) => m.dueDate).sort((a, b) => b.localeCompare(a))[0];
      const dueDate = plan.documentDue?.dueDate ?? latest;
      const dueBasis = plan.documentDue?.dueBasis ?? PER_MEASURE_BASIS;
      // Its coordinator notices go to whoever launched it (issue 11).
      const launchedBy = currentAuditContext().actorId;
      await this.documents.markLaunched(
        documentId,
        { dueDate, dueBasis, launchedAt: now, launchedBy, ...settings },
        tx,
      );
      for (const { measureId, ...due } of launched) await this.documents.setMeasureDue(measureId, due, tx);
      const leads = req.leads ?? [];
      const roles = plan.measures.flatMap((m) => m.parties.map((p) => ({ taskId: p.taskId, role: p.role })));
      if (leads.length > 0) await this.tasks.setLaunchRoles(roles, tx);
      const dueOf = new Map(launched.map((m) => [m.measureId, m.dueDate]));
      for (const task of tasks) {
        await this.tasks.markLaunched(task.id, dueOf.get(task.measureId) ?? dueDate, taskWorkflowId(task.id), tx);
      }
      // A repeated launch changes nothing, so only the first one is recorded.
      await this.audit.record(tx, {
        action: 'document.launch',
        targetType: 'document',
        targetId: documentId,
        documentId,
        before: { status: doc.status },
        after: {
          status: 'launched',
          dueDate,
          dueBasis,
          tasks: tasks.length,
          ...settings,
          ...(leads.length > 0 ? { leads } : {}),
          measures: launched.map(({ measureId, dueDate: due, dueBasis: basis }) => ({
            measureId,
            dueDate: due,
            dueBasis: basis,
          })),
        },
      });
      // Ids only: the workflows read the stored settings and tasks, so the input never grows.
      const input: DocumentWorkflowInput = { documentId };
      // Started inside the transaction: if Temporal refuses, nothing is marked launched.
      await this.startDocumentWorkflow(workflowId, input);
      return { documentId, workflowId, dueDate, dueBasis, tasks: tasks.length, alreadyLaunched: false };
    });
  }

  /** A repeated launch must ask for the dates it set: the document-wide one and any it names per measure. */
  private async checkSameDates(
    doc: PolicyDocumentRow,
    req: LaunchRequest,
    documentDue: DocumentDue | null,
    tx: EntityManager,
  ): Promise<void> {
    if (documentDue && doc.dueDate !== documentDue.dueDate) {
      throw new TaskError('ALREADY_LAUNCHED', `该文件已下发，截止日期为 ${doc.dueDate}，不能以不同日期重复下发`, {
        dueDate: doc.dueDate,
      });
    }
    const measures = new Map((await this.documents.measures(doc.id, tx)).map((m) => [m.id, m]));
    for (const r of req.measures ?? []) {
      const m = measures.get(r.measureId);
      if (!m)
        throw new TaskError('MEASURE_NOT_IN_DOCUMENT', `措施 ${r.measureId} 不属于该文件`, { measureId: r.measureId });
      const stored = m.dueDate ?? doc.dueDate;
      if (stored !== r.dueDate) {
        throw new TaskError(
          'ALREADY_LAUNCHED',
          `该文件已下发，措施${m.number}的截止日期为 ${stored}，不能以不同日期重复下发`,
          { measureId: m.id, dueDate: stored },
        );
      }
    }
  }

  private async startDocumentWorkflow(workflowId: string, input: DocumentWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start<typeof documentWorkflow>('documentWorkflow', {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      const reason = (err as Error).message;
      if (isOutage(err)) {
        throw new TaskError('WORKFLOW_UNAVAILABLE', `工作流服务暂不可用，文件未下发，请稍后重试：${reason}`);
      }
      // Refused on its merits (a bad or oversized request): the same request would be refused again.
      throw new TaskError(
        'WORKFLOW_REFUSED',
        `工作流服务拒绝了下发请求，文件未下发，重试无效，请联系管理员：${reason}`,
      );
    }
  }
}

/**
 * Each measure's parties as the launch starts them, with the request's designated leads applied;
 * a designation the rules refuse (a lead the text names, an agency not on the measure) is an error.
 */
function partiesWithLeads(
  measures: readonly { id: string; number: string }[],
  tasks: readonly TaskViewRow[],
  leads: readonly LeadRequest[],
): Map<string, LaunchParty[]> {
  const byMeasure = new Map<string, LaunchParty[]>();
  for (const t of tasks) {
    const party = {
      taskId: t.id,
      agencyId: t.agencyId,
      agency: t.agencyName,
      role: t.role,
      roleAsWritten: t.roleAsWritten,
    };
    byMeasure.set(t.measureId, [...(byMeasure.get(t.measureId) ?? []), party]);
  }
  const numbers = new Map(measures.map((m) => [m.id, m.number]));
  const seen = new Set<string>();
  for (const { measureId, agencyId } of leads) {
    const number = numbers.get(measureId);
    if (number === undefined)
      throw new TaskError('MEASURE_NOT_IN_DOCUMENT', `措施 ${measureId} 不属于该文件`, { measureId });
    if (seen.has(measureId)) {
      throw new TaskError('DUPLICATE_MEASURE', `措施${number}重复指定了牵头单位`, { measureId });
    }
    seen.add(measureId);
    const parties = byMeasure.get(measureId) ?? [];
    const named = parties.map((p) => ({ agencyId: p.agencyId, agencyName: p.agency, role: p.role }));
    const problem = leadDesignationProblem(number, named, agencyId);
    if (problem) throw new TaskError(problem.code, problem.message, { measureId, agencyId });
    const roles = rolesAfterDesignation(named, agencyId);
    byMeasure.set(
      measureId,
      parties.map((p, i) =>
        roles[i] === p.role ? p : { ...p, role: roles[i], roleAsWritten: p.roleAsWritten ?? p.role },
      ),
    );
  }
  return byMeasure;
}
