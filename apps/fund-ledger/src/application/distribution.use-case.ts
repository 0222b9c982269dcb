import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  executionFeeFen,
  requireCourtStaff,
  shanghaiDateOf,
  type Actor,
  type Clock,
  type DecideDistributionObjectionCommand,
  type DistributionClaimInput,
  type DistributionPlanView,
  type GetDistributionQuery,
  type ObjectToDistributionCommand,
  type ProposeDistributionCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import { AccountCodes } from '../domain/chart-of-accounts.js';
import { allocate, assertMayObject, objectionDeadline, planStatus } from '../domain/distribution-plan.js';
import { FlowsRepository, type FlowCase, type PlanRow } from '../persistence/flows.repository.js';
import { CaseDirectory } from './case-directory.js';
import { commandHash, keyReused, notFound } from './flows-support.js';
import { Journal } from './journal.js';
import { requireMoneyRole } from './ledger-access.js';

/**
 * 参与分配 (民诉解释 2022 Arts 506–510): the plan over what the case account holds, served on a day,
 * open to objections for 15 days; an objection upheld revises the plan (a new revision, served anew),
 * one dismissed lets the plan stand. Payouts under a plan wait for it to be final (payout use case).
 */
@Injectable()
export class DistributionUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly flows: FlowsRepository,
    private readonly journal: Journal,
    private readonly directory: CaseDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async propose(command: ProposeDistributionCommand, actor: Actor): Promise<DistributionPlanView> {
    requireMoneyRole(actor, 'distribution plans');
    await this.directory.ofCourt(command.caseId, actor);
    const hash = commandHash(command);
    const earlier = await this.flows.planByKey(this.unitOfWork.manager, command.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== hash) throw keyReused(command.idempotencyKey);
      return { ...(await this.view(this.unitOfWork.manager, earlier)), replayed: true };
    }
    return this.unitOfWork.run(async (tx) => {
      const c = (await this.flows.flowCase(tx.manager, command.caseId, true))!;
      const servedOn = command.servedOn ?? shanghaiDateOf(this.clock.now());
      const plan = await this.newPlan(tx, c, command.claims, servedOn, actor, {
        key: command.idempotencyKey,
        hash,
      });
      await tx.audit({
        action: 'ledger.distribution.propose',
        entityType: 'distribution_plan',
        entityId: plan.id,
        courtCode: c.courtCode,
        after: {
          caseId: c.caseId,
          revision: plan.revision,
          servedOn,
          amountFen: plan.amountFen,
          claims: command.claims,
        },
        actor,
      });
      return this.view(tx.manager, plan);
    });
  }

  async object(command: ObjectToDistributionCommand, actor: Actor): Promise<DistributionPlanView> {
    requireCourtStaff(actor, 'distribution objections');
    return this.unitOfWork.run(async (tx) => {
      const plan = await this.planOfCourt(tx.manager, command.planId, actor, true);
      if (plan.superseded) throw this.superseded(plan.id);
      assertMayObject(
        { id: plan.id, servedOn: plan.servedOn, openObjections: 0 },
        shanghaiDateOf(this.clock.now()),
      );
      const id = randomUUID();
      await this.flows.insertObjection(tx.manager, {
        id,
        planId: plan.id,
        objector: command.objector,
        reason: command.reason,
        filedOn: shanghaiDateOf(this.clock.now()),
        filedBy: actor.id,
      });
      await tx.audit({
        action: 'ledger.distribution.object',
        entityType: 'distribution_plan',
        entityId: plan.id,
        courtCode: plan.courtCode,
        after: { objectionId: id, objector: command.objector, reason: command.reason },
        actor,
      });
      return this.view(tx.manager, plan);
    });
  }

  async decideObjection(
    command: DecideDistributionObjectionCommand,
    actor: Actor,
  ): Promise<DistributionPlanView> {
    requireMoneyRole(actor, 'distribution objections');
    return this.unitOfWork.run(async (tx) => {
      let plan = await this.planOfCourt(tx.manager, command.planId, actor, true);
      const objection = (await this.flows.objections(tx.manager, plan.id)).find(
        (o) => o.id === command.objectionId,
      );
      if (!objection) throw notFound('objection', command.objectionId, 'objectionId');
      if (objection.status !== 'OPEN') {
        throw new CodedError(ErrorCode.InvalidState, `objection ${objection.id} was already decided`, {
          rule: 'OBJECTION_DECIDED_ONCE',
        });
      }
      if (command.uphold && !command.claims) {
        const message = 'an upheld objection revises the plan: give the revised claims';
        throw new CodedError(ErrorCode.ValidationFailed, message, {
          errors: [{ field: 'claims', rule: 'REVISION_NEEDS_CLAIMS', message }],
        });
      }
      const today = shanghaiDateOf(this.clock.now());
      await this.flows.decideObjection(tx.manager, objection.id, {
        status: command.uphold ? 'UPHELD' : 'DISMISSED',
        decision: command.decision,
        on: today,
        by: actor.id,
      });
      if (command.uphold && command.claims) {
        // Art 510: the plan revised by the objection's view, served again — a new objection window
        const c = (await this.flows.flowCase(tx.manager, plan.caseId, true))!;
        plan = await this.newPlan(tx, c, command.claims, today, actor, null);
      }
      await tx.audit({
        action: `ledger.distribution.objection.${command.uphold ? 'uphold' : 'dismiss'}`,
        entityType: 'distribution_plan',
        entityId: command.planId,
        courtCode: plan.courtCode,
        after: { objectionId: objection.id, decision: command.decision, planId: plan.id },
        actor,
      });
      return this.view(tx.manager, plan);
    });
  }

  async get(query: GetDistributionQuery, actor: Actor): Promise<DistributionPlanView> {
    requireCourtStaff(actor, 'distribution plans');
    await this.directory.ofCourt(query.caseId, actor);
    const plan = await this.flows.livePlan(this.unitOfWork.manager, query.caseId);
    if (!plan) throw notFound('distribution plan for case', query.caseId, 'caseId');
    return this.view(this.unitOfWork.manager, plan);
  }

  private async newPlan(
    tx: Transaction,
    c: FlowCase,
    claims: readonly DistributionClaimInput[],
    servedOn: string,
    actor: Actor,
    keyed: { key: string; hash: string } | null,
  ): Promise<PlanRow> {
    const live = await this.flows.livePlan(tx.manager, c.caseId, true);
    if (live) await this.flows.supersede(tx.manager, live.id);
    // what the case holds now, less what is already owed to creditors; costs: the fee not yet settled
    const amountFen = await this.journal.balance(tx.manager, AccountCodes.caseAccount(c.caseId));
    const costsFen = Math.max(0, executionFeeFen(c.claimFen ?? 0) - c.feeSettledFen);
    const result = allocate(
      amountFen,
      costsFen,
      claims.map((claim) => ({
        creditorId: claim.creditorId,
        creditorName: claim.creditorName,
        claimFen: claim.claimFen,
        rank: claim.rank,
        ...(claim.order !== undefined ? { order: claim.order } : {}),
      })),
    );
    const plan: PlanRow = {
      id: randomUUID(),
      caseId: c.caseId,
      courtCode: c.courtCode,
      revision: (await this.flows.maxRevision(tx.manager, c.caseId)) + 1,
      servedOn,
      amountFen,
      costsFen: result.costsFen,
      surplusFen: result.surplusFen,
      superseded: false,
      idempotencyKey: keyed?.key ?? null,
      requestHash: keyed?.hash ?? null,
    };
    await this.flows.insertPlan(
      tx.manager,
      { ...plan, createdBy: actor.id, createdAt: this.clock.now() },
      result.allocations.map((a) => ({
        creditorId: a.creditorId,
        creditorName: a.creditorName,
        claimFen: a.claimFen,
        rank: a.rank,
        order: a.order ?? null,
        allocatedFen: a.allocatedFen,
      })),
    );
    return plan;
  }

  private async planOfCourt(
    manager: EntityManager,
    id: string,
    actor: Actor,
    lock: boolean,
  ): Promise<PlanRow> {
    const plan = await this.flows.plan(manager, id, lock);
    if (!plan || plan.courtCode !== actor.courtCode) throw notFound('distribution plan', id, 'planId');
    return plan;
  }

  private superseded(id: string): CodedError {
    return new CodedError(ErrorCode.InvalidState, `plan ${id} was revised; object to the current plan`, {
      rule: 'DISTRIBUTION_PLAN_REVISED',
    });
  }

  private async view(manager: EntityManager, plan: PlanRow): Promise<DistributionPlanView> {
    const objections = await this.flows.objections(manager, plan.id);
    const paid = await this.flows.paidUnderPlan(manager, plan.id);
    const state = {
      id: plan.id,
      servedOn: plan.servedOn,
      openObjections: objections.filter((o) => o.status === 'OPEN').length,
    };
    return {
      id: plan.id,
      caseId: plan.caseId,
      courtCode: plan.courtCode,
      revision: plan.revision,
      servedOn: plan.servedOn,
      objectionDeadline: objectionDeadline(plan.servedOn),
      status: plan.superseded ? 'SUPERSEDED' : planStatus(state, shanghaiDateOf(this.clock.now())),
      amountFen: plan.amountFen,
      costsFen: plan.costsFen,
      surplusFen: plan.surplusFen,
      allocations: (await this.flows.allocations(manager, plan.id)).map((a) => ({
        creditorId: a.creditorId,
        creditorName: a.creditorName,
        claimFen: a.claimFen,
        rank: a.rank,
        ...(a.order !== null ? { order: a.order } : {}),
        allocatedFen: a.allocatedFen,
        paidFen: paid.get(a.creditorId) ?? 0,
      })),
      objections: objections.map((o) => ({
        id: o.id,
        objector: o.objector,
        reason: o.reason,
        filedOn: o.filedOn,
        status: o.status,
        ...(o.decision ? { decision: o.decision } : {}),
        ...(o.decidedOn ? { decidedOn: o.decidedOn } : {}),
        ...(o.decidedBy ? { decidedBy: o.decidedBy } : {}),
      })),
    };
  }
}
