<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

/**
 * Debian's redis-server on a unix socket in the test's directory, for the
 * tests whose queue workers take jobs from Redis. The test's tearDown()
 * calls stopRedis().
 */
trait StartsRedis
{
    /** @var resource|null */
    private $redis = null;

    private string $redisSocket = '';

    /** Starts the server; returns its socket. */
    private function startRedis(): string
    {
        $this->redisSocket = $this->envDir.'/redis.sock';
        $this->redis = proc_open(['redis-server', '--port', '0', '--unixsocket', $this->redisSocket, '--unixsocketperm', '700',
            '--save', '', '--appendonly', 'no', '--dir', $this->envDir],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $this->envDir.'/redis.log', 'w'], 2 => ['file', $this->envDir.'/redis.log', 'a']], $pipes);
        $this->assertIsResource($this->redis, 'redis-server started (scripts/setup installs it)');
        for ($i = 0; $i < 200 && !file_exists($this->redisSocket); $i++) {
            usleep(25_000);
        }
        $this->assertFileExists($this->redisSocket, 'redis-server is listening: '.@file_get_contents($this->envDir.'/redis.log'));
        return $this->redisSocket;
    }

    private function stopRedis(): void
    {
        if ($this->redis !== null) {
            proc_terminate($this->redis);
            proc_close($this->redis);
            $this->redis = null;
            @unlink($this->redisSocket);
        }
    }
}
