// Running the CLI in-process and listing what it wrote: shared by the CLI tests.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += `${s}\n`), (s) => (err += `${s}\n`));
  return { code, out, err };
}

/** Every file under `dir` (hidden ones too), relative, sorted. */
export function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
