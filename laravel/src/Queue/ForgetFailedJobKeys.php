<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

use Illuminate\Contracts\Container\Container;
use Illuminate\Contracts\Events\Dispatcher;
use Illuminate\Queue\Events\JobFailed;

/**
 * failed_jobs keeps no user key: once queue:work has written a failed
 * CarriesUserKey job there, the key it carried is removed from the row
 * (WithUserKey::withoutCarriedKey()). Failed jobs stay for days and are
 * read by whoever debugs them; the key would open the user's data to
 * anyone with the database and APP_KEY. Database failers only (the
 * default); a retry fails with MissingKeyContext until the user's next
 * request dispatches the job again.
 *
 * @internal
 */
final class ForgetFailedJobKeys
{
    /** @var ?\WeakMap<Dispatcher, true> */
    private static ?\WeakMap $listening = null;

    /**
     * Registered at a worker's first job, so that it runs after queue:work's
     * own JobFailed listener, which writes the row.
     */
    public static function listen(Dispatcher $events, Container $app): void
    {
        self::$listening ??= new \WeakMap();
        if (isset(self::$listening[$events])) {
            return;
        }
        self::$listening[$events] = true;
        $events->listen(JobFailed::class, static function (JobFailed $event) use ($app): void {
            self::forget($event, $app);
        });
    }

    private static function forget(JobFailed $event, Container $app): void
    {
        $config = $app->make('config');
        $driver = (string) $config->get('queue.failed.driver');
        if ($driver !== 'database' && $driver !== 'database-uuids') {
            return;
        }
        $payload = $event->job->getRawBody();
        $without = WithUserKey::withoutCarriedKey($payload);
        if ($without === null) {
            return;
        }
        $table = $app->make('db')->connection($config->get('queue.failed.database'))->table((string) $config->get('queue.failed.table', 'failed_jobs'));
        $uuid = $event->job->uuid();
        ($driver === 'database-uuids' && is_string($uuid) ? $table->where('uuid', $uuid) : $table->where('payload', $payload))
            ->update(['payload' => $without]);
    }
}
