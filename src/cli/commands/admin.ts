import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../../config/index.js';
import type { CommandIo } from './token.js';

export const DEFAULT_ADMIN_URL = 'http://127.0.0.1:3701';

const USAGE = `usage: airlock admin [--url URL] [--token TOKEN] [--json] COMMAND
  policy get NAME                          print the live policy file (its version on stderr)
  policy put NAME FILE [--if-match VERSION] [--message TEXT]
                                           write FILE as policy NAME (validated whole, audited)
  policy validate FILE                     validate FILE as the policy named after it, without saving
  policy history NAME                      list stored versions, newest first
  policy rollback NAME VERSION             write an earlier version back as a new version
  revoke --agent ID | --jti ID             refuse an agent's or a token's next request
NAME is the policy file name without .yaml. --url defaults to ${DEFAULT_ADMIN_URL}; --token to
$AIRLOCK_ADMIN_TOKEN (mint one with: airlock token mint --agent NAME --admin). Without --if-match,
put writes over whatever version is live (last writer wins); pass it to refuse a stale write.
Exit codes: 0 ok, 1 refused or failed (the server's error code and message on stderr), 2 usage.
`;

class UsageError extends Error {}

interface Client {
  io: CommandIo;
  url: string;
  token: string;
  json: boolean;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** `airlock admin ...` (argv after `admin`): a thin client of the admin API. */
export async function run(argv: string[], io: CommandIo = process): Promise<number> {
  let parsed: ReturnType<typeof parseAdminArgs>;
  try {
    parsed = parseAdminArgs(argv);
  } catch (error) {
    io.stderr.write(`airlock admin: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  const token = values.token ?? readEnv('AIRLOCK_ADMIN_TOKEN');
  if (!token) {
    io.stderr.write('airlock admin: no token: pass --token or set AIRLOCK_ADMIN_TOKEN\n');
    return 2;
  }
  const client: Client = {
    io,
    url: (values.url ?? DEFAULT_ADMIN_URL).replace(/\/+$/, ''),
    token,
    json: !!values.json,
  };
  try {
    const [command, sub, ...rest] = positionals;
    if (command === 'revoke')
      return await revoke(client, { agent: values.agent, jti: values.jti, extra: [sub, ...rest] });
    if (command !== 'policy') throw new UsageError(`unknown command "${command}"`);
    const args = rest;
    switch (sub) {
      case 'get':
        return await policyGet(client, need(args, 1, 'policy get NAME')[0]!);
      case 'put': {
        const [name, file] = need(args, 2, 'policy put NAME FILE');
        return await policyPut(client, {
          name: name!,
          file: file!,
          ifMatch: values['if-match'],
          message: values.message,
        });
      }
      case 'validate':
        return await policyValidate(client, need(args, 1, 'policy validate FILE')[0]!);
      case 'history':
        return await policyHistory(client, need(args, 1, 'policy history NAME')[0]!);
      case 'rollback': {
        const [name, version] = need(args, 2, 'policy rollback NAME VERSION');
        return await policyRollback(client, { name: name!, version: version!, message: values.message });
      }
      default:
        throw new UsageError(`unknown policy subcommand "${sub ?? ''}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`airlock admin: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`airlock admin: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseAdminArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      json: { type: 'boolean' },
      'if-match': { type: 'string' },
      message: { type: 'string' },
      agent: { type: 'string' },
      jti: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function need(args: string[], count: number, usage: string): string[] {
  if (args.length !== count) throw new UsageError(`expected: airlock admin ${usage}`);
  return args;
}

async function call(
  client: Client,
  opts: { method: string; path: string; body?: unknown; headers?: Record<string, string> },
): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(`${client.url}${opts.path}`, {
      method: opts.method,
      headers: {
        authorization: `Bearer ${client.token}`,
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...opts.headers,
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
  } catch (error) {
    throw new Error(
      `cannot reach the admin API at ${client.url}: ${(error as Error).cause ?? (error as Error).message}`,
    );
  }
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`HTTP ${response.status}: the admin API answered with non-JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body };
}

/** Prints the server's error (code, message, line:column errors) and returns the exit code. */
function refused(client: Client, reply: Reply, file?: string): number {
  const error = reply.body['error'] as
    | { code: string; message: string; details?: { errors?: SourceErrorView[]; current?: string | null } }
    | undefined;
  if (!error) {
    client.io.stderr.write(`airlock admin: HTTP ${reply.status}\n`);
    return 1;
  }
  client.io.stderr.write(`airlock admin: ${error.code}: ${error.message}\n`);
  for (const e of error.details?.errors ?? []) client.io.stderr.write(`${formatError(e, file)}\n`);
  if (error.code === 'ERR_ADMIN_CONFLICT' && error.details?.current) {
    client.io.stderr.write(`live version: ${error.details.current}\n`);
  }
  return 1;
}

interface SourceErrorView {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Errors in the draft are reported against the local file the admin is editing. */
function formatError(error: SourceErrorView, file: string | undefined): string {
  const shown =
    file !== undefined && basename(file).replace(/\.ya?ml$/, '') === error.file.replace(/\.ya?ml$/, '')
      ? file
      : error.file;
  return `${shown}:${error.line}:${error.column}: ${error.message}`;
}

function printJson(client: Client, body: unknown): number {
  client.io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

const encode = encodeURIComponent;

async function policyGet(client: Client, name: string): Promise<number> {
  const reply = await call(client, { method: 'GET', path: `/api/policies/${encode(name)}` });
  if (reply.status !== 200) return refused(client, reply);
  if (client.json) return printJson(client, reply.body);
  client.io.stdout.write(String(reply.body['text']));
  client.io.stderr.write(`version ${String(reply.body['version'])}\n`);
  return 0;
}

async function policyPut(
  client: Client,
  opts: { name: string; file: string; ifMatch: string | undefined; message: string | undefined },
): Promise<number> {
  const text = await readFile(opts.file, 'utf8');
  let precondition: Record<string, string>;
  if (opts.ifMatch !== undefined) precondition = { 'if-match': opts.ifMatch };
  else {
    const live = await call(client, { method: 'GET', path: `/api/policies/${encode(opts.name)}` });
    if (live.status === 404) precondition = { 'if-none-match': '*' };
    else if (live.status === 200) precondition = { 'if-match': String(live.body['version']) };
    else return refused(client, live);
  }
  const reply = await call(client, {
    method: 'PUT',
    path: `/api/policies/${encode(opts.name)}`,
    body: { text, ...(opts.message ? { message: opts.message } : {}) },
    headers: precondition,
  });
  if (reply.status !== 200 && reply.status !== 201) return refused(client, reply, opts.file);
  if (client.json) return printJson(client, reply.body);
  const reload = reply.body['reload'] as { ok: boolean; version: string; reason?: string } | null;
  const { name, version, previous, unchanged } = reply.body as Record<string, string | null | boolean>;
  if (unchanged) client.io.stdout.write(`${name}: unchanged at version ${version}\n`);
  else client.io.stdout.write(`${name}: ${previous ?? '(new)'} -> ${version}\n`);
  if (reload)
    client.io.stdout.write(
      `policy set ${reload.ok ? 'reloaded' : 'NOT reloaded'}: version ${reload.version}\n`,
    );
  if (reload && !reload.ok) {
    client.io.stderr.write(`airlock admin: ERR_POLICY_INVALID: ${reload.reason ?? 'reload refused'}\n`);
    return 1;
  }
  return 0;
}

async function policyValidate(client: Client, file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  const name = basename(file).replace(/\.ya?ml$/, '');
  const reply = await call(client, { method: 'POST', path: '/api/policies/validate', body: { name, text } });
  if (reply.status !== 200) return refused(client, reply, file);
  if (client.json) {
    printJson(client, reply.body);
    return reply.body['ok'] ? 0 : 1;
  }
  if (reply.body['ok']) {
    client.io.stdout.write(`${file}: ok\n`);
    return 0;
  }
  for (const error of reply.body['errors'] as SourceErrorView[])
    client.io.stderr.write(`${formatError(error, file)}\n`);
  return 1;
}

async function policyHistory(client: Client, name: string): Promise<number> {
  const reply = await call(client, { method: 'GET', path: `/api/policies/${encode(name)}/history` });
  if (reply.status !== 200) return refused(client, reply);
  if (client.json) return printJson(client, reply.body);
  const current = reply.body['current'];
  const versions = reply.body['versions'] as {
    version: string;
    time: string;
    admin: string;
    action: string;
    message: string;
  }[];
  client.io.stdout.write(`live: ${current ?? '(no file)'}\n`);
  for (const v of versions) {
    const mark = v.version === current ? '*' : ' ';
    client.io.stdout.write(
      `${mark} ${v.version}  ${v.time}  ${v.admin}  ${v.action}${v.message ? `  ${v.message}` : ''}\n`,
    );
  }
  return 0;
}

async function policyRollback(
  client: Client,
  opts: { name: string; version: string; message: string | undefined },
): Promise<number> {
  const reply = await call(client, {
    method: 'POST',
    path: `/api/policies/${encode(opts.name)}/rollback`,
    body: { version: opts.version, ...(opts.message ? { message: opts.message } : {}) },
  });
  if (reply.status !== 200 && reply.status !== 201) return refused(client, reply);
  if (client.json) return printJson(client, reply.body);
  const reload = reply.body['reload'] as { version: string } | null;
  client.io.stdout.write(
    `${opts.name}: rolled back to ${opts.version} (now version ${String(reply.body['version'])}${reload ? `, policy set ${reload.version}` : ''})\n`,
  );
  return 0;
}

async function revoke(
  client: Client,
  opts: { agent: string | undefined; jti: string | undefined; extra: (string | undefined)[] },
): Promise<number> {
  if (
    opts.extra.some((arg) => arg !== undefined) ||
    (opts.agent === undefined) === (opts.jti === undefined)
  ) {
    throw new UsageError('expected: airlock admin revoke --agent ID | --jti ID');
  }
  const body = opts.agent !== undefined ? { agent: opts.agent } : { jti: opts.jti };
  const reply = await call(client, { method: 'POST', path: '/api/revoke', body });
  if (reply.status !== 200) return refused(client, reply);
  if (client.json) return printJson(client, reply.body);
  client.io.stdout.write(
    `revoked ${opts.agent !== undefined ? `agent ${opts.agent}` : `token ${opts.jti}`}\n`,
  );
  return 0;
}
