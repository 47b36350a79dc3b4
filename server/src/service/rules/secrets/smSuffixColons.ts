import { str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { parseRef, secretRefs } from './refs';

/**
 * The Secrets Manager JSON-key/version form is `secret:<name>:<json-key>:<version-stage>:<version-id>`:
 * all three extra fields are positional (empty allowed), and stage and id exclude each other.
 */
export const smSuffixColons: TaskDefRule = {
  id: 'secret/sm-suffix-colons',
  scope: 'taskdef',
  severity: 'error',
  title: 'Incomplete Secrets Manager JSON key/version reference',
  docs: {
    what: 'A Secrets Manager `valueFrom` with a JSON key or version must have all three extra fields `:json-key:version-stage:version-id` (empty ones allowed, e.g. `...:secret:db:password::`), and must not set both version-stage and version-id.',
    why: 'ECS reads the fields by position; with one or two missing colons the key or version is misread and the secret cannot be resolved, so the task fails to start (ResourceInitializationError).',
    fix: 'Write `arn:...:secret:<name>:<json-key>::` for a JSON key of the current version.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const r of secretRefs(td)) {
      const v = str(r.valueFrom);
      if (!r.valueFrom || v === undefined) continue;
      const p = parseRef(v);
      if (p.kind !== 'secretsmanager' || p.rest.length === 0) continue;
      const who = `${containerLabel(r.container, r.containerIndex)} secret '${str(r.name) ?? '?'}'`;
      // The 6-character random suffix of a full secret ARN is part of the name (…:secret:db-AbCdEf).
      if (p.rest.length === 1 || p.rest.length === 2) {
        const suggestion = `${v}${':'.repeat(3 - p.rest.length)}`;
        out.push(
          finding(
            this.id,
            r.valueFrom,
            `${who}: a Secrets Manager reference with a JSON key or version needs all three fields json-key:version-stage:version-id (empty allowed); this one has ${p.rest.length}. Write '${suggestion}'.`,
            {
              fixes: [fix(`Complete to '${suggestion}'`, [doc.edits.replaceValue(r.valueFrom, suggestion)], true)],
            },
          ),
        );
      } else if (p.rest.length > 3) {
        out.push(
          finding(
            this.id,
            r.valueFrom,
            `${who}: too many ':'-separated fields after the secret name (${p.rest.length}; expected json-key:version-stage:version-id).`,
          ),
        );
      } else if (p.rest[1] && p.rest[2]) {
        out.push(
          finding(
            this.id,
            r.valueFrom,
            `${who}: version-stage '${p.rest[1]}' and version-id '${p.rest[2]}' are both set; they are mutually exclusive. Keep one.`,
          ),
        );
      }
    }
    return out;
  },
};
