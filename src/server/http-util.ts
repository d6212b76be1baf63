import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors.js';

export class BodyTooLarge extends Error {}

/** Reads a request body up to `limit` bytes; past it the read stops and BodyTooLarge is thrown. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A JSON-RPC error for failures found before the MCP layer (auth, origin, size, parse). */
export function sendJsonRpcError(
  res: ServerResponse,
  opts: {
    status: number;
    rpcCode: number;
    code: ErrorCode;
    message: string;
    headers?: Record<string, string>;
  },
): void {
  sendJson(
    res,
    opts.status,
    {
      jsonrpc: '2.0',
      error: { code: opts.rpcCode, message: `${opts.code}: ${opts.message}`, data: { code: opts.code } },
      id: null,
    },
    opts.headers,
  );
}
