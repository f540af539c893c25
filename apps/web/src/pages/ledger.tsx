import { Alert, App, Button, Card, Empty, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, download, errorText, ok, type Schemas } from '../api/client';
import { hasRole, useAuth } from '../auth';
import { PageTitle } from '../components/page-title';
import { TaskLedger } from '../components/task-ledger';

type Doc = Schemas['DocumentSummaryDto'];
const PAGE_SIZE = 10;
const titleOf = (doc: Doc) => doc.title ?? '（无标题文件）';

/** 督办台账: each imported document with its ledger as Excel or CSV (today's, rebuilt from the record). */
export function LedgerPage() {
  const { message } = App.useApp();
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Schemas['DocumentPageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Doc | null>(null);
  useEffect(() => {
    ok(api.GET('/api/documents', { params: { query: { page, pageSize: PAGE_SIZE } } }))
      .then((d) => {
        setData(d);
        setSelected((current) => current ?? d.items.find((x) => x.status === 'launched') ?? null);
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, [page]);
  const get = (doc: Doc, format: 'xlsx' | 'csv') =>
    void download(`/api/documents/${doc.id}/ledger?format=${format}`, `${titleOf(doc)}督办台账.${format}`).catch(
      (err: unknown) => message.error(errorText(err)),
    );
  return (
    <>
      <PageTitle>督办台账</PageTitle>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" title="文件" style={{ marginBottom: 12 }}>
        <Table<Doc>
          aria-label="文件列表"
          size="small"
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description="还没有导入文件。督办员导入政策文件并下发后，可在这里下载台账。" /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          columns={[
            {
              title: '文件',
              key: 'title',
              render: (_, doc) =>
                doc.status === 'launched' ? (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => setSelected(doc)}
                  >
                    {titleOf(doc)}
                  </Button>
                ) : (
                  titleOf(doc)
                ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 80,
              render: (v: Doc['status']) => (v === 'launched' ? '已下发' : '已导入'),
            },
            { title: '措施数', dataIndex: 'measureCount', width: 80 },
            { title: '截止日期', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: '操作',
              key: 'ledger',
              width: 200,
              render: (_, doc) => (
                <Space wrap>
                  {doc.status === 'imported' && hasRole(user, 'coordinator') && (
                    <Link to={`/documents/${doc.id}/launch`} aria-label={`下发《${titleOf(doc)}》`}>
                      下发
                    </Link>
                  )}
                  <Button
                    size="small"
                    onClick={() => get(doc, 'xlsx')}
                    aria-label={`下载《${titleOf(doc)}》台账 Excel`}
                  >
                    Excel
                  </Button>
                  <Button size="small" onClick={() => get(doc, 'csv')} aria-label={`下载《${titleOf(doc)}》台账 CSV`}>
                    CSV
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {selected && <TaskLedger key={selected.id} doc={selected} />}
    </>
  );
}
