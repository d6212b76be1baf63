/**
 * Summarises V8 CPU profiles (from `npm run bench -- --cpu-prof DIR`): self time by function and by
 * package or source folder, so a missed target can be traced to the code that costs it.
 * Run: node --import tsx bench/profile.ts DIR_OR_FILE... [--top N]
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  total_ms: number;
  byFunction: { name: string; ms: number; pct: number }[];
  byArea: { area: string; ms: number; pct: number }[];
}

/** node_modules package, src/<module>, or a V8/Node bucket such as (garbage collector) or node:internal. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(src|bench|tools)\/([^/]+)/.exec(url);
  if (src) return `${src[1]}/${src[2]!.replace(/\.ts$/, '')}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

export function summarize(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // Each sample's time delta belongs to the node sampled; deltas are in microseconds.
  for (const [i, id] of profile.samples.entries()) {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url
      ? `${frame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    fn.set(name, (fn.get(name) ?? 0) + us);
    const a = areaOf(frame.url, frame.functionName);
    area.set(a, (area.get(a) ?? 0) + us);
    total += us;
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => ({
        key,
        ms: Math.round(us / 100) / 10,
        pct: Math.round((us / total) * 1000) / 10,
      }));
  return {
    total_ms: Math.round(total / 1000),
    byFunction: rank(fn).map(({ key, ms, pct }) => ({ name: key, ms, pct })),
    byArea: rank(area).map(({ key, ms, pct }) => ({ area: key, ms, pct })),
  };
}

async function profilesIn(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  return (await readdir(path)).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(path, f));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' } } });
  const top = Number(values.top ?? 25);
  for (const path of positionals) {
    for (const file of await profilesIn(path)) {
      const summary = summarize(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, top);
      console.log(`\n${file}: ${summary.total_ms} ms sampled`);
      console.log('  by area (self time):');
      for (const a of summary.byArea)
        console.log(`    ${String(a.pct).padStart(5)}%  ${String(a.ms).padStart(8)} ms  ${a.area}`);
      console.log('  by function (self time):');
      for (const f of summary.byFunction)
        console.log(`    ${String(f.pct).padStart(5)}%  ${String(f.ms).padStart(8)} ms  ${f.name}`);
    }
  }
}
