import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** bigint columns hold fen; pg returns them as strings, we hand out numbers (safe up to MAX_FEN). */
export const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'enforcement_case' })
@Index('enforcement_case_sequence', ['courtCode', 'caseType', 'year', 'sequence'], { unique: true })
@Index('enforcement_case_request', ['courtCode', 'requestKey'], { unique: true })
export class CaseRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'court_code' })
  courtCode!: string;

  @Column('text', { name: 'case_type' })
  caseType!: string;

  @Column('int')
  year!: number;

  @Column('int')
  sequence!: number;

  @Column('text', { name: 'case_number', unique: true })
  caseNumber!: string;

  @Column('text')
  status!: string;

  @Column('bigint', { name: 'claim_amount_fen', transformer: bigintAsNumber })
  claimAmountFen!: number;

  @Column('text', { name: 'basis_document_number' })
  basisDocumentNumber!: string;

  @Column('text', { name: 'basis_issuing_court' })
  basisIssuingCourt!: string;

  @Column('date', { name: 'basis_effective_date' })
  basisEffectiveDate!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('date', { name: 'filing_date' })
  filingDate!: string;

  @Column('text', { name: 'registered_by' })
  registeredBy!: string;

  @Column('text', { name: 'request_key' })
  requestKey!: string;

  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('text', { name: 'basis_kind' })
  basisKind!: string;

  @Column('date', { name: 'performance_due_date', nullable: true })
  performanceDueDate!: string | null;

  @Column('date', { name: 'application_date' })
  applicationDate!: string;

  @Column('text', { name: 'jurisdiction_ground' })
  jurisdictionGround!: string;

  @Column('boolean', { name: 'limitation_expired' })
  limitationExpired!: boolean;

  @Column('boolean', { name: 'accepted_within_deadline' })
  acceptedWithinDeadline!: boolean;

  @Column('uuid', { name: 'related_case_id', nullable: true })
  relatedCaseId!: string | null;

  @Column('text', { name: 'entrusting_court_code', nullable: true })
  entrustingCourtCode!: string | null;

  @Column('text', { name: 'entrusting_case_number', nullable: true })
  entrustingCaseNumber!: string | null;
}

@Entity({ name: 'case_party' })
export class PartyRecord {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('int')
  position!: number;

  @Column('text')
  role!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  name!: string;

  @Index('case_party_id_number')
  @Column('text', { name: 'id_number' })
  idNumber!: string;

  /** an organisation's 法定代表人 */
  @Column('text', { name: 'legal_rep_name', nullable: true })
  legalRepName!: string | null;

  @Column('text', { name: 'legal_rep_id_number', nullable: true })
  legalRepIdNumber!: string | null;
}
