import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthError } from './auth.errors';
import { passwordProblem, type Role } from './domain/roles';
import { hashPassword } from './password';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencyIds: string[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agencies: { id: string; name: string }[];
  disabled: boolean;
}

/** Accounts: created by admins, by the first run and by the demo seed. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Nest injects it; the CLI (seed-demo) builds the service by hand and gets one on the same data source.
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  async create(input: NewUser): Promise<UserView> {
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError('WEAK_PASSWORD', problem);
    const hash = await hashPassword(input.password);
    const id = await this.db.transaction(async (tx) => {
      const taken = await tx.query<unknown[]>('SELECT 1 FROM app_user WHERE username = $1', [input.username]);
      if (taken.length) throw new AuthError('USERNAME_TAKEN', `用户名「${input.username}」已被使用`);
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO app_user (username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.username, input.displayName, hash, input.roles],
      );
      if (input.agencyIds.length) {
        await tx.query('INSERT INTO user_agency (user_id, agency_id) SELECT $1, unnest($2::uuid[])', [
          row.id,
          input.agencyIds,
        ]);
      }
      // Never the password or its hash.
      const { username, displayName, roles, agencyIds } = input;
      await this.audit.record(tx, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        after: { username, displayName, roles, agencyIds },
      });
      return row.id;
    });
    return this.get(id);
  }

  async list(): Promise<UserView[]> {
    const rows = await this.db.query<
      (Omit<UserView, 'agencies'> & { agencies: { id: string; name: string }[] | null })[]
    >(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.disabled,
         (SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name)
          FROM user_agency ua JOIN agency a ON a.id = ua.agency_id WHERE ua.user_id = u.id) AS agencies
       FROM app_user u ORDER BY u.username`,
    );
    return rows.map((r) => ({ ...r, agencies: r.agencies ?? [] }));
  }

  async get(id: string): Promise<UserView> {
    const found = (await this.list()).find((u) => u.id === id);
    if (!found) throw new AuthError('USER_NOT_FOUND', `找不到用户 ${id}`);
    return found;
  }

  async countAdmins(): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE 'admin' = ANY(roles) AND NOT disabled`,
    );
    return n;
  }
}
