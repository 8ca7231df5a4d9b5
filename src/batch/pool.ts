// Executors run render jobs: inline (one at a time, in this thread: tests, --jobs 1 debugging)
// or on a pool of worker threads. Workers run TypeScript: each one registers tsx's loader
// before importing its entry, because in Node 20 `execArgv: ['--import', 'tsx']` is not applied
// to a worker's own entry module.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bugOutcome, type WorkerData, type WorkerReply, type WorkerRequest } from './protocol.ts';
import type { RenderFn, RenderJob, RenderOutcome } from './types.ts';

export interface Executor {
  run(job: RenderJob): Promise<RenderOutcome>;
  close(): Promise<void>;
  /** Highest RSS a worker reported (the process's, threads included), in bytes. */
  readonly peakRss: number;
}

export function inlineExecutor(render: RenderFn): Executor {
  let peak = 0;
  return {
    async run(job) {
      try {
        return await render(job);
      } catch (e) {
        return bugOutcome(e);
      } finally {
        peak = Math.max(peak, process.memoryUsage.rss());
      }
    },
    async close() {},
    get peakRss() {
      return peak;
    },
  };
}

const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { (api.register ?? api.default.register)(); return import(workerData.entry); });
`;

/**
 * Old-generation cap of each worker's heap. A contract's live data is a few tens of MB, but
 * without a cap V8 lets garbage pile up (measured: each worker grew by 200+ MB over 100
 * contracts); with it, the campaign's RSS plateaus. Generous enough for the largest contracts.
 */
const WORKER_HEAP_MB = 128;

const WORKER_ENTRY = new URL('./worker.ts', import.meta.url).href;

/** The ESM build of tsx's API (its CJS build cannot register the ESM hooks from a worker). */
function tsxApiUrl(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

interface Slot {
  worker: Worker;
  dead?: boolean;
  current?: { seq: number; resolve: (o: RenderOutcome) => void };
}

/** A pool of `size` worker threads, each importing `renderModule` (a URL) for its render(). */
export function workerPool(size: number, renderModule: string): Executor {
  const tsxApi = tsxApiUrl();
  const queue: Array<{ job: RenderJob; resolve: (o: RenderOutcome) => void }> = [];
  const slots: Slot[] = [];
  let seq = 0;
  let peak = 0;
  let closing = false;
  let closed: Promise<void> | undefined;

  const spawn = (): Slot => {
    const data: WorkerData & { tsxApi: string; entry: string } = { renderModule, tsxApi, entry: WORKER_ENTRY };
    const slot: Slot = { worker: new Worker(BOOT, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) };
    slot.worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) return;
      peak = Math.max(peak, msg.rss);
      const cur = slot.current;
      if (!cur || cur.seq !== msg.seq) return;
      slot.current = undefined;
      cur.resolve(msg.outcome);
      pump();
    });
    const lost = (why: unknown) => {
      // A crashed worker (out of memory, native error) fails its contract; a new one takes over.
      // 'error' is followed by 'exit': handle the loss once.
      if (slot.dead) return;
      slot.dead = true;
      const cur = slot.current;
      slot.current = undefined;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (cur) cur.resolve(bugOutcome(why instanceof Error ? why : new Error(`processus de rendu interrompu (${String(why)})`)));
      if (!closing) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => {
      if (!closing || slot.current) lost(`code ${code}`);
    });
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.current || queue.length === 0) continue;
      const next = queue.shift()!;
      const s = ++seq;
      slot.current = { seq: s, resolve: next.resolve };
      const req: WorkerRequest = { seq: s, job: next.job };
      slot.worker.postMessage(req);
    }
  };

  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());

  return {
    run(job) {
      return new Promise((resolve) => {
        queue.push({ job, resolve });
        pump();
      });
    },
    close() {
      // Idempotent: the campaign closes the pool once done, and again on its way out of an error.
      closing = true;
      closed ??= Promise.all(slots.map((s) => s.worker.terminate())).then(() => undefined);
      return closed;
    },
    get peakRss() {
      return peak;
    },
  };
}
