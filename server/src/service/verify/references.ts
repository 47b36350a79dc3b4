/**
 * Pre-deploy verification, the pure half: the references of a workspace file that exist only in an
 * AWS account (images, secrets, roles, log groups, subnets, security groups, target groups), each with
 * the member path that anchors a finding about it (liveFindings.ts). The client (editor) or the CLI
 * checks them against the account and answers with live findings; nothing here talks to AWS.
 *
 * Values not known until deploy time (template tokens, CloudFormation intrinsics) are not references:
 * there is nothing to look up.
 */
import { child, isObject, items, objects, str, type AstNode, type ObjectNode } from '../documents/ast';
import type { DocumentModel } from '../shapes/document';
import { launchIsFargate, type LaunchModel, type TaskDefModel } from '../shapes/model';

interface RefBase {
  /** The finding anchor: `{ uri, owner, path, value }` (LiveAnchor). */
  anchor: { uri: string; owner: string; path: string; value: string };
  /** The identifier as written. */
  value: string;
  /** Where the task definition or launch input is (for messages): its label. */
  label: string;
}

export interface ImageRef extends RefBase {
  kind: 'image';
  container: string;
  /** The task's platform as the image must support it (Fargate's default when runtimePlatform is absent). */
  platform: { cpuArchitecture: string; os: string; stated: boolean };
}

export interface SecretRef extends RefBase {
  kind: 'secret';
  container: string;
  /** The execution role that reads it at task start (ARN or name as written), if known. */
  executionRole?: string;
}

export interface RoleRef extends RefBase {
  kind: 'role';
  role: 'executionRoleArn' | 'taskRoleArn';
}

export interface LogGroupRef extends RefBase {
  kind: 'logGroup';
  container: string;
  /** `awslogs-region` when given; else the task's region. */
  region?: string;
  /** `awslogs-create-group` is "true": the group is created at task start. */
  createGroup: boolean;
}

export interface NetworkRef extends RefBase {
  kind: 'subnet' | 'securityGroup' | 'targetGroup';
  /** Groups the subnets, security groups and target groups of one launch input. */
  launch: string;
  /** The launch uses awsvpc networking (a network configuration, or Fargate): target groups must be of type ip. */
  awsvpc: boolean;
}

export type LiveReference = ImageRef | SecretRef | RoleRef | LogGroupRef | NetworkRef;

/** At most this many references per file are checked (bounded calls); the rest are reported as not checked. */
export const MAX_REFERENCES = 200;

const known = (n: AstNode | undefined): string | undefined =>
  n && !n.unknown ? str(n)?.trim() || undefined : undefined;

/** Every reference of the file that a live check can look up. */
export function extractReferences(doc: DocumentModel): LiveReference[] {
  const out: LiveReference[] = [];
  for (const td of doc.taskDefs) taskDefRefs(doc.uri, td, out);
  for (const l of doc.launches) launchRefs(doc.uri, l, out);
  return out;
}

function taskDefRefs(uri: string, td: TaskDefModel, out: LiveReference[]): void {
  const owner = `taskDef:${td.label}`;
  const ref = (path: string, value: string) => ({ anchor: { uri, owner, path, value }, value, label: td.label });
  const execRole = known(child(td.root, 'executionRoleArn'));
  for (const role of ['executionRoleArn', 'taskRoleArn'] as const) {
    const v = known(child(td.root, role));
    if (v) out.push({ kind: 'role', role, ...ref(role, v) });
  }
  const platform = platformOf(td.root);
  td.containers.forEach((c, i) => {
    const name = str(child(c, 'name'));
    const cpath = name ? `containerDefinitions[name=${name}]` : `containerDefinitions[${i}]`;
    const container = name ?? `#${i + 1}`;
    const image = known(child(c, 'image'));
    if (image) out.push({ kind: 'image', container, platform, ...ref(`${cpath}.image`, image) });
    objects(child(c, 'secrets')).forEach((s, j) => {
      const v = known(child(s, 'valueFrom'));
      const sname = str(child(s, 'name'));
      const spath = `${cpath}.secrets[${sname && !/[\].]/.test(sname) ? `name=${sname}` : j}].valueFrom`;
      if (v) out.push({ kind: 'secret', container, executionRole: execRole, ...ref(spath, v) });
    });
    const lc = child(c, 'logConfiguration');
    const options = isObject(lc) ? child(lc, 'options') : undefined;
    if (str(child(lc, 'logDriver')) === 'awslogs' && isObject(options)) {
      const group = known(child(options, 'awslogs-group'));
      if (group)
        out.push({
          kind: 'logGroup',
          container,
          region: known(child(options, 'awslogs-region')),
          createGroup: /^true$/i.test(String(literal(child(options, 'awslogs-create-group')) ?? '')),
          ...ref(`${cpath}.logConfiguration.options.awslogs-group`, group),
        });
    }
  });
}

function literal(n: AstNode | undefined): unknown {
  return n && n.type !== 'object' && n.type !== 'array' && !n.unknown ? n.value : undefined;
}

/** `runtimePlatform` as the image must match it; Fargate's default is LINUX on X86_64. */
function platformOf(root: ObjectNode | undefined): ImageRef['platform'] {
  const rp = child(root, 'runtimePlatform');
  const cpu = known(child(rp, 'cpuArchitecture'));
  const os = known(child(rp, 'operatingSystemFamily'));
  return { cpuArchitecture: cpu ?? 'X86_64', os: os ?? 'LINUX', stated: !!(cpu || os) };
}

function launchRefs(uri: string, l: LaunchModel, out: LiveReference[]): void {
  const owner = `launch:${l.label}`;
  const awsvpc = !!l.networkConfiguration || launchIsFargate(l) === true;
  const add = (kind: NetworkRef['kind'], path: string, n: AstNode | undefined) => {
    const v = known(n);
    if (v)
      out.push({ kind, launch: l.label, awsvpc, anchor: { uri, owner, path, value: v }, value: v, label: l.label });
  };
  const vpc = l.networkConfiguration;
  if (vpc && !vpc.unknown) {
    const base = 'networkConfiguration.awsvpcConfiguration';
    items(child(vpc, 'subnets')).forEach((n, i) => add('subnet', `${base}.subnets[${i}]`, n));
    items(child(vpc, 'securityGroups')).forEach((n, i) => add('securityGroup', `${base}.securityGroups[${i}]`, n));
  }
  objects(child(l.node, 'loadBalancers')).forEach((lb, i) =>
    add('targetGroup', `loadBalancers[${i}].targetGroupArn`, child(lb, 'targetGroupArn')),
  );
}
