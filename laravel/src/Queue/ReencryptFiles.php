<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

use Illuminate\Bus\Batchable;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Filesystem\Factory;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Queue\InteractsWithQueue;
use League\Flysystem\FilesystemException;
use SodiumCrypt\Laravel\Exceptions\FileDecryptionFailed;
use SodiumCrypt\Laravel\Exceptions\ValuesLeftUnreadable;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;

/**
 * A list of an encrypted disk's files re-encrypted under its current key, a
 * job of the batch `crypto:reencrypt --disk=NAME --queue` dispatches. Each
 * file is written beside its original and moved over it (EncryptedDisk::
 * reencrypt()), so a worker killed in the middle leaves every original whole
 * (and at most a temporary file the next run removes); a file already current
 * is left as it is, so the job may run again.
 */
final class ReencryptFiles implements ShouldQueue
{
    use Batchable, InteractsWithQueue, Queueable;

    /** A killed worker's attempt counts as one: the files are safe to do again. */
    public int $tries = 5;

    /** @param list<string> $paths */
    public function __construct(public string $disk, public array $paths)
    {
    }

    public function handle(Factory $filesystems): void
    {
        if ($this->batch()?->cancelled()) {
            return;
        }
        /** @var EncryptedDisk $disk */
        $disk = $filesystems->disk($this->disk);
        $failed = [];
        foreach ($this->paths as $path) {
            try {
                $disk->fileExists($path) && $disk->reencrypt($path); // one deleted since the listing is not this job's
            } catch (FileDecryptionFailed|FilesystemException) {
                $failed[] = $path;
            }
        }
        if ($failed !== []) {
            $this->fail(new ValuesLeftUnreadable(sprintf(
                '%d file(s) of the "%s" disk open under none of its keys and were left as they are (the job\'s other files are re-encrypted): %s',
                count($failed), $this->disk, implode(', ', array_slice($failed, 0, 50)))));
        }
    }
}
