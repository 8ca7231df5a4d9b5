// Progress of a campaign on stderr: a bar (count, rate, ETA) on a terminal; plain periodic lines
// otherwise (CI, log files), where a redrawn bar would be unreadable. Uses the clock, which is
// fine here: nothing of this reaches the output files.
import cliProgress from 'cli-progress';

export interface ProgressSink {
  start(total: number): void;
  tick(failed: boolean): void;
  stop(): void;
}

export const silentProgress: ProgressSink = { start() {}, tick() {}, stop() {} };

function rateText(done: number, startedAt: number): { rate: number; text: string } {
  const secs = Math.max(0.001, (Date.now() - startedAt) / 1000);
  const rate = done / secs;
  return { rate, text: rate.toFixed(1).replace('.', ',') };
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const r = Math.round(s);
  return r >= 60 ? `${Math.floor(r / 60)} min ${String(r % 60).padStart(2, '0')} s` : `${r} s`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  return stream.isTTY ? barProgress(stream) : lineProgress((l) => stream.write(`${l}\n`));
}

function barProgress(stream: NodeJS.WriteStream): ProgressSink {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'Campagne |{bar}| {value}/{total} contrats | {debit} contrats/s | reste {reste} | {erreurs} en erreur',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  let failed = 0;
  let total = 0;
  let startedAt = 0;
  // Ctrl+C: give the cursor back before dying (files already written are complete, see --reprendre).
  const onInterrupt = () => {
    bar.stop();
    process.exit(130);
  };
  return {
    start(n) {
      total = n;
      startedAt = Date.now();
      process.once('SIGINT', onInterrupt);
      bar.start(n, 0, { debit: '0,0', reste: '?', erreurs: 0 });
    },
    tick(f) {
      done++;
      if (f) failed++;
      const { rate, text } = rateText(done, startedAt);
      bar.update(done, { debit: text, reste: duration((total - done) / rate), erreurs: failed });
    },
    stop() {
      process.off('SIGINT', onInterrupt);
      bar.stop();
    },
  };
}

/** A line every 10 % of the campaign or every 10 s, whichever comes first, and one at the end. */
export function lineProgress(write: (line: string) => void, everyMs = 10_000): ProgressSink {
  let done = 0;
  let failed = 0;
  let total = 0;
  let startedAt = 0;
  let lastAt = 0;
  let lastDone = 0;
  const line = () => {
    const { rate, text } = rateText(done, startedAt);
    const pct = total ? Math.floor((done * 100) / total) : 100;
    write(`campagne : ${done}/${total} contrats (${pct} %), ${text} contrats/s, reste environ ${duration((total - done) / rate)}, ${failed} en erreur`);
    lastAt = Date.now();
    lastDone = done;
  };
  return {
    start(n) {
      total = n;
      startedAt = lastAt = Date.now();
      write(`campagne : ${n} contrats à traiter`);
    },
    tick(f) {
      done++;
      if (f) failed++;
      const step = Math.max(1, Math.ceil(total / 10));
      if (done - lastDone >= step || Date.now() - lastAt >= everyMs) line();
    },
    stop() {
      if (done !== lastDone) line();
    },
  };
}
