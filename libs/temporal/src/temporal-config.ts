import { readFileSync } from 'node:fs';

/** Where the Temporal cluster is and which queue the case workflows run on (env with embedded defaults). */
export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Temporal Cloud API key (TEMPORAL_API_KEY): implies TLS. */
  apiKey?: string;
  /** mTLS / TLS to a self-hosted cluster or Temporal Cloud (certificate files, PEM). */
  tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string };
}

export function temporalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const config: TemporalConfig = {
    address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'donthu-cases',
  };
  if (env.TEMPORAL_API_KEY) config.apiKey = env.TEMPORAL_API_KEY;
  const certPath = env.TEMPORAL_TLS_CERT_PATH;
  const keyPath = env.TEMPORAL_TLS_KEY_PATH;
  if (Boolean(certPath) !== Boolean(keyPath)) throw new Error('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together: set both or neither');
  if (certPath || env.TEMPORAL_TLS_CA_PATH || env.TEMPORAL_TLS === 'true') {
    config.tls = { certPath, keyPath, caPath: env.TEMPORAL_TLS_CA_PATH, serverName: env.TEMPORAL_TLS_SERVER_NAME };
  }
  return config;
}

/** What both `Connection.connect` (client) and `NativeConnection.connect` (worker) take. */
export interface TemporalConnectionOptions {
  address: string;
  apiKey?: string;
  tls?: boolean | { clientCertPair?: { crt: Buffer; key: Buffer }; serverRootCACertificate?: Buffer; serverNameOverride?: string };
}

export function temporalConnectionOptions(config: TemporalConfig): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: config.address };
  if (config.tls) {
    const { certPath, keyPath, caPath, serverName } = config.tls;
    options.tls = {
      ...(certPath && keyPath ? { clientCertPair: { crt: readFileSync(certPath), key: readFileSync(keyPath) } } : {}),
      ...(caPath ? { serverRootCACertificate: readFileSync(caPath) } : {}),
      ...(serverName ? { serverNameOverride: serverName } : {}),
    };
  }
  if (config.apiKey) {
    options.apiKey = config.apiKey;
    options.tls ??= true;
  }
  return options;
}
