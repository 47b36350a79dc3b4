import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import type { DocumentModel } from '../../shapes/document';
import type { TaskDefModel } from '../../shapes/model';
import { finding, fix } from '../util';
import { viaNote } from './common';
import { cpuAlternatives, memoryAlternatives, type SizeAlt } from '../fargate/taskSize';

const EC2_MIN = 128;
const EC2_MAX = 196608;

/** Task cpu/memory written with units are converted at registration; out-of-range or unparseable values are flagged. */
export const cpuUnits: TaskDefRule = {
  id: 'task/cpu-units',
  scope: 'taskdef',
  severity: 'info',
  title: 'Task cpu/memory units',
  docs: {
    what: 'Task-level `cpu` and `memory` written with units ("1 vCPU", "2 GB") are legal; this notes the value ECS converts them to. It also flags values that do not parse, and EC2 task cpu outside 128–196608 units.',
    why: 'ECS converts "1 vCPU" to 1024 and "2 GB" to 2048 at registration, so describe output differs from the file. A value ECS cannot parse is rejected.',
    fix: 'Nothing to do for unit strings (or write the plain numbers: "1024", "2048"); fix values that do not parse.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const out: Finding[] = [];
    for (const a of cpuAlternatives(prop(td.root, 'cpu')?.value)) note(this.id, td, doc, out, a, 'cpu');
    for (const a of memoryAlternatives(prop(td.root, 'memory')?.value)) note(this.id, td, doc, out, a, 'memory');
    return out;
  },
};

/** Notes one cpu or memory alternative: unparseable, converted by ECS, or outside the EC2 range. */
function note(
  id: string,
  td: TaskDefModel,
  doc: DocumentModel,
  out: Finding[],
  a: SizeAlt,
  kind: 'cpu' | 'memory',
): void {
  const unit = kind === 'cpu' ? 'CPU units' : 'MiB';
  if (a.value === undefined) {
    out.push(
      finding(
        id,
        a.node,
        `Task ${kind} '${a.raw}'${viaNote(a.via)} cannot be parsed: write ${kind === 'cpu' ? 'CPU units ("1024") or vCPU ("1 vCPU")' : 'MiB ("2048") or GB ("2 GB")'}. ECS rejects it at registration.`,
        { severity: 'error' },
      ),
    );
    return;
  }
  if (a.raw.trim() !== String(a.value)) {
    const fixes =
      a.node === a.literal ? [fix(`Write ${a.value}`, [doc.edits.replaceValue(a.node, String(a.value))])] : [];
    out.push(
      finding(
        id,
        a.node,
        `Task ${kind} '${a.raw}'${viaNote(a.via)} is converted by ECS to ${a.value} ${unit} at registration (describe output will show "${a.value}").`,
        { fixes },
      ),
    );
  }
  if (kind === 'cpu' && !td.fargate && (a.value < EC2_MIN || a.value > EC2_MAX)) {
    out.push(
      finding(
        id,
        a.node,
        `Task cpu ${a.value}${viaNote(a.via)} is outside ${EC2_MIN}–${EC2_MAX} CPU units (0.125–192 vCPU), the range ECS accepts for task-level cpu on EC2.`,
        { severity: 'warning' },
      ),
    );
  }
}
