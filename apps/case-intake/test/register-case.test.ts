import { ErrorCode, PartyKind, Subjects, type RegisterCaseCommand, CaseType } from '@writ/contracts';
import {
  testActor,
  type BusClient,
  type NatsBus,
  type RunningService,
  rejection,
  TestNamespace,
} from '@writ/platform';
import { startCaseIntake } from '../src/app.js';
import { application } from './fixtures.js';

async function caseCount(service: RunningService): Promise<number> {
  const rows = await service.dataSource.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM enforcement_case',
  );
  return rows[0]!.n;
}

describe('case-intake registering cases over NATS, stored in PostgreSQL', () => {
  const here = new TestNamespace('t-ci');
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;
  const actor = testActor();

  beforeAll(async () => {
    service = await here.start(startCaseIntake, 'case-intake');
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('registers a case with the next number of the court, type and year, and emits case.registered through the outbox', async () => {
    const detail = await client.request(Subjects.Cases.Register, application(), { actor });
    expect(detail.caseNumber).toMatch(/^（\d{4}）辽1104执1号$/);
    expect(detail.parties).toHaveLength(2);
    const [outbox] = await service.dataSource.query<
      { type: string; envelope: { data: { caseId: string }; actor: { id: string } } }[]
    >(`SELECT type, envelope FROM outbox`);
    expect(outbox?.type).toBe('case.registered');
    expect(outbox?.envelope.data.caseId).toBe(detail.id);
    expect(outbox?.envelope.actor.id).toBe(actor.id);
    const audit = await service.dataSource.query<{ action: string; entity_id: string }[]>(
      `SELECT action, entity_id FROM audit_log`,
    );
    expect(audit).toEqual([{ action: 'case.register', entity_id: detail.id }]);
  });

  it('gives 50 concurrent registrations 50 distinct consecutive numbers', async () => {
    const before = await service.dataSource.query<{ n: number }[]>(
      `SELECT coalesce(max(sequence), 0)::int AS n FROM enforcement_case WHERE case_type = '执恢'`,
    );
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        client.request(Subjects.Cases.Register, application({ caseType: CaseType.Resumed }), { actor }),
      ),
    );
    const sequences = replies.map((r) => Number(/执恢(\d+)号/.exec(r.caseNumber)![1])).sort((a, b) => a - b);
    const first = before[0]!.n + 1;
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => first + i));
  });

  it('answers a repeated request key with the first registration, and refuses the key with other content', async () => {
    const command = application();
    const first = await client.request(Subjects.Cases.Register, command, { actor });
    const again = await client.request(Subjects.Cases.Register, command, { actor });
    expect(again.id).toBe(first.id);
    const refused = await rejection(
      client.request(Subjects.Cases.Register, { ...command, claimAmountFen: 1 }, { actor }),
    );
    expect(refused.wire.code).toBe(ErrorCode.IdempotencyConflict);
  });

  it('sends validation errors across NATS with each field and rule named, and writes nothing', async () => {
    const before = await caseCount(service);
    const bad = application({
      respondents: [{ kind: PartyKind.NaturalPerson, name: '李四', idNumber: '110105194912310021' }],
      claimAmountFen: 12.5,
    });
    const refused = await rejection(
      client.request(Subjects.Cases.Register, { ...bad, extra: 1 } as RegisterCaseCommand, { actor }),
    );
    expect(refused.wire.code).toBe(ErrorCode.ValidationFailed);
    const fields = refused.wire.errors!.map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'respondents[0].idNumber:isPartyIdNumber',
        'claimAmountFen:isFen',
        'extra:whitelistValidation',
      ]),
    );
    const after = await caseCount(service);
    expect(after).toBe(before);
  });

  it('refuses a basis not yet in force and leaves no gap in the numbers', async () => {
    const refused = await rejection(
      client.request(
        Subjects.Cases.Register,
        application({
          caseType: CaseType.Preservation,
          basis: { documentNumber: 'x', issuingCourt: 'y', effectiveDate: '2999-01-01' },
        }),
        { actor },
      ),
    );
    expect(refused.wire.code).toBe(ErrorCode.RuleViolated);
    expect(refused.wire.errors?.map((e) => e.field)).toContain('basis.effectiveDate');
    const ok = await client.request(
      Subjects.Cases.Register,
      application({ caseType: CaseType.Preservation }),
      { actor },
    );
    expect(ok.caseNumber).toMatch(/执保1号$/);
  });

  it('shows a court only its own cases, and a party only the cases that name it', async () => {
    const mine = await client.request(
      Subjects.Cases.Register,
      application({ note: '债务人常住上海，注意财产转移' }),
      { actor },
    );
    const other = testActor({ courtCode: '辽1103' });
    const refused = await rejection(
      client.request(Subjects.Cases.Get, { caseId: mine.id }, { actor: other }),
    );
    expect(refused.wire.code).toBe(ErrorCode.NotFound);
    const party = testActor({ roles: ['PARTY' as never], partyIdNumber: '11010519491231002X' });
    const partyList = await client.request(Subjects.Cases.List, { page: 1, pageSize: 100 }, { actor: party });
    expect(partyList.items.length).toBeGreaterThan(0);
    // the party sees its own id number whole, the other side's masked, and no officer's note
    const seen = await client.request(Subjects.Cases.Get, { caseId: mine.id }, { actor: party });
    expect(seen.parties.map((p) => p.idNumber)).toEqual(['9135**********0Y43', '11010519491231002X']);
    expect(seen.note).toBeUndefined();
    const stranger = testActor({ roles: ['PARTY' as never], partyIdNumber: '440524188001010014' });
    expect(
      (await client.request(Subjects.Cases.List, { page: 1, pageSize: 100 }, { actor: stranger })).total,
    ).toBe(0);
  });

  it('refuses a request without an acting user', async () => {
    const refused = await rejection(
      bus.request(Subjects.Cases.List, { page: 1, pageSize: 5 }, { timeoutMs: 5000, headers: {} }),
    );
    expect(refused.wire.code).toBe(ErrorCode.Unauthenticated);
  });

  it('carries a 执保 case into the 执 case that follows it (保全转执行), checked and linked, once', async () => {
    const preservation = await client.request(
      Subjects.Cases.Register,
      application({ caseType: CaseType.Preservation }),
      { actor },
    );
    const refusedBy = async (command: RegisterCaseCommand, by = actor) => {
      const refused = await rejection(client.request(Subjects.Cases.Register, command, { actor: by }));
      expect(refused.wire.code).toBe(ErrorCode.RuleViolated);
      expect(refused.wire.errors?.map((e) => e.field)).toEqual(['preservationCaseId']);
      return refused.wire.errors?.[0]?.rule;
    };
    const before = await caseCount(service);
    // only an 执 case carries one on, only a 执保 case of this court, against the same respondents
    expect(
      await refusedBy(application({ caseType: CaseType.Resumed, preservationCaseId: preservation.id })),
    ).toBe('preservationIntoExecution');
    const execution = await client.request(Subjects.Cases.Register, application(), { actor });
    expect(await refusedBy(application({ preservationCaseId: execution.id }))).toBe('isPreservationCase');
    expect(
      await refusedBy(
        application({ preservationCaseId: preservation.id }),
        testActor({ courtCode: '辽1103' }),
      ),
    ).toBe('preservationCaseOfCourt');
    expect(
      await refusedBy(
        application({
          preservationCaseId: preservation.id,
          respondents: [{ kind: PartyKind.NaturalPerson, name: '李四', idNumber: '110105194912310038' }],
        }),
      ),
    ).toBe('sameRespondents');
    expect(await caseCount(service)).toBe(before + 1);

    const command = application({ preservationCaseId: preservation.id });
    const carried = await client.request(Subjects.Cases.Register, command, { actor });
    // a retry answers with the same case; another 执 case cannot carry it again
    expect((await client.request(Subjects.Cases.Register, command, { actor })).id).toBe(carried.id);
    expect(await refusedBy(application({ preservationCaseId: preservation.id }))).toBe(
      'preservationCarriedOnce',
    );
    const [event] = await service.dataSource.query<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM outbox WHERE type = 'case.registered' AND envelope->'data'->>'caseId' = $1`,
      [carried.id],
    );
    expect(event?.envelope.data['preservationCaseId']).toBe(preservation.id);
    expect(event?.envelope.data['relatedCaseId']).toBeUndefined();
    const links = async (caseId: string) =>
      (await client.request(Subjects.Cases.Timeline, { caseId }, { actor })).links.map((l) => [
        l.caseId,
        l.relation,
      ]);
    expect(await links(carried.id)).toEqual([[preservation.id, 'CARRIES_PRESERVATION']]);
    expect(await links(preservation.id)).toEqual([[carried.id, 'PRESERVATION_CARRIED_INTO']]);
  });
});
