import { isArray, prop } from '../../documents/ast';
import type { LaunchRule } from '../types';
import { finding, fix } from '../util';

const AWS_MSG = 'Specifying both a launch type and capacity provider strategy is not supported.';

/** launchType and capacityProviderStrategy are mutually exclusive in every launch input. */
export const launchTypeAndCapacityProvider: LaunchRule = {
  id: 'service/launch-type-and-capacity-provider',
  scope: 'launch',
  severity: 'error',
  title: 'Both launchType and capacityProviderStrategy',
  docs: {
    what: 'A create-service / run-task / create-task-set input, a CloudFormation `AWS::ECS::Service` or `AWS::ECS::TaskSet`, or an Events / Scheduler / Pipes ECS target gives both `launchType` and a non-empty `capacityProviderStrategy`.',
    why: `The ECS API reference (CreateService, RunTask, CreateTaskSet): "If a capacityProviderStrategy is specified, the launchType parameter must be omitted." The call fails with "${AWS_MSG}" (reported for CloudFormation and Pulumi alike, pulumi-awsx#599). Source: ECS API Reference, CreateService / RunTask request parameters.`,
    fix: 'Keep one: remove `launchType` to use the capacity providers (FARGATE / FARGATE_SPOT), or remove the strategy to use the launch type.',
  },
  check({ launch, doc }) {
    const lt = prop(launch.node, 'launchType');
    const cps = prop(launch.node, 'capacityProviderStrategy');
    if (!lt || !cps || lt.value.type === 'null' || cps.value.type === 'null') return [];
    if (lt.value.type === 'string' && lt.value.value === '' && !lt.value.unknown) return [];
    // An empty strategy is not a strategy (the API treats [] as absent); an intrinsic one is not judged.
    if (!isArray(cps.value) || cps.value.items.length === 0) return [];
    return [
      finding(
        this.id,
        lt,
        `${launch.label} gives both launchType and capacityProviderStrategy: "${AWS_MSG}" Remove launchType to launch through the capacity providers, or remove the strategy.`,
        {
          related: [{ uri: doc.uri, span: cps.keySpan, message: 'the capacityProviderStrategy' }],
          fixes: [
            fix(`Remove ${lt.rawKey}`, [doc.edits.removeProperty(launch.node, lt)], true),
            fix(`Remove ${cps.rawKey}`, [doc.edits.removeProperty(launch.node, cps)]),
          ],
        },
      ),
    ];
  },
};
