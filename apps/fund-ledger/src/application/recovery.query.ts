import { Injectable } from '@nestjs/common';
import { requireCourtStaff, type Actor, type GetRecoveryQuery, type RecoveryView } from '@writ/contracts';
import { UnitOfWork } from '@writ/platform';
import { courtRecovery, recoveryPermille } from '../domain/recovery-rate.js';
import { FlowsRepository } from '../persistence/flows.repository.js';
import { CaseDirectory } from './case-directory.js';

/** 执行标的到位率 per case and per court (DOMAIN.md §12), from the ledger's own figures. */
@Injectable()
export class RecoveryQuery {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly flows: FlowsRepository,
    private readonly directory: CaseDirectory,
  ) {}

  async get(query: GetRecoveryQuery, actor: Actor): Promise<RecoveryView> {
    requireCourtStaff(actor, 'recovery figures');
    const manager = this.unitOfWork.manager;
    const cases = (await this.flows.flowCasesOfCourt(manager, actor.courtCode)).filter(
      (c) => c.claimFen !== null,
    );
    const court = courtRecovery(
      cases.map((c) => ({
        claimFen: c.claimFen ?? 0,
        receivedFen: c.receivedFen,
        closed: c.closedOn !== null,
      })),
    );
    if (!query.caseId) return { courtCode: actor.courtCode, court };
    await this.directory.ofCourt(query.caseId, actor);
    const c = (await this.flows.flowCase(manager, query.caseId))!;
    return {
      courtCode: actor.courtCode,
      court,
      case: {
        caseId: c.caseId,
        ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
        claimFen: c.claimFen ?? 0,
        receivedFen: c.receivedFen,
        paidFen: c.paidFen,
        ratePermille: recoveryPermille(c.receivedFen, c.claimFen ?? 0),
        closed: c.closedOn !== null,
      },
    };
  }
}
