// UI-level checks driven with Playwright on the real workbench, one step per feature. Each step waits for
// workbench events (elements appearing) with a timeout, never for a fixed time, and saves screenshots.
// A step whose feature is not in the extension yet (per package.json / the source tree) is skipped with the
// reason; once the feature lands the step runs. Add steps here as features land.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const T = 30_000;

/** Opens a workspace file by name through Quick Open (Ctrl+P). */
export async function quickOpen(page, fileName) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor({ timeout: T });
}

/** Runs a command by its title through the command palette (Ctrl+Shift+P). */
export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

/** Expands a collapsed tree item and waits until the tree says it is expanded. */
async function expand(treeItem) {
  await treeItem.waitFor({ timeout: T });
  if ((await treeItem.getAttribute('aria-expanded')) !== 'true') await treeItem.click();
  await treeItem.and(treeItem.page().locator('[aria-expanded="true"]')).waitFor({ timeout: T });
}

const viewContainer = (pkg) => (pkg.contributes?.viewsContainers?.activitybar ?? []).find((c) => /Fargate Lens/i.test(c.title));

export const steps = [
  {
    name: 'workbench shows the extension in development mode',
    async run({ page, shot }) {
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => document.title.includes('Extension Development Host'), null, { timeout: T });
      await shot('workbench');
    },
  },
  {
    name: 'diagnostics appear as squiggles and in the Problems panel with our rule ids',
    skip: ({ root }) => (existsSync(join(root, 'server', 'src', 'server.ts')) ? undefined : 'no language server yet (server/src/server.ts)'),
    async run({ page, shot }) {
      await quickOpen(page, 'bad-task-definition.json');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: T });
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'fargate/cap-add' }).first();
      await row.waitFor({ timeout: T });
      await shot('problems');
    },
  },
  {
    name: 'the Fargate Lens explorer shows the seeded clusters',
    skip: ({ pkg, motoEndpoint }) => (!viewContainer(pkg) ? 'no "Fargate Lens" view container in package.json yet'
      : !motoEndpoint ? 'no moto_server to seed' : undefined),
    async run({ page, shot, pkg }) {
      const title = viewContainer(pkg).title;
      await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).click({ timeout: T });
      const tree = page.locator('.part.sidebar');
      const item = (name) => tree.getByRole('treeitem', { name }).first();
      await item(/^prod\b/).waitFor({ timeout: T });
      await item(/^staging\b/).waitFor({ timeout: T });
      // Down to the tasks of a seeded service: prod > Services > web > its tasks.
      await expand(item(/^prod\b/));
      await expand(item(/^Services\b/));
      const web = item(/^web\b/);
      await expand(web);
      const level = Number(await web.getAttribute('aria-level'));
      await tree.locator(`.monaco-list-row[aria-level="${level + 1}"]`).first().waitFor({ timeout: T });
      // Widen the side bar so labels and descriptions are readable, then move the mouse off any tooltip.
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box && box.width < 420) {
        await page.mouse.move(box.x + box.width + 1, box.y + 300);
        await page.mouse.down();
        await page.mouse.move(box.x + 460, box.y + 300, { steps: 5 });
        await page.mouse.up();
      }
      await page.mouse.move(900, 450);
      await shot('explorer');
    },
  },
  {
    name: 'a quick fix applied from the editor (Ctrl+.) rewrites a retired platform version',
    skip: ({ root }) => (existsSync(join(root, 'server', 'src', 'server.ts')) ? undefined : 'no language server yet (server/src/server.ts)'),
    async run({ page, shot }) {
      await quickOpen(page, 'efs-worker-service.json');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.squiggly-error').first().waitFor({ timeout: T });
      await editor.locator('.view-line span', { hasText: '"1.3.0"' }).last().click();
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Set platformVersion to LATEST' }).first();
      await item.waitFor({ timeout: T });
      await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Set platformVersion to LATEST' }).waitFor({ timeout: T });
      await shot('quickfix-menu');
      await page.keyboard.press('Enter');
      await editor.locator('.view-line', { hasText: '"platformVersion": "LATEST"' }).waitFor({ timeout: T });
    },
  },
];
