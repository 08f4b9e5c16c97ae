<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Skeleton\Models;

use Illuminate\Database\Eloquent\Relations\HasMany;
use Illuminate\Foundation\Auth\User as Authenticatable;
use SodiumCrypt\Laravel\HasUserEncryption;

/** A user with a key of their own; the phone through Laravel's built-in 'encrypted' cast (the app key). */
class User extends Authenticatable
{
    use HasUserEncryption;

    protected $table = 'users';

    protected $fillable = ['name', 'email', 'password', 'phone'];

    protected $hidden = ['password', 'api_token', 'remember_token'];

    protected $casts = ['password' => 'hashed', 'phone' => 'encrypted'];

    public function secrets(): HasMany
    {
        return $this->hasMany(Secret::class, 'user_id');
    }
}
