import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPLIANCE } from '../../../server/src/service/rules/compliance';
import { RULES_BY_ID } from '../../../server/src/service/rules';
import { rulesMarkdown } from '../../../scripts/gen-docs';
import { fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

test('every rule id in the compliance mapping exists, and the mapping is in docs/rules.md (unit)', () => {
  for (const c of COMPLIANCE) for (const id of c.ours) assert.ok(RULES_BY_ID.has(id), `${c.check}: ${id}`);
  const md = rulesMarkdown();
  for (const check of ['CKV_AWS_97', 'CKV_AWS_249', 'CKV_AWS_336', 'AVD-AWS-0036', 'CT.ECS.PR.11'])
    assert.match(md, new RegExp(`\\| ${check.replace(/\./g, '\\.')} \\|`));
  for (const ct of Array.from({ length: 12 }, (_, i) => `CT.ECS.PR.${i + 1}`))
    assert.ok(
      COMPLIANCE.some((c) => c.check === ct),
      ct,
    );
});

test('ctr/privileged and task/host-pid: info outside Fargate, silent on Fargate (where errors say it) (unit)', () => {
  const ec2 = fargateTaskDef(
    { requiresCompatibilities: ['EC2'], networkMode: 'bridge', pidMode: 'host' },
    { privileged: true, memory: 512 },
  );
  const text = json(ec2);
  const diags = lint(text);
  const priv = only(diags, 'ctr/privileged');
  assert.equal(priv.length, 1);
  assert.equal(priv[0].severity, 'info');
  assert.equal(textAt(text, priv[0]), '"privileged"');
  assert.equal(only(diags, 'task/host-pid').length, 1);
  const onFargate = lint(json(fargateTaskDef({ pidMode: 'host' }, { privileged: true })));
  assert.equal(only(onFargate, 'ctr/privileged').length + only(onFargate, 'task/host-pid').length, 0);
  const cfn = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      PidMode: host
      ContainerDefinitions:
        - Name: agent
          Image: datadog/agent
          Memory: 256
          Privileged: true
`;
  const c = lint(cfn, 'file:///ws/t.yaml');
  assert.equal(only(c, 'ctr/privileged').length, 1);
  assert.equal(only(c, 'task/host-pid').length, 1);
});

test('service/public-ip and pv/not-latest: info on Fargate launches, JSON and CloudFormation (unit)', () => {
  const td = { uri: 'file:///ws/td.json', text: json(fargateTaskDef()) };
  const svc = json({
    serviceName: 'web',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
  });
  const diags = lintWith({ uri: 'file:///ws/svc.json', text: svc }, [td]);
  assert.equal(only(diags, 'service/public-ip')[0].severity, 'info');
  assert.equal(textAt(svc, only(diags, 'service/public-ip')[0]), '"ENABLED"');
  const pv = only(diags, 'pv/not-latest');
  assert.equal(pv.length, 1);
  assert.equal(pv[0].fixes![0].title, 'Set platformVersion to LATEST');
  const latest = lintWith({ uri: 'file:///ws/svc.json', text: svc.replace('"1.4.0"', '"LATEST"') }, [td]);
  assert.equal(only(latest, 'pv/not-latest').length, 0);
  const cfn = `Resources:
  Svc:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: 1.4.0
      TaskDefinition: web
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet-1], AssignPublicIp: ENABLED } }
`;
  const c = lint(cfn, 'file:///ws/t.yaml');
  assert.equal(only(c, 'service/public-ip').length, 1);
  assert.equal(only(c, 'pv/not-latest').length, 1);
});

test('log/awslogs-option-names: an option the driver does not know is an error, a Docker-only one a warning (unit)', () => {
  const td = fargateTaskDef();
  const lc = (td.containerDefinitions as Record<string, Record<string, Record<string, unknown>>>[])[0].logConfiguration;
  lc.options['awslogs-grup'] = '/x';
  lc.options['tag'] = 'x';
  const found = only(lint(json(td)), 'log/awslogs-option-names');
  assert.deepEqual(found.map((d) => d.severity).sort(), ['error', 'warning']);
  assert.match(
    found.find((d) => d.severity === 'error')!.message,
    /Log driver awslogs disallows options: awslogs-grup/,
  );
});
