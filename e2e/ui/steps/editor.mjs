// UI steps for the editor: the workbench, diagnostics as squiggles and in the Problems panel, a quick fix,
// completion.
import { needsFile, quickOpen, T } from '../helpers.mjs';

/** @typedef {import('../helpers.mjs').UiStep} UiStep */

/** @type {UiStep} */
export const workbench = {
  name: 'workbench shows the extension in development mode',
  async run({ page, shot }) {
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await page.waitForFunction("document.title.includes('Extension Development Host')", null, { timeout: T });
    await shot('workbench');
  },
};

/** @type {UiStep} */
export const diagnostics = {
  name: 'diagnostics appear as squiggles and in the Problems panel with our rule ids',
  skip: needsFile('server/src/server.ts', 'language server'),
  async run({ page, shot }) {
    await quickOpen(page, 'bad-task-definition.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: T });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'fargate/cap-add' }).first();
    await row.waitFor({ timeout: T });
    await shot('problems');
  },
};

/** @type {UiStep} */
export const quickFix = {
  name: 'a quick fix applied from the editor (Ctrl+.) rewrites a retired platform version',
  skip: needsFile('server/src/server.ts', 'language server'),
  async run({ page, shot }) {
    await quickOpen(page, 'efs-worker-service.json');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: T });
    await editor.locator('.view-line span', { hasText: '"1.3.0"' }).last().click();
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Set platformVersion to LATEST' }).first();
    await item.waitFor({ timeout: T });
    await page
      .locator('.action-widget .monaco-list-row.focused', { hasText: 'Set platformVersion to LATEST' })
      .waitFor({ timeout: T });
    await shot('quickfix-menu');
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: '"platformVersion": "LATEST"' }).waitFor({ timeout: T });
  },
};

/** @type {UiStep} */
export const completion = {
  name: 'completion in the editor (Ctrl+Space) offers the memory sizes valid for the task cpu',
  skip: needsFile('server/src/lsp/editing.ts', 'completion'),
  async run({ page, shot }) {
    await quickOpen(page, 'web.json');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // Just inside the quotes of "memory": "1024", (cpu is 512 there), then ask for suggestions.
    await editor.locator('.view-line span', { hasText: '"1024"' }).first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < '1024",'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget.visible');
    await widget.locator('.monaco-list-row', { hasText: '2048' }).first().waitFor({ timeout: T });
    await shot('completion');
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: T });
  },
};
