/* SPDX-License-Identifier: MPL-2.0 */
/* replay.c — runs a fuzz target over files, without libFuzzer: the
 * corpora become regression tests of every build (tests/fuzz.test).
 *
 *   fuzz-TARGET-replay FILE...   exit 0 when every file went through */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int
main(int argc, char **argv)
{
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *data = NULL;
		size_t size = 0, cap = 0, n;

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		do {
			if (size == cap) {
				cap = cap ? cap * 2 : 4096;
				data = realloc(data, cap);
				if (data == NULL)
					return 2;
			}
			n = fread(data + size, 1, cap - size, f);
			size += n;
		} while (n > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return 0;
}
