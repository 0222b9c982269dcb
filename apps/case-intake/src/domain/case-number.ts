import type { CaseType } from '@writ/contracts';

/**
 * 案号: （year）+ court code + type code + sequence + 号, e.g. （2026）辽1104执123号. The sequence restarts
 * per court, per type and per year, and has no gaps (关于人民法院案件案号的若干规定, 2016).
 */
export interface CaseNumberParts {
  year: number;
  courtCode: string;
  caseType: CaseType;
  sequence: number;
}

export function formatCaseNumber(parts: CaseNumberParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) {
    throw new RangeError(`case number sequence must be a positive whole number, got ${parts.sequence}`);
  }
  if (!Number.isInteger(parts.year) || parts.year < 1949 || parts.year > 9999) {
    throw new RangeError(`case number year must be a four-digit year, got ${parts.year}`);
  }
  return `（${parts.year}）${parts.courtCode}${parts.caseType}${parts.sequence}号`;
}

const CASE_NUMBER = /^（(\d{4})）(.+?)(执恢|执保|执异|执复|执监|执协|执他|执)(\d+)号$/u;

export function parseCaseNumber(text: string): CaseNumberParts | null {
  const match = CASE_NUMBER.exec(text);
  if (!match) return null;
  return {
    year: Number(match[1]),
    courtCode: match[2]!,
    caseType: match[3] as CaseType,
    sequence: Number(match[4]),
  };
}

/** The key a sequence belongs to: a new one starts for each court, type and year. */
export function sequenceKeyOf(parts: Omit<CaseNumberParts, 'sequence'>): string {
  return `${parts.courtCode}/${parts.caseType}/${parts.year}`;
}
