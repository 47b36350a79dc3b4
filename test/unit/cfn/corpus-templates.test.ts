import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService } from '../../../server/src/service/languageService';
import { CORPUS } from '../../corpusPath';

/** The corpus's CloudFormation templates with the resources we expect to model (task definitions, launches). */
const EXPECTED: Record<string, { taskDefs: number; launches: number }> = {
  'awslabs__aws-cloudformation-templates__aws__services__ECS__FargateLaunchType__services__private-subnet-public-service.yml':
    { taskDefs: 1, launches: 1 },
  'awslabs__aws-cloudformation-templates__aws__services__ECS__FargateLaunchType__services__public-service.yml': {
    taskDefs: 1,
    launches: 1,
  },
  'awslabs__aws-cloudformation-templates__aws__services__ECS__EC2LaunchType__services__public-service.yml': {
    taskDefs: 1,
    launches: 1,
  },
  'awslabs__aws-cloudformation-templates__aws__services__ECS__ECS_Schedule_Example.template': {
    taskDefs: 1,
    launches: 2,
  },
  'awslabs__ecs-refarch-continuous-deployment__templates__service.yaml': { taskDefs: 1, launches: 2 },
  'aws-samples__ecs-refarch-cloudformation__services__website-service__service.yaml': { taskDefs: 1, launches: 1 },
  'aws-samples__ecs-blue-green-deployment-with-codedeploy__iac__app__templates__ecs-service-task.yaml': {
    taskDefs: 1,
    launches: 0,
  },
  'aws-samples__ecs-blue-green-deployment-with-codedeploy__iac__app__templates__ecs-service.yaml': {
    taskDefs: 0,
    launches: 1,
  },
  'aws-samples__fargate-efs-cloudformation-deployment-example__ecs_efs_template.yml': { taskDefs: 0, launches: 1 },
  'aws__aws-app-mesh-examples__walkthroughs__fargate__fargate-colorteller.yaml': { taskDefs: 0, launches: 1 },
  'aws__aws-app-mesh-examples__walkthroughs__howto-ecs-basics__deploy__2-meshify.yaml': { taskDefs: 2, launches: 2 },
  'aws-cloudformation__aws-cloudformation-templates__ECS__FargateLaunchType__services__private-subnet-private-service.json':
    { taskDefs: 1, launches: 1 },
  'aws-cloudformation__aws-cloudformation-templates__ECS__EC2LaunchType__services__private-service.json': {
    taskDefs: 1,
    launches: 1,
  },
};

/**
 * Error findings on corpus templates that were reviewed and are right (the template would fail as
 * written). Key: file + rule id. All the templates above are published AWS samples that deploy as
 * they are, so this stays empty unless a template is shown not to deploy.
 */
const REVIEWED_ERRORS: Record<string, string> = {};

const skip = !existsSync(join(CORPUS, 'SOURCES.tsv')) && `corpus not found at ${CORPUS}`;

test(
  'corpus CloudFormation templates are modelled: every template, task definition and launch (unit)',
  { skip },
  () => {
    const listed = readFileSync(join(CORPUS, 'SOURCES.tsv'), 'utf8')
      .split('\n')
      .filter((l) => /\tcfn-(json|yaml)\t/.test(l))
      .map((l) => l.split('\t')[0]);
    assert.deepEqual(listed.sort(), Object.keys(EXPECTED).sort());
    for (const [file, want] of Object.entries(EXPECTED)) {
      const doc = getLanguageService().parse(
        pathToFileURL(join(CORPUS, file)).href,
        readFileSync(join(CORPUS, file), 'utf8'),
      );
      assert.equal(doc.dialect, 'cfn', file);
      assert.deepEqual(doc.parseFindings, [], file);
      assert.deepEqual({ taskDefs: doc.taskDefs.length, launches: doc.launches.length }, want, file);
    }
  },
);

test('corpus CloudFormation templates that deploy as they are get no error finding (unit)', { skip }, () => {
  const unexpected: string[] = [];
  for (const file of Object.keys(EXPECTED)) {
    const ls = getLanguageService();
    const doc = ls.parse(pathToFileURL(join(CORPUS, file)).href, readFileSync(join(CORPUS, file), 'utf8'));
    for (const d of ls.validate(doc)) {
      assert.notEqual(d.ruleId, 'internal/rule-error', `${file}: ${d.message}`);
      if (d.severity === 'error' && !(`${file} ${d.ruleId}` in REVIEWED_ERRORS))
        unexpected.push(`${file} ${d.ruleId}: ${d.message}`);
    }
  }
  assert.deepEqual(unexpected, []);
});
