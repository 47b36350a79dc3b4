// Child process for startExecStub(): `node --import tsx e2e/lib/exec-stub-child.mjs <moto endpoint>`.
// Starts the integration tier's AWS stub (test/fakes/awsStub.ts) in front of moto and one fake SSM agent
// (test/fakes/fakeAgent.ts) with KMS, so the extension's ECS Exec command runs end to end: every running
// task reads as exec-ready (RUNNING, enableExecuteCommand, ExecuteCommandAgent RUNNING, a runtime id, a
// task role), clusters carry a KMS exec configuration, and ExecuteCommand returns a session on the agent.
// ssm:ResumeSession is answered by the agent, so a dropped session can resume. Prints `{"endpoint":…}` once
// listening, then one JSON line per AWS call and agent event; exits on SIGTERM. Reads one JSON command a
// line on stdin: `{"cmd":"drop"}` cuts the agent's connections and answers `{"event":"dropped","data":n}`;
// `{"cmd":"selfcheck"}` opens a shell as Open Shell does (test/shared/sandboxExecCheck.ts) and answers
// `{"event":"selfcheck","data":{"ok":true|false,"detail":…}}`. The agent requires the answer to its KMS
// random challenge (RequireKMSChallengeResponse), as a locked-down agent does.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './codeServer.mjs';

const upstream = process.argv[2];
if (!upstream) {
  console.error('usage: exec-stub-child.mjs <moto endpoint>');
  process.exit(2);
}
const load = (rel) => import(pathToFileURL(join(REPO_ROOT, rel)).href);
const { AwsStub } = await load('test/fakes/awsStub.ts');
const { FakeAgent } = await load('test/fakes/fakeAgent.ts');
const { FakeKms } = await load('test/fakes/fakeKms.ts');

const RUNTIME_ID = 'e2e0runtime0000001';
const SESSION_ID = 'ecs-execute-command-e2e-session';
const TASK_ROLE = 'arn:aws:iam::123456789012:role/demo-task-role';
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

const kms = new FakeKms();
// The agent checks the KMS encryption context, which names the SSM target (cluster, task, runtime id). The
// target is only known when ExecuteCommand arrives, so these options are filled in then (read at handshake).
const agentOptions = {
  tokenValue: randomBytes(24).toString('base64url'),
  sessionId: SESSION_ID,
  targetId: '',
  kms,
  requireKmsChallengeResponse: true,
};
const agent = await FakeAgent.start(agentOptions);
for (const event of [
  'handshake-complete',
  'challenge-ok',
  'line',
  'command',
  'exited',
  'size',
  'channel-closed',
  'disconnected',
  'resumed',
  'protocol-error',
  'port-mode',
  'port-stream',
  'port-stream-closed',
  'port-flag',
]) {
  agent.on(event, (data) => emit({ event: `agent:${event}`, data }));
}

// What ECS returns for a stopped task and moto does not (moto keeps the reason StopTask was given, sets no
// stop code, no stoppedAt, and leaves container exit codes at 0): a stop code (API_Task: stopCode), when it
// stopped (first seen here), and for an OOM kill what ECS reports for one ("OutOfMemoryError: Container
// killed due to memory usage", exit code 137, in the container's reason; the task's reason is then
// "Essential container in task exited": developerguide/stopped-task-error-codes.html).
const OOM = /^OutOfMemoryError: Container killed due to memory usage/;
const stoppedSeen = new Map();
function stoppedAsEcs(t) {
  if (!stoppedSeen.has(t.taskArn)) stoppedSeen.set(t.taskArn, Date.now() / 1000);
  t.lastStatus = 'STOPPED';
  t.stoppedAt ??= stoppedSeen.get(t.taskArn);
  t.stoppingAt ??= t.stoppedAt;
  const oom = OOM.test(t.stoppedReason ?? '');
  t.stopCode ??= oom ? 'EssentialContainerExited' : 'UserInitiated';
  for (const c of t.containers ?? []) {
    c.lastStatus = 'STOPPED';
    if (oom) {
      c.exitCode = 137;
      c.reason = t.stoppedReason;
    }
  }
  if (oom) t.stoppedReason = 'Essential container in task exited';
}

// The task's localhost for port sessions (ssm:StartSession with AWS-StartPortForwardingSession): every port
// in the task is this HTTP server, which answers with the path it was asked for.
const taskPort = createServer((req, res) =>
  res.writeHead(200, { connection: 'close' }).end(`hello from the task ${req.url}`),
);
// On every address of the host (`::` where there is IPv6), as the agent dials "localhost" (::1 or 127.0.0.1).
await new Promise((resolve) => taskPort.listen(0, () => resolve(undefined)));
const TASK_PORT = String(/** @type {import('node:net').AddressInfo} */ (taskPort.address()).port);

const stub = await AwsStub.start({
  upstream,
  kms,
  startSession: (input) => {
    const p = input.Parameters ?? {};
    agentOptions.targetId = input.Target;
    agentOptions.port = {
      portNumber: TASK_PORT,
      localPortNumber: p.localPortNumber?.[0],
      host: p.host ? 'localhost' : undefined,
    };
    return { sessionId: SESSION_ID, streamUrl: agent.url, tokenValue: agentOptions.tokenValue };
  },
  session: () => ({ sessionId: SESSION_ID, streamUrl: agent.url, tokenValue: agentOptions.tokenValue }),
  resumeSession: (id) => agent.resumeSession(id),
  patchTask: (t) => {
    if (t.desiredStatus === 'STOPPED' || t.lastStatus === 'STOPPED') {
      stoppedAsEcs(t);
      return;
    }
    t.lastStatus = 'RUNNING';
    t.enableExecuteCommand = true;
    t.overrides = { ...(t.overrides ?? {}), taskRoleArn: TASK_ROLE };
    for (const c of t.containers ?? []) {
      c.lastStatus = 'RUNNING';
      c.runtimeId = RUNTIME_ID;
      c.managedAgents = [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }];
    }
  },
  patchCluster: (c) =>
    void (c.configuration = { executeCommandConfiguration: { kmsKeyId: kms.keyId, logging: 'NONE' } }),
});
stub.on('call', (op, body) => {
  if (op === 'ExecuteCommand') {
    const input = JSON.parse(body);
    const tail = (arn) => String(arn).slice(String(arn).lastIndexOf('/') + 1);
    agentOptions.targetId = `ecs:${tail(input.cluster)}_${tail(input.task)}_${RUNTIME_ID}`;
    agentOptions.command = input.command; // ECS hands the agent the command to run
    agentOptions.port = undefined; // a shell, not a port session
  }
  emit({ event: 'call', op });
});
stub.on('terminated', (sessionId) => emit({ event: 'terminated', sessionId }));
stub.on('resume', (sessionId) => emit({ event: 'resume', sessionId }));

// Commands from the e2e driver (startExecStub's `command`).
createInterface({ input: process.stdin }).on('line', (line) => {
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    emit({ event: 'bad-command', data: line });
    return;
  }
  if (msg.cmd === 'drop') emit({ event: 'dropped', data: agent.dropConnections() });
  else if (msg.cmd === 'selfcheck')
    void load('test/shared/sandboxExecCheck.ts')
      .then(({ execSelfCheck }) => execSelfCheck(stub.endpoint))
      .then(
        (detail) => emit({ event: 'selfcheck', data: { ok: true, detail } }),
        (err) =>
          emit({ event: 'selfcheck', data: { ok: false, detail: err instanceof Error ? err.message : String(err) } }),
      );
  else emit({ event: 'bad-command', data: line });
});

emit({ endpoint: stub.endpoint, agent: agent.url.replace(/\?.*/, '') });
const stop = async () => {
  await Promise.allSettled([stub.close(), agent.close(), new Promise((r) => taskPort.close(r))]);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
