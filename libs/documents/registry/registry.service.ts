import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AgencyKind, RegistrySnapshot } from './domain/registry.types';
import { DocumentError } from '../documents.errors';

export interface AgencyView {
  id: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  groups: string[];
  openTasks: number;
}

/** Agencies, their aliases and the groups that expand into them; edited by admins. */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async snapshot(db: DataSource | EntityManager = this.db): Promise<RegistrySnapshot> {
    const [agencies, aliases, members] = await Promise.all([
      db.query<{ id: string; name: string; kind: AgencyKind }[]>('SELECT id, name, kind FROM agency'),
      db.query<{ alias: string; agencyId: string }[]>('SELECT alias, agency_id AS "agencyId" FROM agency_alias'),
      db.query<{ name: string; agencyId: string | null }[]>(
        `SELECT g.name, m.agency_id AS "agencyId" FROM agency_group g
         LEFT JOIN agency_group_member m ON m.group_name = g.name LEFT JOIN agency a ON a.id = m.agency_id
         ORDER BY g.name, a.name`,
      ),
    ]);
    const groups = new Map<string, string[]>();
    for (const m of members) {
      const list = groups.get(m.name) ?? [];
      if (m.agencyId) list.push(m.agencyId);
      groups.set(m.name, list);
    }
    return { agencies, aliases, groups: [...groups].map(([name, memberIds]) => ({ name, memberIds })) };
  }

  async listAgencies(filter: { kind?: AgencyKind; q?: string } = {}): Promise<AgencyView[]> {
    const rows = await this.db.query<(Omit<AgencyView, 'openTasks'> & { openTasks: string })[]>(
      `SELECT a.id, a.name, a.kind,
         COALESCE((SELECT array_agg(alias ORDER BY alias) FROM agency_alias WHERE agency_id = a.id), '{}') AS aliases,
         COALESCE((SELECT array_agg(group_name ORDER BY group_name) FROM agency_group_member WHERE agency_id = a.id), '{}') AS groups,
         (SELECT count(*) FROM task t WHERE t.agency_id = a.id AND t.state IN ('issued', 'in_progress', 'submitted')) AS "openTasks"
       FROM agency a
       WHERE ($1::text IS NULL OR a.kind = $1) AND ($2::text IS NULL OR a.name LIKE '%' || $2 || '%'
         OR EXISTS (SELECT 1 FROM agency_alias x WHERE x.agency_id = a.id AND x.alias LIKE '%' || $2 || '%'))
       ORDER BY a.kind, a.name`,
      [filter.kind ?? null, filter.q ?? null],
    );
    return rows.map((r) => ({ ...r, openTasks: Number(r.openTasks) }));
  }

  async getAgency(id: string): Promise<AgencyView> {
    const found = (await this.listAgencies()).find((a) => a.id === id);
    if (!found) throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位 ${id}`);
    return found;
  }

  async createAgency(input: { name: string; kind: AgencyKind; aliases: string[] }): Promise<AgencyView> {
    const id = await this.db.transaction(async (tx) => {
      const taken = await tx.query<unknown[]>('SELECT 1 FROM agency WHERE name = $1', [input.name]);
      if (taken.length) throw new DocumentError('AGENCY_EXISTS', `单位「${input.name}」已存在`);
      const [row] = await tx.query<{ id: string }[]>('INSERT INTO agency (name, kind) VALUES ($1, $2) RETURNING id', [
        input.name,
        input.kind,
      ]);
      await this.addAliases(tx, row.id, input.aliases);
      await this.audit.record(tx, {
        action: 'agency.create',
        targetType: 'agency',
        targetId: row.id,
        after: await this.auditedAgency(tx, row.id),
      });
      return row.id;
    });
    return this.getAgency(id);
  }

  async updateAgency(id: string, change: { kind?: AgencyKind; addAliases?: string[]; removeAliases?: string[] }) {
    await this.db.transaction(async (tx) => {
      const found = await tx.query<unknown[]>('SELECT 1 FROM agency WHERE id = $1 FOR UPDATE', [id]);
      if (!found.length) throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位 ${id}`);
      const before = await this.auditedAgency(tx, id);
      if (change.kind)
        await tx.query('UPDATE agency SET kind = $2, updated_at = now() WHERE id = $1', [id, change.kind]);
      if (change.removeAliases?.length) {
        await tx.query('DELETE FROM agency_alias WHERE agency_id = $1 AND alias = ANY($2::text[])', [
          id,
          change.removeAliases,
        ]);
      }
      await this.addAliases(tx, id, change.addAliases ?? []);
      const after = await this.auditedAgency(tx, id);
      await this.audit.record(tx, { action: 'agency.update', targetType: 'agency', targetId: id, before, after });
    });
    return this.getAgency(id);
  }

  /** What the audit log keeps of an agency: name, kind and aliases. */
  private async auditedAgency(tx: EntityManager, id: string) {
    const [row] = await tx.query<{ name: string; kind: AgencyKind; aliases: string[] }[]>(
      `SELECT name, kind, COALESCE((SELECT array_agg(alias ORDER BY alias) FROM agency_alias WHERE agency_id = a.id), '{}') AS aliases
       FROM agency a WHERE id = $1`,
      [id],
    );
    return row;
  }

  private async addAliases(tx: EntityManager, agencyId: string, aliases: string[]): Promise<void> {
    for (const alias of aliases) {
      const clash = await tx.query<{ agency_id: string | null; name: string | null }[]>(
        `SELECT (SELECT agency_id FROM agency_alias WHERE alias = $1) AS agency_id,
                (SELECT name FROM agency WHERE name = $1) AS name`,
        [alias],
      );
      if ((clash[0].agency_id && clash[0].agency_id !== agencyId) || clash[0].name) {
        throw new DocumentError('ALIAS_TAKEN', `简称「${alias}」已被其他单位使用`);
      }
      await tx.query('INSERT INTO agency_alias (alias, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        alias,
        agencyId,
      ]);
    }
  }

  async listGroups(): Promise<{ name: string; description: string | null; members: { id: string; name: string }[] }[]> {
    const rows = await this.db.query<
      { name: string; description: string | null; id: string | null; member: string | null }[]
    >(
      `SELECT g.name, g.description, a.id, a.name AS member FROM agency_group g
       LEFT JOIN agency_group_member m ON m.group_name = g.name LEFT JOIN agency a ON a.id = m.agency_id
       ORDER BY g.name, a.name`,
    );
    const groups = new Map<
      string,
      { name: string; description: string | null; members: { id: string; name: string }[] }
    >();
    for (const r of rows) {
      const g = groups.get(r.name) ?? { name: r.name, description: r.description, members: [] };
      if (r.id && r.member) g.members.push({ id: r.id, name: r.member });
      groups.set(r.name, g);
    }
    return [...groups.values()];
  }

  /** Creates or replaces a group; its expansion is data, so no code changes for a new city. */
  async putGroup(name: string, input: { description?: string; memberIds: string[] }) {
    await this.db.transaction(async (tx) => {
      const known = await tx.query<{ id: string }[]>('SELECT id FROM agency WHERE id = ANY($1::uuid[])', [
        input.memberIds,
      ]);
      const missing = input.memberIds.filter((id) => !known.some((k) => k.id === id));
      if (missing.length) throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位：${missing.join('、')}`, { missing });
      const [previous] = await tx.query<{ description: string | null; memberIds: string[] }[]>(
        `SELECT g.description, COALESCE((SELECT array_agg(agency_id ORDER BY agency_id) FROM agency_group_member
           WHERE group_name = g.name), '{}') AS "memberIds" FROM agency_group g WHERE g.name = $1 FOR UPDATE`,
        [name],
      );
      await tx.query(
        `INSERT INTO agency_group (name, description) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, updated_at = now()`,
        [name, input.description ?? null],
      );
      await tx.query('DELETE FROM agency_group_member WHERE group_name = $1', [name]);
      await tx.query('INSERT INTO agency_group_member (group_name, agency_id) SELECT $1, unnest($2::uuid[])', [
        name,
        input.memberIds,
      ]);
      await this.audit.record(tx, {
        action: 'agency_group.put',
        targetType: 'agency_group',
        targetId: name,
        before: previous ?? null,
        after: { description: input.description ?? null, memberIds: [...input.memberIds].sort() },
      });
    });
    const group = (await this.listGroups()).find((g) => g.name === name);
    if (!group) throw new DocumentError('GROUP_NOT_FOUND', `找不到单位组「${name}」`);
    return group;
  }
}
