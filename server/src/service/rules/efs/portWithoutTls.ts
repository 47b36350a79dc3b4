import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { efsVolumes, enableTlsEdit, transitEncryption } from './efsVolumes';

/** `transitEncryptionPort` only matters when transit encryption is on. */
export const efsPortWithoutTls: TaskDefRule = {
  id: 'efs/port-without-tls',
  scope: 'taskdef',
  severity: 'warning',
  title: 'transitEncryptionPort without transit encryption',
  docs: {
    what: 'An EFS volume sets `transitEncryptionPort` while `transitEncryption` is DISABLED or omitted (default DISABLED).',
    why: 'The port is used only for the encrypted (TLS) connection through the EFS mount helper; without transit encryption it is ignored, which usually means encryption was meant to be on.',
    fix: 'Set `transitEncryption` to `ENABLED`, or remove `transitEncryptionPort`.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      const port = prop(e.efs, 'transitEncryptionPort');
      if (!port || port.value.type === 'null') continue;
      const tls = transitEncryption(e);
      if (tls.state !== 'DISABLED') continue;
      const enable = enableTlsEdit(e, doc.edits);
      out.push(
        finding(
          this.id,
          port,
          `${e.label} sets transitEncryptionPort but transit encryption is ${tls.node ? 'DISABLED' : 'omitted (default DISABLED)'}, so the port is ignored. Enable transit encryption, or remove the port.`,
          {
            fixes: [
              ...(enable ? [fix('Set transitEncryption to ENABLED', [enable])] : []),
              fix('Remove transitEncryptionPort', [doc.edits.removeProperty(e.efs, port)]),
            ],
          },
        ),
      );
    }
    return out;
  },
};
