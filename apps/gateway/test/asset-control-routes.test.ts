import {
  CASE_REGISTRAR_ROLES,
  CodedError,
  COURT_STAFF_ROLES,
  ErrorCode,
  Role,
  Subjects,
} from '@writ/contracts';
import { openApiDocument } from '../src/openapi.js';
import { AgencyKindsController } from '../src/http/agency-kinds.controller.js';
import { ControlApprovalsController } from '../src/http/control-approvals.controller.js';
import { ControlsController } from '../src/http/controls.controller.js';
import { InquiriesController } from '../src/http/inquiries.controller.js';
import { LeadsController } from '../src/http/leads.controller.js';
import { ResearchController } from '../src/http/research.controller.js';
import { CASE_ID, DEBTOR, describeRouteTable, type Route, type RouteApp } from './route-table.js';

const CONTROL_ID = '7c2e4b1a-9d3f-4e8a-b6c5-1a2b3c4d5e6f';
const ASSET_ID = '3d5f7a9b-1c2e-4f6a-8b0d-2e4f6a8b0c1d';
const JUDGE_OFFICER_DIRECTOR = [Role.Judge, Role.Officer, Role.Director];
const RECORDERS = [Role.Judge, Role.Officer, Role.Clerk, Role.Director];

/** The route table of issue 4 (asset control), as the web UI and the gateway agree on it. */
const ROUTES: Route[] = [
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/controls`,
    subject: Subjects.Assets.ListControls,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/controls`,
    subject: Subjects.Assets.OrderControl,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { kind: 'FREEZE', assetId: ASSET_ID, amountFen: 5_000_000, note: '冻结工商银行存款' },
    adds: { caseId: CASE_ID },
    idempotent: true,
    created: true,
  },
  {
    method: 'POST',
    path: `/api/controls/${CONTROL_ID}/renew`,
    subject: Subjects.Assets.RenewControl,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { termMonths: 12 },
    adds: { controlId: CONTROL_ID },
    idempotent: true,
  },
  {
    method: 'POST',
    path: `/api/controls/${CONTROL_ID}/release`,
    subject: Subjects.Assets.ReleaseControl,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { reason: '被执行人提供担保' },
    adds: { controlId: CONTROL_ID },
    idempotent: true,
  },
  {
    method: 'POST',
    path: `/api/controls/${CONTROL_ID}/release`,
    subject: Subjects.Assets.ReleaseControl,
    roles: JUDGE_OFFICER_DIRECTOR,
    body: { amountFen: 120_000, reason: '释放超标部分' },
    adds: { controlId: CONTROL_ID },
    idempotent: true,
  },
  {
    method: 'POST',
    path: `/api/controls/${CONTROL_ID}/hand-to-auction`,
    subject: Subjects.Assets.HandToAuction,
    roles: [Role.Judge, Role.Officer],
    body: {},
    adds: { controlId: CONTROL_ID },
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/api/control-approvals',
    subject: Subjects.Assets.ListControlApprovals,
    roles: COURT_STAFF_ROLES,
    adds: {},
  },
  {
    method: 'GET',
    path: `/api/control-approvals?caseId=${CASE_ID}&status=APPROVED`,
    subject: Subjects.Assets.ListControlApprovals,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID, status: 'APPROVED' },
  },
  {
    method: 'POST',
    path: `/api/control-approvals/${CONTROL_ID}/decision`,
    subject: Subjects.Assets.DecideControlApproval,
    roles: [Role.Director],
    body: { approve: false, comment: '担保手续不全' },
    adds: { approvalId: CONTROL_ID },
  },
  {
    method: 'GET',
    path: '/api/agency-kinds',
    subject: Subjects.Assets.ListAgencyKinds,
    roles: COURT_STAFF_ROLES,
    adds: {},
  },
  {
    method: 'PUT',
    path: '/api/agency-kinds/LN_LAND_CONTRACT',
    subject: Subjects.Assets.PutAgencyKind,
    roles: [Role.Director],
    body: {
      nameZh: '农村土地承包经营权',
      nameEn: 'Rural land contracting rights',
      assetClass: 'FINANCIAL_RIGHT',
      appliesTo: ['NATURAL_PERSON'],
      reachesLinkedPersons: false,
      active: true,
    },
    adds: { code: 'LN_LAND_CONTRACT' },
  },
  {
    method: 'GET',
    path: '/api/controls/expiring?withinDays=15',
    subject: Subjects.Assets.ExpiringControls,
    roles: COURT_STAFF_ROLES,
    adds: { withinDays: 15 },
  },
  {
    method: 'POST',
    path: '/api/controls/scan',
    subject: Subjects.Assets.ScanControls,
    roles: [Role.Director],
    adds: {},
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/leads`,
    subject: Subjects.Assets.ListLeads,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/leads`,
    subject: Subjects.Assets.RecordLead,
    roles: CASE_REGISTRAR_ROLES,
    body: {
      kind: 'BANK_DEPOSIT',
      description: '建设银行盘锦分行 6217****0001',
      urgent: true,
      providedBy: '申请执行人',
    },
    adds: { caseId: CASE_ID },
    idempotent: true,
    created: true,
  },
  {
    method: 'POST',
    path: `/api/leads/${CONTROL_ID}/check`,
    subject: Subjects.Assets.CheckLead,
    roles: RECORDERS,
    body: { result: 'NOT_FOUND', note: '查询建设银行账户，余额 0' },
    adds: { leadId: CONTROL_ID },
  },
  {
    method: 'GET',
    path: '/api/leads/overdue',
    subject: Subjects.Assets.OverdueLeads,
    roles: COURT_STAFF_ROLES,
    adds: {},
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/inquiries/resend`,
    subject: Subjects.Assets.ResendInquiries,
    roles: RECORDERS,
    body: { inquiryId: CONTROL_ID },
    adds: { caseId: CASE_ID },
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/inquiry-report`,
    subject: Subjects.Assets.InquiryReport,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'GET',
    path: '/api/dashboard/inquiry-indicator?from=2026-01-01&to=2026-06-30',
    subject: Subjects.Assets.InquiryIndicator,
    roles: [Role.Leader, Role.Director, Role.Judge],
    adds: { from: '2026-01-01', to: '2026-06-30' },
  },
  {
    method: 'POST',
    path: '/api/research/scan',
    subject: Subjects.Assets.ScanResearch,
    roles: [Role.Director],
    adds: {},
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/research`,
    subject: Subjects.Assets.GetResearch,
    roles: COURT_STAFF_ROLES,
    adds: { caseId: CASE_ID },
  },
];

describe('the HTTP routes of asset control', () => {
  let routes: RouteApp;
  const call: RouteApp['call'] = (...args) => routes.call(...args);

  describeRouteTable(
    [
      ControlsController,
      ControlApprovalsController,
      LeadsController,
      InquiriesController,
      ResearchController,
      AgencyKindsController,
    ],
    ROUTES,
    (app) => {
      routes = app;
    },
  );

  it('refuses a control order naming another case or carrying its own request key', async () => {
    const path = `/api/cases/${CASE_ID}/controls`;
    const otherCase = await call(Role.Officer, 'POST', path, {
      kind: 'FREEZE',
      assetId: ASSET_ID,
      caseId: '5f1c7d2a-8e3b-4a6c-9d0e-1f2a3b4c5d6e',
    });
    expect(otherCase.status).toBe(400);
    expect(otherCase.body.errors).toEqual([
      expect.objectContaining({ field: 'caseId', rule: 'whitelistValidation' }),
    ]);
    const keyInBody = await call(Role.Officer, 'POST', `/api/controls/${CONTROL_ID}/renew`, {
      requestKey: 'in-the-body-1',
    });
    expect(keyInBody.status).toBe(400);
    expect(keyInBody.body.errors?.map((e) => e.field)).toEqual(['requestKey']);
    expect(routes.bus.sent).toEqual([]);
  });

  it('answers ids that are not UUIDs and bad queries with 400 naming the field, before asking the service', async () => {
    const controls = await call(Role.Officer, 'GET', '/api/cases/not-a-uuid/controls');
    expect(controls.body.errors?.map((e) => e.field)).toEqual(['caseId']);
    const renew = await call(Role.Officer, 'POST', '/api/controls/42/renew', {});
    expect(renew.body.errors?.map((e) => e.field)).toEqual(['controlId']);
    const check = await call(Role.Clerk, 'POST', '/api/leads/42/check', { result: 'NOT_FOUND', note: '无' });
    expect(check.body.errors?.map((e) => e.field)).toEqual(['leadId']);
    const days = await call(Role.Officer, 'GET', '/api/controls/expiring?withinDays=soon');
    expect(days.body.errors?.map((e) => [e.field, e.rule])).toContainEqual(['withinDays', 'isInt']);
    const tooMany = await call(Role.Officer, 'GET', '/api/controls/expiring?withinDays=400');
    expect(tooMany.body.errors?.map((e) => [e.field, e.rule])).toEqual([['withinDays', 'max']]);
    const period = await call(Role.Leader, 'GET', '/api/dashboard/inquiry-indicator?from=2026-13-01');
    expect(period.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['from', 'to']));
    const deduct = await call(Role.Officer, 'POST', `/api/cases/${CASE_ID}/controls`, { kind: 'DEDUCT' });
    expect(deduct.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['controlId', 'amountFen']),
    );
    for (const answer of [controls, renew, check, days, tooMany, period, deduct])
      expect(answer.status).toBe(400);
    expect(routes.bus.sent).toEqual([]);
  });

  it('passes on the over-control refusal with its rule', async () => {
    routes.bus.failWith = new CodedError(ErrorCode.RuleViolated, 'over the limit', {
      rule: 'OVER_CONTROL',
      errors: [{ field: 'amountFen', rule: 'OVER_CONTROL', message: '超标的查封' }],
    });
    const refused = await call(Role.Officer, 'POST', `/api/cases/${CASE_ID}/controls`, {
      kind: 'FREEZE',
      target: {
        agencyKind: 'BANK_DEPOSIT',
        respondentIdNumber: DEBTOR.idNumber,
        identifier: '6222****0001',
        description: '工商银行存款',
        estimatedValueFen: 99_000_000,
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'OVER_CONTROL' });
  });

  it('documents each body without the fields the path and the Idempotency-Key header supply', async () => {
    const docs = openApiDocument(routes.app) as unknown as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: object; required?: string[] }> };
    };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/controls',
        '/api/controls/{id}/renew',
        '/api/controls/expiring',
        '/api/cases/{id}/leads',
        '/api/leads/{id}/check',
        '/api/dashboard/inquiry-indicator',
        '/api/cases/{id}/research',
      ]),
    );
    const { OrderControlBody, RenewControlBody, RecordLeadBody, CheckLeadBody } = docs.components.schemas;
    expect(Object.keys(OrderControlBody?.properties ?? {})).toEqual(
      expect.arrayContaining(['kind', 'assetId', 'target', 'controlId', 'amountFen']),
    );
    expect(OrderControlBody?.properties).not.toHaveProperty('caseId');
    expect(OrderControlBody?.properties).not.toHaveProperty('requestKey');
    expect(RenewControlBody?.properties).not.toHaveProperty('controlId');
    expect(RecordLeadBody?.required).toEqual(expect.arrayContaining(['kind', 'description', 'providedBy']));
    expect(CheckLeadBody?.properties).not.toHaveProperty('leadId');
  });
});
