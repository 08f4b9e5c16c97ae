<?php

declare(strict_types=1);

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

// Password-wrapped keys now record their Argon2 limits (mode 3: 97 bytes, 130
// base64url characters), more than the first migration's 128: widened here
// by plain SQL (no doctrine/dbal needed). And the column for the key wrapped
// under the user's recovery code (see HasUserEncryption).
return new class extends Migration
{
    public function up(): void
    {
        $key = config('sodium-crypt.user.key_column', 'encryption_key');
        $recovery = config('sodium-crypt.user.recovery_column', 'encryption_key_recovery');
        $table = DB::getTablePrefix().'users';
        match (DB::getDriverName()) {
            'mysql', 'mariadb' => DB::statement("ALTER TABLE `$table` MODIFY `$key` VARCHAR(255) NULL"),
            'pgsql' => DB::statement("ALTER TABLE \"$table\" ALTER COLUMN \"$key\" TYPE VARCHAR(255)"),
            'sqlsrv' => DB::statement("ALTER TABLE [$table] ALTER COLUMN [$key] NVARCHAR(255) NULL"),
            default => null, // SQLite does not enforce lengths
        };
        if (!Schema::hasColumn('users', $recovery)) {
            Schema::table('users', function (Blueprint $table) use ($recovery) {
                $table->string($recovery, 255)->nullable();
            });
        }
    }

    public function down(): void
    {
        $recovery = config('sodium-crypt.user.recovery_column', 'encryption_key_recovery');
        Schema::table('users', function (Blueprint $table) use ($recovery) {
            $table->dropColumn($recovery);
        });
    }
};
