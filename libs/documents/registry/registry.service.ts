import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { TaskRepository } from '../../tasks/task.repository';
import { TasksService } from '../../tasks/tasks.service';
import type { AgencyKind, RegistrySnapshot } from './domain/registry.types';
import { DocumentError } from '../documents.errors';
import { RegistryRepository } from './registry.repository';

export interface AgencyView {
  id: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  groups: string[];
  openTasks: number;
}

export interface GroupView {
  name: string;
  description: string | null;
  members: { id: string; name: string }[];
}

/** Agencies, their aliases and the groups that expand into them; edited by admins. */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    // Nest injects them; code that builds the service by hand (tests) gets them on the same data source.
    private readonly registry: RegistryRepository = new RegistryRepository(db),
    private readonly tasks: TasksService = new TasksService(new TaskRepository(db), db),
  ) {}

  async snapshot(manager?: EntityManager): Promise<RegistrySnapshot> {
    const [agencies, aliases, members] = await Promise.all([
      this.registry.agencies(manager),
      this.registry.aliases(manager),
      this.registry.groupMembers(manager),
    ]);
    const groups = new Map<string, string[]>();
    for (const m of members) {
      const list = groups.get(m.name) ?? [];
      if (m.id) list.push(m.id);
      groups.set(m.name, list);
    }
    return { agencies, aliases, groups: [...groups].map(([name, memberIds]) => ({ name, memberIds })) };
  }

  async listAgencies(filter: { kind?: AgencyKind; q?: string } = {}): Promise<AgencyView[]> {
    const [rows, open] = await Promise.all([
      this.registry.search({ kind: filter.kind ?? null, q: filter.q ?? null }),
      this.tasks.openCountsByAgency(),
    ]);
    return rows.map((r) => ({ ...r, openTasks: open.get(r.id) ?? 0 }));
  }

  async getAgency(id: string): Promise<AgencyView> {
    const found = (await this.listAgencies()).find((a) => a.id === id);
    if (!found) throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位 ${id}`);
    return found;
  }

  agencyExists(id: string): Promise<boolean> {
    return this.registry.exists(id);
  }

  /** Creates, in the caller's transaction, the agencies an import's corrections asked for; ids by name. */
  ensureAgencies(agencies: { name: string; kind: AgencyKind }[], tx: EntityManager): Promise<Map<string, string>> {
    return this.registry.ensure(agencies, tx);
  }

  async createAgency(input: { name: string; kind: AgencyKind; aliases: string[] }): Promise<AgencyView> {
    const id = await this.db.transaction(async (tx) => {
      if (await this.registry.nameTaken(input.name, tx)) {
        throw new DocumentError('AGENCY_EXISTS', `单位「${input.name}」已存在`);
      }
      const agencyId = await this.registry.insert(input.name, input.kind, tx);
      await this.addAliases(tx, agencyId, input.aliases);
      await this.audit.record(tx, {
        action: 'agency.create',
        targetType: 'agency',
        targetId: agencyId,
        after: await this.registry.audited(agencyId, tx),
      });
      return agencyId;
    });
    return this.getAgency(id);
  }

  async updateAgency(id: string, change: { kind?: AgencyKind; addAliases?: string[]; removeAliases?: string[] }) {
    await this.db.transaction(async (tx) => {
      if (!(await this.registry.exists(id, tx, true))) throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位 ${id}`);
      const before = await this.registry.audited(id, tx);
      if (change.kind) await this.registry.setKind(id, change.kind, tx);
      if (change.removeAliases?.length) await this.registry.removeAliases(id, change.removeAliases, tx);
      await this.addAliases(tx, id, change.addAliases ?? []);
      const after = await this.registry.audited(id, tx);
      await this.audit.record(tx, { action: 'agency.update', targetType: 'agency', targetId: id, before, after });
    });
    return this.getAgency(id);
  }

  private async addAliases(tx: EntityManager, agencyId: string, aliases: string[]): Promise<void> {
    for (const alias of aliases) {
      const holders = await this.registry.nameHolders(alias, tx);
      if ((holders.aliasOf && holders.aliasOf !== agencyId) || holders.agencyName) {
        throw new DocumentError('ALIAS_TAKEN', `简称「${alias}」已被其他单位使用`);
      }
      await this.registry.addAlias(alias, agencyId, tx);
    }
  }

  async listGroups(): Promise<GroupView[]> {
    const groups = new Map<string, GroupView>();
    for (const r of await this.registry.groupMembers()) {
      const g = groups.get(r.name) ?? { name: r.name, description: r.description, members: [] };
      if (r.id && r.member) g.members.push({ id: r.id, name: r.member });
      groups.set(r.name, g);
    }
    return [...groups.values()];
  }

  /** Creates or replaces a group; its expansion is data, so no code changes for a new city. */
  async putGroup(name: string, input: { description?: string; memberIds: string[] }) {
    await this.db.transaction(async (tx) => {
      const known = await this.registry.existingIds(input.memberIds, tx);
      const missing = input.memberIds.filter((id) => !known.includes(id));
      if (missing.length) throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位：${missing.join('、')}`, { missing });
      const previous = await this.registry.groupForUpdate(name, tx);
      await this.registry.putGroup(name, input.description ?? null, input.memberIds, tx);
      await this.audit.record(tx, {
        action: 'agency_group.put',
        targetType: 'agency_group',
        targetId: name,
        before: previous,
        after: { description: input.description ?? null, memberIds: [...input.memberIds].sort() },
      });
    });
    const group = (await this.listGroups()).find((g) => g.name === name);
    if (!group) throw new DocumentError('GROUP_NOT_FOUND', `找不到单位组「${name}」`);
    return group;
  }

  /** Agencies that stand for real offices (not generic or unknown), by kind and name: the demo seed's. */
  async namedAgencies(): Promise<{ id: string; name: string }[]> {
    const rows = await this.registry.search({ kind: null, q: null });
    return rows.filter((a) => a.kind !== 'generic' && a.kind !== 'unknown').map(({ id, name }) => ({ id, name }));
  }
}
