import { launchIsFargate } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import { finding, fix } from '../util';
import { platformVersions, pv14Features, viaParam } from './features';

const BELOW_14 = /^1\.[0-3]\.\d+$/;

/** The launch input pins a platform version below 1.4.0 while its task definition needs 1.4.0. */
export const featureRequires14: LaunchRule = {
  id: 'pv/feature-requires-1.4.0',
  scope: 'launch',
  severity: 'error',
  title: 'Task definition needs platform version 1.4.0',
  docs: {
    what: 'A service or run-task input pins a Fargate platform version below 1.4.0 while the task definition it launches uses a feature that needs 1.4.0 (EFS volumes, ephemeral storage, SYS_PTRACE, ARM64, pidMode task, systemControls, environmentFiles, 8/16 vCPU, ...).',
    why: '`platformVersion` is chosen by the launch, not the task definition. The "Fargate Linux platform versions" page of the Amazon ECS Developer Guide lists these features from 1.4.0 on (EFS volumes, ephemeral storage, SYS_PTRACE, secrets by JSON key, ...); on an older platform version the task fails to start or the feature is unavailable.',
    fix: 'Set `platformVersion` to `LATEST` (1.4.0 on Linux) or remove it.',
  },
  check({ launch, targets, doc }) {
    if (launchIsFargate(launch) === false) return [];
    const related: RelatedLocation[] = [];
    const names: string[] = [];
    for (const t of targets) {
      if (t.td.windows) continue;
      for (const f of pv14Features(t.td)) {
        related.push({ uri: t.uri, span: f.span, message: `${f.what} needs Fargate platform version 1.4.0` });
        names.push(f.what);
      }
    }
    if (related.length === 0) return [];
    const listed = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
    const out: Finding[] = [];
    for (const pv of platformVersions(launch.platformVersion)) {
      if (!BELOW_14.test(pv.value)) continue;
      const fixes = pv.via
        ? []
        : [
            fix('Set platformVersion to LATEST', [doc.edits.replaceValue(pv.node, 'LATEST')], true),
            fix('Set platformVersion to 1.4.0', [doc.edits.replaceValue(pv.node, '1.4.0')]),
          ];
      out.push(
        finding(
          this.id,
          pv.node,
          `Platform version ${pv.value}${viaParam(pv.via)} is too old for task definition '${targets[0].td.label}': ${listed} need${names.length === 1 ? 's' : ''} Fargate platform version 1.4.0. Set platformVersion to LATEST${pv.via ? ` (change the parameter's value)` : ''}.`,
          { related, fixes },
        ),
      );
    }
    return out;
  },
};
