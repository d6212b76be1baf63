import { Ajv, type ErrorObject } from 'ajv';
import { type Decision, deny } from '../errors.js';

export type InputValidator = (input: unknown) => Decision<{ value: unknown }>;

/**
 * One Ajv instance for all tool schemas: strict (unknown keywords and formats are manifest errors), and
 * defaults filled in on a copy of the input, never on the caller's object.
 */
const ajv = new Ajv({ strict: true, useDefaults: true, allErrors: false });
ajv.addFormat('uri', {
  type: 'string',
  validate: (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text),
});

export function compileInputSchema(schema: object): Decision<{ validate: InputValidator }> {
  let check: ReturnType<typeof ajv.compile>;
  try {
    check = ajv.compile(schema);
  } catch (error) {
    return deny('ERR_MANIFEST_INVALID', error instanceof Error ? error.message : String(error));
  }
  const validate: InputValidator = (input) => {
    const value = structuredClone(input ?? {});
    if (check(value)) return { ok: true, value };
    const first = check.errors?.[0];
    return deny('ERR_TOOL_INPUT', first ? describe(first) : 'input does not match the schema');
  };
  return { ok: true, validate };
}

/** "$.items[0].url: must match format "uri"", naming the offending key for required/additional errors. */
function describe(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : `${out}.${s}`), 'input');
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  if (error.keyword === 'additionalProperties' && params.additionalProperty) {
    path += `.${params.additionalProperty}`;
    return `${path}: is not an allowed property`;
  }
  if (error.keyword === 'required' && params.missingProperty) {
    path += `.${params.missingProperty}`;
    return `${path}: is required`;
  }
  return `${path}: ${error.message ?? 'is invalid'}`;
}
