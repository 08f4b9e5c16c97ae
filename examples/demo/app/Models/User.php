<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Relations\HasMany;
use Illuminate\Foundation\Auth\User as Authenticatable;
use SodiumCrypt\Laravel\HasUserEncryption;

class User extends Authenticatable
{
    use HasUserEncryption;

    protected $fillable = ['name', 'email', 'password', 'phone'];

    // (HasUserEncryption hides encryption_key and encryption_key_check itself.)
    protected $hidden = ['password', 'api_token', 'remember_token'];

    protected $casts = [
        'password' => 'hashed',
        // Laravel's own cast, encrypted with the app key through Crypt (sodium_crypt).
        'phone' => 'encrypted',
    ];

    public function secrets(): HasMany
    {
        return $this->hasMany(Secret::class);
    }
}
