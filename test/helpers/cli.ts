// Running the CLI in-process (its entry function, with out/err callbacks) and looking at what
// it wrote: shared by the CLI tests.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

export interface Run {
  readonly code: number;
  /** What the CLI printed, its French no-break spaces (U+00A0, U+202F) read as plain spaces. */
  readonly out: string;
  readonly err: string;
  /** Byte for byte what it printed. */
  readonly printed: { readonly out: string; readonly err: string };
}

/**
 * CLI tests compare wording, written in them with plain spaces; the French typography of what
 * is printed has its own tests (test/diagnostics/cli-typography.test.ts), which read `printed`.
 */
export const plainSpaces = (s: string): string => s.replace(/[\u00A0\u202F]/g, ' ');

/** The CLI's entry function; a thrown exception fails the test (it would be « erreur interne »). */
export async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += `${s}\n`), (s) => (err += `${s}\n`));
  return { code, out: plainSpaces(out), err: plainSpaces(err), printed: { out, err } };
}

export const cpom = run;

/** Every file under `dir` (hidden ones too), relative, sorted; none when it does not exist. */
export function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Every file under `dir`, as full paths. */
export function filesUnder(dir: string): string[] {
  return files(dir).map((f) => join(dir, f));
}

/** Words of the yaml package's and zod's English messages that French text never uses. */
export const ENGLISH = /\b(the|must|should|cannot|Unexpected|Unresolved|Invalid input|Expected|received|Implicit|Missing|Nested|alias count|not allowed|at line)\b/;

/** A diagnostic head line names a place: file:line:col, or a data path after the code. */
export const PLACED = /^(\S+:\d+:\d+ : (erreur|avertissement) \[[A-Z0-9-]+\] : |(erreur|avertissement) \[[A-Z0-9-]+\] : \S)/m;
