// French typography of everything the CLI prints for people (diagnostics, errors, summaries,
// help): messages are written in the code with plain spaces, and this is the one place where
// they get U+00A0 before « : » and inside « guillemets », U+202F before ; ! ? — with the rules
// the documents use (src/ir/resolve/typography.ts), not a second set.
//
// What must stay verbatim keeps its plain spaces, because users copy it back into a shell, an
// editor or a search: what is quoted in « … » (paths, names, values, template excerpts), the
// code frame under a diagnostic (source lines and caret), URLs, template tags written in a
// message (`{% ref ancre %}`), and the paths the user gave on
// the command line (and the working folder and the engine's templates/ folder, which absolute
// paths start with) wherever they appear. « fichier:ligne:col » and times like 12:30 have no
// space before their colons, so the rules never touch them. Machine output (the JSON schema,
// the CSV pre-check) does not come through here at all: see `machineOutput` in main.ts.
import { frenchSpacesExcept, type Verbatim } from '../ir/resolve/typography.ts';

/** A code-frame line (`> 12 | source`) or its caret line (`     | ^^^`), see codeFrame. */
const FRAME_LINE = /^(?:[> ] +\d+ \| |  +\| ).*$/gm;
/** The content of « … », without the spaces that touch the guillemets (those are typography). */
const QUOTED = /«\s*([^«»\n]*?)\s*»/dg;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s»]+/gi;
/** Template syntax shown in a message (« attendu : {% ref ancre %} »): `ancre %}` must not get a U+202F. */
const TEMPLATE_TAG = /\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\}/g;

/** Strings (paths) the output must keep as they are, wherever they appear in it. */
export function verbatimStrings(argv: readonly string[], extra: readonly string[] = []): string[] {
  const values = argv.map((a) => (a.startsWith('--') && a.includes('=') ? a.slice(a.indexOf('=') + 1) : a));
  // Only a string with a space can be changed by the rules; longest first so that a path that
  // contains another one is kept whole.
  return [...new Set([...values, ...extra])].filter((v) => v.includes(' ')).sort((a, b) => b.length - a.length);
}

function ranges(text: string, keep: readonly string[]): Verbatim[] {
  const out: Verbatim[] = [];
  for (const m of text.matchAll(FRAME_LINE)) out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(URL)) out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(TEMPLATE_TAG)) out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(QUOTED)) out.push(m.indices![1]!);
  for (const s of keep) {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) out.push([at, at + s.length]);
  }
  return out;
}

/** `text` as printed: French spaces in its prose, its verbatim parts untouched. */
export function frenchOutput(text: string, keep: readonly string[] = []): string {
  if (!text.includes(' ')) return text;
  return frenchSpacesExcept(text, ranges(text, keep));
}
