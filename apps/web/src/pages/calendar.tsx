import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, ok, type Schemas } from '../api/client';
import { PageTitle } from '../components/page-title';

type Year = Schemas['CalendarYearSummaryDto'];
type Preview = Schemas['HolidayNoticePreviewDto'];

const CURRENT: Record<Preview['current'], string> = {
  stored: '已维护',
  provisional: '暂定（仅法定节假日）',
  none: '无数据',
};

/** 工作日历 (admin): the years held, and next year's State Council notice pasted, previewed, loaded. */
export function CalendarPage() {
  const { message } = App.useApp();
  const [years, setYears] = useState<Year[] | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    // Newest first: the years an admin maintains are this one and the next.
    ok(api.GET('/api/calendar/years'))
      .then((ys) => setYears([...ys].sort((a, b) => b.year - a.year)))
      .catch((err: unknown) => setError(errorText(err)));
  }, []);
  useEffect(load, [load]);

  const previewNotice = async (t: string) => {
    setText(t);
    try {
      setPreview(await ok(api.POST('/api/calendar/notices/preview', { body: { text: t } })));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const loadNotice = async () => {
    try {
      await ok(api.POST('/api/calendar/notices', { body: { text } }));
      void message.success('已载入放假安排，相关任务的截止日期将按新日历重新计算');
      setPreview(null);
      load();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const days = (list: Schemas['NamedDayDto'][]) =>
    list.length === 0
      ? '无'
      : list.map((d) => `${dayjs(d.day).format('M月D日')}${d.name ? `（${d.name}）` : ''}`).join('、');

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <PageTitle>工作日历</PageTitle>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card size="small" title="已有年度">
        <Table<Year>
          aria-label="已有年度"
          size="small"
          rowKey="year"
          loading={!years && !error}
          dataSource={years ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          locale={{ emptyText: <Empty description="还没有工作日历。请粘贴国务院办公厅的放假安排通知载入。" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '状态',
              key: 'p',
              width: 170,
              render: (_, y) =>
                y.provisional ? (
                  <Tag style={{ color: '#613400' }}>暂定</Tag>
                ) : (
                  <Tag style={{ color: '#135200' }}>已维护</Tag>
                ),
            },
            { title: '放假', dataIndex: 'holidayCount', width: 70 },
            { title: '调休上班', dataIndex: 'workdayCount', width: 90 },
            {
              title: '最近修改',
              key: 'u',
              render: (_, y) => `${dayjs(y.updatedAt).format('YYYY-MM-DD')} ${y.updatedBy}：${y.reason}`,
            },
          ]}
        />
      </Card>
      <Card size="small" title="载入放假安排">
        <Form layout="vertical" onFinish={(v: { text: string }) => void previewNotice(v.text)}>
          <Form.Item
            label="放假安排通知全文"
            name="text"
            extra="粘贴国务院办公厅关于某年部分节假日安排的通知；先预览，核对无误后载入"
            rules={[{ required: true, message: '请粘贴通知全文' }]}
          >
            <Input.TextArea rows={8} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            预览
          </Button>
        </Form>
      </Card>
      {preview && (
        <Card size="small" title={`预览：${preview.year ?? '年份未识别'}年`}>
          {preview.problems.map((p) => (
            <Alert key={p} type="error" showIcon title={p} style={{ marginBottom: 8 }} />
          ))}
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="该年度现有数据">{CURRENT[preview.current]}</Descriptions.Item>
            <Descriptions.Item label="放假">{days(preview.holidays)}</Descriptions.Item>
            <Descriptions.Item label="调休上班">{days(preview.workdays)}</Descriptions.Item>
            <Descriptions.Item label="与现有数据相比">
              {preview.changedDays.length === 0
                ? '没有变化'
                : `${preview.changedDays.length} 天变化：${preview.changedDays.join('、')}`}
            </Descriptions.Item>
            {preview.otherYears.length > 0 && (
              <Descriptions.Item label="其他年度的日期（不载入）">{preview.otherYears.join('、')}</Descriptions.Item>
            )}
          </Descriptions>
          <Space style={{ marginTop: 8 }}>
            <Popconfirm
              title="载入后，该年度内所有在办任务的截止日期将重新计算。确定载入？"
              okText="载入"
              cancelText="取消"
              onConfirm={() => void loadNotice()}
              disabled={preview.problems.length > 0}
            >
              <Button type="primary" disabled={preview.problems.length > 0}>
                载入
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">{preview.problems.length > 0 ? '请先处理上述问题' : ''}</Typography.Text>
          </Space>
        </Card>
      )}
    </div>
  );
}
