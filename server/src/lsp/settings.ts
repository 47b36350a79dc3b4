/** Settings per document through workspace/configuration, cached per document, cleared on change. */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../protocol';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  /** Whether the client answers workspace/configuration (set from its capabilities). */
  setSupported(value: boolean): void {
    this.supported = value;
  }

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'fargateLens' })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
