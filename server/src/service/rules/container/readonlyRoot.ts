import { bool, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

/** Containers without a read-only root file system (Security Hub ECS.5). */
export const readonlyRoot: TaskDefRule = {
  id: 'ctr/readonly-root',
  scope: 'taskdef',
  severity: 'info',
  title: 'Root file system is writable',
  docs: {
    what: 'Notes containers whose `readonlyRootFilesystem` is not true. Not reported when a linked service or run-task input enables ECS Exec, whose agent needs a writable root (exec/readonly-root).',
    why: "A read-only root file system stops an attacker or a bug from modifying the container's binaries and configuration (Security Hub ECS.5, AWS Config ecs-containers-readonly-access).",
    fix: 'Set `"readonlyRootFilesystem": true` and mount volumes for the paths the application writes (e.g. /tmp). Leave it off for containers you want to reach with ECS Exec.',
  },
  check({ td, doc, launches }) {
    if (td.windows) return [];
    // ECS Exec's agent writes to the root file system; exec/readonly-root reports the opposite advice.
    if (launches.some((l) => bool(l.launch.enableExecuteCommand) === true)) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'readonlyRootFilesystem');
      if (p && (p.value.unknown || bool(p.value) === true)) return;
      const anchor = p?.value ?? prop(c, 'name')?.value ?? { offset: c.offset, length: 1 };
      const edit = p
        ? doc.edits.replaceValue(p.value, true)
        : doc.edits.addProperty(c, doc.edits.key('readonlyRootFilesystem'), true);
      out.push(
        finding(
          this.id,
          anchor,
          `${containerLabel(c, i)}: the root file system is writable. Consider "readonlyRootFilesystem": true with volumes for the paths the app writes (Security Hub ECS.5); not with ECS Exec, whose agent needs to write.`,
          {
            fixes: [fix('Set readonlyRootFilesystem to true', [edit])],
          },
        ),
      );
    });
    return out;
  },
};
