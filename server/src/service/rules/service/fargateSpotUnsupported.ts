import { alternatives, child, objects, prop } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { viaNote } from '../task/common';

/** Fargate Spot runs Linux tasks only. */
export const fargateSpotUnsupported: LaunchRule = {
  id: 'service/fargate-spot-unsupported',
  scope: 'launch',
  severity: 'error',
  title: 'FARGATE_SPOT for a task definition Fargate Spot cannot run',
  docs: {
    what: 'A capacity provider strategy entry names `FARGATE_SPOT` for a task definition that runs Windows containers (`runtimePlatform.operatingSystemFamily` WINDOWS_*).',
    why: 'The Fargate capacity providers page (Amazon ECS Developer Guide, "Amazon ECS clusters for Fargate"): "Windows containers on Fargate don\'t support the Fargate Spot capacity provider." The Windows-on-Fargate considerations list Fargate Spot as unsupported too. The launch fails; no task is placed.',
    fix: 'Use the `FARGATE` capacity provider (or `launchType: FARGATE`) for Windows tasks.',
  },
  check({ launch, targets }) {
    const windows = targets.filter((t) => t.td.windows);
    if (windows.length === 0 || windows.length !== targets.length) return [];
    const out: Finding[] = [];
    for (const entry of objects(launch.capacityProviderStrategy)) {
      const cp = child(entry, 'capacityProvider');
      for (const alt of alternatives(cp)) {
        if (alt.value.value !== 'FARGATE_SPOT') continue;
        const t = windows[0];
        const rp = t.td.root ? prop(t.td.root, 'runtimePlatform') : undefined;
        out.push(
          finding(
            this.id,
            alt.node,
            `${launch.label} uses the FARGATE_SPOT capacity provider${viaNote(alt.via)}, but task definition '${t.td.label}' runs Windows containers: "Windows containers on Fargate don't support the Fargate Spot capacity provider." Use FARGATE.`,
            {
              related: [
                {
                  uri: t.uri,
                  span: rp ? rp.keySpan : t.td.span,
                  message: `runtimePlatform of task definition '${t.td.label}'`,
                },
              ],
            },
          ),
        );
        break;
      }
    }
    return out;
  },
};
