/**
 * Binds the registration table to its deps; a failing command shows one redacted error message, never
 * throws. Activation registers thin wrappers for these ids (client/src/explorer/activate.ts).
 */
import { formatAwsError } from '../aws/errors';
import { COMMANDS } from './index';
import type { CommandDeps } from './types';

export type BoundCommand = (...args: unknown[]) => Promise<void>;

export function bindCommands(deps: CommandDeps, log: (line: string) => void): Record<string, BoundCommand> {
  return Object.fromEntries(
    Object.entries(COMMANDS).map(([id, handler]): [string, BoundCommand] => [
      id,
      async (...args) => {
        try {
          await handler(deps, ...args);
        } catch (err) {
          const message = formatAwsError(err);
          log(`${id}: ${message}`);
          deps.ui.error(message);
        }
      },
    ]),
  );
}
