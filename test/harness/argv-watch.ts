/**
 * Watches every process's argv (/proc/<pid>/cmdline) while a test runs, so a secret passed on
 * a command line (visible to every user of the machine through ps) is caught as it happens.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ArgvWatch {
  /** Stop watching; the command lines that contained a secret. */
  stop(): string[];
  /** How many process listings were taken. */
  samples(): number;
}

export function watchArgv(secrets: string[], intervalMs = 15): ArgvWatch {
  const leaks = new Set<string>();
  let samples = 0;
  const scan = () => {
    samples++;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        continue; // the process ended
      }
      for (const secret of secrets)
        if (cmdline.includes(secret)) leaks.add(cmdline.replace(secret, '<SECRET>'));
    }
  };
  const timer = setInterval(scan, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      scan();
      return [...leaks];
    },
    samples: () => samples,
  };
}
