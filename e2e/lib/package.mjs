// The package phase of the e2e tier: `npm run package` into the scratch dir, then checks that the .vsix
// holds only what runs (no sources, no node_modules, no source maps), stays under 2 MB, and installs
// offline into a fresh code-server and is listed. Returns [{ name, ok, detail }].
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, codeServerCli, prepareHome } from './codeServer.mjs';

const MAX_BYTES = 2 * 1024 * 1024;
const ALLOWED = [
  /^extension\/dist\/(extension|server|cli|cli-bundle|cli-aws|aws|explorer|exec|logs)\.js$/,
  /^extension\/schemas\/[^/]+\.json$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.txt)?$/i,
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
];
const REQUIRED = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js'];

/** File names inside a zip, read with Python's zipfile (python3 is on every machine that builds code-server). */
function zipEntries(file) {
  const r = spawnSync(
    'python3',
    ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', file],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`cannot list ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export async function checkPackage({ scratch, log }) {
  const results = [];
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const vsix = join(scratch, `${pkg.name}-${pkg.version}.vsix`);
  log('packaging with vsce');
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', vsix], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const packed = built.status === 0;
  results.push({
    name: 'npm run package builds a .vsix',
    ok: packed,
    detail: packed ? undefined : `${built.stdout}${built.stderr}`.trim().split('\n').slice(-8).join(' | '),
  });
  if (!packed) return results;

  const size = statSync(vsix).size;
  results.push({ name: 'the .vsix is under 2 MB', ok: size < MAX_BYTES, detail: `${(size / 1024).toFixed(0)} KiB` });
  const entries = zipEntries(vsix);
  const extra = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
  const missing = REQUIRED.filter((e) => !entries.includes(e));
  results.push({
    name: 'the .vsix holds only dist bundles, schemas, README, LICENSE and the icon',
    ok: extra.length === 0 && missing.length === 0,
    detail:
      [
        extra.length ? `unexpected: ${extra.slice(0, 10).join(', ')}` : '',
        missing.length ? `missing: ${missing.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ') || `${entries.length} entries`,
  });

  const home = prepareHome(join(scratch, 'vsix-install'));
  const id = `${pkg.publisher}.${pkg.name}`.toLowerCase();
  const install = await codeServerCli(home, ['--install-extension', vsix]);
  const list = await codeServerCli(home, ['--list-extensions', '--show-versions']);
  const listed = list.out.toLowerCase().includes(`${id}@${pkg.version}`);
  results.push({
    name: 'code-server --install-extension installs it offline and lists it',
    ok: install.code === 0 && listed,
    detail: listed
      ? `${id}@${pkg.version}`
      : `install exit ${install.code}: ${install.out.trim().split('\n').slice(-3).join(' | ')}`,
  });
  return results;
}
