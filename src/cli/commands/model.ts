/**
 * `airlock model train|eval|promote|rollback`. argv is what follows `model`; returns the exit code.
 * Results go to stdout, errors to stderr as "<CODE>: <message>".
 */
import { parseArgs } from 'node:util';
import { AirlockError, isAirlockError } from '../../errors.js';
import {
  listVersions,
  promoteChannels,
  readChannels,
  rollbackChannels,
  writeChannels,
} from '../../scoring/artifact.js';
import { evaluateModel } from '../../scoring/evaluate.js';
import { trainModel } from '../../scoring/train/index.js';

const USAGE = `usage:
  airlock model train --data FILE [--extra FILE] --out DIR [--seed N] [--version V] [--name NAME]
                      [--word-vectors FILE] [--holdout-source PREFIX]... [--check FILE]... [--epochs N]
                      [--limit N] [--activate]
  airlock model eval --model NAME[@VERSION] [--models DIR] --data FILE [--kind prompt|document] [--json]
  airlock model promote NAME [VERSION] [--models DIR]
  airlock model rollback NAME [VERSION] [--models DIR]`;

function usage(message: string): never {
  throw new AirlockError('ERR_CONFIG_INVALID', `${message}\n${USAGE}`);
}

function intOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`${flag} must be a non-negative integer`);
  return n;
}

async function train(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      extra: { type: 'string', multiple: true },
      out: { type: 'string' },
      seed: { type: 'string' },
      version: { type: 'string' },
      name: { type: 'string' },
      'word-vectors': { type: 'string' },
      'holdout-source': { type: 'string', multiple: true },
      check: { type: 'string', multiple: true },
      epochs: { type: 'string' },
      limit: { type: 'string' },
      activate: { type: 'boolean', default: false },
    },
  });
  if (!values.data || !values.out) usage('train needs --data and --out');
  const result = await trainModel({
    dataFiles: [values.data, ...(values.extra ?? [])],
    outDir: values.out,
    ...(values.name ? { name: values.name } : {}),
    ...(values.version ? { version: values.version } : {}),
    seed: intOption(values.seed, '--seed') ?? 1,
    ...(values.epochs ? { epochs: intOption(values.epochs, '--epochs')! } : {}),
    ...(values.limit ? { limitRows: intOption(values.limit, '--limit')! } : {}),
    ...(values['word-vectors'] ? { wordVectors: values['word-vectors'] } : {}),
    holdoutSources: values['holdout-source'] ?? [],
    checkFiles: values.check ?? [],
    activate: values.activate,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const m = result.manifest;
  process.stdout.write(
    `${JSON.stringify({ dir: result.dir, version: result.version, threshold: m.threshold, documentThreshold: m.documentThreshold, trainingSeconds: m.trainingSeconds, metrics: m.metrics }, null, 2)}\n`,
  );
  return 0;
}

async function evaluate(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      models: { type: 'string', default: 'models' },
      data: { type: 'string' },
      kind: { type: 'string', default: 'prompt' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.model || !values.data) usage('eval needs --model and --data');
  const kind = values.kind;
  if (kind !== 'prompt' && kind !== 'document') usage(`--kind is "prompt" or "document", not "${kind}"`);
  const [name, pinned] = values.model.split('@', 2) as [string, string | undefined];
  const version = pinned ?? readChannels(values.models, name).active;
  const report = await evaluateModel({
    modelsDir: values.models,
    name,
    version,
    dataFile: values.data,
    kind,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const { per_source, ...summary } = report;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  for (const [source, m] of Object.entries(per_source)) {
    process.stdout.write(
      `${source.padEnd(64)} rows=${m.rows} precision=${m.precision ?? '-'} recall=${m.recall ?? '-'} f1=${m.f1 ?? '-'} fpr=${m.fpr ?? '-'}\n`,
    );
  }
  return 0;
}

async function channelCommand(argv: string[], action: 'promote' | 'rollback'): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { models: { type: 'string', default: 'models' } },
  });
  const [name, version] = positionals;
  if (!name || positionals.length > 2) usage(`${action} needs NAME [VERSION]`);
  const channels = readChannels(values.models, name);
  const versions = listVersions(values.models, name);
  const next =
    action === 'promote'
      ? promoteChannels(channels, versions, version)
      : rollbackChannels(channels, versions, version);
  if (typeof next === 'string') throw new AirlockError('ERR_CONFIG_INVALID', `${name}: ${next}`);
  await writeChannels(values.models, name, next);
  process.stdout.write(`${JSON.stringify({ name, ...next })}\n`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'train':
        return await train(rest);
      case 'eval':
        return await evaluate(rest);
      case 'promote':
      case 'rollback':
        return await channelCommand(rest, sub);
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    if (isAirlockError(err)) {
      process.stderr.write(`${err.code}: ${err.message}\n`);
      return err.code === 'ERR_CONFIG_INVALID' ? 2 : 1;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`ERR_CONFIG_INVALID: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`ERR_INTERNAL: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
