import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  addMonths,
  AlertKind,
  Events,
  MeasureKind,
  shanghaiDateOf,
  type Actor,
  type Clock,
  type FlowNode,
  type ListAlertsQuery,
  type ListAlertsReply,
  type ScanAlertsReply,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import {
  measureRemovalDue,
  nodeOverdue,
  periodExceeded,
  REINQUIRY_INTERVAL_MONTHS,
  REINQUIRY_YEARS,
  reinquiryDue,
  reinquiryRoundDue,
  type AlertCandidate,
} from '../domain/supervision-alerts.js';

/** How often the service looks for what has fallen due; ALERT_SCAN_INTERVAL_MS, 0 to leave it to callers. */
export const ALERT_SCAN_INTERVAL = Symbol('ALERT_SCAN_INTERVAL');

const MEASURE_NAMES: Partial<Record<MeasureKind, string>> = {
  [MeasureKind.DishonestListing]: '失信被执行人名单',
  [MeasureKind.ConsumptionRestriction]: '限制消费令',
  [MeasureKind.ExitRestriction]: '限制出境',
};

interface CaseRow {
  case_id: string;
  case_number: string;
  court_code: string;
  officer_id: string | null;
}

function ref(r: CaseRow): { caseId: string; caseNumber: string; courtCode: string; officerId?: string } {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    courtCode: r.court_code,
    ...(r.officer_id ? { officerId: r.officer_id } : {}),
  };
}

/**
 * Supervision alerts (执行监督): cases over their period, nodes past their deadline, 终本 cases due for
 * their 6-monthly re-search, measures due for removal. Each fact is raised once (its key is unique),
 * as a row officers list and as `case.alert.raised`; an alert whose fact no longer holds is resolved.
 * Money due to be paid out (案款即将超期) is listed here too, raised and resolved by payout-alerts.ts.
 */
@Injectable()
export class SupervisionAlerts implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SupervisionAlerts');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ALERT_SCAN_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    // Nest calls this hook twice in a hybrid app: start one timer only
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.scan().catch((error: unknown) => this.logger.warn(`alert scan failed: ${String(error)}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** What is due as of now, for every court this service holds. */
  async candidates(today: string): Promise<AlertCandidate[]> {
    const manager = this.unitOfWork.manager;
    const period = await manager.query<(CaseRow & { deadline: string })[]>(
      `SELECT id AS case_id, case_number, court_code, officer_id, statutory_deadline::text AS deadline
         FROM enforcement_case
        WHERE status = 'REGISTERED' AND case_type IN ('执', '执恢', '执保') AND statutory_deadline < $1`,
      [today],
    );
    const nodes = await manager.query<(CaseRow & { node: string; deadline: string })[]>(
      `SELECT c.id AS case_id, c.case_number, c.court_code, c.officer_id, n.node, n.deadline_on::text AS deadline
         FROM case_flow_node n JOIN enforcement_case c ON c.id = n.case_id
        WHERE n.state = 'STARTED' AND n.deadline_on < $1 AND c.status <> 'CLOSED' AND n.node <> 'CLOSURE'`,
      [today],
    );
    const terminated = await manager.query<(CaseRow & { closed_on: string })[]>(
      `SELECT id AS case_id, case_number, court_code, officer_id, closed_on::text AS closed_on
         FROM enforcement_case
        WHERE closure_type = 'TERMINATED_THIS_ROUND' AND closed_on > $1 AND closed_on <= $2
          AND NOT EXISTS (SELECT 1 FROM enforcement_case r WHERE r.related_case_id = enforcement_case.id
                            AND r.case_type = '执恢')`,
      [
        addMonths(today, -(REINQUIRY_YEARS * 12 + REINQUIRY_INTERVAL_MONTHS)),
        addMonths(today, -REINQUIRY_INTERVAL_MONTHS),
      ],
    );
    const measures = await manager.query<(CaseRow & { measure_id: string; kind: string; due_on: string })[]>(
      `SELECT c.id AS case_id, c.case_number, c.court_code, c.officer_id, m.id AS measure_id, m.kind,
              coalesce(m.removal_due_on, m.term_until)::text AS due_on
         FROM case_measure m JOIN enforcement_case c ON c.id = m.case_id
        WHERE m.status = 'IN_FORCE'
          AND (m.removal_due_on IS NOT NULL OR (m.term_until IS NOT NULL AND m.term_until <= $1))`,
      [today],
    );
    return [
      ...period.map((r) => periodExceeded({ ...ref(r), deadline: r.deadline })),
      ...nodes.map((r) => nodeOverdue({ ...ref(r), node: r.node as FlowNode, deadline: r.deadline })),
      ...terminated.flatMap((r) => {
        const due = reinquiryRoundDue(r.closed_on, today);
        return due ? [reinquiryDue({ ...ref(r), ...due })] : [];
      }),
      ...measures.map((r) =>
        measureRemovalDue({
          ...ref(r),
          measureId: r.measure_id,
          kindName: MEASURE_NAMES[r.kind as MeasureKind] ?? r.kind,
          dueOn: r.due_on,
        }),
      ),
    ];
  }

  /** Raises what is newly due and resolves what no longer is; safe to run on several replicas at once. */
  async scan(): Promise<ScanAlertsReply> {
    const now = this.clock.now();
    const due = await this.candidates(shanghaiDateOf(now));
    return this.unitOfWork.run(async (tx) => {
      let raised = 0;
      for (let i = 0; i < due.length; i += 500) {
        const batch = due.slice(i, i + 500);
        const values: unknown[] = [];
        const tuples = batch.map((a) => {
          const at = values.length;
          values.push(
            randomUUID(),
            a.key,
            a.kind,
            a.courtCode,
            a.caseId,
            a.caseNumber,
            a.officerId ?? null,
            a.dueOn,
            a.message,
            now,
          );
          return `(${Array.from({ length: 10 }, (_, k) => `$${at + k + 1}`).join(', ')})`;
        });
        // ON CONFLICT: a fact raised before (by this or another replica) is not raised again
        const inserted = await tx.manager.query<{ id: string; alert_key: string }[]>(
          `INSERT INTO case_alert (id, alert_key, kind, court_code, case_id, case_number, officer_id, due_on, message, raised_at)
           VALUES ${tuples.join(', ')} ON CONFLICT (alert_key) DO NOTHING RETURNING id, alert_key`,
          values,
        );
        for (const row of inserted) {
          const alert = batch.find((a) => a.key === row.alert_key)!;
          await tx.emit(
            Events.CaseAlertRaised,
            {
              alertId: row.id,
              kind: alert.kind,
              caseId: alert.caseId,
              caseNumber: alert.caseNumber,
              ...(alert.officerId ? { officerId: alert.officerId } : {}),
              dueOn: alert.dueOn,
              message: alert.message,
            },
            { courtCode: alert.courtCode },
          );
        }
        raised += inserted.length;
      }
      // payout alerts come and go with the ledger's events (payout-alerts.ts), not with the scan
      const resolved = await tx.manager.query<unknown[]>(
        `UPDATE case_alert SET resolved_at = $1
          WHERE resolved_at IS NULL AND NOT (alert_key = ANY($2::text[])) AND kind <> $3
         RETURNING id`,
        [now, due.map((a) => a.key), AlertKind.PayoutDueSoon],
      );
      return { raised, resolved: resolved.length };
    });
  }

  async list(query: ListAlertsQuery, actor: Actor): Promise<ListAlertsReply> {
    const params: unknown[] = [actor.courtCode];
    let where = 'court_code = $1 AND resolved_at IS NULL';
    if (query.mine) {
      // officers are assigned by username (court settings name them so)
      params.push(actor.username);
      where += ` AND officer_id = $${params.length}`;
    }
    if (query.kind) {
      params.push(query.kind);
      where += ` AND kind = $${params.length}`;
    }
    const rows = await this.unitOfWork.manager.query<
      {
        id: string;
        kind: string;
        case_id: string;
        case_number: string;
        officer_id: string | null;
        due_on: string;
        message: string;
        raised_at: Date;
      }[]
    >(
      `SELECT id, kind, case_id, case_number, officer_id, due_on::text AS due_on, message, raised_at
         FROM case_alert WHERE ${where} ORDER BY due_on, case_number LIMIT 500`,
      params,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind as AlertKind,
        caseId: r.case_id,
        caseNumber: r.case_number,
        ...(r.officer_id ? { officerId: r.officer_id } : {}),
        dueOn: r.due_on,
        message: r.message,
        raisedAt: r.raised_at.toISOString(),
      })),
    };
  }
}
