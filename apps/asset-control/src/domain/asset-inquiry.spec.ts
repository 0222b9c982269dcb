import {
  AgencyKind,
  LinkedRole,
  AssetValueKind,
  CaseType,
  CodedError,
  ErrorCode,
  InquiryStatus,
  PartyKind,
} from '@writ/contracts';
import {
  inquiryAnswered,
  inquiryAttemptFailed,
  needsAssetInquiry,
  newInquiryProgress,
  planInquiries,
  replyProblem,
} from './asset-inquiry.js';
import { NATIONAL_CATALOG } from './agency-catalog.js';
import { RetryPolicy } from './retry-policy.js';

const NOW = new Date('2026-03-02T01:00:00Z');
const policy = new RetryPolicy(3, 500, 10_000);
const agencyFailed = { code: ErrorCode.AgencyFailed, message: 'bank offline' };

describe('财产查控 inquiries of a case', () => {
  it('searches for property in 执行实施 cases only', () => {
    expect([CaseType.Execution, CaseType.Resumed, CaseType.Preservation].every(needsAssetInquiry)).toBe(true);
    expect(
      [CaseType.Objection, CaseType.Review, CaseType.Supervision, CaseType.Coordination, CaseType.Other].some(
        needsAssetInquiry,
      ),
    ).toBe(false);
  });

  const person = { kind: PartyKind.NaturalPerson, name: '张三', idNumber: '11010519491231002X' };
  const company = {
    kind: PartyKind.Organisation,
    name: '盘锦某某商贸有限公司',
    idNumber: '91350100M000100Y43',
  };
  const forPersons = NATIONAL_CATALOG.map((k) => k.code);
  const forOrganisations = NATIONAL_CATALOG.filter((k) => k.appliesTo.includes(PartyKind.Organisation)).map(
    (k) => k.code,
  );

  it('asks every agency kind that applies about every respondent, in the order of the case', () => {
    const plan = planInquiries([person, company], NATIONAL_CATALOG, '辽1104');
    expect(plan.map((p) => p.kind)).toEqual([...forPersons, ...forOrganisations]);
    expect(plan.map((p) => p.respondentPosition)).toEqual([
      ...forPersons.map(() => 0),
      ...forOrganisations.map(() => 1),
    ]);
    // marriage, exit-entry, housing fund and social insurance records exist for natural persons only
    expect(forOrganisations).not.toContain(AgencyKind.Marriage);
    expect(forOrganisations).not.toContain(AgencyKind.ExitEntry);
  });

  it('asks about an organisation’s legal representative through the kinds that reach linked persons', () => {
    const boss = { name: '李四', idNumber: '110105194912310029' };
    const plan = planInquiries([{ ...company, legalRepresentative: boss }], NATIONAL_CATALOG, '辽1104');
    const linked = plan.filter((p) => p.linkedTo);
    expect(linked).toEqual([
      {
        kind: AgencyKind.ExitEntry,
        respondent: { kind: PartyKind.NaturalPerson, ...boss },
        respondentPosition: 1,
        linkedTo: { position: 0, role: LinkedRole.LegalRepresentative },
      },
    ]);
  });

  it('asks once about a legal representative who is a respondent too', () => {
    const plan = planInquiries(
      [person, { ...company, legalRepresentative: { name: person.name, idNumber: person.idNumber } }],
      NATIONAL_CATALOG,
      '辽1104',
    );
    expect(plan.filter((p) => p.linkedTo)).toEqual([]);
  });

  it('keeps the places of the first inquiry in a re-search', () => {
    const plan = planInquiries(
      [
        {
          ...company,
          position: 2,
          legalRepresentative: { name: '李四', idNumber: '110105194912310029', position: 5 },
        },
      ],
      NATIONAL_CATALOG,
      '辽1104',
    );
    expect(new Set(plan.filter((p) => !p.linkedTo).map((p) => p.respondentPosition))).toEqual(new Set([2]));
    expect(plan.find((p) => p.linkedTo)).toMatchObject({ respondentPosition: 5, linkedTo: { position: 2 } });
  });

  it('backs off after a failed attempt and fails for good after the last one', () => {
    let progress = newInquiryProgress(NOW);
    progress = inquiryAttemptFailed(progress, agencyFailed, NOW, policy);
    expect(progress).toMatchObject({
      status: InquiryStatus.Pending,
      attempts: 1,
      lastError: 'AGENCY_FAILED: bank offline',
    });
    expect(progress.nextAttemptAt).toEqual(new Date(NOW.getTime() + 500));
    progress = inquiryAttemptFailed(progress, agencyFailed, NOW, policy);
    expect(progress.nextAttemptAt).toEqual(new Date(NOW.getTime() + 1_000));
    progress = inquiryAttemptFailed(
      progress,
      { code: ErrorCode.UpstreamTimeout, message: 'no answer' },
      NOW,
      policy,
    );
    expect(progress).toMatchObject({
      status: InquiryStatus.Failed,
      attempts: 3,
      nextAttemptAt: null,
      failedAt: NOW,
    });
    expect(progress.lastError).toMatch(/^UPSTREAM_TIMEOUT/);
  });

  it('records an answer once: an answered or failed inquiry takes no further outcome', () => {
    const answered = inquiryAnswered(newInquiryProgress(NOW), NOW);
    expect(answered).toMatchObject({ status: InquiryStatus.Answered, attempts: 1, answeredAt: NOW });
    expect(() => inquiryAnswered(answered, NOW)).toThrow(CodedError);
    expect(() => inquiryAttemptFailed(answered, agencyFailed, NOW, policy)).toThrow(CodedError);
  });

  it('accepts only a reply to the inquiry asked, with amounts in whole fen', () => {
    const inquiry = { id: 'i-1', kind: AgencyKind.BankDeposit };
    const finding = {
      holder: '中国工商银行盘锦分行',
      identifier: '6222020000000000001',
      description: '活期',
      valueKind: AssetValueKind.Balance,
      amountFen: 100,
    };
    const reply = {
      inquiryId: 'i-1',
      kind: AgencyKind.BankDeposit,
      answeredAt: NOW.toISOString(),
      findings: [finding],
    };
    expect(replyProblem(inquiry, reply)).toBeNull();
    expect(replyProblem(inquiry, { ...reply, inquiryId: 'i-2' })).toMatch(/not BANK_DEPOSIT inquiry i-1/);
    expect(replyProblem(inquiry, { ...reply, findings: [{ ...finding, amountFen: 12.5 }] })).toMatch(
      /whole fen/,
    );
  });
});
