<?php
// examples/demo/bin/pageload.php [--path=/api/records] [--concurrency=N] [--seconds=S] [--label=TEXT]
// Loopback only. Loads one page from many clients at once and checks every
// answer (load_page in http.php). Prints one JSON line: requests/s, errors.
declare(strict_types=1);

require __DIR__ . '/http.php';

$opt = getopt('', ['path::', 'concurrency::', 'seconds::', 'label::', 'base::']);
$result = demo_load_page(demo_base($opt['base'] ?? null) . ($opt['path'] ?? '/api/records'), (int) ($opt['concurrency'] ?? 8), (float) ($opt['seconds'] ?? 20));
echo json_encode(['label' => $opt['label'] ?? 'sodium_crypt'] + $result), "\n";
exit($result['errors'] === 0 && $result['requests'] > 0 ? 0 : 1);
