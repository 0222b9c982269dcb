import { Injectable } from '@nestjs/common';
import { shanghaiDateOf, type Actor } from '@writ/contracts';
import type { Transaction } from '@writ/platform';
import { deadlineOf } from '../domain/case-life.js';
import { applySignal, FlowSignal, type SignalContext } from '../domain/flow-nodes.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';
import { FlowNodeRepository } from '../persistence/flow-node.repository.js';

export { FlowSignal };

/** Facts a signal may carry: what the other stage found, whether disposal follows, whether all is paid. */
export type SignalDetail = Pick<SignalContext, 'propertyFound' | 'needsDisposal' | 'allPaidOut'>;

/**
 * Moves a case along its flow nodes (流程节点), inside the caller's transaction: the case-intake use
 * cases and the handlers of other stages' events call it, so no other stage writes these rows.
 */
@Injectable()
export class FlowProgress {
  constructor(
    private readonly nodes: FlowNodeRepository,
    private readonly lives: CaseLifeRepository,
    private readonly settings: CourtSettingsRepository,
  ) {}

  /** Applies a signal to a case's timeline; a repeated signal changes nothing. */
  async signal(
    tx: Transaction,
    caseId: string,
    signal: FlowSignal,
    at: Date,
    actor?: Actor,
    detail: SignalDetail = {},
  ): Promise<void> {
    const life = await this.lives.find(tx.manager, caseId);
    if (!life) return;
    const settings = await this.settings.get(tx.manager, life.courtCode);
    const timeline = await this.nodes.timeline(tx.manager, caseId);
    const changes = applySignal(timeline, signal, {
      at,
      actorId: actor?.id ?? 'system',
      deadlines: settings.nodeDeadlineDays,
      statutoryDeadline: deadlineOf(life, shanghaiDateOf(at)),
      ...detail,
    });
    if (!changes.length) return;
    await this.nodes.save(tx.manager, caseId, changes);
    await tx.audit({
      action: `case.flow.${signal.toLowerCase()}`,
      entityType: 'enforcement_case',
      entityId: caseId,
      courtCode: life.courtCode,
      before: timeline.filter((n) => changes.some((c) => c.node === n.node)),
      after: changes,
      ...(actor ? { actor } : {}),
    });
  }
}
