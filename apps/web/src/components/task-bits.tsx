import { Tag } from 'antd';
import type { Schemas } from '../api/client';

export { daysLeftText, pendingExtension, wasReturned } from './task-rules';

export type TaskView = Schemas['TaskViewDto'];
export type TaskDetail = Schemas['TaskDetailDto'];

// Tag colours with text dark enough for WCAG AA on their pale backgrounds.
const COLOURS: Record<TaskView['colour'], { color: string; text: string; label: string }> = {
  green: { color: 'success', text: '#135200', label: '绿灯' },
  yellow: { color: 'warning', text: '#613400', label: '黄灯' },
  red: { color: 'error', text: '#820014', label: '红灯' },
  grey: { color: 'default', text: 'rgba(0, 0, 0, 0.78)', label: '灰灯' },
};

const STATE_COLOURS: Partial<Record<TaskView['state'], { color: string; text: string }>> = {
  issued: { color: 'blue', text: '#002c8c' },
  submitted: { color: 'purple', text: '#22075e' },
  accepted: { color: 'green', text: '#135200' },
};

export const ROLE_NAMES: Record<TaskView['role'], string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '属地/有关单位',
};

/** The traffic light in words as well as colour (not colour alone, for accessibility). */
export function Light({ colour }: { colour: TaskView['colour'] }) {
  const c = COLOURS[colour];
  return (
    <Tag color={c.color} style={{ color: c.text }}>
      {c.label}
    </Tag>
  );
}

export function StateTag({ task }: { task: Pick<TaskView, 'state' | 'stateLabel'> }) {
  const c = STATE_COLOURS[task.state];
  return (
    <Tag color={c?.color} style={c ? { color: c.text } : { color: 'rgba(0, 0, 0, 0.78)' }}>
      {task.stateLabel}
    </Tag>
  );
}

export const EVENT_LABELS: Record<string, string> = {
  issue: '下发',
  acknowledge: '签收',
  progress: '报告进展',
  submit: '提交办结',
  accept: '审核通过',
  return: '退回',
  close: '随措施办结',
  reassign: '转办',
  cancel: '撤销',
  rung: '督办提醒',
  report_due: '定期报告提醒',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  extension_denied: '不予延期',
  paused: '暂停计时',
  resumed: '恢复计时',
  replanned: '按工作日历重新计算',
  calendar_gap: '工作日历缺失',
  instruction: '领导批示',
  revised: '文件修订',
  supervision_read: '领导阅知督办',
};
