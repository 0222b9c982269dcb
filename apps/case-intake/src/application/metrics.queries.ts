import { Injectable } from '@nestjs/common';
import {
  CodedError,
  COURT_STAFF_ROLES,
  ErrorCode,
  type Actor,
  type CourtMetricsView,
  type GetMetricsQuery,
} from '@writ/contracts';
import { DataSource } from 'typeorm';
import { courtMetricsView, metricsPeriod } from '../domain/court-metrics.js';
import { CaseMetricsRepository } from '../persistence/case-metrics.repository.js';

/**
 * The court's enforcement figures for the leader dashboard (DOMAIN.md §12), from the summary the
 * registering and closing use cases keep current: it answers at once however many cases there are.
 */
@Injectable()
export class MetricsQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: CaseMetricsRepository,
  ) {}

  async get(query: GetMetricsQuery, actor: Actor): Promise<CourtMetricsView> {
    // the court's figures are for its staff; a party's account sees only its own cases
    if (!actor.roles.some((role) => COURT_STAFF_ROLES.includes(role))) {
      throw new CodedError(ErrorCode.Forbidden, 'only court staff may see the court metrics', {
        rule: 'METRICS_COURT_STAFF_ONLY',
      });
    }
    const period = metricsPeriod(query.from, query.to);
    const totals = await this.metrics.totals(this.dataSource.manager, actor.courtCode, period);
    return courtMetricsView(actor.courtCode, period, totals);
  }
}
