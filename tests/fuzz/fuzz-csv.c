/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz-csv.c — bytes as a case system's CSV export, in UTF-8 and in
 * cp1252, with ';': every row read or reported, nothing crashes. */
#include <config.h>

#include <stdlib.h>

#include "casekit.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ck_init("fuzz-csv");
	return 0;
}

static void
read_all(const char *path, const char *encoding)
{
	char err[CK_MESSAGE_MAX];
	ck_csv *csv = ck_csv_open(path, ';', encoding, err, sizeof err);
	char **fields;
	size_t count;
	unsigned long row;

	if (csv == NULL)
		return;
	while (ck_csv_next(csv, &fields, &count, &row, err, sizeof err) > 0)
		;
	ck_csv_close(csv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);

	read_all(path, NULL);
	read_all(path, "cp1252");
	return 0;
}
