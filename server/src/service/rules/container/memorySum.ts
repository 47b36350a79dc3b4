import { child, num, prop, type AstNode, type ObjectNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import type { DocumentModel } from '../../shapes/document';
import type { TaskDefModel } from '../../shapes/model';
import { containerLabel, finding } from '../util';
import { memoryAlternatives, single } from '../fargate/taskSize';

interface Sum {
  total: number;
  related: RelatedLocation[];
}

/** Sums a per-container figure; `pick` returns the node counted for a container (or none). */
function sum(
  td: TaskDefModel,
  doc: DocumentModel,
  label: string,
  pick: (c: TaskDefModel['containers'][number]) => AstNode | undefined,
): Sum {
  const out: Sum = { total: 0, related: [] };
  td.containers.forEach((c, i) => {
    const node = pick(c);
    const v = num(node);
    if (!node || v === undefined) return;
    out.total += v;
    out.related.push({
      uri: doc.uri,
      span: { offset: node.offset, length: node.length },
      message: `${containerLabel(c, i)}: ${label} ${v} MiB`,
    });
  });
  return out;
}

const reservedOf = (c: ObjectNode): AstNode | undefined => child(c, 'memoryReservation') ?? child(c, 'memory');
const hardOf = (c: ObjectNode): AstNode | undefined => child(c, 'memory');

/** sum()'s total alone (no related locations): whether there is anything to report. */
function total(td: TaskDefModel, pick: (c: TaskDefModel['containers'][number]) => AstNode | undefined): number {
  let t = 0;
  for (const c of td.containers) {
    const v = num(pick(c));
    if (v !== undefined) t += v;
  }
  return t;
}

/** The containers' memory reservations (and hard limits) fit in the task memory. */
export const memorySum: TaskDefRule = {
  id: 'ctr/memory-sum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Container memory exceeds task memory',
  docs: {
    what: 'The memory the containers reserve (`memoryReservation`, else `memory`) adds up to at most the task-level `memory`; so do their hard limits (`memory`).',
    why: "A container whose memory is above the task memory is rejected: \"The 'memory' setting for container 'x' is greater than for the task.\" The API also requires the memory reserved by all containers to fit in the task memory (error). Hard limits that only add up to more than the task memory are accepted but cannot all be reached (warning).",
    fix: 'Raise the task memory (on Fargate: a valid size for the cpu) or lower the container values.',
  },
  check({ td, doc }) {
    if (!td.root || (td.windows && !td.fargate)) return [];
    const memP = prop(td.root, 'memory');
    const taskMem = single(memoryAlternatives(memP?.value));
    if (!memP || taskMem === undefined) return [];
    // One container alone above the task memory: ECS's own check, with its own message.
    const single_: Finding[] = [];
    td.containers.forEach((c, i) => {
      for (const key of ['memory', 'memoryReservation']) {
        const node = child(c, key);
        const v = num(node);
        if (!node || v === undefined || v <= taskMem) continue;
        single_.push(
          finding(
            this.id,
            node,
            `The '${key}' setting for ${containerLabel(c, i)} is greater than for the task: ${v} MiB > task memory ${taskMem} MiB. ECS rejects this; raise the task memory or lower the container's ${key}.`,
            {
              related: [
                {
                  uri: doc.uri,
                  span: { offset: memP.value.offset, length: memP.value.length },
                  message: `task memory ${taskMem}`,
                },
              ],
            },
          ),
        );
        break;
      }
    });
    if (single_.length > 0) return single_;
    if (total(td, reservedOf) > taskMem) {
      const reserved = sum(td, doc, 'reserves', reservedOf);
      return [
        finding(
          this.id,
          memP.value,
          `The containers reserve ${reserved.total} MiB in total (memoryReservation, else memory), more than the task memory ${taskMem} MiB; ECS rejects this. Raise the task memory or lower the containers' memory.`,
          {
            related: reserved.related,
          },
        ),
      ];
    }
    if (total(td, hardOf) > taskMem) {
      const hard = sum(td, doc, 'hard limit', hardOf);
      return [
        finding(
          this.id,
          memP.value,
          `The containers' hard memory limits add up to ${hard.total} MiB, more than the task memory ${taskMem} MiB: they cannot all reach their limits, and the task is OOM-killed first. Lower the limits or raise the task memory.`,
          {
            severity: 'warning',
            related: hard.related,
          },
        ),
      ];
    }
    return [];
  },
};
