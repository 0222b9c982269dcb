import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  addMonths,
  AgencyKind,
  CaseInquiryStatus,
  ControlStatus,
  FlowNode,
  FlowNodeState,
  type CaseControlsView,
  type CaseDetail,
  type CaseTimelineView,
  type ControlView,
  type FieldError,
  type GetFindingsReply,
  type InquiryIndicatorView,
  type InquiryReportView,
  type LeadView,
  type ListLeadsReply,
} from '@writ/contracts/web';
import { eventually as eventuallyWithin } from '@writ/platform';
import { caseApplication, WritApi, type ApiResponse } from '../src/api-client.js';
import { startWrit, type RunningWrit } from '../src/harness.js';

interface Problem {
  status: number;
  code: string;
  rule?: string;
  errors?: FieldError[];
}

/** 张三, whom party1's account speaks for; the sandbox's banks hold three deposit accounts of his */
const DEBTOR_ID = '11010519491231002X';

function expectProblem(response: ApiResponse, status: number, code: string): Problem {
  expect({ status: response.status, code: (response.body as Problem | undefined)?.code }).toEqual({
    status,
    code,
  });
  return response.body as Problem;
}

/** Asks again until `done` holds, as the web UI polls; the whole system may take a while. */
const eventually = <T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> =>
  eventuallyWithin(ask, done, 'the system to catch up', 90_000);

describe('controlling a respondent’s property through the HTTP API', () => {
  let writ: RunningWrit;
  const users: Record<string, WritApi> = {};
  const as = (username: string): WritApi => users[username]!;
  let registered: CaseDetail;
  let freeze: ControlView;

  const controlsOf = async (user = 'officer1'): Promise<CaseControlsView> => {
    const response = await as(user).call<CaseControlsView>('GET', `/api/cases/${registered.id}/controls`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    writ = await startWrit();
    for (const username of ['officer1', 'clerk1', 'leader1', 'party1', 'officer2']) {
      users[username] = new WritApi(writ.url);
      await users[username].login(username);
    }
    const response = await as('officer1').call<CaseDetail>('POST', '/api/cases', caseApplication(DEBTOR_ID), {
      'Idempotency-Key': `asset-control-${Date.now()}`,
    });
    expect(response.status).toBe(201);
    registered = response.body;
  });

  afterAll(async () => {
    await writ?.stop();
  });

  it('freezes a deposit the inquiry found, within the over-control limit, renews it and deducts from it', async () => {
    // 立案 starts the online inquiry; the case detail carries what it found
    const detail = await eventually(
      async () =>
        (
          await as('officer1').call<CaseDetail & { inquiry: GetFindingsReply | null }>(
            'GET',
            `/api/cases/${registered.id}`,
          )
        ).body,
      (d) => d.inquiry?.status === CaseInquiryStatus.Completed,
    );
    const [deposit, otherDeposit] = detail
      .inquiry!.assets.filter((a) => a.kind === AgencyKind.BankDeposit && a.amountFen > 1_000_000)
      .sort((a, b) => a.amountFen - b.amountFen);
    expect(deposit).toBeDefined();
    expect(otherDeposit).toBeDefined();

    // what is owed: the claim plus the execution fee (诉讼费用交纳办法 Art 14), and the limit (查封规定 Art 19)
    const before = await controlsOf();
    expect(before).toMatchObject({ caseId: registered.id, claimFen: 12_345_600, recoveredFen: 0 });
    expect(before.costsFen).toBeGreaterThan(0);
    expect(before.owedFen).toBe(before.claimFen + before.costsFen);
    expect(before.limitFen).toBeGreaterThanOrEqual(before.owedFen);
    expect(before.controls).toEqual([]);

    const ordered = await as('officer1').call<ControlView>(
      'POST',
      `/api/cases/${registered.id}/controls`,
      { kind: 'FREEZE', assetId: deposit!.id, amountFen: 1_000_000, note: '冻结被执行人存款' },
      { 'Idempotency-Key': `freeze-${registered.id}` },
    );
    expect(ordered.status).toBe(201);
    const inForce = await eventually(controlsOf, (v) => v.controls[0]?.status === ControlStatus.Effective);
    freeze = inForce.controls[0]!;
    expect(freeze).toMatchObject({
      id: ordered.body.id,
      kind: 'FREEZE',
      assetId: deposit!.id,
      identifier: deposit!.identifier,
      amountFen: 1_000_000,
      renewals: 0,
    });
    // a deposit is frozen for a year (民诉解释 Art 485): the last day is the day before the anniversary
    expect(freeze.termMonths).toBe(12);
    expect(freeze.expiresOn).toBe(addDays(addMonths(freeze.effectiveOn!, 12), -1));
    expect(inForce.controlledFen).toBe(1_000_000);

    // an order over the limit is refused and nothing is recorded
    const overLimit = await as('officer1').call('POST', `/api/cases/${registered.id}/controls`, {
      kind: 'FREEZE',
      assetId: otherDeposit!.id,
      amountFen: inForce.limitFen,
    });
    expect(expectProblem(overLimit, 422, 'RULE_VIOLATED').rule).toBe('OVER_CONTROL');
    const unchanged = await controlsOf();
    expect(unchanged.controls.map((c) => c.id)).toEqual([freeze.id]);
    expect(unchanged.controlledFen).toBe(1_000_000);

    // 续冻: the term runs on for another year from the current last day
    const renewed = await as('officer1').call<ControlView>('POST', `/api/controls/${freeze.id}/renew`, {});
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({
      id: freeze.id,
      renewals: 1,
      expiresOn: addDays(addMonths(addDays(freeze.expiresOn!, 1), 12), -1),
    });

    // 扣划 part of the frozen money into the case account
    const deducted = await as('officer1').call('POST', `/api/cases/${registered.id}/controls`, {
      kind: 'DEDUCT',
      controlId: freeze.id,
      amountFen: 400_000,
    });
    expect(deducted.status).toBe(201);
    const after = await eventually(controlsOf, (v) => v.recoveredFen === 400_000);
    expect(after.owedFen).toBe(before.owedFen - 400_000);
    expect(after.controls.find((c) => c.id === freeze.id)).toMatchObject({
      amountFen: 600_000,
      deductedFen: 400_000,
    });

    // case-intake hears asset.control.applied and finishes 财产控制与分析
    const timeline = await eventually(
      async () =>
        (await as('officer1').call<CaseTimelineView>('GET', `/api/cases/${registered.id}/timeline`)).body,
      (t) => t.nodes.find((n) => n.node === FlowNode.ControlAndAnalysis)?.state === FlowNodeState.Finished,
    );
    expect(timeline.nodes.find((n) => n.node === FlowNode.ControlAndAnalysis)?.finishedAt).toEqual(
      expect.any(String),
    );
  });

  it('records an applicant’s lead with its due date, lists the court’s overdue leads and reports the inquiry', async () => {
    const lead = await as('clerk1').call<LeadView>(
      'POST',
      `/api/cases/${registered.id}/leads`,
      {
        kind: 'VEHICLE',
        description: '辽L·A1234 小型轿车，停放于金海湾花园',
        urgent: true,
        providedBy: '申请执行人',
      },
      { 'Idempotency-Key': `lead-${registered.id}` },
    );
    expect(lead.status).toBe(201);
    // 财产调查规定 Art 2: checked within 3 days when urgent
    expect(lead.body).toMatchObject({
      caseId: registered.id,
      status: 'OPEN',
      urgent: true,
      dueOn: addDays(lead.body.receivedOn, 3),
      overdue: false,
    });
    const leads = await as('officer1').call<ListLeadsReply>('GET', `/api/cases/${registered.id}/leads`);
    expect(leads.body.items.map((l) => l.id)).toEqual([lead.body.id]);
    const overdue = await as('officer1').call<ListLeadsReply>('GET', '/api/leads/overdue');
    expect(overdue.status).toBe(200);
    // a lead received today is not yet overdue
    expect(overdue.body.items.map((l) => l.id)).not.toContain(lead.body.id);
    expect(overdue.body.items.every((l) => l.overdue)).toBe(true);

    const report = await as('officer1').call<InquiryReportView>(
      'GET',
      `/api/cases/${registered.id}/inquiry-report`,
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      caseId: registered.id,
      status: 'COMPLETED',
      round: 0,
      startedOnTime: true,
    });
    expect(report.body.respondents.map((r) => r.respondentIdNumber)).toEqual([DEBTOR_ID]);
    expect(report.body.totals.assetsFound).toBeGreaterThan(0);

    const today = registered.filingDate;
    const indicator = await as('leader1').call<InquiryIndicatorView>(
      'GET',
      `/api/dashboard/inquiry-indicator?from=${addDays(today, -30)}&to=${today}`,
    );
    expect(indicator.status).toBe(200);
    expect(indicator.body).toMatchObject({ courtCode: '辽1104', to: today });
    expect(indicator.body.implementationCases).toBeGreaterThanOrEqual(1);
    expect(indicator.body.startedOnTime).toBeGreaterThanOrEqual(1);
    expect(indicator.body.late.map((l) => l.caseId)).not.toContain(registered.id);
  });

  it('keeps the controls from a party and from another court', async () => {
    expectProblem(await as('party1').call('GET', `/api/cases/${registered.id}/controls`), 403, 'FORBIDDEN');
    expectProblem(await as('officer2').call('GET', `/api/cases/${registered.id}/controls`), 404, 'NOT_FOUND');
    expectProblem(
      await as('officer2').call('POST', `/api/controls/${freeze.id}/renew`, {}),
      404,
      'NOT_FOUND',
    );
  });

  it('releases the case’s controls when it is closed as 销案', async () => {
    const closed = await as('officer1').call<CaseTimelineView>('POST', `/api/cases/${registered.id}/close`, {
      closureType: 'WITHDRAWN',
      reason: '申请执行人撤回执行申请',
    });
    expect(closed.status).toBe(200);
    const released = await eventually(controlsOf, (v) =>
      v.controls.every((c) => c.status === ControlStatus.Released),
    );
    expect(released.controls.find((c) => c.id === freeze.id)).toMatchObject({
      status: 'RELEASED',
      endReason: 'CASE_CLOSED',
      endedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(released.controlledFen).toBe(0);
  });
});
