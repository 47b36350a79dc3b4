import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardCommand, redactingExecUi, redactingUi, userError } from '../../../client/src/commands/guard';
import type { ExecUi } from '../../../client/src/exec/ports';
import { ScriptedUi } from '../explorer/scriptedUi';

const KEY = 'AKIAGUARDTESTKEY0001';
const TOKEN = 'IQoJb3JpZ2luX2VjEGuardTestSessionToken/NoLeak+0123456789abcdefXYZ==';
const echoed = () =>
  Object.assign(
    new Error(
      `The request signature we calculated does not match. 'POST / Credential=${KEY}/20261204/us-east-1/ecs/aws4_request x-amz-security-token:${TOKEN}'`,
    ),
    { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } },
  );

test('userError: an error echoing the key id and the session token shows neither (unit)', () => {
  const text = userError(echoed(), 'Open shell failed');
  assert.match(text, /^Open shell failed: Access denied: /);
  assert.ok(!text.includes(KEY) && !text.includes(TOKEN) && !text.includes('NoLeak'), text);
  const short = userError(new Error('x-amz-security-token: short-token-value aws_secret_access_key=abc/def'));
  assert.ok(!short.includes('short-token-value') && !short.includes('abc/def'), short);
});

test('guardCommand: a thrown error becomes one redacted message and one log line, never a rejection (unit)', async () => {
  const errors: string[] = [];
  const logs: string[] = [];
  const run = guardCommand(
    'fargateLens.x',
    async () => {
      throw echoed();
    },
    { error: (m) => errors.push(m), log: (l) => logs.push(l) },
  );
  await run();
  assert.equal(errors.length, 1);
  assert.equal(logs.length, 1);
  assert.match(logs[0], /^fargateLens\.x: /);
  for (const t of [...errors, ...logs]) assert.ok(!t.includes(KEY) && !t.includes('NoLeak'), t);
});

test('redacting UIs: every text a command shows is redacted, the rest is forwarded (unit)', async () => {
  const ui = new ScriptedUi([() => true]);
  const safe = redactingUi(ui);
  safe.error(`failed: Credential=${KEY}`);
  safe.info(`token ${TOKEN}`);
  assert.equal(await safe.confirm(`stop ${KEY}?`, `x-amz-security-token:${TOKEN}`, 'Stop'), true);
  for (const t of [...ui.errors, ...ui.infos, ...ui.confirms.flatMap((c) => [c.message, c.detail])])
    assert.ok(!t.includes(KEY) && !t.includes('NoLeak'), t);
  assert.equal(ui.errors.length + ui.infos.length + ui.confirms.length, 3);

  const shown: string[] = [];
  const exec = redactingExecUi({
    showError: (m: string) => void shown.push(m),
    showInfo: (m: string) => void shown.push(m),
    output: (m: string) => void shown.push(m),
    presentFindings: async (f: { message: string }[]) => void shown.push(...f.map((x) => x.message)),
  } as unknown as ExecUi);
  exec.showError(KEY);
  exec.showInfo(TOKEN);
  exec.output(`Credential=${KEY}`);
  await exec.presentFindings([{ id: 'exec/x', severity: 'error', message: `role ${TOKEN}` }], true);
  assert.equal(shown.length, 4);
  for (const t of shown) assert.ok(!t.includes(KEY) && !t.includes('NoLeak'), t);
});
