// What the UI steps (steps.mjs, steps/) share: opening files and commands, answering quick inputs and
// dialogs, waiting for notifications, the Fargate Lens explorer, and the checks that decide whether a step
// can run. Every wait is on a workbench element with a timeout (T), never a fixed time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const T = 30_000;

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
export async function expand(treeItem) {
  await treeItem.waitFor({ timeout: T });
  if ((await treeItem.getAttribute('aria-expanded')) !== 'true') await treeItem.click();
  await treeItem.and(treeItem.page().locator('[aria-expanded="true"]')).waitFor({ timeout: T });
}

/** Expands cluster prod > Services > web (the seeded service) in the explorer; resolves with web's row. */
export async function expandWebService(item) {
  await expand(item(/^prod\b/));
  await expand(item(/^Services\b/));
  const web = item(/^web\b/);
  await expand(web);
  return web;
}

/**
 * Answers the quick input titled `title` (a substring): clicks the row containing `label`, or accepts the
 * default (the first row, or an input box's value) with Enter when `label` is undefined.
 */
export async function answer(page, title, label) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: T });
  if (label === undefined) {
    await widget.locator('input').press('Enter');
    return;
  }
  const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: T });
  await row.click();
}

/** Clicks `button` in the modal dialog whose message contains `message`. */
export async function confirmDialog(page, message, button) {
  const dialog = page.locator('.monaco-dialog-box', { hasText: message });
  await dialog.waitFor({ timeout: T });
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
  await dialog.waitFor({ state: 'detached', timeout: T });
}

/** Waits for a notification toast containing `text`. */
export const toast = (page, text) =>
  page.locator('.notification-toast', { hasText: text }).first().waitFor({ timeout: T });

/**
 * Waits for a notification containing `text` in the notification center. VS Code shows no toast for a
 * notification when more than three arrive within 800 ms (its toasts' spam protection), which a fast
 * emulator triggers: a progress notification, its end and the outcome in one burst. The center lists them all.
 */
export async function notified(page, text) {
  await runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.locator('.notification-list-item', { hasText: text }).first().waitFor({ timeout: T });
  await runCommand(page, 'Notifications: Hide Notifications');
  await center.locator('.notification-list-item').first().waitFor({ state: 'hidden', timeout: T });
}

/** Opens the context menu of a tree row and runs the entry titled `title`. */
export async function contextMenu(page, row, title) {
  await row.click({ button: 'right' });
  const menu = page.locator('.monaco-menu');
  const entry = menu
    .locator('.action-item:not(.disabled)', { has: page.locator('.action-label', { hasText: title }) })
    .first();
  await entry.waitFor({ timeout: T });
  // A click right after the menu opens is sometimes swallowed: focus the entry by hovering, then press Enter.
  await entry.hover();
  await entry.and(page.locator('.action-item.focused')).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await menu.first().waitFor({ state: 'hidden', timeout: T });
}

/** The Fargate Lens explorer in the side bar, opened, and a finder for its rows by accessible name. */
export async function explorer(page, pkg) {
  const title = viewContainer(pkg).title;
  await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).waitFor({ timeout: 60_000 });
  // Clicking the active container's icon would close the side bar: click only when it is not the active one.
  if (!(await page.locator(`.activitybar .action-item.checked a[aria-label^="${title}"]`).count())) {
    await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).click({ timeout: T });
  }
  const tree = page.locator('.part.sidebar');
  return { tree, item: (name) => tree.getByRole('treeitem', { name }).first() };
}

export const taskId = (arn) => arn.slice(arn.lastIndexOf('/') + 1);
/** @param {SkipContext} ctx @returns {string | undefined} */
export const execReady = ({ pkg, execStub, motoEndpoint }) =>
  !viewContainer(pkg)
    ? 'no "Fargate Lens" view container in package.json yet'
    : !motoEndpoint
      ? 'no moto_server to seed'
      : !execStub
        ? 'no ECS Exec stub'
        : undefined;

export const viewContainer = (pkg) =>
  (pkg.contributes?.viewsContainers?.activitybar ?? []).find((c) => /Fargate Lens/i.test(c.title));

/**
 * Skips a step until `file` (a path in the repository) exists.
 * @param {string} file @param {string} feature @returns {(ctx: SkipContext) => string | undefined}
 */
export const needsFile =
  (file, feature) =>
  ({ root }) =>
    existsSync(join(root, file)) ? undefined : `no ${feature} yet (${file})`;

/** @param {SkipContext} ctx @param {string} id @returns {string | undefined} */
const missingCommand = (ctx, id) =>
  ctx.pkg.contributes?.commands?.some((c) => c.command === id) ? undefined : `no ${id} command in package.json yet`;

/**
 * Skips a step without the ECS Exec setup (execReady) or without the command `id`.
 * @param {string} id @returns {(ctx: SkipContext) => string | undefined}
 */
export const execReadyWith = (id) => (ctx) => execReady(ctx) ?? missingCommand(ctx, id);

/**
 * Skips a step without the command `id` or without a moto_server to seed.
 * @param {string} id @returns {(ctx: SkipContext) => string | undefined}
 */
export const commandOnMoto = (id) => (ctx) =>
  missingCommand(ctx, id) ?? (ctx.motoEndpoint ? undefined : 'no moto_server to seed');

/**
 * What e2e/run.mjs passes to a step's skip() and run() (the endpoint, stub and seed only when moto runs).
 * @typedef {{ pkg: any, root: string, motoEndpoint?: any, execStub?: any }} SkipContext
 * @typedef {SkipContext & { page: any, shot: (name: string) => Promise<unknown>, seed?: any }} StepContext
 * @typedef {{ name: string, skip?: (ctx: SkipContext) => string | undefined, run: (ctx: StepContext) => Promise<void> }} UiStep
 */
