import { alternatives, bool, child, isObject, prop, str, type Property } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { containersFullyKnown, logConfigs } from './logConfigs';

const TYPES = ['fluentbit', 'fluentd'];
const NO_USER_MSG =
  'When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.';

/** Containers logging through awsfirelens need exactly one log-router container (type fluentbit or fluentd). */
export const firelensRouterPresent: TaskDefRule = {
  id: 'firelens/router-present',
  scope: 'taskdef',
  severity: 'error',
  title: 'FireLens log router missing or duplicated',
  docs: {
    what: 'When a container uses the `awsfirelens` log driver, exactly one container has `firelensConfiguration` with type `fluentbit` or `fluentd`; that router should be essential. The other direction too: a log router with no container using `awsfirelens`.',
    why: `awsfirelens sends logs to the task's log router container; without one ECS rejects the task definition, with two it cannot choose. A router nobody logs through is rejected as well: "${NO_USER_MSG}" (RegisterTaskDefinition). If the router is not essential and stops, logs are lost silently (info).`,
    fix: 'Add a log-router container (e.g. the AWS for Fluent Bit image) with `firelensConfiguration: { "type": "fluentbit" }`, or use another log driver; for a router without users, set `logDriver: awsfirelens` on the containers whose logs it should route, or remove its firelensConfiguration.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    const routers: { p: Property; i: number }[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'firelensConfiguration');
      if (p && p.value.type !== 'null') routers.push({ p, i });
    });
    for (const { p, i } of routers) {
      for (const alt of alternatives(child(p.value, 'type'))) {
        const v = String(alt.value.value);
        if (TYPES.includes(v)) continue;
        const lower = v.toLowerCase().replace(/[-_ ]/g, '');
        const fixable = alt.node === alt.value && TYPES.includes(lower);
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(td.containers[i], i)}: firelensConfiguration type '${v}' is not valid; use fluentbit or fluentd.`,
            {
              fixes: fixable ? [fix(`Change to ${lower}`, [doc.edits.replaceValue(alt.node, lower)], true)] : [],
            },
          ),
        );
      }
    }
    if (routers.length > 1) {
      for (const r of routers.slice(1))
        out.push(
          finding(
            this.id,
            r.p,
            `${containerLabel(td.containers[r.i], r.i)} is a second FireLens log router; a task definition can have only one container with firelensConfiguration.`,
          ),
        );
    }
    const users = logConfigs(td).filter((lc) => lc.driver === 'awsfirelens');
    if (users.length > 0 && routers.length === 0 && containersFullyKnown(td)) {
      const u = users[0];
      out.push(
        finding(
          this.id,
          u.driverNode!,
          `${containerLabel(u.container, u.containerIndex)} logs with awsfirelens, but no container is a FireLens log router (firelensConfiguration); ECS rejects the task definition. Add a Fluent Bit container with firelensConfiguration { "type": "fluentbit" }.`,
        ),
      );
    }
    if (routers.length === 1 && users.length === 0 && logDriversKnown(td)) {
      const { p, i } = routers[0];
      out.push(
        finding(
          this.id,
          p,
          `${containerLabel(td.containers[i], i)} is a FireLens log router, but no container logs through it: "${NO_USER_MSG}" Set logConfiguration.logDriver to awsfirelens on the containers whose logs it routes, or remove firelensConfiguration.`,
        ),
      );
    }
    if (routers.length === 1) {
      const { i } = routers[0];
      const ess = child(td.containers[i], 'essential');
      if (ess && bool(ess) === false) {
        out.push(
          finding(
            this.id,
            ess,
            `${containerLabel(td.containers[i], i)} is the FireLens log router but is not essential; if it stops, the other containers keep running and their logs are lost. Consider essential: true.`,
            {
              severity: 'info',
              fixes: [fix('Make the log router essential', [doc.edits.replaceValue(ess, true)])],
            },
          ),
        );
      }
    }
    return out;
  },
};

/** Every container's log driver is known: absent, or a literal (none computed by a template or an intrinsic). */
function logDriversKnown(td: TaskDefModel): boolean {
  if (!containersFullyKnown(td)) return false;
  return td.containers.every((c) => {
    const lc = prop(c, 'logConfiguration');
    if (!lc || lc.value.type === 'null') return true;
    if (!isObject(lc.value)) return false;
    const d = child(lc.value, 'logDriver');
    return !d || str(d) !== undefined;
  });
}
