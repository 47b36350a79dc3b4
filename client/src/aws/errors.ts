/**
 * Turns SDK and credential errors into short, secret-free messages with a fix a user can act on.
 * Every message shown to a user or written to a log about an AWS failure goes through `describeAwsError`.
 */

export type AwsErrorKind =
  | 'sso-expired'
  | 'no-credentials'
  | 'expired-token'
  | 'access-denied'
  | 'throttled'
  | 'network'
  | 'not-found'
  | 'other';

export interface AwsErrorInfo {
  kind: AwsErrorKind;
  /** One line, safe to show: credentials and tokens are redacted. */
  message: string;
  /** What to do about it, when we know. */
  fix?: string;
}

/** Secret keys and session tokens are long mixed-case base64 runs; ARNs and task ids are not mixed-case. */
function looksSecret(run: string): boolean {
  return run.length >= 100 || (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9+/]/.test(run));
}

/**
 * Credentials out of a text: signed-URL parameters, echoed signing headers (`x-amz-security-token:...`,
 * `Credential=...`), access key ids and secret-shaped runs. Linear in the text (no nested quantifiers).
 */
export function redact(text: string): string {
  return text
    .replace(/(X-Amz-(?:Security-Token|Signature|Credential)=)[^&\s]+/gi, '$1***')
    .replace(/(x-amz-security-token\s*:\s*)[^\s'",]+/gi, '$1***')
    .replace(
      /((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)["']?\s*[:=]\s*["']?)[^\s'",&]+/gi,
      '$1***',
    )
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '***')
    .replace(/[A-Za-z0-9+/=]{40,}/g, (run) => (looksSecret(run) ? '***' : run));
}

/** A string or number field as text; '' for anything else (an object would print as [object Object]). */
function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function field(err: unknown, key: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[key] : undefined;
}

export function describeAwsError(err: unknown, profile?: string): AwsErrorInfo {
  const name = text(field(err, 'name') ?? field(err, 'Code'));
  const raw = err instanceof Error ? err.message : String(err);
  const message = redact(raw.split('\n')[0] ?? raw).slice(0, 300);
  const status = (field(err, '$metadata') as { httpStatusCode?: number } | undefined)?.httpStatusCode;
  const profileArg = profile ? ` --profile ${profile}` : '';
  if (/sso/i.test(raw) && /(expired|invalid|refresh)/i.test(raw)) {
    return {
      kind: 'sso-expired',
      message: `The SSO session${profile ? ` for profile "${profile}"` : ''} has expired.`,
      fix: `Run: aws sso login${profileArg}`,
    };
  }
  if (
    /ExpiredToken|RequestExpired|TokenRefreshRequired/i.test(name) ||
    /security token included in the request is expired/i.test(raw)
  ) {
    return {
      kind: 'expired-token',
      message: `The credentials have expired (${name || 'ExpiredToken'}).`,
      fix: `Refresh the credentials${profile ? ` of profile "${profile}"` : ''} and refresh the view.`,
    };
  }
  if (
    name === 'CredentialsProviderError' ||
    /Could not load credentials|credential.*not found|Unable to locate credentials/i.test(raw)
  ) {
    return {
      kind: 'no-credentials',
      message: `No AWS credentials${profile ? ` for profile "${profile}"` : ''}: ${message}`,
      fix: 'Select a profile, or configure credentials (aws configure / aws sso login).',
    };
  }
  if (
    /AccessDenied|UnauthorizedOperation|UnrecognizedClient|InvalidClientTokenId|SignatureDoesNotMatch/i.test(name) ||
    status === 403
  ) {
    return {
      kind: 'access-denied',
      message: `Access denied: ${message}`,
      fix: 'Check the IAM permissions of the selected profile in this region.',
    };
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded/i.test(name) || status === 429) {
    return {
      kind: 'throttled',
      message: 'AWS is throttling requests; retried with back-off and gave up.',
      fix: 'Refresh again in a moment.',
    };
  }
  if (
    /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|socket hang up|TimeoutError/i.test(
      `${name} ${raw} ${text(field(err, 'code'))}`,
    )
  ) {
    return {
      kind: 'network',
      message: `Network error: ${message}`,
      fix: 'Check the connection, proxy and endpoint settings, then refresh.',
    };
  }
  if (/NotFound|ClusterNotFoundException|ServiceNotFoundException/i.test(name) || status === 404) {
    return { kind: 'not-found', message };
  }
  return {
    kind: 'other',
    message:
      status && status >= 500
        ? `AWS returned HTTP ${status}: ${name || message}`
        : `${name ? `${name}: ` : ''}${message}`,
  };
}

/** The message plus its fix, for notifications. */
export function formatAwsError(err: unknown, profile?: string): string {
  const info = describeAwsError(err, profile);
  return info.fix ? `${info.message} ${info.fix}` : info.message;
}
