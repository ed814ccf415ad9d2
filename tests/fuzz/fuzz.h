/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz.h — what the fuzz targets share: the input as a file (the
 * library reads files), made once per input in memory. */
#ifndef CK_FUZZ_H
#define CK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Each target defines this (libFuzzer's entry point). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The path of a file in memory holding DATA ("/proc/self/fd/N"), valid
 * until the next call. */
const char *fuzz_file(const uint8_t *data, size_t size);

#endif
