// UI steps for the explorer: the seeded clusters, running and stopping a task, following the profile and
// region choice.
import {
  answer,
  confirmDialog,
  contextMenu,
  execReady,
  expandWebService,
  explorer,
  runCommand,
  T,
  taskId,
  toast,
  viewContainer,
} from '../helpers.mjs';

/** @typedef {import('../helpers.mjs').UiStep} UiStep */

/** @type {UiStep} */
export const explorerClusters = {
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
    const web = await expandWebService(item);
    // The service counts the tasks it lists (both RUNNING), and its one deployment has reached steady state.
    const webSays = await web.locator('.label-description').textContent({ timeout: T });
    if (!/· 2\/2 running/.test(webSays ?? '')) throw new Error(`web's description reads "${webSays}", not 2/2 running`);
    // (its row's accessible name is "Deployment <status> <rolloutState>", deploymentItems.ts)
    await item(/^Deployment PRIMARY COMPLETED$/).waitFor({ timeout: T });
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
};

/** @type {UiStep} */
export const runTask = {
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
};

/** @type {UiStep} */
export const stopTask = {
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
};

/** @type {UiStep} */
export const profileRegion = {
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
};
