<?php
// Timing helpers for the PHP benchmarks: warm-up, calibrated batches,
// median and spread of several rounds, all in one process.
declare(strict_types=1);

final class Bench
{
    public function __construct(private float $seconds = 0.3, private int $rounds = 7) {}

    public static function fromArgv(array $argv): self
    {
        return in_array('--quick', $argv, true) ? new self(0.03, 3) : new self();
    }

    /**
     * $fn() per call, through a closure call each time (~25-40 ns here):
     * for calls that cost a microsecond or more, or have no direct loop.
     *
     * @return array{median: float, spread: float} seconds per call; spread = (max - min) / median
     */
    public function time(callable $fn): array
    {
        return $this->loop(static function (int $n) use ($fn): void {
            for ($i = 0; $i < $n; $i++) {
                $fn();
            }
        });
    }

    /**
     * $batch($n) makes the measured call $n times in its own loop, so the
     * time per call holds the call and a loop step, not a closure call.
     *
     * @return array{median: float, spread: float} as time()
     */
    public function loop(callable $batch): array
    {
        $batch(2); // warm-up
        $n = 1;
        while (true) {
            $t = hrtime(true);
            $batch($n);
            $dt = (hrtime(true) - $t) / 1e9;
            if ($dt > $this->seconds / $this->rounds / 4 || $n >= 1 << 24) {
                $n = max(1, (int) ($n * ($this->seconds / $this->rounds) / max($dt, 1e-9)));
                break;
            }
            $n *= 4;
        }
        $samples = [];
        for ($r = 0; $r < $this->rounds; $r++) {
            $t = hrtime(true);
            $batch($n);
            $samples[] = (hrtime(true) - $t) / 1e9 / $n;
        }
        sort($samples);
        $median = $samples[intdiv(count($samples), 2)];
        return ['median' => $median, 'spread' => (end($samples) - $samples[0]) / $median];
    }

    public static function us(float $seconds): string
    {
        return $seconds >= 1e-3 ? sprintf('%.2f ms', $seconds * 1e3) : sprintf('%.2f µs', $seconds * 1e6);
    }
}
