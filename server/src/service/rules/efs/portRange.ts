import { alternatives, child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { efsVolumes } from './efsVolumes';

/** `transitEncryptionPort` is a TCP port number. */
export const efsPortRange: TaskDefRule = {
  id: 'efs/port-range',
  scope: 'taskdef',
  severity: 'error',
  title: 'transitEncryptionPort out of range',
  docs: {
    what: '`efsVolumeConfiguration.transitEncryptionPort` is an integer from 1 to 65535.',
    why: 'It is the local port the EFS mount helper uses for the TLS tunnel; other values cannot be used and the mount fails.',
    fix: 'Omit it (the mount helper picks a port) or choose a free port from 1 to 65535.',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      for (const alt of alternatives(child(e.efs, 'transitEncryptionPort'))) {
        const raw = alt.value.value;
        if (alt.value.type === 'null') continue;
        const n =
          typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
        if (Number.isInteger(n) && n >= 1 && n <= 65535) continue;
        if (alt.value.type !== 'number' && alt.value.type !== 'string') continue; // wrong types are the schema's
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${e.label}: transitEncryptionPort ${String(raw)}${via} is not a port number; use an integer from 1 to 65535, or omit it to let the EFS mount helper choose.`,
          ),
        );
      }
    }
    return out;
  },
};
