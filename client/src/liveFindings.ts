/**
 * The client's side of LIVE_FINDINGS_NOTIFICATION (server/src/protocol.ts): producers (pre-deploy
 * verification, stopped-task diagnosis) publish findings anchored at members of workspace files; the
 * language server shows them as diagnostics. The latest state per producer is kept, merged as the
 * server merges it, and sent again whenever the server (re)starts. Lives in the explorer chunk, so
 * activation carries none of it.
 */
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_LAUNCH_REQUEST,
  LIVE_FINDINGS_NOTIFICATION,
  LIVE_REFERENCES_REQUEST,
  type CheckLaunchResult,
  type LiveReferencesResult,
  type LiveFinding,
  type LiveFindingsParams,
} from '../../server/src/protocol';

export type PublishLiveFindings = (params: LiveFindingsParams) => void;

export class LiveFindingsState {
  private readonly byProducer = new Map<string, LiveFinding[]>();

  /** Applies a notification to the kept state (the server's rule: `uris` replaces only those files). */
  apply(p: LiveFindingsParams): void {
    const only = p.uris ? new Set(p.uris) : undefined;
    const kept = only
      ? (this.byProducer.get(p.producer) ?? []).filter((f) => !('uri' in f.anchor) || !only.has(f.anchor.uri))
      : [];
    const next = kept.concat(p.findings);
    if (next.length) this.byProducer.set(p.producer, next);
    else this.byProducer.delete(p.producer);
  }

  /** One notification per producer that restores the whole state. */
  snapshot(): LiveFindingsParams[] {
    return [...this.byProducer].map(([producer, findings]) => ({ producer, findings }));
  }

  /** The findings a producer holds now. */
  of(producer: string): readonly LiveFinding[] {
    return this.byProducer.get(producer) ?? [];
  }
}

/** What the explorer chunk uses of the language server. */
export interface ServerLink {
  publishLive: PublishLiveFindings;
  state: LiveFindingsState;
  /** The cross-file rules on a file with a live service's launch settings (the deploy guard rail). */
  checkLaunch(uri: string, launch: Record<string, unknown>): Promise<string[]>;
  /** The references of a file that verification checks against the account (none when the server is down). */
  references(uri: string): Promise<LiveReferencesResult['references']>;
}

export function linkServer(server: () => LanguageClient | undefined, warn: (line: string) => void): ServerLink {
  const state = new LiveFindingsState();
  const watched = new WeakSet<LanguageClient>();
  const send = (c: LanguageClient, p: LiveFindingsParams): void =>
    void c
      .sendNotification(LIVE_FINDINGS_NOTIFICATION, p)
      .catch((e: unknown) => warn(`live findings not sent to the language server: ${String(e)}`));
  const client = (): LanguageClient | undefined => {
    const c = server();
    if (c && !watched.has(c)) {
      watched.add(c);
      // A (re)started server knows nothing: it gets the whole state again.
      c.onDidChangeState(() => {
        if (c.isRunning()) for (const p of state.snapshot()) send(c, p);
      });
    }
    return c;
  };
  client();
  return {
    state,
    publishLive(p) {
      state.apply(p);
      const c = client();
      if (c?.isRunning()) send(c, p);
    },
    async references(uri) {
      const c = client();
      if (!c?.isRunning()) return [];
      return (await c.sendRequest<LiveReferencesResult>(LIVE_REFERENCES_REQUEST, { uri })).references ?? [];
    },
    async checkLaunch(uri, launch) {
      const c = client();
      if (!c?.isRunning()) return [];
      const r = await c.sendRequest<CheckLaunchResult>(CHECK_LAUNCH_REQUEST, { uri, launch });
      return r.findings.map((f) => `${f.severity}: ${f.message} (${f.ruleId})`);
    },
  };
}
