// E-signature in a campaign: each contract's manifest entry records its PDFs' signature zones
// (paths relative to the campaign folder), --signature-electronique reaches the workers, and
// --reprendre renders again a contract whose recorded options differ from the wanted ones.
import { describe, expect, it } from 'vitest';
import { inlineExecutor } from '../../src/batch/pool.ts';
import { render } from '../../src/batch/render.ts';
import { runCampaign } from '../../src/batch/runner.ts';
import { campaign, tmp } from './helpers.ts';

describe('campagne : signature électronique', () => {
  it('records every PDF’s zones per contract, applies the option, and does not reuse files made with other options', async () => {
    const c = await campaign(1, 7);
    const sortie = tmp('esig');
    const base = { entree: c.dossier, sortie, formats: ['pdf'] as const, jobs: 1, executor: () => inlineExecutor(render) };
    const plain = await runCampaign({ ...base, reprendre: false });
    const e0 = plain.manifest.contrats[0]!;
    expect(e0.signature_electronique).toMatchObject({ choix: 'modele', ancres: [], champs: false });
    expect(e0.signature_electronique!.fichiers.map((f) => f.chemin)).toEqual(e0.fichiers.map((f) => f.chemin));
    expect(e0.signature_electronique!.fichiers.some((f) => f.zones.some((z) => z.type === 'signature'))).toBe(true);

    const ready = await runCampaign({ ...base, reprendre: true, esignature: { anchors: ['yousign'], fields: true } });
    expect(ready.repris).toBe(0);
    const e1 = ready.manifest.contrats[0]!;
    expect(e1.signature_electronique).toMatchObject({ choix: 'commande', ancres: ['yousign'], champs: true });
    expect(e1.signature_electronique!.fichiers.flatMap((f) => f.zones).filter((z) => z.type === 'signature').every((z) => z.champ && z.ancres?.[0]?.startsWith('{{s'))).toBe(true);

    expect((await runCampaign({ ...base, reprendre: true, esignature: { anchors: ['yousign'], fields: true } })).repris).toBe(1);
    expect((await runCampaign({ ...base, reprendre: true })).repris).toBe(0);
  });
});
