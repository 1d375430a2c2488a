/**
 * A vitest pool for mutation testing: the `threads` worker, kept alive from one test run to the next.
 *
 * Stryker's vitest runner starts a test run per mutant, and vitest ends every run by terminating its
 * worker, so each mutant paid for a fresh thread and for loading vega, fast-check and the other
 * dependencies again (1.2-1.7 s a run here, against 0.15-0.3 s with this pool). This worker answers
 * vitest's `stop` itself and keeps the thread. Isolation is unchanged (`isolate: true`): every test
 * file still starts with a fresh module graph of `src/` and `test/`, so a mutant in top-level code, a
 * memo or a lazily built schema is evaluated again under the active mutant. What stays loaded is what
 * Node itself imported (node_modules: vega, fast-check, zod...), which no mutant touches. vitest
 * sends `start` again for every run, so each run gets its current config (Stryker's test filter).
 */
import { ThreadsPoolWorker } from 'vitest/node';

type Message = Parameters<ThreadsPoolWorker['send']>[0];
/** The worker thread itself (private in vitest's types). */
const threadOf = (w: ThreadsPoolWorker): import('node:worker_threads').Worker => (w as unknown as { thread: import('node:worker_threads').Worker }).thread;
type Listener = (message: unknown) => void;

/** The one thread shared by every run of this process, and how many runs it has served. */
let shared: { worker: ThreadsPoolWorker; runs: number } | undefined;
/** Runs before the thread is replaced anyway (each `start` adds a message listener on the worker side). */
const MAX_RUNS = 100;

/** The pool: set as `project.config.poolRunner` (see test/mutation/vitest.config.ts). */
export const persistentThreads = {
  name: 'dk-persistent-threads',
  createPoolWorker(options: ConstructorParameters<typeof ThreadsPoolWorker>[0]) {
    return new PersistentWorker(options);
  },
};

class PersistentWorker {
  readonly name = 'dk-persistent-threads';
  private readonly own: ThreadsPoolWorker;
  private readonly listeners: [string, Listener][] = [];
  constructor(options: ConstructorParameters<typeof ThreadsPoolWorker>[0]) {
    this.own = new ThreadsPoolWorker(options);
  }
  private get w(): ThreadsPoolWorker {
    return shared!.worker;
  }
  canReuse(): boolean {
    return true;
  }
  async start(): Promise<void> {
    if (shared && shared.runs >= MAX_RUNS) {
      const old = shared.worker;
      shared = undefined;
      await old.stop();
    }
    if (!shared) {
      await this.own.start();
      // the thread must not keep the process alive once vitest closes
      threadOf(this.own).unref();
      shared = { worker: this.own, runs: 0 };
    }
    shared.runs++;
  }
  async stop(): Promise<void> {
    // keep the thread; only this runner's listeners go
    for (const [event, cb] of this.listeners.splice(0)) this.w.off(event, cb);
  }
  on(event: string, cb: Listener): void {
    this.listeners.push([event, cb]);
    this.w.on(event, cb);
  }
  off(event: string, cb: Listener): void {
    this.w.off(event, cb);
  }
  send(message: Message): void {
    if ((message as { type?: string }).type === 'stop') {
      // answered here, so the worker keeps its message listeners and its module cache
      queueMicrotask(() => threadOf(this.w).emit('message', { type: 'stopped', __vitest_worker_response__: true }));
      return;
    }
    this.w.send(message);
  }
  deserialize(data: unknown): unknown {
    return data;
  }
}
