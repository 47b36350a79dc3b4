/**
 * Names a service input takes from its task definition besides its load balancers (lbContainer.ts):
 * Service Connect `portName`s and Cloud Map `serviceRegistries` containers. The reverse direction of
 * `port/name` and of the container checks: the task definition may be right on its own, and the service
 * still fail to deploy because it names a port mapping or container the task definition lacks.
 */
import { alternatives, child, num, objects, str, type ObjectNode } from '../../documents/ast';
import { containerName } from '../../shapes/model';
import type { LinkedTaskDef } from '../types';
import type { Finding } from '../../types';
import type { DocumentModel } from '../../shapes/document';
import { closest, finding, fix } from '../util';

const ID = 'service/lb-container';

/** Port mapping names of a task definition; undefined when any name is not known offline. */
function portNames(t: LinkedTaskDef): string[] | undefined {
  const out: string[] = [];
  for (const c of t.td.containers) {
    const pm = child(c, 'portMappings');
    if (pm && (pm.unknown || (pm.type !== 'array' && pm.type !== 'null'))) return undefined;
    if (pm?.type === 'array' && pm.items.some((m) => m.type !== 'object' || m.unknown)) return undefined;
    for (const m of objects(pm)) {
      const n = child(m, 'name');
      if (!n) continue;
      const s = str(n);
      if (s === undefined || n.unknown) return undefined;
      out.push(s);
    }
  }
  return out;
}

/**
 * `serviceConnectConfiguration.services[].portName` must name a port mapping of the task definition
 * (ECS API ServiceConnectService.portName: "The portName must match the name of one of the portMappings
 * from all the containers in the task definition of this Amazon ECS service.").
 */
export function serviceConnectFindings(
  launch: { node: ObjectNode; label: string },
  targets: readonly LinkedTaskDef[],
  doc: DocumentModel,
): Finding[] {
  const sc = child(launch.node, 'serviceConnectConfiguration');
  const services = objects(child(sc, 'services'));
  if (services.length === 0) return [];
  const perTarget = targets.map(portNames);
  if (perTarget.some((n) => n === undefined)) return [];
  const names = [...new Set(perTarget.flatMap((n) => n!))];
  const out: Finding[] = [];
  for (const s of services) {
    for (const alt of alternatives(child(s, 'portName'))) {
      const v = alt.value.value;
      if (typeof v !== 'string' || perTarget.some((n) => n!.includes(v))) continue;
      const near = closest(v, names);
      out.push(
        finding(
          ID,
          alt.node,
          `${launch.label}: Service Connect portName '${v}' is not the name of a port mapping in task definition '${targets[0].td.label}' (${names.length ? `it names ${names.map((n) => `'${n}'`).join(', ')}` : 'none of its port mappings has a name'}). "The portName must match the name of one of the portMappings" (ECS API), so the service fails to deploy.${near ? ` Did you mean '${near}'?` : ''}`,
          {
            related: [
              { uri: targets[0].uri, span: targets[0].td.span, message: `task definition '${targets[0].td.label}'` },
            ],
            fixes:
              near && alt.node === alt.value
                ? [fix(`Change to '${near}'`, [doc.edits.replaceValue(alt.node, near)], true)]
                : [],
          },
        ),
      );
    }
  }
  return out;
}

/**
 * `serviceRegistries[].containerName` (with `containerPort`) must name a container of the task definition
 * that maps that port (ECS API ServiceRegistry.containerName: "It's already specified in the task
 * definition"; containerPort: "the containerName and containerPort combination from the task definition").
 */
export function serviceRegistryFindings(
  launch: { node: ObjectNode; label: string },
  targets: readonly LinkedTaskDef[],
): Finding[] {
  const out: Finding[] = [];
  for (const r of objects(child(launch.node, 'serviceRegistries'))) {
    const nameNode = child(r, 'containerName');
    const name = str(nameNode);
    if (!nameNode || name === undefined || nameNode.unknown) continue;
    const found = targets.map((t) => t.td.containers.find((c) => containerName(c) === name));
    if (found.every((c) => !c)) {
      const names = [...new Set(targets.flatMap((t) => t.td.containers.map((c) => containerName(c)!)))];
      out.push(
        finding(
          ID,
          nameNode,
          `${launch.label}: serviceRegistries names container '${name}', which task definition '${targets[0].td.label}' does not have (${names.map((n) => `'${n}'`).join(', ') || 'no containers'}); the Cloud Map registration takes its address from that container.`,
          {
            related: [
              { uri: targets[0].uri, span: targets[0].td.span, message: `task definition '${targets[0].td.label}'` },
            ],
          },
        ),
      );
      continue;
    }
    const port = num(child(r, 'containerPort'));
    if (port === undefined) continue;
    const mapped = found.filter((c) => c).map((c) => mappedOrUnknown(c!));
    if (mapped.some((p) => p === undefined || p.includes(port))) continue;
    out.push(
      finding(
        ID,
        child(r, 'containerPort')!,
        `${launch.label}: serviceRegistries gives containerPort ${port} for container '${name}', which maps ${[...new Set(mapped.flatMap((p) => p!))].join(', ') || 'no port'}; the containerName and containerPort must be a combination from the task definition.`,
      ),
    );
  }
  return out;
}

function mappedOrUnknown(c: ObjectNode): number[] | undefined {
  const out: number[] = [];
  for (const m of objects(child(c, 'portMappings'))) {
    if (m.unknown || child(m, 'containerPortRange')) return undefined;
    const p = num(child(m, 'containerPort'));
    if (p === undefined) return undefined;
    out.push(p);
  }
  return out;
}
