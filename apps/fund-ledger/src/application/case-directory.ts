import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, Subjects, type Actor, type Clock } from '@writ/contracts';
import { BusClient, BusRequestError, CLOCK, UnitOfWork } from '@writ/platform';
import { LedgerCaseRepository, type LedgerCase } from '../persistence/ledger-case.repository.js';
import { caseNotFound } from './ledger-access.js';

/**
 * The cases the ledger knows: from `case.registered`, from `asset.deducted`, and — for a case filed
 * before the ledger listened — asked of case-intake (`cases.case.get`, as the actor, so another court's
 * case stays invisible) the first time money is recorded for it.
 */
@Injectable()
export class CaseDirectory {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: LedgerCaseRepository,
    private readonly bus: BusClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The case of a party's own court in which the party is named (applicant or respondent), or NOT_FOUND
   * exactly as for a missing case. Only what the ledger was told by `case.registered` (or a staff
   * look-up) counts: a party's account never makes the ledger ask case-intake.
   */
  async ofParty(caseId: string, actor: Actor): Promise<LedgerCase> {
    const known = await this.cases.find(this.unitOfWork.manager, caseId);
    const party = actor.partyIdNumber;
    if (!known || known.courtCode !== actor.courtCode || !party || !known.partyIdNumbers.includes(party)) {
      throw caseNotFound(caseId);
    }
    return known;
  }

  /** The case of the actor's court, or NOT_FOUND. */
  async ofCourt(caseId: string, actor: Actor): Promise<LedgerCase> {
    const known = await this.cases.find(this.unitOfWork.manager, caseId);
    if (known) {
      if (known.courtCode !== actor.courtCode) throw caseNotFound(caseId);
      return known;
    }
    let detail;
    try {
      detail = await this.bus.request(Subjects.Cases.Get, { caseId }, { actor });
    } catch (error) {
      if (error instanceof BusRequestError && error.wire.code === ErrorCode.NotFound)
        throw caseNotFound(caseId);
      throw error;
    }
    if (detail.courtCode !== actor.courtCode) throw caseNotFound(caseId);
    await this.unitOfWork.run(async (tx) => {
      await this.cases.remember(
        tx.manager,
        {
          caseId: detail.id,
          courtCode: detail.courtCode,
          caseNumber: detail.caseNumber,
          claimFen: detail.claimAmountFen,
          filedOn: detail.filingDate,
          // a party's own view may name fewer parties; then none are kept and a party is answered 404
          ...(detail.parties?.length ? { partyIdNumbers: detail.parties.map((p) => p.idNumber) } : {}),
        },
        this.clock.now(),
        Subjects.Cases.Get,
      );
    });
    return (await this.cases.find(this.unitOfWork.manager, caseId))!;
  }
}
