import { child, num, objects, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { checkEnum, given, removeFix } from '../task/common';

export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
] as const;
const FARGATE_NOFILE_MAX = 1048576;

/** `ulimits`: known names, soft ≤ hard, Fargate nofile ≤ 1048576, none on Windows. */
export const ulimits: TaskDefRule = {
  id: 'ctr/ulimits',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid ulimits',
  docs: {
    what: `Each ulimit has a \`name\` in ${ULIMIT_NAMES.join(', ')} and \`softLimit\` ≤ \`hardLimit\`; on Fargate \`nofile\` is at most ${FARGATE_NOFILE_MAX}; Windows containers do not take ulimits.`,
    why: 'The API rejects unknown names; Docker refuses a soft limit above the hard limit; Fargate caps nofile (its default is 65535) and Windows does not support ulimits.',
    fix: 'Use a listed name in lower case, make softLimit ≤ hardLimit, keep nofile ≤ 1048576 on Fargate; remove ulimits on Windows.',
  },
  needs: { container: ['ulimits'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = given(c, 'ulimits');
      if (!p) return;
      const label = containerLabel(c, i);
      if (td.windows) {
        out.push(
          finding(this.id, p, `${label}: Windows containers do not support ulimits. Remove them.`, {
            fixes: [removeFix(doc, c, p)],
          }),
        );
        return;
      }
      for (const u of objects(p.value)) {
        const nameNode = child(u, 'name');
        out.push(
          ...checkEnum({
            ruleId: this.id,
            doc,
            node: nameNode,
            allowed: ULIMIT_NAMES,
            what: `${label}: ulimit name`,
            why: 'The API rejects it.',
          }),
        );
        const softP = prop(u, 'softLimit');
        const soft = num(softP?.value);
        const hard = num(child(u, 'hardLimit'));
        if (softP && soft !== undefined && hard !== undefined && soft > hard) {
          out.push(
            finding(
              this.id,
              softP.value,
              `${label}: ulimit softLimit ${soft} is above hardLimit ${hard}; Docker refuses to start the container. Make softLimit ≤ hardLimit.`,
            ),
          );
        }
        if (td.fargate && str(nameNode)?.toLowerCase() === 'nofile') {
          const over = [child(u, 'hardLimit'), softP?.value].find((n) => (num(n) ?? 0) > FARGATE_NOFILE_MAX);
          if (over)
            out.push(
              finding(
                this.id,
                over,
                `${label}: nofile limit ${num(over)} is above Fargate's maximum of ${FARGATE_NOFILE_MAX} (the Fargate default is 65535). Lower it.`,
              ),
            );
        }
      }
    });
    return out;
  },
};
