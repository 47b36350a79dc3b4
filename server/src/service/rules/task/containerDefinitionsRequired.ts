import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding } from '../util';
import { missingAnchor } from './common';

/** A task definition needs a non-empty `containerDefinitions` array. */
export const containerDefinitionsRequired: TaskDefRule = {
  id: 'task/container-definitions-required',
  scope: 'taskdef',
  severity: 'error',
  title: 'containerDefinitions missing or empty',
  docs: {
    what: '`containerDefinitions` is present and lists at least one container.',
    why: 'RegisterTaskDefinition requires at least one container definition; a task without containers cannot run.',
    fix: 'Add a container definition with at least `name` and `image`.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const p = prop(td.root, 'containerDefinitions');
    if (!p)
      return [
        finding(
          this.id,
          missingAnchor(td, doc),
          'Missing required "containerDefinitions": a task definition needs at least one container (name and image).',
        ),
      ];
    const v = p.value;
    if (v.unknown) return [];
    if (v.type !== 'array')
      return [
        finding(
          this.id,
          v,
          '"containerDefinitions" must be an array of container definitions; ECS rejects the request otherwise.',
        ),
      ];
    if (v.items.length === 0)
      return [
        finding(
          this.id,
          v,
          '"containerDefinitions" is empty: a task definition needs at least one container (name and image).',
        ),
      ];
    return [];
  },
};
