<?php
// examples/demo/bin/loadtest.php [--users=N] [--requests=N] [--concurrency=N] [--seconds=S] [--label=TEXT]
// Loopback only, bounded in count and time. Registers users, then fires
// requests from many users at once at the served app and checks every answer:
//  - with the user's own tokens: 200, that user's id and key id, only their own secrets;
//  - without the encryption token: 401 (a worker that kept the last request's key would answer 200);
//  - with another user's encryption token: 403.
// Prints one JSON line: requests/s, errors, leaks.
declare(strict_types=1);

require __DIR__ . '/http.php';

$opt = getopt('', ['users::', 'requests::', 'concurrency::', 'seconds::', 'label::', 'base::']);
$base = demo_base($opt['base'] ?? null);
$users = (int) ($opt['users'] ?? 24);
$total = (int) ($opt['requests'] ?? 3000);
$concurrency = (int) ($opt['concurrency'] ?? 16);
$seconds = (float) ($opt['seconds'] ?? 60);

// ---- users, each with their own secrets ----
$run = bin2hex(random_bytes(3));
$people = [];
for ($i = 0; $i < $users; $i++) {
    $email = "load-$run-$i@example.com";
    [$s, $r] = demo_request('POST', "$base/api/register", ['name' => "load $i", 'email' => $email, 'password' => "password of $i", 'phone' => "+1 555 $i"]);
    if ($s !== 201) {
        fwrite(STDERR, "register failed: $s " . json_encode($r) . "\n");
        exit(1);
    }
    $p = ['id' => $r['user']['id'], 'email' => $email, 'phone' => "+1 555 $i",
        'auth' => ['Authorization' => 'Bearer ' . $r['api_token'], 'X-Encryption-Token' => $r['encryption_token']]];
    foreach ([1, 2] as $n) {
        [$s, $r] = demo_request('POST', "$base/api/secrets", ['label' => "secret $n of $email", 'ssn' => sprintf('%03d-00-%04d', $i, $n)], $p['auth']);
        if ($s !== 201) {
            fwrite(STDERR, "store failed: $s\n");
            exit(1);
        }
        $p['key_id'] = $r['stored_under_key'];
    }
    $people[] = $p;
}

// ---- the load ----
$mh = curl_multi_init();
$inflight = [];
$sent = $done = $errors = $leaks = 0;
$kinds = ['own' => 0, 'no-token' => 0, 'foreign-token' => 0];
$firstErrors = [];
$start = microtime(true);

$launch = function () use (&$sent, &$inflight, $mh, $people, $base, &$kinds) {
    $i = random_int(0, count($people) - 1);
    $p = $people[$i];
    $roll = random_int(1, 10);
    $kind = $roll <= 8 ? 'own' : ($roll === 9 ? 'no-token' : 'foreign-token');
    $headers = $p['auth'];
    if ($kind === 'no-token') {
        unset($headers['X-Encryption-Token']);
    } elseif ($kind === 'foreign-token') {
        $headers['X-Encryption-Token'] = $people[($i + 1) % count($people)]['auth']['X-Encryption-Token'];
    }
    $ch = curl_init("$base/api/secrets");
    curl_setopt_array($ch, demo_curl_options('GET', null, $headers));
    curl_multi_add_handle($mh, $ch);
    $inflight[(int) $ch] = [$ch, $p, $kind];
    $kinds[$kind]++;
    $sent++;
};

while (($sent < $total && microtime(true) - $start < $seconds) || $inflight) {
    while ($sent < $total && count($inflight) < $concurrency && microtime(true) - $start < $seconds) {
        $launch();
    }
    curl_multi_exec($mh, $running);
    curl_multi_select($mh, 0.05);
    while ($info = curl_multi_info_read($mh)) {
        $ch = $info['handle'];
        [, $p, $kind] = $inflight[(int) $ch];
        unset($inflight[(int) $ch]);
        $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        $body = json_decode((string) curl_multi_getcontent($ch), true);
        curl_multi_remove_handle($mh, $ch);
        $done++;
        $problem = null;
        if ($kind === 'own') {
            if ($status !== 200) {
                $problem = "error: own tokens got $status";
            } elseif (($body['user_id'] ?? null) !== $p['id'] || ($body['key_id'] ?? null) !== $p['key_id'] || ($body['phone'] ?? null) !== $p['phone']) {
                $problem = 'leak: another user\'s identity, key or phone';
            } else {
                foreach ($body['secrets'] ?? [] as $s) {
                    if (!str_ends_with((string) $s['label'], " of {$p['email']}")) {
                        $problem = 'leak: another user\'s secret';
                    }
                }
                if (count($body['secrets'] ?? []) !== 2) {
                    $problem = 'error: wrong number of secrets';
                }
            }
        } elseif ($status === 200) {
            $problem = "leak: $kind answered 200";
        } elseif ($status !== ($kind === 'no-token' ? 401 : 403)) {
            $problem = "error: $kind got $status";
        }
        if ($problem !== null) {
            str_starts_with($problem, 'leak') ? $leaks++ : $errors++;
            count($firstErrors) < 5 && $firstErrors[] = $problem;
        }
    }
}
$elapsed = microtime(true) - $start;
$result = ['label' => $opt['label'] ?? 'sodium_crypt', 'users' => $users, 'concurrency' => $concurrency, 'requests' => $done,
    'seconds' => round($elapsed, 2), 'requests_per_second' => round($done / $elapsed, 1), 'kinds' => $kinds,
    'errors' => $errors, 'cross_user_leaks' => $leaks, 'first_problems' => $firstErrors];
echo json_encode($result), "\n";
exit($errors + $leaks === 0 && $done > 0 ? 0 : 1);
