import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { viaNote } from '../task/common';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Every container has a `name` of up to 255 letters, digits, hyphens and underscores. */
export const ctrName: TaskDefRule = {
  id: 'ctr/name',
  scope: 'taskdef',
  severity: 'error',
  title: 'Container name missing or invalid',
  docs: {
    what: 'Each container definition has a `name` of 1–255 letters, digits, hyphens and underscores.',
    why: 'RegisterTaskDefinition fails with "Container.name should not be null or empty." or "Container.name contains invalid characters."',
    fix: 'Give the container a name such as `web` or `log_router`.',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'name');
      if (!p || p.value.type === 'null') {
        out.push(
          finding(
            this.id,
            p ?? { offset: c.offset, length: 1 },
            `Container #${i + 1}: Container.name should not be null or empty. Add a "name" (letters, digits, - and _).`,
          ),
        );
        return;
      }
      for (const alt of alternatives(p.value)) {
        const v = alt.value.value;
        if (typeof v !== 'string' || NAME.test(v)) continue;
        const msg =
          v === ''
            ? 'Container.name should not be null or empty.'
            : v.length > 255
              ? `Container name is ${v.length} characters long (max 255).`
              : `Container.name contains invalid characters: '${v}'${viaNote(alt.via)}.`;
        out.push(finding(this.id, alt.node, `${msg} Use 1–255 letters, digits, hyphens and underscores.`));
      }
    });
    return out;
  },
};
