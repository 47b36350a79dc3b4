/**
 * (unit) The one AWS client factory: the explorer's APIs and the ECS Exec view of a connection share
 * one set of SDK clients, each constructed on first use; clear() (profile, region or endpoint
 * changed) forgets every client and every exec view; the endpoint is part of the key.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAwsClientFactory, ssmEndpointUrl } from '../../../client/src/aws/factory';
import type { AwsClientOptions } from '../../../client/src/aws/clientConfig';

const conn = { profile: undefined, region: 'us-east-1' };
// Nothing listens on port 9: calls fail fast with ECONNREFUSED, after the clients were built.
const DEAD = 'http://127.0.0.1:9';
const creds = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'x'.repeat(40) };

function withEnv<T>(run: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, creds);
  return run().finally(() => {
    for (const k of Object.keys(creds)) if (!(k in saved)) delete process.env[k];
  });
}

describe('createAwsClientFactory (unit)', () => {
  it('builds SDK clients only when a service is first called, and exec calls use the same clients', () =>
    withEnv(async () => {
      const { createSdkApis } = await import('../../../client/src/aws/sdk');
      const config = {
        region: 'us-east-1',
        endpoint: DEAD,
        maxAttempts: 1,
        credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      };
      const made = createSdkApis(conn, config as never);
      assert.deepEqual(made.created(), []);
      await assert.rejects(made.exec.listClusters());
      assert.deepEqual(made.created(), ['ecs']);
      await assert.rejects(made.apis.ecs.listClusters());
      await assert.rejects(made.apis.sts.getCallerIdentity());
      assert.deepEqual(made.created().sort(), ['ecs', 'sts'], 'one ECS client for both, STS on its first call');
      made.destroy();
      assert.deepEqual(made.created(), []);
    }));

  it('keeps one exec view per connection and endpoint, and clear() forgets them all', () => {
    let options: AwsClientOptions = { endpoint: DEAD };
    const factory = createAwsClientFactory(() => options);
    let cleared = 0;
    factory.onDidClear(() => cleared++);
    const a = factory.exec({ region: 'us-east-1' });
    assert.equal(factory.exec({ region: 'us-east-1' }), a);
    assert.notEqual(factory.exec({ region: 'us-east-1', profile: 'dev' }), a, 'another profile');
    assert.notEqual(factory.exec({ region: 'eu-west-1' }), a, 'another region');
    options = { endpoint: 'http://127.0.0.1:10' };
    const b = factory.exec({ region: 'us-east-1' });
    assert.notEqual(b, a, 'another endpoint');
    assert.equal(b.ssmEndpointUrl, 'http://127.0.0.1:10');
    factory.clear();
    assert.equal(cleared, 1);
    assert.notEqual(factory.exec({ region: 'us-east-1' }), b, 'a profile change (clear) reaches ECS Exec too');
    factory.dispose();
  });

  it('get() shares the connection with exec() and is rebuilt after clear()', () =>
    withEnv(async () => {
      const factory = createAwsClientFactory(() => ({ endpoint: DEAD, maxAttempts: 1 }));
      const first = await factory.get(conn);
      assert.equal(await factory.get(conn), first);
      assert.equal(first.connection.region, 'us-east-1');
      factory.clear();
      assert.notEqual(await factory.get(conn), first);
      factory.dispose();
    }));

  it('gives session-manager-plugin the endpoint override, else the region endpoint', () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL;
    try {
      assert.equal(ssmEndpointUrl('eu-west-1', {}), 'https://ssm.eu-west-1.amazonaws.com');
      assert.equal(ssmEndpointUrl('eu-west-1', { endpoint: 'http://localhost:5000/' }), 'http://localhost:5000');
    } finally {
      if (saved !== undefined) process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
