import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText, ok, type Schemas } from '../api/client';
import { PageTitle } from '../components/page-title';
import { ROLE_NAMES, type TaskView } from '../components/task-bits';

type Preview = Schemas['ImportPreviewDto'];
type Edit = Schemas['EditDto'];

interface Attribution {
  span: [number, number];
  raw: string;
}
interface ParsedMeasure {
  number: string;
  title: string;
  text: string;
  span: [number, number];
  attributions: Attribution[];
}
interface PlannedTask {
  measure: number;
  party: string;
  agencyName: string | null;
  role: TaskView['role'];
}
interface Unresolved {
  party: string;
  reason: string;
  measures: number[];
}
interface Warning {
  code: string;
  message: string;
}

const REASONS: Record<string, string> = { generic: '泛指，需明确具体单位', unknown: '不在单位名录中' };

/** A measure's text with each attribution (the parties' span in the document) marked. */
function MarkedText({ m }: { m: ParsedMeasure }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const a of [...m.attributions].sort((x, y) => x.span[0] - y.span[0])) {
    const from = a.span[0] - m.span[0];
    const to = a.span[1] - m.span[0];
    if (from < at || to > m.text.length) continue;
    parts.push(m.text.slice(at, from), <mark key={from}>{m.text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(m.text.slice(at));
  return <Typography.Paragraph style={{ marginBottom: 4 }}>{parts}</Typography.Paragraph>;
}

/** 导入: paste the text, read the parse with its warnings, correct the parties, confirm. */
export function ImportPage() {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmed, setConfirmed] = useState<Schemas['ImportConfirmResultDto'] | null>(null);
  const [agencies, setAgencies] = useState<Schemas['AgencyDto'][]>([]);
  const [reason, setReason] = useState('核对原文');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ok(api.GET('/api/agencies'))
      .then(setAgencies)
      .catch((err: unknown) => setError(errorText(err)));
  }, []);

  const parse = async (text: string) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await ok(api.POST('/api/imports', { body: { text } })));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const correct = async (edit: Edit) => {
    if (!preview) return;
    try {
      setPreview(
        await ok(
          api.POST('/api/imports/{id}/corrections', {
            params: { path: { id: preview.id } },
            body: { reason: reason.trim() || '核对原文', edits: [edit] },
          }),
        ),
      );
      void message.success('已修正');
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const confirm = async () => {
    if (!preview) return;
    try {
      setConfirmed(await ok(api.POST('/api/imports/{id}/confirm', { params: { path: { id: preview.id } } })));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  if (confirmed) {
    return (
      <Result
        status="success"
        title="文件已导入"
        subTitle={`生成 ${confirmed.taskCount} 项任务（未下发）。下一步：设定时限并下发。`}
        extra={
          <Link to={`/documents/${confirmed.documentId}/launch`}>
            <Button type="primary">去下发</Button>
          </Link>
        }
      />
    );
  }

  const measures = (preview?.parse.measures ?? []) as unknown as ParsedMeasure[];
  const tasks = ((preview?.plan.tasks ?? []) as PlannedTask[]).filter(Boolean);
  const unresolved = (preview?.plan.unresolved ?? []) as Unresolved[];
  const warnings = (preview?.parse.warnings ?? []) as unknown as Warning[];

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <PageTitle>导入文件</PageTitle>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card size="small">
        <Form layout="vertical" onFinish={(v: { text: string }) => void parse(v.text)}>
          <Form.Item
            label="文件全文"
            name="text"
            extra="粘贴政策文件全文或任务分工表（文本）；解析后可核对责任单位再确认"
            rules={[{ required: true, message: '请粘贴文件全文' }]}
          >
            <Input.TextArea rows={preview ? 4 : 12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            解析预览
          </Button>
        </Form>
      </Card>
      {preview && (
        <>
          <Card size="small" title="解析结果">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="标题">{preview.parse.title ?? '（未识别）'}</Descriptions.Item>
              <Descriptions.Item label="文号">{preview.parse.docNumber ?? '无'}</Descriptions.Item>
              <Descriptions.Item label="措施">{measures.length} 项</Descriptions.Item>
              <Descriptions.Item label="将生成任务">
                {typeof preview.plan.taskCount === 'number' ? preview.plan.taskCount : tasks.length} 项
              </Descriptions.Item>
            </Descriptions>
            {warnings.map((w, i) => (
              <Alert key={i} type="warning" showIcon title={w.message} style={{ marginTop: 8 }} />
            ))}
          </Card>
          <Card size="small" title={`待明确的责任单位（${unresolved.length}）`}>
            <Space style={{ marginBottom: 8 }} wrap>
              <label htmlFor="correction-reason">修正理由</label>
              <Input
                id="correction-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                style={{ width: 240 }}
              />
            </Space>
            <Table<Unresolved>
              aria-label="待明确的责任单位"
              size="small"
              rowKey="party"
              dataSource={unresolved}
              pagination={false}
              scroll={{ x: 640 }}
              locale={{ emptyText: <Empty description="所有责任单位均已对应到名录中的单位，可以确认导入。" /> }}
              columns={[
                { title: '原文', dataIndex: 'party', width: 140 },
                { title: '问题', dataIndex: 'reason', render: (r: string) => REASONS[r] ?? r, width: 160 },
                {
                  title: '措施',
                  dataIndex: 'measures',
                  render: (ms: number[]) => ms.map((n) => measures[n - 1]?.number ?? n).join('、'),
                },
                {
                  title: '处理',
                  key: 'fix',
                  render: (_, u) => (
                    <Space wrap>
                      <Select
                        aria-label={`将“${u.party}”对应到单位`}
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder="对应到单位"
                        style={{ width: 200 }}
                        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
                        onChange={(agencyId: string) => void correct({ op: 'mapParty', party: u.party, agencyId })}
                      />
                      <Button onClick={() => void correct({ op: 'dropParty', party: u.party })}>不列为责任单位</Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title="措施与责任单位">
            {measures.map((m, i) => (
              <div key={i} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
                <MarkedText m={m} />
                <Space wrap size={4}>
                  {tasks
                    .filter((t) => t.measure === i + 1)
                    .map((t) => (
                      <Tag key={t.party} style={{ color: 'rgba(0, 0, 0, 0.85)' }}>
                        {t.agencyName ?? t.party}（{ROLE_NAMES[t.role]}）
                      </Tag>
                    ))}
                </Space>
              </div>
            ))}
          </Card>
          <div>
            <Button type="primary" onClick={() => void confirm()}>
              确认导入
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
