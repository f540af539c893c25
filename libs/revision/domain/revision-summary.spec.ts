import { revisionSummary } from './revision-summary';

describe('revisionSummary', () => {
  it('says what changed in a measure, as a liaison reads it', () => {
    expect(
      revisionSummary({
        number: '（一）',
        section: null,
        title: '新标题',
        titleBefore: '旧标题',
        textChanged: true,
        partiesAdded: ['市财政局'],
        partiesRemoved: ['市教委'],
        rolesChanged: [{ party: '市民政局', from: 'shared', to: 'lead' }],
      }),
    ).toBe(
      '标题由「旧标题」改为「新标题」；措施内容有修改；新增责任单位：市财政局；不再由市教委承担；市民政局由共同负责改为牵头',
    );
    const wording = {
      number: '（二）',
      section: null,
      title: 't',
      textChanged: true,
      partiesAdded: [],
      partiesRemoved: [],
      rolesChanged: [],
    };
    expect(revisionSummary(wording)).toBe('措施内容有修改');
  });
});
