import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  shanghaiDateOf,
  type Actor,
  type AssetDeductedV1,
  type CaseRegisteredV1,
  type Clock,
  type EventEnvelope,
  type LedgerMoneyReceivedV1,
  type MatchSuspenseCommand,
  type ReceiptView,
  type RecordReceiptCommand,
} from '@writ/contracts';
import { CLOCK, Inbox, UnitOfWork, type Transaction } from '@writ/platform';
import { TransactionKind } from '../domain/journal.js';
import { JournalRepository } from '../persistence/journal.repository.js';
import { LedgerCaseRepository } from '../persistence/ledger-case.repository.js';
import { CaseDirectory } from './case-directory.js';
import { Accounts, Journal, type PostedTransaction } from './journal.js';
import { caseNotFound, requireMoneyRole } from './ledger-access.js';

/** The inbox consumer of receipts by event. */
export const RECEIPTS_INBOX_CONSUMER = 'fund-ledger.receipts';

function assertVersion(envelope: EventEnvelope<unknown>): void {
  if (envelope.version !== 1) {
    // refused, so the broker keeps it for a version of this service that reads it
    throw new CodedError(
      ErrorCode.InvalidState,
      `${envelope.type} v${envelope.version} is not understood here`,
    );
  }
}

interface CaseReceipt {
  idempotencyKey: string;
  caseId: string;
  courtCode: string;
  amountFen: number;
  source: LedgerMoneyReceivedV1['source'];
  receivedOn: string;
  /** a day a person typed: refused when it is before the case was filed */
  checkReceivedOn?: boolean;
  kind: TransactionKind.Receipt | TransactionKind.SuspenseMatch;
  memo?: string;
  content: Record<string, unknown>;
  actor: Actor;
}

/**
 * 到账: money into the court's dedicated account (执行款专户), each receipt matched to its case (人案款
 * 精准对应, DOMAIN.md §6) — from asset-control's deductions (扣划) by event, from the debtor's voluntary
 * payment or a bank transfer recorded by the fund manager — or held in suspense (待认领款) until the fund
 * manager matches it. Each receipt of a case says `ledger.money.received` with the case's total.
 */
@Injectable()
export class ReceiptsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inbox: Inbox,
    private readonly journal: Journal,
    private readonly journalRows: JournalRepository,
    private readonly cases: LedgerCaseRepository,
    private readonly directory: CaseDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * 立案: the ledger learns the case's court, number, claim, filing day and the id numbers of its
   * applicants and respondents — a party reads its own case's sums by them (idempotent by the case id).
   */
  async caseRegistered(envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    assertVersion(envelope);
    const c = envelope.data;
    await this.unitOfWork.run((tx) =>
      this.cases.remember(
        tx.manager,
        {
          caseId: c.caseId,
          courtCode: c.courtCode,
          caseNumber: c.caseNumber,
          claimFen: c.claimAmountFen,
          filedOn: c.filingDate,
          partyIdNumbers: [...(c.applicants ?? []), ...c.respondents].map((p) => p.idNumber),
        },
        this.clock.now(),
        Events.CaseRegistered,
      ),
    );
  }

  /**
   * 扣划到账: asset-control's confirmed deduction is the case's receipt. Keyed by the deduction itself
   * (control, day, amount), so the same deduction told twice — redelivered, or re-emitted under a new
   * event id — is booked once.
   */
  async deducted(envelope: EventEnvelope<AssetDeductedV1>): Promise<void> {
    assertVersion(envelope);
    const d = envelope.data;
    await this.inbox.handleOnce(
      RECEIPTS_INBOX_CONSUMER,
      envelope,
      async (tx) => {
        await this.cases.remember(
          tx.manager,
          { caseId: d.caseId, courtCode: envelope.courtCode },
          this.clock.now(),
          Events.AssetDeducted,
        );
        await this.receive(tx, {
          idempotencyKey: `deduct:${d.controlId}:${d.deductedOn}:${d.amountFen}`,
          caseId: d.caseId,
          courtCode: envelope.courtCode,
          amountFen: d.amountFen,
          source: 'DEDUCTION',
          receivedOn: d.deductedOn,
          kind: TransactionKind.Receipt,
          memo: `扣划 ${d.controlId}`,
          content: { controlId: d.controlId },
          actor: envelope.actor,
        });
      },
      { grouped: true, lockKey: d.caseId },
    );
  }

  /** `ledger.receipt.record`: the fund manager books money that arrived, to its case or to suspense. */
  async record(command: RecordReceiptCommand, actor: Actor): Promise<ReceiptView> {
    requireMoneyRole(actor, 'receipts');
    const today = shanghaiDateOf(this.clock.now());
    if (command.receivedOn > today) {
      throw receivedOnRefused(
        'NOT_IN_FUTURE',
        `the money cannot have arrived on ${command.receivedOn}, after today (${today})`,
      );
    }
    const content = {
      source: command.source,
      receivedOn: command.receivedOn,
      payer: command.payer ?? null,
      reference: command.reference ?? null,
    };
    if (!command.caseId) {
      return this.unitOfWork.runGrouped(async (tx) => {
        const posted = await this.journal.post(tx, {
          idempotencyKey: command.idempotencyKey,
          kind: TransactionKind.SuspenseReceipt,
          courtCode: actor.courtCode,
          ...(command.memo ? { memo: command.memo } : {}),
          valueDate: command.receivedOn,
          lines: [
            { account: Accounts.dedicated(actor.courtCode), amountFen: command.amountFen },
            { account: Accounts.suspense(actor.courtCode), amountFen: -command.amountFen },
          ],
          content,
          actor,
        });
        return viewOf(posted, { amountFen: command.amountFen, suspense: true });
      });
    }
    const caseId = command.caseId;
    return this.withKnownCase(caseId, actor, 'grouped', (tx) =>
      this.receive(tx, {
        idempotencyKey: command.idempotencyKey,
        caseId,
        courtCode: actor.courtCode,
        amountFen: command.amountFen,
        source: command.source === 'VOLUNTARY' ? 'VOLUNTARY' : 'OTHER',
        receivedOn: command.receivedOn,
        checkReceivedOn: true,
        kind: TransactionKind.Receipt,
        ...(command.memo ? { memo: command.memo } : {}),
        content,
        actor,
      }),
    );
  }

  /** `ledger.suspense.match`: 认领 — suspense money becomes the case's (refused if suspense holds less). */
  async match(command: MatchSuspenseCommand, actor: Actor): Promise<ReceiptView> {
    requireMoneyRole(actor, 'suspense matches');
    // the money arrived when the suspense receipt it came with did; without one, the day of the match
    const arrived = command.suspenseTransactionId
      ? await this.journalRows.suspenseArrival(
          this.unitOfWork.manager,
          command.suspenseTransactionId,
          actor.courtCode,
        )
      : null;
    // a match also takes the suspense account's lock (money leaves it), shared by every match of the
    // court: it runs alone, so no batch holds that lock while waiting for a case row
    return this.withKnownCase(command.caseId, actor, 'alone', (tx) =>
      this.receive(tx, {
        idempotencyKey: command.idempotencyKey,
        caseId: command.caseId,
        courtCode: actor.courtCode,
        amountFen: command.amountFen,
        source: 'OTHER',
        receivedOn: arrived ?? shanghaiDateOf(this.clock.now()),
        kind: TransactionKind.SuspenseMatch,
        ...(command.memo ? { memo: command.memo } : {}),
        content: { suspenseTransactionId: command.suspenseTransactionId ?? null },
        actor,
      }),
    );
  }

  /**
   * Runs `work` in one transaction (group commit: it needs nothing from outside while it runs); a case
   * the ledger has never heard of is first asked of case-intake and the work run again (the usual case
   * costs no extra look-up).
   */
  private async withKnownCase<T>(
    caseId: string,
    actor: Actor,
    commit: 'grouped' | 'alone',
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    // grouped batches run their members in case order, so batches lock case rows in one order
    const run = (): Promise<T> =>
      commit === 'grouped' ? this.unitOfWork.runGrouped(work, caseId) : this.unitOfWork.run(work);
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof CaseUnknown)) throw error;
    }
    await this.directory.ofCourt(caseId, actor);
    return run();
  }

  /**
   * Books money to a case: the case row first (its lock orders a case's receipts and keeps its total
   * exact; one statement adds the amount and takes the lock), then the journal; a first posting keeps
   * the addition and says so on the bus, a replay takes it back.
   */
  private async receive(tx: Transaction, r: CaseReceipt): Promise<ReceiptView> {
    const known = await this.cases.addReceived(tx.manager, r.caseId, r.amountFen);
    // refused before anything is posted: the unit of work rolls the addition back
    if (!known) throw new CaseUnknown();
    if (known.courtCode !== r.courtCode) throw caseNotFound(r.caseId);
    if (r.checkReceivedOn && known.filedOn && r.receivedOn < known.filedOn) {
      throw receivedOnRefused(
        'NOT_BEFORE_FILING',
        `the money cannot be the case's from ${r.receivedOn}: the case was filed on ${known.filedOn}`,
      );
    }
    const credit = Accounts.caseAccount(r.courtCode, r.caseId);
    const debit =
      r.kind === TransactionKind.Receipt ? Accounts.dedicated(r.courtCode) : Accounts.suspense(r.courtCode);
    const posted = await this.journal.post(tx, {
      idempotencyKey: r.idempotencyKey,
      kind: r.kind,
      courtCode: r.courtCode,
      caseId: r.caseId,
      ...(r.memo ? { memo: r.memo } : {}),
      lines: [
        { account: debit, amountFen: r.amountFen },
        { account: credit, amountFen: -r.amountFen },
      ],
      content: r.content,
      valueDate: r.receivedOn,
      actor: r.actor,
    });
    if (posted.replayed) {
      // booked before: the case's total stays as that first posting left it
      await tx.manager.query(LedgerCaseRepository.ADD_RECEIVED, [r.caseId, -r.amountFen]);
      return viewOf(posted, {
        caseId: r.caseId,
        amountFen: r.amountFen,
        totalReceivedFen: known.receivedFen - r.amountFen,
      });
    }
    const totalReceivedFen = known.receivedFen;
    await tx.emit(
      Events.LedgerMoneyReceived,
      {
        caseId: r.caseId,
        receiptId: posted.transactionId,
        amountFen: r.amountFen,
        source: r.source,
        receivedOn: r.receivedOn,
        totalReceivedFen,
      },
      { courtCode: r.courtCode, actor: r.actor },
    );
    return viewOf(posted, { caseId: r.caseId, amountFen: r.amountFen, totalReceivedFen });
  }
}

/** A receipt's arrival day that cannot be (422, naming the field). */
function receivedOnRefused(rule: string, message: string): CodedError {
  return new CodedError(ErrorCode.RuleViolated, message, {
    rule,
    errors: [{ field: 'receivedOn', rule, message }],
  });
}

/** The case is not known to the ledger yet (the caller asks case-intake, or answers NOT_FOUND). */
class CaseUnknown extends Error {}

function viewOf(
  posted: PostedTransaction,
  what: { caseId?: string; amountFen: number; suspense?: boolean; totalReceivedFen?: number },
): ReceiptView {
  return {
    transactionId: posted.transactionId,
    seq: posted.seq,
    ...(what.caseId ? { caseId: what.caseId } : {}),
    amountFen: what.amountFen,
    suspense: what.suspense ?? false,
    ...(what.totalReceivedFen !== undefined ? { totalReceivedFen: what.totalReceivedFen } : {}),
    postedAt: posted.postedAt,
    replayed: posted.replayed,
  };
}
