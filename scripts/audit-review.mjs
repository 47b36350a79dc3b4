// Repeats the manual dependency review recorded in SECURITY.md ("Dependency audit").
//
//   node scripts/audit-review.mjs            prints the runtime tree (npm ls --omit=dev) as one row per
//                                            package@version, sorted by name, with what pulls it in
//   node scripts/audit-review.mjs --registry also asks the registry, per package, whether that version
//                                            is deprecated and which version is `latest`
//   node scripts/audit-review.mjs --check    exits 1 when SECURITY.md's table and the installed runtime
//                                            tree disagree (a package added, removed or moved)
//
// It does not look advisories up: where the registry answers the audit endpoint, `npm audit --omit=dev`
// is the real check and this script is only the worksheet for the manual review beside it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const npm = (...a) =>
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', a, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Unique name@version of the runtime tree, each with the packages that depend on it. */
function runtimeTree() {
  let out;
  try {
    out = npm('ls', '--omit=dev', '--all', '--json');
  } catch (e) {
    out = e.stdout; // npm ls exits 1 on problems (extraneous, missing) but still prints the tree
  }
  const tree = JSON.parse(out || '{}');
  const rows = new Map();
  const walk = (node, parent) => {
    for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
      if (!dep.version) continue;
      const key = `${name}@${dep.version}`;
      const row = rows.get(key) ?? { name, version: dep.version, parents: new Set() };
      row.parents.add(parent);
      rows.set(key, row);
      walk(dep, name);
    }
  };
  walk(tree, '(direct)');
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function registryFacts(name, version) {
  try {
    const m = JSON.parse(npm('view', `${name}@${version}`, '--json'));
    const one = Array.isArray(m) ? m[m.length - 1] : m;
    return { latest: one?.['dist-tags']?.latest ?? '?', deprecated: one?.deprecated ? String(one.deprecated) : 'no' };
  } catch (e) {
    return { latest: '?', deprecated: `? (${String(e.message).split('\n')[0]})` };
  }
}

/** `| \`name\` | version | ...` rows of SECURITY.md's dependency table. */
function documentedVersions() {
  const text = readFileSync(join(root, 'SECURITY.md'), 'utf8');
  const found = new Map();
  for (const m of text.matchAll(/^\| `([^`]+)` \| ([0-9][^ |]*) \|/gm)) found.set(m[1], m[2]);
  return found;
}

const rows = runtimeTree();

if (args.has('--check')) {
  const documented = documentedVersions();
  const problems = [];
  for (const r of rows) {
    const v = documented.get(r.name);
    if (v === undefined) problems.push(`${r.name}@${r.version} is in the runtime tree but not in SECURITY.md`);
    else if (v !== r.version) problems.push(`${r.name}: SECURITY.md reviewed ${v}, the tree has ${r.version}`);
  }
  const inTree = new Set(rows.map((r) => r.name));
  for (const name of documented.keys())
    if (!inTree.has(name)) problems.push(`${name} is in SECURITY.md but no longer in the runtime tree`);
  if (problems.length) {
    console.error(`SECURITY.md's dependency review is out of date (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`SECURITY.md reviews all ${rows.length} runtime packages at their installed versions.`);
  process.exit(0);
}

const withRegistry = args.has('--registry');
console.log(`Runtime packages (npm ls --omit=dev --all): ${rows.length}\n`);
console.log(
  withRegistry ? '| package | version | pulled in by | latest | deprecated |' : '| package | version | pulled in by |',
);
console.log(withRegistry ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- |');
for (const r of rows) {
  const parents = [...r.parents].sort();
  const by = parents.length > 3 ? `${parents.slice(0, 3).join(', ')} +${parents.length - 3} more` : parents.join(', ');
  const cells = [`\`${r.name}\``, r.version, by];
  if (withRegistry) {
    const f = registryFacts(r.name, r.version);
    cells.push(f.latest === r.version ? `${f.latest} (same)` : f.latest, f.deprecated);
  }
  console.log(`| ${cells.join(' | ')} |`);
}
