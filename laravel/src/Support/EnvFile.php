<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

/**
 * Sets KEY=value lines in a .env file, keeping every other line as it was.
 * The write is atomic (a temporary file beside the real one, renamed over
 * it) and keeps what the operator chose: a symlinked .env stays a symlink and
 * its target is written; the file keeps its mode, owner and group. When the
 * owner cannot be kept, nothing is written.
 */
final class EnvFile
{
    public function __construct(private readonly string $path)
    {
    }

    public function get(string $name): ?string
    {
        if (!is_file($this->path)) {
            return null;
        }
        $text = (string) file_get_contents($this->path);
        if (!preg_match('/^'.preg_quote($name, '/').'=(.*)$/m', $text, $m)) {
            return null;
        }
        return trim($m[1], " \t\"'");
    }

    /** @param array<string, ?string> $values null removes the line */
    public function set(#[\SensitiveParameter] array $values): void
    {
        $target = $this->target();
        $exists = is_file($target);
        $text = $exists ? (string) file_get_contents($target) : '';
        foreach ($values as $name => $value) {
            $pattern = '/^'.preg_quote($name, '/').'=.*(\n|$)/m';
            $line = $value === null ? '' : $name.'='.$value."\n";
            if (preg_match($pattern, $text)) {
                $text = (string) preg_replace_callback($pattern, static fn () => $line, $text, 1);
            } elseif ($value !== null) {
                $text = ($text === '' || str_ends_with($text, "\n") ? $text : $text."\n").$line;
            }
        }
        $this->replace($target, $exists, $text);
        sodium_memzero($text);
    }

    /** The file to write: the .env itself, or where its symlink leads. */
    private function target(): string
    {
        if (!is_link($this->path)) {
            return $this->path;
        }
        $target = realpath($this->path);
        if ($target === false) {
            throw new \RuntimeException(sprintf('%s is a symlink to a file that does not exist.', $this->path));
        }
        return $target;
    }

    private function replace(string $target, bool $exists, #[\SensitiveParameter] string $text): void
    {
        $dir = dirname($target);
        $tmp = @tempnam($dir, basename($target).'.tmp');
        if ($tmp === false || dirname($tmp) !== $dir) { // tempnam falls back to the system temp dir
            $tmp === false || @unlink($tmp);
            throw new \RuntimeException(sprintf('Cannot write %s: its directory is not writable.', $target));
        }
        try {
            $handle = fopen($tmp, 'wb');
            $ok = $handle !== false && fwrite($handle, $text) === strlen($text) && fsync($handle);
            $handle === false || fclose($handle);
            if (!$ok) {
                throw new \RuntimeException(sprintf('Cannot write %s.', $target));
            }
            if ($exists) {
                $this->keepAttributes($target, $tmp);
            }
            if (!rename($tmp, $target)) {
                throw new \RuntimeException(sprintf('Cannot replace %s.', $target));
            }
        } catch (\Throwable $e) {
            @unlink($tmp);
            throw $e;
        }
    }

    /** The new file gets the old one's mode, owner and group, or the write stops here. */
    private function keepAttributes(string $target, string $tmp): void
    {
        clearstatcache();
        chmod($tmp, fileperms($target) & 07777);
        $owner = fileowner($target);
        $group = filegroup($target);
        if ((fileowner($tmp) !== $owner && !@chown($tmp, $owner)) || (filegroup($tmp) !== $group && !@chgrp($tmp, $group))) {
            throw new \RuntimeException(sprintf(
                'Cannot keep the owner of %s (uid %d, gid %d): run the command as that user or as root. Nothing was written.',
                $target, $owner, $group));
        }
    }
}
