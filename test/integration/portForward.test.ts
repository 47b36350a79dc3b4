import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { run } from '../../client/src/cli/index';
import { AwsStub } from '../fakes/awsStub';
import { FakeAgent } from '../fakes/fakeAgent';
import { FakeKms } from '../fakes/fakeKms';
import { runFargateTask } from './fargateTask';
import { freezeTaskTransitions, startMoto, type MotoServer } from './moto';

const ACCESS_KEY = 'AKIAFAKEPORTTEST0042';
const SECRET_KEY = 'fakeSecretKeyForPortTest/DoNotLeak+0042';
const TOKEN = 'AAEAAFakePortTokenValue-DoNotLeak-0042';
const SESSION_ID = 'port-forward-0fakesession0042';
const RUNTIME_ID = 'runtime0042-port';

let moto: MotoServer;
let stub: AwsStub;
let agent: FakeAgent;
let web: Server;
let webPort: number;
let taskArn: string;
const startInputs: Record<string, unknown>[] = [];
const terminated: string[] = [];

before(async () => {
  moto = await startMoto();
  await freezeTaskTransitions(moto.endpoint);
  ({ taskArn } = await runFargateTask(moto.endpoint, {
    containerDefinitions: [
      { name: 'app', image: 'nginx:latest', essential: true, memory: 512, portMappings: [{ containerPort: 8080 }] },
    ],
  }));
  // The "container's" HTTP server: what the agent in the task reaches on localhost.
  web = createServer((req, res) => res.writeHead(200, { connection: 'close' }).end(`web ${req.url}`));
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  webPort = (web.address() as AddressInfo).port;
  agent = await FakeAgent.start({ tokenValue: TOKEN, sessionId: SESSION_ID, targetId: '' });
  stub = await AwsStub.start({
    upstream: moto.endpoint,
    kms: new FakeKms(),
    session: () => {
      throw new Error('ExecuteCommand is not used by port forwarding');
    },
    startSession: (input) => {
      startInputs.push(input);
      const p = input.Parameters as Record<string, string[]>;
      agent.configure({
        targetId: input.Target,
        port: { portNumber: p.portNumber[0], localPortNumber: p.localPortNumber?.[0], host: p.host?.[0] },
      });
      return { sessionId: SESSION_ID, streamUrl: agent.url, tokenValue: TOKEN };
    },
    resumeSession: (id) => agent.resumeSession(id),
    patchTask: (t) => {
      t.lastStatus = 'RUNNING';
      t.enableExecuteCommand = true;
      for (const c of t.containers ?? []) {
        c.lastStatus = 'RUNNING';
        c.runtimeId = RUNTIME_ID;
        c.managedAgents = [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }];
      }
    },
  });
  stub.on('terminated', (id: string) => terminated.push(id));
  // The SDK's credential chain reads the process environment, as in the other CLI tests.
  Object.assign(process.env, cliEnv());
  delete process.env.AWS_PROFILE;
});

function cliEnv(): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: stub.endpoint,
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  };
}

after(async () => {
  await stub?.close();
  await agent?.close();
  web?.closeAllConnections();
  web?.close();
  await moto?.stop();
});

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let listening: (line: string) => void = () => {};
  const firstLine = new Promise<string>((r) => (listening = r));
  return {
    out,
    err,
    controller,
    firstLine,
    io: {
      out: (t: string) => {
        out.push(t);
        listening(t);
      },
      err: (t: string) => void err.push(t),
      env: cliEnv(),
      cwd: process.cwd(),
      signal: controller.signal,
    },
  };
}

test('CLI port-forward through the stub in front of moto: fetch through 127.0.0.1, Ctrl+C terminates, exit 0 (integration)', async () => {
  const c = cliIo();
  const taskId = taskArn.slice(taskArn.lastIndexOf('/') + 1);
  const exit = run(['port-forward', '--cluster', 'prod', '--task', taskId, '--port', String(webPort)], c.io);
  const line = await Promise.race([c.firstLine, exit.then((code) => `exited ${code}: ${c.err.join('')}`)]);
  const m = /^listening on 127\.0\.0\.1:(\d+)\n$/.exec(line);
  assert.ok(m, line);
  const [a, b] = await Promise.all([
    fetch(`http://127.0.0.1:${m[1]}/one`).then((r) => r.text()),
    fetch(`http://127.0.0.1:${m[1]}/two`).then((r) => r.text()),
  ]);
  assert.deepEqual([a, b], ['web /one', 'web /two']);
  assert.equal(startInputs[0].Target, `ecs:prod_${taskId}_${RUNTIME_ID}`);
  assert.equal(startInputs[0].DocumentName, 'AWS-StartPortForwardingSession');
  assert.deepEqual(startInputs[0].Parameters, { portNumber: [String(webPort)], localPortNumber: [m[1]] });
  c.controller.abort();
  assert.equal(await exit, 0);
  assert.deepEqual(terminated, [SESSION_ID]);
  assert.match(c.err.join(''), /session ended: interrupted/);
  for (const text of [...c.out, ...c.err])
    for (const secret of [TOKEN, SECRET_KEY, ACCESS_KEY]) assert.ok(!text.includes(secret), text);
});

test('CLI port-forward: an unknown task cannot start a session: exit 2 with the reason (integration)', async () => {
  const c = cliIo();
  const code = await run(
    ['port-forward', '--cluster', 'prod', '--task', '0000000000000000000000000000dead', '--port', '80'],
    c.io,
  );
  assert.equal(code, 2);
  assert.match(c.err.join(''), /port-forward: .*(not found|MISSING)/i);
});

test('CLI port-forward: bad usage exits 2 (integration)', async () => {
  const c = cliIo();
  assert.equal(await run(['port-forward', '--cluster', 'prod', '--task', 'x', '--port', '99999'], c.io), 2);
  assert.match(c.err.join(''), /--port must be a port number/);
});

test('CLI port-forward: a refused target connection prints one line and the forward goes on; the agent ending the session prints why and exits 1 (integration)', async () => {
  const c = cliIo();
  const taskId = taskArn.slice(taskArn.lastIndexOf('/') + 1);
  const exit = run(['port-forward', '--cluster', 'prod', '--task', taskId, '--port', '1'], c.io);
  const line = await Promise.race([c.firstLine, exit.then((code) => `exited ${code}: ${c.err.join('')}`)]);
  const port = /^listening on 127\.0\.0\.1:(\d+)\n$/.exec(line)?.[1];
  assert.ok(port, line);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`));
  assert.match(c.err.join(''), /connection to the destination port failed/);
  agent.endSessions('');
  assert.equal(await exit, 1);
  assert.match(c.err.join(''), /session ended: the session ended on the agent's side/);
});
