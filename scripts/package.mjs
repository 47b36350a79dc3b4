// `npm run package [-- --out path.vsix]`: builds dist/ minified and packs the extension with @vscode/vsce.
// Everything runtime is bundled into dist/, so the .vsix carries no node_modules (--no-dependencies);
// .vscodeignore keeps it to dist/*.js, schemas/, README, LICENSE and the icon.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, `${pkg.name}-${pkg.version}.vsix`));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`package: ${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--minify']);
run(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--out',
  out,
]);
// Leave dist/ as a development build again (readable stack traces for the dev host and the tests).
run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
const size = statSync(out).size;
process.stdout.write(`package: ${relative(process.cwd(), out) || out} ${(size / 1024).toFixed(0)} KiB\n`);
