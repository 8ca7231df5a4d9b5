// Executors run render jobs: inline (one at a time, in this thread: tests, --jobs 1 debugging)
// or on a pool of worker threads. Workers run TypeScript: each one registers tsx's loader
// before importing its entry, because in Node 20 `execArgv: ['--import', 'tsx']` is not applied
// to a worker's own entry module.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LIMITS } from '../model/limits.ts';
import { bugOutcome, lossOutcome, type WorkerData, type WorkerLoss, type WorkerReply, type WorkerRequest } from './protocol.ts';
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
  /** The worker loaded its render module (a loss before that is the engine's, not the job's). */
  ready: boolean;
  boot?: NodeJS.Timeout;
  dead?: boolean;
  /** Set when the pool stops the worker itself: why. */
  stopping?: WorkerLoss;
  current?: { seq: number; job: RenderJob; resolve: (o: RenderOutcome) => void; timer?: NodeJS.Timeout };
}

export interface PoolOptions {
  /** Seconds a worker may spend on one contract before it is stopped (the contract fails). */
  readonly jobSeconds?: number;
  /** Old-generation heap cap of each worker, in MB. */
  readonly heapMb?: number;
}

/** Workers that die before loading their module, in a row, before the pool gives up. */
const MAX_BOOT_FAILURES = 3;
/** Seconds a worker may take to load its module (about 2 s on a loaded 2-core machine). */
const BOOT_SECONDS = 120;

/**
 * A pool of `size` worker threads, each importing `renderModule` (a URL) for its render(). A
 * worker lost while rendering (out of memory, deadline, uncaught exception, exit) fails that
 * contract only, with a French message saying which; a new worker takes the next contract.
 */
export function workerPool(size: number, renderModule: string, options: PoolOptions = {}): Executor {
  const tsxApi = tsxApiUrl();
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  const jobSeconds = options.jobSeconds ?? LIMITS.renderSeconds;
  const queue: Array<{ job: RenderJob; resolve: (o: RenderOutcome) => void }> = [];
  const slots: Slot[] = [];
  let seq = 0;
  let peak = 0;
  let closing = false;
  let closed: Promise<void> | undefined;
  let bootFailures = 0;
  let broken: WorkerLoss | undefined;

  /** The contract's time starts when its worker can render (booting is not its doing). */
  const startClock = (slot: Slot): void => {
    const cur = slot.current;
    if (!cur || cur.timer) return;
    cur.timer = setTimeout(() => {
      slot.stopping = { kind: 'delai', seconds: jobSeconds };
      void slot.worker.terminate();
    }, jobSeconds * 1000);
  };

  const spawn = (): Slot => {
    const data: WorkerData & { tsxApi: string; entry: string } = { renderModule, tsxApi, entry: WORKER_ENTRY };
    const slot: Slot = { worker: new Worker(BOOT, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb } }), ready: false };
    slot.boot = setTimeout(() => {
      slot.stopping = { kind: 'delai', seconds: BOOT_SECONDS };
      void slot.worker.terminate();
    }, BOOT_SECONDS * 1000);
    slot.worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        clearTimeout(slot.boot);
        bootFailures = 0;
        startClock(slot);
        return;
      }
      peak = Math.max(peak, msg.rss);
      const cur = slot.current;
      if (!cur || cur.seq !== msg.seq) return;
      clearTimeout(cur.timer);
      slot.current = undefined;
      cur.resolve(msg.outcome);
      pump();
    });
    const lost = (loss: WorkerLoss) => {
      // 'error' is followed by 'exit': handle the loss once.
      if (slot.dead) return;
      slot.dead = true;
      clearTimeout(slot.boot);
      const cur = slot.current;
      slot.current = undefined;
      if (cur) clearTimeout(cur.timer);
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (!slot.ready) {
        // Not the contract's doing: it goes back to the queue, unless workers cannot start at all.
        if (cur) queue.unshift({ job: cur.job, resolve: cur.resolve });
        if (++bootFailures >= MAX_BOOT_FAILURES) {
          broken = { kind: 'demarrage', message: loss.kind === 'exception' ? loss.message : lossLabel(loss) };
          for (const q of queue.splice(0)) q.resolve(lossOutcome(broken));
        }
      } else if (cur) {
        cur.resolve(lossOutcome(loss));
      }
      if (!closing && !broken) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', (e: Error & { code?: string }) => {
      lost(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memoire', heapMb } : { kind: 'exception', message: e.message });
    });
    slot.worker.on('exit', (code) => {
      if (!closing || slot.current) lost(slot.stopping ?? { kind: 'sortie', code });
    });
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.current || queue.length === 0) continue;
      const next = queue.shift()!;
      const s = ++seq;
      slot.current = { seq: s, job: next.job, resolve: next.resolve };
      if (slot.ready) startClock(slot);
      const req: WorkerRequest = { seq: s, job: next.job };
      slot.worker.postMessage(req);
    }
  };

  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());

  return {
    run(job) {
      if (broken) return Promise.resolve(lossOutcome(broken));
      return new Promise((resolve) => {
        queue.push({ job, resolve });
        pump();
      });
    },
    close() {
      // Idempotent: the campaign closes the pool once done, and again on its way out of an error.
      closing = true;
      for (const s of slots) clearTimeout(s.boot);
      closed ??= Promise.all(slots.map((s) => s.worker.terminate())).then(() => undefined);
      return closed;
    },
    get peakRss() {
      return peak;
    },
  };
}

function lossLabel(loss: WorkerLoss): string {
  switch (loss.kind) {
    case 'memoire':
      return `mémoire épuisée au chargement (${loss.heapMb}\u00A0Mo au plus)`;
    case 'delai':
      return `délai de ${loss.seconds}\u00A0s dépassé`;
    case 'sortie':
      return `arrêt au chargement (code de sortie ${loss.code})`;
    case 'exception':
    case 'demarrage':
      return loss.message;
  }
}
