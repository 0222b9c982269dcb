import { Inject, Injectable } from '@nestjs/common';
import { CaseStatus, ErrorCode, Subjects, type Actor, type Clock } from '@writ/contracts';
import { BusClient, BusRequestError, CLOCK, UnitOfWork } from '@writ/platform';
import { needsAssetInquiry } from '../domain/asset-inquiry.js';
import { executionFeeFen } from '../domain/control-limit.js';
import { ControlRepository } from '../persistence/control.repository.js';

/**
 * Cases registered before asset-control kept a control record have none: their `case.registered` was
 * handled by the inquiry part only, and the inquiry batch does not hold the claim. The first time an
 * officer orders (or looks at) controls for such a case, its claim and court are asked of case-intake
 * (`cases.case.get`, as the officer, so another court's case stays invisible) and the record is made.
 */
@Injectable()
export class ControlCaseBackfill {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly bus: BusClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Makes the control record of a case case-intake knows and asset-control does not. Leaves it
   * missing (the caller answers NOT_FOUND) for a review case, a closed one, or one case-intake does not
   * show this actor; other failures (case-intake not answering) are thrown.
   */
  async ensure(caseId: string, actor: Actor): Promise<void> {
    if (await this.controls.findCase(this.unitOfWork.manager, caseId)) return;
    let detail;
    try {
      detail = await this.bus.request(Subjects.Cases.Get, { caseId }, { actor });
    } catch (error) {
      if (error instanceof BusRequestError && error.wire.code === ErrorCode.NotFound) return;
      throw error;
    }
    // a closed case takes no new controls; its closing date is not in the reply, so no record is made
    if (!needsAssetInquiry(detail.caseType) || detail.status === CaseStatus.Closed) return;
    if (detail.courtCode !== actor.courtCode) return;
    await this.unitOfWork.run(async (tx) => {
      const made = await this.controls.insertCase(
        tx.manager,
        {
          caseId: detail.id,
          caseNumber: detail.caseNumber,
          courtCode: detail.courtCode,
          claimFen: detail.claimAmountFen,
          costsFen: executionFeeFen(detail.claimAmountFen),
        },
        this.clock.now(),
      );
      if (!made) return;
      await this.controls.countKeptReceipts(tx.manager, detail.id);
      await tx.audit({
        action: 'asset.control.case-backfill',
        entityType: 'control_case',
        entityId: detail.id,
        courtCode: detail.courtCode,
        after: { caseNumber: detail.caseNumber, claimFen: detail.claimAmountFen, source: Subjects.Cases.Get },
        actor,
      });
    });
  }
}
