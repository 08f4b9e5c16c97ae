<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use SodiumCrypt\Laravel\Queue\CarriesUserKey;

/** Carries the user's key but is not ShouldBeEncrypted: the command is serialized in the clear, the key sealed under APP_KEY. */
final class WriteSecretPlainJob implements ShouldQueue
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
