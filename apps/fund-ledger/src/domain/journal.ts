import { createHash } from 'node:crypto';
import { CodedError, ErrorCode, type FieldError } from '@writ/contracts';

/** What a journal transaction records. */
export enum TransactionKind {
  /** 到账: money for a case arrived in 专户 (Dr 专户, Cr 案款账户) */
  Receipt = 'RECEIPT',
  /** money arrived that no case could be matched to (Dr 专户, Cr 待认领款) */
  SuspenseReceipt = 'SUSPENSE_RECEIPT',
  /** 认领: suspense money matched to its case (Dr 待认领款, Cr 案款账户) */
  SuspenseMatch = 'SUSPENSE_MATCH',
  FeeSettlement = 'FEE_SETTLEMENT',
  PayoutApproved = 'PAYOUT_APPROVED',
  PayoutPaid = 'PAYOUT_PAID',
  DepositHeld = 'DEPOSIT_HELD',
  DepositRefunded = 'DEPOSIT_REFUNDED',
  DepositApplied = 'DEPOSIT_APPLIED',
  DepositForfeited = 'DEPOSIT_FORFEITED',
  ForfeitApplied = 'FORFEIT_APPLIED',
  /** 冲正: the negation of an earlier transaction, pointing at it */
  Reversal = 'REVERSAL',
}

/** One line of a transaction: + debit, − credit, in integer fen. */
export interface Line {
  accountCode: string;
  amountFen: number;
}

/**
 * Double entry: a transaction has at least two lines, none zero, each a safe integer of fen, and they
 * sum to zero (借贷必相等). Refused with RULE_VIOLATED (rule UNBALANCED_TRANSACTION).
 */
export function assertBalanced(lines: readonly Line[]): void {
  const errors: FieldError[] = [];
  if (lines.length < 2) {
    errors.push({ field: 'lines', rule: 'minLines', message: 'a transaction needs at least two lines' });
  }
  lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen === 0) {
      errors.push({
        field: `lines[${i}].amountFen`,
        rule: 'nonZeroFen',
        message: 'each line is a whole, non-zero number of fen',
      });
    }
  });
  const sum = lines.reduce((total, line) => total + line.amountFen, 0);
  if (sum !== 0) {
    errors.push({ field: 'lines', rule: 'balanced', message: `the lines sum to ${sum} fen, not 0` });
  }
  if (errors.length) {
    throw new CodedError(ErrorCode.RuleViolated, `unbalanced transaction: ${errors[0]!.message}`, {
      rule: 'UNBALANCED_TRANSACTION',
      errors,
    });
  }
}

/** The negation of a transaction's lines, for its reversal (冲正). */
export function reversalOf(lines: readonly Line[]): Line[] {
  return lines.map((line) => ({ accountCode: line.accountCode, amountFen: -line.amountFen }));
}

/** JSON with object keys sorted at every level, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string | Buffer): Buffer {
  return createHash('sha256').update(text).digest();
}

/** What a transaction is, as hashed: everything that makes it, nothing the chain adds later. */
export interface TransactionContent {
  id: string;
  kind: string;
  courtCode: string;
  caseId: string | null;
  idempotencyKey: string;
  memo: string | null;
  correctsId: string | null;
  /** ISO 8601, millisecond precision */
  postedAt: string;
  /** the day the money arrived (YYYY-MM-DD), on arrivals only */
  valueDate?: string | null;
  /** in line order */
  entries: readonly Line[];
}

/** sha256 of the transaction's canonical content: a changed amount, account, date or key changes it. */
export function contentHash(content: TransactionContent): Buffer {
  // the fields named one by one: a stored row carries more (its hashes, its chain position)
  return sha256(
    canonicalJson({
      id: content.id,
      kind: content.kind,
      courtCode: content.courtCode,
      caseId: content.caseId,
      idempotencyKey: content.idempotencyKey,
      memo: content.memo,
      correctsId: content.correctsId,
      postedAt: content.postedAt,
      // only when present: a transaction without one hashes as it did before the field existed
      ...(content.valueDate ? { valueDate: content.valueDate } : {}),
      entries: content.entries.map((e) => ({ a: e.accountCode, f: e.amountFen })),
    }),
  );
}

/** The hash of the request behind a posting, without its key: same key + same hash is a retry. */
export function requestHash(request: unknown): Buffer {
  return sha256(canonicalJson(request));
}

/** The chain's link: sha256(previous link ‖ this transaction's content hash); the first follows nothing. */
export function chainLink(previous: Buffer | null, content: Buffer): Buffer {
  return createHash('sha256')
    .update(previous ?? Buffer.alloc(0))
    .update(content)
    .digest();
}

export type JournalProblem = 'CONTENT_HASH_MISMATCH' | 'CHAIN_HASH_MISMATCH' | 'CHAIN_GAP' | 'UNBALANCED';

export interface StoredTransaction extends TransactionContent {
  contentHash: Buffer;
  chainSeq: bigint | null;
  chainHash: Buffer | null;
}

export interface BrokenLink {
  transactionId: string;
  chainSeq?: string;
  problem: JournalProblem;
  detail: string;
}

/**
 * Walks the journal as the verify command reads it — the sealed transactions in chain order, then the
 * unsealed ones — and keeps the first broken link: content that no longer matches its hash, a link
 * that does not follow from the one before, a gap in the chain, or lines that do not sum to zero.
 */
export class ChainVerifier {
  private previous: Buffer | null = null;
  private expectedSeq = 1n;
  sealed = 0;
  unsealedContentOk = 0;
  firstBroken?: BrokenLink;

  get ok(): boolean {
    return !this.firstBroken;
  }

  /** Feeds the next transaction; returns false once a link is broken (the caller may stop). */
  next(tx: StoredTransaction): boolean {
    if (this.firstBroken) return false;
    const chainSeq = tx.chainSeq === null ? undefined : tx.chainSeq.toString();
    const broken = (problem: JournalProblem, detail: string): false => {
      this.firstBroken = { transactionId: tx.id, ...(chainSeq ? { chainSeq } : {}), problem, detail };
      return false;
    };
    const sum = tx.entries.reduce((total, e) => total + e.amountFen, 0);
    const recomputed = contentHash(tx);
    if (!recomputed.equals(tx.contentHash)) {
      return broken(
        'CONTENT_HASH_MISMATCH',
        `the content hashes to ${recomputed.toString('hex')}, the stored hash is ${tx.contentHash.toString('hex')}`,
      );
    }
    if (sum !== 0 || tx.entries.length < 2) {
      return broken('UNBALANCED', `the entries sum to ${sum} fen`);
    }
    if (tx.chainSeq === null) {
      this.unsealedContentOk++;
      return true;
    }
    if (tx.chainSeq !== this.expectedSeq) {
      return broken('CHAIN_GAP', `chain position ${this.expectedSeq} was expected, found ${tx.chainSeq}`);
    }
    const link = chainLink(this.previous, tx.contentHash);
    if (!tx.chainHash || !link.equals(tx.chainHash)) {
      return broken(
        'CHAIN_HASH_MISMATCH',
        `the link should be ${link.toString('hex')}, the stored one is ${tx.chainHash?.toString('hex') ?? 'missing'}`,
      );
    }
    this.previous = tx.chainHash;
    this.expectedSeq++;
    this.sealed++;
    return true;
  }
}
