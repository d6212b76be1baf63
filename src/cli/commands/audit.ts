import { parseArgs } from 'node:util';
import {
  type AuditDecision,
  type AuditEvent,
  type AuditFilter,
  type AuditRecord,
  followAudit,
  queryAudit,
  verifyAudit,
} from '../../audit/index.js';
import { AirlockError, isAirlockError } from '../../errors.js';

const DEFAULT_DIR = 'var/audit';
const USAGE = `usage:
  airlock audit verify [FILE|DIR]
  airlock audit tail [DIR] [-n N] [--follow] [--json]
  airlock audit query [DIR] [--agent A] [--tool T] [--decision allow|deny|error|info] [--event E]
                      [--code C] [--since ISO] [--until ISO] [--limit N] [--cursor C] [--json]`;

export interface AuditCliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Ends `tail --follow`; by default SIGINT or SIGTERM. */
  signal?: AbortSignal;
}

const processIo: AuditCliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** `airlock audit ...` (argv after `audit`). Exit codes: 0 ok, 1 chain broken or failed, 2 usage. */
export async function run(argv: string[], io: AuditCliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || argv.includes('--help') || argv.includes('-h')) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'verify':
        return await verify(rest, io);
      case 'tail':
        return await tail(rest, io);
      case 'query':
        return await query(rest, io);
      default:
        io.err(`${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (isAirlockError(error)) {
      io.err(`${error.code}: ${error.message}\n`);
      return error.code === 'ERR_BAD_REQUEST' ? 2 : 1;
    }
    throw error;
  }
}

async function verify(argv: string[], io: AuditCliIo): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const path = positionals[0] ?? DEFAULT_DIR;
  const result = await verifyAudit(path);
  if (result.ok) {
    io.out(`ok: ${result.records} records in ${result.files} file(s), chain intact, head ${result.head}\n`);
    return 0;
  }
  if (result.kind === 'not-found') {
    io.err(`airlock audit: no audit log at ${result.file}\n`);
    return 1;
  }
  const seq = result.seq === undefined ? '' : ` seq ${result.seq}:`;
  io.err(`ERR_AUDIT_CHAIN: ${result.file}:${result.line}:${seq} ${result.reason} [${result.kind}]\n`);
  io.err(`${result.records} record(s) verified before it\n`);
  return 1;
}

async function tail(argv: string[], io: AuditCliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      n: { type: 'string', short: 'n', default: '10' },
      follow: { type: 'boolean', short: 'f' },
      json: { type: 'boolean' },
    },
  });
  const dir = positionals[0] ?? DEFAULT_DIR;
  const count = positiveInt(values.n, '-n');
  const { records } = await queryAudit(dir, { limit: count });
  const print = (record: AuditRecord) =>
    io.out(values.json ? `${JSON.stringify(record)}\n` : formatRecord(record));
  records.reverse().forEach(print);
  if (!values.follow) return 0;
  const signal = io.signal ?? stopSignal();
  await followAudit(dir, { afterSeq: records.at(-1)?.seq ?? 0, signal, onRecord: print });
  return 0;
}

async function query(argv: string[], io: AuditCliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agent: { type: 'string' },
      tool: { type: 'string' },
      decision: { type: 'string' },
      event: { type: 'string' },
      code: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const filter: AuditFilter = {};
  if (values.agent !== undefined) filter.agent = values.agent;
  if (values.tool !== undefined) filter.tool = values.tool;
  if (values.decision !== undefined) filter.decision = oneOf(DECISIONS, values.decision, '--decision');
  if (values.event !== undefined) filter.event = oneOf(EVENTS, values.event, '--event');
  if (values.code !== undefined) filter.code = values.code;
  if (values.since !== undefined) filter.since = values.since;
  if (values.until !== undefined) filter.until = values.until;
  if (values.limit !== undefined) filter.limit = positiveInt(values.limit, '--limit');
  if (values.cursor !== undefined) filter.cursor = values.cursor;
  const page = await queryAudit(positionals[0] ?? DEFAULT_DIR, filter);
  if (values.json) {
    for (const record of page.records) io.out(`${JSON.stringify(record)}\n`);
    if (page.next) io.err(`next cursor: ${page.next}\n`);
    return 0;
  }
  for (const record of page.records) io.out(formatRecord(record));
  io.err(`${page.records.length} record(s)${page.next ? `; more with --cursor ${page.next}` : ''}\n`);
  return 0;
}

/** One line per record for a terminal; control characters are escaped so a record cannot drive the terminal. */
export function formatRecord(record: AuditRecord): string {
  const parts = [record.time, `#${record.seq}`, record.event, record.decision];
  if (record.code) parts.push(record.code);
  if (record.agent) parts.push(`agent=${record.agent}`);
  if (record.tool) parts.push(`tool=${record.tool}`);
  if (record.latencyMs !== undefined) parts.push(`${record.latencyMs}ms`);
  if (record.reason) parts.push(`- ${record.reason}`);
  return `${parts.map(escapeControls).join(' ')}\n`;
}

function escapeControls(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const DECISIONS: readonly AuditDecision[] = ['allow', 'deny', 'error', 'info'];
const EVENTS: readonly AuditEvent[] = [
  'auth',
  'tool_call',
  'tools_list',
  'prescore',
  'score',
  'policy_reload',
  'admin_change',
  'model_change',
  'session',
  'server',
];

function oneOf<T extends string>(allowed: readonly T[], text: string, name: string): T {
  const found = allowed.find((item) => item === text);
  if (found === undefined)
    throw new AirlockError('ERR_BAD_REQUEST', `${name} must be one of ${allowed.join(', ')}`);
  return found;
}

function positiveInt(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new AirlockError('ERR_BAD_REQUEST', `${name} must be a positive integer`);
  }
  return value;
}

function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}
