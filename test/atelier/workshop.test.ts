// The warm workshop: recompiling only the changed document gives exactly the PDF a fresh full
// load gives; a broken document keeps the last good model (stale preview) with the error at its
// line; a buffer is checked without touching the disk.
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuffer } from '../../src/atelier/compile.ts';
import { FIXTURES_ROOT } from '../../src/atelier/library.ts';
import { Workshop } from '../../src/atelier/workshop.ts';
import { TEMPLATES_ROOT } from '../../src/templates/load.ts';

const CHU = join(FIXTURES_ROOT, 'dgos', 'chu-public.yaml');

function copy(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'cpom-atelier-w-')));
  cpSync(join(TEMPLATES_ROOT, 'dgos-2012'), join(root, 'dgos-2012'), { recursive: true });
  return root;
}

describe('atelier workshop', () => {
  it('renders after an incremental recompile exactly what a full load renders', async () => {
    const root = copy();
    const warm = new Workshop(root);
    const before = await warm.render('dgos-2012', CHU);
    expect(before.errors).toEqual([]);
    expect(before.pages).toBeGreaterThanOrEqual(20);
    const annexe = join(root, 'dgos-2012', 'annexe-03.md');
    writeFileSync(annexe, `${readFileSync(annexe, 'utf8')}\nParagraphe ajouté dans l’atelier pour {{ titulaire.raison_sociale }}.\n`);
    warm.fileChanged(annexe);
    const after = await warm.render('dgos-2012', CHU);
    const fresh = await new Workshop(root).render('dgos-2012', CHU);
    expect(after.sha256).not.toBe(before.sha256);
    expect(after.sha256).toBe(fresh.sha256);
    expect(after.documents).toEqual(fresh.documents);
  });

  it('keeps the last good model while a document is broken, and says where', async () => {
    const root = copy();
    const w = new Workshop(root);
    const good = await w.render('dgos-2012', CHU);
    const socle = join(root, 'dgos-2012', 'socle.md');
    const text = readFileSync(socle, 'utf8');
    writeFileSync(socle, text.replace('Entre,', 'Entre, {{ titulaire.inconnu }}'));
    w.fileChanged(socle);
    const stale = await w.render('dgos-2012', CHU);
    expect(stale.sha256).toBe(good.sha256);
    expect(stale.errors.map((d) => [d.code, d.span?.file, d.span?.start.line])).toEqual([['DSL-CHAMP-INCONNU', socle, text.split('\n').findIndex((l) => l === 'Entre,') + 1]]);
    writeFileSync(socle, text);
    w.fileChanged(socle);
    const back = await w.render('dgos-2012', CHU);
    expect(back.errors).toEqual([]);
    expect(back.sha256).toBe(good.sha256);
  });

  it('reloads the whole model when the manifest changes', async () => {
    const root = copy();
    const w = new Workshop(root);
    await w.render('dgos-2012', CHU);
    const manifest = join(root, 'dgos-2012', 'modele.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^titre: .*$/m, 'titre: [ouvert'));
    w.fileChanged(manifest);
    const r = await w.render('dgos-2012', CHU);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]!.span?.file).toBe(manifest);
  });

  it('checks an unsaved buffer, a fragment through the documents that include it', async () => {
    const root = copy();
    const w = new Workshop(root);
    const model = w.state('dgos-2012').good!;
    const fragment = join(root, 'dgos-2012', '_commun-objectifs.md');
    const text = readFileSync(fragment, 'utf8');
    const d = checkBuffer(model, fragment, `${text}\n{{ contrat.inexistant }}\n`);
    expect(d.map((x) => [x.code, x.span?.start.line])).toEqual([['DSL-CHAMP-INCONNU', text.split('\n').length + 1]]);
    expect(checkBuffer(model, fragment, text)).toEqual([]);
    expect(readFileSync(fragment, 'utf8')).toBe(text);
  });
});
