import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { closest, containerLabel, finding, fix } from '../util';
import { allNamesKnown, dependencyEdges, type DepEdge } from './deps';

/** `dependsOn[].containerName` names another container, and dependencies have no cycle. */
export const depTargetExists: TaskDefRule = {
  id: 'dep/target-exists',
  scope: 'taskdef',
  severity: 'error',
  title: 'dependsOn refers to a missing container or forms a cycle',
  docs: {
    what: '`dependsOn[].containerName` is the name of another container of the task definition, and the dependencies form no cycle.',
    why: 'The ECS API (ContainerDefinition.dependsOn) defines dependencies "on other containers in a task definition"; RegisterTaskDefinition rejects a dependency on a container that does not exist or on the container itself, and a cycle can never be satisfied, so the containers never start.',
    fix: 'Use the name of another container, or remove the dependency; break cycles.',
  },
  check({ td, doc }) {
    const edges = dependencyEdges(td);
    if (edges.length === 0 || !allNamesKnown(td)) return [];
    let names: string[] | undefined;
    const out: Finding[] = [];
    for (const e of edges) {
      if (!e.targetNode || e.target === undefined) continue;
      if (e.target === e.fromName) {
        out.push(
          finding(
            this.id,
            e.targetNode,
            `${containerLabel(e.from, e.fromIndex)} depends on itself; a container can only depend on other containers of the task.`,
          ),
        );
      } else if (!e.to) {
        const label = containerLabel(e.from, e.fromIndex);
        names ??= td.containers.map((c, i) => containerLabel(c, i).replace(/^container '(.*)'$/, '$1'));
        const near = closest(
          e.target,
          names.filter((n) => n !== e.fromName),
        );
        out.push(
          finding(
            this.id,
            e.targetNode,
            `${label} depends on '${e.target}', which is not a container of this task definition (containers: ${names.map((n) => `'${n}'`).join(', ')}).${near ? ` Did you mean '${near}'?` : ''}`,
            {
              fixes: near ? [fix(`Rename to '${near}'`, [doc.edits.replaceValue(e.targetNode, near)], true)] : [],
            },
          ),
        );
      }
    }
    const cycle = findCycle(edges, td.containers.length);
    if (cycle) {
      const path = cycle
        .map((e) => e.fromName)
        .concat(cycle[0].fromName)
        .join(' -> ');
      const last = cycle[cycle.length - 1];
      out.push(
        finding(
          this.id,
          last.targetNode!,
          `Container dependencies form a cycle (${path}); none of these containers can ever start. Remove one of the dependencies.`,
        ),
      );
    }
    return out;
  },
};

/** One dependency cycle (list of edges), if any; self-edges are reported separately. */
function findCycle(edges: DepEdge[], n: number): DepEdge[] | undefined {
  // A cycle needs an edge into a container that itself depends on another one (self-edges are
  // reported apart): without one, as when every container waits for the same main container, none.
  const dependent = new Set<number>();
  for (const e of edges) if (e.to && e.toIndex !== e.fromIndex) dependent.add(e.fromIndex);
  if (!edges.some((e) => e.to && e.toIndex !== e.fromIndex && dependent.has(e.toIndex))) return undefined;
  const out = new Map<number, DepEdge[]>();
  for (const e of edges)
    if (e.to && e.toIndex !== e.fromIndex) out.set(e.fromIndex, [...(out.get(e.fromIndex) ?? []), e]);
  const state = new Array<number>(n).fill(0);
  const stack: DepEdge[] = [];
  const visit = (v: number): DepEdge[] | undefined => {
    state[v] = 1;
    for (const e of out.get(v) ?? []) {
      stack.push(e);
      if (state[e.toIndex] === 1) {
        const start = stack.findIndex((s) => s.fromIndex === e.toIndex);
        return stack.slice(start);
      }
      if (state[e.toIndex] === 0) {
        const found = visit(e.toIndex);
        if (found) return found;
      }
      stack.pop();
    }
    state[v] = 2;
    return undefined;
  };
  for (let v = 0; v < n; v++) {
    if (state[v] !== 0) continue;
    const found = visit(v);
    if (found) return found;
  }
  return undefined;
}
