/**
 * Request parameters are checked before a handler runs: a client that sends `null` params, no
 * `textDocument.uri` or a position that is not two numbers gets an InvalidParams error that says so,
 * not a TypeError text from deep inside a handler. Requests are also cancellable: the handler starts
 * after one turn of the event loop, so a `$/cancelRequest` that arrived with the request (a client
 * cancels stale code actions and completions as the user types) is honoured before any work.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

const isPosition = (p: unknown): boolean =>
  !!p &&
  typeof p === 'object' &&
  Number.isInteger((p as { line?: unknown }).line) &&
  Number.isInteger((p as { character?: unknown }).character);

/** What is wrong with a text-document request's params, or undefined when they are usable. */
export function paramsProblem(p: unknown): string | undefined {
  if (!p || typeof p !== 'object') return 'params must be an object';
  const td = (p as { textDocument?: { uri?: unknown } }).textDocument;
  if (!td || typeof td !== 'object' || typeof td.uri !== 'string') return 'params.textDocument.uri must be a string';
  if ('position' in p && !isPosition(p.position)) return 'params.position must have integer line and character';
  if ('range' in p) {
    const r = (p as { range: { start?: unknown; end?: unknown } | null }).range;
    if (!r || !isPosition(r.start) || !isPosition(r.end)) return 'params.range must have a start and an end position';
  }
  return undefined;
}

/** Wraps a request handler: checked params, and cancelled before work when the client already cancelled. */
export function checked<P, R>(
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    const problem = paramsProblem(params);
    if (problem) return new ResponseError(ErrorCodes.InvalidParams, `Invalid params: ${problem}.`);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
    const result = await handler(params, token);
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
    return result;
  };
}
