/**
 * Shared views for the secrets rules: every secret reference (container `secrets` and
 * `logConfiguration.secretOptions`), parsing of Secrets Manager / SSM references, and the
 * execution-role check that several rules share.
 */
import { at, child, objects, prop, type AstNode, type ObjectNode } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import type { Finding } from '../../types';
import { alsoContainers, containerLabel, finding, perTaskDef } from '../util';

export interface SecretRef {
  container: ObjectNode;
  containerIndex: number;
  item: ObjectNode;
  where: 'secrets' | 'logConfiguration.secretOptions';
  name?: AstNode;
  valueFrom?: AstNode;
}

export const secretRefs: (td: TaskDefModel) => SecretRef[] = perTaskDef((td) => {
  const out: SecretRef[] = [];
  td.containers.forEach((container, containerIndex) => {
    const lists: [SecretRef['where'], AstNode | undefined][] = [
      ['secrets', child(container, 'secrets')],
      ['logConfiguration.secretOptions', at(container, 'logConfiguration', 'secretOptions')],
    ];
    for (const [where, list] of lists) {
      for (const item of objects(list))
        out.push({
          container,
          containerIndex,
          item,
          where,
          name: child(item, 'name'),
          valueFrom: child(item, 'valueFrom'),
        });
    }
  });
  return out;
});

export type ParsedRef =
  | { kind: 'secretsmanager'; region: string; account: string; rest: string[] }
  | { kind: 'ssm'; region: string; account: string; parameter: string }
  | { kind: 'name'; value: string }
  | { kind: 'other-arn'; service: string }
  | { kind: 'malformed'; reason: string };

const ARN = /^arn:(aws[-a-z]*):([a-z0-9-]+):([^:]*):([^:]*):(.*)$/;
/** SSM parameter names and Secrets Manager secret names usable without an ARN (same Region). */
const BARE_NAME = /^[A-Za-z0-9_.\-/+=@]{1,2048}$/;

/** Parsed references by text: several rules parse the same references (results are read only). */
const parsedRefs = new Map<string, ParsedRef>();

/** Parses a `valueFrom` / `credentialsParameter` reference. */
export function parseRef(value: string): ParsedRef {
  let p = parsedRefs.get(value);
  if (p === undefined) {
    if (parsedRefs.size >= 512) parsedRefs.clear();
    p = parseRefUncached(value);
    parsedRefs.set(value, p);
  }
  return p;
}

function parseRefUncached(value: string): ParsedRef {
  if (value.trim() === '') return { kind: 'malformed', reason: 'it is empty' };
  if (!value.startsWith('arn:')) {
    return BARE_NAME.test(value)
      ? { kind: 'name', value }
      : {
          kind: 'malformed',
          reason: 'it is neither an ARN nor a valid parameter or secret name (letters, digits and _ . - / only)',
        };
  }
  const m = ARN.exec(value);
  if (!m)
    return { kind: 'malformed', reason: 'it is not a well-formed ARN (arn:partition:service:region:account:resource)' };
  const [, , service, region, account, resource] = m;
  if (service === 'secretsmanager') {
    const parts = resource.split(':');
    if (parts[0] !== 'secret' || !parts[1])
      return { kind: 'malformed', reason: "a Secrets Manager ARN continues with 'secret:<name>'" };
    return { kind: 'secretsmanager', region, account, rest: parts.slice(2) };
  }
  if (service === 'ssm') {
    if (!resource.startsWith('parameter/') || resource.length <= 'parameter/'.length)
      return { kind: 'malformed', reason: "an SSM parameter ARN continues with 'parameter/<name>'" };
    return { kind: 'ssm', region, account, parameter: resource.slice('parameter/'.length) };
  }
  return { kind: 'other-arn', service };
}

/** Region/account problems of a parsed ARN; `placeholder` when the account looks like a sample value. */
export function arnLocationProblem(p: {
  region: string;
  account: string;
}): { text: string; placeholder: boolean } | undefined {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(p.region))
    return { text: `'${p.region}' is not a Region`, placeholder: /[A-Z]|^x+$|region/i.test(p.region) };
  if (!/^\d{12}$/.test(p.account))
    return { text: `'${p.account}' is not a 12-digit account id`, placeholder: /[A-Za-z*]/.test(p.account) };
  return undefined;
}

/** Whether the task definition has an execution role (present, or computed by a template). */
export function hasExecutionRole(td: TaskDefModel): boolean {
  const p = td.root ? prop(td.root, 'executionRoleArn') : undefined;
  if (!p) return false;
  if (p.value.unknown) return true;
  return !(p.value.type === 'null' || (p.value.type === 'string' && String(p.value.value).trim() === ''));
}

/** True when the task definition's fields are known well enough to say the role is missing. */
export function canJudgeExecutionRole(td: TaskDefModel): boolean {
  return !!td.root && !td.root.unknown;
}

/**
 * For a Fargate task definition known to have no execution role: one finding at the first container
 * token `needs` selects (naming the other containers too), saying "<container> <uses>, but ..." with
 * the message RegisterTaskDefinition fails with; none when no container needs the role.
 */
export function fargateExecRoleFinding(
  id: string,
  td: TaskDefModel,
  needs: (c: ObjectNode) => AstNode | undefined,
  uses: string,
  awsMessage: string,
): Finding[] {
  if (!td.fargate || !canJudgeExecutionRole(td) || hasExecutionRole(td)) return [];
  const users = td.containers.flatMap((c, i) => {
    const node = needs(c);
    return node ? [{ c, i, node }] : [];
  });
  if (users.length === 0) return [];
  const first = users[0];
  return [
    finding(
      id,
      first.node,
      `${containerLabel(first.c, first.i)} ${uses}${alsoContainers(users)}, but the task definition has no executionRoleArn: "${awsMessage}" Add executionRoleArn (a role with AmazonECSTaskExecutionRolePolicy).`,
    ),
  ];
}
