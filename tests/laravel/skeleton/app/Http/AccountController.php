<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Skeleton\Http;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Storage;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\Secret;
use Symfony\Component\HttpFoundation\StreamedResponse;

/** What a signed-in user reaches with their key loaded ('user-encryption'): secrets and files. */
final class AccountController
{
    private const FILE_NAME = '/^[A-Za-z0-9._-]{1,100}$/';

    public function secrets(Request $request): JsonResponse
    {
        $user = $request->user();
        return new JsonResponse([
            'user_id' => $user->id,
            'key_id' => KeyContext::get()->id(),
            'phone' => $user->phone,
            'secrets' => $user->secrets()->orderBy('id')->get()->map(static fn (Secret $s) => $s->only('id', 'label', 'ssn', 'notes')),
        ]);
    }

    public function store(Request $request): JsonResponse
    {
        $input = $request->validate(['label' => 'required|string|max:200', 'ssn' => 'nullable|string|max:40', 'notes' => 'nullable|array']);
        $secret = $request->user()->secrets()->create($input);
        return new JsonResponse(['id' => $secret->id, 'stored_under_key' => KeyContext::get()->id()], 201);
    }

    public function search(Request $request): JsonResponse
    {
        $ssn = (string) $request->validate(['ssn' => 'required|string|max:40'])['ssn'];
        $found = $request->user()->secrets()->whereBlindIndex('ssn', $ssn)->get();
        return new JsonResponse(['matches' => $found->map(static fn (Secret $s) => $s->only('id', 'label', 'ssn'))]);
    }

    public function upload(Request $request): JsonResponse
    {
        $name = (string) $request->validate(['name' => ['required', 'string', 'regex:'.self::FILE_NAME]])['name'];
        Storage::disk('user-files')->writeStream($request->user()->id.'/'.$name, $request->getContent(true));
        return new JsonResponse(['stored' => $name], 201);
    }

    /** Streamed after this returns: the middleware keeps the key until the body is sent. */
    public function download(Request $request, string $name): StreamedResponse
    {
        $path = $request->user()->id.'/'.$name;
        abort_unless(preg_match(self::FILE_NAME, $name) === 1 && Storage::disk('user-files')->exists($path), 404);
        return Storage::disk('user-files')->download($path, $name);
    }
}
