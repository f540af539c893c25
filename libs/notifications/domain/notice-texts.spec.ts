import {
  calendarGapText,
  extensionApprovedText,
  extensionDeniedText,
  extensionRequestedText,
  leaderInstructionText,
  reportReminderText,
} from './notice-texts';

const MEASURE = '（一）筑牢基本生活保障底线';

describe('notice texts', () => {
  it('words the extension notices', () => {
    expect(extensionRequestedText('市民政局', MEASURE, '2027-10-29', '需会签')).toBe(
      '市民政局申请将「（一）筑牢基本生活保障底线」延期至2027-10-29：需会签',
    );
    expect(extensionDeniedText(MEASURE, '不符合条件')).toBe(
      '「（一）筑牢基本生活保障底线」延期申请未获批准：不符合条件',
    );
    expect(extensionDeniedText(MEASURE, undefined)).toBe('「（一）筑牢基本生活保障底线」延期申请未获批准：');
    expect(extensionApprovedText(MEASURE, '2027-10-15', '2027-10-22')).toBe(
      '「（一）筑牢基本生活保障底线」延期申请已批准，截止日期由2027-10-15调整为2027-10-22',
    );
  });

  it('words the instruction, calendar gap and report reminder', () => {
    expect(leaderInstructionText(MEASURE, '请加快进度')).toBe('【领导批示】「（一）筑牢基本生活保障底线」：请加快进度');
    expect(calendarGapText(MEASURE, '2028')).toBe(
      '「（一）筑牢基本生活保障底线」的督办节点需要 2028 年工作日历，请管理员维护',
    );
    expect(reportReminderText(MEASURE)).toBe('【进展报送】请报送「（一）筑牢基本生活保障底线」本月进展情况。');
  });
});
