import { phoneProblem } from './contact';

describe('phone numbers', () => {
  it.each([
    '13912345678',
    '+8613912345678',
    '139 1234 5678',
    '139-1234-5678',
    '022-23456789',
    '02223456789',
    '0755-1234567',
    '(022)23456789',
    '022-23456789-801',
  ])('accepts %s', (phone) => expect(phoneProblem(phone)).toBeNull());
  it.each([
    '',
    '12345678901',
    '1391234567',
    '139123456789',
    '22-23456789',
    '022-123456',
    'abc',
    '022-23456789-1234567',
    '１３９１２３４５６７８',
  ])('refuses %s', (phone) => expect(phoneProblem(phone)).toContain('手机号码'));
});
