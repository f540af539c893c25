import { randomToken } from './password';
import type { UsersService } from './users.service';

/**
 * On a start with no admin account (the first, or after demo users alone) creates `admin`, with ADMIN_PASSWORD when set, else a
 * one-time password that is returned so the caller can print it once.
 */
export async function ensureFirstAdmin(
  users: UsersService,
  configured: string | null,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if ((await users.countAdmins()) > 0) return { created: false, generatedPassword: null };
  const generated = configured ? null : `${randomToken(12)}9a`;
  await users.create({
    username: 'admin',
    displayName: '系统管理员',
    password: configured ?? generated ?? '',
    roles: ['admin'],
    agencyIds: [],
  });
  return { created: true, generatedPassword: generated };
}
