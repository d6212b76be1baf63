import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseYamlWith, type SourceError } from '../config/index.js';
import { type CompileResult, compilePolicySet, type PolicySource } from './compile.js';
import { PolicyFileSchema } from './schema.js';

export type ParseResult = { ok: true; source: PolicySource } | { ok: false; errors: SourceError[] };

/** Validates one policy document; `file` is only used in error positions. */
export function parsePolicyText(text: string, file: string): ParseResult {
  const parsed = parseYamlWith({ text, file, schema: PolicyFileSchema, code: 'ERR_POLICY_INVALID' });
  if (parsed.ok) return { ok: true, source: { file, text, parsed: parsed.value } };
  return { ok: false, errors: parsed.errors ?? [] };
}

export function isPolicyFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/.test(name);
}

export async function readPolicySources(dir: string): Promise<{ file: string; text: string }[]> {
  const names = (await readdir(dir)).filter(isPolicyFileName).sort();
  return Promise.all(
    names.map(async (name) => ({ file: name, text: await readFile(join(dir, name), 'utf8') })),
  );
}

/**
 * Parses and compiles a whole set. Errors name file:line:column; nothing is partially applied.
 * File names are reported relative to the policy folder, e.g. `policies/support.yaml:4:7`.
 */
export function compileSources(
  sources: readonly { file: string; text: string }[],
  label = '',
): CompileResult {
  const parsed: PolicySource[] = [];
  const errors: string[] = [];
  for (const { file, text } of sources) {
    const result = parsePolicyText(text, label ? `${label}/${file}` : file);
    if (result.ok) parsed.push({ ...result.source, file });
    else errors.push(...result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`));
  }
  if (errors.length > 0) return { ok: false, code: 'ERR_POLICY_INVALID', reason: errors[0]!, errors };
  return compilePolicySet(parsed);
}

export async function loadPolicyDir(dir: string): Promise<CompileResult> {
  let sources: { file: string; text: string }[];
  try {
    sources = await readPolicySources(dir);
  } catch (error) {
    const reason = `${dir}: cannot read policy folder (${(error as Error).message})`;
    return { ok: false, code: 'ERR_POLICY_INVALID', reason, errors: [reason] };
  }
  return compileSources(sources, basename(dir));
}
