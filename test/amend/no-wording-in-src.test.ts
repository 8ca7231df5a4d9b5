// Legal wording lives in templates/, never in src/ (issue 12): every string literal of src/amend
// that reads like a French sentence and is not a diagnostic (see wording-sentences.ts) fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentences } from './wording-sentences.ts';

const ROOT = join(import.meta.dirname, '../..');

const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

describe('pas de rédaction juridique dans src/amend', () => {
  it('le détecteur reconnaît une phrase et laisse un message d’erreur', () => {
    expect(sentences("para('Les autres dispositions du contrat demeurent inchangées.')")).toEqual([1]);
    expect(sentences('const t = `Le site ${x} est fermé.`;')).toEqual([1]);
    expect(sentences('env.error(`le site ${x} est fermé`, path)')).toEqual([]);
    expect(sentences('env.error(\n  `le site ${x} est fermé`,\n  path,\n)')).toEqual([]);
    expect(sentences("const d = { code: 'X', message: 'la date est postérieure à la fin' };")).toEqual([]);
    expect(sentences("/** @message */\nfunction f() { return ['l’engagement n° 3 est cité']; }")).toEqual([]);
    expect(sentences("const k = 'engagements';")).toEqual([]);
  });

  it('aucune phrase dans src/amend : tout le texte des avenants est dans templates/_avenant', () => {
    const found: Record<string, number> = {};
    for (const f of walk(join(ROOT, 'src/amend')).filter((p) => p.endsWith('.ts'))) {
      const n = sentences(readFileSync(f, 'utf8'), f).length;
      if (n > 0) found[relative(ROOT, f).split('\\').join('/')] = n;
    }
    expect(found, 'phrases dans src/amend : déplacez-les dans templates/_avenant').toEqual({});
  });
});
