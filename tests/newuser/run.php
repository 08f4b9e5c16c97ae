<?php

declare(strict_types=1);

/**
 * The README's path, followed as a new user would on a fresh laravel/laravel
 * 12 app, with the blocks of README.md and docs/ as they are written
 * (tests/docs/blocks.php): the ones marked new-user-create, new-user,
 * new-user-php, new-user-rotate, operations and operations-way-back. Between
 * the steps, the app is driven over HTTP (php artisan serve): register, sign
 * in, store, read, search, another user's key refused, password change, and
 * reading everything back after each rotation.
 *
 * The README names the public repository; here it is a clone of this one,
 * tagged at HEAD with the header's version (what a release of HEAD would be),
 * and ~ is a scratch home. See tests/newuser/run for the environment.
 *   php tests/newuser/run.php <work dir>
 */

require __DIR__.'/../docs/blocks.php';

const PUBLIC_REPOSITORY = 'https://github.com/sodium-crypt/sodium_crypt.git';

final class NewUser
{
    private string $app;
    private ?int $server = null;
    private int $port;
    /** @var resource|null */
    private $serverProcess = null;
    private int $step = 0;

    public function __construct(private readonly string $root, private readonly string $work, private readonly string $origin)
    {
        $this->app = "$work/my-app";
        $this->port = 20000 + random_int(0, 9999);
    }

    public function run(): void
    {
        $blocks = DocBlocks::all(DocBlocks::files($this->root));
        $of = static fn (string ...$kinds) => array_values(array_filter($blocks, static fn (array $b) => in_array($b['run'], $kinds, true)));
        $readme = array_values(array_filter($of('new-user', 'new-user-php'), fn (array $b) => $b['file'] === "$this->root/README.md"));
        $create = $of('new-user-create');
        self::check(count($create) === 1, 'the README has one new-user-create block');

        $this->shell($create[0], $this->work);
        foreach ($readme as $block) {
            $this->apply($block);
        }

        $this->serve();
        $alice = $this->account('alice');
        $bob = $this->account('bob');
        $this->crossUser($alice, $bob);
        $this->changePassword($alice);
        $this->stopServer();
        $this->assertStoredEncrypted();

        foreach ($of('new-user-rotate') as $block) {
            $this->apply($block);
        }
        $this->readBack([$alice, $bob], 'after the README\'s rotation');

        foreach (array_filter($of('new-user-php'), fn (array $b) => $b['file'] !== "$this->root/README.md") as $block) {
            $this->apply($block);
        }
        foreach ($of('operations') as $block) {
            $this->apply($block);
        }
        $this->readBack([$alice, $bob], 'after docs/operations.md\'s rotation, cipher change and blind-index rotation');
        $this->assertStoredEncrypted();

        foreach ($of('operations-way-back') as $block) {
            $this->apply($block);
        }
        $this->readBack([$alice, $bob], 'after the way back to Laravel\'s encrypter');
        $this->pass('every step of the README\'s path and docs/operations.md, on a fresh laravel/laravel 12 app');
    }

    // ---- the blocks ----

    private function apply(array $block): void
    {
        $where = sprintf('%s:%d', substr($block['file'], strlen($this->root) + 1), $block['line']);
        $o = $block['options'];
        if ($block['run'] === 'new-user-php') {
            $this->php($block['code'], $where);
        } elseif (isset($o['file'])) {
            $this->write($o['file'], $block['code']);
        } elseif (isset($o['append'])) {
            $path = "$this->app/{$o['append']}";
            file_put_contents($path, "\n".$block['code'], FILE_APPEND);
        } elseif (isset($o['insert'])) {
            $this->insert($this->one($o['insert']), $o['after'] ?? '', $block['code']);
        } elseif (isset($o['patch'])) {
            $this->patch($this->one($o['patch']), $block['code']);
        } else {
            $this->shell($block, $this->app);
            return;
        }
        $this->pass("$where ({$block['run']}".($o ? ' '.http_build_query($o, '', ' ') : '').')');
    }

    private function shell(array $block, string $cwd): void
    {
        $where = sprintf('%s:%d', substr($block['file'], strlen($this->root) + 1), $block['line']);
        $code = str_replace(PUBLIC_REPOSITORY, $this->origin, $block['code']);
        [$status, $out] = self::exec(['bash', '-euo', 'pipefail', '-c', $code], $cwd);
        self::check($status === 0, "$where ran (exit $status)", $out);
        $this->pass("$where ({$block['run']})");
    }

    private function php(string $code, string $where): void
    {
        $script = "$this->app/storage/doc-block.php";
        file_put_contents($script, "<?php\nrequire __DIR__.'/../vendor/autoload.php';\n\$app = require __DIR__.'/../bootstrap/app.php';\n"
            ."\$app->make(Illuminate\\Contracts\\Console\\Kernel::class)->bootstrap();\n".$code);
        [$status, $out] = self::exec(['php', '-d', 'zend.assertions=1', '-d', 'assert.exception=1', '-d', 'error_reporting=-1', '-d', 'display_errors=stderr', $script], $this->app);
        unlink($script);
        self::check($status === 0 && trim($out) === '', "$where ran in the app with assertions on (exit $status)", $out);
    }

    private function write(string $relative, string $code): void
    {
        $path = "$this->app/$relative";
        is_dir(dirname($path)) || mkdir(dirname($path), 0777, true);
        file_put_contents($path, $code);
    }

    private function one(string $pattern): string
    {
        $found = glob("$this->app/$pattern") ?: [];
        self::check(count($found) === 1, "one file matches $pattern", implode("\n", $found));
        return $found[0];
    }

    /** The block's lines after the first line containing $after, indented like the line that follows it. */
    private function insert(string $path, string $after, string $code): void
    {
        $lines = explode("\n", (string) file_get_contents($path));
        foreach ($lines as $i => $line) {
            if ($after !== '' && str_contains($line, $after)) {
                preg_match('/^\s*/', $lines[$i + 1] ?? $line, $indent);
                $add = array_map(static fn (string $l) => $l === '' ? '' : $indent[0].$l, explode("\n", rtrim($code, "\n")));
                array_splice($lines, $i + 1, 0, $add);
                file_put_contents($path, implode("\n", $lines));
                return;
            }
        }
        self::check(false, sprintf('%s has a line with "%s"', $path, $after));
    }

    /**
     * A patch as the README writes one: imports (lines starting "use ") go after the
     * file's imports, a trait line ("    use …;") replaces the class's own, the rest
     * goes before the class's closing brace.
     */
    private function patch(string $path, string $code): void
    {
        $lines = explode("\n", rtrim((string) file_get_contents($path), "\n"));
        $rest = [];
        foreach (explode("\n", rtrim($code, "\n")) as $line) {
            if (preg_match('/^use [^;]+;/', $line)) {
                $last = max(array_keys(array_filter($lines, static fn ($l) => (bool) preg_match('/^use [^;]+;/', $l))));
                array_splice($lines, $last + 1, 0, [$line]);
            } elseif (preg_match('/^    use [^;]+;/', $line)) {
                $at = array_key_first(array_filter($lines, static fn ($l) => (bool) preg_match('/^    use [^;]+;/', $l)));
                self::check($at !== null, "$path has a trait line to replace");
                $lines[$at] = $line;
            } else {
                $rest[] = $line;
            }
        }
        $close = max(array_keys(array_filter($lines, static fn ($l) => rtrim($l) === '}')));
        array_splice($lines, $close, 0, array_merge([''], $rest));
        file_put_contents($path, implode("\n", $lines)."\n");
    }

    // ---- HTTP ----

    private function serve(): void
    {
        $this->stopServer();
        $log = "$this->work/serve.log";
        $this->serverProcess = proc_open(['php', 'artisan', 'serve', '--host=127.0.0.1', '--port='.$this->port, '--no-reload'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']], $pipes, $this->app);
        $this->server = proc_get_status($this->serverProcess)['pid'];
        for ($i = 0; $i < 100; $i++) {
            if (@fsockopen('127.0.0.1', $this->port)) {
                return;
            }
            usleep(100_000);
        }
        self::check(false, 'php artisan serve answers', (string) @file_get_contents($log));
    }

    private function stopServer(): void
    {
        if ($this->serverProcess !== null) {
            // artisan serve runs php -S as its child: stop both.
            exec('pkill -TERM -P '.(int) $this->server);
            proc_terminate($this->serverProcess);
            proc_close($this->serverProcess);
            $this->serverProcess = null;
        }
    }

    /** @return array{status: int, json: mixed, body: string} */
    private function http(string $method, string $path, array &$jar, ?array $data = null): array
    {
        $headers = ['Accept: application/json'];
        if (isset($jar['XSRF-TOKEN'])) {
            $headers[] = 'X-XSRF-TOKEN: '.urldecode($jar['XSRF-TOKEN']);
        }
        if ($data !== null) {
            $headers[] = 'Content-Type: application/json';
        }
        $cookies = implode('; ', array_map(static fn ($k, $v) => "$k=$v", array_keys($jar), $jar));
        $curl = curl_init("http://127.0.0.1:$this->port$path");
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_HEADER => true,
            CURLOPT_HTTPHEADER => $headers, CURLOPT_COOKIE => $cookies, CURLOPT_TIMEOUT => 60,
        ] + ($data !== null ? [CURLOPT_POSTFIELDS => json_encode($data)] : []));
        $response = curl_exec($curl);
        self::check(is_string($response), "$method $path answered", curl_error($curl));
        $size = curl_getinfo($curl, CURLINFO_HEADER_SIZE);
        $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        preg_match_all('/^Set-Cookie:\s*([^=]+)=([^;]*)/mi', substr($response, 0, $size), $set, PREG_SET_ORDER);
        foreach ($set as $c) {
            if ($c[2] === '' || str_contains(substr($response, 0, $size), "$c[1]=$c[2]; expires=Thu, 01-Jan-1970")) {
                unset($jar[$c[1]]);
            } else {
                $jar[$c[1]] = $c[2];
            }
        }
        $body = substr($response, $size);
        return ['status' => $status, 'json' => json_decode($body, true), 'body' => $body];
    }

    private function expect(int $status, array $response, string $what): array
    {
        self::check($response['status'] === $status, "$what: HTTP $status (got {$response['status']})", substr($response['body'], 0, 2000));
        return $response;
    }

    private function account(string $name): array
    {
        $jar = [];
        $this->expect(200, $this->http('GET', '/', $jar), "$name: the welcome page");
        $user = ['name' => $name, 'email' => "$name@example.com", 'password' => "$name-password-1", 'ssn' => ($name === 'alice' ? '123-45-6789' : '987-65-4321')];
        $r = $this->expect(201, $this->http('POST', '/register', $jar, ['name' => $name, 'email' => $user['email'], 'password' => $user['password']]), "$name registers");
        self::check(preg_match('/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/', (string) ($r['json']['recovery_code'] ?? '')) === 1, "$name gets a recovery code", $r['body']);
        self::check(isset($jar['enc_token']), "$name gets the enc_token cookie");
        $this->expect(201, $this->http('POST', '/secrets', $jar, ['label' => "$name's passport", 'ssn' => $user['ssn'], 'note' => "$name's note"]), "$name stores a secret");
        $user['jar'] = $jar;
        $this->assertReads($user, "$name, right after registering");
        $this->pass("$name registers, stores, reads back and finds by blind index over HTTP");
        return $user;
    }

    private function assertReads(array &$user, string $when): void
    {
        $r = $this->expect(200, $this->http('GET', '/secrets', $user['jar']), "$when: GET /secrets");
        self::check($r['json'] === [['id' => $r['json'][0]['id'] ?? 0, 'label' => "{$user['name']}'s passport", 'ssn' => $user['ssn'], 'note' => "{$user['name']}'s note"]],
            "$when: exactly their own secret, decrypted", $r['body']);
        $r = $this->expect(200, $this->http('GET', '/secrets/search?ssn='.rawurlencode(' '.$user['ssn'].' '), $user['jar']), "$when: search");
        self::check(count($r['json']) === 1 && $r['json'][0]['label'] === "{$user['name']}'s passport", "$when: the blind index finds it", $r['body']);
        $other = $user['ssn'] === '123-45-6789' ? '987-65-4321' : '123-45-6789';
        $r = $this->expect(200, $this->http('GET', '/secrets/search?ssn='.$other, $user['jar']), "$when: search for the other user's value");
        self::check($r['json'] === [], "$when: another user's value is not found", $r['body']);
    }

    private function crossUser(array $alice, array $bob): void
    {
        // Alice's session with Bob's enc_token cookie: refused before the route runs, nothing written.
        $jar = $alice['jar'];
        $jar['enc_token'] = $bob['jar']['enc_token'];
        $this->expect(403, $this->http('GET', '/secrets', $jar), 'alice\'s session with bob\'s key');
        $this->expect(403, $this->http('POST', '/secrets', $jar, ['label' => 'written under a foreign key']), 'a write with bob\'s key in alice\'s session');
        unset($jar['enc_token']);
        $this->expect(401, $this->http('GET', '/secrets', $jar), 'alice\'s session without her key');
        $this->pass('another user\'s key is refused (403) and a missing one too (401); nothing is written');
    }

    private function changePassword(array &$alice): void
    {
        $new = 'alice-password-2';
        $this->expect(200, $this->http('PUT', '/password', $alice['jar'], ['current_password' => $alice['password'], 'password' => $new]), 'alice changes her password');
        $old = $alice['password'];
        $alice['password'] = $new;
        $jar = [];
        $this->http('GET', '/', $jar);
        $this->expect(422, $this->http('POST', '/login', $jar, ['email' => $alice['email'], 'password' => $old]), 'the old password');
        $this->login($alice, 'after her password change');
        $this->pass('a password change re-wraps the key: the new password opens the same data');
    }

    private function login(array &$user, string $when): void
    {
        $jar = [];
        $this->expect(200, $this->http('GET', '/', $jar), "$when: the welcome page");
        $this->expect(200, $this->http('POST', '/login', $jar, ['email' => $user['email'], 'password' => $user['password']]), "$when: {$user['name']} signs in");
        $user['jar'] = $jar;
        $this->assertReads($user, "$when, {$user['name']}");
    }

    private function readBack(array $users, string $when): void
    {
        $this->serve();
        foreach ($users as $user) {
            $this->login($user, $when);
        }
        $this->stopServer();
        $this->pass("$when: both users sign in, read and search");
    }

    private function assertStoredEncrypted(): void
    {
        $db = new PDO('sqlite:'.$this->app.'/database/database.sqlite');
        $rows = $db->query('SELECT label, ssn, ssn_index, note FROM secrets')->fetchAll(PDO::FETCH_ASSOC);
        self::check(count($rows) === 2, 'two secrets stored');
        foreach ($rows as $row) {
            foreach (['label', 'ssn', 'note'] as $column) {
                self::check(!str_contains($row[$column], 'passport') && !str_contains($row[$column], '-65-') && !str_contains($row[$column], 'note') && !str_contains($row[$column], '-45-'),
                    "secrets.$column holds no plaintext", $row[$column]);
            }
            self::check(preg_match('/^[0-9a-f]{64}$/', $row['ssn_index']) === 1, 'secrets.ssn_index is a blind index', $row['ssn_index']);
        }
        $keys = $db->query('SELECT encryption_key FROM users')->fetchAll(PDO::FETCH_COLUMN);
        self::check(count($keys) === 2 && count(array_filter($keys, static fn ($k) => strlen((string) $k) === 130)) === 2, 'both users have a password-wrapped key (mode 3, 130 characters)', implode("\n", $keys));
        $this->pass('the database holds ciphertext, blind indexes and wrapped keys only');
    }

    // ---- helpers ----

    /** @return array{int, string} exit status, stdout and stderr */
    private static function exec(array $command, string $cwd): array
    {
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, $cwd);
        $out = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        return [proc_close($process), (string) $out];
    }

    private function pass(string $what): void
    {
        $this->step++;
        echo "PASS $what\n";
    }

    private static function check(bool $ok, string $what, string $detail = ''): void
    {
        if (!$ok) {
            throw new RuntimeException("FAIL $what".($detail !== '' ? "\n".preg_replace('/^/m', '    ', rtrim(substr($detail, -6000))) : ''));
        }
    }

    public function __destruct()
    {
        $this->stopServer();
    }

    public function steps(): int
    {
        return $this->step;
    }
}

[, $work, $origin] = $argv;
$run = new NewUser(dirname(__DIR__, 2), $work, $origin);
try {
    $run->run();
    echo "newuser: {$run->steps()} passed, 0 failed\n";
} catch (Throwable $e) {
    echo $e->getMessage(), "\n";
    echo "newuser: {$run->steps()} passed, 1 failed\n";
    exit(1);
}
