/**
 * Case type codes (案件类型代字) as written in the case number (关于人民法院案件案号的若干规定, 2016).
 */
export enum CaseType {
  /** 首次执行 */
  Execution = '执',
  /** 恢复执行 */
  Resumed = '执恢',
  /** 财产保全执行 */
  Preservation = '执保',
  /** 执行异议 */
  Objection = '执异',
  /** 执行复议 */
  Review = '执复',
  /** 执行监督 */
  Supervision = '执监',
  /** 执行协调 */
  Coordination = '执协',
  /** 其他执行 / 请示 */
  Other = '执他',
}

/** 执行实施 (implementation) or 执行审查 (review). */
export enum CaseClass {
  Implementation = 'IMPLEMENTATION',
  Review = 'REVIEW',
}

export const IMPLEMENTATION_CASE_TYPES: readonly CaseType[] = [
  CaseType.Execution,
  CaseType.Resumed,
  CaseType.Preservation,
];

export function caseClassOf(type: CaseType): CaseClass {
  return IMPLEMENTATION_CASE_TYPES.includes(type) ? CaseClass.Implementation : CaseClass.Review;
}

export enum PartyKind {
  /** 自然人, identified by 居民身份证 number */
  NaturalPerson = 'NATURAL_PERSON',
  /** 法人或其他组织, identified by 统一社会信用代码 */
  Organisation = 'ORGANISATION',
}

export enum PartyRole {
  /** 申请执行人 */
  Applicant = 'APPLICANT',
  /** 被执行人 */
  Respondent = 'RESPONDENT',
}

export enum CaseStatus {
  /** 已立案: registered, enforcement under way */
  Registered = 'REGISTERED',
  /** 中止执行 (incl. 执转破): the statutory period stops running */
  Suspended = 'SUSPENDED',
  /** 已结案 */
  Closed = 'CLOSED',
}

/** 结案方式 (DOMAIN.md §7). */
export enum ClosureType {
  /** 执行完毕 */
  FullyExecuted = 'FULLY_EXECUTED',
  /** 终结本次执行程序 (终本) */
  TerminatedThisRound = 'TERMINATED_THIS_ROUND',
  /** 终结执行 */
  Terminated = 'TERMINATED',
  /** 销案 */
  Withdrawn = 'WITHDRAWN',
  /** 不予执行 */
  NotEnforced = 'NOT_ENFORCED',
  /** 驳回申请 */
  Dismissed = 'DISMISSED',
}

/** How a 执行完毕 case was performed: the three kinds 实际执结率 counts (DOMAIN.md §12). */
export enum PerformanceMode {
  /** 强制执行到位 */
  Execution = 'EXECUTION',
  /** 自动履行 */
  Voluntary = 'VOLUNTARY',
  /** 执行和解履行完毕 */
  Settlement = 'SETTLEMENT',
}

/** 繁简分流 tracks. */
export enum Track {
  /** 快执 */
  Fast = 'FAST',
  /** 精执 */
  Ordinary = 'ORDINARY',
}

/** What the enforcement basis (执行依据) is: non-litigation cases run on a shorter period. */
export enum BasisKind {
  /** 判决、裁定、调解书 */
  Judgment = 'JUDGMENT',
  /** 仲裁裁决 */
  Arbitration = 'ARBITRATION',
  /** 公证债权文书 */
  Notarial = 'NOTARIAL',
  /** 非诉行政执行 — 3-month period (审限规定 2000 Art 5) */
  NonLitigation = 'NON_LITIGATION',
}

/** Why the court holds jurisdiction (执行工作规定 2020 Arts 9–10). */
export enum JurisdictionGround {
  /** 第一审人民法院 */
  FirstInstanceCourt = 'FIRST_INSTANCE_COURT',
  /** 被执行人住所地 */
  DebtorDomicile = 'DEBTOR_DOMICILE',
  /** 被执行的财产所在地 */
  PropertyLocation = 'PROPERTY_LOCATION',
  /** 指定执行 / 提级执行 */
  Designated = 'DESIGNATED',
  /** 受托执行 */
  Entrusted = 'ENTRUSTED',
}

/** The seed court's eleven flow nodes (流程节点, DOMAIN.md §3), in timeline order. */
export enum FlowNode {
  /** 执行立案 */
  Intake = 'INTAKE',
  /** 财产查询 */
  AssetInquiry = 'ASSET_INQUIRY',
  /** 财产控制与分析 */
  ControlAndAnalysis = 'CONTROL_AND_ANALYSIS',
  /** 司法处置 */
  Disposal = 'DISPOSAL',
  /** 案款管理 */
  Funds = 'FUNDS',
  /** 执行裁决 */
  Adjudication = 'ADJUDICATION',
  /** 执行送达辅助 */
  ServiceOfDocuments = 'SERVICE_OF_DOCUMENTS',
  /** 受托案件办理 */
  Entrusted = 'ENTRUSTED',
  /** 执行监督 */
  Supervision = 'SUPERVISION',
  /** 恢复执行管理 */
  Resumption = 'RESUMPTION',
  /** 执行结案管理 */
  Closure = 'CLOSURE',
}

export const FLOW_NODE_ORDER: readonly FlowNode[] = Object.values(FlowNode);

export enum FlowNodeState {
  /** the node does not apply to this case */
  NotApplicable = 'NOT_APPLICABLE',
  /** applies, not reached yet */
  Waiting = 'WAITING',
  Started = 'STARTED',
  Finished = 'FINISHED',
}

/** Why a case's period stops running (DOMAIN.md §2). */
export enum SuspensionReason {
  /** 中止执行 */
  Suspension = 'SUSPENSION',
  /** 执转破 */
  Bankruptcy = 'BANKRUPTCY',
  /** 评估 */
  Appraisal = 'APPRAISAL',
  /** 拍卖 */
  Auction = 'AUCTION',
  /** 执行和解后暂缓 */
  Settlement = 'SETTLEMENT',
}

/** Facts an officer records on a case, some of which the 终本 checklist asks for. */
export enum CaseActivityKind {
  /** 约谈申请执行人并告知 */
  ApplicantInterviewed = 'APPLICANT_INTERVIEWED',
  /** 被执行人下落不明时的查找 */
  DebtorSearched = 'DEBTOR_SEARCHED',
  /** 被执行人报告财产 */
  PropertyReported = 'PROPERTY_REPORTED',
  /** 现场调查 */
  OnSiteInvestigation = 'ON_SITE_INVESTIGATION',
  /** 财产调查穷尽, 未发现可供执行财产 */
  NoExecutablePropertyFound = 'NO_EXECUTABLE_PROPERTY_FOUND',
  /** 被执行人下落不明 */
  DebtorMissing = 'DEBTOR_MISSING',
}

/** 强制措施 and credit punishment (DOMAIN.md §9). */
export enum MeasureKind {
  /** 执行通知书 with 报告财产令, issued together */
  ExecutionNotice = 'EXECUTION_NOTICE',
  /** 限制消费令 */
  ConsumptionRestriction = 'CONSUMPTION_RESTRICTION',
  /** 纳入失信被执行人名单 */
  DishonestListing = 'DISHONEST_LISTING',
  /** 罚款 */
  Fine = 'FINE',
  /** 司法拘留 */
  Detention = 'DETENTION',
  /** 限制出境 */
  ExitRestriction = 'EXIT_RESTRICTION',
  /** 悬赏公告 */
  RewardNotice = 'REWARD_NOTICE',
  /** 移送拒执罪 */
  RefusalReferral = 'REFUSAL_REFERRAL',
}

export enum MeasureStatus {
  PendingApproval = 'PENDING_APPROVAL',
  InForce = 'IN_FORCE',
  Rejected = 'REJECTED',
  Lifted = 'LIFTED',
}

/** 失信 grounds (失信名单规定 2017 Art 1). */
export enum DishonestGround {
  /** 有履行能力而拒不履行 — no fixed term */
  AbleButRefuses = 'ABLE_BUT_REFUSES',
  /** 以伪造证据、暴力、威胁等方法妨碍、抗拒执行 */
  ObstructsExecution = 'OBSTRUCTS_EXECUTION',
  /** 以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行 */
  EvadesExecution = 'EVADES_EXECUTION',
  /** 违反财产报告制度 */
  BreaksReportDuty = 'BREAKS_REPORT_DUTY',
  /** 违反限制消费令 */
  BreaksConsumptionRestriction = 'BREAKS_CONSUMPTION_RESTRICTION',
  /** 无正当理由拒不履行执行和解协议 */
  BreaksSettlement = 'BREAKS_SETTLEMENT',
}

export enum ApprovalStatus {
  Pending = 'PENDING',
  Approved = 'APPROVED',
  Rejected = 'REJECTED',
}

/** Supervision alerts case-intake raises (DOMAIN.md §2, §3, §4, §9). */
export enum AlertKind {
  /** 超过六个月未结 */
  StatutoryPeriodExceeded = 'STATUTORY_PERIOD_EXCEEDED',
  /** 节点超期 */
  NodeOverdue = 'NODE_OVERDUE',
  /** 终本案件六个月复查 */
  ReinquiryDue = 'REINQUIRY_DUE',
  /** 措施应当解除/删除 */
  MeasureRemovalDue = 'MEASURE_REMOVAL_DUE',
  /** 案款即将超期: money of the case must be paid out by its deadline (fund-ledger's `ledger.payout.due-soon`) */
  PayoutDueSoon = 'PAYOUT_DUE_SOON',
}

export enum ObjectionDecision {
  /** 异议成立 */
  Upheld = 'UPHELD',
  /** 驳回异议 */
  Dismissed = 'DISMISSED',
}

export enum EntrustmentStatus {
  Pending = 'PENDING',
  Accepted = 'ACCEPTED',
}

/**
 * An agency kind (查控渠道): an open code, because which kinds exist is configuration — the national
 * 总对总 network's categories plus a province's own 点对点 sources (DOMAIN.md §4). asset-control keeps
 * the catalog (`assets.agency-kinds.list`); the codes below are the national ones, named so code and
 * tests can refer to them.
 */
export type AgencyKind = string;

/** The national 总对总 categories (DOMAIN.md §4: "16 categories / 25 items"), as codes. */
export const AgencyKind = {
  /** 银行存款 */
  BankDeposit: 'BANK_DEPOSIT',
  /** 理财产品 */
  WealthProduct: 'WEALTH_PRODUCT',
  /** 网络支付账户余额 (支付宝、微信支付) */
  OnlinePayment: 'ONLINE_PAYMENT',
  /** 证券 */
  Securities: 'SECURITIES',
  /** 不动产 */
  RealEstate: 'REAL_ESTATE',
  /** 车辆 */
  Vehicle: 'VEHICLE',
  /** 船舶 */
  Vessel: 'VESSEL',
  /** 工商登记 (股权) */
  BusinessRegistration: 'BUSINESS_REGISTRATION',
  /** 出入境证件 */
  ExitEntry: 'EXIT_ENTRY',
  /** 婚姻登记 */
  Marriage: 'MARRIAGE',
  /** 住房公积金 */
  HousingFund: 'HOUSING_FUND',
  /** 税务 */
  Tax: 'TAX',
  /** 社会保险 */
  SocialInsurance: 'SOCIAL_INSURANCE',
} as const;

/** The national codes, in the order the network lists them (reports sort known kinds this way). */
export const NATIONAL_AGENCY_KINDS: readonly AgencyKind[] = Object.values(AgencyKind);

/** An agency kind's code: upper-case letters, digits and underscores, 2–40 long, e.g. LN_PROVIDENT. */
export const AGENCY_KIND_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

export function isAgencyKindCode(value: unknown): value is AgencyKind {
  return typeof value === 'string' && AGENCY_KIND_CODE.test(value);
}

/**
 * What the law treats a record as, which decides the controls it takes and their longest term
 * (民诉解释 2022 Art 485: deposits 1 year, movables 2 years, real estate and other property rights 3).
 */
export enum AssetClass {
  /** 存款类: money in an account (bank deposits, online-payment balances, housing fund); 冻结、扣划; 12 months */
  Deposit = 'DEPOSIT',
  /** 其他财产权: wealth products, securities, equity; 冻结; 36 months */
  FinancialRight = 'FINANCIAL_RIGHT',
  /** 不动产: 查封; 36 months */
  RealEstate = 'REAL_ESTATE',
  /** 动产 (vehicles, vessels): 查封、扣押; 24 months */
  Movable = 'MOVABLE',
  /** 信息类: exit-entry, marriage, tax, social insurance — no control; findings are information */
  Information = 'INFORMATION',
}

/** The role of a person reached through an organisation respondent. */
export enum LinkedRole {
  /** 法定代表人 */
  LegalRepresentative = 'LEGAL_REPRESENTATIVE',
}

/** How far the inquiry of one agency kind about one respondent has gone. */
export enum InquiryStatus {
  Pending = 'PENDING',
  Answered = 'ANSWERED',
  Failed = 'FAILED',
}

/** A case's inquiry as a whole. */
export enum CaseInquiryStatus {
  NotStarted = 'NOT_STARTED',
  InProgress = 'IN_PROGRESS',
  Completed = 'COMPLETED',
}

/** Whether an asset's amount is a known balance or an estimate of value. */
export enum AssetValueKind {
  Balance = 'BALANCE',
  Estimate = 'ESTIMATE',
  None = 'NONE',
}

/** What kind of property an applicant's lead (财产线索) points to; OTHER for anything the network does not cover. */
export enum LeadKind {
  BankDeposit = 'BANK_DEPOSIT',
  WealthProduct = 'WEALTH_PRODUCT',
  OnlinePayment = 'ONLINE_PAYMENT',
  Securities = 'SECURITIES',
  RealEstate = 'REAL_ESTATE',
  Vehicle = 'VEHICLE',
  Equity = 'EQUITY',
  Receivable = 'RECEIVABLE',
  Other = 'OTHER',
}

/** What checking a lead came to (财产调查规定 Art 2). */
export enum LeadResult {
  Found = 'FOUND',
  NotFound = 'NOT_FOUND',
  NotVerifiable = 'NOT_VERIFIABLE',
}

/** Where a lead stands: waiting to be checked, or checked. */
export enum LeadStatus {
  Open = 'OPEN',
  Checked = 'CHECKED',
}

/** The 6-monthly re-search of a 终本 case: running, stopped by a resumption, or ended after 5 years. */
export enum ResearchStatus {
  Active = 'ACTIVE',
  Stopped = 'STOPPED',
  Ended = 'ENDED',
}

/** Who a user is at the court. */
export enum Role {
  /** 执行法官 */
  Judge = 'JUDGE',
  /** 执行员 */
  Officer = 'OFFICER',
  /** 书记员 / 法官助理 */
  Clerk = 'CLERK',
  /** 执行局长 */
  Director = 'DIRECTOR',
  /** 案款管理员 */
  FundManager = 'FUND_MANAGER',
  /** 信访接待 */
  PetitionDesk = 'PETITION_DESK',
  /** 院领导 */
  Leader = 'LEADER',
  /** 当事人 */
  Party = 'PARTY',
}

/** Roles allowed to register a case (立案). */
export const CASE_REGISTRAR_ROLES: readonly Role[] = [Role.Judge, Role.Officer, Role.Clerk, Role.Director];
/** Roles that read every case of their court. */
export const COURT_STAFF_ROLES: readonly Role[] = [
  Role.Judge,
  Role.Officer,
  Role.Clerk,
  Role.Director,
  Role.FundManager,
  Role.PetitionDesk,
  Role.Leader,
];

/** What an order to a holding agency does (DOMAIN.md §4): 冻结, 查封, 扣押, or 扣划 of frozen money. */
export enum ControlKind {
  Freeze = 'FREEZE',
  Seize = 'SEIZE',
  Distrain = 'DISTRAIN',
  Deduct = 'DEDUCT',
}

/** Where a control stands: in force only once the agency confirmed it (EFFECTIVE), or waiting in line (QUEUED). */
export enum ControlStatus {
  /** sent, no confirmation yet */
  Pending = 'PENDING',
  /** 轮候: another court holds the property first */
  Queued = 'QUEUED',
  Effective = 'EFFECTIVE',
  /** the agency refused (no such record, nothing to freeze) */
  Refused = 'REFUSED',
  /** the agency could not be reached; the same request key sends it again */
  Failed = 'FAILED',
  Released = 'RELEASED',
  /** the term ran out unrenewed */
  Lapsed = 'LAPSED',
  /** all the frozen money was deducted into the court's case account */
  Deducted = 'DEDUCTED',
}

/** Why a control ended. */
export enum ControlEndReason {
  /** 解除 by an officer's order */
  Released = 'RELEASED',
  /** released because the case was closed (结案) */
  CaseClosed = 'CASE_CLOSED',
  /** 到期未续: the term ended */
  Lapsed = 'LAPSED',
}
