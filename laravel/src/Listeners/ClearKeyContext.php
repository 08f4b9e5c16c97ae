<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Listeners;

use Illuminate\Contracts\Foundation\Application;
use Illuminate\Queue\Events\JobExceptionOccurred;
use Illuminate\Queue\Events\JobFailed;
use Illuminate\Queue\Events\JobProcessed;
use Illuminate\Queue\Events\JobProcessing;
use Illuminate\Queue\Jobs\SyncJob;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Queue\ForgetFailedJobKeys;

/**
 * Long-lived workers (queue workers, Octane) never reach the extension's
 * request shutdown: the context is cleared before and after every job (a
 * job that loads a key, initUserEncryption() say, leaves it for the next,
 * which may be another user's) and around every Octane request, task and
 * tick. A job on the sync driver runs inside the request that dispatched it,
 * and keeps its key. A failed job's row keeps no carried user key
 * (ForgetFailedJobKeys).
 */
final class ClearKeyContext
{
    /** Named, not imported: without Octane they never fire. */
    private const OCTANE_EVENTS = [
        'Laravel\Octane\Events\RequestReceived', 'Laravel\Octane\Events\RequestTerminated',
        'Laravel\Octane\Events\TaskReceived', 'Laravel\Octane\Events\TaskTerminated',
        'Laravel\Octane\Events\TickReceived', 'Laravel\Octane\Events\TickTerminated',
    ];

    public static function register(Application $app): void
    {
        $app->terminating(self::handle(...));
        $events = $app->make('events');
        $events->listen(JobProcessing::class, static function () use ($events, $app): void {
            ForgetFailedJobKeys::listen($events, $app);
        });
        $events->listen([JobProcessing::class, JobProcessed::class, JobExceptionOccurred::class, JobFailed::class, ...self::OCTANE_EVENTS],
            self::handle(...));
    }

    public static function handle(?object $event = null): void
    {
        // A sync job runs inside the request that dispatched it, on that request's key.
        if (!(($event->job ?? null) instanceof SyncJob)) {
            KeyContext::clear();
        }
    }
}
