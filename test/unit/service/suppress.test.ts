import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only } from '../helpers';

const template = (comment: string) => `AWSTemplateFormatVersion: '2010-09-09'
${comment.startsWith('FILE') ? comment.slice(4) : ''}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
        - Name: app
          Image: nginx
          LinuxParameters:
            Capabilities:
${comment.startsWith('FILE') ? '' : comment}
              Add: [NET_ADMIN]
`;

test('suppression comments silence a rule on the next line, the same line, or the whole file (unit)', () => {
  const uri = 'file:///ws/template.yaml';
  assert.equal(only(lint(template(''), uri), 'fargate/cap-add').length, 1);
  assert.equal(
    only(lint(template('              # fargate-lens-disable-next-line fargate/cap-add'), uri), 'fargate/cap-add')
      .length,
    0,
  );
  assert.equal(only(lint(template('FILE# fargate-lens-disable fargate/cap-add'), uri), 'fargate/cap-add').length, 0);
  assert.equal(only(lint(template('FILE# fargate-lens-disable'), uri), 'fargate/cap-add').length, 0);
  const other = lint(template('              # fargate-lens-disable-next-line ctr/user-root'), uri);
  assert.equal(only(other, 'fargate/cap-add').length, 1, 'other ids stay reported');
  const sameLine = template('').replace('Add: [NET_ADMIN]', 'Add: [NET_ADMIN] # fargate-lens-disable-line');
  assert.equal(only(lint(sameLine, uri), 'fargate/cap-add').length, 0);
});
