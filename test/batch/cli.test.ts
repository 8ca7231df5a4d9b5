import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineProgress } from '../../src/batch/progress.ts';
import { parseTranche, selectTranche } from '../../src/batch/tranche.ts';
import { UsageError } from '../../src/cli/args.ts';
import { runCampagne } from '../../src/cli/commands/campagne.ts';
import { campaign, tmp } from './helpers.ts';

describe('cpom campagne (ligne de commande)', () => {
  it('rejects bad usage with French messages', async () => {
    const quiet = () => {};
    await expect(runCampagne(['x'], quiet, quiet)).rejects.toThrow(new UsageError('option --sortie manquante'));
    await expect(runCampagne(['x', '--sortie', 'y', '--tranche', '4/3'], quiet, quiet)).rejects.toThrow(/1 ≤ k ≤ n/);
    await expect(runCampagne(['x', '--sortie', 'y', '--format', 'odt'], quiet, quiet)).rejects.toThrow(/format inconnu « odt »/);
    await expect(runCampagne(['x', '--sortie', 'y', '--jobs', '0'], quiet, quiet)).rejects.toThrow(/--jobs/);
    const help: string[] = [];
    expect(await runCampagne(['--aide'], (s) => help.push(s), quiet)).toBe(0);
    expect(help.join('\n')).toContain('--reprendre');
  });

  it('generates a small campaign as PDF only and says where the manifest is', async () => {
    const c = await campaign(2, 51);
    const out = tmp('cli');
    const lines: string[] = [];
    const code = await runCampagne([c.dossier, '--sortie', out, '--format', 'pdf', '--jobs', '1'], (s) => lines.push(s), () => {});
    expect(code).toBe(0);
    // Generated with warnings: the synthetic contracts fill indicator units, sources and instance
    // opinions, which the Occitanie model does not print (donnees_non_imprimees in its manifest).
    expect(lines.join('\n')).toMatch(/2 contrat\(s\) : 0 généré\(s\), 2 avec avertissements, 0 en erreur/);
    expect(lines.join('\n')).toContain(join(out, 'manifest.json'));
    const holders = readdirSync(out).filter((d) => /^\d{9}$/.test(d));
    expect(holders).toHaveLength(2);
    for (const h of holders) {
      const files = readdirSync(join(out, h));
      expect(files.every((f) => f.endsWith('.pdf'))).toBe(true);
      expect(files).toContain(`${h}-dossier-complet.pdf`);
    }
    expect(existsSync(join(out, 'rapport.html'))).toBe(true);
  });
});

describe('tranches et progression', () => {
  it('parses k/n and refuses the impossible', () => {
    expect(parseTranche('2/4')).toEqual({ k: 2, n: 4 });
    expect(parseTranche('0/4')).toMatch(/impossible/);
    expect(parseTranche('deux')).toMatch(/k\/n/);
    expect(selectTranche(['a', 'b', 'c', 'd', 'e'], { k: 2, n: 2 })).toEqual(['b', 'd']);
  });

  it('prints plain lines at every tenth of the campaign when not on a terminal', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l), 1e9);
    p.start(20);
    for (let i = 0; i < 20; i++) p.tick(i === 3);
    p.stop();
    expect(lines[0]).toBe('campagne : 20 contrats à traiter');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/^campagne : 20\/20 contrats \(100 %\), .* contrats\/s, .*, 1 en erreur$/);
  });
});
