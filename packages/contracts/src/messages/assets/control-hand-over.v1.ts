import { IsString, IsUUID, Length } from 'class-validator';

/**
 * `assets.control.hand-to-auction` v1 — 移交拍卖: the officer hands a seized or distrained asset in force
 * (real estate, a vehicle, equity) to the disposal stage (司法处置). Once per control: a second call
 * answers the first hand-over. Refused for a closed or suspended case and for a control not in force.
 * Emits `asset.property.handed-to-auction`; answers the control.
 */
export class HandControlToAuctionCommand {
  /** Idempotency key of the request; the hand-over itself is once per control whatever the key */
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  controlId!: string;
}
