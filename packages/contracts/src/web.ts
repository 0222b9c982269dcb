/**
 * The decorator-free entry for the web UI: enums, types, validators and formatting. Nothing here pulls
 * class-validator or reflect-metadata into the browser.
 */
export * from './enums.js';
export * from './flow-node-limits.js';
export * from './errors.js';
export * from './time.js';
export * from './ids.js';
export * from './money.js';
export type * from './envelope.js';
export type * from './messages/cases/case-views.js';
export type { ListCasesReply } from './messages/cases/list-cases.v1.js';
export type {
  ConsumptionRestrictionDetails,
  DetentionDetails,
  DishonestListingDetails,
  ExecutionNoticeDetails,
  ExitRestrictionDetails,
  FineDetails,
  ListMeasuresReply,
  MeasureApprovalView,
  MeasureDetails,
  MeasureDetailsByKind,
  MeasureView,
  PersonRef,
  RefusalReferralDetails,
  RewardNoticeDetails,
} from './messages/cases/measures.v1.js';
export type { ApprovalView, ListApprovalsReply } from './messages/cases/approvals.v1.js';
export type { GetMetricsReply, CourtMetricsView, RateView, TargetView } from './messages/cases/metrics.v1.js';
export type { GetFindingsReply, InquiryView, FoundAssetView } from './messages/assets/get-findings.v1.js';
export type { ControlView } from './messages/assets/control-order.v1.js';
export type {
  ControlApprovalAction,
  ControlApprovalView,
  ListControlApprovalsReply,
  PendingControlApprovalView,
} from './messages/assets/control-approval.v1.js';
export type {
  CaseControlsView,
  ExpiringControlView,
  ExpiringControlsView,
  ScanControlsReply,
} from './messages/assets/control-query.v1.js';
export type { LeadView, ListLeadsReply } from './messages/assets/lead.v1.js';
export type {
  GetResearchReply,
  ResearchRoundView,
  ResearchScheduleView,
  ScanResearchReply,
} from './messages/assets/research.v1.js';
export type {
  InquiryIndicatorView,
  InquiryReportView,
  LateInquiryStartView,
  ReportAnsweredView,
  ReportFailedView,
  ReportPendingView,
  RespondentReportView,
  ResendInquiriesReply,
} from './messages/assets/inquiry-report.v1.js';
export type { AgencyKindView, ListAgencyKindsReply } from './messages/assets/agency-catalog.v1.js';
export type * from './http/auth-views.js';
export type { IntakeRefusalView } from './messages/cases/refuse-application.v1.js';
export type {
  ActivityView,
  AssignmentView,
  CaseLinkView,
  CaseTimelineView,
  ChecklistItemView,
  ClosureView,
  EntrustmentView,
  FlowNodeView,
  ListEntrustmentsReply,
  StatutoryPeriodView,
  TerminationChecklistView,
} from './messages/cases/case-life.v1.js';
export type { AlertView, ListAlertsReply, ScanAlertsReply } from './messages/cases/alerts.v1.js';
export type { CourtSettingsView } from './messages/cases/court-settings.v1.js';
export { executionFeeFen } from './execution-fee.js';
export type { CaseAccountView, CaseMoneyView, PartyCaseMoneyView } from './messages/ledger/balance.v1.js';
export type { ReceiptView, ReceiptSource } from './messages/ledger/receipt.v1.js';
export type {
  JournalEntryView,
  JournalTransactionView,
  ListJournalReply,
} from './messages/ledger/journal.v1.js';
export type {
  DeadlineStateName,
  ListPayoutsReply,
  PayoutDeadlineView,
  PayoutDeadlinesReply,
  PayoutStatusName,
  PayoutView,
} from './messages/ledger/payout.v1.js';
export type {
  ClaimRankName,
  DistributionAllocationView,
  DistributionObjectionView,
  DistributionPlanView,
} from './messages/ledger/distribution.v1.js';
export type {
  DedicatedEntryView,
  ImportBankStatementReply,
  ReconciliationView,
  StatementLineView,
} from './messages/ledger/reconciliation.v1.js';
export type { CaseRecoveryView, RecoveryView } from './messages/ledger/recovery.v1.js';
export type {
  LedgerCaseHit,
  ListSuspenseReply,
  SearchLedgerCasesReply,
  SuspenseReceiptView,
} from './messages/ledger/suspense.v1.js';
export type {
  DepositStatusName,
  DepositView,
  ForfeitApplicationView,
  ListDepositsReply,
} from './messages/ledger/deposit.v1.js';
