// Child process for seedDemo(): `node --import tsx e2e/lib/seed-child.mjs <endpoint>`. Prints one JSON line.
// Prefers the explorer's seedDemoAccount (test/integration/moto.ts) so the sandbox, the integration tier and
// the e2e tier see the same demo account; falls back to scripts/seed-demo.mjs until that exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './codeServer.mjs';

const endpoint = process.argv[2];
if (!endpoint) {
  console.error('usage: seed-child.mjs <endpoint>');
  process.exit(2);
}

let seeder = 'scripts/seed-demo.mjs';
let seed;
const shared = join(REPO_ROOT, 'test', 'integration', 'moto.ts');
if (existsSync(shared)) {
  const mod = await import(pathToFileURL(shared).href);
  const fn = mod.seedDemoAccount ?? mod.default?.seedDemoAccount;
  if (typeof fn === 'function') {
    seed = fn;
    seeder = 'test/integration/moto.ts';
  }
}
if (!seed) seed = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'seed-demo.mjs')).href)).seedDemoAccount;
const result = await seed(endpoint);
process.stdout.write(`${JSON.stringify({ seeder, ...(result && typeof result === 'object' ? result : {}) })}\n`);
