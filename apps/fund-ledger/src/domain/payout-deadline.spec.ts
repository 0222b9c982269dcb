import { deadlineState, payoutDeadlineDays, provinceOf, unpaidReceipts } from './payout-deadline.js';

describe('the 30-day payout rule (执行款物管理规定 2017)', () => {
  it('is 30 days, shorter where the province says so, never longer', () => {
    const byProvince = new Map([
      ['辽', 20],
      ['苏', 45],
    ]);
    expect(provinceOf('辽1104')).toBe('辽');
    expect(payoutDeadlineDays('辽1104', 30, byProvince)).toBe(20);
    expect(payoutDeadlineDays('京0105', 30, byProvince)).toBe(30);
    expect(payoutDeadlineDays('苏0102', 30, byProvince)).toBe(30);
  });

  it('counts each receipt from its arrival; what was paid out pays the oldest money first', () => {
    const receipts = [
      { receiptId: 'r2', caseId: 'c', amountFen: 500, receivedOn: '2026-03-10' },
      { receiptId: 'r1', caseId: 'c', amountFen: 1_000, receivedOn: '2026-03-01' },
    ];
    const due = unpaidReceipts(receipts, 1_200, 30, '2026-03-20');
    expect(due).toEqual([
      {
        receiptId: 'r2',
        caseId: 'c',
        amountFen: 500,
        receivedOn: '2026-03-10',
        deadline: '2026-04-09',
        unpaidFen: 300,
        daysLeft: 20,
      },
    ]);
    expect(unpaidReceipts(receipts, 1_500, 30, '2026-03-20')).toEqual([]);
    expect(unpaidReceipts(receipts, 0, 30, '2026-03-20').map((d) => [d.receiptId, d.deadline])).toEqual([
      ['r1', '2026-03-31'],
      ['r2', '2026-04-09'],
    ]);
  });

  it('is due soon within the alert days and overdue the day after the deadline', () => {
    expect(deadlineState({ daysLeft: 6 }, 5)).toBe('OK');
    expect(deadlineState({ daysLeft: 5 }, 5)).toBe('DUE_SOON');
    expect(deadlineState({ daysLeft: 0 }, 5)).toBe('DUE_SOON');
    expect(deadlineState({ daysLeft: -1 }, 5)).toBe('OVERDUE');
  });
});
