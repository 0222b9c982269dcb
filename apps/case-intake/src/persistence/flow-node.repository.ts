import type { FlowNode, FlowNodeState } from '@writ/contracts';
import type { Transaction } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import type { FlowNodeRecord } from '../domain/flow-nodes.js';

interface FlowNodeRow {
  node: string;
  state: string;
  started_at: Date | null;
  deadline_on: string | null;
  finished_at: Date | null;
  finished_by: string | null;
  note: string | null;
}

/** The flow-node timeline of cases; no rules here. */
export class FlowNodeRepository {
  async timeline(manager: EntityManager, caseId: string): Promise<FlowNodeRecord[]> {
    const rows = await manager.query<FlowNodeRow[]>(
      `SELECT node, state, started_at, deadline_on::text AS deadline_on, finished_at, finished_by, note
         FROM case_flow_node WHERE case_id = $1`,
      [caseId],
    );
    return rows.map((r) => ({
      node: r.node as FlowNode,
      state: r.state as FlowNodeState,
      ...(r.started_at ? { startedAt: r.started_at } : {}),
      ...(r.deadline_on ? { deadlineOn: r.deadline_on } : {}),
      ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
      ...(r.finished_by ? { finishedBy: r.finished_by } : {}),
      ...(r.note ? { note: r.note } : {}),
    }));
  }

  /** Writes nodes (new or changed) in one statement. */
  async save(manager: EntityManager, caseId: string, nodes: readonly FlowNodeRecord[]): Promise<void> {
    if (!nodes.length) return;
    const { sql, values } = this.upsert(caseId, nodes);
    await manager.query(sql, values);
  }

  /** Queues the nodes to be written with the transaction's outbox and audit rows (no extra round trip). */
  saveWith(tx: Transaction, caseId: string, nodes: readonly FlowNodeRecord[]): void {
    if (!nodes.length) return;
    const { sql, values } = this.upsert(caseId, nodes);
    tx.defer(sql, values);
  }

  private upsert(caseId: string, nodes: readonly FlowNodeRecord[]): { sql: string; values: unknown[] } {
    const values: unknown[] = [];
    const tuples = nodes.map((n) => {
      const at = values.length;
      values.push(
        caseId,
        n.node,
        n.state,
        n.startedAt ?? null,
        n.deadlineOn ?? null,
        n.finishedAt ?? null,
        n.finishedBy ?? null,
        n.note ?? null,
      );
      return `(${Array.from({ length: 8 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
    });
    return {
      values,
      sql: `INSERT INTO case_flow_node (case_id, node, state, started_at, deadline_on, finished_at, finished_by, note)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (case_id, node) DO UPDATE SET state = EXCLUDED.state, started_at = EXCLUDED.started_at,
         deadline_on = EXCLUDED.deadline_on, finished_at = EXCLUDED.finished_at,
         finished_by = EXCLUDED.finished_by, note = EXCLUDED.note`,
    };
  }
}
