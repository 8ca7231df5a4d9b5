// Name lookups that never answer with a prototype member. Field names, function and filter
// names come from template and manifest files, data keys from contract files: with a plain
// `record[name]`, « constructor », « __proto__ » or « toString » would reach Object.prototype.

/** record[key] when key is an own property of record, else undefined. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A data value's own member: an object's own field, or a list's element at an integer index. */
export function member(value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) return typeof key === 'number' && Number.isInteger(key) && key >= 0 ? value[key] : undefined;
  if (value === null || typeof value !== 'object' || (typeof key !== 'string' && typeof key !== 'number')) return undefined;
  return own(value as Record<string, unknown>, String(key));
}
