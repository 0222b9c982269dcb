import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApplyForfeitedDepositCommand,
  ConfirmPayoutCommand,
  DecideDistributionObjectionCommand,
  DecidePayoutCommand,
  ForfeitDepositCommand,
  GetDistributionQuery,
  GetReconciliationQuery,
  GetRecoveryQuery,
  HoldDepositCommand,
  ImportBankStatementCommand,
  ListLotDepositsQuery,
  ListOverduePayoutsQuery,
  ListOverdueRefundsQuery,
  ListPayoutDeadlinesQuery,
  ListPayoutsQuery,
  ObjectToDistributionCommand,
  ProposeDistributionCommand,
  RefundDepositCommand,
  RequestPayoutCommand,
  ScanPayoutDeadlinesCommand,
  SettleLotDepositsCommand,
  Subjects,
  type DepositView,
  type DistributionPlanView,
  type ForfeitApplicationView,
  type ImportBankStatementReply,
  type ListDepositsReply,
  type ListPayoutsReply,
  type PayoutDeadlinesReply,
  type PayoutView,
  type ReconciliationView,
  type RecoveryView,
  type ScanPayoutDeadlinesReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { DepositUseCase } from '../application/deposit.use-case.js';
import { DistributionUseCase } from '../application/distribution.use-case.js';
import { PayoutDeadlines } from '../application/payout-deadlines.js';
import { PayoutUseCase } from '../application/payout.use-case.js';
import { ReconciliationUseCase } from '../application/reconciliation.use-case.js';
import { RecoveryQuery } from '../application/recovery.query.js';

/** Payouts, distribution plans, deadlines, deposits, reconciliation and recovery over the bus. */
@Controller()
export class FlowsRpcController {
  constructor(
    private readonly payouts: PayoutUseCase,
    private readonly plans: DistributionUseCase,
    private readonly deadlines: PayoutDeadlines,
    private readonly deposits: DepositUseCase,
    private readonly reconciliation: ReconciliationUseCase,
    private readonly recovery: RecoveryQuery,
  ) {}

  @MessagePattern(Subjects.Ledger.RequestPayout)
  requestPayout(@Payload() command: RequestPayoutCommand, @Ctx() ctx: BusContext): Promise<PayoutView> {
    return this.payouts.request(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.DecidePayout)
  decidePayout(@Payload() command: DecidePayoutCommand, @Ctx() ctx: BusContext): Promise<PayoutView> {
    return this.payouts.decide(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ConfirmPayout)
  confirmPayout(@Payload() command: ConfirmPayoutCommand, @Ctx() ctx: BusContext): Promise<PayoutView> {
    return this.payouts.confirm(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ListPayouts)
  listPayouts(@Payload() query: ListPayoutsQuery, @Ctx() ctx: BusContext): Promise<ListPayoutsReply> {
    return this.payouts.list(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.PayoutDeadlines)
  payoutDeadlines(
    @Payload() query: ListPayoutDeadlinesQuery,
    @Ctx() ctx: BusContext,
  ): Promise<PayoutDeadlinesReply> {
    return this.deadlines.list(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.OverduePayouts)
  overduePayouts(
    @Payload() query: ListOverduePayoutsQuery,
    @Ctx() ctx: BusContext,
  ): Promise<PayoutDeadlinesReply> {
    return this.deadlines.overdue(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ScanPayoutDeadlines)
  scanDeadlines(
    @Payload() _command: ScanPayoutDeadlinesCommand,
    @Ctx() ctx: BusContext,
  ): Promise<ScanPayoutDeadlinesReply> {
    return this.deadlines.scan(ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ProposeDistribution)
  propose(
    @Payload() command: ProposeDistributionCommand,
    @Ctx() ctx: BusContext,
  ): Promise<DistributionPlanView> {
    return this.plans.propose(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ObjectToDistribution)
  object(
    @Payload() command: ObjectToDistributionCommand,
    @Ctx() ctx: BusContext,
  ): Promise<DistributionPlanView> {
    return this.plans.object(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.DecideDistributionObjection)
  decideObjection(
    @Payload() command: DecideDistributionObjectionCommand,
    @Ctx() ctx: BusContext,
  ): Promise<DistributionPlanView> {
    return this.plans.decideObjection(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.GetDistribution)
  getDistribution(
    @Payload() query: GetDistributionQuery,
    @Ctx() ctx: BusContext,
  ): Promise<DistributionPlanView> {
    return this.plans.get(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.HoldDeposit)
  hold(@Payload() command: HoldDepositCommand, @Ctx() ctx: BusContext): Promise<DepositView> {
    return this.deposits.hold(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.SettleLotDeposits)
  settle(@Payload() command: SettleLotDepositsCommand, @Ctx() ctx: BusContext): Promise<ListDepositsReply> {
    return this.deposits.settle(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.RefundDeposit)
  refund(@Payload() command: RefundDepositCommand, @Ctx() ctx: BusContext): Promise<DepositView> {
    return this.deposits.refund(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ForfeitDeposit)
  forfeit(@Payload() command: ForfeitDepositCommand, @Ctx() ctx: BusContext): Promise<DepositView> {
    return this.deposits.forfeit(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ApplyForfeitedDeposit)
  applyForfeited(
    @Payload() command: ApplyForfeitedDepositCommand,
    @Ctx() ctx: BusContext,
  ): Promise<ForfeitApplicationView> {
    return this.deposits.applyForfeited(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ListLotDeposits)
  lotDeposits(@Payload() query: ListLotDepositsQuery, @Ctx() ctx: BusContext): Promise<ListDepositsReply> {
    return this.deposits.list(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.OverdueRefunds)
  overdueRefunds(
    @Payload() query: ListOverdueRefundsQuery,
    @Ctx() ctx: BusContext,
  ): Promise<ListDepositsReply> {
    return this.deposits.overdue(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ImportBankStatement)
  importStatement(
    @Payload() command: ImportBankStatementCommand,
    @Ctx() ctx: BusContext,
  ): Promise<ImportBankStatementReply> {
    return this.reconciliation.import(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.GetReconciliation)
  getReconciliation(
    @Payload() query: GetReconciliationQuery,
    @Ctx() ctx: BusContext,
  ): Promise<ReconciliationView> {
    return this.reconciliation.get(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.GetRecovery)
  getRecovery(@Payload() query: GetRecoveryQuery, @Ctx() ctx: BusContext): Promise<RecoveryView> {
    return this.recovery.get(query, ctx.requireActor());
  }
}
