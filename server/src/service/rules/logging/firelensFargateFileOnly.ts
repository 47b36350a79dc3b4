import { alternatives, at } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

const RESERVED = ['/fluent-bit/etc/fluent-bit.conf', '/fluentd/etc/fluent.conf'];

/** On Fargate a custom FireLens config must come from a file in the image, not S3, and not the reserved paths. */
export const firelensFargateFileOnly: TaskDefRule = {
  id: 'firelens/fargate-file-only',
  scope: 'taskdef',
  severity: 'error',
  title: 'FireLens config file type on Fargate',
  docs: {
    what: 'On Fargate, `firelensConfiguration.options.config-file-type` must be `file`, and `config-file-value` must not be `/fluent-bit/etc/fluent-bit.conf` or `/fluentd/etc/fluent.conf`.',
    why: 'The ECS API: "Tasks hosted on Fargate only support the file configuration file type." The two paths are where FireLens writes its generated configuration, so using them overwrites it.',
    fix: 'Bake the configuration into the log-router image (or a volume) and point `config-file-value` at another path with `config-file-type: file`.',
  },
  needs: { container: ['firelensConfiguration'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const typeNode = at(c, 'firelensConfiguration', 'options', 'config-file-type');
      for (const alt of alternatives(typeNode)) {
        if (alt.value.value === 'file') continue;
        const s3 = alt.value.value === 's3';
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(c, i)}: config-file-type '${String(alt.value.value)}' is not supported on Fargate ("Tasks hosted on Fargate only support the file configuration file type"). Put the configuration file in the image and use file.`,
            {
              fixes:
                !s3 && alt.node === alt.value && String(alt.value.value).toLowerCase() === 'file'
                  ? [fix('Change to file', [doc.edits.replaceValue(alt.node, 'file')], true)]
                  : [],
            },
          ),
        );
      }
      for (const alt of alternatives(at(c, 'firelensConfiguration', 'options', 'config-file-value'))) {
        const v = String(alt.value.value);
        if (!RESERVED.includes(v)) continue;
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(c, i)}: config-file-value '${v}' is the path where FireLens writes its generated configuration; use a different path for your own file (e.g. /extra.conf).`,
          ),
        );
      }
    });
    return out;
  },
};
