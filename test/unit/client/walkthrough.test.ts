/**
 * (unit) The first-use walkthrough and the explorer's welcome view: every command link names a
 * command of the registry (or a VS Code command), every step completes on an event, and every media
 * file exists and is shipped in the .vsix.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMMAND_SPECS } from '../../../client/src/commands/registry';

const ROOT = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes: {
    walkthroughs: Array<{
      id: string;
      steps: Array<{ id: string; description: string; media: { image?: string }; completionEvents?: string[] }>;
    }>;
    viewsWelcome: Array<{ view: string; contents: string }>;
  };
};
const ids = new Set<string>(COMMAND_SPECS.map((s) => s.id));
const VS_CODE = new Set([
  'workbench.action.files.openFile',
  'workbench.action.openWalkthrough',
  'fargateLens.explorer.focus',
]);

const links = (text: string): string[] => [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);

test('walkthrough and welcome view link only to commands that exist (unit)', () => {
  const texts = [
    ...pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.description)),
    ...pkg.contributes.viewsWelcome.map((v) => v.contents),
  ];
  const all = texts.flatMap(links);
  assert.ok(all.length >= 7);
  for (const id of all) assert.ok(ids.has(id) || VS_CODE.has(id), `unknown command ${id}`);
  const welcome = pkg.contributes.viewsWelcome.map((v) => v.contents).join('\n');
  const [walkthrough] = pkg.contributes.walkthroughs;
  assert.ok(welcome.includes(encodeURIComponent(`"${pkg.publisher}.${pkg.name}#${walkthrough.id}"`)));
});

test('each walkthrough step completes on an event and its media is shipped (unit)', () => {
  const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  for (const step of pkg.contributes.walkthroughs[0].steps) {
    assert.ok(step.completionEvents?.length, `${step.id} never completes`);
    const image = step.media.image!;
    assert.ok(existsSync(join(ROOT, image)), image);
    assert.ok(shipped.includes(`!${image}`), `${image} is not in the .vsix`);
  }
});
