import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceError } from '../config/index.js';
import type { ErrorCode } from '../errors.js';
import { writeFileAtomic } from '../files/atomic.js';
import type { PolicySet } from './compile.js';
import { fileVersion, type HistoryAction, type PolicyHistory } from './history.js';
import { compileSources, isPolicyFileName, parsePolicyText, readPolicySources } from './load.js';

/** NAME is a policy file's name without `.yaml`; it never contains a path separator. */
export function isPolicyName(name: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name) && !name.endsWith('.') && isPolicyFileName(`${name}.yaml`)
  );
}

export function policyNameOf(file: string): string {
  return file.replace(/\.ya?ml$/, '');
}

export interface PolicyFileInfo {
  name: string;
  file: string;
  version: string;
  bytes: number;
}

export async function listPolicyFiles(dir: string): Promise<(PolicyFileInfo & { text: string })[]> {
  const sources = await readPolicySources(dir);
  return sources.map(({ file, text }) => ({
    name: policyNameOf(file),
    file,
    version: fileVersion(text),
    bytes: Buffer.byteLength(text),
    text,
  }));
}

/** The live file for NAME (`NAME.yaml`, or an existing `NAME.yml`), or undefined. */
export async function readPolicyFile(
  dir: string,
  name: string,
): Promise<(PolicyFileInfo & { text: string }) | undefined> {
  if (!isPolicyName(name)) return undefined;
  return (await listPolicyFiles(dir)).find((info) => info.name === name);
}

export type DraftCheck = { ok: true; set: PolicySet } | { ok: false; errors: SourceError[] };

/**
 * Validates a draft as part of the WHOLE set it would join: the other live files plus the draft.
 * Errors carry file, line and column; cross-file errors (an agent defined twice) point at the draft's line.
 */
export function checkDraft(opts: {
  others: readonly { file: string; text: string }[];
  file: string;
  text: string;
}): DraftCheck {
  const parsed = parsePolicyText(opts.text, opts.file);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const sources = [
    ...opts.others.filter((s) => s.file !== opts.file),
    { file: opts.file, text: opts.text },
  ].sort((a, b) => a.file.localeCompare(b.file));
  const compiled = compileSources(sources);
  if (compiled.ok) return { ok: true, set: compiled.set };
  return { ok: false, errors: compiled.errors.map((error) => toSourceError(error, opts)) };
}

function toSourceError(error: string, draft: { file: string; text: string }): SourceError {
  const positioned = /^(.*?):(\d+):(\d+): (.*)$/s.exec(error);
  if (positioned) {
    return {
      file: positioned[1]!,
      line: Number(positioned[2]),
      column: Number(positioned[3]),
      message: positioned[4]!,
    };
  }
  const [file = '', ...rest] = error.split(': ');
  const message = rest.join(': ') || error;
  const agent = /agent "([^"]+)" is already defined in (\S+)/.exec(message);
  if (agent && (file === draft.file || agent[2] === draft.file)) {
    const line = agentLine(draft.text, agent[1]!);
    const where = file === draft.file ? message : `agent "${agent[1]}" is also defined in ${file}`;
    return { file: draft.file, line: line.line, column: line.column, message: where };
  }
  return { file, line: 1, column: 1, message };
}

/** Where an agent's key sits in a policy text (first match under `agents:`), else 1:1. */
function agentLine(text: string, agent: string): { line: number; column: number } {
  const lines = text.split('\n');
  const escaped = agent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`^(\\s+)["']?${escaped}["']?\\s*:`);
  for (let index = 0; index < lines.length; index++) {
    const match = key.exec(lines[index]!);
    if (match) return { line: index + 1, column: match[1]!.length + 1 };
  }
  return { line: 1, column: 1 };
}

export interface WritePolicyOptions {
  dir: string;
  history: PolicyHistory;
  name: string;
  text: string;
  /** A version the live file must have (If-Match), '*' (any live version), 'absent' (If-None-Match: *), or 'any' (no check). */
  expect: string;
  admin: string;
  message?: string;
  action?: Extract<HistoryAction, 'write' | 'rollback'>;
  /** For a rollback: the version being restored. */
  restored?: string;
  now?: () => Date;
}

export type WritePolicyResult =
  | {
      ok: true;
      name: string;
      file: string;
      version: string;
      created: boolean;
      /** The bytes this write replaced (for the diff); '' for a new file. */
      previousText: string;
      previousVersion: string | undefined;
      /** Same bytes as the live file: nothing was written or recorded. */
      unchanged: boolean;
    }
  | {
      ok: false;
      code: Extract<ErrorCode, 'ERR_ADMIN_CONFLICT' | 'ERR_POLICY_INVALID' | 'ERR_BAD_REQUEST'>;
      reason: string;
      /** The live version at refusal time (conflicts), so a client can reload. */
      current?: string | undefined;
      errors?: SourceError[];
    };

const locks = new Map<string, Promise<unknown>>();

/** Serialises writes to one folder so the version check and the rename happen as one step. */
function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return next;
}

/**
 * Writes one policy file atomically after checking the expected version and compiling the whole new
 * set; the previous bytes are kept in history first so every write can be rolled back. A refusal
 * leaves the live file untouched.
 */
export function writePolicy(opts: WritePolicyOptions): Promise<WritePolicyResult> {
  return withLock(opts.dir, () => writeLocked(opts));
}

async function writeLocked(opts: WritePolicyOptions): Promise<WritePolicyResult> {
  if (!isPolicyName(opts.name)) {
    return { ok: false, code: 'ERR_BAD_REQUEST', reason: `invalid policy name "${opts.name}"` };
  }
  const live = await listPolicyFiles(opts.dir);
  const current = live.find((info) => info.name === opts.name);
  const conflict = precondition(opts.expect, current?.version, opts.name);
  if (conflict) return { ok: false, code: 'ERR_ADMIN_CONFLICT', reason: conflict, current: current?.version };

  const file = current?.file ?? `${opts.name}.yaml`;
  const checked = checkDraft({ others: live, file, text: opts.text });
  if (!checked.ok) {
    const first = checked.errors[0];
    const reason = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : 'invalid policy';
    return { ok: false, code: 'ERR_POLICY_INVALID', reason, errors: checked.errors };
  }

  const version = fileVersion(opts.text);
  const base = {
    ok: true as const,
    name: opts.name,
    file,
    version,
    created: current === undefined,
    previousText: current?.text ?? '',
    previousVersion: current?.version,
  };
  if (current?.version === version) return { ...base, unchanged: true };

  const time = (opts.now ?? (() => new Date()))().toISOString();
  if (current && !(await opts.history.has(opts.name, current.version))) {
    // Files edited by hand before the first admin write still get a version to roll back to.
    await opts.history.record(opts.name, current.text, {
      time,
      admin: 'airlock',
      action: 'baseline',
      message: 'live version before this admin write',
    });
  }
  const path = join(opts.dir, file);
  const mode = current ? (await stat(path)).mode & 0o777 : 0o644;
  await writeFileAtomic(path, opts.text, mode);
  await opts.history.record(opts.name, opts.text, {
    time,
    admin: opts.admin,
    action: opts.action ?? (current ? 'write' : 'create'),
    message: opts.message ?? '',
    ...(opts.restored ? { restored: opts.restored } : {}),
  });
  return { ...base, unchanged: false };
}

function precondition(expect: string, current: string | undefined, name: string): string | undefined {
  if (expect === 'any') return undefined;
  if (expect === '*')
    return current === undefined ? `policy "${name}" does not exist (If-Match: *)` : undefined;
  if (expect === 'absent')
    return current === undefined ? undefined : `policy "${name}" already exists (version ${current})`;
  if (current === undefined) return `policy "${name}" does not exist (expected version ${expect})`;
  if (current !== expect)
    return `policy "${name}" is at version ${current}, not ${expect}: reload and re-apply your edit`;
  return undefined;
}

export interface RollbackPolicyOptions extends Omit<WritePolicyOptions, 'text' | 'action' | 'restored'> {
  version: string;
}

/** Writes the stored bytes of an earlier version as a new write, with its own history line. */
export async function rollbackPolicy(
  opts: RollbackPolicyOptions,
): Promise<WritePolicyResult | { ok: false; code: 'ERR_NOT_FOUND'; reason: string }> {
  const text = isPolicyName(opts.name) ? await opts.history.read(opts.name, opts.version) : undefined;
  if (text === undefined) {
    return {
      ok: false,
      code: 'ERR_NOT_FOUND',
      reason: `policy "${opts.name}" has no stored version ${opts.version}`,
    };
  }
  const { version, ...rest } = opts;
  return writePolicy({
    ...rest,
    text,
    action: 'rollback',
    restored: version,
    message: opts.message || `rollback to ${version}`,
  });
}
