/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The atelier's page: pick a model, a file and a contract; edit with live diagnostics; see the
// whole contract's PDF redrawn (pdf.js) after each save, here or in another editor.
import { EditorView, basicSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { keymap } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { drawPdf } from './pdf.ts';

interface DiagView {
  severite: string;
  code: string;
  message: string;
  fichier?: string;
  ligne?: number;
  colonne?: number;
  debut?: number;
  fin?: number;
  chemin?: string;
  indices?: string[];
}
interface PreviewEvent {
  version: number;
  sha256: string | null;
  pages: number;
  documents: { id: string; nom: string; fichier: string; premiere_page: number; pages: number }[];
  erreurs: DiagView[];
  avertissements: DiagView[];
  durees_ms: Record<string, number>;
  fichier_modifie?: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const modelSel = $<HTMLSelectElement>('modele');
const fileSel = $<HTMLSelectElement>('fichier');
const contractSel = $<HTMLSelectElement>('contrat');
const contractPath = $<HTMLInputElement>('contrat-chemin');
const status = $('etat');
const diagList = $('diagnostics');
const warnList = $('avertissements');
const preview = $('apercu');

let state: { modeles: { id: string; fichiers: string[] }[]; contrats: { chemin: string; modele: string | null }[] };
let openFile = '';
let saved = '';
let lastPreview: PreviewEvent | undefined;
let typed: DiagView[] | undefined;

const api = async (method: string, url: string, body?: unknown) => {
  const r = await fetch(url, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const v = await r.json();
  if (!r.ok) throw new Error(v.erreur ?? r.statusText);
  return v;
};

const view = new EditorView({
  parent: $('editeur'),
  extensions: [
    basicSetup,
    markdown(),
    lintGutter(),
    keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (void save(), true) }]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) onTyped();
    }),
  ],
});

let typingTimer: number | undefined;
function onTyped(): void {
  markDirty();
  clearTimeout(typingTimer);
  typingTimer = window.setTimeout(async () => {
    const texte = view.state.doc.toString();
    const r = await api('POST', '/api/verifier', { modele: modelSel.value, chemin: openFile, texte });
    if (view.state.doc.toString() !== texte) return;
    typed = r.diagnostics;
    showDiagnostics();
  }, 200);
}

function markDirty(): void {
  const dirty = view.state.doc.toString() !== saved;
  document.body.dataset.modifie = dirty ? '1' : '0';
  $('enregistrer').textContent = dirty ? 'Enregistrer* (Ctrl-S)' : 'Enregistrer (Ctrl-S)';
}

async function save(): Promise<void> {
  const texte = view.state.doc.toString();
  await api('PUT', '/api/fichier', { chemin: openFile, texte });
  saved = texte;
  typed = undefined;
  markDirty();
}

/** Diagnostics of the open file: the buffer's while typing, else those of the last preview. */
function showDiagnostics(): void {
  const fromPreview = lastPreview?.erreurs ?? [];
  const mine = typed ?? fromPreview.filter((d) => d.fichier === openFile);
  const others = fromPreview.filter((d) => d.fichier !== openFile);
  const len = view.state.doc.length;
  const cm: CmDiagnostic[] = mine
    .filter((d) => d.debut !== undefined)
    .map((d) => ({ from: Math.min(d.debut!, len), to: Math.min(Math.max(d.fin!, d.debut! + 1), len), severity: d.severite === 'erreur' ? 'error' : 'warning', message: `${d.code} : ${d.message}` }));
  view.dispatch(setDiagnostics(view.state, cm));
  diagList.replaceChildren(...[...mine, ...others].map((d) => item(d)));
  diagList.dataset.nombre = String(mine.length + others.length);
}

function item(d: DiagView): HTMLLIElement {
  const li = document.createElement('li');
  li.className = d.severite;
  if (d.ligne) li.dataset.ligne = String(d.ligne);
  if (d.fichier) li.dataset.fichier = d.fichier;
  const where = d.ligne ? `${d.fichier === openFile ? '' : `${d.fichier} `}ligne ${d.ligne}, colonne ${d.colonne}` : d.chemin ?? '';
  li.textContent = `${where ? `${where} — ` : ''}${d.message}${d.indices?.length ? ` (${d.indices.join(' ; ')})` : ''}`;
  if (d.ligne && d.fichier === openFile) {
    li.onclick = () => {
      const pos = Math.min(d.debut ?? 0, view.state.doc.length);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    };
  }
  return li;
}

async function openSelected(): Promise<void> {
  openFile = fileSel.value;
  const r = await api('GET', `/api/fichier?chemin=${encodeURIComponent(openFile)}`);
  load(r.texte);
  scrollToDocument();
}

function load(text: string): void {
  saved = text;
  typed = undefined;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  markDirty();
  showDiagnostics();
}

function fillFiles(): void {
  const m = state.modeles.find((x) => x.id === modelSel.value);
  fileSel.replaceChildren(...(m?.fichiers ?? []).map((f) => new Option(f, f)));
  // The socle first: the document every contract gets.
  const socle = m?.fichiers.find((f) => f.endsWith('/socle.md'));
  if (socle) fileSel.value = socle;
  const contracts = state.contrats.filter((c) => c.modele === modelSel.value);
  contractSel.replaceChildren(...contracts.map((c) => new Option(c.chemin, c.chemin)));
  const big = contracts.find((c) => /chu/.test(c.chemin));
  if (big) contractSel.value = big.chemin;
}

async function select(): Promise<void> {
  const contrat = contractPath.value.trim() || contractSel.value;
  await api('POST', '/api/selection', { modele: modelSel.value, contrat });
  void loadMatrix();
}

async function loadMatrix(): Promise<void> {
  const { drawMatrix } = await import('./views.ts');
  drawMatrix(await api('GET', `/api/matrice?modele=${encodeURIComponent(modelSel.value)}`), $('matrice'), $('provenance'));
}

let drawing = Promise.resolve();
async function onPreview(p: PreviewEvent): Promise<void> {
  lastPreview = p;
  if (p.fichier_modifie === openFile && document.body.dataset.modifie !== '1') {
    const r = await api('GET', `/api/fichier?chemin=${encodeURIComponent(openFile)}`);
    if (r.texte !== view.state.doc.toString()) load(r.texte);
  }
  showDiagnostics();
  warnList.replaceChildren(...p.avertissements.map((d) => item(d)));
  const t = Object.entries(p.durees_ms).map(([k, v]) => `${k} ${v} ms`).join(', ');
  status.textContent = p.sha256 ? `Aperçu n° ${p.version} : ${p.pages} pages (${t})${p.erreurs.length ? ' — périmé : le modèle a des erreurs' : ''}` : `Pas d’aperçu : ${p.erreurs.length} erreur(s)`;
  status.className = p.erreurs.length ? 'erreur' : 'ok';
  if (!p.sha256) return;
  drawing = drawing.then(async () => {
    const bytes = new Uint8Array(await (await fetch(`/api/apercu.pdf?v=${p.version}`)).arrayBuffer());
    await drawPdf(bytes, preview);
    preview.dataset.version = String(p.version);
    preview.dataset.sha = p.sha256!;
    preview.dataset.pages = String(p.pages);
    scrollToDocument();
  });
  await drawing;
}

function scrollToDocument(): void {
  const d = lastPreview?.documents.find((x) => x.fichier === openFile);
  if (!d) return;
  preview.querySelector<HTMLElement>(`[data-page="${d.premiere_page}"]`)?.scrollIntoView({ block: 'start' });
}

async function start(): Promise<void> {
  state = await api('GET', '/api/etat');
  modelSel.replaceChildren(...state.modeles.map((m) => new Option(m.id, m.id)));
  if (state.modeles.some((m) => m.id === 'dgos-2012')) modelSel.value = 'dgos-2012';
  fillFiles();
  modelSel.onchange = async () => {
    fillFiles();
    await openSelected();
    await select();
  };
  fileSel.onchange = () => void openSelected();
  contractSel.onchange = () => {
    contractPath.value = '';
    void select();
  };
  contractPath.onchange = () => void select();
  $('enregistrer').onclick = () => void save();
  const events = new EventSource('/api/evenements');
  events.addEventListener('apercu', (e) => void onPreview(JSON.parse((e as MessageEvent).data)));
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[data-onglet]')) {
    tab.onclick = () => {
      for (const p of document.querySelectorAll<HTMLElement>('.panneau')) p.hidden = p.id !== tab.dataset.onglet;
    };
  }
  await openSelected();
  await select();
  document.body.dataset.pret = '1';
}

void start();
