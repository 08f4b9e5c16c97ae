<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use Illuminate\Console\ConfirmableTrait;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\Ciphers;

/**
 * A new APP_KEY of the length the cipher needs, written to .env; the old key
 * moves to the front of APP_PREVIOUS_KEYS, so everything already encrypted
 * still opens.
 */
final class KeysCommand extends Command
{
    use ConfirmableTrait;

    protected $signature = 'crypto:keys
        {--cipher= : Cipher to generate for (Sodium_AEGIS256GCM, aegis-128l, AES-256-CBC, …); default: app.cipher}
        {--show : Print the key instead of writing it}
        {--force : Do not ask in production}';

    protected $description = 'Generate the APP_KEY for the configured cipher, keeping the old one in APP_PREVIOUS_KEYS';

    public function handle(): int
    {
        $name = (string) ($this->option('cipher') ?: $this->laravel['config']->get('app.cipher') ?: Cipher::Aegis256->laravelName());
        try {
            $cipher = Ciphers::resolve($name);
        } catch (InvalidConfiguration $e) {
            $this->components->error($e->getMessage());
            return self::FAILURE;
        }
        $length = Ciphers::LARAVEL[strtolower($name)] ?? $cipher->keyBytes();

        $bytes = Key::generate($length)->exportBytes();
        $text = 'base64:'.base64_encode($bytes);
        sodium_memzero($bytes);

        if ($this->option('show')) {
            $this->line('<comment>'.$text.'</comment>');
            return self::SUCCESS;
        }
        if (!$this->confirmToProceed()) {
            return self::FAILURE;
        }

        $env = new EnvFile($this->laravel->environmentFilePath());
        $values = ['APP_KEY' => $text];
        $old = $env->get('APP_KEY');
        if ($old !== null && $old !== '') {
            $previous = array_filter(explode(',', (string) $env->get('APP_PREVIOUS_KEYS')), static fn ($k) => trim($k) !== '' && $k !== $old);
            $values['APP_PREVIOUS_KEYS'] = implode(',', [$old, ...$previous]);
        }
        if ($this->option('cipher')) {
            $values['APP_CIPHER'] = $name;
        }
        $env->set($values);

        $config = $this->laravel['config'];
        $config->set('app.key', $text);
        if (isset($values['APP_PREVIOUS_KEYS'])) {
            $config->set('app.previous_keys', explode(',', $values['APP_PREVIOUS_KEYS']));
        }
        if ($this->option('cipher')) {
            $config->set('app.cipher', $name);
        }
        $this->laravel->forgetInstance('encrypter');
        sodium_memzero($text);

        $this->components->info(sprintf('New %d-byte APP_KEY for %s written to %s%s.',
            $length, $cipher->laravelName(), basename($this->laravel->environmentFilePath()),
            $old ? '; the old key leads APP_PREVIOUS_KEYS' : ''));
        if ($this->option('cipher')) {
            $this->line(sprintf("  APP_CIPHER=%s: config/app.php must read it: 'cipher' => env('APP_CIPHER', 'AES-256-CBC').", $name));
        }
        return self::SUCCESS;
    }
}
