/**
 * Runs every language-service entry point on a text and checks the contract: no throw, bounded time,
 * well-formed spans. Used by the mutation and property fuzzers.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getLanguageService, type LanguageService } from '../../../server/src/service/languageService';
import { complete } from '../../../server/src/service/editing';
import { liveEfsCompletions } from '../../../server/src/service/editing/liveCompletion';
import { schemaKindOf } from '../../../server/src/service/schema';
import type { DocumentModel } from '../../../server/src/service/shapes/document';

export const FUZZ_FIXTURES = resolve(__dirname, '../../fixtures/fuzz');
/** Generous bound per text for all requests together; a hang or quadratic blow-up exceeds it by far. */
export const MAX_MS_PER_TEXT = 2000;

let shared: LanguageService | undefined;

export interface Extra {
  /** More per-position requests (completion, hover, ...) registered by the editing features. */
  atOffset?: (ls: LanguageService, uri: string, text: string, offset: number) => unknown;
}

export const extras: Extra[] = [];

export function exercise(text: string, uri: string, offsets: number[]): void {
  const ls = (shared ??= getLanguageService());
  const started = performance.now();
  const doc = ls.parse(uri, text);
  ls.index.set(doc);
  const diags = ls.validate(doc);
  for (const d of diags) {
    assert.ok(d.span.offset >= 0 && d.span.offset + d.span.length <= text.length, `span out of range: ${d.ruleId}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(!d.ruleId.startsWith('internal/'), `${d.ruleId}: ${d.message}`);
  }
  ls.symbols(doc);
  ls.foldingRanges(doc);
  for (const o of offsets) {
    const at = Math.max(0, Math.min(text.length, o));
    ls.fixes(diags, at, at);
    editingRequests(ls, doc, at);
    for (const e of extras) e.atOffset?.(ls, uri, text, at);
  }
  ls.index.delete(uri);
  const ms = performance.now() - started;
  assert.ok(ms < MAX_MS_PER_TEXT, `took ${ms.toFixed(0)} ms`);
}

const LIVE = {
  region: 'eu-west-1',
  fileSystems: [{ id: 'fs-0123456789abcdef0', accessPoints: [{ id: 'fsap-0123456789abcdef0' }] }],
};

/** Every editing request the server answers, at one offset, through the facade the LSP adapters call. */
function editingRequests(ls: LanguageService, doc: DocumentModel, at: number): void {
  // The JSON completion engine with both launch types (the facade picks one from the workspace).
  const kind = schemaKindOf(doc) ?? (doc.syntax === 'json' ? 'register' : undefined);
  if (kind && doc.syntax === 'json') complete(doc.text, doc.root, at, kind, { fargate: at % 2 === 0 });
  if (doc.syntax === 'json') liveEfsCompletions(doc.text, doc.root, at, LIVE);
  ls.complete(doc, at, { live: LIVE, trigger: at % 3 === 0 ? ' ' : undefined });
  ls.hover(doc, at);
  ls.definition(doc, at);
  ls.references(doc, at, true);
  ls.prepareRename(doc, at);
  ls.rename(doc, at, 'renamed-1');
  ls.selectionRange(doc, at);
}

/** Saves a failing (shrunk) input as a regression fixture and rethrows. */
export function saveFailure(name: string, text: string, err: unknown): never {
  mkdirSync(FUZZ_FIXTURES, { recursive: true });
  const file = join(FUZZ_FIXTURES, `${name}.txt`);
  writeFileSync(file, text);
  throw new Error(`fuzz failure saved to ${file}: ${(err as Error).message}`);
}
