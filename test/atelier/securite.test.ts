// The atelier's refusals, at the HTTP level: loopback only, Host and Origin checked (DNS
// rebinding, other sites' forms), writes confined to existing template files of the library,
// bounded bodies, and templates that cannot read outside the library.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atelier } from '../../src/atelier/server.ts';
import { atelierOnCopy, sameOrigin } from './helpers.ts';

let atelier: Atelier;
let root: string;
let url: string;

beforeAll(async () => {
  ({ atelier, root } = await atelierOnCopy());
  url = atelier.url;
});
afterAll(() => atelier.close());

/** A raw request (fetch may not set Host): status and body. */
function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((ok, ko) => {
    const r = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let b = '';
      res.on('data', (c) => (b += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: b }));
    });
    r.on('error', ko);
    r.end(body);
  });
}

const put = (chemin: unknown, texte: unknown, headers = sameOrigin(url)) => fetch(new URL('/api/fichier', url), { method: 'PUT', headers, body: JSON.stringify({ chemin, texte }) });

describe('atelier: who may talk to it', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${new URL(url).port}/`)).rejects.toThrow();
    }
  });

  it('answers its own Host, refuses any other (DNS rebinding)', async () => {
    const port = new URL(url).port;
    expect((await raw('/api/etat', { Host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await raw('/api/etat', { Host: `localhost:${port}` })).status).toBe(200);
    const evil = await raw('/api/etat', { Host: `attaquant.example:${port}` });
    expect(evil.status).toBe(403);
    expect(evil.body).toContain('hôte refusé');
    expect((await raw('/', { Host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
  });

  it('refuses writes from another origin, from another site, or without Origin', async () => {
    const file = join(root, 'dgos-2012', 'socle.md');
    const before = readFileSync(file, 'utf8');
    expect((await put('dgos-2012/socle.md', 'x', { Origin: 'http://attaquant.example', 'Content-Type': 'application/json' })).status).toBe(403);
    expect((await put('dgos-2012/socle.md', 'x', { 'Content-Type': 'application/json' })).status).toBe(403);
    expect((await put('dgos-2012/socle.md', 'x', { ...sameOrigin(url), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // A form post (no JSON) is not a write either.
    const form = await fetch(new URL('/api/fichier', url), { method: 'PUT', headers: { Origin: new URL(url).origin, 'Content-Type': 'text/plain' }, body: '{"chemin":"dgos-2012/socle.md","texte":"x"}' });
    expect(form.status).toBe(400);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('atelier: what it may write', () => {
  it('refuses paths leaving the library, absolute paths, other extensions, absent files', async () => {
    writeFileSync(join(root, '..', 'cpom-atelier-dehors.md'), 'dehors');
    for (const [chemin, word] of [
      ['../cpom-atelier-dehors.md', '..'],
      ['dgos-2012/../../cpom-atelier-dehors.md', '..'],
      ['/etc/hostname.md', 'relatif'],
      ['dgos-2012\\socle.md', 'relatif'],
      ['dgos-2012/socle.ts', 'pas un fichier de modèle'],
      ['dgos-2012/nouveau.md', 'introuvable'],
      [42, 'chemin'],
    ] as const) {
      const r = await put(chemin, 'remplacé');
      expect(r.status, String(chemin)).toBe(400);
      expect((await r.json()).erreur, String(chemin)).toContain(word);
    }
    expect(readFileSync(join(root, '..', 'cpom-atelier-dehors.md'), 'utf8')).toBe('dehors');
  });

  it('refuses to write through a symbolic link, even to a file of the library', async () => {
    const target = join(root, 'dgos-2012', 'annexe-01.md');
    const before = readFileSync(target, 'utf8');
    symlinkSync(target, join(root, 'dgos-2012', 'lien.md'));
    const r = await put('dgos-2012/lien.md', 'remplacé');
    expect(r.status).toBe(400);
    expect((await r.json()).erreur).toContain('lien symbolique');
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect((await fetch(new URL('/api/fichier?chemin=dgos-2012/lien.md', url))).status).toBe(400);
  });

  it('writes an existing template file atomically, leaving no temporary file', async () => {
    const file = join(root, 'dgos-2012', 'annexe-02.md');
    const text = `${readFileSync(file, 'utf8')}\nAjout.\n`;
    const r = await put('dgos-2012/annexe-02.md', text);
    expect(r.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(root, 'dgos-2012')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('atelier: templates stay inside the library', () => {
  it('flags an include of a file outside the library in a checked buffer', async () => {
    const r = await fetch(new URL('/api/verifier', url), {
      method: 'POST',
      headers: sameOrigin(url),
      body: JSON.stringify({ modele: 'dgos-2012', chemin: 'dgos-2012/annexe-02.md', texte: '# Titre\n\n{% inclure "../../../../etc/passwd" %}\n' }),
    });
    expect(r.status).toBe(200);
    const { diagnostics } = await r.json();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0].ligne).toBe(3);
    expect(JSON.stringify(diagnostics)).not.toContain('root:');
  });
});

// Last: the server closes the connection after refusing an oversized body mid-upload.
describe('atelier: request sizes', () => {
  it('bounds request bodies and file sizes', async () => {
    const big = await put('dgos-2012/socle.md', 'x'.repeat(3 * 1024 * 1024));
    expect(big.status).toBe(413);
    const over = await put('dgos-2012/socle.md', 'x'.repeat(1024 * 1024 + 10));
    expect(over.status).toBe(400);
  });

});
