import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bypassesProxy, proxySettingsFrom } from '../../client/src/aws/proxy';
import { connect, TOKEN } from '../unit/exec/sessionHarness';
import { ConnectProxy } from '../fakes/connectProxy';

/** A throw-away CA and a certificate for 127.0.0.1 signed by it, made with openssl for this run. */
function testCa(): { ca: string; key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-ca-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '1',
      '-subj',
      '/CN=Test Proxy CA',
    );
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'proxy.key', '-out', 'proxy.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
    run(
      'x509',
      '-req',
      '-in',
      'proxy.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'proxy.pem',
      '-days',
      '1',
      '-extfile',
      'ext.cnf',
    );
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return { ca: read('ca.pem'), key: read('proxy.key'), cert: read('proxy.pem') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the ECS Exec WebSocket goes through a real CONNECT proxy, also an https proxy with its own CA (integration)', async () => {
  const pki = testCa();
  for (const tls of [false, true]) {
    const proxy = await ConnectProxy.start(tls ? { key: pki.key, cert: pki.cert } : undefined);
    const settings = proxySettingsFrom(proxy.url, true, {}, tls ? [pki.ca] : undefined);
    const h = await connect({}, true, { proxy: settings });
    try {
      await h.waitForText('$ ');
      h.channel.sendInput('echo through-the-proxy\r');
      await h.waitForText('through-the-proxy\r\n$ ');
      assert.equal(proxy.tunnels.length, 1, `one CONNECT tunnel (${tls ? 'https' : 'http'} proxy)`);
      assert.match(proxy.tunnels[0], /^127\.0\.0\.1:\d+$/);
      for (const l of h.logs) assert.ok(!l.includes(TOKEN));
    } finally {
      await h.dispose();
      await proxy.close();
    }
  }
});

test('an https proxy whose CA is not trusted is refused, unless http.proxyStrictSSL is off (integration)', async () => {
  const pki = testCa();
  const proxy = await ConnectProxy.start({ key: pki.key, cert: pki.cert });
  try {
    await assert.rejects(connect({}, false, { proxy: proxySettingsFrom(proxy.url, true, {}) }), /certificate/i);
    assert.equal(proxy.tunnels.length, 0);
    const h = await connect({}, false, { proxy: proxySettingsFrom(proxy.url, false, {}) });
    await h.waitForText('$ ');
    await h.dispose();
    assert.equal(proxy.tunnels.length, 1);
  } finally {
    await proxy.close();
  }
});

test('NO_PROXY and the environment variables decide which hosts use the proxy (integration)', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost,.internal,10.1.2.3:8443' };
  const s = proxySettingsFrom(undefined, undefined, env);
  assert.equal(s.proxy, 'http://proxy.corp:3128');
  assert.equal(proxySettingsFrom('http://vscode:8080', undefined, env).proxy, 'http://vscode:8080');
  assert.ok(bypassesProxy('localhost', '443', s.noProxy));
  assert.ok(bypassesProxy('api.internal', '443', s.noProxy));
  assert.ok(bypassesProxy('10.1.2.3', '8443', s.noProxy));
  assert.ok(!bypassesProxy('10.1.2.3', '443', s.noProxy));
  assert.ok(!bypassesProxy('ssmmessages.us-east-1.amazonaws.com', '443', s.noProxy));
  assert.ok(bypassesProxy('anything', '1', '*'));
});

test('AWS SDK calls go through the same CONNECT proxy (integration)', async () => {
  const { createServer } = await import('node:http');
  const { ECSClient, ListClustersCommand } = await import('@aws-sdk/client-ecs');
  const { createAwsClientConfig } = await import('../../client/src/aws/clientConfig');
  const api = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/through-proxy'] }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
  const proxy = await ConnectProxy.start();
  try {
    const config = await createAwsClientConfig(
      { region: 'us-east-1', profile: undefined },
      { endpoint, maxAttempts: 1, proxy: proxySettingsFrom(proxy.url, true, {}) },
      async () => ({ accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake' }),
    );
    const ecs = new ECSClient(config);
    const out = await ecs.send(new ListClustersCommand({}));
    ecs.destroy();
    assert.deepEqual(out.clusterArns, ['arn:aws:ecs:us-east-1:123456789012:cluster/through-proxy']);
    assert.equal(proxy.tunnels.length, 1);
    assert.equal(proxy.tunnels[0], endpoint.replace('http://', ''));
  } finally {
    await proxy.close();
    api.closeAllConnections(); // the SDK's keep-alive socket would hold close() open
    await new Promise<void>((resolve) => api.close(() => resolve()));
  }
});
