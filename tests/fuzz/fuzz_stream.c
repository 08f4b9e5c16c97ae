/* The chunked file format (sc_stream, behind StreamOpener and the encrypted
 * disk), opened as a whole file the way StreamOpener reads one: the header,
 * then chunks of the header's size, the one that ends the file being last.
 * The first byte picks a damage; the rest is both a file to open and a
 * plaintext to seal with 1 KiB chunks. Properties: opening never crashes;
 * whatever opens has the size sc_stream_plaintext_size() says; a sealed file
 * opens to its plaintext; one flipped bit, a cut, an extra byte, two chunks
 * swapped, or the wrong key make it fail. */
#include "sc_core.h"
#include "../c/stream_file.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t key[32] = { 11, 12, 13 }, wrong[32] = { 14 };
static uint8_t key_id[4];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc; (void) argv;
	if (sc_core_init() != 0) abort();
	sc_key_id(key_id, key, sizeof key);
	return 0;
}

/* The plaintext length, or -1 when the file does not open. out: len bytes. */
static int64_t open_file(const uint8_t *file, size_t len, const uint8_t *k, uint8_t *out)
{
	size_t mlen;
	return stream_open_file(out, &mlen, file, len, k) == SC_STREAM_OK ? (int64_t) mlen : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) return 0;
	const uint8_t *m = data + 1;
	size_t mlen = size - 1;
	uint8_t *out = malloc(size + 1);
	int64_t got = open_file(m, mlen, key, out);
	if (got >= 0 && got != sc_stream_plaintext_size(mlen, (size_t) 1 << m[5])) {
		abort();
	}
	free(out);

	size_t chunks = mlen == 0 ? 1 : (mlen + 1023) / 1024; /* the last holds 1 to 1024 bytes, or 0 when it is the only one */
	size_t flen = SC_STREAM_HEADER_BYTES + mlen + chunks * SC_STREAM_TAG_BYTES;
	uint8_t *file = malloc(flen + 1), *back = malloc(flen + 1);
	if (stream_seal_file(file, m, mlen, SC_STREAM_MIN_LOG2, key_id, key) != flen || open_file(file, flen, key, back) != (int64_t) mlen
			|| (mlen && memcmp(back, m, mlen) != 0) || sc_stream_plaintext_size(flen, 1024) != (int64_t) mlen) {
		abort();
	}
	size_t pos = ((size_t) data[0] * 2654435761u) % flen;
	switch (data[0] % 5) {
	case 0: /* one bit flipped anywhere, header included */
		file[pos] ^= (uint8_t) (1u << (data[0] % 8));
		break;
	case 1: /* cut short, by one byte up to the whole body */
		flen = SC_STREAM_HEADER_BYTES + pos % (flen - SC_STREAM_HEADER_BYTES);
		break;
	case 2: /* a byte more */
		file[flen++] = data[0];
		break;
	case 3: /* the first two chunks swapped, when there are two full ones */
		if (chunks < 3) { free(file); free(back); return 0; }
		memcpy(back, file + SC_STREAM_HEADER_BYTES, 1024 + SC_STREAM_TAG_BYTES);
		memmove(file + SC_STREAM_HEADER_BYTES, file + SC_STREAM_HEADER_BYTES + 1024 + SC_STREAM_TAG_BYTES, 1024 + SC_STREAM_TAG_BYTES);
		memcpy(file + SC_STREAM_HEADER_BYTES + 1024 + SC_STREAM_TAG_BYTES, back, 1024 + SC_STREAM_TAG_BYTES);
		break;
	default: /* the wrong key */
		if (open_file(file, flen, wrong, back) >= 0) abort();
		free(file); free(back);
		return 0;
	}
	if (open_file(file, flen, key, back) >= 0) {
		abort(); /* a damaged file opened */
	}
	free(file);
	free(back);
	return 0;
}
