/**
 * The two spelling rules (task definition, launching resources) share one check: every CloudFormation
 * key in a task definition or launching resource must be spelled the CloudFormation way for where it
 * sits (PascalCase, plus `EFSVolumeConfiguration`, `FilesystemId`, `IAM`, `ProxyConfigurationProperties`,
 * and `AwsvpcConfiguration` vs `AwsVpcConfiguration` by resource type), and, for the resource types
 * with a schema (TaskDefinition, Service, TaskSet), name a property the type has at all. Map keys
 * (`Options`, labels) are data.
 */
import type { AstNode, Property } from '../../documents/ast';
import { PROP_CTX } from '../../shapes/cfn/normalise';
import { toCfnKey } from '../../shapes/cfn/names';
import type { DocumentModel } from '../../shapes/document';
import type { Finding } from '../../types';
import type { LaunchRule, TaskDefRule } from '../types';
import { closest, finding, fix } from '../util';
import { cfnRootShape, cfnShape } from '../../schema/cfnKeys';
import { own } from '../../own';

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

function misspelledKeys(
  ruleId: string,
  root: AstNode | undefined,
  where: string,
  doc: DocumentModel,
  resourceType?: string,
): Finding[] {
  const out: Finding[] = [];
  /** `shape`: the members the object may have (cfnKeys), undefined where not judged. */
  const visit = (n: AstNode | undefined, shape: string | undefined): void => {
    if (!n) return;
    if (n.unknown) {
      n.branches?.forEach((b) => visit(b, shape));
      return;
    }
    if (n.type === 'array') n.items.forEach((it) => visit(it, shape));
    if (n.type !== 'object') return;
    const members = shape ? cfnShape(shape) : undefined;
    for (const p of n.properties) {
      if (members && !known(p, members)) continue;
      check(p);
      const next = own(members, p.key);
      visit(p.value, next && next !== '*' ? next : undefined);
    }
  };
  /** Reports a key the resource type does not have; true when the key is known or not judged. */
  const known = (p: Property, members: Record<string, string>): boolean => {
    const ctx = PROP_CTX.get(p);
    if (!ctx || ctx === 'map' || own(members, p.key) !== undefined) return true;
    const names = Object.keys(members).map((k) => toCfnKey(ctx, k));
    const near = closest(p.rawKey, names);
    out.push(
      finding(
        ruleId,
        p,
        `'${p.rawKey}' is not a property of this ${where} object${near ? `; did you mean '${near}'?` : '.'} CloudFormation rejects properties a resource type does not define ("extraneous key [${p.rawKey}] is not permitted"), so the stack fails to create or update.`,
        { fixes: near ? [fix(`Rename to ${near}`, [doc.edits.replaceKey(p, near)], true)] : [] },
      ),
    );
    return false;
  };
  const check = (p: Property): void => {
    const ctx = PROP_CTX.get(p);
    if (!ctx || ctx === 'map') return;
    const expected = toCfnKey(ctx, p.key);
    if (p.rawKey === expected) return;
    const form = own(API_FORMS, p.rawKey);
    const why = form ? ` ('${p.rawKey}' is ${form})` : '';
    // Only the case differs (`portMappings`, `logDriver`): CloudFormation's schema check reports it, but
    // the ECS resource handler has created such resources (evidence in the docs below): uncertain, a warning.
    const caseOnly = !form && p.rawKey.toLowerCase() === expected.toLowerCase();
    out.push(
      finding(
        ruleId,
        p,
        caseOnly
          ? `CloudFormation spells this ${where} property '${expected}', not '${p.rawKey}'. Its schema validation reports the key ("extraneous key [${p.rawKey}] is not permitted"), though templates with such case variants have deployed; do not rely on it. Rename it to '${expected}'.`
          : `CloudFormation spells this ${where} property '${expected}', not '${p.rawKey}'${why}. CloudFormation rejects properties it does not know when it validates the template, so the stack fails to create or update. Rename it to '${expected}'.`,
        {
          fixes: [fix(`Rename to ${expected}`, [doc.edits.replaceKey(p, p.key)], true)],
          ...(caseOnly ? { severity: 'warning' as const } : {}),
        },
      ),
    );
  };
  visit(root, resourceType ? cfnRootShape(resourceType) : undefined);
  return out;
}

const docs = (what: string) => ({
  what: `${what} Also reported: a property the resource type does not define at all (checked against the ECS API model with CloudFormation's differences applied, for TaskDefinition, Service and TaskSet).`,
  why: 'CloudFormation validates Properties against the resource type\'s schema and rejects unknown keys ("extraneous key [X] is not permitted"). Property names are case-sensitive and some differ from the ECS API\'s: `EFSVolumeConfiguration`, `FilesystemId`, `AuthorizationConfig.IAM`, `ProxyConfigurationProperties`, and `AwsvpcConfiguration` (Service, Scheduler, Pipes) vs `AwsVpcConfiguration` (TaskSet, Events rule). A property spelled the API way is unknown to CloudFormation and the template fails validation; even published examples get `FileSystemId` wrong. A key that differs from the CloudFormation spelling only in case (`portMappings`, `logDriver`) is a warning: CloudFormation reports it ("extraneous key [Entrypoint] is not permitted") yet created the resource (aws-cloudformation/cloudformation-coverage-roadmap#1005), and AWS\'s own CloudWatch sample redis-traffic-sample.yaml (aws-samples/amazon-cloudwatch-container-insights) deploys an AWS::ECS::TaskDefinition written that way.',
  fix: 'Rename the property to the CloudFormation spelling or the suggested name (quick fix), or remove it.',
});

/** A task-definition property spelled the ECS API way (or in the wrong case) in a template. */
export const propertySpelling: TaskDefRule = {
  id: 'cfn/property-spelling',
  scope: 'taskdef',
  severity: 'error',
  title: 'CloudFormation spelling of a task-definition property',
  docs: docs('An `AWS::ECS::TaskDefinition` property is not spelled the way CloudFormation spells it.'),
  check({ td, doc }) {
    return td.shape === 'cfn'
      ? misspelledKeys(this.id, td.root, 'task-definition', doc, 'AWS::ECS::TaskDefinition')
      : [];
  },
};

const WHERE: Partial<Record<string, string>> = {
  'cfn-service': 'AWS::ECS::Service',
  'cfn-taskset': 'AWS::ECS::TaskSet',
  'cfn-events-rule': 'Events rule EcsParameters',
  'cfn-scheduler': 'Scheduler EcsParameters',
  'cfn-pipes': 'Pipes EcsTaskParameters',
};

/** Launching resources whose Properties have a schema (cfnKeys); the ECS targets of other types do not. */
const SCHEMA_TYPES: Partial<Record<string, string>> = {
  'cfn-service': 'AWS::ECS::Service',
  'cfn-taskset': 'AWS::ECS::TaskSet',
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
    return where ? misspelledKeys(this.id, launch.node, where, doc, SCHEMA_TYPES[launch.kind]) : [];
  },
};
