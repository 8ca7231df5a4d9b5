// IR inlines → OOXML runs.

import { assertNever, type FieldRun, type Inline, type Revision, type TextRun } from '../../ir/types.ts';
import type { RenderContext } from './context.ts';
import { rPr, type RunFormat } from './paragraph.ts';
import { attrs, escapeXml, stripInvalidXmlChars } from './xml.ts';

/**
 * Field code for an IR page field. 'pages' must count the pages of the current IR document
 * (= section), not of the whole combined DOCX. SECTIONPAGES says that but LibreOffice (7.4)
 * does not evaluate it and prints the cached result; instead, page numbering restarts at 1 in
 * every section and 'pages' is the page number of a bookmark at the section's end
 * (PAGEREF), which Word and LibreOffice both compute.
 */
export function fieldCode(field: FieldRun['field'], endBookmark: string): string {
  return field === 'page' ? 'PAGE' : `PAGEREF ${endBookmark}`;
}

/**
 * Run content for a piece of text: tabs and newlines become w:tab / w:br (a literal tab or
 * newline inside w:t is whitespace to Word), everything else is escaped text.
 */
export function textContent(text: string, deleted = false): string {
  const clean = stripInvalidXmlChars(text).replace(/\r\n?/g, '\n');
  const tag = deleted ? 'w:delText' : 'w:t';
  let out = '';
  for (const piece of clean.split(/([\t\n])/)) {
    if (piece === '') continue;
    if (piece === '\t') out += '<w:tab/>';
    else if (piece === '\n') out += '<w:br/>';
    else out += `<${tag} xml:space="preserve">${escapeXml(piece)}</${tag}>`;
  }
  return out;
}

/** A single run of plain text with the given format (empty string when there is no text). */
export function textRun(text: string, format: RunFormat = {}): string {
  const content = textContent(text);
  return content ? `<w:r>${rPr(format)}${content}</w:r>` : '';
}

/** A complex field with a placeholder result; Word and LibreOffice recompute it on layout. */
export function fieldRuns(code: string, format: RunFormat = {}): string {
  const props = rPr(format);
  return (
    `<w:r>${props}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${props}<w:instrText xml:space="preserve"> ${escapeXml(code)} </w:instrText></w:r>` +
    `<w:r>${props}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `<w:r>${props}<w:t>1</w:t></w:r>` +
    `<w:r>${props}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

/** OOXML wants a full dateTime; the IR carries ISO dates. */
function revisionDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?$/.exec(iso);
  if (!m) throw new Error(`Revision date is not ISO 8601: ${JSON.stringify(iso)}`);
  return m[2] ? `${m[1]}${m[2]}${m[2].endsWith('Z') ? '' : 'Z'}` : `${m[1]}T00:00:00Z`;
}

/** `<w:ins …/>` or `<w:del …/>` marking a paragraph mark (in w:pPr/w:rPr) or a row (in w:trPr). */
export function revisionMark(rev: Revision, ctx: RenderContext): string {
  const a = attrs([
    ['w:id', ctx.ids.next()],
    ['w:author', rev.author],
    ['w:date', revisionDate(rev.date)],
  ]);
  return `<${rev.kind === 'suppression' ? 'w:del' : 'w:ins'}${a}/>`;
}

function revisionRun(run: TextRun, rev: Revision, format: RunFormat, ctx: RenderContext): string {
  const deleted = rev.kind === 'suppression';
  const content = textContent(run.text, deleted);
  if (!content) return '';
  const tag = deleted ? 'w:del' : 'w:ins';
  const a = attrs([
    ['w:id', ctx.ids.next()],
    ['w:author', rev.author],
    ['w:date', revisionDate(rev.date)],
  ]);
  return `<${tag}${a}><w:r>${rPr(format)}${content}</w:r></${tag}>`;
}

/**
 * Serialise inlines. `base` is the format inherited from the container (cell font size,
 * signature mentions in italics); a run's own bold/italic adds to it.
 */
export function renderInlines(content: readonly Inline[], ctx: RenderContext, base: RunFormat = {}): string {
  let out = '';
  for (const inline of content) {
    switch (inline.type) {
      case 'text': {
        const format: RunFormat = {
          ...base,
          bold: base.bold || inline.bold,
          italic: base.italic || inline.italic,
          ...(inline.superscript ? { superscript: true } : {}),
        };
        out += inline.revision ? revisionRun(inline, inline.revision, format, ctx) : textRun(inline.text, format);
        break;
      }
      case 'field':
        out += fieldRuns(fieldCode(inline.field, ctx.endBookmark), base);
        break;
      case 'ref': {
        if (inline.text === undefined) {
          // Resolve fills every reference; an empty one here is a pipeline bug, not bad input.
          throw new Error(`Unresolved cross-reference to "${inline.target}" reached the DOCX writer`);
        }
        const run = textRun(inline.text, base);
        const bookmark = ctx.bookmarks.get(inline.target);
        out += bookmark ? `<w:hyperlink${attrs([['w:anchor', bookmark], ['w:history', 1]])}>${run}</w:hyperlink>` : run;
        break;
      }
      case 'break':
        out += `<w:r>${rPr(base)}<w:br/></w:r>`;
        break;
      default:
        assertNever(inline, 'inline');
    }
  }
  return out;
}
