/** The escalation ladder: rungs at working-day offsets from the due date (PRODUCT.md). */

export const AUDIENCES = ['liaison', 'coordinator', 'leader'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type RungColour = 'yellow' | 'red';

export interface Rung {
  key: string;
  label: string;
  /** Working days relative to the due date: negative before it, 0 on it, positive overdue. */
  offset: number;
  audience: Audience[];
  colour: RungColour;
  /** Message with {measure}, {agency}, {dueDate}, {rule} and {day} placeholders. */
  template: string;
}

export const DEFAULT_LADDER: Rung[] = [
  {
    key: 'reminder',
    label: '提醒',
    offset: -5,
    audience: ['liaison'],
    colour: 'yellow',
    template: '【提醒】{agency}承办的「{measure}」将于{dueDate}到期，请抓紧办理。',
  },
  {
    key: 'due',
    label: '到期提醒',
    offset: 0,
    audience: ['liaison', 'coordinator'],
    colour: 'yellow',
    template: '【到期提醒】{agency}承办的「{measure}」今日（{dueDate}）到期。',
  },
  {
    key: 'urge',
    label: '催办',
    offset: 3,
    audience: ['liaison', 'coordinator'],
    colour: 'red',
    template: '【催办】{agency}承办的「{measure}」已逾期3个工作日（截止{dueDate}），请立即办理并说明情况。',
  },
  {
    key: 'supervise',
    label: '督办',
    offset: 10,
    audience: ['leader', 'coordinator'],
    colour: 'red',
    template: '【督办】{agency}承办的「{measure}」已逾期10个工作日（截止{dueDate}），请领导督办。',
  },
];

export const MAX_RUNGS = 10;

/** Problems with a ladder, in Chinese; empty when it can be used. */
export function ladderProblems(rungs: Rung[]): string[] {
  const problems: string[] = [];
  if (rungs.length === 0) problems.push('升级规则至少需要一级');
  if (rungs.length > MAX_RUNGS) problems.push(`升级规则最多 ${MAX_RUNGS} 级`);
  const keys = new Set<string>();
  rungs.forEach((r, i) => {
    const at = `第 ${i + 1} 级`;
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(r.key)) problems.push(`${at}的 key 须为小写英文标识`);
    if (keys.has(r.key)) problems.push(`${at}的 key「${r.key}」重复`);
    keys.add(r.key);
    if (!Number.isInteger(r.offset) || Math.abs(r.offset) > 250)
      problems.push(`${at}的 offset 须为 -250 到 250 的整数`);
    if (i > 0 && r.offset <= rungs[i - 1].offset) problems.push(`${at}的 offset 须大于上一级（按时间先后排列）`);
    if (r.audience.length === 0 || r.audience.some((a) => !AUDIENCES.includes(a))) {
      problems.push(`${at}的 audience 须为 liaison、coordinator、leader 中的一个或多个`);
    }
    if (r.colour !== 'yellow' && r.colour !== 'red') problems.push(`${at}的 colour 须为 yellow 或 red`);
    if (r.label.trim() === '' || r.template.trim() === '') problems.push(`${at}须有名称和消息模板`);
  });
  return problems;
}

/** Fills {measure}, {agency}, {dueDate}, {rule} and {day} in a rung's message template. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
