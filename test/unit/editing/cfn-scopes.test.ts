import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { definition, hover, references, rename } from '../../../server/src/service/editing';
import { outline, scopeAt } from '../../../server/src/service/editing/scopes';
import { applyEdits } from '../../../server/src/service/documents/edits';

const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
        - Name: web
          Image: nginx
          MountPoints:
            - SourceVolume: data
              ContainerPath: /data
          DependsOn:
            - ContainerName: init
              Condition: COMPLETE
        - Name: init
          Image: busybox
          Essential: false
      Volumes:
        - Name: data
`;
const uri = 'file:///ws/template.yaml';
const at = (needle: string, delta = 1, from = 0) => template.indexOf(needle, from) + delta;

test('hover works on CloudFormation keys through the template model (unit)', () => {
  const doc = getLanguageService().parse(uri, template);
  const offset = at('NetworkMode');
  const scope = scopeAt(doc, offset)!;
  assert.equal(scope.kind, 'register');
  const h = hover(scope.root, offset, scope.kind);
  assert.match(h!.contents.value, /networkMode/);
  assert.equal(template.slice(h!.span.offset, h!.span.offset + h!.span.length), 'NetworkMode');
});

test('outline lists each task-definition resource by logical id with its containers (unit)', () => {
  const doc = getLanguageService().parse(uri, template);
  const [res] = outline(doc);
  assert.equal(res.name, 'AppTask');
  assert.match(JSON.stringify(res.children), /"web".*"init"/);
});

test('definition, references and rename between containers and volumes in YAML (unit)', () => {
  const ls = getLanguageService();
  const doc = ls.parse(uri, template);
  const root = scopeAt(doc, at('SourceVolume'))!.root;
  const def = definition(root, at('SourceVolume: data', 15));
  assert.equal(template.slice(def!.offset, def!.offset + def!.length), 'data');
  assert.equal(def!.offset, template.lastIndexOf('data'));
  assert.equal(references(root, at('Name: init', 7)).length, 2);
  const renamed = applyEdits(template, rename(root, at('Name: init', 7), 'setup'));
  assert.equal((renamed.match(/setup/g) ?? []).length, 2);
  const after = ls.validate(ls.parse(uri, renamed));
  assert.equal(after.filter((d) => d.ruleId === 'dep/target-exists' || d.ruleId === 'yaml/syntax').length, 0);
});
