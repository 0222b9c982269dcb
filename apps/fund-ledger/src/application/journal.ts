import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CodedError, ErrorCode, type Actor, type Clock, type Fen } from '@writ/contracts';
import {
  CLOCK,
  currentContext,
  runInContext,
  serviceActor,
  type MessageContext,
  type Transaction,
} from '@writ/platform';
import type { EntityManager } from 'typeorm';
import {
  AccountCodes,
  AccountKind,
  kindOfCode,
  lowers,
  naturalBalance,
  ruleOf,
} from '../domain/chart-of-accounts.js';
import { assertBalanced, contentHash, requestHash, TransactionKind, type Line } from '../domain/journal.js';
import {
  JournalRepository,
  type AccountRow,
  type PostingRow,
  type PostingWritten,
} from '../persistence/journal.repository.js';

export { AccountKind, TransactionKind };

export interface AccountRef {
  code: string;
  kind: AccountKind;
  courtCode: string;
  caseId?: string;
}

/** one posting: amountFen > 0 debit, < 0 credit (integer fen) */
export interface PostingLine {
  account: AccountRef;
  amountFen: Fen;
}

export interface PostRequest {
  idempotencyKey: string;
  kind: TransactionKind;
  courtCode: string;
  caseId?: string;
  memo?: string;
  lines: PostingLine[];
  /** REVERSAL only */
  correctsId?: string;
  /** anything else the caller's command said, included in the idempotency content hash */
  content?: Record<string, unknown>;
  /**
   * 到账日: the Asia/Shanghai day (YYYY-MM-DD) the money arrived, on arrivals only — stored with the
   * transaction and in its content hash; the 30-day payout deadline counts from it
   */
  valueDate?: string;
  /** who posts; by default the actor of the message being handled, else the service itself */
  actor?: Actor;
  /**
   * 到账 to the request's case: the case's received total rises by `amountFen` with the posting, in its
   * statement, the case's lock taken first. Nothing is posted — CaseArrivalRefused — unless the ledger
   * knows the case, of the request's court, and (when `notBeforeFiling`) the value date is not before
   * the case's filing.
   */
  caseArrival?: { amountFen: Fen; notBeforeFiling: boolean };
}

export interface PostedTransaction {
  transactionId: string;
  seq: string;
  postedAt: string;
  replayed: boolean;
  /** for a 到账 to a case posted now: the case's received total with it (a replay added nothing) */
  caseReceivedFen?: Fen;
}

/**
 * A 到账 the case refused, nothing posted and its total untouched: `found` is the case as the ledger
 * knows it (null: unknown); the caller says why in its own words.
 */
export class CaseArrivalRefused extends Error {
  constructor(readonly found: { courtCode: string; filedOn: string | null } | null) {
    super(found ? 'the case refused the arrival' : 'the case is not known to the ledger');
  }
}

const SERVICE = 'fund-ledger';

/** A request checked and turned into its rows, before anything is read or written. */
export interface PreparedPosting {
  request: PostRequest;
  row: PostingRow;
  /** guarded accounts it lowers whose balance is a sum of entries: weighed under their locks first */
  drawnSums: { ref: AccountRef; delta: number }[];
  actor: Actor;
  /** the context it was prepared in (the message being handled) */
  context: MessageContext | undefined;
}

/** The accounts of the chart, as posting lines name them. */
export const Accounts = {
  dedicated: (court: string): AccountRef => ({
    code: AccountCodes.dedicated(court),
    kind: AccountKind.Dedicated,
    courtCode: court,
  }),
  caseAccount: (court: string, caseId: string): AccountRef => ({
    code: AccountCodes.caseAccount(caseId),
    kind: AccountKind.Case,
    courtCode: court,
    caseId,
  }),
  payable: (court: string, caseId: string, creditorId: string): AccountRef => ({
    code: AccountCodes.payable(caseId, creditorId),
    kind: AccountKind.Payable,
    courtCode: court,
    caseId,
  }),
  fees: (court: string): AccountRef => ({
    code: AccountCodes.fees(court),
    kind: AccountKind.Fees,
    courtCode: court,
  }),
  deposit: (court: string, lotId: string, bidderId: string): AccountRef => ({
    code: AccountCodes.deposit(lotId, bidderId),
    kind: AccountKind.DepositsHeld,
    courtCode: court,
  }),
  forfeited: (court: string, lotId: string): AccountRef => ({
    code: AccountCodes.forfeited(lotId),
    kind: AccountKind.Forfeited,
    courtCode: court,
  }),
  suspense: (court: string): AccountRef => ({
    code: AccountCodes.suspense(court),
    kind: AccountKind.Suspense,
    courtCode: court,
  }),
} as const;

export function insufficientBalance(code: string, naturalAfter: number): CodedError {
  const message = `${code} would go below zero (to ${naturalAfter} fen); it holds less than the posting takes`;
  return new CodedError(ErrorCode.RuleViolated, message, {
    rule: 'INSUFFICIENT_BALANCE',
    errors: [{ field: 'amountFen', rule: 'INSUFFICIENT_BALANCE', message }],
  });
}

function keyReused(key: string): CodedError {
  const message = `idempotency key ${key} was already used for a different request; use a new key for new content`;
  return new CodedError(ErrorCode.IdempotencyConflict, message, {
    rule: 'IDEMPOTENCY_KEY_REUSED',
    errors: [{ field: 'idempotencyKey', rule: 'IDEMPOTENCY_KEY_REUSED', message }],
  });
}

function refused(rule: string, message: string, field = 'lines'): CodedError {
  return new CodedError(ErrorCode.RuleViolated, message, { rule, errors: [{ field, rule, message }] });
}

/**
 * The ledger's one posting path. Every transaction of every part (receipts, payouts, deposits,
 * reversals) is written here, inside the caller's unit of work, so its audit entry and events commit
 * with it.
 */
@Injectable()
export class Journal {
  constructor(
    private readonly repository: JournalRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Posts inside the caller's UnitOfWork transaction; same key + same content → the first transaction
   * (replayed: true, nothing posted); same key + other content → 409 IDEMPOTENCY_KEY_REUSED (field
   * idempotencyKey); a guarded account going below zero → 422 INSUFFICIENT_BALANCE naming the account;
   * unbalanced lines → 422 UNBALANCED_TRANSACTION.
   */
  async post(tx: Transaction, request: PostRequest): Promise<PostedTransaction> {
    const posting = this.prepare(request);
    if (posting.drawnSums.length) {
      // a retry is answered before any balance is weighed: its first posting may have spent the money
      const earlier = await this.repository.findByKey(tx.manager, request.idempotencyKey);
      if (earlier) return this.replay(earlier, posting.row.requestHash, request.idempotencyKey);
      await this.repository.lockSums(
        tx.manager,
        posting.drawnSums.map((d) => d.ref.code),
      );
      for (const { ref, delta } of posting.drawnSums) {
        const current = await this.repository.balance(tx.manager, ref.code);
        const after = naturalBalance(ref.kind, (current?.signedFen ?? 0) + delta);
        if (after < 0) throw insufficientBalance(ref.code, after);
      }
    }
    let written: PostingWritten;
    try {
      written = (await this.repository.insertPostings(tx.manager, [posting.row]))[0]!;
    } catch (error) {
      throw this.translate(error, posting.row.spread);
    }
    const outcome = await this.settle(tx, posting, written);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * Postings that draw on no guarded sum, many in one statement (到账 to cases, unmatched receipts); each
   * request's outcome as `post` would give it — its posting, or the refusal to throw (CaseArrivalRefused,
   * IDEMPOTENCY_KEY_REUSED). Two requests under one key in one call: the second is the first's replay.
   */
  async postMany(tx: Transaction, postings: PreparedPosting[]): Promise<(PostedTransaction | Error)[]> {
    const written = await this.repository.insertPostings(
      tx.manager,
      postings.map((p) => p.row),
    );
    const outcomes: (PostedTransaction | Error)[] = [];
    for (const [i, posting] of postings.entries()) {
      outcomes.push(await this.settle(tx, posting, written[i]!));
    }
    return outcomes;
  }

  /**
   * A posting that draws on no guarded sum, checked and made ready for `postMany`, in the caller's
   * context (its actor and correlation id go with the posting's audit entry).
   */
  prepareForMany(request: PostRequest): PreparedPosting {
    if (request.caseArrival && !request.caseId) throw new Error('a 到账 to a case names the case');
    const posting = this.prepare(request);
    if (posting.drawnSums.length) throw new Error('postMany takes postings that draw on nothing');
    return posting;
  }

  /** A request checked and turned into the rows of its posting (nothing read or written yet). */
  private prepare(request: PostRequest): PreparedPosting {
    const lines: Line[] = request.lines.map((l) => ({ accountCode: l.account.code, amountFen: l.amountFen }));
    assertBalanced(lines);
    this.assertShape(request);
    const hash = requestHash({
      kind: request.kind,
      courtCode: request.courtCode,
      caseId: request.caseId ?? null,
      memo: request.memo ?? null,
      correctsId: request.correctsId ?? null,
      lines: lines.map((l) => [l.accountCode, l.amountFen]),
      // the value date is not added: every caller's content or key already names it, and a retry of a key
      // posted before the field existed must still hash as it did
      content: request.content ?? null,
    });

    // the change of each account, and which guard keeps it from going below zero
    const deltas = new Map<string, { ref: AccountRef; delta: number }>();
    for (const line of request.lines) {
      const seen = deltas.get(line.account.code);
      if (seen) seen.delta += line.amountFen;
      else deltas.set(line.account.code, { ref: line.account, delta: line.amountFen });
    }
    const drawnSums = [...deltas.values()].filter(
      ({ ref, delta }) => ruleOf(ref.kind).guard === 'LOCKED_SUM' && lowers(ref.kind, delta),
    );

    const id = randomUUID();
    const postedAt = this.clock.now();
    const actor = request.actor ?? currentContext()?.actor ?? serviceActor(SERVICE, request.courtCode);
    const rowOf = (ref: AccountRef): AccountRow => {
      const rule = ruleOf(ref.kind);
      return {
        code: ref.code,
        kind: ref.kind,
        courtCode: ref.courtCode,
        caseId: ref.caseId ?? null,
        naturalSign: rule.naturalSign,
        nonNegative: rule.nonNegative,
        hot: rule.hot,
      };
    };
    const all = [...deltas.values()];
    const spread = all
      .filter(({ ref }) => !ruleOf(ref.kind).hot)
      .map(({ ref, delta }) => ({ ...rowOf(ref), deltaFen: delta }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const row: PostingRow = {
      id,
      courtCode: request.courtCode,
      kind: request.kind,
      caseId: request.caseId ?? null,
      idempotencyKey: request.idempotencyKey,
      requestHash: hash,
      memo: request.memo ?? null,
      correctsId: request.correctsId ?? null,
      postedAt,
      valueDate: request.valueDate ?? null,
      actor: { id: actor.id, username: actor.username, courtCode: actor.courtCode },
      contentHash: contentHash({
        id,
        kind: request.kind,
        courtCode: request.courtCode,
        caseId: request.caseId ?? null,
        idempotencyKey: request.idempotencyKey,
        memo: request.memo ?? null,
        correctsId: request.correctsId ?? null,
        postedAt: postedAt.toISOString(),
        valueDate: request.valueDate ?? null,
        entries: lines,
      }),
      hotAccounts: all.filter(({ ref }) => ruleOf(ref.kind).hot).map(({ ref }) => rowOf(ref)),
      spread,
      entries: lines,
      ...(request.caseArrival ? { caseArrival: request.caseArrival } : {}),
    };
    return { request, row, drawnSums, actor, context: currentContext() };
  }

  /**
   * What the posting's statement did, in the ledger's words: the posting (audited), a replay of the
   * key's first posting, or the refusal to throw.
   */
  private async settle(
    tx: Transaction,
    { request, row, actor, context }: PreparedPosting,
    written: PostingWritten,
  ): Promise<PostedTransaction | Error> {
    const arrival = written.arrivalCase;
    if (request.caseArrival) {
      if (!arrival) return new CaseArrivalRefused(null);
      const refusedByCase =
        arrival.courtCode !== request.courtCode ||
        (request.caseArrival.notBeforeFiling &&
          arrival.filedOn !== null &&
          (request.valueDate ?? '') < arrival.filedOn);
      if (refusedByCase) return new CaseArrivalRefused(arrival);
    }
    if (written.seq === null) {
      const earlier = await this.repository.findByKey(tx.manager, request.idempotencyKey);
      if (!earlier) throw new Error(`idempotency key ${request.idempotencyKey} conflicted but is not found`);
      try {
        return this.replay(earlier, row.requestHash, request.idempotencyKey);
      } catch (error) {
        return error as Error;
      }
    }
    const refusedAccount = row.spread.find((s) => !written.updated.includes(s.code));
    if (refusedAccount) {
      const current = await this.repository.balance(tx.manager, refusedAccount.code);
      return insufficientBalance(
        refusedAccount.code,
        naturalBalance(
          refusedAccount.kind as AccountKind,
          (current?.signedFen ?? 0) + refusedAccount.deltaFen,
        ),
      );
    }
    const lines = row.entries;
    const audit = (): Promise<void> =>
      tx.audit({
        action: 'ledger.transaction.post',
        entityType: 'journal_transaction',
        entityId: row.id,
        courtCode: request.courtCode,
        after: {
          kind: request.kind,
          idempotencyKey: request.idempotencyKey,
          ...(request.caseId ? { caseId: request.caseId } : {}),
          ...(request.correctsId ? { correctsId: request.correctsId } : {}),
          ...(request.memo ? { memo: request.memo } : {}),
          lines: lines.map((l) => [l.accountCode, l.amountFen]),
        },
        actor,
      });
    // a posting gathered from another member of the batch is audited under that member's correlation id
    await (context ? runInContext(context, audit) : audit());
    return {
      transactionId: row.id,
      seq: written.seq,
      postedAt: row.postedAt.toISOString(),
      replayed: false,
      ...(arrival?.receivedFen != null ? { caseReceivedFen: arrival.receivedFen } : {}),
    };
  }

  /** natural-side balance now (credit-normal accounts positive when they hold money) */
  async balance(manager: EntityManager, accountCode: string): Promise<Fen> {
    const row = await this.repository.balance(manager, accountCode);
    return row ? naturalBalance(row.kind as AccountKind, row.signedFen) : 0;
  }

  /** natural-side balance as of a moment */
  async balanceAt(manager: EntityManager, accountCode: string, at: Date): Promise<Fen> {
    const row = await this.repository.balanceAt(manager, accountCode, at);
    return row ? naturalBalance(row.kind as AccountKind, row.signedFen) : 0;
  }

  private replay(
    earlier: { id: string; seq: string; postedAt: Date; requestHash: Buffer },
    hash: Buffer,
    key: string,
  ): PostedTransaction {
    if (!earlier.requestHash.equals(hash)) throw keyReused(key);
    return {
      transactionId: earlier.id,
      seq: earlier.seq,
      postedAt: earlier.postedAt.toISOString(),
      replayed: true,
    };
  }

  private assertShape(request: PostRequest): void {
    if ((request.kind === TransactionKind.Reversal) !== (request.correctsId !== undefined)) {
      throw refused(
        'REVERSAL_POINTS_AT_ONE',
        'a reversal, and only a reversal, names the transaction it corrects',
      );
    }
    request.lines.forEach((line, i) => {
      if (kindOfCode(line.account.code) !== line.account.kind) {
        throw refused(
          'ACCOUNT_CODE_OF_KIND',
          `${line.account.code} is not a ${line.account.kind} account`,
          `lines[${i}]`,
        );
      }
      if (line.account.courtCode !== request.courtCode) {
        throw refused(
          'ONE_COURT_PER_TRANSACTION',
          `${line.account.code} belongs to ${line.account.courtCode}, not ${request.courtCode}`,
          `lines[${i}]`,
        );
      }
    });
  }

  /** Database refusals in the words of the ledger. */
  private translate(error: unknown, spread: { code: string; kind: string; deltaFen: number }[]): unknown {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === '23514' && pgError.constraint === 'account_not_below_zero') {
      // only a new account can fail here: one opened by a posting that takes money out of it
      const first = spread.find((s) => lowers(s.kind as AccountKind, s.deltaFen));
      return insufficientBalance(
        first?.code ?? 'an account',
        first ? naturalBalance(first.kind as AccountKind, first.deltaFen) : -1,
      );
    }
    if (pgError.code === '23505' && pgError.constraint === 'journal_transaction_corrects_id_key') {
      return new CodedError(ErrorCode.InvalidState, 'the transaction was already reversed', {
        rule: 'REVERSED_ONCE',
      });
    }
    return error;
  }
}
