import { Injectable } from '@nestjs/common';
import {
  agencyControlSubject,
  type AgencyControlAction,
  type AgencyControlReply,
  type Fen,
} from '@writ/contracts';
import { BusClient } from '@writ/platform';
import type { Control, ControlCase } from '../persistence/control.repository.js';
import { ControlConfig } from './control-config.js';

/** Sends one electronic control order to the agency holding the record, and waits for its answer. */
@Injectable()
export class ControlAgency {
  constructor(
    private readonly bus: BusClient,
    private readonly config: ControlConfig,
  ) {}

  send(
    control: Control,
    controlCase: Pick<ControlCase, 'caseNumber' | 'courtCode'>,
    action: AgencyControlAction,
    amountFen?: Fen,
    /** a follow-up order's id: the agency carries it out once, a repeat gets the first answer */
    actionId?: string,
  ): Promise<AgencyControlReply> {
    return this.bus.request(
      agencyControlSubject(control.agencyKind),
      {
        controlId: control.id,
        kind: control.agencyKind,
        assetClass: control.assetClass,
        action,
        ...(actionId !== undefined ? { actionId } : {}),
        subjectIdNumber: control.respondentIdNumber,
        identifier: control.identifier,
        ...(amountFen !== undefined ? { amountFen } : {}),
        caseNumber: controlCase.caseNumber,
        courtCode: controlCase.courtCode,
      },
      { timeoutMs: this.config.CONTROL_AGENCY_TIMEOUT_MS },
    );
  }
}
