import { alternatives, at, child, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { efsVolumes } from './efsVolumes';

const VALUES = ['ENABLED', 'DISABLED'];

/** `transitEncryption` and `authorizationConfig.iam` take ENABLED or DISABLED, upper case. */
export const efsEnum: TaskDefRule = {
  id: 'efs/enum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid EFS ENABLED/DISABLED value',
  docs: {
    what: '`efsVolumeConfiguration.transitEncryption` and `authorizationConfig.iam` are `ENABLED` or `DISABLED`.',
    why: 'These are API enumerations (EFSTransitEncryption, EFSAuthorizationConfigIAM); RegisterTaskDefinition rejects other values, including lower case.',
    fix: 'Write `ENABLED` or `DISABLED` in upper case.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      const fields: [string, AstNode | undefined][] = [
        ['transitEncryption', child(e.efs, 'transitEncryption')],
        ['authorizationConfig.iam', at(e.efs, 'authorizationConfig', 'iam')],
      ];
      for (const [name, node] of fields) {
        for (const alt of alternatives(node)) {
          if (alt.value.type === 'null') continue;
          const v = String(alt.value.value);
          if (alt.value.type === 'string' && VALUES.includes(v)) continue;
          if (alt.value.type === 'boolean') continue; // the schema reports the wrong type
          const upper = typeof alt.value.value === 'string' ? v.toUpperCase() : '';
          const direct = !alt.via && alt.node === alt.value;
          const via = alt.via ? ` (a value of ${alt.via})` : '';
          out.push(
            finding(
              this.id,
              alt.node,
              `${e.label}: ${name} '${v}'${via} is not valid; use ENABLED or DISABLED (upper case).`,
              {
                fixes:
                  direct && VALUES.includes(upper)
                    ? [fix(`Change to ${upper}`, [doc.edits.replaceValue(alt.node, upper)], true)]
                    : [],
              },
            ),
          );
        }
      }
    }
    return out;
  },
};
