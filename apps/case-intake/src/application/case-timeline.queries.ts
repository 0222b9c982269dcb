import { Injectable } from '@nestjs/common';
import {
  CaseType,
  CodedError,
  ErrorCode,
  Role,
  shanghaiDateOf,
  type Actor,
  type CaseLinkView,
  type CaseTimelineView,
  type Clock,
} from '@writ/contracts';
import { Inject } from '@nestjs/common';
import { CLOCK } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import { outstandingOf, periodFactsOf, type CaseLife } from '../domain/case-life.js';
import { overdueNodes } from '../domain/flow-nodes.js';
import { daysLeft, statutoryDeadline, statutoryMonthsOf } from '../domain/statutory-period.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';
import { FlowNodeRepository } from '../persistence/flow-node.repository.js';
import { FLOW_NODE_ORDER } from '@writ/contracts';

function notFound(caseId: string, courtCode: string): CodedError {
  return new CodedError(ErrorCode.NotFound, `No case ${caseId} in court ${courtCode}`);
}

/** A case's timeline as officers see it: nodes, period, assignment history, activities, links, closure. */
@Injectable()
export class CaseTimelineQueries {
  constructor(
    private readonly lives: CaseLifeRepository,
    private readonly nodes: FlowNodeRepository,
    private readonly settings: CourtSettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The case of the actor's court, or NotFound exactly as for a missing one. */
  async lifeOf(manager: EntityManager, caseId: string, actor: Actor, lock = false): Promise<CaseLife> {
    const life = lock
      ? await this.lives.lock(manager, caseId, actor.courtCode)
      : await this.lives.find(manager, caseId, actor.courtCode);
    if (!life) throw notFound(caseId, actor.courtCode);
    return life;
  }

  /**
   * The timeline of a case. A party (当事人) sees the progress of a case naming it — nodes, period,
   * money, closure — but not the officers' working notes and assignments.
   */
  async view(manager: EntityManager, caseId: string, actor: Actor): Promise<CaseTimelineView> {
    const full = await this.fullView(manager, caseId, actor);
    if (!actor.roles.includes(Role.Party)) return full;
    const named = await manager.query<unknown[]>(
      `SELECT 1 FROM case_party WHERE case_id = $1 AND id_number = $2`,
      [caseId, actor.partyIdNumber ?? ''],
    );
    if (!named.length) throw notFound(caseId, actor.courtCode);
    const { officerId: _o, teamId: _t, teamName: _n, trackReason: _r, ...shown } = full;
    return { ...shown, activities: [], assignments: [] };
  }

  private async fullView(manager: EntityManager, caseId: string, actor: Actor): Promise<CaseTimelineView> {
    const life = await this.lifeOf(manager, caseId, actor);
    const today = shanghaiDateOf(this.clock.now());
    const [timeline, activities, assignments, linked, closure, settings] = await Promise.all([
      this.nodes.timeline(manager, caseId),
      this.lives.activities(manager, caseId),
      this.lives.assignments(manager, caseId),
      this.lives.linked(manager, caseId, life.relatedCaseId),
      this.lives.closureOf(manager, caseId),
      this.settings.get(manager, life.courtCode),
    ]);
    const teamName = settings.teams.find((t) => t.id === life.teamId)?.name;
    const overdue = new Set(overdueNodes(timeline, today).map((n) => n.node));
    const facts = periodFactsOf(life);
    const links: CaseLinkView[] = linked.map((c) => ({
      caseId: c.id,
      caseNumber: c.caseNumber,
      caseType: c.caseType,
      status: c.status,
      relation:
        c.id === life.relatedCaseId
          ? life.caseType === CaseType.Objection
            ? 'OBJECTS_IN'
            : life.caseType === CaseType.Execution
              ? 'CARRIES_PRESERVATION'
              : 'RESUMES'
          : c.caseType === CaseType.Objection
            ? 'OBJECTION'
            : c.caseType === CaseType.Execution
              ? 'PRESERVATION_CARRIED_INTO'
              : 'RESUMED_BY',
    }));
    return {
      caseId: life.id,
      caseNumber: life.caseNumber,
      caseType: life.caseType,
      status: life.status,
      basisKind: life.basisKind,
      jurisdictionGround: life.jurisdictionGround,
      applicationDate: life.applicationDate,
      limitationExpired: life.limitationExpired,
      acceptedWithinDeadline: life.acceptedWithinDeadline,
      ...(life.track ? { track: life.track } : {}),
      ...(life.trackReason ? { trackReason: life.trackReason } : {}),
      ...(life.teamId ? { teamId: life.teamId } : {}),
      ...(teamName ? { teamName } : {}),
      ...(life.officerId ? { officerId: life.officerId } : {}),
      ...(life.suspensionReason ? { suspensionReason: life.suspensionReason } : {}),
      hasProperty: life.hasProperty,
      receivedFen: life.receivedFen,
      recoveredFen: life.recoveredFen,
      outstandingFen: outstandingOf(life),
      period: {
        filingDate: life.filingDate,
        months: statutoryMonthsOf(life.basisKind),
        extensionMonths: life.extensionMonths,
        suspendedDays: life.suspendedDays,
        ...(life.suspendedSince ? { suspendedSince: life.suspendedSince } : {}),
        deadline: statutoryDeadline(facts, today),
        daysLeft: daysLeft(facts, today),
      },
      nodes: FLOW_NODE_ORDER.flatMap((node) => {
        const n = timeline.find((t) => t.node === node);
        if (!n) return [];
        return [
          {
            node,
            state: n.state,
            ...(n.startedAt ? { startedAt: n.startedAt.toISOString() } : {}),
            ...(n.deadlineOn ? { deadlineOn: n.deadlineOn } : {}),
            ...(n.finishedAt ? { finishedAt: n.finishedAt.toISOString() } : {}),
            ...(n.finishedBy ? { finishedBy: n.finishedBy } : {}),
            overdue: overdue.has(node),
          },
        ];
      }),
      activities,
      assignments: assignments.map((a) => ({ ...a, assignedAt: a.assignedAt.toISOString() })),
      links,
      ...(life.entrustingCourtCode ? { entrustingCourtCode: life.entrustingCourtCode } : {}),
      ...(life.entrustingCaseNumber ? { entrustingCaseNumber: life.entrustingCaseNumber } : {}),
      ...(closure && life.closedOn
        ? {
            closure: {
              ...(life.closureType ? { closureType: life.closureType } : {}),
              ...(life.performanceMode ? { performanceMode: life.performanceMode } : {}),
              closedOn: life.closedOn,
              closedBy: closure.closedBy,
              reason: closure.reason,
              withinPeriod: closure.withinPeriod,
            },
          }
        : {}),
    };
  }
}
