/**
 * Task-definition features that need Fargate Linux platform version 1.4.0 (docs/rules.md, pv/feature-requires-1.4.0, with sources).
 * Shared by `pv/feature-requires-1.4.0` (at the launch input's platformVersion) and the information
 * note on `requiresCompatibilities` (in the task definition itself).
 */
import {
  alternatives,
  at,
  child,
  items,
  num,
  objects,
  prop,
  str,
  strings,
  type AstNode,
  type Span,
} from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import { parseCpu } from '../fargate/cpuMemory';
import { perTaskDef } from '../util';

export interface PvFeature {
  /** Short description for messages: "EFS volume 'uploads'". */
  what: string;
  span: Span;
}

const SM_EXTENDED = /^arn:aws[-a-z]*:secretsmanager:[^:]*:[^:]*:secret:[^:]+:[^:]*:[^:]*:[^:]*$/;

function spanOf(n: { offset: number; length: number }): Span {
  return { offset: n.offset, length: n.length };
}

export const pv14Features: (td: TaskDefModel) => PvFeature[] = perTaskDef((td) => {
  const out: PvFeature[] = [];
  for (const v of td.volumes) {
    const efs = prop(v, 'efsVolumeConfiguration');
    if (efs) out.push({ what: `EFS volume '${str(child(v, 'name')) ?? '?'}'`, span: spanOf(efs.keySpan) });
    const launch = prop(v, 'configuredAtLaunch');
    if (launch && launch.value.type === 'boolean' && launch.value.value === true)
      out.push({
        what: `EBS volume '${str(child(v, 'name')) ?? '?'}' configured at launch`,
        span: spanOf(launch.keySpan),
      });
  }
  const root = td.root;
  if (root) {
    const eph = prop(root, 'ephemeralStorage');
    if (eph) out.push({ what: 'ephemeral storage', span: spanOf(eph.keySpan) });
    const pid = prop(root, 'pidMode');
    if (pid && str(pid.value) === 'task') out.push({ what: "pidMode 'task'", span: spanOf(pid.keySpan) });
    const arch = at(root, 'runtimePlatform', 'cpuArchitecture');
    if (str(arch) === 'ARM64' && arch) out.push({ what: 'ARM64 architecture', span: spanOf(arch) });
    const cpuNode = child(root, 'cpu');
    const cpu = parseCpu(str(cpuNode) ?? num(cpuNode));
    if (cpuNode && cpu !== undefined && cpu >= 8192) out.push({ what: `task cpu ${cpu}`, span: spanOf(cpuNode) });
  }
  for (const c of td.containers) {
    const name = str(child(c, 'name')) ?? '?';
    const add = at(c, 'linuxParameters', 'capabilities', 'add');
    // Only SYS_PTRACE can be added on Fargate (from 1.4.0); other capabilities are refused on every
    // platform version (fargate/cap-add), so they are not a platform-version need.
    for (const cap of strings(add)) {
      if (/^(CAP_)?SYS_PTRACE$/.test(cap.value))
        out.push({ what: `capability SYS_PTRACE in container '${name}'`, span: spanOf(cap.node) });
    }
    const sysctl = prop(c, 'systemControls');
    if (sysctl && items(sysctl.value).length > 0)
      out.push({ what: `systemControls in container '${name}'`, span: spanOf(sysctl.keySpan) });
    const envFiles = prop(c, 'environmentFiles');
    if (envFiles && items(envFiles.value).length > 0)
      out.push({ what: `environmentFiles in container '${name}'`, span: spanOf(envFiles.keySpan) });
    for (const s of objects(child(c, 'secrets'))) {
      const vf = child(s, 'valueFrom');
      const v = str(vf);
      if (vf && v && SM_EXTENDED.test(v))
        out.push({ what: `Secrets Manager JSON key/version reference in container '${name}'`, span: spanOf(vf) });
    }
  }
  return out;
});

export { RETIRED_LINUX } from '../../facts/platformVersions';

/**
 * The platform versions a launch can run with: the literal, each literal `Fn::If` branch, or each
 * value of the CloudFormation parameter it references (`via` names it; such findings get no fix,
 * because the value to change is the parameter's).
 */
export function platformVersions(node: AstNode | undefined): { value: string; node: AstNode; via?: string }[] {
  return alternatives(node).flatMap((a) =>
    typeof a.value.value === 'string' ? [{ value: a.value.value, node: a.via ? a.node : a.value, via: a.via }] : [],
  );
}

/** " (parameter X)" for messages about a value that comes from a CloudFormation parameter. */
export function viaParam(via: string | undefined): string {
  return via ? ` (value of ${via})` : '';
}
