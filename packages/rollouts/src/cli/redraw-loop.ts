// Redraws a watched view: at once on a change (at most every 200 ms, so bursts of events do not flicker), and every
// second besides, so ages and pause countdowns keep moving. Upstream: cmd/get/get_rollout.go (Watch).
import type { Clock, Timer } from '@aviary/kube';

export interface RedrawLoopOptions {
  clock: Clock;
  draw: () => void;
  /** Minimum time between two draws; default 200 ms. */
  minIntervalMs?: number;
  /** Redraw this often without changes; default 1000 ms. */
  tickMs?: number;
}

export class RedrawLoop {
  private readonly minIntervalMs: number;
  private readonly tickMs: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private pending: Timer | undefined;
  private ticker: Timer | undefined;
  private stopped = false;

  constructor(private readonly options: RedrawLoopOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 200;
    this.tickMs = options.tickMs ?? 1000;
  }

  /** Draws now and starts the once-a-second redraw. */
  start(): void {
    this.draw();
    this.scheduleTick();
  }

  /** Something changed: draw as soon as the minimum interval allows. */
  markChanged(): void {
    if (this.stopped || this.pending) return;
    const wait = Math.max(0, this.lastDraw + this.minIntervalMs - this.options.clock.now());
    this.pending = this.options.clock.setTimer(() => {
      this.pending = undefined;
      this.draw();
    }, wait);
  }

  stop(): void {
    this.stopped = true;
    this.pending?.cancel();
    this.ticker?.cancel();
  }

  private draw(): void {
    if (this.stopped) return;
    this.lastDraw = this.options.clock.now();
    this.options.draw();
  }

  private scheduleTick(): void {
    if (this.stopped) return;
    this.ticker = this.options.clock.setTimer(() => {
      if (this.options.clock.now() - this.lastDraw >= this.minIntervalMs) this.draw();
      this.scheduleTick();
    }, this.tickMs);
  }
}
