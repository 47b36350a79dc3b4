// Stands in, in the client bundle only, for the feature modules of vscode-languageclient/lib/common that
// scripts/build/slimClient.mjs replaces: the features our language server never offers (it advertises
// no capability that would activate them; test/unit/client/slim-client.test.ts checks that against the
// running server and the real feature code). Each class is registered by BaseLanguageClient like the
// real one and behaves as a feature that stays inactive:
//   - fillClientCapabilities adds nothing: the server is never told the client supports the feature,
//     so a conforming server neither offers it nor sends its requests (refresh, progress create);
//   - initialize installs no provider and no request handler;
//   - it is a static feature (no registrationType, register or unregister): a server that still tried
//     to register the method dynamically gets the library's own refusal ("No feature implementation
//     for <method> found. Registration failed."), as from a client without the feature;
//   - getState reports a static feature, clear has nothing to drop.
// The module exports every name the replaced modules export (the build checks it), including the
// plain enums that lib/common/api.js re-exports from diagnostic.js.
'use strict';

class InactiveFeature {
  fillClientCapabilities() {}
  initialize() {}
  getState() {
    return { kind: 'static' };
  }
  clear() {}
}

class NotebookDocumentSyncFeature extends InactiveFeature {
  // Read by BaseLanguageClient's open-documents tracker (isVisible) to tell notebook cells apart.
  static CellScheme = 'vscode-notebook-cell';
  // Never reached (the client finds no dynamic notebook feature), but a dedicated sync handles nothing.
  handles() {
    return false;
  }
}

const vsdiag = { DocumentDiagnosticReportKind: { full: 'full', unChanged: 'unChanged' } };
const DiagnosticPullMode = { onType: 'onType', onSave: 'onSave', onFocus: 'onFocus' };

const names = [
  'SignatureHelpFeature',
  'DocumentHighlightFeature',
  'WorkspaceSymbolFeature',
  'CodeLensFeature',
  'DocumentFormattingFeature',
  'DocumentRangeFormattingFeature',
  'DocumentOnTypeFormattingFeature',
  'DocumentLinkFeature',
  'ExecuteCommandFeature',
  'TypeDefinitionFeature',
  'ImplementationFeature',
  'ColorProviderFeature',
  'DeclarationFeature',
  'ProgressFeature',
  'CallHierarchyFeature',
  'SemanticTokensFeature',
  'LinkedEditingFeature',
  'DidCreateFilesFeature',
  'DidRenameFilesFeature',
  'DidDeleteFilesFeature',
  'WillCreateFilesFeature',
  'WillRenameFilesFeature',
  'WillDeleteFilesFeature',
  'TypeHierarchyFeature',
  'InlineValueFeature',
  'InlayHintsFeature',
  'DiagnosticFeature',
  'InlineCompletionItemFeature',
  'TextDocumentContentFeature',
];
// One subclass per name, so that features stay distinct classes (instanceof, constructor.name).
for (const name of names) exports[name] = { [name]: class extends InactiveFeature {} }[name];
exports.NotebookDocumentSyncFeature = NotebookDocumentSyncFeature;
exports.InactiveFeature = InactiveFeature;
exports.vsdiag = vsdiag;
exports.DiagnosticPullMode = DiagnosticPullMode;
