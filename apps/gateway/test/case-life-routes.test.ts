import {
  CASE_REGISTRAR_ROLES,
  CodedError,
  COURT_STAFF_ROLES,
  ErrorCode,
  Role,
  Subjects,
} from '@writ/contracts';
import { openApiDocument } from '../src/openapi.js';
import { AlertsController } from '../src/http/alerts.controller.js';
import { ApprovalsController } from '../src/http/approvals.controller.js';
import { CaseLifeController } from '../src/http/case-life.controller.js';
import { CasesController } from '../src/http/cases.controller.js';
import { CourtSettingsController } from '../src/http/court-settings.controller.js';
import { DashboardController } from '../src/http/dashboard.controller.js';
import { EntrustmentsController } from '../src/http/entrustments.controller.js';
import { MeasuresController } from '../src/http/measures.controller.js';
import { ObjectionsController } from '../src/http/objections.controller.js';
import { CASE_ID, DEBTOR, describeRouteTable, type Route, type RouteApp } from './route-table.js';

const CREDITOR = { kind: 'ORGANISATION', name: '盘锦某某商贸有限公司', idNumber: '91350100M000100Y43' };
const BASIS = {
  documentNumber: '（2025）辽1104民初88号',
  issuingCourt: '大洼区人民法院',
  effectiveDate: '2025-06-01',
};

const JUDGE_OFFICER_DIRECTOR = [Role.Judge, Role.Officer, Role.Director];
const JUDGE_DIRECTOR = [Role.Judge, Role.Director];

/** The route table of issue 3, as the web UI and the gateway agree on it. */
const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/api/cases/refusals',
    subject: Subjects.Cases.RefuseApplication,
    roles: CASE_REGISTRAR_ROLES,
    body: {
      applicationDate: '2026-11-20',
      basis: BASIS,
      applicants: [CREDITOR],
      respondents: [DEBTOR],
      reasons: ['执行依据尚未生效'],
    },
    adds: {},
    idempotent: true,
    created: true,
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/timeline`,
    subject: Subjects.Cases.Timeline,
    roles: [...COURT_STAFF_ROLES, Role.Party],
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/activities`,
    subject: Subjects.Cases.RecordActivity,
    roles: [Role.Judge, Role.Officer, Role.Clerk, Role.Director],
    body: { kind: 'APPLICANT_INTERVIEWED', occurredOn: '2026-11-27', note: '告知终本后果' },
    adds: { caseId: CASE_ID },
    created: true,
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/reassign`,
    subject: Subjects.Cases.Reassign,
    roles: JUDGE_DIRECTOR,
    body: { officerId: 'judge1', reason: '原承办人调岗' },
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/suspend`,
    subject: Subjects.Cases.Suspend,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { reason: 'SUSPENSION', note: '案外人对执行标的提出确有理由的异议' },
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/lift-suspension`,
    subject: Subjects.Cases.LiftSuspension,
    roles: JUDGE_OFFICER_DIRECTOR,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/transfer-to-bankruptcy`,
    subject: Subjects.Cases.TransferToBankruptcy,
    roles: JUDGE_DIRECTOR,
    body: { consentBy: 'APPLICANT', insolvencyFinding: '资产不足以清偿全部债务' },
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/extension`,
    subject: Subjects.Cases.RequestExtension,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { reason: '房产拍卖尚未完成' },
    adds: { caseId: CASE_ID },
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/closure-checklist`,
    subject: Subjects.Cases.TerminationChecklist,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/close`,
    subject: Subjects.Cases.Close,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { closureType: 'FULLY_EXECUTED', performanceMode: 'VOLUNTARY', reason: '被执行人自动履行完毕' },
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/resume`,
    subject: Subjects.Cases.Resume,
    roles: CASE_REGISTRAR_ROLES,
    body: { reason: '发现被执行人名下新登记的车辆' },
    adds: { originalCaseId: CASE_ID },
    idempotent: true,
    created: true,
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/objections`,
    subject: Subjects.Cases.FileObjection,
    roles: CASE_REGISTRAR_ROLES,
    body: {
      objector: DEBTOR,
      thirdParty: true,
      assetRef: 'REAL_ESTATE:辽(2020)大洼区不动产权第0001号',
      grounds: '该房屋系本人所有',
    },
    adds: { targetCaseId: CASE_ID },
    idempotent: true,
    created: true,
  },
  {
    method: 'POST',
    path: `/api/objections/${CASE_ID}/decision`,
    subject: Subjects.Cases.DecideObjection,
    roles: JUDGE_DIRECTOR,
    body: { decision: 'DISMISSED', reasoning: '异议人未能证明其对该房屋享有足以排除执行的权益' },
    adds: { objectionCaseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/entrust`,
    subject: Subjects.Cases.Entrust,
    roles: JUDGE_DIRECTOR,
    body: { toCourtCode: '辽1103', reason: '被执行人财产均在兴隆台区' },
    adds: { caseId: CASE_ID },
    created: true,
  },
  {
    method: 'GET',
    path: '/api/entrustments?pendingOnly=true',
    subject: Subjects.Cases.ListEntrustments,
    roles: COURT_STAFF_ROLES,
    adds: { pendingOnly: true },
  },
  {
    method: 'POST',
    path: `/api/entrustments/${CASE_ID}/accept`,
    subject: Subjects.Cases.AcceptEntrustment,
    roles: CASE_REGISTRAR_ROLES,
    adds: { entrustmentId: CASE_ID },
    created: true,
  },
  {
    method: 'GET',
    path: '/api/alerts?mine=true&kind=NODE_OVERDUE',
    subject: Subjects.Cases.ListAlerts,
    roles: COURT_STAFF_ROLES,
    adds: { mine: true, kind: 'NODE_OVERDUE' },
  },
  {
    method: 'POST',
    path: '/api/alerts/scan',
    subject: Subjects.Cases.ScanAlerts,
    roles: [Role.Director],
    adds: {},
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/measures`,
    subject: Subjects.Cases.ListMeasures,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/measures`,
    subject: Subjects.Cases.DecideMeasure,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { kind: 'FINE', respondentIdNumber: DEBTOR.idNumber, details: { amountFen: 5_000_000 } },
    adds: { caseId: CASE_ID },
    idempotent: true,
    created: true,
  },
  {
    method: 'POST',
    path: `/api/measures/${CASE_ID}/lift`,
    subject: Subjects.Cases.LiftMeasure,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { reason: '被执行人已履行全部义务', groundOccurredOn: '2026-11-27' },
    adds: { measureId: CASE_ID },
  },
  {
    method: 'GET',
    path: '/api/approvals?status=PENDING&page=2',
    subject: Subjects.Cases.ListApprovals,
    roles: [Role.Director, Role.Leader, Role.Judge],
    adds: { status: 'PENDING', page: 2, pageSize: 20 },
  },
  {
    method: 'POST',
    path: `/api/approvals/${CASE_ID}/decision`,
    subject: Subjects.Cases.DecideApproval,
    roles: [Role.Director, Role.Leader],
    body: { approve: false, comment: '罚款数额与情节不相当' },
    adds: { approvalId: CASE_ID },
  },
  {
    method: 'GET',
    path: '/api/dashboard/metrics?from=2026-01-01&to=2026-06-30',
    subject: Subjects.Cases.GetMetrics,
    roles: [Role.Leader, Role.Director, Role.Judge],
    adds: { from: '2026-01-01', to: '2026-06-30' },
  },
  {
    method: 'GET',
    path: '/api/court-settings',
    subject: Subjects.Cases.GetSettings,
    roles: COURT_STAFF_ROLES,
    adds: {},
  },
  {
    method: 'PUT',
    path: '/api/court-settings',
    subject: Subjects.Cases.PutSettings,
    roles: [Role.Director],
    body: {
      triage: {
        fastTrackMaxClaimFen: 5_000_000,
        ordinaryTrackCaseTypes: ['执恢'],
        fastTrackCaseTypes: ['执保'],
        fastTrackWhenDepositsCoverClaim: true,
      },
      teams: [{ id: 'fast-1', name: '快执团队', track: 'FAST', officerIds: ['officer1'] }],
      nodeDeadlineDays: { FUNDS: 20 },
      holidays: ['2026-10-01'],
      workingWeekends: [],
    },
    adds: {},
  },
];

describe('the HTTP routes of a case’s life', () => {
  let routes: RouteApp;
  const call: RouteApp['call'] = (...args) => routes.call(...args);

  describeRouteTable(
    [
      CasesController,
      CaseLifeController,
      MeasuresController,
      ApprovalsController,
      ObjectionsController,
      EntrustmentsController,
      AlertsController,
      DashboardController,
      CourtSettingsController,
    ],
    ROUTES,
    (app) => {
      routes = app;
    },
  );

  it('gives a command without an Idempotency-Key a fresh request key of its own', async () => {
    const route = ROUTES.find((r) => r.subject === Subjects.Cases.DecideMeasure)!;
    await call(Role.Officer, 'POST', route.path, route.body);
    await call(Role.Officer, 'POST', route.path, route.body);
    const [first, second] = routes.bus.sent.map((s) => s.body['requestKey']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('refuses a malformed Idempotency-Key, a requestKey in the body and a body naming another case', async () => {
    const route = ROUTES.find((r) => r.subject === Subjects.Cases.FileObjection)!;
    const badKey = await call(Role.Clerk, 'POST', route.path, route.body, { 'idempotency-key': 'short' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', rule: 'format' }),
    ]);
    const keyInBody = await call(Role.Clerk, 'POST', route.path, {
      ...route.body,
      requestKey: 'in-the-body-1',
    });
    expect(keyInBody.status).toBe(400);
    expect(keyInBody.body.errors?.map((e) => e.field)).toEqual(['requestKey']);
    const otherCase = await call(Role.Clerk, 'POST', route.path, {
      ...route.body,
      targetCaseId: '5f1c7d2a-8e3b-4a6c-9d0e-1f2a3b4c5d6e',
    });
    expect(otherCase.status).toBe(400);
    expect(otherCase.body.errors).toEqual([
      expect.objectContaining({ field: 'targetCaseId', rule: 'whitelistValidation' }),
    ]);
    expect(routes.bus.sent).toEqual([]);
  });

  it('answers a path id that is not a UUID with 400 naming the field, before asking the service', async () => {
    const timeline = await call(Role.Officer, 'GET', '/api/cases/not-a-uuid/timeline');
    expect(timeline.status).toBe(400);
    expect(timeline.body.errors?.map((e) => e.field)).toEqual(['caseId']);
    const decision = await call(Role.Leader, 'POST', '/api/approvals/42/decision', { approve: true });
    expect(decision.status).toBe(400);
    expect(decision.body.errors?.map((e) => e.field)).toEqual(['approvalId']);
    expect(routes.bus.sent).toEqual([]);
  });

  it('names each bad field and rule of a body, a query flag and a dashboard period', async () => {
    const close = await call(Role.Officer, 'POST', `/api/cases/${CASE_ID}/close`, {
      closureType: '结了',
      reason: 'x',
      judgeComment: '无',
    });
    expect(close.status).toBe(400);
    expect(close.body.errors?.map((e) => [e.field, e.rule])).toEqual(
      expect.arrayContaining([
        ['closureType', 'isEnum'],
        ['reason', 'isLength'],
        ['judgeComment', 'whitelistValidation'],
      ]),
    );
    const flag = await call(Role.Officer, 'GET', '/api/alerts?mine=yes');
    expect(flag.status).toBe(400);
    expect(flag.body.errors?.map((e) => [e.field, e.rule])).toEqual([['mine', 'isBoolean']]);
    const period = await call(Role.Leader, 'GET', '/api/dashboard/metrics?from=2026-13-01');
    expect(period.status).toBe(400);
    expect(period.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['from', 'to']));
    expect(routes.bus.sent).toEqual([]);
  });

  it('passes on the service’s refusal with its rule and every unmet condition', async () => {
    routes.bus.failWith = new CodedError(ErrorCode.RuleViolated, '终本 refused', {
      rule: 'TERMINATION_PREREQUISITES',
      errors: [
        {
          field: 'checklist.APPLICANT_INTERVIEWED',
          rule: 'APPLICANT_INTERVIEWED',
          message: '尚未约谈申请执行人',
        },
        { field: 'checklist.OVER_THREE_MONTHS', rule: 'OVER_THREE_MONTHS', message: '立案未满三个月' },
      ],
    });
    const refused = await call(Role.Officer, 'POST', `/api/cases/${CASE_ID}/close`, {
      closureType: 'TERMINATED_THIS_ROUND',
      reason: '无财产可供执行',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'TERMINATION_PREREQUISITES' });
    expect(refused.body.errors?.map((e) => e.rule)).toEqual(['APPLICANT_INTERVIEWED', 'OVER_THREE_MONTHS']);
    routes.bus.failWith = new CodedError(ErrorCode.Forbidden, 'needs a LEADER', {
      rule: 'APPROVAL_ROLE_REQUIRED',
      errors: [{ field: 'approvalId', rule: 'APPROVAL_ROLE_REQUIRED', message: 'needs a LEADER' }],
    });
    const wrongOffice = await call(Role.Director, 'POST', `/api/approvals/${CASE_ID}/decision`, {
      approve: true,
    });
    expect(wrongOffice.status).toBe(403);
    expect(wrongOffice.body.rule).toBe('APPROVAL_ROLE_REQUIRED');
  });

  it('documents each body without the fields the path and the Idempotency-Key header supply', async () => {
    const docs = openApiDocument(routes.app) as unknown as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: object; required?: string[] }> };
    };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/timeline',
        '/api/cases/{id}/close',
        '/api/approvals/{id}/decision',
        '/api/dashboard/metrics',
      ]),
    );
    const { CloseCaseBody, DecideMeasureBody, RegisterCaseBody } = docs.components.schemas;
    expect(Object.keys(CloseCaseBody?.properties ?? {})).toEqual(
      expect.arrayContaining(['closureType', 'performanceMode', 'reason']),
    );
    expect(CloseCaseBody?.properties).not.toHaveProperty('caseId');
    expect(CloseCaseBody?.required).not.toContain('caseId');
    expect(DecideMeasureBody?.properties).not.toHaveProperty('requestKey');
    expect(DecideMeasureBody?.required).toEqual(expect.arrayContaining(['kind', 'respondentIdNumber']));
    expect(RegisterCaseBody?.required).not.toContain('requestKey');
  });
});
