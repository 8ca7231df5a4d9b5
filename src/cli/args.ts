// Argument parsing with French messages (node:util parseArgs, whose own errors are English,
// is wrapped so users only ever read French). Usage errors exit with code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export function parse(argv: readonly string[], options: Options): Parsed {
  try {
    const r = parseArgs({ args: [...argv], options: { ...options, aide: { type: 'boolean', short: 'h' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const msg = (e as Error).message;
    const opt = /'(-{1,2}[^'\s]+)/.exec(msg)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`option inconnue « ${opt} »`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`valeur manquante ou invalide pour l’option « ${opt} »`);
    throw new UsageError(`arguments invalides (${msg})`);
  }
}

export function wantsHelp(p: Parsed): boolean {
  return p.values.aide === true || p.values.help === true;
}
