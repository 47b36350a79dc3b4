import { alternatives } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { closest, containerLabel, finding, fix } from '../util';
import { LOG_DRIVERS, logConfigs } from './logConfigs';

/** `logDriver` is one of the drivers ECS knows. */
export const logDriverEnum: TaskDefRule = {
  id: 'log/driver-enum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Unknown log driver',
  docs: {
    what: '`logConfiguration.logDriver` is one of awsfirelens, awslogs, fluentd, gelf, journald, json-file, splunk, syslog.',
    why: 'These are the values of the API enumeration LogDriver; RegisterTaskDefinition rejects others (custom drivers are not supported).',
    fix: 'Use one of the listed drivers (lower case); on Fargate: awslogs, splunk or awsfirelens.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const lc of logConfigs(td)) {
      for (const alt of alternatives(lc.driverNode)) {
        const v = String(alt.value.value);
        if (alt.value.type !== 'string' || LOG_DRIVERS.includes(v)) continue;
        const near = LOG_DRIVERS.find((d) => d === v.toLowerCase()) ?? closest(v, LOG_DRIVERS, 2);
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(lc.container, lc.containerIndex)}: log driver '${v}'${via} is not supported; ECS accepts ${LOG_DRIVERS.join(', ')}.${near ? ` Did you mean '${near}'?` : ''}`,
            {
              fixes:
                near && alt.node === alt.value
                  ? [fix(`Change to ${near}`, [doc.edits.replaceValue(alt.node, near)], true)]
                  : [],
            },
          ),
        );
      }
    }
    return out;
  },
};
