// The atelier's HTTP server (hono on node:http, loopback only): the page, its script, pdf.js,
// the library's files, buffer checks, saves, and a server-sent event stream announcing each new
// preview. One author, one selection (model, file, contract) per server.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import Mustache from 'mustache';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { MAX_MODEL_FILE_BYTES } from '../io/confine.ts';
import { bundleClient } from './bundle.ts';
import { checkBuffer } from './compile.ts';
import { libraryFile, LOOPBACK, MAX_BODY_BYTES, requestRefusal } from './guard.ts';
import { editableFiles, exampleContracts, exampleName, examplePath, toRel } from './library.ts';
import { applicabilityMatrix, provenance } from './views.ts';
import { LibraryWatcher } from './watch.ts';
import { Workshop, type Preview } from './workshop.ts';

export interface AtelierOptions {
  readonly root: string;
  /** 0: any free port. */
  readonly port: number;
}

export interface Atelier {
  readonly url: string;
  readonly workshop: Workshop;
  close(): Promise<void>;
}

interface Selection {
  modele?: string;
  contrat?: string;
}

/** A diagnostic as the page shows it: file relative to the library, line and column. */
export interface DiagView {
  readonly severite: string;
  readonly code: string;
  readonly message: string;
  readonly fichier?: string;
  readonly ligne?: number;
  readonly colonne?: number;
  readonly debut?: number;
  readonly fin?: number;
  readonly chemin?: string;
  readonly indices?: readonly string[];
}

function viewOf(root: string, d: Diagnostic): DiagView {
  const rel = d.span ? relative(root, resolve(d.span.file)) : undefined;
  return {
    severite: d.severity,
    code: d.code,
    message: d.message,
    ...(d.span ? { fichier: rel!.split('\\').join('/'), ligne: d.span.start.line, colonne: d.span.start.column, debut: d.span.start.offset, fin: d.span.end.offset } : {}),
    ...(d.dataPath ? { chemin: d.dataPath } : {}),
    ...(d.hints?.length ? { indices: d.hints } : {}),
  };
}

const SHELL = readFileSync(new URL('./shells/page.mustache', import.meta.url), 'utf8');
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function startAtelier(opts: AtelierOptions): Promise<Atelier> {
  const { root } = opts;
  const workshop = new Workshop(root);
  const client = await bundleClient();
  const selection: Selection = {};
  const listeners = new Set<(event: string, data: string) => void>();
  let port = 0;
  let version = 0;
  let last: (Preview & { version: number }) | undefined;
  let rendering: Promise<void> | undefined;
  let again = false;
  let changed: string | undefined;

  const broadcast = (event: string, data: unknown) => {
    const s = JSON.stringify(data);
    for (const l of listeners) l(event, s);
  };
  const contractPath = (rel: string) => examplePath(root, rel);
  // Renders are serialised; changes arriving meanwhile coalesce into one more render.
  const rerender = (): Promise<void> => {
    if (rendering) {
      again = true;
      return rendering;
    }
    rendering = (async () => {
      do {
        again = false;
        if (!selection.modele || !selection.contrat) break;
        const p = await workshop.render(selection.modele, contractPath(selection.contrat));
        last = { ...p, version: ++version };
        broadcast('apercu', summary(last, changed));
      } while (again);
    })().finally(() => {
      rendering = undefined;
    });
    return rendering;
  };
  const summary = (p: Preview & { version: number }, fichier?: string) => ({
    version: p.version,
    sha256: p.sha256 ?? null,
    pages: p.pages,
    documents: p.documents,
    erreurs: p.errors.map((d) => viewOf(root, d)),
    avertissements: p.warnings.map((d) => viewOf(root, d)),
    durees_ms: Object.fromEntries(Object.entries(p.timings).map(([k, v]) => [k, Math.round(v)])),
    ...(fichier ? { fichier_modifie: fichier } : {}),
  });

  const onDisk = (abs: string) => {
    workshop.fileChanged(abs);
    changed = toRel(root, abs);
    broadcast('fichier', { fichier: changed });
    void rerender();
  };
  const watcher = new LibraryWatcher(root, onDisk);

  const app = new Hono();
  app.use('*', async (c, next) => {
    const refusal = requestRefusal(port, c.req.method, c.req.header('host'), c.req.header('origin'), c.req.header('sec-fetch-site'));
    if (refusal) return c.json({ erreur: refusal }, 403);
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'");
  });
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ erreur: `requête trop grosse (plus de ${MAX_BODY_BYTES} octets)` }, 413) }));

  app.get('/', (c) => c.html(Mustache.render(SHELL, { racine: root })));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/atelier.js', (c) => c.body(new Uint8Array(client), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
    const bytes = readFileSync(join(PDFJS, 'build', f));
    app.get(`/pdfjs/${f}`, (c) => c.body(bytes, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  }

  app.get('/api/etat', (c) => {
    const examples = exampleContracts(root).map((p) => ({ chemin: exampleName(root, p), modele: workshopModelOf(workshop, p) }));
    const modeles = workshop.modelIds().map((id) => ({ id, fichiers: editableFiles(root, id) }));
    return c.json({ racine: root, modeles, contrats: examples, selection });
  });
  app.get('/api/fichier', (c) => {
    const f = libraryFile(root, c.req.query('chemin'));
    if (!f.ok) return c.json({ erreur: f.message }, 400);
    return c.json({ chemin: c.req.query('chemin'), texte: readFileSync(f.abs, 'utf8') });
  });
  app.post('/api/verifier', async (c) => {
    const b = await jsonBody(c);
    const f = libraryFile(root, b?.chemin);
    if (!f.ok || typeof b?.texte !== 'string' || typeof b?.modele !== 'string') return c.json({ erreur: f.ok ? 'modele et texte attendus' : f.message }, 400);
    const s = workshop.state(b.modele);
    if (!s.good) return c.json({ diagnostics: s.errors.map((d) => viewOf(root, d)) });
    return c.json({ diagnostics: checkBuffer(s.good, f.abs, b.texte).map((d) => viewOf(root, d)) });
  });
  app.put('/api/fichier', async (c) => {
    const b = await jsonBody(c);
    const f = libraryFile(root, b?.chemin);
    if (!f.ok) return c.json({ erreur: f.message }, 400);
    if (typeof b?.texte !== 'string' || Buffer.byteLength(b.texte) > MAX_MODEL_FILE_BYTES) return c.json({ erreur: 'texte attendu (1 Mio au plus)' }, 400);
    writeFileAtomic(f.abs, b.texte);
    watcher.note(f.abs, b.texte);
    onDisk(f.abs);
    return c.json({ enregistre: b.chemin });
  });
  app.post('/api/selection', async (c) => {
    const b = await jsonBody(c);
    if (typeof b?.modele !== 'string' || !workshop.modelIds().includes(b.modele)) return c.json({ erreur: 'modèle inconnu' }, 400);
    if (typeof b?.contrat !== 'string') return c.json({ erreur: 'contrat attendu' }, 400);
    selection.modele = b.modele;
    selection.contrat = b.contrat;
    changed = undefined;
    void rerender();
    return c.json({ selection });
  });
  app.get('/api/apercu.pdf', (c) => {
    if (!last?.pdf) return c.json({ erreur: 'pas encore d’aperçu' }, 404);
    return c.body(new Uint8Array(last.pdf), 200, { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store', ETag: `"${last.sha256}"` });
  });
  app.get('/api/matrice', (c) => {
    const id = c.req.query('modele') ?? '';
    if (!workshop.modelIds().includes(id)) return c.json({ erreur: 'modèle inconnu' }, 400);
    const m = workshop.state(id).good;
    if (!m) return c.json({ erreur: 'le modèle ne se charge pas' }, 409);
    return c.json({ documents: m.documents.map((d) => ({ id: d.entry.id, nom: d.entry.nom })), lignes: applicabilityMatrix(workshop, m, exampleContracts(root), (p) => exampleName(root, p)), provenance: provenance(m) });
  });
  app.get('/api/evenements', (c) =>
    streamSSE(c, async (stream) => {
      const send = (event: string, data: string) => void stream.writeSSE({ event, data });
      listeners.add(send);
      if (last) send('apercu', JSON.stringify(summary(last)));
      stream.onAbort(() => {
        listeners.delete(send);
      });
      while (!stream.aborted) await stream.sleep(15_000).then(() => stream.writeSSE({ event: 'ping', data: '' }));
      listeners.delete(send);
    }),
  );

  // A port already taken is the user's environment: reported, not an unhandled 'error' event.
  const server: ServerType = await new Promise((ok, ko) => {
    const s = serve({ fetch: app.fetch, hostname: LOOPBACK, port: opts.port }, () => ok(s));
    s.once('error', (e) => {
      watcher.close();
      ko(e);
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    workshop,
    close: async () => {
      watcher.close();
      await rendering;
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** The model a contract names, without failing the listing on a broken contract. */
function workshopModelOf(w: Workshop, path: string): string | null {
  const c = w.contract(path);
  return c.ok ? c.value.modele : null;
}

async function jsonBody(c: Context): Promise<Record<string, unknown> | undefined> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return undefined;
  try {
    const v: unknown = await c.req.json();
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
