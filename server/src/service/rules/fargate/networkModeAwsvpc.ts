import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { NETWORK_MODES } from '../task/networkModeEnum';
import { conditional, fargateExtra, fargateWhy, fixable, missingAnchor, viaNote } from '../task/common';

const MSG = "Fargate only supports network mode 'awsvpc'.";

/** Fargate task definitions must set `networkMode: awsvpc`; omitted means `bridge`. */
export const networkModeAwsvpc: TaskDefRule = {
  id: 'fargate/network-mode-awsvpc',
  scope: 'taskdef',
  severity: 'error',
  title: "Fargate requires networkMode 'awsvpc'",
  docs: {
    what: 'A Fargate task definition sets `networkMode` to `awsvpc`.',
    why: `RegisterTaskDefinition / RunTask reject anything else: "${MSG}" When networkMode is omitted the API defaults to bridge, which Fargate does not support.`,
    fix: 'Set `"networkMode": "awsvpc"` and give the service or run-task input an awsvpc network configuration (subnets, security groups).',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const extra = fargateExtra(td);
    const p = prop(td.root, 'networkMode');
    if (!p || p.value.type === 'null') {
      const anchor = prop(td.root, 'requiresCompatibilities') ?? missingAnchor(td, doc);
      const edit = p
        ? doc.edits.replaceValue(p.value, 'awsvpc')
        : doc.edits.addProperty(td.root, doc.edits.key('networkMode'), 'awsvpc');
      return [
        finding(
          this.id,
          anchor,
          `${MSG} networkMode is ${p ? 'null' : 'omitted'}, so the API uses 'bridge'; ${fargateWhy(td)}. Add "networkMode": "awsvpc".`,
          {
            ...extra,
            fixes: [fix("Set networkMode to 'awsvpc'", [edit], true)],
          },
        ),
      ];
    }
    const out: Finding[] = [];
    const alts = alternatives(p.value);
    // A conditional value with an awsvpc alternative (`!If [IsFargate, awsvpc, bridge]`) is fine: the
    // other alternative belongs to the non-Fargate variant of the template.
    if (conditional(p.value) && alts.some((a) => a.value.value === 'awsvpc')) return [];
    for (const alt of alts) {
      const v = alt.value.value;
      // A value that is no network mode at all ('default', 'AWSVPC') is task/network-mode-enum's finding:
      // one root cause, one error.
      if (typeof v !== 'string' || v === 'awsvpc' || !(NETWORK_MODES as readonly string[]).includes(v)) continue;
      out.push(
        finding(
          this.id,
          alt.node,
          `${MSG} This task definition uses '${v}'${viaNote(alt.via)} but ${fargateWhy(td)}. Use "awsvpc" (or run it on EC2).`,
          {
            ...extra,
            fixes: fixable(alt)
              ? [fix("Set networkMode to 'awsvpc'", [doc.edits.replaceValue(alt.node, 'awsvpc')], true)]
              : [],
          },
        ),
      );
    }
    return out;
  },
};
