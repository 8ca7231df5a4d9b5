// The source texts, kept in the repository (templates/_sources, copied unchanged from the
// project's seeds). Citations and verbatim documents are checked by the tool (src/provenance);
// tests that look at a seed directly find it here.
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../templates/_sources/', import.meta.url));

export function seedPath(file: string): string {
  return `${SEEDS_DIR}${file}`;
}
