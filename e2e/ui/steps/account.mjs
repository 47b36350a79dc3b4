// UI steps for a task definition file against the account: deploying it, why a task stopped, verifying
// its references.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  answer,
  commandOnMoto,
  confirmDialog,
  contextMenu,
  execReady,
  expand,
  expandWebService,
  explorer,
  needsFile,
  notified,
  quickOpen,
  T,
  taskId,
} from '../helpers.mjs';

/** @typedef {import('../helpers.mjs').UiStep} UiStep */

/** @type {UiStep} */
export const deployFromFile = {
  name: 'deploy from a file: the registered-revision code lens, the normalised diff, register, update a service and watch the rollout end',
  skip: commandOnMoto('fargateLens.deployTaskDefinitionFile'),
  async run({ page, shot, motoEndpoint, seed }) {
    // A service of its own in the empty staging cluster: moto marks a deployment COMPLETED when its
    // running count (0 in moto) covers the desired count, so desired 0 lets the rollout reach a steady state.
    const sdk = await import('@aws-sdk/client-ecs');
    const ecs = new sdk.ECSClient({
      endpoint: motoEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    try {
      await ecs.send(
        new sdk.CreateServiceCommand({
          cluster: 'staging',
          serviceName: 'web-canary',
          taskDefinition: seed.taskDefinitions.web[0],
          desiredCount: 0,
          launchType: 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: [seed.subnets[0]], securityGroups: [seed.securityGroup] },
          },
        }),
      );
    } finally {
      ecs.destroy();
    }
    await quickOpen(page, 'web.json');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const lens = editor.locator('.codelens-decoration a', {
      hasText: /web:\d+ registered · differs in \d+ fields?/,
    });
    await lens.first().waitFor({ timeout: 60_000 });
    await shot('deploy-lens');
    // Compare: VS Code's diff editor between the registered revision and the file, both normalised.
    await lens.first().click();
    await page.locator('.tabs-container .tab.active', { hasText: '(registered)' }).waitFor({ timeout: T });
    const diff = page.locator('.monaco-diff-editor').first();
    // Both sides rendered: the family line on the left (registered) and on the right (the file).
    await diff
      .locator('.view-line', { hasText: /"family":\s*"web"/ })
      .nth(1)
      .waitFor({ timeout: T });
    await shot('deploy-diff');
    // Back to the file (its tab), then Deploy…: warnings (if any) confirmed, register, pick the service, update.
    await page.locator('.tabs-container .tab[aria-label^="web.json"]').first().click();
    await page.locator('.tabs-container .tab.active[aria-label^="web.json"]').waitFor({ timeout: T });
    await editor
      .locator('.codelens-decoration a', { hasText: /^Deploy…$/ })
      .first()
      .click();
    const dialog = page.locator('.monaco-dialog-box').first();
    await dialog.waitFor({ timeout: T });
    if (/Deploy anyway\?/.test(await dialog.innerText())) await confirmDialog(page, 'Deploy anyway?', 'Deploy Anyway');
    await confirmDialog(page, 'as a new revision of web?', 'Register');
    await answer(page, 'Update Service to web:', 'staging/web-canary');
    const next = page.locator('.monaco-dialog-box').first();
    await next.waitFor({ timeout: T });
    if (/Update anyway\?/.test(await next.innerText())) await confirmDialog(page, 'Update anyway?', 'Update Anyway');
    await confirmDialog(page, 'Update staging/web-canary from web:', 'Update Service');
    await notified(page, 'staging/web-canary (web:3): reached a steady state');
    // The deployment changed what runs: the lens reads the account again and names the new revision.
    await editor
      .locator('.codelens-decoration a', {
        hasText: /web:3 registered · file matches it · .*staging\/web-canary runs web:3/,
      })
      .first()
      .waitFor({ timeout: T });
    await shot('deploy-rollout');
  },
};

/** @type {UiStep} */
export const whyStopped = {
  name: 'why did it stop: the OOM-killed web task shows as live/oom at the memory of task-definitions/web.json (Problems, hover) and its diagnosis opens from the tree',
  skip: (ctx) => execReady(ctx) ?? needsFile('client/src/diagnose/editorLink.ts', 'stopped-task findings')(ctx),
  async run({ page, shot, pkg, seed, root }) {
    if (!seed?.stopped?.oom) throw new Error('the seed has no stopped task (test/integration/seed.ts stopped.oom)');
    const { tree, item } = await explorer(page, pkg);
    await expandWebService(item);
    // Opening "Recently stopped" lists the service's stopped tasks; what they say reaches the workspace's files.
    await expand(item(/^Recently stopped\b/));
    const id = taskId(seed.stopped.oom);
    const row = tree.locator('.monaco-list-row', { hasText: id.slice(0, 8) }).first();
    await row.waitFor({ timeout: T });
    await tree.locator('.monaco-list-row', { hasText: 'EssentialContainerExited' }).first().waitFor({ timeout: T });

    // The finding in the file that defines the family, at the task memory (the container sets none).
    const text = readFileSync(join(root, 'examples', 'task-definitions', 'web.json'), 'utf8').split('\n');
    const line = text.findIndex((l) => /^\s*"memory":/.test(l)) + 1;
    await quickOpen(page, 'web.json');
    await page.keyboard.press('Control+Shift+M');
    // Earlier steps leave many problems: the panel's list is virtual, so filter it down to ours.
    const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
    await filter.fill('live/oom');
    const ours = page.locator('.markers-panel .monaco-list-row', { hasText: 'live/oom' });
    await ours.first().waitFor({ timeout: T });
    const problem = ours.filter({ hasText: `[Ln ${line},` }).first();
    await problem.waitFor({ timeout: T }).catch(async () => {
      throw new Error(`live/oom is not on line ${line} (the memory member): ${await ours.first().innerText()}`);
    });
    const said = await problem.innerText();
    if (!/stopped .* in prod\/web: OutOfMemoryError: Container killed due to memory usage/.test(said))
      throw new Error(`unexpected message: ${said}`);
    // Go to it and show its hover, for the README.
    await problem.dblclick();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: T });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: 'OutOfMemoryError' }).first().waitFor({ timeout: T });
    await page.screenshot({ path: join(root, 'docs', 'images', 'diagnose-editor.png') });
    await shot('diagnose-editor');
    await page.keyboard.press('Escape');
    await filter.fill('');

    // The report, from the stopped task's context menu.
    await contextMenu(page, row, 'Diagnose: Why Did It Stop?');
    const report = page.locator('.editor-instance .monaco-editor', { hasText: 'live/oom' }).first();
    await page
      .locator('.tabs-container .tab.active[aria-label*="diagnosis"], .tabs-container .tab.active[aria-label*=".md"]')
      .first()
      .waitFor({ timeout: T });
    await report.waitFor({ timeout: T });
    await page.mouse.move(900, 450);
    await page.screenshot({ path: join(root, 'docs', 'images', 'diagnose-report.png') });
    await shot('diagnose-report');
  },
};

/** @type {UiStep} */
export const verifyAccount = {
  name: 'verify against the account: saving a task definition whose image tag was never pushed shows live/image-not-found on the image line',
  skip: commandOnMoto('fargateLens.verifyAgainstAccount'),
  async run({ page, shot, pkg }) {
    // Verification runs once the AWS explorer is in use: open its view (a no-op when a step did).
    // (The shared helper clicks the icon only when its container is not the shown one: after the
    // previous step the side bar is hidden, and aria-expanded alone did not tell.)
    const { item } = await explorer(page, pkg);
    await item(/^prod\b/).waitFor({ timeout: T });
    await quickOpen(page, 'api.json');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: '"image"' }).first().waitFor({ timeout: T });
    // An edit that leaves the image as it is, then save: verification runs on save.
    await editor.locator('.view-line', { hasText: '"family"' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    await page.keyboard.press('Control+Shift+M');
    // The Problems list is virtual and long after the other steps (and may hold an earlier step's
    // filter): Ctrl+F in the focused Problems view focuses its filter; set it to this rule.
    await page.keyboard.press('Control+F');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('live/image-not-found');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'live/image-not-found' }).first();
    await row.waitFor({ timeout: 60_000 });
    const text = await row.innerText();
    if (!/api:2\.4\.1 not found in us-east-1/.test(text) || !/2\.4\.0, 2\.4\.2/.test(text))
      throw new Error(`unexpected live/image-not-found text: ${text}`);
    // The squiggle is on the image line: the marker's line is the line of "image".
    await row.click();
    const line = await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '"image"' }).first();
    await line.waitFor({ timeout: T });
    const squiggle = editor.locator('.squiggly-warning').first();
    await squiggle.waitFor({ timeout: T });
    const [a, b] = await Promise.all([squiggle.boundingBox(), line.boundingBox()]);
    if (!a || !b || Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) > b.height)
      throw new Error('the live/image-not-found squiggle is not on the image line');
    await shot('verify-image-not-found');
  },
};
