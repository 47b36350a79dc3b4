import { child, objects, str, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, lineOf } from '../util';
import { used } from '../task/common';

const IPC = [
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
];

function namespaced(ns: string): boolean {
  return IPC.includes(ns) || ns.startsWith('fs.mqueue.') || ns.startsWith('net.');
}

/** `systemControls` only set namespaced sysctls; with awsvpc they are task-wide and must agree. */
export const sysctlNamespaces: TaskDefRule = {
  id: 'sysctl/namespaces',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid or conflicting systemControls',
  docs: {
    what: '`systemControls[].namespace` is a namespaced kernel parameter: IPC (`kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`, `kernel.sem`, `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`, `kernel.shm_rmid_forced`, `fs.mqueue.*`) or network (`net.*`). Windows tasks do not support systemControls. With awsvpc, containers do not set one parameter to different values.',
    why: 'Docker only allows namespaced sysctls in a container; others are rejected at start. In awsvpc tasks the network namespace is shared, so the last container to start wins (warning).',
    fix: 'Use a namespaced parameter; set a shared net.* value in one container only.',
  },
  needs: { container: ['systemControls'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    const values = new Map<string, { value: string; node: AstNode }>();
    td.containers.forEach((c, i) => {
      const label = containerLabel(c, i);
      if (td.windows) {
        const p = used(c, 'systemControls');
        if (p)
          out.push(
            finding(this.id, p, `${label}: systemControls are not supported for Windows containers. Remove them.`),
          );
        return;
      }
      for (const s of objects(child(c, 'systemControls'))) {
        const nsNode = child(s, 'namespace');
        const ns = str(nsNode);
        if (!nsNode || ns === undefined) continue;
        if (!namespaced(ns)) {
          out.push(
            finding(
              this.id,
              nsNode,
              `${label}: sysctl '${ns}' is not namespaced; containers may set only IPC parameters (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*) and net.*. The container will not start.`,
            ),
          );
          continue;
        }
        const v = str(child(s, 'value'));
        if (td.networkMode !== 'awsvpc' || !ns.startsWith('net.') || v === undefined) continue;
        const prev = values.get(ns);
        if (prev && prev.value !== v) {
          out.push(
            finding(
              this.id,
              nsNode,
              `${label}: ${ns} = ${v} conflicts with ${prev.value} set on line ${lineOf(doc, prev.node.offset)}; with awsvpc the network namespace is shared by the task, so only one value takes effect. Set it in one container.`,
              {
                severity: 'warning',
                related: [
                  {
                    uri: doc.uri,
                    span: { offset: prev.node.offset, length: prev.node.length },
                    message: `${ns} = ${prev.value}`,
                  },
                ],
              },
            ),
          );
        } else if (!prev) values.set(ns, { value: v, node: nsNode });
      }
    });
    return out;
  },
};
