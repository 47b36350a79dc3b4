/**
 * The server's document state: the parsed model of every open editor and indexed file, debounced
 * validation, and re-validation of the open files whose cross-file findings a change may affect.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import {
  fileFilter,
  type Diagnostic,
  type DocumentModel,
  type LanguageService,
  type LiveEfs,
  type LiveFinding,
  MAX_LIVE_FINDINGS,
  sanitizeLiveFindings,
} from '../service/languageService';
import type { Settings } from '../protocol';
import { toLspDiagnostic } from './convert';
import { ValidationPacer } from './pacing';
import type { SettingsCache } from './settings';
import { background, type Log } from './log';
import type { ServerIo } from './io';

/** Documents longer than this are parsed when typing pauses, not on every change. */
export const COALESCE_CHARS = 256 * 1024;

export class Session {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly open = new Map<string, { version: number; model: DocumentModel }>();
  /** Open documents whose parse waits for the debounce (large ones). */
  private readonly coalesced = new Set<string>();
  /** What the last parse of each open document cost (ms), until its next validation is measured. */
  private readonly parseMs = new Map<string, number>();
  readonly pacer = new ValidationPacer();
  /** The last validation result of each open document, with the quick fixes its diagnostics carry. */
  private readonly results = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  folders: string[] = [];
  private disposed = false;
  /** Live EFS data from the client while it is connected to AWS. */
  live: LiveEfs | undefined;
  /** Live findings per producer (LIVE_FINDINGS_NOTIFICATION), flattened for validation. */
  private readonly liveByProducer = new Map<string, LiveFinding[]>();
  liveFindings: LiveFinding[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly ls: LanguageService,
    private readonly settings: SettingsCache,
    private readonly io: Pick<ServerIo, 'readFile'>,
    private readonly log: Log,
  ) {}

  /** The current model of an open document (parsed once per version). */
  async model(doc: TextDocument): Promise<DocumentModel | undefined> {
    const cached = this.open.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    // TextDocuments updates a document in place: what this call parses is the text of this version.
    const version = doc.version;
    const text = doc.getText();
    const s = await this.settings.get(doc.uri);
    const verdict = this.verdict(doc.uri, s);
    if (verdict === 'exclude') return undefined;
    const started = performance.now();
    const model = this.ls.parse(doc.uri, text, { force: verdict === 'force', maxLength: s.maxFileSizeKB * 1024 });
    this.parseMs.set(doc.uri, performance.now() - started);
    // Cached only while it is still the document's version: versions may arrive out of order, and an
    // older text must never stand in for a newer one (or the reverse).
    if (this.documents.get(doc.uri)?.version === version) this.open.set(doc.uri, { version, model });
    return model;
  }

  /** An open document changed (or opened): re-index it and validate it and its dependents. */
  async changed(doc: TextDocument): Promise<void> {
    // Large documents are parsed once per pause in typing, not per keystroke (a 5,000-resource
    // template costs ~250 ms a parse): publish() parses and re-indexes when the debounce fires.
    if (doc.getText().length > COALESCE_CHARS) {
      this.coalesced.add(doc.uri);
      this.schedule(doc.uri, (await this.settings.get(doc.uri)).debounceMs);
      return;
    }
    await this.index(doc);
  }

  /**
   * Re-indexes the document and schedules the validation of its dependents, and of itself unless the
   * caller is that validation (publish() of a coalesced large document: scheduling itself again would
   * validate the same version twice, and a code action would wait behind the second run).
   */
  private async index(doc: TextDocument, self = true): Promise<void> {
    const model = await this.model(doc);
    const affected = model ? this.ls.index.set(model, { pin: true }) : this.ls.index.delete(doc.uri);
    const s = await this.settings.get(doc.uri);
    if (self) this.schedule(doc.uri, s.debounceMs);
    for (const uri of affected) if (uri !== doc.uri && this.documents.get(uri)) this.schedule(uri, s.debounceMs);
  }

  /** An editor closed: the disk version (if any) goes back into the index; its diagnostics are cleared. */
  async closed(uri: string): Promise<void> {
    this.open.delete(uri);
    this.coalesced.delete(uri);
    this.parseMs.delete(uri);
    this.pacer.forget(uri);
    this.results.delete(uri);
    this.cancel(uri);
    this.settings.forget(uri);
    background(
      this.log,
      `clearing the diagnostics of ${uri}`,
      this.connection.sendDiagnostics({ uri, diagnostics: [] }),
    );
    try {
      await this.reloadFromDisk(uri);
    } finally {
      // reloadFromDisk fetched settings for the URI again; drop them unless it was reopened meanwhile.
      if (!this.documents.get(uri)) this.settings.forget(uri);
    }
  }

  /** A file changed on disk; open editors win over disk. */
  async reloadFromDisk(uri: string): Promise<void> {
    if (this.documents.get(uri)) return;
    const s = await this.settings.get(uri);
    const verdict = this.verdict(uri, s);
    const text = verdict === 'exclude' ? undefined : await this.io.readFile(uri, s.maxFileSizeKB * 1024);
    const affected =
      text === undefined
        ? this.ls.index.delete(uri)
        : this.ls.index.set(this.ls.parse(uri, text, { force: verdict === 'force' }), {
            opts: { force: verdict === 'force' },
          });
    for (const a of affected) if (this.documents.get(a)) this.schedule(a, s.debounceMs);
  }

  /** Replaces a producer's findings (all, or those anchored in `uris`) and validates the open documents again. */
  setLiveFindings(producer: string, findings: unknown, uris?: unknown): void {
    const incoming = sanitizeLiveFindings(findings);
    const only = Array.isArray(uris) ? new Set(uris.filter((u): u is string => typeof u === 'string')) : undefined;
    const kept = only
      ? (this.liveByProducer.get(producer) ?? []).filter((f) => !('uri' in f.anchor) || !only.has(f.anchor.uri))
      : [];
    const next = kept.concat(incoming).slice(0, MAX_LIVE_FINDINGS);
    if (next.length) this.liveByProducer.set(producer, next);
    else this.liveByProducer.delete(producer);
    this.liveFindings = [...this.liveByProducer.values()].flat();
    this.results.clear();
    for (const d of this.documents.all()) this.schedule(d.uri, 0);
  }

  revalidateAll(): void {
    this.open.clear();
    this.results.clear();
    for (const d of this.documents.all()) background(this.log, `checking ${d.uri}`, this.changed(d));
  }

  /**
   * The diagnostics of the document's current version, each with its quick fixes: the published ones
   * when they are current, else validated now (and not published: the debounced publish will).
   */
  async diagnostics(doc: TextDocument): Promise<{ model: DocumentModel; diagnostics: Diagnostic[] } | undefined> {
    const model = await this.model(doc);
    if (!model) return undefined;
    const last = this.results.get(doc.uri);
    if (last && last.version === doc.version) return { model, diagnostics: last.diagnostics };
    const s = await this.settings.get(doc.uri);
    return {
      model,
      diagnostics: await this.ls.validateAll(model, {
        rules: s.rules,
        live: this.live,
        liveFindings: this.liveFindings,
      }),
    };
  }

  /**
   * Validates the document after a delay that follows its measured cost, at most `capMs`
   * (`fargateLens.debounceMs`): cheap documents at once, expensive ones once per pause in typing.
   */
  schedule(uri: string, capMs: number): void {
    if (this.disposed) return;
    this.cancel(uri);
    const length = this.documents.get(uri)?.getText().length ?? 0;
    const delay = this.pacer.delay(uri, length, capMs);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        background(this.log, `checking ${uri}`, this.publish(uri));
      }, delay),
    );
  }

  /** Validates an open document now and publishes its diagnostics. */
  async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (this.coalesced.delete(uri)) await this.index(doc, false);
    const version = doc.version;
    const s = await this.settings.get(uri);
    const model = await this.model(doc);
    if (!model || !s.enable) {
      this.results.delete(uri);
      await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const started = performance.now();
    const diags = await this.ls.validateAll(model, {
      rules: s.rules,
      live: this.live,
      liveFindings: this.liveFindings,
    });
    this.pacer.record(uri, this.parseMs.get(uri) ?? 0, performance.now() - started);
    this.parseMs.delete(uri);
    // The document changed meanwhile (newer or older version): these results are stale; the change
    // scheduled its own publish.
    if (this.documents.get(uri)?.version !== version || this.open.get(uri)?.model !== model) return;
    this.results.set(uri, { version, diagnostics: diags });
    for (const d of diags)
      if (d.ruleId.startsWith('internal/')) this.log.error(`Fargate Lens: ${uri}: ${d.ruleId}: ${d.message}`);
    const lookup = (u: string) => (u === uri ? model : this.ls.index.get(u));
    await this.connection.sendDiagnostics({
      uri,
      version,
      diagnostics: diags.map((d) => toLspDiagnostic(model, d, lookup)),
    });
  }

  /** The client shut the server down: no more validation runs (pending ones are dropped). */
  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
    this.disposed = true;
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private verdict(uri: string, s: Settings): 'exclude' | 'force' | 'detect' {
    if (!uri.startsWith('file:') || (!s.files.include.length && !s.files.exclude.length)) return 'detect';
    const path = fileURLToPath(uri);
    const folder = this.folders.map((f) => fileURLToPath(f)).find((f) => path.startsWith(f));
    return fileFilter(s.files, (m) => this.settings.warn(`fargateLens.files.${m}`))(
      folder ? relative(folder, path) : path,
    );
  }
}
