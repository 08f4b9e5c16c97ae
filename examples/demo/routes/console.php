<?php

use App\Models\Record;
use Illuminate\Support\Facades\Artisan;

// The package adds crypto:keys, crypto:reencrypt and the rest.

Artisan::command('demo:records {count=100}', function (int $count) {
    for ($i = 1; $i <= $count; $i++) {
        Record::create(Record::sample($i));
    }
    $this->info("$count records written under ".get_class(app('encrypter')));
})->purpose('Write the records the records page (GET /api/records) lists');
