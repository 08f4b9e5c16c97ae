<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

/**
 * Debian's redis-server on a unix socket in the test's directory
 * (scripts/db-server, as the benchmarks start it), for the tests whose queue
 * workers take jobs from Redis. The test's tearDown() calls stopRedis().
 */
trait StartsRedis
{
    private string $redisSocket = '';

    /** Starts the server; returns its socket. */
    private function startRedis(): string
    {
        $script = dirname(__DIR__, 2).'/scripts/db-server';
        exec(escapeshellarg($script).' start redis '.escapeshellarg($this->envDir.'/redis').' 2>&1', $lines, $status);
        $this->assertSame(0, $status, 'redis-server started (scripts/setup installs it): '.implode("\n", $lines));
        $this->assertMatchesRegularExpression('/^REDIS_SOCKET=(.+)$/', (string) end($lines));
        return $this->redisSocket = substr((string) end($lines), strlen('REDIS_SOCKET='));
    }

    private function stopRedis(): void
    {
        if ($this->redisSocket !== '') {
            exec(escapeshellarg(dirname(__DIR__, 2).'/scripts/db-server').' stop '.escapeshellarg(dirname($this->redisSocket)));
            $this->redisSocket = '';
        }
    }
}
