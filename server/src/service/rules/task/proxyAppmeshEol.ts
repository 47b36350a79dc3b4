import { child, objects, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { closest, finding, fix } from '../util';
import { containerNames, given, someNameUnknown } from './common';

const PROPERTY_NAMES = [
  'IgnoredUID',
  'IgnoredGID',
  'AppPorts',
  'ProxyIngressPort',
  'ProxyEgressPort',
  'EgressIgnoredPorts',
  'EgressIgnoredIPs',
];

/** `proxyConfiguration` (App Mesh, end of support 2026-09-30) must name an existing container. */
export const proxyAppmeshEol: TaskDefRule = {
  id: 'task/proxy-appmesh-eol',
  scope: 'taskdef',
  severity: 'warning',
  title: 'App Mesh proxy configuration',
  docs: {
    what: '`proxyConfiguration` is of type APPMESH, names an existing container, and uses known property names; it warns that AWS App Mesh reached end of support on 2026-09-30.',
    why: 'ECS rejects a proxy configuration whose containerName is not a container of the task (error). App Mesh itself is end-of-support, so meshes stop receiving fixes and support.',
    fix: 'Migrate to ECS Service Connect (or VPC Lattice) and remove `proxyConfiguration`; meanwhile keep containerName pointing at the Envoy container.',
  },
  needs: { task: ['proxyConfiguration'] },
  check({ td, doc }) {
    if (!td.root) return [];
    const p = given(td.root, 'proxyConfiguration');
    if (!p || p.value.unknown || p.value.type !== 'object') return [];
    const cfg = p.value;
    const out: Finding[] = [];
    if (td.windows)
      out.push(
        finding(
          this.id,
          p,
          'App Mesh proxy configuration is not supported for Windows tasks. Remove proxyConfiguration.',
          { severity: 'error' },
        ),
      );
    out.push(
      finding(
        this.id,
        p,
        'proxyConfiguration configures AWS App Mesh, which reached end of support on 2026-09-30. Plan a migration to ECS Service Connect or VPC Lattice.',
        { tags: ['deprecated'] },
      ),
    );
    const type = child(cfg, 'type');
    const t = str(type);
    if (type && t !== undefined && t !== 'APPMESH') {
      out.push(
        finding(this.id, type, `proxyConfiguration type '${t}' is not valid: the only type is APPMESH.`, {
          severity: 'error',
          fixes: [fix('Change to APPMESH', [doc.edits.replaceValue(type, 'APPMESH')], true)],
        }),
      );
    }
    const nameP = prop(cfg, 'containerName');
    if (!nameP) {
      out.push(
        finding(
          this.id,
          p,
          'proxyConfiguration needs "containerName": the name of the Envoy proxy container of this task.',
          { severity: 'error' },
        ),
      );
    } else {
      const name = str(nameP.value);
      const names = containerNames(td);
      if (name !== undefined && !names.has(name) && !someNameUnknown(td)) {
        const near = closest(name, [...names]);
        out.push(
          finding(
            this.id,
            nameP.value,
            `proxyConfiguration containerName '${name}' is not a container of this task definition (containers: ${[...names].join(', ') || 'none'}); ECS rejects it. ${near ? `Did you mean '${near}'?` : 'Add the Envoy container or fix the name.'}`,
            {
              severity: 'error',
              fixes: near ? [fix(`Change to '${near}'`, [doc.edits.replaceValue(nameP.value, near)], true)] : [],
            },
          ),
        );
      }
    }
    for (const item of objects(child(cfg, 'properties'))) {
      const n = child(item, 'name');
      const v = str(n);
      if (!n || v === undefined || PROPERTY_NAMES.includes(v)) continue;
      const near = closest(v, PROPERTY_NAMES);
      out.push(
        finding(
          this.id,
          n,
          `Unknown App Mesh proxy property '${v}'; known: ${PROPERTY_NAMES.join(', ')}.${near ? ` Did you mean '${near}'?` : ''}`,
          {
            fixes: near ? [fix(`Change to '${near}'`, [doc.edits.replaceValue(n, near)], true)] : [],
          },
        ),
      );
    }
    return out;
  },
};
