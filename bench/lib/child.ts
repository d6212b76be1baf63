import { type ChildProcess, fork } from 'node:child_process';

export interface ServerChild {
  url: URL;
  pid: number;
  /** Sends one IPC request and resolves with the child's reply. */
  request<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export interface ForkOptions {
  script: string;
  args?: string[];
  /** Directory for a V8 CPU profile of the child (`--cpu-prof`), written when it exits. */
  cpuProfDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/** Forks a benchmark server (tsx, --expose-gc so RSS reads follow a GC) and waits for its URL. */
export async function forkServer(opts: ForkOptions): Promise<ServerChild> {
  const execArgv = ['--no-node-snapshot', '--expose-gc', '--import', 'tsx'];
  if (opts.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  const child: ChildProcess = fork(opts.script, opts.args ?? [], {
    execArgv,
    env: { ...process.env, AIRLOCK_LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${opts.script} exited (${code}) before ready`));
    child.once('exit', onExit);
    child.on('message', function ready(message: { type?: string; url?: string }) {
      if (message.type !== 'ready' || !message.url) return;
      child.off('message', ready);
      child.off('exit', onExit);
      resolve(message.url);
    });
  });
  let nextId = 1;
  const pending = new Map<number, (reply: unknown) => void>();
  child.on('message', (message: { id?: number }) => {
    if (message.id === undefined) return;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  return {
    url: new URL(url),
    pid: child.pid!,
    request<T>(message: Record<string, unknown>) {
      const id = nextId++;
      return new Promise<T>((resolve) => {
        pending.set(id, resolve as (reply: unknown) => void);
        child.send({ id, ...message });
      });
    },
    async stop() {
      // Disconnecting lets the child close cleanly (and write its CPU profile); SIGKILL if it hangs.
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
