import { at, strings } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding, Fix } from '../../types';
import { closest, containerLabel, finding, fix } from '../util';

export const CAPABILITIES = [
  'ALL',
  'AUDIT_CONTROL',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'SYSLOG',
  'WAKE_ALARM',
] as const;

/** The suggestion for a capability name: without `CAP_`, upper case, or the closest known name. */
export function suggestCapability(v: string): string | undefined {
  const bare = v.toUpperCase().replace(/^CAP_/, '');
  if ((CAPABILITIES as readonly string[]).includes(bare)) return bare;
  return closest(bare, CAPABILITIES, 2);
}

/** `linuxParameters.capabilities.add`/`drop` use the API's capability names (no `CAP_` prefix). */
export const capValidNames: TaskDefRule = {
  id: 'cap/valid-names',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Unknown Linux capability name',
  docs: {
    what: 'Capabilities in `linuxParameters.capabilities.add` and `drop` are names from the API list (ALL, CHOWN, NET_ADMIN, SYS_PTRACE, ...), without the `CAP_` prefix.',
    why: 'The API documentation mentions "CAP_SYS_PTRACE" in prose, but the accepted values have no prefix; unknown names are rejected or have no effect.',
    fix: 'Drop the `CAP_` prefix and write the name in upper case (quick fix).',
  },
  needs: { container: ['linuxParameters'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      for (const list of ['add', 'drop'] as const) {
        // On Fargate, fargate/cap-add reports every added capability except SYS_PTRACE.
        if (list === 'add' && td.fargate) continue;
        for (const { value, node } of strings(at(c, 'linuxParameters', 'capabilities', list))) {
          if ((CAPABILITIES as readonly string[]).includes(value)) continue;
          const s = suggestCapability(value);
          const fixes: Fix[] = s ? [fix(`Change to ${s}`, [doc.edits.replaceValue(node, s)], true)] : [];
          const why = /^CAP_/i.test(value)
            ? 'the API takes capability names without the CAP_ prefix'
            : 'it is not a capability the API knows';
          out.push(
            finding(
              this.id,
              node,
              `${containerLabel(c, i)}: capability '${value}' in capabilities.${list}: ${why}.${s ? ` Write ${s}.` : ''}`,
              { fixes },
            ),
          );
        }
      }
    });
    return out;
  },
};
