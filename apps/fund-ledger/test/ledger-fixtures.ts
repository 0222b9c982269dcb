import { randomUUID } from 'node:crypto';
import {
  CaseType,
  Events,
  PartyKind,
  Role,
  type CaseRegisteredV1,
  type EventEnvelope,
} from '@writ/contracts';
import { testActor, testEvent } from '@writ/platform';
import type { DataSource } from 'typeorm';

export const COURT = '辽1104';
export const fundManager = testActor({
  id: 'user-fund-1',
  username: 'fund1',
  roles: [Role.FundManager],
  courtCode: COURT,
});
export const officer = testActor({ courtCode: COURT, roles: [Role.Officer] });
export const otherCourtFundManager = testActor({
  id: 'user-fund-9',
  username: 'fund9',
  roles: [Role.FundManager],
  courtCode: '辽1103',
});

let n = 0;
/** A registered execution case of the court, as case-intake announces it. */
export function caseRegistered(
  courtCode = COURT,
  claimAmountFen = 1_000_000,
): EventEnvelope<CaseRegisteredV1> {
  n++;
  return testEvent(
    Events.CaseRegistered,
    {
      caseId: randomUUID(),
      caseNumber: `（2026）${courtCode}执${700 + n}号`,
      caseType: CaseType.Execution,
      courtCode,
      claimAmountFen,
      filingDate: '2026-03-02',
      respondents: [{ kind: PartyKind.NaturalPerson, name: `被执行人${n}`, idNumber: '11010519491231002X' }],
    },
    { courtCode },
  );
}

export function key(prefix = 'k'): string {
  return `${prefix}-${randomUUID()}`;
}

/** The ledger's books as a row-level check sees them: every invariant the journal promises. */
export async function books(ds: DataSource) {
  const db = { query: async (sql: string) => ({ rows: await ds.query<Record<string, unknown>[]>(sql) }) };
  const one = async <T>(sql: string): Promise<T> => (await ds.query<T[]>(sql))[0]!;
  return {
    entriesSum: Number(
      (await one<{ s: string }>('SELECT coalesce(sum(amount_fen), 0)::text AS s FROM journal_entry')).s,
    ),
    unbalanced: (
      await db.query(
        `SELECT transaction_id FROM journal_entry GROUP BY transaction_id HAVING sum(amount_fen) <> 0`,
      )
    ).rows,
    spreadMismatch: (
      await db.query(
        `SELECT a.code, a.balance_fen, coalesce(sum(e.amount_fen), 0) AS entries
           FROM account a LEFT JOIN journal_entry e ON e.account_code = a.code
          WHERE NOT a.hot GROUP BY a.code, a.balance_fen
         HAVING a.balance_fen <> coalesce(sum(e.amount_fen), 0)`,
      )
    ).rows,
    hotMismatch: (
      await db.query(
        `SELECT a.code FROM account a WHERE a.hot AND
           coalesce((SELECT balance_fen FROM account_rollup r WHERE r.account_code = a.code), 0)
           + coalesce((SELECT sum(e.amount_fen) FROM journal_entry e JOIN journal_transaction t ON t.id = e.transaction_id
                        WHERE e.account_code = a.code AND t.chain_seq IS NULL), 0)
           <> coalesce((SELECT sum(e.amount_fen) FROM journal_entry e WHERE e.account_code = a.code), 0)`,
      )
    ).rows,
    belowZero: (
      await db.query(
        `SELECT a.code FROM account a
          WHERE a.non_negative AND a.natural_sign * coalesce((SELECT sum(e.amount_fen) FROM journal_entry e
                                                             WHERE e.account_code = a.code), 0) < 0`,
      )
    ).rows,
    keysTwice: (
      await db.query(
        `SELECT idempotency_key FROM journal_transaction GROUP BY idempotency_key HAVING count(*) > 1`,
      )
    ).rows,
    receivedMismatch: (
      await db.query(
        `SELECT c.case_id FROM ledger_case c
          WHERE c.received_fen <> coalesce((
            SELECT -sum(e.amount_fen) FROM journal_transaction t
              JOIN journal_entry e ON e.transaction_id = t.id AND e.account_code = 'CASE:' || c.case_id
              LEFT JOIN journal_transaction o ON o.id = t.corrects_id
             WHERE t.kind IN ('RECEIPT', 'SUSPENSE_MATCH') OR o.kind IN ('RECEIPT', 'SUSPENSE_MATCH')), 0)`,
      )
    ).rows,
  };
}

export const CLEAN_BOOKS = {
  entriesSum: 0,
  unbalanced: [],
  spreadMismatch: [],
  hotMismatch: [],
  belowZero: [],
  keysTwice: [],
  receivedMismatch: [],
};
