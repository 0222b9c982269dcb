import {
  AgencyKind,
  agencyControlSubject,
  AssetClass,
  AssetValueKind,
  type AgencyControlRequest,
} from '@writ/contracts';
import { uniqueSuffix, type BusClient, type RunningService, TestNamespace } from '@writ/platform';
import { expectedFindings, startAgencySandbox } from '../src/app.js';

/** A debtor whose bank reports a balance of at least ¥1,000, as the sandbox answers. */
function depositor(): { idNumber: string; identifier: string; balanceFen: number } {
  for (let n = 100; n < 3000; n++) {
    const body = `110105${1950 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
    for (const check of '0123456789X') {
      const record = expectedFindings(AgencyKind.BankDeposit, AssetClass.Deposit, body + check).find(
        (f) => f.valueKind === AssetValueKind.Balance && f.amountFen >= 100_000,
      );
      if (record)
        return { idNumber: body + check, identifier: record.identifier, balanceFen: record.amountFen };
    }
  }
  throw new Error('no depositor');
}

const DEBTOR = depositor();

describe('agency-sandbox carries out a follow-up control order once per action id', () => {
  const here = new TestNamespace('t-acr');
  let service: RunningService;
  let client: BusClient;

  const order = (action: AgencyControlRequest['action'], extra: Partial<AgencyControlRequest> = {}) =>
    client.request(agencyControlSubject(AgencyKind.BankDeposit), {
      controlId: `ctl-${uniqueSuffix()}`,
      kind: AgencyKind.BankDeposit,
      assetClass: AssetClass.Deposit,
      action,
      subjectIdNumber: DEBTOR.idNumber,
      identifier: DEBTOR.identifier,
      caseNumber: '（2026）辽1104执9号',
      courtCode: '辽1104',
      ...extra,
    });
  const logged = async (actionId: string) =>
    (
      await service.dataSource.query<{ outcome: string; moved_fen: string }[]>(
        `SELECT outcome, moved_fen::text FROM agency_control_log WHERE action_id = $1 ORDER BY id`,
        [actionId],
      )
    ).map((r) => `${r.outcome}:${r.moved_fen}`);

  beforeAll(async () => {
    service = await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    ({ client } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('answers a repeated deduction with its first answer, logs REPEATED, and moves the money once', async () => {
    const actionId = `act-${uniqueSuffix()}`;
    const controlId = `ctl-${uniqueSuffix()}`;
    const half = Math.floor(DEBTOR.balanceFen / 2);
    const first = await order('DEDUCT', { actionId, controlId, amountFen: half });
    expect(first).toMatchObject({ outcome: 'DONE', amountFen: half });
    const again = await order('DEDUCT', { actionId, controlId, amountFen: half });
    expect(again).toEqual(first);
    // eight deliveries of the same id at once: one answer among them
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => order('DEDUCT', { actionId, controlId, amountFen: half })),
    );
    for (const reply of burst) expect(reply).toEqual(first);
    expect(await logged(actionId)).toEqual([`ANSWERED:${half}`, ...Array<string>(9).fill('REPEATED:0')]);

    // another deduction (a new action id) sees only what is left in the account
    const rest = DEBTOR.balanceFen - half;
    const tooMuch = await order('DEDUCT', { actionId: `act-${uniqueSuffix()}`, amountFen: rest + 1 });
    expect(tooMuch).toMatchObject({ outcome: 'REFUSED' });
    const theRest = await order('DEDUCT', { actionId: `act-${uniqueSuffix()}`, amountFen: rest });
    expect(theRest).toMatchObject({ outcome: 'DONE', amountFen: rest });
  });

  it('answers a repeated release and renewal the same, and releases part of a freeze by the amount asked', async () => {
    const release = `act-${uniqueSuffix()}`;
    const part = await order('RELEASE', { actionId: release, amountFen: 30_000 });
    expect(part).toMatchObject({ outcome: 'DONE', amountFen: 30_000 });
    expect(await order('RELEASE', { actionId: release, amountFen: 30_000 })).toEqual(part);
    expect(await logged(release)).toEqual(['ANSWERED:0', 'REPEATED:0']);

    const renew = `act-${uniqueSuffix()}`;
    const renewed = await order('RENEW', { actionId: renew });
    expect(await order('RENEW', { actionId: renew })).toEqual(renewed);
    expect(await logged(renew)).toEqual(['ANSWERED:0', 'REPEATED:0']);
  });

  it('answers orders without an action id (the first order, STATUS) afresh, logging nothing', async () => {
    const frozen = await order('FREEZE', { amountFen: 10_000 });
    expect(frozen).toMatchObject({ outcome: 'DONE', amountFen: 10_000 });
    const rows = await service.dataSource.query<unknown[]>(
      `SELECT 1 FROM agency_control_log WHERE control_id = $1`,
      [frozen.controlId],
    );
    expect(rows).toEqual([]);
  });
});
