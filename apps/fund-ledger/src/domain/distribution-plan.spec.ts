import { CodedError } from '@writ/contracts';
import {
  allocate,
  assertMayObject,
  assertPlanPayable,
  assertWithinAllocation,
  objectionDeadline,
  planStatus,
  type PlanClaim,
} from './distribution-plan.js';

const claim = (
  creditorId: string,
  claimFen: number,
  rank: PlanClaim['rank'] = 'ORDINARY',
  order?: number,
): PlanClaim => ({
  creditorId,
  creditorName: `债权人${creditorId}`,
  claimFen,
  rank,
  ...(order !== undefined ? { order } : {}),
});
const ruleOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodedError) return error.details.rule;
    throw error;
  }
  return undefined;
};
const sum = (xs: { allocatedFen: number }[]) => xs.reduce((s, x) => s + x.allocatedFen, 0);

describe('参与分配: order and pro rata (民诉解释 Art 508)', () => {
  it('takes the costs of execution first, then secured and priority claims, then ordinary pro rata', () => {
    const result = allocate(1_000_000, 10_000, [
      claim('o1', 600_000),
      claim('s1', 300_000, 'SECURED'),
      claim('p1', 90_000, 'PRIORITY'),
      claim('o2', 200_000),
    ]);
    expect(result.costsFen).toBe(10_000);
    const by = Object.fromEntries(result.allocations.map((a) => [a.creditorId, a.allocatedFen]));
    expect(by).toEqual({ s1: 300_000, p1: 90_000, o1: 450_000, o2: 150_000 });
    expect(result.surplusFen).toBe(0);
  });

  it('pays secured claims in their order and leaves later ones short when money runs out', () => {
    const result = allocate(500, 0, [
      claim('s2', 400, 'SECURED', 2),
      claim('s1', 300, 'SECURED', 1),
      claim('o', 100),
    ]);
    expect(result.allocations.map((a) => a.allocatedFen)).toEqual([200, 300, 0]);
  });

  it('never loses or invents a fen when shares do not divide evenly', () => {
    const result = allocate(100, 0, [claim('a', 1_000), claim('b', 1_000), claim('c', 1_000)]);
    expect(result.allocations.map((a) => a.allocatedFen)).toEqual([34, 33, 33]);
    for (let amount = 0; amount < 400; amount += 7) {
      const r = allocate(amount, 13, [
        claim('a', 333),
        claim('b', 77),
        claim('c', 1_001),
        claim('s', 5, 'SECURED'),
      ]);
      expect(sum(r.allocations) + r.costsFen + r.surplusFen).toBe(amount);
    }
  });

  it('gives the spare fen to the largest remainders, ties to the larger claim', () => {
    // 10 fen over claims 1 : 2 → 3.33 / 6.67 → 3 / 7
    expect(
      allocate(10, 0, [claim('a', 100), claim('b', 200)]).allocations.map((a) => a.allocatedFen),
    ).toEqual([3, 7]);
    // 2 fen over 100 : 300 → 0.5 / 1.5: equal remainders, the larger claim gets the spare fen
    expect(allocate(2, 0, [claim('a', 100), claim('b', 300)]).allocations.map((a) => a.allocatedFen)).toEqual(
      [0, 2],
    );
    // equal claims and remainders: the order given decides
    expect(allocate(1, 0, [claim('a', 50), claim('b', 50)]).allocations.map((a) => a.allocatedFen)).toEqual([
      1, 0,
    ]);
  });

  it('pays everyone in full and reports the surplus when there is enough', () => {
    const r = allocate(1_000, 100, [claim('a', 300), claim('b', 200)]);
    expect(r.allocations.map((a) => a.allocatedFen)).toEqual([300, 200]);
    expect(r.surplusFen).toBe(400);
  });

  it('handles sums beyond 2^53 in the intermediate product', () => {
    const big = 900_000_000_000_000;
    const r = allocate(big, 0, [claim('a', big), claim('b', big - 1)]);
    expect(sum(r.allocations)).toBe(big);
  });

  it('refuses a creditor listed twice and a non-positive claim', () => {
    expect(() => allocate(10, 0, [claim('a', 1), claim('a', 2)])).toThrow(/twice/);
    expect(() => allocate(10, 0, [claim('a', 0)])).toThrow(/positive/);
  });
});

describe('the objection window (民诉解释 Arts 509–510)', () => {
  const plan = { id: 'plan-1', servedOn: '2026-03-02', openObjections: 0 };

  it('runs 15 days from service', () => {
    expect(objectionDeadline('2026-03-02')).toBe('2026-03-17');
    expect(planStatus(plan, '2026-03-17')).toBe('OBJECTION_WINDOW');
    expect(planStatus(plan, '2026-03-18')).toBe('CONFIRMED');
  });

  it('allows no payout under the plan before the window ends', () => {
    expect(ruleOf(() => assertPlanPayable(plan, '2026-03-17'))).toBe('DISTRIBUTION_PLAN_NOT_FINAL');
    expect(ruleOf(() => assertPlanPayable(plan, '2026-03-18'))).toBeUndefined();
  });

  it('allows none while an objection is open, even after the window', () => {
    const objected = { ...plan, openObjections: 1 };
    expect(planStatus(objected, '2026-04-30')).toBe('OBJECTED');
    expect(ruleOf(() => assertPlanPayable(objected, '2026-04-30'))).toBe('DISTRIBUTION_PLAN_NOT_FINAL');
  });

  it('takes objections within the window only', () => {
    expect(ruleOf(() => assertMayObject(plan, '2026-03-17'))).toBeUndefined();
    expect(ruleOf(() => assertMayObject(plan, '2026-03-18'))).toBe('OBJECTION_WITHIN_15_DAYS');
  });

  it('pays a creditor no more than the allocation, counting what was paid before', () => {
    const allocation = { creditorId: 'a', allocatedFen: 1_000 };
    expect(ruleOf(() => assertWithinAllocation(allocation, 'a', 400, 600))).toBeUndefined();
    expect(ruleOf(() => assertWithinAllocation(allocation, 'a', 400, 601))).toBe('WITHIN_PLAN_ALLOCATION');
    expect(ruleOf(() => assertWithinAllocation(undefined, 'x', 0, 1))).toBe('WITHIN_PLAN_ALLOCATION');
  });
});
