import { str } from '../../documents/ast';
import { launchIsFargate } from '../../shapes/model';
import type { TaskDefRule } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import { RETIRED_LINUX } from '../pv/features';
import { containerLabel, finding } from '../util';
import { parseRef, secretRefs } from './refs';

/** The Secrets Manager JSON-key/version form needs Fargate Linux platform version 1.4.0. */
export const smJsonKeyPv: TaskDefRule = {
  id: 'secret/sm-json-key-pv',
  scope: 'taskdef',
  severity: 'error',
  title: 'Secrets Manager JSON key needs platform version 1.4.0',
  docs: {
    what: 'A Secrets Manager `valueFrom` with a JSON key or version is used by a task definition that a service or run-task input launches on Fargate Linux below platform version 1.4.0.',
    why: 'Fargate Linux supports JSON keys and versions in secret references only from platform version 1.4.0 (Windows 1.0.0 supports them); older platform versions fail to resolve the secret.',
    fix: 'Launch with platformVersion `LATEST` or `1.4.0`, or reference the whole secret.',
  },
  check({ td, launches }) {
    if (td.windows) return [];
    const old = launches.filter((l) => {
      const pv = str(l.launch.platformVersion);
      return pv !== undefined && RETIRED_LINUX.includes(pv) && launchIsFargate(l.launch) !== false;
    });
    if (old.length === 0) return [];
    const related: RelatedLocation[] = old.map((l) => ({
      uri: l.uri,
      span: { offset: l.launch.platformVersion!.offset, length: l.launch.platformVersion!.length },
      message: `${l.launch.label} sets platformVersion ${str(l.launch.platformVersion)}`,
    }));
    const out: Finding[] = [];
    for (const r of secretRefs(td)) {
      const v = str(r.valueFrom);
      if (!r.valueFrom || v === undefined) continue;
      const p = parseRef(v);
      if (p.kind !== 'secretsmanager' || p.rest.length === 0) continue;
      out.push(
        finding(
          this.id,
          r.valueFrom,
          `${containerLabel(r.container, r.containerIndex)} secret '${str(r.name) ?? '?'}' selects a JSON key or version, which Fargate Linux supports only from platform version 1.4.0, but ${old[0].launch.label} launches it on ${str(old[0].launch.platformVersion)}. Use platformVersion LATEST there.`,
          { related },
        ),
      );
    }
    return out;
  },
};
