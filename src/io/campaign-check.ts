// `cpom verifier --sortie` on a campaign's output folder: every file its manifest.json lists is
// there with the recorded sha256, and no generated document lies in a holder's folder without
// being listed (files a user put there are the user's: the campaign keeps them, so do we).
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256File } from '../batch/hash.ts';
import { MANIFEST_FORMAT } from '../batch/manifest.ts';
import { isGeneratedFileName } from './names.ts';

const MAX_BYTES = 256 << 20;
const Plain = /^[^/\\.][^/\\]*$/;
const Schema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  contrats: z.array(
    z.object({
      // `FINESS/name`: two plain segments, so nothing outside the campaign folder is reached.
      fichiers: z.array(z.object({ chemin: z.string().refine((c) => c.split('/').length === 2 && c.split('/').every((s) => Plain.test(s))), sha256: z.string() })),
    }),
  ),
});

/** undefined when `root` is not a campaign folder; else the problems found (empty: intact). */
export async function verifyCampaign(root: string): Promise<{ readonly contrats: number; readonly problems: string[] } | undefined> {
  const path = join(root, 'manifest.json');
  if (!existsSync(path) || !lstatSync(path).isFile() || lstatSync(path).size > MAX_BYTES) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if ((data as { format?: unknown } | null)?.format !== MANIFEST_FORMAT) return undefined;
  const m = Schema.safeParse(data);
  if (!m.success) return { contrats: 0, problems: [`${path} : manifeste de campagne de forme inattendue`] };
  const problems: string[] = [];
  const listed = new Set<string>();
  const holders = new Set<string>();
  for (const c of m.data.contrats) {
    for (const f of c.fichiers) {
      listed.add(f.chemin);
      holders.add(f.chemin.split('/')[0]!);
      const p = join(root, f.chemin);
      const got = existsSync(p) && lstatSync(p).isFile() ? await sha256File(p) : undefined;
      if (got === undefined) problems.push(`${p} : fichier manquant`);
      else if (got !== f.sha256) problems.push(`${p} : contenu modifié depuis la production (sha256 différent)`);
    }
  }
  for (const h of [...holders].sort()) {
    const dir = join(root, h);
    if (!existsSync(dir) || !lstatSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (isGeneratedFileName(name) && name !== 'manifest.json' && !listed.has(`${h}/${name}`)) problems.push(`${join(dir, name)} : document absent du manifeste`);
    }
  }
  return { contrats: m.data.contrats.length, problems };
}
