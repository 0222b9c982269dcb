import {
  createLogger,
  InProcessBus,
  NatsBus,
  TEST_NATS,
  uniqueSuffix,
  type MessageBus,
} from '../src/index.js';

const logger = createLogger('platform-wildcard-test', 'silent');

/** One responder for every agency kind: `agency.*.inquire` answers `agency.<any kind>.inquire`. */
describe.each([
  ['in-process', async (): Promise<MessageBus> => new InProcessBus(logger)],
  [
    'NATS',
    async (): Promise<MessageBus> =>
      NatsBus.connect(TEST_NATS, `t-wild-${uniqueSuffix()}`, logger, 'platform-wildcard-test'),
  ],
])('a wildcard responder on the %s bus', (_name, open) => {
  let bus: MessageBus;
  beforeAll(async () => {
    bus = await open();
  });
  afterAll(async () => {
    await bus.close();
  });

  it('answers any subject of the pattern, and no other', async () => {
    const any = await bus.serve('agency.*.inquire', 'sandbox', async (body) => ({ any: body }));
    const options = { timeoutMs: 2000, headers: {} };
    expect(await bus.request('agency.ln_provident.inquire', { n: 1 }, options)).toEqual({ any: { n: 1 } });
    expect(await bus.request('agency.bank_deposit.inquire', { n: 2 }, options)).toEqual({ any: { n: 2 } });
    await expect(
      bus.request('agency.bank_deposit.control', {}, { timeoutMs: 500, headers: {} }),
    ).rejects.toThrow();
    await any.stop();
  });
});
