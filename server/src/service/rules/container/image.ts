import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { viaNote } from '../task/common';

const REF_CHARS = /^[A-Za-z0-9\-_:./#]+$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

function problem(v: string): string | undefined {
  if (v.trim() === '') return 'Container.image should not be null or empty';
  if (v.length > 255) return `the image reference is ${v.length} characters long (max 255)`;
  const at = v.indexOf('@');
  const name = at >= 0 ? v.slice(0, at) : v;
  if (at >= 0 && !DIGEST.test(v.slice(at + 1)))
    return `the digest '${v.slice(at + 1)}' is not 'sha256:' followed by 64 lower-case hex digits`;
  if (!REF_CHARS.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9\-_:./#]/g, ''))]
      .map((ch) => (ch === ' ' ? 'space' : `'${ch}'`))
      .join(' ');
    return `it contains characters an image reference cannot have (${bad})`;
  }
  return undefined;
}

/** Every container has an `image` that is a well-formed repository reference or digest. */
export const image: TaskDefRule = {
  id: 'ctr/image',
  scope: 'taskdef',
  severity: 'error',
  title: 'Container image missing or malformed',
  docs: {
    what: 'Each container has an `image`: up to 255 letters, digits and `- _ : . / #`, optionally `@sha256:` and 64 hex digits. Placeholders (`<IMAGE1_NAME>`) and template values are not judged.',
    why: 'RegisterTaskDefinition fails with "Container.image should not be null or empty"; a malformed reference fails to pull ("CannotPullContainerError").',
    fix: 'Set `image` to `repository[:tag]` or `repository@sha256:<digest>`, e.g. `public.ecr.aws/nginx/nginx:1.27`.',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'image');
      if (!p || p.value.type === 'null') {
        const anchor = prop(c, 'name')?.value ?? { offset: c.offset, length: 1 };
        out.push(
          finding(
            this.id,
            p ?? anchor,
            `${containerLabel(c, i)}: Container.image should not be null or empty. Add "image" (e.g. "public.ecr.aws/nginx/nginx:1.27").`,
          ),
        );
        return;
      }
      for (const alt of alternatives(p.value)) {
        const v = alt.value.value;
        if (typeof v !== 'string') continue;
        const why = problem(v);
        if (why)
          out.push(
            finding(
              this.id,
              alt.node,
              `${containerLabel(c, i)}: image '${v}'${viaNote(alt.via)} is not valid: ${why}. Use repository[:tag] or repository@sha256:<digest>.`,
            ),
          );
      }
    });
    return out;
  },
};
