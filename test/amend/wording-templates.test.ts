// The avenant's legal wording lives in templates/_avenant (issue 12): a shared default set that a
// model overrides file by file, checked statically by `cpom verifier` like the contract's
// documents (unknown variable → file:line:col), and listed by `cpom modeles --provenance`.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { parseAvenantText } from '../../src/amend/load.ts';
import { setText } from '../../src/amend/redline/text.ts';
import { allVersions } from '../../src/amend/versions.ts';
import { loadModel } from '../../src/templates/load.ts';
import { run } from '../helpers/cli.ts';
import { contractOf, dgosAvenant, rulesOf } from './helpers.ts';

/** A copy of dgos-2012 outside templates/, with the given files added under _avenant/. */
function modelWith(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cpom-avenant-')), 'dgos-2012');
  cpSync('templates/dgos-2012', dir, { recursive: true });
  mkdirSync(join(dir, '_avenant'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, '_avenant', name), text);
  return dir;
}

const PENALITES = dgosAvenant(`  - type: modifier_penalites
    penalites: null
`);

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

function avenantText(modelDir: string): string {
  const m = loadModel(modelDir);
  if (!m.ok) throw new Error(m.diagnostics.map((d) => d.message).join('\n'));
  const a = parseAvenantText(PENALITES, 'avenant-1.yaml');
  if (!a.ok) throw new Error(a.diagnostics.map((d) => d.message).join('\n'));
  const v = allVersions(contractOf('dgos-2012'), [a.value], { verifier: rulesOf('dgos-2012') });
  if (!v.ok) throw new Error(v.diagnostics.map((d) => d.message).join('\n'));
  const s = buildAvenantSet(m.value, v.value, 1);
  if (!s.ok) throw new Error(s.diagnostics.map((d) => d.message).join('\n'));
  return flat(setText(s.value));
}

describe('textes d’avenant (templates/_avenant)', () => {
  it('le texte commun s’applique, et un modèle le remplace par son propre _avenant/<nom>.md', () => {
    const common = avenantText('templates/dgos-2012');
    expect(common).toContain('Les stipulations du contrat relatives aux pénalités sont supprimées.');
    const own = avenantText(
      modelWith({ 'penalites.md': '### Article # – Sanctions\n\nLa clause de pénalités du contrat est abrogée à compter du {{ avenant.effet | date }}.\n' }),
    );
    expect(own).toContain('Article 1 – Sanctions');
    expect(own).toContain('La clause de pénalités du contrat est abrogée à compter du 1er février 2013.');
    expect(own).not.toContain('relatives aux pénalités sont supprimées');
    // The other texts stay the shared ones.
    expect(own).toContain('Les autres dispositions du contrat demeurent inchangées.');
  });

  it('cpom verifier signale une variable inconnue d’un texte d’avenant à sa ligne et sa colonne', async () => {
    const dir = modelWith({ 'prorogation.md': '### Article # – Prorogation\n\nLe contrat est prorogé de {{ op.prorogation_moi }} mois.\n' });
    const r = await run('verifier', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/_avenant\/prorogation\.md:3:\d+/);
    expect(r.err).toContain('prorogation_moi');
    expect(r.err).toMatch(/prorogation_mois/); // the « vouliez-vous dire » hint
  });

  it('cpom verifier signale un bloc non fermé et un fichier _avenant inconnu', async () => {
    const dir = modelWith({
      'penalites.md': '### Article # – Pénalités\n\n{% si existe(op.penalites) %}\nTexte.\n',
      'penalite.md': 'faute de frappe dans le nom du fichier\n',
    });
    const r = await run('verifier', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/_avenant\/penalites\.md:3:\d+/);
    expect(r.err).toContain('texte d’avenant inconnu « _avenant/penalite.md »');
  });

  it('un texte d’avenant qui lit le contrat est vérifié contre le schéma des données', async () => {
    const dir = modelWith({ 'cloture.md': '### Article # – Fin\n\nSigné pour {{ titulaire.raison_socile }}.\n' });
    const r = await run('verifier', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/_avenant\/cloture\.md:3:\d+/);
  });

  it('cpom modeles --provenance liste les textes d’avenant, communs ou propres au modèle', async () => {
    const r = await run('modeles', '--provenance');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('_avenant/prorogation.md : article de l’opération « proroger » (en années ou en mois) — reconstitue\n        Article # – Prorogation du contrat');
    expect(r.out).toContain('_avenant/remplacement-annexe.md : article d’une opération qui remplace une annexe');
  });
});
