/**
 * Ways to tamper with a rotated audit log, each with the verdict `verifyAudit` must reach.
 * Every mutation runs on a fresh log of at least four files with at least three records each.
 * `file` is the index (in the untampered set) of the file holding the first bad record and `line` its
 * 1-based line; -1 means the last file and the line after its last record.
 */
import { readFile, rename, truncate, unlink, writeFile } from 'node:fs/promises';
import { canonicalJson } from '../../src/audit/canonical.js';
import { hashRecord } from '../../src/audit/record.js';
import type { AuditRecord, VerifyFailureKind } from '../../src/audit/types.js';

export interface TamperCase {
  name: string;
  source: string;
  mutate: (files: string[]) => Promise<void>;
  expect:
    | { ok: false; kind: VerifyFailureKind; file: number; line: number }
    /** Undetectable from the files alone: only a head hash kept elsewhere shows it. */
    | { ok: true; headChanges: true };
}

const SCHNEIER_KELSEY =
  'Schneier & Kelsey, "Secure Audit Logs to Support Computer Forensics", ACM TISSEC 2(2), 1999';
const CROSBY_WALLACH =
  'Crosby & Wallach, "Efficient Data Structures for Tamper-Evident Logging", USENIX Security 2009';
const OWASP_LOGGING = 'OWASP Logging Cheat Sheet, "Protection" (tamper detection of stored logs)';
const NIST_800_92 =
  'NIST SP 800-92, Guide to Computer Security Log Management, section 4.3.4 (log integrity)';

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').slice(0, -1);
}
async function save(file: string, content: string[]): Promise<void> {
  await writeFile(file, content.map((line) => `${line}\n`).join(''));
}
function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`fixture too small: no item ${index}`);
  return item;
}
function resign(record: Omit<AuditRecord, 'hash'>): AuditRecord {
  return { ...record, hash: hashRecord(record) };
}
function unsigned(line: string): Omit<AuditRecord, 'hash'> {
  const { hash: _hash, ...rest } = JSON.parse(line) as AuditRecord;
  return rest;
}

export const TAMPER_CASES: TamperCase[] = [
  {
    name: 'edit a field (deny -> allow) of a record in the middle',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content[1] = at(content, 1).replace(
        /"decision":"(allow|deny)"/,
        (_m, d) => `"decision":"${d === 'deny' ? 'allow' : 'deny'}"`,
      );
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'hash', file: 1, line: 2 },
  },
  {
    name: 'edit a field and recompute that record hash',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content[1] = canonicalJson(resign({ ...unsigned(at(content, 1)), agent: 'someone-else' }));
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'prev', file: 1, line: 3 },
  },
  {
    name: 'edit the hash field only',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content[1] = at(content, 1).replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${'ab'.repeat(32)}"`);
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'hash', file: 1, line: 2 },
  },
  {
    name: 'delete a line in the middle of a file',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content.splice(1, 1);
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'prev', file: 1, line: 2 },
  },
  {
    name: 'insert a copy of an existing line (replay)',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content.splice(2, 0, at(content, 1));
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'prev', file: 1, line: 3 },
  },
  {
    name: 'insert a forged record correctly chained to its predecessor',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      const before = JSON.parse(at(content, 0)) as AuditRecord;
      const forged = resign({
        ...unsigned(at(content, 0)),
        seq: before.seq + 1,
        prev: before.hash,
        reason: 'forged',
      });
      content.splice(1, 0, canonicalJson(forged));
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'prev', file: 1, line: 3 },
  },
  {
    name: 'swap two adjacent lines (reorder)',
    source: OWASP_LOGGING,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      [content[1], content[2]] = [at(content, 2), at(content, 1)];
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'prev', file: 1, line: 2 },
  },
  {
    name: 'truncate a file in the middle of the set inside a line',
    source: CROSBY_WALLACH,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      const keep = at(content, 0).length + 1 + Math.floor(at(content, 1).length / 2);
      await truncate(at(files, 1), keep);
    },
    expect: { ok: false, kind: 'truncated', file: 1, line: 2 },
  },
  {
    name: 'truncate a file in the middle of the set at a line boundary',
    source: CROSBY_WALLACH,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      await save(at(files, 1), content.slice(0, 1));
    },
    expect: { ok: false, kind: 'missing', file: 2, line: 1 },
  },
  {
    name: 'torn last line (a crash during a write)',
    source: NIST_800_92,
    mutate: async (files) => {
      const last = at(files, files.length - 1);
      await writeFile(last, '{"agent":"a","argsDigest":"12', { flag: 'a' });
    },
    expect: { ok: false, kind: 'torn', file: -1, line: -1 },
  },
  {
    name: 'delete a rotated file in the middle of the set',
    source: OWASP_LOGGING,
    mutate: async (files) => unlink(at(files, 1)),
    expect: { ok: false, kind: 'missing', file: 2, line: 1 },
  },
  {
    name: 'delete the first file',
    source: CROSBY_WALLACH,
    mutate: async (files) => unlink(at(files, 0)),
    expect: { ok: false, kind: 'genesis', file: 1, line: 1 },
  },
  {
    name: 'swap the contents of two rotated files',
    source: OWASP_LOGGING,
    mutate: async (files) => {
      await rename(at(files, 1), `${at(files, 1)}.tmp`);
      await rename(at(files, 2), at(files, 1));
      await rename(`${at(files, 1)}.tmp`, at(files, 2));
    },
    expect: { ok: false, kind: 'missing', file: 1, line: 1 },
  },
  {
    name: 'rewrite the whole chain from another genesis',
    source: SCHNEIER_KELSEY,
    mutate: async (files) => {
      let prev = 'f'.repeat(64);
      for (const file of files) {
        const content = await lines(file);
        const rewritten = content.map((line) => {
          const record = resign({ ...unsigned(line), prev });
          prev = record.hash;
          return canonicalJson(record);
        });
        await save(file, rewritten);
      }
    },
    expect: { ok: false, kind: 'genesis', file: 0, line: 1 },
  },
  {
    name: 'reformat a line without changing its meaning (whitespace)',
    source: NIST_800_92,
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content[1] = at(content, 1).replace('"decision":', '"decision": ');
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'canonical', file: 1, line: 2 },
  },
  {
    name: 'append a duplicate key so parsers that keep the last value read another decision',
    source:
      'Bishop Fox, "An Exploration of JSON Interoperability Vulnerabilities" (2021); RFC 8259 section 4',
    mutate: async (files) => {
      const content = await lines(at(files, 1));
      content[1] = `${at(content, 1).slice(0, -1)},"decision":"info"}`;
      await save(at(files, 1), content);
    },
    expect: { ok: false, kind: 'canonical', file: 1, line: 2 },
  },
  {
    name: 'drop the newest records at a line boundary (needs an external head to detect)',
    source: CROSBY_WALLACH,
    mutate: async (files) => {
      const last = at(files, files.length - 1);
      const content = await lines(last);
      await save(last, content.slice(0, -1));
    },
    expect: { ok: true, headChanges: true },
  },
];
