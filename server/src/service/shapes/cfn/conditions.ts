/**
 * The template's Conditions, evaluated offline. A condition is a boolean formula over atoms: an
 * `Fn::Equals` of a parameter and a literal ("Env = prod"), or an opaque comparison (a
 * pseudo-parameter, a resource attribute). The feasible outcomes of a set of conditions are found by
 * enumerating the atoms (each parameter takes one of the values compared against, or another value
 * its AllowedValues permit; each opaque atom true or false), so correlated conditions (`IsProd` and
 * `IsNotProd`, two conditions on one parameter) never yield an impossible combination.
 */
import { child, isObject, items, str, type AstNode, type ObjectNode } from '../../documents/ast';
import { isLiteral, parameterValues } from './evaluate';

type Formula =
  | { k: 'const'; v: boolean }
  | { k: 'eq'; param: string; value: string }
  | { k: 'opaque'; key: string }
  | { k: 'not'; a: Formula }
  | { k: 'and' | 'or'; as: Formula[] };

/** Past this many parameter/atom combinations the conditions count as not evaluable. */
const MAX_ENUMERATION = 512;

export class TemplateConditions {
  private readonly formulas = new Map<string, Formula>();

  constructor(
    private readonly defs: AstNode | undefined,
    private readonly params: Map<string, ObjectNode>,
  ) {}

  has(name: string): boolean {
    return isObject(this.defs) && child(this.defs, name) !== undefined;
  }

  private formula(name: string, seen: Set<string> = new Set()): Formula {
    const known = this.formulas.get(name);
    if (known) return known;
    if (seen.has(name)) return { k: 'opaque', key: `cycle:${name}` };
    seen.add(name);
    const def = isObject(this.defs) ? child(this.defs, name) : undefined;
    const f = def ? this.parse(def, seen) : { k: 'opaque' as const, key: `missing:${name}` };
    this.formulas.set(name, f);
    return f;
  }

  private parse(node: AstNode, seen: Set<string>): Formula {
    if (node.type !== 'object' || node.properties.length !== 1) return { k: 'opaque', key: canonical(node) };
    const { key, value } = node.properties[0];
    const args = items(value);
    switch (key) {
      case 'Condition': {
        const name = str(value);
        return name ? this.formula(name, seen) : { k: 'opaque', key: canonical(node) };
      }
      case 'Fn::Not':
        return args.length === 1 ? { k: 'not', a: this.parse(args[0], seen) } : { k: 'opaque', key: canonical(node) };
      case 'Fn::And':
      case 'Fn::Or':
        return { k: key === 'Fn::And' ? 'and' : 'or', as: args.map((a) => this.parse(a, seen)) };
      case 'Fn::Equals':
        return args.length === 2 ? this.equals(args[0], args[1]) : { k: 'opaque', key: canonical(node) };
      default:
        return { k: 'opaque', key: canonical(node) };
    }
  }

  private equals(a: AstNode, b: AstNode): Formula {
    const pa = this.paramRef(a);
    const pb = this.paramRef(b);
    if (isLiteral(a) && isLiteral(b)) return { k: 'const', v: String(a.value) === String(b.value) };
    if (pa && isLiteral(b)) return { k: 'eq', param: pa, value: String(b.value) };
    if (pb && isLiteral(a)) return { k: 'eq', param: pb, value: String(a.value) };
    if (pa && pa === pb) return { k: 'const', v: true };
    return { k: 'opaque', key: canonical({ type: 'array', offset: 0, length: 0, items: [a, b] }) };
  }

  private paramRef(n: AstNode): string | undefined {
    if (n.type !== 'object' || n.properties.length !== 1 || n.properties[0].key !== 'Ref') return undefined;
    const name = str(n.properties[0].value);
    return name && this.params.has(name) ? name : undefined;
  }

  /**
   * The feasible combinations of condition values and parameter values: each parameter of `axes`
   * takes each of its values; the other parameters the conditions compare take each value compared
   * against (if permitted) or another one. Undefined when there are too many to enumerate.
   */
  outcomes(
    names: string[],
    axes: Map<string, string[]>,
  ): { conditions: Map<string, boolean>; params: Map<string, string> }[] | undefined {
    const fs = names.map((n) => this.formula(n));
    const byParam = new Map<string, Set<string>>();
    const opaque = new Set<string>();
    const collect = (f: Formula): void => {
      if (f.k === 'eq') (byParam.get(f.param) ?? byParam.set(f.param, new Set()).get(f.param)!).add(f.value);
      else if (f.k === 'opaque') opaque.add(f.key);
      else if (f.k === 'not') collect(f.a);
      else if (f.k === 'and' || f.k === 'or') f.as.forEach(collect);
    };
    fs.forEach(collect);
    const choices: { param: string; values: (string | undefined)[] }[] = [];
    for (const [param, values] of axes) choices.push({ param, values });
    for (const [param, compared] of byParam) {
      if (axes.has(param)) continue;
      const restricted = !!child(this.params.get(param), 'AllowedValues');
      const allowed = restricted ? parameterValues(this.params.get(param)) : undefined;
      const permitted = allowed ? new Set(allowed.map((a) => String(a.value))) : undefined;
      const values: (string | undefined)[] = [...compared].filter((v) => !permitted || permitted.has(v));
      if (!permitted || [...permitted].some((v) => !compared.has(v))) values.push(undefined);
      choices.push({ param, values });
    }
    let total = 2 ** opaque.size;
    for (const c of choices) total *= Math.max(1, c.values.length);
    if (total > MAX_ENUMERATION) return undefined;
    const opaqueKeys = [...opaque];
    const seen = new Map<string, { conditions: Map<string, boolean>; params: Map<string, string> }>();
    const env = { params: new Map<string, string | undefined>(), opaque: new Map<string, boolean>() };
    const visit = (i: number): void => {
      if (i < choices.length) {
        for (const v of choices[i].values) {
          env.params.set(choices[i].param, v);
          visit(i + 1);
        }
        return;
      }
      const bits = 2 ** opaqueKeys.length;
      for (let m = 0; m < bits; m++) {
        opaqueKeys.forEach((k, j) => env.opaque.set(k, ((m >> j) & 1) === 1));
        const values = fs.map((f) => evaluate(f, env));
        const fixed = [...axes.keys()].map((p) => env.params.get(p)!);
        const key = JSON.stringify([values, fixed]);
        if (!seen.has(key))
          seen.set(key, {
            conditions: new Map(names.map((n, j) => [n, values[j]])),
            params: new Map([...axes.keys()].map((p, j) => [p, fixed[j]])),
          });
      }
    };
    visit(0);
    return [...seen.values()];
  }

  /**
   * How to say that `name` has `value`, for messages: "when parameter Env is 'prod'" for a plain
   * comparison of a parameter, else "in the true branch of IsProd".
   */
  label(name: string, value: boolean): string {
    let f = this.formula(name);
    let v = value;
    if (f.k === 'not') {
      f = f.a;
      v = !v;
    }
    if (f.k === 'eq') {
      if (v) return `when parameter ${f.param} is '${f.value}'`;
      const others = restOf(this.params.get(f.param), f.value);
      return others?.length === 1
        ? `when parameter ${f.param} is '${others[0]}'`
        : `when parameter ${f.param} is not '${f.value}'`;
    }
    return `in the ${value ? 'true' : 'false'} branch of ${name}`;
  }
}

function restOf(param: ObjectNode | undefined, value: string): string[] | undefined {
  if (!child(param, 'AllowedValues')) return undefined;
  return parameterValues(param)
    ?.map((a) => String(a.value))
    .filter((a) => a !== value);
}

function evaluate(f: Formula, env: { params: Map<string, string | undefined>; opaque: Map<string, boolean> }): boolean {
  switch (f.k) {
    case 'const':
      return f.v;
    case 'eq':
      return env.params.get(f.param) === f.value;
    case 'opaque':
      return env.opaque.get(f.key) ?? false;
    case 'not':
      return !evaluate(f.a, env);
    case 'and':
      return f.as.every((a) => evaluate(a, env));
    case 'or':
      return f.as.some((a) => evaluate(a, env));
  }
}

/** A stable text for a raw subtree (keys and literals), so equal opaque comparisons are one atom. */
function canonical(n: AstNode): string {
  switch (n.type) {
    case 'object':
      return `{${n.properties.map((p) => `${JSON.stringify(p.key)}:${canonical(p.value)}`).join(',')}}`;
    case 'array':
      return `[${n.items.map(canonical).join(',')}]`;
    default:
      return JSON.stringify(n.value);
  }
}
