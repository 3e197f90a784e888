/**
 * Runs an async task again whenever asked, at most once per `intervalMs`, never two at a time:
 * requests that arrive while a call is running (or waiting out its interval) coalesce into one
 * more call afterwards. The page asks the worker for validation predictions this way.
 */
export class Refresher {
  private wanted = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastStart = -Infinity;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Asks for a fresh call (soon if idle, else right after the current one's interval). */
  request(): void {
    if (this.stopped) return;
    this.wanted = true;
    if (this.running === null) this.running = this.loop().finally(() => (this.running = null));
  }

  /** No more calls after the one in flight (if any). */
  stop(): void {
    this.stopped = true;
    this.wanted = false;
  }

  /** Resolves when the loop has gone idle (for tests). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.wanted && !this.stopped) {
      const wait = this.lastStart + this.intervalMs - this.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.stopped) break;
      this.wanted = false;
      this.lastStart = this.now();
      try {
        await this.task();
      } catch {
        // a failed call (worker restarting) keeps the last result; the next request tries again
      }
    }
  }
}
