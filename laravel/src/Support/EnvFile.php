<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

/** Sets KEY=value lines in a .env file, keeping every other line as it was. */
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

    /** @param array<string, string> $values */
    public function set(#[\SensitiveParameter] array $values): void
    {
        if (!is_file($this->path) && !is_writable(dirname($this->path))) {
            throw new \RuntimeException(sprintf('Cannot create %s.', $this->path));
        }
        $text = is_file($this->path) ? (string) file_get_contents($this->path) : '';
        foreach ($values as $name => $value) {
            $line = $name.'='.$value;
            $pattern = '/^'.preg_quote($name, '/').'=.*$/m';
            if (preg_match($pattern, $text)) {
                $text = (string) preg_replace_callback($pattern, static fn () => $line, $text, 1);
            } else {
                $text = ($text === '' || str_ends_with($text, "\n") ? $text : $text."\n").$line."\n";
            }
        }
        $tmp = $this->path.'.tmp'.bin2hex(random_bytes(4));
        if (file_put_contents($tmp, $text) === false || !rename($tmp, $this->path)) {
            @unlink($tmp);
            throw new \RuntimeException(sprintf('Cannot write %s.', $this->path));
        }
        sodium_memzero($text);
    }
}
