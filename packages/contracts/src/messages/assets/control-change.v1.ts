import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

/**
 * `assets.control.renew` v1 — 续封 / 续冻: before the term ends, the officer extends a control by up to its
 * original term (民诉解释 Art 485). Sent to the agency; answers the renewed control.
 */
export class RenewControlCommand {
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  controlId!: string;

  /** the renewal's length; at most, and by default, the control's original term */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  termMonths?: number;
}

/**
 * `assets.control.release` v1 — 解除: an officer releases a control (also an unfreeze). Sent to the
 * agency; emits `asset.control.released`. Answers the released control. With `amountFen` below what a
 * money freeze holds, only that part is unfrozen (部分解除, e.g. the excess over the limit) and the
 * freeze keeps the rest. Before the claim is paid, a release waits for the director's approval
 * (the answer then shows it 待审批) unless it frees no more than the excess over the limit.
 */
export class ReleaseControlCommand {
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  controlId!: string;

  /** a money freeze only: the part to unfreeze; absent (or the whole frozen amount) releases it all */
  @IsOptional()
  @IsFen({ positive: true })
  amountFen?: Fen;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
