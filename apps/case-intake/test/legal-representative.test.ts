import { ErrorCode, PartyKind, PartyRole, Role, Subjects } from '@writ/contracts';
import { rejection, testActor, TestNamespace, type BusClient, type RunningService } from '@writ/platform';
import { startCaseIntake } from '../src/app.js';
import { application } from './fixtures.js';

const COMPANY = {
  kind: PartyKind.Organisation,
  name: '盘锦某某商贸有限公司',
  idNumber: '91350100M000100Y43',
};
const BOSS = { name: '李四', idNumber: '11010519491231002X' };
const APPLICANT = { kind: PartyKind.NaturalPerson, name: '赵六', idNumber: '440524188001010014' };

describe('立案: an organisation respondent’s legal representative (法定代表人)', () => {
  const here = new TestNamespace('t-cilr');
  let service: RunningService;
  let client: BusClient;
  const actor = testActor();

  beforeAll(async () => {
    service = await here.start(startCaseIntake, 'case-intake');
    ({ client } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('keeps the person with the organisation, and case.registered carries them to asset-control', async () => {
    const detail = await client.request(
      Subjects.Cases.Register,
      application({ applicants: [APPLICANT], respondents: [{ ...COMPANY, legalRepresentative: BOSS }] }),
      { actor },
    );
    const respondent = detail.parties.find((p) => p.idNumber === COMPANY.idNumber);
    expect(respondent?.legalRepresentative).toEqual(BOSS);
    const again = await client.request(Subjects.Cases.Get, { caseId: detail.id }, { actor });
    expect(again.parties.find((p) => p.idNumber === COMPANY.idNumber)?.legalRepresentative).toEqual(BOSS);
    const [event] = await service.dataSource.query<
      { envelope: { data: { respondents: { idNumber: string; legalRepresentative?: unknown }[] } } }[]
    >(`SELECT envelope FROM outbox WHERE type = 'case.registered' AND envelope->'data'->>'caseId' = $1`, [
      detail.id,
    ]);
    expect(event!.envelope.data.respondents).toEqual([{ ...COMPANY, legalRepresentative: BOSS }]);
  });

  it('masks the person’s id number to the other side', async () => {
    const detail = await client.request(
      Subjects.Cases.Register,
      application({ applicants: [APPLICANT], respondents: [{ ...COMPANY, legalRepresentative: BOSS }] }),
      { actor },
    );
    const applicant = detail.parties.find((p) => p.role === PartyRole.Applicant)!;
    const party = testActor({ roles: [Role.Party], partyIdNumber: applicant.idNumber });
    const seen = await client.request(Subjects.Cases.Get, { caseId: detail.id }, { actor: party });
    const rep = seen.parties.find((p) => p.name === COMPANY.name)?.legalRepresentative;
    expect(rep?.name).toBe(BOSS.name);
    expect(rep?.idNumber).not.toBe(BOSS.idNumber);
  });

  it('refuses a legal representative for a natural person, or with a bad 居民身份证号码, naming the field', async () => {
    const forPerson = await rejection(
      client.request(
        Subjects.Cases.Register,
        application({
          respondents: [
            {
              kind: PartyKind.NaturalPerson,
              name: '王五',
              idNumber: '440524188001010014',
              legalRepresentative: BOSS,
            },
          ],
        }),
        { actor },
      ),
    );
    expect(forPerson.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(forPerson.wire.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual([
      'respondents[0].legalRepresentative:organisationOnly',
    ]);
    const badId = await rejection(
      client.request(
        Subjects.Cases.Register,
        application({
          respondents: [
            { ...COMPANY, legalRepresentative: { name: '李四', idNumber: '110105194912310021' } },
          ],
        }),
        { actor },
      ),
    );
    expect(badId.wire.errors?.map((e) => e.field)).toEqual(['respondents[0].legalRepresentative.idNumber']);
  });
});
