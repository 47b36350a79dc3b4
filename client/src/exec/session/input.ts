/**
 * Input for the data channel (docs/ecs-exec.md §6.9): at most 1024 bytes per message (the plugin's
 * StreamDataPayloadSize), and input given before the session is ready waits in a bounded queue.
 */
export const MAX_INPUT_CHUNK = 1024;
export const MAX_PENDING_INPUT_BYTES = 64 * 1024;

export function splitInput(data: string | Uint8Array): Buffer[] {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += MAX_INPUT_CHUNK) out.push(bytes.subarray(i, i + MAX_INPUT_CHUNK));
  return out;
}

export class InputQueue {
  private chunks: Buffer[] = [];
  private bytes = 0;

  constructor(private readonly limit = MAX_PENDING_INPUT_BYTES) {}

  push(chunk: Buffer): boolean {
    if (this.bytes + chunk.length > this.limit) return false;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    return true;
  }

  drain(): Buffer[] {
    const out = this.chunks;
    this.clear();
    return out;
  }

  clear(): void {
    this.chunks = [];
    this.bytes = 0;
  }
}
