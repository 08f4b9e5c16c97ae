<?php

declare(strict_types=1);

/**
 * The fenced code blocks of the README and docs/, each with the line above it
 * that says what a test does with it:
 *   <!-- run: KIND [name=value | name="value with spaces"]… -->
 *   <!-- not run: the reason -->
 * tests/docs/run checks that every block has one and runs the kinds "php" and
 * "clone"; tests/newuser/run runs the new-user and operations kinds.
 *
 *   php tests/docs/blocks.php [files…]   prints the blocks as JSON
 */
final class DocBlocks
{
    public const KINDS = ['php', 'clone', 'new-user-create', 'new-user', 'new-user-php', 'new-user-rotate', 'operations', 'operations-way-back'];

    /** @return list<string> the Markdown files whose blocks are checked */
    public static function files(string $root): array
    {
        $files = array_merge(["$root/README.md", "$root/CHANGELOG.md", "$root/SECURITY.md"], glob("$root/docs/*.md") ?: []);
        return array_values(array_filter($files, 'is_file'));
    }

    /**
     * @return list<array{file: string, line: int, lang: string, run: ?string, options: array<string, string>, reason: ?string, code: string, error: ?string}>
     */
    public static function parse(string $file): array
    {
        $lines = explode("\n", (string) file_get_contents($file));
        $blocks = [];
        for ($i = 0, $n = count($lines); $i < $n; $i++) {
            if (!preg_match('/^(\s*)```(\w*)\s*$/', $lines[$i], $open)) {
                continue;
            }
            $indent = $open[1];
            $start = $i;
            $code = [];
            for ($i++; $i < $n && !preg_match('/^'.preg_quote($indent, '/').'```\s*$/', $lines[$i]); $i++) {
                $code[] = str_starts_with($lines[$i], $indent) ? substr($lines[$i], strlen($indent)) : ltrim($lines[$i]);
            }
            $above = '';
            for ($j = $start - 1; $j >= 0 && trim($lines[$j]) === ''; $j--) {
            }
            $above = $j >= 0 ? trim($lines[$j]) : '';
            $block = ['file' => $file, 'line' => $start + 1, 'lang' => $open[2], 'run' => null, 'options' => [],
                'reason' => null, 'code' => implode("\n", $code)."\n", 'error' => null];
            if (preg_match('/^<!-- not run: (.+) -->$/', $above, $m)) {
                $block['reason'] = $m[1];
            } elseif (preg_match('/^<!-- run: ([\w-]+)((?:\s+\w+=(?:"[^"]*"|\S+))*)\s*-->$/', $above, $m)) {
                $block['run'] = $m[1];
                preg_match_all('/(\w+)=(?:"([^"]*)"|(\S+))/', $m[2], $options, PREG_SET_ORDER);
                foreach ($options as $o) {
                    $block['options'][$o[1]] = ($o[2] ?? '') !== '' ? $o[2] : ($o[3] ?? '');
                }
                if (!in_array($m[1], self::KINDS, true)) {
                    $block['error'] = sprintf('unknown kind "%s" (known: %s)', $m[1], implode(', ', self::KINDS));
                }
            } else {
                $block['error'] = 'no <!-- run: … --> or <!-- not run: reason --> line above it';
            }
            $blocks[] = $block;
        }
        return $blocks;
    }

    /** @return list<string> relative links (and #anchors) of the files that lead nowhere */
    public static function brokenLinks(array $files): array
    {
        $anchors = static function (string $path): array {
            preg_match_all('/^#+ (.+)$/m', (string) file_get_contents($path), $m);
            return array_map(static fn (string $h) => str_replace(' ', '-', preg_replace('/[^\w\- ]/u', '', mb_strtolower(trim($h)))), $m[1]);
        };
        $broken = [];
        foreach ($files as $file) {
            $text = preg_replace('/```.*?```/s', '', (string) file_get_contents($file));
            preg_match_all('/\]\(([^)\s]+)\)/', $text, $m);
            foreach ($m[1] as $link) {
                if (preg_match('#^[a-z]+://#', $link)) {
                    continue;
                }
                [$path, $anchor] = array_pad(explode('#', $link, 2), 2, '');
                $target = $path === '' ? $file : dirname($file).'/'.$path;
                if (!file_exists($target)) {
                    $broken[] = basename($file).": $link";
                } elseif ($anchor !== '' && str_ends_with($target, '.md') && !in_array($anchor, $anchors($target), true)) {
                    $broken[] = basename($file).": $link (no such heading)";
                }
            }
        }
        return $broken;
    }

    /** @return list<array> every block of the files, in order */
    public static function all(array $files): array
    {
        return array_merge(...array_map([self::class, 'parse'], $files));
    }
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $files = array_slice($argv, 1) ?: DocBlocks::files(dirname(__DIR__, 2));
    echo json_encode(DocBlocks::all($files), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR), "\n";
}
