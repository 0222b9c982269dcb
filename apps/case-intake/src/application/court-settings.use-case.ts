import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Role,
  type Actor,
  type Clock,
  type CourtSettingsView,
  type PutCourtSettingsCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { settingsProblems, type CourtSettings } from '../domain/court-settings.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';

/** A court's own figures where the law leaves room: triage rules, teams, node deadlines, holidays. */
@Injectable()
export class CourtSettingsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly settings: CourtSettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<CourtSettingsView> {
    const manager = this.unitOfWork.manager;
    const [settings, stamp] = await Promise.all([
      this.settings.get(manager, actor.courtCode),
      this.settings.stamp(manager, actor.courtCode),
    ]);
    return {
      courtCode: actor.courtCode,
      ...settings,
      ...(stamp ? { updatedAt: stamp.updatedAt.toISOString(), updatedBy: stamp.updatedBy } : {}),
    };
  }

  async put(command: PutCourtSettingsCommand, actor: Actor): Promise<CourtSettingsView> {
    if (!actor.roles.includes(Role.Director)) {
      throw new CodedError(
        ErrorCode.Forbidden,
        'only the enforcement director (执行局长) sets the court’s figures',
        {
          rule: 'DIRECTOR_ONLY',
        },
      );
    }
    const wanted: CourtSettings = {
      triage: { ...command.triage },
      teams: command.teams.map((t) => ({ ...t, officerIds: [...t.officerIds] })),
      nodeDeadlineDays: { ...command.nodeDeadlineDays },
      holidays: [...command.holidays],
      workingWeekends: [...command.workingWeekends],
    };
    const problems = settingsProblems(wanted);
    if (problems.length) {
      throw new CodedError(ErrorCode.RuleViolated, problems.map((p) => p.message).join('; '), {
        rule: problems[0]!.rule,
        errors: problems,
      });
    }
    await this.unitOfWork.run(async (tx) => {
      const before = await this.settings.get(tx.manager, actor.courtCode);
      // unset node deadlines keep the seed court's figures
      const after = {
        ...wanted,
        nodeDeadlineDays: { ...before.nodeDeadlineDays, ...wanted.nodeDeadlineDays },
      };
      await this.settings.put(tx.manager, actor.courtCode, after, {
        at: this.clock.now(),
        userId: actor.username,
      });
      await tx.audit({
        action: 'court.settings.put',
        entityType: 'court_settings',
        entityId: actor.courtCode,
        courtCode: actor.courtCode,
        before,
        after: wanted,
        actor,
      });
    });
    return this.get(actor);
  }
}
