import { randomUUID } from 'node:crypto';
import {
  AlertKind,
  Events,
  executionFeeFen,
  Role,
  Subjects,
  type Actor,
  type EventEnvelope,
  type LedgerMoneyPaidOutV1,
  type LedgerPayoutDueSoonV1,
} from '@writ/contracts';
import {
  eventually,
  FixedClock,
  testActor,
  testEvent,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startCaseIntake } from '../src/app.js';
import { PAYOUT_ALERTS_CONSUMER } from '../src/application/payout-alerts.js';
import { application } from './fixtures.js';

const COURT = '辽1104';
const clerk = testActor({ id: 'user-clerk-1', username: 'clerk1', roles: [Role.Clerk] });
const director = testActor({ id: 'user-director-1', username: 'director1', roles: [Role.Director] });

describe('案款即将超期 in the officers’ alerts: raised by the ledger’s due-soon, cleared as the money goes out', () => {
  const here = new TestNamespace('t-pay');
  // 10:00 in Beijing on Monday 16 March 2026
  const clock = new FixedClock(new Date('2026-03-16T02:00:00Z'));
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  beforeAll(async () => {
    service = await here.start(startCaseIntake, 'case-intake', { ALERT_SCAN_INTERVAL_MS: '0' }, { clock });
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  /** A case as an officer registers it; its officer is who the court's teams give it to. */
  async function newCase(claimAmountFen: number) {
    const registered = await client.request(Subjects.Cases.Register, application({ claimAmountFen }), {
      actor: testActor({ roles: [Role.Officer], username: 'officer1' }),
    });
    const view = await client.request(Subjects.Cases.Timeline, { caseId: registered.id }, { actor: clerk });
    return { caseId: registered.id, caseNumber: registered.caseNumber, officerId: view.officerId! };
  }
  const handled = (eventId: string, consumer: string) =>
    eventually(
      () =>
        service.dataSource.query<unknown[]>(`SELECT 1 FROM inbox WHERE event_id = $1 AND consumer = $2`, [
          eventId,
          consumer,
        ]),
      (rows) => rows.length === 1,
      `event ${eventId} to be handled by ${consumer}`,
    );
  const tell = async <T>(event: EventEnvelope<T>, consumer = PAYOUT_ALERTS_CONSUMER) => {
    await bus.publish(event);
    await handled(event.id, consumer);
  };
  const dueSoon = (caseId: string, data: Omit<LedgerPayoutDueSoonV1, 'caseId' | 'daysLeft'>) =>
    testEvent(Events.LedgerPayoutDueSoon, { caseId, daysLeft: 5, ...data }, { courtCode: COURT });
  const paidOut = (caseId: string, data: Omit<LedgerMoneyPaidOutV1, 'caseId' | 'payoutId' | 'paidOn'>) =>
    testEvent(
      Events.LedgerMoneyPaidOut,
      { caseId, payoutId: randomUUID(), paidOn: '2026-03-17', ...data },
      { courtCode: COURT },
    );
  const reversed = (caseId: string, receiptId: string, amountFen: number) =>
    testEvent(
      Events.LedgerMoneyReversed,
      {
        caseId,
        receiptId,
        reversalId: randomUUID(),
        amountFen,
        totalReceivedFen: 0,
        reversedOn: '2026-03-16',
        reason: '录错案件',
      },
      { courtCode: COURT },
    );
  const payoutAlerts = async (caseId: string, actor: Actor = clerk, mine = false) =>
    (
      await client.request(
        Subjects.Cases.ListAlerts,
        { kind: AlertKind.PayoutDueSoon, ...(mine ? { mine } : {}) },
        { actor },
      )
    ).items.filter((a) => a.caseId === caseId);
  const raisedEvents = async (caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<Record<string, unknown>> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1 ORDER BY created_at`,
        [Events.CaseAlertRaised],
      )
    )
      .map((r) => r.envelope.data)
      .filter((d) => d['caseId'] === caseId && d['kind'] === AlertKind.PayoutDueSoon);
  const audits = async (action: string) =>
    service.dataSource.query<{ entity_id: string }[]>(
      `SELECT entity_id FROM audit_log WHERE action = $1 ORDER BY id`,
      [action],
    );

  it('raises one alert per deadline for the case’s officer, once per receipt, and the scan leaves it be', async () => {
    const c = await newCase(10_000_000);
    const r1 = dueSoon(c.caseId, {
      receiptId: randomUUID(),
      receivedOn: '2026-03-01',
      deadline: '2026-03-21',
      unpaidFen: 300_000,
    });
    await tell(r1);
    const [alert] = await payoutAlerts(c.caseId);
    expect(alert).toMatchObject({
      kind: AlertKind.PayoutDueSoon,
      caseNumber: c.caseNumber,
      officerId: c.officerId,
      dueOn: '2026-03-21',
      message: `${c.caseNumber} 尚有案款 ¥3,000.00 未发放，应于 2026-03-21 前发放`,
    });
    // in the officer's own inbox
    const theOfficer = testActor({ roles: [Role.Officer], username: c.officerId });
    expect((await payoutAlerts(c.caseId, theOfficer, true)).map((a) => a.id)).toEqual([alert!.id]);
    // another court sees nothing of it
    const neighbour = testActor({ roles: [Role.Officer], username: 'officer2', courtCode: '辽1103' });
    expect(await payoutAlerts(c.caseId, neighbour)).toEqual([]);
    expect(await raisedEvents(c.caseId)).toEqual([
      expect.objectContaining({ alertId: alert!.id, dueOn: '2026-03-21', officerId: c.officerId }),
    ]);
    expect((await audits('case.alert.raise')).map((a) => a.entity_id)).toContain(alert!.id);

    // the same receipt told again under a new event id: nothing new
    await tell({ ...r1, id: randomUUID() });
    // another receipt of the same day joins the same alert
    await tell(
      dueSoon(c.caseId, {
        receiptId: randomUUID(),
        receivedOn: '2026-03-01',
        deadline: '2026-03-21',
        unpaidFen: 50_000,
      }),
    );
    expect(await payoutAlerts(c.caseId)).toEqual([
      expect.objectContaining({ id: alert!.id, message: expect.stringContaining('¥3,500.00') }),
    ]);
    expect(await raisedEvents(c.caseId)).toHaveLength(1);

    // the supervision scan knows nothing of money: it leaves the alert open
    await client.request(Subjects.Cases.ScanAlerts, {}, { actor: director });
    expect(await payoutAlerts(c.caseId)).toHaveLength(1);
  });

  it('clears as the money is paid out, oldest first and the fee before the creditor', async () => {
    const claim = 10_000_000;
    const fee = executionFeeFen(claim);
    const c = await newCase(claim);
    await tell(
      dueSoon(c.caseId, {
        receiptId: randomUUID(),
        receivedOn: '2026-03-01',
        deadline: '2026-03-21',
        unpaidFen: 300_000,
      }),
    );
    await tell(
      dueSoon(c.caseId, {
        receiptId: randomUUID(),
        receivedOn: '2026-03-04',
        deadline: '2026-03-24',
        unpaidFen: 20_000,
      }),
    );
    expect((await payoutAlerts(c.caseId)).map((a) => a.dueOn)).toEqual(['2026-03-21', '2026-03-24']);

    // the first payout settles the fee, then ¥1,000 to the creditor: the oldest receipt is partly paid
    const first = paidOut(c.caseId, { amountFen: 100_000, totalPaidFen: 100_000 });
    await tell(first, 'case-intake');
    const left = 300_000 - fee - 100_000;
    expect((await payoutAlerts(c.caseId)).map((a) => [a.dueOn, a.message])).toEqual([
      ['2026-03-21', `${c.caseNumber} 尚有案款 ¥${(left / 100).toFixed(2)} 未发放，应于 2026-03-21 前发放`],
      ['2026-03-24', `${c.caseNumber} 尚有案款 ¥200.00 未发放，应于 2026-03-24 前发放`],
    ]);

    // the rest of the first receipt paid: its alert clears, the younger one stays whole
    await tell(paidOut(c.caseId, { amountFen: left, totalPaidFen: 100_000 + left }), 'case-intake');
    const open = await payoutAlerts(c.caseId);
    expect(open.map((a) => a.dueOn)).toEqual(['2026-03-24']);
    expect(open[0]!.message).toContain('¥200.00');
    // and then that too
    await tell(paidOut(c.caseId, { amountFen: 20_000, totalPaidFen: 120_000 + left }), 'case-intake');
    expect(await payoutAlerts(c.caseId)).toEqual([]);
    const resolved = await service.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM case_alert WHERE case_id = $1 AND kind = $2 AND resolved_at IS NOT NULL`,
      [c.caseId, AlertKind.PayoutDueSoon],
    );
    expect(resolved[0]!.n).toBe('2');
    expect(await audits('case.alert.resolve')).toHaveLength(2);

    // money due again on a deadline already cleared raises that alert again
    await tell(
      dueSoon(c.caseId, {
        receiptId: randomUUID(),
        receivedOn: '2026-03-04',
        deadline: '2026-03-24',
        unpaidFen: 7_000,
      }),
    );
    expect((await payoutAlerts(c.caseId)).map((a) => a.message)).toEqual([
      `${c.caseNumber} 尚有案款 ¥70.00 未发放，应于 2026-03-24 前发放`,
    ]);
    expect(await raisedEvents(c.caseId)).toHaveLength(3);
  });

  it('drops a reversed receipt (冲正), and the younger money is reached that much sooner', async () => {
    const claim = 800_000;
    const fee = executionFeeFen(claim);
    const c = await newCase(claim);
    const wrong = dueSoon(c.caseId, {
      receiptId: randomUUID(),
      receivedOn: '2026-03-01',
      deadline: '2026-03-21',
      unpaidFen: 100_000,
    });
    await tell(wrong);
    await tell(
      dueSoon(c.caseId, {
        receiptId: randomUUID(),
        receivedOn: '2026-03-03',
        deadline: '2026-03-23',
        unpaidFen: 50_000,
      }),
    );
    await tell(reversed(c.caseId, wrong.data.receiptId, 100_000));
    expect((await payoutAlerts(c.caseId)).map((a) => a.dueOn)).toEqual(['2026-03-23']);
    // with the reversed receipt gone, paying the fee and ¥500 − fee covers the younger one
    await tell(paidOut(c.caseId, { amountFen: 50_000 - fee, totalPaidFen: 50_000 - fee }), 'case-intake');
    expect(await payoutAlerts(c.caseId)).toEqual([]);

    // a reversal heard before the receipt's due-soon: the late due-soon raises nothing
    const receiptId = randomUUID();
    await tell(reversed(c.caseId, receiptId, 9_000));
    await tell(
      dueSoon(c.caseId, { receiptId, receivedOn: '2026-03-10', deadline: '2026-03-30', unpaidFen: 9_000 }),
    );
    expect(await payoutAlerts(c.caseId)).toEqual([]);
  });

  it('ignores money of a case this court does not hold', async () => {
    const stranger = randomUUID();
    const event = dueSoon(stranger, {
      receiptId: randomUUID(),
      receivedOn: '2026-03-01',
      deadline: '2026-03-21',
      unpaidFen: 1_000,
    });
    await tell(event);
    const rows = await service.dataSource.query<unknown[]>(`SELECT 1 FROM case_alert WHERE case_id = $1`, [
      stranger,
    ]);
    expect(rows).toEqual([]);
  });
});
