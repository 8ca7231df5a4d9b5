// The metadata an avenant and a comparison write (PDF Subject / Title, DOCX core properties) are
// worded in templates/ like the rest (issue 12): the avenant's subject in the frame template
// (templates/_avenant/avenant.md, partie « sujet »), the comparison's title in
// templates/_mentions.yaml (comparaison.titre). Same words as the engine wrote before.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildRedlineSet } from '../../src/amend/document/redline.ts';
import type { Result } from '../../src/diagnostics/diagnostic.ts';
import { loadModel } from '../../src/templates/load.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { hasPoppler, pdfInfo } from '../helpers/poppler.ts';
import { modelOf, versionsOf } from './helpers.ts';

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('métadonnées des avenants et des comparaisons', () => {
  it('le titre d’une comparaison vient de _mentions.yaml (comparaison.titre), selon la version de départ', () => {
    const v = versionsOf('dgos-2012');
    // « CPOM 2012-2017 — Centre hospitalier … — modifications … »: the contract's title (as in version i), then the mention.
    const title = (i: number, j: number, model = modelOf('dgos-2012')) => plain(must(buildRedlineSet(model, v, i, j)).meta.title).split(' — ');
    expect(title(0, 1)).toEqual(['CPOM 2012-2017', 'Centre hospitalier des Monts-d’Or', 'modifications du contrat initial à la version 1']);
    expect(title(1, 3).slice(1)).toEqual(['Centre hospitalier des Monts-d’Or', 'modifications de la version intégrant l’avenant n° 1 à la version 3']);
    expect(title(2, 3).slice(1)).toEqual(['Centre hospitalier des Monts-d’Or', 'modifications de la version intégrant les avenants n° 1 à 2 à la version 3']);
    // A library's own _mentions.yaml words it otherwise.
    const lib = mkdtempSync(join(tmpdir(), 'cpom-mentions-'));
    cpSync('templates/dgos-2012', join(lib, 'dgos-2012'), { recursive: true });
    const mentions = readFileSync('templates/_mentions.yaml', 'utf8').replace(/^( {2}titre: ).*$/m, '$1"écarts entre les versions {{ comparaison.de }} et {{ comparaison.a }}"');
    writeFileSync(join(lib, '_mentions.yaml'), mentions);
    const own = must(loadModel(join(lib, 'dgos-2012')));
    expect(title(0, 2, own)).toEqual(['CPOM 2012-2017', 'Centre hospitalier des Monts-d’Or', 'écarts entre les versions 0 et 2']);
  });

  it.runIf(hasPoppler())('le PDF d’un avenant porte le sujet du gabarit d’avenant (pdfinfo)', async () => {
    const set = must(buildAvenantSet(modelOf('dgos-2012'), versionsOf('dgos-2012'), 2));
    expect(set.meta.subject).toBe('Avenant au contrat pluriannuel d’objectifs et de moyens');
    const { combined } = await renderPdfFiles(set);
    expect(pdfInfo(combined).Subject).toBe('Avenant au contrat pluriannuel d’objectifs et de moyens');
    // A model's own avenant.md words it otherwise.
    const dir = join(mkdtempSync(join(tmpdir(), 'cpom-sujet-')), 'dgos-2012');
    cpSync('templates/dgos-2012', dir, { recursive: true });
    mkdirSync(join(dir, '_avenant'));
    writeFileSync(join(dir, '_avenant', 'avenant.md'), readFileSync('templates/_avenant/avenant.md', 'utf8').replace('\nAvenant au contrat pluriannuel d’objectifs et de moyens\n', '\nAvenant n° {{ avenant.numero }} au CPOM\n'));
    expect(must(buildAvenantSet(must(loadModel(dir)), versionsOf('dgos-2012'), 2)).meta.subject).toBe('Avenant n° 2 au CPOM');
  });
});
