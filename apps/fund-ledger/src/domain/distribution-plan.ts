import { addDays, CodedError, ErrorCode, formatFen, type Fen } from '@writ/contracts';

/**
 * 参与分配 — the distribution plan among several creditors (民诉解释 2022 Arts 506–510):
 * - Art 508: out of the proceeds, the costs of execution first, then the claims with priority
 *   (secured, 优先受偿), then the ordinary claims in proportion to their amounts;
 * - Art 509: the plan is served on every creditor and the debtor, who may object in writing within
 *   15 days of service;
 * - Art 510: an objection is put to the others; the court then revises the plan (objection upheld) or
 *   distributes by the original plan (objection fails) — while it is open nothing is paid under the plan.
 */
export type ClaimRank = 'SECURED' | 'PRIORITY' | 'ORDINARY';

export interface PlanClaim {
  creditorId: string;
  creditorName: string;
  claimFen: Fen;
  rank: ClaimRank;
  /** among secured or priority claims, the lower the earlier (e.g. order of registration of a mortgage) */
  order?: number;
}

export interface PlanAllocation extends PlanClaim {
  allocatedFen: Fen;
}

export interface Allocation {
  costsFen: Fen;
  allocations: PlanAllocation[];
  /** what is left after every claim is met in full (goes back to the debtor, not allocated here) */
  surplusFen: Fen;
}

/** the objection period (民诉解释 Art 509) */
export const OBJECTION_WINDOW_DAYS = 15;

const RANK_ORDER: Record<ClaimRank, number> = { SECURED: 0, PRIORITY: 1, ORDINARY: 2 };

/**
 * Allocates `amountFen`: costs first, then secured and priority claims one after another in full, then
 * the ordinary ones pro rata. Pro rata shares are floored and the fen left over go one each to the
 * largest remainders (ties: the larger claim, then the order given), so the shares add up to the amount
 * exactly: no fen lost, none invented.
 */
export function allocate(amountFen: Fen, costsFen: Fen, claims: readonly PlanClaim[]): Allocation {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) {
    throw new CodedError(ErrorCode.ValidationFailed, 'the amount to distribute is a sum of fen', {
      errors: [{ field: 'amountFen', rule: 'isFen', message: 'a non-negative integer of fen' }],
    });
  }
  const seen = new Set<string>();
  claims.forEach((claim, i) => {
    if (!Number.isSafeInteger(claim.claimFen) || claim.claimFen <= 0) {
      throw new CodedError(ErrorCode.ValidationFailed, `claims[${i}].claimFen must be positive fen`, {
        errors: [{ field: `claims[${i}].claimFen`, rule: 'isPositiveFen', message: 'positive integer fen' }],
      });
    }
    if (seen.has(claim.creditorId)) {
      throw new CodedError(ErrorCode.ValidationFailed, `claims[${i}]: creditor ${claim.creditorId} twice`, {
        errors: [{ field: `claims[${i}].creditorId`, rule: 'unique', message: 'one claim per creditor' }],
      });
    }
    seen.add(claim.creditorId);
  });
  let left = amountFen;
  const costs = Math.min(Math.max(0, costsFen), left);
  left -= costs;
  const allocated = new Map<string, Fen>();
  const ranked = claims
    .map((claim, index) => ({ claim, index }))
    .filter(({ claim }) => claim.rank !== 'ORDINARY')
    .sort(
      (a, b) =>
        RANK_ORDER[a.claim.rank] - RANK_ORDER[b.claim.rank] ||
        (a.claim.order ?? Number.MAX_SAFE_INTEGER) - (b.claim.order ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    );
  for (const { claim } of ranked) {
    const share = Math.min(claim.claimFen, left);
    allocated.set(claim.creditorId, share);
    left -= share;
  }
  const ordinary = claims
    .map((claim, index) => ({ claim, index }))
    .filter((c) => c.claim.rank === 'ORDINARY');
  const ordinaryTotal = ordinary.reduce((sum, c) => sum + BigInt(c.claim.claimFen), 0n);
  if (ordinaryTotal > 0n) {
    if (BigInt(left) >= ordinaryTotal) {
      for (const { claim } of ordinary) allocated.set(claim.creditorId, claim.claimFen);
      left -= Number(ordinaryTotal);
    } else {
      const pool = BigInt(left);
      const shares = ordinary.map(({ claim, index }) => {
        const exact = pool * BigInt(claim.claimFen);
        return { claim, index, floor: exact / ordinaryTotal, remainder: exact % ordinaryTotal };
      });
      let spare = pool - shares.reduce((sum, s) => sum + s.floor, 0n);
      const byRemainder = [...shares].sort((a, b) =>
        a.remainder !== b.remainder
          ? a.remainder > b.remainder
            ? -1
            : 1
          : b.claim.claimFen - a.claim.claimFen || a.index - b.index,
      );
      for (const share of byRemainder) {
        if (spare === 0n) break;
        share.floor += 1n;
        spare -= 1n;
      }
      for (const share of shares) allocated.set(share.claim.creditorId, Number(share.floor));
      left = 0;
    }
  }
  return {
    costsFen: costs,
    allocations: claims.map((claim) => ({ ...claim, allocatedFen: allocated.get(claim.creditorId) ?? 0 })),
    surplusFen: left,
  };
}

export type PlanStatus = 'OBJECTION_WINDOW' | 'OBJECTED' | 'CONFIRMED';

export interface PlanState {
  id: string;
  /** the day the plan was served (送达) on the creditors and the debtor, Asia/Shanghai */
  servedOn: string;
  /** objections not yet decided */
  openObjections: number;
}

/** The last day an objection can be made: 15 days from service (民诉解释 Art 509). */
export function objectionDeadline(servedOn: string): string {
  return addDays(servedOn, OBJECTION_WINDOW_DAYS);
}

export function planStatus(plan: PlanState, today: string): PlanStatus {
  if (plan.openObjections > 0) return 'OBJECTED';
  return today > objectionDeadline(plan.servedOn) ? 'CONFIRMED' : 'OBJECTION_WINDOW';
}

/** An objection is written within the window (Art 509); later ones are refused. */
export function assertMayObject(plan: PlanState, today: string): void {
  if (today > objectionDeadline(plan.servedOn)) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      `the objection period of plan ${plan.id} ended on ${objectionDeadline(plan.servedOn)} (民诉解释 Art 509: 15 days from service)`,
      {
        rule: 'OBJECTION_WITHIN_15_DAYS',
        errors: [
          { field: 'planId', rule: 'OBJECTION_WITHIN_15_DAYS', message: 'the objection window has ended' },
        ],
      },
    );
  }
}

/** Nothing is paid under a plan before its window ends or while an objection is open (Arts 509–510). */
export function assertPlanPayable(plan: PlanState, today: string): void {
  const status = planStatus(plan, today);
  if (status === 'CONFIRMED') return;
  const why =
    status === 'OBJECTED'
      ? `an objection to plan ${plan.id} is open (民诉解释 Art 510)`
      : `plan ${plan.id} is in its objection period until ${objectionDeadline(plan.servedOn)} (民诉解释 Art 509)`;
  throw new CodedError(ErrorCode.RuleViolated, `no payout under the distribution plan yet: ${why}`, {
    rule: 'DISTRIBUTION_PLAN_NOT_FINAL',
    errors: [{ field: 'planId', rule: 'DISTRIBUTION_PLAN_NOT_FINAL', message: why }],
  });
}

/**
 * What a creditor may still be paid under a plan: their allocation less what was paid or approved
 * under it already.
 */
export function assertWithinAllocation(
  allocation: { creditorId: string; allocatedFen: Fen } | undefined,
  creditorId: string,
  alreadyFen: Fen,
  amountFen: Fen,
): void {
  const room = Math.max(0, (allocation?.allocatedFen ?? 0) - alreadyFen);
  if (amountFen > room) {
    const message = allocation
      ? `creditor ${creditorId} is allocated ${formatFen(allocation.allocatedFen)} by the plan and has ` +
        `${formatFen(alreadyFen)} already; at most ${formatFen(room)} more`
      : `creditor ${creditorId} has no share in the distribution plan`;
    throw new CodedError(ErrorCode.RuleViolated, message, {
      rule: 'WITHIN_PLAN_ALLOCATION',
      errors: [{ field: 'amountFen', rule: 'WITHIN_PLAN_ALLOCATION', message }],
    });
  }
}
