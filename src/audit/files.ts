import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** audit-YYYYMMDD-NNNN.jsonl: UTC day, then a counter within the day. */
const FILE_NAME = /^audit-(\d{8})-(\d{4,})\.jsonl$/;

export interface AuditFileName {
  day: string;
  index: number;
}

export function parseFileName(name: string): AuditFileName | undefined {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;
  return { day: match[1]!, index: Number(match[2]) };
}

export function formatFileName(name: AuditFileName): string {
  return `audit-${name.day}-${String(name.index).padStart(4, '0')}.jsonl`;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/** The file after `last`; the day never goes backwards, so names keep sorting even if the clock does. */
export function nextFileName(last: AuditFileName | undefined, now: Date): AuditFileName {
  const day = utcDay(now);
  if (!last || day > last.day) return { day, index: 1 };
  return { day: last.day, index: last.index + 1 };
}

/** Audit files of a directory in chain order (full paths); a missing directory has none. */
export async function listAuditFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => ({ name, parsed: parseFileName(name) }))
    .filter((item): item is { name: string; parsed: AuditFileName } => item.parsed !== undefined)
    .sort((a, b) => compareNames(a.parsed, b.parsed))
    .map((item) => join(dir, item.name));
}

function compareNames(a: AuditFileName, b: AuditFileName): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return a.index - b.index;
}
