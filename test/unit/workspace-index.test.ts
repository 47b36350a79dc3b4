import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../server/src/service/languageService';
import { MODEL_CACHE } from '../../server/src/service/workspace';
import { fargateTaskDef, json } from './helpers';

test('the index keeps text, not models, for disk files and re-parses them on demand (unit)', () => {
  const ls = getLanguageService();
  const n = MODEL_CACHE + 20;
  for (let i = 0; i < n; i++) ls.index.set(ls.parse(`file:///ws/td${i}.json`, json(fargateTaskDef({ family: `f${i}` }))));
  const svc = ls.parse('file:///ws/svc.json', json({ serviceName: 's', taskDefinition: 'f0:3', launchType: 'FARGATE', platformVersion: '1.3.0', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }));
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
  assert.deepEqual(ls.index.set(ls.parse('file:///ws/svc.json', json({ serviceName: 's', taskDefinition: 'api', launchType: 'FARGATE' }))), ['file:///ws/td.json']);
  assert.equal(ls.index.launchesForTaskDef(td.taskDefs[0]).length, 0);
  assert.deepEqual(ls.index.delete('file:///ws/td.json'), []);
  assert.equal(ls.index.get('file:///ws/td.json'), undefined);
});
