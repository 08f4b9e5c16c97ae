<?php

return [
    'default' => 'local',
    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        'user-files' => ['driver' => 'sodium-encrypted', 'disk' => 'local-user-files', 'user' => true],
        'local-user-files' => ['driver' => 'local', 'root' => storage_path('app/user-files')],
    ],
];
