import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { dependencyEdges } from './deps';

/** Advice: bound how long a dependent container waits for its dependency. */
export const depStartTimeoutHint: TaskDefRule = {
  id: 'dep/start-timeout-hint',
  scope: 'taskdef',
  severity: 'info',
  title: 'Dependency target without startTimeout',
  docs: {
    what: 'A container that others depend on has no `startTimeout`.',
    why: 'startTimeout on the dependency is how long ECS waits for it to reach the condition before giving up on the dependent container; without it ECS uses its default wait, which may not fit a slow dependency.',
    fix: 'Set `startTimeout` (2-120 s on Fargate) on the container that others wait for.',
  },
  check({ td }) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    for (const e of dependencyEdges(td)) {
      if (!e.to || !e.targetNode || seen.has(e.toIndex)) continue;
      if (e.condition === 'START') continue; // starting is immediate; nothing to time out
      seen.add(e.toIndex);
      if (prop(e.to, 'startTimeout')) continue;
      out.push(
        finding(
          this.id,
          e.targetNode,
          `${containerLabel(e.from, e.fromIndex)} waits for '${e.target}', which has no startTimeout; set one on '${e.target}' to bound how long ECS waits before giving up.`,
        ),
      );
    }
    return out;
  },
};
