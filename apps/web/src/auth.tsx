import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  api,
  loadSession,
  ok,
  saveSession,
  whenSignedOut,
  type Principal,
  type Role,
  type Session,
} from './api/client';

interface AuthState {
  user: Principal | null;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Re-reads the principal (after a deputy change). */
  reload: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: '督办员',
  liaison: '联络员',
  leader: '领导',
  admin: '系统管理员',
};

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());

  useEffect(() => whenSignedOut(() => setSession(null)), []);

  // Renew the access token a minute before it lapses, with the one-time refresh token.
  useEffect(() => {
    if (!session) return;
    const wait = Math.max(5_000, session.expiresAt - Date.now() - 60_000);
    const timer = setTimeout(() => {
      void api.POST('/api/auth/refresh', { body: { refreshToken: session.refreshToken } }).then(({ data }) => {
        if (!data) return;
        const next = { ...data, expiresAt: Date.now() + data.expiresIn * 1000 };
        saveSession(next);
        setSession(next);
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [session]);

  const signIn = useCallback(async (username: string, password: string) => {
    const pair = await ok(api.POST('/api/auth/login', { body: { username, password } }));
    const next: Session = { ...pair, expiresAt: Date.now() + pair.expiresIn * 1000 };
    saveSession(next);
    setSession(next);
  }, []);

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    saveSession(null);
    setSession(null);
  }, []);

  const reload = useCallback(async () => {
    const current = loadSession();
    if (!current) return;
    const user = await ok(api.GET('/api/auth/me'));
    const next = { ...current, user };
    saveSession(next);
    setSession(next);
  }, []);

  const value = useMemo(
    () => ({ user: session?.user ?? null, signIn, signOut, reload }),
    [session, signIn, signOut, reload],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

export function hasRole(user: Principal | null, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r));
}
