import { ErrorCode } from '@writ/contracts';
import { TransactionKind } from './journal.js';
import { assertReceiptStillHeld, receivedBy } from './reversal.js';

describe('冲正 of money a case received', () => {
  const caseId = 'c-1';
  const receipt = (kind: string, amountFen: number) => ({
    kind,
    caseId,
    entries: [
      { accountCode: 'DEDICATED:辽1104', amountFen },
      { accountCode: `CASE:${caseId}`, amountFen: -amountFen },
    ],
  });

  it('counts what a receiving transaction credited to the case’s account, and nothing for other kinds', () => {
    expect(receivedBy(receipt(TransactionKind.Receipt, 7_000))).toBe(7_000);
    expect(receivedBy(receipt(TransactionKind.SuspenseMatch, 3_000))).toBe(3_000);
    expect(receivedBy(receipt(TransactionKind.DepositApplied, 50_000))).toBe(50_000);
    // a forfeited deposit applied: the costs to the fees, only the rest to the case
    expect(
      receivedBy({
        kind: TransactionKind.ForfeitApplied,
        caseId,
        entries: [
          { accountCode: 'FORFEITED:lot-1', amountFen: 10_000 },
          { accountCode: 'FEES:辽1104', amountFen: -2_000 },
          { accountCode: `CASE:${caseId}`, amountFen: -8_000 },
        ],
      }),
    ).toBe(8_000);
    // a payout takes money out of the case: it received nothing
    expect(
      receivedBy({
        kind: TransactionKind.PayoutApproved,
        caseId,
        entries: [
          { accountCode: `CASE:${caseId}`, amountFen: 5_000 },
          { accountCode: `PAYABLE:${caseId}:C-1`, amountFen: -5_000 },
        ],
      }),
    ).toBe(0);
    expect(receivedBy({ ...receipt(TransactionKind.SuspenseReceipt, 1_000), caseId: null })).toBe(0);
    expect(receivedBy({ ...receipt(TransactionKind.Receipt, 1_000), caseId: 'another-case' })).toBe(0);
  });

  it('reverses a receipt only while its money is still in the case’s account (422 RECEIPT_ALREADY_PAID_OUT)', () => {
    expect(() =>
      assertReceiptStillHeld({ transactionId: 't-1', receivedFen: 7_000, caseBalanceFen: 7_000 }),
    ).not.toThrow();
    let thrown: unknown;
    try {
      assertReceiptStillHeld({ transactionId: 't-1', receivedFen: 7_000, caseBalanceFen: 6_999 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: ErrorCode.RuleViolated,
      details: {
        rule: 'RECEIPT_ALREADY_PAID_OUT',
        errors: [{ field: 'transactionId', rule: 'RECEIPT_ALREADY_PAID_OUT' }],
      },
    });
    expect((thrown as Error).message).toContain('¥69.99');
  });
});
