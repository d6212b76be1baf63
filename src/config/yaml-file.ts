import { isMap, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Decision, deny, type ErrorCode } from '../errors.js';

export interface SourceError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatSourceError(error: SourceError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.message}`;
}

type Path = readonly PropertyKey[];

/**
 * Parses YAML text and validates it against a zod schema. Every error names file:line:column so an
 * admin can jump to the mistake; the first error is the decision's reason and all are in `errors`.
 */
export function parseYamlWith<T>(opts: {
  text: string;
  file: string;
  schema: z.ZodType<T>;
  code: ErrorCode;
}): Decision<{ value: T }> & { errors?: SourceError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(opts.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: SourceError[] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    errors.push({ file: opts.file, line: pos.line, column: pos.col, message: firstLine(error.message) });
  }
  if (errors.length === 0) {
    const parsed = opts.schema.safeParse(doc.toJS({ maxAliasCount: 100 }));
    if (parsed.success) return { ok: true, value: parsed.data };
    for (const issue of parsed.error.issues) {
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path: Path = unknownKeys.length > 0 ? [...issue.path, unknownKeys[0] as string] : issue.path;
      const offset = locate(doc, path, unknownKeys.length > 0);
      const pos = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
      const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
      errors.push({ file: opts.file, line: pos.line, column: pos.col, message: `${where}${issue.message}` });
    }
  }
  const first = errors[0]!;
  return { ...deny(opts.code, formatSourceError(first)), errors };
}

/** Finds the source offset of the node at `path`, falling back to the nearest ancestor that exists. */
function locate(doc: ReturnType<typeof parseDocument>, path: Path, wantKey: boolean): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (wantKey && depth === path.length && depth > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (item) => isNode(item.key) && String(item.key.toJSON()) === String(path.at(-1)),
        );
        if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
      }
      continue;
    }
    const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
