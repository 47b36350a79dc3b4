// Headless Debian Chromium through playwright-core (which never downloads a browser). CHROMIUM overrides the path.
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      /* next */
    }
  }
  throw new Error(
    "Chromium not found: run `bash e2e/setup.sh` (installs Debian's chromium) or set CHROMIUM=/path/to/chromium",
  );
}

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-features=Translate',
    ],
  });
}

/** A fresh page in its own context (own storage, so windows do not restore each other's state). */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return { context, page };
}
