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
