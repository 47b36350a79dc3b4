/**
 * Turns a DescribeTaskDefinition result into RegisterTaskDefinition input: the fields ECS sets itself
 * (ARN, revision, status, registration metadata, computed compatibilities and attributes) are removed,
 * tags are carried over in register form.
 */
import type { TaskDefinition } from '../aws/types';
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../../../server/src/service/facts/readOnlyFields';

/** What ECS sets itself, and the SDK's response metadata. */
export const READ_ONLY_FIELDS: readonly string[] = [...DESCRIBE_ONLY_TASKDEF_FIELDS, '$metadata'];

export function toRegisterShape(
  td: TaskDefinition,
  tags?: Array<{ key?: string; value?: string }>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(td)) {
    if (READ_ONLY_FIELDS.includes(k) || v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0 && k !== 'containerDefinitions') continue;
    out[k] = v;
  }
  const kept = (tags ?? []).filter((t) => t.key && !t.key.startsWith('aws:'));
  if (kept.length) out.tags = kept.map((t) => ({ key: t.key, value: t.value ?? '' }));
  return out;
}

/** Parses an editor's text as register input; returns a reason when it is not one. */
export function parseRegisterInput(text: string): { input?: Record<string, unknown>; problem?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `The document is not valid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'The document is not a JSON object.' };
  const obj =
    (value as { taskDefinition?: unknown }).taskDefinition &&
    typeof (value as { taskDefinition?: unknown }).taskDefinition === 'object'
      ? toRegisterShape((value as { taskDefinition: Record<string, unknown> }).taskDefinition)
      : toRegisterShape(value as Record<string, unknown>);
  if (typeof obj.family !== 'string' || !obj.family) return { problem: 'The document has no "family".' };
  if (!Array.isArray(obj.containerDefinitions) || obj.containerDefinitions.length === 0)
    return { problem: 'The document has no "containerDefinitions".' };
  return { input: obj };
}
