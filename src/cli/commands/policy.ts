import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { explainTool, loadPolicyDir } from '../../policy/index.js';
import { loadTools } from '../../registry/index.js';

const USAGE = `usage: airlock policy check [DIR]
       airlock policy explain --agent NAME --tool NAME [--policies DIR] [--tools DIR]
  check    validates every policy file; exit 1 with file:line:col on errors
  explain  says why an agent may or may not call a tool, with its effective egress and limits
`;

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** `airlock policy ...` (argv after `policy`). */
export async function run(argv: string[], io: Io = process): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'check') {
    const dir = resolve(rest[0] ?? 'policies');
    const result = await loadPolicyDir(dir);
    if (!result.ok) {
      for (const error of result.errors) io.stderr.write(`${error}\n`);
      io.stderr.write(`policy check: ${result.errors.length} error(s); nothing applied\n`);
      return 1;
    }
    const agents = [...result.set.agents.values()];
    io.stdout.write(
      `policy check: ok, version ${result.set.version}, ${result.set.files.length} file(s), ${agents.length} agent(s)\n`,
    );
    for (const agent of agents)
      io.stdout.write(`  ${agent.id} (${agent.file}): ${[...agent.tools.keys()].join(', ') || 'no tools'}\n`);
    return 0;
  }
  if (sub === 'explain') {
    let values: { agent?: string; tool?: string; policies?: string; tools?: string };
    try {
      ({ values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          agent: { type: 'string' },
          tool: { type: 'string' },
          policies: { type: 'string' },
          tools: { type: 'string' },
        },
      }));
    } catch (error) {
      io.stderr.write(`airlock policy explain: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (!values.agent || !values.tool) {
      io.stderr.write(`airlock policy explain: --agent and --tool are required\n${USAGE}`);
      return 2;
    }
    const result = await loadPolicyDir(resolve(values.policies ?? 'policies'));
    if (!result.ok) {
      for (const error of result.errors) io.stderr.write(`${error}\n`);
      return 1;
    }
    const { tools } = await loadTools(resolve(values.tools ?? 'tools'));
    const manifest = tools.get(values.tool)?.manifest;
    const explanation = explainTool(result.set, values.agent, values.tool, manifest);
    for (const line of explanation.lines) io.stdout.write(`${line}\n`);
    return explanation.allowed ? 0 : 1;
  }
  io.stderr.write(
    sub === undefined || sub === 'help' || sub === '--help'
      ? USAGE
      : `airlock policy: unknown subcommand "${sub}"\n${USAGE}`,
  );
  return sub === 'help' || sub === '--help' ? 0 : 2;
}
