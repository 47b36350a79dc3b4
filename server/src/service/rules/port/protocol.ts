import type { TaskDefRule } from '../types';
import { checkMappingEnum } from './mappings';

/** Port mapping `protocol` is `tcp` or `udp` (lower case). */
export const portProtocol: TaskDefRule = {
  id: 'port/protocol',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Invalid port protocol',
  docs: {
    what: "A port mapping's `protocol` is `tcp` or `udp`, in lower case.",
    why: 'The API enumerates lower-case tcp/udp; other values are not what you meant (a mapping meant as UDP silently becomes TCP, or registration fails).',
    fix: 'Write `tcp` or `udp` in lower case.',
  },
  check(ctx) {
    return checkMappingEnum(this.id, ctx, 'protocol', ['tcp', 'udp'], 'ECS documents only lower-case tcp and udp.');
  },
};
