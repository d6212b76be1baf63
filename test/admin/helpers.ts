import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AdminListener, startAdmin } from '../../src/admin/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

export interface AdminTestServer extends TestServer {
  admin: AdminListener;
  adminToken: string;
  /** Calls the admin API; `token: null` sends no Authorization header. */
  api(
    method: string,
    path: string,
    opts?: { body?: unknown; raw?: string; headers?: Record<string, string>; token?: string | null },
    // biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert on them
  ): Promise<{ status: number; headers: Headers; body: Record<string, any> }>;
  /** The bytes of a live policy file. */
  policyBytes(file?: string): Promise<string>;
}

/** A real runtime (HTTP mode) plus the admin listener on 127.0.0.1 port 0, and an admin token. */
export async function startAdminServer(opts: { policy?: string } = {}): Promise<AdminTestServer> {
  const server = await startTestServer(opts.policy ? { policy: opts.policy } : {});
  let admin: AdminListener;
  try {
    admin = await startAdmin(server.runtime, { host: '127.0.0.1', port: 0 });
  } catch (error) {
    await server.close();
    throw error;
  }
  const adminToken = await server.runtime.identity.mint({ agent: 'alice-admin', admin: true, ttlS: 900 });
  return {
    ...server,
    admin,
    adminToken,
    async api(method, path, callOpts = {}) {
      const token = callOpts.token === undefined ? adminToken : callOpts.token;
      const headers: Record<string, string> = { ...callOpts.headers };
      if (token !== null) headers['authorization'] = `Bearer ${token}`;
      let body: string | undefined;
      if (callOpts.raw !== undefined) body = callOpts.raw;
      else if (callOpts.body !== undefined) {
        body = JSON.stringify(callOpts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${admin.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
    },
    policyBytes: (file = 'test.yaml') => readFile(join(server.policiesDir, file), 'utf8'),
    async close() {
      await admin.close();
      await server.close();
    },
  };
}
