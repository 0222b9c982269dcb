import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

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
 * agency; emits `asset.control.released`. Answers the released control.
 */
export class ReleaseControlCommand {
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  controlId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
