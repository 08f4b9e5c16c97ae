<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use Illuminate\Console\ConfirmableTrait;
use Illuminate\Support\Facades\Facade;
use SodiumCrypt\Cipher;
use SodiumCrypt\CryptoException;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\BlindIndexes;
use SodiumCrypt\Laravel\Casts\EncryptedAttribute;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Hashing;
use SodiumCrypt\Laravel\Signing;
use SodiumCrypt\Laravel\Exceptions\EnvFileNotWritten;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Filesystem\DiskKeys;
use SodiumCrypt\Laravel\Rotation\EncryptedColumns;
use SodiumCrypt\Laravel\Rotation\KeyUsage;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\Ciphers;
use SodiumCrypt\Laravel\Support\EnvFile;
use SodiumCrypt\Laravel\Support\ListSetting;
use SodiumCrypt\Laravel\Support\Settings;
use SodiumCrypt\Laravel\UserKeys;
use SodiumCrypt\Pkcs11;
use Symfony\Component\Console\Attribute\AsCommand;

/**
 * A new APP_KEY of the length the cipher needs, written to .env; the old key
 * moves to the front of APP_PREVIOUS_KEYS, so everything already encrypted
 * still opens. The first run also gives global blind indexes their own key
 * (BLIND_INDEX_KEY: the APP_KEY they were made with), so they never depend
 * on APP_KEY again. --prune drops the previous keys no stored value needs;
 * --blind-index rotates BLIND_INDEX_KEY alone (then crypto:reindex). The
 * Hashing and Sign facades' keys are made when missing, never replaced.
 */
#[AsCommand(name: 'crypto:keys')]
final class KeysCommand extends Command
{
    use ConfirmableTrait;

    protected $signature = 'crypto:keys
        {--cipher= : Cipher to generate for and write from now on (Sodium_AEGIS256GCM, aegis-128l, AES-256-CBC, …); default: the configured one}
        {--show : Print the key instead of writing it}
        {--prune : Drop the previous keys that no stored value needs any more (see crypto:status)}
        {--blind-index : Rotate BLIND_INDEX_KEY instead (the old one leads BLIND_INDEX_PREVIOUS_KEYS); then run crypto:reindex}
        {--kms= : Keep every key wrapped under a key-encryption key in a key store: pkcs11 (the token of php.ini\'s sodium_crypt.pkcs11_module); .env then holds only references}
        {--kek= : The label of the key-encryption key in the token (default: SODIUM_CRYPT_PKCS11_KEK)}
        {--rewrap-kek : Wrap every key again under --kek (a new key-encryption key); no key changes, nothing is re-encrypted}
        {--force : Do not ask in production}';

    protected $description = 'Generate the APP_KEY for the configured cipher, keeping the old one in APP_PREVIOUS_KEYS';

    public function handle(): int
    {
        try {
            return match (true) {
                (bool) $this->option('prune') => $this->prune(),
                (bool) $this->option('rewrap-kek') => $this->rewrapKek(),
                (bool) $this->option('blind-index') => $this->rotateIndexKey(),
                default => $this->rotate(),
            };
        } catch (EnvFileNotWritten|InvalidConfiguration $e) {
            $this->components->error($e->getMessage());
            return self::FAILURE;
        }
    }

    /** A new APP_KEY; the one in effect leads APP_PREVIOUS_KEYS. */
    private function rotate(): int
    {
        $config = $this->laravel['config'];
        $name = (string) ($this->option('cipher') ?: $config->get('sodium-crypt.cipher') ?: $config->get('app.cipher') ?: Cipher::Aegis256->laravelName());
        try {
            $cipher = Ciphers::resolve($name, $this->option('cipher') ? '--cipher' : 'the configured cipher');
        } catch (InvalidConfiguration $e) {
            $this->components->error($e->getMessage());
            return self::FAILURE;
        }
        $length = Ciphers::keyBytes($name, $cipher);
        if ($length !== 32 && ($disks = DiskKeys::underAppKey($config)) !== []) {
            $this->components->error(sprintf('%s takes a %d-byte APP_KEY, and the encrypted disk(s) %s keep their files under APP_KEY, which must be 32 bytes for them (AEGIS-256): nothing written. Give each disk a \'key\' of its own first (php artisan crypto:keys --show --cipher=aegis-256 prints one), or keep a 32-byte cipher.',
                $cipher->laravelName(), $length, implode(', ', $disks)));
            return self::FAILURE;
        }
        $kek = $this->kek();
        $text = self::newKey($kek, $length);
        if (($exit = $this->showOrConfirm($text)) !== null) {
            return $exit;
        }

        $env = new EnvFile($this->laravel->environmentFilePath());
        $values = ['APP_KEY' => $text];
        $old = $env->get('APP_KEY');
        if ($old !== null && $old !== '') {
            $values['APP_PREVIOUS_KEYS'] = implode(',', self::leading($old, $env->get('APP_PREVIOUS_KEYS')));
        }
        if ($this->option('cipher')) {
            $values['SODIUM_CRYPT_CIPHER'] = $name;
            $previousCiphers = $this->previousCiphers($cipher);
            if ($previousCiphers !== null) {
                $values['SODIUM_CRYPT_PREVIOUS_CIPHERS'] = $previousCiphers;
            }
        }
        if (!$env->get('BLIND_INDEX_KEY') && !$config->get('sodium-crypt.blind_index_key')) {
            // The indexes made so far are under APP_KEY: it stays their key.
            $values['BLIND_INDEX_KEY'] = $old !== null && $old !== '' && AppKeys::parse($old)->length() === 32 ? $old : self::newKey($kek, 32);
        }
        // The Hashing and Sign facades' keys, under laravel-crypto's names: made
        // once and never replaced here (a new one would change every digest).
        $made = [];
        foreach (Settings::FACADE_KEYS as $envName) {
            if (!$env->get($envName) && !env($envName)) {
                $values[$envName] = self::newKey($kek, 32);
                $made[] = $envName;
            }
        }
        if ($kek !== null) {
            $values = $this->wrapKeys($env, $values, $kek);
        }
        if (!$this->writeEnv($env, $values)) {
            return self::FAILURE;
        }

        Settings::apply($config, $values);
        $this->forgetKeyedServices();
        sodium_memzero($text);
        $values = [];

        $this->components->info(sprintf('New %d-byte APP_KEY for %s written to %s%s%s%s.',
            $length, $cipher->laravelName(), basename($this->laravel->environmentFilePath()),
            $old ? '; the old key leads APP_PREVIOUS_KEYS' : '',
            $made ? '; new '.implode(', ', $made).' for the Hashing and Sign facades' : '',
            $kek !== null ? sprintf('; every key is wrapped under the PKCS#11 key "%s" (.env holds no key)', $kek) : ''));
        $this->warnIfCached();
        $this->restartWorkers();
        return self::SUCCESS;
    }

    /**
     * SODIUM_CRYPT_PREVIOUS_CIPHERS once $next replaces the cipher written now:
     * that one leads, $next leaves the list (it is current). Null when nothing
     * changes, or when no cipher could be written now (a configuration error).
     */
    private function previousCiphers(Cipher $next): ?string
    {
        $config = $this->laravel['config'];
        try {
            $now = Ciphers::configured($config);
            $previous = Ciphers::list($config->get('sodium-crypt.previous_ciphers'), Settings::describe('SODIUM_CRYPT_PREVIOUS_CIPHERS'));
        } catch (InvalidConfiguration) {
            return null;
        }
        // Switching from Laravel's own cipher (app.cipher, no SODIUM_CRYPT_CIPHER yet):
        // its payloads from before the switch stay readable in strict mode too.
        $listed = ListSetting::items($config->get('sodium-crypt.previous_ciphers'));
        $laravel = array_values(array_map('strtoupper', array_filter($listed, Ciphers::isLaravelName(...))));
        $appCipher = trim((string) $config->get('app.cipher'));
        if (!$config->get('sodium-crypt.cipher') && Ciphers::isLaravelName($appCipher)) {
            $laravel = array_values(array_unique([...$laravel, strtoupper($appCipher)]));
        }
        $list = array_filter([$now, ...$previous], static fn (Cipher $c) => $c !== $next);
        $names = array_values(array_unique([...array_map(static fn (Cipher $c) => $c->laravelName(), $list), ...$laravel]));
        return $now === $next && array_diff($names, $listed) === [] ? null : implode(',', $names);
    }

    /**
     * A new BLIND_INDEX_KEY; the one in use (BLIND_INDEX_KEY, else APP_KEY)
     * leads BLIND_INDEX_PREVIOUS_KEYS, which searches keep matching until
     * crypto:reindex has moved the rows. APP_KEY is left alone.
     */
    private function rotateIndexKey(): int
    {
        $kek = $this->kek();
        $text = self::newKey($kek, 32);
        if (($exit = $this->showOrConfirm($text)) !== null) {
            return $exit;
        }
        $env = new EnvFile($this->laravel->environmentFilePath());
        $old = $env->get('BLIND_INDEX_KEY') ?: $this->laravel['config']->get('sodium-crypt.blind_index_key') ?: $env->get('APP_KEY');
        // APP_KEY served as the index key only if it was 32 bytes: otherwise no index was made under it.
        $old = is_string($old) && $old !== '' && AppKeys::parse($old, 'the blind index key in use')->length() === 32 ? $old : null;
        $previous = self::leading($old, $env->get('BLIND_INDEX_PREVIOUS_KEYS'));
        $values = ['BLIND_INDEX_KEY' => $text, 'BLIND_INDEX_PREVIOUS_KEYS' => implode(',', $previous)];
        if ($kek !== null) {
            $values = $this->wrapKeys($env, $values, $kek);
        }
        if (!$this->writeEnv($env, $values)) {
            return self::FAILURE;
        }
        Settings::apply($this->laravel['config'], $values);
        $this->forgetKeyedServices();
        sodium_memzero($text);
        $values = [];
        $this->components->info(sprintf('New BLIND_INDEX_KEY written to %s; the old one leads BLIND_INDEX_PREVIOUS_KEYS, so searches keep matching. Now run `php artisan crypto:reindex`.',
            basename($this->laravel->environmentFilePath())));
        $this->warnIfCached();
        $this->restartWorkers();
        return self::SUCCESS;
    }

    /** Keeps the previous keys some stored value still needs, drops the others. */
    private function prune(): int
    {
        $encrypter = Encrypter::of($this->laravel);
        if ($encrypter === null) {
            $this->components->error('--prune needs sodium_crypt\'s encrypter (sodium-crypt.replace_encrypter).');
            return self::FAILURE;
        }
        $env = new EnvFile($this->laravel->environmentFilePath());
        $listed = ListSetting::items($env->get('APP_PREVIOUS_KEYS'));
        $running = array_slice($encrypter->keyIds(), 1);
        $ids = array_map(static fn (string $k) => AppKeys::parse($k, 'APP_PREVIOUS_KEYS')->id(), $listed);
        if ($ids !== $running) {
            $this->components->error('The running configuration\'s APP_PREVIOUS_KEYS differ from .env (a cached configuration?): run `php artisan config:clear` first.');
            return self::FAILURE;
        }

        $rows = KeyUsage::of($this->laravel, $encrypter)->scan(
            EncryptedColumns::models($this->laravel['config'], $this->laravel->path('Models'), $this->laravel->getNamespace()),
            fn (string $source, int $files) => $this->line(sprintf('  %s: %d files read…', $source, $files)));
        $counts = KeyUsage::perKey($rows);
        $keep = [];
        foreach ($listed as $i => $text) {
            if (($counts[$i + 1] ?? 0) > 0) {
                $keep[] = $text;
                $this->components->warn(sprintf('Key %s is still needed by %d stored value(s): kept.', $ids[$i], $counts[$i + 1]));
                foreach ($rows as $row) {
                    if ($row['key'] === $i + 1) {
                        $this->line(sprintf('  %s (%s): %d, to move: %s', $row['source'], $row['what'], $row['count'], KeyUsage::remedy($row['kind'], $row['source'])));
                    }
                }
            }
        }
        if ($keep !== []) {
            $this->line('  Then run crypto:keys --prune again.');
        }
        if (count($keep) === count($listed)) {
            $this->components->info($listed === [] ? 'APP_PREVIOUS_KEYS is empty: nothing to drop.' : 'Nothing dropped.');
            return $keep === [] ? self::SUCCESS : self::FAILURE;
        }
        if (!$this->confirmToProceed()) {
            return self::FAILURE;
        }
        if (!$this->writeEnv($env, ['APP_PREVIOUS_KEYS' => implode(',', $keep)])) {
            return self::FAILURE;
        }
        Settings::apply($this->laravel['config'], ['APP_PREVIOUS_KEYS' => implode(',', $keep)]);
        $this->forgetKeyedServices();
        $this->components->info(sprintf('Dropped %d previous key(s) no stored value needs. Cookies a browser has not sent back since the rotation (remember-me) were signed under them: those visitors sign in again.', count($listed) - count($keep)));
        $this->warnIfCached();
        $this->restartWorkers();
        return $keep === [] ? self::SUCCESS : self::FAILURE;
    }

    /**
     * Every key of .env wrapped again under --kek, a new key-encryption key
     * in the token: the keys themselves do not change, so nothing stored
     * needs re-encrypting. Keys still written in plain are wrapped too.
     */
    private function rewrapKek(): int
    {
        $kek = (string) $this->kek();
        $env = new EnvFile($this->laravel->environmentFilePath());
        $values = $this->wrapKeys($env, [], $kek);
        if ($values === []) {
            $this->components->info('No key setting is in .env: nothing to wrap.');
            return self::SUCCESS;
        }
        if (!$this->confirmToProceed()) {
            return self::FAILURE;
        }
        if (!$this->writeEnv($env, $values)) {
            return self::FAILURE;
        }
        Settings::apply($this->laravel['config'], $values);
        $this->forgetKeyedServices();
        $this->components->info(sprintf('%s wrapped under the PKCS#11 key "%s" in %s; no key changed, nothing to re-encrypt. Remove the old key-encryption key from the token once every server runs with this .env.',
            implode(', ', array_keys($values)), $kek, basename($this->laravel->environmentFilePath())));
        $this->warnIfCached();
        return self::SUCCESS;
    }

    /** The KEK label when --kms=pkcs11 or --rewrap-kek asks for one; null for keys in plain. */
    private function kek(): ?string
    {
        $kms = $this->option('kms');
        if ($kms !== null && $kms !== 'pkcs11') {
            throw new InvalidConfiguration(sprintf('--kms=%s is not a key store this package speaks: pkcs11 is (an HSM, a cloud KMS\'s PKCS#11 library, SoftHSM2).', $kms));
        }
        if ($kms === null && !$this->option('rewrap-kek')) {
            return null;
        }
        $kek = (string) ($this->option('kek') ?: $this->laravel['config']->get(Settings::configKey('SODIUM_CRYPT_PKCS11_KEK')));
        if ($kek === '' && $this->option('rewrap-kek')) {
            throw new InvalidConfiguration('--rewrap-kek needs the label of the new key-encryption key: --kek=LABEL (or SODIUM_CRYPT_PKCS11_KEK).');
        }
        if ($kek === '') {
            throw new InvalidConfiguration('--kms=pkcs11 needs the label of the key-encryption key in the token: --kek=LABEL (or SODIUM_CRYPT_PKCS11_KEK).');
        }
        return $kek;
    }

    /**
     * $values with every key setting (those given, else .env's) wrapped under
     * $kek: keys in plain are wrapped, references under another KEK are
     * unwrapped and wrapped again, references under $kek come back the same. Only settings
     * that change are returned beside $values. All or nothing: the first
     * failure throws before anything is written.
     *
     * @param array<string, string> $values
     * @return array<string, string>
     */
    private function wrapKeys(EnvFile $env, array $values, string $kek): array
    {
        foreach (Settings::KEY_SETTINGS as $name) {
            $text = $values[$name] ?? $env->get($name);
            if ($text === null || $text === '') {
                continue;
            }
            // The *_PREVIOUS_KEYS are lists; a single key may be raw bytes, commas included.
            $keys = str_ends_with($name, '_PREVIOUS_KEYS') ? ListSetting::items($text) : [$text];
            $wrapped = implode(',', array_map(fn (string $one) => $this->wrapKey($one, $kek, $name), $keys));
            if ($wrapped !== $text || isset($values[$name])) {
                $values[$name] = $wrapped;
            }
        }
        return $values;
    }

    /** RFC 5649 is deterministic: a key already wrapped under $kek comes back as the same text. */
    private function wrapKey(#[\SensitiveParameter] string $text, string $kek, string $name): string
    {
        try {
            return Pkcs11::wrap(AppKeys::parse($text, $name), $kek);
        } catch (CryptoException $e) {
            throw new InvalidConfiguration(sprintf('%s could not be wrapped: %s. Nothing was written.', $name, $e->getMessage()), previous: $e);
        }
    }

    /** null to go on; else the exit code (--show printed the key, or the operator declined). */
    private function showOrConfirm(string $text): ?int
    {
        if ($this->option('show')) {
            $this->line('<comment>'.$text.'</comment>');
            return self::SUCCESS;
        }
        return $this->confirmToProceed() ? null : self::FAILURE;
    }

    /** @return list<string> $old, then the keys of the comma-separated $list other than it */
    private static function leading(?string $old, ?string $list): array
    {
        $rest = array_filter(ListSetting::items($list), static fn ($k) => $k !== $old);
        return array_values($old !== null && $old !== '' ? [$old, ...$rest] : $rest);
    }

    private function writeEnv(EnvFile $env, array $values): bool
    {
        try {
            $env->set($values);
            return true;
        } catch (\RuntimeException $e) {
            $this->components->error($e->getMessage());
            return false;
        }
    }

    private function forgetKeyedServices(): void
    {
        foreach (['encrypter', UserKeys::class, BlindIndexes::class, Hashing::class, Signing::class] as $abstract) {
            $this->laravel->forgetInstance($abstract);
            Facade::clearResolvedInstance($abstract); // Crypt::, Hashing::, Sign:: would keep the old keys
            EncryptedAttribute::forgetService($abstract);
        }
        // Encrypted disks parse their keys when they are made.
        $encrypted = array_keys(array_filter((array) $this->laravel['config']->get('filesystems.disks', []),
            static fn ($disk) => is_array($disk) && ($disk['driver'] ?? null) === 'sodium-encrypted'));
        if ($encrypted !== [] && $this->laravel->resolved('filesystem')) {
            $this->laravel->make('filesystem')->forgetDisk($encrypted);
        }
    }

    private function warnIfCached(): void
    {
        if ($this->laravel->configurationIsCached()) {
            $this->components->warn('The configuration is cached: the running app keeps its old keys until you run `php artisan config:cache` again (then `php artisan queue:restart`).');
        }
    }

    /**
     * Queue workers loaded the keys when they started: a job dispatched under
     * the new key would fail in them. Laravel's own signal (queue:restart)
     * makes each stop after its current job; the supervisor starts it again
     * on the new keys. The signal lives in the cache: on a fresh app whose
     * cache table is not migrated yet it cannot be sent, and there is no
     * worker to tell; the keys are written either way.
     */
    private function restartWorkers(): void
    {
        try {
            $this->callSilently('queue:restart');
        } catch (\Throwable $e) {
            $this->components->warn(sprintf('The keys are written, but crypto:keys could not tell queue workers to restart: the cache failed (%s). Once the cache works (php artisan migrate creates its table), run `php artisan queue:restart` if any worker runs.', $e::class));
            return;
        }
        $this->components->info('Queue workers were told to restart (queue:restart): each stops after its current job, and your process supervisor starts it again with the new keys. Start again by hand any worker that runs without one.');
    }

    /**
     * A new key as .env text: "base64:…", or with a KEK a PKCS#11 reference
     * (made in locked memory and wrapped at once: never a PHP string).
     */
    private static function newKey(?string $kek, int $length): string
    {
        if ($kek === null) {
            return self::newKeyText($length);
        }
        try {
            return Pkcs11::generate($kek, $length);
        } catch (CryptoException $e) {
            throw new InvalidConfiguration(sprintf('No key was made: %s. Nothing was written.', $e->getMessage()), previous: $e);
        }
    }

    private static function newKeyText(int $length): string
    {
        return AppKeys::text(Key::generate($length));
    }
}
