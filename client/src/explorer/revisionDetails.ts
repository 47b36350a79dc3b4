/**
 * A task definition revision's tooltip with its details, read when the user hovers the node (VS Code's
 * resolveTreeItem): cpu/memory, containers (image, essential), network mode, compatibilities, OS and
 * architecture, registered at/by, status. The list call that made the node has none of this, and a
 * DescribeTaskDefinition per revision while listing would cost one call per row.
 */
import type { TaskDefinition } from '../aws/types';
import { formatTime, plural } from './format';
import type { NodeOf } from './nodes';
import { md, row, table } from './markdown';
import { formatCpuMemory } from './status';

const dateOf = (v: unknown): Date | string | undefined => (v instanceof Date || typeof v === 'string' ? v : undefined);

/** Containers listed in the tooltip; more are counted. */
const MAX_CONTAINERS = 10;

export function revisionTooltip(node: NodeOf<'revision'>, td: TaskDefinition): string {
  const containers = td.containerDefinitions ?? [];
  const platform = [td.runtimePlatform?.operatingSystemFamily, td.runtimePlatform?.cpuArchitecture]
    .filter(Boolean)
    .join(' / ');
  const head = table(`Task definition ${node.family}:${node.revision}`, [
    row('Status', td.status ?? node.status),
    row('CPU / memory', formatCpuMemory(td.cpu, td.memory)),
    row('Containers', plural(containers.length, 'container')),
    row('Network mode', td.networkMode),
    row('Requires', (td.requiresCompatibilities ?? []).join(', ')),
    row('Compatible with', (td.compatibilities ?? []).join(', ')),
    row('Platform', platform),
    row('Ephemeral storage', td.ephemeralStorage?.sizeInGiB ? `${td.ephemeralStorage.sizeInGiB} GiB` : undefined),
    row('Registered', formatTime(dateOf(td.registeredAt))),
    row('Registered by', typeof td.registeredBy === 'string' ? td.registeredBy : undefined),
    row('Deregistered', formatTime(dateOf(td.deregisteredAt))),
    row('ARN', node.taskDefinitionArn),
  ]);
  const lines = containers.slice(0, MAX_CONTAINERS).map((c) => {
    const image = typeof c.image === 'string' ? c.image : '';
    const essential = c.essential === false ? ' (not essential)' : '';
    return `- ${md(c.name ?? '?')}${essential}: ${md(image)}`;
  });
  if (containers.length > MAX_CONTAINERS) lines.push(`- … and ${containers.length - MAX_CONTAINERS} more`);
  return lines.length ? `${head}\n${lines.join('\n')}` : head;
}
