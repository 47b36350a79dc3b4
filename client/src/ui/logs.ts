/**
 * The output channels over VS Code (LogOutputChannel: levels, timestamps, "Set Log Level"), created on
 * first use, and the "Fargate Lens: Show Logs" command's behaviour. Every line passes `redact`: no
 * secret key, session token or signed URL parameter reaches a channel.
 */
import * as vscode from 'vscode';
import { redact } from '../aws/errors';
import { LOG_CHANNELS, type LogChannelId, type Logger } from './logChannels';

export class Logs implements vscode.Disposable {
  private readonly channels = new Map<LogChannelId, vscode.LogOutputChannel>();

  channel(id: LogChannelId): vscode.LogOutputChannel {
    let c = this.channels.get(id);
    if (!c) {
      c = vscode.window.createOutputChannel(LOG_CHANNELS[id], { log: true });
      this.channels.set(id, c);
    }
    return c;
  }

  logger(id: LogChannelId): Logger {
    const c = (): vscode.LogOutputChannel => this.channel(id);
    return {
      info: (m) => c().info(redact(m)),
      warn: (m) => c().warn(redact(m)),
      error: (m) => c().error(redact(m)),
      debug: (m) => c().debug(redact(m)),
    };
  }

  /** Shows one channel, or asks which (the channels with content first). */
  async show(id?: unknown): Promise<void> {
    if (typeof id === 'string' && id in LOG_CHANNELS) {
      this.channel(id as LogChannelId).show(true);
      return;
    }
    const ids = Object.keys(LOG_CHANNELS) as LogChannelId[];
    const picked = await vscode.window.showQuickPick(
      ids.map((i) => ({ label: LOG_CHANNELS[i], description: this.channels.has(i) ? undefined : 'empty', id: i })),
      { title: 'Fargate Lens: Show Logs', placeHolder: 'Which log?' },
    );
    if (picked) this.channel(picked.id).show(true);
  }

  dispose(): void {
    for (const c of this.channels.values()) c.dispose();
    this.channels.clear();
  }
}
