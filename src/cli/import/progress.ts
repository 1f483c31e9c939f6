// Import progress: a redrawn bar with rate and ETA on a terminal, a plain line every few seconds otherwise.

export interface ProgressState {
  readonly done: number;
  readonly rejected: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

const PLAIN_EVERY_MS = 5_000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export class Progress {
  private readonly started = Date.now();
  private lastPlain = Date.now();

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly startedAt: number,
  ) {}

  private line(state: ProgressState): string {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = (state.done - this.startedAt) / Math.max(elapsed, 0.001);
    const fraction = state.totalBytes > 0 ? Math.min(state.bytesRead / state.totalBytes, 1) : 0;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Number.POSITIVE_INFINITY;
    return `${state.done.toLocaleString('en-US')} records, ${state.rejected} rejected, ${Math.round(rate).toLocaleString('en-US')}/s, ${(fraction * 100).toFixed(1)}%, ETA ${duration(eta)}`;
  }

  update(state: ProgressState): void {
    if (this.out.isTTY) {
      const width = 24;
      const fraction = state.totalBytes > 0 ? Math.min(state.bytesRead / state.totalBytes, 1) : 0;
      const filled = Math.round(fraction * width);
      this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.line(state)}\x1b[K`);
    } else if (Date.now() - this.lastPlain >= PLAIN_EVERY_MS) {
      this.lastPlain = Date.now();
      this.out.write(`progress: ${this.line(state)}\n`);
    }
  }

  finish(state: ProgressState): void {
    this.out.write(`${this.out.isTTY ? '\r' : ''}done: ${this.line({ ...state, bytesRead: state.totalBytes })}${this.out.isTTY ? '\x1b[K' : ''}\n`);
  }
}
