<?php

return [
    'default' => env('DB_CONNECTION', 'sqlite'),
    'connections' => [
        'sqlite' => [
            'driver' => 'sqlite',
            'database' => env('DB_DATABASE', database_path('demo.sqlite')),
            'prefix' => '',
            'foreign_key_constraints' => true,
            'busy_timeout' => 10000,
            'journal_mode' => 'wal',
        ],
        // Or a server of your own: DB_CONNECTION=pgsql|mysql and the DB_* settings.
        'pgsql' => [
            'driver' => 'pgsql',
            'host' => env('DB_HOST', '127.0.0.1'),
            'port' => env('DB_PORT', '5432'),
            'database' => env('DB_DATABASE', 'demo'),
            'username' => env('DB_USERNAME', 'demo'),
            'password' => env('DB_PASSWORD', ''),
            'charset' => 'utf8',
            'prefix' => '',
            'search_path' => 'public',
            'sslmode' => 'prefer',
        ],
        // MySQL or MariaDB (Laravel 10 has no separate mariadb driver).
        'mysql' => [
            'driver' => 'mysql',
            'host' => env('DB_HOST', '127.0.0.1'),
            'port' => env('DB_PORT', '3306'),
            'unix_socket' => env('DB_SOCKET', ''),
            'database' => env('DB_DATABASE', 'demo'),
            'username' => env('DB_USERNAME', 'demo'),
            'password' => env('DB_PASSWORD', ''),
            'charset' => 'utf8mb4',
            'collation' => 'utf8mb4_unicode_ci',
            'prefix' => '',
            'strict' => true,
            'engine' => 'InnoDB',
        ],
    ],
    'migrations' => 'migrations',
    // QUEUE_CONNECTION=redis: redis-server on its unix socket (predis, which any PHP runs).
    'redis' => [
        'client' => env('REDIS_CLIENT', 'predis'),
        'default' => ['scheme' => 'unix', 'path' => env('REDIS_SOCKET', '/run/redis/redis-server.sock'), 'database' => 0],
    ],
];
