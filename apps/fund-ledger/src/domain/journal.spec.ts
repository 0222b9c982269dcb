import { CodedError } from '@writ/contracts';
import {
  assertBalanced,
  canonicalJson,
  chainLink,
  ChainVerifier,
  contentHash,
  requestHash,
  reversalOf,
  type StoredTransaction,
  type TransactionContent,
} from './journal.js';

const receipt = (n: number, amountFen = 10_000): TransactionContent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'RECEIPT',
  courtCode: '辽1104',
  caseId: 'c-1',
  idempotencyKey: `key-${n}`,
  memo: null,
  correctsId: null,
  postedAt: new Date(Date.UTC(2026, 2, 2, 2, 0, n)).toISOString(),
  entries: [
    { accountCode: 'DEDICATED:辽1104', amountFen },
    { accountCode: 'CASE:c-1', amountFen: -amountFen },
  ],
});

/** A chain of n sealed transactions, as the sealer leaves it. */
function chain(n: number): StoredTransaction[] {
  let previous: Buffer | null = null;
  return Array.from({ length: n }, (_, i) => {
    const content = receipt(i + 1);
    const hash = contentHash(content);
    previous = chainLink(previous, hash);
    return { ...content, contentHash: hash, chainSeq: BigInt(i + 1), chainHash: previous };
  });
}

function walk(txs: StoredTransaction[]): ChainVerifier {
  const verifier = new ChainVerifier();
  for (const tx of txs) if (!verifier.next(tx)) break;
  return verifier;
}

describe('double entry (借贷必相等)', () => {
  it('accepts lines that sum to zero', () => {
    expect(() => assertBalanced(receipt(1).entries)).not.toThrow();
  });

  it('refuses lines that do not sum to zero, naming the rule', () => {
    const error = (() => {
      try {
        assertBalanced([
          { accountCode: 'DEDICATED:x', amountFen: 100 },
          { accountCode: 'CASE:c', amountFen: -99 },
        ]);
      } catch (e) {
        return e as CodedError;
      }
      throw new Error('not refused');
    })();
    expect(error.details.rule).toBe('UNBALANCED_TRANSACTION');
    expect(error.message).toContain('1 fen');
  });

  it('refuses a single line, a zero line and a fraction of a fen', () => {
    expect(() => assertBalanced([{ accountCode: 'A:1', amountFen: 0 }])).toThrow(CodedError);
    expect(() =>
      assertBalanced([
        { accountCode: 'A:1', amountFen: 0.5 },
        { accountCode: 'A:2', amountFen: -0.5 },
      ]),
    ).toThrow(/whole, non-zero/);
  });

  it('reverses by negating every line', () => {
    expect(reversalOf(receipt(1).entries)).toEqual([
      { accountCode: 'DEDICATED:辽1104', amountFen: -10_000 },
      { accountCode: 'CASE:c-1', amountFen: 10_000 },
    ]);
  });
});

describe('hashes', () => {
  it('hashes the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(requestHash({ a: 1, b: 2 }).equals(requestHash({ b: 2, a: 1 }))).toBe(true);
    expect(requestHash({ a: 1 }).equals(requestHash({ a: 2 }))).toBe(false);
  });

  it('changes the content hash when an amount, an account or the time changes', () => {
    const base = contentHash(receipt(1));
    expect(contentHash(receipt(1)).equals(base)).toBe(true);
    expect(contentHash(receipt(1, 10_001)).equals(base)).toBe(false);
    expect(contentHash({ ...receipt(1), postedAt: '2026-03-02T02:00:02.000Z' }).equals(base)).toBe(false);
  });

  it('hashes the arrival day when there is one, and a transaction without one as before', () => {
    const base = contentHash(receipt(1));
    expect(contentHash({ ...receipt(1), valueDate: null }).equals(base)).toBe(true);
    const dated = contentHash({ ...receipt(1), valueDate: '2026-03-01' });
    expect(dated.equals(base)).toBe(false);
    expect(contentHash({ ...receipt(1), valueDate: '2026-03-02' }).equals(dated)).toBe(false);
  });

  it('links each transaction to the one before', () => {
    const a = contentHash(receipt(1));
    const b = contentHash(receipt(2));
    expect(chainLink(chainLink(null, a), b).equals(chainLink(chainLink(null, b), a))).toBe(false);
  });
});

describe('the verify walk (哈希链校验)', () => {
  it('passes an untouched chain and counts it', () => {
    const verifier = walk(chain(5));
    expect(verifier.ok).toBe(true);
    expect(verifier.sealed).toBe(5);
  });

  it('names the transaction whose amount was changed after sealing', () => {
    const txs = chain(5);
    const tampered = txs[2]!;
    txs[2] = {
      ...tampered,
      entries: [
        { ...tampered.entries[0]!, amountFen: 99 },
        { ...tampered.entries[1]!, amountFen: -99 },
      ],
    };
    const verifier = walk(txs);
    expect(verifier.firstBroken).toMatchObject({
      transactionId: tampered.id,
      chainSeq: '3',
      problem: 'CONTENT_HASH_MISMATCH',
    });
    expect(verifier.sealed).toBe(2);
  });

  it('names a rewritten transaction whose hash was recomputed to fit: its link no longer follows', () => {
    const txs = chain(4);
    const forged = { ...txs[1]!, entries: [...receipt(2, 1).entries] };
    txs[1] = { ...forged, contentHash: contentHash(forged) };
    expect(walk(txs).firstBroken).toMatchObject({ transactionId: forged.id, problem: 'CHAIN_HASH_MISMATCH' });
  });

  it('names a gap where a transaction was removed', () => {
    const txs = chain(4);
    txs.splice(1, 1);
    expect(walk(txs).firstBroken).toMatchObject({ transactionId: txs[1]!.id, problem: 'CHAIN_GAP' });
  });

  it('checks unsealed transactions by their content alone, and an unbalanced one is named', () => {
    const loose = { ...receipt(9), contentHash: contentHash(receipt(9)), chainSeq: null, chainHash: null };
    const verifier = walk([...chain(2), loose]);
    expect(verifier).toMatchObject({ sealed: 2, unsealedContentOk: 1 });
    const unbalanced = {
      ...receipt(10),
      entries: [receipt(10).entries[0]!, { accountCode: 'CASE:c-1', amountFen: -1 }],
    };
    const broken = walk([
      { ...unbalanced, contentHash: contentHash(unbalanced), chainSeq: null, chainHash: null },
    ]);
    expect(broken.firstBroken).toMatchObject({ transactionId: unbalanced.id, problem: 'UNBALANCED' });
  });
});
