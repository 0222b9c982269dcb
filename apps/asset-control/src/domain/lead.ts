import { addDays, CodedError, ErrorCode, LeadStatus, type LeadResult } from '@writ/contracts';

/** Days to check an applicant's lead, counted from the day it was received (财产调查规定 Art 2). */
export const LEAD_CHECK_DAYS = 7;
/** … and when the matter is urgent (财产调查规定 Art 2). */
export const URGENT_LEAD_CHECK_DAYS = 3;

/** A lead as the rules see it. */
export interface LeadState {
  status: LeadStatus;
  urgent: boolean;
  receivedOn: string;
  dueOn: string;
  result: LeadResult | null;
  note: string | null;
  checkedOn: string | null;
}

/** The last day to check a lead: 7 days after receipt, 3 if urgent (财产调查规定 Art 2). */
export function leadDueOn(receivedOn: string, urgent: boolean): string {
  return addDays(receivedOn, urgent ? URGENT_LEAD_CHECK_DAYS : LEAD_CHECK_DAYS);
}

export function newLead(receivedOn: string, urgent: boolean): LeadState {
  return {
    status: LeadStatus.Open,
    urgent,
    receivedOn,
    dueOn: leadDueOn(receivedOn, urgent),
    result: null,
    note: null,
    checkedOn: null,
  };
}

/** An unchecked lead is overdue from the day after its due date (财产调查规定 Art 2). */
export function leadIsOverdue(lead: Pick<LeadState, 'status' | 'dueOn'>, today: string): boolean {
  return lead.status === LeadStatus.Open && today > lead.dueOn;
}

/** Checked after its due date: still recorded, and marked late so the trail shows it. */
export function leadCheckedLate(lead: Pick<LeadState, 'dueOn' | 'checkedOn'>): boolean {
  return lead.checkedOn !== null && lead.checkedOn > lead.dueOn;
}

/** Records the result of checking a lead; a lead is checked once, a correction is a new lead. */
export function checkLead(lead: LeadState, result: LeadResult, note: string, today: string): LeadState {
  if (lead.status !== LeadStatus.Open) {
    throw new CodedError(ErrorCode.InvalidState, `the lead was already checked on ${lead.checkedOn}`, {
      rule: 'LEAD_ALREADY_CHECKED',
    });
  }
  if (!note.trim()) {
    throw new CodedError(ErrorCode.ValidationFailed, 'say what the check found', {
      errors: [{ field: 'note', rule: 'notBlank', message: 'note must not be blank' }],
    });
  }
  return { ...lead, status: LeadStatus.Checked, result, note: note.trim(), checkedOn: today };
}
