/**
 * Binds the registration table to its deps through the one guard (guard.ts): a failing command shows
 * one redacted error message and never throws, and everything a handler shows is redacted. Activation
 * registers thin wrappers for these ids (client/src/explorer/activate.ts).
 */
import { guardCommand, redactingUi } from './guard';
import { COMMANDS } from './index';
import type { CommandDeps } from './types';

export type BoundCommand = (...args: unknown[]) => Promise<void>;

export function bindCommands(deps: CommandDeps, log: (line: string) => void): Record<string, BoundCommand> {
  const safe: CommandDeps = { ...deps, ui: redactingUi(deps.ui) };
  return Object.fromEntries(
    Object.entries(COMMANDS).map(([id, handler]): [string, BoundCommand] => [
      id,
      guardCommand(id, (...args: unknown[]) => handler(safe, ...args), { error: (m) => safe.ui.error(m), log }),
    ]),
  );
}
