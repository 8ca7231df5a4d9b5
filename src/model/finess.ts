// FINESS numbers: 9 characters, a département code (01–95, 2A, 2B, 97, 98) then digits, the
// last one a check key. The key is computed with the Luhn algorithm over the first 8 digits;
// the spec asks for a warning (not an error) when only the key is off, since the algorithm is
// not stated by the sources. Corsican numbers (2A/2B) are not key-checked: how the letter enters
// the computation is not documented.

const FORMAT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97|98)\d{7}$/;

/** French message when the format is wrong, undefined when it is right. */
export function finessFormatIssue(s: string): string | undefined {
  if (s.length !== 9) return `numéro FINESS de 9 caractères attendu, reçu « ${s} » (${s.length} caractères)`;
  if (!FORMAT.test(s)) {
    return `numéro FINESS invalide « ${s} » : un code département (01 à 95, 2A, 2B, 97, 98) suivi de chiffres est attendu`;
  }
  return undefined;
}

/** Luhn check digit of a digit string. */
export function luhnKey(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Warning message when the key digit does not match, undefined when it does (or cannot be checked). */
export function finessKeyIssue(s: string): string | undefined {
  if (finessFormatIssue(s) || !/^\d{9}$/.test(s)) return undefined;
  const expected = luhnKey(s.slice(0, 8));
  if (Number(s[8]) === expected) return undefined;
  return `clé de contrôle du numéro FINESS « ${s} » inattendue (clé ${expected} attendue selon l’algorithme de Luhn) : vérifiez le numéro`;
}
