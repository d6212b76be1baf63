import { parseArgs } from 'node:util';
import { type ConfigOverrides, readEnv, resolveConfig } from '../../config/index.js';
import { AirlockError, isAirlockError } from '../../errors.js';
import type { AgentIdentity } from '../../identity/index.js';
import { log } from '../../log.js';
import { startRuntime } from '../../runtime/index.js';
import { AirlockStdio } from '../../server/stdio.js';

const USAGE = `usage: airlock serve [--http HOST:PORT | --stdio] [--admin HOST:PORT | --no-admin] [--config FILE]
                     [--agent NAME] [--policies DIR] [--tools DIR] [--models DIR] [--data DIR]
  --http     Streamable HTTP listener (default 127.0.0.1:3700, endpoint /mcp)
  --stdio    MCP over stdin/stdout for one agent: --agent NAME or a JWT in AIRLOCK_TOKEN
  --admin    admin listener (default 127.0.0.1:3701); --no-admin to disable it
  --agent    stdio: the agent to act as; http: requests without a token act as NAME (loopback only)
`;

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function parseServeArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      http: { type: 'string' },
      stdio: { type: 'boolean' },
      admin: { type: 'string' },
      'no-admin': { type: 'boolean' },
      config: { type: 'string' },
      agent: { type: 'string' },
      policies: { type: 'string' },
      tools: { type: 'string' },
      models: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.stdio && values.http)
    throw new AirlockError('ERR_CONFIG_INVALID', '--stdio and --http exclude each other');
  const overrides: ConfigOverrides = {};
  if (values.config) overrides.configFile = values.config;
  if (values.http) overrides.http = values.http;
  if (values.admin) overrides.admin = values.admin;
  for (const key of ['policies', 'tools', 'models', 'data', 'agent'] as const) {
    const value = values[key];
    if (value !== undefined) overrides[key] = value;
  }
  return { overrides, stdio: values.stdio ?? false, admin: !values['no-admin'], help: values.help ?? false };
}

/** `airlock serve`: runs until SIGTERM/SIGINT, then drains in-flight calls and exits 0. */
export async function run(argv: string[], io: Io = process): Promise<number> {
  let args: ReturnType<typeof parseServeArgs>;
  try {
    args = parseServeArgs(argv);
  } catch (error) {
    io.stderr.write(`airlock serve: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stderr.write(USAGE);
    return 0;
  }
  try {
    const config = resolveConfig(args.overrides);
    const runtime = await startRuntime(config, args.stdio ? 'stdio' : 'http');
    let stdio: AirlockStdio | undefined;
    let admin: { url: string; close(): Promise<void> } | undefined;
    let stopping: Promise<void> | undefined;
    const stop = (signal: string) => {
      stopping ??= (async () => {
        log.info({ signal }, 'shutting down: draining in-flight calls');
        await admin?.close();
        await stdio?.close();
        await runtime.close();
      })();
      return stopping;
    };
    const done = new Promise<void>((resolve) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const)
        process.once(signal, () => void stop(signal).then(resolve));
      if (args.stdio) process.stdin.once('end', () => void stop('stdin closed').then(resolve));
    });

    if (args.stdio) {
      const identity = await stdioIdentity(runtime, config.devAgent);
      stdio = new AirlockStdio(runtime.pipeline, identity);
      runtime.onToolsChanged((filter) => stdio?.notifyToolsChanged(filter));
      await stdio.start();
      log.info(
        { agent: identity.agent, policy: runtime.policies.current.version },
        'airlock serving MCP on stdio',
      );
    } else {
      if (args.admin) {
        const { startAdmin } = await import('../../admin/index.js');
        admin = await startAdmin(runtime, config.admin.listen);
      }
      const endpoint = runtime.resourceUrl;
      io.stderr.write(
        [
          `airlock: serving MCP (Streamable HTTP) at ${endpoint}`,
          `  policies ${config.paths.policies} (version ${runtime.policies.current.version}), ${runtime.tools.size} tools, data ${config.paths.data}`,
          config.devAgent
            ? `  development mode: requests without a token act as agent "${config.devAgent}"`
            : '',
          `  mint an agent token:  npm run airlock -- token mint --agent support-bot --audience ${endpoint}`,
          admin
            ? `  admin console:        ${admin.url}  (token: npm run airlock -- token mint --agent admin --admin --audience ${endpoint})`
            : '',
          '',
        ]
          .filter((line) => line !== '')
          .join('\n') + '\n',
      );
    }
    await done;
    return 0;
  } catch (error) {
    io.stderr.write(
      `airlock serve: ${isAirlockError(error) ? `${error.code}: ` : ''}${(error as Error).message}\n`,
    );
    return 1;
  }
}

/** stdio acts as the agent the launching user named, or the one a JWT in AIRLOCK_TOKEN proves. */
async function stdioIdentity(
  runtime: Awaited<ReturnType<typeof startRuntime>>,
  agent: string | undefined,
): Promise<AgentIdentity> {
  const token = readEnv('AIRLOCK_TOKEN');
  if (token) {
    const verified = await runtime.identity.verify(`Bearer ${token}`);
    if (!verified.ok) throw new AirlockError(verified.code, `AIRLOCK_TOKEN: ${verified.reason}`);
    if (agent && agent !== verified.identity.agent) {
      throw new AirlockError(
        'ERR_CONFIG_INVALID',
        `--agent ${agent} differs from the token's agent ${verified.identity.agent}`,
      );
    }
    return verified.identity;
  }
  if (!agent)
    throw new AirlockError('ERR_CONFIG_INVALID', 'stdio needs --agent NAME or a JWT in AIRLOCK_TOKEN');
  return {
    agent,
    issuer: 'airlock-stdio',
    scopes: [],
    expiresAt: Number.POSITIVE_INFINITY,
    token: '',
    claims: {},
  };
}
