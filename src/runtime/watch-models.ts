import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { log } from '../log.js';
import type { ScoringService } from '../scoring/index.js';

/**
 * `airlock model promote|rollback` edits models/<name>/channels.json; the running server follows the
 * file, so a switch needs no restart. A bad new version is refused by the service and the old one serves.
 */
export function watchModelChannels(opts: {
  modelsDir: string;
  scoring: ScoringService;
  onChange: (name: string, outcome: { ok: true } | { ok: false; reason: string }) => void;
  debounceMs?: number;
}): () => void {
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  let names: string[] = [];
  try {
    names = readdirSync(opts.modelsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return () => {};
  }
  for (const name of names) {
    const watcher = watch(join(opts.modelsDir, name), (_event, file) => {
      if (file !== 'channels.json') return;
      clearTimeout(timers.get(name));
      timers.set(
        name,
        setTimeout(() => {
          opts.scoring.reload(name).then(
            () => opts.onChange(name, { ok: true }),
            (error: Error) => {
              log.error(
                { model: name, err: error.message },
                'model channel change refused; the previous version keeps serving',
              );
              opts.onChange(name, { ok: false, reason: error.message });
            },
          );
        }, opts.debounceMs ?? 150),
      );
    });
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  }
  return () => {
    for (const timer of timers.values()) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
