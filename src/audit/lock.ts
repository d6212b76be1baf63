import { randomUUID } from 'node:crypto';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AirlockError } from '../errors.js';

/** Directories this process holds; a second open would fork the chain. */
const held = new Set<string>();
/** Tells this process apart from an earlier one that had the same pid (containers reuse pid 1). */
const incarnation = randomUUID();

/**
 * One writer per audit directory, across processes: a lock file naming the holder. A lock left by a
 * killed process (dead pid, or our own pid from an earlier incarnation) is taken over.
 */
export async function lockAuditDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'audit.lock');
  if (held.has(path))
    throw new AirlockError('ERR_AUDIT_WRITE', `audit log ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, incarnation }));
      await handle.close();
      held.add(path);
      return async () => {
        held.delete(path);
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (!holder && attempt === 0) {
      // Maybe the holder has created the file but not yet written it: look again before taking over.
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (holder && isAlive(holder)) {
      throw new AirlockError('ERR_AUDIT_WRITE', `audit log ${dir} is in use by process ${holder.pid}`);
    }
    await unlink(path).catch(() => undefined);
  }
  throw new AirlockError('ERR_AUDIT_WRITE', `could not lock audit log ${dir}`);
}

async function readHolder(path: string): Promise<{ pid: number; incarnation: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; incarnation?: unknown };
    if (typeof value.pid === 'number' && typeof value.incarnation === 'string') {
      return { pid: value.pid, incarnation: value.incarnation };
    }
  } catch {
    // Unreadable or half-written: the writer died while taking the lock.
  }
  return undefined;
}

function isAlive(holder: { pid: number; incarnation: string }): boolean {
  if (holder.pid === process.pid) return holder.incarnation === incarnation;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
