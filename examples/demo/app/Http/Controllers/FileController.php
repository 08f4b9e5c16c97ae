<?php

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Storage;
use Symfony\Component\HttpFoundation\StreamedResponse;

/** The signed-in user's files, on a disk under their own key. */
class FileController
{
    public function store(Request $request): JsonResponse
    {
        $data = $request->validate(['name' => ['required', 'string', 'regex:/^[A-Za-z0-9._-]{1,100}$/']]);
        $in = $request->getContent(true);
        Storage::disk('user-files')->writeStream($this->path($request, $data['name']), $in);
        return response()->json(['stored' => $data['name']], 201);
    }

    /** Streamed to the client after this returns: the middleware keeps the key for the body. */
    public function show(Request $request, string $name): StreamedResponse
    {
        abort_unless(preg_match('/^[A-Za-z0-9._-]{1,100}$/', $name) === 1, 404);
        $path = $this->path($request, $name);
        abort_unless(Storage::disk('user-files')->exists($path), 404);
        return Storage::disk('user-files')->download($path, $name);
    }

    private function path(Request $request, string $name): string
    {
        return $request->user()->id.'/'.$name;
    }
}
