/**
 * ECS Exec against moto: a running Fargate task behind the AWS stub (sessions on the fake SSM agent, the
 * fake KMS), opened as a shell and as a command run in the container, with dropped connections, a refused
 * resume and the pre-flight findings. The fake credentials and the recording UI are in execRecorder.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openShell } from '../../client/src/exec/flow';
import { runCommandInContainer } from '../../client/src/exec/runCommand';
import { nextEvent, when } from '../../client/src/exec/emitter';
import { AwsStub } from '../fakes/awsStub';
import { FakeAgent, type FakeAgentOptions } from '../fakes/fakeAgent';
import { FakeKms } from '../fakes/fakeKms';
import { runFargateTask } from './fargateTask';
import { freezeTaskTransitions, startMoto, type MotoServer } from './moto';
import { assertNoSecrets, recorder, RUNTIME_ID, SESSION_ID, TOKEN } from './execRecorder';

let moto: MotoServer;
let kms: FakeKms;
let clusterArn: string;
let taskArn: string;
const state: { execEnabled: boolean; agentUrl: string; agent?: FakeAgent; refuseResume?: boolean } = {
  execEnabled: true,
  agentUrl: '',
};
let stub: AwsStub;

before(async () => {
  moto = await startMoto();
  await freezeTaskTransitions(moto.endpoint);
  ({ clusterArn, taskArn } = await runFargateTask(moto.endpoint, {
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx:latest',
        essential: true,
        memory: 512,
        linuxParameters: { initProcessEnabled: true },
      },
    ],
    group: 'service:web',
  }));
  kms = new FakeKms();
  stub = await AwsStub.start({
    upstream: moto.endpoint,
    kms,
    session: (input) => {
      state.agent?.configure({ command: input.command }); // ECS hands the agent the command
      return { sessionId: SESSION_ID, streamUrl: state.agentUrl, tokenValue: TOKEN };
    },
    resumeSession: (id) => {
      if (state.refuseResume)
        throw Object.assign(
          new Error(
            `User: arn:aws:sts::123456789012:assumed-role/Developer/me is not authorized to perform: ssm:ResumeSession on resource: ${id}`,
          ),
          { name: 'AccessDeniedException' },
        );
      return state.agent?.resumeSession(id) ?? {};
    },
    patchTask: (t) => {
      t.lastStatus = 'RUNNING';
      t.enableExecuteCommand = state.execEnabled;
      for (const c of t.containers ?? []) {
        c.runtimeId = RUNTIME_ID;
        c.managedAgents = state.execEnabled ? [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }] : [];
      }
    },
    patchCluster: (c) =>
      void (c.configuration = { executeCommandConfiguration: { kmsKeyId: kms.keyId, logging: 'NONE' } }),
  });
});

after(async () => {
  await stub?.close();
  await moto?.stop();
});

const node = () => ({ kind: 'container', clusterArn, taskArn, containerName: 'app', region: 'us-east-1' });

/**
 * Starts a fake agent for the seeded task (the target id ECS gives its container) that the stub's
 * StartSession and ResumeSession hand out; `stopAgent` closes it and detaches it from the stub.
 */
async function startAgent(options: Partial<FakeAgentOptions> = {}): Promise<FakeAgent> {
  const targetId = `ecs:prod_${taskArn.split('/').pop()}_${RUNTIME_ID}`;
  const agent = await FakeAgent.start({ tokenValue: TOKEN, sessionId: SESSION_ID, targetId, kms, ...options });
  state.agentUrl = agent.url;
  state.agent = agent;
  return agent;
}
async function stopAgent(agent: FakeAgent): Promise<void> {
  state.agent = undefined;
  await agent.close();
}

test('open shell on a seeded task: pre-flight, ExecuteCommand, KMS session, echo, close terminates the session (integration)', async () => {
  const agent = await startAgent({
    chaos: { seed: 42, drop: 0.2, duplicate: 0.2, reorder: 0.2 },
    requireKmsChallengeResponse: true, // an agent that refuses clients ignoring its KMS random challenge
  });
  const handshake = new Promise<{ challengeAcknowledged: boolean }>((resolve) =>
    agent.once('handshake-complete', resolve),
  );
  const r = recorder(stub.endpoint);
  try {
    const pty = await openShell(r.deps, node());
    assert.ok(pty, `no terminal opened: ${r.texts.join(' | ')}`);
    assert.deepEqual(r.findings, [], 'a ready task has nothing to report');
    assert.ok(stub.calls.includes('SimulatePrincipalPolicy') && stub.calls.includes('GetCallerIdentity'));
    let screen = '';
    pty.onDidWrite((t) => void (screen += t));
    const challenge = new Promise((resolve) => agent.once('challenge-ok', resolve));
    pty.open({ columns: 100, rows: 30 });
    await challenge;
    assert.equal((await handshake).challengeAcknowledged, true);
    await when(pty.onDidWrite, () => screen.endsWith('$ '));
    pty.handleInput('echo hello\r');
    await when(pty.onDidWrite, () => screen.includes('hello\r\n$ '));
    const terminated = new Promise((resolve) => stub.once('terminated', resolve));
    pty.close();
    assert.equal(await terminated, SESSION_ID);
    r.texts.push(screen);
    assertNoSecrets(r.texts);
    assert.equal(stub.calls.filter((c) => c === 'GenerateDataKey').length, 1);
  } finally {
    await stopAgent(agent);
  }
});

test('exit in the shell is a normal end: no exit code, the terminal closes without an error, the session is terminated once (integration)', async () => {
  const agent = await startAgent();
  const sizes: unknown[] = [];
  agent.on('size', (s) => sizes.push(s));
  const r = recorder(stub.endpoint);
  try {
    const pty = await openShell(r.deps, node());
    assert.ok(pty, r.texts.join(' | '));
    let screen = '';
    pty.onDidWrite((t) => void (screen += t));
    pty.open({ columns: 120, rows: 40 });
    await when(pty.onDidWrite, () => screen.endsWith('$ '));
    const exited = new Promise((resolve) => agent.once('exited', resolve));
    const channelClosed = new Promise((resolve) => agent.once('channel-closed', resolve));
    const closed = nextEvent(pty.onDidClose);
    const terminations = stub.calls.filter((c) => c === 'TerminateSession').length;
    const terminated = new Promise((resolve) => stub.once('terminated', resolve));
    pty.handleInput('exit 4\r');
    assert.equal(await exited, 4, 'the shell exited with 4 in the container');
    await channelClosed;
    assert.equal(await closed, undefined, 'a pty session reports no exit code: the terminal just closes');
    assert.equal(await terminated, SESSION_ID);
    assert.equal(stub.calls.filter((c) => c === 'TerminateSession').length, terminations + 1);
    assert.doesNotMatch(screen, /Press any key|Session closed|ERROR/);
    assert.ok(!r.texts.some((t) => t.startsWith('ERROR')), r.texts.join(' | '));
    assert.deepEqual(sizes[0], { cols: 120, rows: 40 });
    r.texts.push(screen);
    assertNoSecrets(r.texts);
  } finally {
    await stopAgent(agent);
  }
});

test('pre-flight blocks a task started without exec and offers the service fix, without calling ExecuteCommand (integration)', async () => {
  state.execEnabled = false;
  const r = recorder(stub.endpoint);
  const before = stub.calls.filter((c) => c === 'ExecuteCommand').length;
  try {
    assert.equal(await openShell(r.deps, node()), undefined);
  } finally {
    state.execEnabled = true;
  }
  assert.equal(r.findings.length, 1, 'one message, not a storm');
  assert.equal(r.findings[0].blocking, true);
  assert.deepEqual(r.findings[0].findings[0].fix, {
    title: 'Enable ECS Exec on service web and redeploy',
    action: 'enableExecOnService',
    clusterArn,
    service: 'web',
  });
  assert.equal(stub.calls.filter((c) => c === 'ExecuteCommand').length, before);
  assertNoSecrets(r.texts);
});

test('run command in container runs through the container shell and returns the right exit code and output (integration)', async () => {
  const agent = await startAgent();
  const sizes: unknown[] = [];
  agent.on('size', (s) => sizes.push(s));
  try {
    const r = recorder(stub.endpoint);
    const terminated = new Promise((resolve) => stub.once('terminated', resolve));
    const code = await runCommandInContainer(r.deps, node(), 'echo from-container && echo "it\'s $HOME" | cat; exit 3');
    assert.equal(code, 3, r.texts.join(''));
    await terminated;
    const out = r.texts.join('');
    assert.ok(out.includes("from-container\nit's /root\n"), out);
    assert.doesNotMatch(out, /__FARGATE_LENS_EXIT_/, 'the marker is stripped');
    assert.match(out, /\[exit code 3\]/);
    assert.deepEqual(sizes, [{ cols: 300, rows: 100 }], 'a terminal size, as the plugin sends without a terminal');
    // The command's output is on its own channel: header, output, exit code, no session or pre-flight lines.
    const own = r.commandOutput.join('');
    assert.match(own, /^\$ echo from-container/);
    assert.match(own, /from-container\nit's \/root\n[\s\S]*\[exit code 3\]\n$/);
    assert.ok(!own.includes('[exec]') && !own.includes('[pre-flight]'), own);
    assertNoSecrets(r.texts);
  } finally {
    await stopAgent(agent);
  }
});

test('run command in an image without /bin/sh says so and runs the command as it is, exit code unknown (integration)', async () => {
  const agent = await startAgent({ programs: ['echo', 'ls'] }); // a distroless-style image
  const commands: string[][] = [];
  agent.on('command', (argv) => commands.push(argv));
  try {
    const r = recorder(stub.endpoint);
    assert.equal(await runCommandInContainer(r.deps, node(), 'echo hi | cat'), undefined);
    const out = r.texts.join('');
    assert.match(out, /the container has no \/bin\/sh: running the command as it is, without a shell — pipes \(\|\)/);
    assert.ok(out.includes('hi | cat\n'), out);
    assert.match(out, /\[exit code unknown: ECS Exec does not report it/);
    assert.equal(commands.length, 2);
    assert.equal(commands[0][0], '/bin/sh');
    assert.deepEqual(commands[1], ['echo', 'hi', '|', 'cat'], 'split like shlex, no shell');
  } finally {
    await stopAgent(agent);
  }
});

const LOST = 'connection lost, reconnecting…';

test('a dropped connection is resumed with ssm:ResumeSession: the shell carries on, every line shown once, no second KMS key (integration)', async () => {
  const agent = await startAgent({ chaos: { seed: 7, drop: 0.2, duplicate: 0.2, reorder: 0.2 } });
  const r = recorder(stub.endpoint);
  const keysBefore = stub.calls.filter((c) => c === 'GenerateDataKey').length;
  try {
    const pty = await openShell(r.deps, node());
    assert.ok(pty, `no terminal opened: ${r.texts.join(' | ')}`);
    let screen = '';
    pty.onDidWrite((t) => void (screen += t));
    pty.open({ columns: 100, rows: 30 });
    await when(pty.onDidWrite, () => screen.endsWith('$ '));
    pty.handleInput('echo before\r');
    await when(pty.onDidWrite, () => screen.includes('before\r\n$ '));
    agent.dropOnNextInput(); // this line is lost with the connection and must be sent again
    pty.handleInput('echo during\r');
    await when(pty.onDidWrite, () => screen.includes('reconnected'));
    await when(pty.onDidWrite, () => screen.includes('during\r\n$ '));
    pty.handleInput('echo after\r');
    await when(pty.onDidWrite, () => screen.includes('after\r\n$ '));
    for (const line of ['before', 'during', 'after'])
      assert.equal(screen.split(`${line}\r\n$ `).length, 2, `${line} shown once: ${JSON.stringify(screen)}`);
    assert.equal(screen.split(LOST).length, 2);
    assert.equal(stub.calls.filter((c) => c === 'ResumeSession').length, 1);
    assert.equal(
      stub.calls.filter((c) => c === 'GenerateDataKey').length,
      keysBefore + 1,
      'the KMS handshake is not repeated',
    );
    assert.equal(agent.stats.resumes, 1);
    const terminated = new Promise((resolve) => stub.once('terminated', resolve));
    pty.close();
    assert.equal(await terminated, SESSION_ID);
    r.texts.push(screen);
    assertNoSecrets(r.texts, [agent.url, String(agent.tokenFrames[1]?.TokenValue)]);
  } finally {
    await stopAgent(agent);
  }
});

test('a refused ResumeSession ends the shell with the reason and terminates the session (integration)', async () => {
  const agent = await startAgent();
  state.refuseResume = true;
  const r = recorder(stub.endpoint);
  try {
    const pty = await openShell(r.deps, node());
    assert.ok(pty);
    let screen = '';
    pty.onDidWrite((t) => void (screen += t));
    pty.open({ columns: 100, rows: 30 });
    await when(pty.onDidWrite, () => screen.endsWith('$ '));
    const terminated = new Promise((resolve) => stub.once('terminated', resolve));
    agent.dropConnections();
    await when(pty.onDidWrite, () => screen.includes('[Press any key to close]'));
    assert.match(screen, /Connection lost and the session could not be resumed: ResumeSession failed: Access denied/);
    assert.equal(await terminated, SESSION_ID);
    r.texts.push(screen);
    assertNoSecrets(r.texts, [agent.url]);
  } finally {
    state.refuseResume = false;
    await stopAgent(agent);
  }
});

// Last in this file: it stops the shared task.
test('a task started before its service had ECS Exec: the fixes are a forced new deployment or stopping the task, and Stop calls StopTask (integration)', async () => {
  const { CreateServiceCommand, DescribeTasksCommand, ECSClient } = await import('@aws-sdk/client-ecs');
  const ecs = new ECSClient({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  try {
    // The service has ECS Exec on now; the task it owns (group service:web) was started without it.
    // Through the stub, which keeps the service's enableExecuteCommand (moto drops it).
    const viaStub = new ECSClient({
      region: 'us-east-1',
      endpoint: stub.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await viaStub.send(
      new CreateServiceCommand({
        cluster: clusterArn,
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 0,
        launchType: 'FARGATE',
        enableExecuteCommand: true,
      }),
    );
    viaStub.destroy();
    state.execEnabled = false;
    const r = recorder(stub.endpoint);
    r.deps.ui.presentFindings = async (f, blocking) => {
      r.findings.push({ findings: f, blocking });
      return f[0].alternative; // the user picks "Stop task…"
    };
    const before = stub.calls.filter((c) => c === 'ExecuteCommand').length;
    assert.equal(await openShell(r.deps, node()), undefined);
    const [finding] = r.findings[0].findings;
    assert.equal(r.findings[0].blocking, true);
    assert.match(finding.message, /Service web has ECS Exec on, but this task was started before it was turned on/);
    assert.deepEqual(finding.fix, {
      title: 'Redeploy service web (force new deployment)',
      action: 'redeployService',
      clusterArn,
      service: 'web',
    });
    assert.deepEqual(finding.alternative, {
      title: `Stop task ${taskArn.split('/').pop()!.slice(0, 8)} (service web starts a new one)`,
      action: 'stopTask',
      clusterArn,
      taskArn,
      service: 'web',
    });
    assert.equal(stub.calls.filter((c) => c === 'ExecuteCommand').length, before);
    const task = (await ecs.send(new DescribeTasksCommand({ cluster: clusterArn, tasks: [taskArn] }))).tasks![0];
    assert.equal(task.desiredStatus, 'STOPPED', 'StopTask reached the emulator');
    assert.ok(r.texts.some((t) => /is stopping; service web starts a new task, which has ECS Exec/.test(t)));
    assertNoSecrets(r.texts);
  } finally {
    state.execEnabled = true;
    ecs.destroy();
  }
});
