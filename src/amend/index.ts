// Public surface of the avenant stage (re-exported by src/index.ts).
export { applyAvenants, isAmended, version0 } from './apply.ts';
export { keyOf, keyString, parseKeyString, type Key } from './keys.ts';
export { describeKey } from './describe.ts';
export type {
  AmendedContract,
  ApplyOptions,
  AvenantEntry,
  HistoryEntry,
  Locator,
  Nature,
  SourcedAvenant,
  Trace,
} from './types.ts';
