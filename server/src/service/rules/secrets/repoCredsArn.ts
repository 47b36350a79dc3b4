import { at, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { arnLocationProblem, parseRef } from './refs';

/** Private-registry credentials come from Secrets Manager: an ARN or a same-Region secret name. */
export const repoCredsArn: TaskDefRule = {
  id: 'repo-creds/arn',
  scope: 'taskdef',
  severity: 'error',
  title: 'repositoryCredentials must name a Secrets Manager secret',
  docs: {
    what: '`repositoryCredentials.credentialsParameter` is the ARN (or, in the same Region, the name) of a Secrets Manager secret holding `username` and `password`.',
    why: 'ECS reads private-registry credentials only from Secrets Manager; an SSM parameter or any other ARN cannot be used and the image pull fails (CannotPullContainerError).',
    fix: 'Store the credentials in a Secrets Manager secret and use its ARN.',
  },
  needs: { container: ['repositoryCredentials'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const node = at(c, 'repositoryCredentials', 'credentialsParameter');
      const v = str(node);
      if (!node || v === undefined) return;
      const label = containerLabel(c, i);
      if (v.trim() === '') {
        // Console JSON templates carry an empty placeholder; whether ECS ignores or rejects it is not documented.
        const creds = prop(c, 'repositoryCredentials')!;
        out.push(
          finding(
            this.id,
            node,
            `${label}: credentialsParameter is empty, so no registry credentials are used (public images need none). Remove repositoryCredentials, or give the ARN of a Secrets Manager secret. (Whether ECS accepts the empty value is not documented; reported as a warning.)`,
            {
              severity: 'warning',
              fixes: [fix('Remove repositoryCredentials', [doc.edits.removeProperty(c, creds)], true)],
            },
          ),
        );
        return;
      }
      const p = parseRef(v);
      if (p.kind === 'name' || p.kind === 'secretsmanager') {
        const loc = p.kind === 'secretsmanager' ? arnLocationProblem(p) : undefined;
        if (loc)
          out.push(
            finding(
              this.id,
              node,
              loc.placeholder
                ? `${label}: credentialsParameter looks like a sample value (${loc.text}); replace it with the real secret ARN.`
                : `${label}: credentialsParameter '${v}' is not a valid ARN: ${loc.text}.`,
              loc.placeholder ? { severity: 'warning' } : {},
            ),
          );
        return;
      }
      const why =
        p.kind === 'ssm'
          ? 'is an SSM parameter, but registry credentials must be a Secrets Manager secret'
          : p.kind === 'other-arn'
            ? `is an ARN of '${p.service}', but registry credentials must be a Secrets Manager secret`
            : `is not a valid secret reference: ${p.reason}`;
      out.push(
        finding(
          this.id,
          node,
          `${label}: credentialsParameter '${v}' ${why}; the image pull fails. Use the ARN of a Secrets Manager secret with username and password.`,
        ),
      );
    });
    return out;
  },
};
