import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { missingAnchor, viaNote } from './common';

const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;

/** RegisterTaskDefinition needs a `family` of up to 255 letters, digits, hyphens and underscores. */
export const familyRequired: TaskDefRule = {
  id: 'task/family-required',
  scope: 'taskdef',
  severity: 'error',
  title: 'Task family missing or invalid',
  docs: {
    what: 'The task definition has a `family` of 1–255 letters, digits, hyphens (-) and underscores (_).',
    why: 'RegisterTaskDefinition requires `family` and rejects other characters; revisions are registered under it.',
    fix: 'Add `"family": "my-app"`, or rename it using only letters, digits, - and _.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const p = prop(td.root, 'family');
    if (!p) {
      // CloudFormation generates a family when the template omits it.
      if (td.shape === 'cfn') return [];
      return [
        finding(
          this.id,
          missingAnchor(td, doc),
          'Missing required "family": RegisterTaskDefinition needs a task family (1–255 letters, digits, - and _). Add "family": "<name>".',
        ),
      ];
    }
    const out: Finding[] = [];
    for (const alt of alternatives(p.value)) {
      const v = alt.value.value;
      if (typeof v !== 'string') {
        if (alt.value.type === 'null')
          out.push(
            finding(
              this.id,
              alt.node,
              '"family" is null: RegisterTaskDefinition needs a task family (1–255 letters, digits, - and _).',
            ),
          );
        continue;
      }
      if (FAMILY.test(v)) continue;
      const why =
        v.length === 0
          ? 'is empty'
          : v.length > 255
            ? `is ${v.length} characters long (max 255)`
            : `contains invalid characters (${[...new Set(v.replace(/[A-Za-z0-9_-]/g, ''))].map((ch) => `'${ch}'`).join(' ')})`;
      out.push(
        finding(
          this.id,
          alt.node,
          `Task family '${v}'${viaNote(alt.via)} ${why}: ECS allows 1–255 letters, digits, hyphens and underscores. Rename the family.`,
        ),
      );
    }
    return out;
  },
};
