// Annexes signed on their own (manifest `signature.annexes_signees_separement`). Occitanie's
// socle, article 10 (002_31a56b3083e7fdc0.txt, l. 1704-1708): « Les annexes du présent contrat
// peuvent être signées après la signature du contrat socle […] Elles prendront effet à leur date
// de signature, et au plus tard le 3 août 2019 ». So each annex prints its own « Fait à …, le … »
// (contract data `annexes.<document id>.signature`, blanks when absent) and takes effect on that
// date; a date after `dates.annexes_au_plus_tard` contradicts the socle the parties signed.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { own } from '../dsl/own.ts';
import { suggest } from '../dsl/suggest.ts';
import type { Binding } from '../eval/env.ts';
import { formatDate } from '../ir/resolve/french.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from './load.ts';

const ARTICLE_10 = { fichier: '002_31a56b3083e7fdc0.txt', ligne: 1707, citation: 'Elles prendront effet à leur date de signature, et au plus tard le 3 août 2019' };
const ARTICLE_10_APRES = { fichier: '002_31a56b3083e7fdc0.txt', ligne: 1704, citation: 'Les annexes du présent contrat peuvent être signées après la signature du contrat socle' };

/** Is this document an annex with a signature of its own (not the socle, the model's first document)? */
function signedOnItsOwn(model: Model, documentId: string): boolean {
  return model.manifest.signature.annexes_signees_separement && model.documents[0]?.entry.id !== documentId;
}

/**
 * The template variable `signature` inside a document: its place, date and effect date. The
 * socle (and every annex of a model that signs them together) has the contract's `dates.signature`
 * and takes effect on `dates.effet`; an annex signed on its own has its own data, and takes
 * effect on its signature date (unknown, so absent, until it is given).
 */
export function documentSignature(model: Model, c: Contract, documentId: string): Binding {
  if (!signedOnItsOwn(model, documentId)) return { value: { ...c.dates.signature, effet: c.dates.effet }, path: 'dates.signature' };
  const own_ = c.annexes ? own(c.annexes, documentId)?.signature : undefined;
  return { value: { ...own_, ...(own_?.date ? { effet: own_.date } : {}) }, path: `annexes.${documentId}.signature` };
}

/** Diagnostics on `annexes`: ids the model signs on their own, dates article 10 allows. */
export function checkAnnexSignatures(model: Model, c: Contract): Diagnostic[] {
  if (!c.annexes) return [];
  const out: Diagnostic[] = [];
  const ids = Object.keys(c.annexes);
  if (ids.length === 0) return out;
  if (!model.manifest.signature.annexes_signees_separement) {
    return [
      {
        severity: 'erreur',
        code: 'SIGNATURE-ANNEXE-INCONNUE',
        dataPath: 'annexes',
        message: `le modèle ${model.id} fait signer les annexes avec le contrat (lieu et date : dates.signature) : les signatures données dans « annexes » (${ids.join(', ')}) ne seraient imprimées nulle part`,
      },
    ];
  }
  const annexIds = model.documents.filter((d) => signedOnItsOwn(model, d.entry.id)).map((d) => d.entry.id);
  const limit = c.dates.annexes_au_plus_tard;
  const socle = c.dates.signature?.date;
  for (const id of ids) {
    if (!annexIds.includes(id)) {
      const isSocle = model.documents[0]?.entry.id === id;
      const hint = isSocle ? undefined : suggest(id, annexIds);
      out.push({
        severity: 'erreur',
        code: 'SIGNATURE-ANNEXE-INCONNUE',
        dataPath: `annexes.${id}`,
        message: isSocle
          ? `« ${id} » est le contrat socle : son lieu et sa date de signature se donnent dans dates.signature`
          : `annexe « ${id} » inconnue du modèle ${model.id} ; annexes signées séparément : ${annexIds.join(', ')}`,
        ...(hint ? { hints: [`vouliez-vous dire « ${hint} » ?`] } : {}),
      });
      continue;
    }
    const date = own(c.annexes, id)?.signature?.date;
    if (!date) continue;
    const dataPath = `annexes.${id}.signature.date`;
    if (limit && date > limit) {
      out.push({
        severity: 'erreur',
        code: 'SIGNATURE-ANNEXE-TARDIVE',
        dataPath,
        message: `l’annexe « ${id} » serait signée le ${formatDate(date)}, après le ${formatDate(limit)} (dates.annexes_au_plus_tard) : l’article 10 du socle la fait prendre effet à sa date de signature et au plus tard à cette date ; signez-la avant ou modifiez d’abord la date limite par avenant au socle`,
        source: ARTICLE_10,
      });
    } else if (socle && date < socle) {
      out.push({
        severity: 'avertissement',
        code: 'SIGNATURE-ANNEXE-AVANT-SOCLE',
        dataPath,
        message: `l’annexe « ${id} » serait signée le ${formatDate(date)}, avant le contrat socle (${formatDate(socle)}) : l’article 10 prévoit que les annexes sont signées après lui`,
        source: ARTICLE_10_APRES,
      });
    }
  }
  return out;
}
