// UI-level checks driven with Playwright on the real workbench, one step per feature. Each step waits for
// workbench events (elements appearing) with a timeout, never for a fixed time, and saves screenshots.
// A step whose feature is not in the extension yet (per package.json / the source tree) is skipped with the
// reason; once the feature lands the step runs. Add steps here as features land.
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Answers the quick input titled `title` (a substring): clicks the row containing `label`, or accepts the
 * default (the first row, or an input box's value) with Enter when `label` is undefined.
 */
async function answer(page, title, label) {
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
async function confirmDialog(page, message, button) {
  const dialog = page.locator('.monaco-dialog-box', { hasText: message });
  await dialog.waitFor({ timeout: T });
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
  await dialog.waitFor({ state: 'detached', timeout: T });
}

/** Waits for a notification toast containing `text`. */
const toast = (page, text) => page.locator('.notification-toast', { hasText: text }).first().waitFor({ timeout: T });

/**
 * Waits for a notification containing `text` in the notification center. VS Code shows no toast for a
 * notification when more than three arrive within 800 ms (its toasts' spam protection), which a fast
 * emulator triggers: a progress notification, its end and the outcome in one burst. The center lists them all.
 */
async function notified(page, text) {
  await runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.locator('.notification-list-item', { hasText: text }).first().waitFor({ timeout: T });
  await runCommand(page, 'Notifications: Hide Notifications');
  await center.locator('.notification-list-item').first().waitFor({ state: 'hidden', timeout: T });
}

/** Opens the context menu of a tree row and runs the entry titled `title`. */
async function contextMenu(page, row, title) {
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
async function explorer(page, pkg) {
  const title = viewContainer(pkg).title;
  await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).waitFor({ timeout: 60_000 });
  // Clicking the active container's icon would close the side bar: click only when it is not the active one.
  if (!(await page.locator(`.activitybar .action-item.checked a[aria-label^="${title}"]`).count())) {
    await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).click({ timeout: T });
  }
  const tree = page.locator('.part.sidebar');
  return { tree, item: (name) => tree.getByRole('treeitem', { name }).first() };
}

const taskId = (arn) => arn.slice(arn.lastIndexOf('/') + 1);
/** @param {SkipContext} ctx @returns {string | undefined} */
const execReady = ({ pkg, execStub, motoEndpoint }) =>
  !viewContainer(pkg)
    ? 'no "Fargate Lens" view container in package.json yet'
    : !motoEndpoint
      ? 'no moto_server to seed'
      : !execStub
        ? 'no ECS Exec stub'
        : undefined;

const viewContainer = (pkg) =>
  (pkg.contributes?.viewsContainers?.activitybar ?? []).find((c) => /Fargate Lens/i.test(c.title));

/**
 * What e2e/run.mjs passes to a step's skip() and run() (the endpoint, stub and seed only when moto runs).
 * @typedef {{ pkg: any, root: string, motoEndpoint?: any, execStub?: any }} SkipContext
 * @typedef {SkipContext & { page: any, shot: (name: string) => Promise<unknown>, seed?: any }} StepContext
 * @typedef {{ name: string, skip?: (ctx: SkipContext) => string | undefined, run: (ctx: StepContext) => Promise<void> }} UiStep
 */

/** @type {UiStep[]} */
export const steps = [
  {
    name: 'workbench shows the extension in development mode',
    async run({ page, shot }) {
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await page.waitForFunction("document.title.includes('Extension Development Host')", null, { timeout: T });
      await shot('workbench');
    },
  },
  {
    name: 'diagnostics appear as squiggles and in the Problems panel with our rule ids',
    skip: ({ root }) =>
      existsSync(join(root, 'server', 'src', 'server.ts'))
        ? undefined
        : 'no language server yet (server/src/server.ts)',
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
    skip: ({ pkg, motoEndpoint }) =>
      !viewContainer(pkg)
        ? 'no "Fargate Lens" view container in package.json yet'
        : !motoEndpoint
          ? 'no moto_server to seed'
          : undefined,
    async run({ page, shot, pkg }) {
      const title = viewContainer(pkg).title;
      await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).click({ timeout: T });
      const tree = page.locator('.part.sidebar');
      const item = (name) => tree.getByRole('treeitem', { name }).first();
      await item(/^prod\b/).waitFor({ timeout: T });
      await item(/^staging\b/).waitFor({ timeout: T });
      // The cluster's description counts its ACTIVE services (web and api are seeded in prod) and tasks.
      const prodSays = await item(/^prod\b/)
        .locator('.label-description')
        .textContent({ timeout: T });
      if (!/^2 services · [1-9]\d* running$/.test(prodSays ?? ''))
        throw new Error(`prod's description reads "${prodSays}", not "2 services · N running"`);
      // Down to the tasks of a seeded service: prod > Services > web > its tasks.
      await expand(item(/^prod\b/));
      await expand(item(/^Services\b/));
      const web = item(/^web\b/);
      await expand(web);
      const level = Number(await web.getAttribute('aria-level'));
      await tree
        .locator(`.monaco-list-row[aria-level="${level + 1}"]`)
        .first()
        .waitFor({ timeout: T });
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
    skip: ({ root }) =>
      existsSync(join(root, 'server', 'src', 'server.ts'))
        ? undefined
        : 'no language server yet (server/src/server.ts)',
    async run({ page, shot }) {
      await quickOpen(page, 'efs-worker-service.json');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.squiggly-error').first().waitFor({ timeout: T });
      await editor.locator('.view-line span', { hasText: '"1.3.0"' }).last().click();
      await page.keyboard.press('Control+.');
      const item = page
        .locator('.action-widget .monaco-list-row', { hasText: 'Set platformVersion to LATEST' })
        .first();
      await item.waitFor({ timeout: T });
      await page
        .locator('.action-widget .monaco-list-row.focused', { hasText: 'Set platformVersion to LATEST' })
        .waitFor({ timeout: T });
      await shot('quickfix-menu');
      await page.keyboard.press('Enter');
      await editor.locator('.view-line', { hasText: '"platformVersion": "LATEST"' }).waitFor({ timeout: T });
    },
  },
  {
    name: 'completion in the editor (Ctrl+Space) offers the memory sizes valid for the task cpu',
    skip: ({ root }) =>
      existsSync(join(root, 'server', 'src', 'lsp', 'editing.ts'))
        ? undefined
        : 'no completion yet (server/src/lsp/editing.ts)',
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
  },
  {
    name: 'run task through the command (quick picks, confirmation) starts a task that the explorer reveals',
    skip: execReady,
    async run({ page, shot, pkg, seed, execStub }) {
      const { tree } = await explorer(page, pkg);
      await runCommand(page, 'Fargate Lens: Run Task…');
      await answer(page, 'Run task: cluster', 'prod');
      await answer(page, 'Run task: task definition family', 'worker');
      await answer(page, 'Run task: revision');
      await answer(page, 'Run task: launch type or capacity provider', 'FARGATE');
      await answer(page, 'Run task: platform version', 'LATEST');
      await answer(page, 'Run task: network', 'Same network as service web');
      await answer(page, 'Run task: public IP', 'No public IP');
      await answer(page, 'Run task: number of tasks');
      await answer(page, 'Run task: container overrides', 'No overrides');
      await answer(page, 'Run task: ECS Exec', 'ECS Exec off');
      const since = execStub.events.length;
      await confirmDialog(page, 'Run 1 task of worker:1 in cluster prod?', 'Run');
      await execStub.waitFor((e) => e.op === 'RunTask', 'RunTask', { since });
      await toast(page, 'Started 1 task of worker:1.');
      // The new task is revealed and selected under prod > Standalone tasks, next to the seeded one.
      const seeded = taskId(seed.tasks.standalone[0]);
      const selected = tree.locator('.monaco-list-row.selected', { hasText: 'worker:1' });
      await selected.waitFor({ timeout: T });
      const label = (await selected.getAttribute('aria-label')) ?? (await selected.innerText());
      if (label.includes(seeded)) throw new Error(`the revealed task is the seeded one (${seeded}), not a new task`);
      await page.mouse.move(900, 450);
      await shot('run-task');
    },
  },
  {
    // Stops the task the previous step started and selected (steps share the window and run in order).
    name: 'stop task through the command (reason, confirmation) removes the task from the explorer',
    skip: execReady,
    async run({ page, pkg, execStub }) {
      const { tree } = await explorer(page, pkg);
      const row = tree.locator('.monaco-list-row.selected', { hasText: 'worker:1' });
      await row.waitFor({ timeout: T });
      // The label may abbreviate the id (real AWS ids); the row's accessibility label has it in full.
      const id = /[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{32}/.exec(
        `${(await row.getAttribute('aria-label')) ?? ''} ${await row.innerText()}`,
      )?.[0];
      if (!id) throw new Error(`no task id in the selected row: ${await row.innerText()}`);
      await contextMenu(page, row, 'Stop Task…');
      await answer(page, `Stop task ${id}`);
      const since = execStub.events.length;
      await confirmDialog(page, `Stop task ${id}?`, 'Stop task');
      await execStub.waitFor((e) => e.op === 'StopTask', 'StopTask', { since });
      await toast(page, `Stopping task ${id}.`);
      await tree.locator('.monaco-list-row', { hasText: id }).first().waitFor({ state: 'detached', timeout: T });
    },
  },
  {
    name: 'ECS Exec: open a shell on a seeded task, echo hello, survive a dropped connection (resume, nothing shown twice), end it with exit, which reads as a normal end, and the session is terminated',
    skip: execReady,
    async run({ page, shot, pkg, seed, execStub }) {
      const { tree, item } = await explorer(page, pkg);
      await runCommand(page, 'Notifications: Clear All Notifications'); // earlier steps' toasts off the picture
      await page.locator('.notification-toast').first().waitFor({ state: 'detached', timeout: T });
      await expand(item(/^prod\b/));
      await expand(item(/^Services\b/));
      await expand(item(/^web\b/));
      const id = taskId(seed.tasks.web[0]);
      const task = tree.locator('.monaco-list-row', { hasText: id }).first();
      await expand(task);
      // The task's container is the row right below it.
      const index = Number(await task.getAttribute('data-index'));
      const container = tree.locator(`.monaco-list-row[data-index="${index + 1}"]`, { hasText: 'app' });
      await container.waitFor({ timeout: T });
      const since = execStub.events.length;
      await contextMenu(page, container, 'Open Shell (ECS Exec)');
      await execStub.waitFor((e) => e.op === 'ExecuteCommand', 'ExecuteCommand', { since });
      await execStub.waitFor(
        // The stub's agent requires the answer to its KMS random challenge (RequireKMSChallengeResponse).
        (e) => e.event === 'agent:handshake-complete' && e.data?.kms === true && e.data?.challengeAcknowledged === true,
        'a KMS-encrypted handshake with the random challenge answered',
        { since },
      );
      const terminal = page.locator('.terminal-wrapper.active');
      await page
        .locator('.terminal-tabs-entry, .single-terminal-tab', { hasText: `app @ ${id.slice(0, 8)} (ECS Exec)` })
        .first()
        .waitFor({ timeout: T });
      const rows = terminal.locator('.xterm-rows');
      await rows
        .locator('div', { hasText: /^\$\s*$/ })
        .first()
        .waitFor({ timeout: T });
      await terminal.locator('.xterm').click();
      await page.keyboard.type('echo hello');
      await page.keyboard.press('Enter');
      await execStub.waitFor(
        (e) => e.event === 'agent:line' && e.data === 'echo hello',
        'the line "echo hello" at the agent',
        { since },
      );
      await rows
        .locator('div', { hasText: /^hello\s*$/ })
        .first()
        .waitFor({ timeout: T });
      await shot('exec-shell');
      // Cut the connection at the agent: the session resumes (ssm:ResumeSession) and shows nothing twice.
      const cut = execStub.events.length;
      const dropped = await execStub.command('drop', 'dropped');
      if (dropped.data !== 1) throw new Error(`the agent cut ${dropped.data} connections, expected 1`);
      await execStub.waitFor((e) => e.event === 'resume', 'ssm:ResumeSession', { since: cut });
      await execStub.waitFor((e) => e.event === 'agent:resumed', 'the agent accepting the resume token', {
        since: cut,
      });
      await rows
        .locator('div', { hasText: /^connection lost, reconnecting…\s*$/ })
        .first()
        .waitFor({ timeout: T });
      await rows
        .locator('div', { hasText: /^reconnected\s*$/ })
        .first()
        .waitFor({ timeout: T });
      await page.keyboard.type('echo again');
      await page.keyboard.press('Enter');
      await execStub.waitFor(
        (e) => e.event === 'agent:line' && e.data === 'echo again',
        'the line "echo again" at the agent',
        { since: cut },
      );
      // The prompt right after `again` closes that output, so anything shown twice would be on screen by now.
      const again = rows.locator('div', { hasText: /^again\s*$/ }).first();
      await again
        .locator('xpath=following-sibling::div[1]')
        .and(rows.locator('div', { hasText: /^\$\s*$/ }))
        .waitFor({ timeout: T });
      const lines = await rows.locator(':scope > div').allInnerTexts();
      const count = (re) => lines.filter((l) => re.test(l)).length;
      for (const [re, what] of [
        [/^hello\s*$/, 'hello'],
        [/^again\s*$/, 'again'],
        [/^reconnected\s*$/, 'reconnected'],
      ]) {
        if (count(re) !== 1)
          throw new Error(`the terminal shows "${what}" ${count(re)} times, expected once:\n${lines.join('\n')}`);
      }
      const agentLines = execStub.events
        .slice(since)
        .filter((e) => e.event === 'agent:line')
        .map((e) => e.data);
      if (agentLines.join('|') !== 'echo hello|echo again')
        throw new Error(`the agent ran ${JSON.stringify(agentLines)}, expected echo hello then echo again`);
      await shot('exec-reconnected');
      // A normal `exit`: the agent ends the pty session with channel_closed and no exit code, and the
      // terminal closes like any terminal whose shell exits — no warning, no "[Press any key to close]".
      const exitAt = execStub.events.length;
      await page.keyboard.type('exit');
      await page.keyboard.press('Enter');
      await execStub.waitFor((e) => e.event === 'agent:exited', 'the shell exiting at the agent', { since: exitAt });
      await execStub.waitFor((e) => e.event === 'agent:channel-closed', 'channel_closed', { since: exitAt });
      const ended = await execStub.waitFor((e) => e.event === 'terminated', 'ssm:TerminateSession', { since });
      if (!ended.sessionId) throw new Error('TerminateSession named no session');
      await terminal.waitFor({ state: 'detached', timeout: T });
      const alarms = await page
        .locator('.notification-toast', { hasText: /ECS Exec|Session closed|failed/i })
        .allInnerTexts();
      if (alarms.length) throw new Error(`a normal exit raised: ${alarms.join(' | ')}`);
    },
  },
  {
    name: 'deploy from a file: the registered-revision code lens, the normalised diff, register, update a service and watch the rollout end',
    skip: ({ pkg, motoEndpoint }) =>
      !pkg.contributes?.commands?.some((c) => c.command === 'fargateLens.deployTaskDefinitionFile')
        ? 'no deploy commands in package.json yet'
        : !motoEndpoint
          ? 'no moto_server to seed'
          : undefined,
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
      if (/Deploy anyway\?/.test(await dialog.innerText()))
        await confirmDialog(page, 'Deploy anyway?', 'Deploy Anyway');
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
  },
  {
    name: 'Port forwarding: Forward Port… on a seeded task, fetch through 127.0.0.1, then Stop from the status-bar list; the session is terminated',
    skip: (ctx) =>
      execReady(ctx) ??
      (ctx.pkg.contributes.commands.some((c) => c.command === 'fargateLens.forwardPort')
        ? undefined
        : 'no fargateLens.forwardPort command yet'),
    async run({ page, shot, pkg, seed, execStub }) {
      const { tree, item } = await explorer(page, pkg);
      await expand(item(/^prod\b/));
      await expand(item(/^Services\b/));
      await expand(item(/^web\b/));
      const id = taskId(seed.tasks.web[0]);
      const task = tree.locator('.monaco-list-row', { hasText: id }).first();
      await task.waitFor({ timeout: T });
      const since = execStub.events.length;
      await contextMenu(page, task, 'Forward Port…');
      // A task node asks for the container first when it has several; then the port (mapped ports first).
      const widget = page.locator('.quick-input-widget');
      const portTitle = widget.locator('.quick-input-title', { hasText: 'Forward port:' });
      const containerTitle = widget.locator('.quick-input-title', { hasText: 'Forward port: container' });
      await portTitle.or(containerTitle).first().waitFor({ timeout: T });
      if (await containerTitle.count()) await answer(page, 'Forward port: container', 'app');
      // The seeded task definitions map no ports: another port in the task, typed.
      await answer(page, 'Forward port: app', 'Another port in the task');
      await widget.locator('.quick-input-message', { hasText: 'The port in the task' }).waitFor({ timeout: T });
      await widget.locator('input').fill('8080');
      await widget.locator('input').press('Enter');
      // The local port: 0 (any free port), so the step never depends on a port being free.
      await widget.locator('.quick-input-message', { hasText: 'Local port' }).waitFor({ timeout: T });
      await widget.locator('input').fill('0');
      await widget.locator('input').press('Enter');
      await execStub.waitFor((e) => e.op === 'StartSession', 'ssm:StartSession', { since });
      await execStub.waitFor(
        (e) => e.event === 'agent:port-mode' && e.data === 'multiplexed',
        'a multiplexed port session',
        {
          since,
        },
      );
      // Our item carries the plug icon (another item may show the AWS endpoint, also on 127.0.0.1).
      const status = page
        .locator('.statusbar-item', { has: page.locator('.codicon-plug'), hasText: '127.0.0.1:' })
        .first();
      await status.waitFor({ timeout: T });
      const port = /127\.0\.0\.1:(\d+)/.exec(await status.innerText())?.[1];
      if (!port) throw new Error(`no local port in the status bar: ${await status.innerText()}`);
      const [a, b] = await Promise.all(
        ['/one', '/two'].map((p) => fetch(`http://127.0.0.1:${port}${p}`).then((r) => r.text())),
      );
      if (a !== 'hello from the task /one' || b !== 'hello from the task /two')
        throw new Error(`fetched through the forward: ${JSON.stringify([a, b])}`);
      await notified(page, `Forwarding 127.0.0.1:${port}`);
      await shot('port-forward');
      await status.click();
      await answer(page, 'Fargate Lens: Port Forwards', `127.0.0.1:${port}`);
      await answer(page, `127.0.0.1:${port}`, 'Stop');
      await execStub.waitFor((e) => e.event === 'terminated', 'ssm:TerminateSession', { since });
      await status.waitFor({ state: 'hidden', timeout: T });
      await notified(page, `Port forward 127.0.0.1:${port}`);
      const refused = await fetch(`http://127.0.0.1:${port}/after`).then(
        () => false,
        () => true,
      );
      if (!refused) throw new Error('the local port still answers after Stop');
    },
  },
  {
    name: 'why did it stop: the OOM-killed web task shows as live/oom at the memory of task-definitions/web.json (Problems, hover) and its diagnosis opens from the tree',
    skip: (ctx) =>
      execReady(ctx) ??
      (!existsSync(join(ctx.root, 'client', 'src', 'diagnose', 'editorLink.ts'))
        ? 'no stopped-task findings yet (client/src/diagnose/editorLink.ts)'
        : undefined),
    async run({ page, shot, pkg, seed, root }) {
      if (!seed?.stopped?.oom) throw new Error('the seed has no stopped task (test/integration/seed.ts stopped.oom)');
      const { tree, item } = await explorer(page, pkg);
      await expand(item(/^prod\b/));
      await expand(item(/^Services\b/));
      await expand(item(/^web\b/));
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
  },
  {
    name: 'verify against the account: saving a task definition whose image tag was never pushed shows live/image-not-found on the image line',
    skip: ({ pkg, motoEndpoint }) =>
      !pkg.contributes?.commands?.some((c) => c.command === 'fargateLens.verifyAgainstAccount')
        ? 'no verify command in package.json yet'
        : !motoEndpoint
          ? 'no moto_server to seed'
          : undefined,
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
  },
  {
    name: 'Follow Logs on a container shows seeded lines and a new line appears while following; the view is searchable and closes',
    skip: (ctx) =>
      execReady(ctx) ??
      (ctx.pkg.contributes.commands.some((c) => c.command === 'fargateLens.followContainerLogs')
        ? undefined
        : 'no fargateLens.followContainerLogs command yet'),
    async run({ page, shot, pkg, seed, motoEndpoint }) {
      if (!seed?.logs?.groups?.includes('/ecs/web')) throw new Error('the seed has no /ecs/web log group');
      const { tree, item } = await explorer(page, pkg);
      await expand(item(/^prod\b/));
      await expand(item(/^Services\b/));
      await expand(item(/^web\b/));
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
  },
  {
    name: 'profile and region switching: the explorer follows Select AWS Profile and Select Regions; a region with nothing in it shows the welcome view, whose Select Regions leads back',
    skip: execReady,
    async run({ page, shot, pkg }) {
      const { tree, item } = await explorer(page, pkg);
      await item(/^default · us-east-1\b/).waitFor({ timeout: T });
      await runCommand(page, 'Fargate Lens: Select AWS Profile');
      await answer(page, 'Fargate Lens: AWS profile', 'demo');
      await item(/^demo · us-east-1\b/).waitFor({ timeout: T });
      await item(/^prod\b/).waitFor({ timeout: T });
      await runCommand(page, 'Fargate Lens: Select Regions');
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'Fargate Lens: regions to show' }).waitFor({ timeout: T });
      const input = widget.locator('input.input');
      // Untick us-east-1, tick eu-west-1 (the filter keeps the long region list short), then accept.
      for (const region of ['us-east-1', 'eu-west-1']) {
        await input.fill(region);
        const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: region }).first();
        await row.waitFor({ timeout: T });
        const checked = await row.getAttribute('aria-checked');
        await row.click(); // a click on a row of a multi-select pick toggles it
        await widget
          .locator(`.quick-input-list .monaco-list-row[aria-checked="${checked === 'true' ? 'false' : 'true'}"]`, {
            hasText: region,
          })
          .waitFor({ timeout: T });
      }
      await input.fill('');
      await input.press('Enter');
      // eu-west-1 holds no cluster and no task definition: the welcome view replaces the empty tree.
      const welcome = tree.locator('.welcome-view-content', {
        hasText: 'No ECS clusters or task definitions in the selected regions',
      });
      await welcome.waitFor({ timeout: T });
      if (await item(/^demo · us-east-1\b/).count()) throw new Error('us-east-1 is still shown after it was unticked');
      await page.mouse.move(900, 450);
      await shot('regions-welcome');
      // Its Select Regions button leads back: tick us-east-1 again and the tree returns.
      await welcome.getByRole('button', { name: 'Select Regions' }).click();
      await widget.locator('.quick-input-title', { hasText: 'Fargate Lens: regions to show' }).waitFor({ timeout: T });
      await input.fill('us-east-1');
      const east = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'us-east-1' }).first();
      await east.click();
      await widget
        .locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: 'us-east-1' })
        .waitFor({ timeout: T });
      await input.fill('');
      await input.press('Enter');
      await item(/^demo · us-east-1\b/).waitFor({ timeout: T });
      await welcome.waitFor({ state: 'detached', timeout: T });
      await shot('regions');
    },
  },
];
