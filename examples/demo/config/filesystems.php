<?php

return [
    'default' => 'local',
    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        // Each user's files under that user's own key (the request's, from the
        // 'user-encryption' middleware): the inner disk holds only ciphertext.
        'user-files' => ['driver' => 'sodium-encrypted', 'disk' => 'local-user-files', 'user' => true],
        'local-user-files' => ['driver' => 'local', 'root' => storage_path('app/user-files')],
    ],
];
