<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use SodiumCrypt\Laravel\Queue\CarriesUserKey;

/** Carries the user's key and fails: what reaches failed_jobs. */
class FailingCarriedJob implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, CarriesUserKey;

    public int $tries = 1;

    public function __construct(public string $note = '')
    {
    }

    public function handle(): void
    {
        throw new \RuntimeException('this job fails');
    }
}
