import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { MODEL_CACHE } from '../../../server/src/service/workspace';
import { fargateTaskDef, json } from '../helpers';

test('the index keeps text, not models, for disk files and re-parses them on demand (unit)', () => {
  const ls = getLanguageService();
  const n = MODEL_CACHE + 20;
  for (let i = 0; i < n; i++)
    ls.index.set(ls.parse(`file:///ws/td${i}.json`, json(fargateTaskDef({ family: `f${i}` }))));
  const svc = ls.parse(
    'file:///ws/svc.json',
    json({
      serviceName: 's',
      taskDefinition: 'f0:3',
      launchType: 'FARGATE',
      platformVersion: '1.3.0',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }),
  );
  ls.index.set(svc, { pin: true });
  const linked = ls.index.taskDefsForLaunch(svc.launches[0]);
  assert.equal(linked.length, 1, 'the evicted first file is re-parsed for the lookup');
  assert.equal(linked[0].td.family, 'f0');
  assert.equal(ls.index.get('file:///ws/svc.json'), svc, 'pinned models are the same object');
  assert.equal(ls.index.size, n + 1);
});

test('replacing and deleting files updates the links (unit)', () => {
  const ls = getLanguageService();
  const td = ls.parse('file:///ws/td.json', json(fargateTaskDef({ family: 'web' })));
  const svc = ls.parse('file:///ws/svc.json', json({ serviceName: 's', taskDefinition: 'web', launchType: 'FARGATE' }));
  ls.index.set(td);
  assert.deepEqual(ls.index.set(svc), ['file:///ws/td.json']);
  assert.equal(ls.index.launchesForTaskDef(td.taskDefs[0]).length, 1);
  assert.deepEqual(
    ls.index.set(
      ls.parse('file:///ws/svc.json', json({ serviceName: 's', taskDefinition: 'api', launchType: 'FARGATE' })),
    ),
    ['file:///ws/td.json'],
  );
  assert.equal(ls.index.launchesForTaskDef(td.taskDefs[0]).length, 0);
  assert.deepEqual(ls.index.delete('file:///ws/td.json'), []);
  assert.equal(ls.index.get('file:///ws/td.json'), undefined);
});

test('links of pinned files are looked up once per family and follow every change; put() indexes without the affected list (unit)', () => {
  const ls = getLanguageService();
  const svcText = (family: string) => json({ serviceName: 's', taskDefinition: family, launchType: 'FARGATE' });
  const tds = [0, 1, 2].map((i) => ls.parse(`file:///ws/td${i}.json`, json(fargateTaskDef({ family: 'web' }))));
  for (const td of tds) ls.index.put(td, { pin: true });
  const svc = ls.parse('file:///ws/svc.json', svcText('web'));
  ls.index.put(svc, { pin: true });
  const first = ls.index.taskDefsForLaunch(svc.launches[0]);
  assert.deepEqual(
    first.map((l) => l.uri),
    tds.map((t) => t.uri),
  );
  first.pop();
  assert.equal(ls.index.taskDefsForLaunch(svc.launches[0]).length, 3, 'callers get copies');
  assert.equal(ls.index.launchesForTaskDef(tds[0].taskDefs[0])[0].launch, svc.launches[0]);
  // A new file in the family, a replaced file and a deleted file all show in the next lookup.
  const extra = ls.parse('file:///ws/td3.json', json(fargateTaskDef({ family: 'web' })));
  ls.index.put(extra, { pin: true });
  assert.equal(ls.index.taskDefsForLaunch(svc.launches[0]).length, 4);
  ls.index.set(ls.parse('file:///ws/td0.json', json(fargateTaskDef({ family: 'api' }))), { pin: true });
  assert.equal(ls.index.taskDefsForLaunch(svc.launches[0]).length, 3);
  ls.index.delete('file:///ws/td1.json');
  assert.equal(ls.index.taskDefsForLaunch(svc.launches[0]).length, 2);
  const svc2 = ls.parse('file:///ws/svc.json', svcText('api'));
  ls.index.put(svc2, { pin: true });
  assert.equal(ls.index.launchesForTaskDef(tds[2].taskDefs[0]).length, 0);
  assert.equal(ls.index.taskDefsForLaunch(svc2.launches[0])[0].uri, 'file:///ws/td0.json');
});

test('links through unpinned files are not kept: an evicted model is re-parsed, never served stale (unit)', () => {
  const ls = getLanguageService();
  ls.index.set(ls.parse('file:///ws/td.json', json(fargateTaskDef({ family: 'web' }))));
  for (let i = 0; i < MODEL_CACHE + 5; i++)
    ls.index.set(ls.parse(`file:///ws/other${i}.json`, json(fargateTaskDef({ family: `f${i}` }))));
  const svc = ls.parse('file:///ws/svc.json', json({ serviceName: 's', taskDefinition: 'web', launchType: 'FARGATE' }));
  ls.index.set(svc, { pin: true });
  const a = ls.index.taskDefsForLaunch(svc.launches[0]);
  assert.equal(a.length, 1);
  assert.equal(a[0].td, ls.index.get('file:///ws/td.json')!.taskDefs[0], 'the model the index holds now');
});
