import { setMaxListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

// The SDK client passes one AbortSignal per session to every fetch; Node's fetch drops its abort listener
// only when the request is garbage-collected, so thousands of calls on one session trip the default limit
// of the warning (not a leak in the server under test).
setMaxListeners(0);

/** The string argument the gate scores on every Airlock call (the baseline receives and ignores it too). */
export const NOTE = 'please add these two numbers for the monthly report';

export async function connectHttp(url: URL, token?: string): Promise<Client> {
  const client = new Client({ name: 'airlock-bench', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      url,
      token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {},
    ),
  );
  return client;
}

export async function connectStdio(opts: {
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): Promise<Client> {
  const client = new Client({ name: 'airlock-bench', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: opts.args,
      cwd: opts.cwd,
      env: opts.env,
      stderr: 'inherit',
    }),
  );
  return client;
}

/** One `add` call; a wrong or refused answer aborts the benchmark rather than being timed. */
export async function callAdd(client: Client, i: number): Promise<void> {
  const result = await client.callTool({ name: 'add', arguments: { a: i, b: 2, note: NOTE } });
  const sum = (result.structuredContent as { sum?: unknown } | undefined)?.sum;
  if (result.isError || sum !== i + 2) {
    throw new Error(`add(${i}, 2) answered ${JSON.stringify(result).slice(0, 300)}`);
  }
}

/** Sequential calls on one client; milliseconds per call. */
export async function latencies(client: Client, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await callAdd(client, i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Every client calls back to back until the window closes; calls/s over the whole run (the last
 * calls may end a little after the window), with every call's latency.
 */
export async function throughput(
  clients: readonly Client[],
  windowMs: number,
): Promise<{ calls: number; seconds: number; samples: number[] }> {
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + windowMs;
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = c * 1_000_000; performance.now() < deadline; i++) {
        const t0 = performance.now();
        await callAdd(client, i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { calls: samples.length, seconds, samples };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

export async function closeAll(clients: readonly Client[]): Promise<void> {
  await Promise.allSettled(clients.map((c) => c.close()));
}
