import type { AgencyKind, AssetValueKind, InquiryStatus, LinkedRole, PartyKind } from '@writ/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** bigint columns hold fen; pg returns them as strings, we hand out numbers (safe up to MAX_FEN). */
export const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** 查控批次: the inquiry of one case as a whole. */
@Entity({ name: 'inquiry_batch' })
export class InquiryBatchRecord {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'case_number' })
  caseNumber!: string;

  @Column('text', { name: 'case_type' })
  caseType!: string;

  @Column('text', { name: 'court_code' })
  courtCode!: string;

  /** the registration's correlation id, so every inquiry can be followed back to the 立案 */
  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  /** 立案日期, YYYY-MM-DD: the day the inquiry should have gone out (立案当日启动财产查控) */
  @Column('date', { name: 'filing_date' })
  filingDate!: string;

  /** the completion last announced by `asset.inquiry.completed`, so a re-send announces only a change */
  @Column('jsonb', { name: 'announced_summary', nullable: true })
  announcedSummary!: unknown;
}

/** 网络查询: one agency kind asked about one respondent. */
@Entity({ name: 'asset_inquiry' })
export class AssetInquiryRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  kind!: AgencyKind;

  /** 0 for the inquiry at registration, 1… for the re-searches after 终本 */
  @Column('int', { default: 0 })
  round!: number;

  @Column('int', { name: 'respondent_position' })
  respondentPosition!: number;

  @Column('text', { name: 'respondent_kind' })
  respondentKind!: PartyKind;

  @Column('text', { name: 'respondent_name' })
  respondentName!: string;

  @Column('text', { name: 'respondent_id_number' })
  respondentIdNumber!: string;

  /** a person asked about because of the organisation respondent at this place (its 法定代表人) */
  @Column('int', { name: 'linked_to', nullable: true })
  linkedTo!: number | null;

  @Column('text', { name: 'linked_role', nullable: true })
  linkedRole!: LinkedRole | null;

  @Column('text')
  status!: InquiryStatus;

  @Column('int')
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** a dispatcher's lease: until then no other replica sends this inquiry */
  @Column('timestamptz', { name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  @Column('uuid', { name: 'claim_token', nullable: true })
  claimToken!: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** when it first went out to the agency */
  @Column('timestamptz', { name: 'first_sent_at', nullable: true })
  firstSentAt!: Date | null;

  /** how often an officer sent it again after it had failed */
  @Column('int', { default: 0 })
  resent!: number;
}

/** 查询到的财产: one item an agency reported. */
@Entity({ name: 'found_asset' })
export class FoundAssetRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'inquiry_id' })
  inquiryId!: string;

  @Column('int')
  position!: number;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  kind!: AgencyKind;

  @Column('int', { default: 0 })
  round!: number;

  @Column('int', { name: 'respondent_position' })
  respondentPosition!: number;

  @Column('text', { name: 'respondent_id_number' })
  respondentIdNumber!: string;

  @Column('text')
  holder!: string;

  @Column('text')
  identifier!: string;

  @Column('text')
  description!: string;

  @Column('text', { name: 'value_kind' })
  valueKind!: AssetValueKind;

  @Column('bigint', { name: 'amount_fen', transformer: bigintAsNumber })
  amountFen!: number;

  @Column('timestamptz', { name: 'found_at' })
  foundAt!: Date;
}
