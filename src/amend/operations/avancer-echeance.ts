// Operation « avancer_echeance »: A target moved to an earlier year.
import { echeance } from './echeance.ts';
import { defineOperation } from './module.ts';

export default defineOperation('avancer_echeance', echeance('echeance-avancement'));
