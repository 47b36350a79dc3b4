/**
 * No leaked secrets: the explorer model, the commands, the live EFS source and an
 * ECS Exec session run against moto with recognisable fake credentials, including error paths where
 * the AWS error message itself echoes the access key and session token (SignatureDoesNotMatch) and
 * AccessDenied in one region. Everything they produce (tree nodes, notifications, confirmations, log
 * lines, output channel text, terminal text) is captured through their interfaces and searched for the
 * credentials. The language server runs with the same credentials in its environment and must never
 * print them (stderr, window/logMessage, window/showMessage, diagnostics).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { SdkExecApi } from '../../client/src/aws/execApi';
import { createApiFactory } from '../../client/src/aws/factory';
import type { Connection } from '../../client/src/aws/types';
import { bindCommands } from '../../client/src/commands/register';
import { JsonDocuments } from '../../client/src/commands/jsonDocuments';
import type { CommandDeps } from '../../client/src/commands/types';
import type { ExecDeps } from '../../client/src/exec/flow';
import { runCommandInContainer } from '../../client/src/exec/runCommand';
import { execHandlers } from '../../client/src/exec/handlers';
import type { ExecUi } from '../../client/src/exec/ports';
import { LiveEfsSource } from '../../client/src/explorer/liveEfs';
import { ExplorerModel } from '../../client/src/explorer/model';
import type { ExplorerNode } from '../../client/src/explorer/nodes';
import { AwsStub } from '../fakes/awsStub';
import { FakeAgent } from '../fakes/fakeAgent';
import { FakeKms } from '../fakes/fakeKms';
import { FaultProxy } from '../fakes/faultProxy';
import { FIXTURES, startClient } from '../lsp/client';
import { pickLabel, ScriptedUi, value } from '../unit/explorer/scriptedUi';
import { motoEnv, seedDemoAccount, startMoto, type DemoAccount, type MotoServer } from './moto';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Made up for this test; shaped like real ones so that redaction by shape is exercised too.
const ACCESS_KEY = 'AKIAFARGATELENSTEST1';
const SECRET_KEY = 'fLensTestSecretKey/DoNotLeak+9q8w7e6r5t4y3u2i';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEFargateLensTestSessionToken/DoNotLeak+0123456789abcdefXYZ==';
const SECRETS = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN];
const FRAGMENTS = ['FARGATELENSTEST1', 'DoNotLeak', 'FargateLensTestSessionToken'];

const east: Connection = { profile: undefined, region: 'us-east-1' };
const west: Connection = { profile: undefined, region: 'eu-west-1' };
const settings = { pageSize: 100, concurrency: 4, showStoppedTasks: false };

function assertClean(where: string, texts: readonly string[]): void {
  for (const t of texts) {
    for (const s of [...SECRETS, ...FRAGMENTS])
      assert.ok(!t.includes(s), `${where}: "${s}" leaked into: ${t.slice(0, 300)}`);
  }
}

/** Every string in a node (message, detail, labels, ARNs), for the leak search. */
function nodeTexts(n: ExplorerNode): string[] {
  return [JSON.stringify(n)];
}

describe('no credentials in anything the extension shows, logs or publishes (integration)', () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let seed: DemoAccount;
  const saved: Record<string, string | undefined> = {};
  const factories: Array<ReturnType<typeof createApiFactory>> = [];

  before(async () => {
    moto = await startMoto();
    proxy = await FaultProxy.start(moto.endpoint);
    seed = await seedDemoAccount(moto.endpoint);
    const env = {
      ...motoEnv(proxy.endpoint),
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
    };
    for (const k of [...Object.keys(env), 'AWS_PROFILE']) saved[k] = process.env[k];
    Object.assign(process.env, env);
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    for (const f of factories) f.dispose();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await proxy?.close();
    await moto?.stop();
  });

  const explorer = (conns: Connection[] = [east]) => {
    const factory = createApiFactory(() => ({ maxAttempts: 2 })); // endpoint and credentials from the environment (the SDK chain)
    factories.push(factory);
    return {
      factory,
      model: new ExplorerModel(
        factory.get,
        () => conns,
        () => settings,
      ),
    };
  };
  /** Expands the whole tree (except load-more) and returns every node. */
  const expandAll = async (model: ExplorerModel): Promise<ExplorerNode[]> => {
    const all: ExplorerNode[] = [];
    const queue = [...(await model.getChildren())];
    while (queue.length) {
      const n = queue.shift()!;
      all.push(n);
      if (
        n.kind !== 'message' &&
        n.kind !== 'loadMore' &&
        n.kind !== 'container' &&
        n.kind !== 'accessPoint' &&
        n.kind !== 'mountTarget' &&
        n.kind !== 'revision'
      ) {
        queue.push(...(await model.getChildren(n)));
      }
    }
    return all;
  };
  const deps = (ui: ScriptedUi, model: ExplorerModel, factory: ReturnType<typeof createApiFactory>): CommandDeps => ({
    ui,
    model,
    apis: factory.get,
    connections: () => [east],
    documents: new JsonDocuments(),
    newToken: () => 'secrets-token',
    resetClients: () => undefined,
    settings: {
      profile: () => undefined,
      regions: () => ['us-east-1'],
      setProfile: async () => undefined,
      setRegions: async () => undefined,
    },
  });
  /** Runs a command the way VS Code does: through the registration (bindCommands), which guards and redacts. */
  const commandLogs: string[] = [];
  const command = (id: string, d: CommandDeps, ...args: unknown[]) =>
    bindCommands(d, (line) => void commandLogs.push(line))[id](...args);
  const uiTexts = (ui: ScriptedUi): string[] => [
    ...ui.infos,
    ...ui.errors,
    ...ui.confirms.flatMap((c) => [c.message, c.detail]),
    ...ui.opened,
    ...ui.untitled,
    ...ui.copied,
    ...ui.external,
    ...ui.prompts,
  ];

  it('the requests really carry the fake credentials (so the test can see a leak)', async () => {
    const { model } = explorer();
    await model.getChildren((await model.getChildren((await model.getChildren())[0]))[0]);
    const req = proxy.requests.at(-1)!;
    assert.equal(req.region, 'us-east-1');
    assert.equal(req.accessKeyId, ACCESS_KEY);
    assert.equal(req.sessionToken, SESSION_TOKEN);
  });

  it('explorer tree, commands and live EFS: success paths (integration)', async () => {
    const { model, factory } = explorer();
    const nodes = await expandAll(model);
    assert.ok(nodes.some((n) => n.kind === 'task'));
    const d = deps(new ScriptedUi([value(true)]), model, factory);
    const rev = nodes.find((n) => n.kind === 'revision')!;
    await command('fargateLens.openAsJson', d, rev);
    await command('fargateLens.copyArn', d, rev);
    await command('fargateLens.openInConsole', d, rev);
    const run = new ScriptedUi([
      pickLabel(/^worker$/),
      pickLabel(/^worker:1$/),
      pickLabel(/^FARGATE$/),
      pickLabel(/^1\.4\.0$/),
      pickLabel(/service web/),
      pickLabel(/No public IP/),
      value('1'),
      pickLabel(/No overrides/),
      pickLabel(/ECS Exec off/),
      value(true),
    ]);
    await command(
      'fargateLens.runTask',
      deps(run, model, factory),
      nodes.find((n) => n.kind === 'cluster' && n.cluster.clusterName === 'prod'),
    );
    assert.deepEqual(run.errors, []);
    const logs: string[] = [];
    const live: unknown[] = [];
    await new LiveEfsSource(
      factory.get,
      (data) => live.push(data),
      (m) => logs.push(m),
    ).update(east);
    assert.equal(live.length, 1);
    assertClean('tree', nodes.flatMap(nodeTexts));
    assertClean('commands', [
      ...uiTexts(d.ui as ScriptedUi),
      ...uiTexts(run),
      ...(d.ui as ScriptedUi).opened.map((u) => d.documents.get(u) ?? ''),
    ]);
    assertClean('live EFS', [...logs, JSON.stringify(live)]);
  });

  it('error paths: AWS errors echoing the key and token, AccessDenied in one region, expired token (integration)', async () => {
    proxy
      .inject({ op: 'ListClusters', region: 'us-east-1', fault: 'signature-mismatch' })
      .inject({ region: 'eu-west-1', fault: 'access-denied' })
      .inject({ op: 'DescribeFileSystems', region: 'us-east-1', fault: 'expired-token' })
      .inject({ op: 'ListTaskDefinitionFamilies', fault: '5xx' });
    try {
      const { model, factory } = explorer([east, west]);
      const nodes = await expandAll(model);
      const errors = nodes.filter((n) => n.kind === 'message' && n.severity === 'error');
      assert.ok(errors.length >= 5, JSON.stringify(errors));
      const echoed = proxy.requests.find((r) => r.fault === 'signature-mismatch');
      assert.ok(echoed, 'the signature error was injected');
      assert.ok(
        errors.some((e) => e.kind === 'message' && /Credential=\*\*\*/.test(e.message)),
        'the echoed key is shown redacted, not dropped silently',
      );
      assert.ok(
        errors.some((e) => e.kind === 'message' && /Access denied/.test(e.message) && e.conn.region === 'eu-west-1'),
      );

      const logs: string[] = [];
      await new LiveEfsSource(
        factory.get,
        () => undefined,
        (m) => logs.push(m),
      ).update(east);
      await new LiveEfsSource(
        factory.get,
        () => undefined,
        (m) => logs.push(m),
      ).update(west);
      assert.equal(logs.length, 2);

      proxy.clear();
      proxy
        .inject({ op: 'RunTask', fault: 'signature-mismatch' })
        .inject({ op: 'StopTask', fault: 'signature-mismatch' });
      const prodModel = explorer().model;
      const all = await expandAll(prodModel);
      const run = new ScriptedUi([
        pickLabel(/^worker$/),
        pickLabel(/^worker:1$/),
        pickLabel(/^FARGATE$/),
        pickLabel(/^1\.4\.0$/),
        pickLabel(/service web/),
        pickLabel(/No public IP/),
        value('1'),
        pickLabel(/No overrides/),
        pickLabel(/ECS Exec off/),
        value(true),
      ]);
      await command(
        'fargateLens.runTask',
        deps(run, prodModel, factory),
        all.find((n) => n.kind === 'cluster' && n.cluster.clusterName === 'prod'),
      );
      assert.match(run.errors[0] ?? '', /Run task failed: Access denied/);
      const stop = new ScriptedUi([value('x'), value(true)]);
      await command(
        'fargateLens.stopTask',
        deps(stop, prodModel, factory),
        all.find((n) => n.kind === 'task'),
      );
      assert.match(stop.errors[0] ?? '', /Stop task failed/);

      // Errors a handler does not catch itself (a describe before anything is shown, a list in the palette
      // flow) reach the user only through the registration's guard.
      proxy.clear();
      proxy
        .inject({ op: 'DescribeTaskDefinition', fault: 'signature-mismatch' })
        .inject({ op: 'ListClusters', fault: 'signature-mismatch' });
      const thrown = new ScriptedUi([]);
      await command(
        'fargateLens.openAsJson',
        deps(thrown, prodModel, factory),
        all.find((n) => n.kind === 'revision'),
      );
      await command('fargateLens.runTask', deps(thrown, prodModel, factory));
      assert.equal(thrown.errors.length, 2, thrown.errors.join(' | '));
      assert.ok(
        thrown.errors.every((e) => /Access denied: SignatureDoesNotMatch|Credential=\*\*\*/.test(e)),
        thrown.errors.join(' | '),
      );
      assert.ok(proxy.requests.filter((r) => r.fault === 'signature-mismatch').length >= 2);
      assertClean('guarded command errors', [...uiTexts(thrown), ...commandLogs]);

      assertClean('error nodes', errors.flatMap(nodeTexts));
      assertClean('live EFS log', logs);
      assertClean('command errors', [...uiTexts(run), ...uiTexts(stop)]);
    } finally {
      proxy.clear();
    }
  });

  it('ECS Exec session and its failure path with the fake credentials (integration)', async () => {
    const RUNTIME_ID = 'runtime-secrets-0001';
    const SESSION_ID = 'ecs-execute-command-secrets0001';
    const STREAM_TOKEN = 'AAEAAStreamTokenFargateLensTest/DoNotLeak+42';
    const ecs = new ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'execweb',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
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
      }),
    );
    const run = await ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: 'execweb',
        count: 1,
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        group: 'service:web',
        networkConfiguration: { awsvpcConfiguration: { subnets: seed.subnets, securityGroups: [seed.securityGroup] } },
      }),
    );
    ecs.destroy();
    const taskArn = run.tasks![0].taskArn!;
    const kms = new FakeKms();
    let agentUrl = '';
    let agentRef: FakeAgent | undefined;
    const stub = await AwsStub.start({
      upstream: moto.endpoint,
      kms,
      session: (input) => {
        agentRef?.configure({ command: input.command }); // ECS hands the agent the command
        return { sessionId: SESSION_ID, streamUrl: agentUrl, tokenValue: STREAM_TOKEN };
      },
      patchTask: (t) => {
        t.lastStatus = 'RUNNING';
        t.enableExecuteCommand = true;
        for (const c of t.containers ?? [])
          Object.assign(c, {
            runtimeId: RUNTIME_ID,
            managedAgents: [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }],
          });
      },
      patchCluster: (c) =>
        void (c.configuration = { executeCommandConfiguration: { kmsKeyId: kms.keyId, logging: 'NONE' } }),
    });
    const execProxy = await FaultProxy.start(stub.endpoint); // SDK -> fault proxy -> AWS stub -> moto
    const agent = await FakeAgent.start({
      tokenValue: STREAM_TOKEN,
      sessionId: SESSION_ID,
      targetId: `ecs:prod_${taskArn.split('/').pop()}_${RUNTIME_ID}`,
      kms,
    });
    agentUrl = agent.url;
    agentRef = agent;
    const texts: string[] = [];
    const ui: ExecUi = {
      presentFindings: async (f) => void texts.push(...f.map((x) => `${x.message} ${JSON.stringify(x.fix ?? '')}`)),
      createTerminal: (name) => void texts.push(name),
      createProcessTerminal: (name, cmd) => void texts.push(name, cmd.command, ...(cmd.args ?? [])),
      output: (t) => void texts.push(t),
      showOutput: () => undefined,
      commandOutput: (t) => void texts.push(t),
      showCommandOutput: () => undefined,
      withProgress: (_title, task) => task({ cancelled: false, onCancel: () => undefined }),
      showError: (m) => void texts.push(m),
      showInfo: (m) => void texts.push(m),
      showText: async (c) => void texts.push(c),
      openExternal: async (u) => void texts.push(u),
      pick: async () => undefined,
    };
    const execDeps: ExecDeps = {
      ui,
      apiFor: (t) =>
        new SdkExecApi({
          region: t.region,
          endpoint: execProxy.endpoint,
          credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, sessionToken: SESSION_TOKEN },
        }),
      settings: () => ({
        command: '/bin/sh',
        useSessionManagerPlugin: false,
        sessionManagerPluginPath: 'session-manager-plugin',
        simulateIamPolicies: true,
      }),
      defaultTarget: () => ({ region: 'us-east-1' }),
    };
    const target = {
      kind: 'container',
      clusterArn: seed.clusters.prod,
      taskArn,
      containerName: 'app',
      region: 'us-east-1',
    };
    try {
      const terminated = new Promise((resolve) => stub.once('terminated', resolve));
      assert.equal(await runCommandInContainer(execDeps, target, 'echo from-container'), 0, texts.join(' | '));
      await terminated;
      assert.ok(texts.join('').includes('from-container'));
      execProxy.inject({ op: 'ExecuteCommand', fault: 'signature-mismatch' });
      assert.notEqual(await runCommandInContainer(execDeps, target, 'echo again'), 0);
      assert.ok(execProxy.requests.some((r) => r.fault === 'signature-mismatch'));
      assert.ok(
        texts.some((t) => /SignatureDoesNotMatch.*Credential=\*\*\*/.test(t)),
        texts.join(' | '),
      );
      assertClean('exec', texts);

      // The command handlers themselves: AWS calls before ExecuteCommand (listing clusters in the palette
      // flow, describing the task and the cluster in pre-flight) fail with the echoed credentials.
      const handlers = execHandlers(
        execDeps,
        async () => 'echo guarded',
        (line) => void texts.push(line),
      );
      for (const op of ['ListClusters', 'DescribeTasks', 'DescribeClusters']) {
        execProxy.clear();
        execProxy.inject({ op, fault: 'signature-mismatch' });
        const shown = texts.length;
        await handlers['fargateLens.openShell'](op === 'ListClusters' ? undefined : target);
        await handlers['fargateLens.runCommandInContainer'](op === 'ListClusters' ? undefined : target);
        assert.ok(
          execProxy.requests.some((r) => r.fault === 'signature-mismatch'),
          `${op} was called and failed`,
        );
        const fresh = texts.slice(shown);
        assert.ok(
          fresh.some((t) => /failed: Access denied: .*Credential=\*\*\*/.test(t)),
          `${op}: ${fresh.join(' | ')}`,
        );
        assertClean(`exec handlers, ${op}`, fresh);
      }
    } finally {
      await agent.close();
      await execProxy.close();
      await stub.close();
    }
  });

  it('the language server never prints environment credentials (lsp over stdio, integration)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'fl-secrets-'));
    cpSync(FIXTURES, ws, { recursive: true });
    const client = await startClient(ws, {}); // inherits process.env: the fake credentials are in its environment
    const messages: string[] = [];
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void messages.push(p.message));
    client.connection.onNotification('window/showMessage', (p: { message: string }) => void messages.push(p.message));
    try {
      // A definition that puts AWS keys in its environment (a rule flags it) and broken input that errs.
      const text = JSON.stringify(
        {
          family: 'leaky',
          containerDefinitions: [
            {
              name: 'app',
              image: 'x',
              memory: 512,
              environment: [
                { name: 'AWS_ACCESS_KEY_ID', value: '${AWS_ACCESS_KEY_ID}' },
                { name: 'AWS_SECRET_ACCESS_KEY', value: '$AWS_SECRET_ACCESS_KEY' },
              ],
            },
          ],
        },
        null,
        2,
      );
      const { uri } = await client.open(join(ws, 'leaky.json'), text);
      const diags = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.change(uri, 2, '{"family": "leaky", "containerDefinitions": [{{{');
      const broken = await client.diagnostics(uri, (p) => p.version === 2);
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      });
      await client.connection
        .sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///nonexistent.json' },
          position: { line: 99, character: 99 },
        })
        .catch((e: Error) => messages.push(e.message));
      assertClean('server', [client.stderr(), ...messages, JSON.stringify(diags), JSON.stringify(broken)]);
    } finally {
      await client.stop();
      rmSync(ws, { recursive: true, force: true });
    }
    assertClean('server after exit', [client.stderr(), ...messages]);
  });
});
