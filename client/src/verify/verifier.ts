/**
 * The editor's pre-deploy verification of one file: asks the language server for the file's references
 * (fargateLens/liveReferences), checks them against the connected account (run.ts) and publishes the
 * result as live findings of producer 'verify' for that file (replacing its earlier ones). No VS Code
 * import: the save hook and the command (client/src/commands/verify.ts) drive it.
 */
import type { LiveFinding } from '../../../server/src/protocol';
import type { LiveReference } from '../../../server/src/service/verify/references';
import { connectionKey } from '../aws/profiles';
import type { ApiFactory, Connection } from '../aws/types';
import type { PublishLiveFindings } from '../liveFindings';
import { VerifyCache } from './context';
import { verifyReferences } from './run';

export const VERIFY_PRODUCER = 'verify';

export interface VerifierDeps {
  references(uri: string): Promise<LiveReference[]>;
  apis: ApiFactory;
  publish: PublishLiveFindings;
}

export interface VerifyOutcome {
  account: string;
  region: string;
  references: number;
  findings: LiveFinding[];
}

export class Verifier {
  private readonly cache = new VerifyCache();
  private readonly accounts = new Map<string, Promise<string>>();
  /** The newest run per file wins: an older one finishing later publishes nothing. */
  private readonly runs = new Map<string, number>();
  private seq = 0;

  constructor(private readonly deps: VerifierDeps) {}

  /** Verifies `uri` against `conn`; `force` ignores cached answers (the "re-verify" of the command). */
  async verify(uri: string, conn: Connection, force = false): Promise<VerifyOutcome | undefined> {
    const run = ++this.seq;
    this.runs.set(uri, run);
    if (force) this.cache.clear();
    const refs = await this.deps.references(uri);
    const account = await this.account(conn);
    const apis = this.deps.apis;
    const findings =
      refs.length === 0
        ? []
        : await verifyReferences(refs, {
            apis: (region) => apis({ profile: conn.profile, region }),
            region: conn.region,
            account,
            cache: this.cache,
          });
    if (this.runs.get(uri) !== run) return undefined;
    this.deps.publish({ producer: VERIFY_PRODUCER, uris: [uri], findings });
    return { account, region: conn.region, references: refs.length, findings };
  }

  /** Removes a file's verification findings (verification turned off, the file closed). */
  clear(uri?: string): void {
    this.deps.publish(
      uri ? { producer: VERIFY_PRODUCER, uris: [uri], findings: [] } : { producer: VERIFY_PRODUCER, findings: [] },
    );
  }

  /** Forget cached answers and accounts (profile or endpoint changed). */
  reset(): void {
    this.cache.clear();
    this.accounts.clear();
  }

  private account(conn: Connection): Promise<string> {
    const key = connectionKey(conn);
    let p = this.accounts.get(key);
    if (!p) {
      p = this.deps
        .apis(conn)
        .then((a) => a.sts.getCallerIdentity())
        .then((id) => {
          if (!id.account) throw new Error('sts:GetCallerIdentity returned no account');
          return id.account;
        });
      p.catch(() => this.accounts.delete(key));
      this.accounts.set(key, p);
    }
    return p;
  }
}
