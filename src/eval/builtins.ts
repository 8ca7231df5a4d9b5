// Implementations of the DSL's functions and filters (signatures in src/dsl/builtins.ts).
// A failure returns { erreur } (a French message), never throws.
import { formatAmount, formatDate, formatDateShort, formatList, formatNumber, formatValue, yearOf } from '../ir/resolve/french.ts';
import { member, own } from '../dsl/own.ts';
import { MISSIONS_SERVICE_PUBLIC, REGIONS_DE } from '../model/reference.ts';
import type { Binding, Runtime } from './env.ts';
import { isMissing } from './env.ts';

/** Marker for an absent value travelling through a filter chain until `defaut` or an error. */
export const MISSING: unique symbol = Symbol('absent');

type Failure = { readonly erreur: string };
const fail = (erreur: string): Failure => ({ erreur });

function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}

/** Label of the year column N+k under the model's convention. */
export function yearLabel(k: number, rt: Runtime): string {
  const rel = `N+${k}`;
  const abs = String(rt.yearN + k);
  switch (rt.manifest.annees.libelle) {
    case 'relatif':
      return rel;
    case 'absolu':
      return abs;
    case 'mixte':
      return `${rel} (${abs})`;
  }
}

export function callFunction(name: string, args: readonly Binding[], rt: Runtime): unknown {
  const a = args.map((b) => b.value);
  switch (name) {
    case 'nombre':
      return Array.isArray(a[0]) ? a[0].length : 0;
    case 'vide':
      return isMissing(a[0]) || a[0] === '' || (Array.isArray(a[0]) && a[0].length === 0);
    case 'existe':
      return !(isMissing(a[0]) || a[0] === '' || (Array.isArray(a[0]) && a[0].length === 0));
    case 'longueur':
      // The guides count "every character": code points, so an emoji is one character.
      if (typeof a[0] === 'string') return [...a[0]].length;
      return Array.isArray(a[0]) ? a[0].length : 0;
    case 'annee': {
      const k = a[0];
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > 10) return fail(`annee(k) attend un rang entier de 0 à 10, reçu ${String(k)}`);
      return yearLabel(k, rt);
    }
    case 'fin_apres': {
      const k = a[0];
      if (typeof k !== 'number') return fail('fin_apres(k) attend un rang entier');
      return rt.yearN + k > yearOf(rt.endDate);
    }
    case 'contient': {
      const [text, motif] = a;
      if (typeof text !== 'string' || typeof motif !== 'string' || motif === '') return false;
      // At the start of a word, so « pui » (pharmacie à usage intérieur) does not match « appui ».
      const t = foldText(text);
      const m = foldText(motif);
      for (let i = t.indexOf(m); i >= 0; i = t.indexOf(m, i + 1)) if (i === 0 || !/[\p{L}\p{N}]/u.test(t[i - 1]!)) return true;
      return false;
    }
    case 'pourcentage': {
      const [amount, rate] = a;
      if (typeof amount !== 'number' || typeof rate !== 'number') return fail('pourcentage(montant, taux) attend deux nombres');
      return (amount * rate) / 100;
    }
    case 'mission': {
      const n = a[0];
      const label = typeof n === 'number' ? MISSIONS_SERVICE_PUBLIC[n - 1] : undefined;
      return label ?? fail(`mission(n) : numéro de mission de service public entre 1 et 14 attendu, reçu ${String(n)}`);
    }
    case 'somme': {
      const [list, field] = a;
      if (!Array.isArray(list) || typeof field !== 'string') return 0;
      // A list-valued field counts its elements: somme(engagements, "indicateurs").
      return list.reduce((s: number, it) => {
        const v = member(it, field);
        return s + (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);
      }, 0);
    }
    case 'distincts': {
      const [list, field] = a;
      if (!Array.isArray(list) || typeof field !== 'string') return 0;
      return new Set(list.map((it) => member(it, field)).filter((v) => !isMissing(v))).size;
    }
    default:
      // Only reachable by a template that skipped the checker: refused, not thrown.
      return fail(`fonction inconnue « ${name} »`);
  }
}

/** Lower case without accents or ligatures: « Dépôt de sang » and « DEPOTS DE SANG » compare alike. */
function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').replace(/[’']/g, "'").toLowerCase();
}

/**
 * "de" before a name: a region's own form from REGIONS_DE (« du Centre-Val de Loire », « de La
 * Réunion »), else elided before a vowel or mute h: « d’Île-de-France », « des Hauts-de-France ».
 */
export function withDe(name: string): string {
  const region = own(REGIONS_DE, name.trim().replace(/\s+/g, ' ').replace(/'/g, '’'));
  if (region) return region;
  if (/^Hauts-/.test(name)) return `des ${name}`;
  return /^[aeiouyàâäéèêëîïôöùûüœh]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export function callFilter(name: string, v: unknown, args: readonly unknown[]): unknown {
  if (name === 'defaut') return v === MISSING ? String(args[0] ?? '') : v;
  if (v === MISSING) return MISSING;
  switch (name) {
    case 'date':
    case 'date_courte':
    case 'annee':
      if (!isIsoDate(v)) return fail(`date AAAA-MM-JJ attendue pour le filtre ${name}, reçu « ${String(v)} »`);
      return name === 'date' ? formatDate(v) : name === 'date_courte' ? formatDateShort(v) : String(yearOf(v));
    case 'montant':
      return typeof v === 'number' ? formatAmount(v) : fail(`nombre attendu pour le filtre montant, reçu « ${String(v)} »`);
    case 'nombre':
      return typeof v === 'number' ? formatNumber(v) : fail(`nombre attendu pour le filtre nombre, reçu « ${String(v)} »`);
    case 'valeur':
      return typeof v === 'number' || typeof v === 'string' ? formatValue(v) : fail(`valeur attendue, reçu « ${String(v)} »`);
    case 'majuscules':
      return String(v).toUpperCase();
    case 'minuscules':
      return String(v).toLowerCase();
    case 'liste':
      return Array.isArray(v) ? formatList(v.map(String)) : String(v);
    case 'joindre':
      // Elements as their data says them (« 3 », « 76-2011-01 »): numbers of records, not amounts.
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) return fail(`liste de textes ou de nombres attendue pour le filtre joindre, reçu « ${String(v)} »`);
      return v.map(String).join(String(args[0] ?? ''));
    case 'de':
      return withDe(String(v));
    default:
      return fail(`filtre inconnu « ${name} »`);
  }
}
