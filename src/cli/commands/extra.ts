// Commands contributed by the avenant and campaign modules, registered here so main.ts stays a
// plain dispatch table.
import { AVENANT_COMMANDS } from './avenant.ts';
import { campagneCommand, runPreflight } from './campagne.ts';

type Out = (s: string) => void;
type Runner = (argv: readonly string[], out: Out, err: Out) => Promise<number>;

export const extraCommands: {
  commands: Record<string, { summary: string; help: string; run: Runner }>;
  preflight?: Runner;
} = {
  commands: { ...AVENANT_COMMANDS, campagne: campagneCommand },
  preflight: runPreflight,
};
