// The same benchmark on an earlier commit, run in the same session, so that a ratio compares two
// trees on the same machine under the same load — not today's figure with a figure written down
// on another day (issue 13: « within +20 % of today's figures »). The commit is extracted with
// `git archive` into a temporary folder that borrows this tree's node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The last commit before issue 13 (hyphenation, Knuth–Plass, tagged PDF): the bench's default reference. */
export const BEFORE_ISSUE_13 = 'b295910';

/** What the reference tree's bench/rendu.ts prints: IR + PDF per demo contract, and the synthetic worst case (ms). */
export interface ReferenceFigures {
  readonly commit: string;
  readonly perContract: number;
  readonly synthetic: number;
}

/** Runs bench/rendu.ts of `commit`; a message instead when git or the commit is missing. */
export function referenceFigures(root: string, commit: string): ReferenceFigures | string {
  const rev = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (rev.status !== 0) return `commit de référence « ${commit} » introuvable (clone superficiel ?) : pas de comparaison`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-reference-'));
  try {
    execFileSync('sh', ['-c', `git archive ${rev.stdout.trim()} | tar -x -C "${dir}"`], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/rendu.ts'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
    const per = /Moyenne par contrat, IR \+ PDF : ([\d.]+) ms/.exec(r.stdout ?? '');
    const worst = /pire cas mesuré : ([\d.]+) ms/.exec(r.stdout ?? '');
    if (r.status !== 0 || !per || !worst) return `le banc du commit ${commit} n’a pas abouti (code ${r.status}) : pas de comparaison`;
    return { commit, perContract: Number(per[1]), synthetic: Number(worst[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
