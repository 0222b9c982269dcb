import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CASE_REGISTRAR_ROLES,
  CloseCaseCommand,
  COURT_STAFF_ROLES,
  GetTerminationChecklistQuery,
  GetTimelineQuery,
  LiftSuspensionCommand,
  ReassignCaseCommand,
  RecordActivityCommand,
  RefuseApplicationCommand,
  RequestExtensionCommand,
  ResumeCaseCommand,
  Role,
  Subjects,
  SuspendCaseCommand,
  TransferToBankruptcyCommand,
  type Actor,
  type CaseDetail,
  type CaseTimelineView,
  type IntakeRefusalView,
  type TerminationChecklistView,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom, idempotentCommandFrom } from './request-input.js';
import { ADJUDICATOR_ROLES, CASE_HANDLER_ROLES, CASE_RECORDER_ROLES } from './roles.js';

/**
 * A case's life after 立案: its timeline, what officers record and decide on it, its period, its
 * closure (终本 only with every prerequisite met) and its resumption. The service holds every rule;
 * these routes only build the command and pass on the service's answer.
 */
@ApiTags('case life')
@ApiBearerAuth()
@Controller('cases')
export class CaseLifeController {
  constructor(private readonly bus: BusClient) {}

  /** 裁定不予受理: an application refused with its reasons; no case number is taken. */
  @Post('refusals')
  @HttpCode(201)
  @Allow(...CASE_REGISTRAR_ROLES)
  @ApiCommandBody(RefuseApplicationCommand, { idempotent: true })
  async refuse(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<IntakeRefusalView> {
    const command = await validateMessage(
      RefuseApplicationCommand,
      idempotentCommandFrom(body, idempotencyKey),
    );
    return this.bus.request(Subjects.Cases.RefuseApplication, command, { actor });
  }

  /** The flow nodes, the statutory period, the assignment, activities and linked cases. */
  @Get(':id/timeline')
  @Allow(...COURT_STAFF_ROLES, Role.Party)
  async timeline(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<CaseTimelineView> {
    const query = await validateMessage(GetTimelineQuery, { caseId: id });
    return this.bus.request(Subjects.Cases.Timeline, query, { actor });
  }

  /** 约谈, 查找, 现场调查, 财产报告 ...: a fact of the case, on the day it happened. */
  @Post(':id/activities')
  @HttpCode(201)
  @Allow(...CASE_RECORDER_ROLES)
  @ApiCommandBody(RecordActivityCommand, { fromPath: ['caseId'] })
  async recordActivity(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(RecordActivityCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.RecordActivity, command, { actor });
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Allow(...ADJUDICATOR_ROLES)
  @ApiCommandBody(ReassignCaseCommand, { fromPath: ['caseId'] })
  async reassign(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(ReassignCaseCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.Reassign, command, { actor });
  }

  /** 中止执行 (or a stay for appraisal, auction or settlement): the period stops running. */
  @Post(':id/suspend')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(SuspendCaseCommand, { fromPath: ['caseId'] })
  async suspend(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(SuspendCaseCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.Suspend, command, { actor });
  }

  @Post(':id/lift-suspension')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  async liftSuspension(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<CaseTimelineView> {
    const command = await validateMessage(LiftSuspensionCommand, { caseId: id });
    return this.bus.request(Subjects.Cases.LiftSuspension, command, { actor });
  }

  /** 执转破: an enterprise debtor, a party's consent and the insolvency finding. */
  @Post(':id/transfer-to-bankruptcy')
  @HttpCode(200)
  @Allow(...ADJUDICATOR_ROLES)
  @ApiCommandBody(TransferToBankruptcyCommand, { fromPath: ['caseId'] })
  async transferToBankruptcy(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(TransferToBankruptcyCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.TransferToBankruptcy, command, { actor });
  }

  /** Asks the president for 3 more months; the period grows when the approval is given. */
  @Post(':id/extension')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(RequestExtensionCommand, { fromPath: ['caseId'] })
  async requestExtension(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(RequestExtensionCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.RequestExtension, command, { actor });
  }

  /** The 终本 prerequisites as they stand today, each met or not. */
  @Get(':id/closure-checklist')
  @Allow(...COURT_STAFF_ROLES)
  async closureChecklist(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<TerminationChecklistView> {
    const query = await validateMessage(GetTerminationChecklistQuery, { caseId: id });
    return this.bus.request(Subjects.Cases.TerminationChecklist, query, { actor });
  }

  /** 结案. 终本 is refused (422) with each unmet prerequisite in `errors[]`. */
  @Post(':id/close')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(CloseCaseCommand, { fromPath: ['caseId'] })
  async close(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(CloseCaseCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.Close, command, { actor });
  }

  /** 恢复执行: a new 执恢 case from this (终本) case. Send an Idempotency-Key so a retry files once. */
  @Post(':id/resume')
  @HttpCode(201)
  @Allow(...CASE_REGISTRAR_ROLES)
  @ApiCommandBody(ResumeCaseCommand, { fromPath: ['originalCaseId'], idempotent: true })
  async resume(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<CaseDetail> {
    const command = await validateMessage(
      ResumeCaseCommand,
      idempotentCommandFrom(body, idempotencyKey, { originalCaseId: id }),
    );
    return this.bus.request(Subjects.Cases.Resume, command, { actor });
  }
}
