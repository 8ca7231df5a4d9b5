// Worker thread entry: loads the render module named by the main thread, then renders one job
// at a time. A thrown error is a bug in the engine: it fails that contract, not the campaign.
import { parentPort, workerData } from 'node:worker_threads';
import { bugOutcome, type WorkerData, type WorkerReply, type WorkerRequest } from './protocol.ts';
import type { RenderFn } from './types.ts';

const { renderModule } = workerData as WorkerData;
const mod = (await import(renderModule)) as { render?: RenderFn };
if (typeof mod.render !== 'function') throw new Error(`bug: ${renderModule} does not export render()`);
const render = mod.render;
const port = parentPort!;

port.on('message', (msg: WorkerRequest) => {
  void (async () => {
    let reply: WorkerReply;
    try {
      reply = { seq: msg.seq, outcome: await render(msg.job), rss: process.memoryUsage.rss() };
    } catch (e) {
      reply = { seq: msg.seq, outcome: bugOutcome(e), rss: process.memoryUsage.rss() };
    }
    port.postMessage(reply);
  })();
});
port.postMessage({ ready: true });
