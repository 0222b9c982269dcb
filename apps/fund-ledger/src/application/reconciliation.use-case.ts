import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  CodedError,
  ErrorCode,
  requireCourtStaff,
  type Actor,
  type Clock,
  type DedicatedEntryView,
  type GetReconciliationQuery,
  type ImportBankStatementCommand,
  type ImportBankStatementReply,
  type ReconciliationView,
  type StatementLineView,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { parseBankStatement } from '../domain/bank-statement.js';
import { matchStatement } from '../domain/reconciliation.js';
import {
  ReconciliationRepository,
  type DedicatedEntry,
  type StoredLine,
} from '../persistence/reconciliation.repository.js';
import { FlowsConfig } from './flows-config.js';
import { requireMoneyRole } from './ledger-access.js';

const lineView = (l: StoredLine): StatementLineView => ({
  serial: l.serial,
  date: l.date,
  amountFen: l.amountFen,
  counterparty: l.counterparty,
  memo: l.memo,
});

const entryView = (e: DedicatedEntry): DedicatedEntryView => ({
  transactionId: e.transactionId,
  kind: e.kind,
  ...(e.caseId ? { caseId: e.caseId } : {}),
  ...(e.caseNumber ? { caseNumber: e.caseNumber } : {}),
  date: e.date,
  amountFen: e.amountFen,
});

/** 对账 of the dedicated account: import the bank's statement, match it with the journal, list what is left. */
@Injectable()
export class ReconciliationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: ReconciliationRepository,
    private readonly config: FlowsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async import(command: ImportBankStatementCommand, actor: Actor): Promise<ImportBankStatementReply> {
    requireMoneyRole(actor, 'bank statement imports');
    const parsed = parseBankStatement(command.csv);
    if (parsed.errors.length) {
      throw new CodedError(
        ErrorCode.ValidationFailed,
        `the statement has ${parsed.errors.length} error(s); nothing was imported`,
        {
          rule: 'BANK_STATEMENT_LINES',
          errors: parsed.errors.map((e) => ({
            field: `line ${e.line}${e.field ? ` ${e.field}` : ''}`,
            rule: 'bankStatementLine',
            message: `line ${e.line}: ${e.message}`,
          })),
        },
      );
    }
    const courtCode = actor.courtCode;
    const window = this.config.RECONCILIATION_DATE_WINDOW_DAYS;
    return this.unitOfWork.run(async (tx) => {
      // one import at a time per court: two would offer the same entries to their lines
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('ledger.reconciliation:' || $1))`, [
        courtCode,
      ]);
      const id = randomUUID();
      await this.repository.insertImport(tx.manager, {
        id,
        courtCode,
        fileName: command.fileName ?? null,
        lines: parsed.lines.length,
        newLines: 0,
        by: actor.id,
        at: this.clock.now(),
      });
      const fresh = await this.repository.insertLines(tx.manager, courtCode, id, parsed.lines);
      await tx.manager.query(`UPDATE bank_statement_import SET new_lines = $2 WHERE id = $1`, [
        id,
        fresh.size,
      ]);
      // every line still unmatched (this file's and earlier ones') against every entry still unmatched
      const dates = parsed.lines.map((l) => l.date).sort();
      const from = dates.length ? addDays(dates[0]!, -window) : undefined;
      const to = dates.length ? addDays(dates[dates.length - 1]!, window) : undefined;
      const lines = await this.repository.lines(tx.manager, courtCode, from, to, true);
      const entries = await this.repository.dedicatedEntries(
        tx.manager,
        courtCode,
        { ...(from ? { from } : {}), ...(to ? { to } : {}) },
        true,
      );
      const pairs = matchStatement(
        lines,
        entries.map((e) => ({ ...e, references: [e.transactionId] })),
        window,
      );
      for (const pair of pairs) {
        await this.repository.match(tx.manager, courtCode, pair.serial, pair.transactionId, pair.byReference);
      }
      const matchedOfFile = pairs.filter((p) => fresh.has(p.serial)).length;
      await tx.audit({
        action: 'ledger.reconciliation.import',
        entityType: 'bank_statement_import',
        entityId: id,
        courtCode,
        after: {
          fileName: command.fileName,
          lines: parsed.lines.length,
          newLines: fresh.size,
          matched: pairs.length,
        },
        actor,
      });
      return {
        importId: id,
        lines: parsed.lines.length,
        newLines: fresh.size,
        matched: matchedOfFile,
        unmatched: fresh.size - matchedOfFile,
      };
    });
  }

  async get(query: GetReconciliationQuery, actor: Actor): Promise<ReconciliationView> {
    requireCourtStaff(actor, 'reconciliation');
    const manager = this.unitOfWork.manager;
    const lines = await this.repository.lines(manager, actor.courtCode, query.from, query.to);
    const entries = await this.repository.dedicatedEntries(
      manager,
      actor.courtCode,
      { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) },
      false,
    );
    const byId = new Map(entries.map((e) => [e.transactionId, e]));
    const matched: ReconciliationView['matched'] = [];
    for (const line of lines.filter((l) => l.matchedTx)) {
      const entry = byId.get(line.matchedTx!);
      if (entry)
        matched.push({ line: lineView(line), entry: entryView(entry), byReference: line.byReference });
    }
    // unmatched: taken by no bank line at all, whatever its date
    const unmatched = await this.repository.dedicatedEntries(
      manager,
      actor.courtCode,
      { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) },
      true,
    );
    return {
      courtCode: actor.courtCode,
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      matched,
      unmatchedLines: lines.filter((l) => !l.matchedTx).map(lineView),
      unmatchedEntries: unmatched.map(entryView),
    };
  }
}
