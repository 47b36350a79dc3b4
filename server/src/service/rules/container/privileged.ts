import { bool, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

/** A privileged container outside Fargate (on Fargate, fargate/unsupported-fields rejects it). */
export const privileged: TaskDefRule = {
  id: 'ctr/privileged',
  scope: 'taskdef',
  severity: 'info',
  title: 'Privileged container',
  needs: { container: ['privileged'] },
  docs: {
    what: 'A container sets `privileged: true` (EC2 or external instances; Fargate rejects it, see `fargate/unsupported-fields`).',
    why: 'A privileged container gets elevated privileges on the host, close to root on the instance. Compliance checks flag it: Security Hub ECS.4, Control Tower CT.ECS.PR.11, Checkov CKV_AWS_334. ECS accepts it, so this is information, not an error.',
    fix: 'Remove `privileged` and add only the Linux capabilities the container needs (`linuxParameters.capabilities.add`).',
  },
  check({ td, doc }) {
    if (td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'privileged');
      if (!p || bool(p.value) !== true) return;
      out.push(
        finding(
          this.id,
          p,
          `${containerLabel(c, i)} runs privileged: it gets near-root access to the host (Security Hub ECS.4). Grant only the capabilities it needs instead.`,
          { fixes: [fix('Remove privileged', [doc.edits.removeProperty(c, p)])] },
        ),
      );
    });
    return out;
  },
};
