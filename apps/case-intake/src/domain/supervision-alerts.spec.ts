import { AlertKind, FlowNode } from '@writ/contracts';
import { nodeOverdue, periodExceeded, reinquiryRoundDue } from './supervision-alerts.js';

describe('supervision alerts', () => {
  it('calls a 终本 case for re-search every six months for five years, and not after', () => {
    expect(reinquiryRoundDue('2026-01-31', '2026-07-30')).toBeNull();
    expect(reinquiryRoundDue('2026-01-31', '2026-07-31')).toEqual({ round: 1, dueOn: '2026-07-31' });
    expect(reinquiryRoundDue('2026-01-31', '2027-02-01')).toEqual({ round: 2, dueOn: '2027-01-31' });
    expect(reinquiryRoundDue('2026-01-31', '2031-01-31')).toEqual({ round: 10, dueOn: '2031-01-31' });
    // the tenth round is the last: five years on, the tenth is still the one due
    expect(reinquiryRoundDue('2026-01-31', '2033-01-31')).toEqual({ round: 10, dueOn: '2031-01-31' });
  });

  it('keys an alert by its fact, so an extension raises a new one but a rescan does not', () => {
    const ref = { caseId: 'c1', caseNumber: '（2026）辽1104执1号', courtCode: '辽1104' };
    expect(periodExceeded({ ...ref, deadline: '2026-06-01' }).key).toBe(
      periodExceeded({ ...ref, deadline: '2026-06-01' }).key,
    );
    expect(periodExceeded({ ...ref, deadline: '2026-09-01' }).key).not.toBe(
      periodExceeded({ ...ref, deadline: '2026-06-01' }).key,
    );
    const overdue = nodeOverdue({ ...ref, node: FlowNode.ServiceOfDocuments, deadline: '2026-01-06' });
    expect(overdue.kind).toBe(AlertKind.NodeOverdue);
    expect(overdue.message).toContain('执行送达辅助');
  });
});
