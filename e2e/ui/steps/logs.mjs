// UI steps for container logs: following a container's log, searching it, a new line arriving.
import {
  answer,
  contextMenu,
  execReadyWith,
  expand,
  expandWebService,
  explorer,
  runCommand,
  T,
  taskId,
} from '../helpers.mjs';

/** @typedef {import('../helpers.mjs').UiStep} UiStep */

/** @type {UiStep} */
export const followLogs = {
  name: 'Follow Logs on a container shows seeded lines and a new line appears while following; the view is searchable and closes',
  skip: execReadyWith('fargateLens.followContainerLogs'),
  async run({ page, shot, pkg, seed, motoEndpoint }) {
    if (!seed?.logs?.groups?.includes('/ecs/web')) throw new Error('the seed has no /ecs/web log group');
    const { tree, item } = await explorer(page, pkg);
    await expandWebService(item);
    const id = taskId(seed.tasks.web[0]);
    const task = tree.locator('.monaco-list-row', { hasText: id }).first();
    await expand(task);
    // The task's containers are listed under it: its "app" row is the next one.
    const app = task.locator('xpath=following-sibling::div[contains(@class,"monaco-list-row")][1]');
    await app.and(tree.getByRole('treeitem', { name: /^app\b/ })).waitFor({ timeout: T });
    await contextMenu(page, app, 'Follow Container Logs…');
    await answer(page, 'Time range', 'Last hour');
    await answer(page, 'Filter pattern'); // empty: every line
    await page
      .locator('.tabs-container .tab.active', { hasText: `app · task ${id.slice(0, 8)}` })
      .first()
      .waitFor({ timeout: T });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: '# Following app · task' }).waitFor({ timeout: T });
    // Search the view as users do (Ctrl+F): a seeded line is there, once.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+F');
    const find = page.locator('.find-widget').first();
    const query = find.locator('textarea, input').first();
    await query.waitFor({ timeout: T });
    const count = find.locator('.matchesCount');
    await query.fill('cache refreshed (842 keys)');
    await count.filter({ hasText: /^1 of 1$/ }).waitFor({ timeout: T });
    await shot('logs-follow-seeded');
    // A line the container writes now appears while following, once.
    const line = `e2e-ui: written while following ${Date.now()}`;
    await query.fill(line);
    await count.filter({ hasText: /No results/ }).waitFor({ timeout: T });
    const { CloudWatchLogsClient, PutLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    const logs = new CloudWatchLogsClient({
      endpoint: motoEndpoint,
      region: seed.region,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    try {
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: '/ecs/web',
          logStreamName: `ecs/app/${id}`,
          logEvents: [{ timestamp: Date.now(), message: line }],
        }),
      );
    } finally {
      logs.destroy();
    }
    await count.filter({ hasText: /^1 of 1$/ }).waitFor({ timeout: T });
    await shot('logs-follow-new-line');
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close Editor');
    await page
      .locator('.tabs-container .tab', { hasText: `app · task ${id.slice(0, 8)}` })
      .first()
      .waitFor({ state: 'detached', timeout: T });
  },
};
