import { parseArgs } from 'node:util';
import { parseDuration } from '../../config/duration.js';
import { isAirlockError } from '../../errors.js';
import { createIdentityService } from '../../identity/index.js';

/** What `airlock serve` uses when neither publicUrl nor --http is given. */
export const DEFAULT_AUDIENCE = 'http://127.0.0.1:3700/mcp';
export const DEFAULT_DATA_DIR = 'var';

const USAGE = `usage: airlock token mint --agent NAME [--ttl 15m] [--scope S ...] [--admin] [--data DIR] [--audience URL]
  Prints a JWT from the local issuer on stdout.
  --ttl       token lifetime (default 15m; at most the server's maximum lifetime, 1h)
  --scope     add a scope (repeatable); --admin adds airlock:admin
  --data      data directory holding keys/issuer-ed25519.json (default ${DEFAULT_DATA_DIR})
  --audience  the server's resource URL (default ${DEFAULT_AUDIENCE}; use publicUrl + /mcp if set)
`;

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** `airlock token ...` (argv after `token`). Exit codes: 0 ok, 1 failure, 2 usage error. */
export async function run(argv: string[], io: CommandIo = process): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    io.stderr.write(USAGE);
    return subcommand === undefined ? 2 : 0;
  }
  if (subcommand !== 'mint') {
    io.stderr.write(`airlock token: unknown subcommand "${subcommand}"\n${USAGE}`);
    return 2;
  }
  let values: ReturnType<typeof parseMintArgs>;
  try {
    values = parseMintArgs(rest);
  } catch (error) {
    io.stderr.write(`airlock token mint: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.agent === undefined) {
    io.stderr.write(`airlock token mint: --agent is required\n${USAGE}`);
    return 2;
  }
  const ttl = parseDuration(values.ttl ?? '15m');
  if (!ttl.ok) {
    io.stderr.write(`airlock token mint: --ttl: ${ttl.reason}\n`);
    return 2;
  }
  if (ttl.ms % 1000 !== 0) {
    io.stderr.write('airlock token mint: --ttl must be a whole number of seconds\n');
    return 2;
  }
  try {
    const identity = await createIdentityService({
      dataDir: values.data ?? DEFAULT_DATA_DIR,
      audience: values.audience ?? DEFAULT_AUDIENCE,
    });
    const token = await identity.mint({
      agent: values.agent,
      ttlS: ttl.ms / 1000,
      scopes: values.scope ?? [],
      admin: values.admin ?? false,
    });
    identity.close();
    io.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    if (!isAirlockError(error)) throw error;
    io.stderr.write(`airlock token mint: ${error.code}: ${error.message}\n`);
    return 1;
  }
}

function parseMintArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      agent: { type: 'string' },
      ttl: { type: 'string' },
      scope: { type: 'string', multiple: true },
      admin: { type: 'boolean' },
      data: { type: 'string' },
      audience: { type: 'string' },
    },
  }).values;
}
