import { str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { parseRef, secretRefs } from './refs';

/**
 * The text of a `!Sub` / `!Join` with unknown parts, when the fields after the secret name are all
 * literal: unknown parts stand only inside the name (`secret:${Prefix}-db:password`), never after it.
 * An unknown part before `:secret:` is replaced by a neutral token; undefined when not judgeable.
 */
function fieldsOfParts(parts: (string | undefined)[]): string | undefined {
  const HOLE = '\u0000';
  const text = parts.map((p) => p ?? HOLE).join('');
  const at = text.indexOf(':secret:');
  if (at < 0 || !text.startsWith('arn:') || !text.includes(':secretsmanager:')) return undefined;
  const fields = text.slice(at + ':secret:'.length).split(':');
  if (fields.slice(1).some((f) => f.includes(HOLE))) return undefined;
  return text.slice(0, at).replace(/\u0000/g, 'x') + ':secret:' + fields.join(':').replace(/\u0000/g, 'x');
}

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
      const literal = str(r.valueFrom);
      // A CloudFormation !Sub / !Join whose name part is unknown: its literal tail still has the fields.
      const v = literal ?? (r.valueFrom?.parts ? fieldsOfParts(r.valueFrom.parts) : undefined);
      if (!r.valueFrom || v === undefined) continue;
      const p = parseRef(v);
      if (p.kind !== 'secretsmanager' || p.rest.length === 0) continue;
      const who = `${containerLabel(r.container, r.containerIndex)} secret '${str(r.name) ?? '?'}'`;
      if (literal === undefined) {
        if (p.rest.length === 1 || p.rest.length === 2)
          out.push(
            finding(
              this.id,
              r.valueFrom,
              `${who}: a Secrets Manager reference with a JSON key or version needs all three fields json-key:version-stage:version-id (empty allowed); the literal end of this expression has ${p.rest.length} ('${p.rest.join(':')}'). Add ${3 - p.rest.length} ':' at its end.`,
            ),
          );
        continue;
      }
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
