import { z } from 'zod';
import { parseUrlPattern } from '../egress/url-pattern.js';
import { type Decision, deny } from '../errors.js';

export interface ToolAnnotations {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface ToolManifest {
  name: string;
  title?: string;
  description: string;
  inputSchema: object;
  outputSchema?: object;
  limits: { timeoutMs: number; memoryMb: number; maxOutputBytes: number; maxHostCalls: number };
  /** The most network the tool may ever reach (URL patterns); a call gets this ∩ the agent's grant. */
  egress: string[];
  /**
   * The tool's reach is whatever the agent's grant allows (http_get, run_javascript). The egress pattern
   * grammar has no "any host" pattern to write as a ceiling; the guard still refuses private addresses.
   */
  egressFromGrant: boolean;
  /** Secret names the tool may ask the host to attach; values never enter the isolate. */
  secrets: string[];
  /**
   * The tool may name any secret the agent's policy binds (http_get's `secret` input); each secret still goes
   * only to the hosts its binding names.
   */
  secretsFromGrant: boolean;
  annotations?: ToolAnnotations;
  /** Text this tool brings back from the network should be scored for indirect injection. */
  inspectOutput: boolean;
}

const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const SECRET_NAME = /^[A-Z][A-Z0-9_]*$/;

const objectSchema = z.record(z.string(), z.unknown()).refine((schema) => schema['type'] === 'object', {
  message: 'must be a JSON Schema with "type": "object"',
});

const egressPattern = z.string().superRefine((text, ctx) => {
  const parsed = parseUrlPattern(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
});

/** Defaults are the tight end: a manifest that omits a limit gets less, never more. */
const manifestSchema = z.strictObject({
  name: z.string().regex(TOOL_NAME, 'must match ^[a-z][a-z0-9_]{0,63}$'),
  title: z.string().min(1).max(100).optional(),
  description: z.string().min(1).max(4000),
  inputSchema: objectSchema,
  outputSchema: objectSchema.optional(),
  limits: z.strictObject({
    timeoutMs: z.int().min(1).max(60_000).default(1000),
    memoryMb: z.int().min(8).max(1024).default(32),
    maxOutputBytes: z
      .int()
      .min(1)
      .max(16 * 1024 * 1024)
      .default(64 * 1024),
    maxHostCalls: z.int().min(0).max(10_000).default(16),
  }),
  egress: z.array(egressPattern).default([]),
  egressFromGrant: z.boolean().default(false),
  secrets: z.array(z.string().regex(SECRET_NAME, 'must match ^[A-Z][A-Z0-9_]*$')).default([]),
  secretsFromGrant: z.boolean().default(false),
  annotations: z
    .strictObject({
      readOnlyHint: z.boolean().optional(),
      destructiveHint: z.boolean().optional(),
      idempotentHint: z.boolean().optional(),
      openWorldHint: z.boolean().optional(),
    })
    .optional(),
  inspectOutput: z.boolean().default(false),
});

/** Parses tool.json text; failures name the line:column of bad JSON or the JSON path of the bad key. */
export function parseManifest(text: string): Decision<{ manifest: ToolManifest }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return deny('ERR_MANIFEST_INVALID', `invalid JSON${jsonErrorLocation(text, error)}`);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    return deny(
      'ERR_MANIFEST_INVALID',
      `${jsonPath(issue.path)}: ${keys.length > 0 ? `unknown key ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message}`,
    );
  }
  return { ok: true, manifest: parsed.data as ToolManifest };
}

/** `$.limits.timeoutMs`, `$.egress[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    '$',
  );
}

function jsonErrorLocation(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return `: ${message}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}: ${message}`;
}
