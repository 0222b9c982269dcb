import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './auth/access.js';
import { AgencyKindsController } from './http/agency-kinds.controller.js';
import { AlertsController } from './http/alerts.controller.js';
import { ApprovalsController } from './http/approvals.controller.js';
import { AuthController } from './http/auth.controller.js';
import { CaseLifeController } from './http/case-life.controller.js';
import { CasesController } from './http/cases.controller.js';
import { CourtSettingsController } from './http/court-settings.controller.js';
import { CourtStaffController } from './http/court-staff.controller.js';
import { ControlApprovalsController } from './http/control-approvals.controller.js';
import { ControlsController } from './http/controls.controller.js';
import { InquiriesController } from './http/inquiries.controller.js';
import { LeadsController } from './http/leads.controller.js';
import { LedgerCasesController } from './http/ledger-cases.controller.js';
import { LedgerController } from './http/ledger.controller.js';
import { ResearchController } from './http/research.controller.js';
import { DashboardController } from './http/dashboard.controller.js';
import { EntrustmentsController } from './http/entrustments.controller.js';
import { GatewayHealthController } from './http/health.controller.js';
import { MeasuresController } from './http/measures.controller.js';
import { ObjectionsController } from './http/objections.controller.js';

@Module({
  controllers: [
    AuthController,
    CasesController,
    GatewayHealthController,
    CaseLifeController,
    MeasuresController,
    ApprovalsController,
    ObjectionsController,
    EntrustmentsController,
    AlertsController,
    DashboardController,
    CourtSettingsController,
    CourtStaffController,
    ControlsController,
    AgencyKindsController,
    ControlApprovalsController,
    LeadsController,
    InquiriesController,
    ResearchController,
    LedgerCasesController,
    LedgerController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class GatewayModule {}
