import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ExitMarkerFilter,
  missingShell,
  quoteWord,
  shellSyntaxIn,
  wrapInShell,
} from '../../../client/src/exec/commandLine';
import { shlexSplit } from '../../fakes/shlex';
import { MiniSh } from '../../fakes/fakeSh';

const MARK = '__FARGATE_LENS_EXIT_0123456789ab__';

test('quoted words survive the agent shlex split unchanged, quotes and all (unit)', () => {
  for (const w of [`it's`, `a "b" c`, `$HOME && ls | wc -l; echo '\\n'`, '', `#not a comment`, `tab\there`])
    assert.deepEqual(shlexSplit(quoteWord(w)), [w], w);
  assert.deepEqual(shlexSplit(`ls -la  "my dir"\t'x y' a\\ b #comment`), ['ls', '-la', 'my dir', 'x y', 'a b']);
});

test('the shell wrapper gives the exit status of the whole command, exit and syntax errors included (unit)', () => {
  const run = (command: string) => {
    const argv = shlexSplit(wrapInShell(command, MARK));
    assert.deepEqual(argv.slice(0, 2), ['/bin/sh', '-c']);
    let out = '';
    const sh = new MiniSh({ out: (t) => void (out += t), err: (t) => void (out += t), size: () => undefined }, [
      ...argv.slice(4),
    ]);
    sh.run(argv[2]);
    const filter = new ExitMarkerFilter(MARK);
    const shown = filter.push(out) + filter.end();
    return { code: filter.code, shown };
  };
  assert.deepEqual(run('echo hi && false || echo fallback'), { code: 0, shown: 'hi\nfallback\n' });
  assert.deepEqual(run(`echo "it's"; exit 3`), { code: 3, shown: "it's\n" });
  assert.equal(run('( echo unclosed').code, 2);
  assert.equal(run('nope').code, 127);
});

test('the marker is stripped however the output is cut, and only a possible marker start is held back (unit)', () => {
  // Output ending in a newline, then the wrapper's "\n<marker>:<status>\n", through the pty's CRLF.
  const stream = `line one\r\nline two\r\n\r\n${MARK}:7\r\n`;
  for (let cut = 1; cut < stream.length; cut++) {
    const f = new ExitMarkerFilter(MARK);
    const shown = f.push(stream.slice(0, cut)) + f.push(stream.slice(cut)) + f.end();
    assert.equal(shown, 'line one\r\nline two\r\n', `cut at ${cut}`);
    assert.equal(f.code, 7);
  }
  const g = new ExitMarkerFilter(MARK);
  assert.equal(g.push(`no newline at end\r\n${MARK}:0\r\n`) + g.end(), 'no newline at end');
  const f = new ExitMarkerFilter(MARK);
  assert.equal(f.push('plain output'), 'plain output', 'nothing held back without a possible marker');
  assert.equal(f.push('\nends with __'), '\nends with ');
  assert.equal(f.end(), '__');
  assert.equal(f.code, undefined);
});

test('a missing /bin/sh is told apart from other start failures, and shell syntax is named (unit)', () => {
  assert.ok(missingShell('Unable to start command: Failed to start pty: fork/exec /bin/sh: no such file or directory'));
  assert.ok(
    !missingShell('Unable to start command: Failed to start pty: fork/exec /bin/bash: no such file or directory'),
  );
  assert.ok(!missingShell(undefined));
  assert.deepEqual(shellSyntaxIn('ls /app'), []);
  assert.deepEqual(shellSyntaxIn('cat $F | grep x && echo ok > out'), [
    'pipes (|)',
    '&& / ||',
    'variables ($VAR)',
    'redirections (< >)',
  ]);
});
