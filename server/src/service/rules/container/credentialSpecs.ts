import { prop, strings } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';

const FORM = /^credentialspec(domainless)?:(.*)$/;
const ARN = /^arn:aws[-a-z]*:(ssm:[a-z0-9-]+:\d{12}:parameter\/.+|s3:::.+)$/;

/** `credentialSpecs` (gMSA): at most one entry, `credentialspec:` or `credentialspecdomainless:` plus an SSM or S3 ARN. */
export const credentialSpecs: TaskDefRule = {
  id: 'ctr/credential-specs',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid credentialSpecs',
  docs: {
    what: '`credentialSpecs` has at most one entry, of the form `credentialspec:<ARN>` or `credentialspecdomainless:<ARN>` with an SSM parameter or S3 object ARN.',
    why: 'The API accepts only these forms for Active Directory (gMSA) credential specs; anything else fails registration or the task launch.',
    fix: 'Use e.g. `credentialspecdomainless:arn:aws:ssm:us-east-1:123456789012:parameter/gmsa-spec`.',
  },
  needs: { container: ['credentialSpecs'] },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'credentialSpecs');
      if (!p) return;
      const entries = strings(p.value);
      if (p.value.type === 'array' && p.value.items.length > 1)
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: credentialSpecs may contain only one entry (it has ${p.value.items.length}).`,
          ),
        );
      for (const { value, node } of entries) {
        const m = FORM.exec(value);
        if (!m)
          out.push(
            finding(
              this.id,
              node,
              `${containerLabel(c, i)}: credential spec '${value}' must start with 'credentialspec:' or 'credentialspecdomainless:' followed by an SSM parameter or S3 object ARN.`,
            ),
          );
        else if (!ARN.test(m[2]))
          out.push(
            finding(
              this.id,
              node,
              `${containerLabel(c, i)}: '${m[2]}' is not an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>) or S3 object ARN (arn:aws:s3:::<bucket>/<key>).`,
              { severity: 'warning' },
            ),
          );
      }
    });
    return out;
  },
};
