<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

/**
 * For queued jobs that read or write user-encrypted data: call
 * carryUserKey() while dispatching (in the user's request); the job then
 * runs with that key in KeyContext. A job with its own middleware() adds
 * `new WithUserKey` to it.
 */
trait CarriesUserKey
{
    public ?string $sealedUserKey = null;

    public function carryUserKey(): static
    {
        $this->sealedUserKey = WithUserKey::sealContextKey();
        return $this;
    }

    public function middleware(): array
    {
        return [new WithUserKey()];
    }
}
