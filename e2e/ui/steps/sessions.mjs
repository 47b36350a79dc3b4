// UI steps for sessions on a running task: ECS Exec and port forwarding.
import {
  answer,
  contextMenu,
  execReady,
  execReadyWith,
  expand,
  expandWebService,
  explorer,
  notified,
  runCommand,
  T,
  taskId,
} from '../helpers.mjs';

/** @typedef {import('../helpers.mjs').UiStep} UiStep */

/** @type {UiStep} */
export const ecsExec = {
  name: 'ECS Exec: open a shell on a seeded task, echo hello, survive a dropped connection (resume, nothing shown twice), end it with exit, which reads as a normal end, and the session is terminated',
  skip: execReady,
  async run({ page, shot, pkg, seed, execStub }) {
    const { tree, item } = await explorer(page, pkg);
    await runCommand(page, 'Notifications: Clear All Notifications'); // earlier steps' toasts off the picture
    await page.locator('.notification-toast').first().waitFor({ state: 'detached', timeout: T });
    await expandWebService(item);
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
};

/** @type {UiStep} */
export const portForward = {
  name: 'Port forwarding: Forward Port… on a seeded task, fetch through 127.0.0.1, then Stop from the status-bar list; the session is terminated',
  skip: execReadyWith('fargateLens.forwardPort'),
  async run({ page, shot, pkg, seed, execStub }) {
    const { tree, item } = await explorer(page, pkg);
    await expandWebService(item);
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
};
