/**
 * The property names of the ECS resource types' objects, as CloudFormation accepts them (API names),
 * from the generated cfnKeys.generated.json (scripts/gen-cfn-keys.ts): small enough to read for every
 * template, where the full API schemas would cost a CLI run more than the rest of a template's checks.
 */
import { own } from '../own';

/** Member value: '' a scalar (or list of scalars), '*' free-form (keys are data), else a shape name. */
interface CfnKeys {
  roots: Record<string, string>;
  shapes: Record<string, Record<string, string>>;
}

let keys: CfnKeys | undefined;
function table(): CfnKeys {
  return (keys ??= require('./cfnKeys.generated.json') as CfnKeys);
}

/** The shape of a resource type's Properties, if the type has one. */
export function cfnRootShape(type: string): string | undefined {
  return own(table().roots, type);
}

/** The members of a shape (API names -> member shape). */
export function cfnShape(name: string): Record<string, string> | undefined {
  return own(table().shapes, name);
}
