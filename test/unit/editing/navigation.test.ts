import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/service/documents/json';
import { LineIndex } from '../../../server/src/service/documents/lineIndex';
import { definition, prepareRename, references, rename } from '../../../server/src/service/editing/references';
import { documentSymbols, foldingRanges, selectionRange } from '../../../server/src/service/editing/structure';
import { hover } from '../../../server/src/service/editing/hover';
import { toFoldingRanges, toWorkspaceEdit } from '../../../server/src/lsp/convert';
import { createSchemaValidator } from '../../../server/src/service/schema/validate';
import type { OffsetEdit } from '../../../server/src/service/types';

const NAV = JSON.stringify(
  {
    family: 'web',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx',
        essential: true,
        memory: 256,
        links: ['db:database'],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
        dependsOn: [{ containerName: 'db', condition: 'START' }],
      },
      {
        name: 'db',
        image: 'postgres',
        memory: 512,
        volumesFrom: [{ sourceContainer: 'app' }],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/var/lib/pg' }],
      },
    ],
    volumes: [{ name: 'data', host: {} }],
  },
  null,
  2,
);
const root = parseJson(NAV).root;
const nth = (needle: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = NAV.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
};
const slice = (s: { offset: number; length: number }, text = NAV) => text.slice(s.offset, s.offset + s.length);
const apply = (text: string, edits: OffsetEdit[]) =>
  [...edits]
    .sort((a, b) => b.offset - a.offset)
    .reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);

test('document symbols: family, containers, volumes with ranges (unit)', () => {
  const symbols = documentSymbols(root);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['web', 'containerDefinitions', 'volumes'],
  );
  assert.deepEqual(
    symbols[1].children!.map((c) => [c.name, c.detail]),
    [
      ['app', 'nginx'],
      ['db', 'postgres'],
    ],
  );
  assert.equal(slice(symbols[1].children![1].selectionSpan), '"db"');
  assert.ok(
    slice(symbols[1].children![0].span).startsWith('{') && slice(symbols[1].children![0].span).includes('"nginx"'),
  );
  assert.deepEqual(
    symbols[2].children!.map((c) => [c.name, c.detail]),
    [['data', 'host']],
  );
});

test('definition: sourceVolume to the volume, dependsOn/volumesFrom/links to the container (unit)', () => {
  const volDecl = nth('"name": "data"') + 9;
  assert.equal(definition(root, nth('"sourceVolume": "data"') + 18)!.offset, volDecl);
  const dbDecl = nth('"name": "db"') + 9;
  assert.equal(definition(root, nth('"containerName": "db"') + 19)!.offset, dbDecl);
  assert.equal(definition(root, nth('"db:database"') + 2)!.offset, dbDecl);
  assert.equal(definition(root, nth('"sourceContainer": "app"') + 21)!.offset, nth('"name": "app"') + 9);
  assert.equal(definition(root, nth('"nginx"') + 2), undefined);
});

test('references of a volume and a container (unit)', () => {
  assert.deepEqual(
    references(root, nth('"name": "data"') + 10).map((s) => slice(s)),
    ['data', 'data', 'data'],
  );
  assert.deepEqual(
    references(root, nth('"name": "db"') + 10, false).map((s) => slice(s)),
    ['db', 'db'],
  );
});

test('rename a container and a volume: every reference changes, the file stays valid (unit)', async () => {
  assert.equal(prepareRename(root, nth('"db:database"') + 2)!.placeholder, 'db');
  let text = apply(NAV, rename(root, nth('"containerName": "db"') + 19, 'postgres-db'));
  text = apply(text, rename(parseJson(text).root, text.indexOf('"sourceVolume": "data"') + 18, 'shared'));
  const after = JSON.parse(text);
  assert.equal(after.containerDefinitions[1].name, 'postgres-db');
  assert.deepEqual(after.containerDefinitions[0].links, ['postgres-db:database']);
  assert.equal(after.containerDefinitions[0].dependsOn[0].containerName, 'postgres-db');
  assert.equal(after.volumes[0].name, 'shared');
  assert.deepEqual(
    after.containerDefinitions.flatMap((c: any) => c.mountPoints.map((m: any) => m.sourceVolume)),
    ['shared', 'shared'],
  );
  assert.deepEqual(await createSchemaValidator().validate(text, parseJson(text).root, 'register'), []);
  assert.throws(() => rename(root, nth('"name": "db"') + 10, 'bad name'), /not a valid container name/);
  const ws = toWorkspaceEdit('file:///t.json', rename(root, nth('"name": "db"') + 10, 'x'), new LineIndex(NAV));
  assert.equal(ws.changes!['file:///t.json'].length, 3);
});

test('folding and selection ranges (unit)', () => {
  const folds = toFoldingRanges(foldingRanges(NAV, root), new LineIndex(NAV));
  assert.ok(folds.length >= 8);
  assert.equal(folds[0].startLine, 0);
  const sel = selectionRange(root, nth('"postgres"') + 3)!;
  assert.equal(slice(sel.span), '"postgres"');
  assert.equal(slice(sel.parent!.span), '"image": "postgres"');
  let top = sel;
  while (top.parent) top = top.parent;
  assert.equal(top.span.length, NAV.length);
});

test('hover: API docs, values, Fargate PV and restrictions, API reference link (unit)', () => {
  const text = JSON.stringify({
    family: 'x',
    containerDefinitions: [
      {
        name: 'a',
        linuxParameters: { capabilities: { add: ['SYS_PTRACE'] } },
        healthCheck: { interval: 30 },
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      },
    ],
    volumes: [{ name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs-1' } }],
  });
  const r = parseJson(text).root;
  const h = (needle: string) => hover(r, text.indexOf(needle) + 2, 'register')!;
  const add = h('"add"');
  assert.equal(slice(add.span, text), '"add"');
  assert.match(add.contents.value, /Only `SYS_PTRACE`/);
  assert.match(add.contents.value, /needs 1\.4\.0/);
  assert.match(add.contents.value, /API_KernelCapabilities\.html/);
  // The Fargate facts come before the long API text, which comes before the reference link.
  const v = add.contents.value;
  const doc = v.indexOf('The Linux capabilities');
  assert.ok(doc > 0, v);
  assert.ok(v.indexOf('needs 1.4.0') < doc && v.indexOf('Only `SYS_PTRACE`') < doc, v);
  assert.ok(v.indexOf('API_KernelCapabilities.html') > doc, v);
  assert.match(h('"interval"').contents.value, /5-300 seconds/);
  const proto = h('"tcp"');
  assert.match(proto.contents.value, /\*\*Allowed values:\*\* `tcp`, `udp`/);
  assert.match(proto.contents.value, /API_PortMapping\.html/);
  const efs = h('"efsVolumeConfiguration"').contents.value;
  assert.match(efs, /Amazon Elastic File System/);
  assert.match(efs, /1\.4\.0/);
  assert.match(h('"family"').contents.value, /API_RegisterTaskDefinitionRequest\.html/);
});
