// Starting, probing and stopping the servers under test as child processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port the OS just handed out on 127.0.0.1, free for the server about to start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** What it printed, for the error message when it fails to start or dies. */
  output(): string;
  /** Null while it runs; how it ended otherwise (exit code or signal). */
  exited(): string | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  cwd: string;
  /** Runs once the process has ended (temporary files). */
  afterStop?: () => void;
}

export function startServer(options: StartOptions): ServerProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Enough to show why it failed; a chatty server must not grow this without bound.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    child,
    output: () => output,
    exited: () =>
      child.exitCode !== null
        ? `exit code ${child.exitCode}`
        : child.signalCode !== null
          ? `signal ${child.signalCode}`
          : null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return options.afterStop?.();
      child.kill('SIGTERM');
      // A graceful stop finishes in-flight requests; a server that hangs is killed.
      const killed = sleep(10_000).then(() => child.kill('SIGKILL'));
      await Promise.race([exited, killed]);
      await exited;
      options.afterStop?.();
    },
  };
}

/** Polls GET <path> until it answers 200; fails early when the process exits. */
export async function waitReady(
  server: ServerProcess,
  path: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`${server.name} exited with ${server.child.exitCode}:\n${server.output()}`);
    }
    try {
      const res = await fetch(server.url + path);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${server.name} was not ready within ${timeoutMs / 1000} s:\n${server.output()}`);
}
