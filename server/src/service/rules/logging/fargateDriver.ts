import { alternatives } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { fargateReason } from '../volume/fargateReason';
import { FARGATE_LOG_DRIVERS, LOG_DRIVERS, logConfigs } from './logConfigs';

/** Fargate supports only the awslogs, splunk and awsfirelens log drivers (cfn-lint E3048/E3713). */
export const logFargateDriver: TaskDefRule = {
  id: 'log/fargate-driver',
  scope: 'taskdef',
  severity: 'error',
  title: 'Log driver not supported on Fargate',
  docs: {
    what: 'A Fargate task definition uses a log driver other than awslogs, splunk or awsfirelens.',
    why: 'The ECS API: "For tasks on Fargate, the supported log drivers are awslogs, splunk, and awsfirelens." Other drivers (json-file, syslog, fluentd, gelf, journald) need a container instance.',
    fix: 'Use `awslogs` (CloudWatch Logs), or `awsfirelens` to route logs to Fluent Bit / Fluentd.',
  },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    for (const lc of logConfigs(td)) {
      for (const alt of alternatives(lc.driverNode)) {
        const v = String(alt.value.value);
        if (alt.value.type !== 'string' || FARGATE_LOG_DRIVERS.includes(v) || !LOG_DRIVERS.includes(v)) continue;
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(lc.container, lc.containerIndex)}: log driver '${v}'${via} is not supported on Fargate${fargateReason(td)}; "For tasks on Fargate, the supported log drivers are awslogs, splunk, and awsfirelens." Use awslogs, or awsfirelens to reach ${v === 'fluentd' ? 'Fluentd' : 'other destinations'}.`,
            {
              fixes:
                v === 'fluentd' && alt.node === alt.value
                  ? [fix('Change to awsfirelens', [doc.edits.replaceValue(alt.node, 'awsfirelens')])]
                  : [],
            },
          ),
        );
      }
    }
    return out;
  },
};
