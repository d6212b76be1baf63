import { ERROR_CODES, type ErrorCode } from '../errors.js';

const MAX_REASON_CHARS = 2000;

/** V8 errors that mean "out of memory" without isolated-vm having to dispose the isolate. */
const ALLOCATION_FAILURES = [
  'Array buffer allocation failed',
  'Invalid string length',
  'Invalid array length',
  'Invalid typed array length',
];
const TIMEOUT_MESSAGE = 'Script execution timed out.';
const MEMORY_DISPOSAL = 'disposed during execution due to memory limit';

export const CPU_TIMEOUT_REASON = 'the tool exceeded its CPU time limit';

export type Fault = { code: ErrorCode; reason: string; memoryKill: boolean };

/**
 * Maps what a failed run threw to a stable code. `hostCode` recognises errors the host raised into the
 * isolate (their exact message), so tool code cannot claim a code by throwing a look-alike message.
 */
export function classifyFault(error: unknown, hostCode: (message: string) => ErrorCode | undefined): Fault {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const fromHost = hostCode(message);
  if (fromHost) return { code: fromHost, reason: clip(withoutCode(message)), memoryKill: false };
  if (message.includes(MEMORY_DISPOSAL)) {
    return { code: 'ERR_SANDBOX_MEMORY', reason: 'the tool exceeded its memory limit', memoryKill: true };
  }
  if (message === TIMEOUT_MESSAGE) {
    return { code: 'ERR_SANDBOX_TIMEOUT', reason: CPU_TIMEOUT_REASON, memoryKill: false };
  }
  if (name === 'RangeError' && ALLOCATION_FAILURES.some((text) => message.startsWith(text))) {
    return {
      code: 'ERR_SANDBOX_MEMORY',
      reason: `the tool exceeded its memory limit (${message})`,
      memoryKill: false,
    };
  }
  return { code: 'ERR_TOOL_FAILED', reason: clip(`${name}: ${message}`), memoryKill: false };
}

/** Results the in-isolate runner itself coded ('e' + "CODE: reason"); only the runner writes these. */
export function parseRunnerFault(text: string): { code: ErrorCode; reason: string } {
  const code = text.slice(0, text.indexOf(':'));
  return code in ERROR_CODES
    ? { code: code as ErrorCode, reason: clip(withoutCode(text)) }
    : { code: 'ERR_TOOL_FAILED', reason: clip(text) };
}

/** "ERR_X: reason" -> "reason": the code travels in its own field. */
function withoutCode(message: string): string {
  return message.replace(/^ERR_[A-Z_]+: /, '');
}

function clip(text: string): string {
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}...` : text;
}
