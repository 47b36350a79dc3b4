/**
 * Compares a file's task definition with a registered revision: one DescribeTaskDefinition call (the
 * family alone names its latest ACTIVE revision), both sides normalised the same way, then diffed.
 * Used by the CLI (`fargate-lens diff`), the code lens and "Compare with Registered Revision".
 */
import type { EcsApi } from '../aws/types';
import { diffTaskDefinitions, type TaskDefDiff } from './diff';
import type { FileTaskDef } from './fileTaskDefs';
import { normaliseTaskDefinition, type PlainObject } from './normalise';

export interface Comparison {
  family: string;
  revision: number;
  taskDefinitionArn?: string;
  registered: PlainObject;
  file: PlainObject;
  diff: TaskDefDiff;
}

/** Thrown when the family (or the revision asked for) is not registered; the message says which. */
export class NotRegisteredError extends Error {}

/**
 * `revision`: "family", "family:N" or an ARN; default the file's family (its latest ACTIVE revision,
 * as the API documents for DescribeTaskDefinition without a revision).
 */
export async function compareWithRegistered(ecs: EcsApi, td: FileTaskDef, revision?: string): Promise<Comparison> {
  const ref = revision ?? td.family;
  if (!ref)
    throw new NotRegisteredError(
      `${td.label} has no family in the file (CloudFormation names it at deploy time): give the revision to compare with`,
    );
  let described: Awaited<ReturnType<EcsApi['describeTaskDefinition']>>;
  try {
    described = await ecs.describeTaskDefinition(ref);
  } catch (e) {
    if (isNotFound(e)) throw new NotRegisteredError(`no ACTIVE revision of '${ref}' is registered in this region`);
    throw e;
  }
  const registered = normaliseTaskDefinition(described.taskDefinition, { tags: described.tags ?? [] });
  // The file's family is what registering it would use; a comparison with another family says so.
  const file = normaliseTaskDefinition(td.value);
  return {
    family: described.taskDefinition.family ?? ref,
    revision: described.taskDefinition.revision ?? 0,
    taskDefinitionArn: described.taskDefinition.taskDefinitionArn,
    registered,
    file,
    diff: diffTaskDefinitions(registered, file),
  };
}

/** ECS answers an unknown family or revision with ClientException "Unable to describe task definition." */
function isNotFound(e: unknown): boolean {
  const name = (e as { name?: string })?.name ?? '';
  const message = e instanceof Error ? e.message : '';
  return (
    (name === 'ClientException' || name === 'InvalidParameterException') &&
    /unable to describe task definition|does not exist|not found/i.test(message)
  );
}

/** Splits "family:N" / ARN into family and revision (revision undefined for a bare family). */
export function parseRevisionRef(ref: string): { family: string; revision?: number } | undefined {
  const tail = ref.startsWith('arn:') ? (ref.split('/').pop() ?? '') : ref;
  const m = /^([A-Za-z0-9_-]{1,255})(?::(\d+))?$/.exec(tail);
  if (!m) return undefined;
  return { family: m[1], revision: m[2] === undefined ? undefined : Number(m[2]) };
}
