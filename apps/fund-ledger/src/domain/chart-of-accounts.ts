/**
 * The ledger's chart of accounts (会计科目), DOMAIN.md §6: one account per case (一案一账号) under the
 * court's dedicated enforcement account (执行款专户), and the accounts money passes through on its way
 * to the creditor.
 */
export enum AccountKind {
  /** 执行款专户 — the court's bank account; an asset, debit-normal; one per court */
  Dedicated = 'DEDICATED',
  /** 案款账户 — money held for one case (一案一账号); a liability, credit-normal */
  Case = 'CASE',
  /** 应付申请执行人 — owed to one creditor of a case once a payout is approved */
  Payable = 'PAYABLE',
  /** 申请执行费 — court fees settled out of the case's money, per court */
  Fees = 'FEES',
  /** 竞买保证金 — a bidder's deposit held for a lot */
  DepositsHeld = 'DEPOSITS_HELD',
  /** 没收保证金 — a defaulting buyer's forfeited deposit, before it is applied */
  Forfeited = 'FORFEITED',
  /** 待认领款 — money in the dedicated account not yet matched to a case, per court */
  Suspense = 'SUSPENSE',
}

/**
 * How an account's "never below zero" is kept:
 * - ROW: a SPREAD account; its balance lives in its row, updated in the posting with a guarded UPDATE;
 * - LOCKED_SUM: a HOT account that may be drawn down (待认领款, 申请执行费): a posting that lowers it
 *   takes the account's advisory lock and checks the sum of its entries first; postings that raise it
 *   take no lock;
 * - IMPLIED: 专户. Every account of a court other than 专户 is credit-normal and guarded, and each
 *   transaction sums to zero, so 专户's natural balance equals the sum of the court's other natural
 *   balances and cannot fall below zero while they cannot. Payouts therefore never queue on it.
 */
export type BalanceGuard = 'ROW' | 'LOCKED_SUM' | 'IMPLIED';

export interface AccountRule {
  /** +1: the natural balance is the sum of entries (debit-normal); −1: its negation (credit-normal) */
  naturalSign: 1 | -1;
  /** the natural balance may never go below zero */
  nonNegative: boolean;
  /**
   * HOT accounts take a share of nearly every posting (every receipt passes through 专户): they are
   * never updated in place, their balance is the sum of their entries (plus the sealer's rollup), so
   * concurrent postings do not queue on one row. SPREAD accounts keep their balance in their row.
   */
  hot: boolean;
  guard: BalanceGuard;
}

export const ACCOUNT_RULES: Readonly<Record<AccountKind, AccountRule>> = {
  [AccountKind.Dedicated]: { naturalSign: 1, nonNegative: true, hot: true, guard: 'IMPLIED' },
  [AccountKind.Case]: { naturalSign: -1, nonNegative: true, hot: false, guard: 'ROW' },
  [AccountKind.Payable]: { naturalSign: -1, nonNegative: true, hot: false, guard: 'ROW' },
  [AccountKind.Fees]: { naturalSign: -1, nonNegative: true, hot: true, guard: 'LOCKED_SUM' },
  [AccountKind.DepositsHeld]: { naturalSign: -1, nonNegative: true, hot: false, guard: 'ROW' },
  [AccountKind.Forfeited]: { naturalSign: -1, nonNegative: true, hot: false, guard: 'ROW' },
  [AccountKind.Suspense]: { naturalSign: -1, nonNegative: true, hot: true, guard: 'LOCKED_SUM' },
};

export function ruleOf(kind: AccountKind): AccountRule {
  return ACCOUNT_RULES[kind];
}

/** Whether a posting of `amountFen` (+ debit, − credit) lowers the account's natural balance. */
export function lowers(kind: AccountKind, amountFen: number): boolean {
  return ACCOUNT_RULES[kind].naturalSign * amountFen < 0;
}

/** The user-facing balance of an account from the signed sum of its entries (debit +, credit −). */
export function naturalBalance(kind: AccountKind, signedSum: number): number {
  const value = ACCOUNT_RULES[kind].naturalSign * signedSum;
  return value === 0 ? 0 : value; // no −0
}

export function isAccountKind(value: string): value is AccountKind {
  return (Object.values(AccountKind) as string[]).includes(value);
}

/** The kind of an account from its code, e.g. `CASE:<caseId>` → CASE, `DEPOSIT:<lot>:<bidder>` → DEPOSITS_HELD. */
export function kindOfCode(code: string): AccountKind | undefined {
  const prefix = code.split(':', 1)[0];
  return prefix === 'DEPOSIT'
    ? AccountKind.DepositsHeld
    : isAccountKind(prefix ?? '')
      ? (prefix as AccountKind)
      : undefined;
}

/** Account codes, one place: `<KIND>:<owner…>`. */
export const AccountCodes = {
  dedicated: (court: string) => `DEDICATED:${court}`,
  caseAccount: (caseId: string) => `CASE:${caseId}`,
  payable: (caseId: string, creditorId: string) => `PAYABLE:${caseId}:${creditorId}`,
  fees: (court: string) => `FEES:${court}`,
  deposit: (lotId: string, bidderId: string) => `DEPOSIT:${lotId}:${bidderId}`,
  forfeited: (lotId: string) => `FORFEITED:${lotId}`,
  suspense: (court: string) => `SUSPENSE:${court}`,
} as const;
