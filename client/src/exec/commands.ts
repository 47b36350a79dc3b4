/**
 * VS Code side of ECS Exec: the command table (fargateLens.openShell, fargateLens.runCommandInContainer),
 * settings, and the ExecUi adapter (one message per pre-flight result, terminals, output channel).
 */
import * as vscode from 'vscode';
import { fromHttpConfiguration } from '../aws/proxySettings';
import { userLevel } from '../explorer/settings';
import type { Logger } from '../ui/logChannels';
import { createVsCodeUi } from '../ui/vscodeUi';
import type { ExecDeps, ExecSettings } from './flow';
import { execHandlers, type ExecHandlers } from './handlers';
import { ForwardsView } from '../portForward/vscodeForwards';
import { RUN_COMMAND_PROMPT } from './prompts';
import type { ApiTarget, ExecApiFactory, ExecUi, FindingChoice } from './ports';
import { detailsText, summarize, type Finding } from './preflight';

export interface RegisterExecDeps {
  /** The ExecApi of a region/profile: the extension's one AWS client factory (`factory.exec`). */
  apiFor: ExecApiFactory;
  /** Region/profile the palette flow uses when no tree node is passed. */
  defaultTarget(): ApiTarget;
  /** Where pre-flight findings and session logs go ("Fargate Lens: ECS Exec"). */
  output: vscode.LogOutputChannel;
  /** The same channel as a redacting logger (errors shown are also logged). */
  log?: Logger;
  /** What commands run in containers print ("Fargate Lens: Command Output"), apart from the log. */
  commandOutput: vscode.OutputChannel;
  /** Where recent port-forward choices are kept per service (the extension's global state). */
  state?: vscode.Memento;
  /** Disposed on deactivation: the active port forwards are stopped (their sessions terminated). */
  subscriptions?: vscode.Disposable[];
}

/**
 * Every exec setting decides what runs or which AWS calls are made, so each is read at user/machine
 * level only (on top of its machine/application scope in package.json): a cloned repository's
 * .vscode/settings.json cannot choose the command run in the user's container.
 */
function readSettings(): ExecSettings {
  return {
    command: userLevel<string>('exec.command', '') || '/bin/sh',
    useSessionManagerPlugin: userLevel<boolean>('exec.useSessionManagerPlugin', false),
    sessionManagerPluginPath: userLevel<string>('exec.sessionManagerPluginPath', '') || 'session-manager-plugin',
    simulateIamPolicies: userLevel<boolean>('exec.simulateIamPolicies', true),
  };
}

/** The ExecUi over VS Code (exported for its test). */
export function vscodeUi(output: vscode.OutputChannel, commandOutput: vscode.OutputChannel, log?: Logger): ExecUi {
  // Pickers, messages and links come from the one UI port; the rest is exec's own (terminals, output).
  const ui = createVsCodeUi(() => undefined, 'exec', log);
  const showText = async (content: string, language: string) =>
    void (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content, language })));
  return {
    async presentFindings(findings: Finding[], blocking: boolean): Promise<FindingChoice> {
      for (const f of findings) output.appendLine(`[pre-flight] ${f.severity} ${f.id}: ${f.message}`);
      const fixes = findings
        .flatMap((f) => [f.fix, f.alternative].filter((x) => !!x))
        .filter((f, i, all) => all.findIndex((g) => g.title === f.title) === i)
        .slice(0, 2);
      const buttons = [...fixes.map((f) => f.title), ...(blocking ? [] : ['Continue']), 'Details'];
      const show = blocking ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      const message = `ECS Exec: ${summarize(findings)}`;
      let picked = await show(message, ...buttons);
      // The toast holds one line; every finding, in full and with its fix, opens beside it, and the
      // choices come back once more so the fix is still one click away.
      if (picked === 'Details') {
        await showText(detailsText(findings), 'markdown');
        picked = buttons.length > 1 ? await show(message, ...buttons.slice(0, -1)) : undefined;
      }
      if (picked === 'Continue') return 'continue';
      return fixes.find((f) => f.title === picked);
    },
    createTerminal(name, pty) {
      vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('terminal') }).show();
    },
    createProcessTerminal(name, cmd) {
      vscode.window.createTerminal({ name, shellPath: cmd.command, shellArgs: cmd.args }).show();
    },
    output: (text) => output.append(text),
    showOutput: () => output.show(true),
    commandOutput: (text) => commandOutput.append(text),
    showCommandOutput: () => commandOutput.show(true),
    withProgress: (title, task) => ui.withProgress(title, task, { cancellable: true }),
    showError: (m) => ui.error(m),
    showInfo: (m) => ui.info(m),
    showText,
    openExternal: (url) => ui.openExternal(url),
    pick: (items, opts) => ui.pick(items, opts),
  };
}

/** The ECS Exec command handlers by id (handlers.ts); activation registers thin wrappers that call them. */
export function execCommandHandlers(deps: RegisterExecDeps): ExecHandlers {
  const execDeps: ExecDeps = {
    apiFor: deps.apiFor,
    ui: vscodeUi(deps.output, deps.commandOutput, deps.log),
    settings: readSettings,
    proxy: () => fromHttpConfiguration(vscode.workspace.getConfiguration('http')),
    defaultTarget: () => deps.defaultTarget(),
  };
  const view = new ForwardsView((line) => deps.output.info(line));
  deps.subscriptions?.push(view);
  return execHandlers(
    execDeps,
    async (target) =>
      vscode.window.showInputBox({
        title: `Run command in ${target}`,
        prompt: `${RUN_COMMAND_PROMPT} Its output goes to "Fargate Lens: Command Output".`,
        placeHolder: 'ls -la /app | head',
        ignoreFocusOut: true,
      }),
    // The UI logs each error it shows; the guard's line (with the command id) goes to debug.
    (line) => deps.output.debug(line),
    {
      view,
      portUi: createVsCodeUi(() => undefined, 'exec', deps.log),
      recent: deps.state ?? memoryStore(),
      log: (line) => deps.output.info(line),
    },
  );
}

/** Recent choices for this window only, when no extension state is given. */
function memoryStore() {
  const m = new Map<string, unknown>();
  return {
    get: <T>(k: string) => m.get(k) as T | undefined,
    update: (k: string, v: unknown) => Promise.resolve(void m.set(k, v)),
  };
}
