import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { loadContractFile } from '../../src/model/load.ts';
import { finessFormatIssue, finessKeyIssue } from '../../src/model/finess.ts';

const dir = mkdtempSync(join(tmpdir(), 'cpom-data-'));
const BASE = `modele: dgos-2012
ars:
  nom: Agence Régionale de Santé Occitanie
  signataire: { civilite: Madame, prenom: Claire, nom: Martin, qualite: Directrice générale }
titulaire:
  raison_sociale: Centre hospitalier de Val-d'Orb
  finess_ej: "340000017"
  statut: public
  forme: etablissement_sante
  categorie: pluriactivite
  adresse: { voie: 2 avenue de la Gare, code_postal: "34600", commune: Bédarieux }
  representant: { civilite: Monsieur, prenom: Paul, nom: Durand, qualite: Directeur }
dates:
  effet: 2019-01-01
  duree_ans: 5
`;

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('contract files', () => {
  it('loads a valid YAML contract with defaults filled', () => {
    const r = loadContractFile(write('ok.yaml', BASE));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.engagements).toEqual([]);
  });

  it('reads JSON too, with line numbers', () => {
    const r = loadContractFile(write('bad.json', '{\n  "modele": "dgos-2012",\n  "ars": 12\n}'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const ars = r.diagnostics.find((d) => d.dataPath === 'ars');
    expect(ars).toMatchObject({ span: { start: { line: 3 } } });
    expect(ars!.message).toBe('objet (clés : valeurs) attendu, reçu 12 (nombre)');
  });

  it('names the path and line of a bad target value, as the issue asks', () => {
    const text = `${BASE}engagements:
  - numero: 1
    annexe: orientations_strategiques
    objectif_operationnel: Développer l'HDJ
    indicateurs:
      - libelle: Venues
        cibles: { N+1: 900, N+3: beaucoup }
`;
    const r = loadContractFile(write('cible.yaml', text));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.dataPath).toBe('engagements[0].indicateurs[0].cibles.N+3');
    expect(d.message).toMatch(/^nombre, pourcentage ou « oui »\/« non » attendu, reçu « beaucoup »/);
    expect(d.span?.start.line).toBe(22);
    expect(formatDiagnostic(d)).toContain('cible.yaml:22:');
  });

  it('rejects a misspelt key with a suggestion, at the key', () => {
    const r = loadContractFile(write('cle.yaml', BASE.replace('raison_sociale:', 'raison_socaile:')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const unknown = r.diagnostics.find((d) => d.code === 'DONNEES-CLE-INCONNUE')!;
    expect(unknown).toMatchObject({ dataPath: 'titulaire.raison_socaile', hints: ['vouliez-vous dire « raison_sociale » ?'], span: { start: { line: 6, column: 3 } } });
    expect(r.diagnostics.find((d) => d.dataPath === 'titulaire.raison_sociale')!.message).toMatch(/champ obligatoire manquant/);
  });

  it('explains an unquoted FINESS, a bad date and a YAML syntax error in French', () => {
    const unquoted = loadContractFile(write('f.yaml', BASE.replace('"340000017"', '340000017')));
    expect(!unquoted.ok && unquoted.diagnostics[0]!.message).toMatch(/entre guillemets/);
    const date = loadContractFile(write('d.yaml', BASE.replace('effet: 2019-01-01', 'effet: 2019-02-30')));
    expect(!date.ok && date.diagnostics[0]).toMatchObject({ dataPath: 'dates.effet', message: 'date inexistante « 2019-02-30 »' });
    const syntax = loadContractFile(write('s.yaml', `${BASE}  - oops: [\n`));
    expect(!syntax.ok && syntax.diagnostics[0]!.message).toMatch(/^syntaxe YAML\/JSON invalide/);
  });

  it('reports a missing file without throwing', () => {
    const r = loadContractFile(join(dir, 'absent.yaml'));
    expect(!r.ok && r.diagnostics[0]!.message).toMatch(/impossible de lire/);
  });

  it('warns (not fails) when only the FINESS key is off', () => {
    const r = loadContractFile(write('k.yaml', BASE.replace('"340000017"', '"340000018"')));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatchObject({ severity: 'avertissement', code: 'DONNEES-FINESS-CLE', dataPath: 'titulaire.finess_ej' });
  });

  it('refuses duplicate engagement numbers', () => {
    const eng = `engagements:\n  - { numero: 1, annexe: a, objectif_operationnel: x }\n  - { numero: 1, annexe: a, objectif_operationnel: y }\n`;
    const r = loadContractFile(write('dup.yaml', BASE + eng));
    expect(!r.ok && r.diagnostics[0]).toMatchObject({ code: 'DONNEES-DOUBLON', dataPath: 'engagements[1].numero' });
  });
});

describe('FINESS', () => {
  it('checks the format: département then digits', () => {
    expect(finessFormatIssue('340000017')).toBeUndefined();
    expect(finessFormatIssue('2A0000014')).toBeUndefined();
    expect(finessFormatIssue('34000001')).toMatch(/9 caractères/);
    expect(finessFormatIssue('990000017')).toMatch(/code département/);
    expect(finessFormatIssue('34A000017')).toMatch(/code département/);
  });

  it('checks the Luhn key on real-looking numbers', () => {
    expect(finessKeyIssue('750712184')).toBeUndefined();
    expect(finessKeyIssue('750712185')).toMatch(/clé 4 attendue/);
  });
});
