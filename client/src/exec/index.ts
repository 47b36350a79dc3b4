/**
 * ECS Exec for Fargate Lens: a native SSM data-channel session client (session/), pre-flight checks
 * as pure functions (preflight/), the open-shell and run-command flows (flow.ts, free of VS Code),
 * a Pseudoterminal (terminal.ts), the session-manager-plugin fallback (plugin.ts) and the VS Code
 * command table (commands.ts). AWS calls go through the ExecApi port (ports.ts).
 */
export { execCommandHandlers, type RegisterExecDeps } from './commands';
export type { ExecApi, ExecApiFactory, ApiTarget } from './ports';
