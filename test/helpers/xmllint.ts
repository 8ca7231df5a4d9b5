// XML Schema validation with libxml2's xmllint (Debian libxml2-utils), many documents per run:
// the schema set takes longer to compile than a document to validate, so documents are written
// to a temporary folder and handed to one xmllint process in large batches.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files per xmllint run: far below the argument-list limit, few runs for hundreds of parts. */
const BATCH = 500;

/**
 * Validates each document (key → XML text) against `schema`, offline (--nonet). Returns the
 * errors per key, `line: message`; a key maps to [] only when xmllint said it validates. Throws
 * when xmllint itself fails (schema not compiled, output it does not normally print), so a broken
 * tool can never pass for valid documents.
 */
export function xsdErrors(schema: string, docs: ReadonlyMap<string, string>): Map<string, string[]> {
  const keys = [...docs.keys()];
  const dir = mkdtempSync(join(tmpdir(), 'xmllint-'));
  const result = new Map<string, string[]>();
  try {
    const files = keys.map((key, i) => {
      const file = join(dir, `${i}.xml`);
      writeFileSync(file, docs.get(key)!);
      return file;
    });
    for (let from = 0; from < files.length; from += BATCH) {
      const batch = files.slice(from, from + BATCH);
      const res = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...batch], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (res.error) throw new Error(`could not start xmllint: ${res.error.message}`);
      // 0: all valid; 1: a document is not well formed; 3: a document is not valid. Anything
      // else (4 unreadable input, 5 schema not compiled…) is the tool failing, not a verdict.
      if (![0, 1, 3].includes(res.status ?? -1)) throw new Error(`xmllint failed (status ${res.status}):\n${res.stdout}${res.stderr}`);
      const verdicts = parseOutput(`${res.stdout}\n${res.stderr}`, batch);
      batch.forEach((file, j) => {
        const v = verdicts.get(file)!;
        const key = keys[from + j]!;
        if (!v.validates && v.errors.length === 0) v.errors.push('xmllint gave no verdict');
        if (v.validates && v.errors.length > 0) throw new Error(`xmllint: ${key} "validates" despite ${v.errors.join('; ')}`);
        result.set(key, v.errors);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

interface Verdict {
  validates: boolean;
  errors: string[];
}

function parseOutput(output: string, files: readonly string[]): Map<string, Verdict> {
  const verdicts = new Map(files.map((f) => [f, { validates: false, errors: [] as string[] }]));
  let last: string[] | undefined;
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const ok = / validates$/.exec(line) ? verdicts.get(line.slice(0, -' validates'.length)) : undefined;
    if (ok) {
      ok.validates = true;
      last = undefined;
      continue;
    }
    if (line.endsWith(' fails to validate') && verdicts.has(line.slice(0, -' fails to validate'.length))) {
      last = undefined;
      continue;
    }
    const m = /^(.*?\.xml):(\d+): (.*)$/.exec(line);
    const v = m ? verdicts.get(m[1]!) : undefined;
    if (m && v) {
      v.errors.push(`${m[2]}: ${m[3]}`);
      last = v.errors;
      continue;
    }
    // libxml2 skips the second import of a namespace (locationless or remote): expected.
    if (/Schemas parser warning : .*Skipping import of schema/.test(line)) continue;
    // A parser error is followed by the offending source line and a caret: keep them with it.
    if (last) {
      last[last.length - 1] += `\n${line}`;
      continue;
    }
    throw new Error(`xmllint: unexpected output "${line}"`);
  }
  return verdicts;
}
