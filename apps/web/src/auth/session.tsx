import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionChange, sessionStore } from '../api/client';
import type { Session, SessionUser } from '../api/types';

interface SessionContextValue {
  user: SessionUser | null;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => sessionStore.read()?.user ?? null);
  useEffect(() => onSessionChange((session) => setUser(session?.user ?? null)), []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api<Session>('/api/v1/auth/login', { body: { username, password }, anonymous: true });
    sessionStore.write(session);
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    const session = sessionStore.read();
    sessionStore.write(null);
    if (session) await api('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken }, anonymous: true }).catch(() => undefined);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
