import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding, fix } from '../util';
import { missingAnchor } from './common';

/** Without `runtimePlatform`, Fargate runs the task as LINUX on X86_64. */
export const runtimePlatformDefault: TaskDefRule = {
  id: 'task/runtime-platform-default',
  scope: 'taskdef',
  severity: 'info',
  title: 'runtimePlatform omitted: LINUX/X86_64 implied',
  docs: {
    what: 'Notes on a Fargate task definition without `runtimePlatform` that Fargate will run it as LINUX on X86_64.',
    why: 'An image built only for ARM64 (e.g. on an Apple silicon Mac) then fails with "exec format error"; Windows images do not start at all.',
    fix: 'Nothing to do for x86-64 Linux images; otherwise set `runtimePlatform` (`cpuArchitecture: ARM64` needs platform version 1.4.0).',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.root || td.shape === 'cfn') return [];
    if (prop(td.root, 'runtimePlatform')) return [];
    const anchor = prop(td.root, 'requiresCompatibilities') ?? missingAnchor(td, doc);
    const value = { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' };
    return [
      finding(
        this.id,
        anchor,
        'No runtimePlatform: Fargate runs this task as LINUX on X86_64. If the image is built for ARM64 only (e.g. on Apple silicon) it fails with "exec format error"; set runtimePlatform to match the image.',
        {
          fixes: [
            fix('Add runtimePlatform LINUX/X86_64 explicitly', [
              doc.edits.addProperty(td.root, doc.edits.key('runtimePlatform'), value),
            ]),
          ],
        },
      ),
    ];
  },
};
