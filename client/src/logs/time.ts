/** Time arguments and timestamp rendering shared by the CLI and the view. Pure. */

/** `30s`, `5m`, `1h`, `2d` → ms; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2].toLowerCase() as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** `--since`: a duration before `now`, or an ISO-8601 date-time; undefined when neither. */
export function parseSince(text: string, now: number): number | undefined {
  const d = parseDuration(text);
  if (d !== undefined) return now - d;
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return undefined;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : t;
}

/**
 * `2026-12-04 19:03:11.123` in `timeZone` (an IANA name; undefined = the local zone of this process).
 * Throws RangeError for an unknown zone (callers validate the setting once).
 */
export function timestampFormatter(timeZone?: string): (ms: number) => string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (ms) => {
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${String(ms % 1000).padStart(3, '0')}`;
  };
}
