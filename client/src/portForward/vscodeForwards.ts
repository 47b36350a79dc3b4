/**
 * Active port forwards in VS Code (stable APIs only): a status-bar item while any runs ("$(plug) 2
 * forwards"), a quick pick listing each one — local address, what it reaches, bytes in/out, age — with
 * Stop, Copy Local URL and Open in Browser (through `env.asExternalUri`, so a remote or browser VS Code
 * forwards the port to the user's machine too), a notification when one starts, and one saying why when
 * it ends by itself (the task stopped, the agent ended the session, the connection could not be resumed).
 */
import * as vscode from 'vscode';
import type { ForwardList } from './commands';
import type { ActiveForward } from './start';

export const SHOW_FORWARDS_COMMAND = 'fargateLens.showPortForwards';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function formatAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export class ForwardsView implements ForwardList, vscode.Disposable {
  private readonly forwards: ActiveForward[] = [];
  private readonly status = vscode.window.createStatusBarItem(
    'fargateLens.portForwards',
    vscode.StatusBarAlignment.Left,
    50,
  );

  constructor(private readonly log: (line: string) => void) {
    this.status.name = 'Fargate Lens: Port Forwards';
    this.status.command = SHOW_FORWARDS_COMMAND;
  }

  get active(): readonly ActiveForward[] {
    return this.forwards;
  }

  add(f: ActiveForward): void {
    this.forwards.push(f);
    this.refresh();
    this.log(`port forward ${f.localAddress} → ${f.label} started (${f.forwarder.mode}, session ${f.sessionId})`);
    void vscode.window
      .showInformationMessage(`Forwarding ${f.localAddress} → ${f.label}`, 'Open in Browser', 'Copy Local URL')
      .then((b) => (b ? this.act(f, b === 'Open in Browser' ? 'open' : 'copy') : undefined));
    f.forwarder.onConnectionFailed((m) => this.log(`${f.localAddress}: ${m}`));
    void f.done.then((e) => {
      const i = this.forwards.indexOf(f);
      if (i >= 0) this.forwards.splice(i, 1);
      this.refresh();
      this.log(`port forward ${f.localAddress} → ${f.label} ended: ${e.message}`);
      const text = `Port forward ${f.localAddress} → ${f.label} ${e.reason === 'stopped' ? 'stopped' : `ended: ${e.message}`}`;
      if (e.reason === 'stopped') void vscode.window.showInformationMessage(text);
      else void vscode.window.showWarningMessage(text);
    });
  }

  /** The quick pick of active forwards, then what to do with the one picked. */
  async show(): Promise<void> {
    if (!this.forwards.length) {
      const b = await vscode.window.showInformationMessage('No active port forwards.', 'Forward Port…');
      if (b) await vscode.commands.executeCommand('fargateLens.forwardPort');
      return;
    }
    const now = Date.now();
    const picked = await vscode.window.showQuickPick(
      this.forwards.map((f) => ({
        label: `${f.localAddress} → ${f.label}`,
        description: `↓ ${formatBytes(f.forwarder.stats.bytesIn)} ↑ ${formatBytes(f.forwarder.stats.bytesOut)} · ${formatAge(now - f.forwarder.stats.startedAt)}`,
        detail: `${f.forwarder.stats.active} open connection(s) · ${f.forwarder.mode} · ${f.target}`,
        forward: f,
      })),
      { title: 'Fargate Lens: Port Forwards', placeHolder: 'Pick a forward to stop it, copy or open its URL' },
    );
    if (!picked) return;
    const action = await vscode.window.showQuickPick(
      [
        { label: '$(debug-stop) Stop', value: 'stop' as const },
        { label: '$(copy) Copy Local URL', value: 'copy' as const },
        { label: '$(globe) Open in Browser', value: 'open' as const },
      ],
      { title: picked.label },
    );
    if (action) await this.act(picked.forward, action.value);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.forwards.map((f) => f.stop()));
  }

  dispose(): void {
    void this.stopAll();
    this.status.dispose();
  }

  private async act(f: ActiveForward, action: 'stop' | 'copy' | 'open'): Promise<void> {
    if (action === 'stop') return f.stop();
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(`http://${f.localAddress}/`));
    if (action === 'copy') await vscode.env.clipboard.writeText(external.toString());
    else await vscode.env.openExternal(external);
  }

  private refresh(): void {
    const n = this.forwards.length;
    if (!n) return this.status.hide();
    this.status.text = `$(plug) ${n === 1 ? this.forwards[0].localAddress : `${n} forwards`}`;
    this.status.tooltip = this.forwards.map((f) => `${f.localAddress} → ${f.label}`).join('\n');
    this.status.show();
  }
}
