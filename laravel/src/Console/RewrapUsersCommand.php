<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use SodiumCrypt\Laravel\UserKeys;
use Symfony\Component\Console\Attribute\AsCommand;

/**
 * Re-wraps every server-wrapped (mode 2) user key made under a previous
 * APP_KEY under the current one, so the previous key can be dropped. Each is
 * a conditional update; blobs already current are skipped, so an interrupted
 * run resumes. Password-wrapped (mode 1) keys do not depend on APP_KEY.
 */
#[AsCommand(name: 'crypto:rewrap-users')]
final class RewrapUsersCommand extends Command
{
    protected $signature = 'crypto:rewrap-users
        {--chunk=500 : Users per query}';

    protected $description = 'Re-wrap server-wrapped user keys under the current APP_KEY';

    public function handle(UserKeys $keys): int
    {
        $user = UserKeys::userModel($this->laravel['config']);
        if ($user === null) {
            $this->components->error('auth.providers.users.model is not a model with SodiumCrypt\Laravel\HasUserEncryption.');
            return self::FAILURE;
        }
        $column = (string) $this->laravel['config']->get('sodium-crypt.user.key_column', 'encryption_key');
        $query = $user->newQueryWithoutScopes()->whereNotNull($column);
        $bar = $this->output->createProgressBar((clone $query)->count());
        $rewrapped = $current = 0;
        $failed = [];
        foreach ($query->lazyById(max(1, (int) $this->option('chunk'))) as $one) {
            $bar->advance();
            if ($keys->mode($one) !== 2) {
                continue;
            }
            $index = $keys->serverKeyIndex($one);
            if ($index === null) {
                $failed[] = (string) $one->getKey();
            } elseif ($index === 0) {
                $current++;
            } else {
                $keys->unlockWithServerKey($one);
                $rewrapped++;
            }
        }
        $bar->finish();
        $this->newLine();
        $this->components->info(sprintf('%d re-wrapped under the current APP_KEY, %d already current.', $rewrapped, $current));
        if ($failed !== []) {
            $this->components->error(sprintf('%d user key(s) open under no configured APP_KEY (ids %s): those users\' per-user data needs the key they were wrapped with.', count($failed), implode(', ', array_slice($failed, 0, 50))));
            return self::FAILURE;
        }
        return self::SUCCESS;
    }
}
