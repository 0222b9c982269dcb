import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  requireCourtStaff,
  Role,
  type Actor,
  type AgencyKindView,
  type Clock,
  type ListAgencyKindsReply,
  type PutAgencyKindCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertDefinition,
  provinceOf,
  visibleTo,
  type AgencyKindDefinition,
} from '../domain/agency-catalog.js';
import { AgencyCatalogRepository, type StoredAgencyKind } from '../persistence/agency-catalog.repository.js';

/** How long a fan-out may use the catalog it read; a change made through this replica shows at once. */
const CACHE_MS = 5_000;

function viewOf(k: StoredAgencyKind): AgencyKindView {
  return {
    code: k.code,
    nameZh: k.nameZh,
    nameEn: k.nameEn,
    assetClass: k.assetClass,
    appliesTo: [...k.appliesTo],
    reachesLinkedPersons: k.reachesLinkedPersons,
    province: k.province,
    active: k.active,
    updatedAt: k.updatedAt.toISOString(),
  };
}

/**
 * The catalog of agency kinds (查控渠道): read by every inquiry fan-out (cached a few seconds), listed
 * for the court's staff, and extended by a director with their province's own sources (点对点).
 */
@Injectable()
export class AgencyCatalog {
  private cached?: { at: number; kinds: StoredAgencyKind[] };

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: AgencyCatalogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The whole catalog as the fan-out uses it. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<readonly AgencyKindDefinition[]> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.kinds;
    const kinds = await this.repository.all(manager);
    this.cached = { at: now, kinds };
    return kinds;
  }

  async list(actor: Actor, activeOnly = false): Promise<ListAgencyKindsReply> {
    requireCourtStaff(actor, 'the agency kinds');
    const kinds = visibleTo(
      await this.repository.all(this.dataSource.manager),
      actor.courtCode,
    ) as StoredAgencyKind[];
    return {
      courtCode: actor.courtCode,
      province: provinceOf(actor.courtCode),
      kinds: kinds.filter((k) => !activeOnly || k.active).map(viewOf),
    };
  }

  /**
   * Adds or changes a source of the director's own province. Audited; never deletes — a kind no longer
   * to be asked is deactivated, and the inquiries that asked it keep its name.
   */
  async put(command: PutAgencyKindCommand, actor: Actor): Promise<AgencyKindView> {
    if (!actor.roles.includes(Role.Director)) {
      throw new CodedError(
        ErrorCode.Forbidden,
        'only the enforcement director (执行局长) changes the agency kinds',
        {
          rule: 'DIRECTOR_ONLY',
        },
      );
    }
    const proposed: AgencyKindDefinition = {
      code: command.code,
      nameZh: command.nameZh.trim(),
      nameEn: command.nameEn.trim(),
      assetClass: command.assetClass,
      appliesTo: [...command.appliesTo],
      reachesLinkedPersons: command.reachesLinkedPersons,
      province: provinceOf(actor.courtCode),
      active: command.active,
    };
    const saved = await this.unitOfWork.run(async (tx) => {
      // one change of the catalog at a time, so two directors cannot both take a new code
      await tx.manager.query('LOCK TABLE agency_kind IN SHARE ROW EXCLUSIVE MODE');
      const catalog = await this.repository.all(tx.manager);
      assertDefinition(catalog, proposed);
      const before = catalog.find((k) => k.code === proposed.code);
      const now = this.clock.now();
      await this.repository.upsert(tx.manager, proposed, now, actor.id);
      const after = (await this.repository.find(tx.manager, proposed.code))!;
      await tx.audit({
        action: before ? 'asset.agency-kind.change' : 'asset.agency-kind.add',
        entityType: 'agency_kind',
        entityId: proposed.code,
        courtCode: actor.courtCode,
        ...(before ? { before: { ...viewOf(before), updatedAt: undefined } } : {}),
        after: { ...viewOf(after), updatedAt: undefined },
        actor,
      });
      return after;
    });
    this.cached = undefined;
    return viewOf(saved);
  }
}
