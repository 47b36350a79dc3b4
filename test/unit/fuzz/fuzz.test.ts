import { test } from 'node:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { seedTexts } from './corpus';
import { exercise, FUZZ_FIXTURES, saveFailure } from './harness';
import { hostileCases, prototypeCases } from './hostile';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const SEEDS = seedTexts();
const URIS = [
  'file:///ws/task-def.json',
  'file:///ws/svc.json',
  'file:///ws/template.yaml',
  'file:///ws/taskdef.json.tpl',
];

/** A random edit of a seed text: truncation, byte flip, insertion of a JSON/YAML-significant token, deletion, duplication. */
const mutation = fc.record({
  seed: fc.nat({ max: Math.max(0, SEEDS.length - 1) }),
  kind: fc.constantFrom('truncate', 'flip', 'insert', 'delete', 'duplicate', 'unicode'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 64 }),
  token: fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    '\n',
    '- ',
    '!Ref ',
    '&a ',
    '*a',
    '{{x}}',
    '${X}',
    '<IMAGE1_NAME>',
    'null',
    '1e999',
    '-0',
    '\u0000',
    '\uD800',
    '\u202E',
    '"containerDefinitions"',
    '"volumes": [',
    '"platformVersion": "1.3.0"',
    // Hostile classes (hostile.ts): prototype names, long digit and space runs, unclosed tokens, aliases.
    '"constructor": "toString"',
    '"__proto__": {"valueOf": 1}',
    'hasOwnProperty: constructor\n',
    `"${'9'.repeat(5000)}x"`,
    `"1${' '.repeat(5000)}x"`,
    '{{'.repeat(2000),
    '${'.repeat(2000),
    'YOUR_'.repeat(1000),
    '*a\n'.repeat(500),
    '<<: *a\n',
  ),
  uri: fc.constantFrom(...URIS),
  offsets: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
});

function apply(text: string, m: { kind: string; at: number; len: number; token: string }): string {
  const i = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, i);
    case 'flip':
      return text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) || 0) ^ (1 << (m.len % 7))) + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + m.token + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.len);
    case 'duplicate':
      return text.slice(0, i) + text.slice(i, i + m.len * 8) + text.slice(i);
    default:
      return text.slice(0, i) + '\u00e9\u6f22\u{1F680}\u0301' + text.slice(i);
  }
}

test(
  'mutation fuzzing over fixtures and the corpus: no throw, bounded time, spans in range (unit)',
  { skip: SEEDS.length === 0 && 'no seed texts' },
  () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = apply(SEEDS[m.seed].text, m);
        try {
          exercise(
            text,
            m.uri,
            m.offsets.map((o) => Math.floor(o * text.length)),
          );
        } catch (e) {
          saveFailure(`mutation-${SEED}`, text, e);
        }
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 12000) },
    );
  },
);

test('property fuzzing: arbitrary JSON values in every task-definition slot (unit)', () => {
  const slot = fc.constantFrom(
    'family',
    'cpu',
    'memory',
    'networkMode',
    'requiresCompatibilities',
    'volumes',
    'containerDefinitions',
    'ephemeralStorage',
    'runtimePlatform',
    'proxyConfiguration',
    'pidMode',
    'ipcMode',
    'tags',
  );
  const ctrSlot = fc.constantFrom(
    'name',
    'image',
    'portMappings',
    'mountPoints',
    'linuxParameters',
    'healthCheck',
    'secrets',
    'environment',
    'logConfiguration',
    'dependsOn',
    'ulimits',
    'memory',
    'cpu',
    'essential',
    'firelensConfiguration',
    'volumesFrom',
  );
  fc.assert(
    fc.property(
      slot,
      ctrSlot,
      fc.jsonValue({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 4 }),
      fc.nat(),
      (s, cs, v, cv, off) => {
        const td = {
          family: 'f',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: [{ name: 'a', image: 'x', [cs]: cv }],
          [s]: v,
        };
        const text = JSON.stringify(td, null, 2);
        try {
          exercise(text, 'file:///ws/task-def.json', [off % (text.length + 1)]);
        } catch (e) {
          saveFailure(`property-${SEED}`, text, e);
        }
      },
    ),
    { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 8000) },
  );
});

test('pathological inputs: deep nesting, huge arrays and strings, duplicate keys (unit)', () => {
  const cases = [
    '{"containerDefinitions":' + '['.repeat(10000) + ']'.repeat(10000) + '}',
    '{"a":'.repeat(10000) + '1' + '}'.repeat(10000),
    '['.repeat(100000),
    JSON.stringify({
      family: 'x',
      containerDefinitions: Array.from({ length: 3000 }, (_, i) => ({ name: `c${i}`, image: 'x' })),
    }),
    JSON.stringify({ family: 'x'.repeat(2_000_000), containerDefinitions: [] }),
    '{"family":"a","family":"b","containerDefinitions":[{"name":"x","name":"y","image":"i"}]}',
    '\uFEFF{"family":"bom","containerDefinitions":[]}',
  ];
  for (const text of cases) exercise(text, 'file:///ws/task-def.json', [0, text.length >> 1, text.length]);
});

test('hostile classes at random sizes, mutated: no throw, bounded time, spans in range (unit)', () => {
  const protos = prototypeCases();
  fc.assert(
    fc.property(fc.integer({ min: 1_000, max: 40_000 }), fc.nat(), mutation, (bytes, which, m) => {
      const all = [...hostileCases(bytes).map((c) => ({ uri: c.uri, text: c.text })), ...protos];
      const c = all[which % all.length];
      const text = apply(c.text, m);
      try {
        exercise(
          text,
          c.uri,
          m.offsets.map((o) => Math.floor(o * text.length)),
        );
      } catch (e) {
        saveFailure(`hostile-${SEED}`, text, e);
      }
    }),
    { seed: SEED, numRuns: Number(process.env.FUZZ_HOSTILE_RUNS ?? 300) },
  );
});

test('saved fuzz failures stay fixed (unit)', () => {
  if (!existsSync(FUZZ_FIXTURES)) return;
  for (const f of readdirSync(FUZZ_FIXTURES))
    exercise(readFileSync(join(FUZZ_FIXTURES, f), 'utf8'), 'file:///ws/task-def.json', [0]);
});
