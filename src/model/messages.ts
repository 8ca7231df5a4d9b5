// zod issues → French messages with the data path users see in their files:
// `engagements[2].indicateurs[0].cibles.N+3 : nombre, pourcentage ou « oui »/« non » attendu, reçu « beaucoup »`.
import type { z } from 'zod';

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${String(seg)}` : String(seg);
  }
  return s;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'booléen (true / false)',
  object: 'objet (clés : valeurs)',
  array: 'liste',
  date: 'date',
  null: 'nul',
  undefined: 'absent',
};

export function describeInput(v: unknown): string {
  if (v === undefined) return 'rien (champ absent)';
  if (v === null) return 'nul';
  if (typeof v === 'string') return `« ${v.length > 60 ? `${v.slice(0, 57)}…` : v} »`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${String(v)} (${TYPE_NAMES[typeof v]})`;
  if (Array.isArray(v)) return 'une liste';
  return 'un objet';
}

/** Per-parse error map: used for every issue whose schema did not give its own message. */
export const frenchErrorMap = (iss: z.core.$ZodRawIssue): string => {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return `champ obligatoire manquant (${TYPE_NAMES[iss.expected] ?? iss.expected} attendu)`;
      return `${TYPE_NAMES[iss.expected] ?? iss.expected} attendu, reçu ${describeInput(iss.input)}`;
    }
    case 'too_small':
      if (iss.origin === 'string') return iss.minimum === 1 ? 'texte vide' : `au moins ${String(iss.minimum)} caractères attendus`;
      if (iss.origin === 'array') return `au moins ${String(iss.minimum)} élément(s) attendu(s)`;
      return `valeur supérieure ou égale à ${String(iss.minimum)} attendue, reçu ${describeInput(iss.input)}`;
    case 'too_big':
      if (iss.origin === 'string') return `au plus ${String(iss.maximum)} caractères attendus`;
      if (iss.origin === 'array') return `au plus ${String(iss.maximum)} élément(s) attendu(s)`;
      return `valeur inférieure ou égale à ${String(iss.maximum)} attendue, reçu ${describeInput(iss.input)}`;
    case 'invalid_value':
      return `valeur parmi ${iss.values.map((v) => `« ${String(v)} »`).join(', ')} attendue, reçu ${describeInput(iss.input)}`;
    case 'unrecognized_keys':
      return `clé${iss.keys.length > 1 ? 's' : ''} inconnue${iss.keys.length > 1 ? 's' : ''} : ${iss.keys.map((k) => `« ${k} »`).join(', ')}`;
    case 'invalid_format':
      return `format invalide, reçu ${describeInput(iss.input)}`;
    case 'not_multiple_of':
      return `multiple de ${String(iss.divisor)} attendu, reçu ${describeInput(iss.input)}`;
    case 'invalid_union':
      return `valeur invalide, reçu ${describeInput(iss.input)}`;
    default:
      return `valeur invalide, reçu ${describeInput(iss.input)}`;
  }
};
