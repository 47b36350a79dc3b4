import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { given } from '../task/common';

/** `dockerLabels` is a map of string keys to string values. */
export const dockerLabels: TaskDefRule = {
  id: 'ctr/docker-labels',
  scope: 'taskdef',
  severity: 'error',
  title: 'dockerLabels values must be strings',
  docs: {
    what: '`dockerLabels` is an object whose values are all strings.',
    why: 'The API takes a string-to-string map; numbers, booleans and objects are rejected ("Invalid type for parameter").',
    fix: 'Quote the value: `"com.example.port": "8080"`.',
  },
  needs: { container: ['dockerLabels'] },
  check({ td, doc }) {
    // CloudFormation converts scalar label values to strings itself.
    if (td.shape === 'cfn') return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = given(c, 'dockerLabels');
      if (!p || p.value.unknown) return;
      const label = containerLabel(c, i);
      if (p.value.type !== 'object') {
        out.push(
          finding(this.id, p.value, `${label}: dockerLabels must be an object of string keys to string values.`),
        );
        return;
      }
      for (const l of p.value.properties) {
        const v = l.value;
        if (v.unknown || v.type === 'string') continue;
        const fixes =
          v.type === 'number' || v.type === 'boolean'
            ? [fix(`Quote the value ("${String(v.value)}")`, [doc.edits.replaceValue(v, String(v.value))], true)]
            : [];
        out.push(
          finding(
            this.id,
            v,
            `${label}: docker label '${l.rawKey}' has a ${v.type} value; label values must be strings.${fixes.length ? ` Write "${String((v as { value: unknown }).value)}".` : ''}`,
            { fixes },
          ),
        );
      }
    });
    return out;
  },
};
