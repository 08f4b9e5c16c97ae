<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/**
 * The records page (GET /api/records): five fields under Laravel's own
 * `encrypted` cast, so the same page runs on sodium_crypt's encrypter and on
 * Laravel's, and make demo's load test shows the switch in requests/s.
 */
class Record extends Model
{
    public $timestamps = false; // the page is about the five fields

    protected $fillable = ['name', 'email', 'phone', 'address', 'notes'];

    protected $casts = [
        'name' => 'encrypted',
        'email' => 'encrypted',
        'phone' => 'encrypted',
        'address' => 'encrypted',
        'notes' => 'encrypted',
    ];

    /**
     * Record $i's fields, as demo:records writes them (make bench's HTTP page
     * too). bin/http.php's demo_load_page() checks each answer by its name,
     * "Patient <id>".
     */
    public static function sample(int $i): array
    {
        return ['name' => "Patient $i", 'email' => "patient$i@example.com", 'phone' => sprintf('+1 555 %07d', $i),
            'address' => "$i Main Street, Springfield", 'notes' => str_repeat("note $i ", 8)];
    }
}
