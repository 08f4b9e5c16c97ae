<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

use Illuminate\Bus\Batchable;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Queue\InteractsWithQueue;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Exceptions\ValuesLeftUnreadable;
use SodiumCrypt\Laravel\Rotation\ColumnRotator;
use SodiumCrypt\Laravel\Rotation\TableRewriter;

/**
 * One id range of a model's table re-encrypted under the current key, a job
 * of the batch `crypto:reencrypt MODEL --queue` dispatches. Idempotent: one
 * transaction of conditional UPDATEs (TableRewriter), so a worker killed in
 * the middle leaves the range as it was, and the attempt after it, or the
 * same range run twice, rewrites only what is not yet current. The job holds
 * names and ids only; the worker reads the keys from its own configuration.
 */
final class ReencryptChunk implements ShouldQueue
{
    use Batchable, InteractsWithQueue, Queueable;

    /** A killed worker's attempt counts as one: the range is safe to run again. */
    public int $tries = 5;

    /**
     * @param class-string<Model> $model
     * @param list<string> $columns
     */
    public function __construct(
        public string $model,
        public array $columns,
        public bool $toLaravel,
        public int|string $first,
        public int|string $last,
    ) {
    }

    public function handle(Application $app): void
    {
        if ($this->batch()?->cancelled()) {
            return;
        }
        $encrypter = Encrypter::of($app);
        if ($encrypter === null) {
            $this->fail(new InvalidConfiguration('The worker\'s encrypter is not sodium_crypt\'s: set sodium-crypt.replace_encrypter (SODIUM_CRYPT_REPLACE_ENCRYPTER) to true in the workers\' environment too, and restart them (php artisan queue:restart). Nothing was written.'));
            return;
        }
        /** @var Model $model */
        $model = new ($this->model)();
        $rewriter = new TableRewriter($model, $this->columns, new ColumnRotator($encrypter, $this->toLaravel));
        $key = $model->getKeyName();
        [, , $failed] = $rewriter->chunk($rewriter->query()->whereBetween($key, [$this->first, $this->last])->orderBy($key)->get());
        if ($failed !== []) {
            $this->fail(new ValuesLeftUnreadable(sprintf(
                '%d row(s) of %s keep a value that opens under no configured key and were left as they are (the rest of %s %s..%s is re-encrypted): %s',
                count($failed), $this->model, $key, $this->first, $this->last, implode(', ', array_slice($failed, 0, 50)))));
        }
    }
}
