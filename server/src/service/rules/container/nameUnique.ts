import { child, str, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, lineOf } from '../util';

/** Container names are unique within a task definition. */
export const nameUnique: TaskDefRule = {
  id: 'ctr/name-unique',
  scope: 'taskdef',
  severity: 'error',
  title: 'Duplicate container name',
  docs: {
    what: 'No two container definitions share a `name`.',
    why: 'RegisterTaskDefinition fails with "Container names must be unique within a Task Definition."; dependsOn, links, load balancers and logs address containers by name.',
    fix: 'Rename one of the containers.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    const seen = new Map<string, AstNode>();
    for (const c of td.containers) {
      const node = child(c, 'name');
      const name = str(node);
      if (!node || name === undefined || name === '') continue;
      const first = seen.get(name);
      if (!first) {
        seen.set(name, node);
        continue;
      }
      out.push(
        finding(
          this.id,
          node,
          `Container names must be unique within a Task Definition: '${name}' is already used on line ${lineOf(doc, first.offset)}. Rename one of them.`,
          {
            related: [
              {
                uri: doc.uri,
                span: { offset: first.offset, length: first.length },
                message: `first container named '${name}'`,
              },
            ],
          },
        ),
      );
    }
    return out;
  },
};
