// cpom atelier's command line: usage errors in French, exit code 2, nothing started.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, () => {}, (s) => (err += plainSpaces(s)));
  return { code, err };
}

describe('cpom atelier (command line)', () => {
  it('refuses a bad port, a missing library and a port already taken', async () => {
    expect(await run(['atelier', '--port', 'abc'])).toMatchObject({ code: 2, err: expect.stringContaining('port invalide « abc »') });
    expect(await run(['atelier', '--modeles', '/nulle/part'])).toMatchObject({ code: 2, err: expect.stringContaining('bibliothèque de modèles introuvable') });
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as { port: number }).port;
    try {
      expect(await run(['atelier', '--port', String(port)])).toMatchObject({ code: 2, err: expect.stringContaining(`le port ${port} est déjà pris`) });
    } finally {
      taken.close();
    }
  });
});
