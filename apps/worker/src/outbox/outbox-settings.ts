/** An integer setting ≥ `min` from the environment, `fallback` when unset; anything else stops the worker at start. */
export function envInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

/** Wait before the retry that follows attempt `attempts` (1, 2, …): exponential, capped. */
export function retryDelayMs(config: { retryBaseMs: number; retryMaxMs: number }, attempts: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  return Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** exponent);
}
