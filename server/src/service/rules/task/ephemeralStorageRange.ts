import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix, numberOf } from '../util';
import { fixable, given, viaNote } from './common';

const MIN = 21;
const MAX = 200;

/** `ephemeralStorage.sizeInGiB` is an integer from 21 to 200. */
export const ephemeralStorageRange: TaskDefRule = {
  id: 'task/ephemeral-storage-range',
  scope: 'taskdef',
  severity: 'error',
  title: 'Ephemeral storage out of range',
  docs: {
    what: `\`ephemeralStorage.sizeInGiB\` is an integer from ${MIN} to ${MAX}.`,
    why: `The API accepts ${MIN}–${MAX} GiB; 20 GiB is the default you get by omitting ephemeralStorage, not a value you can set. Other values are rejected at registration.`,
    fix: `Clamp the value into ${MIN}–${MAX}, or remove ephemeralStorage to get the 20 GiB default.`,
  },
  needs: { task: ['ephemeralStorage'] },
  check({ td, doc }) {
    if (!td.root) return [];
    const eph = given(td.root, 'ephemeralStorage');
    if (!eph || eph.value.unknown || eph.value.type !== 'object') return [];
    const size = prop(eph.value, 'sizeInGiB');
    if (!size) {
      return [
        finding(
          this.id,
          eph,
          `ephemeralStorage needs "sizeInGiB" (an integer from ${MIN} to ${MAX}); without it registration fails. Add it, or remove ephemeralStorage for the 20 GiB default.`,
          {
            fixes: [
              fix(`Add sizeInGiB ${MIN}`, [doc.edits.addProperty(eph.value, doc.edits.key('sizeInGiB'), MIN)], true),
            ],
          },
        ),
      ];
    }
    const out: Finding[] = [];
    for (const alt of alternatives(size.value)) {
      const raw = alt.value.value;
      const n = numberOf(raw);
      if (n === undefined) {
        out.push(
          finding(
            this.id,
            alt.node,
            `sizeInGiB '${String(raw)}'${viaNote(alt.via)} is not a number: use an integer from ${MIN} to ${MAX}.`,
          ),
        );
        continue;
      }
      if (Number.isInteger(n) && n >= MIN && n <= MAX) continue;
      const clamped = Math.min(MAX, Math.max(MIN, Math.round(n)));
      const why = !Number.isInteger(n)
        ? 'is not an integer'
        : n === 20
          ? 'is the default (20 GiB), not a settable value'
          : n < MIN
            ? `is below ${MIN}`
            : `is above ${MAX}`;
      out.push(
        finding(
          this.id,
          alt.node,
          `sizeInGiB ${n}${viaNote(alt.via)} ${why}: ephemeral storage must be an integer from ${MIN} to ${MAX} GiB. ${n === 20 ? 'Remove ephemeralStorage to keep the default, or set 21 or more.' : `Use ${clamped}.`}`,
          {
            fixes: fixable(alt)
              ? [
                  fix(
                    `Set sizeInGiB to ${clamped}`,
                    [doc.edits.replaceValue(alt.node, typeof raw === 'string' ? String(clamped) : clamped)],
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
