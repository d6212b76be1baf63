import { pino } from 'pino';

/** JSON logs on stderr: stdout belongs to the stdio MCP transport. */
export const log = pino(
  { level: process.env['AIRLOCK_LOG_LEVEL'] ?? (process.env['NODE_TEST_CONTEXT'] ? 'silent' : 'info'), base: { name: 'airlock' } },
  pino.destination({ fd: 2, sync: false }),
);
export type Logger = typeof log;
