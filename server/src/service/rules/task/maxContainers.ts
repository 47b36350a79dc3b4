import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding } from '../util';

/** ECS quota: at most 10 containers per task definition. */
export const MAX_CONTAINERS = 10;

export const maxContainers: TaskDefRule = {
  id: 'task/max-containers',
  scope: 'taskdef',
  severity: 'error',
  title: 'Too many containers',
  docs: {
    what: `A task definition has at most ${MAX_CONTAINERS} container definitions.`,
    why: `The Amazon ECS service quota "Containers per task definition" is ${MAX_CONTAINERS}; RegisterTaskDefinition rejects more.`,
    fix: 'Split the task into several task definitions (e.g. separate services), or merge sidecars.',
  },
  check({ td }) {
    if (td.containers.length <= MAX_CONTAINERS) return [];
    const p = td.root ? prop(td.root, 'containerDefinitions') : undefined;
    const extra = td.containers[MAX_CONTAINERS];
    return [
      finding(
        this.id,
        p ?? extra,
        `${td.containers.length} container definitions: ECS allows at most ${MAX_CONTAINERS} per task definition (service quota "Containers per task definition"). Split the task or merge containers.`,
      ),
    ];
  },
};
