import { Injectable } from '@nestjs/common';
import {
  requireCourtStaff,
  type Actor,
  type SearchLedgerCasesQuery,
  type SearchLedgerCasesReply,
} from '@writ/contracts';
import { UnitOfWork } from '@writ/platform';
import { FundOfficeRepository } from '../persistence/fund-office.repository.js';

/** Case numbers are written with full-width brackets, （2026）辽1104执123号; people type either kind. */
function normalised(text: string): string {
  return text.trim().replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The court's cases the ledger knows, found by (part of) their case number, for the fund office to pick. */
@Injectable()
export class CaseSearchQuery {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly office: FundOfficeRepository,
  ) {}

  async search(query: SearchLedgerCasesQuery, actor: Actor): Promise<SearchLedgerCasesReply> {
    requireCourtStaff(actor, 'case searches');
    const text = normalised(query.q);
    if (!text) return { items: [] };
    const rows = await this.office.casesByNumber(this.unitOfWork.manager, actor.courtCode, text, query.limit);
    return {
      items: rows.map((r) => ({
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        ...(r.claimFen !== null ? { claimFen: r.claimFen } : {}),
        receivedFen: r.receivedFen,
      })),
    };
  }
}
