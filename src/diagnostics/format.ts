// Human rendering of diagnostics: "fichier:ligne:colonne", the message, a code frame with a caret.
import { readFileSync } from 'node:fs';
import type { Diagnostic, Span } from './diagnostic.ts';

const LABEL: Record<Diagnostic['severity'], string> = {
  erreur: 'erreur',
  avertissement: 'avertissement',
};

/** Source text cache so a batch of diagnostics reads each file once. */
export type SourceLookup = (file: string) => string | undefined;

export const readSource: SourceLookup = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export function formatLocation(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}

/** Two lines of context, the faulty line, and a caret line under the span. */
export function codeFrame(source: string, span: Span): string {
  let lines = source.split(/\r?\n/);
  // Long lines (table rows) are cut to a window around the caret so the frame stays readable.
  const WINDOW = 100;
  const startCol = span.start.column;
  let shift = 0;
  if ((lines[span.start.line - 1] ?? '').length > WINDOW + 20 && startCol > WINDOW / 2) {
    shift = startCol - 1 - Math.floor(WINDOW / 2) + 1;
  }
  if (shift > 0 || lines.some((l) => l.length > WINDOW * 2)) {
    lines = lines.map((l) => {
      let t = shift > 0 ? `…${l.slice(shift)}` : l;
      if (t.length > WINDOW * 2) t = `${t.slice(0, WINDOW * 2)}…`;
      return t;
    });
    span = {
      ...span,
      start: { ...span.start, column: span.start.column - shift + (shift > 0 ? 1 : 0) },
      end: { ...span.end, column: span.end.column - shift + (shift > 0 ? 1 : 0) },
    };
  }
  const first = Math.max(1, span.start.line - 2);
  const last = Math.min(lines.length, span.start.line);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === span.start.line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  const line = lines[span.start.line - 1] ?? '';
  const endCol = span.end.line === span.start.line ? span.end.column : line.length + 1;
  // The caret never runs past the (possibly cut) line: a 2 MB value must not print 2 MB of « ^ ».
  const caretLen = Math.max(1, Math.min(endCol, line.length + 1) - span.start.column);
  // Keep tabs so the caret lines up under tab-indented source.
  const pad = line.slice(0, span.start.column - 1).replace(/[^\t]/g, ' ');
  out.push(`  ${' '.repeat(width)} | ${pad}${'^'.repeat(caretLen)}`);
  return out.join('\n');
}

export function formatDiagnostic(d: Diagnostic, lookup: SourceLookup = readSource): string {
  const head: string[] = [];
  if (d.span) head.push(formatLocation(d.span));
  head.push(`${LABEL[d.severity]} [${d.code}]`);
  let text = `${head.join(' : ')} : ${d.dataPath ? `${d.dataPath} : ` : ''}${d.message}`;
  if (d.source) {
    text += `\n  source : ${d.source.fichier}, ligne ${d.source.ligne}`;
    if (d.source.citation) text += ` — « ${d.source.citation} »`;
  }
  if (d.span) {
    const src = lookup(d.span.file);
    if (src !== undefined) text += `\n${codeFrame(src, d.span)}`;
  }
  for (const h of d.hints ?? []) text += `\n  indice : ${h}`;
  return text;
}

export function formatDiagnostics(diags: readonly Diagnostic[], lookup: SourceLookup = readSource): string {
  return diags.map((d) => formatDiagnostic(d, lookup)).join('\n\n');
}
