<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldBeEncrypted;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use SodiumCrypt\Laravel\Queue\CarriesUserKey;

/** Queued, encrypted on the queue, and run with the dispatching user's key. */
final class WriteSecretJob implements ShouldQueue, ShouldBeEncrypted
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels, CarriesUserKey;

    public function __construct(public User $user, public string $label)
    {
    }

    public function handle(): void
    {
        $this->user->secrets()->create(['label' => $this->label, 'ssn' => '000-00-0000']);
    }
}
