/**
 * Progress on long work: per target waiting, publishing, done (with elapsed time), and the
 * live figures of each rollout step's gate. In a terminal, a block of lines redrawn in place
 * under the log (the log lines are written above it); not a terminal, one plain line per change;
 * with --json, nothing.
 */
import { terminalText } from '@deploy-actions/action-kit/log';
import type { TargetProgress } from '@deploy-actions/release';
import type { GateRound } from '@deploy-actions/deploy/health';

type Mode = 'tty' | 'plain' | 'off';

interface Row {
  state: TargetProgress;
  since: number;
  detail?: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const DONE = new Set<TargetProgress>(['published', 'skipped', 'dry-run', 'failed', 'cancelled']);

function gateLine(g: GateRound): string {
  return `${g.label}: round ${g.round}, ${g.checks} checks, error rate ${(g.errorRate * 100).toFixed(1)}%, p95 ${g.p95Ms} ms, ${g.good} good in a row (${g.successThreshold} needed), ${seconds(g.elapsedMs)}`;
}

export class Progress {
  private readonly rows = new Map<string, Row>();
  private gate?: string;
  private drawn = 0;
  private timer?: NodeJS.Timeout;
  /** What the reporter writes to: above the live block in a terminal. */
  readonly stream: NodeJS.WritableStream;

  constructor(
    readonly mode: Mode,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.stream =
      mode === 'tty'
        ? ({ write: (chunk: string) => this.above(String(chunk)) } as unknown as NodeJS.WritableStream)
        : out;
  }

  static for(json: boolean, out: NodeJS.WriteStream = process.stderr): Progress {
    const tty = out.isTTY && process.env.TERM !== 'dumb';
    return new Progress(json ? 'off' : tty ? 'tty' : 'plain', out);
  }

  target = (name: string, state: TargetProgress, detail?: string): void => {
    if (this.mode === 'off') return;
    const previous = this.rows.get(name);
    const now = Date.now();
    const row: Row = { state, since: state === 'waiting' ? now : (previous?.since ?? now), detail };
    if (state === 'publishing') row.since = now;
    this.rows.set(name, row);
    if (this.mode === 'plain') {
      const took =
        DONE.has(state) && previous?.state === 'publishing' ? ` in ${seconds(now - previous.since)}` : '';
      this.out.write(`${terminalText(`${name}: ${state}${took}${detail ? ` (${detail})` : ''}`, true)}\n`);
      return;
    }
    if (DONE.has(state) && previous)
      row.detail = `${detail ? `${detail}, ` : ''}${seconds(now - previous.since)}`;
    this.start();
    this.redraw();
  };

  gateRound = (figures: GateRound): void => {
    if (this.mode === 'off') return;
    if (this.mode === 'plain') {
      this.out.write(`${terminalText(gateLine(figures), true)}\n`);
      return;
    }
    this.gate = gateLine(figures);
    this.start();
    this.redraw();
  };

  /** Leave the final block in place and stop the clock. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.mode === 'tty' && this.drawn) {
      this.redraw();
      this.drawn = 0;
    }
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.redraw(), 250);
    this.timer.unref();
  }

  private lines(): string[] {
    const width = Math.max(0, ...[...this.rows.keys()].map((n) => n.length));
    const now = Date.now();
    const lines = [...this.rows].map(([name, row]) => {
      const clock = DONE.has(row.state) ? '' : ` ${seconds(now - row.since)}`;
      const detail = row.detail ? `  ${row.detail}` : '';
      return `  ${name.padEnd(width)}  ${row.state}${clock}${detail}`;
    });
    if (this.gate) lines.push(`  ${this.gate}`);
    return lines.map((line) => terminalText(line, true).slice(0, (this.out.columns || 120) - 1));
  }

  private erase(): string {
    return this.drawn ? `\x1b[${this.drawn}A\r\x1b[J` : '';
  }

  private redraw(): void {
    const lines = this.lines();
    this.out.write(`${this.erase()}${lines.map((l) => `${l}\n`).join('')}`);
    this.drawn = lines.length;
  }

  private above(text: string): boolean {
    const lines = this.lines();
    this.out.write(`${this.erase()}${text}${lines.map((l) => `${l}\n`).join('')}`);
    this.drawn = lines.length;
    return true;
  }
}
