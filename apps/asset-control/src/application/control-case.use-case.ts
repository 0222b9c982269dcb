import { Inject, Injectable } from '@nestjs/common';
import {
  CaseType,
  CodedError,
  ErrorCode,
  type Actor,
  type CaseClosedV1,
  type CaseRegisteredV1,
  type Clock,
  type EventEnvelope,
  type LedgerClaimFullyPaidV1,
  type LedgerMoneyReceivedV1,
  type LedgerMoneyReversedV1,
} from '@writ/contracts';
import { CLOCK, Inbox, LOGGER, UnitOfWork, type Transaction } from '@writ/platform';
import type { Logger } from 'pino';
import { needsAssetInquiry } from '../domain/asset-inquiry.js';
import { executionFeeFen } from '../domain/control-limit.js';
import { ControlRepository, type ControlCase } from '../persistence/control.repository.js';
import { auditOf } from './control-access.js';
import { ClosedCaseControls } from './closed-case-controls.js';
import { ControlActionUseCase } from './control-action.use-case.js';

/** The inbox consumer of the control part: one handling of each closure. */
export const CONTROL_INBOX_CONSUMER = 'asset-control.controls';

function assertVersion(envelope: EventEnvelope<unknown>): void {
  if (envelope.version !== 1) {
    // refused, so the broker keeps it for a version of this service that reads it
    throw new CodedError(
      ErrorCode.InvalidState,
      `${envelope.type} v${envelope.version} is not understood here`,
    );
  }
}

/** The case's counts of what came in, for an audit entry. */
function recoveryOf(c: ControlCase): Record<string, unknown> {
  return {
    recoveredFen: c.recoveredFen,
    deductedFen: c.deductedFen,
    ledgerReceivedFen: c.ledgerReceivedFen,
    ledgerDeductedFen: c.ledgerDeductedFen,
  };
}

/**
 * What controls need to know of a case's life: its claim when it is registered (the over-control
 * limit's base) and the 执保 controls it carries on, the money the ledger receives for it (the limit
 * falls as it comes in, and rises again when the ledger reverses a receipt), and its end — the claim paid in full, or a closure that releases what is
 * still held when case-intake says so.
 */
@Injectable()
export class ControlCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inbox: Inbox,
    private readonly controls: ControlRepository,
    private readonly actions: ControlActionUseCase,
    private readonly closedControls: ClosedCaseControls,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Keeps the claim and the execution fee of an implementation case, and carries the controls of the
   * 执保 case it follows, in one transaction. Idempotent by the case id and by the 执保 case's mark, so
   * it needs no inbox row of its own (the inquiry part keeps the one per event).
   */
  async registered(envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    assertVersion(envelope);
    const registered = envelope.data;
    if (!needsAssetInquiry(registered.caseType)) return;
    await this.unitOfWork.run(async (tx) => {
      await this.controls.insertCase(
        tx.manager,
        {
          caseId: registered.caseId,
          caseNumber: registered.caseNumber,
          courtCode: registered.courtCode,
          claimFen: registered.claimAmountFen,
          costsFen: executionFeeFen(registered.claimAmountFen),
        },
        this.clock.now(),
      );
      if (registered.preservationCaseId && registered.caseType === CaseType.Execution) {
        await this.carryPreservation(tx, registered, registered.preservationCaseId, envelope.actor);
      }
    });
  }

  /**
   * 保全转执行 (民诉解释 Art 168): the 执保 case's controls in force and in line become the execution
   * case's with their terms running on — same id, same last day, same amount; nothing is sent to the
   * agency and no new term starts. The 执保 case is marked, so its later closure releases nothing of
   * them and a redelivery moves nothing twice.
   */
  private async carryPreservation(
    tx: Transaction,
    registered: CaseRegisteredV1,
    preservationCaseId: string,
    actor: Actor | undefined,
  ): Promise<void> {
    const preservation = await this.controls.findCase(tx.manager, preservationCaseId, true);
    if (!preservation || preservation.courtCode !== registered.courtCode) {
      // case-intake checked the link; a 执保 case from before controls were kept has none to carry
      this.logger.info(
        { caseId: registered.caseId, preservationCaseId },
        'no controls of the preservation case are known here',
      );
      return;
    }
    const { carried, controls } = await this.controls.carryControls(
      tx.manager,
      preservationCaseId,
      registered.caseId,
    );
    if (!carried) return;
    for (const control of controls) {
      await tx.audit({
        action: 'asset.control.carry',
        entityType: 'asset_control',
        entityId: control.id,
        courtCode: control.courtCode,
        before: { ...auditOf(control), caseId: preservationCaseId },
        after: { ...auditOf(control), caseId: registered.caseId, carriedFromCaseId: preservationCaseId },
        ...(actor ? { actor } : {}),
      });
    }
    await tx.audit({
      action: 'asset.control.case-carried',
      entityType: 'control_case',
      entityId: preservationCaseId,
      courtCode: preservation.courtCode,
      after: {
        carriedIntoCaseId: registered.caseId,
        carriedIntoCaseNumber: registered.caseNumber,
        controls: controls.map((c) => c.id),
      },
      ...(actor ? { actor } : {}),
    });
  }

  /**
   * `ledger.money.received`: what came in lowers what is owed, and with it the limit (查封规定 Art 19).
   * Counted once per receipt id, whatever the event's id.
   */
  async moneyReceived(envelope: EventEnvelope<LedgerMoneyReceivedV1>): Promise<void> {
    assertVersion(envelope);
    const receipt = envelope.data;
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const before = await this.controls.findCase(tx.manager, receipt.caseId, true);
      if (!(await this.controls.recordLedgerReceipt(tx.manager, receipt, this.clock.now()))) return;
      // a case registered before controls were kept counts it when its record is made
      if (!before) return;
      const after = (await this.controls.findCase(tx.manager, receipt.caseId))!;
      await tx.audit({
        action: 'asset.control.case-money-received',
        entityType: 'control_case',
        entityId: receipt.caseId,
        courtCode: before.courtCode,
        before: recoveryOf(before),
        after: {
          ...recoveryOf(after),
          receiptId: receipt.receiptId,
          amountFen: receipt.amountFen,
          source: receipt.source,
          totalReceivedFen: receipt.totalReceivedFen,
        },
        actor: envelope.actor,
      });
    });
  }

  /**
   * `ledger.money.reversed`: the ledger took a receipt back (冲正), so less came in than it said and the
   * limit rises again (查封规定 Art 19). Counted once per reversal id, whatever the event's id.
   */
  async moneyReversed(envelope: EventEnvelope<LedgerMoneyReversedV1>): Promise<void> {
    assertVersion(envelope);
    const reversal = envelope.data;
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const before = await this.controls.findCase(tx.manager, reversal.caseId, true);
      if (!(await this.controls.recordLedgerReversal(tx.manager, reversal, this.clock.now()))) return;
      // a case registered before controls were kept counts it when its record is made
      if (!before) return;
      const after = (await this.controls.findCase(tx.manager, reversal.caseId))!;
      await tx.audit({
        action: 'asset.control.case-money-reversed',
        entityType: 'control_case',
        entityId: reversal.caseId,
        courtCode: before.courtCode,
        before: recoveryOf(before),
        after: {
          ...recoveryOf(after),
          receiptId: reversal.receiptId,
          reversalId: reversal.reversalId,
          amountFen: reversal.amountFen,
          totalReceivedFen: reversal.totalReceivedFen,
        },
        actor: envelope.actor,
      });
    });
  }

  /**
   * `ledger.claim.fully-paid`: nothing is owed any more, so every control still held — in force or in
   * line (a release withdraws a queued one at its agency) — is released through its agency, once. The
   * releases share the closure's request keys, so the 执行完毕 closure that follows sends none again.
   */
  async fullyPaid(envelope: EventEnvelope<LedgerClaimFullyPaidV1>): Promise<string[]> {
    assertVersion(envelope);
    const paid = envelope.data;
    let owed: string[] = [];
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const controlCase = await this.controls.findCase(tx.manager, paid.caseId, true);
      if (!controlCase) return;
      if (!(await this.controls.markFullyPaid(tx.manager, paid.caseId, paid.paidOn))) return;
      await tx.audit({
        action: 'asset.control.case-fully-paid',
        entityType: 'control_case',
        entityId: paid.caseId,
        courtCode: controlCase.courtCode,
        before: recoveryOf(controlCase),
        after: {
          ledgerRecoveredFen: paid.recoveredFen,
          paidOn: paid.paidOn,
          performanceMode: paid.performanceMode,
        },
        actor: envelope.actor,
      });
      owed = await this.actions.openClosureReleases(tx, paid.caseId);
    });
    await this.sendReleases(owed, envelope.actor);
    return owed;
  }

  /** On 结案 with `releaseControls`, releases every control still held, through its agency, once. */
  async closed(envelope: EventEnvelope<CaseClosedV1>): Promise<string[]> {
    if (envelope.version !== 1) {
      throw new CodedError(ErrorCode.InvalidState, `case.closed v${envelope.version} is not understood here`);
    }
    const closed = envelope.data;
    let owed: string[] = [];
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const controlCase = await this.controls.findCase(tx.manager, closed.caseId, true);
      if (!controlCase) return;
      if (!(await this.controls.closeCase(tx.manager, closed.caseId, closed.closedOn))) return;
      await tx.audit({
        action: 'asset.control.case-closed',
        entityType: 'control_case',
        entityId: closed.caseId,
        courtCode: controlCase.courtCode,
        after: {
          closedOn: closed.closedOn,
          closureType: closed.closureType,
          releaseControls: closed.releaseControls,
        },
        actor: envelope.actor,
      });
      await this.closedControls.onClosure(tx, controlCase, closed.releaseControls, envelope.actor);
      // a 终本 case keeps its controls
      if (closed.releaseControls) owed = await this.actions.openClosureReleases(tx, closed.caseId);
    });
    await this.sendReleases(owed, envelope.actor);
    return owed;
  }

  /** Sends the releases recorded in a committed transaction; one that fails stays open for the sweep. */
  private async sendReleases(actionIds: string[], actor: Actor | undefined): Promise<void> {
    for (const actionId of actionIds) {
      try {
        await this.actions.run(actionId, actor);
      } catch (error) {
        this.logger.warn({ err: error, actionId }, 'a release owed on closure did not go through');
      }
    }
  }
}
