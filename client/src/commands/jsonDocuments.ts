/**
 * Content of the read-only virtual documents (scheme `fargate-lens`) behind "Open as JSON". Pure store:
 * view.ts registers a TextDocumentContentProvider that reads from it.
 */
export const SCHEME = 'fargate-lens';

export class JsonDocuments {
  private readonly docs = new Map<string, string>();
  private readonly listeners = new Set<(uri: string) => void>();

  /** Stores `value` as pretty JSON under a readable path; returns the URI string. */
  put(region: string, kind: string, name: string, value: unknown): string {
    const safe = (s: string): string => encodeURIComponent(s.replace(/[/:]/g, '-'));
    const uri = `${SCHEME}:/${safe(region)}/${safe(kind)}/${safe(name)}.json`;
    this.docs.set(uri, `${JSON.stringify(value, null, 2)}\n`);
    for (const l of this.listeners) l(uri);
    return uri;
  }

  /** Stores `text` as is (e.g. a Markdown report) under a readable path with extension `ext`; returns the URI. */
  putText(region: string, kind: string, name: string, text: string, ext: 'md' | 'txt'): string {
    const safe = (s: string): string => encodeURIComponent(s.replace(/[/:]/g, '-'));
    const uri = `${SCHEME}:/${safe(region)}/${safe(kind)}/${safe(name)}.${ext}`;
    this.docs.set(uri, text);
    for (const l of this.listeners) l(uri);
    return uri;
  }

  get(uri: string): string | undefined {
    return this.docs.get(uri);
  }

  onDidChange(listener: (uri: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
