import { AgencyKind, AssetValueKind, CaseType, ClosureType, ResearchStatus } from '@writ/contracts';
import { NATIONAL_CATALOG, requireKind } from './agency-catalog.js';
import {
  executableFind,
  findDescription,
  needsResearch,
  newResearchSchedule,
  researchIsDue,
  researchStopped,
  resumedCaseOf,
  roundStarted,
} from './research-schedule.js';

describe('终本后定期复查: re-search every 6 months for 5 years (DOMAIN.md §4)', () => {
  it('schedules only a 终本 closure', () => {
    expect(needsResearch(ClosureType.TerminatedThisRound)).toBe(true);
    for (const other of Object.values(ClosureType).filter((t) => t !== ClosureType.TerminatedThisRound)) {
      expect(needsResearch(other)).toBe(false);
    }
  });

  it('falls due first 6 months after the closure and ends 5 years after it', () => {
    expect(newResearchSchedule('2026-03-10')).toEqual({
      status: ResearchStatus.Active,
      closedOn: '2026-03-10',
      endsOn: '2031-03-10',
      nextDueOn: '2026-09-10',
      roundsStarted: 0,
    });
  });

  it('is due on its date, not before', () => {
    const schedule = newResearchSchedule('2026-03-10');
    expect(researchIsDue(schedule, '2026-09-09')).toBe(false);
    expect(researchIsDue(schedule, '2026-09-10')).toBe(true);
    expect(researchIsDue(researchStopped(schedule), '2026-09-10')).toBe(false);
  });

  it('runs ten rounds on the 6-month grid and then ends', () => {
    let schedule = newResearchSchedule('2026-08-31');
    const dates: string[] = [];
    while (schedule.status === ResearchStatus.Active) {
      const today = schedule.nextDueOn!;
      dates.push(today);
      schedule = roundStarted(schedule, today);
    }
    expect(dates).toEqual([
      '2027-02-28',
      '2027-08-31',
      '2028-02-29',
      '2028-08-31',
      '2029-02-28',
      '2029-08-31',
      '2030-02-28',
      '2030-08-31',
      '2031-02-28',
      '2031-08-31',
    ]);
    expect(schedule).toMatchObject({ status: ResearchStatus.Ended, nextDueOn: null, roundsStarted: 10 });
  });

  it('keeps to the grid when a scan runs late, making up a missed round once', () => {
    const schedule = newResearchSchedule('2026-03-10');
    expect(roundStarted(schedule, '2026-09-15').nextDueOn).toBe('2027-03-10');
    // down for a year: one round now, the next on the following grid date
    expect(roundStarted(schedule, '2027-09-20')).toMatchObject({ nextDueOn: '2028-03-10', roundsStarted: 1 });
  });

  it('stops for a 执恢 case that names the 终本 case, and for nothing else', () => {
    expect(resumedCaseOf({ caseType: CaseType.Resumed, relatedCaseId: 'c-1' })).toBe('c-1');
    expect(resumedCaseOf({ caseType: CaseType.Resumed })).toBeNull();
    expect(resumedCaseOf({ caseType: CaseType.Objection, relatedCaseId: 'c-1' })).toBeNull();
    expect(researchStopped(newResearchSchedule('2026-03-10'))).toMatchObject({
      status: ResearchStatus.Stopped,
      nextDueOn: null,
    });
  });

  it('counts as a find only property with a balance or estimate above 0', () => {
    const assets = [
      { kind: AgencyKind.BankDeposit, valueKind: AssetValueKind.Balance, amountFen: 0 },
      { kind: AgencyKind.BankDeposit, valueKind: AssetValueKind.Balance, amountFen: 12_345 },
      { kind: AgencyKind.RealEstate, valueKind: AssetValueKind.Estimate, amountFen: 50_000_000 },
      { kind: AgencyKind.Marriage, valueKind: AssetValueKind.None, amountFen: 0 },
    ];
    expect(executableFind(assets)).toEqual({ assetsFound: 2, totalValueFen: 50_012_345 });
    expect(executableFind(assets.filter((a) => a.amountFen === 0))).toEqual({
      assetsFound: 0,
      totalValueFen: 0,
    });
    expect(findDescription(2, assets, (kind) => requireKind(NATIONAL_CATALOG, kind).nameZh)).toBe(
      '第2次复查：银行存款1项、不动产1项，合计500123.45元',
    );
  });
});
