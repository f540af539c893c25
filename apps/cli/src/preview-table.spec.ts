import { parsePolicy } from '../../../libs/documents/parse/parse-policy';
import { displayWidth } from './display-width';
import { formatPreview, NO_MEASURES_NOTE, warningsByMeasure } from './preview-table';

const doc = [
  '某市人民政府关于加强某项工作的意见',
  '一、主要任务',
  '（一）建立覆盖全部困境儿童的工作台账并定期更新维护。（市民政局牵头，市教委、市财政局配合；以下工作均需各区人民政府配合，不再单独列出）',
  '（二）完善制度。（市卫生健康委指导，有关部门负责）',
  '二、保障措施',
  '（一）加强组织领导。',
].join('\n');

describe('formatPreview', () => {
  const lines = formatPreview(parsePolicy(doc)).split('\n');

  it('prints a header, Chinese column labels and a row per role', () => {
    expect(lines[0]).toBe('文件标题  某市人民政府关于加强某项工作的意见');
    expect(lines.some((l) => /^编号\s+措施\s+分工\s+责任单位$/.test(l))).toBe(true);
    const first = lines.findIndex((l) => /^（一）\s+建立/.test(l));
    expect(lines[first]).toMatch(/牵头\s+市民政局$/);
    expect(lines[first + 1]).toMatch(/^\s+配合\s+市教委、市财政局$/);
    expect(lines.find((l) => /^（二）\s/.test(l))).toMatch(/共同负责\s+有关部门$/);
    expect(lines.some((l) => /^\s+指导\s+市卫生健康委$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s+默认配合\s+各区人民政府$/.test(l))).toBe(true);
  });

  it('aligns the role column across rows, counting CJK as two columns', () => {
    const roleRows = lines.filter((l) => /(牵头|配合|共同负责|指导)\s+[市各有]/.test(l));
    expect(roleRows).toHaveLength(6);
    for (const l of roleRows) {
      expect(displayWidth(l.slice(0, l.search(/(默认配合|牵头|配合|共同负责|指导)\s/)))).toBe(42);
    }
  });

  it('shortens long titles and prints warnings under their measure', () => {
    expect(lines.find((l) => /^（一）\s+建立/.test(l))).toContain('建立覆盖全部困境儿童的工作…');
    const second = lines.findIndex((l) => /^（二）\s/.test(l));
    expect(lines.slice(second).find((l) => l.includes('!'))).toMatch(/^\s+! 泛指单位：（二） 的责任单位“有关部门”/);
    const last = lines.findIndex((l) => /^（一）\s+加强组织领导/.test(l));
    expect(lines[last]).toMatch(/—\s+（未写明）$/);
    expect(lines[last + 1]).toMatch(/! 缺责任单位：（一） 未写明责任单位/);
  });

  it('ends with a summary line', () => {
    expect(lines[lines.length - 1]).toBe(
      '合计  措施 3 项  单位 6 个  分工 7 项（含默认配合 2）  警告 2 条（泛指单位 1，缺责任单位 1）',
    );
  });

  it('prints a one-line note for a text without measures', () => {
    expect(formatPreview(parsePolicy('各区人民政府：请认真贯彻执行。'))).toBe(NO_MEASURES_NOTE);
    expect(NO_MEASURES_NOTE.includes('\n')).toBe(false);
  });

  it('attaches warnings to the right measure when numbers repeat across sections', () => {
    const r = parsePolicy('一、甲\n（一）做。\n二、乙\n（一）做。（有关部门负责）\n（二）做。\n');
    expect(warningsByMeasure(r).map((ws) => ws.map((w) => w.code))).toEqual([
      ['MISSING_ATTRIBUTION'],
      ['GENERIC_PARTY'],
      ['MISSING_ATTRIBUTION'],
    ]);
  });
});
