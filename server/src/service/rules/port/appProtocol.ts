import type { TaskDefRule } from '../types';
import { checkMappingEnum } from './mappings';

/** Port mapping `appProtocol` is `http`, `http2` or `grpc` (lower case). */
export const appProtocol: TaskDefRule = {
  id: 'port/app-protocol',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid appProtocol',
  docs: {
    what: "A port mapping's `appProtocol` (used by Service Connect) is `http`, `http2` or `grpc`, in lower case.",
    why: 'The API enumerates these lower-case values (the 2023 developer guide showed upper case, which the API rejects).',
    fix: 'Write `http`, `http2` or `grpc` in lower case.',
  },
  check(ctx) {
    return checkMappingEnum(
      this.id,
      ctx,
      'appProtocol',
      ['http', 'http2', 'grpc'],
      'RegisterTaskDefinition rejects it.',
    );
  },
};
