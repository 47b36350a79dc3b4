import { alternatives } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { mountPoints } from './volumes';

const WINDOWS_ABS = /^[A-Za-z]:\\/;

/** Mount paths inside the container are absolute: `/…` on Linux, `C:\…` on Windows. */
export const mountContainerPath: TaskDefRule = {
  id: 'mount/container-path',
  scope: 'taskdef',
  severity: 'error',
  title: 'Mount point containerPath is not absolute',
  docs: {
    what: '`mountPoints[].containerPath` is an absolute path: `/data` on Linux, `C:\\data` on Windows (on the same drive as `$env:ProgramData`).',
    why: 'Docker refuses relative mount destinations, so the container fails to start; Windows containers can only mount on the drive holding `$env:ProgramData`.',
    fix: 'Write the full path, starting with `/` (Linux) or `C:\\` (Windows).',
  },
  check({ td }) {
    const out: Finding[] = [];
    const osKnown = !!td.root;
    for (const m of mountPoints(td)) {
      for (const alt of alternatives(m.containerPath)) {
        if (alt.value.type !== 'string') continue;
        const path = String(alt.value.value);
        const msg = judge(path, td.windows, osKnown);
        if (!msg) continue;
        const via = alt.via ? ` (value of ${alt.via})` : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(m.container, m.containerIndex)}: containerPath '${path}'${via} ${msg.text}`,
            msg.warn ? { severity: 'warning' } : {},
          ),
        );
      }
    }
    return out;
  },
};

function judge(path: string, windows: boolean, osKnown: boolean): { text: string; warn?: boolean } | undefined {
  if (path === '') return { text: 'is empty; give the absolute path where the volume appears in the container.' };
  if (windows) {
    if (!WINDOWS_ABS.test(path))
      return { text: 'is not an absolute Windows path; Windows containers need a path such as C:\\data.' };
    if (!/^[Cc]:/.test(path))
      return {
        text: 'is not on drive C:; Windows containers can only mount on the same drive as $env:ProgramData (normally C:).',
        warn: true,
      };
    return undefined;
  }
  if (path.startsWith('/')) return undefined;
  if (WINDOWS_ABS.test(path))
    return osKnown
      ? { text: 'is a Windows path, but this task definition runs Linux; use an absolute Linux path such as /data.' }
      : undefined;
  return {
    text: 'is not absolute; Docker refuses relative mount destinations, so the container cannot start. Start it with /.',
  };
}
