// A realistic synthetic contract for the benchmark: a socle of about six pages (visas,
// titles, articles, lists, signature) and annexes with long indicator tables, about 25 pages
// in all. Deterministic: the variant number only changes names and figures.
import type { Block, Document, DocumentSet } from '../../src/ir/types.ts';
import { b, DEFAULT_PARTIES, doc, h, list, NBSP, p, set, signature, t } from './builders.ts';
import { FRENCH, indicatorTable, LOREM } from './fixtures.ts';

const ARTICLES = [
  'Les fondements du contrat',
  'Le contenu du contrat',
  'Les moyens dédiés à la réalisation du contrat',
  'Le suivi du contrat',
  'La révision du contrat',
  'Le renouvellement du contrat',
  'Les sanctions en cas d’inexécution totale ou partielle des engagements',
  'La résiliation du contrat en cas de manquement grave',
  'La durée du contrat et son entrée en vigueur',
];

function socle(variant: number): Document {
  const blocks: Block[] = [
    p('Contrat pluriannuel d’objectifs et de moyens 2019-2023', 'title'),
    p('ENTRE :', 'subtitle'),
    p([t('L’Agence régionale de santé Occitanie, représentée par sa directrice générale, '), b('Madame Marie Martin')], 'center'),
    p('ET :', 'subtitle'),
    p([t(`Le `), b(`Centre hospitalier n° ${variant}`), t(`, FINESS EJ n° ${340000000 + variant}, représenté par son directeur`)], 'center'),
  ];
  for (let v = 1; v <= 10; v++) {
    blocks.push(p(`Vu le code de la santé publique, et notamment ses articles L. 6114-${v} et R. 6114-${v} ;`, 'visa'));
  }
  blocks.push(p('PRÉAMBULE', 'subtitle'), p(LOREM), p(FRENCH));
  ARTICLES.forEach((title, k) => {
    if (k === 0) blocks.push(h(2, 'L’objet du contrat', 'Titre 1'));
    if (k === 3) blocks.push(h(2, 'La mise en œuvre du contrat', 'Titre 2'));
    blocks.push(h(3, title, `Article ${k + 1}`, `art-${k + 1}`));
    blocks.push(p(LOREM));
    if (k % 3 === 1) {
      blocks.push(p('Les engagements retenus au terme de la négociation sont :', 'body', true));
      blocks.push(list(['améliorer la pertinence des soins ;', 'structurer les parcours ;', `maîtriser les dépenses (${variant}${NBSP}%).`]));
    }
    blocks.push(p(`${LOREM} ${FRENCH}`));
    blocks.push(p(LOREM));
    if (k % 3 === 0) blocks.push(p(`${FRENCH} ${LOREM}`));
  });
  blocks.push(signature('Montpellier', `28${NBSP}juin${NBSP}2019`, DEFAULT_PARTIES));
  return doc('socle', 'Contrat socle', blocks);
}

function annexe(n: number, title: string, rows: number): Document {
  return doc(
    `annexe-0${n}`,
    `Annexe ${n} — ${title}`,
    [
      h(1, `Annexe ${n} — ${title}`),
      p('Pour suivre les objectifs contenus dans cette annexe, le tableau de suivi des indicateurs suivant pourra être utilisé :', 'body', true),
      indicatorTable(rows),
      p('Les valeurs cibles sont données à titre purement indicatif.', 'note'),
      signature('Montpellier', `28${NBSP}juin${NBSP}2019`, DEFAULT_PARTIES),
    ],
    { orientation: 'landscape' },
  );
}

export function syntheticContract(variant = 1): DocumentSet {
  return set([
    socle(variant),
    annexe(1, 'Orientations stratégiques', 85),
    annexe(2, 'Coopérations', 65),
    annexe(3, 'Reconnaissances contractuelles', 65),
    annexe(4, 'Permanence des soins', 60),
  ]);
}
