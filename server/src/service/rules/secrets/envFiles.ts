import { alternatives, child, isArray, prop, str } from '../../documents/ast';
import { launchIsFargate } from '../../shapes/model';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { RETIRED_LINUX } from '../pv/features';
import { containerLabel, finding, fix } from '../util';

const S3_OBJECT_ARN = /^arn:aws[-a-z]*:s3:::[^/]+\/.+$/;

/** `environmentFiles`: at most 10, type s3, S3 object ARNs of .env files, Linux platform version 1.4.0, not Windows. */
export const envFileRules: TaskDefRule = {
  id: 'envfile/rules',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid environment file',
  docs: {
    what: '`environmentFiles` has at most 10 entries, each `{ "type": "s3", "value": "<S3 object ARN of a .env file>" }`; it needs Fargate Linux platform version 1.4.0 and is not supported for Windows.',
    why: 'The ECS API limits a container to 10 environment files of type `s3`, each named by its S3 object ARN with the `.env` extension; Windows on Fargate rejects environment files (PlatformTaskDefinitionIncompatibilityException).',
    fix: 'Use `type: "s3"` and `value: "arn:aws:s3:::bucket/path/file.env"`; merge files beyond 10; on Windows use `environment` or `secrets`.',
  },
  needs: { container: ['environmentFiles'] },
  check({ td, doc, launches }) {
    const out: Finding[] = [];
    const oldPv = td.windows
      ? undefined
      : launches.find(
          (l) => RETIRED_LINUX.includes(str(l.launch.platformVersion) ?? '') && launchIsFargate(l.launch) !== false,
        );
    td.containers.forEach((c, i) => {
      const p = prop(c, 'environmentFiles');
      if (!p || !isArray(p.value) || p.value.items.length === 0) return;
      const label = containerLabel(c, i);
      if (td.windows)
        out.push(
          finding(
            this.id,
            p,
            `${label}: environmentFiles are not supported for Windows containers (Fargate rejects them with PlatformTaskDefinitionIncompatibilityException). Use environment or secrets.`,
          ),
        );
      if (oldPv) {
        out.push(
          finding(
            this.id,
            p,
            `${label}: environmentFiles need Fargate platform version 1.4.0, but ${oldPv.launch.label} launches this task definition on ${str(oldPv.launch.platformVersion)}. Use platformVersion LATEST.`,
            {
              related: [
                {
                  uri: oldPv.uri,
                  span: { offset: oldPv.launch.platformVersion!.offset, length: oldPv.launch.platformVersion!.length },
                  message: 'platform version below 1.4.0',
                },
              ],
            },
          ),
        );
      }
      if (p.value.items.length > 10)
        out.push(
          finding(
            this.id,
            p.value.items[10],
            `${label}: ${p.value.items.length} environment files; a container can have at most 10. Merge some files.`,
          ),
        );
      for (const item of p.value.items) {
        if (item.unknown || item.type !== 'object') continue;
        const typeNode = child(item, 'type');
        if (!typeNode)
          out.push(
            finding(this.id, item, `${label}: environment file without "type"; it is required and must be "s3".`),
          );
        for (const alt of alternatives(typeNode)) {
          if (alt.value.value === 's3') continue;
          const fixable = alt.node === alt.value && String(alt.value.value).toLowerCase() === 's3';
          out.push(
            finding(
              this.id,
              alt.node,
              `${label}: environment file type '${String(alt.value.value)}' is not supported; the only type is "s3" (lower case).`,
              {
                fixes: fixable ? [fix('Change type to s3', [doc.edits.replaceValue(alt.node, 's3')], true)] : [],
              },
            ),
          );
        }
        const valueNode = child(item, 'value');
        if (!valueNode) {
          out.push(
            finding(
              this.id,
              item,
              `${label}: environment file without "value"; give the S3 object ARN of the .env file.`,
            ),
          );
          continue;
        }
        const v = str(valueNode);
        if (v === undefined) continue;
        if (!S3_OBJECT_ARN.test(v)) {
          const hint = v.startsWith('s3://') ? ` Write it as an ARN: arn:aws:s3:::${v.slice(5)}.` : '';
          out.push(
            finding(
              this.id,
              valueNode,
              `${label}: environment file '${v}' is not an S3 object ARN (arn:aws:s3:::bucket/key.env); ECS cannot download it and the task fails to start.${hint}`,
              {
                fixes: v.startsWith('s3://')
                  ? [
                      fix(
                        'Convert to an S3 object ARN',
                        [doc.edits.replaceValue(valueNode, `arn:aws:s3:::${v.slice(5)}`)],
                        true,
                      ),
                    ]
                  : [],
              },
            ),
          );
        } else if (!v.endsWith('.env')) {
          out.push(
            finding(
              this.id,
              valueNode,
              `${label}: environment file '${v}' does not end in .env; the ECS documentation requires the .env extension. (Not enforced by every source; reported as a warning.)`,
              { severity: 'warning' },
            ),
          );
        }
      }
    });
    return out;
  },
};
