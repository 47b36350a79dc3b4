import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnsi, stripAnsi } from '../../../client/src/logs/ansi';
import { parseDuration, parseSince, timestampFormatter } from '../../../client/src/logs/time';
import { LogViewModel } from '../../../client/src/logs/view/model';

const line = (
  message: string,
  container = 'app',
  taskId = '0123456789abcdef',
  timestamp = Date.UTC(2026, 11, 4, 18, 0, 1, 7),
) => ({
  timestamp,
  container,
  taskId,
  stream: `ecs/${container}/${taskId}`,
  message,
});

describe('ANSI colours (unit)', () => {
  it('strips CSI and OSC sequences and keeps colours and bold as spans over the stripped text', () => {
    const r = parseAnsi('\u001b[1;31mERROR\u001b[0m done \u001b[92mok\u001b[39m \u001b]0;title\u0007\u001b[2K!');
    assert.equal(r.text, 'ERROR done ok !');
    assert.deepEqual(r.spans, [
      { start: 0, end: 5, style: 'red' },
      { start: 0, end: 5, style: 'bold' },
      { start: 11, end: 13, style: 'brightGreen' },
    ]);
    assert.equal(stripAnsi('\u001b[38;5;196mx\u001b[0m'), 'x');
    assert.deepEqual(parseAnsi('\u001b[38;2;1;2;3mx').spans, []);
    assert.deepEqual(parseAnsi('plain'), { text: 'plain', spans: [] });
  });
});

describe('time arguments and the time zone (unit)', () => {
  it('durations and ISO times for --since; nonsense is undefined', () => {
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseSince('1h', 10_000_000), 10_000_000 - 3_600_000);
    assert.equal(parseSince('2026-12-04T18:00:00Z', 0), Date.UTC(2026, 11, 4, 18));
    assert.equal(parseSince('yesterday', 0), undefined);
    assert.equal(parseSince('2026-13-45', 0), undefined);
  });

  it('timestamps in the chosen zone, with milliseconds', () => {
    const ms = Date.UTC(2026, 11, 4, 18, 0, 1, 7);
    assert.equal(timestampFormatter('UTC')(ms), '2026-12-04 18:00:01.007');
    assert.equal(timestampFormatter('Asia/Tokyo')(ms), '2026-12-05 03:00:01.007');
    assert.throws(() => timestampFormatter('Mars/Olympus'), RangeError);
  });
});

describe('log view model (unit)', () => {
  const model = (capacity = 100, extra: Partial<ConstructorParameters<typeof LogViewModel>[0]> = {}) =>
    new LogViewModel({
      title: 'Following app',
      capacity,
      formatTime: timestampFormatter('UTC'),
      ansi: 'render',
      labelTasks: false,
      ...extra,
    });

  it('labels lines by container (and short task id with several tasks); multi-line messages stay aligned', () => {
    const m = model(100, { labelTasks: true });
    m.add([line('hello\n'), line('a\nb')]);
    const text = m.render().text.split('\n');
    assert.equal(text[0], '# Following app');
    assert.equal(text[1], '2026-12-04 18:00:01.007 [app 01234567] hello');
    assert.equal(text[3], `${' '.repeat('2026-12-04 18:00:01.007 [app 01234567] '.length)}b`);
  });

  it('rendered colour spans point at the right line and columns; strip mode removes them', () => {
    const m = model();
    m.note('Logs are in eu-west-1');
    m.add([line('\u001b[31mred\u001b[0m')]);
    const r = m.render();
    const lines = r.text.split('\n');
    assert.deepEqual(r.spans, [{ line: 2, start: 30, end: 33, style: 'red' }]);
    assert.equal(lines[2].slice(30, 33), 'red');
    const s = model(100, { ansi: 'strip' });
    s.add([line('\u001b[31mred\u001b[0m')]);
    assert.deepEqual(s.render().spans, []);
    assert.match(s.render().text, /\[app\] red$/m);
  });

  it('bounded: keeps the newest lines and shows how many older lines were dropped', () => {
    const m = model(100);
    for (let i = 0; i < 250; i++) m.add([line(`n${i}`)]);
    const text = m.render().text;
    assert.match(text, /# … 150 older lines dropped \(keeping the newest 100: fargateLens\.logs\.maxLines\)/);
    assert.equal(m.lineCount, 100);
    assert.doesNotMatch(text, /\] n149$/m);
    assert.match(text, /\] n150$/m);
  });
});
