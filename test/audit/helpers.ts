import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '../../src/audit/index.js';

export async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-audit-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export function toolCall(index: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    event: 'tool_call',
    decision: index % 3 === 0 ? 'deny' : 'allow',
    code: index % 3 === 0 ? 'ERR_POLICY_DENIED' : 'OK',
    agent: `agent-${index % 2}`,
    tool: index % 2 === 0 ? 'http_get' : 'json_query',
    session: 'session-1',
    jti: `jti-${index}`,
    args: { index, url: `https://api.example.com/v1/items/${index}` },
    policyVersion: 'p-1',
    latencyMs: index,
    ...extra,
  };
}

export async function fileText(files: string[]): Promise<string> {
  const parts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return parts.join('');
}
