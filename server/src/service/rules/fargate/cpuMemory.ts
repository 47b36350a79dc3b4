/**
 * Fargate task CPU/memory combinations (sources in docs/rules.md, fargate/cpu-memory) and the unit normalisation the API
 * applies at registration ("1 vCPU" -> 1024 units, "2GB" -> 2048 MiB).
 */

export interface CpuRow {
  cpu: number;
  memory: number[];
  /** Needs Linux platform version 1.4.0. */
  linuxOnly: boolean;
}

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

export const FARGATE_CPU_MEMORY: readonly CpuRow[] = [
  { cpu: 256, memory: [512, 1024, 2048], linuxOnly: false },
  { cpu: 512, memory: steps(1024, 4096, 1024), linuxOnly: false },
  { cpu: 1024, memory: steps(2048, 8192, 1024), linuxOnly: false },
  { cpu: 2048, memory: steps(4096, 16384, 1024), linuxOnly: false },
  { cpu: 4096, memory: steps(8192, 30720, 1024), linuxOnly: false },
  { cpu: 8192, memory: steps(16384, 61440, 4096), linuxOnly: true },
  { cpu: 16384, memory: steps(32768, 122880, 8192), linuxOnly: true },
];

/**
 * Size values as text. Each regex has one way to split its input (a number, then an optional unit with
 * its own spaces), so a failing match backtracks linearly; longer text is never a size.
 */
export const MAX_SIZE_TEXT = 64;
export const CPU_TEXT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:(vcpu)\s*)?$/i;
const MEMORY_TEXT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:(gb|mb|mib|gib)\s*)?$/i;

/** Task cpu in units: 256, "256", "0.25 vCPU", ".5 vcpu", "1 vCPU". Undefined when not parseable. */
export function parseCpu(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return v;
  const m = v.length <= MAX_SIZE_TEXT ? CPU_TEXT.exec(v) : null;
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : n;
}

/** Task memory in MiB: 512, "512", "1GB", "1 GB", "0.5 gb". Undefined when not parseable. */
export function parseMemory(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return v;
  const m = v.length <= MAX_SIZE_TEXT ? MEMORY_TEXT.exec(v) : null;
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] && /^g/i.test(m[2]) ? Math.round(n * 1024) : n;
}

export function rowFor(cpu: number): CpuRow | undefined {
  return FARGATE_CPU_MEMORY.find((r) => r.cpu === cpu);
}

export function isValidCombo(cpu: number, memory: number): boolean {
  return !!rowFor(cpu)?.memory.includes(memory);
}

/** The valid memory for this cpu closest to the given memory. */
export function nearestMemory(cpu: number, memory: number): number | undefined {
  const row = rowFor(cpu);
  if (!row) return undefined;
  return row.memory.reduce((a, b) => (Math.abs(b - memory) < Math.abs(a - memory) ? b : a));
}

/** The smallest cpu that allows this memory, if any. */
export function cpuForMemory(memory: number): number | undefined {
  return FARGATE_CPU_MEMORY.find((r) => r.memory.includes(memory))?.cpu;
}

/** The valid cpu closest to a cpu value (for an invalid cpu such as 300). */
export function nearestCpu(cpu: number): number {
  return FARGATE_CPU_MEMORY.map((r) => r.cpu).reduce((a, b) => (Math.abs(b - cpu) < Math.abs(a - cpu) ? b : a));
}

export function describeMemory(row: CpuRow): string {
  const m = row.memory;
  if (m.length <= 3) return m.join(', ') + ' MiB';
  return `${m[0]}–${m[m.length - 1]} MiB in steps of ${m[1] - m[0]}`;
}
