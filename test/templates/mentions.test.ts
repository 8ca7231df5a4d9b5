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

  describe('le _mentions.yaml d’une bibliothèque ne donne que les textes qu’elle rédige autrement', () => {
    const library = (text: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'cpom-mentions-bib-'));
      writeFileSync(join(dir, MENTIONS_FILE), text);
      return loadMentions(TEMPLATES_ROOT, read, rootScope(), dir);
    };
    const plain = (nodes: readonly { kind: string; text?: string }[]) => nodes.map((n) => n.text ?? '').join('');

    it('un texte donné remplace celui du moteur ; les autres restent ceux du moteur, situés dans leur fichier', () => {
      const r = library('texte_reconstitue:\n  mention: "Texte de l’agence, à valider"\n');
      expect(r.ok, JSON.stringify(!r.ok && r.diagnostics)).toBe(true);
      if (!r.ok) return;
      expect(plain(r.value.reconstitue.mention as never)).toBe('Texte de l’agence, à valider');
      expect(plain(r.value.communicable.occultation as never)).toBe('[occulté — art. L. 311-6 CRPA]');
    });

    it('une clé inconnue reste une erreur ; une partie que le moteur ne connaît pas doit avoir ses deux textes', () => {
      const typo = library('texte_reconstitue:\n  mentoin: "x"\n');
      expect(!typo.ok && typo.diagnostics.map((d) => d.code)).toEqual(['DONNEES-CLE-INCONNUE']);
      expect(!typo.ok && typo.diagnostics[0]!.span?.file).toMatch(/cpom-mentions-bib-.*_mentions\.yaml$/);
      const party = library('version_consolidee:\n  signatures:\n    parties:\n      cotitulaire:\n        colonne: "Pour le cotitulaire"\n');
      expect(party.ok).toBe(false);
      expect(!party.ok && party.diagnostics.map((d) => d.message).join('\n')).toContain('parties.cotitulaire.signataire manque');
    });
  });
});
