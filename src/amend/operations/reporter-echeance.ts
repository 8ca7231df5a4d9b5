// Operation « reporter_echeance »: A target moved to a later year.
import { echeance } from './echeance.ts';
import { defineOperation } from './module.ts';

export default defineOperation('reporter_echeance', echeance('echeance-report'));
