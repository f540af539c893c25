import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText, ok, type Schemas } from '../api/client';
import type { TaskView } from './task-bits';

interface Group {
  documentId: string;
  agencyId: string;
  agency: string;
  issued: number;
  inProgress: number;
}

const key = () => ({ 'idempotency-key': crypto.randomUUID() });

function outcome(o: Schemas['BatchOutcomeDto']): string {
  return o.refused.length === 0
    ? `已办理 ${o.applied.length} 项任务`
    : `已办理 ${o.applied.length} 项，${o.refused.length} 项未能办理`;
}

/** 最多报一次: acknowledge, or report progress once, for all of an agency's tasks of a document. */
export function BatchReport({ tasks, onDone }: { tasks: TaskView[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const groups = useMemo(() => {
    const byKey = new Map<string, Group>();
    for (const t of tasks) {
      const k = `${t.documentId}/${t.agencyId}`;
      const g = byKey.get(k) ?? {
        documentId: t.documentId,
        agencyId: t.agencyId,
        agency: t.agency,
        issued: 0,
        inProgress: 0,
      };
      if (t.state === 'issued') g.issued += 1;
      if (t.state === 'in_progress') g.inProgress += 1;
      byKey.set(k, g);
    }
    // Worth a batch only where more than one task would move at once.
    return [...byKey.values()].filter((g) => g.issued > 1 || g.inProgress > 1);
  }, [tasks]);

  useEffect(() => {
    if (groups.length === 0) return;
    ok(api.GET('/api/documents', { params: { query: { pageSize: 100 } } }))
      .then((page) => setTitles(Object.fromEntries(page.items.map((d) => [d.id, d.title ?? '（无标题文件）']))))
      .catch(() => undefined);
  }, [groups.length]);

  const run = async (call: () => Promise<Schemas['BatchOutcomeDto']>) => {
    try {
      void message.success(outcome(await call()));
      onDone();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  if (groups.length === 0) return null;
  return (
    <Card size="small" title="按文件一次办理" style={{ marginBottom: 8 }}>
      {groups.map((g) => {
        const title = titles[g.documentId] ?? '文件';
        const params = { path: { id: g.documentId }, header: key() };
        return (
          <div
            key={`${g.documentId}/${g.agencyId}`}
            role="group"
            aria-label={`《${title}》${g.agency}`}
            style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}
          >
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              《{title}》{g.agency}：待签收 {g.issued} 项，办理中 {g.inProgress} 项
            </Typography.Paragraph>
            <Space wrap align="start">
              {g.issued > 1 && (
                <Button
                  onClick={() =>
                    void run(() =>
                      ok(api.POST('/api/documents/{id}/acknowledge', { params, body: { agencyId: g.agencyId } })),
                    )
                  }
                >
                  全部签收
                </Button>
              )}
              {g.inProgress > 1 && (
                <Form
                  layout="inline"
                  onFinish={(v: { note: string }) =>
                    void run(() =>
                      ok(
                        api.POST('/api/documents/{id}/progress', {
                          params,
                          body: { agencyId: g.agencyId, note: v.note },
                        }),
                      ),
                    )
                  }
                >
                  <Form.Item
                    name="note"
                    label={`本期进展（记入 ${g.inProgress} 项任务）`}
                    rules={[{ required: true, message: '请填写本期进展' }]}
                  >
                    <Input.TextArea rows={1} style={{ minWidth: 220 }} />
                  </Form.Item>
                  <Button htmlType="submit">一次报告</Button>
                </Form>
              )}
            </Space>
          </div>
        );
      })}
    </Card>
  );
}
