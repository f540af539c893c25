import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { readHolidayNotice } from './holiday-notice';

const fixture = (year: number) =>
  readFileSync(path.resolve(__dirname, `../../../test/fixtures/holiday-notices/${year}.txt`), 'utf8');
const packaged = prcCalendarData();
const ofYear = (days: string[], year: number) => days.filter((d) => d.startsWith(`${year}-`)).sort();

describe('the State Council holiday notice, pasted as text', () => {
  it.each([2025, 2026])('gives exactly the packaged days of %i', (year) => {
    const notice = readHolidayNotice(fixture(year));
    expect(notice.problems).toEqual([]);
    expect(notice.year).toBe(year);
    expect(notice.holidays.map((d) => d.day)).toEqual(ofYear(packaged.holidays, year));
    expect(notice.workdays.map((d) => d.day)).toEqual(ofYear(packaged.workdays, year));
  });

  it('names each day after its holiday', () => {
    const notice = readHolidayNotice(fixture(2026));
    expect(notice.holidays.find((d) => d.day === '2026-02-15')).toEqual({ day: '2026-02-15', name: '春节' });
    expect(notice.workdays.find((d) => d.day === '2026-02-28')).toEqual({ day: '2026-02-28', name: '春节调休上班' });
  });

  it('reads half-width punctuation as copied from some web pages', () => {
    const text = fixture(2025).replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',');
    const notice = readHolidayNotice(text);
    expect(notice.problems).toEqual([]);
    expect(notice.holidays).toHaveLength(ofYear(packaged.holidays, 2025).length);
  });

  it('reads the older wording: 放假 with 补休, 与周末连休 and 星期', () => {
    const notice = readHolidayNotice(
      [
        '国务院办公厅关于2014年部分节假日安排的通知',
        '一、元旦：1月1日放假1天。',
        '三、清明节：4月5日放假，4月7日（星期一）补休。',
        '五、端午节：6月2日放假，与周末连休。',
      ].join('\n'),
    );
    expect(notice.problems).toEqual([]);
    expect(notice.holidays.map((d) => d.day)).toEqual(['2014-01-01', '2014-04-05', '2014-04-07', '2014-06-02']);
  });

  it('keeps a day written with another year apart (元旦 from 31 December)', () => {
    const notice = readHolidayNotice(
      ['国务院办公厅关于2023年部分节假日安排的通知', '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。'].join(
        '\n',
      ),
    );
    expect(notice.problems).toEqual([]);
    expect(notice.holidays.map((d) => d.day)).toEqual(['2023-01-01', '2023-01-02']);
    expect(notice.otherYears).toEqual(['2022-12-31']);
  });

  it('refuses a notice whose weekdays do not match its year, naming the line', () => {
    const wrong = fixture(2026).replace('关于2026年', '关于2027年').replace('现将2026年', '现将2027年');
    const notice = readHolidayNotice(wrong);
    expect(notice.year).toBe(2027);
    expect(notice.problems[0]).toBe('「元旦」中的「1月1日（周四）」：2027-01-01 不是星期四，请核对年份和日期');
  });

  it('refuses a count that does not match the dates listed, and a make-up day that is not a weekend', () => {
    const notice = readHolidayNotice(
      [
        '国务院办公厅关于2026年部分节假日安排的通知',
        '一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。1月5日上班。',
      ].join('\n'),
    );
    expect(notice.problems).toEqual([
      '「元旦」写明共 4 天，按所列日期计为 3 天',
      '2026-01-05 不是周六或周日，不能是调休上班日',
    ]);
  });

  it('says so when the text is not a holiday notice', () => {
    expect(readHolidayNotice('关于印发某某实施方案的通知').problems).toEqual([
      '未能识别通知所属年份（应含「关于YYYY年部分节假日安排的通知」）',
    ]);
    expect(readHolidayNotice('国务院办公厅关于2026年部分节假日安排的通知\n正文').problems).toEqual([
      '未找到放假安排条目（应有「一、元旦：…放假…」这样的行）',
    ]);
  });
});
