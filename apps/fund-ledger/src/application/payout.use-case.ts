import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  executionFeeFen,
  requireCourtStaff,
  shanghaiDateOf,
  type Actor,
  type Clock,
  type ConfirmPayoutCommand,
  type DecidePayoutCommand,
  type ListPayoutsQuery,
  type ListPayoutsReply,
  type PayoutView,
  type RequestPayoutCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import { assertPlanPayable, assertWithinAllocation } from '../domain/distribution-plan.js';
import {
  assertConfirmable,
  assertMayRequestPayout,
  crossesClaim,
  decidePayoutApproval,
  needsSecondApproval,
  splitPayout,
} from '../domain/payout.js';
import { AccountCodes } from '../domain/chart-of-accounts.js';
import { FlowsRepository, type FlowCase, type PayoutRow } from '../persistence/flows.repository.js';
import { CaseDirectory } from './case-directory.js';
import { FlowsConfig, secondApprovalFen } from './flows-config.js';
import { commandHash, keyReused, notFound } from './flows-support.js';
import { Accounts, Journal, TransactionKind } from './journal.js';
import { requireMoneyRole } from './ledger-access.js';

export function payoutViewOf(p: PayoutRow, caseNumber?: string | null, replayed?: boolean): PayoutView {
  return {
    id: p.id,
    caseId: p.caseId,
    ...(caseNumber ? { caseNumber } : {}),
    courtCode: p.courtCode,
    creditorId: p.creditorId,
    creditorName: p.creditorName,
    ...(p.creditorAccount ? { creditorAccount: p.creditorAccount } : {}),
    amountFen: p.amountFen,
    feeFen: p.feeFen,
    ...(p.planId ? { planId: p.planId } : {}),
    status: p.status,
    ...(p.needsApproval ? { approvalRule: 'PAYOUT_SECOND_APPROVAL' as const } : {}),
    thresholdFen: p.thresholdFen,
    requestedBy: p.requestedBy,
    requestedByName: p.requestedByName,
    requestedAt: p.requestedAt.toISOString(),
    ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
    ...(p.decidedByName ? { decidedByName: p.decidedByName } : {}),
    ...(p.decidedAt ? { decidedAt: p.decidedAt.toISOString() } : {}),
    ...(p.comment ? { comment: p.comment } : {}),
    ...(p.paidOn ? { paidOn: p.paidOn } : {}),
    ...(p.bankSerial ? { bankSerial: p.bankSerial } : {}),
    ...(p.approvedTx ? { approvedTransactionId: p.approvedTx } : {}),
    ...(p.paidTx ? { paidTransactionId: p.paidTx } : {}),
    ...(replayed ? { replayed: true } : {}),
  };
}

/**
 * 发放: the fund manager asks, a large sum waits for the director, the bank confirms. Two postings:
 * on approval Dr 案款账户 / Cr 应付申请执行人 (with the fee first: Dr 案款账户 / Cr 申请执行费), on the
 * bank's confirmation Dr 应付 / Cr 专户. Two steps because approval and the money leaving the bank are two
 * facts days apart: between them the money is owed to the creditor but still in the account, the bank
 * statement shows the outflow on the day it happened (对账 matches the second posting), and a transfer the
 * bank bounces is reversed without touching the case's figures.
 */
@Injectable()
export class PayoutUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly flows: FlowsRepository,
    private readonly journal: Journal,
    private readonly directory: CaseDirectory,
    private readonly config: FlowsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(command: RequestPayoutCommand, actor: Actor): Promise<PayoutView> {
    requireCourtStaff(actor, 'payouts');
    assertMayRequestPayout(actor);
    const known = await this.directory.ofCourt(command.caseId, actor);
    const hash = commandHash(command);
    const earlier = await this.flows.payoutByKey(this.unitOfWork.manager, command.idempotencyKey);
    if (earlier) return this.replay(earlier, hash, command.idempotencyKey, known.caseNumber);
    try {
      return await this.unitOfWork.run(async (tx) => {
        const c = (await this.flows.flowCase(tx.manager, command.caseId, true))!;
        const planId = await this.checkCreditor(tx, c, command);
        const { available, feeOutstanding } = await this.money(tx, c);
        const split = splitPayout({
          caseBalanceFen: available,
          feeOutstandingFen: feeOutstanding,
          creditorFen: command.amountFen,
        });
        const threshold = secondApprovalFen(this.config, c.courtCode);
        const needs = needsSecondApproval(command.amountFen, threshold);
        const now = this.clock.now();
        const row: PayoutRow = {
          id: randomUUID(),
          courtCode: c.courtCode,
          caseId: c.caseId,
          creditorId: command.creditorId,
          creditorName: command.creditorName,
          creditorAccount: command.creditorAccount ?? null,
          amountFen: command.amountFen,
          feeFen: split.feeFen,
          planId,
          status: needs ? 'PENDING_APPROVAL' : 'APPROVED',
          needsApproval: needs,
          thresholdFen: threshold,
          memo: command.memo ?? null,
          idempotencyKey: command.idempotencyKey,
          requestHash: hash,
          requestedBy: actor.id,
          requestedByName: actor.username,
          requestedAt: now,
          decidedBy: null,
          decidedByName: null,
          decidedAt: null,
          comment: null,
          approvedTx: null,
          paidTx: null,
          paidOn: null,
          bankSerial: null,
        };
        if (!needs) row.approvedTx = await this.postApproval(tx, c, row, split.feeFen);
        await this.flows.insertPayout(tx.manager, row);
        await tx.audit({
          action: 'ledger.payout.request',
          entityType: 'payout',
          entityId: row.id,
          courtCode: c.courtCode,
          after: {
            caseId: c.caseId,
            creditorId: row.creditorId,
            amountFen: row.amountFen,
            feeFen: row.feeFen,
            status: row.status,
            thresholdFen: threshold,
            ...(planId ? { planId } : {}),
          },
          actor,
        });
        return payoutViewOf(row, c.caseNumber);
      });
    } catch (error) {
      // a concurrent retry with the same key won the insert: answer as a retry
      if ((error as { code?: string }).code === '23505') {
        const first = await this.flows.payoutByKey(this.unitOfWork.manager, command.idempotencyKey);
        if (first) return this.replay(first, hash, command.idempotencyKey, known.caseNumber);
      }
      throw error;
    }
  }

  async decide(command: DecidePayoutCommand, actor: Actor): Promise<PayoutView> {
    requireCourtStaff(actor, 'payout approvals');
    return this.unitOfWork.run(async (tx) => {
      const found = await this.flows.payout(tx.manager, command.payoutId);
      if (!found || found.courtCode !== actor.courtCode)
        throw notFound('payout', command.payoutId, 'payoutId');
      // the case first, then the payout: the order every payout path takes
      const c = (await this.flows.flowCase(tx.manager, found.caseId, true))!;
      const payout = (await this.flows.payout(tx.manager, command.payoutId, true))!;
      const decision = decidePayoutApproval(payout, {
        approve: command.approve,
        ...(command.comment !== undefined ? { comment: command.comment } : {}),
        by: actor,
      });
      let feeFen = payout.feeFen;
      let approvedTx: string | null = null;
      if (decision.status === 'APPROVED') {
        if (payout.planId) {
          const plan = await this.flows.plan(tx.manager, payout.planId);
          if (!plan || plan.superseded) {
            throw new CodedError(
              ErrorCode.InvalidState,
              `the plan of payout ${payout.id} was revised; ask again`,
              {
                rule: 'DISTRIBUTION_PLAN_REVISED',
              },
            );
          }
          assertPlanPayable(
            await this.planState(tx, plan.id, plan.servedOn),
            shanghaiDateOf(this.clock.now()),
          );
        }
        // the money is weighed again now: another payout may have settled the fee or spent the balance
        const { available, feeOutstanding } = await this.money(tx, c, payout);
        feeFen = splitPayout({
          caseBalanceFen: available,
          feeOutstandingFen: feeOutstanding,
          creditorFen: payout.amountFen,
        }).feeFen;
        approvedTx = await this.postApproval(tx, c, payout, feeFen);
      }
      await this.flows.decidePayout(tx.manager, payout.id, {
        status: decision.status,
        by: actor.id,
        byName: actor.username,
        at: this.clock.now(),
        comment: decision.comment,
        feeFen,
        approvedTx,
      });
      await tx.audit({
        action: `ledger.payout.${decision.status === 'APPROVED' ? 'approve' : 'reject'}`,
        entityType: 'payout',
        entityId: payout.id,
        courtCode: payout.courtCode,
        before: { status: payout.status, requestedBy: payout.requestedBy },
        after: { status: decision.status, comment: decision.comment, feeFen },
        actor,
      });
      return payoutViewOf((await this.flows.payout(tx.manager, payout.id))!, c.caseNumber);
    });
  }

  async confirm(command: ConfirmPayoutCommand, actor: Actor): Promise<PayoutView> {
    requireMoneyRole(actor, 'payment confirmations');
    return this.unitOfWork.run(async (tx) => {
      const found = await this.flows.payout(tx.manager, command.payoutId);
      if (!found || found.courtCode !== actor.courtCode)
        throw notFound('payout', command.payoutId, 'payoutId');
      const c = (await this.flows.flowCase(tx.manager, found.caseId, true))!;
      const payout = (await this.flows.payout(tx.manager, command.payoutId, true))!;
      // the bank's confirmation repeated: the first one stands
      if (payout.status === 'PAID' && payout.paidOn === command.paidOn)
        return payoutViewOf(payout, c.caseNumber, true);
      assertConfirmable(payout);
      const posted = await this.journal.post(tx, {
        idempotencyKey: `payout:${payout.id}:paid`,
        kind: TransactionKind.PayoutPaid,
        courtCode: c.courtCode,
        caseId: c.caseId,
        memo: `发放 ${payout.creditorName}${command.bankSerial ? ` 流水号 ${command.bankSerial}` : ''}`,
        lines: [
          {
            account: Accounts.payable(c.courtCode, c.caseId, payout.creditorId),
            amountFen: payout.amountFen,
          },
          { account: Accounts.dedicated(c.courtCode), amountFen: -payout.amountFen },
        ],
        content: { payoutId: payout.id, paidOn: command.paidOn },
        actor,
      });
      await this.flows.markPaid(tx.manager, payout.id, {
        tx: posted.transactionId,
        on: command.paidOn,
        serial: command.bankSerial ?? null,
      });
      await this.flows.addPaid(tx.manager, c.caseId, payout.amountFen);
      const totalPaid = c.paidFen + payout.amountFen;
      await tx.emit(
        Events.LedgerMoneyPaidOut,
        {
          caseId: c.caseId,
          payoutId: payout.id,
          amountFen: payout.amountFen,
          paidOn: command.paidOn,
          totalPaidFen: totalPaid,
        },
        { courtCode: c.courtCode, actor },
      );
      // 执行完毕: the creditors' payments cover the claim — said once
      if (
        c.claimFen !== null &&
        crossesClaim(c.claimFen, c.paidFen, payout.amountFen) &&
        (await this.flows.markFullyPaid(tx.manager, c.caseId, command.paidOn))
      ) {
        await tx.emit(
          Events.LedgerClaimFullyPaid,
          {
            caseId: c.caseId,
            recoveredFen: c.receivedFen,
            performanceMode: 'EXECUTION',
            paidOn: command.paidOn,
          },
          { courtCode: c.courtCode, actor },
        );
      }
      await tx.audit({
        action: 'ledger.payout.confirm',
        entityType: 'payout',
        entityId: payout.id,
        courtCode: c.courtCode,
        before: { status: payout.status },
        after: {
          status: 'PAID',
          paidOn: command.paidOn,
          bankSerial: command.bankSerial,
          transactionId: posted.transactionId,
        },
        actor,
      });
      return payoutViewOf((await this.flows.payout(tx.manager, payout.id))!, c.caseNumber);
    });
  }

  async list(query: ListPayoutsQuery, actor: Actor): Promise<ListPayoutsReply> {
    requireCourtStaff(actor, 'payouts');
    const status = query.status ?? (query.caseId ? undefined : 'PENDING_APPROVAL');
    const rows = await this.flows.payouts(this.unitOfWork.manager, actor.courtCode, {
      ...(query.caseId ? { caseId: query.caseId } : {}),
      ...(status ? { status } : {}),
    });
    return { items: rows.map((r) => payoutViewOf(r)) };
  }

  private replay(earlier: PayoutRow, hash: string, key: string, caseNumber: string | null): PayoutView {
    if (earlier.requestHash !== hash) throw keyReused(key);
    return payoutViewOf(earlier, caseNumber, true);
  }

  /** The creditor is the case's, and under a plan when the case has one (参与分配). */
  private async checkCreditor(
    tx: Transaction,
    c: FlowCase,
    command: RequestPayoutCommand,
  ): Promise<string | null> {
    const plan = await this.flows.livePlan(tx.manager, c.caseId);
    if (plan) {
      assertPlanPayable(await this.planState(tx, plan.id, plan.servedOn), shanghaiDateOf(this.clock.now()));
      const allocation = (await this.flows.allocations(tx.manager, plan.id)).find(
        (a) => a.creditorId === command.creditorId,
      );
      const already = (await this.flows.paidUnderPlan(tx.manager, plan.id)).get(command.creditorId) ?? 0;
      assertWithinAllocation(allocation, command.creditorId, already, command.amountFen);
      return plan.id;
    }
    if (c.applicants.length > 1) {
      const message = `case ${c.caseNumber ?? c.caseId} has ${c.applicants.length} applicants: they are paid by a distribution plan (参与分配, 民诉解释 Art 509)`;
      throw new CodedError(ErrorCode.RuleViolated, message, {
        rule: 'DISTRIBUTION_PLAN_REQUIRED',
        errors: [{ field: 'caseId', rule: 'DISTRIBUTION_PLAN_REQUIRED', message }],
      });
    }
    if (c.applicants.length === 1 && c.applicants[0]!.idNumber !== command.creditorId) {
      const message = `the creditor of case ${c.caseNumber ?? c.caseId} is ${c.applicants[0]!.name}, not ${command.creditorId}`;
      throw new CodedError(ErrorCode.RuleViolated, message, {
        rule: 'CREDITOR_OF_CASE',
        errors: [{ field: 'creditorId', rule: 'CREDITOR_OF_CASE', message }],
      });
    }
    return null;
  }

  private async planState(tx: Transaction, planId: string, servedOn: string) {
    const open = (await this.flows.objections(tx.manager, planId)).filter((o) => o.status === 'OPEN').length;
    return { id: planId, servedOn, openObjections: open };
  }

  /**
   * What the case holds that is not spoken for by payouts waiting for approval, and the fee still to
   * settle (诉讼费用交纳办法 Art 14 from the claim, less what was settled and what waiting payouts take).
   */
  private async money(
    tx: Transaction,
    c: FlowCase,
    excluding?: PayoutRow,
  ): Promise<{ available: number; feeOutstanding: number }> {
    const balance = await this.journal.balance(tx.manager, AccountCodes.caseAccount(c.caseId));
    const pending = await this.flows.pendingOfCase(tx.manager, c.caseId);
    const ownAmount = excluding?.status === 'PENDING_APPROVAL' ? excluding.amountFen + excluding.feeFen : 0;
    const ownFee = excluding?.status === 'PENDING_APPROVAL' ? excluding.feeFen : 0;
    const feeDue = executionFeeFen(c.claimFen ?? 0);
    return {
      available: balance - (pending.amountFen + pending.feeFen - ownAmount),
      feeOutstanding: Math.max(0, feeDue - c.feeSettledFen - (pending.feeFen - ownFee)),
    };
  }

  /** Fees first, then the creditor's payable: two transactions, one unit of work. */
  private async postApproval(tx: Transaction, c: FlowCase, p: PayoutRow, feeFen: number): Promise<string> {
    if (feeFen > 0) {
      await this.journal.post(tx, {
        idempotencyKey: `payout:${p.id}:fee`,
        kind: TransactionKind.FeeSettlement,
        courtCode: c.courtCode,
        caseId: c.caseId,
        memo: '申请执行费 (诉讼费用交纳办法 Art 14)',
        lines: [
          { account: Accounts.caseAccount(c.courtCode, c.caseId), amountFen: feeFen },
          { account: Accounts.fees(c.courtCode), amountFen: -feeFen },
        ],
        content: { payoutId: p.id },
      });
      await this.flows.addFeeSettled(tx.manager, c.caseId, feeFen);
    }
    const posted = await this.journal.post(tx, {
      idempotencyKey: `payout:${p.id}:approved`,
      kind: TransactionKind.PayoutApproved,
      courtCode: c.courtCode,
      caseId: c.caseId,
      memo: `发放审批 ${p.creditorName}`,
      lines: [
        { account: Accounts.caseAccount(c.courtCode, c.caseId), amountFen: p.amountFen },
        { account: Accounts.payable(c.courtCode, c.caseId, p.creditorId), amountFen: -p.amountFen },
      ],
      content: { payoutId: p.id, creditorId: p.creditorId },
    });
    return posted.transactionId;
  }
}
