// Child process for the kill test: runs a campaign with the (slowed) fake render so the test
// can SIGKILL it mid-way. Usage: node --import tsx run-child.ts <entree> <sortie>
import { runCampaign } from '../../src/batch/runner.ts';
import { fakeOptions } from './helpers.ts';

const [entree, sortie] = process.argv.slice(2);
const r = await runCampaign(fakeOptions(entree!, sortie!, 2));
process.exitCode = r.exitCode;
