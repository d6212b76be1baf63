import { pino } from 'pino';
import { readEnv } from './config/index.js';

/** JSON logs on stderr: stdout belongs to the stdio MCP transport. */
export const log = pino(
  {
    level: readEnv('AIRLOCK_LOG_LEVEL') ?? (readEnv('NODE_TEST_CONTEXT') ? 'silent' : 'info'),
    base: { name: 'airlock' },
  },
  pino.destination({ fd: 2, sync: false }),
);
export type Logger = typeof log;
