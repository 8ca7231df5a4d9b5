// The shared part of a campaign (campagne.yaml or the `campagne` sheet) merged into each
// contract. The contract's own values win: objects are merged key by key, any other value
// (text, number, list) from the contract replaces the shared one whole.
import { member } from '../dsl/own.ts';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

export function mergeShared(shared: unknown, own: unknown): unknown {
  if (own === undefined) return shared;
  if (!isPlainObject(shared) || !isPlainObject(own)) return own;
  // Built with fromEntries (own data properties), never `out[k] = …`: a « __proto__ » key of
  // the data would set the prototype, and the schema would then read inherited values.
  const keys = new Set([...Object.keys(shared), ...Object.keys(own)]);
  return Object.fromEntries([...keys].map((k) => [k, Object.hasOwn(own, k) ? mergeShared(member(shared, k), own[k]) : shared[k]]));
}

/** Sets a value at a path of object keys, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (!isPlainObject(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
