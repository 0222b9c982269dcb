import { CaseType, Track } from '@writ/contracts';
import { DEFAULT_COURT_SETTINGS } from './court-settings.js';
import { assignOfficer, triage } from './triage.js';

const rules = DEFAULT_COURT_SETTINGS.triage;

describe('繁简分流 (triage) and assignment', () => {
  it('sends small claims to 快执 and large ones to 精执, saying why', () => {
    expect(triage({ caseType: CaseType.Execution, claimAmountFen: 5_000_000 }, rules).track).toBe(Track.Fast);
    const large = triage({ caseType: CaseType.Execution, claimAmountFen: 5_000_001 }, rules);
    expect(large.track).toBe(Track.Ordinary);
    expect(large.reason).toContain('¥50,000.01');
  });

  it('moves a case to 快执 once deposits found cover the claim', () => {
    const covered = triage(
      { caseType: CaseType.Execution, claimAmountFen: 90_000_000, depositsFoundFen: 90_000_000 },
      rules,
    );
    expect(covered.track).toBe(Track.Fast);
    expect(covered.reason).toContain('足以清偿');
  });

  it('puts most 执恢 on 精执 and simple preservation on 快执 by rule', () => {
    expect(triage({ caseType: CaseType.Resumed, claimAmountFen: 100 }, rules).track).toBe(Track.Ordinary);
    expect(triage({ caseType: CaseType.Preservation, claimAmountFen: 900_000_000 }, rules).track).toBe(
      Track.Fast,
    );
  });

  it('deals a case to the least loaded officer of the track’s team', () => {
    const teams = [{ id: 't', name: '精执', track: Track.Ordinary, officerIds: ['a', 'b', 'c'] }];
    expect(
      assignOfficer(
        Track.Ordinary,
        teams,
        new Map([
          ['a', 3],
          ['b', 1],
          ['c', 1],
        ]),
      ),
    ).toEqual({ teamId: 't', officerId: 'b' });
    expect(assignOfficer(Track.Fast, teams, new Map())).toBeNull();
  });
});
