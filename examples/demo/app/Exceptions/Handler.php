<?php

namespace App\Exceptions;

use Illuminate\Foundation\Exceptions\Handler as ExceptionHandler;
use Throwable;

class Handler extends ExceptionHandler
{
    protected $dontFlash = ['current_password', 'password', 'password_confirmation', 'new_password'];

    // Every answer is JSON, web routes included: the demo is driven by curl.
    protected function shouldReturnJson($request, Throwable $e)
    {
        return true;
    }
}
