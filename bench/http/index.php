<?php
// make bench's HTTP page, served by nginx + php-fpm (bench/http.php starts
// them through examples/demo/bin/serve): GET /bench/{contender} answers 100
// records x 5 fields as JSON, read through Eloquent in the demo app (its
// vendor, bootstrap and configuration) from the SQLite file bench/http.php seeded.
declare(strict_types=1);

require __DIR__.'/../../examples/demo/vendor/autoload.php';
require __DIR__.'/models.php';

$app = require __DIR__.'/../../examples/demo/bootstrap/app.php';
$app->booted(static function (): void {
    Illuminate\Support\Facades\Route::middleware('api')->get('/bench/{contender}', static function (string $contender) {
        $model = (BenchHttp\CONTENDERS[$contender] ?? abort(404))[1];
        BenchHttp\use_encrypter_for($contender);
        return ['records' => $model::query()->orderBy('id')->limit(100)->get()];
    });
});
$kernel = $app->make(Illuminate\Contracts\Http\Kernel::class);
$response = $kernel->handle($request = Illuminate\Http\Request::capture())->send();
$kernel->terminate($request, $response);
