import { Alert, Card, Empty, List, Radio, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText, ok } from '../api/client';
import { useAuth } from '../auth';
import { BatchReport } from '../components/batch-report';
import { PageTitle } from '../components/page-title';
import { daysLeftText, Light, ROLE_NAMES, StateTag, type TaskView, wasReturned } from '../components/task-bits';

type TabKey = 'all' | 'issued' | 'in_progress' | 'returned' | 'due_soon';

// 临近到期: within the reminder rung's five working days, or already overdue.
const DUE_SOON_DAYS = 5;

const EMPTY: Record<TabKey, string> = {
  all: '目前没有待办任务。新任务下发后会出现在这里，届时请及时签收。',
  issued: '没有待签收的任务。新下发的任务会先出现在这里。',
  in_progress: '没有办理中的任务。签收任务后，可在这里报告进展、提交办结。',
  returned: '没有被退回的任务。督办员退回的任务会出现在这里，请按退回意见补充后重新提交。',
  due_soon: `没有 ${DUE_SOON_DAYS} 个工作日内到期或已逾期的任务。`,
};

const byDaysLeft = (a: TaskView, b: TaskView) =>
  (a.clock.workingDaysLeft ?? Number.MAX_SAFE_INTEGER) - (b.clock.workingDaysLeft ?? Number.MAX_SAFE_INTEGER);

/** 我的待办: the liaison's open tasks, soonest first by working days left. */
export function TodoPage() {
  const { user } = useAuth();
  const [tasks, setTasks] = useState<TaskView[] | null>(null);
  const [returned, setReturned] = useState<Set<string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<TabKey>('all');
  const [version, setVersion] = useState(0);

  // One agency: ask for its tasks only (a lead's liaison also sees its cooperators' tasks).
  const own = useMemo(
    () => new Set([...(user?.agencyIds ?? []), ...(user?.actingFor ?? []).flatMap((a) => a.agencyIds)]),
    [user],
  );
  useEffect(() => {
    const agencyId = own.size === 1 ? [...own][0] : undefined;
    const list = (state: 'issued' | 'in_progress' | 'submitted') =>
      ok(api.GET('/api/tasks', { params: { query: { state, sort: 'dueDate', pageSize: 500, agencyId } } }));
    Promise.all([list('issued'), list('in_progress'), list('submitted')])
      .then((pages) =>
        setTasks(
          pages
            .flatMap((p) => p.items)
            .filter((t) => own.has(t.agencyId))
            .sort(byDaysLeft),
        ),
      )
      .catch((err: unknown) => setError(errorText(err)));
  }, [own, version]);

  // 被退回 needs each in-progress task's history: read only when that tab is opened.
  useEffect(() => {
    if (tab !== 'returned' || returned || !tasks) return;
    const open = tasks.filter((t) => t.state === 'in_progress');
    Promise.all(open.map((t) => ok(api.GET('/api/tasks/{id}', { params: { path: { id: t.id } } }))))
      .then((details) => setReturned(new Set(details.filter(wasReturned).map((d) => d.id))))
      .catch((err: unknown) => setError(errorText(err)));
  }, [tab, returned, tasks]);

  const groups: Record<TabKey, TaskView[]> = useMemo(() => {
    const all = tasks ?? [];
    return {
      all,
      issued: all.filter((t) => t.state === 'issued'),
      in_progress: all.filter((t) => t.state === 'in_progress'),
      returned: all.filter((t) => returned?.has(t.id)),
      due_soon: all.filter(
        (t) => t.state !== 'submitted' && t.clock.workingDaysLeft !== null && t.clock.workingDaysLeft <= DUE_SOON_DAYS,
      ),
    };
  }, [tasks, returned]);

  const label = (text: string, key: TabKey) =>
    key !== 'returned' || returned ? `${text} ${groups[key].length}` : text;

  return (
    <>
      <PageTitle>我的待办</PageTitle>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {/* Buttons that wrap on a phone, rather than tabs that hide some behind a menu. */}
      <Radio.Group
        aria-label="按办理情况筛选"
        optionType="button"
        buttonStyle="solid"
        value={tab}
        onChange={(e) => setTab(e.target.value as TabKey)}
        style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8, marginBottom: 8 }}
        options={[
          { value: 'all', label: label('全部', 'all') },
          { value: 'issued', label: label('待签收', 'issued') },
          { value: 'in_progress', label: label('办理中', 'in_progress') },
          { value: 'returned', label: label('被退回', 'returned') },
          { value: 'due_soon', label: label('临近到期', 'due_soon') },
        ]}
      />
      {tab === 'all' && tasks && (
        <BatchReport
          tasks={tasks}
          onDone={() => {
            setReturned(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {!tasks || (tab === 'returned' && !returned) ? (
        <Spin description="正在加载…" style={{ display: 'block', margin: 48 }} />
      ) : (
        <List
          aria-label="任务列表"
          dataSource={groups[tab]}
          locale={{ emptyText: <Empty description={EMPTY[tab]} /> }}
          pagination={groups[tab].length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
          renderItem={(t) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={`/tasks/${t.id}`} style={{ fontSize: 16 }}>
                  {t.measureNumber} {t.measureTitle}
                </Link>
                <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                  <StateTag task={t} />
                  <Light colour={t.colour} />
                  <Typography.Text strong type={t.clock.overdue ? 'danger' : undefined}>
                    {daysLeftText(t)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t.agency} · {ROLE_NAMES[t.role]}
                    {t.dueDate ? ` · 截止 ${t.dueDate}` : ''}
                  </Typography.Text>
                </div>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
