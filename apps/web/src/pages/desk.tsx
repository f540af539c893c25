import { Alert, Card, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText, ok, type Schemas } from '../api/client';
import { PageTitle } from '../components/page-title';
import { daysLeftText, Light, pendingExtension, ROLE_NAMES, StateTag, type TaskView } from '../components/task-bits';

const PAGE_SIZE = 10;

const taskColumns: ColumnsType<TaskView> = [
  {
    title: '措施',
    key: 'measure',
    render: (_, t) => (
      <Link to={`/tasks/${t.id}`}>
        {t.measureNumber} {t.measureTitle}
      </Link>
    ),
  },
  { title: '责任单位', key: 'agency', render: (_, t) => `${t.agency}（${ROLE_NAMES[t.role]}）` },
  { title: '状态', key: 'state', render: (_, t) => <StateTag task={t} />, width: 90 },
  { title: '灯色', key: 'colour', render: (_, t) => <Light colour={t.colour} />, width: 80 },
  { title: '时限', key: 'due', render: (_, t) => daysLeftText(t), width: 150 },
];

/** A server-paginated task table for one filter of GET /tasks. */
function TaskTable({
  title,
  query,
  empty,
}: {
  title: string;
  query: { state?: 'submitted'; overdue?: boolean };
  empty: string;
}) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Schemas['TaskPageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ok(api.GET('/api/tasks', { params: { query: { ...query, sort: 'dueDate', page, pageSize: PAGE_SIZE } } }))
      .then(setData)
      .catch((err: unknown) => setError(errorText(err)));
  }, [page, query.state, query.overdue]);
  return (
    <Card size="small" title={`${title}${data ? `（${data.total}）` : ''}`}>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Table<TaskView>
        aria-label={title}
        size="small"
        rowKey="id"
        loading={!data && !error}
        columns={taskColumns}
        dataSource={data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
      />
    </Card>
  );
}

interface PendingRow {
  task: TaskView;
  reason: string;
  proposedDate: string;
}

/**
 * 待决延期: the API has no filter for it, so the desk reads the coordinator's extension notices
 * and keeps the tasks whose latest request is still undecided in their history.
 */
function PendingExtensions() {
  const [rows, setRows] = useState<PendingRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    (async () => {
      const notices = await ok(
        api.GET('/api/notifications', { params: { query: { audience: 'coordinator', pageSize: 200 } } }),
      );
      const ids = [
        ...new Set(notices.items.filter((n) => n.taskId && n.message.includes('申请将')).map((n) => n.taskId!)),
      ];
      const details = await Promise.all(ids.map((id) => ok(api.GET('/api/tasks/{id}', { params: { path: { id } } }))));
      setRows(
        details.flatMap((d) => {
          const p = pendingExtension(d);
          return p ? [{ task: d, ...p }] : [];
        }),
      );
    })().catch((err: unknown) => setError(errorText(err)));
  }, []);
  return (
    <Card size="small" title={`待决延期${rows ? `（${rows.length}）` : ''}`}>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Table<PendingRow>
        aria-label="待决延期"
        size="small"
        rowKey={(r) => r.task.id}
        loading={!rows && !error}
        dataSource={rows ?? []}
        scroll={{ x: 640 }}
        pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="没有待审批的延期申请。联络员申请延期后会出现在这里。" /> }}
        columns={[
          {
            title: '措施',
            key: 'measure',
            render: (_, r) => (
              <Link to={`/tasks/${r.task.id}`}>
                {r.task.measureNumber} {r.task.measureTitle}
              </Link>
            ),
          },
          { title: '责任单位', key: 'agency', render: (_, r) => r.task.agency, width: 140 },
          { title: '申请延期至', dataIndex: 'proposedDate', width: 120 },
          { title: '理由', dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}

function Undeliverable() {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Schemas['UndeliverablePageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ok(api.GET('/api/notifications/undeliverable', { params: { query: { page, pageSize: PAGE_SIZE } } }))
      .then(setData)
      .catch((err: unknown) => setError(errorText(err)));
  }, [page]);
  return (
    <Card size="small" title={`无法送达的通知${data ? `（${data.total}）` : ''}`}>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Table<Schemas['UndeliverableDto']>
        aria-label="无法送达的通知"
        size="small"
        rowKey="notificationId"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{
          emptyText: (
            <Empty description="所有通知均已送达。单位没有联络员时，通知会列在这里，请联系管理员为其配置联络员。" />
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          { title: '单位', dataIndex: 'agencyName', render: (v: string | null) => v ?? '—', width: 140 },
          { title: '通知内容', dataIndex: 'message' },
          {
            title: '任务',
            dataIndex: 'taskId',
            width: 80,
            render: (v: string | null) => (v ? <Link to={`/tasks/${v}`}>查看</Link> : '汇总'),
          },
        ]}
      />
    </Card>
  );
}

/** 工作台: what waits for the coordinator today. */
export function DeskPage() {
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <PageTitle>工作台</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        待审核的办结、待决的延期申请、逾期任务和无法送达的通知。
      </Typography.Paragraph>
      <TaskTable
        title="待审核"
        query={{ state: 'submitted' }}
        empty="没有待审核的办结。联络员提交办结后会出现在这里。"
      />
      <PendingExtensions />
      <TaskTable title="逾期" query={{ overdue: true }} empty="没有逾期任务。" />
      <Undeliverable />
    </div>
  );
}
