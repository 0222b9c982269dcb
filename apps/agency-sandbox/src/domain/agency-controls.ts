import {
  AssetClass,
  AssetValueKind,
  type AgencyKind,
  type AgencyControlAction,
  type AgencyControlReply,
  type AgencyFinding,
  type Fen,
} from '@writ/contracts';
import { expectedFindings } from './agency-records.js';
import { DigestStream } from './digest-stream.js';

/**
 * How the sandbox's agencies answer control orders, reproducibly: the record must be one the agency
 * reports (`expectedFindings`), a freeze takes what the account holds, and some property is already
 * held by another court — decided by the SHA-256 of `hold:${kind}:${identifier}` — so a seizure of it
 * waits in line (轮候) until that court's hold is released.
 */

/** The share of registered property another court already holds. */
const OTHER_COURT_HOLD_CHANCE = 0.35;
/** Registered property other courts may already hold in the sandbox (money is frozen by amount instead). */
const HOLDABLE: readonly AssetClass[] = [
  AssetClass.RealEstate,
  AssetClass.Movable,
  AssetClass.FinancialRight,
];

/** Which orders each class of record takes, as a real registry refuses an order it cannot carry out. */
const ACCEPTS: Record<AssetClass, readonly AgencyControlAction[]> = {
  [AssetClass.Deposit]: ['FREEZE', 'DEDUCT'],
  [AssetClass.FinancialRight]: ['FREEZE'],
  [AssetClass.RealEstate]: ['SEIZE'],
  [AssetClass.Movable]: ['SEIZE', 'DISTRAIN'],
  [AssetClass.Information]: [],
};

/** The other court's case holding the record first, or null. */
export function otherCourtHold(kind: AgencyKind, assetClass: AssetClass, identifier: string): string | null {
  return HOLDABLE.includes(assetClass) ? recordedHold(kind, identifier) : null;
}

/** The other court's case the sandbox's registry shows on the record, whatever the record is. */
export function recordedHold(kind: AgencyKind, identifier: string): string | null {
  const stream = new DigestStream(`hold:${kind}:${identifier}`);
  if (!stream.chance(OTHER_COURT_HOLD_CHANCE)) return null;
  return `（${stream.between(2019, 2025)}）辽${stream.between(1100, 1199)}执${stream.between(1, 9999)}号`;
}

export interface ControlOrder {
  controlId: string;
  kind: AgencyKind;
  assetClass: AssetClass;
  action: AgencyControlAction;
  subjectIdNumber: string;
  identifier: string;
  amountFen?: Fen;
}

type Answer = Omit<AgencyControlReply, 'answeredAt'>;

/**
 * The agency's answer to one order, given whether the other court's hold on the record (if any) has
 * been released. Pure: the same order and release state give the same answer.
 */
export function answerControl(order: ControlOrder, holdReleased: boolean, deductedFen = 0): Answer {
  const base = { controlId: order.controlId, kind: order.kind, action: order.action };
  const refuse = (reason: string): Answer => ({ ...base, outcome: 'REFUSED', amountFen: 0, reason });
  const record: AgencyFinding | undefined = expectedFindings(
    order.kind,
    order.assetClass,
    order.subjectIdNumber,
  ).find((f) => f.identifier === order.identifier);
  if (!record) return refuse(`no record ${order.identifier} of ${order.subjectIdNumber}`);
  const heldBy = otherCourtHold(order.kind, order.assetClass, order.identifier);
  const queued = heldBy !== null && !holdReleased;
  switch (order.action) {
    case 'FREEZE':
    case 'SEIZE':
    case 'DISTRAIN': {
      if (!ACCEPTS[order.assetClass].includes(order.action)) {
        return refuse(`the ${order.kind} agency (${order.assetClass}) does not carry out ${order.action}`);
      }
      if (record.valueKind === AssetValueKind.Balance) {
        // the account freezes what it holds, up to what was asked
        const frozen = Math.min(order.amountFen ?? record.amountFen, record.amountFen);
        if (frozen === 0) return refuse('the account holds nothing to freeze');
        return { ...base, outcome: 'DONE', amountFen: frozen };
      }
      if (queued) {
        return {
          ...base,
          outcome: 'QUEUED',
          amountFen: record.amountFen,
          heldBy,
          reason: `轮候 behind ${heldBy}`,
        };
      }
      return { ...base, outcome: 'DONE', amountFen: record.amountFen };
    }
    case 'STATUS':
      return queued
        ? { ...base, outcome: 'QUEUED', amountFen: record.amountFen, heldBy }
        : { ...base, outcome: 'DONE', amountFen: record.amountFen };
    case 'DEDUCT': {
      if (!ACCEPTS[order.assetClass].includes('DEDUCT'))
        return refuse(`the ${order.kind} agency cannot deduct`);
      const amount = order.amountFen ?? 0;
      // what earlier deductions moved out of the account is gone: the balance is what is left
      const balance = record.amountFen - deductedFen;
      if (amount <= 0 || amount > balance) {
        return refuse(`cannot transfer ${amount} fen: ${balance} fen left`);
      }
      return { ...base, outcome: 'DONE', amountFen: amount };
    }
    case 'RENEW':
      return { ...base, outcome: 'DONE', amountFen: 0 };
    case 'RELEASE':
      // 部分解除: the part asked is unfrozen; without an amount, the whole hold
      return { ...base, outcome: 'DONE', amountFen: order.amountFen ?? 0 };
  }
}
