/**
 * Lookups by names that come from user text. A plain object literal answers `constructor`, `__proto__`,
 * `toString` and the other Object.prototype members with inherited functions; `own` answers only what
 * the record itself holds. Tables keyed by user text use this (or a Map, or a null-prototype object).
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty object without a prototype, for records whose keys come from user text. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
