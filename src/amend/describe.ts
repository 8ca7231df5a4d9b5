// Which label of the consolidated version (templates/_avenant/version-consolidee.yaml,
// `elements.*`) names a contract element, and with which values, read from the element's
// identity key (src/amend/keys.ts). Only the keys an avenant records in the provenance are
// named; any other key has no label, and the caller refuses rather than print a made-up name.
import type { LabelName } from './wording/labels.ts';
import type { Key } from './keys.ts';

export interface ElementLabel {
  readonly name: LabelName;
  readonly vars: Readonly<Record<string, unknown>>;
}

const LISTS: Readonly<Record<string, LabelName>> = {
  financements: 'elements.financement',
  permanence_soins: 'elements.permanence_soins',
  cooperations: 'elements.cooperations',
  orientations: 'elements.orientations',
  engagements_hors_cpom: 'elements.engagements_hors_cpom',
  penalites: 'elements.penalites',
};

const FIXED: Readonly<Record<string, LabelName>> = {
  'dates/duree_ans': 'elements.duree',
  'dates/prorogation_mois': 'elements.prorogation_mois',
  'ars/signataire': 'elements.signataire_ars',
  'titulaire/representant': 'elements.representant',
  'titulaire/raison_sociale': 'elements.raison_sociale',
  'titulaire/adresse': 'elements.adresse',
};

const label = (name: LabelName, vars: Readonly<Record<string, unknown>> = {}): ElementLabel => ({ name, vars });

export function elementLabel(k: Key): ElementLabel | undefined {
  const [head, a, b, c, d, e] = k;
  if (k.length === 1 && Object.hasOwn(LISTS, head!)) return label(LISTS[head!]!);
  if (k.length === 2 && Object.hasOwn(FIXED, `${head}/${a}`)) return label(FIXED[`${head}/${a}`]!);
  switch (`${head}/${k.length}`) {
    case 'engagements/2':
      return label('elements.engagement', { engagement: Number(a) });
    case 'engagements/6':
      return b === 'indicateurs' && d === 'cibles' ? label('elements.cible', { engagement: Number(a), indicateur: c, annee: e }) : undefined;
    case 'annexes/2':
      return label('elements.annexe', { annexe: a });
    case 'documents/2':
      return label('elements.document', { document: a });
    case 'reconnaissances/2':
      return label('elements.reconnaissance', { reconnaissance: Number(a) });
    case 'autorisations/2':
      return label('elements.autorisation', { arhgos: a });
    case 'financements/4':
      return a === 'dotations' ? label('elements.dotation', { nature: b, libelle: c }) : undefined;
    case 'permanence_soins/4':
      return label('elements.ligne_pds', { site: a, specialite: b, type_ligne: c });
    case 'missions_service_public/2':
      return label('elements.mission', { mission: Number(a) });
    case 'sites/2':
      return label('elements.site', { finess_et: a });
    default:
      return undefined;
  }
}
