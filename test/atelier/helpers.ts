// An atelier on a throw-away copy of the engine's model library: tests edit files freely and
// never touch templates/.
import { cpSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAtelier, type Atelier } from '../../src/atelier/server.ts';
import { TEMPLATES_ROOT } from '../../src/templates/load.ts';

export async function atelierOnCopy(models: readonly string[] = ['dgos-2012']): Promise<{ atelier: Atelier; root: string }> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'cpom-atelier-')));
  for (const m of models) cpSync(join(TEMPLATES_ROOT, m), join(root, m), { recursive: true });
  return { atelier: await startAtelier({ root, port: 0 }), root };
}

/** Same-origin headers, as the atelier's own page sends them. */
export function sameOrigin(url: string, json = true): Record<string, string> {
  return { Origin: new URL(url).origin, ...(json ? { 'Content-Type': 'application/json' } : {}) };
}
