import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  addMonths,
  AlertKind,
  CaseType,
  ClosureType,
  FLOW_NODE_ORDER,
  FlowNode,
  FlowNodeState,
  type ApprovalView,
  type CaseDetail,
  type CaseTimelineView,
  type CourtMetricsView,
  type EntrustmentView,
  type FieldError,
  type IntakeRefusalView,
  type ListAlertsReply,
  type ListApprovalsReply,
  type ListCasesReply,
  type ListEntrustmentsReply,
  type ListMeasuresReply,
  type MeasureView,
  type ScanAlertsReply,
  type TerminationChecklistView,
} from '@writ/contracts/web';
import { eventually as eventuallyWithin } from '@writ/platform';
import { caseApplication, WritApi, type ApiResponse } from '../src/api-client.js';
import { startWrit, type RunningWrit } from '../src/harness.js';

interface Problem {
  status: number;
  code: string;
  rule?: string;
  detail: string;
  errors?: FieldError[];
}

/** 张三, whom party1's account speaks for */
const DEBTOR_ID = '11010519491231002X';
/** a debtor no demo account speaks for */
const OTHER_DEBTOR_ID = '440524188001010014';

/** A 居民身份证 number with its ISO 7064 MOD 11-2 check character, from its first 17 digits. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

function expectProblem(response: ApiResponse, status: number, code: string): Problem {
  expect({ status: response.status, code: (response.body as Problem | undefined)?.code }).toEqual({
    status,
    code,
  });
  expect(response.contentType).toMatch(/application\/problem\+json/);
  return response.body as Problem;
}

/** Asks again until `done` holds, as the web UI polls; the whole system may take a while. */
const eventually = <T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> =>
  eventuallyWithin(ask, done, 'the system to catch up', 90_000);

function node(timeline: CaseTimelineView, which: FlowNode) {
  const found = timeline.nodes.find((n) => n.node === which);
  if (!found) throw new Error(`no ${which} node in ${JSON.stringify(timeline.nodes)}`);
  return found;
}

describe('a case’s life through the HTTP API, as the court’s users live it', () => {
  let writ: RunningWrit;
  const users: Record<string, WritApi> = {};
  /** cases of 辽1104 registered here, by what they are for */
  const cases: Record<string, CaseDetail> = {};
  const as = (username: string): WritApi => users[username]!;

  async function register(name: string, respondentIdNumber = DEBTOR_ID): Promise<CaseDetail> {
    const response = await as('officer1').call<CaseDetail>(
      'POST',
      '/api/cases',
      caseApplication(respondentIdNumber),
      { 'Idempotency-Key': `case-life-${name}-${Date.now()}` },
    );
    expect(response.status).toBe(201);
    cases[name] = response.body;
    return response.body;
  }

  const timelineOf = async (caseId: string, user = 'officer1'): Promise<CaseTimelineView> => {
    const response = await as(user).call<CaseTimelineView>('GET', `/api/cases/${caseId}/timeline`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    // the agencies answer slowly enough that a timeline read right after 立案 sees the inquiry under way;
    // alerts are scanned when the director asks, not on a timer
    writ = await startWrit({ SANDBOX_LATENCY_MS: '400', ALERT_SCAN_INTERVAL_MS: '0' });
    for (const username of ['officer1', 'judge1', 'clerk1', 'director1', 'leader1', 'party1', 'officer2']) {
      users[username] = new WritApi(writ.url);
      await users[username].login(username);
    }
  });

  afterAll(async () => {
    await writ?.stop();
  });

  it('shows a new case’s eleven flow nodes, its period and its officer, and finishes 财产查询 when the agencies answer', async () => {
    const registered = await register('main');
    const timeline = await timelineOf(registered.id);

    expect(timeline).toMatchObject({
      caseId: registered.id,
      caseNumber: registered.caseNumber,
      status: 'REGISTERED',
    });
    expect(timeline.nodes.map((n) => n.node)).toEqual([...FLOW_NODE_ORDER]);
    expect(timeline.nodes).toHaveLength(11);
    expect(node(timeline, FlowNode.Intake).state).toBe(FlowNodeState.Finished);
    // 立案当日启动财产查控: the inquiry starts the day of filing
    expect(node(timeline, FlowNode.AssetInquiry)).toMatchObject({
      state: FlowNodeState.Started,
      overdue: false,
    });
    expect(node(timeline, FlowNode.ServiceOfDocuments).state).toBe(FlowNodeState.Started);
    expect(node(timeline, FlowNode.ControlAndAnalysis).state).toBe(FlowNodeState.Waiting);

    // 6 months from filing (执行工作规定 Art 63)
    expect(timeline.period).toMatchObject({
      filingDate: registered.filingDate,
      months: 6,
      extensionMonths: 0,
      suspendedDays: 0,
      deadline: addMonths(registered.filingDate, 6),
    });
    expect(timeline.period.daysLeft).toBeGreaterThan(170);
    expect(node(timeline, FlowNode.Closure).deadlineOn).toBe(timeline.period.deadline);

    // 繁简分流 and the officer it went to, each with its reason
    expect(['FAST', 'ORDINARY']).toContain(timeline.track);
    expect(timeline.trackReason).toEqual(expect.any(String));
    expect(['officer1', 'judge1']).toContain(timeline.officerId);
    expect(timeline.assignments).toEqual([
      expect.objectContaining({ officerId: timeline.officerId, reason: expect.stringMatching(/\S/) }),
    ]);

    // asset-control asks every agency (the sandbox answers) and case-intake hears it is done
    const answered = await eventually(
      () => timelineOf(registered.id),
      (t) => node(t, FlowNode.AssetInquiry).state === FlowNodeState.Finished,
    );
    expect(node(answered, FlowNode.AssetInquiry).finishedAt).toEqual(expect.any(String));
  });

  it('refuses 终本 naming every unmet prerequisite and changes nothing; closes other cases as 销案 and 执行完毕', async () => {
    const main = cases['main']!;
    const refused = await as('officer1').call('POST', `/api/cases/${main.id}/close`, {
      closureType: 'TERMINATED_THIS_ROUND',
      reason: '经网络查控未发现可供执行财产',
    });
    const problem = expectProblem(refused, 422, 'RULE_VIOLATED');
    expect(problem.rule).toBe('TERMINATION_PREREQUISITES');
    expect(problem.errors?.map((e) => e.rule)).toEqual(
      expect.arrayContaining([
        'NOTICE_AND_REPORT_ORDER',
        'CONSUMPTION_RESTRICTED',
        'OVER_THREE_MONTHS',
        'APPLICANT_INTERVIEWED',
      ]),
    );
    expect(problem.errors?.every((e) => e.field.startsWith('checklist.') && e.message)).toBe(true);
    // nothing changed
    expect((await as('officer1').call<CaseDetail>('GET', `/api/cases/${main.id}`)).body.status).toBe(
      'REGISTERED',
    );
    const unchanged = await timelineOf(main.id);
    expect(unchanged.status).toBe('REGISTERED');
    expect(unchanged.closure).toBeUndefined();
    expect(node(unchanged, FlowNode.Closure).state).toBe(FlowNodeState.Started);

    // the checklist: ticks and crosses
    const checklistOf = async () =>
      (await as('clerk1').call<TerminationChecklistView>('GET', `/api/cases/${main.id}/closure-checklist`))
        .body;
    const before = await checklistOf();
    expect(before.allMet).toBe(false);
    expect(before.items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['OVER_THREE_MONTHS', 'APPLICANT_INTERVIEWED', 'MISSING_DEBTOR_SEARCHED']),
    );
    const item = (list: TerminationChecklistView, code: string) => list.items.find((i) => i.code === code);
    expect(item(before, 'OVER_THREE_MONTHS')).toMatchObject({ met: false, label: expect.any(String) });
    expect(item(before, 'MISSING_DEBTOR_SEARCHED')?.met).toBe(true);
    expect(item(before, 'APPLICANT_INTERVIEWED')?.met).toBe(false);

    // 约谈: the officer records it, and the checklist ticks it
    const interviewed = await as('officer1').call<CaseTimelineView>(
      'POST',
      `/api/cases/${main.id}/activities`,
      {
        kind: 'APPLICANT_INTERVIEWED',
        occurredOn: main.filingDate,
        note: '告知申请执行人终本的后果',
      },
    );
    expect(interviewed.status).toBe(201);
    expect(interviewed.body.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'APPLICANT_INTERVIEWED', recordedBy: expect.any(String) }),
      ]),
    );
    expect(item(await checklistOf(), 'APPLICANT_INTERVIEWED')?.met).toBe(true);
    const future = await as('officer1').call('POST', `/api/cases/${main.id}/activities`, {
      kind: 'ON_SITE_INVESTIGATION',
      occurredOn: addDays(main.filingDate, 30),
    });
    expect(expectProblem(future, 422, 'RULE_VIOLATED').errors?.[0]).toMatchObject({ field: 'occurredOn' });

    // 销案 and 执行完毕 by voluntary performance close at once
    const withdrawn = await register('withdrawn');
    const closedWithdrawn = await as('officer1').call<CaseTimelineView>(
      'POST',
      `/api/cases/${withdrawn.id}/close`,
      {
        closureType: 'WITHDRAWN',
        reason: '申请执行人撤回执行申请',
      },
    );
    expect(closedWithdrawn.status).toBe(200);
    expect(closedWithdrawn.body.status).toBe('CLOSED');
    expect(closedWithdrawn.body.closure).toMatchObject({ closureType: 'WITHDRAWN', withinPeriod: true });
    const paid = await register('paid');
    const noMode = await as('judge1').call('POST', `/api/cases/${paid.id}/close`, {
      closureType: 'FULLY_EXECUTED',
      reason: '被执行人已自动履行',
    });
    expect(expectProblem(noMode, 400, 'VALIDATION_FAILED').errors?.[0]?.field).toBe('performanceMode');
    const closedPaid = await as('judge1').call<CaseTimelineView>('POST', `/api/cases/${paid.id}/close`, {
      closureType: 'FULLY_EXECUTED',
      performanceMode: 'VOLUNTARY',
      reason: '被执行人已自动履行',
    });
    expect(closedPaid.status).toBe(200);
    expect(closedPaid.body.closure).toMatchObject({
      closureType: 'FULLY_EXECUTED',
      performanceMode: 'VOLUNTARY',
    });
    expect(node(closedPaid.body, FlowNode.Closure).state).toBe(FlowNodeState.Finished);

    const closedList = await as('officer1').call<ListCasesReply>(
      'GET',
      '/api/cases?status=CLOSED&pageSize=100',
    );
    expect(closedList.body.items.map((c) => c.id)).toEqual(expect.arrayContaining([withdrawn.id, paid.id]));
    expect(closedList.body.items.map((c) => c.id)).not.toContain(main.id);
    const again = await as('officer1').call('POST', `/api/cases/${withdrawn.id}/close`, {
      closureType: 'WITHDRAWN',
      reason: '再次销案',
    });
    expectProblem(again, 409, 'INVALID_STATE');
  });

  it('resumes a broken settlement as a 执恢 case, once for a repeated Idempotency-Key, and refuses a 销案 case', async () => {
    const settled = await register('settled');
    const closed = await as('officer1').call('POST', `/api/cases/${settled.id}/close`, {
      closureType: 'FULLY_EXECUTED',
      performanceMode: 'SETTLEMENT',
      reason: '双方达成执行和解',
    });
    expect(closed.status).toBe(200);
    const key = `resume-${Date.now()}`;
    const resumed = await as('clerk1').call<CaseDetail>(
      'POST',
      `/api/cases/${settled.id}/resume`,
      { reason: '被执行人不履行和解协议' },
      { 'Idempotency-Key': key },
    );
    expect(resumed.status).toBe(201);
    expect(resumed.body.caseType).toBe('执恢');
    expect(resumed.body.caseNumber).toMatch(/^（\d{4}）辽1104执恢\d+号$/);
    cases['resumed'] = resumed.body;
    const retried = await as('clerk1').call<CaseDetail>(
      'POST',
      `/api/cases/${settled.id}/resume`,
      { reason: '被执行人不履行和解协议' },
      { 'Idempotency-Key': key },
    );
    // a retry files no second 执恢 case. case-intake answers it with 409 RESUMPTION_ALREADY_OPEN rather
    // than with the first case as 立案 and 执异 do (its open-resumption check runs before the key's)
    if (retried.status === 201) expect(retried.body.id).toBe(resumed.body.id);
    else expect(expectProblem(retried, 409, 'INVALID_STATE').rule).toBe('RESUMPTION_ALREADY_OPEN');
    expect((await timelineOf(settled.id)).links).toEqual([
      expect.objectContaining({ caseId: resumed.body.id, relation: 'RESUMED_BY' }),
    ]);
    const withdrawn = cases['withdrawn']!;
    const refused = await as('clerk1').call('POST', `/api/cases/${withdrawn.id}/resume`, {
      reason: '发现财产',
    });
    expectProblem(refused, 409, 'INVALID_STATE');
    const bodyNamesCase = await as('clerk1').call('POST', `/api/cases/${settled.id}/resume`, {
      reason: '发现财产',
      originalCaseId: withdrawn.id,
    });
    expect(expectProblem(bodyNamesCase, 400, 'VALIDATION_FAILED').errors?.[0]?.field).toBe('originalCaseId');
  });

  it('issues the execution notice, and a fine waits for the president: the director is refused, the president approves', async () => {
    const main = cases['main']!;
    const measures = `/api/cases/${main.id}/measures`;
    const notice = await as('officer1').call<MeasureView>('POST', measures, {
      kind: 'EXECUTION_NOTICE',
      respondentIdNumber: DEBTOR_ID,
    });
    expect(notice.status).toBe(201);
    expect(notice.body.status).toBe('IN_FORCE');
    expect(node(await timelineOf(main.id), FlowNode.ServiceOfDocuments).state).toBe(FlowNodeState.Finished);

    // ¥100,000 is the most a person may be fined (民诉法 2023 Art 118)
    const overLimit = await as('officer1').call('POST', measures, {
      kind: 'FINE',
      respondentIdNumber: DEBTOR_ID,
      details: { amountFen: 10_000_001 },
    });
    expect(expectProblem(overLimit, 422, 'RULE_VIOLATED').errors).toEqual([
      expect.objectContaining({ field: 'details.amountFen', rule: 'FINE_PERSON_MAX' }),
    ]);
    const fractional = await as('officer1').call('POST', measures, {
      kind: 'FINE',
      respondentIdNumber: DEBTOR_ID,
      details: { amountFen: 100.5 },
    });
    expect(expectProblem(fractional, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toContain(
      'details.amountFen',
    );

    const fine = await as('officer1').call<MeasureView>(
      'POST',
      measures,
      {
        kind: 'FINE',
        respondentIdNumber: DEBTOR_ID,
        details: { amountFen: 5_000_000 },
        note: '拒不报告财产',
      },
      { 'Idempotency-Key': `fine-${main.id}` },
    );
    expect(fine.status).toBe(201);
    expect(fine.body).toMatchObject({
      kind: 'FINE',
      status: 'PENDING_APPROVAL',
      approval: { requiredRole: 'LEADER', status: 'PENDING' },
    });
    const approvalId = fine.body.approval!.id;

    // the president's queue has it; the director's does not
    const queue = async (user: string) =>
      (await as(user).call<ListApprovalsReply>('GET', '/api/approvals')).body.items.map((a) => a.id);
    expect(await queue('leader1')).toContain(approvalId);
    expect(await queue('director1')).not.toContain(approvalId);

    const byDirector = await as('director1').call('POST', `/api/approvals/${approvalId}/decision`, {
      approve: true,
    });
    expect(expectProblem(byDirector, 403, 'FORBIDDEN').rule).toBe('APPROVAL_ROLE_REQUIRED');
    expectProblem(
      await as('officer1').call('POST', `/api/approvals/${approvalId}/decision`, { approve: true }),
      403,
      'FORBIDDEN',
    );
    const stillPending = await as('officer1').call<ListMeasuresReply>('GET', measures);
    expect(stillPending.body.items.find((m) => m.id === fine.body.id)?.status).toBe('PENDING_APPROVAL');

    const approved = await as('leader1').call<ApprovalView>('POST', `/api/approvals/${approvalId}/decision`, {
      approve: true,
      comment: '同意罚款',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', subjectType: 'MEASURE', comment: '同意罚款' });
    const inForce = await as('officer1').call<ListMeasuresReply>('GET', measures);
    expect(inForce.body.items.find((m) => m.id === fine.body.id)).toMatchObject({
      status: 'IN_FORCE',
      approval: { status: 'APPROVED' },
    });
    const twice = await as('leader1').call('POST', `/api/approvals/${approvalId}/decision`, {
      approve: false,
    });
    expectProblem(twice, 409, 'INVALID_STATE');
    const checklist = await as('officer1').call<TerminationChecklistView>(
      'GET',
      `/api/cases/${main.id}/closure-checklist`,
    );
    expect(checklist.body.items.find((i) => i.code === 'NOTICE_AND_REPORT_ORDER')?.met).toBe(true);
  });

  it('extends the period by three months once the president approves, and only once', async () => {
    const main = cases['main']!;
    const requested = await as('officer1').call<CaseTimelineView>('POST', `/api/cases/${main.id}/extension`, {
      reason: '被执行人房产正在评估，需延长执行期限',
    });
    expect(requested.status).toBe(200);
    expect(requested.body.period.extensionMonths).toBe(0);
    const duplicate = await as('officer1').call('POST', `/api/cases/${main.id}/extension`, {
      reason: '再次申请',
    });
    expect(expectProblem(duplicate, 409, 'INVALID_STATE').rule).toBe('EXTENSION_PENDING');

    const ofCase = await as('leader1').call<ListApprovalsReply>(
      'GET',
      `/api/approvals?caseId=${main.id}&status=PENDING`,
    );
    const extension = ofCase.body.items.find((a) => a.subjectType === 'EXTENSION');
    expect(extension).toMatchObject({ requiredRole: 'LEADER', status: 'PENDING' });
    const approved = await as('leader1').call('POST', `/api/approvals/${extension!.id}/decision`, {
      approve: true,
    });
    expect(approved.status).toBe(200);

    const extended = await timelineOf(main.id);
    expect(extended.period).toMatchObject({ extensionMonths: 3, deadline: addMonths(main.filingDate, 9) });
    expect(node(extended, FlowNode.Closure).deadlineOn).toBe(addMonths(main.filingDate, 9));
    const again = await as('officer1').call('POST', `/api/cases/${main.id}/extension`, {
      reason: '第二次延长',
    });
    expect(expectProblem(again, 422, 'RULE_VIOLATED').rule).toBe('EXTENSION_ONCE');
  });

  it('suspends a case and lets it go on, and a director reassigns it with a reason', async () => {
    const stayed = await register('stayed');
    const suspended = await as('officer1').call<CaseTimelineView>('POST', `/api/cases/${stayed.id}/suspend`, {
      reason: 'SUSPENSION',
      note: '案外人对执行标的提出确有理由的异议',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'SUSPENDED',
      suspensionReason: 'SUSPENSION',
      period: { suspendedSince: expect.any(String) },
    });
    const lifted = await as('officer1').call<CaseTimelineView>(
      'POST',
      `/api/cases/${stayed.id}/lift-suspension`,
    );
    expect(lifted.status).toBe(200);
    expect(lifted.body.status).toBe('REGISTERED');
    expect(lifted.body.period.suspendedSince).toBeUndefined();
    expectProblem(
      await as('officer1').call('POST', `/api/cases/${stayed.id}/lift-suspension`),
      409,
      'INVALID_STATE',
    );

    const next = lifted.body.officerId === 'judge1' ? 'officer1' : 'judge1';
    expectProblem(
      await as('officer1').call('POST', `/api/cases/${stayed.id}/reassign`, {
        officerId: next,
        reason: '调整',
      }),
      403,
      'FORBIDDEN',
    );
    const reassigned = await as('director1').call<CaseTimelineView>(
      'POST',
      `/api/cases/${stayed.id}/reassign`,
      {
        officerId: next,
        reason: '原承办人案件过多，平衡办案量',
      },
    );
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.officerId).toBe(next);
    expect(reassigned.body.assignments.map((a) => a.officerId)).toEqual([lifted.body.officerId, next]);
  });

  it('refuses an application with its reasons, taking no case number', async () => {
    const before = (await as('clerk1').call<ListCasesReply>('GET', '/api/cases?pageSize=1')).body.total;
    const { claimAmountFen: _claim, caseType: _type, ...application } = caseApplication();
    const refusal = await as('clerk1').call<IntakeRefusalView>('POST', '/api/cases/refusals', {
      ...application,
      applicationDate: cases['main']!.filingDate,
      reasons: ['执行依据的履行期限尚未届满'],
    });
    expect(refusal.status).toBe(201);
    expect(refusal.body).toMatchObject({ withinDeadline: true, reasons: ['执行依据的履行期限尚未届满'] });
    expect((await as('clerk1').call<ListCasesReply>('GET', '/api/cases?pageSize=1')).body.total).toBe(before);
  });

  it('files a third party’s objection as a 执异 case linked to its target, and the judge decides it', async () => {
    const main = cases['main']!;
    const objector = { kind: 'NATURAL_PERSON', name: '李四', idNumber: residentId('21110419800101123') };
    const key = `objection-${Date.now()}`;
    const body = {
      objector,
      thirdParty: true,
      assetRef: 'REAL_ESTATE:辽(2024)大洼区不动产权第0012345号',
      grounds: '被查封房屋系异议人所有，已支付全部价款并实际占有',
    };
    const filed = await as('clerk1').call<CaseDetail>('POST', `/api/cases/${main.id}/objections`, body, {
      'Idempotency-Key': key,
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ caseType: '执异', status: 'REGISTERED' });
    expect(filed.body.caseNumber).toMatch(/^（\d{4}）辽1104执异\d+号$/);
    const retried = await as('clerk1').call<CaseDetail>('POST', `/api/cases/${main.id}/objections`, body, {
      'Idempotency-Key': key,
    });
    expect(retried.body.id).toBe(filed.body.id);

    const target = await timelineOf(main.id);
    expect(target.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: filed.body.id, relation: 'OBJECTION' })]),
    );
    expect(node(target, FlowNode.Adjudication).state).toBe(FlowNodeState.Started);
    const objection = await timelineOf(filed.body.id);
    expect(objection.links).toEqual([expect.objectContaining({ caseId: main.id, relation: 'OBJECTS_IN' })]);

    const decide = {
      decision: 'DISMISSED',
      reasoning: '异议人未能证明其对该房屋享有足以排除强制执行的民事权益',
    };
    expectProblem(
      await as('officer1').call('POST', `/api/objections/${filed.body.id}/decision`, decide),
      403,
      'FORBIDDEN',
    );
    const decided = await as('judge1').call<CaseTimelineView>(
      'POST',
      `/api/objections/${filed.body.id}/decision`,
      decide,
    );
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('CLOSED');
    expect(node(await timelineOf(main.id), FlowNode.Adjudication).state).toBe(FlowNodeState.Finished);
    const notAnObjection = await as('judge1').call('POST', `/api/objections/${main.id}/decision`, decide);
    expectProblem(notAnObjection, 409, 'INVALID_STATE');
  });

  it('entrusts a case to 兴隆台 court, which files it; the entrusting case closes as 销案', async () => {
    const entrusted = await register('entrusted');
    const made = await as('judge1').call<EntrustmentView>('POST', `/api/cases/${entrusted.id}/entrust`, {
      toCourtCode: '辽1103',
      reason: '被执行人的财产均在兴隆台区',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'PENDING', fromCaseId: entrusted.id, toCourtCode: '辽1103' });

    const pending = await as('officer2').call<ListEntrustmentsReply>(
      'GET',
      '/api/entrustments?pendingOnly=true',
    );
    expect(pending.body.items.map((e) => e.id)).toContain(made.body.id);
    // the entrusting court cannot file it for the other court
    expectProblem(
      await as('clerk1').call('POST', `/api/entrustments/${made.body.id}/accept`),
      404,
      'NOT_FOUND',
    );
    const accepted = await as('officer2').call<CaseDetail>(
      'POST',
      `/api/entrustments/${made.body.id}/accept`,
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.caseNumber).toMatch(/^（\d{4}）辽1103执\d+号$/);
    expect(
      (await as('officer2').call<CaseTimelineView>('GET', `/api/cases/${accepted.body.id}/timeline`)).body,
    ).toMatchObject({ entrustingCourtCode: '辽1104', entrustingCaseNumber: entrusted.caseNumber });

    const original = await timelineOf(entrusted.id);
    expect(original).toMatchObject({ status: 'CLOSED', closure: { closureType: 'WITHDRAWN' } });
    expectProblem(
      await as('officer1').call('GET', `/api/cases/${accepted.body.id}/timeline`),
      404,
      'NOT_FOUND',
    );
    const none = await as('officer1').call<ListEntrustmentsReply>(
      'GET',
      '/api/entrustments?pendingOnly=true',
    );
    expect(none.body.items.map((e) => e.id)).not.toContain(made.body.id);
  });

  it('scans for what has fallen due when the director asks, and lists alerts within the court only', async () => {
    expectProblem(await as('officer1').call('POST', '/api/alerts/scan'), 403, 'FORBIDDEN');
    const scan = await as('director1').call<ScanAlertsReply>('POST', '/api/alerts/scan');
    expect(scan.status).toBe(200);
    expect(scan.body).toEqual({ raised: expect.any(Number), resolved: expect.any(Number) });

    const court = await as('director1').call<ListAlertsReply>('GET', '/api/alerts');
    expect(court.status).toBe(200);
    expect(Array.isArray(court.body.items)).toBe(true);
    for (const alert of court.body.items) {
      expect(Object.values(AlertKind)).toContain(alert.kind);
      expect(alert).toMatchObject({
        id: expect.any(String),
        caseId: expect.any(String),
        caseNumber: expect.stringContaining('辽1104'),
        dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        message: expect.any(String),
      });
    }
    const mine = await as('officer1').call<ListAlertsReply>('GET', '/api/alerts?mine=true&kind=NODE_OVERDUE');
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((a) => a.officerId === 'officer1' && a.kind === AlertKind.NodeOverdue)).toBe(
      true,
    );
    const ours = new Set(Object.values(cases).map((c) => c.id));
    const neighbour = await as('officer2').call<ListAlertsReply>('GET', '/api/alerts');
    expect(neighbour.status).toBe(200);
    expect(neighbour.body.items.filter((a) => ours.has(a.caseId))).toEqual([]);
    const badKind = await as('officer1').call('GET', '/api/alerts?kind=LATE_LUNCH');
    expect(expectProblem(badKind, 400, 'VALIDATION_FAILED').errors?.[0]?.field).toBe('kind');
  });

  it('shows the leaders the court’s figures, counting the cases just registered and closed', async () => {
    const today = cases['main']!.filingDate;
    const from = addDays(today, -30);
    const metrics = await as('leader1').call<CourtMetricsView>(
      'GET',
      `/api/dashboard/metrics?from=${from}&to=${today}`,
    );
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatchObject({ courtCode: '辽1104', from, to: today });
    // implementation cases only (执, 执恢, 执保): the 执异 case is not counted
    const implementation = Object.values(cases).filter(
      (c) => c.courtCode === '辽1104' && c.caseType !== CaseType.Objection,
    );
    expect(metrics.body.caseload.received).toBeGreaterThanOrEqual(implementation.length);
    const closedHere = ['withdrawn', 'paid', 'settled', 'entrusted'].length;
    expect(metrics.body.caseload.closed).toBeGreaterThanOrEqual(closedHere);
    const withdrawn = metrics.body.closuresByType.find((c) => c.closureType === ClosureType.Withdrawn);
    expect(withdrawn?.count).toBeGreaterThanOrEqual(2);
    expect(metrics.body.rates.closure.denominator).toBeGreaterThanOrEqual(implementation.length);

    expect(
      (await as('director1').call('GET', `/api/dashboard/metrics?from=${from}&to=${today}`)).status,
    ).toBe(200);
    expectProblem(
      await as('party1').call('GET', `/api/dashboard/metrics?from=${from}&to=${today}`),
      403,
      'FORBIDDEN',
    );
    const badDate = await as('leader1').call('GET', `/api/dashboard/metrics?from=2026-02-30&to=${today}`);
    expect(expectProblem(badDate, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toContain('from');
    const missing = await as('leader1').call('GET', '/api/dashboard/metrics');
    expect(expectProblem(missing, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['from', 'to']),
    );
    const backwards = await as('leader1').call('GET', `/api/dashboard/metrics?from=${today}&to=${from}`);
    expect(expectProblem(backwards, 400, 'VALIDATION_FAILED').errors?.[0]).toMatchObject({ field: 'to' });
  });

  it('lets a party follow its own case but no other, and keeps another court out', async () => {
    const main = cases['main']!;
    const own = await as('party1').call<CaseTimelineView>('GET', `/api/cases/${main.id}/timeline`);
    expect(own.status).toBe(200);
    expect(own.body.caseNumber).toBe(main.caseNumber);
    expect(own.body.nodes).toHaveLength(11);
    // the officers' working notes and assignments stay with the court
    expect(own.body.officerId).toBeUndefined();
    expect(own.body.trackReason).toBeUndefined();
    expect(own.body.activities).toEqual([]);
    expect(own.body.assignments).toEqual([]);

    const someoneElse = await register('someone-else', OTHER_DEBTOR_ID);
    expectProblem(await as('party1').call('GET', `/api/cases/${someoneElse.id}/timeline`), 404, 'NOT_FOUND');
    expectProblem(
      await as('party1').call('POST', `/api/cases/${main.id}/close`, {
        closureType: 'WITHDRAWN',
        reason: '撤回',
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as('party1').call('GET', `/api/cases/${main.id}/closure-checklist`),
      403,
      'FORBIDDEN',
    );
    expectProblem(await as('party1').call('GET', `/api/cases/${main.id}/measures`), 403, 'FORBIDDEN');

    expectProblem(await as('officer2').call('GET', `/api/cases/${main.id}/timeline`), 404, 'NOT_FOUND');
    expectProblem(
      await as('officer2').call('GET', `/api/cases/${main.id}/closure-checklist`),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await as('officer2').call('POST', `/api/cases/${main.id}/close`, {
        closureType: 'WITHDRAWN',
        reason: '撤回',
      }),
      404,
      'NOT_FOUND',
    );
    expect((await timelineOf(main.id)).status).toBe('REGISTERED');
  });

  it('names the court’s staff for the records, to its staff only', async () => {
    const staff = await as('officer1').call<{ username: string; displayName: string }[]>(
      'GET',
      '/api/court/staff',
    );
    expect(staff.status).toBe(200);
    const usernames = staff.body.map((m) => m.username);
    expect(usernames).toEqual(expect.arrayContaining(['officer1', 'judge1', 'director1', 'leader1']));
    // neither the parties' accounts nor another court's staff
    expect(usernames).not.toContain('party1');
    expect(usernames).not.toContain('officer2');
    expectProblem(await as('party1').call('GET', '/api/court/staff'), 403, 'FORBIDDEN');
  });

  it('documents the new routes and their bodies in the OpenAPI document', async () => {
    const docs = await as('officer1').call<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: object }> };
    }>('GET', '/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/timeline',
        '/api/cases/{id}/close',
        '/api/cases/{id}/measures',
        '/api/approvals/{id}/decision',
        '/api/alerts/scan',
        '/api/dashboard/metrics',
      ]),
    );
    expect(docs.body.components.schemas['CloseCaseBody']?.properties).not.toHaveProperty('caseId');
    expect(docs.body.components.schemas['DecideMeasureBody']?.properties).not.toHaveProperty('requestKey');
  });
});
