<?php
// examples/demo/bin/race.php [--users=N] [--parallel=N] [--base=URL]
// Lazy enrolment under real parallel requests: users who have no key yet
// (as every user of an app that adopts the package) each send N requests at
// once through nginx + php-fpm. Every request must store under one and the
// same key, and everything stored must read back. Loopback only. Prints one
// JSON line; exit 1 when any user ended up with more than one key.
declare(strict_types=1);

require __DIR__ . '/http.php';

$opt = getopt('', ['users::', 'parallel::', 'base::']);
$base = demo_base($opt['base'] ?? null);
$users = (int) ($opt['users'] ?? 20);
$parallel = (int) ($opt['parallel'] ?? 8);

// Users as the app had them before adopting per-user keys: no encryption_key.
$db = new PDO('sqlite:' . __DIR__ . '/../database/demo.sqlite', null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$db->exec('PRAGMA busy_timeout = 5000');
$run = bin2hex(random_bytes(3));
$people = [];
$insert = $db->prepare('INSERT INTO users (name, email, password, api_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
for ($i = 0; $i < $users; $i++) {
    $token = bin2hex(random_bytes(20));
    $now = date('Y-m-d H:i:s');
    $insert->execute(["race $i", "race-$run-$i@example.com", password_hash('unused', PASSWORD_BCRYPT), hash('sha256', $token), $now, $now]);
    $people[] = ['id' => (int) $db->lastInsertId(), 'token' => $token];
}

$split = $lost = $errors = 0;
foreach ($people as $p) {
    // N first requests at once, none carrying a key: each may enrol the user.
    $multi = curl_multi_init();
    $handles = [];
    for ($n = 0; $n < $parallel; $n++) {
        $handles[] = $h = curl_init("$base/api/secrets");
        curl_setopt_array($h, demo_curl_options('POST', ['label' => "race $n"], ['Authorization' => "Bearer {$p['token']}"]));
        curl_multi_add_handle($multi, $h);
    }
    do {
        $status = curl_multi_exec($multi, $running);
        if ($running) {
            curl_multi_select($multi);
        }
    } while ($running && $status === CURLM_OK);
    $keys = [];
    foreach ($handles as $h) {
        $code = curl_getinfo($h, CURLINFO_RESPONSE_CODE);
        $body = json_decode((string) curl_multi_getcontent($h), true);
        if ($code !== 201) {
            $errors++;
            fwrite(STDERR, "user {$p['id']}: store answered $code\n");
        } else {
            $keys[$body['stored_under_key']] = true;
        }
        curl_multi_remove_handle($multi, $h);
    }
    curl_multi_close($multi);
    $split += (int) (count($keys) > 1);

    // Everything stored reads back under the key the user now has.
    [$code, $body] = demo_request('GET', "$base/api/secrets", null, ['Authorization' => "Bearer {$p['token']}"]);
    $read = $code === 200 ? count($body['secrets'] ?? []) : 0;
    if ($read !== $parallel) {
        $lost += $parallel - $read;
        fwrite(STDERR, "user {$p['id']}: read back $read of $parallel (HTTP $code)\n");
    }
}
echo json_encode(['users' => $users, 'parallel_first_requests' => $parallel, 'users_with_more_than_one_key' => $split,
    'rows_unreadable' => $lost, 'errors' => $errors]), "\n";
exit($split + $lost + $errors === 0 ? 0 : 1);
