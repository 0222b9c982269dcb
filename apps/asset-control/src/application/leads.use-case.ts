import { requireCourtStaff } from '@writ/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  shanghaiDateOf,
  type Actor,
  type CheckLeadCommand,
  type Clock,
  type LeadView,
  type ListLeadsReply,
  type RecordLeadCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { DataSource } from 'typeorm';
import { checkLead, leadCheckedLate, leadIsOverdue, newLead } from '../domain/lead.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { LeadRepository, type LeadRow } from '../persistence/lead.repository.js';
import { caseNotFound } from './court-staff.js';

function viewOf(lead: LeadRow, today: string): LeadView {
  return {
    id: lead.id,
    caseId: lead.caseId,
    caseNumber: lead.caseNumber,
    kind: lead.kind,
    description: lead.description,
    urgent: lead.urgent,
    providedBy: lead.providedBy,
    status: lead.status,
    receivedOn: lead.receivedOn,
    dueOn: lead.dueOn,
    overdue: leadIsOverdue(lead, today),
    recordedBy: lead.recordedBy,
    ...(lead.result ? { result: lead.result } : {}),
    ...(lead.note ? { note: lead.note } : {}),
    ...(lead.checkedOn ? { checkedOn: lead.checkedOn, checkedLate: leadCheckedLate(lead) } : {}),
    ...(lead.checkedBy ? { checkedBy: lead.checkedBy } : {}),
  };
}

/** 财产线索 (财产调查规定 Art 2): recorded for a case, checked within 7 days (3 if urgent). */
@Injectable()
export class LeadsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly leads: LeadRepository,
    private readonly inquiries: InquiryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(command: RecordLeadCommand, actor: Actor): Promise<LeadView> {
    requireCourtStaff(actor, 'recording a lead');
    return this.unitOfWork.run(async (tx) => {
      const today = shanghaiDateOf(this.clock.now());
      const again = await this.leads.byRequestKey(tx.manager, actor.courtCode, command.requestKey);
      if (again) {
        if (again.caseId !== command.caseId || again.description !== command.description) {
          throw new CodedError(ErrorCode.ValidationFailed, 'this request key was used for another lead', {
            errors: [
              { field: 'requestKey', rule: 'sameRequest', message: 'requestKey was used for another lead' },
            ],
          });
        }
        return viewOf(again, today);
      }
      const batch = await this.inquiries.findBatch(tx.manager, command.caseId);
      if (!batch || batch.courtCode !== actor.courtCode) throw caseNotFound(command.caseId);
      const lead: LeadRow = {
        id: randomUUID(),
        caseId: command.caseId,
        caseNumber: batch.caseNumber,
        courtCode: batch.courtCode,
        requestKey: command.requestKey,
        kind: command.kind,
        description: command.description,
        providedBy: command.providedBy,
        recordedBy: actor.username,
        checkedBy: null,
        // 财产调查规定 Art 2: 7 days, 3 when urgent, from the day the lead is received
        ...newLead(today, command.urgent ?? false),
      };
      if (!(await this.leads.insert(tx.manager, lead, this.clock.now()))) {
        // the same key committed by a concurrent request: answer with that lead
        const first = await this.leads.byRequestKey(tx.manager, actor.courtCode, command.requestKey);
        if (first) return viewOf(first, today);
      }
      await tx.audit({
        action: 'asset.lead.record',
        entityType: 'asset_lead',
        entityId: lead.id,
        courtCode: lead.courtCode,
        after: {
          caseId: lead.caseId,
          kind: lead.kind,
          urgent: lead.urgent,
          providedBy: lead.providedBy,
          dueOn: lead.dueOn,
        },
        actor,
      });
      return viewOf(lead, today);
    });
  }

  async check(command: CheckLeadCommand, actor: Actor): Promise<LeadView> {
    requireCourtStaff(actor, 'checking a lead');
    return this.unitOfWork.run(async (tx) => {
      const lead = await this.leads.find(tx.manager, command.leadId, true);
      if (!lead || lead.courtCode !== actor.courtCode) {
        throw new CodedError(ErrorCode.NotFound, `no lead ${command.leadId} at this court`);
      }
      const today = shanghaiDateOf(this.clock.now());
      const after: LeadRow = {
        ...lead,
        ...checkLead(lead, command.result, command.note, today),
        checkedBy: actor.username,
      };
      await this.leads.saveCheck(tx.manager, after, actor.username, this.clock.now());
      await tx.audit({
        action: 'asset.lead.check',
        entityType: 'asset_lead',
        entityId: lead.id,
        courtCode: lead.courtCode,
        before: { status: lead.status, dueOn: lead.dueOn },
        after: { status: after.status, result: after.result, note: after.note, late: leadCheckedLate(after) },
        actor,
      });
      return viewOf(after, today);
    });
  }

  async list(caseId: string, actor: Actor): Promise<ListLeadsReply> {
    requireCourtStaff(actor, 'the leads of a case');
    const today = shanghaiDateOf(this.clock.now());
    const leads = await this.leads.ofCase(this.dataSource.manager, caseId);
    return { items: leads.filter((l) => l.courtCode === actor.courtCode).map((l) => viewOf(l, today)) };
  }

  /** The court's leads not checked in time: the officers' alert (财产调查规定 Art 2). */
  async overdue(actor: Actor): Promise<ListLeadsReply> {
    requireCourtStaff(actor, 'the overdue leads');
    const today = shanghaiDateOf(this.clock.now());
    const leads = await this.leads.overdue(this.dataSource.manager, actor.courtCode, today);
    return { items: leads.map((l) => viewOf(l, today)) };
  }
}
