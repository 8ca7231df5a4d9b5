// The campaign through the real engine (templates/occitanie-2019, DOCX and PDF writers): worker
// threads running TypeScript, files byte-identical to an in-thread run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineExecutor } from '../../src/batch/pool.ts';
import { render } from '../../src/batch/render.ts';
import { runCampaign } from '../../src/batch/runner.ts';
import { campaign, snapshot, tmp } from './helpers.ts';

describe('campagne avec le moteur réel', () => {
  it('renders every document in DOCX and PDF, identically in-thread and on 2 worker threads', async () => {
    const c = await campaign(3, 31);
    const a = tmp('moteur1');
    const b = tmp('moteur2');
    const base = { entree: c.dossier, formats: ['docx', 'pdf'] as const, reprendre: false };
    const ra = await runCampaign({ ...base, sortie: a, jobs: 1, executor: () => inlineExecutor(render) });
    const rb = await runCampaign({ ...base, sortie: b, jobs: 2 });
    for (const e of ra.manifest.contrats) expect(e.erreurs).toEqual([]);
    expect(ra.exitCode).toBe(0);
    const first = ra.manifest.contrats[0]!;
    const names = first.fichiers.map((f) => f.chemin.split('/')[1]);
    expect(names).toContain('01-socle.docx');
    expect(names).toContain('01-socle.pdf');
    expect(names).toContain(`${first.finess_ej}-dossier-complet.pdf`);
    expect(readFileSync(join(a, first.fichiers.find((f) => f.chemin.endsWith('.pdf'))!.chemin)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(ra.manifest.modeles[0]).toMatchObject({ id: 'occitanie-2019' });
    expect(snapshot(b)).toEqual(snapshot(a));
  });
});
