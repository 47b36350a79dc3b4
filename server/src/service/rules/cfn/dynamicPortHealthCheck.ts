import {
  alternatives,
  child,
  isObject,
  num,
  objects,
  prop,
  str,
  type AstNode,
  type ObjectNode,
} from '../../documents/ast';
import { refTarget } from '../../shapes/cfn/normalise';
import { resourcesOf, type CfnResource } from '../../shapes/cfn/resources';
import { containerName } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import { finding, fix } from '../util';

const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/**
 * A service puts a container with a dynamic host port behind a target group whose health check uses
 * a fixed port (cfn-lint E3049). Needs the template's target group resource, so CloudFormation only.
 */
export const dynamicPortHealthCheck: LaunchRule = {
  id: 'cfn/dynamic-port-health-check',
  scope: 'launch',
  severity: 'error',
  title: "Dynamic host port needs HealthCheckPort 'traffic-port'",
  docs: {
    what: 'An `AWS::ECS::Service` registers a container whose host port is dynamic (`HostPort: 0`, or no HostPort in bridge mode) with a target group whose `HealthCheckPort` is a fixed port instead of `traffic-port`.',
    why: 'With dynamic host ports each task listens on an ephemeral port chosen at launch; the Elastic Load Balancing API (TargetGroup HealthCheckPort) defaults to `traffic-port`, "the port on which each target receives traffic from the load balancer". A fixed port probes something else (or nothing), the targets stay unhealthy and ECS keeps replacing the tasks.',
    fix: "Set the target group's `HealthCheckPort` to `traffic-port` (the default), or remove it.",
  },
  check({ launch, targets, doc }) {
    if (launch.kind !== 'cfn-service' || doc.dialect !== 'cfn' || !isObject(doc.root)) return [];
    const groups = targetGroupsOf(doc.root);
    const out: Finding[] = [];
    let tds: { containers: ObjectNode[]; networkMode?: string }[] | undefined;
    for (const lb of objects(child(launch.node, 'loadBalancers'))) {
      const group = groups.get(refTarget(child(lb, 'targetGroupArn')) ?? '');
      const hcProp = prop(group?.properties, 'HealthCheckPort');
      if (!group || !hcProp) continue;
      const fixed = alternatives(hcProp.value).filter((a) => String(a.value.value) !== 'traffic-port');
      if (fixed.length === 0) continue;
      const dynamic = dynamicPort(lb, (tds ??= targets.filter((t) => t.uri === doc.uri).map((t) => t.td)));
      if (!dynamic) continue;
      const related: RelatedLocation[] = [
        { uri: doc.uri, span: { offset: dynamic.node.offset, length: dynamic.node.length }, message: dynamic.why },
        {
          uri: doc.uri,
          span: { offset: lb.offset, length: lb.length },
          message: `load balancer entry of ${launch.label}`,
        },
      ];
      const port = fixed.map((a) => String(a.value.value)).join(' / ');
      const via = fixed[0].via ? ` (value of ${fixed[0].via})` : '';
      out.push(
        finding(
          this.id,
          hcProp.value,
          `Target group '${group.logicalId}' health-checks port ${port}${via}, but ${launch.label} registers container '${dynamic.container}' port ${dynamic.port} with a dynamic host port: the health check misses the task's ephemeral port and targets never become healthy. Use HealthCheckPort 'traffic-port'.`,
          {
            related,
            fixes:
              fixed[0].node === hcProp.value && !hcProp.value.unknown
                ? [
                    fix(
                      "Set HealthCheckPort to 'traffic-port'",
                      [doc.edits.replaceValue(hcProp.value, 'traffic-port')],
                      true,
                    ),
                  ]
                : [],
          },
        ),
      );
    }
    return out;
  },
};

/**
 * The template's target groups by logical id, listed once per parsed document: the rule runs once per
 * service, and listing every resource for each of them made a template with thousands of services
 * quadratic.
 */
const groupsByRoot = new WeakMap<ObjectNode, Map<string, CfnResource>>();
function targetGroupsOf(root: ObjectNode): Map<string, CfnResource> {
  let groups = groupsByRoot.get(root);
  if (!groups) {
    groups = new Map();
    for (const r of resourcesOf(root)) if (r.type === TARGET_GROUP) groups.set(r.logicalId, r);
    groupsByRoot.set(root, groups);
  }
  return groups;
}

/** The port mapping that gives the load-balanced container a dynamic host port, if any. */
function dynamicPort(
  lb: ObjectNode,
  tds: { containers: ObjectNode[]; networkMode?: string }[],
): { node: AstNode; container: string; port: number; why: string } | undefined {
  const name = str(child(lb, 'containerName'));
  const port = num(child(lb, 'containerPort'));
  if (name === undefined || port === undefined) return undefined;
  for (const td of tds) {
    const c = td.containers.find((x) => containerName(x) === name);
    const pm = objects(child(c, 'portMappings')).find((m) => num(child(m, 'containerPort')) === port);
    if (!c || !pm) continue;
    const host = child(pm, 'hostPort');
    if (host && num(host) === 0) return { node: host, container: name, port, why: 'HostPort 0: a dynamic host port' };
    if (!host && td.networkMode === 'bridge')
      return { node: pm, container: name, port, why: 'no HostPort in bridge mode: a dynamic host port' };
  }
  return undefined;
}
