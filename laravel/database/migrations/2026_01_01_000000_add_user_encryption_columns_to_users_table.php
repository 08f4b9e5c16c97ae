<?php

declare(strict_types=1);

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// The wrapped user key (mode 3: 97 bytes, mode 1: 89, mode 2: 73, stored as
// base64url) and the check that binds it to its user (64 hex characters).
return new class extends Migration
{
    public function up(): void
    {
        $key = config('sodium-crypt.user.key_column', 'encryption_key');
        $check = config('sodium-crypt.user.check_column', 'encryption_key_check');
        Schema::table('users', function (Blueprint $table) use ($key, $check) {
            if (!Schema::hasColumn('users', $key)) {
                $table->string($key, 255)->nullable();
            }
            if (!Schema::hasColumn('users', $check)) {
                $table->char($check, 64)->nullable();
            }
        });
    }

    public function down(): void
    {
        $key = config('sodium-crypt.user.key_column', 'encryption_key');
        $check = config('sodium-crypt.user.check_column', 'encryption_key_check');
        Schema::table('users', function (Blueprint $table) use ($key, $check) {
            $table->dropColumn([$key, $check]);
        });
    }
};
