// @ts-check
// `npm run typecheck`: every tsconfig, two at a time (each project sees only the ambient types it may
// use, so one `tsc -p .` is not enough). Exit code 1 when any reports an error.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const PROJECTS = [
  'tsconfig.json',
  'server/src/service/tsconfig.json',
  'test/e2e/tsconfig.json',
  'tsconfig.scripts.json',
];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** @param {string} project @returns {Promise<{ project: string, code: number, output: string }>} */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', '-p', project], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ project, code: code ?? 1, output }));
  });
}

const queue = [...PROJECTS];
let failed = 0;
async function worker() {
  for (let p = queue.shift(); p; p = queue.shift()) {
    const r = await check(p);
    process.stdout.write(`typecheck ${r.project}: ${r.code === 0 ? 'ok' : 'FAILED'}\n${r.output}`);
    if (r.code !== 0) failed++;
  }
}
await Promise.all([worker(), worker()]);
process.exit(failed ? 1 : 0);
