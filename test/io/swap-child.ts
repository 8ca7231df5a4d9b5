// Child process for the kill test: replaces a folder and SIGKILLs itself just before the
// given step, so no catch, no finally and no recovery runs (as with a real kill).
// Usage: node --import tsx swap-child.ts <dir> <step>
import { replaceFolder, type SwapStep } from '../../src/io/swap.ts';

const [dir, at] = process.argv.slice(2) as [string, SwapStep];
replaceFolder(dir, [{ name: 'b.txt', data: 'nouveau b' }, { name: 'c.txt', data: 'nouveau c' }], {
  keep: (n) => n === 'avenant-1',
  beforeStep: (s) => {
    if (s === at) process.kill(process.pid, 'SIGKILL');
  },
});
