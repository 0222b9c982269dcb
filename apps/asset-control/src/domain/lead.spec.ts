import { CodedError, ErrorCode, LeadResult, LeadStatus } from '@writ/contracts';
import { checkLead, leadCheckedLate, leadDueOn, leadIsOverdue, newLead } from './lead.js';

describe('财产线索: checking a lead from the applicant (财产调查规定 Art 2)', () => {
  it('must be checked within 7 days of receipt', () => {
    expect(leadDueOn('2026-03-02', false)).toBe('2026-03-09');
    expect(newLead('2026-02-25', false).dueOn).toBe('2026-03-04');
  });

  it('must be checked within 3 days when urgent', () => {
    expect(leadDueOn('2026-03-02', true)).toBe('2026-03-05');
    expect(newLead('2026-12-30', true)).toMatchObject({ dueOn: '2027-01-02', status: LeadStatus.Open });
  });

  it('is overdue from the day after its due date while unchecked, and never once checked', () => {
    const lead = newLead('2026-03-02', true);
    expect(leadIsOverdue(lead, '2026-03-05')).toBe(false);
    expect(leadIsOverdue(lead, '2026-03-06')).toBe(true);
    const checked = checkLead(lead, LeadResult.NotFound, '账户已销户', '2026-03-07');
    expect(leadIsOverdue(checked, '2026-03-08')).toBe(false);
  });

  it('records the result, and marks a check after the due date as late', () => {
    const lead = newLead('2026-03-02', false);
    const onTime = checkLead(lead, LeadResult.Found, ' 查得工行账户余额 5,000 元 ', '2026-03-09');
    expect(onTime).toMatchObject({
      status: LeadStatus.Checked,
      result: LeadResult.Found,
      checkedOn: '2026-03-09',
    });
    expect(onTime.note).toBe('查得工行账户余额 5,000 元');
    expect(leadCheckedLate(onTime)).toBe(false);
    expect(leadCheckedLate(checkLead(lead, LeadResult.NotVerifiable, '无法核实', '2026-03-10'))).toBe(true);
  });

  it('refuses to check a lead twice', () => {
    const checked = checkLead(newLead('2026-03-02', false), LeadResult.Found, '查得', '2026-03-03');
    const refusal = (() => {
      try {
        checkLead(checked, LeadResult.NotFound, '再查', '2026-03-04');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(CodedError);
    expect(refusal).toMatchObject({
      code: ErrorCode.InvalidState,
      details: { rule: 'LEAD_ALREADY_CHECKED' },
    });
  });

  it('refuses a blank note', () => {
    expect(() => checkLead(newLead('2026-03-02', false), LeadResult.Found, '  ', '2026-03-03')).toThrow(
      CodedError,
    );
  });

  it('holds for every receipt date of a year: due exactly 7 (or 3) calendar days later', () => {
    for (
      let d = new Date('2026-01-01T00:00:00Z');
      d.getUTCFullYear() === 2026;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.toISOString().slice(0, 10);
      for (const urgent of [false, true]) {
        const due = new Date(`${leadDueOn(day, urgent)}T00:00:00Z`).getTime();
        expect((due - d.getTime()) / 86_400_000).toBe(urgent ? 3 : 7);
      }
    }
  });
});
