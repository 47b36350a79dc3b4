import { alternatives, at, child, str } from '../../documents/ast';
import { launchIsFargate } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';

const SERVICE_KINDS = ['create-service', 'cfn-service'];

/** Fargate services, and services with an EXTERNAL or CODE_DEPLOY controller, must be REPLICA (cfn-lint E3044). */
export const schedulingStrategy: LaunchRule = {
  id: 'service/scheduling-strategy',
  scope: 'launch',
  severity: 'error',
  title: 'DAEMON scheduling on Fargate',
  docs: {
    what: 'A service that runs on Fargate, or uses the EXTERNAL or CODE_DEPLOY deployment controller, sets `schedulingStrategy: DAEMON`.',
    why: 'The DAEMON strategy places one task on every container instance, and Fargate has no container instances; the ECS API says "Tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller types don\'t support the DAEMON scheduling strategy." CreateService fails.',
    fix: 'Use `schedulingStrategy: REPLICA` (the default) with a `desiredCount`.',
  },
  check({ launch, doc }) {
    if (!SERVICE_KINDS.includes(launch.kind)) return [];
    const node = child(launch.node, 'schedulingStrategy');
    if (!node) return [];
    const fargate = launchIsFargate(launch) === true;
    const controller = str(at(launch.node, 'deploymentController', 'type'));
    const why = fargate
      ? 'runs on Fargate'
      : controller === 'EXTERNAL' || controller === 'CODE_DEPLOY'
        ? `uses the ${controller} deployment controller`
        : undefined;
    if (!why) return [];
    const out: Finding[] = [];
    for (const alt of alternatives(node)) {
      if (alt.value.value !== 'DAEMON') continue;
      const via = alt.via ? ` (a value of ${alt.via})` : '';
      const fixes =
        alt.node === alt.value
          ? [fix('Set schedulingStrategy to REPLICA', [doc.edits.replaceValue(alt.node, 'REPLICA')], true)]
          : [];
      out.push(
        finding(
          this.id,
          alt.node,
          `${launch.label} ${why}, which does not support the DAEMON scheduling strategy${via}: there are no container instances to place one task on each. Use REPLICA.`,
          { fixes },
        ),
      );
      break;
    }
    return out;
  },
};
