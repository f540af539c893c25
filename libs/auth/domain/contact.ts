/**
 * A PRC telephone number a person can be called on: a mobile (11 digits from 13–19, optionally
 * after +86) or a landline with its area code (0 + 2–3 digits, 7–8 digits, optional extension).
 * Spaces and hyphens between groups are allowed.
 */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3})-?\d{7,8}(?:-\d{1,6})?$/;

export function phoneProblem(phone: string): string | null {
  const compact = phone.trim().replace(/ /g, '');
  const mobile = compact.replace(/-/g, '');
  if (MOBILE.test(mobile) || LANDLINE.test(compact)) return null;
  return '电话须为有效的手机号码（如 13912345678）或带区号的固定电话（如 022-23456789）';
}
