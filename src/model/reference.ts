// Reference data shared by every model: the fourteen public-service missions of article
// L. 6112-1 of the CSP, verbatim from the DGOS guide (seed 001, lines 4011-4036).

export const MISSIONS_SERVICE_PUBLIC: readonly string[] = [
  'La permanence des soins',
  'La prise en charge des soins palliatifs',
  "L'enseignement universitaire et post-universitaire",
  'La recherche',
  'Le développement professionnel continu des praticiens hospitaliers et non hospitaliers',
  'La formation initiale et le développement professionnel continu des sages-femmes et du personnel paramédical et la recherche dans leurs domaines de compétence',
  "Les actions d'éducation et de prévention pour la santé et leur coordination",
  "L'aide médicale urgente, conjointement avec les praticiens et les autres professionnels de santé, personnes et services concernés",
  "La lutte contre l'exclusion sociale, en relation avec les autres professions et institutions compétentes en ce domaine, ainsi que les associations qui œuvrent dans le domaine de l'insertion et de la lutte contre l'exclusion et la discrimination",
  'Les actions de santé publique',
  'La prise en charge des personnes hospitalisées sans leur consentement',
  'Les soins dispensés aux détenus en milieu pénitentiaire et, si nécessaire, en milieu hospitalier, dans des conditions définies par décret',
  "Les soins dispensés aux personnes retenues en application de l'article L. 551-1 du code de l'entrée et du séjour des étrangers et du droit d'asile",
  'Les soins dispensés aux personnes retenues dans les centres socio-médico-judiciaires de sûreté',
];

/**
 * Every region's name with the preposition and article French puts before it after « de
 * l’agence régionale de santé » : « du Centre-Val de Loire », « d’Île-de-France », « des
 * Hauts-de-France », « de La Réunion ». The 18 regions since 1 January 2016 (13 in metropolitan
 * France, 5 overseas), then the former ones a contract of the 2012-2017 model may still name
 * (22 metropolitan regions; the ARS Océan Indien covered La Réunion and Mayotte until 2020).
 * A name that is not listed gets the elision rule of the `de` filter (src/eval/builtins.ts).
 */
export const REGIONS_DE: Readonly<Record<string, string>> = {
  'Auvergne-Rhône-Alpes': 'd’Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté': 'de Bourgogne-Franche-Comté',
  Bretagne: 'de Bretagne',
  'Centre-Val de Loire': 'du Centre-Val de Loire',
  Corse: 'de Corse',
  'Grand Est': 'du Grand Est',
  'Hauts-de-France': 'des Hauts-de-France',
  'Île-de-France': 'd’Île-de-France',
  Normandie: 'de Normandie',
  'Nouvelle-Aquitaine': 'de Nouvelle-Aquitaine',
  Occitanie: 'd’Occitanie',
  'Pays de la Loire': 'des Pays de la Loire',
  'Provence-Alpes-Côte d’Azur': 'de Provence-Alpes-Côte d’Azur',
  Guadeloupe: 'de la Guadeloupe',
  Martinique: 'de la Martinique',
  Guyane: 'de la Guyane',
  'La Réunion': 'de La Réunion',
  Mayotte: 'de Mayotte',
  // Before 1 January 2016.
  Alsace: 'd’Alsace',
  Aquitaine: 'd’Aquitaine',
  Auvergne: 'd’Auvergne',
  'Basse-Normandie': 'de Basse-Normandie',
  Bourgogne: 'de Bourgogne',
  Centre: 'du Centre',
  'Champagne-Ardenne': 'de Champagne-Ardenne',
  'Franche-Comté': 'de Franche-Comté',
  'Haute-Normandie': 'de Haute-Normandie',
  'Languedoc-Roussillon': 'du Languedoc-Roussillon',
  Limousin: 'du Limousin',
  Lorraine: 'de Lorraine',
  'Midi-Pyrénées': 'de Midi-Pyrénées',
  'Nord-Pas-de-Calais': 'du Nord-Pas-de-Calais',
  Picardie: 'de Picardie',
  'Poitou-Charentes': 'de Poitou-Charentes',
  'Rhône-Alpes': 'de Rhône-Alpes',
  'Océan Indien': 'de l’Océan Indien',
};

/** The 18 regions since 2016: the first entries of REGIONS_DE. */
export const REGIONS_2016: readonly string[] = Object.keys(REGIONS_DE).slice(0, 18);
