/**
 * A minimal event emitter whose `event` has the shape of `vscode.Event<T>`, so the session and the
 * pseudoterminal can be used (and tested) without loading the vscode module.
 */
export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

export class Emitter<T> {
  private listeners: ((e: T) => unknown)[] = [];

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
    this.listeners.push(bound);
    const d = { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== bound)) };
    disposables?.push(d);
    return d;
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }

  dispose(): void {
    this.listeners = [];
  }
}

/** Resolves with the first event that satisfies `match`, or rejects after `timeoutMs`. */
export function nextEvent<T>(event: Event<T>, match: (e: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`event not seen within ${timeoutMs} ms`));
    }, timeoutMs);
    timer.unref?.(); // waiting alone must not keep the process alive
    const sub = event((e) => {
      if (!match(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Resolves as soon as `cond()` holds: immediately, or after some later event. */
export function when<T>(event: Event<T>, cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  return cond() ? Promise.resolve() : nextEvent(event, cond, timeoutMs).then(() => undefined);
}
