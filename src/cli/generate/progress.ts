import cliProgress from 'cli-progress';

/** One step of the generator (people, allocations, a feature's part): how far through it is. */
export interface StepProgress {
  advance(count?: number): void;
  finish(): void;
}

/** Reports the generator's steps as they go; the command line shows bars, tests show nothing. */
export interface Progress {
  step(name: string, total: number, unit: string): StepProgress;
}

export const silentProgress: Progress = {
  step: () => ({ advance: () => {}, finish: () => {} }),
};

/**
 * A progress bar a step on standard error, with counts, elapsed time and time left; on a stream
 * that is not a terminal (a log file, CI), one line a step when it finishes.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return {
    step(name, total, unit) {
      const started = performance.now();
      if (!stream.isTTY) {
        let done = 0;
        return {
          advance: (count = 1) => {
            done += count;
          },
          finish: () => stream.write(`${name}: ${done.toLocaleString('en-GB')} ${unit} in ${seconds(started)}\n`),
        };
      }
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${name.padEnd(28)} {bar} {value}/{total} ${unit} | {duration_formatted} | {eta_formatted} left`,
          formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? value.toLocaleString('en-GB') : String(value)),
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
      return {
        advance: (count = 1) => bar.increment(count),
        finish: () => {
          bar.update(Math.max(total, 1));
          bar.stop();
        },
      };
    },
  };
}

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
