import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { runLint, main } from '../../../server/src/cli';
import type { OutFile } from '../../../server/src/cli/format';
import { fargateTaskDef, json } from '../helpers';

function tempWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const lint = (paths: string[], extra: Partial<Parameters<typeof runLint>[0]> = {}) =>
  runLint({ command: 'lint', format: 'json', rules: {}, paths, include: [], exclude: [], color: false, ...extra });

test('json output has exactly the documented shape, 0-based positions, related info across files (unit)', async () => {
  const dir = tempWorkspace({
    'td.json': json(
      fargateTaskDef(
        {
          volumes: [
            {
              name: 'data',
              efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', transitEncryption: 'ENABLED' },
            },
          ],
        },
        { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] },
      ),
    ),
    'svc.json': json({
      serviceName: 'web',
      taskDefinition: 'web',
      launchType: 'FARGATE',
      platformVersion: '1.3.0',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }),
    'package.json': '{"name":"x"}',
  });
  try {
    const { output, exitCode } = await lint([dir]);
    assert.equal(exitCode, 1);
    const files = JSON.parse(output) as OutFile[];
    assert.deepEqual(
      files.map((f) => f.file.split('/').pop()).sort(),
      ['svc.json', 'td.json'],
      'directories yield only ECS files',
    );
    const svc = files.find((f) => f.file.endsWith('svc.json'))!;
    const pv = svc.diagnostics.find((d) => d.ruleId === 'pv/feature-requires-1.4.0')!;
    assert.deepEqual(Object.keys(pv).sort(), ['message', 'range', 'related', 'ruleId', 'severity']);
    assert.equal(pv.severity, 'error');
    assert.deepEqual(pv.range.start, { line: 4, character: 21 }, '0-based line and character of the value');
    assert.ok(pv.related[0].file.endsWith('td.json'));
    assert.deepEqual(Object.keys(pv.related[0]).sort(), ['file', 'message', 'range']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explicit files are always reported; --rule overrides severity and exit code (unit)', async () => {
  const dir = tempWorkspace({
    'td.json': json(fargateTaskDef({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } })),
    'other.json': '{"a":1}',
  });
  try {
    const strict = await lint([join(dir, 'td.json'), join(dir, 'other.json')]);
    assert.equal(strict.exitCode, 1);
    assert.equal((JSON.parse(strict.output) as OutFile[]).length, 2);
    const relaxed = await lint([join(dir, 'td.json')], { rules: { 'fargate/cap-add': 'warning' } });
    const d = (JSON.parse(relaxed.output) as OutFile[])[0].diagnostics.find((x) => x.ruleId === 'fargate/cap-add');
    assert.equal(d?.severity, 'warning');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('text format is file:line:col severity ruleId message, 1-based (unit)', async () => {
  const dir = tempWorkspace({
    'td.json': json(fargateTaskDef({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } })),
  });
  try {
    const { output } = await runLint({
      command: 'lint',
      format: 'text',
      rules: {},
      paths: [dir],
      include: [],
      exclude: [],
      color: false,
    });
    assert.match(output, /td\.json:\d+:\d+ error fargate\/cap-add .*SYS_PTRACE/);
    assert.doesNotMatch(output, /\x1b\[/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sarif output is SARIF 2.1.0 with rule metadata (unit)', async () => {
  const dir = tempWorkspace({
    'td.json': json(fargateTaskDef({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } })),
  });
  try {
    const { output } = await runLint({
      command: 'lint',
      format: 'sarif',
      rules: {},
      paths: [dir],
      include: [],
      exclude: [],
      color: false,
    });
    const sarif = JSON.parse(output);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'fargate-lens');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'fargate/cap-add');
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'fargate/cap-add');
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad usage is a clear message and exit 2, never a stack trace (unit)', async () => {
  assert.throws(() => parseArgs(['lint']), UsageError);
  assert.throws(() => parseArgs(['lint', '--format', 'xml', 'x']), /text, json or sarif/);
  assert.throws(() => parseArgs(['lint', '--rule', 'nonsense', 'x']), /ID=SEVERITY/);
  assert.throws(() => parseArgs(['frobnicate']), /unknown command/);
  const writes: string[] = [];
  const orig = process.stderr.write.bind(process.stderr);
  process.stderr.write = (s: string) => (writes.push(s), true);
  try {
    assert.equal(await main(['lint', '/nonexistent/path.json']), 2);
    assert.equal(await main(['lint', '--rule', 'no/such-rule=off', '.']), 2);
  } finally {
    process.stderr.write = orig;
  }
  assert.match(writes.join(''), /cannot read '\/nonexistent\/path\.json'/);
  assert.match(writes.join(''), /unknown rule id 'no\/such-rule'/);
  assert.doesNotMatch(writes.join(''), /\n\s+at /);
});

test('include forces an unrecognised file and exclude skips one (unit)', async () => {
  const dir = tempWorkspace({ 'odd.json': json({ family: 'x', cpu: '256' }), 'td.json': json(fargateTaskDef()) });
  try {
    const forced = JSON.parse((await lint([dir], { include: ['odd.json'], exclude: ['td.json'] })).output) as OutFile[];
    assert.deepEqual(
      forced.map((f) => f.file.split('/').pop()),
      ['odd.json'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
