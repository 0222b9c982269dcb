/**
 * Identity numbers of the parties. Both checks follow public national standards, so the server and the
 * web form reject exactly the same typos.
 */

/** A case's id: a UUID assigned by case-intake. */
export type CaseId = string;

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_CHARS = '10X98765432';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and a check
 * character computed by ISO 7064 MOD 11-2. Returns the reason it is invalid, or null when valid.
 */
export function residentIdNumberProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'must be 17 digits followed by a digit or X';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1800 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day
  ) {
    return 'contains an impossible birth date';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * RESIDENT_ID_WEIGHTS[i]!;
  if (RESIDENT_ID_CHECK_CHARS[sum % 11] !== value[17]) return 'fails the ISO 7064 MOD 11-2 check digit';
  return null;
}

export function isValidResidentIdNumber(value: string): boolean {
  return residentIdNumberProblem(value) === null;
}

/** The birth date written in a resident id number, as YYYY-MM-DD. */
export function birthDateOfResidentId(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** The 31 characters of GB 32100-2015: digits and capitals without I, O, Z, S and V. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set; the last is a check
 * character, 31 − (Σ value×weight mod 31), with 31 written as 0. Returns the reason, or null when valid.
 */
export function unifiedSocialCreditCodeProblem(value: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) {
    return 'must be 18 characters of digits and capitals other than I, O, Z, S, V';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(value[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  if (USCC_CHARSET[check] !== value[17]) return 'fails the GB 32100-2015 check character';
  return null;
}

export function isValidUnifiedSocialCreditCode(value: string): boolean {
  return unifiedSocialCreditCodeProblem(value) === null;
}
