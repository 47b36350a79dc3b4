import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runLint } from '../../server/src/cli';
import type { OutFile } from '../../server/src/cli/format';
import { CORPUS } from '../corpusPath';

/**
 * Error-severity findings on the corpus that were reviewed and are right (the file really would be
 * rejected by AWS or fail on Fargate as written). Key: file name + rule id; value: why it is right.
 */
export const REVIEWED_ERRORS: Record<string, string> = {
  'aws-samples__aws-containers-task-definitions__tomcat__tomcat_ec2.json port/awsvpc-hostport':
    'awsvpc with hostPort 80 and containerPort 8080: ECS requires equal ports in awsvpc mode (SOURCES notes it)',
  'aws-samples__aws-containers-task-definitions__gunicorn__gunicorn_fargate.json exec-role/awslogs':
    'FARGATE + awslogs without executionRoleArn: "Fargate requires task definition to have execution role ARN to support log driver awslogs."',
  'aws-samples__aws-containers-task-definitions__nginx__nginx_fargate.json exec-role/awslogs':
    'same as gunicorn_fargate: no execution role for awslogs on Fargate',
  'aws-samples__aws-containers-task-definitions__tomcat__tomcat_fargate.json exec-role/awslogs':
    'same as gunicorn_fargate: no execution role for awslogs on Fargate',
  'aws-samples__aws-containers-task-definitions__wildfly__wildfly_fargate.json exec-role/awslogs':
    'same as gunicorn_fargate: no execution role for awslogs on Fargate',
  'kayac__ecspresso__tests__td.json task/proxy-appmesh-eol':
    'ecspresso test fixture: proxyConfiguration names container envoy, which does not exist (SOURCES notes it)',
  'kayac__ecspresso__tests__ecs-service-def.json service/public-ip-launch-type':
    'ecspresso test fixture: launchType EC2 with assignPublicIp ENABLED; CreateService answers "Assign public IP is not supported for this launch type." (aws-cdk#13348, waypoint#643; SOURCES notes the combination)',
  'kayac__ecspresso__tests__sv.json service/public-ip-launch-type':
    'same as ecs-service-def.json: EC2 launch type with assignPublicIp ENABLED',
};

test(
  'every corpus file is linted without a crash, and AWS-accepted files get no unreviewed errors (unit)',
  { skip: !existsSync(CORPUS) && `corpus not found at ${CORPUS}` },
  async () => {
    const files = readdirSync(CORPUS)
      .filter((f) => f !== 'SOURCES.tsv')
      .map((f) => join(CORPUS, f));
    const { output, exitCode } = await runLint({
      command: 'lint',
      format: 'json',
      rules: {},
      paths: files,
      include: [],
      exclude: [],
      color: false,
    });
    assert.ok(exitCode === 0 || exitCode === 1);
    const result = JSON.parse(output) as OutFile[];
    assert.equal(result.length, files.length, 'one entry per file given');
    const unexpected: string[] = [];
    for (const f of result) {
      for (const d of f.diagnostics) {
        assert.ok(d.ruleId && d.message && d.range, 'well-formed diagnostic');
        assert.notEqual(d.ruleId, 'internal/rule-error', `${f.file}: ${d.message}`);
        const key = `${f.file.split('/').pop()} ${d.ruleId}`;
        if (d.severity === 'error' && !(key in REVIEWED_ERRORS))
          unexpected.push(`${key} @${d.range.start.line + 1}: ${d.message}`);
      }
    }
    assert.deepEqual(
      unexpected,
      [],
      'error findings on real files need review (add them to REVIEWED_ERRORS with the reason if right)',
    );
  },
);
