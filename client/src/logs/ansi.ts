/**
 * ANSI escape sequences in log lines (apps log colours when they think they write to a terminal).
 * `parseAnsi` strips every CSI/OSC sequence and returns the SGR colours and bold as spans over the
 * stripped text, so a view can render them; `stripAnsi` only strips. Pure.
 * SGR codes per ECMA-48 / xterm: 0 reset, 1 bold, 22 normal intensity, 30-37 and 90-97 foreground,
 * 39 default foreground, 38;5;n and 38;2;r;g;b extended foreground (not rendered, parameters skipped).
 */

export const ANSI_COLORS = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;
export type AnsiColor = (typeof ANSI_COLORS)[number];

/** A styled range of the stripped text: `style` is an AnsiColor or 'bold'. */
export interface AnsiSpan {
  start: number;
  end: number;
  style: AnsiColor | 'bold';
}

// CSI (ESC [ params final) and OSC (ESC ] ... BEL or ESC \), and lone two-character escapes.
const ESCAPES = /\u001b\[([0-9;?]*)([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ESCAPES, '') : text;
}

export function parseAnsi(text: string): { text: string; spans: AnsiSpan[] } {
  if (!text.includes('\u001b')) return { text, spans: [] };
  const spans: AnsiSpan[] = [];
  let out = '';
  let fg: AnsiColor | undefined;
  let bold = false;
  let fgStart = 0;
  let boldStart = 0;
  const close = (): void => {
    if (fg && out.length > fgStart) spans.push({ start: fgStart, end: out.length, style: fg });
    if (bold && out.length > boldStart) spans.push({ start: boldStart, end: out.length, style: 'bold' });
    fgStart = boldStart = out.length;
  };
  let last = 0;
  for (const m of text.matchAll(ESCAPES)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[2] !== 'm') continue;
    close();
    const codes = (m[1] || '0').split(';').map((c) => Number(c || '0'));
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) {
        fg = undefined;
        bold = false;
      } else if (c === 1) bold = true;
      else if (c === 22) bold = false;
      else if (c >= 30 && c <= 37) fg = ANSI_COLORS[c - 30];
      else if (c >= 90 && c <= 97) fg = ANSI_COLORS[c - 90 + 8];
      else if (c === 39) fg = undefined;
      else if (c === 38 || c === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 0;
    }
  }
  out += text.slice(last);
  close();
  return { text: out, spans };
}
