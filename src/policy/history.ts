import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncPath, writeFileAtomic } from '../files/atomic.js';

/** A policy file's version: the first 16 hex digits of the sha256 of its bytes (what If-Match names). */
export function fileVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export type HistoryAction = 'baseline' | 'write' | 'create' | 'rollback';

export interface HistoryEntry {
  version: string;
  /** ISO 8601 */
  time: string;
  /** The admin's agent id; 'airlock' for the baseline recorded before the first admin write. */
  admin: string;
  action: HistoryAction;
  message: string;
  bytes: number;
  /** For a rollback: the version whose bytes were restored. */
  restored?: string;
}

const INDEX = 'index.jsonl';

/**
 * History of one policy folder, kept beside the data: `<root>/<name>/<version>.yaml` holds each
 * version's bytes (stored once, by digest) and `<root>/<name>/index.jsonl` one line per write.
 */
export class PolicyHistory {
  constructor(readonly root: string) {}

  #dir(name: string): string {
    return join(this.root, name);
  }

  /** Newest first. Lines that do not parse (a torn tail after a crash) are skipped. */
  async list(name: string): Promise<HistoryEntry[]> {
    let text: string;
    try {
      text = await readFile(join(this.#dir(name), INDEX), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: HistoryEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line) as HistoryEntry);
      } catch {
        // A torn last line is the only way to get here; the versions it named were written first.
      }
    }
    return entries.reverse();
  }

  /** The stored bytes of a version, or undefined when this file never had it. */
  async read(name: string, version: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{16}$/.test(version)) return undefined;
    try {
      return await readFile(join(this.#dir(name), `${version}.yaml`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async has(name: string, version: string): Promise<boolean> {
    return (await this.read(name, version)) !== undefined;
  }

  /** Stores the bytes (durably, before the index line names them) and appends the index line. */
  async record(
    name: string,
    text: string,
    meta: Omit<HistoryEntry, 'version' | 'bytes'>,
  ): Promise<HistoryEntry> {
    const dir = this.#dir(name);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const version = fileVersion(text);
    if (!(await this.has(name, version))) await writeFileAtomic(join(dir, `${version}.yaml`), text);
    const entry: HistoryEntry = { version, bytes: Buffer.byteLength(text), ...meta };
    await appendFile(join(dir, INDEX), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    await fsyncPath(join(dir, INDEX));
    return entry;
  }
}
