/**
 * The two spelling rules (task definition, launching resources) share one check: every CloudFormation key in a task definition or launching
 * resource must be spelled the CloudFormation way for where it sits (PascalCase, plus
 * `EFSVolumeConfiguration`, `FilesystemId`, `IAM`, `ProxyConfigurationProperties`, and
 * `AwsvpcConfiguration` vs `AwsVpcConfiguration` by resource type). Map keys (`Options`, labels) are data.
 */
import type { AstNode, Property } from '../../documents/ast';
import { PROP_CTX } from '../../shapes/cfn/normalise';
import { toCfnKey } from '../../shapes/cfn/names';
import type { DocumentModel } from '../../shapes/document';
import type { Finding } from '../../types';
import type { LaunchRule, TaskDefRule } from '../types';
import { finding, fix } from '../util';

/** Keys whose API spelling differs from CloudFormation's own: the usual mistake is the API form. */
const API_FORMS: Record<string, string> = {
  FileSystemId: 'the ECS API spelling',
  Iam: 'the ECS API spelling',
  EfsVolumeConfiguration: 'the ECS API spelling',
  FsxWindowsFileServerVolumeConfiguration: 'the ECS API spelling',
  Properties: 'the ECS API name',
  AwsvpcConfiguration: 'the spelling of other resource types',
  AwsVpcConfiguration: 'the spelling of other resource types',
};

function misspelledKeys(ruleId: string, root: AstNode | undefined, where: string, doc: DocumentModel): Finding[] {
  const out: Finding[] = [];
  const visit = (n: AstNode | undefined): void => {
    if (!n) return;
    if (n.unknown) {
      n.branches?.forEach(visit);
      return;
    }
    if (n.type === 'array') n.items.forEach(visit);
    if (n.type !== 'object') return;
    for (const p of n.properties) {
      check(p);
      visit(p.value);
    }
  };
  const check = (p: Property): void => {
    const ctx = PROP_CTX.get(p);
    if (!ctx || ctx === 'map') return;
    const expected = toCfnKey(ctx, p.key);
    if (p.rawKey === expected) return;
    const why = API_FORMS[p.rawKey] ? ` ('${p.rawKey}' is ${API_FORMS[p.rawKey]})` : '';
    out.push(
      finding(
        ruleId,
        p,
        `CloudFormation spells this ${where} property '${expected}', not '${p.rawKey}'${why}. CloudFormation rejects properties it does not know when it validates the template, so the stack fails to create or update. Rename it to '${expected}'.`,
        {
          fixes: [fix(`Rename to ${expected}`, [doc.edits.replaceKey(p, p.key)], true)],
        },
      ),
    );
  };
  visit(root);
  return out;
}

const docs = (what: string) => ({
  what,
  why: "CloudFormation property names are case-sensitive and some differ from the ECS API's: `EFSVolumeConfiguration`, `FilesystemId`, `AuthorizationConfig.IAM`, `ProxyConfigurationProperties`, and `AwsvpcConfiguration` (Service, Scheduler, Pipes) vs `AwsVpcConfiguration` (TaskSet, Events rule). A property spelled the API way is unknown to CloudFormation and the template fails validation; even published examples get `FileSystemId` wrong.",
  fix: 'Rename the property to the CloudFormation spelling (quick fix).',
});

/** A task-definition property spelled the ECS API way (or in the wrong case) in a template. */
export const propertySpelling: TaskDefRule = {
  id: 'cfn/property-spelling',
  scope: 'taskdef',
  severity: 'error',
  title: 'CloudFormation spelling of a task-definition property',
  docs: docs('An `AWS::ECS::TaskDefinition` property is not spelled the way CloudFormation spells it.'),
  check({ td, doc }) {
    return td.shape === 'cfn' ? misspelledKeys(this.id, td.root, 'task-definition', doc) : [];
  },
};

const WHERE: Partial<Record<string, string>> = {
  'cfn-service': 'AWS::ECS::Service',
  'cfn-taskset': 'AWS::ECS::TaskSet',
  'cfn-events-rule': 'Events rule EcsParameters',
  'cfn-scheduler': 'Scheduler EcsParameters',
  'cfn-pipes': 'Pipes EcsTaskParameters',
};

/** A property of a launching resource (Service, TaskSet, Events/Scheduler/Pipes ECS target) misspelled. */
export const launchPropertySpelling: LaunchRule = {
  id: 'cfn/launch-property-spelling',
  scope: 'launch',
  severity: 'error',
  title: 'CloudFormation spelling of a service or ECS target property',
  docs: docs(
    'A property of an `AWS::ECS::Service`, `AWS::ECS::TaskSet` or an Events / Scheduler / Pipes ECS target is not spelled the way CloudFormation spells it for that resource type.',
  ),
  check({ launch, doc }) {
    const where = WHERE[launch.kind];
    return where ? misspelledKeys(this.id, launch.node, where, doc) : [];
  },
};
