import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AirlockError, type Decision } from '../errors.js';
import { type CompiledTool, compileTool } from '../sandbox/index.js';
import { compileInputSchema } from './input-validator.js';
import { parseManifest, type ToolManifest } from './manifest.js';

export interface LoadedTool {
  manifest: ToolManifest;
  dir: string;
  compiled: CompiledTool;
  validateInput(input: unknown): Decision<{ value: unknown }>;
}

export interface LoadError {
  /** The file at fault (tool.json or index.js). */
  path: string;
  message: string;
}

export interface LoadResult {
  tools: ReadonlyMap<string, LoadedTool>;
  errors: LoadError[];
}

/**
 * Loads every `<dir>/<name>/` holding tool.json and index.js. A broken tool is reported with its path and
 * left out; the others still load. Only an unreadable `dir` throws.
 */
export async function loadTools(dir: string): Promise<LoadResult> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `cannot read the tools directory ${dir}: ${(error as Error).message}`,
    );
  }
  const tools = new Map<string, LoadedTool>();
  const errors: LoadError[] = [];
  for (const name of entries) {
    const loaded = await loadTool(join(dir, name), name);
    if (loaded.ok) tools.set(name, loaded.tool);
    else errors.push(loaded.error);
  }
  return { tools, errors };
}

async function loadTool(
  toolDir: string,
  dirName: string,
): Promise<{ ok: true; tool: LoadedTool } | { ok: false; error: LoadError }> {
  const manifestPath = join(toolDir, 'tool.json');
  const codePath = join(toolDir, 'index.js');
  const fail = (path: string, message: string) => ({ ok: false as const, error: { path, message } });

  const manifestText = await readText(manifestPath);
  if (manifestText === undefined) return fail(manifestPath, 'missing tool.json');
  const parsed = parseManifest(manifestText);
  if (!parsed.ok) return fail(manifestPath, parsed.reason);
  const manifest = parsed.manifest;
  if (manifest.name !== dirName) {
    return fail(manifestPath, `$.name: "${manifest.name}" must equal the folder name "${dirName}"`);
  }
  const input = compileInputSchema(manifest.inputSchema);
  if (!input.ok) return fail(manifestPath, `$.inputSchema: ${input.reason}`);
  if (manifest.outputSchema) {
    const output = compileInputSchema(manifest.outputSchema);
    if (!output.ok) return fail(manifestPath, `$.outputSchema: ${output.reason}`);
  }

  const code = await readText(codePath);
  if (code === undefined) return fail(codePath, 'missing index.js');
  // A virtual filename: stack traces inside the isolate must not reveal host paths.
  const compiled = await compileTool({ code, filename: `airlock:tools/${dirName}/index.js` });
  if (!compiled.ok) return fail(codePath, compiled.reason);

  return {
    ok: true,
    tool: Object.freeze({
      manifest: deepFreeze(manifest),
      dir: toolDir,
      compiled: compiled.tool,
      validateInput: input.validate,
    }),
  };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
