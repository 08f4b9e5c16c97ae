<?php

declare(strict_types=1);

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

// Per-user encryption's columns on users. Published, never loaded by the
// package (php artisan vendor:publish --tag=sodium-crypt-migrations): an app
// that does not use per-user encryption keeps its users table as it is.
//   key       the wrapped user key as base64url (mode 3: 97 bytes, 130
//             characters; mode 1: 89; mode 2: 73)
//   check     binds the wrapped key to its user (64 hex characters)
//   recovery  the key wrapped under the user's recovery code
// Safe to run on a database that has some of them already (an app upgraded
// from 0.1, whose package loaded them itself): missing columns are added, and
// a key column narrower than 255 characters is widened by plain SQL.
return new class extends Migration
{
    public function up(): void
    {
        [$key, $check, $recovery] = self::columns();
        $existing = ['key' => Schema::hasColumn('users', $key), 'check' => Schema::hasColumn('users', $check), 'recovery' => Schema::hasColumn('users', $recovery)];
        Schema::table('users', function (Blueprint $table) use ($key, $check, $recovery, $existing) {
            $existing['key'] || $table->string($key, 255)->nullable();
            $existing['check'] || $table->char($check, 64)->nullable();
            $existing['recovery'] || $table->string($recovery, 255)->nullable();
        });
        if ($existing['key']) {
            $users = DB::getTablePrefix().'users';
            match (DB::getDriverName()) {
                'mysql', 'mariadb' => DB::statement("ALTER TABLE `$users` MODIFY `$key` VARCHAR(255) NULL"),
                'pgsql' => DB::statement("ALTER TABLE \"$users\" ALTER COLUMN \"$key\" TYPE VARCHAR(255)"),
                'sqlsrv' => DB::statement("ALTER TABLE [$users] ALTER COLUMN [$key] NVARCHAR(255) NULL"),
                default => null, // SQLite does not enforce lengths
            };
        }
    }

    public function down(): void
    {
        Schema::table('users', function (Blueprint $table) {
            $table->dropColumn(self::columns());
        });
    }

    /** @return array{string, string, string} */
    private static function columns(): array
    {
        return [
            config('sodium-crypt.user.key_column', 'encryption_key'),
            config('sodium-crypt.user.check_column', 'encryption_key_check'),
            config('sodium-crypt.user.recovery_column', 'encryption_key_recovery'),
        ];
    }
};
