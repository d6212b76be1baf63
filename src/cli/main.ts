import { isAirlockError } from '../errors.js';

type Command = (argv: string[]) => Promise<number>;

/** Each command lives in its own module and is loaded only when used (start-up stays fast). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.js')).run,
  token: async () => (await import('./commands/token.js')).run,
  policy: async () => (await import('./commands/policy.js')).run,
  audit: async () => (await import('./commands/audit.js')).run,
  model: async () => (await import('./commands/model.js')).run,
  admin: async () => (await import('./commands/admin.js')).run,
};

const USAGE = `usage: airlock <command> [options]
  serve [--http HOST:PORT | --stdio] [--admin HOST:PORT] [--config FILE] [--agent NAME] [--data DIR]
  token mint --agent NAME [--ttl 15m] [--admin]
  policy check [DIR] | policy explain --agent NAME --tool NAME
  audit verify [FILE|DIR] | audit tail | audit query
  model train|eval|promote|rollback ...
  admin [--url URL] [--token TOKEN] policy get|put|validate|history|rollback ... | admin revoke ...
Run "airlock <command> --help" for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`airlock: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A server that finished its graceful shutdown exits now, even if a library left a timer behind.
    if (process.argv[2] === 'serve') setTimeout(() => process.exit(code), 50).unref();
  },
  (error: unknown) => {
    process.stderr.write(
      `airlock: ${isAirlockError(error) ? `${error.code}: ` : ''}${(error as Error).stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
