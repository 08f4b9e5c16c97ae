<?php
// What the demo's HTTP drivers (loadtest.php, race.php, pageload.php) and
// make bench's HTTP page share: the loopback base URL, JSON requests with
// curl, and a page loaded by many clients at once.
declare(strict_types=1);

/** --base, or the served demo; refuses anything but loopback. */
function demo_base(?string $given): string
{
    $base = $given ?? 'http://127.0.0.1:' . (getenv('DEMO_PORT') ?: '8080');
    if (!preg_match('~^http://(127\.0\.0\.1|localhost)(:\d+)?$~', $base)) {
        fwrite(STDERR, "loopback only\n");
        exit(2);
    }
    return $base;
}

/** @return array{int, mixed} status and decoded JSON body */
function demo_request(string $method, string $url, ?array $json = null, array $headers = []): array
{
    $ch = curl_init($url);
    curl_setopt_array($ch, demo_curl_options($method, $json, $headers));
    $body = (string) curl_exec($ch);
    return [curl_getinfo($ch, CURLINFO_RESPONSE_CODE), json_decode($body, true)];
}

function demo_curl_options(string $method, ?array $json, array $headers): array
{
    $h = ['Accept: application/json', 'Content-Type: application/json'];
    foreach ($headers as $k => $v) {
        $h[] = "$k: $v";
    }
    return [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => $h,
        CURLOPT_TIMEOUT => 30] + ($json === null ? [] : [CURLOPT_POSTFIELDS => json_encode($json)]);
}

/**
 * $clients concurrent keep-alive clients GET $url for $seconds; every answer
 * is checked: 200, $count records, each record's name "Patient <its id>"
 * (decrypted right, and its own).
 *
 * @return array{requests: int, errors: int, requests_per_second: float, first_problem: ?string}
 */
function demo_load_page(string $url, int $clients, float $seconds, int $count = 100): array
{
    $multi = curl_multi_init();
    $inflight = 0;
    $start = static function () use ($url, $multi, &$inflight): void {
        $h = curl_init($url);
        curl_setopt_array($h, demo_curl_options('GET', null, []));
        curl_multi_add_handle($multi, $h);
        $inflight++;
    };
    for ($i = 0; $i < $clients; $i++) {
        $start();
    }
    $done = $errors = 0;
    $problem = null;
    $t0 = microtime(true);
    do {
        curl_multi_exec($multi, $running);
        curl_multi_select($multi, 0.05);
        while ($info = curl_multi_info_read($multi)) {
            $h = $info['handle'];
            $status = curl_getinfo($h, CURLINFO_RESPONSE_CODE);
            $records = json_decode((string) curl_multi_getcontent($h), true)['records'] ?? null;
            $wrong = $status !== 200 ? "status $status"
                : (!is_array($records) || count($records) !== $count ? 'not ' . $count . ' records'
                : (array_filter($records, static fn ($r) => ($r['name'] ?? null) !== 'Patient ' . ($r['id'] ?? '?')) !== [] ? 'a record that is not its own' : null));
            if ($wrong === null) {
                $done++;
            } else {
                $errors++;
                $problem ??= $wrong;
            }
            curl_multi_remove_handle($multi, $h);
            $inflight--;
            if (microtime(true) - $t0 < $seconds) {
                $start();
            }
        }
    } while ($inflight > 0);
    curl_multi_close($multi);
    return ['requests' => $done, 'errors' => $errors, 'requests_per_second' => $done / (microtime(true) - $t0), 'first_problem' => $problem];
}
