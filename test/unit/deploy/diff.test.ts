import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTaskDefinitions } from '../../../client/src/deploy/diff';
import { readFileTaskDefs } from '../../../client/src/deploy/fileTaskDefs';
import { normaliseTaskDefinition, Placeholder } from '../../../client/src/deploy/normalise';
import { toDiffJson, toDiffText } from '../../../client/src/deploy/report';

const base = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'web',
      image: 'a',
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } },
      environment: [{ name: 'X', value: '1' }],
    },
  ],
};
const d = (r: object, f: object) =>
  diffTaskDefinitions(
    normaliseTaskDefinition(r as Record<string, unknown>),
    normaliseTaskDefinition(f as Record<string, unknown>),
  );

test('paths key array items by their identifying member, map keys that are not identifiers are quoted (unit)', () => {
  const f = structuredClone(base) as typeof base & Record<string, unknown>;
  f.containerDefinitions[0].logConfiguration.options['awslogs-group'] = 'h';
  f.containerDefinitions[0].environment.push({ name: 'Y', value: '2' });
  assert.deepEqual(d(base, f).differences, [
    {
      path: 'containerDefinitions[name=web].environment[name=Y]',
      registered: undefined,
      file: { name: 'Y', value: '2' },
    },
    { path: 'containerDefinitions[name=web].logConfiguration.options["awslogs-group"]', registered: 'g', file: 'h' },
  ]);
});

test('a container only on one side is one difference; a member absent on one side has undefined there (unit)', () => {
  const f = structuredClone(base);
  f.containerDefinitions.push({ name: 'log', image: 'b' } as (typeof base.containerDefinitions)[0]);
  const diff = d(base, f).differences;
  assert.equal(diff.length, 1);
  assert.equal(diff[0].path, 'containerDefinitions[name=log]');
  assert.equal(diff[0].registered, undefined);
});

test('items without a unique key are compared by index (unit)', () => {
  const r = {
    family: 'w',
    containerDefinitions: [
      {
        name: 'a',
        image: 'x',
        environment: [
          { name: 'D', value: '1' },
          { name: 'D', value: '2' },
        ],
      },
    ],
  };
  const f = {
    family: 'w',
    containerDefinitions: [
      {
        name: 'a',
        image: 'x',
        environment: [
          { name: 'D', value: '1' },
          { name: 'D', value: '3' },
        ],
      },
    ],
  };
  assert.deepEqual(
    d(r, f).differences.map((x) => x.path),
    ['containerDefinitions[name=a].environment[1].value'],
  );
});

test('report: JSON has family, revision, differences with null for an absent side; text lists each path (unit)', () => {
  const f = structuredClone(base);
  f.containerDefinitions[0].image = 'b';
  (f as Record<string, unknown>).cpu = '256';
  const registered = normaliseTaskDefinition(base);
  const file = normaliseTaskDefinition(f);
  const c = { family: 'web', revision: 3, registered, file, diff: diffTaskDefinitions(registered, file) };
  assert.deepEqual(toDiffJson(c), {
    family: 'web',
    revision: 3,
    differences: [
      { path: 'containerDefinitions[name=web].image', registered: 'a', file: 'b' },
      { path: 'cpu', registered: null, file: '256' },
    ],
    notCompared: [],
  });
  const text = toDiffText(c, 'td.json');
  assert.match(
    text,
    /^td\.json differs from web:3 in 2 fields:\n {2}containerDefinitions\[name=web\]\.image\n {4}registered: "a"\n {4}file: {7}"b"\n/,
  );
  assert.match(text, /registered: \(absent\)/);
});

test('token-like text registered exactly as written is the same value; a placeholder that differs is listed, not compared (unit)', () => {
  const file = {
    family: 'web',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        command: [
          'sh',
          '-c',
          'echo "<html>$HOSTNAME</html>" > /usr/share/nginx/html/index.html && nginx -g "daemon off;"',
        ],
        environment: [{ name: 'GREETING', value: 'hello $USER' }],
      },
    ],
  };
  const [td] = readFileTaskDefs('file:///ws/td.json', JSON.stringify(file)).taskDefs;
  // The language service reads these strings as template tokens (it never judges them) ...
  assert.ok(td.value.containerDefinitions && JSON.stringify(placeholderPaths(td.value)).includes('command'));
  // ... but ECS registered exactly this text: nothing differs and nothing is left uncompared.
  const same = diffTaskDefinitions(normaliseTaskDefinition(file), normaliseTaskDefinition(td.value));
  assert.deepEqual(same, { differences: [], notCompared: [] });
  const registered = structuredClone(file);
  registered.containerDefinitions[0].environment[0].value = 'hello root';
  const other = diffTaskDefinitions(normaliseTaskDefinition(registered), normaliseTaskDefinition(td.value));
  assert.deepEqual(other, {
    differences: [],
    notCompared: [
      {
        path: 'containerDefinitions[name=web].environment[name=GREETING].value',
        file: 'hello $USER',
        registered: 'hello root',
      },
    ],
  });
});

function placeholderPaths(v: unknown, path = ''): string[] {
  if (v instanceof Placeholder) return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => placeholderPaths(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => placeholderPaths(x, `${path}.${k}`));
  return [];
}
