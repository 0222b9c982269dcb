import { Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Role,
  type Actor,
  type CaseDetail,
  type ListCasesQuery,
  type ListCasesReply,
} from '@writ/contracts';
import { DataSource } from 'typeorm';
import { CaseRepository } from '../persistence/case.repository.js';
import { toCaseDetail, toCaseSummary, toPartysCaseDetail } from './case-views.js';

/** What a party's account may see: only cases that name the party it speaks for. */
function partyScope(actor: Actor): string | undefined {
  if (!actor.roles.includes(Role.Party)) return undefined;
  if (!actor.partyIdNumber)
    throw new CodedError(ErrorCode.Forbidden, 'this party account is not linked to a party');
  return actor.partyIdNumber;
}

@Injectable()
export class CaseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async get(caseId: string, actor: Actor): Promise<CaseDetail> {
    const found = await this.cases.findById(this.dataSource.manager, actor.courtCode, caseId);
    const party = partyScope(actor);
    // another court's case, or a case the party is not in, is answered exactly like a missing one
    if (!found || (party && !found.parties.some((p) => p.idNumber === party))) {
      throw new CodedError(ErrorCode.NotFound, `No case ${caseId} in court ${actor.courtCode}`);
    }
    return party ? toPartysCaseDetail(found, party) : toCaseDetail(found);
  }

  async list(query: ListCasesQuery, actor: Actor): Promise<ListCasesReply> {
    const party = partyScope(actor);
    const { items, total } = await this.cases.list(this.dataSource.manager, {
      courtCode: actor.courtCode,
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
      ...(party ? { partyIdNumber: party } : {}),
    });
    return { items: items.map(toCaseSummary), total, page: query.page, pageSize: query.pageSize };
  }
}
