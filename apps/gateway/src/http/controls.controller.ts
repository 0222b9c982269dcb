import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  COURT_STAFF_ROLES,
  HandControlToAuctionCommand,
  ListControlsQuery,
  ListExpiringControlsQuery,
  OrderControlCommand,
  ReleaseControlCommand,
  RenewControlCommand,
  Role,
  Subjects,
  type Actor,
  type CaseControlsView,
  type ControlView,
  type ExpiringControlsView,
  type ScanControlsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, idempotentCommandFrom, withNumbers } from './request-input.js';
import { CASE_HANDLER_ROLES } from './roles.js';

/**
 * 财产控制: a case's freezes, seizures and distraints (冻结、查封、扣押) with their terms, the orders that
 * make, renew (续封) and release (解除) them, and the court's controls about to lapse. asset-control holds
 * every rule — the over-control limit, the term, the agency's confirmation; these routes only build the
 * command and pass on the answer.
 */
@ApiTags('asset controls')
@ApiBearerAuth()
@Controller()
export class ControlsController {
  constructor(private readonly bus: BusClient) {}

  /** The case's controls, what it owes and the most its controls may come to (查封规定 Art 19). */
  @Get('cases/:id/controls')
  @Allow(...COURT_STAFF_ROLES)
  async list(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<CaseControlsView> {
    const query = await validateMessage(ListControlsQuery, { caseId: id });
    return this.bus.request(Subjects.Assets.ListControls, query, { actor });
  }

  /** 冻结/查封/扣押 a found asset, or 扣划 from a freeze. Over the limit is 422 OVER_CONTROL. */
  @Post('cases/:id/controls')
  @HttpCode(201)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(OrderControlCommand, { fromPath: ['caseId'], idempotent: true })
  async order(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ControlView> {
    const command = await validateMessage(
      OrderControlCommand,
      idempotentCommandFrom(body, idempotencyKey, { caseId: id }),
    );
    return this.bus.request(Subjects.Assets.OrderControl, command, { actor });
  }

  /** 续封 / 续冻 before the term ends (民诉解释 Art 485). */
  @Post('controls/:id/renew')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(RenewControlCommand, { fromPath: ['controlId'], idempotent: true })
  async renew(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ControlView> {
    const command = await validateMessage(
      RenewControlCommand,
      idempotentCommandFrom(body, idempotencyKey, { controlId: id }),
    );
    return this.bus.request(Subjects.Assets.RenewControl, command, { actor });
  }

  /** 解除 a control (also 解冻). */
  @Post('controls/:id/release')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(ReleaseControlCommand, { fromPath: ['controlId'], idempotent: true })
  async release(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ControlView> {
    const command = await validateMessage(
      ReleaseControlCommand,
      idempotentCommandFrom(body, idempotencyKey, { controlId: id }),
    );
    return this.bus.request(Subjects.Assets.ReleaseControl, command, { actor });
  }

  /**
   * 移交拍卖: hands a seizure or distraint in force to the auction stage, once per control (a repeat
   * answers the first). A closed or suspended case, or a control not in force, is 422 naming the rule.
   */
  @Post('controls/:id/hand-to-auction')
  @HttpCode(200)
  @Allow(Role.Officer, Role.Judge)
  @ApiCommandBody(HandControlToAuctionCommand, { fromPath: ['controlId'], idempotent: true })
  async handToAuction(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ControlView> {
    const command = await validateMessage(
      HandControlToAuctionCommand,
      idempotentCommandFrom(body, idempotencyKey, { controlId: id }),
    );
    return this.bus.request(Subjects.Assets.HandToAuction, command, { actor });
  }

  /** 到期预警: the court's controls in force whose term ends within `withinDays`. */
  @Get('controls/expiring')
  @Allow(...COURT_STAFF_ROLES)
  @ApiQuery({ name: 'withinDays', required: false, type: Number, description: 'default 30' })
  async expiring(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ExpiringControlsView> {
    const validated = await validateMessage(ListExpiringControlsQuery, withNumbers(query, ['withinDays']));
    return this.bus.request(Subjects.Assets.ExpiringControls, validated, { actor });
  }

  /** Runs the control sweep for the caller's court now: lapses, queued controls, releases owed. */
  @Post('controls/scan')
  @HttpCode(200)
  @Allow(Role.Director)
  async scan(@CurrentActor() actor: Actor): Promise<ScanControlsReply> {
    return this.bus.request(Subjects.Assets.ScanControls, {}, { actor });
  }
}
