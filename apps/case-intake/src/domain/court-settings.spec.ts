import { CaseType, FlowNode } from '@writ/contracts';
import { DEFAULT_COURT_SETTINGS, settingsProblems, settingsWithDefaults } from './court-settings.js';

const rulesOf = (settings: typeof DEFAULT_COURT_SETTINGS) =>
  settingsProblems(settings).map((p) => `${p.field}:${p.rule}`);

describe('a court’s own figures', () => {
  it('takes the seed court’s practice as it stands', () => {
    expect(settingsProblems(DEFAULT_COURT_SETTINGS)).toEqual([]);
  });

  it('lets a province pay out faster than 30 days, never slower (执行款物管理规定 2017)', () => {
    const faster = { ...DEFAULT_COURT_SETTINGS, nodeDeadlineDays: { [FlowNode.Funds]: 15 } };
    expect(settingsProblems(faster)).toEqual([]);
    const slower = {
      ...DEFAULT_COURT_SETTINGS,
      nodeDeadlineDays: { [FlowNode.Funds]: 31, [FlowNode.Intake]: 8 },
    };
    expect(rulesOf(slower)).toEqual([
      'nodeDeadlineDays.INTAKE:legalMaximum',
      'nodeDeadlineDays.FUNDS:legalMaximum',
    ]);
  });

  it('refuses a case type ruled onto both tracks, a team named twice, and a calendar that contradicts itself', () => {
    const settings = {
      ...DEFAULT_COURT_SETTINGS,
      triage: { ...DEFAULT_COURT_SETTINGS.triage, fastTrackCaseTypes: [CaseType.Resumed] },
      teams: [DEFAULT_COURT_SETTINGS.teams[0]!, DEFAULT_COURT_SETTINGS.teams[0]!],
      // 2026-10-10 is a Saturday; 2026-10-12 a Monday
      holidays: ['2026-10-10'],
      workingWeekends: ['2026-10-10', '2026-10-12'],
    };
    expect(rulesOf(settings)).toEqual([
      'triage.fastTrackCaseTypes:oneTrackPerType',
      'workingWeekends[0]:notAlsoHoliday',
      'workingWeekends[1]:weekendOnly',
      'teams[1].id:uniqueTeam',
    ]);
  });

  it('gives another court the seed court’s figures but not its officers', () => {
    expect(settingsWithDefaults(undefined, '辽1104').teams.length).toBeGreaterThan(0);
    const neighbour = settingsWithDefaults(undefined, '辽1103');
    expect(neighbour.teams).toEqual([]);
    expect(neighbour.nodeDeadlineDays[FlowNode.ServiceOfDocuments]).toBe(5);
  });
});
