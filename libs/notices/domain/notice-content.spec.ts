import { chineseDate, noticeContent, type NoticeFacts } from './notice-content';

const facts: NoticeFacts = {
  kind: 'urge',
  number: '催〔2026〕1号',
  day: '2026-12-04',
  agency: '市教委',
  documentTitle: '关于加强测试工作的实施方案',
  docNumber: '津民发〔2026〕9号',
  issuer: '天津市民政局',
  coordinator: null,
  coordinatorContact: { name: '王协调', phone: '022-12345678', email: null },
  items: [
    {
      measureNumber: '（二）',
      measureTitle: '完善测试制度',
      role: 'cooperating',
      dueDate: '2026-12-01',
      overdueDays: 3,
    },
  ],
  liaisons: [{ name: '李联络', phone: null, email: 'li@example.cn' }],
};

describe('notice content', () => {
  it('writes dates the 公文 way', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('fills every placeholder from stored facts', () => {
    expect(noticeContent(facts)).toEqual({
      title: '催办通知书',
      number: '催〔2026〕1号',
      agency: '市教委',
      documentTitle: '关于加强测试工作的实施方案',
      docNumber: '（津民发〔2026〕9号）',
      issuer: '天津市民政局',
      coordinator: '天津市民政局',
      coordinatorContact: '王协调　电话：022-12345678',
      date: '2026年12月4日',
      measures: [
        {
          seq: 1,
          measureNumber: '（二）',
          measureTitle: '完善测试制度',
          role: '配合',
          dueDate: '2026年12月1日',
          overdue: '3个工作日',
        },
      ],
      contacts: [{ name: '李联络', phone: '（未登记）', email: 'li@example.cn' }],
    });
  });

  it('calls a lone shared party 负责, several 共同负责', () => {
    const item = { measureNumber: '（一）', measureTitle: '开展测试', role: 'shared', dueDate: '2026-12-01' };
    const roles = (parties: number) => noticeContent({ ...facts, items: [{ ...item, parties }] }).measures[0].role;
    expect([roles(1), roles(2)]).toEqual(['负责', '共同负责']);
  });

  it('prefers the coordinating bureau over the issuer', () => {
    expect(noticeContent({ ...facts, coordinator: '市督查室' }).issuer).toBe('市督查室');
  });
});
