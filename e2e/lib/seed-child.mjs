// Child process for seedDemo(): `node --import tsx e2e/lib/seed-child.mjs <endpoint>`. Prints one JSON line.
// Seeds with seedDemoAccount (test/integration/seed.ts, exported by test/integration/moto.ts), so the sandbox,
// the integration tier and the e2e tier see the same demo account.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './codeServer.mjs';

const endpoint = process.argv[2];
if (!endpoint) {
  console.error('usage: seed-child.mjs <endpoint>');
  process.exit(2);
}

const seeder = 'test/integration/moto.ts';
const mod = await import(pathToFileURL(join(REPO_ROOT, 'test', 'integration', 'moto.ts')).href);
const seed = mod.seedDemoAccount ?? mod.default?.seedDemoAccount;
const result = await seed(endpoint);
process.stdout.write(`${JSON.stringify({ seeder, ...(result && typeof result === 'object' ? result : {}) })}\n`);
