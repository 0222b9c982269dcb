import { Injectable } from '@nestjs/common';
import {
  CaseInquiryStatus,
  COURT_STAFF_ROLES,
  CodedError,
  ErrorCode,
  type Actor,
  type GetFindingsReply,
} from '@writ/contracts';
import { DataSource } from 'typeorm';
import { caseInquiryStatus } from '../domain/inquiry-batch.js';
import { compareKinds, latestInquiries, standingAnswers } from '../domain/inquiry-report.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { ResearchRepository } from '../persistence/research.repository.js';

/** What the inquiries of a case asked and found, for the officers of the case's court. */
@Injectable()
export class FindingsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly research: ResearchRepository,
  ) {}

  async get(caseId: string, actor: Actor): Promise<GetFindingsReply> {
    if (!actor.roles.some((role) => COURT_STAFF_ROLES.includes(role))) {
      throw new CodedError(ErrorCode.Forbidden, 'the findings of an inquiry are for the court’s staff');
    }
    const manager = this.dataSource.manager;
    const batch = await this.inquiries.findBatch(manager, caseId);
    // another court's case reads exactly like one whose registration has not arrived yet
    if (!batch || batch.courtCode !== actor.courtCode) {
      return { caseId, status: CaseInquiryStatus.NotStarted, inquiries: [], assets: [] };
    }
    const [all, allAssets, rounds] = await Promise.all([
      this.inquiries.inquiriesOfCase(manager, caseId),
      this.inquiries.assetsOfCase(manager, caseId),
      this.research.roundsOf(manager, caseId),
    ]);
    // the latest state: per respondent and kind the latest round's inquiry (re-searches after 终本 add
    // rounds), and the findings of the latest one that answered
    const inquiries = latestInquiries(all);
    const standing = standingAnswers(all);
    const assets = allAssets.filter((a) => standing.has(a.inquiryId));
    const roundOpen = rounds.some((r) => !r.completedAt);
    const status = roundOpen ? CaseInquiryStatus.InProgress : caseInquiryStatus(batch);
    const completedAt = [batch.completedAt, ...rounds.map((r) => r.completedAt)]
      .filter((d): d is Date => d !== null)
      .reduce<Date | null>((latest, d) => (!latest || d > latest ? d : latest), null);
    assets.sort(
      (a, b) =>
        a.respondentPosition - b.respondentPosition ||
        compareKinds(a.kind, b.kind) ||
        a.position - b.position,
    );
    return {
      caseId,
      status,
      startedAt: batch.startedAt.toISOString(),
      ...(status === CaseInquiryStatus.Completed && completedAt
        ? { completedAt: completedAt.toISOString() }
        : {}),
      inquiries: inquiries.map((i) => ({
        kind: i.kind,
        respondentIdNumber: i.respondentIdNumber,
        respondentName: i.respondentName,
        ...(i.linkedTo !== null && i.linkedRole ? { linkedTo: i.linkedTo, role: i.linkedRole } : {}),
        status: i.status,
        attempts: i.attempts,
        ...(i.lastError ? { lastError: i.lastError } : {}),
        ...(i.answeredAt ? { answeredAt: i.answeredAt.toISOString() } : {}),
      })),
      assets: assets.map((a) => ({
        id: a.id,
        kind: a.kind,
        respondentIdNumber: a.respondentIdNumber,
        holder: a.holder,
        identifier: a.identifier,
        description: a.description,
        valueKind: a.valueKind,
        amountFen: a.amountFen,
      })),
    };
  }
}
