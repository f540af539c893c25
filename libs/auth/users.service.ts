import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthError } from './auth.errors';
import { passwordProblem, type Role } from './domain/roles';
import { hashPassword } from './password';
import { type Recipient, UsersRepository } from './users.repository';

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
    private readonly users: UsersRepository = new UsersRepository(db),
  ) {}

  async create(input: NewUser): Promise<UserView> {
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError('WEAK_PASSWORD', problem);
    const hash = await hashPassword(input.password);
    const id = await this.db.transaction(async (tx) => {
      if (await this.users.usernameTaken(input.username, tx)) {
        throw new AuthError('USERNAME_TAKEN', `用户名「${input.username}」已被使用`);
      }
      const { username, displayName, roles, agencyIds } = input;
      const userId = await this.users.insert({ username, displayName, passwordHash: hash, roles, agencyIds }, tx);
      // Never the password or its hash.
      await this.audit.record(tx, {
        action: 'user.create',
        targetType: 'user',
        targetId: userId,
        after: { username, displayName, roles, agencyIds },
      });
      return userId;
    });
    return this.get(id);
  }

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((r) => ({ ...r, agencies: r.agencies ?? [] }));
  }

  async get(id: string): Promise<UserView> {
    const found = (await this.list()).find((u) => u.id === id);
    if (!found) throw new AuthError('USER_NOT_FOUND', `找不到用户 ${id}`);
    return found;
  }

  countAdmins(): Promise<number> {
    return this.users.countActiveAdmins();
  }

  /** Today's active liaisons of an agency (notification recipients). */
  liaisonsOf(agencyId: string, manager?: EntityManager): Promise<Recipient[]> {
    return this.users.liaisonsOf(agencyId, manager);
  }

  /** Today's active users with a role (notification recipients). */
  withRole(role: Role, manager?: EntityManager): Promise<Recipient[]> {
    return this.users.withRole(role, manager);
  }

  /** An active user's email address, if any. */
  email(userId: string): Promise<string | null> {
    return this.users.email(userId);
  }
}
