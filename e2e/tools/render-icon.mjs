// Renders the extension icon (images/icon.png, 128x128) from the SVG below with headless Chromium.
// Run: node e2e/tools/render-icon.mjs   (after bash e2e/setup.sh). The SVG is the source of truth.
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/codeServer.mjs';
import { launchChromium } from '../lib/browser.mjs';

// Three stacked task "containers" seen through a lens: navy tile, orange boxes, teal lens ring.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1b2a41"/><stop offset="1" stop-color="#0d1726"/></linearGradient>
    <linearGradient id="box" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffb347"/><stop offset="1" stop-color="#f08c00"/></linearGradient>
    <clipPath id="lens"><circle cx="56" cy="56" r="31"/></clipPath>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#bg)"/>
  <g fill="url(#box)" stroke="#7a4500" stroke-width="1.5">
    <rect x="30" y="30" width="52" height="14" rx="3"/>
    <rect x="30" y="49" width="52" height="14" rx="3"/>
    <rect x="30" y="68" width="52" height="14" rx="3"/>
  </g>
  <g clip-path="url(#lens)" fill="#fff" opacity="0.9">
    <rect x="36" y="35" width="6" height="4" rx="1"/><rect x="45" y="35" width="6" height="4" rx="1"/>
    <rect x="36" y="54" width="6" height="4" rx="1"/><rect x="45" y="54" width="6" height="4" rx="1"/>
    <rect x="36" y="73" width="6" height="4" rx="1"/>
  </g>
  <circle cx="56" cy="56" r="31" fill="#4fd1c5" fill-opacity="0.12" stroke="#4fd1c5" stroke-width="7"/>
  <line x1="79" y1="79" x2="104" y2="104" stroke="#4fd1c5" stroke-width="12" stroke-linecap="round"/>
</svg>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  await page.locator('svg').screenshot({ path: join(REPO_ROOT, 'images', 'icon.png'), omitBackground: true });
  process.stdout.write('wrote images/icon.png\n');
} finally {
  await browser.close();
}
