import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyKind } from './domain/registry.types';

export interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  groups: string[];
}

export interface GroupMemberRow {
  name: string;
  description: string | null;
  id: string | null;
  member: string | null;
}

/** SQL of the registry: `agency`, `agency_alias`, `agency_group` and `agency_group_member`. */
@Injectable()
export class RegistryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async agencies(manager: EntityManager = this.db.manager): Promise<{ id: string; name: string; kind: AgencyKind }[]> {
    return manager.query<{ id: string; name: string; kind: AgencyKind }[]>('SELECT id, name, kind FROM agency');
  }

  async aliases(manager: EntityManager = this.db.manager): Promise<{ alias: string; agencyId: string }[]> {
    return manager.query<{ alias: string; agencyId: string }[]>(
      'SELECT alias, agency_id AS "agencyId" FROM agency_alias',
    );
  }

  /** Every group with its members' ids, by group and member name; a group without members has one null row. */
  async groupMembers(manager: EntityManager = this.db.manager): Promise<GroupMemberRow[]> {
    return manager.query<GroupMemberRow[]>(
      `SELECT g.name, g.description, a.id, a.name AS member FROM agency_group g
       LEFT JOIN agency_group_member m ON m.group_name = g.name LEFT JOIN agency a ON a.id = m.agency_id
       ORDER BY g.name, a.name`,
    );
  }

  async search(filter: { kind: AgencyKind | null; q: string | null }): Promise<AgencyRow[]> {
    return this.db.query<AgencyRow[]>(
      `SELECT a.id, a.name, a.kind,
         COALESCE((SELECT array_agg(alias ORDER BY alias) FROM agency_alias WHERE agency_id = a.id), '{}') AS aliases,
         COALESCE((SELECT array_agg(group_name ORDER BY group_name) FROM agency_group_member WHERE agency_id = a.id), '{}') AS groups
       FROM agency a
       WHERE ($1::text IS NULL OR a.kind = $1) AND ($2::text IS NULL OR a.name LIKE '%' || $2 || '%'
         OR EXISTS (SELECT 1 FROM agency_alias x WHERE x.agency_id = a.id AND x.alias LIKE '%' || $2 || '%'))
       ORDER BY a.kind, a.name`,
      [filter.kind, filter.q],
    );
  }

  async nameTaken(name: string, tx: EntityManager): Promise<boolean> {
    return (await tx.query<unknown[]>('SELECT 1 FROM agency WHERE name = $1', [name])).length > 0;
  }

  async exists(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM agency WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows.length > 0;
  }

  async existingIds(ids: string[], tx: EntityManager): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>('SELECT id FROM agency WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map((r) => r.id);
  }

  async insert(name: string, kind: AgencyKind, tx: EntityManager): Promise<string> {
    const [row] = await tx.query<{ id: string }[]>('INSERT INTO agency (name, kind) VALUES ($1, $2) RETURNING id', [
      name,
      kind,
    ]);
    return row.id;
  }

  /** Creates the agencies that are not there yet; returns the id of every name asked for. */
  async ensure(agencies: { name: string; kind: AgencyKind }[], tx: EntityManager): Promise<Map<string, string>> {
    const names = agencies.map((a) => a.name);
    if (names.length) {
      await tx.query(
        `INSERT INTO agency (name, kind) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO NOTHING`,
        [names, agencies.map((a) => a.kind)],
      );
    }
    const rows = await tx.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM agency WHERE name = ANY($1::text[])',
      [names],
    );
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  async setKind(id: string, kind: AgencyKind, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE agency SET kind = $2, updated_at = now() WHERE id = $1', [id, kind]);
  }

  /** What the audit log keeps of an agency: name, kind and aliases. */
  async audited(id: string, tx: EntityManager): Promise<{ name: string; kind: AgencyKind; aliases: string[] }> {
    const [row] = await tx.query<{ name: string; kind: AgencyKind; aliases: string[] }[]>(
      `SELECT name, kind, COALESCE((SELECT array_agg(alias ORDER BY alias) FROM agency_alias WHERE agency_id = a.id), '{}') AS aliases
       FROM agency a WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** Who holds a name already: the agency it is an alias of, and whether an agency is called so. */
  async nameHolders(alias: string, tx: EntityManager): Promise<{ aliasOf: string | null; agencyName: boolean }> {
    const [row] = await tx.query<{ agency_id: string | null; name: string | null }[]>(
      `SELECT (SELECT agency_id FROM agency_alias WHERE alias = $1) AS agency_id,
              (SELECT name FROM agency WHERE name = $1) AS name`,
      [alias],
    );
    return { aliasOf: row.agency_id, agencyName: row.name !== null };
  }

  async addAlias(alias: string, agencyId: string, tx: EntityManager): Promise<void> {
    await tx.query('INSERT INTO agency_alias (alias, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      alias,
      agencyId,
    ]);
  }

  async removeAliases(agencyId: string, aliases: string[], tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM agency_alias WHERE agency_id = $1 AND alias = ANY($2::text[])', [agencyId, aliases]);
  }

  async groupForUpdate(
    name: string,
    tx: EntityManager,
  ): Promise<{ description: string | null; memberIds: string[] } | null> {
    const [previous] = await tx.query<{ description: string | null; memberIds: string[] }[]>(
      `SELECT g.description, COALESCE((SELECT array_agg(agency_id ORDER BY agency_id) FROM agency_group_member
         WHERE group_name = g.name), '{}') AS "memberIds" FROM agency_group g WHERE g.name = $1 FOR UPDATE`,
      [name],
    );
    return previous ?? null;
  }

  /** Creates or replaces a group and its members. */
  async putGroup(name: string, description: string | null, memberIds: string[], tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO agency_group (name, description) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, updated_at = now()`,
      [name, description],
    );
    await tx.query('DELETE FROM agency_group_member WHERE group_name = $1', [name]);
    await tx.query('INSERT INTO agency_group_member (group_name, agency_id) SELECT $1, unnest($2::uuid[])', [
      name,
      memberIds,
    ]);
  }
}
