// The DGOS model's behaviour on real data: which annexes each kind of holder gets, what the
// conditional texts print, and that every rule of modele.yaml fires on the one defect it is
// about (and stays silent on the three reference fixtures).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { applicableDocuments, buildDocumentSet } from '../../src/eval/build.ts';
import type { Contract } from '../../src/model/contract.ts';
import { loadContractFile } from '../../src/model/load.ts';
import { loadModel, type Model } from '../../src/templates/load.ts';
import { checkContract } from '../../src/templates/rules.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function model(): Model {
  const m = loadModel('dgos-2012');
  if (!m.ok) throw new Error(`dgos-2012 invalide : ${m.diagnostics.map((d) => d.message).join(' ; ')}`);
  return m.value;
}

function fixture(name: string): Contract {
  const r = loadContractFile(join(ROOT, 'fixtures', 'dgos', `${name}.yaml`));
  if (!r.ok) throw new Error(`${name} invalide : ${r.diagnostics.map((d) => d.message).join(' ; ')}`);
  return r.value;
}

/** A deep copy to mutate: rule tests feed the checker data the schema would also accept. */
function variant(name: string, change: (c: Contract & Record<string, unknown>) => void): Contract {
  const c = structuredClone(fixture(name)) as Contract & Record<string, unknown>;
  change(c);
  return c;
}

const INLINE = new Set(['text', 'ref', 'break', 'field']);

/** Every line of text of a built document (paragraphs, headings, cells, signatures). */
function lines(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    if (node.length && node.every((n) => n && typeof n === 'object' && INLINE.has((n as { type: string }).type))) {
      out.push(node.map((n: { text?: string }) => n.text ?? '').join(''));
    } else for (const n of node) lines(n, out);
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node)) lines(v, out);
  } else if (typeof node === 'string') out.push(node);
  return out;
}

function documentText(c: Contract, id: string): string {
  const built = buildDocumentSet(model(), c);
  if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join(' ; '));
  const doc = built.value.documents.find((d) => d.id === id);
  if (!doc) throw new Error(`document ${id} absent`);
  return lines(doc.blocks).join('\n').replace(/[\u00A0\u202F]/g, ' ');
}

const ids = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity}:${d.code}`).sort();

describe('modèle DGOS 2012-2017 : annexes produites selon le titulaire', () => {
  const all = model().documents.map((d) => d.entry.id);

  it('CHU public : le socle et les onze annexes', () => {
    expect(applicableDocuments(model(), fixture('chu-public'))).toEqual(all);
  });

  // Annexes 7 to 10: « Tous les établissements de santé » (seed 001, lines 1586-1598), data or
  // not; Annexe 11: the list the decree requires in every contract (line 413).
  it('clinique privée : toutes les annexes sauf les ressources humaines, 9 à 11 comprises sans données', () => {
    expect(applicableDocuments(model(), fixture('clinique-privee-chirurgie'))).toEqual(all.filter((id) => id !== 'annexe-06-ressources-humaines'));
  });

  it('établissement de santé sans aucune donnée d’annexe : annexes 7 à 11 quand même', () => {
    const nu = variant('clinique-privee-chirurgie', (c) => {
      c.autorisations = [];
      c.engagements = c.engagements.filter((e) => !['autorisations', 'pilotage_activite', 'volumes_activite'].includes(e.annexe));
      c.financements.dotations = [];
    });
    const docs = applicableDocuments(model(), nu);
    for (const id of ['annexe-07-autorisations', 'annexe-08-financement', 'annexe-09-missions-service-public', 'annexe-10-reconnaissances', 'annexe-11-engagements-hors-cpom']) {
      expect(docs).toContain(id);
    }
  });

  it('cabinet de radiologie (EML) : CPOM a minima, socle, annexe 7 et liste des engagements hors CPOM', () => {
    expect(applicableDocuments(model(), fixture('cabinet-radiologie-eml'))).toEqual(['socle', 'annexe-07-autorisations', 'annexe-11-engagements-hors-cpom']);
  });

  it('annexe 5 : publics et ESPIC ; un privé lucratif seulement par son volet systèmes d’information', () => {
    const espic = variant('chu-public', (c) => (c.titulaire.statut = 'espic'));
    expect(applicableDocuments(model(), espic)).toContain('annexe-05-pilotage-interne');
    expect(applicableDocuments(model(), espic)).not.toContain('annexe-06-ressources-humaines');
    const prive = variant('clinique-privee-chirurgie', (c) => (c.engagements = c.engagements.filter((e) => e.annexe !== 'pilotage_interne')));
    expect(applicableDocuments(model(), prive)).not.toContain('annexe-05-pilotage-interne');
  });

  it('annexe 4 : seulement avec une autorisation de chirurgie', () => {
    const sansChir = variant('clinique-privee-chirurgie', (c) => {
      c.titulaire.activites = ['medecine'];
      c.engagements = c.engagements.filter((e) => e.annexe !== 'chirurgie_ambulatoire');
    });
    expect(applicableDocuments(model(), sansChir)).not.toContain('annexe-04-chirurgie-ambulatoire');
  });
});

describe('modèle DGOS 2012-2017 : textes conditionnels et valeurs', () => {
  it('visa du conseil de surveillance pour un établissement public qui a recueilli l’avis, et lui seul', () => {
    expect(documentText(fixture('chu-public'), 'socle')).toContain('Vu l’avis du conseil de surveillance en date du 15 juin 2012');
    const espic = variant('chu-public', (c) => (c.titulaire.statut = 'espic'));
    expect(documentText(espic, 'socle')).not.toContain('conseil de surveillance');
    const sansAvis = variant('chu-public', (c) => (c.avis.conseil_surveillance = null));
    expect(documentText(sansAvis, 'socle')).not.toContain('conseil de surveillance');
  });

  it('socle : parties, orientations numérotées, régime des pénalités, durée et signatures', () => {
    const t = documentText(fixture('chu-public'), 'socle');
    expect(t).toContain('L’Agence régionale de santé de Midi-Pyrénées');
    expect(t).toContain('L’établissement Centre hospitalier universitaire de Garonne,');
    expect(t).toContain('Orientation n° 2 : Structurer la filière gériatrique');
    expect(t).toContain('dans la limite de 5 % des produits reçus');
    expect(t).not.toContain('[il revient aux cocontractants');
    expect(t).toContain('Le contrat est conclu pour une durée de 5 ans.');
    expect(t).toContain('Il prendra effet à compter du 1er juillet 2012');
    expect(t).toContain('Fait à Toulouse, le 29 juin 2012');
    expect(t).toContain('Hélène Vidal-Castaing');
  });

  it('contrat non signé : lieu et date en pointillés', () => {
    expect(documentText(fixture('cabinet-radiologie-eml'), 'socle')).toContain('Fait à ……………, le ……………');
  });

  it('le texte saisi ressort intact, caractères spéciaux et émoji compris', () => {
    const t = documentText(fixture('chu-public'), 'annexe-03-qualite-securite');
    expect(t).toContain('Score « recommandation » & accueil <urgences> : patients "très" satisfaits de l\'accueil ]]> 🙂');
  });

  it('tableaux vides : une ligne « Néant »', () => {
    const t = documentText(fixture('cabinet-radiologie-eml'), 'annexe-07-autorisations');
    expect(t.split('\n').filter((l) => l === 'Néant')).toHaveLength(2);
    expect(t).toContain('Équipement matériel lourd – IRM 1,5 T (n° 2011-RA-1187)');
  });

  it('annexes 8 à 10 sans données : un bloc aux blancs du modèle ; annexe 11 vide : « Néant »', () => {
    const clinique = fixture('clinique-privee-chirurgie');
    const a9 = documentText(clinique, 'annexe-09-missions-service-public');
    expect(a9).toContain('assurer la mission de service public de ……………. Ces obligations');
    expect(a9).toMatch(/Rappel du périmètre de la mission\n(?:[a-z]+\n)*……………\n/);
    expect(a9).toContain('Critères de compensation');
    const a10 = documentText(clinique, 'annexe-10-reconnaissances');
    expect(a10).toMatch(/Nom de l’unité\n(?:[a-z]+\n)*……………\n/);
    expect(a10).toMatch(/Date d’effet de la reconnaissance\n(?:[a-z]+\n)*……………\n/);
    expect(a10).toContain('Objectif fixé à l’établissement');
    const a11 = documentText(clinique, 'annexe-11-engagements-hors-cpom');
    expect(a11.split('\n')).toContain('Néant');
    const sansDotation = variant('chu-public', (c) => (c.financements.dotations = []));
    const a8 = documentText(sansDotation, 'annexe-08-financement');
    expect(a8).toMatch(/Montant annuel indicatif\n(?:[a-z]+\n)*…………… \(à titre purement indicatif\)\n/);
    expect(a8).toMatch(/Dotation déléguée le\n(?:[a-z]+\n)*……………\n/);
    expect(a8.split('\n')).not.toContain('Néant.');
  });

  it('financement : montant à titre purement indicatif ; missions : libellé légal de la mission', () => {
    expect(documentText(fixture('chu-public'), 'annexe-08-financement')).toContain('180 000,00 € (à titre purement indicatif)');
    expect(documentText(fixture('chu-public'), 'annexe-09-missions-service-public')).toContain(
      'la mission de service public de « La permanence des soins ».',
    );
  });
});

describe('modèle DGOS 2012-2017 : règles', () => {
  // The CHU and the clinic are signed a few days before they take effect, for five years: they
  // end past « cinq ans à compter de sa signature » (DGOS-DUREE-SIGNATURE); the unsigned cabinet
  // counts from its date of effect.
  it('les contrats de référence : seulement la durée comptée de la signature et les annexes 9 et 10 aux blancs de la clinique', () => {
    expect(checkContract(model(), fixture('cabinet-radiologie-eml'))).toEqual([]);
    const chu = checkContract(model(), fixture('chu-public'));
    expect(ids(chu)).toEqual(['avertissement:DGOS-DUREE-SIGNATURE']);
    expect(chu[0]!.message.replace(/[\u00A0\u202F]/g, ' ')).toContain('le contrat prend fin le 30 juin 2017, plus de cinq ans après sa signature le 29 juin 2012 (au plus tard le 28 juin 2017)');
    expect(ids(checkContract(model(), fixture('clinique-privee-chirurgie')))).toEqual([
      'avertissement:DGOS-ANNEXE-10-BLANCS',
      'avertissement:DGOS-ANNEXE-9-BLANCS',
      'avertissement:DGOS-DUREE-SIGNATURE',
    ]);
    const signeLeJourDEffet = variant('chu-public', (c) => (c.dates.signature!.date = '2012-07-01'));
    expect(checkContract(model(), signeLeJourDEffet)).toEqual([]);
  });

  const extra = (c: Contract, n: number) => ({ ...structuredClone(c.engagements[0]!), numero: n });
  // A shorter contract also makes funding lines outlast it (DGOS-FINANCEMENT-DUREE): isolate.
  const shorter = (name: string, years: number) =>
    variant(name, (c) => {
      c.dates.duree_ans = years;
      for (const d of c.financements.dotations) delete d.fin;
    });
  const cases: [string, string, () => Contract, string?][] = [
    ['erreur:DGOS-DUREE-MSP', 'missions de service public et 4 ans', () => shorter('chu-public', 4), 'dates.duree_ans'],
    ['avertissement:DGOS-DUREE-CINQ-ANS', 'trois ans sans mission', () => shorter('clinique-privee-chirurgie', 3)],
    ['erreur:DGOS-DUREE-MAXIMALE', 'six ans', () => variant('clinique-privee-chirurgie', (c) => (c.dates.duree_ans = 6))],
    ['erreur:DGOS-FINANCEMENT-DUREE', 'aide au-delà du contrat', () => variant('chu-public', (c) => (c.financements.dotations[2]!.fin = '2018-12-31')), 'financements.dotations[2].fin'],
    ['erreur:DGOS-MIGAC-PRIVE-LUCRATIF', 'MIG pour une clinique', () => variant('clinique-privee-chirurgie', (c) => c.financements.dotations.push({ nature: 'MIG', libelle: 'Équipe mobile', montant: 1000 }))],
    ['erreur:DGOS-FINESS-RATTACHEMENT', 'FINESS étranger au contrat', () => variant('chu-public', (c) => (c.engagements[0]!.finess = '310780994')), 'engagements[0].finess'],
    ['erreur:DGOS-CHIRURGIE-AMBULATOIRE', 'chirurgie ambulatoire sans chirurgie', () => variant('cabinet-radiologie-eml', (c) => (c.engagements[0]!.annexe = 'chirurgie_ambulatoire'))],
    ['erreur:DGOS-RH-PUBLIC', 'ressources humaines dans le privé', () => variant('clinique-privee-chirurgie', (c) => (c.engagements[0]!.annexe = 'ressources_humaines'))],
    ['avertissement:DGOS-AUTORISATION-CITEE', 'objectif d’annexe 7 sans ARHGOS', () => variant('cabinet-radiologie-eml', (c) => delete c.engagements[0]!.autorisations)],
    ['erreur:DGOS-RC-CITEE', 'objectif d’annexe 10 sans RC', () => variant('chu-public', (c) => delete c.engagements[12]!.reconnaissances)],
    ['avertissement:DGOS-INDICATEURS-20-25', '26 objectifs à un indicateur', () => variant('clinique-privee-chirurgie', (c) => { for (let n = 6; n <= 26; n++) c.engagements.push(extra(c, n)); })],
    ['avertissement:DGOS-INDICATEURS-PAR-THEME', 'trois indicateurs pour un objectif', () => variant('cabinet-radiologie-eml', (c) => { const i = c.engagements[0]!.indicateurs[0]!; c.engagements[0]!.indicateurs.push({ ...i }, { ...i }); }), 'engagements[0].indicateurs'],
    ['avertissement:DGOS-PENALITES', 'pas de régime de pénalités', () => variant('cabinet-radiologie-eml', (c) => delete c.penalites)],
    ['avertissement:DGOS-VISA-PRS', 'date du PRS absente', () => variant('cabinet-radiologie-eml', (c) => delete c.ars.prs_adoption)],
    ['avertissement:DGOS-CONFERENCE-MEDICALE', 'clinique sans avis de la conférence médicale', () => variant('clinique-privee-chirurgie', (c) => (c.avis.conference_medicale = null))],
    ['avertissement:DGOS-ANNEXE-7-BLANCS', 'CHU sans autorisation ni objectif d’activité', () => variant('chu-public', (c) => { c.autorisations = []; c.engagements = c.engagements.filter((e) => !['autorisations', 'pilotage_activite', 'volumes_activite'].includes(e.annexe) && !e.autorisations?.length); }), 'autorisations'],
    ['avertissement:DGOS-ANNEXE-8-BLANCS', 'CHU sans dotation', () => variant('chu-public', (c) => (c.financements.dotations = [])), 'financements.dotations'],
    ['avertissement:DGOS-ANNEXE-9-BLANCS', 'CHU sans mission de service public', () => variant('chu-public', (c) => (c.missions_service_public = [])), 'missions_service_public'],
    ['avertissement:DGOS-ANNEXE-10-BLANCS', 'CHU sans reconnaissance', () => variant('chu-public', (c) => { c.reconnaissances = []; c.engagements = c.engagements.filter((e) => e.annexe !== 'reconnaissances'); }), 'reconnaissances'],
    ['avertissement:DGOS-DUREE-SIGNATURE', 'signé six mois avant sa date d’effet', () => variant('cabinet-radiologie-eml', (c) => (c.dates.signature = { lieu: 'Lyon', date: '2012-07-02' })), 'dates'],
    ['avertissement:DGOS-TARIFS-OQN', 'tarifs OQN non repris', () => variant('clinique-privee-chirurgie', (c) => c.financements.tarifs_oqn.push({ discipline: 'SSR', prestation: 'PJ', tarif: 180 }))],
  ];

  // What the reference contracts already fire (pinned above): their variants, and the bad
  // fixtures made from them, are judged on the other rules.
  const BASELINE = new Set(['DGOS-ANNEXE-9-BLANCS', 'DGOS-ANNEXE-10-BLANCS', 'DGOS-DUREE-SIGNATURE']);
  const beyondBaseline = (expected: string) => (d: Diagnostic) => expected.endsWith(`:${d.code}`) || !BASELINE.has(d.code);
  const assertFires = (expected: string, make: () => Contract, path?: string) => {
    const diags = checkContract(model(), make()).filter(beyondBaseline(expected));
    expect(ids(diags)).toEqual([expected]);
    const d = diags[0]!;
    expect(d.source?.fichier).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
    if (path) expect(d.dataPath).toBe(path);
  };

  it.each(cases)('%s : %s', (expected, _label, make, path) => assertFires(expected, make, path));

  // Contracts in fixtures/bad/ named dgos-*.yaml, first line "# RULE-ID : why": each breaks that
  // rule and no other.
  const BAD = join(ROOT, 'fixtures', 'bad');
  const badFixtures = readdirSync(BAD)
    .filter((f) => /^dgos-.*\.yaml$/.test(f))
    .sort()
    .map((file) => {
      const id = /^#\s*([A-Z0-9][A-Z0-9-]*)\s/.exec(readFileSync(join(BAD, file), 'utf8').split('\n')[0] ?? '')?.[1];
      if (!id) throw new Error(`${file} : la première ligne doit nommer la règle (« # ID : … »)`);
      return { file, id };
    });

  it.for(badFixtures)('$file viole $id, et seulement elle', ({ file, id }) => {
    const r = loadContractFile(join(BAD, file));
    if (!r.ok) throw new Error(`${file} invalide : ${r.diagnostics.map((d) => d.message).join(' ; ')}`);
    const rule = model().manifest.regles.find((x) => x.id === id);
    expect(rule, `${id} déclarée dans le manifeste`).toBeDefined();
    const diags = [...r.warnings, ...checkContract(model(), r.value)].filter(beyondBaseline(`:${id}`));
    expect(ids(diags)).toEqual([`${rule!.niveau}:${id}`]);
    expect(diags[0]!.source).toEqual(rule!.source);
    expect(diags[0]!.dataPath).toBeTruthy();
  });

  it('compte les indicateurs et non les objectifs : 25 indicateurs passent, 26 non', () => {
    const r = loadContractFile(join(BAD, 'dgos-indicateurs-20-25.yaml'));
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join(' ; '));
    const c = structuredClone(r.value);
    c.engagements[0]!.indicateurs.pop();
    expect(checkContract(model(), c).filter(beyondBaseline(''))).toEqual([]);
  });

  it('une reconnaissance ou une autorisation citée et inscrite au contrat ne déclenche rien, même à plusieurs', () => {
    const c = variant('chu-public', (x) => {
      x.engagements[8]!.autorisations = ['2011-MP-0233', '2009-MP-0412'];
      x.engagements[13]!.reconnaissances = [2, 1];
    });
    expect(checkContract(model(), c).filter(beyondBaseline(''))).toEqual([]);
    const dup = variant('chu-public', (x) => (x.engagements[13]!.reconnaissances = [2, 2]));
    expect(ids(checkContract(model(), dup).filter(beyondBaseline('')))).toEqual(['erreur:DGOS-RC-CITEE-EXISTE']);
  });

  it('plafond des pénalités : 5 % exactement passent ; sans les produits ou sans le montant, rien n’est contrôlé', () => {
    const r = loadContractFile(join(BAD, 'dgos-penalites-plafond.yaml'));
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join(' ; '));
    const atCap = structuredClone(r.value);
    atCap.penalites_montant_max = 2500000;
    expect(checkContract(model(), atCap).filter(beyondBaseline(''))).toEqual([]);
    const noIncome = structuredClone(r.value);
    delete noIncome.titulaire.produits_assurance_maladie;
    expect(checkContract(model(), noIncome).filter(beyondBaseline(''))).toEqual([]);
  });

  it('avis d’instance : le jour même de la signature passe ; un contrat non signé n’est pas contrôlé', () => {
    const sameDay = variant('chu-public', (c) => (c.avis.cme = '2012-06-29'));
    expect(checkContract(model(), sameDay).filter(beyondBaseline(''))).toEqual([]);
    const unsigned = variant('chu-public', (c) => {
      c.avis.cme = '2012-07-02';
      delete c.dates.signature;
    });
    expect(checkContract(model(), unsigned).filter(beyondBaseline(''))).toEqual([]);
  });

  it('chaque règle du manifeste est couverte par un cas ci-dessus ou un contrat de fixtures/bad/', () => {
    const tested = new Set([...cases.map(([id]) => id.split(':')[1]), ...badFixtures.map((b) => b.id)]);
    expect(model().rules.map((r) => r.rule.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
