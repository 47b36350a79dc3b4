/**
 * No leaked secrets in an ECS Exec session: the session and its failure paths run with recognisable
 * fake credentials (leaks.ts) through a fault proxy whose SignatureDoesNotMatch echoes them, against
 * the AWS stub over moto and the fake SSM agent; every text the session shows or logs is searched.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { SdkExecApi } from '../../client/src/aws/execApi';
import type { ExecDeps } from '../../client/src/exec/flow';
import { runCommandInContainer } from '../../client/src/exec/runCommand';
import { execHandlers } from '../../client/src/exec/handlers';
import type { ExecUi } from '../../client/src/exec/ports';
import { AwsStub } from '../fakes/awsStub';
import { FakeAgent } from '../fakes/fakeAgent';
import { FakeKms } from '../fakes/fakeKms';
import { FaultProxy } from '../fakes/faultProxy';
import { ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, assertClean, leakyAccount } from './leaks';
import { execSettings } from '../shared/execSettings';

describe('no credentials in an ECS Exec session (integration)', () => {
  const account = leakyAccount();

  it('ECS Exec session and its failure path with the fake credentials (integration)', async () => {
    const RUNTIME_ID = 'runtime-secrets-0001';
    const SESSION_ID = 'ecs-execute-command-secrets0001';
    const STREAM_TOKEN = 'AAEAAStreamTokenFargateLensTest/DoNotLeak+42';
    const ecs = new ECSClient({ endpoint: account.moto.endpoint, region: 'us-east-1' });
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
        networkConfiguration: {
          awsvpcConfiguration: { subnets: account.seed.subnets, securityGroups: [account.seed.securityGroup] },
        },
      }),
    );
    ecs.destroy();
    const taskArn = run.tasks![0].taskArn!;
    const kms = new FakeKms();
    let agentUrl = '';
    let agentRef: FakeAgent | undefined;
    const stub = await AwsStub.start({
      upstream: account.moto.endpoint,
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
      settings: () => execSettings(),
      defaultTarget: () => ({ region: 'us-east-1' }),
    };
    const target = {
      kind: 'container',
      clusterArn: account.seed.clusters.prod,
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
});
