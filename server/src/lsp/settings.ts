/**
 * Settings per document through workspace/configuration, cached per document, cleared on change.
 * Every value is checked (protocol.ts checkSettings): a bad one falls back, and the fallback is logged
 * once as a warning. The cache is bounded: file-watch storms name many URIs that are never opened.
 */
import type { Connection } from 'vscode-languageserver';
import { checkSettings, DEFAULT_SETTINGS, type Settings } from '../protocol';
import type { Log } from './log';

/** Entries kept; the oldest goes first. Far above the documents a user has open at once. */
export const MAX_CACHED_SETTINGS = 512;
/** Distinct warnings remembered (each is logged once); older ones may be logged again. */
const MAX_WARNINGS = 256;

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly warned = new Set<string>();
  private supported = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  /** Whether the client answers workspace/configuration (set from its capabilities). */
  setSupported(value: boolean): void {
    this.supported = value;
  }

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'fargateLens' }).then(
        (raw) => {
          const { settings, problems } = checkSettings(raw);
          for (const p of problems) this.warn(p);
          return settings;
        },
        (e: unknown) => {
          this.log.warn(`Fargate Lens: settings for ${uri} could not be read; using the defaults`, e);
          return DEFAULT_SETTINGS;
        },
      );
      if (this.cache.size >= MAX_CACHED_SETTINGS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** Logs a settings problem once (`Settings: ...`, a warning in the server's output). */
  warn(problem: string): void {
    if (this.warned.has(problem)) return;
    if (this.warned.size >= MAX_WARNINGS) this.warned.clear();
    this.warned.add(problem);
    this.log.warn(`Settings: ${problem}`);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.warned.clear();
  }

  /** Entries held (for tests of the bound). */
  get size(): number {
    return this.cache.size;
  }
}
