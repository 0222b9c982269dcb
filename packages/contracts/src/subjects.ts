import type { AgencyKind } from './enums.js';
import type { AssetInquiryCompletedV1 } from './events/asset-inquiry-completed.v1.js';
import type { CaseRegisteredV1 } from './events/case-registered.v1.js';
import type {
  AgencyInquiryReply,
  AgencyInquiryRequest,
  SandboxConfigureRequest,
} from './messages/agency/inquire.v1.js';
import type { GetFindingsQuery, GetFindingsReply } from './messages/assets/get-findings.v1.js';
import type { GetCaseQuery, GetCaseReply } from './messages/cases/get-case.v1.js';
import type { ListCasesQuery, ListCasesReply } from './messages/cases/list-cases.v1.js';
import type { RegisterCaseCommand, RegisterCaseReply } from './messages/cases/register-case.v1.js';
import type { PingReply } from './messages/health/ping.v1.js';

/** The bus prefix of each service: subjects read `<prefix>.<noun>.<verb>`. */
export const ServicePrefix = {
  CaseIntake: 'cases',
  AssetControl: 'assets',
  Auction: 'auction',
  FundLedger: 'ledger',
  Petitions: 'petitions',
  AgencySandbox: 'agency',
} as const;
export type ServicePrefix = (typeof ServicePrefix)[keyof typeof ServicePrefix];

export type AgencyInquireSubject = `agency.${Lowercase<AgencyKind>}.inquire`;
export type PingSubject = `${ServicePrefix}.health.ping`;

/** Command and query subjects (request/reply). */
export const Subjects = {
  Cases: {
    Register: 'cases.case.register',
    Get: 'cases.case.get',
    List: 'cases.case.list',
  },
  Assets: {
    GetFindings: 'assets.findings.get',
  },
  Agency: {
    Configure: 'agency.sandbox.configure',
  },
} as const;

export function agencyInquireSubject(kind: AgencyKind): AgencyInquireSubject {
  return `agency.${kind.toLowerCase() as Lowercase<AgencyKind>}.inquire`;
}

export function pingSubject(prefix: ServicePrefix): PingSubject {
  return `${prefix}.health.ping`;
}

/** Subject → request and reply types, so `bus.request(subject, body)` knows both. */
export interface RpcContract {
  'cases.case.register': { request: RegisterCaseCommand; reply: RegisterCaseReply };
  'cases.case.get': { request: GetCaseQuery; reply: GetCaseReply };
  'cases.case.list': { request: ListCasesQuery; reply: ListCasesReply };
  'assets.findings.get': { request: GetFindingsQuery; reply: GetFindingsReply };
  'agency.sandbox.configure': { request: SandboxConfigureRequest; reply: Required<SandboxConfigureRequest> };
}

export type RpcSubject = keyof RpcContract | AgencyInquireSubject | PingSubject;
export type RequestOf<S extends RpcSubject> = S extends keyof RpcContract
  ? RpcContract[S]['request']
  : S extends AgencyInquireSubject
    ? AgencyInquiryRequest
    : Record<string, never>;
export type ReplyOf<S extends RpcSubject> = S extends keyof RpcContract
  ? RpcContract[S]['reply']
  : S extends AgencyInquireSubject
    ? AgencyInquiryReply
    : PingReply;

/** Event types: facts in the past tense, published on JetStream under their own prefix. */
export const Events = {
  CaseRegistered: 'case.registered',
  AssetInquiryCompleted: 'asset.inquiry.completed',
} as const;

/** Event type → payload, and the schema version each is published at. */
export interface EventContract {
  'case.registered': CaseRegisteredV1;
  'asset.inquiry.completed': AssetInquiryCompletedV1;
}
export type EventType = keyof EventContract;

export const EventVersions: Record<EventType, number> = {
  'case.registered': 1,
  'asset.inquiry.completed': 1,
};
