import { bool, child, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { dependencyEdges } from './deps';

/** A container that others wait on to COMPLETE or SUCCEED must not be essential. */
export const depCompleteNonessential: TaskDefRule = {
  id: 'dep/complete-nonessential',
  scope: 'taskdef',
  severity: 'error',
  title: 'COMPLETE/SUCCESS dependency on an essential container',
  docs: {
    what: 'A `dependsOn` with condition COMPLETE or SUCCESS points at a container that is essential (`essential` true or omitted).',
    why: 'The ECS API: "This condition can\'t be set on an essential container." An essential container that exits stops the whole task, so the dependent container would never run.',
    fix: 'Set `essential: false` on the target container (an init/migration container).',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    const reported = new Set<number>();
    for (const e of dependencyEdges(td)) {
      if (!e.to || (e.condition !== 'COMPLETE' && e.condition !== 'SUCCESS') || !e.conditionNode) continue;
      const essProp = prop(e.to, 'essential');
      const ess = essProp ? bool(essProp.value) : true;
      if (ess !== true || reported.has(e.toIndex)) continue;
      reported.add(e.toIndex);
      const edit = essProp
        ? doc.edits.replaceValue(essProp.value, false)
        : doc.edits.addProperty(e.to, 'essential', false);
      out.push(
        finding(
          this.id,
          e.conditionNode,
          `${containerLabel(e.from, e.fromIndex)} waits for '${e.target}' to ${e.condition === 'COMPLETE' ? 'complete' : 'succeed'}, but '${e.target}' is essential${essProp ? '' : ' (the default)'}: "This condition can't be set on an essential container." When it exits, the task stops. Set essential: false on '${e.target}'.`,
          {
            related: [
              {
                uri: doc.uri,
                span: essProp
                  ? { offset: essProp.value.offset, length: essProp.value.length }
                  : { offset: child(e.to, 'name')!.offset, length: child(e.to, 'name')!.length },
                message: `container '${e.target}'`,
              },
            ],
            fixes: [fix(`Set essential: false on '${e.target}'`, [edit], true)],
          },
        ),
      );
    }
    return out;
  },
};
