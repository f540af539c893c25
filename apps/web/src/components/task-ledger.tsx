import { Alert, App, Button, Card, Empty, Select, Space, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, download, errorText, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { daysLeftText, Light, ROLE_NAMES, StateTag, type TaskView } from './task-bits';

type Query = NonNullable<paths['/api/tasks']['get']['parameters']['query']>;
type Filters = Pick<Query, 'agencyId' | 'state' | 'overdue'> & { sort: NonNullable<Query['sort']> };

const STATES: { value: TaskView['state']; label: string }[] = [
  { value: 'issued', label: '待签收' },
  { value: 'in_progress', label: '办理中' },
  { value: 'submitted', label: '待审核' },
  { value: 'accepted', label: '已办结' },
  { value: 'closed', label: '随措施办结' },
  { value: 'reassigned', label: '已转办' },
  { value: 'cancelled', label: '已撤销' },
];
const PAGE_SIZE = 20;

/** The ledger of one document as a table: filter by agency, state and overdue, sort, page; export the same. */
export function TaskLedger({ doc }: { doc: Schemas['DocumentSummaryDto'] }) {
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Schemas['AgencyDto'][]>([]);
  const [filters, setFilters] = useState<Filters>({ sort: 'measure' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Schemas['TaskPageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ok(api.GET('/api/agencies'))
      .then(setAgencies)
      .catch((err: unknown) => setError(errorText(err)));
  }, []);
  useEffect(() => {
    setData(null);
    ok(api.GET('/api/tasks', { params: { query: { documentId: doc.id, ...filters, page, pageSize: PAGE_SIZE } } }))
      .then(setData)
      .catch((err: unknown) => setError(errorText(err)));
  }, [doc.id, filters, page]);
  const set = (change: Partial<Filters>) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...change }));
  };
  const exportAs = (format: 'xlsx' | 'csv') => {
    const q = new URLSearchParams({ format });
    if (filters.agencyId) q.set('agencyId', filters.agencyId);
    if (filters.state) q.set('state', filters.state);
    if (filters.overdue !== undefined) q.set('overdue', String(filters.overdue));
    void download(`/api/documents/${doc.id}/ledger?${q.toString()}`, `督办台账.${format}`).catch((err: unknown) =>
      message.error(errorText(err)),
    );
  };

  return (
    <Card size="small" title={`任务台账：${doc.title ?? '（无标题文件）'}`}>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="责任单位"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部单位"
          style={{ width: 200 }}
          value={filters.agencyId}
          onChange={(agencyId?: string) => set({ agencyId })}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          aria-label="办理状态"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部状态"
          style={{ width: 140 }}
          value={filters.state}
          onChange={(state?: TaskView['state']) => set({ state })}
          options={STATES}
        />
        <Select
          aria-label="排序"
          style={{ width: 150 }}
          value={filters.sort}
          onChange={(sort: Filters['sort']) => set({ sort })}
          options={[
            { value: 'measure', label: '按措施顺序' },
            { value: 'dueDate', label: '按截止日期' },
            { value: 'updatedAt', label: '按最近办理' },
          ]}
        />
        <Space size={4}>
          <Switch
            aria-label="只看逾期"
            checked={filters.overdue === true}
            onChange={(on) => set({ overdue: on ? true : undefined })}
          />
          只看逾期
        </Space>
        <Button onClick={() => exportAs('xlsx')}>导出 Excel</Button>
        <Button onClick={() => exportAs('csv')}>导出 CSV</Button>
      </Space>
      <Table<TaskView>
        aria-label="任务台账"
        size="small"
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description="没有符合条件的任务。请调整筛选条件。" /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 项`,
        }}
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
          { title: '责任单位', key: 'a', width: 170, render: (_, t) => `${t.agency}（${ROLE_NAMES[t.role]}）` },
          { title: '状态', key: 's', width: 100, render: (_, t) => <StateTag task={t} /> },
          { title: '灯色', key: 'c', width: 70, render: (_, t) => <Light colour={t.colour} /> },
          { title: '时限', key: 'd', width: 150, render: (_, t) => daysLeftText(t) },
        ]}
      />
    </Card>
  );
}
