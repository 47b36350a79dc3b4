/**
 * Keeps secrets (session token, stream URL query, credentials) out of every message we produce.
 * Each session registers its secrets; `redact` replaces any occurrence before text leaves the module.
 */
import { redact as redactByShape } from '../../aws/errors';

const MIN_SECRET_LENGTH = 6;

export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: (string | undefined)[]): this {
    for (const v of values) {
      if (v && v.length >= MIN_SECRET_LENGTH) this.secrets.add(v);
    }
    return this;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is removed whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('[redacted]');
    // Signed URL query strings and token-looking parameters, even ones never registered.
    out = out.replace(/([?&](?:X-Amz-[A-Za-z-]+|token|TokenValue)=)[^&\s"']+/gi, '$1[redacted]');
    // Credentials the session never registered (an AWS error echoing the signed request): access key ids,
    // secret keys and session tokens, by shape, as for every other AWS error message.
    return redactByShape(out);
  }

  /** A new Error whose message (and cause chain summary) is redacted; the original is not attached. */
  error(context: string, cause: unknown): Error {
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return new Error(this.redact(`${context}: ${detail}`));
  }
}
