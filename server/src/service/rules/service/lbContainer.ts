import { alternatives, child, isArray, num, objects, prop, str, type ObjectNode } from '../../documents/ast';
import { containerName, type TaskDefModel } from '../../shapes/model';
import type { LaunchRule, LinkedTaskDef } from '../types';
import type { Finding } from '../../types';
import { closest, finding, fix } from '../util';
import { someNameUnknown, viaNote } from '../task/common';
import { serviceConnectFindings, serviceRegistryFindings } from './launchNames';

const KINDS = ['create-service', 'update-service', 'cfn-service', 'cfn-taskset'];

/** A service's load balancer must point at a container of its task definition, on a port it maps. */
export const lbContainer: LaunchRule = {
  id: 'service/lb-container',
  scope: 'launch',
  severity: 'error',
  title: 'Container, port or port name of a service not in the task definition',
  docs: {
    what: '`loadBalancers[].containerName` / `containerPort` of a service or task set (CloudFormation `LoadBalancers`) names a container the linked task definition does not have, or a port that container does not map; likewise `serviceRegistries[].containerName` / `containerPort` (Cloud Map), and a Service Connect `services[].portName` that is not the `name` of a port mapping of the task definition (the reverse of `port/name`).',
    why: 'The ECS API (LoadBalancer.containerPort): "This port must correspond to a containerPort in the task definition the tasks in the service are using." CreateService / UpdateService fail with "The container web does not exist in the task definition." or "The container web did not have a container port 8080 defined." (reported in ufo#114, terraform-provider-aws#2888 and pulumi-aws#3095). ServiceConnectService.portName: "The portName must match the name of one of the portMappings from all the containers in the task definition of this Amazon ECS service." ServiceRegistry.containerName: the container name "is already specified in the task definition"; with bridge or host networking "you must specify a containerName and containerPort combination from the task definition".',
    fix: 'Use the name of the container that serves the traffic and one of its `portMappings[].containerPort` values.',
  },
  check({ launch, targets, doc }) {
    if (!KINDS.includes(launch.kind) || targets.length === 0) return [];
    if (targets.some((t) => someNameUnknown(t.td))) return [];
    const out: Finding[] = [];
    for (const lb of objects(child(launch.node, 'loadBalancers'))) {
      const nameNode = child(lb, 'containerName');
      const name = str(nameNode);
      if (!nameNode || name === undefined) continue;
      const found = targets.map((t) => ({ t, c: t.td.containers.find((c) => containerName(c) === name) }));
      if (found.every((f) => !f.c)) {
        const names = [...new Set(targets.flatMap((t) => t.td.containers.map((c) => containerName(c)!)))];
        const near = closest(name, names);
        out.push(
          finding(
            this.id,
            nameNode,
            `${launch.label}: "The container ${name} does not exist in the task definition." Task definition '${targets[0].td.label}' has ${names.length ? names.map((n) => `'${n}'`).join(', ') : 'no containers'}.${near ? ` Did you mean '${near}'?` : ''}`,
            {
              related: related(targets[0]),
              fixes:
                near && nameNode.type === 'string'
                  ? [fix(`Change to '${near}'`, [doc.edits.replaceValue(nameNode, near)], true)]
                  : [],
            },
          ),
        );
        continue;
      }
      const portNode = child(lb, 'containerPort');
      for (const alt of alternatives(portNode)) {
        const port = num(alt.value);
        if (port === undefined) continue;
        const withC = found.filter((f) => f.c);
        const ports = withC.map((f) => mappedPorts(f.c!));
        if (ports.some((p) => p === undefined || p.includes(port))) continue;
        const listed = [...new Set(ports.flatMap((p) => p!))];
        out.push(
          finding(
            this.id,
            alt.node,
            `${launch.label}: "The container ${name} did not have a container port ${port} defined."${viaNote(alt.via)} Its portMappings map ${listed.length ? listed.join(', ') : 'no port'}; use one of them or add a port mapping for ${port}.`,
            {
              related: related(withC[0].t, prop(withC[0].c, 'portMappings')?.keySpan),
              fixes:
                listed.length === 1 && alt.node === alt.value
                  ? [
                      fix(
                        `Change to ${listed[0]}`,
                        [
                          doc.edits.replaceValue(
                            alt.node,
                            typeof alt.value.value === 'string' ? String(listed[0]) : listed[0],
                          ),
                        ],
                        true,
                      ),
                    ]
                  : [],
            },
          ),
        );
        break;
      }
    }
    out.push(...serviceConnectFindings(launch, targets, doc), ...serviceRegistryFindings(launch, targets));
    return out;
  },
};

/** The container's mapped containerPorts; undefined when any is unknown (or a port range is mapped). */
function mappedPorts(c: ObjectNode): number[] | undefined {
  const pm = prop(c, 'portMappings');
  if (!pm) return [];
  if (!isArray(pm.value)) return pm.value.type === 'null' ? [] : undefined;
  const out: number[] = [];
  for (const m of pm.value.items) {
    if (m.type !== 'object' || m.unknown) return undefined;
    if (child(m, 'containerPortRange')) return undefined;
    const p = num(child(m, 'containerPort'));
    if (p === undefined) return undefined;
    out.push(p);
  }
  return out;
}

function related(t: LinkedTaskDef, span?: { offset: number; length: number }) {
  return [{ uri: t.uri, span: span ?? spanOfTd(t.td), message: `task definition '${t.td.label}'` }];
}

function spanOfTd(td: TaskDefModel) {
  const p = td.root ? prop(td.root, 'containerDefinitions') : undefined;
  return p ? p.keySpan : td.span;
}
