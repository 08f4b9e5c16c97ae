<?php

namespace App\Http\Controllers;

use App\Models\Secret;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use SodiumCrypt\KeyContext;

/** The signed-in user's secrets: stored under their key, found by blind index. */
class SecretController
{
    public function store(Request $request): JsonResponse
    {
        $data = $request->validate([
            'label' => ['required', 'string', 'max:200'],
            'ssn' => ['nullable', 'string', 'max:40'],
            'notes' => ['nullable', 'array'],
        ]);
        $secret = $request->user()->secrets()->create($data);
        return response()->json(['id' => $secret->id, 'stored_under_key' => KeyContext::get()->id()], 201);
    }

    public function index(Request $request): JsonResponse
    {
        return response()->json([
            'user_id' => $request->user()->id,
            'key_id' => KeyContext::get()->id(),
            'phone' => $request->user()->phone,
            'secrets' => $request->user()->secrets()->orderBy('id')->get()->map(fn (Secret $s) => $s->only('id', 'label', 'ssn', 'notes')),
        ]);
    }

    public function search(Request $request): JsonResponse
    {
        $ssn = (string) $request->validate(['ssn' => ['required', 'string', 'max:40']])['ssn'];
        $found = $request->user()->secrets()->whereBlindIndex('ssn', $ssn)->get();
        return response()->json(['matches' => $found->map(fn (Secret $s) => $s->only('id', 'label', 'ssn'))]);
    }
}
