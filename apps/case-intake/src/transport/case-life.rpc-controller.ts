import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptEntrustmentCommand,
  CloseCaseCommand,
  DecideObjectionCommand,
  EntrustCaseCommand,
  FileObjectionCommand,
  GetTerminationChecklistQuery,
  GetTimelineQuery,
  LiftSuspensionCommand,
  ListAlertsQuery,
  ListEntrustmentsQuery,
  PutCourtSettingsCommand,
  ReassignCaseCommand,
  RecordActivityCommand,
  RefuseApplicationCommand,
  RequestExtensionCommand,
  ResumeCaseCommand,
  Subjects,
  SuspendCaseCommand,
  TransferToBankruptcyCommand,
  type CaseDetail,
  type CaseTimelineView,
  type CourtSettingsView,
  type EntrustmentView,
  type IntakeRefusalView,
  type ListAlertsReply,
  type ListEntrustmentsReply,
  type ScanAlertsReply,
  type TerminationChecklistView,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { CaseProgressUseCases } from '../application/case-progress.use-cases.js';
import { CaseTimelineQueries } from '../application/case-timeline.queries.js';
import { CourtSettingsUseCase } from '../application/court-settings.use-case.js';
import { CloseCaseUseCase } from '../application/close-case.use-case.js';
import { EntrustmentUseCase } from '../application/entrustment.use-case.js';
import { ExtensionUseCase } from '../application/extension.use-case.js';
import { ObjectionsUseCase } from '../application/objections.use-case.js';
import { RefuseApplicationUseCase } from '../application/refuse-application.use-case.js';
import { ResumeCaseUseCase } from '../application/resume-case.use-case.js';
import { SupervisionAlerts } from '../application/supervision-alerts.js';
import { UnitOfWork } from '@writ/platform';

/** The case's life over the bus: each handler validates (by the payload's class) and calls one use case. */
@Controller()
export class CaseLifeRpcController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly refusals: RefuseApplicationUseCase,
    private readonly timelines: CaseTimelineQueries,
    private readonly progress: CaseProgressUseCases,
    private readonly extension: ExtensionUseCase,
    private readonly closing: CloseCaseUseCase,
    private readonly resumption: ResumeCaseUseCase,
    private readonly objections: ObjectionsUseCase,
    private readonly entrustments: EntrustmentUseCase,
    private readonly alerts: SupervisionAlerts,
    private readonly courtSettings: CourtSettingsUseCase,
  ) {}

  @MessagePattern(Subjects.Cases.RefuseApplication)
  refuse(@Payload() c: RefuseApplicationCommand, @Ctx() ctx: BusContext): Promise<IntakeRefusalView> {
    return this.refusals.execute(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Timeline)
  timeline(@Payload() q: GetTimelineQuery, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.timelines.view(this.unitOfWork.manager, q.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.RecordActivity)
  recordActivity(@Payload() c: RecordActivityCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.progress.recordActivity(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Reassign)
  reassign(@Payload() c: ReassignCaseCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.progress.reassign(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Suspend)
  suspend(@Payload() c: SuspendCaseCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.progress.suspend(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.LiftSuspension)
  liftSuspension(@Payload() c: LiftSuspensionCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.progress.liftSuspension(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.TransferToBankruptcy)
  bankruptcy(@Payload() c: TransferToBankruptcyCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.progress.transferToBankruptcy(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.RequestExtension)
  requestExtension(@Payload() c: RequestExtensionCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.extension.request(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.TerminationChecklist)
  checklist(
    @Payload() q: GetTerminationChecklistQuery,
    @Ctx() ctx: BusContext,
  ): Promise<TerminationChecklistView> {
    return this.closing.checklist(q.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Close)
  close(@Payload() c: CloseCaseCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.closing.execute(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Resume)
  resume(@Payload() c: ResumeCaseCommand, @Ctx() ctx: BusContext): Promise<CaseDetail> {
    return this.resumption.execute(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.FileObjection)
  fileObjection(@Payload() c: FileObjectionCommand, @Ctx() ctx: BusContext): Promise<CaseDetail> {
    return this.objections.file(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.DecideObjection)
  decideObjection(@Payload() c: DecideObjectionCommand, @Ctx() ctx: BusContext): Promise<CaseTimelineView> {
    return this.objections.decide(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Entrust)
  entrust(@Payload() c: EntrustCaseCommand, @Ctx() ctx: BusContext): Promise<EntrustmentView> {
    return this.entrustments.entrust(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.AcceptEntrustment)
  acceptEntrustment(@Payload() c: AcceptEntrustmentCommand, @Ctx() ctx: BusContext): Promise<CaseDetail> {
    return this.entrustments.accept(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.ListEntrustments)
  listEntrustments(
    @Payload() q: ListEntrustmentsQuery,
    @Ctx() ctx: BusContext,
  ): Promise<ListEntrustmentsReply> {
    return this.entrustments.list(q, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.ListAlerts)
  listAlerts(@Payload() q: ListAlertsQuery, @Ctx() ctx: BusContext): Promise<ListAlertsReply> {
    return this.alerts.list(q, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.GetSettings)
  settings(@Ctx() ctx: BusContext): Promise<CourtSettingsView> {
    return this.courtSettings.get(ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.PutSettings)
  putSettings(@Payload() c: PutCourtSettingsCommand, @Ctx() ctx: BusContext): Promise<CourtSettingsView> {
    return this.courtSettings.put(c, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.ScanAlerts)
  scanAlerts(@Ctx() ctx: BusContext): Promise<ScanAlertsReply> {
    ctx.requireActor();
    return this.alerts.scan();
  }
}
