import { child, objects, str, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, lineOf } from '../util';

/** Environment variable names are unique, and not also given as secrets. */
export const envDup: TaskDefRule = {
  id: 'ctr/env-dup',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Duplicate environment variable',
  docs: {
    what: 'A container does not define the same variable twice in `environment`, nor in both `environment` and `secrets`.',
    why: 'Only one value wins (which one is not documented); the other is silently ignored, which usually hides a mistake.',
    fix: 'Keep one definition; secrets belong only in `secrets`.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const seen = new Map<string, AstNode>();
      for (const e of objects(child(c, 'environment'))) {
        const node = child(e, 'name');
        const name = str(node);
        if (!node || name === undefined) continue;
        const first = seen.get(name);
        if (first) {
          out.push(
            finding(
              this.id,
              node,
              `${containerLabel(c, i)}: environment variable ${name} is defined twice (first on line ${lineOf(doc, first.offset)}); only one value takes effect. Remove one.`,
              {
                related: [
                  {
                    uri: doc.uri,
                    span: { offset: first.offset, length: first.length },
                    message: `first definition of ${name}`,
                  },
                ],
              },
            ),
          );
        } else seen.set(name, node);
      }
      for (const s of objects(child(c, 'secrets'))) {
        const node = child(s, 'name');
        const name = str(node);
        const env = name !== undefined ? seen.get(name) : undefined;
        if (!node || !env) continue;
        out.push(
          finding(
            this.id,
            env,
            `${containerLabel(c, i)}: ${name} is set both in environment and in secrets (line ${lineOf(doc, node.offset)}); only one value takes effect. Keep the secret and remove the plain variable.`,
            {
              related: [
                { uri: doc.uri, span: { offset: node.offset, length: node.length }, message: `secret ${name}` },
              ],
            },
          ),
        );
      }
    });
    return out;
  },
};
