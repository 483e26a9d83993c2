import type { ApiErrorBody, FieldError, Session } from './types';

/** An error answer of the api in its one shape (apps/api/src/common/api-error.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get fieldErrors(): FieldError[] {
    return this.body?.errors ?? [];
  }
}

const SESSION_KEY = 'donthu.session';

/**
 * Tokens live in sessionStorage: gone with the tab, never in a cookie the browser would send by
 * itself (no CSRF surface), never in localStorage where they would outlive the working day.
 */
export const sessionStore = {
  read(): Session | null {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Session;
    } catch {
      return null;
    }
  },
  write(session: Session | null): void {
    if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(SESSION_KEY);
    listeners.forEach((l) => l(session));
  },
};

const listeners = new Set<(session: Session | null) => void>();
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Public endpoints (login, tracking): no Authorization header, no refresh. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time; a used refresh token must never be sent twice (the api revokes the family). */
function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = sessionStore.read();
    if (!current) return false;
    const response = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: current.refreshToken }) });
    if (!response.ok) {
      sessionStore.write(null);
      return false;
    }
    sessionStore.write((await response.json()) as Session);
    return true;
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const session = options.anonymous ? null : sessionStore.read();
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  return fetch(path, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: options.signal });
}

/** Calls the api; a 401 refreshes the session once and retries; any other error is an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous && (await refreshSession())) response = await send(path, options);
  if (response.status === 401 && !options.anonymous) sessionStore.write(null);
  if (!response.ok) {
    let errorBody: ApiErrorBody | undefined;
    try {
      errorBody = (await response.json()) as ApiErrorBody;
    } catch {
      errorBody = undefined;
    }
    throw new ApiError(response.status, errorBody);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `{ a: 1, b: undefined }` → `?a=1` */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
