<?php

namespace App\Http\Middleware;

use Illuminate\Auth\Middleware\Authenticate as Middleware;
use Illuminate\Http\Request;

class Authenticate extends Middleware
{
    // JSON 401 for everyone: this demo has no login page to redirect to.
    protected function redirectTo(Request $request): ?string
    {
        return null;
    }
}
