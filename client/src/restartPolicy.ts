/**
 * What to do when the language server process dies: restart it, tell the user once per session,
 * and give up (with one clear message) when it keeps crashing, instead of a notification storm.
 */
export interface RestartDecision {
  restart: boolean;
  /** A message to show, or undefined to stay quiet. */
  message?: string;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60_000,
  ) {}

  onServerClosed(now: number): RestartDecision {
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length > this.maxCrashes) {
      return {
        restart: false,
        message: `The Fargate Lens language server crashed ${this.crashes.length} times in ${Math.round(this.windowMs / 60000)} minutes and was not restarted again. Run "Fargate Lens: Restart Language Server" after fixing the cause; details: Fargate Lens: Show Logs.`,
      };
    }
    if (this.told) return { restart: true };
    this.told = true;
    return {
      restart: true,
      message:
        'The Fargate Lens language server stopped unexpectedly and was restarted. Diagnostics are back; details: Fargate Lens: Show Logs.',
    };
  }
}
