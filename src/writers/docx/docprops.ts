// docProps/core.xml from the set's metadata. Generated rather than templated: its dates live in
// elements docxtemplater does not fill, and it holds data, not branding.

import type { DocumentSetMeta } from '../../ir/types.ts';
import { escapeXml } from './xml.ts';

/** Parse the ISO date of the metadata; a malformed one is a pipeline bug (the model validated it). */
export function metaDate(meta: DocumentSetMeta): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date);
  if (!m) throw new Error(`DocumentSet meta.date is not YYYY-MM-DD: ${JSON.stringify(meta.date)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** `validation`: the legal validation of the file's reconstituted texts (validationsOf). */
export function coreXml(meta: DocumentSetMeta, validation?: string): string {
  metaDate(meta);
  const when = `${meta.date}T00:00:00Z`;
  const keywords = meta.reference ? `${meta.model} ${meta.reference}` : meta.model;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:subject>${escapeXml(meta.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(meta.author)}</dc:creator>` +
    `<cp:keywords>${escapeXml(keywords)}</cp:keywords>` +
    (validation ? `<dc:description>${escapeXml(validation)}</dc:description>` : '') +
    `<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>` +
    `<dc:language>${escapeXml(meta.lang)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
