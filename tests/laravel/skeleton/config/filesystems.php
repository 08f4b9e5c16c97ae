<?php

return [
    'default' => 'local',
    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        'user-files' => ['driver' => 'sodium-encrypted', 'disk' => 'local-user-files', 'user' => true],
        'local-user-files' => ['driver' => 'local', 'root' => storage_path('app/user-files')],
    ] + (env('SC_VAULT_ROOT') ? [
        // Under APP_KEY, for the queue workers of QueuedReencryptTest only: a disk on APP_KEY constrains crypto:keys.
        'vault' => ['driver' => 'sodium-encrypted', 'disk' => 'vault-files'],
        'vault-files' => ['driver' => 'local', 'root' => env('SC_VAULT_ROOT')],
    ] : []),
];
