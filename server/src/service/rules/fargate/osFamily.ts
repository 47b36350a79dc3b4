import { alternatives, at } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { fargateExtra, fixable, viaNote } from '../task/common';

const FARGATE_OS = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
];
const EC2_ONLY = ['WINDOWS_SERVER_2016_FULL', 'WINDOWS_SERVER_2004_CORE', 'WINDOWS_SERVER_20H2_CORE'];
const UNVERIFIED = ['WINDOWS_SERVER_2025_FULL', 'WINDOWS_SERVER_2025_CORE'];

/** Fargate runs Linux and Windows Server 2019/2022 (Full and Core). */
export const osFamily: TaskDefRule = {
  id: 'fargate/os-family',
  scope: 'taskdef',
  severity: 'error',
  title: 'Operating system family not offered on Fargate',
  docs: {
    what: `On Fargate, \`runtimePlatform.operatingSystemFamily\` is one of ${FARGATE_OS.join(', ')}.`,
    why: `${EC2_ONLY.join(', ')} exist for EC2 only; Fargate cannot start such tasks. Windows Server 2025 on Fargate is not confirmed by the documentation (warning).`,
    fix: 'Use WINDOWS_SERVER_2022_FULL or WINDOWS_SERVER_2022_CORE (matching your image), or LINUX.',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const out: Finding[] = [];
    for (const alt of alternatives(at(td.root, 'runtimePlatform', 'operatingSystemFamily'))) {
      const v = alt.value.value;
      if (typeof v !== 'string' || !(EC2_ONLY.includes(v) || UNVERIFIED.includes(v))) continue;
      const edition = v.endsWith('_FULL') ? 'FULL' : 'CORE';
      const target = `WINDOWS_SERVER_2022_${edition}`;
      const fixes = fixable(alt) ? [fix(`Change to ${target}`, [doc.edits.replaceValue(alt.node, target)])] : [];
      if (EC2_ONLY.includes(v)) {
        out.push(
          finding(
            this.id,
            alt.node,
            `operatingSystemFamily '${v}'${viaNote(alt.via)} is available on EC2 only; Fargate runs ${FARGATE_OS.join(', ')}. Use ${target} (and a matching image).`,
            { ...fargateExtra(td), fixes },
          ),
        );
      } else if (UNVERIFIED.includes(v)) {
        out.push(
          finding(
            this.id,
            alt.node,
            `operatingSystemFamily '${v}'${viaNote(alt.via)}: Windows Server 2025 on Fargate is not confirmed by the AWS documentation this linter follows (Fargate lists 2019 and 2022). Verify it works in your region, or use ${target}.`,
            {
              ...fargateExtra(td),
              severity: 'warning',
              fixes,
            },
          ),
        );
      }
    }
    return out;
  },
};
