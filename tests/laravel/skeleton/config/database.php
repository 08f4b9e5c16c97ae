<?php

// The test case points 'default' and the database name at each test's own;
// the servers are those scripts/db-server starts (DB_* in the environment).
$server = fn (string $driver, string $port) => [
    'driver' => $driver,
    'host' => env('DB_HOST', '127.0.0.1'),
    'port' => env('DB_PORT', $port),
    'database' => env('DB_DATABASE', 'sodium_crypt'),
    'username' => env('DB_USERNAME', 'sodium_crypt'),
    'password' => env('DB_PASSWORD', ''),
    'prefix' => '',
];

return [
    'default' => env('DB_CONNECTION', 'sqlite'),
    'connections' => [
        'sqlite' => ['driver' => 'sqlite', 'database' => env('DB_DATABASE', ':memory:'), 'prefix' => '', 'foreign_key_constraints' => true, 'busy_timeout' => 10000],
        'pgsql' => $server('pgsql', '5432') + ['charset' => 'utf8', 'search_path' => 'public', 'sslmode' => 'prefer'],
        // MariaDB (Laravel 10 has no driver of its own for it).
        'mysql' => $server('mysql', '3306') + ['unix_socket' => env('DB_SOCKET', ''), 'charset' => 'utf8mb4',
            'collation' => 'utf8mb4_unicode_ci', 'strict' => true, 'engine' => 'InnoDB'],
    ],
    'migrations' => 'migrations',
    // QueueWorkerTest's redis-server, on a unix socket it starts (predis runs on any PHP).
    'redis' => [
        'client' => 'predis',
        'default' => ['scheme' => 'unix', 'path' => env('REDIS_SOCKET', '/run/redis/redis-server.sock'), 'database' => 0],
    ],
];
