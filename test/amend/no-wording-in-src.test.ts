// Legal wording lives in templates/, never in src/ (issue 12): a sweep of src/amend for string
// literals that read like French sentences (« est », « les », « l’… » followed by a word, or
// guillemets). Diagnostics (lines naming message / error / fail…) are user messages, not legal
// wording. What the avenant migration has not reached yet is listed below with its count: the
// list may only shrink — a new sentence in src/amend, or one more in a listed file, fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Still to move to templates/_avenant (see the report of issue 12): file → sentences left. */
const REMAINING: Readonly<Record<string, number>> = {
  // The tables of the financing, the PDS, the coopérations and the commitments outside the CPOM.
  'src/amend/document/wording-moyens.ts': 5,
  'src/amend/document/wording-nouvelles.ts': 4,
  // The avenant's frame (title, visas) and the consolidated version's labels.
  'src/amend/document/avenant.ts': 1,
  // An annex named in a sentence, for the consolidated version's table only (consolidated.ts).
  'src/amend/document/annexes.ts': 1,
  'src/amend/document/consolidated.ts': 3,
  'src/amend/document/marks.ts': 1,
  'src/amend/document/model-change.ts': 1,
  'src/amend/document/redline.ts': 1,
  'src/amend/describe.ts': 25,
  'src/amend/history.ts': 1,
  // Multi-line refusal messages (their « message » is on another line): diagnostics, not wording.
  'src/amend/apply.ts': 1,
  'src/amend/ops/cibles.ts': 2,
  'src/amend/ops/duree.ts': 5,
  'src/amend/ops/engagements.ts': 1,
  'src/amend/ops/financement.ts': 1,
  'src/amend/ops/listes.ts': 2,
  'src/amend/ops/moyens.ts': 2,
  'src/amend/ops/prorogation.ts': 3,
  'src/amend/ops/sites.ts': 6,
  'src/amend/sequence.ts': 1,
  'src/amend/together.ts': 2,
};

const LITERAL = /'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\\n]|\\.)*)"/g;
const PROSE = /(^|[\s(«’])(est|sont|le|la|les|du|des|au|aux|un|une|par|pour|ainsi|présent|l’\p{L}+|d’\p{L}+)\s+\p{L}/iu;
const DIAGNOSTIC = /doc:|message|error\(|err\(|warn|diag|hint|code:|throw|fail\(/i;

const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

/** Lines of a source file holding a string literal that reads like a French sentence. */
export function sentences(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*') || DIAGNOSTIC.test(line)) return;
    for (const m of line.matchAll(LITERAL)) {
      if (PROSE.test((m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' X '))) {
        out.push(i + 1);
        break;
      }
    }
  });
  return out;
}

describe('pas de rédaction juridique dans src/amend', () => {
  it('le détecteur reconnaît une phrase et laisse un message d’erreur', () => {
    expect(sentences("para('Les autres dispositions du contrat demeurent inchangées.')")).toEqual([1]);
    expect(sentences('env.error(`le site ${x} est fermé`, path)')).toEqual([]);
    expect(sentences("const k = 'engagements';")).toEqual([]);
  });

  it('aucune phrase nouvelle, et la liste de ce qui reste ne fait que diminuer', () => {
    const found: Record<string, number> = {};
    for (const f of walk(join(ROOT, 'src/amend')).filter((p) => p.endsWith('.ts'))) {
      const n = sentences(readFileSync(f, 'utf8')).length;
      if (n > 0) found[relative(ROOT, f).split('\\').join('/')] = n;
    }
    const over = Object.entries(found).filter(([f, n]) => n > (REMAINING[f] ?? 0));
    expect(over, 'phrases dans src/amend : déplacez-les dans templates/_avenant').toEqual([]);
  });
});
