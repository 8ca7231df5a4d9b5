// Hand-built IR fixtures that stress the PDF layout: long tables, signature blocks at page
// ends, a 450-character objective cell, French punctuation, paraphe boxes, a row taller than
// a page, glyph fallback.
import type { Block, Document, DocumentSet, Table } from '../../src/ir/types.ts';
import { b, cell, DEFAULT_PARTIES, doc, h, i, list, NBSP, NNBSP, p, row, set, signature, t, table } from './builders.ts';

export const LOREM =
  'Le présent contrat permet la déclinaison, par objectifs et par actions, des orientations du projet régional de santé ' +
  'et notamment du schéma régional de l’organisation des soins. Il est négocié dans le respect du principe d’autonomie ' +
  'de l’établissement, qui transmet chaque année un rapport d’étape prévu à l’article D. 6114-8 du code de la santé publique.';

/** Exactly 450 characters: the longest objective text the model allows. */
export const OBJECTIVE_450 = (() => {
  const base =
    'Améliorer la pertinence des hospitalisations en médecine et en chirurgie en développant l’ambulatoire, en ' +
    'structurant le parcours des patients âgés polypathologiques avec les acteurs du territoire (médecins traitants, ' +
    'services d’aide à domicile, EHPAD, HAD), en réduisant les durées moyennes de séjour au-delà de la borne haute et ' +
    'en suivant chaque trimestre les réhospitalisations à trente jours, afin de garantir la qualité et la sécurité des ' +
    'soins pour tous les patients du territoire de santé concerné.';
  return base.slice(0, 450);
})();

export const FRENCH =
  `Conformément à l’article L.${NBSP}6114-1 et à l’article R. 6114-10 du code de la santé publique, le contrat ` +
  `prend effet le 1er janvier 2019 (soit le 1er${NBSP}janvier${NBSP}2019)${NNBSP}; la dotation de 180${NNBSP}000,00${NBSP}€ ` +
  `figure à l’orientation n° 3 et à l’orientation n°${NBSP}4. Qu’en est-il des «${NBSP}missions de service public${NBSP}»${NNBSP}? ` +
  `Réponse${NBSP}: elles sont listées à l’annexe 2 ! Voir aussi « guillemets sans insécables » : ils ne se séparent pas.`;

export function socle(extraParagraphs = 6): Document {
  const blocks: Block[] = [
    p('Contrat pluriannuel d’objectifs et de moyens 2019-2023', 'title'),
    p('ENTRE :', 'subtitle'),
    p([t('L’Agence régionale de santé Occitanie, représentée par sa directrice générale, '), b('Madame Marie Martin')], 'center'),
    p('ET :', 'subtitle'),
    p([t('Le '), b('Centre hospitalier de Val-d’Orb'), t(', FINESS EJ n° 340000207, représenté par son directeur')], 'center'),
    p('Vu le code de la santé publique, et notamment ses articles L. 6114-1 à L. 6114-5 et R. 6114-1 à R. 6114-10 ;', 'visa'),
    p('Vu l’arrêté du 3 août 2018 portant adoption du projet régional de santé Occitanie ;', 'visa'),
    h(2, 'L’objet du contrat', 'Titre 1'),
    h(3, 'Les fondements', 'Article 1', 'art-1'),
    p(LOREM),
    p(FRENCH),
    h(3, 'Les orientations stratégiques', 'Article 2', 'art-2'),
    p('Les orientations stratégiques retenues au terme de la négociation sont :', 'body', true),
    list([
      'Orientation n° 1 : développer la chirurgie ambulatoire ;',
      'Orientation n° 2 : structurer le parcours de la personne âgée ;',
      'Orientation n° 3 : renforcer la coopération territoriale.',
    ]),
    h(2, 'La mise en œuvre du contrat', 'Titre 2'),
    h(3, 'Le suivi du contrat', 'Article 3', 'art-3'),
    h(4, 'Le suivi annuel', 'Article 3.1'),
  ];
  for (let k = 0; k < extraParagraphs; k++) blocks.push(p(`${LOREM} ${LOREM}`));
  blocks.push(h(3, 'Durée du contrat et entrée en vigueur', 'Article 4', 'art-4'));
  blocks.push(p([t('Le contrat est conclu pour une durée de '), b('cinq ans'), t('. Il prend effet le 1er janvier 2019.')]));
  blocks.push(signature('Montpellier', `28${NBSP}juin${NBSP}2019`, DEFAULT_PARTIES));
  return doc('socle', 'Contrat socle', blocks);
}

/** An indicator table: header with rowSpan/colSpan, `rows` body rows, one 450-char cell. */
export function indicatorTable(rows: number, fontSize = 8): Table {
  const header = [
    row(
      cell('Objectif opérationnel', { rowSpan: 2, shade: true, bold: true }),
      cell('Indicateur', { rowSpan: 2, shade: true, bold: true }),
      cell('Valeur initiale', { rowSpan: 2, shade: true, bold: true, center: true }),
      cell('Cibles', { colSpan: 5, shade: true, bold: true, center: true }),
    ),
    row(...['N+1', 'N+2', 'N+3', 'N+4', 'N+5'].map((y) => cell(y, { shade: true, bold: true, center: true }))),
  ];
  const body = [];
  for (let r = 0; r < rows; r++) {
    const objective = r === 3 ? OBJECTIVE_450 : `Objectif ${r + 1} : réduire le délai de prise en charge aux urgences`;
    body.push(
      row(
        cell(objective),
        cell(`Taux de réalisation de l’action n° ${r + 1} (en${NNBSP}%)`),
        cell(`${40 + (r % 7)}${NNBSP}%`, { center: true }),
        ...[1, 2, 3, 4, 5].map((k) => cell(`${40 + (r % 7) + k * 2}${NNBSP}%`, { center: true })),
      ),
    );
  }
  return table([30, 22, 8, 8, 8, 8, 8, 8], header, body, { fontSize });
}

export function annexeTable(rows = 90, orientation: 'portrait' | 'landscape' = 'landscape'): Document {
  return doc(
    'annexe-01-orientations',
    'Annexe 1 — Orientations stratégiques',
    [
      h(1, 'Annexe 1 — Orientations stratégiques'),
      p('Pour suivre les objectifs contenus dans cette annexe, le tableau de suivi des indicateurs suivant pourra être utilisé :', 'body', true),
      indicatorTable(rows),
      p('Les valeurs cibles sont données à titre purement indicatif.', 'note'),
      signature('Montpellier', `28${NBSP}juin${NBSP}2019`, DEFAULT_PARTIES),
    ],
    { orientation },
  );
}

export function annexeParaphe(paragraphs = 14): Document {
  const blocks: Block[] = [h(1, 'Annexe 2 — Reconnaissances contractuelles')];
  for (let k = 0; k < paragraphs; k++) {
    if (k % 4 === 0) blocks.push(h(3, `Reconnaissance ${k / 4 + 1}`, `Article ${k / 4 + 1}`));
    blocks.push(p(`${LOREM} ${FRENCH}`));
  }
  return doc('annexe-02-rc', 'Annexe 2 — Reconnaissances contractuelles', blocks, {
    paraphe: ['Établissement', 'ARS Île-de-France'],
    headerTitle: 'CPOM 2019-2023 — ARS Île-de-France',
  });
}

/** A single-row table whose cell is taller than a page. */
export function tallRow(): Document {
  const long = Array.from({ length: 40 }, () => LOREM).join(' ');
  return doc('annexe-03-long', 'Annexe 3 — Cellule très longue', [
    h(1, 'Annexe 3 — Cellule très longue'),
    table([1, 3], [row(cell('Thème', { shade: true, bold: true }), cell('Description', { shade: true, bold: true }))], [
      row(cell('Permanence des soins'), cell(long)),
      row(cell('Fin'), cell('Dernière ligne du tableau.')),
    ]),
  ]);
}

/** `lines` body paragraphs of roughly `size` words, then a signature block. */
export function signatureAt(paragraphs: number, tail: number): Document {
  const blocks: Block[] = [h(1, 'Annexe 4 — Permanence des soins')];
  for (let k = 0; k < paragraphs; k++) blocks.push(p(LOREM));
  blocks.push(p(`Enfin, ${LOREM.split(' ').slice(0, tail).join(' ')} (dernier paragraphe).`));
  blocks.push(signature('Montpellier', `28${NBSP}juin${NBSP}2019`, DEFAULT_PARTIES));
  return doc('annexe-04-pds', 'Annexe 4 — Permanence des soins', blocks);
}

/** Characters only DejaVu Sans has, and one no embedded face has. */
export function glyphFallback(): Document {
  return doc('annexe-05-symboles', 'Annexe 5 — Symboles', [
    p([t('Case cochée ✓ et case vide ☐ ; flèche → ; idéogramme '), i('漢'), t(' absent.')]),
  ]);
}

export function stressSet(): DocumentSet {
  return set([socle(), annexeTable(), annexeParaphe(), tallRow()]);
}
