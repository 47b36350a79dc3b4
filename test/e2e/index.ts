/**
 * Entry of the end-to-end tier inside the real VS Code extension host (the run() contract that
 * @vscode/test-electron and code-server's extensionTestsPath share). Runs every compiled suite next to
 * it under suites/ with mocha and prints the closing line `N passed, N failed` that the runner reads.
 * Filters: FARGATE_LENS_E2E_GREP (mocha grep over test titles) in the extension host's environment.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.FARGATE_LENS_E2E_GREP;
  if (grep) mocha.grep(grep);
  const suites = path.join(__dirname, 'suites');
  for (const name of fs.readdirSync(suites).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(path.join(suites, name));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`e2e: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}
