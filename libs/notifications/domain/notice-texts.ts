/** The messages the task workflow sends with its events, one function per notice. */

export function extensionRequestedText(agency: string, measure: string, proposedDate: string, reason: string): string {
  return `${agency}申请将「${measure}」延期至${proposedDate}：${reason}`;
}

export function extensionDeniedText(measure: string, reason: string | undefined): string {
  return `「${measure}」延期申请未获批准：${reason ?? ''}`;
}

export function extensionApprovedText(measure: string, from: string, to: string): string {
  return `「${measure}」延期申请已批准，截止日期由${from}调整为${to}`;
}

export function leaderInstructionText(measure: string, text: string): string {
  return `【领导批示】「${measure}」：${text}`;
}

/** `years` as the workflow joins them, e.g. "2028" or "2028,2029". */
export function calendarGapText(measure: string, years: string): string {
  return `「${measure}」的督办节点需要 ${years} 年工作日历，请管理员维护`;
}

/** For a report reminder, which has no ladder template of its own. */
export function reportReminderText(measure: string): string {
  return `【进展报送】请报送「${measure}」本月进展情况。`;
}

/** To a cooperating or guiding agency whose task closed because the measure was done. */
export function closedWithMeasureText(measure: string, doneBy: string[]): string {
  const by = doneBy.length > 0 ? `（${doneBy.join('、')}办结）` : '';
  return `「${measure}」已办结${by}，贵单位配合事项随之办结，无需再报送。`;
}

/** Once per year, to admins and coordinators: deadlines in the year are planned provisionally. */
export function provisionalYearText(year: number): string {
  return (
    `【工作日历】${year} 年节假日安排尚未发布，涉及该年的截止日期和督办节点暂按《全国年节及纪念日放假办法》` +
    `的法定节假日排定（不含调休），均为暂定。国务院办公厅发布 ${year} 年部分节假日安排的通知后，` +
    `请管理员在「工作日历」中粘贴通知原文导入，系统将据此重排相关任务。`
  );
}

export function withdrawnText(measure: string, scope: 'measure' | 'document' | 'task', reason: string): string {
  const what = scope === 'document' ? '所属文件已撤销' : scope === 'measure' ? '已撤销' : '贵单位的任务已撤销';
  return `「${measure}」${what}，本任务终止，无需再办理：${reason}`;
}

export function reassignedAwayText(measure: string, toAgency: string, reason: string): string {
  return `「${measure}」已转由${toAgency}办理，贵单位无需再办理：${reason}`;
}

export function reassignedHereText(measure: string, fromAgency: string, dueDate: string): string {
  return `「${measure}」由${fromAgency}转交贵单位办理，截止日期 ${dueDate}，请及时签收`;
}

export function measureRevisedText(measure: string, summary: string): string {
  return `【文件修订】「${measure}」有调整：${summary}。请按修订后的要求办理。`;
}

/** A rung of a cooperating task, to the cooperating agency and its lead (never to leaders). */
export function cooperatingRungText(
  label: string,
  agency: string,
  measure: string,
  dueDate: string,
  offset: number,
): string {
  const when = offset < 0 ? `将于${dueDate}到期` : offset === 0 ? `今日（${dueDate}）到期` : `已逾期（截止${dueDate}）`;
  return `【${label}】${agency}配合的「${measure}」${when}，请配合单位抓紧办理并向牵头单位报送材料，牵头单位督促汇总。`;
}

/** To the lead's liaisons: a cooperating agency delivered its input (报送配合材料). */
export function cooperatorInputText(agency: string, measure: string): string {
  return `${agency}已报送「${measure}」的配合材料，请牵头单位汇总后统一提交办结。`;
}

/** A 情况通报 issued: the headline figures, to the document's coordinators (weekly) or leaders (monthly). */
export function circularText(input: {
  kind: 'weekly' | 'monthly';
  title: string;
  asOf: string;
  total: number;
  done: { count: number; percent: number };
  overdue: { count: number; percent: number };
  lagging: { agency: string }[];
}): string {
  const { kind, title, asOf, total, done, overdue, lagging } = input;
  const [y, m, d] = asOf.split('-').map(Number);
  const units = [...new Set(lagging.map((l) => l.agency))];
  const slow = units.length ? `；进展滞后：${units.slice(0, 10).join('、')}${units.length > 10 ? '等' : ''}` : '';
  return (
    `【情况通报】《${title}》${kind === 'weekly' ? '周' : '月'}报（截至${y}年${m}月${d}日）：任务 ${total} 项，` +
    `已办结 ${done.count} 项（${done.percent}%），逾期 ${overdue.count} 项（${overdue.percent}%）${slow}。`
  );
}
