import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, download, errorText, ok, rawFetch, type Schemas } from '../api/client';
import { hasRole, useAuth } from '../auth';
import { PageTitle } from '../components/page-title';
import {
  daysLeftText,
  EVENT_LABELS,
  Light,
  pendingExtension,
  ROLE_NAMES,
  StateTag,
  type TaskDetail,
} from '../components/task-bits';

type Attachment = Schemas['AttachmentDto'];
const key = () => ({ 'idempotency-key': crypto.randomUUID() });
const stack = { display: 'grid', gap: 12 } as const;

/** One task: its clock in words, the actions the signed-in role may take, files and history. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [detail, attachments] = await Promise.all([
        ok(api.GET('/api/tasks/{id}', { params: { path: { id } } })),
        ok(api.GET('/api/tasks/{id}/attachments', { params: { path: { id } } })),
      ]);
      setTask(detail);
      setFiles(attachments.items);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  /** Runs an action; the API's Chinese message on failure, a confirmation and a reload on success. */
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      void message.success(done);
      await load();
      return true;
    } catch (err) {
      void message.error(errorText(err));
      return false;
    }
  };

  if (error && !task) return <Alert role="alert" type="error" showIcon title={error} />;
  if (!task) return <Spin description="正在加载…" style={{ display: 'block', margin: 48 }} />;

  const mine =
    hasRole(user, 'liaison') &&
    (user!.agencyIds.includes(task.agencyId) ||
      (user!.actingFor ?? []).some((a) => a.agencyIds.includes(task.agencyId)));
  const coordinator = hasRole(user, 'coordinator');
  const pending = pendingExtension(task);
  const path = { path: { id }, header: key() };

  return (
    <div style={stack}>
      <PageTitle>
        {task.measureNumber} {task.measureTitle}
      </PageTitle>
      <Card size="small">
        <Space wrap style={{ marginBottom: 8 }}>
          <StateTag task={task} />
          <Light colour={task.colour} />
          <Typography.Text strong type={task.clock.overdue ? 'danger' : undefined}>
            {daysLeftText(task)}
          </Typography.Text>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="责任单位">
            {task.agency}（{ROLE_NAMES[task.role]}）
          </Descriptions.Item>
          <Descriptions.Item label="截止日期">{task.dueDate ?? '无'}</Descriptions.Item>
          <Descriptions.Item label="已延期">{task.extensionCount} 次</Descriptions.Item>
          {task.pausedSince && <Descriptions.Item label="暂停计时自">{task.pausedSince}</Descriptions.Item>}
          <Descriptions.Item label="灯色说明">{task.clock.explanation}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
          style={{ marginTop: 8 }}
        >
          {task.measureText}
        </Typography.Paragraph>
      </Card>

      {mine && task.state === 'issued' && (
        <Card size="small" title="签收任务">
          <Typography.Paragraph>签收后开始办理，可报告进展、提交办结或申请延期。</Typography.Paragraph>
          <Button
            type="primary"
            onClick={() => void act(() => ok(api.POST('/api/tasks/{id}/acknowledge', { params: path })), '已签收')}
          >
            签收
          </Button>
        </Card>
      )}
      {mine && task.state === 'in_progress' && <LiaisonActions task={task} act={act} />}
      {mine && task.state === 'submitted' && <Alert type="info" showIcon title="已提交办结，等待督办员审核。" />}

      {coordinator && task.state === 'submitted' && <ReviewCard taskId={id} act={act} />}
      {coordinator && pending && <ExtensionDecisionCard taskId={id} pending={pending} act={act} />}
      {coordinator && (task.state === 'issued' || task.state === 'in_progress') && (
        <ReassignCard task={task} act={act} />
      )}
      {hasRole(user, 'leader') && <LeaderCard task={task} act={act} />}

      <Card size="small" title="佐证材料">
        {files.length === 0 ? (
          <Empty description={mine ? '暂无附件。提交办结或报告进展时可上传佐证材料。' : '暂无附件。'} />
        ) : (
          <Space orientation="vertical">
            {files.map((f) => (
              <Button
                key={f.id}
                type="link"
                onClick={() =>
                  void download(`/api/tasks/${id}/attachments/${f.id}`, f.name).catch((err: unknown) =>
                    message.error(errorText(err)),
                  )
                }
              >
                {f.name}（{Math.ceil(f.size / 1024)} KB，{f.uploadedBy}）
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Card size="small" title="办理记录">
        <Timeline
          items={[...task.history].reverse().map((e) => ({
            key: e.seq,
            content: (
              <div>
                <Typography.Text strong>{EVENT_LABELS[e.type] ?? e.type}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  {dayjs(e.occurredAt).format('YYYY-MM-DD HH:mm')}
                  {e.actor ? ` · ${e.actor}` : ''}
                </Typography.Text>
                {describe(e.detail) && <div>{describe(e.detail)}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <Link to="/">返回</Link>
    </div>
  );
}

/** The human part of an event's detail: the note, evidence, reason or instruction text. */
function describe(detail: Record<string, unknown>): string | null {
  for (const k of ['note', 'evidence', 'reason', 'text', 'message']) {
    if (typeof detail[k] === 'string' && detail[k]) return detail[k];
  }
  return null;
}

type Act = (run: () => Promise<unknown>, done: string) => Promise<boolean>;

function LiaisonActions({ task, act }: { task: TaskDetail; act: Act }) {
  const id = task.id;
  const [progress] = Form.useForm<{ note: string }>();
  const [submit] = Form.useForm<{ evidence: string }>();
  const [extension] = Form.useForm<{ reason: string; proposedDate: Dayjs }>();
  const [uploads, setUploads] = useState<UploadFile<Attachment>[]>([]);
  const attachmentIds = uploads.flatMap((u) => (u.status === 'done' && u.response ? [u.response.id] : []));
  const params = () => ({ path: { id }, header: key() });

  return (
    <>
      <Card size="small" title="报告进展">
        <Form
          form={progress}
          layout="vertical"
          onFinish={(v) =>
            void act(
              () => ok(api.POST('/api/tasks/{id}/progress', { params: params(), body: { note: v.note } })),
              '进展已报告',
            ).then((done) => done && progress.resetFields())
          }
        >
          <Form.Item label="进展情况" name="note" rules={[{ required: true, message: '请填写进展情况' }]}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            报告进展
          </Button>
        </Form>
      </Card>
      <Card size="small" title="提交办结">
        <Form
          form={submit}
          layout="vertical"
          onFinish={(v) =>
            void act(
              () =>
                ok(
                  api.POST('/api/tasks/{id}/submit', {
                    params: params(),
                    body: { evidence: v.evidence, attachmentIds },
                  }),
                ),
              '已提交办结，等待审核',
            )
          }
        >
          <Form.Item label="办结情况说明" name="evidence" rules={[{ required: true, message: '请说明办结情况' }]}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Form.Item label="佐证材料" extra="PDF、OFD、Word、Excel、WPS、图片或 ZIP，单个不超过 20 MB">
            <Upload<Attachment>
              fileList={uploads}
              onChange={({ fileList }) => setUploads(fileList)}
              customRequest={({ file, onSuccess, onError }) => {
                const body = new FormData();
                body.append('file', file);
                rawFetch(`/api/tasks/${id}/attachments`, { method: 'POST', body })
                  .then(async (res) => onSuccess?.((await res.json()) as Attachment))
                  .catch((err: unknown) => onError?.(err instanceof Error ? err : new Error(String(err))));
              }}
            >
              <Button>上传附件</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit">
            提交办结
          </Button>
        </Form>
      </Card>
      <Card size="small" title="申请延期">
        <Form
          form={extension}
          layout="vertical"
          onFinish={(v) =>
            void act(
              () =>
                ok(
                  api.POST('/api/tasks/{id}/extension-request', {
                    params: params(),
                    body: { reason: v.reason, proposedDate: v.proposedDate.format('YYYY-MM-DD') },
                  }),
                ),
              '延期申请已提交，等待督办员审批',
            )
          }
        >
          <Form.Item label="延期理由" name="reason" rules={[{ required: true, message: '请填写延期理由' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item label="申请延期至" name="proposedDate" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Button htmlType="submit">申请延期</Button>
        </Form>
      </Card>
    </>
  );
}

function ReviewCard({ taskId, act }: { taskId: string; act: Act }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const review = (decision: 'accept' | 'return') => {
    const reason = (form.getFieldValue('reason') as string | undefined)?.trim();
    if (decision === 'return' && !reason) {
      void form.validateFields();
      return;
    }
    void act(
      () =>
        ok(
          api.POST('/api/tasks/{id}/review', {
            params: { path: { id: taskId }, header: key() },
            body: decision === 'accept' ? { decision } : { decision, reason },
          }),
        ),
      decision === 'accept' ? '已审核通过' : '已退回',
    );
  };
  return (
    <Card size="small" title="审核">
      <Form form={form} layout="vertical">
        <Form.Item
          label="退回理由"
          name="reason"
          rules={[{ required: true, message: '退回须说明理由' }]}
          extra="通过时可不填"
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => review('accept')}>
            通过
          </Button>
          <Button danger onClick={() => review('return')}>
            退回
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function ExtensionDecisionCard({
  taskId,
  pending,
  act,
}: {
  taskId: string;
  pending: { reason: string; proposedDate: string };
  act: Act;
}) {
  const [reason, setReason] = useState('');
  const decide = (decision: 'approve' | 'deny') =>
    void act(
      () =>
        ok(
          api.POST('/api/tasks/{id}/extension-decision', {
            params: { path: { id: taskId }, header: key() },
            body: reason.trim() ? { decision, reason: reason.trim() } : { decision },
          }),
        ),
      decision === 'approve' ? '已批准延期' : '已不予延期',
    );
  return (
    <Card size="small" title="延期申请">
      <Typography.Paragraph>
        申请延期至 <Typography.Text strong>{pending.proposedDate}</Typography.Text>：{pending.reason}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="审批意见"
        placeholder="审批意见（不予批准时必填）"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Space>
        <Button type="primary" onClick={() => decide('approve')}>
          批准延期
        </Button>
        <Button onClick={() => decide('deny')}>不予批准</Button>
      </Space>
    </Card>
  );
}

function LeaderCard({ task, act }: { task: TaskDetail; act: Act }) {
  const [form] = Form.useForm<{ text: string }>();
  const params = () => ({ path: { id: task.id }, header: key() });
  // A 督办 is the rung whose audience is leadership (the default ladder's +10 working days).
  const supervised = task.history.some((e) => {
    const audience = (e.detail as { audience?: unknown }).audience;
    return e.type === 'rung' && Array.isArray(audience) && audience.includes('leader');
  });
  const read = task.history.some((e) => e.type === 'supervision_read');
  return (
    <Card size="small" title="领导批示">
      {supervised && !read && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>本任务已呈报督办，请阅知。</Typography.Text>
          <Button
            onClick={() =>
              void act(() => ok(api.POST('/api/tasks/{id}/supervision-read', { params: params(), body: {} })), '已阅知')
            }
          >
            阅知
          </Button>
        </Space>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void act(
            () => ok(api.POST('/api/tasks/{id}/instructions', { params: params(), body: { text: v.text } })),
            '批示已送达',
          ).then((done) => done && form.resetFields())
        }
      >
        <Form.Item label="批示内容" name="text" rules={[{ required: true, message: '请填写批示内容' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          批示
        </Button>
      </Form>
    </Card>
  );
}

/** 转办: hand the task to another agency, which carries its clock on; the page then shows the new task. */
function ReassignCard({ task, act }: { task: TaskDetail; act: Act }) {
  const navigate = useNavigate();
  const [agencies, setAgencies] = useState<Schemas['AgencyDto'][]>([]);
  useEffect(() => {
    ok(api.GET('/api/agencies'))
      .then((all) => setAgencies(all.filter((a) => a.id !== task.agencyId)))
      .catch(() => undefined);
  }, [task.agencyId]);
  const reassign = (v: { agencyId: string; reason: string }) => {
    let next: string | undefined;
    void act(async () => {
      const snapshot = await ok(
        api.POST('/api/tasks/{id}/reassign', {
          params: { path: { id: task.id }, header: key() },
          body: { agencyId: v.agencyId, reason: v.reason },
        }),
      );
      next = snapshot.reassignedTo?.taskId;
    }, '已转办').then((done) => {
      if (done && next) void navigate(`/tasks/${next}`);
    });
  };
  return (
    <Card size="small" title="转办">
      <Form layout="vertical" onFinish={reassign}>
        <Form.Item label="承接单位" name="agencyId" rules={[{ required: true, message: '请选择承接单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择单位"
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item label="转办理由" name="reason" rules={[{ required: true, message: '请填写转办理由' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit">转办</Button>
      </Form>
    </Card>
  );
}
