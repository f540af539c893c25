/**
 * Personal data that must not be written into the system (issue 11): the children this work is
 * about are named in case files, never here. Two kinds are recognised, each by a rule tight enough
 * not to refuse ordinary numbers (dates, amounts, document numbers):
 *
 * - a PRC resident ID number (GB 11643): 18 characters not inside a longer digit run, a known
 *   province code, a real birth date from 1900 to 2099 and a valid check character. The 15-digit
 *   form of before 1999 is not looked for: it has no check digit (any 15-digit number with a
 *   date-like middle would match) and no child holds one;
 * - a PRC mobile number: 1[3-9] and nine more digits, not inside a longer digit run, optionally
 *   grouped 3-4-4 by spaces or hyphens and optionally after +86.
 *
 * Full-width digits count as digits. The answer says what was found and where, never the number.
 */
export type PersonalDataKind = 'resident_id' | 'mobile';

export interface PersonalDataFound {
  kind: PersonalDataKind;
  /** Offset of the first character of the number in the text. */
  index: number;
}

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  resident_id: '居民身份证号码',
  mobile: '手机号码',
};

// The first two digits of the administrative division code (GB/T 2260); 71 Taiwan, 81 Hong Kong,
// 82 Macao, 83 the residence permits of Taiwan residents.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits of a resident ID number. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isResidentId(candidate: string): boolean {
  return (
    /^\d{17}[\dX]$/i.test(candidate) &&
    PROVINCES.has(Number(candidate.slice(0, 2))) &&
    isRealDate(candidate.slice(6, 14)) &&
    residentIdCheck(candidate) === candidate[17].toUpperCase()
  );
}

const ID_RUN = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE = /(?<!\d)(?:\+86[ -]?|86[ -])?1[3-9]\d([ -]?)\d{4}\1\d{4}(?!\d)/;

// Same length, so offsets found in the result are offsets in the original text.
const halfWidth = (text: string) => text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The first resident ID or mobile number in `text`, or null. */
export function findPersonalData(text: string): PersonalDataFound | null {
  const plain = halfWidth(text);
  const found: PersonalDataFound[] = [];
  for (const m of plain.matchAll(ID_RUN)) {
    if (isResidentId(m[0])) {
      found.push({ kind: 'resident_id', index: m.index });
      break;
    }
  }
  const mobile = MOBILE.exec(plain);
  if (mobile) found.push({ kind: 'mobile', index: mobile.index });
  return found.sort((a, b) => a.index - b.index)[0] ?? null;
}
