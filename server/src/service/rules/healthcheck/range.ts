/**
 * The health-check bound rules share one shape: an integer field of `healthCheck` with a documented
 * range; out-of-range values are clamped by the quick fix. Each rule file instantiates this.
 */
import { alternatives, child, isObject, type AstNode, type ObjectNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

export interface HcRange {
  id: string;
  field: 'interval' | 'timeout' | 'retries' | 'startPeriod';
  min: number;
  max: number;
  unit: string;
  /** The default ECS uses when the field is omitted (startPeriod has none: off). */
  dflt?: number;
  title: string;
}

/** Containers with a known healthCheck object (shared by the health-check rules, read only; one slot as perTaskDef). */
export function healthChecks(
  containers: readonly ObjectNode[],
): { c: ObjectNode; i: number; hc: AstNode | undefined }[] {
  if (containers !== lastContainers) {
    lastChecks = containers.map((c, i) => ({ c, i, hc: child(c, 'healthCheck') })).filter((x) => isObject(x.hc));
    lastContainers = containers;
  }
  return lastChecks;
}

let lastContainers: readonly ObjectNode[] | undefined;
let lastChecks: { c: ObjectNode; i: number; hc: AstNode | undefined }[] = [];

export function hcRangeRule(r: HcRange): TaskDefRule {
  const range = `${r.min}-${r.max}${r.unit}`;
  return {
    id: r.id,
    scope: 'taskdef',
    severity: 'error',
    title: r.title,
    docs: {
      what: `\`healthCheck.${r.field}\` is an integer from ${r.min} to ${r.max}${r.unit ? ` (${r.unit.trim()})` : ''}${r.dflt !== undefined ? `; the default is ${r.dflt}` : ''}.`,
      why: `The ECS API documents ${r.field} as ${r.min}-${r.max}${r.unit}; RegisterTaskDefinition rejects values outside that range.`,
      fix: `Use a value from ${r.min} to ${r.max} (the quick fix clamps it into range).`,
    },
    check({ td, doc }) {
      const out: Finding[] = [];
      for (const { c, i, hc } of healthChecks(td.containers)) {
        for (const alt of alternatives(child(hc, r.field))) {
          const n = numeric(alt.value);
          if (n === undefined) continue;
          if (Number.isInteger(n) && n >= r.min && n <= r.max) continue;
          const clamped = Math.min(r.max, Math.max(r.min, Math.round(n)));
          const via = alt.via ? ` (a value of ${alt.via})` : '';
          const asString = alt.value.type === 'string';
          out.push(
            finding(
              r.id,
              alt.node,
              `${containerLabel(c, i)}: healthCheck.${r.field} ${n}${via} is outside ${range}; RegisterTaskDefinition rejects it. Use a value from ${r.min} to ${r.max}.`,
              {
                fixes:
                  alt.node === alt.value
                    ? [
                        fix(
                          `Set ${r.field} to ${clamped}`,
                          [doc.edits.replaceValue(alt.node, asString ? String(clamped) : clamped)],
                          true,
                        ),
                      ]
                    : [],
              },
            ),
          );
        }
      }
      return out;
    },
  };
}

function numeric(v: AstNode): number | undefined {
  if (v.type === 'number') return v.value as number;
  if (v.type === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(String(v.value))) return Number(v.value);
  return undefined;
}
