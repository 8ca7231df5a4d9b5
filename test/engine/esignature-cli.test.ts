// E-signature options end to end: the model's `signature_electronique` block, the
// --signature-electronique override of generer and avenant, and what manifest.json records.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContractFile } from '../../src/model/load.ts';
import { renderContract } from '../../src/pipeline.ts';
import { esignatureFor } from '../../src/templates/esignature.ts';
import { loadModel } from '../../src/templates/load.ts';
import { ManifestSchema } from '../../src/templates/manifest.ts';
import { files, run } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'cpom-esig-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface EsigRecord {
  ancres: string[];
  champs: boolean;
  fichiers: Array<{ chemin: string; pages: number; zones: Array<{ type: string; champ?: string; ancres?: string[]; page: number; rect: number[] }> }>;
}

function esig(dir: string): EsigRecord | undefined {
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { signature_electronique?: EsigRecord }).signature_electronique;
}

describe('e-signature options', () => {
  it('modele.yaml accepts a signature_electronique block and refuses an unknown platform', () => {
    const m = loadModel('occitanie-2019');
    if (!m.ok) throw new Error('model');
    const base = JSON.parse(JSON.stringify(m.value.manifest)) as Record<string, unknown>;
    expect(ManifestSchema.safeParse({ ...base, signature_electronique: { ancres: ['yousign'], champs: true } }).success).toBe(true);
    expect(ManifestSchema.safeParse({ ...base, signature_electronique: { ancres: ['adobe'] } }).success).toBe(false);
  });

  it('renders what the model states, and what --signature-electronique states instead', async () => {
    const m = loadModel('occitanie-2019');
    const c = loadContractFile('fixtures/occitanie/cabinet-radiologie-eml.yaml');
    if (!m.ok || !c.ok) throw new Error('fixture');
    const manifest = { ...m.value.manifest, signature_electronique: { ancres: ['docusign' as const], champs: true } };
    const model = { ...m.value, manifest };
    const r = await renderContract(model, c.value, 'x', ['pdf'], { esignature: esignatureFor(manifest) });
    if (!r.ok) throw new Error('render');
    expect(r.value.esignature!.ancres).toEqual(['docusign']);
    expect(r.value.esignature!.fichiers.every((f) => f.zones.filter((z) => z.type === 'signature').every((z) => z.champ && z.ancres?.[0]?.startsWith('\\s')))).toBe(true);
  });

  it('generer: manifest.json lists every PDF file’s zones; the option adds anchors and fields; a wrong value is a usage error', async () => {
    const fixture = 'fixtures/occitanie/cabinet-radiologie-eml.yaml';
    const plain = join(root, 'plain');
    const r0 = await run('generer', fixture, '--format', 'pdf', '--sortie', plain);
    expect(r0.code, r0.err).toBe(0);
    const rec0 = esig(join(plain, 'cabinet-radiologie-eml'))!;
    expect(rec0.ancres).toEqual([]);
    expect(rec0.champs).toBe(false);
    expect(rec0.fichiers.map((f) => f.chemin)).toEqual(files(join(plain, 'cabinet-radiologie-eml')).filter((f) => f.endsWith('.pdf')));
    expect(rec0.fichiers.every((f) => f.zones.every((z) => !z.champ && !z.ancres))).toBe(true);

    const ready = join(root, 'ready');
    const r1 = await run('generer', fixture, '--format', 'pdf', '--sortie', ready, '--signature-electronique', 'yousign,champs');
    expect(r1.code, r1.err).toBe(0);
    const rec1 = esig(join(ready, 'cabinet-radiologie-eml'))!;
    expect(rec1.ancres).toEqual(['yousign']);
    expect(rec1.champs).toBe(true);
    const dossier = rec1.fichiers.find((f) => f.chemin.endsWith('dossier-complet.pdf'))!;
    expect(dossier.zones.filter((z) => z.type === 'signature').map((z) => z.ancres)).toEqual([
      ['{{s1|signature|233|83}}'],
      ['{{s2|signature|233|94}}'],
      ['{{s1|signature|357|83}}'],
      ['{{s2|signature|357|94}}'],
      ['{{s1|signature|357|83}}'],
      ['{{s2|signature|357|94}}'],
    ]);
    // The same rectangles as without the option: anchors and fields change nothing of the layout.
    expect(rec1.fichiers.map((f) => f.zones.map((z) => [z.page, z.rect]))).toEqual(rec0.fichiers.map((f) => f.zones.map((z) => [z.page, z.rect])));
    // Generated files verify (manifest hashes).
    expect((await run('verifier', '--sortie', join(ready, 'cabinet-radiologie-eml'))).code).toBe(0);

    const bad = join(root, 'bad');
    const r2 = await run('generer', fixture, '--format', 'pdf', '--sortie', bad, '--signature-electronique', 'adobe');
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/« adobe » inconnu/);
    expect(files(bad)).toEqual([]);
  });

  it('avenant: the option reaches the avenant’s PDFs and its manifest', async () => {
    const F = 'fixtures/avenants/idf-2021';
    const out = join(root, 'avenants');
    const r = await run('avenant', join(F, 'contrat.yaml'), join(F, 'avenant-1.yaml'), '--format', 'pdf', '--sortie', out, '--signature-electronique', 'iparapheur,champs');
    expect(r.code, r.err).toBe(0);
    const rec = esig(join(out, 'contrat', 'avenant-1'))!;
    expect(rec.ancres).toEqual(['iparapheur']);
    const sig = rec.fichiers.flatMap((f) => f.zones.filter((z) => z.type === 'signature'));
    expect(sig.length).toBeGreaterThan(0);
    expect(sig.every((z) => z.champ?.startsWith('Signature') && z.ancres?.[0] === '#signature#')).toBe(true);
  });
});
