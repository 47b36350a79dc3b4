/**
 * Scenarios of a template: one view of its ECS resources per feasible combination of what they depend
 * on: the parameters they read that can take several values (AllowedValues, or the keys of a map
 * they index), the conditions of their `Fn::If`s and their own `Condition`. In a scenario each
 * parameter has one value, each `Fn::If` is replaced by the branch its condition chose, and a
 * resource whose condition is false is left out, so values that move together (Cpu and Memory from
 * one mapping row) are judged together. The rules run over every scenario; a finding that holds in
 * only some says which (describe()). Templates whose ECS resources depend on nothing of the kind
 * have no scenarios and cost nothing more.
 */
import type { LaunchModel, TaskDefModel } from '../model';
import type { TemplateConditions } from './conditions';

export interface Assignment {
  conditions: Map<string, boolean>;
  params: Map<string, string>;
}

export interface Scenario extends Assignment {
  taskDefs: TaskDefModel[];
  launches: LaunchModel[];
}

export interface CfnScenarios {
  list: Scenario[];
  /** "when parameter Env is 'prod'" for the scenarios a finding holds in; undefined when it holds in all. */
  describe(subset: Scenario[]): string | undefined;
}

/** More feasible combinations than this and parameters are judged value by value instead. */
export const MAX_SCENARIOS = 16;

type Views = (a: Assignment) => { taskDefs: TaskDefModel[]; launches: LaunchModel[] };

export function buildScenarios(
  conditionNames: string[],
  paramsSeen: Map<string, Set<string>>,
  conditions: TemplateConditions,
  views: Views,
): CfnScenarios | undefined {
  const names = conditionNames.filter((n) => conditions.has(n));
  const axes = new Map<string, string[]>();
  for (const [p, values] of paramsSeen) if (values.size > 1) axes.set(p, [...values]);
  if (names.length === 0 && axes.size === 0) return undefined;
  // Without enough room for every parameter value, keep the conditions alone (parameters then vary
  // value by value inside each scenario, as outside scenarios).
  let outcomes = conditions.outcomes(names, axes);
  let used = axes;
  if (!outcomes || outcomes.length > MAX_SCENARIOS) {
    used = new Map();
    outcomes = names.length > 0 ? conditions.outcomes(names, used) : undefined;
  }
  if (!outcomes || outcomes.length < 2 || outcomes.length > MAX_SCENARIOS) return undefined;
  const list = outcomes.map((a) => ({ ...a, ...views(a) }));
  const axisList: Axis[] = [
    ...[...used.keys()].map((p) => ({ of: (s: Scenario) => s.params.get(p)!, say: (v: string[]) => paramLabel(p, v) })),
    ...names.map((n) => ({
      of: (s: Scenario) => String(s.conditions.get(n)),
      say: (v: string[]) => (v.length === 1 ? conditions.label(n, v[0] === 'true') : undefined),
    })),
  ];
  return { list, describe: (subset) => describe(subset, list, axisList) };
}

interface Axis {
  of(s: Scenario): string;
  say(values: string[]): string | undefined;
}

function paramLabel(p: string, values: string[]): string {
  return `when parameter ${p} is ${values.map((v) => `'${v}'`).join(' or ')}`;
}

/** The shortest description (one axis, else two) that selects exactly `subset`; else each scenario spelled out. */
function describe(subset: Scenario[], all: Scenario[], axes: Axis[]): string | undefined {
  if (subset.length === all.length) return undefined;
  const inSubset = new Set(subset);
  const exact = (picked: Axis[]): string | undefined => {
    const sets = picked.map((a) => new Set(subset.map((s) => a.of(s))));
    const selects = all.every((s) => picked.every((a, i) => sets[i].has(a.of(s))) === inSubset.has(s));
    if (!selects) return undefined;
    const said = picked.map((a, i) => a.say([...sets[i]]));
    return said.every((x) => x !== undefined) ? said.join(' and ') : undefined;
  };
  for (const a of axes) {
    const d = exact([a]);
    if (d) return d;
  }
  for (let i = 0; i < axes.length; i++)
    for (let j = i + 1; j < axes.length; j++) {
      const d = exact([axes[i], axes[j]]);
      if (d) return d;
    }
  return subset
    .map((s) =>
      axes
        .map((a) => a.say([a.of(s)]))
        .filter(Boolean)
        .join(' and '),
    )
    .join('; or ');
}
