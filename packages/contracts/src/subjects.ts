import type { AgencyKind } from './enums.js';
import type { AssetInquiryCompletedV1 } from './events/asset-inquiry-completed.v1.js';
import type { AssetControlAppliedV1 } from './events/asset-control-applied.v1.js';
import type { AssetControlReleasedV1 } from './events/asset-control-released.v1.js';
import type { AssetDeductedV1 } from './events/asset-deducted.v1.js';
import type { AssetPropertyFoundAfterClosureV1 } from './events/asset-property-found-after-closure.v1.js';
import type { AuctionLotSoldV1 } from './events/auction-lot-sold.v1.js';
import type { AuctionProceedsPaidV1 } from './events/auction-proceeds-paid.v1.js';
import type { CaseAlertRaisedV1 } from './events/case-alert-raised.v1.js';
import type { CaseClosedV1 } from './events/case-closed.v1.js';
import type { CaseMeasureChangedV1 } from './events/case-measure-changed.v1.js';
import type { CaseObjectionDecidedV1, CaseObjectionFiledV1 } from './events/case-objection.v1.js';
import type { CaseRegisteredV1 } from './events/case-registered.v1.js';
import type { CaseSuspendedV1 } from './events/case-suspended.v1.js';
import type { CaseSuspensionLiftedV1 } from './events/case-suspension-lifted.v1.js';
import type { AssetPropertyHandedToAuctionV1 } from './events/asset-property-handed-to-auction.v1.js';
import type { LedgerClaimFullyPaidV1 } from './events/ledger-claim-fully-paid.v1.js';
import type { LedgerMoneyPaidOutV1 } from './events/ledger-money-paid-out.v1.js';
import type { LedgerMoneyReceivedV1 } from './events/ledger-money-received.v1.js';
import type { LedgerMoneyReversedV1 } from './events/ledger-money-reversed.v1.js';
import type { LedgerPayoutDueSoonV1 } from './events/ledger-payout-due-soon.v1.js';
import type {
  AgencyInquiryReply,
  AgencyInquiryRequest,
  SandboxConfigureRequest,
} from './messages/agency/inquire.v1.js';
import type { GetFindingsQuery, GetFindingsReply } from './messages/assets/get-findings.v1.js';
import type {
  AgencyKindView,
  ListAgencyKindsQuery,
  ListAgencyKindsReply,
  PutAgencyKindCommand,
} from './messages/assets/agency-catalog.v1.js';
import type {
  AgencyControlReply,
  AgencyControlRequest,
  SandboxReleaseHoldReply,
  SandboxReleaseHoldRequest,
} from './messages/agency/control.v1.js';
import type { ControlView, OrderControlCommand } from './messages/assets/control-order.v1.js';
import type { ReleaseControlCommand, RenewControlCommand } from './messages/assets/control-change.v1.js';
import type {
  ControlApprovalView,
  DecideControlApprovalCommand,
  ListControlApprovalsQuery,
  ListControlApprovalsReply,
} from './messages/assets/control-approval.v1.js';
import type { HandControlToAuctionCommand } from './messages/assets/control-hand-over.v1.js';
import type {
  CaseControlsView,
  ExpiringControlsView,
  ListControlsQuery,
  ListExpiringControlsQuery,
  ScanControlsCommand,
  ScanControlsReply,
} from './messages/assets/control-query.v1.js';
import type {
  GetInquiryIndicatorQuery,
  GetInquiryReportQuery,
  InquiryIndicatorView,
  InquiryReportView,
  ResendInquiriesCommand,
  ResendInquiriesReply,
} from './messages/assets/inquiry-report.v1.js';
import type {
  CheckLeadCommand,
  LeadView,
  ListLeadsQuery,
  ListLeadsReply,
  ListOverdueLeadsQuery,
  RecordLeadCommand,
} from './messages/assets/lead.v1.js';
import type {
  GetResearchQuery,
  GetResearchReply,
  ScanResearchCommand,
  ScanResearchReply,
} from './messages/assets/research.v1.js';
import type {
  ListAlertsQuery,
  ListAlertsReply,
  ScanAlertsCommand,
  ScanAlertsReply,
} from './messages/cases/alerts.v1.js';
import type {
  AcceptEntrustmentCommand,
  CaseTimelineView,
  CloseCaseCommand,
  DecideObjectionCommand,
  EntrustCaseCommand,
  EntrustmentView,
  GetTerminationChecklistQuery,
  GetTimelineQuery,
  LiftSuspensionCommand,
  ListEntrustmentsQuery,
  ListEntrustmentsReply,
  ReassignCaseCommand,
  RecordActivityCommand,
  RequestExtensionCommand,
  ResumeCaseCommand,
  SuspendCaseCommand,
  TerminationChecklistView,
  TransferToBankruptcyCommand,
} from './messages/cases/case-life.v1.js';
import type { CaseDetail } from './messages/cases/case-views.js';
import type {
  CourtSettingsView,
  GetCourtSettingsQuery,
  PutCourtSettingsCommand,
} from './messages/cases/court-settings.v1.js';
import type { FileObjectionCommand } from './messages/cases/file-objection.v1.js';
import type { GetCaseQuery, GetCaseReply } from './messages/cases/get-case.v1.js';
import type { IntakeRefusalView, RefuseApplicationCommand } from './messages/cases/refuse-application.v1.js';
import type { ListCasesQuery, ListCasesReply } from './messages/cases/list-cases.v1.js';
import type { GetMetricsQuery, GetMetricsReply } from './messages/cases/metrics.v1.js';
import type { RegisterCaseCommand, RegisterCaseReply } from './messages/cases/register-case.v1.js';
import type {
  DecideMeasureCommand,
  DecideMeasureReply,
  LiftMeasureCommand,
  LiftMeasureReply,
  ListMeasuresQuery,
  ListMeasuresReply,
} from './messages/cases/measures.v1.js';
import type {
  DecideApprovalCommand,
  DecideApprovalReply,
  ListApprovalsQuery,
  ListApprovalsReply,
} from './messages/cases/approvals.v1.js';
import type { PingReply } from './messages/health/ping.v1.js';
import type {
  AccountBalanceView,
  CaseMoneyView,
  PartyCaseMoneyView,
  GetAccountBalanceQuery,
  GetCaseMoneyQuery,
} from './messages/ledger/balance.v1.js';
import type {
  JournalTransactionView,
  ListJournalQuery,
  ListJournalReply,
  ReverseTransactionCommand,
  SealJournalCommand,
  SealJournalReply,
  VerifyJournalCommand,
  VerifyJournalReply,
} from './messages/ledger/journal.v1.js';
import type {
  MatchSuspenseCommand,
  ReceiptView,
  RecordReceiptCommand,
} from './messages/ledger/receipt.v1.js';
import type {
  ConfirmPayoutCommand,
  DecidePayoutCommand,
  ListOverduePayoutsQuery,
  ListPayoutDeadlinesQuery,
  ListPayoutsQuery,
  ListPayoutsReply,
  PayoutDeadlinesReply,
  PayoutView,
  RequestPayoutCommand,
  ScanPayoutDeadlinesCommand,
  ScanPayoutDeadlinesReply,
} from './messages/ledger/payout.v1.js';
import type {
  DecideDistributionObjectionCommand,
  DistributionPlanView,
  GetDistributionQuery,
  ObjectToDistributionCommand,
  ProposeDistributionCommand,
} from './messages/ledger/distribution.v1.js';
import type {
  ApplyForfeitedDepositCommand,
  DepositView,
  ForfeitApplicationView,
  ForfeitDepositCommand,
  HoldDepositCommand,
  ListDepositsReply,
  ListLotDepositsQuery,
  ListOverdueRefundsQuery,
  RefundDepositCommand,
  SettleLotDepositsCommand,
} from './messages/ledger/deposit.v1.js';
import type {
  GetReconciliationQuery,
  ImportBankStatementCommand,
  ImportBankStatementReply,
  ReconciliationView,
} from './messages/ledger/reconciliation.v1.js';
import type { GetRecoveryQuery, RecoveryView } from './messages/ledger/recovery.v1.js';
import type {
  ListSuspenseQuery,
  ListSuspenseReply,
  SearchLedgerCasesQuery,
  SearchLedgerCasesReply,
} from './messages/ledger/suspense.v1.js';

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
export type AgencyControlSubject = `agency.${Lowercase<AgencyKind>}.control`;
export type PingSubject = `${ServicePrefix}.health.ping`;

/** Command and query subjects (request/reply). */
export const Subjects = {
  Cases: {
    Register: 'cases.case.register',
    Get: 'cases.case.get',
    List: 'cases.case.list',
    DecideMeasure: 'cases.measure.decide',
    LiftMeasure: 'cases.measure.lift',
    ListMeasures: 'cases.measure.list',
    ListApprovals: 'cases.approval.list',
    DecideApproval: 'cases.approval.decide',
    GetMetrics: 'cases.metrics.get',
    RefuseApplication: 'cases.application.refuse',
    Timeline: 'cases.case.timeline',
    RecordActivity: 'cases.activity.record',
    Reassign: 'cases.case.reassign',
    Suspend: 'cases.case.suspend',
    LiftSuspension: 'cases.case.lift-suspension',
    TransferToBankruptcy: 'cases.case.transfer-to-bankruptcy',
    RequestExtension: 'cases.case.request-extension',
    TerminationChecklist: 'cases.closure.checklist',
    Close: 'cases.case.close',
    Resume: 'cases.case.resume',
    FileObjection: 'cases.objection.file',
    DecideObjection: 'cases.objection.decide',
    Entrust: 'cases.case.entrust',
    AcceptEntrustment: 'cases.entrustment.accept',
    ListEntrustments: 'cases.entrustment.list',
    ListAlerts: 'cases.alert.list',
    ScanAlerts: 'cases.alert.scan',
    GetSettings: 'cases.settings.get',
    PutSettings: 'cases.settings.put',
  },
  Assets: {
    GetFindings: 'assets.findings.get',
    OrderControl: 'assets.control.order',
    RenewControl: 'assets.control.renew',
    ReleaseControl: 'assets.control.release',
    ListControls: 'assets.control.list',
    ExpiringControls: 'assets.control.expiring',
    ScanControls: 'assets.control.scan-lapses',
    HandToAuction: 'assets.control.hand-to-auction',
    ListControlApprovals: 'assets.control-approval.list',
    DecideControlApproval: 'assets.control-approval.decide',
    RecordLead: 'assets.lead.record',
    CheckLead: 'assets.lead.check',
    ListLeads: 'assets.lead.list',
    OverdueLeads: 'assets.lead.overdue',
    ResendInquiries: 'assets.inquiry.resend',
    InquiryReport: 'assets.inquiry.report',
    InquiryIndicator: 'assets.inquiry.indicator',
    ScanResearch: 'assets.research.scan',
    GetResearch: 'assets.research.get',
    ListAgencyKinds: 'assets.agency-kinds.list',
    PutAgencyKind: 'assets.agency-kinds.put',
  },
  Ledger: {
    RecordReceipt: 'ledger.receipt.record',
    MatchSuspense: 'ledger.suspense.match',
    ReverseTransaction: 'ledger.transaction.reverse',
    AccountBalance: 'ledger.account.balance',
    CaseSummary: 'ledger.case.summary',
    ListJournal: 'ledger.journal.list',
    VerifyJournal: 'ledger.journal.verify',
    SealJournal: 'ledger.journal.seal',
    RequestPayout: 'ledger.payout.request',
    DecidePayout: 'ledger.payout.decide',
    ConfirmPayout: 'ledger.payout.confirm',
    ListPayouts: 'ledger.payout.list',
    PayoutDeadlines: 'ledger.payout.deadlines',
    OverduePayouts: 'ledger.payout.overdue',
    ScanPayoutDeadlines: 'ledger.payout.scan',
    ProposeDistribution: 'ledger.distribution.propose',
    ObjectToDistribution: 'ledger.distribution.object',
    DecideDistributionObjection: 'ledger.distribution.decide-objection',
    GetDistribution: 'ledger.distribution.get',
    HoldDeposit: 'ledger.deposit.hold',
    SettleLotDeposits: 'ledger.deposit.settle',
    RefundDeposit: 'ledger.deposit.refund',
    ForfeitDeposit: 'ledger.deposit.forfeit',
    ApplyForfeitedDeposit: 'ledger.deposit.apply-forfeited',
    ListLotDeposits: 'ledger.deposit.list',
    OverdueRefunds: 'ledger.deposit.overdue',
    ImportBankStatement: 'ledger.reconciliation.import',
    GetReconciliation: 'ledger.reconciliation.get',
    GetRecovery: 'ledger.recovery.get',
    ListSuspense: 'ledger.suspense.list',
    SearchCases: 'ledger.case.search',
  },
  Agency: {
    Configure: 'agency.sandbox.configure',
    ReleaseHold: 'agency.sandbox.release-hold',
  },
} as const;

/** What a responder serving every agency kind subscribes to (NATS wildcards). */
export const AGENCY_INQUIRE_ANY = 'agency.*.inquire';
export const AGENCY_CONTROL_ANY = 'agency.*.control';

/** `agency.<kind>.inquire`: the inquiries to one agency kind, national or provincial. */
export function agencyInquireSubject(kind: AgencyKind): AgencyInquireSubject {
  return `agency.${kind.toLowerCase() as Lowercase<AgencyKind>}.inquire`;
}

/** `agency.<kind>.control`: the control orders of one agency kind. */
export function agencyControlSubject(kind: AgencyKind): AgencyControlSubject {
  return `agency.${kind.toLowerCase() as Lowercase<AgencyKind>}.control`;
}

export function pingSubject(prefix: ServicePrefix): PingSubject {
  return `${prefix}.health.ping`;
}

/** Subject → request and reply types, so `bus.request(subject, body)` knows both. */
export interface RpcContract {
  'cases.case.register': { request: RegisterCaseCommand; reply: RegisterCaseReply };
  'cases.case.get': { request: GetCaseQuery; reply: GetCaseReply };
  'cases.case.list': { request: ListCasesQuery; reply: ListCasesReply };
  'cases.measure.decide': { request: DecideMeasureCommand; reply: DecideMeasureReply };
  'cases.measure.lift': { request: LiftMeasureCommand; reply: LiftMeasureReply };
  'cases.measure.list': { request: ListMeasuresQuery; reply: ListMeasuresReply };
  'cases.approval.list': { request: ListApprovalsQuery; reply: ListApprovalsReply };
  'cases.approval.decide': { request: DecideApprovalCommand; reply: DecideApprovalReply };
  'cases.metrics.get': { request: GetMetricsQuery; reply: GetMetricsReply };
  'cases.application.refuse': { request: RefuseApplicationCommand; reply: IntakeRefusalView };
  'cases.case.timeline': { request: GetTimelineQuery; reply: CaseTimelineView };
  'cases.activity.record': { request: RecordActivityCommand; reply: CaseTimelineView };
  'cases.case.reassign': { request: ReassignCaseCommand; reply: CaseTimelineView };
  'cases.case.suspend': { request: SuspendCaseCommand; reply: CaseTimelineView };
  'cases.case.lift-suspension': { request: LiftSuspensionCommand; reply: CaseTimelineView };
  'cases.case.transfer-to-bankruptcy': { request: TransferToBankruptcyCommand; reply: CaseTimelineView };
  'cases.case.request-extension': { request: RequestExtensionCommand; reply: CaseTimelineView };
  'cases.closure.checklist': { request: GetTerminationChecklistQuery; reply: TerminationChecklistView };
  'cases.case.close': { request: CloseCaseCommand; reply: CaseTimelineView };
  'cases.case.resume': { request: ResumeCaseCommand; reply: CaseDetail };
  'cases.objection.file': { request: FileObjectionCommand; reply: CaseDetail };
  'cases.objection.decide': { request: DecideObjectionCommand; reply: CaseTimelineView };
  'cases.case.entrust': { request: EntrustCaseCommand; reply: EntrustmentView };
  'cases.entrustment.accept': { request: AcceptEntrustmentCommand; reply: CaseDetail };
  'cases.entrustment.list': { request: ListEntrustmentsQuery; reply: ListEntrustmentsReply };
  'cases.alert.list': { request: ListAlertsQuery; reply: ListAlertsReply };
  'cases.alert.scan': { request: ScanAlertsCommand; reply: ScanAlertsReply };
  'cases.settings.get': { request: GetCourtSettingsQuery; reply: CourtSettingsView };
  'cases.settings.put': { request: PutCourtSettingsCommand; reply: CourtSettingsView };
  'assets.findings.get': { request: GetFindingsQuery; reply: GetFindingsReply };
  'assets.control.order': { request: OrderControlCommand; reply: ControlView };
  'assets.control.renew': { request: RenewControlCommand; reply: ControlView };
  'assets.control.release': { request: ReleaseControlCommand; reply: ControlView };
  'assets.control.list': { request: ListControlsQuery; reply: CaseControlsView };
  'assets.control.expiring': { request: ListExpiringControlsQuery; reply: ExpiringControlsView };
  'assets.control.scan-lapses': { request: ScanControlsCommand; reply: ScanControlsReply };
  'assets.control.hand-to-auction': { request: HandControlToAuctionCommand; reply: ControlView };
  'assets.control-approval.list': { request: ListControlApprovalsQuery; reply: ListControlApprovalsReply };
  'assets.control-approval.decide': { request: DecideControlApprovalCommand; reply: ControlApprovalView };
  'agency.sandbox.release-hold': { request: SandboxReleaseHoldRequest; reply: SandboxReleaseHoldReply };
  'assets.lead.record': { request: RecordLeadCommand; reply: LeadView };
  'assets.lead.check': { request: CheckLeadCommand; reply: LeadView };
  'assets.lead.list': { request: ListLeadsQuery; reply: ListLeadsReply };
  'assets.lead.overdue': { request: ListOverdueLeadsQuery; reply: ListLeadsReply };
  'assets.inquiry.resend': { request: ResendInquiriesCommand; reply: ResendInquiriesReply };
  'assets.inquiry.report': { request: GetInquiryReportQuery; reply: InquiryReportView };
  'assets.inquiry.indicator': { request: GetInquiryIndicatorQuery; reply: InquiryIndicatorView };
  'assets.research.scan': { request: ScanResearchCommand; reply: ScanResearchReply };
  'assets.research.get': { request: GetResearchQuery; reply: GetResearchReply };
  'assets.agency-kinds.list': { request: ListAgencyKindsQuery; reply: ListAgencyKindsReply };
  'assets.agency-kinds.put': { request: PutAgencyKindCommand; reply: AgencyKindView };
  'agency.sandbox.configure': { request: SandboxConfigureRequest; reply: Required<SandboxConfigureRequest> };
  'ledger.receipt.record': { request: RecordReceiptCommand; reply: ReceiptView };
  'ledger.suspense.match': { request: MatchSuspenseCommand; reply: ReceiptView };
  'ledger.transaction.reverse': { request: ReverseTransactionCommand; reply: JournalTransactionView };
  'ledger.account.balance': { request: GetAccountBalanceQuery; reply: AccountBalanceView };
  'ledger.case.summary': { request: GetCaseMoneyQuery; reply: CaseMoneyView | PartyCaseMoneyView };
  'ledger.journal.list': { request: ListJournalQuery; reply: ListJournalReply };
  'ledger.journal.verify': { request: VerifyJournalCommand; reply: VerifyJournalReply };
  'ledger.journal.seal': { request: SealJournalCommand; reply: SealJournalReply };
  'ledger.payout.request': { request: RequestPayoutCommand; reply: PayoutView };
  'ledger.payout.decide': { request: DecidePayoutCommand; reply: PayoutView };
  'ledger.payout.confirm': { request: ConfirmPayoutCommand; reply: PayoutView };
  'ledger.payout.list': { request: ListPayoutsQuery; reply: ListPayoutsReply };
  'ledger.payout.deadlines': { request: ListPayoutDeadlinesQuery; reply: PayoutDeadlinesReply };
  'ledger.payout.overdue': { request: ListOverduePayoutsQuery; reply: PayoutDeadlinesReply };
  'ledger.payout.scan': { request: ScanPayoutDeadlinesCommand; reply: ScanPayoutDeadlinesReply };
  'ledger.distribution.propose': { request: ProposeDistributionCommand; reply: DistributionPlanView };
  'ledger.distribution.object': { request: ObjectToDistributionCommand; reply: DistributionPlanView };
  'ledger.distribution.decide-objection': {
    request: DecideDistributionObjectionCommand;
    reply: DistributionPlanView;
  };
  'ledger.distribution.get': { request: GetDistributionQuery; reply: DistributionPlanView };
  'ledger.deposit.hold': { request: HoldDepositCommand; reply: DepositView };
  'ledger.deposit.settle': { request: SettleLotDepositsCommand; reply: ListDepositsReply };
  'ledger.deposit.refund': { request: RefundDepositCommand; reply: DepositView };
  'ledger.deposit.forfeit': { request: ForfeitDepositCommand; reply: DepositView };
  'ledger.deposit.apply-forfeited': { request: ApplyForfeitedDepositCommand; reply: ForfeitApplicationView };
  'ledger.deposit.list': { request: ListLotDepositsQuery; reply: ListDepositsReply };
  'ledger.deposit.overdue': { request: ListOverdueRefundsQuery; reply: ListDepositsReply };
  'ledger.reconciliation.import': { request: ImportBankStatementCommand; reply: ImportBankStatementReply };
  'ledger.reconciliation.get': { request: GetReconciliationQuery; reply: ReconciliationView };
  'ledger.recovery.get': { request: GetRecoveryQuery; reply: RecoveryView };
  'ledger.suspense.list': { request: ListSuspenseQuery; reply: ListSuspenseReply };
  'ledger.case.search': { request: SearchLedgerCasesQuery; reply: SearchLedgerCasesReply };
}

export type RpcSubject = keyof RpcContract | AgencyInquireSubject | AgencyControlSubject | PingSubject;
export type RequestOf<S extends RpcSubject> = S extends keyof RpcContract
  ? RpcContract[S]['request']
  : S extends AgencyInquireSubject
    ? AgencyInquiryRequest
    : S extends AgencyControlSubject
      ? AgencyControlRequest
      : Record<string, never>;
export type ReplyOf<S extends RpcSubject> = S extends keyof RpcContract
  ? RpcContract[S]['reply']
  : S extends AgencyInquireSubject
    ? AgencyInquiryReply
    : S extends AgencyControlSubject
      ? AgencyControlReply
      : PingReply;

/** Event types: facts in the past tense, published on JetStream under their own prefix. */
export const Events = {
  CaseRegistered: 'case.registered',
  CaseClosed: 'case.closed',
  CaseSuspended: 'case.suspended',
  CaseSuspensionLifted: 'case.suspension-lifted',
  CaseObjectionFiled: 'case.objection.filed',
  CaseObjectionDecided: 'case.objection.decided',
  CaseMeasureChanged: 'case.measure.changed',
  CaseAlertRaised: 'case.alert.raised',
  AssetInquiryCompleted: 'asset.inquiry.completed',
  AssetControlApplied: 'asset.control.applied',
  AssetControlReleased: 'asset.control.released',
  AssetDeducted: 'asset.deducted',
  AssetPropertyFoundAfterClosure: 'asset.property.found-after-closure',
  AssetPropertyHandedToAuction: 'asset.property.handed-to-auction',
  AuctionLotSold: 'auction.lot.sold',
  AuctionProceedsPaid: 'auction.proceeds.paid',
  LedgerMoneyReceived: 'ledger.money.received',
  LedgerMoneyReversed: 'ledger.money.reversed',
  LedgerMoneyPaidOut: 'ledger.money.paid-out',
  LedgerClaimFullyPaid: 'ledger.claim.fully-paid',
  LedgerPayoutDueSoon: 'ledger.payout.due-soon',
} as const;

/** Event type → payload, and the schema version each is published at. */
export interface EventContract {
  'case.registered': CaseRegisteredV1;
  'case.closed': CaseClosedV1;
  'case.suspended': CaseSuspendedV1;
  'case.suspension-lifted': CaseSuspensionLiftedV1;
  'case.objection.filed': CaseObjectionFiledV1;
  'case.objection.decided': CaseObjectionDecidedV1;
  'case.measure.changed': CaseMeasureChangedV1;
  'case.alert.raised': CaseAlertRaisedV1;
  'asset.inquiry.completed': AssetInquiryCompletedV1;
  'asset.control.applied': AssetControlAppliedV1;
  'asset.control.released': AssetControlReleasedV1;
  'asset.deducted': AssetDeductedV1;
  'asset.property.found-after-closure': AssetPropertyFoundAfterClosureV1;
  'asset.property.handed-to-auction': AssetPropertyHandedToAuctionV1;
  'auction.lot.sold': AuctionLotSoldV1;
  'auction.proceeds.paid': AuctionProceedsPaidV1;
  'ledger.money.received': LedgerMoneyReceivedV1;
  'ledger.money.reversed': LedgerMoneyReversedV1;
  'ledger.money.paid-out': LedgerMoneyPaidOutV1;
  'ledger.claim.fully-paid': LedgerClaimFullyPaidV1;
  'ledger.payout.due-soon': LedgerPayoutDueSoonV1;
}
export type EventType = keyof EventContract;

export const EventVersions: Record<EventType, number> = {
  'case.registered': 1,
  'case.closed': 1,
  'case.suspended': 1,
  'case.suspension-lifted': 1,
  'case.objection.filed': 1,
  'case.objection.decided': 1,
  'case.measure.changed': 1,
  'case.alert.raised': 1,
  'asset.inquiry.completed': 1,
  'asset.control.applied': 1,
  'asset.control.released': 1,
  'asset.deducted': 1,
  'asset.property.found-after-closure': 1,
  'asset.property.handed-to-auction': 1,
  'auction.lot.sold': 1,
  'auction.proceeds.paid': 1,
  'ledger.money.received': 1,
  'ledger.money.reversed': 1,
  'ledger.money.paid-out': 1,
  'ledger.claim.fully-paid': 1,
  'ledger.payout.due-soon': 1,
};
