/** Small text helpers for labels, descriptions and messages: plurals, sizes, ages, ids, region names. */

/** "1 service", "2 services", "0 tasks"; pass the plural when it is not `${one}s`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Bytes in binary units as the EFS console shows them: "6 KiB", "1.5 GiB". */
export function formatBytes(bytes: number | undefined): string | undefined {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return plural(bytes, 'byte');
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** "just now", "5m", "3h 12m", "4d" since `date` (a Date, or the string a cached SDK object may hold). */
export function formatAge(date: Date | string | undefined, now: number): string | undefined {
  const t = date === undefined ? NaN : new Date(date).getTime();
  if (!Number.isFinite(t)) return undefined;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** ISO time without milliseconds, UTC: "2026-12-04 19:03:40 UTC". */
export function formatTime(date: Date | string | undefined): string | undefined {
  const t = date === undefined ? NaN : new Date(date).getTime();
  return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC` : undefined;
}

/** The first 8 characters of a task id (as the ECS console abbreviates it); the full id stays in tooltips. */
export function shortTaskId(taskIdOrArn: string): string {
  const id = taskIdOrArn.split('/').pop() ?? taskIdOrArn;
  return /^[0-9a-f]{32}$/.test(id) ? id.slice(0, 8) : id;
}

export { regionName } from '../aws/regions';
