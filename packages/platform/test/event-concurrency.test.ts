import { CaseType, Events } from '@writ/contracts';
import { createLogger, NatsBus, TEST_NATS, testEvent, uniqueSuffix, type Stoppable } from '../src/index.js';

const logger = createLogger('platform-test', 'silent');

function registered(caseId: string, caseNumber: string) {
  return testEvent(
    Events.CaseRegistered,
    {
      caseId,
      caseNumber,
      caseType: CaseType.Execution,
      courtCode: '辽1104',
      claimAmountFen: 100,
      filingDate: '2026-11-28',
      respondents: [],
    },
    { courtCode: '辽1104' },
  );
}

/** Resolves when `count` calls have been made to `arrive`, so a test can hold handlers open together. */
function gate(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive: async (): Promise<void> => {
      arrived += 1;
      if (arrived >= count) open();
      await Promise.race([opened, new Promise((r) => setTimeout(r, 300))]);
    },
  };
}

describe('a consumer with concurrency on real JetStream', () => {
  const namespace = `t-pc-${uniqueSuffix()}`;
  let bus: NatsBus;
  let consumer: Stoppable | undefined;

  beforeAll(async () => {
    bus = await NatsBus.connect(TEST_NATS, namespace, logger, 'platform-concurrency-test');
  });

  afterAll(async () => {
    await consumer?.stop();
    await bus.deleteStream().catch(() => undefined);
    await bus.close();
  });

  it('handles events of different cases side by side, and one case’s events one after another in order', async () => {
    const cases = ['case-a', 'case-b', 'case-c', 'case-d'];
    const handled: string[] = [];
    const running = new Set<string>();
    let mostAtOnce = 0;
    let sameCaseOverlapped = false;
    // the first event of each of the four cases meets at the gate: only concurrency lets all four in
    const firstOfEach = gate(cases.length);

    consumer = await bus.consume(
      'concurrency-test',
      Events.CaseRegistered,
      async (envelope) => {
        const { caseId, caseNumber } = envelope.data as { caseId: string; caseNumber: string };
        if (running.has(caseId)) sameCaseOverlapped = true;
        running.add(caseId);
        mostAtOnce = Math.max(mostAtOnce, running.size);
        if (caseNumber.endsWith('#1')) await firstOfEach.arrive();
        running.delete(caseId);
        handled.push(caseNumber);
      },
      { concurrency: 4 },
    );
    for (const round of [1, 2, 3]) {
      for (const caseId of cases) await bus.publish(registered(caseId, `${caseId}#${round}`));
    }

    const deadline = Date.now() + 15_000;
    while (handled.length < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));

    expect(handled).toHaveLength(12);
    expect(mostAtOnce).toBe(4);
    expect(sameCaseOverlapped).toBe(false);
    for (const caseId of cases) {
      expect(handled.filter((n) => n.startsWith(caseId))).toEqual([
        `${caseId}#1`,
        `${caseId}#2`,
        `${caseId}#3`,
      ]);
    }
  });
});
