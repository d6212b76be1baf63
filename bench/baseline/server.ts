/**
 * The baseline: the benchmark's `add` tool as a plain in-process handler on a bare MCP SDK server, with no
 * authentication, policy, gate, sandbox or audit. `--stdio` serves one client on stdin/stdout; `--http`
 * serves Streamable HTTP (stateful sessions, SSE responses like Airlock's default) on 127.0.0.1:0 and,
 * when forked, reports its URL over IPC.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

function createAddServer(): McpServer {
  const server = new McpServer({ name: 'bare-sdk-baseline', version: '1.0.0' });
  server.registerTool(
    'add',
    {
      description: 'Adds two numbers and returns {sum}.',
      inputSchema: { a: z.number(), b: z.number(), note: z.string().max(1000).optional() },
    },
    async ({ a, b }) => {
      const value = { sum: a + b };
      // Same result shape as Airlock's: text content plus structured content.
      return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
    },
  );
  return server;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

async function serveHttp(): Promise<void> {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    const id = req.headers['mcp-session-id'];
    const existing = typeof id === 'string' ? transports.get(id) : undefined;
    if (existing) return existing.handleRequest(req, res, body);
    if (req.method !== 'POST' || !isInitializeRequest(body)) {
      res.writeHead(400).end('no session');
      return;
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => void transports.set(sessionId, transport),
      onsessionclosed: (sessionId) => void transports.delete(sessionId),
    });
    transport.onclose = () => {
      if (transport.sessionId) transports.delete(transport.sessionId);
    };
    await createAddServer().connect(transport);
    await transport.handleRequest(req, res, body);
  };
  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  http.requestTimeout = 0;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}/mcp` });
  process.on('message', (message: { id?: number; type?: string }) => {
    if (message.type === 'rss') {
      globalThis.gc?.();
      process.send?.({ id: message.id, rss: process.memoryUsage().rss, sessions: transports.size });
    } else if (message.type === 'stats') {
      const cpu = process.cpuUsage();
      process.send?.({ id: message.id, stages: {}, cpuUs: cpu.user + cpu.system });
    }
  });
  process.once('disconnect', () => process.exit(0));
}

if (process.argv.includes('--stdio')) await createAddServer().connect(new StdioServerTransport());
else await serveHttp();
