import { isIPv6 } from 'node:net';
import { buildConnector, Pool } from 'undici';
import { canonicalAddress } from './address.js';

/** Where a connection goes: the checked address, never a name undici could resolve again. */
export interface PinnedTarget {
  readonly scheme: 'http:' | 'https:';
  /** The request's host name, for the pool key and beforeConnect (undici takes SNI from the Host header). */
  readonly host: string;
  readonly address: string;
  readonly port: number;
}

export type BeforeConnect = (target: { host: string; address: string; port: number }) => void;

const MAX_POOLS = 32;

/**
 * Connection pools keyed by (scheme, host, address, port). The pool's origin is the IP address itself, so
 * undici never calls DNS; the connector re-checks the socket's remote address after connecting.
 */
export class PinnedPools {
  readonly #pools = new Map<string, Pool>();
  readonly #connectTimeoutMs: number;
  readonly #beforeConnect: BeforeConnect | undefined;

  constructor(options: { connectTimeoutMs: number; beforeConnect: BeforeConnect | undefined }) {
    this.#connectTimeoutMs = options.connectTimeoutMs;
    this.#beforeConnect = options.beforeConnect;
  }

  get(target: PinnedTarget): Pool {
    const key = `${target.scheme}//${target.host}@${target.address}:${target.port}`;
    const existing = this.#pools.get(key);
    if (existing !== undefined) {
      // Re-insert: Map order doubles as least-recently-used order.
      this.#pools.delete(key);
      this.#pools.set(key, existing);
      return existing;
    }
    const literal = isIPv6(target.address) ? `[${target.address}]` : target.address;
    const pool = new Pool(`${target.scheme}//${literal}:${target.port}`, {
      connections: 8,
      connect: this.#connector(target),
    });
    this.#pools.set(key, pool);
    if (this.#pools.size > MAX_POOLS) {
      const [oldestKey, oldest] = this.#pools.entries().next().value as [string, Pool];
      this.#pools.delete(oldestKey);
      void oldest.close();
    }
    return pool;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.destroy()));
  }

  #connector(target: PinnedTarget): buildConnector.connector {
    const connect = buildConnector({ timeout: this.#connectTimeoutMs });
    const { host, address, port } = target;
    return (options, callback) => {
      try {
        this.#beforeConnect?.({ host, address, port });
      } catch (err) {
        callback(err instanceof Error ? err : new Error(String(err)), null);
        return;
      }
      connect(options, (err, socket) => {
        if (err !== null) return callback(err, null);
        // Belt and braces: the socket must really be connected to the address that was checked.
        if (canonicalAddress(socket.remoteAddress ?? '') !== canonicalAddress(address)) {
          socket.destroy();
          return callback(new Error(`connected to ${socket.remoteAddress}, expected ${address}`), null);
        }
        callback(null, socket);
      });
    };
  }
}
