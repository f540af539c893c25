import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Radio,
  Result,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorText, ok, type Schemas } from '../api/client';
import { PageTitle } from '../components/page-title';
import { ROLE_NAMES } from '../components/task-bits';

type LaunchBody = Schemas['LaunchDocumentDto'];
type MeasurePreview = Schemas['MeasureDuePreviewDto'];

interface LaunchForm {
  mode: 'date' | 'days';
  dueDate?: Dayjs;
  dueInWorkingDays?: number;
  maxExtensions: number;
  monthlyWorkingDay?: number | null;
}

function bodyOf(v: LaunchForm): LaunchBody {
  const body: LaunchBody = { maxExtensions: v.maxExtensions };
  if (v.mode === 'date' && v.dueDate) body.dueDate = v.dueDate.format('YYYY-MM-DD');
  if (v.mode === 'days' && v.dueInWorkingDays) body.dueInWorkingDays = v.dueInWorkingDays;
  if (v.monthlyWorkingDay) body.reportCadence = { monthlyWorkingDay: v.monthlyWorkingDay };
  return body;
}

/** 下发: one time limit for the document (the text's own limits win), previewed per measure, then launched. */
export function LaunchPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<LaunchForm>();
  const [doc, setDoc] = useState<Schemas['DocumentDetailDto'] | null>(null);
  const [preview, setPreview] = useState<Schemas['LaunchPreviewDto'] | null>(null);
  const [launched, setLaunched] = useState<Schemas['LaunchResultDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    ok(api.GET('/api/documents/{id}', { params: { path: { id } } }))
      .then(setDoc)
      .catch((err: unknown) => setError(errorText(err)));
  }, [id]);

  const previewLaunch = async () => {
    try {
      const body = bodyOf(await form.validateFields());
      setPreview(await ok(api.POST('/api/documents/{id}/launch/preview', { params: { path: { id } }, body })));
    } catch (err) {
      if (err instanceof Error) void message.error(errorText(err));
    }
  };
  const launch = async () => {
    try {
      const body = bodyOf(await form.validateFields());
      setLaunched(await ok(api.POST('/api/documents/{id}/launch', { params: { path: { id } }, body })));
    } catch (err) {
      if (err instanceof Error) void message.error(errorText(err));
    }
  };

  if (launched) {
    return (
      <Result
        status="success"
        title="已下发"
        subTitle={`${launched.tasks} 项任务已下发，截止 ${launched.dueDate}（${launched.dueBasis}）。各单位联络员将在「我的待办」中签收。`}
        extra={
          <Link to="/desk">
            <Button type="primary">回到工作台</Button>
          </Link>
        }
      />
    );
  }

  const title = (doc as { title?: string | null } | null)?.title ?? '文件';
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <PageTitle>下发：{title}</PageTitle>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card size="small" title="时限与报送">
        <Form<LaunchForm>
          form={form}
          layout="vertical"
          initialValues={{ mode: 'days', dueInWorkingDays: 20, maxExtensions: 2 }}
          onValuesChange={() => setPreview(null)}
        >
          <Form.Item label="全文统一时限" name="mode" extra="文件对措施规定了完成时限的，以文件为准">
            <Radio.Group
              options={[
                { value: 'days', label: '自下发日起的工作日数' },
                { value: 'date', label: '截止日期' },
              ]}
            />
          </Form.Item>
          {mode === 'date' ? (
            <Form.Item label="截止日期" name="dueDate" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker />
            </Form.Item>
          ) : (
            <Form.Item label="工作日数" name="dueInWorkingDays" rules={[{ required: true, message: '请填写工作日数' }]}>
              <InputNumber min={1} max={750} />
            </Form.Item>
          )}
          <Form.Item label="每项任务最多可延期次数" name="maxExtensions">
            <InputNumber min={0} max={10} />
          </Form.Item>
          <Form.Item label="每月报送进展（第几个工作日，不填则不提醒）" name="monthlyWorkingDay">
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Space>
            <Button onClick={() => void previewLaunch()}>预览</Button>
            <Button type="primary" disabled={!preview?.launchable} onClick={() => void launch()}>
              下发
            </Button>
          </Space>
        </Form>
      </Card>
      {preview && (
        <Card size="small" title={`各项措施的截止日期${preview.dueDate ? `（全文统一：${preview.dueDate}）` : ''}`}>
          {!preview.launchable && (
            <Alert type="error" showIcon title="有措施无法确定截止日期，请调整后再预览。" style={{ marginBottom: 8 }} />
          )}
          <Table<MeasurePreview>
            aria-label="各项措施的截止日期"
            size="small"
            rowKey="measureId"
            dataSource={preview.measures}
            scroll={{ x: 720 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '措施', key: 'm', render: (_, m) => `${m.number} ${m.title}` },
              { title: '任务数', dataIndex: 'tasks', width: 70 },
              {
                title: '截止日期',
                key: 'due',
                width: 170,
                render: (_, m) => (
                  <>
                    {m.dueDate ?? '—'} {m.provisional && <Tag>暂定日历</Tag>}
                    <div>
                      <Typography.Text type="secondary">{m.dueBasis}</Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: '责任单位',
                key: 'parties',
                render: (_, m) => m.parties.map((p) => `${p.agency}（${ROLE_NAMES[p.role]}）`).join('、'),
              },
              {
                title: '问题',
                key: 'problem',
                width: 200,
                render: (_, m) =>
                  m.problem ? (
                    <Typography.Text type={m.problem.blocking ? 'danger' : 'warning'}>
                      {m.problem.message}
                    </Typography.Text>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
