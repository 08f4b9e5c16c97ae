<?php
// What the demo's HTTP drivers (loadtest.php, race.php) share: the loopback
// base URL and JSON requests with curl.
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
function request(string $method, string $url, ?array $json = null, array $headers = []): array
{
    $ch = curl_init($url);
    curl_setopt_array($ch, handle_options($method, $json, $headers));
    $body = (string) curl_exec($ch);
    return [curl_getinfo($ch, CURLINFO_RESPONSE_CODE), json_decode($body, true)];
}

function handle_options(string $method, ?array $json, array $headers): array
{
    $h = ['Accept: application/json', 'Content-Type: application/json'];
    foreach ($headers as $k => $v) {
        $h[] = "$k: $v";
    }
    return [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => $h,
        CURLOPT_TIMEOUT => 30] + ($json === null ? [] : [CURLOPT_POSTFIELDS => json_encode($json)]);
}
