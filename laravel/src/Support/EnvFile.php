<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Composer\Autoload\ClassLoader;
use Dotenv\Dotenv;
use Dotenv\Exception\InvalidFileException;
use Dotenv\Parser\Entry;
use Dotenv\Parser\Parser;
use SodiumCrypt\Laravel\Exceptions\EnvFileNotWritten;

/**
 * Reads and sets variables of a .env file exactly as Laravel loads it:
 * through phpdotenv (vlucas/phpdotenv, which Laravel ships), so the value of
 * a name is that of its last line, `export NAME=`, `NAME = v`, indentation,
 * quotes and comments included. A set replaces the line that is in effect
 * and keeps every other line as it was; a name set to null loses all its
 * lines. What cannot be rewritten so that phpdotenv then reads exactly the
 * new values and nothing else changed (a file phpdotenv refuses, a value
 * built from ${OTHER} variables, a line inside a multi-line value) is
 * refused with the reason, and nothing is written; the result is read back
 * in a fresh PHP process before it replaces the file.
 *
 * The write is atomic (a temporary file beside the real one, renamed over
 * it) and keeps what the operator chose: a symlinked .env stays a symlink and
 * its target is written; the file keeps its mode, owner and group. When the
 * owner cannot be kept, nothing is written. No message carries a value.
 */
final class EnvFile
{
    public function __construct(private readonly string $path)
    {
    }

    /** The value Laravel loads for $name from this file; null when no line sets it. */
    public function get(string $name): ?string
    {
        if (!is_file($this->path)) {
            return null;
        }
        $text = (string) file_get_contents($this->path);
        $value = $this->parse($text)[$name] ?? null;
        sodium_memzero($text);
        return $value;
    }

    /** @param array<string, ?string> $values null removes the name */
    public function set(#[\SensitiveParameter] array $values): void
    {
        $target = $this->target();
        $exists = is_file($target);
        $text = $exists ? (string) file_get_contents($target) : '';
        $before = $this->parse($text);
        $entries = $text === '' ? [] : (new Parser())->parse($text);
        foreach ($values as $name => $value) {
            $this->refuseComputed($entries, $name);
            $text = self::setLine($text, $name, $value);
        }
        $expected = array_filter(array_merge($before, $values), static fn (?string $v) => $v !== null);
        try {
            $after = $this->parse($text);
        } catch (EnvFileNotWritten) {
            $after = [];
        }
        if ($after !== $expected) {
            $changed = array_keys(array_diff_assoc($expected, $after) + array_diff_assoc($after, $expected));
            throw new EnvFileNotWritten(sprintf(
                'Cannot rewrite %s safely: after the change phpdotenv would read %s differently (a line inside a multi-line value?). Set %s by hand. Nothing was written.',
                $this->path, implode(', ', $changed), implode(', ', array_keys($values))));
        }
        $this->replace($target, $exists, $text, $after);
        sodium_memzero($text);
    }

    /**
     * The line for $name in effect (its last) replaced, with its indentation
     * and `export `; or appended; or, for null, every line for it removed.
     */
    private static function setLine(string $text, string $name, ?string $value): string
    {
        $pattern = '/^([ \t]*(?:export[ \t]+)?)'.preg_quote($name, '/').'[ \t]*=[^\r\n]*(\r\n|\n|\r|$)/m';
        preg_match_all($pattern, $text, $lines, PREG_SET_ORDER | PREG_OFFSET_CAPTURE);
        if ($value === null) {
            foreach (array_reverse($lines) as $line) {
                $text = substr_replace($text, '', $line[0][1], strlen($line[0][0]));
            }
            return $text;
        }
        if ($lines === []) {
            return ($text === '' || str_ends_with($text, "\n") ? $text : $text."\n").$name.'='.$value."\n";
        }
        $line = end($lines);
        $newline = $line[2][0] !== '' ? $line[2][0] : "\n";
        return substr_replace($text, $line[1][0].$name.'='.$value.$newline, $line[0][1], strlen($line[0][0]));
    }

    /**
     * A value built from other variables (APP_KEY=${SECRET}) would be
     * replaced by its expansion: the operator's indirection is theirs.
     *
     * @param list<Entry> $entries
     */
    private function refuseComputed(array $entries, string $name): void
    {
        $last = null;
        foreach ($entries as $entry) {
            if ($entry->getName() === $name) {
                $last = $entry;
            }
        }
        if ($last !== null && $last->getValue()->isDefined() && $last->getValue()->get()->getVars() !== []) {
            throw new EnvFileNotWritten(sprintf(
                '%s in %s is built from other variables (${…}): crypto:keys will not replace that. Set %s to its value by hand, then run the command again. Nothing was written.',
                $name, $this->path, $name));
        }
    }

    /**
     * phpdotenv's reading of $text, as Laravel loads it (later lines win,
     * ${…} resolved). Its own message can quote a value: not passed on.
     *
     * @return array<string, string>
     */
    private function parse(#[\SensitiveParameter] string $text): array
    {
        try {
            return array_map(static fn (?string $v) => (string) $v, Dotenv::parse($text));
        } catch (InvalidFileException) {
            throw new EnvFileNotWritten(sprintf(
                '%s is not a file phpdotenv (which Laravel loads it with) can read: an unterminated quote, or a line that is not NAME=value? Fix it by hand. Nothing was written.', $this->path));
        }
    }

    /** The file to write: the .env itself, or where its symlink leads. */
    private function target(): string
    {
        if (!is_link($this->path)) {
            return $this->path;
        }
        $target = realpath($this->path);
        if ($target === false) {
            throw new EnvFileNotWritten(sprintf('%s is a symlink to a file that does not exist.', $this->path));
        }
        return $target;
    }

    /** @param array<string, string> $expected what phpdotenv must read from the new file */
    private function replace(string $target, bool $exists, #[\SensitiveParameter] string $text, #[\SensitiveParameter] array $expected): void
    {
        $dir = dirname($target);
        $tmp = @tempnam($dir, basename($target).'.tmp');
        if ($tmp === false || dirname($tmp) !== $dir) { // tempnam falls back to the system temp dir
            $tmp === false || @unlink($tmp);
            throw new EnvFileNotWritten(sprintf('Cannot write %s: its directory is not writable.', $target));
        }
        try {
            $handle = fopen($tmp, 'wb');
            $ok = $handle !== false && fwrite($handle, $text) === strlen($text) && fsync($handle);
            $handle === false || fclose($handle);
            if (!$ok) {
                throw new EnvFileNotWritten(sprintf('Cannot write %s.', $target));
            }
            if ($exists) {
                $this->keepAttributes($target, $tmp);
            }
            $this->verifyInFreshProcess($tmp, $expected);
            if (!rename($tmp, $target)) {
                throw new EnvFileNotWritten(sprintf('Cannot replace %s.', $target));
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
            throw new EnvFileNotWritten(sprintf(
                'Cannot keep the owner of %s (uid %d, gid %d): run the command as that user or as root. Nothing was written.',
                $target, $owner, $group));
        }
    }

    /**
     * The written file read by phpdotenv in a new PHP process, as the next
     * deploy will read it: it answers with a SHA-256 per name, so no value
     * crosses the pipe. Where processes cannot be started (proc_open
     * disabled), the in-process check of set() stands alone.
     *
     * @param array<string, string> $expected
     */
    private function verifyInFreshProcess(string $file, #[\SensitiveParameter] array $expected): void
    {
        $loaders = ClassLoader::getRegisteredLoaders();
        if (!function_exists('proc_open') || PHP_BINARY === '' || $loaders === []) {
            return;
        }
        $code = 'require $argv[1]; echo json_encode(array_map(static fn ($v) => hash("sha256", (string) $v), Dotenv\Dotenv::parse((string) file_get_contents($argv[2]))));';
        $process = proc_open([PHP_BINARY, '-r', $code, array_key_first($loaders).'/autoload.php', $file],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        if (!is_resource($process)) {
            return;
        }
        $out = (string) stream_get_contents($pipes[1]);
        stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($process);
        $read = json_decode($out, true);
        $want = array_map(static fn (string $v) => hash('sha256', $v), $expected);
        if ($status !== 0 || !is_array($read) || $read != $want) {
            throw new EnvFileNotWritten(sprintf(
                'Cannot write %s: read back by phpdotenv in a new PHP process it does not hold the new values. Nothing was written.', $this->path));
        }
    }
}
