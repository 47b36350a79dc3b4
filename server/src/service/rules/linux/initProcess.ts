import { bool, child, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding, OffsetEdit } from '../../types';
import { containerLabel, finding, fix } from '../util';

/** Recommends `initProcessEnabled: true` (one note per task). */
export const initProcess: TaskDefRule = {
  id: 'linux/init-process',
  scope: 'taskdef',
  severity: 'info',
  title: 'init process not enabled',
  docs: {
    what: 'Notes, once per task definition, the containers without `linuxParameters.initProcessEnabled: true`. Not reported when a linked launch enables ECS Exec (exec/init-process covers that case).',
    why: 'Without an init process, zombie processes are never reaped and signals may not reach the application (slow or unclean stops); ECS Exec sessions leave orphaned processes.',
    fix: 'Set `"linuxParameters": {"initProcessEnabled": true}` (quick fix for all listed containers).',
  },
  check({ td, doc, launches }) {
    if (td.windows) return [];
    if (launches.some((l) => bool(l.launch.enableExecuteCommand) === true)) return [];
    const missing: string[] = [];
    const edits: OffsetEdit[] = [];
    td.containers.forEach((c, i) => {
      const lpP = prop(c, 'linuxParameters');
      const lp = lpP?.value;
      const flag = child(lp, 'initProcessEnabled');
      if (lp?.unknown || flag?.unknown || bool(flag) === true) return;
      missing.push(containerLabel(c, i).replace(/^container /, ''));
      if (flag) edits.push(doc.edits.replaceValue(flag, true));
      else if (lp && lp.type === 'object')
        edits.push(doc.edits.addProperty(lp, doc.edits.key('initProcessEnabled'), true));
      else if (lpP) edits.push(doc.edits.replaceValue(lpP.value, { initProcessEnabled: true }));
      else edits.push(doc.edits.addProperty(c, doc.edits.key('linuxParameters'), { initProcessEnabled: true }));
    });
    if (missing.length === 0) return [];
    const anchor = (td.root && prop(td.root, 'containerDefinitions')) ?? td.containersNode;
    if (!anchor) return [];
    const list =
      missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
    const out: Finding[] = [
      finding(
        this.id,
        anchor,
        `No init process for ${missing.length === 1 ? 'container' : 'containers'} ${list}: zombie processes are not reaped and signals may not reach the app. Consider "linuxParameters": {"initProcessEnabled": true}.`,
        {
          fixes: [
            fix(`Enable the init process (${missing.length} container${missing.length === 1 ? '' : 's'})`, edits),
          ],
        },
      ),
    ];
    return out;
  },
};
