/**
 * Values the pipeline fills in: a GitHub workflow running aws-actions/amazon-ecs-render-task-definition
 * on a task definition supplies the members its inputs set (by action version), so they are not
 * missing; a container name the file lacks is the action's own failure; hovers say where values come from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { suppliedHover } from '../../../server/src/service/pipeline/adjust';
import { renderSupplies, versionNumber } from '../../../server/src/service/pipeline/renderAction';
import type { Diagnostic } from '../../../server/src/service/types';

interface F {
  uri: string;
  text: string;
}

function workspace(files: F[]) {
  const ls = getLanguageService();
  for (const f of files) ls.index.set(ls.parse(f.uri, f.text));
  return ls;
}

async function lintAll(main: F, others: F[]): Promise<Diagnostic[]> {
  const ls = workspace([...others, main]);
  return ls.validateAll(ls.parse(main.uri, main.text));
}

/** The GitHub starter workflow for ECS (actions/starter-workflows deployments/aws.yml), as many repositories use it. */
const starter = (renderRef: string, extra = '') =>
  [
    'name: Deploy to Amazon ECS',
    'on:',
    '  push:',
    '    branches: [main]',
    'env:',
    '  ECS_TASK_DEFINITION: .aws/task-definition.json',
    '  CONTAINER_NAME: web',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - name: Fill in the new image ID in the Amazon ECS task definition',
    '        id: task-def',
    `        uses: aws-actions/amazon-ecs-render-task-definition@${renderRef}`,
    '        with:',
    '          task-definition: ${{ env.ECS_TASK_DEFINITION }}',
    '          container-name: ${{ env.CONTAINER_NAME }}',
    '          image: ${{ steps.build-image.outputs.image }}',
    extra,
    '      - name: Deploy Amazon ECS task definition',
    '        uses: aws-actions/amazon-ecs-deploy-task-definition@v2',
    '        with:',
    '          task-definition: ${{ steps.task-def.outputs.task-definition }}',
    '          service: web',
    '          cluster: main',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');

/** A task definition whose image the workflow fills in (the image member left empty, as many repositories do). */
const td = JSON.stringify(
  {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'web',
        image: '',
        essential: true,
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
        },
      },
    ],
  },
  null,
  2,
);

const TD = 'file:///repo/.aws/task-definition.json';
const WF = 'file:///repo/.github/workflows/aws.yml';

test('the render step (env-expanded inputs) supplies the image: no ctr/image error; without the workflow there is one (unit)', async () => {
  const alone = await lintAll({ uri: TD, text: td }, []);
  assert.equal(alone.filter((d) => d.ruleId === 'ctr/image').length, 1);
  const linked = await lintAll({ uri: TD, text: td }, [{ uri: WF, text: starter('v1') }]);
  assert.equal(linked.filter((d) => d.ruleId === 'ctr/image').length, 0);
  // The deploy action reads the rendered file: its consumer semantics apply (it strips empty strings).
  assert.equal(linked.filter((d) => d.severity === 'error').length, 0, JSON.stringify(linked.map((d) => d.message)));
});

test('chained render steps (task-definition: ${{ steps.x.outputs.task-definition }}) link to the first file (unit)', async () => {
  const two = JSON.parse(td) as { containerDefinitions: object[] };
  two.containerDefinitions.push({ name: 'worker', image: '', essential: false });
  const text = JSON.stringify(two, null, 2);
  const second = [
    '      - name: Render worker',
    '        id: task-def-worker',
    '        uses: aws-actions/amazon-ecs-render-task-definition@v1',
    '        with:',
    '          task-definition: ${{ steps.task-def.outputs.task-definition }}',
    '          container-name: worker',
    '          image: ${{ steps.build-image.outputs.worker }}',
  ].join('\n');
  const diags = await lintAll({ uri: TD, text }, [{ uri: WF, text: starter('v1', second) }]);
  assert.equal(diags.filter((d) => d.ruleId === 'ctr/image').length, 0, JSON.stringify(diags.map((d) => d.message)));
});

test('a container-name the file lacks is the action failure pipeline/render-container, with the step as related info (unit)', async () => {
  const wf = starter('v1').replace('CONTAINER_NAME: web', 'CONTAINER_NAME: api');
  const diags = await lintAll({ uri: TD, text: td }, [{ uri: WF, text: wf }]);
  const f = diags.filter((d) => d.ruleId === 'pipeline/render-container');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /'api'.*Could not find container definition/);
  assert.equal(f[0].related?.[0].uri, WF);
  // The image of the container that does exist is not supplied (the step names another): ctr/image stays.
  assert.equal(diags.filter((d) => d.ruleId === 'ctr/image').length, 1);
});

test('render inputs count from the release that added them; moving refs mean the newest (unit)', () => {
  assert.equal(versionNumber('v1.2.0'), 1_002_000);
  assert.equal(versionNumber('v1'), Number.MAX_SAFE_INTEGER);
  const inputs: Record<string, string> = {
    'container-name': 'a,b',
    image: 'x',
    'execution-role-arn': 'arn:aws:iam::123456789012:role/r',
    'environment-variables': 'A=1',
  };
  const old = renderSupplies((k) => inputs[k], 'v1.6.0');
  assert.deepEqual(old.containers, ['a,b'], 'no comma list before v1.8.0');
  assert.deepEqual(old.taskMembers, [], 'execution-role-arn arrived in v1.9.0');
  assert.deepEqual(old.containerMembers, ['image', 'environment']);
  const now = renderSupplies((k) => inputs[k], 'v1');
  assert.deepEqual(now.containers, ['a', 'b']);
  assert.deepEqual(now.taskMembers, ['executionRoleArn']);
});

test('execution-role-arn on the render step (v1.9.0+) supplies executionRoleArn: no exec-role finding (unit)', async () => {
  const withoutRole = JSON.parse(td) as Record<string, unknown>;
  delete withoutRole.executionRoleArn;
  const text = JSON.stringify(withoutRole, null, 2).replace('"image": ""', '"image": "nginx"');
  const without = await lintAll({ uri: TD, text }, []);
  assert.ok(without.some((d) => d.ruleId === 'exec-role/awslogs'));
  const wf = starter('v1.9.0', '          execution-role-arn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
  const linked = await lintAll({ uri: TD, text }, [{ uri: WF, text: wf }]);
  assert.ok(!linked.some((d) => d.ruleId === 'exec-role/awslogs'), JSON.stringify(linked.map((d) => d.ruleId)));
  const older = await lintAll({ uri: TD, text }, [
    {
      uri: WF,
      text: starter(
        'v1.8.0',
        wf.split('\n').find((l) => l.includes('execution-role-arn')),
      ),
    },
  ]);
  assert.ok(
    older.some((d) => d.ruleId === 'exec-role/awslogs'),
    'v1.8.0 has no execution-role-arn input',
  );
});

test('hover over a supplied container says which step fills in what (unit)', () => {
  const ls = workspace([{ uri: WF, text: starter('v1') }]);
  const doc = ls.parse(TD, td);
  const lines = suppliedHover(doc, td.indexOf('"image"'), ls.index.pipelineFor(TD));
  assert.equal(lines.length, 2);
  assert.match(lines[1], /Read by:.*Deploy Amazon ECS task definition/);
  assert.match(
    lines[0],
    /Filled in by the pipeline.*`image` of container `web`.*Fill in the new image ID.*\.github\/workflows\/aws\.yml/,
  );
});
