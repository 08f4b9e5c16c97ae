<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;

/**
 * A key-less job that enrols a user (an import, an invitation): it loads the
 * new key into the context, as initUserEncryption() does in a request, and
 * never clears it. The worker must.
 */
final class EnrolUserJob implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    public function __construct(public User $user, public string $password)
    {
    }

    public function handle(): void
    {
        $this->user->initUserEncryption($this->password);
        $this->user->secrets()->create(['label' => 'enrolled in a job', 'ssn' => '111-11-1111']);
    }
}
