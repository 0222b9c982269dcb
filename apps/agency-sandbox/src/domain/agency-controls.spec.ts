import { AgencyKind, AssetClass, AssetValueKind, isValidResidentIdNumber } from '@writ/contracts';
import { expectedFindings } from './agency-records.js';
import { answerControl as answer, otherCourtHold as heldOf, type ControlOrder } from './agency-controls.js';

const CLASS_OF: Record<string, AssetClass> = {
  [AgencyKind.BankDeposit]: AssetClass.Deposit,
  [AgencyKind.RealEstate]: AssetClass.RealEstate,
  [AgencyKind.Vehicle]: AssetClass.Movable,
  [AgencyKind.ExitEntry]: AssetClass.Information,
};
const answerControl = (order: Omit<ControlOrder, 'assetClass'>, released: boolean) =>
  answer({ ...order, assetClass: CLASS_OF[order.kind]! }, released);
const otherCourtHold = (kind: string, identifier: string) => heldOf(kind, CLASS_OF[kind]!, identifier);

function residentId(n: number): string {
  const body = `211104${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return body + [...'0123456789X'].find((c) => isValidResidentIdNumber(body + c))!;
}

/** The first respondent (by n) on whom the agency of `kind` holds a record matching `fits`. */
function recordOf(kind: AgencyKind, fits: (identifier: string) => boolean = () => true) {
  for (let n = 1; n < 500; n++) {
    const idNumber = residentId(n);
    const record = expectedFindings(kind, CLASS_OF[kind]!, idNumber).find((f) => fits(f.identifier));
    if (record) return { idNumber, record };
  }
  throw new Error(`no ${kind} record found`);
}

describe('the sandbox agencies answer control orders', () => {
  it('freezes what the account holds, up to the amount asked', () => {
    const { idNumber, record } = recordOf(AgencyKind.BankDeposit);
    expect(record.valueKind).toBe(AssetValueKind.Balance);
    const order = {
      controlId: 'c1',
      kind: AgencyKind.BankDeposit,
      action: 'FREEZE' as const,
      subjectIdNumber: idNumber,
      identifier: record.identifier,
    };
    expect(answerControl({ ...order, amountFen: 1 }, false)).toMatchObject({ outcome: 'DONE', amountFen: 1 });
    expect(answerControl({ ...order, amountFen: record.amountFen + 500 }, false)).toMatchObject({
      outcome: 'DONE',
      amountFen: record.amountFen,
    });
  });

  it('refuses an order on a record it does not hold, or one it cannot carry out', () => {
    const { idNumber, record } = recordOf(AgencyKind.BankDeposit);
    const order = { controlId: 'c', kind: AgencyKind.BankDeposit, subjectIdNumber: idNumber };
    expect(answerControl({ ...order, action: 'FREEZE', identifier: 'nope' }, false).outcome).toBe('REFUSED');
    expect(answerControl({ ...order, action: 'SEIZE', identifier: record.identifier }, false).outcome).toBe(
      'REFUSED',
    );
  });

  it('queues a seizure of property another court holds, until that hold is released (轮候)', () => {
    const held = recordOf(AgencyKind.RealEstate, (id) => otherCourtHold(AgencyKind.RealEstate, id) !== null);
    const free = recordOf(AgencyKind.RealEstate, (id) => otherCourtHold(AgencyKind.RealEstate, id) === null);
    const order = (r: typeof held, action: 'SEIZE' | 'STATUS') => ({
      controlId: 'c',
      kind: AgencyKind.RealEstate,
      action,
      subjectIdNumber: r.idNumber,
      identifier: r.record.identifier,
    });
    expect(answerControl(order(free, 'SEIZE'), false)).toMatchObject({
      outcome: 'DONE',
      amountFen: free.record.amountFen,
    });
    const queued = answerControl(order(held, 'SEIZE'), false);
    expect(queued).toMatchObject({ outcome: 'QUEUED' });
    expect(queued.heldBy).toMatch(/^（20\d\d）辽11\d\d执\d+号$/);
    expect(answerControl(order(held, 'STATUS'), false).outcome).toBe('QUEUED');
    expect(answerControl(order(held, 'STATUS'), true).outcome).toBe('DONE');
  });

  it('is the same every time for the same record', () => {
    const { record } = recordOf(AgencyKind.Vehicle);
    expect(otherCourtHold(AgencyKind.Vehicle, record.identifier)).toBe(
      otherCourtHold(AgencyKind.Vehicle, record.identifier),
    );
    expect(otherCourtHold(AgencyKind.BankDeposit, record.identifier)).toBeNull();
  });
});
