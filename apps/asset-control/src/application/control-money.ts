import { isMoney } from '../domain/control-order.js';
import type { Control } from '../persistence/control.repository.js';

/** Whether a control holds money in an account (frozen and deductible), by its record's class. */
export function isMoneyControl(control: Pick<Control, 'assetClass'>): boolean {
  return isMoney(control.assetClass);
}
