<?php

return [
    'default' => 'local',
    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        'user-files' => ['driver' => 'sodium-encrypted', 'disk' => 'local-user-files', 'user' => true],
        'local-user-files' => ['driver' => 'local', 'root' => storage_path('app/user-files')],
        // Under APP_KEY: re-encrypted by queue workers in QueuedReencryptTest.
        'vault' => ['driver' => 'sodium-encrypted', 'disk' => 'vault-files'],
        'vault-files' => ['driver' => 'local', 'root' => env('SC_VAULT_ROOT', storage_path('app/vault'))],
    ],
];
