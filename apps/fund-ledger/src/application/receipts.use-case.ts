import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  shanghaiDateOf,
  type Actor,
  type AssetDeductedV1,
  type AuctionProceedsPaidV1,
  type CaseRegisteredV1,
  type Clock,
  type EventEnvelope,
  type LedgerMoneyReceivedV1,
  type MatchSuspenseCommand,
  type ReceiptView,
  type RecordReceiptCommand,
} from '@writ/contracts';
import {
  CLOCK,
  currentContext,
  Inbox,
  runInContext,
  UnitOfWork,
  type GatheredWrite,
  type MessageContext,
  type Transaction,
} from '@writ/platform';
import { TransactionKind } from '../domain/journal.js';
import { assertMatchFits } from '../domain/suspense.js';
import { FundOfficeRepository } from '../persistence/fund-office.repository.js';
import { JournalRepository } from '../persistence/journal.repository.js';
import { LedgerCaseRepository } from '../persistence/ledger-case.repository.js';
import { CaseDirectory } from './case-directory.js';
import {
  Accounts,
  CaseArrivalRefused,
  Journal,
  type PostedTransaction,
  type PostRequest,
  type PreparedPosting,
} from './journal.js';
import { caseNotFound, requireMoneyRole } from './ledger-access.js';
import { SuspenseQuery } from './suspense.query.js';

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
    private readonly office: FundOfficeRepository,
    private readonly suspense: SuspenseQuery,
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

  /**
   * 拍卖款到账: the buyer's payment of a sold lot's price is the case's receipt. Keyed by the payment, so
   * the same payment told twice — redelivered, or re-emitted under a new event id — is booked once.
   */
  async auctionProceeds(envelope: EventEnvelope<AuctionProceedsPaidV1>): Promise<void> {
    assertVersion(envelope);
    const p = envelope.data;
    await this.inbox.handleOnce(
      RECEIPTS_INBOX_CONSUMER,
      envelope,
      async (tx) => {
        await this.cases.remember(
          tx.manager,
          { caseId: p.caseId, courtCode: envelope.courtCode },
          this.clock.now(),
          Events.AuctionProceedsPaid,
        );
        await this.receive(tx, {
          idempotencyKey: `auction:${p.lotId}:${p.paymentId}`,
          caseId: p.caseId,
          courtCode: envelope.courtCode,
          amountFen: p.amountFen,
          source: 'AUCTION',
          receivedOn: p.paidOn,
          kind: TransactionKind.Receipt,
          memo: `拍卖款 ${p.lotId}`,
          content: { lotId: p.lotId, paymentId: p.paymentId },
          actor: envelope.actor,
        });
      },
      { grouped: true, lockKey: p.caseId },
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
    // group commit, and the receipts of one batch written together (ReceiptBatch): one statement for
    // the lot instead of one per receipt
    const gathered = (request: PostRequest, receipt: CaseReceipt | null, lockKey: string) =>
      this.unitOfWork
        .runGrouped(
          async (tx) =>
            tx
              .gather(ReceiptBatch, () => new ReceiptBatch(this.journal, this.cases))
              .add(this.journal.prepareForMany(request), receipt),
          lockKey,
        )
        .then((booked) => booked.outcome());
    if (!command.caseId) {
      // 待认领款: Dr 专户, Cr 待认领款 — both insert-only, so unmatched money never waits on a lock
      const request: PostRequest = {
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
      };
      return gathered(request, null, '');
    }
    const receipt: CaseReceipt = {
      idempotencyKey: command.idempotencyKey,
      caseId: command.caseId,
      courtCode: actor.courtCode,
      amountFen: command.amountFen,
      source: command.source === 'VOLUNTARY' ? 'VOLUNTARY' : 'OTHER',
      receivedOn: command.receivedOn,
      checkReceivedOn: true,
      kind: TransactionKind.Receipt,
      ...(command.memo ? { memo: command.memo } : {}),
      content,
      actor,
    };
    return this.withKnownCase(command.caseId, actor, () =>
      gathered(this.arrivalOf(receipt), receipt, receipt.caseId),
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
    // a match takes the court's suspense lock (money leaves it) before anything else, shared by every
    // match of the court: it runs alone, so no batch holds that lock while waiting for a case row
    return this.withKnownCase(command.caseId, actor, () =>
      this.unitOfWork.run(async (tx) => {
        await this.journalRows.lockSums(tx.manager, [Accounts.suspense(actor.courtCode).code]);
        await this.claimReceipt(tx, command, actor);
        return this.receive(tx, {
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
        });
      }),
    );
  }

  /**
   * 认领 naming its unmatched receipt: the receipt must be the court's and still standing, and the match
   * may take no more than is left of it (weighed under the court's suspense lock, so two matches of one
   * receipt cannot both fit); which receipt it names is kept, by the match's key, in the match's own
   * transaction, for the 待认领款 list. A retry of a posted key is left to the journal, which replays it.
   */
  private async claimReceipt(tx: Transaction, command: MatchSuspenseCommand, actor: Actor): Promise<void> {
    if (await this.office.keyPosted(tx.manager, command.idempotencyKey)) return;
    const receiptId = command.suspenseTransactionId;
    if (!receiptId) return;
    assertMatchFits(await this.suspense.receipt(tx.manager, actor.courtCode, receiptId), command.amountFen);
    await this.office.claim(tx.manager, {
      idempotencyKey: command.idempotencyKey,
      courtCode: actor.courtCode,
      suspenseTransactionId: receiptId,
      at: this.clock.now(),
    });
  }

  /**
   * Runs a booking to a case; a case the ledger has never heard of is first asked of case-intake and the
   * booking run again (the usual case costs no extra look-up).
   */
  private async withKnownCase<T>(caseId: string, actor: Actor, book: () => Promise<T>): Promise<T> {
    try {
      return await book();
    } catch (error) {
      if (!(error instanceof CaseUnknown)) throw error;
    }
    await this.directory.ofCourt(caseId, actor);
    return book();
  }

  /** The journal's request for a receipt to a case. */
  private arrivalOf(r: CaseReceipt): PostRequest {
    const credit = Accounts.caseAccount(r.courtCode, r.caseId);
    const debit =
      r.kind === TransactionKind.Receipt ? Accounts.dedicated(r.courtCode) : Accounts.suspense(r.courtCode);
    return {
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
      caseArrival: { amountFen: r.amountFen, notBeforeFiling: r.checkReceivedOn ?? false },
    };
  }

  /**
   * Books money to a case: the case's received total and the journal in the posting's one statement (the
   * case's lock first: it orders a case's receipts and keeps its total exact).
   */
  private async receive(tx: Transaction, r: CaseReceipt): Promise<ReceiptView> {
    let posted: PostedTransaction;
    try {
      posted = await this.journal.post(tx, this.arrivalOf(r));
    } catch (error) {
      throw error instanceof CaseArrivalRefused ? refusalOf(error, r) : error;
    }
    return settleReceipt(tx, this.cases, r, posted);
  }
}

/**
 * A receipt posted (or replayed): a first posting says so on the bus; a replay added nothing and answers
 * with the case's total as it stands.
 */
async function settleReceipt(
  tx: Transaction,
  cases: LedgerCaseRepository,
  r: CaseReceipt,
  posted: PostedTransaction,
): Promise<ReceiptView> {
  if (posted.replayed) {
    const total = (await cases.find(tx.manager, r.caseId))?.receivedFen ?? 0;
    return viewOf(posted, { caseId: r.caseId, amountFen: r.amountFen, totalReceivedFen: total });
  }
  const totalReceivedFen = posted.caseReceivedFen ?? 0;
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

/** A 到账 the case refused, in the words of the receipt. */
function refusalOf(refused: CaseArrivalRefused, r: CaseReceipt): Error {
  if (!refused.found) return new CaseUnknown();
  if (refused.found.courtCode !== r.courtCode) return caseNotFound(r.caseId);
  return receivedOnRefused(
    'NOT_BEFORE_FILING',
    `the money cannot be the case's from ${r.receivedOn}: the case was filed on ${refused.found.filedOn}`,
  );
}

/** A receipt gathered into a batch: its outcome is known once the batch has flushed. */
interface BookedReceipt {
  /** the receipt's view, or its refusal thrown (after the batch committed) */
  outcome(): ReceiptView;
}

/**
 * Receipts gathered from the members of one group-commit batch — to cases, and unmatched ones (receipt
 * null) — written in one statement (Journal.postMany); each member's event and audit entry as if it had
 * posted alone. Two receipts under one key in one batch: the second is the first's replay.
 */
class ReceiptBatch implements GatheredWrite {
  private readonly parts: {
    posting: PreparedPosting;
    receipt: CaseReceipt | null;
    context: MessageContext | undefined;
    outcome?: ReceiptView | Error;
  }[] = [];

  constructor(
    private readonly journal: Journal,
    private readonly cases: LedgerCaseRepository,
  ) {}

  add(posting: PreparedPosting, receipt: CaseReceipt | null): BookedReceipt {
    const part: (typeof this.parts)[number] = { posting, receipt, context: currentContext() };
    this.parts.push(part);
    return {
      outcome: () => {
        if (!part.outcome) throw new Error('the receipt batch was not written');
        if (part.outcome instanceof Error) throw part.outcome;
        return part.outcome;
      },
    };
  }

  async flush(tx: Transaction): Promise<void> {
    const outcomes = await this.journal.postMany(
      tx,
      this.parts.map((p) => p.posting),
    );
    for (const [i, part] of this.parts.entries()) {
      const outcome = outcomes[i]!;
      const receipt = part.receipt;
      if (outcome instanceof Error) {
        part.outcome =
          outcome instanceof CaseArrivalRefused && receipt ? refusalOf(outcome, receipt) : outcome;
      } else if (!receipt) {
        // an unmatched receipt: its first line, Dr 专户, is the amount
        part.outcome = viewOf(outcome, { amountFen: part.posting.row.entries[0]!.amountFen, suspense: true });
      } else {
        const settle = (): Promise<ReceiptView> => settleReceipt(tx, this.cases, receipt, outcome);
        // the event goes out under the correlation id of the message that asked for it
        part.outcome = await (part.context ? runInContext(part.context, settle) : settle());
      }
    }
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
