// templates/_mentions.yaml is legal wording edited by hand: a mistake in it is reported with the
// file, line and column, like a mistake in a template, and no model loads until it is fixed.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootScope, TEMPLATES_ROOT } from '../../src/templates/load.ts';
import { loadMentions, MENTIONS_FILE } from '../../src/templates/mentions.ts';

const read = (p: string) => readFileSync(p, 'utf8');
function withMentions(edit: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'cpom-mentions-'));
  copyFileSync(join(TEMPLATES_ROOT, MENTIONS_FILE), join(dir, MENTIONS_FILE));
  writeFileSync(join(dir, MENTIONS_FILE), edit(read(join(dir, MENTIONS_FILE))));
  return loadMentions(dir, read, rootScope());
}

describe('templates/_mentions.yaml', () => {
  it('se charge et se vérifie', () => {
    const r = withMentions((t) => t);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('un champ inconnu dans une mention est une erreur située', () => {
    const r = withMentions((t) => t.replace('{{ titulaire.representant.qualite }}', '{{ titulaire.representant.qualitee }}'));
    expect(r.ok).toBe(false);
    const d = !r.ok ? r.diagnostics[0]! : undefined;
    expect(d?.code).toBe('DSL-CHAMP-INCONNU');
    expect(d?.span?.file).toMatch(/_mentions\.yaml$/);
    expect(d?.span?.start.line).toBeGreaterThan(1);
  });

  it('une clé inconnue ou manquante est une erreur du fichier', () => {
    const r = withMentions((t) => t.replace('  mention: "Texte reconstitué', '  mentoin: "Texte reconstitué'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map((d) => d.code)).toContain('MODELE-MENTIONS');
    const missing = loadMentions(mkdtempSync(join(tmpdir(), 'cpom-mentions-')), read, rootScope());
    expect(!missing.ok && missing.diagnostics[0]!.message).toMatch(/fichier des mentions introuvable/);
  });
});
