import { expect } from '@jest/globals';
import {
  CaseInquiryStatus,
  InquiryStatus,
  PartyKind,
  type CaseDetail,
  type GetFindingsReply,
  type ListAgencyKindsReply,
  type ListCasesReply,
} from '@writ/contracts/web';
import { caseApplication, WritApi } from '../src/api-client.js';

type CaseWithInquiry = CaseDetail & { inquiry: GetFindingsReply | null };

/** How many agency kinds the court asks about a natural person, as its catalog (查控渠道) says. */
export async function kindsAskedAboutAPerson(api: WritApi): Promise<number> {
  const catalog = await api.call<ListAgencyKindsReply>('GET', '/api/agency-kinds?activeOnly=true');
  expect(catalog.status).toBe(200);
  return catalog.body.kinds.filter((k) => k.active && k.appliesTo.includes(PartyKind.NaturalPerson)).length;
}

/** Polls the case until its asset inquiry is completed, as the web UI does. */
export async function waitForInquiry(
  api: WritApi,
  caseId: string,
  timeoutMs = 90_000,
): Promise<CaseWithInquiry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.call<CaseWithInquiry>('GET', `/api/cases/${caseId}`);
    expect(response.status).toBe(200);
    if (response.body.inquiry?.status === CaseInquiryStatus.Completed) return response.body;
    if (Date.now() > deadline)
      throw new Error(`inquiry not completed: ${JSON.stringify(response.body.inquiry)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The walking skeleton's story: an officer registers a case; case-intake numbers and stores it and
 * emits case.registered; asset-control asks every agency about the debtor the same day; the officer
 * sees what was found. Courts and parties see only what is theirs.
 */
export async function runEnforcementStory(baseUrl: string): Promise<void> {
  const officer = new WritApi(baseUrl);
  await officer.login('officer1');

  const registered = await officer.call<CaseDetail>('POST', '/api/cases', caseApplication(), {
    'Idempotency-Key': `story-${Date.now()}`,
  });
  expect(registered.status).toBe(201);
  expect(registered.body.caseNumber).toMatch(/^（\d{4}）辽1104执\d+号$/);
  expect(registered.body.status).toBe('REGISTERED');

  const detail = await waitForInquiry(officer, registered.body.id);
  const inquiry = detail.inquiry!;
  // the national catalog holds 13 kinds, all of which apply to a natural person
  const kindCount = await kindsAskedAboutAPerson(officer);
  expect(kindCount).toBeGreaterThanOrEqual(13);
  expect(inquiry.inquiries).toHaveLength(kindCount);
  expect(inquiry.inquiries.every((i) => i.status === InquiryStatus.Answered)).toBe(true);
  expect(new Set(inquiry.inquiries.map((i) => i.kind)).size).toBe(kindCount);
  // the sandbox answers deterministically from the id number: the same debtor owns the same things
  const again = await officer.call<CaseDetail>('POST', '/api/cases', caseApplication(), {
    'Idempotency-Key': `story-again-${Date.now()}`,
  });
  const secondDetail = await waitForInquiry(officer, again.body.id);
  const fingerprint = (r: GetFindingsReply) =>
    r.assets.map((a) => `${a.kind}|${a.holder}|${a.identifier}|${a.amountFen}`).sort();
  expect(fingerprint(secondDetail.inquiry!)).toEqual(fingerprint(inquiry));
  expect(inquiry.assets.every((a) => Number.isSafeInteger(a.amountFen) && a.amountFen >= 0)).toBe(true);

  const listed = await officer.call<ListCasesReply>('GET', '/api/cases?page=1&pageSize=50&status=REGISTERED');
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((c) => c.id)).toEqual(
    expect.arrayContaining([registered.body.id, again.body.id]),
  );

  // another court's officer cannot see it, and cannot tell it exists
  const neighbour = new WritApi(baseUrl);
  await neighbour.login('officer2');
  const foreign = await neighbour.call('GET', `/api/cases/${registered.body.id}`);
  expect(foreign.status).toBe(404);
  expect(foreign.contentType).toMatch(/application\/problem\+json/);
  const neighbourList = await neighbour.call<ListCasesReply>('GET', '/api/cases');
  expect(neighbourList.body.items.some((c) => c.id === registered.body.id)).toBe(false);

  // the respondent's own account sees the case; a case against somebody else stays hidden
  const other = await officer.call<CaseDetail>('POST', '/api/cases', caseApplication('440524188001010014'));
  expect(other.status).toBe(201);
  const party = new WritApi(baseUrl);
  await party.login('party1');
  const partyList = await party.call<ListCasesReply>('GET', '/api/cases?pageSize=100');
  expect(partyList.body.items.some((c) => c.id === registered.body.id)).toBe(true);
  expect(partyList.body.items.some((c) => c.id === other.body.id)).toBe(false);
  expect((await party.call('GET', `/api/cases/${other.body.id}`)).status).toBe(404);
  const own = await party.call<CaseWithInquiry>('GET', `/api/cases/${registered.body.id}`);
  expect(own.status).toBe(200);
  expect(own.body.caseNumber).toBe(registered.body.caseNumber);
  // what the court found is not shown to the parties
  expect(own.body.inquiry).toBeNull();
  expect((await party.call('POST', '/api/cases', caseApplication())).status).toBe(403);
}
