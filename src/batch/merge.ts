// The shared part of a campaign (campagne.yaml or the `campagne` sheet) merged into each
// contract. The contract's own values win: objects are merged key by key, any other value
// (text, number, list) from the contract replaces the shared one whole.

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

export function mergeShared(shared: unknown, own: unknown): unknown {
  if (own === undefined) return shared;
  if (!isPlainObject(shared) || !isPlainObject(own)) return own;
  const out: Record<string, unknown> = { ...shared };
  for (const [k, v] of Object.entries(own)) out[k] = mergeShared(shared[k], v);
  return out;
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
