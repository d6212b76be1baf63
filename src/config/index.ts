import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { AirlockError } from '../errors.js';
import { parseDuration } from './duration.js';
import { type ConfigFile, ConfigFileSchema } from './schema.js';
import { parseYamlWith } from './yaml-file.js';

export { parseDuration, parseRate } from './duration.js';
export { formatSourceError, parseYamlWith, type SourceError } from './yaml-file.js';

export interface Listen {
  host: string;
  port: number;
}

export interface IssuerSettings {
  issuer: string;
  jwks: string;
  algorithms: string[];
  agentClaim?: string;
}

/** Fully resolved settings: validated once at start-up, then frozen and passed down. */
export interface AirlockConfig {
  http: {
    listen: Listen;
    publicUrl: string | undefined;
    allowedOrigins: string[];
    maxBodyBytes: number;
    jsonResponse: boolean;
    sessionIdleMs: number;
  };
  admin: { listen: Listen };
  paths: { policies: string; tools: string; models: string; data: string };
  issuers: IssuerSettings[];
  auth: { maxTokenLifetimeS: number; clockToleranceS: number; requiredScopes: string[] };
  revoked: { jti: string[]; agents: string[] };
  sandbox: { poolSize: number };
  audit: { durable: boolean; maxFileBytes: number };
  scoring: { maxBatch: number; maxQueue: number };
  /** Development only: requests without a token act as this agent (loopback listeners only). */
  devAgent: string | undefined;
}

export interface ConfigOverrides {
  configFile?: string;
  http?: string;
  admin?: string;
  policies?: string;
  tools?: string;
  models?: string;
  data?: string;
  agent?: string;
}

export function parseListen(text: string, what: string): Listen {
  const match = /^(\[([0-9a-fA-F:.]+)\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || port > 65535)
    throw new AirlockError('ERR_CONFIG_INVALID', `${what}: expected HOST:PORT, got "${text}"`);
  return { host: match[2] ?? match[1]!, port };
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function durationSeconds(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new AirlockError('ERR_CONFIG_INVALID', parsed.reason);
  return Math.round(parsed.ms / 1000);
}

export function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `${file}: cannot read config file (${(error as Error).message})`,
    );
  }
  const parsed = parseYamlWith({ text, file, schema: ConfigFileSchema, code: 'ERR_CONFIG_INVALID' });
  if (!parsed.ok) throw new AirlockError('ERR_CONFIG_INVALID', parsed.reason);
  return parsed.value;
}

/** Merges the config file (if any) with command-line overrides; command line wins. */
export function resolveConfig(overrides: ConfigOverrides = {}): AirlockConfig {
  const file: ConfigFile = overrides.configFile ? readConfigFile(overrides.configFile) : {};
  const config: AirlockConfig = {
    http: {
      listen: parseListen(overrides.http ?? file.http?.listen ?? '127.0.0.1:3700', '--http'),
      publicUrl: file.http?.publicUrl?.replace(/\/+$/, ''),
      allowedOrigins: file.http?.allowedOrigins ?? [],
      maxBodyBytes: file.http?.maxBodyBytes ?? 1024 * 1024,
      jsonResponse: file.http?.jsonResponse ?? false,
      sessionIdleMs: durationSeconds(file.http?.sessionIdleTimeout, 30 * 60) * 1000,
    },
    admin: { listen: parseListen(overrides.admin ?? file.admin?.listen ?? '127.0.0.1:3701', '--admin') },
    paths: {
      policies: resolve(overrides.policies ?? file.paths?.policies ?? 'policies'),
      tools: resolve(overrides.tools ?? file.paths?.tools ?? 'tools'),
      models: resolve(overrides.models ?? file.paths?.models ?? 'models'),
      data: resolve(overrides.data ?? file.paths?.data ?? 'var'),
    },
    issuers: (file.issuers ?? []).map((issuer) => ({ ...issuer })),
    auth: {
      maxTokenLifetimeS: durationSeconds(file.auth?.maxTokenLifetime, 3600),
      clockToleranceS: durationSeconds(file.auth?.clockTolerance, 30),
      requiredScopes: file.auth?.requiredScopes ?? [],
    },
    revoked: { jti: file.revoked?.jti ?? [], agents: file.revoked?.agents ?? [] },
    // Idle isolates kept warm: enough for a burst of concurrent calls, so isolates are not created and
    // disposed on every wave (about 1 MB each plus one prepared context).
    sandbox: { poolSize: file.sandbox?.poolSize ?? 16 },
    audit: {
      durable: file.audit?.durable ?? true,
      maxFileBytes: file.audit?.maxFileBytes ?? 64 * 1024 * 1024,
    },
    scoring: { maxBatch: file.scoring?.maxBatch ?? 64, maxQueue: file.scoring?.maxQueue ?? 4096 },
    devAgent: overrides.agent,
  };
  return Object.freeze(config);
}

/** The resource URL agents' tokens must be issued for (RFC 8707 audience) and the MCP endpoint. */
export function resourceUrl(config: AirlockConfig, boundPort?: number): string {
  if (config.http.publicUrl) return `${config.http.publicUrl}/mcp`;
  const { host, port } = config.http.listen;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${boundPort ?? port}/mcp`;
}

/** The only place Airlock reads the process environment. */
export function readEnv(name: string): string | undefined {
  return process.env[name];
}
