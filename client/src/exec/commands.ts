/**
 * VS Code side of ECS Exec: the command table (fargateLens.openShell, fargateLens.runCommandInContainer),
 * settings, and the ExecUi adapter (one message per pre-flight result, terminals, output channel).
 */
import * as vscode from 'vscode';
import { userLevel } from '../explorer/settings';
import type { ExecDeps, ExecSettings } from './flow';
import { execHandlers, type ExecHandlers } from './handlers';
import type { ApiTarget, ExecApiFactory, ExecUi, FindingChoice } from './ports';
import { summarize, type Finding } from './preflight';

export interface RegisterExecDeps {
  /** Builds an ExecApi for a region/profile (e.g. `t => new SdkExecApi({ region: t.region, profile: t.profile, credentials })`). */
  apiFor: ExecApiFactory;
  /** Region/profile the palette flow uses when no tree node is passed. */
  defaultTarget(): ApiTarget;
  /** Where pre-flight findings and session logs go ("Fargate Lens: ECS Exec"). */
  output: vscode.OutputChannel;
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

function vscodeUi(output: vscode.OutputChannel): ExecUi {
  return {
    async presentFindings(findings: Finding[], blocking: boolean): Promise<FindingChoice> {
      for (const f of findings) output.appendLine(`[pre-flight] ${f.severity} ${f.id}: ${f.message}`);
      const fixes = findings
        .flatMap((f) => (f.fix ? [f.fix] : []))
        .filter((f, i, all) => all.findIndex((g) => g.title === f.title) === i)
        .slice(0, 2);
      const buttons = [...fixes.map((f) => f.title), ...(blocking ? [] : ['Continue']), 'Details'];
      const show = blocking ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      const picked = await show(`ECS Exec: ${summarize(findings)}`, ...buttons);
      if (picked === 'Details') output.show(true);
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
    showError: (m) => void vscode.window.showErrorMessage(m),
    showInfo: (m) => void vscode.window.showInformationMessage(m),
    async showText(content, language) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content, language }));
    },
    async openExternal(url) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    },
    async pick(items, placeholder) {
      const picked = await vscode.window.showQuickPick(
        items.map((i) => ({ label: i.label, description: i.description, item: i })),
        { placeHolder: placeholder },
      );
      return picked?.item.value;
    },
  };
}

/** The ECS Exec command handlers by id (handlers.ts); activation registers thin wrappers that call them. */
export function execCommandHandlers(deps: RegisterExecDeps): ExecHandlers {
  const execDeps: ExecDeps = {
    apiFor: deps.apiFor,
    ui: vscodeUi(deps.output),
    settings: readSettings,
    defaultTarget: () => deps.defaultTarget(),
  };
  return execHandlers(
    execDeps,
    async () => vscode.window.showInputBox({ prompt: 'Command to run in the container', placeHolder: 'ls -la /app' }),
    (line) => deps.output.appendLine(line),
  );
}
