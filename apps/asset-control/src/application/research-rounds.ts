import { Inject, Injectable } from '@nestjs/common';
import { Events, ResearchStatus, type Clock } from '@writ/contracts';
import { CLOCK, type Transaction } from '@writ/platform';
import { batchIsComplete } from '../domain/inquiry-batch.js';
import { executableFind, findDescription } from '../domain/research-schedule.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { ResearchRepository } from '../persistence/research.repository.js';
import { AgencyCatalog } from './agency-catalog.js';

/**
 * Closes a re-search round of a 终本 case once nothing in it is pending, in the transaction of the
 * outcome that finished it (the caller holds the batch's lock). A round that found executable property
 * announces `asset.property.found-after-closure` once; case-intake opens a 执恢 case from it. A round
 * never announces `asset.inquiry.completed`: that event speaks of the inquiry at registration.
 */
@Injectable()
export class ResearchRounds {
  constructor(
    private readonly inquiries: InquiryRepository,
    private readonly research: ResearchRepository,
    private readonly catalog: AgencyCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async completeIfDone(
    tx: Transaction,
    batch: { caseId: string; caseNumber: string; courtCode: string },
    round: number,
    now: Date = this.clock.now(),
  ): Promise<boolean> {
    const statuses = await this.inquiries.statusesOfCase(tx.manager, batch.caseId, round);
    if (!batchIsComplete(statuses)) return false;
    const assets = await this.inquiries.assetValuesOfCase(tx.manager, batch.caseId, round);
    const find = executableFind(assets);
    if (!(await this.research.completeRound(tx.manager, batch.caseId, round, now, find))) return false;
    await tx.audit({
      action: 'asset.research.complete',
      entityType: 'research_round',
      entityId: `${batch.caseId}#${round}`,
      courtCode: batch.courtCode,
      before: { completedAt: null },
      after: { completedAt: now.toISOString(), round, inquiries: statuses.length, ...find },
    });
    if (find.assetsFound === 0) return true;
    // a case already resumed has its own search; the find of a round still running then is not news
    const schedule = await this.research.findSchedule(tx.manager, batch.caseId);
    if (schedule?.status === ResearchStatus.Stopped) return true;
    // once per round: a re-sent inquiry that completes the round again does not announce it twice
    if (!(await this.research.markAnnounced(tx.manager, batch.caseId, round, now))) return true;
    const catalog = await this.catalog.current(tx.manager);
    const nameOf = (kind: string) => catalog.find((k) => k.code === kind)?.nameZh ?? kind;
    await tx.emit(
      Events.AssetPropertyFoundAfterClosure,
      { caseId: batch.caseId, ...find, description: findDescription(round, assets, nameOf) },
      { courtCode: batch.courtCode },
    );
    return true;
  }
}
