import fc from 'fast-check';
import { findPersonalData, isResidentId, residentIdCheck } from './personal-data';

const PROVINCES = ['11', '12', '31', '44', '50', '65', '81', '83'];

/** A resident ID number with a correct check character. */
const residentId = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    area: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    order: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, area, birth, order }) => {
    const first17 =
      province +
      String(area).padStart(4, '0') +
      birth.toISOString().slice(0, 10).replaceAll('-', '') +
      String(order).padStart(3, '0');
    return first17 + residentIdCheck(first17);
  });

/** Text around a number that holds no digit. */
const words = fc.string({
  unit: fc.constantFrom('困', '境', '儿', '童', '，', '。', ' ', 'a', '：', '号'),
  maxLength: 12,
});
const digitRun = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('findPersonalData', () => {
  it('finds a valid resident ID number wherever it stands, and says where', () => {
    fc.assert(
      fc.property(words, residentId, words, (before, id, after) => {
        expect(findPersonalData(before + id + after)).toEqual({ kind: 'resident_id', index: before.length });
      }),
    );
  });

  it('does not take an 18-digit number with a wrong check character for one', () => {
    fc.assert(
      fc.property(residentId, fc.integer({ min: 1, max: 10 }), (id, shift) => {
        const chars = '0123456789X';
        const wrong = chars[(chars.indexOf(id[17]) + shift) % 11];
        expect(isResidentId(id.slice(0, 17) + wrong)).toBe(false);
        expect(findPersonalData(`编号${id.slice(0, 17)}${wrong}。`)).toBeNull();
      }),
    );
  });

  it('finds a mobile number alone, not inside a longer digit run', () => {
    fc.assert(
      fc.property(words, fc.constantFrom(...'3456789'), digitRun(9, 9), words, (before, second, rest, after) => {
        const mobile = `1${second}${rest}`;
        expect(findPersonalData(`${before}${mobile}${after}`)).toEqual({ kind: 'mobile', index: before.length });
        expect(findPersonalData(`${before}${mobile}0${after}`)).toBeNull();
        expect(findPersonalData(`${before}7${mobile}${after}`)).toBeNull();
      }),
    );
  });

  it('finds nothing in digit runs of other lengths', () => {
    const otherLength = fc.integer({ min: 1, max: 30 }).filter((n) => n !== 11 && n !== 18);
    fc.assert(
      fc.property(
        otherLength.chain((n) => digitRun(n, n)),
        words,
        (run, after) => {
          expect(findPersonalData(`截至${run}${after}`)).toBeNull();
        },
      ),
    );
  });

  it.each([
    ['an ID with a lower-case x', '11010519491231002x', 'resident_id'],
    ['full-width digits', '联系人电话：１３８１２３４５６７８', 'mobile'],
    ['a mobile grouped 3-4-4', '请联系 138-1234-5678', 'mobile'],
    ['a mobile after +86', '+86 13812345678', 'mobile'],
  ])('finds %s', (_what, text, kind) => {
    expect(findPersonalData(text)?.kind).toBe(kind);
  });

  it.each([
    ['a document number', '津政办发〔2026〕12号'],
    ['an amount', '拨付资金 138123456780 元'],
    ['an ID with an impossible birth date', '110105194902300021'],
    ['an ID with an unknown province', '990105194912310021'],
    ['a landline', '022-23456789'],
    ['a mobile-like number starting 12', '12812345678'],
  ])('finds nothing in %s', (_what, text) => {
    expect(findPersonalData(text)).toBeNull();
  });

  it('answers the first of several', () => {
    const id = '11010519491231002X';
    expect(isResidentId(id)).toBe(true);
    expect(isResidentId('12010120150101003X')).toBe(true);
    expect(findPersonalData(`电话 13812345678，身份证 ${id}`)).toEqual({ kind: 'mobile', index: 3 });
    expect(findPersonalData(`身份证 ${id}，电话 13812345678`)).toEqual({ kind: 'resident_id', index: 4 });
  });
});
