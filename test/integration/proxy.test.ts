import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { get, type Agent } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bypassesProxy, fromHttpConfiguration, proxySettingsFrom, sdkAgents } from '../../client/src/aws/proxy';
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

/** A stand-in ECS endpoint answering ListClusters with one cluster. */
async function fakeEcsApi(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const api = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/through-proxy'] }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(api.address() as { port: number }).port}`,
    close: async () => {
      api.closeAllConnections(); // the SDK's keep-alive socket would hold close() open
      await new Promise<void>((resolve) => api.close(() => resolve()));
    },
  };
}

test('AWS SDK calls go through the same CONNECT proxy (integration)', async () => {
  const { ECSClient, ListClustersCommand } = await import('@aws-sdk/client-ecs');
  const { createAwsClientConfig } = await import('../../client/src/aws/clientConfig');
  const api = await fakeEcsApi();
  const endpoint = api.endpoint;
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
    await api.close();
  }
});

test('NO_PROXY and http.noProxy send matching hosts direct, for the WebSocket and per connection for the SDK (integration)', async () => {
  const proxy = await ConnectProxy.start();
  const api = await fakeEcsApi();
  const port = new URL(api.endpoint).port;
  try {
    // The session WebSocket (ws://127.0.0.1:<port>) is named by VS Code's http.noProxy: no tunnel.
    const http = { get: (key: string) => ({ proxy: proxy.url, noProxy: ['127.0.0.1'] })[key] };
    const h = await connect({}, false, { proxy: fromHttpConfiguration(http as never) });
    await h.waitForText('$ ');
    await h.dispose();
    assert.equal(proxy.tunnels.length, 0, 'http.noProxy: the WebSocket went direct');
    // The same through NO_PROXY in the environment, as the WebSocket reads it.
    const saved = process.env.NO_PROXY;
    process.env.NO_PROXY = 'example.com, 127.0.0.1';
    try {
      const h2 = await connect({}, false, { proxy: proxySettingsFrom(proxy.url, true, {}) });
      await h2.waitForText('$ ');
      await h2.dispose();
    } finally {
      if (saved === undefined) delete process.env.NO_PROXY;
      else process.env.NO_PROXY = saved;
    }
    assert.equal(proxy.tunnels.length, 0, 'NO_PROXY: the WebSocket went direct');
    // One SDK agent, two hosts for the same server: localhost is in NO_PROXY, 127.0.0.1 is not.
    const { httpAgent } = sdkAgents({ proxy: { proxy: proxy.url, noProxy: 'localhost', strictSSL: true } });
    const fetchVia = (host: string) =>
      new Promise<string>((resolve, reject) => {
        get({ host, port, path: '/', agent: httpAgent as Agent }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        }).on('error', reject);
      });
    assert.match(await fetchVia('localhost'), /through-proxy/);
    assert.equal(proxy.tunnels.length, 0, 'localhost went direct');
    assert.match(await fetchVia('127.0.0.1'), /through-proxy/);
    assert.deepEqual(proxy.tunnels, [`127.0.0.1:${port}`], '127.0.0.1 went through the proxy');
    (httpAgent as Agent).destroy();
  } finally {
    await proxy.close();
    await api.close();
  }
});

test('HTTPS_PROXY with its own CA trusted through NODE_EXTRA_CA_CERTS, nothing in VS Code settings: the session and SDK calls tunnel through it (integration)', async () => {
  const pki = testCa();
  const dir = mkdtempSync(join(tmpdir(), 'proxy-env-'));
  writeFileSync(join(dir, 'ca.pem'), pki.ca);
  const proxy = await ConnectProxy.start({ key: pki.key, cert: pki.cert });
  const api = await fakeEcsApi();
  try {
    const run = (extraCa: boolean) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const env: NodeJS.ProcessEnv = { ...process.env, HTTPS_PROXY: proxy.url, NO_PROXY: '' };
        delete env.NODE_EXTRA_CA_CERTS;
        if (extraCa) env.NODE_EXTRA_CA_CERTS = join(dir, 'ca.pem');
        execFile(
          process.execPath,
          ['--import', 'tsx', join(__dirname, 'proxyEnvChild.ts'), api.endpoint],
          { env, timeout: 60_000 },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const refused = await run(false);
    assert.notEqual(refused.code, 0, 'without the CA the proxy is not trusted');
    assert.match(refused.stderr, /certificate/i);
    assert.equal(proxy.tunnels.length, 0);
    const ok = await run(true);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), {
      shell: 'via-env-proxy',
      clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/through-proxy'],
    });
    assert.equal(proxy.tunnels.length, 2, `the WebSocket and the SDK call: ${proxy.tunnels.join(', ')}`);
    assert.ok(proxy.tunnels.includes(api.endpoint.replace('http://', '')));
  } finally {
    await proxy.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a proxy that requires authentication: credentials in the proxy URL or in http.proxyAuthorization get through, a refusal reads as such and names no credential (integration)', async () => {
  const proxy = await ConnectProxy.start();
  const basic = `Basic ${Buffer.from('alice:s3cret-Proxy-Pass').toString('base64')}`;
  proxy.auth = basic;
  const withCredentials = proxy.url.replace('http://', 'http://alice:s3cret-Proxy-Pass@');
  const api = await fakeEcsApi();
  try {
    // Credentials in the URL (http.proxy or HTTPS_PROXY): https-proxy-agent sends them as Basic auth.
    const h = await connect({}, false, { proxy: proxySettingsFrom(withCredentials, true, {}) });
    await h.waitForText('$ ');
    await h.dispose();
    // VS Code's http.proxyAuthorization: the header value as given.
    const http = { get: (key: string) => ({ proxy: proxy.url, proxyAuthorization: basic })[key] };
    const h2 = await connect({}, false, { proxy: fromHttpConfiguration(http as never) });
    await h2.waitForText('$ ');
    await h2.dispose();
    assert.equal(proxy.tunnels.length, 2);
    // The SDK through the same proxy with http.proxyAuthorization.
    const { ECSClient, ListClustersCommand } = await import('@aws-sdk/client-ecs');
    const { createAwsClientConfig } = await import('../../client/src/aws/clientConfig');
    const config = await createAwsClientConfig(
      { region: 'us-east-1', profile: undefined },
      { endpoint: api.endpoint, maxAttempts: 1, proxy: http as never },
      async () => ({ accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake' }),
    );
    const ecs = new ECSClient(config);
    assert.deepEqual((await ecs.send(new ListClustersCommand({}))).clusterArns, [
      'arn:aws:ecs:us-east-1:123456789012:cluster/through-proxy',
    ]);
    ecs.destroy();
    assert.equal(proxy.tunnels.length, 3);
    // Wrong credentials: the proxy's 407 is the error, and neither password nor header value is in it.
    proxy.auth = `Basic ${Buffer.from('alice:other').toString('base64')}`;
    const refusal = await connect({}, false, { proxy: proxySettingsFrom(withCredentials, true, {}) }).then(
      async (h3) => {
        await h3.dispose();
        return 'connected';
      },
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    assert.match(refusal, /407/);
    assert.ok(!refusal.includes('s3cret-Proxy-Pass') && !refusal.includes(basic.slice(6)), refusal);
    assert.equal(proxy.refused.length, 1);
  } finally {
    await proxy.close();
    await api.close();
  }
});
