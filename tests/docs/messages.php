<?php

declare(strict_types=1);

/**
 * Prints each exception message thrown in the Laravel package (its text up
 * to the first placeholder) that the errors list of docs/laravel.md lacks,
 * one per line with where it is thrown; prints nothing when all are there.
 *   php tests/docs/messages.php <laravel/src> <docs/laravel.md>
 */
[, $src, $doc] = $argv;
$text = (string) file_get_contents($doc);
$errors = strstr($text, "\n## Errors\n");
if ($errors === false) {
    echo "$doc has no \"## Errors\" section\n";
    exit(0);
}
$files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($src, FilesystemIterator::SKIP_DOTS));
foreach ($files as $file) {
    if ($file->getExtension() !== 'php') {
        continue;
    }
    $code = (string) file_get_contents($file->getPathname());
    // new SomeException('…'), new SomeException(sprintf('…'), new self(409, '…'),
    // parent::__construct(409, $flag ? '…' : '…'): each literal message.
    $literal = "'((?:[^'\\\\]|\\\\.)*)'";
    preg_match_all("/new\\s+(\\w+)\\((?:\\d+,\\s*)?(?:sprintf\\(\\s*)?$literal/", $code, $found, PREG_SET_ORDER | PREG_OFFSET_CAPTURE);
    preg_match_all("/parent::__construct\\(\\d+,\\s*\\$\\w+\\s*\\?\\s*$literal\\s*:\\s*$literal/", $code, $ternary, PREG_SET_ORDER | PREG_OFFSET_CAPTURE);
    foreach ($ternary as $t) {
        $found[] = [$t[0], ['parent', 0], $t[1]];
        $found[] = [$t[0], ['parent', 0], $t[2]];
    }
    foreach ($found as $m) {
        $class = $m[1][0];
        if (!preg_match('/Exception|Invalid|Failed|Locked|Missing|NotWritten|WouldLock|^self$|^parent$/', $class)) {
            continue;
        }
        $message = str_replace("\\'", "'", $m[2][0]);
        // The longest run of text between placeholders, up to 60 characters.
        $parts = array_map('trim', preg_split('/%[sdu]|%\.\d+f/', $message));
        usort($parts, static fn (string $a, string $b) => mb_strlen($b) <=> mb_strlen($a));
        $lead = mb_substr($parts[0], 0, 60);
        if (mb_strlen($lead) < 8) {
            continue;
        }
        if (!str_contains($errors, $lead)) {
            $line = substr_count(substr($code, 0, $m[0][1]), "\n") + 1;
            printf("%s:%d %s: %s\n", substr($file->getPathname(), strlen(dirname($src, 2)) + 1), $line, $class, $lead);
        }
    }
}
