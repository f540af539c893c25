import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText, ok, type Schemas } from '../api/client';
import { CompletionGauge } from '../components/gauge';
import { PageTitle } from '../components/page-title';
import { daysLeftText, Light, type TaskView } from '../components/task-bits';

type Status = Schemas['DocumentStatusDto'];
type Colour = TaskView['colour'];
const DONE: TaskView['state'][] = ['accepted', 'closed'];

interface AgencyRow {
  agency: string;
  total: number;
  done: number;
  lights: Record<Colour, number>;
}

/** 驾驶舱: a launched document at a glance for leadership — completion, lights, overdue, 督办 to read. */
export function CockpitPage() {
  const [docs, setDocs] = useState<Schemas['DocumentSummaryDto'][] | null>(null);
  const [docId, setDocId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [supervision, setSupervision] = useState<Schemas['NotificationDto'][]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ok(api.GET('/api/documents', { params: { query: { pageSize: 100 } } }))
      .then((page) => {
        const launched = page.items.filter((d) => d.status === 'launched');
        setDocs(launched);
        setDocId(launched[0]?.id ?? null);
      })
      .catch((err: unknown) => setError(errorText(err)));
    ok(api.GET('/api/notifications', { params: { query: { audience: 'leader', pageSize: 20 } } }))
      .then((page) => setSupervision(page.items))
      .catch((err: unknown) => setError(errorText(err)));
  }, []);
  useEffect(() => {
    if (!docId) return;
    setStatus(null);
    ok(api.GET('/api/documents/{id}/status', { params: { path: { id: docId } } }))
      .then(setStatus)
      .catch((err: unknown) => setError(errorText(err)));
  }, [docId]);

  const tasks = useMemo(() => (status?.measures ?? []).flatMap((m) => m.tasks), [status]);
  const byAgency = useMemo(() => {
    const rows = new Map<string, AgencyRow>();
    for (const t of tasks) {
      const row = rows.get(t.agency) ?? {
        agency: t.agency,
        total: 0,
        done: 0,
        lights: { green: 0, yellow: 0, red: 0, grey: 0 },
      };
      row.total += 1;
      if (DONE.includes(t.state)) row.done += 1;
      row.lights[t.colour] += 1;
      rows.set(t.agency, row);
    }
    return [...rows.values()].sort((a, b) => b.lights.red - a.lights.red || b.lights.yellow - a.lights.yellow);
  }, [tasks]);
  const overdue = tasks.filter((t) => t.clock.overdue && !DONE.includes(t.state));

  if (docs && docs.length === 0) {
    return (
      <>
        <PageTitle>驾驶舱</PageTitle>
        <Empty description="还没有下发的文件。督办员下发文件后，这里显示办结率、灯色和逾期情况。" />
      </>
    );
  }
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <PageTitle
        extra={
          docs && (
            <Select
              aria-label="选择文件"
              style={{ minWidth: 260, maxWidth: '100%' }}
              value={docId}
              onChange={setDocId}
              options={docs.map((d) => ({ value: d.id, label: d.title ?? '（无标题文件）' }))}
            />
          )
        }
      >
        驾驶舱
      </PageTitle>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      {!status ? (
        <Spin description="正在加载…" style={{ display: 'block', margin: 48 }} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card size="small" title="总体进度">
                <CompletionGauge done={tasks.filter((t) => DONE.includes(t.state)).length} total={tasks.length} />
                <Typography.Paragraph style={{ textAlign: 'center', margin: 0 }}>
                  措施办结 {status.measuresDone} / {status.measures.length} 项 · 截止 {status.dueDate ?? '—'}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card size="small" title="各项措施">
                <Table
                  aria-label="各项措施"
                  size="small"
                  rowKey="id"
                  dataSource={status.measures}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  columns={[
                    { title: '措施', key: 'm', render: (_, m) => `${m.number} ${m.title}` },
                    { title: '灯色', key: 'c', width: 80, render: (_, m) => <Light colour={m.colour} /> },
                    {
                      title: '办结',
                      key: 'd',
                      width: 90,
                      render: (_, m) => `${m.tasks.filter((t) => DONE.includes(t.state)).length} / ${m.tasks.length}`,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="各单位灯色">
            <Table<AgencyRow>
              aria-label="各单位灯色"
              size="small"
              rowKey="agency"
              dataSource={byAgency}
              scroll={{ x: 560 }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '单位', dataIndex: 'agency' },
                { title: '办结', key: 'd', width: 90, render: (_, r) => `${r.done} / ${r.total}` },
                {
                  title: '灯色',
                  key: 'l',
                  render: (_, r) => (
                    <Space wrap size={4}>
                      {(['red', 'yellow', 'green', 'grey'] as const)
                        .filter((c) => r.lights[c] > 0)
                        .map((c) => (
                          <span key={c}>
                            <Light colour={c} />
                            {r.lights[c]}
                          </span>
                        ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={`逾期任务（${overdue.length}）`}>
            <Table<TaskView>
              aria-label="逾期任务"
              size="small"
              rowKey="id"
              dataSource={overdue}
              scroll={{ x: 560 }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="没有逾期任务。" /> }}
              columns={[
                {
                  title: '措施',
                  key: 'm',
                  render: (_, t) => (
                    <Link to={`/tasks/${t.id}`}>
                      {t.measureNumber} {t.measureTitle}
                    </Link>
                  ),
                },
                { title: '单位', dataIndex: 'agency', width: 140 },
                { title: '时限', key: 'due', width: 150, render: (_, t) => daysLeftText(t) },
              ]}
            />
          </Card>
        </>
      )}
      <Card size="small" title="呈领导的督办与通知">
        <Table<Schemas['NotificationDto']>
          aria-label="呈领导的督办与通知"
          size="small"
          rowKey="id"
          dataSource={supervision}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无呈送领导的督办。任务逾期 10 个工作日未办结时会呈报到这里。" /> }}
          columns={[
            { title: '内容', dataIndex: 'message' },
            {
              title: '任务',
              dataIndex: 'taskId',
              width: 120,
              render: (v: string | null) => (v ? <Link to={`/tasks/${v}`}>阅知、批示</Link> : '—'),
            },
          ]}
        />
      </Card>
    </div>
  );
}
