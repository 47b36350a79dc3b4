import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeDocument } from '../../../server/src/service/editing/documentCompletion';
import { getLanguageService } from '../../../server/src/service/languageService';
import { at, labels, TASK, CONTAINER } from './completeAt';

const DIR = join(__dirname, '../../fixtures/cfn');
const ls = getLanguageService();

function check(uri: string, text: string, offset: number, trigger?: string): number {
  const doc = ls.parse(uri, text);
  const r = completeDocument(doc, offset, {
    trigger,
    live: { region: 'eu-west-1', fileSystems: [{ id: 'fs-1', accessPoints: [{ id: 'fsap-1' }] }] },
  });
  assert.ok(
    r.replace.offset >= 0 && r.replace.offset <= offset && r.replace.offset + r.replace.length <= text.length,
    `${uri} @${offset}: replace out of range`,
  );
  for (const i of r.items)
    assert.ok(typeof i.label === 'string' && i.label.length > 0 && typeof (i.insertText ?? i.label) === 'string');
  return r.items.length;
}

test('typing every template fixture: completion at each step never throws and stays in range (unit)', () => {
  let offered = 0;
  let positions = 0;
  for (const name of readdirSync(DIR)) {
    const text = readFileSync(join(DIR, name), 'utf8');
    const uri = `file:///ws/${name}`;
    // the text typed so far, at every line end and every few characters in between
    for (let i = 0; i <= text.length; i++) {
      if (text[i] !== '\n' && i % 5 !== 0) continue;
      offered += check(uri, text.slice(0, i), i, i % 2 ? ' ' : undefined);
      positions++;
    }
    // a character deleted in the middle of the finished text, completed where it was
    for (let i = 0; i < text.length; i += 11) check(uri, text.slice(0, i) + text.slice(i + 1), i);
  }
  assert.ok(positions > 1000 && offered > 1000, `${positions} positions, ${offered} items`);
});

test('incomplete YAML: the line being typed and broken lines above still complete (unit)', () => {
  // an unterminated quote above the cursor: the parse fails, the path comes from indentation
  const broken = at(`${TASK.replace("Cpu: '256'", "Cpu: '256")}      Netw‸`);
  assert.ok(labels(broken).includes('NetworkMode'));
  assert.ok(labels(at(`${CONTAINER}          Image: [unclosed\n          Log‸`)).includes('LogConfiguration'));
  assert.ok(labels(at(`${CONTAINER}          - - :\n          Log‸`)).includes('LogConfiguration'));
  assert.deepEqual(labels(at(`${TASK}      Family: x\n        ‸`)), []);
  // the end of the text, a cursor beyond the last line break, CRLF line breaks
  assert.ok(labels(at(`${TASK}      ‸`)).includes('Memory'));
  assert.ok(labels(at(`${TASK}      ContainerDefinitions:\r\n        - Name: a\r\n          ‸\r\n`)).includes('Image'));
  // not ECS: no completion; a template being started without an ECS resource yet gets the Type values
  assert.deepEqual(labels(at('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      ‸')), []);
  assert.deepEqual(labels(at('Resources:\n  App:\n    Type: ‸')).slice(0, 1), ['AWS::ECS::TaskDefinition']);
});

test('a space typed to indent an empty line offers nothing; after `- ` and `Key: ` it does (unit)', () => {
  assert.deepEqual(labels(at(`${TASK}      ‸`, undefined, { trigger: ' ' })), []);
  assert.ok(
    labels(at(`${TASK}      ContainerDefinitions:\n        - ‸`, undefined, { trigger: ' ' })).includes('Name'),
  );
  assert.ok(labels(at(`${TASK}      NetworkMode: ‸`, undefined, { trigger: ' ' })).includes('awsvpc'));
});
