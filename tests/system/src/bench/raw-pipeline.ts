import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';

/**
 * The registration path built from the raw parts — Fastify, the NATS client and pg, no Nest and no
 * ORM — doing the same database work in one transaction as Writ's 立案: the officers' caseloads read
 * for assignment, the gap-free sequence, the case, its parties, its eleven flow nodes, the assignment
 * record, the court's daily metrics row, the officer's caseload, the audit entry and the outbox row.
 * It is the yardstick Writ's own path is measured against.
 */
export interface RawPipeline {
  url: string;
  close(): Promise<void>;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS case_number_sequence (court_code TEXT, case_type TEXT, year INT, last_value INT NOT NULL,
    PRIMARY KEY (court_code, case_type, year));
  CREATE TABLE IF NOT EXISTS enforcement_case (id UUID PRIMARY KEY, court_code TEXT NOT NULL, case_type TEXT NOT NULL,
    year INT NOT NULL, sequence INT NOT NULL, case_number TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
    claim_amount_fen BIGINT NOT NULL, basis_document_number TEXT NOT NULL, basis_issuing_court TEXT NOT NULL,
    basis_effective_date DATE NOT NULL, note TEXT, registered_at TIMESTAMPTZ NOT NULL, filing_date DATE NOT NULL,
    registered_by TEXT NOT NULL, request_key TEXT NOT NULL, request_hash TEXT NOT NULL);
  CREATE UNIQUE INDEX IF NOT EXISTS raw_case_request ON enforcement_case (court_code, request_key);
  CREATE TABLE IF NOT EXISTS case_party (case_id UUID NOT NULL, position INT NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT NOT NULL, id_number TEXT NOT NULL, PRIMARY KEY (case_id, position));
  CREATE TABLE IF NOT EXISTS outbox (seq BIGSERIAL PRIMARY KEY, id UUID NOT NULL UNIQUE, type TEXT NOT NULL,
    envelope JSONB NOT NULL, created_at TIMESTAMPTZ NOT NULL, published_at TIMESTAMPTZ);
  CREATE TABLE IF NOT EXISTS case_flow_node (case_id UUID NOT NULL, node TEXT NOT NULL, state TEXT NOT NULL,
    started_at TIMESTAMPTZ, deadline_on DATE, finished_at TIMESTAMPTZ, finished_by TEXT, PRIMARY KEY (case_id, node));
  CREATE TABLE IF NOT EXISTS case_assignment (id UUID PRIMARY KEY, case_id UUID NOT NULL, track TEXT NOT NULL,
    officer_id TEXT, reason TEXT NOT NULL, assigned_at TIMESTAMPTZ NOT NULL);
  CREATE TABLE IF NOT EXISTS case_metrics_daily (court_code TEXT, case_type TEXT, day DATE, received INT NOT NULL,
    received_claim_fen BIGINT NOT NULL, PRIMARY KEY (court_code, case_type, day));
  CREATE TABLE IF NOT EXISTS officer_caseload (court_code TEXT, officer_id TEXT, open_cases INT NOT NULL,
    PRIMARY KEY (court_code, officer_id));
  CREATE TABLE IF NOT EXISTS audit_log (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, action TEXT NOT NULL,
    entity_id TEXT NOT NULL, after JSONB);
`;

const NODES = [
  'INTAKE',
  'ASSET_INQUIRY',
  'CONTROL_AND_ANALYSIS',
  'DISPOSAL',
  'FUNDS',
  'ADJUDICATION',
  'SERVICE_OF_DOCUMENTS',
  'ENTRUSTED',
  'SUPERVISION',
  'RESUMPTION',
  'CLOSURE',
];
const OFFICERS = ['judge1', 'officer1'];

interface Party {
  kind: string;
  name: string;
  idNumber: string;
}
interface Application {
  caseType: string;
  basis: { documentNumber: string; issuingCourt: string; effectiveDate: string };
  applicants: Party[];
  respondents: Party[];
  claimAmountFen: number;
}

const encoder = new TextEncoder();

/** The responder: like case-intake, a process answering on NATS and writing to PostgreSQL. */
export async function startRawResponder(
  databaseUrl: string,
  natsUrl: string,
  subject: string,
): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  await pool.query(SCHEMA);
  const responderConnection: NatsConnection = await connect({ servers: natsUrl });

  responderConnection.subscribe(subject, {
    queue: 'raw',
    callback: (_error, msg) => {
      void (async () => {
        const application = msg.json<Application>();
        const client = await pool.connect();
        try {
          const now = new Date();
          const year = now.getUTCFullYear();
          await client.query('BEGIN');
          const loads = await client.query<{ officer_id: string; open_cases: number }>(
            `SELECT officer_id, open_cases FROM officer_caseload WHERE court_code = '辽1104' AND officer_id = ANY($1)`,
            [OFFICERS],
          );
          const officer = OFFICERS.reduce((best, o) => {
            const load = (id: string) =>
              (loads.rows as unknown as { officer_id: string; open_cases: number }[]).find(
                (r) => r.officer_id === id,
              )?.open_cases ?? 0;
            return load(o) < load(best) ? o : best;
          }, OFFICERS[0]!);
          const sequence = await client.query<{ last_value: number }>(
            `INSERT INTO case_number_sequence VALUES ('辽1104', $1, $2, 1) ON CONFLICT (court_code, case_type, year)
             DO UPDATE SET last_value = case_number_sequence.last_value + 1 RETURNING last_value`,
            [application.caseType, year],
          );
          const id = randomUUID();
          const caseNumber = `（${year}）辽1104${application.caseType}${sequence.rows[0]!.last_value}号`;
          await client.query(
            `INSERT INTO enforcement_case VALUES ($1, '辽1104', $2, $3, $4, $5, 'REGISTERED', $6, $7, $8, $9, NULL, $10, $11, 'bench', $12, 'h')`,
            [
              id,
              application.caseType,
              year,
              sequence.rows[0]!.last_value,
              caseNumber,
              application.claimAmountFen,
              application.basis.documentNumber,
              application.basis.issuingCourt,
              application.basis.effectiveDate,
              now,
              now.toISOString().slice(0, 10),
              randomUUID(),
            ],
          );
          const parties = [
            ...application.applicants.map((p) => ({ ...p, role: 'APPLICANT' })),
            ...application.respondents.map((p) => ({ ...p, role: 'RESPONDENT' })),
          ];
          for (const [position, p] of parties.entries()) {
            await client.query('INSERT INTO case_party VALUES ($1, $2, $3, $4, $5, $6)', [
              id,
              position,
              p.role,
              p.kind,
              p.name,
              p.idNumber,
            ]);
          }
          const today = now.toISOString().slice(0, 10);
          await client.query(
            `INSERT INTO case_flow_node (case_id, node, state, started_at, deadline_on)
             SELECT $1, node, 'STARTED', $2, $3 FROM unnest($4::text[]) AS node`,
            [id, now, today, NODES],
          );
          await client.query(`INSERT INTO case_assignment VALUES ($1, $2, 'ORDINARY', $3, 'bench', $4)`, [
            randomUUID(),
            id,
            officer,
            now,
          ]);
          await client.query(
            `INSERT INTO case_metrics_daily VALUES ('辽1104', $1, $2, 1, $3) ON CONFLICT (court_code, case_type, day)
             DO UPDATE SET received = case_metrics_daily.received + 1,
               received_claim_fen = case_metrics_daily.received_claim_fen + EXCLUDED.received_claim_fen`,
            [application.caseType, today, application.claimAmountFen],
          );
          await client.query(
            `INSERT INTO officer_caseload VALUES ('辽1104', $1, 1) ON CONFLICT (court_code, officer_id)
             DO UPDATE SET open_cases = officer_caseload.open_cases + 1`,
            [officer],
          );
          await client.query(
            `INSERT INTO audit_log (at, action, entity_id, after) VALUES ($1, 'case.register', $2, $3)`,
            [now, id, JSON.stringify({ id, caseNumber, officer })],
          );
          await client.query('INSERT INTO outbox (id, type, envelope, created_at) VALUES ($1, $2, $3, $4)', [
            randomUUID(),
            'case.registered',
            JSON.stringify({ caseId: id, caseNumber }),
            now,
          ]);
          await client.query('COMMIT');
          msg.respond(encoder.encode(JSON.stringify({ id, caseNumber })));
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          msg.respond(encoder.encode(JSON.stringify({ error: String(error) })));
        } finally {
          client.release();
        }
      })();
    },
  });

  await responderConnection.flush();
  return async () => {
    await responderConnection.drain();
    await pool.end();
  };
}

/** The front: like the gateway, an HTTP server passing each request over NATS. */
export async function startRawFront(natsUrl: string, subject: string, port = 0): Promise<RawPipeline> {
  const requesterConnection: NatsConnection = await connect({ servers: natsUrl });
  const app: FastifyInstance = Fastify();
  app.post('/raw/cases', async (request, reply) => {
    const response = await requesterConnection.request(
      subject,
      encoder.encode(JSON.stringify(request.body)),
      { timeout: 10_000 },
    );
    return reply.status(201).header('content-type', 'application/json').send(response.string());
  });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}`,
    async close() {
      await app.close();
      await requesterConnection.drain();
    },
  };
}
