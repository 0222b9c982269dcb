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
  /** 已结案 */
  Closed = 'CLOSED',
}

/** The kinds of outside agency asked about a debtor's property (总对总 categories). */
export enum AgencyKind {
  BankDeposit = 'BANK_DEPOSIT',
  WealthProduct = 'WEALTH_PRODUCT',
  OnlinePayment = 'ONLINE_PAYMENT',
  Securities = 'SECURITIES',
  RealEstate = 'REAL_ESTATE',
  Vehicle = 'VEHICLE',
  BusinessRegistration = 'BUSINESS_REGISTRATION',
  ExitEntry = 'EXIT_ENTRY',
  Marriage = 'MARRIAGE',
}

export const ALL_AGENCY_KINDS: readonly AgencyKind[] = Object.values(AgencyKind);

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
