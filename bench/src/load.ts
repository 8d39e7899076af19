// The bench's side of a load worker: a long-lived child process taking one job at a time.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { baseChildEnv } from './env';
import type { LoadJob, LoadResult, WorkerMessage } from './load-spec';

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
/** Resolved here so the worker starts the same way from any working directory. */
const TSX = import.meta.resolve('tsx');

export interface LoadWorker {
  run(job: LoadJob): Promise<LoadResult>;
  close(): void;
}

export function startLoadWorker(): LoadWorker {
  const child: ChildProcess = fork(WORKER, [], {
    execArgv: ['--import', TSX],
    env: baseChildEnv(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let busy = false;
  return {
    run(job) {
      if (busy) throw new Error('a load worker runs one job at a time');
      busy = true;
      return new Promise<LoadResult>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`load worker exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (message: WorkerMessage) => {
          busy = false;
          child.off('exit', onExit);
          if ('result' in message) resolve(message.result);
          else reject(new Error(`load worker: ${message.error}`));
        });
        child.send(job);
      });
    },
    close() {
      child.disconnect();
    },
  };
}
