// Public surface of the avenant stage (re-exported by src/index.ts).
export { applyAvenants, isAmended, version0 } from './apply.ts';
export { loadAvenantFile, parseAvenant, parseAvenantText } from './load.ts';
export { allVersions, type Versions } from './versions.ts';
export { openSession, versionAt, type Session } from './session.ts';
export { buildAvenantSet } from './document/avenant.ts';
export { buildConsolidatedSet } from './document/consolidated.ts';
export { buildRedlineSet } from './document/redline.ts';
export { diffSets, revisions } from './redline/diff.ts';
export { acceptAll, rejectAll } from './redline/accept.ts';
export { setText } from './redline/text.ts';
export { renderSet } from './render.ts';
export { keyOf, keyString, parseKeyString, type Key } from './keys.ts';
export { AvenantSchema, OPERATION_TYPES, type Avenant, type Operation } from '../model/avenant.ts';
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
