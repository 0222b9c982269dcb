import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '@writ/contracts';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CLOCK } from '../clock.js';
import { SERVICE_INFO } from '../tokens.js';

/**
 * `service_info`: one row per start of a service against its database — which version ran, where,
 * when, and at which schema migration — so ops can tell what has been running on a database.
 */
export class ServiceInfo1764300000010 implements MigrationInterface {
  name = 'ServiceInfo1764300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_info (
        id              BIGSERIAL PRIMARY KEY,
        service         TEXT NOT NULL,
        version         TEXT NOT NULL,
        schema_version  TEXT NOT NULL,
        host            TEXT NOT NULL,
        pid             INT NOT NULL,
        started_at      TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_info');
  }
}

/** Writes the service's `service_info` row once it has started (every service has one). */
@Injectable()
export class ServiceStartRecorder implements OnApplicationBootstrap {
  private recorded?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_INFO) private readonly info: { name: string; version: string },
  ) {}

  // Nest calls bootstrap hooks twice for an app with a connected microservice: record one start
  onApplicationBootstrap(): Promise<void> {
    this.recorded ??= this.record();
    return this.recorded;
  }

  private async record(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO service_info (service, version, schema_version, host, pid, started_at)
       VALUES ($1, $2, coalesce((SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1), 'none'), $3, $4, $5)`,
      [this.info.name, this.info.version, hostname(), process.pid, this.clock.now()],
    );
  }
}
