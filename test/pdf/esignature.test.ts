// E-signature readiness through real clients: the signature layout exported per file matches
// where the blocks are drawn (pdftotext -bbox), anchors sit in their zones, the empty /Sig fields
// are what qpdf lists, and one of them signed by a test-only signer is validated by pdfsig.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SignatureBlock } from '../../src/ir/types.ts';
import { esignatureFor, parseESignature, type ESignatureOptions } from '../../src/templates/esignature.ts';
import { esignatureRecord, yousignWarning, type PlacedZone } from '../../src/writers/pdf/esignature.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { itWith } from '../helpers/libreoffice.ts';
import { signField } from '../helpers/pdf-sign.ts';
import { pdfText, pdfWordsBbox, qpdfCheck, type BboxWord } from '../helpers/poppler.ts';

const ALL: ESignatureOptions = { anchors: ['iparapheur', 'yousign', 'docusign'], fields: true, cachet: true };
const TOL = 1;

function run(cmd: string, bytes: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpom-esig-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), bytes);
    const r = spawnSync(cmd, args.map((a) => (a === '{}' ? join(dir, 'f.pdf') : a)), { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error) throw r.error;
    return r.stdout + r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A word's box in PDF points (origin bottom-left) lies inside `rect`. */
function inside(w: BboxWord, rect: PlacedZone['rect']): boolean {
  const y1 = w.pageHeight - w.yMax;
  const y2 = w.pageHeight - w.yMin;
  return w.xMin >= rect[0] - TOL && w.xMax <= rect[2] + TOL && y1 >= rect[1] - TOL && y2 <= rect[3] + TOL;
}

const split = (s: string): string[] => s.split(/[\s\u00a0\u202f]+/u).filter(Boolean);

/** Words printed under each party's room to sign (name, mentions), by document id and party id. */
function underSignature(set: ReturnType<typeof buildFixture>['set']): Map<string, { name: string[]; all: Set<string> }> {
  const out = new Map<string, { name: string[]; all: Set<string> }>();
  for (const d of set.documents) {
    for (const b of d.blocks) {
      if (b.type !== 'signature') continue;
      for (const p of (b as SignatureBlock).parties) {
        const name = split(p.signatory ?? '');
        out.set(`${d.id}/${p.id}`, { name, all: new Set([...name, ...p.mentions.flatMap(split)]) });
      }
    }
  }
  return out;
}

/** Fields as qpdf sees them: name → { type, rect, page }. */
function qpdfFields(bytes: Uint8Array): Map<string, { type: string; rect: number[]; page: number; value: unknown }> {
  const acro = JSON.parse(run('qpdf', bytes, ['--json', '--json-key=acroform', '{}'])) as { acroform: { fields: Array<{ fullname: string; fieldtype: string; object: string; pageposfrom1: number; value: unknown }> } };
  const out = new Map<string, { type: string; rect: number[]; page: number; value: unknown }>();
  for (const f of acro.acroform.fields) {
    const num = f.object.split(' ')[0]!;
    const obj = JSON.parse(run('qpdf', bytes, ['--json', '--json-key=qpdf', `--json-object=${num}`, '{}'])) as { qpdf: [unknown, Record<string, { value: { '/Rect': number[] } }>] };
    out.set(f.fullname, { type: f.fieldtype, rect: obj.qpdf[1][`obj:${f.object}`]!.value['/Rect'], page: f.pageposfrom1, value: f.value });
  }
  return out;
}

// Occitanie: socle and annexes each signed (three blocks in the dossier); DGOS: annexes initialled.
describe.each([
  { fixture: 'fixtures/occitanie/cabinet-radiologie-eml.yaml', fields: ['Signature1_ARS', 'Signature2_TITULAIRE', 'Signature1_ARS_2', 'Signature2_TITULAIRE_2', 'Signature1_ARS_3', 'Signature2_TITULAIRE_3'], paraphes: 0 },
  { fixture: 'fixtures/dgos/cabinet-radiologie-eml.yaml', fields: ['Signature1_ARS', 'Signature2_TITULAIRE'], paraphes: 6 },
])('e-signature layout, anchors and fields: $fixture', async ({ fixture, fields: fieldNames, paraphes }) => {
  const { set } = buildFixture(fixture);
  const plain = await renderPdfFiles(set);
  const ready = await renderPdfFiles(set, ALL);
  const files = [
    { name: 'dossier', bytes: ready.combined, layout: ready.layouts.combined, docs: set.documents },
    ...set.documents.map((d, i) => ({ name: d.id, bytes: ready.perDocument[i]!, layout: ready.layouts.perDocument[i]!, docs: [d] })),
  ];

  it('lists, per file, one signature zone per party of every signature block and the paraphe boxes of every initialled page', () => {
    for (const f of files) {
      const blocks = f.docs.flatMap((d) => d.blocks.filter((b) => b.type === 'signature') as SignatureBlock[]);
      expect(f.layout.zones.filter((z) => z.type === 'signature').length).toBe(blocks.reduce((n, b) => n + b.parties.length, 0));
      let first = 1;
      for (const d of f.docs) {
        const pages = ready.layouts.perDocument[set.documents.indexOf(d)]!.pages;
        for (let p = first; p < first + pages; p++) {
          const boxes = f.layout.zones.filter((z) => z.type === 'paraphe' && z.page === p).map((z) => z.partie);
          expect(boxes, `${f.name} page ${p}`).toEqual([...d.paraphe]);
        }
        first += pages;
      }
    }
    expect(ready.layouts.combined.zones.filter((z) => z.type === 'paraphe').length).toBe(paraphes);
    // The dossier numbers pages across documents: an annex's zones are on other page numbers
    // there than in the annex's own file, at the same rectangles.
    const annex = set.documents.length - 1;
    const own = ready.layouts.perDocument[annex]!.zones;
    const inDossier = ready.layouts.combined.zones.filter((z) => z.document === set.documents[annex]!.id);
    expect(own.length).toBeGreaterThan(0);
    expect(inDossier.map((z) => z.rect)).toEqual(own.map((z) => z.rect));
    const before = ready.layouts.perDocument.slice(0, annex).reduce((n, l) => n + l.pages, 0);
    expect(before).toBeGreaterThan(0);
    expect(inDossier.map((z) => z.page)).toEqual(own.map((z) => z.page + before));
  });

  itWith(['pdftotext'])('puts each signature zone around the signatory’s name and mentions, below the party’s lines, and each paraphe box around its label (pdftotext -bbox)', () => {
    const under = underSignature(set);
    let checked = 0;
    for (const f of files) {
      const words = pdfWordsBbox(f.bytes);
      for (const z of f.layout.zones) {
        if (z.type === 'paraphe') {
          const label = words.filter((w) => w.page === z.page && w.text.startsWith('Paraphe') && inside(w, z.rect));
          expect(label.length, `${f.name} paraphe ${z.partie} p. ${z.page}`).toBe(1);
          continue;
        }
        const expected = under.get(`${z.document}/${z.partie}`)!;
        const within = words.filter((w) => w.page === z.page && inside(w, z.rect) && !(z.ancres ?? []).includes(w.text));
        // Only what is printed under the room to sign: not the party's own lines above it.
        for (const w of within) expect(expected.all.has(w.text), `${f.name} ${z.partie} « ${w.text} » p. ${z.page}`).toBe(true);
        for (const part of expected.name) expect(within.some((w) => w.text === part), `${f.name} ${z.partie} « ${part} »`).toBe(true);
        // The zone ends with its last printed line.
        if (within.length) expect(Math.abs(Math.min(...within.map((w) => w.pageHeight - w.yMax)) - z.rect[1])).toBeLessThan(6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  itWith(['pdftotext'])('draws no anchor and no field by default', () => {
    for (const bytes of [plain.combined, ...plain.perDocument]) {
      expect(pdfText(bytes)).not.toMatch(/#signature#|#cachet#|\{\{s\d|\\s\d\\/);
      expect(Buffer.from(bytes).includes('/AcroForm')).toBe(false);
      expect(Buffer.from(bytes).includes('/Sig')).toBe(false);
    }
    expect(plain.layouts.combined.zones.every((z) => !z.champ && !z.ancres)).toBe(true);
  });

  itWith(['pdftotext'])('draws each zone’s anchors invisibly at its top-left, where the manifest says (pdftotext -bbox)', () => {
    const f = files[0]!;
    const words = pdfWordsBbox(f.bytes);
    const zones = f.layout.zones.filter((z) => z.type === 'signature');
    for (const z of zones) {
      expect([z.ancres![0], z.ancres![1], z.ancres![3]]).toEqual(['#signature#', '#cachet#', `\\s${z.rang}\\`]);
      expect(z.ancres![2]).toMatch(new RegExp(`^\\{\\{s${z.rang}\\|signature\\|\\d+\\|\\d+\\}\\}$`));
      for (const a of z.ancres!) {
        const hit = words.filter((w) => w.page === z.page && w.text === a && inside(w, z.rect));
        expect(hit.length, `${a} p. ${z.page}`).toBeGreaterThanOrEqual(1);
        // Near the zone's top-left corner.
        expect(Math.abs(hit[0]!.xMin - z.rect[0])).toBeLessThan(4);
      }
    }
    // Each anchor appears once per signature zone, nowhere else.
    expect(words.filter((w) => w.text === '#signature#').length).toBe(zones.length);
    // Invisible: render mode 3 in the content, never painted.
    expect(run('qpdf', f.bytes, ['--qdf', '--object-streams=disable', '{}', '-'])).toContain('3 Tr');
  });

  itWith(['qpdf'])('writes one empty /Sig field per signature zone, with the manifest’s name, page and rectangle (qpdf --json), and a clean file (qpdf --check)', () => {
    for (const f of files) {
      const fields = qpdfFields(f.bytes);
      const zones = f.layout.zones.filter((z) => z.type === 'signature');
      expect([...fields.keys()]).toEqual(zones.map((z) => z.champ));
      for (const z of zones) {
        const q = fields.get(z.champ!)!;
        expect(q.type).toBe('/Sig');
        expect(q.value, 'unsigned: no /V').toBeNull();
        expect(q.page).toBe(z.page);
        expect(q.rect).toEqual([...z.rect]);
      }
      expect(qpdfCheck(f.bytes).ok, qpdfCheck(f.bytes).output).toBe(true);
    }
    expect(files[0]!.layout.zones.filter((z) => z.type === 'signature').map((z) => z.champ)).toEqual(fieldNames);
  });

  itWith(['qpdf', 'pdftotext'])('puts each field in the structure tree: a Form element after its signatory’s column, referring to its widget, which points back (pdfinfo -struct, qpdf --json)', () => {
    for (const f of files) {
      const zones = f.layout.zones.filter((z) => z.type === 'signature');
      // poppler reads a Form element per field, each in a signature block (Div).
      const tree = run('pdfinfo', f.bytes, ['-struct', '{}']).split('\n');
      const forms = tree.flatMap((l, i) => (/^\s*Form\b/.test(l) ? [i] : []));
      expect(forms.length, f.name).toBe(zones.length);
      for (const i of forms) {
        const depth = tree[i]!.search(/\S/);
        const parent = tree.slice(0, i).reverse().find((l) => l.search(/\S/) < depth)!;
        expect(parent.trim(), f.name).toMatch(/^Div\b/);
      }
      const q = JSON.parse(run('qpdf', f.bytes, ['--json', '--json-key=qpdf', '{}'])) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] };
      const obj = (ref: unknown): Record<string, unknown> => q.qpdf[1][`obj:${String(ref)}`]!.value;
      const root = obj(obj(q.qpdf[1]['trailer']!.value['/Root'])['/StructTreeRoot']);
      const nums = (root['/ParentTree'] as { '/Nums': unknown[] })['/Nums'];
      const widgets = Object.entries(q.qpdf[1]).filter(([, o]) => (o.value as Record<string, unknown> | null)?.['/FT'] === '/Sig');
      expect(widgets.length, f.name).toBe(zones.length);
      for (const [key, { value: w }] of widgets) {
        // The widget's /StructParent keys the parent tree to its Form element, whose OBJR names the widget and its page.
        const at = nums.findIndex((n, i) => i % 2 === 0 && n === w['/StructParent']);
        expect(at, `${f.name} ${String(w['/T'])}`).toBeGreaterThanOrEqual(0);
        const form = obj(nums[at + 1]);
        expect(form['/S']).toBe('/Form');
        expect(form['/K']).toEqual({ '/Type': '/OBJR', '/Obj': key.slice(4), '/Pg': w['/P'] });
        expect(obj(form['/P'])['/S']).toBe('/Div');
        // Tab order follows the structure on pages with fields.
        expect(obj(w['/P'])['/Tabs']).toBe('/S');
      }
      expect(root['/ParentTreeNextKey']).toBe(nums.length / 2);
    }
  });

  it('is deterministic', async () => {
    const again = await renderPdfFiles(set, ALL);
    expect(Buffer.from(again.combined).equals(Buffer.from(ready.combined))).toBe(true);
  });

  itWith(['qpdf'])('lets a field be signed in place: pdfsig validates a signature made into it with a throw-away certificate', async () => {
    const tools = ['pdfsig', 'openssl'].filter((t) => spawnSync(t, ['-v']).error);
    if (tools.length) {
      // CI sets CPOM_EXIGER_OUTILS=1: a missing client is a failure there, never a silent pass.
      if (process.env.CPOM_EXIGER_OUTILS === '1') throw new Error(`outils absents : ${tools.join(', ')}`);
      console.warn(`⚠ pdfsig/openssl absents (${tools.join(', ')}) : signature de test IGNORÉE`);
      return;
    }
    const signed = await signField(ready.perDocument[0]!, 'Signature2_TITULAIRE', 'Test CPOM');
    const out = run('pdfsig', signed, ['{}']);
    expect(out).toContain('Signature Field Name: Signature2_TITULAIRE');
    expect(out).toContain('Signer Certificate Common Name: Test CPOM');
    expect(out).toMatch(/Signature Validation: Signature is Valid/);
    expect(qpdfCheck(signed).ok).toBe(true);
    // A byte changed inside the signed range: pdfsig must say so.
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Title');
    tampered[at + 1] = 'X'.charCodeAt(0);
    expect(run('pdfsig', tampered, ['{}'])).not.toMatch(/Signature Validation: Signature is Valid/);
  });
});

describe('e-signature options', () => {
  const model = { signature: { cachet: false }, signature_electronique: { ancres: ['yousign' as const], champs: true } };

  it('takes the model’s options, and lets --signature-electronique replace them', () => {
    expect(esignatureFor({ signature: { cachet: false } })).toEqual({ anchors: [], fields: false, cachet: false });
    expect(esignatureFor(model)).toEqual({ anchors: ['yousign'], fields: true, cachet: false });
    expect(esignatureFor(model, parseESignature('aucune').override)).toEqual({ anchors: [], fields: false, cachet: false, override: true });
    expect(esignatureFor(model, parseESignature('docusign,iparapheur').override)).toEqual({ anchors: ['iparapheur', 'docusign'], fields: false, cachet: false, override: true });
    expect(parseESignature('yousign,signature').error).toMatch(/« signature » inconnu/);
    expect(parseESignature('aucune,champs').error).toMatch(/aucune/);
  });

  it('warns in French when a file with Yousign anchors has more than 150 pages', () => {
    const yousign: ESignatureOptions = { anchors: ['yousign'], fields: false, cachet: false };
    expect(yousignWarning('a.pdf', 150, yousign)).toBeUndefined();
    expect(yousignWarning('a.pdf', 151, { ...yousign, anchors: ['docusign'] })).toBeUndefined();
    const w = yousignWarning('a.pdf', 151, yousign)!;
    expect(w.code).toBe('PDF-YOUSIGN-150');
    expect(w.message).toMatch(/« a\.pdf » compte 151 pages.*150 pages au plus/);
    const r = esignatureRecord(yousign, [
      { name: 'b.pdf', pages: 151, zones: [] },
      { name: 'a.pdf', pages: 3, zones: [] },
    ]);
    expect(r.warnings.map((d) => d.message)).toHaveLength(1);
    expect(r.record.fichiers.map((f) => f.chemin)).toEqual(['a.pdf', 'b.pdf']);
  });
});
