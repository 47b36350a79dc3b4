import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { dependencyEdges } from './deps';

/** A HEALTHY dependency needs a health check on its target. */
export const depHealthyNeedsHc: TaskDefRule = {
  id: 'dep/healthy-needs-hc',
  scope: 'taskdef',
  severity: 'error',
  title: 'HEALTHY dependency on a container without health check',
  docs: {
    what: 'A `dependsOn` with condition HEALTHY points at a container without `healthCheck`.',
    why: 'The ECS API: HEALTHY "validates that the dependent container passes its Docker health check before permitting other containers to start. This requires that the dependent container has health checks configured." Without one, the condition can never be met and the task does not start.',
    fix: 'Add a `healthCheck` to the target container, or use START.',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const e of dependencyEdges(td)) {
      if (!e.to || e.condition !== 'HEALTHY' || !e.conditionNode) continue;
      const hc = prop(e.to, 'healthCheck');
      if (hc && hc.value.type !== 'null') continue;
      out.push(
        finding(
          this.id,
          e.conditionNode,
          `${containerLabel(e.from, e.fromIndex)} waits for '${e.target}' to be HEALTHY, but '${e.target}' has no healthCheck, so it never becomes healthy and the task cannot start. Add a healthCheck to '${e.target}', or use START.`,
        ),
      );
    }
    return out;
  },
};
