// Template delimiters (`{{ }}`, `{% %}`, `{# #}`) must never reach a contract: one left in
// template text is a typo (an unclosed or stray tag) that would be printed raw in a legal
// document. The parser reports them (DSL-DELIMITEUR) and the evaluator refuses any that
// remain in template text (a second line of defence); data values may contain them freely.

export type Delimiter = '{{' | '}}' | '{%' | '%}' | '{#' | '#}';

export interface FoundDelimiter {
  readonly delimiter: Delimiter;
  /** Offset of the match in the searched text (backslashes included). */
  readonly at: number;
  readonly length: number;
}

// A Markdown backslash escape (`\{\{`) is still printed as `{{`, so it counts too.
const DELIMITER_AT = /\\?\{\\?[{%#]|\\?[}%#]\\?\}/y;

/** Every template delimiter in `text`, left to right, overlapping ones included (`{{%`: `{{`, `{%`). */
export function findDelimiters(text: string): FoundDelimiter[] {
  const out: FoundDelimiter[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    DELIMITER_AT.lastIndex = i;
    const m = DELIMITER_AT.exec(text);
    if (m) out.push({ delimiter: m[0].replace(/\\/g, '') as Delimiter, at: i, length: m[0].length });
  }
  return out;
}

const CLOSER: Readonly<Record<Delimiter, Delimiter>> = { '{{': '}}', '{%': '%}', '{#': '#}', '}}': '{{', '%}': '{%', '#}': '{#' };

export function isOpener(d: Delimiter): boolean {
  return d.startsWith('{');
}

/** French message for a delimiter found in template text (nothing closes or opens it). */
export function delimiterMessage(d: Delimiter, escaped: boolean): string {
  if (escaped) return `délimiteur de gabarit « ${d} » (même échappé par « \\ ») : il serait imprimé tel quel dans le contrat`;
  return isOpener(d)
    ? `« ${d} » ouvert ici n’est jamais fermé par « ${CLOSER[d]} » : il serait imprimé tel quel dans le contrat`
    : `« ${d} » sans « ${CLOSER[d]} » ouvrant : il serait imprimé tel quel dans le contrat`;
}

/** Hints for a delimiter found in template text. */
export function delimiterHints(d: Delimiter): string[] {
  if (d === '{#') return ['une ancre « {#nom} » n’est permise qu’en fin de titre ; un commentaire s’écrit « {# … #} »'];
  if (d === '{{' || d === '}}') return ['une valeur s’écrit « {{ chemin.de.la.donnee }} »'];
  if (d === '{%' || d === '%}') return ['une balise s’écrit « {% si condition %} », « {% ref ancre %} »…'];
  return [];
}
