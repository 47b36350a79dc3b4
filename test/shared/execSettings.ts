import type { ExecSettings } from '../../client/src/exec/flow';

/** The ECS Exec settings as they are by default (a /bin/sh shell over our own client, IAM simulated), with `changes`. */
export const execSettings = (changes: Partial<ExecSettings> = {}): ExecSettings => ({
  command: '/bin/sh',
  useSessionManagerPlugin: false,
  sessionManagerPluginPath: 'session-manager-plugin',
  simulateIamPolicies: true,
  ...changes,
});
