/**
 * Value completion: enum values from the schema, plus the Fargate-aware and document-aware lists
 * (memory for the chosen cpu and back, capabilities, log drivers, platform versions, volume and
 * container names).
 */
import { CompletionItemKind, CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { child, type AstNode } from '../documents/ast';
import { schemaAt, type JsonPath } from '../schema/navigate';
import type { SchemaKind, SchemaNode } from '../schema/schemas';
import { CAPABILITIES, cpuUnits, FARGATE_CPU_MEMORY, FARGATE_LOG_DRIVERS, memoryMiB, PLATFORM_VERSIONS } from './facts';
import { isFargateTask, scalar, taskDefView } from './view';

export interface ValueRequest {
  schema: SchemaNode;
  tree: AstNode | undefined;
  path: JsonPath;
  kind: SchemaKind;
  fargate?: boolean;
}

const str = (v: string): string => JSON.stringify(v);

function item(value: string, opts: Partial<CompletionItem> = {}, quote = true): CompletionItem {
  return {
    label: value,
    kind: CompletionItemKind.Value,
    insertText: quote ? str(value) : value,
    filterText: quote ? str(value) : value,
    ...opts,
  };
}

export function valueCompletions(req: ValueRequest): CompletionItem[] {
  const { schema, tree, path } = req;
  const view = taskDefView(tree);
  const prefix = view?.prefix ?? [];
  const rel = path.slice(0, prefix.length).every((p, i) => p === prefix[i]) ? path.slice(prefix.length) : path;
  const fargate = req.fargate ?? isFargateTask(view);
  const key = rel.map((p) => (typeof p === 'number' ? '#' : p)).join('.');
  const step = schemaAt(schema, path);

  switch (key) {
    case 'cpu':
      return cpuItems(scalar(child(view?.task, 'memory')));
    case 'memory':
      return memoryItems(scalar(child(view?.task, 'cpu')));
    case 'containerDefinitions.#.linuxParameters.capabilities.add.#':
    case 'linuxParameters.capabilities.add.#':
      return fargate
        ? [item('SYS_PTRACE', { detail: 'The only capability Fargate can add (PV 1.4.0)' })]
        : CAPABILITIES.map((c) => item(c));
    case 'containerDefinitions.#.linuxParameters.capabilities.drop.#':
    case 'linuxParameters.capabilities.drop.#':
      return CAPABILITIES.map((c) => item(c));
    case 'containerDefinitions.#.mountPoints.#.sourceVolume':
      return (view?.volumes ?? []).map((v) =>
        item(v.name, { kind: CompletionItemKind.Reference, detail: 'volume declared in this task definition' }),
      );
    case 'containerDefinitions.#.dependsOn.#.containerName':
    case 'containerDefinitions.#.volumesFrom.#.sourceContainer':
    case 'containerDefinitions.#.links.#':
    case 'proxyConfiguration.containerName':
      return containerItems(
        view?.containers ?? [],
        typeof rel[1] === 'number' && rel[0] === 'containerDefinitions' ? rel[1] : -1,
      );
    case 'platformVersion':
      return PLATFORM_VERSIONS.map((pv, i) =>
        item(pv.value, {
          detail: pv.detail,
          sortText: String(i),
          ...(pv.retired ? { tags: [CompletionItemTag.Deprecated], deprecated: true } : {}),
        }),
      );
  }
  if (key.endsWith('logConfiguration.logDriver') || key.endsWith('firelensConfiguration.options.logDriver')) {
    const drivers = step?.schema.enum ?? [];
    return drivers.map((d) => {
      const ok = FARGATE_LOG_DRIVERS.includes(d);
      return item(d, {
        sortText: `${ok ? 0 : 1}${d}`,
        detail: ok ? 'supported on Fargate' : fargate ? 'not supported on Fargate' : 'EC2 / external only',
      });
    });
  }
  if (key === 'networkMode' || key.endsWith('.networkMode')) return networkModeItems(step?.schema.enum ?? [], fargate);
  if (key === 'requiresCompatibilities.#' || key === 'launchType' || key.endsWith('.launchType')) {
    // Fargate first: this is a Fargate tool, and the order of the API's enum is alphabetical.
    return (step?.schema.enum ?? []).map((v) => item(v, { sortText: v === 'FARGATE' ? '0' : `1${v}` }));
  }
  if (step?.schema.enum) return step.schema.enum.map((v) => item(v));
  if (step?.schema.type === 'boolean')
    return ['true', 'false'].map((v) => item(v, { kind: CompletionItemKind.Keyword }, false));
  return [];
}

/** awsvpc first; the others are marked where the task runs on Fargate, which supports only awsvpc. */
function networkModeItems(modes: string[], fargate: boolean): CompletionItem[] {
  return modes.map((m) => {
    const ok = m === 'awsvpc';
    return item(m, {
      sortText: `${ok ? 0 : 1}${m}`,
      detail: ok
        ? 'the only network mode Fargate supports'
        : fargate
          ? 'not supported on Fargate'
          : 'EC2 / external only',
    });
  });
}

function cpuItems(memory: string | number | undefined): CompletionItem[] {
  const mem = memoryMiB(memory);
  return Object.entries(FARGATE_CPU_MEMORY)
    .filter(([, mems]) => mem === undefined || mems.includes(mem))
    .map(([cpu], i) =>
      item(cpu, {
        detail: `${Number(cpu) / 1024} vCPU${mem !== undefined ? ` (valid with memory ${mem})` : ''}`,
        sortText: String(i).padStart(2, '0'),
      }),
    );
}

function memoryItems(cpu: string | number | undefined): CompletionItem[] {
  const units = cpuUnits(cpu);
  const allowed = units !== undefined ? FARGATE_CPU_MEMORY[units] : undefined;
  const values = allowed ?? [...new Set(Object.values(FARGATE_CPU_MEMORY).flat())].sort((a, b) => a - b);
  return values.map((m, i) =>
    item(String(m), {
      detail: `${m / 1024} GB${allowed ? ` (valid with cpu ${units})` : ''}`,
      sortText: String(i).padStart(3, '0'),
    }),
  );
}

function containerItems(containers: { name: string; index: number }[], self: number): CompletionItem[] {
  return containers
    .filter((c) => c.index !== self)
    .map((c) => item(c.name, { kind: CompletionItemKind.Reference, detail: 'container in this task definition' }));
}
