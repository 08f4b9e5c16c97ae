<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('records', function (Blueprint $table) {
            $table->id();
            foreach (['name', 'email', 'phone', 'address', 'notes'] as $field) {
                $table->text($field);
            }
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('records');
    }
};
