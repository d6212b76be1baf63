import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { AirlockError } from '../errors.js';
import { metrics } from '../metrics/index.js';
import { type AuditFileName, formatFileName, nextFileName, utcDay } from './files.js';
import { chainRecord, type PreparedRecord, serializeRecord } from './record.js';
import type { AuditHead, AuditRecord, AuditStats } from './types.js';

interface Pending {
  prepared: PreparedRecord;
  resolve(record: AuditRecord): void;
  reject(error: Error): void;
}

export interface WriterOptions {
  dir: string;
  durable: boolean;
  maxFileBytes: number;
  rotateDaily: boolean;
  now: () => Date;
}

export interface WriterStart {
  name: AuditFileName;
  size: number;
  head: { seq: number; hash: string };
}

/**
 * The chain's single writer. Appends queue up; one drain loop at a time turns the queue into a batch,
 * chains it from the durable head, writes it in one call and fsyncs once, then resolves every waiter
 * of the batch. Whatever arrives during the fsync forms the next batch (group commit).
 */
export class AuditWriter {
  readonly #options: WriterOptions;
  #handle: FileHandle;
  #name: AuditFileName;
  #size: number;
  #head: { seq: number; hash: string };
  #queue: Pending[] = [];
  #draining = false;
  #idle: (() => void)[] = [];
  #closed = false;
  /** Set after a failed fsync or rollback: the file can no longer be trusted, so every append fails. */
  #broken: AirlockError | undefined;
  readonly #stats: AuditStats = { records: 0, batches: 0, fsyncs: 0 };

  private constructor(options: WriterOptions, handle: FileHandle, start: WriterStart) {
    this.#options = options;
    this.#handle = handle;
    this.#name = start.name;
    this.#size = start.size;
    this.#head = start.head;
  }

  static async open(options: WriterOptions, start: WriterStart): Promise<AuditWriter> {
    const path = join(options.dir, formatFileName(start.name));
    const handle = await open(path, 'a', 0o600);
    if (options.durable) await syncDir(options.dir);
    return new AuditWriter(options, handle, start);
  }

  append(prepared: PreparedRecord): Promise<AuditRecord> {
    if (this.#closed) return Promise.reject(new AirlockError('ERR_AUDIT_WRITE', 'the audit log is closed'));
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise((resolve, reject) => {
      this.#queue.push({ prepared, resolve, reject });
      if (!this.#draining) {
        this.#draining = true;
        // Wait one turn of the event loop so every append of this tick joins the first batch.
        setImmediate(() => void this.#drain());
      }
    });
  }

  head(): AuditHead {
    return { ...this.#head, file: join(this.#options.dir, formatFileName(this.#name)) };
  }

  stats(): AuditStats {
    return { ...this.#stats };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#draining) await new Promise<void>((resolve) => this.#idle.push(resolve));
    if (this.#options.durable && !this.#broken) await this.#handle.datasync();
    await this.#handle.close();
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) await this.#writeBatch(this.#queue.splice(0));
    this.#draining = false;
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  async #writeBatch(batch: Pending[]): Promise<void> {
    let link = this.#head;
    let segment: { pending: Pending; record: AuditRecord; line: Buffer }[] = [];
    let segmentBytes = 0;
    let settled = 0;
    try {
      for (const pending of batch) {
        if (this.#broken) throw this.#broken;
        const record = chainRecord(pending.prepared, { seq: link.seq + 1, prev: link.hash });
        const line = Buffer.from(serializeRecord(record));
        if (this.#size + segmentBytes > 0 && this.#mustRotate(segmentBytes + line.length)) {
          await this.#commit(segment);
          settled += segment.length;
          segment = [];
          segmentBytes = 0;
          await this.#rotate();
        }
        segment.push({ pending, record, line });
        segmentBytes += line.length;
        link = { seq: record.seq, hash: record.hash };
      }
      await this.#commit(segment);
    } catch (error) {
      const failure =
        error instanceof AirlockError
          ? error
          : new AirlockError('ERR_AUDIT_WRITE', `audit write failed: ${(error as Error).message}`);
      for (const pending of batch.slice(settled)) pending.reject(failure);
    }
  }

  #mustRotate(bytes: number): boolean {
    if (this.#size + bytes > this.#options.maxFileBytes) return true;
    return this.#options.rotateDaily && utcDay(this.#options.now()) > this.#name.day;
  }

  async #commit(segment: { pending: Pending; record: AuditRecord; line: Buffer }[]): Promise<void> {
    const last = segment.at(-1);
    if (!last) return;
    const buffer = Buffer.concat(segment.map((item) => item.line));
    const before = this.#size;
    try {
      await writeAll(this.#handle, buffer);
    } catch (error) {
      await this.#rollback(before);
      throw error;
    }
    this.#size += buffer.length;
    if (this.#options.durable) {
      const started = process.hrtime.bigint();
      try {
        await this.#handle.datasync();
      } catch (error) {
        // After a failed fsync the kernel may have dropped the pages: nothing written since is trustworthy.
        this.#broken = new AirlockError(
          'ERR_AUDIT_WRITE',
          `audit fsync failed (${(error as Error).message}); restart to recover the chain`,
        );
        throw this.#broken;
      }
      this.#stats.fsyncs += 1;
      metrics.auditFsync(Number(process.hrtime.bigint() - started) / 1e9);
    }
    this.#head = { seq: last.record.seq, hash: last.record.hash };
    this.#stats.records += segment.length;
    this.#stats.batches += 1;
    metrics.auditRecords(segment.length);
    for (const item of segment) item.pending.resolve(item.record);
  }

  /** Cuts a failed write back off, so the next batch chains from the durable head. */
  async #rollback(size: number): Promise<void> {
    try {
      await this.#handle.truncate(size);
    } catch (error) {
      this.#broken = new AirlockError(
        'ERR_AUDIT_WRITE',
        `audit write failed and could not be rolled back (${(error as Error).message}); restart to recover`,
      );
    }
  }

  async #rotate(): Promise<void> {
    const name = nextFileName(this.#name, this.#options.now());
    const handle = await open(join(this.#options.dir, formatFileName(name)), 'ax', 0o600);
    if (this.#options.durable) await syncDir(this.#options.dir);
    const old = this.#handle;
    this.#handle = handle;
    this.#name = name;
    this.#size = 0;
    await old.close();
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

/** Makes a new file's directory entry durable too, not only its contents. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
