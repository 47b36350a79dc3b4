import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveFindingsParams } from '../../../server/src/protocol';
import type { LiveReference } from '../../../server/src/service/verify/references';
import type { AwsApis } from '../../../client/src/aws/types';
import { VerifyCache } from '../../../client/src/verify/context';
import { Verifier } from '../../../client/src/verify/verifier';

const URI = 'file:///ws/td.json';
const role = (value: string): LiveReference => ({
  kind: 'role',
  role: 'executionRoleArn',
  value,
  label: 'web',
  anchor: { uri: URI, owner: 'taskDef:web', path: 'executionRoleArn', value },
});

/** The APIs the role check uses, answering as IAM and STS do (GetRole: NoSuchEntity -> undefined). */
function apis(calls: string[], roles: Record<string, string>): AwsApis {
  return {
    connection: { region: 'eu-west-1' },
    sts: {
      getCallerIdentity: () =>
        Promise.resolve({ account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/dev/me' }),
    },
    iam: {
      getRole: (name: string) => {
        calls.push(`GetRole ${name}`);
        return Promise.resolve(roles[name] === undefined ? undefined : { AssumeRolePolicyDocument: roles[name] });
      },
    },
  } as unknown as AwsApis;
}

test('the verifier publishes per file, reuses answers within the TTL, and "force" asks again (unit)', async () => {
  const published: LiveFindingsParams[] = [];
  const calls: string[] = [];
  const v = new Verifier({
    references: () => Promise.resolve([role('arn:aws:iam::123456789012:role/missing')]),
    apis: () => Promise.resolve(apis(calls, {})),
    publish: (p) => published.push(p),
  });
  const conn = { profile: undefined, region: 'eu-west-1' };
  const out = await v.verify(URI, conn);
  assert.equal(out?.account, '123456789012');
  assert.deepEqual(published[0].uris, [URI]);
  assert.equal(published[0].producer, 'verify');
  assert.match(published[0].findings[0].message, /execution role missing does not exist in account 123456789012/);
  await v.verify(URI, conn);
  assert.equal(calls.length, 1, 'cached');
  await v.verify(URI, conn, true);
  assert.equal(calls.length, 2, 'forced');
  v.clear();
  assert.deepEqual(published.at(-1), { producer: 'verify', findings: [] });
});

test('a role of another account is not checked, and says so (unit)', async () => {
  const published: LiveFindingsParams[] = [];
  const v = new Verifier({
    references: () => Promise.resolve([role('arn:aws:iam::999999999999:role/x')]),
    apis: () => Promise.resolve(apis([], {})),
    publish: (p) => published.push(p),
  });
  await v.verify(URI, { profile: undefined, region: 'eu-west-1' });
  assert.equal(published[0].findings[0].ruleId, 'live/not-checked');
  assert.match(published[0].findings[0].message, /account 999999999999, not the connected account/);
});

test('the cache forgets after its TTL and never keeps a failure (unit)', async () => {
  let now = 0;
  const cache = new VerifyCache(1000, () => now);
  let n = 0;
  const load = () => Promise.resolve(++n);
  assert.equal(await cache.get('k', load), 1);
  assert.equal(await cache.get('k', load), 1);
  now = 1500;
  assert.equal(await cache.get('k', load), 2);
  await assert.rejects(cache.get('f', () => Promise.reject(new Error('throttled'))));
  assert.equal(await cache.get('f', load), 3);
});
