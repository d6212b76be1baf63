import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  type: string;
  bytes: Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const CONSOLE_DIR = fileURLToPath(new URL('./console/', import.meta.url));

/**
 * Loads the console's static files once at start: a fixed set served from memory, so no request
 * path ever reaches the file system.
 */
export async function loadConsoleAssets(dir = CONSOLE_DIR): Promise<ReadonlyMap<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const name of await readdir(dir)) {
    const type = TYPES[extname(name)];
    if (type) assets.set(name, { type, bytes: await readFile(join(dir, name)) });
  }
  return assets;
}
