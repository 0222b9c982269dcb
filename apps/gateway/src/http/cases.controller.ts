import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CASE_REGISTRAR_ROLES,
  COURT_STAFF_ROLES,
  ErrorCode,
  GetCaseQuery,
  ListCasesQuery,
  RegisterCaseCommand,
  Role,
  Subjects,
  type Actor,
  type CaseDetail,
  type GetFindingsReply,
  type ListCasesReply,
} from '@writ/contracts';
import { BusClient, BusRequestError, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, idempotentCommandFrom } from './request-input.js';

export type CaseWithInquiry = CaseDetail & { inquiry: GetFindingsReply | null };

/** The case register, for the court's staff; a party sees only its own cases (the service filters). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly bus: BusClient) {}

  /** 立案. Send an Idempotency-Key so a retried submission registers once. */
  @Post()
  @HttpCode(201)
  @Allow(...CASE_REGISTRAR_ROLES)
  @ApiCommandBody(RegisterCaseCommand, { idempotent: true })
  async register(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<CaseDetail> {
    const command = await validateMessage(RegisterCaseCommand, idempotentCommandFrom(body, idempotencyKey));
    return this.bus.request(Subjects.Cases.Register, command, { actor });
  }

  @Get()
  @Allow(...COURT_STAFF_ROLES, Role.Party)
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  @ApiQuery({ name: 'status', required: false, enum: ['REGISTERED', 'CLOSED'] })
  async list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<ListCasesReply> {
    const validated = await validateMessage(ListCasesQuery, { ...query });
    return this.bus.request(Subjects.Cases.List, validated, { actor });
  }

  /** The case with its asset inquiry: which agencies answered and what they found. */
  @Get(':id')
  @Allow(...COURT_STAFF_ROLES, Role.Party)
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<CaseWithInquiry> {
    const query = await validateMessage(GetCaseQuery, { caseId: id });
    const detail = await this.bus.request(Subjects.Cases.Get, query, { actor });
    // a party follows its case, but what the inquiry found stays with the court: a debtor told of the
    // accounts found before they are frozen could empty them
    if (actor.roles.every((role) => role === Role.Party)) return { ...detail, inquiry: null };
    let inquiry: GetFindingsReply | null = null;
    try {
      inquiry = await this.bus.request(Subjects.Assets.GetFindings, { caseId: detail.id }, { actor });
    } catch (error) {
      // the case is still worth showing while asset-control is down; the UI says the inquiry is unknown
      const unavailable =
        error instanceof BusRequestError &&
        (error.wire.code === ErrorCode.ServiceUnavailable || error.wire.code === ErrorCode.UpstreamTimeout);
      if (!unavailable) throw error;
    }
    return { ...detail, inquiry };
  }
}
