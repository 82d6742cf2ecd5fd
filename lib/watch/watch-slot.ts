// One kind of ZooKeeper watch (data or children) on one path: at most one arming call in
// flight, a request that comes in meanwhile runs once more after it, and a token that tells
// the current registration from stale ones (a one-shot watch cannot be taken back).
export class WatchSlot {
  token = 0;
  armed = false;
  private running: Promise<void> | null = null;
  private again = false;

  /** Run `arm` now, or once more after the run in flight; resolves when no run is pending. */
  run(arm: (token: number) => Promise<void>, stopped: () => boolean): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await arm(++this.token);
        } while (this.again && !stopped());
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Forget the registration: its event, if it ever comes, is ignored. */
  drop(): void {
    this.armed = false;
    this.token++;
  }
}
