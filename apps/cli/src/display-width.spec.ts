import { displayWidth, padEnd, truncate, wrapList } from './display-width';

describe('display width', () => {
  it('counts CJK and fullwidth characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('市民政局')).toBe(8);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('1.拓展')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('pads to a column count', () => {
    expect(padEnd('牵头', 6)).toBe('牵头  ');
    expect(displayWidth(padEnd('（十一）', 12))).toBe(12);
    expect(padEnd('太长的文字', 4)).toBe('太长的文字');
  });

  it('truncates with an ellipsis within the width', () => {
    expect(truncate('加大稳岗支持力度', 20)).toBe('加大稳岗支持力度');
    const cut = truncate('发挥政府性融资担保机构作用支持小微企业', 12);
    expect(cut).toBe('发挥政府性…');
    expect(displayWidth(cut)).toBeLessThanOrEqual(12);
  });

  it('wraps a list between items', () => {
    expect(wrapList(['市民政局', '市教委', '市财政局'], 16)).toEqual(['市民政局、市教委、', '市财政局']);
    expect(wrapList([], 10)).toEqual([]);
  });
});
