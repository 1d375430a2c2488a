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
  /** The shared thread this runner started on (it stays this runner's even if the next run replaces it). */
  private bound: ThreadsPoolWorker | undefined;
  private get w(): ThreadsPoolWorker {
    if (!this.bound) throw new Error('persistent pool: the worker was used before start()');
    return this.bound;
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
      const thread = threadOf(this.own);
      thread.unref();
      const entry = { worker: this.own, runs: 0 };
      // a thread that died (a mutant that exhausted memory or the stack) is not reused
      thread.once('exit', () => {
        if (shared === entry) shared = undefined;
      });
      shared = entry;
    }
    shared.runs++;
    this.bound = shared.worker;
  }
  async stop(): Promise<void> {
    // keep the thread; only this runner's listeners go (none to remove if the thread was replaced)
    const w = this.bound;
    const listeners = this.listeners.splice(0);
    if (w && shared?.worker === w) for (const [event, cb] of listeners) w.off(event, cb);
  }
  on(event: string, cb: Listener): void {
    this.listeners.push([event, cb]);
    this.w.on(event, cb);
  }
  off(event: string, cb: Listener): void {
    if (shared?.worker === this.bound) this.w.off(event, cb);
  }
  send(message: Message): void {
    if ((message as { type?: string }).type === 'stop') {
      // answered here, so the worker keeps its message listeners and its module cache
      const thread = threadOf(this.w);
      queueMicrotask(() => thread.emit('message', { type: 'stopped', __vitest_worker_response__: true }));
      return;
    }
    this.w.send(message);
  }
  deserialize(data: unknown): unknown {
    return data;
  }
}
