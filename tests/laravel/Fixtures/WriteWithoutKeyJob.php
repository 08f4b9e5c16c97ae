<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use SodiumCrypt\KeyContext;

/**
 * A job that writes a user's secret without carrying that user's key (a
 * mistake): it must fail with MissingKeyContext, never write under whatever
 * key an earlier job left. It records whether the context held a key when
 * it started.
 */
final class WriteWithoutKeyJob implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    public function __construct(public User $user, public string $label, public string $probe)
    {
    }

    public function handle(): void
    {
        file_put_contents($this->probe, sprintf("%s: %s\n", $this->label, KeyContext::has() ? 'a key was set' : 'no key'), FILE_APPEND);
        $this->user->secrets()->create(['label' => $this->label, 'ssn' => '222-22-2222']);
    }
}
