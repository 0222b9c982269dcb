import { IsEnum, IsString, Length } from 'class-validator';
import { AssetClass, PartyKind, type AgencyKind, type AssetValueKind } from '../../enums.js';
import { IsAgencyKindCode } from '../../validation/decorators.js';
import type { Fen } from '../../money.js';

/**
 * `agency.<kind>.inquire` v1 — asset-control asks one outside agency (through the 总对总 network, or
 * the sandbox standing in for it) what a person or organisation holds. One subject per agency kind
 * (national or provincial, from asset-control's catalog); a responder may serve them all with
 * `agency.*.inquire`.
 */
export class AgencyInquiryRequest {
  /** the inquiry's own id, so an agency can answer a repeated request the same way */
  @IsString()
  @Length(1, 100)
  inquiryId!: string;

  @IsAgencyKindCode()
  kind!: AgencyKind;

  /** what the law treats the kind's records as, from the catalog */
  @IsEnum(AssetClass)
  assetClass!: AssetClass;

  @IsEnum(PartyKind)
  subjectKind!: PartyKind;

  @IsString()
  @Length(18, 18)
  subjectIdNumber!: string;

  @IsString()
  @Length(1, 100)
  subjectName!: string;

  /** the asking court's case number, printed on the agency's record of the inquiry */
  @IsString()
  @Length(1, 60)
  caseNumber!: string;
}

/** One item an agency reports. */
export interface AgencyFinding {
  holder: string;
  identifier: string;
  description: string;
  valueKind: AssetValueKind;
  amountFen: Fen;
}

export interface AgencyInquiryReply {
  inquiryId: string;
  kind: AgencyKind;
  answeredAt: string;
  findings: AgencyFinding[];
}

/** `agency.sandbox.configure` v1 — tests and demos set the sandbox's latency and fault rates. */
export interface SandboxConfigureRequest {
  latencyMs?: number;
  failureRate?: number;
  timeoutRate?: number;
}
