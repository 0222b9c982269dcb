import { AlertKind, executionFeeFen } from '@writ/contracts';
import { disbursedFen, paidBefore, paidWhenFen, remainingFen, type PayoutDue } from './payout-alerts.js';
import { payoutDueSoon } from './supervision-alerts.js';

describe('案款即将超期: which money of a case is still to be paid out (执行款物管理规定 2017)', () => {
  const due = (receiptId: string, receivedOn: string, unpaidFen: number, paidWhen: number): PayoutDue => ({
    receiptId,
    receivedOn,
    deadline: '2026-04-01',
    unpaidFen,
    paidWhenFen: paidWhen,
  });

  it('counts the execution fee as disbursed once a creditor has been paid anything (fees first)', () => {
    const claimAmountFen = 10_000_000;
    expect(disbursedFen({ claimAmountFen, recoveredFen: 0 })).toBe(0);
    expect(disbursedFen({ claimAmountFen, recoveredFen: 100_000 })).toBe(
      100_000 + executionFeeFen(claimAmountFen),
    );
  });

  it('pays the oldest money first: by arrival day, then by receipt', () => {
    expect(
      paidBefore({ receivedOn: '2026-03-01', receiptId: 'b' }, { receivedOn: '2026-03-02', receiptId: 'a' }),
    ).toBe(true);
    expect(
      paidBefore({ receivedOn: '2026-03-02', receiptId: 'a' }, { receivedOn: '2026-03-02', receiptId: 'b' }),
    ).toBe(true);
    expect(
      paidBefore({ receivedOn: '2026-03-02', receiptId: 'b' }, { receivedOn: '2026-03-02', receiptId: 'a' }),
    ).toBe(false);
  });

  it('puts a receipt behind what is disbursed now and behind the older receipts still unpaid', () => {
    // nothing open: paid out once the disbursements pass what they are now by its unpaid part
    expect(paidWhenFen([], { receiptId: 'r1', receivedOn: '2026-03-01', unpaidFen: 300_000 }, 50_000)).toBe(
      350_000,
    );
    // an older receipt still open comes first
    const older = due('r1', '2026-03-01', 300_000, 350_000);
    expect(
      paidWhenFen([older], { receiptId: 'r2', receivedOn: '2026-03-05', unpaidFen: 20_000 }, 50_000),
    ).toBe(370_000);
    // a younger one does not
    expect(
      paidWhenFen([older], { receiptId: 'r0', receivedOn: '2026-02-20', unpaidFen: 20_000 }, 50_000),
    ).toBe(70_000);
  });

  it('tells what of a receipt is left as the money goes out, down to nothing', () => {
    const r = due('r1', '2026-03-01', 300_000, 350_000);
    expect(remainingFen(r, 50_000)).toBe(300_000);
    expect(remainingFen(r, 0)).toBe(300_000);
    expect(remainingFen(r, 250_000)).toBe(100_000);
    expect(remainingFen(r, 350_000)).toBe(0);
    expect(remainingFen(r, 400_000)).toBe(0);
  });

  it('raises one alert per case and deadline, naming the money and the day', () => {
    const ref = {
      caseId: 'c1',
      caseNumber: '（2026）辽1104执1号',
      courtCode: '辽1104',
      officerId: 'officer1',
    };
    const alert = payoutDueSoon({ ...ref, deadline: '2026-03-22', unpaidFen: 123_456 });
    expect(alert).toMatchObject({
      key: 'payout:c1:2026-03-22',
      kind: AlertKind.PayoutDueSoon,
      dueOn: '2026-03-22',
      officerId: 'officer1',
    });
    expect(alert.message).toBe('（2026）辽1104执1号 尚有案款 ¥1,234.56 未发放，应于 2026-03-22 前发放');
    expect(payoutDueSoon({ ...ref, deadline: '2026-03-22', unpaidFen: 1 }).key).toBe(alert.key);
  });
});
