import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/service/documents/json';
import { createSchemaValidator } from '../../../server/src/service/schema/validate';
import type { SchemaKind } from '../../../server/src/service/schema/schemas';
import type { Finding } from '../../../server/src/service/types';

const validator = createSchemaValidator();

async function check(value: unknown, kind: SchemaKind = 'register'): Promise<{ text: string; findings: Finding[] }> {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return { text, findings: await validator.validate(text, parseJson(text).root, kind) };
}
const at = (text: string, f: Finding) => text.slice(f.span.offset, f.span.offset + f.span.length);
const applyFix = (text: string, f: Finding) => {
  const edits = [...f.fixes![0].edits].sort((a, b) => b.offset - a.offset);
  return edits.reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
};

const base = (container: object, extra: object = {}) => ({
  family: 'web',
  containerDefinitions: [{ name: 'app', image: 'nginx', ...container }],
  ...extra,
});

test('a valid task definition has no schema findings (unit)', async () => {
  const { findings } = await check(
    base(
      { portMappings: [{ containerPort: 80, protocol: 'tcp' }] },
      { cpu: '256', memory: '512', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] },
    ),
  );
  assert.deepEqual(findings, []);
});

test('near-miss property: did you mean, one finding, quick fix (unit)', async () => {
  const { text, findings } = await check(
    base({}, { volumes: [{ name: 'data', efsVolumeConfiguration: { FileSystemId: 'fs-12345678' } }] }),
  );
  assert.equal(findings.length, 1, JSON.stringify(findings));
  const [f] = findings;
  assert.equal(f.ruleId, 'schema/unknown-property');
  assert.equal(at(text, f), '"FileSystemId"');
  assert.match(f.message, /Did you mean `fileSystemId`\?/);
  const fixed = applyFix(text, f);
  assert.deepEqual((await check(fixed)).findings, []);
});

test('unknown property without near miss; key that belongs one level down (unit)', async () => {
  const { findings } = await check(base({ devices: [], zzzTopSecret: 1 }));
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['schema/unknown-property', 'schema/unknown-property'],
  );
  assert.match(findings[0].message, /belongs inside `linuxParameters`/);
  assert.equal(findings[1].fixes, undefined);
});

test('wrong types: error for a real mismatch, warning for a convertible scalar (unit)', async () => {
  const { text, findings } = await check(
    base({ portMappings: [{ containerPort: '3000' }], essential: 'yes', command: 'npm start' }, { cpu: 256 }),
  );
  const byText = Object.fromEntries(findings.map((f) => [at(text, f), f]));
  assert.equal(byText['"3000"'].ruleId, 'schema/type');
  assert.equal(byText['"3000"'].severity, 'warning');
  assert.equal(applyFix(text, byText['"3000"']).includes('"containerPort": 3000'), true);
  assert.equal(byText['256'].severity, 'warning');
  assert.match(byText['256'].message, /`cpu` is a string/);
  assert.equal(byText['"yes"'].severity, 'error');
  assert.equal(byText['"npm start"'].severity, 'error');
  assert.match(byText['"npm start"'].message, /must be an array/);
});

test('null members of console exports are warnings (unit)', async () => {
  const { findings } = await check(base({ ulimits: null }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'warning');
  assert.match(findings[0].message, /null/);
});

test('bad enum value with case fix; protocol is lenient (unit)', async () => {
  const { text, findings } = await check(
    base({ portMappings: [{ containerPort: 80, protocol: 'http' }] }, { networkMode: 'AWSVPC' }),
  );
  const nm = findings.find((f) => at(text, f) === '"AWSVPC"')!;
  assert.equal(nm.ruleId, 'schema/enum');
  assert.equal(nm.severity, 'error');
  assert.equal(nm.fixes![0].edits[0].newText, '"awsvpc"');
  const proto = findings.find((f) => at(text, f) === '"http"')!;
  assert.equal(proto.ruleId, 'schema/enum');
  assert.equal(proto.severity, 'warning');
});

test('missing required member (unit)', async () => {
  const { text, findings } = await check(base({ secrets: [{ name: 'DB' }] }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'schema/required');
  assert.match(findings[0].message, /valueFrom/);
  assert.equal(at(text, findings[0]), '{');
});

test('template values are never judged (unit)', async () => {
  const text =
    '{"family":"x","containerDefinitions":[{"name":"a","image":"<IMAGE1_NAME>","cpu":"{{ cpu }}","memory":${MEM},"essential":"${ESSENTIAL}","portMappings":[{"containerPort":{{port}},"protocol":"{{proto}}"}]}],"networkMode":"<NETWORK_MODE>"}';
  const { findings } = await check(text);
  assert.deepEqual(findings, []);
});

test('describe output: read-only fields accepted, wrapped form too (unit)', async () => {
  const td = base(
    {},
    {
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      revision: 3,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2024-01-01T00:00:00Z',
      registeredBy: 'me',
      requiresAttributes: [{ name: 'x' }],
    },
  );
  assert.deepEqual((await check(td, 'describe')).findings, []);
  assert.deepEqual((await check({ taskDefinition: td, tags: [] }, 'describe-wrapped')).findings, []);
});

test('service and run-task inputs; root members may come from the command line (unit)', async () => {
  assert.deepEqual(
    (
      await check(
        {
          cluster: 'c',
          taskDefinition: 'web:1',
          desiredCount: 2,
          launchType: 'FARGATE',
          deploymentController: { type: 'CODE_DEPLOY' },
        },
        'create-service',
      )
    ).findings,
    [],
  );
  assert.deepEqual((await check({ service: 's', forceNewDeployment: true }, 'update-service')).findings, []);
  const run = await check(
    {
      taskDefinition: 'web',
      count: 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'YES' } },
    },
    'run-task',
  );
  assert.equal(run.findings.length, 1);
  assert.equal(run.findings[0].ruleId, 'schema/enum');
});

test('container-definition arrays (Terraform) (unit)', async () => {
  const { findings } = await check([{ name: 'a', image: 'b', essentail: true }], 'containers');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /Did you mean `essential`/);
});
