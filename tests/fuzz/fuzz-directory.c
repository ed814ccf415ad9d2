/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz-directory.c — bytes as a knowledge directory, read both as CSV
 * (';', in UTF-8 and in cp1252) and as JSON lines: every pattern
 * compiled or reported, and, when it is taken, its suggestions made for
 * the example cases. Whatever the bytes: no crash, no leak, no exit. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "fuzz.h"

static char dir[] = "/tmp/casekit-fuzz-directory.XXXXXX";
static char csv_file[64], json_file[64];
static json_t *cases;        /* the example cases */

static void
remove_dir(void)
{
	unlink(csv_file);
	unlink(json_file);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *files[1] = { (char *)EXAMPLES_DIR "/sample.jsonl" };
	ck_reader *in;
	ck_record *rec;

	(void)argc;
	(void)argv;
	ck_init("fuzz-directory");
	setenv("CASEKIT_CONFIG", "/dev/null", 0);
	/* The name tells the form: files of their own. */
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(csv_file, sizeof csv_file, "%s/knowledge.csv", dir);
	snprintf(json_file, sizeof json_file, "%s/knowledge.jsonl", dir);
	atexit(remove_dir);
	cases = json_array();
	in = ck_reader_open(files, 1, 0);
	while ((rec = ck_reader_next(in)) != NULL) {
		if (ck_record_check(rec))
			json_array_append(cases, ck_record_json(rec));
		ck_record_free(rec);
	}
	ck_reader_close(in);
	/* A case whose diagnosis every pattern may meet. */
	json_array_append_new(cases, json_pack("{s:{s:s, s:[s, s], s:s}}", "diagnosis",
					       "status", "confirmed", "codes", "ORPHA:778",
					       "ICD10:F84.2", "label", "Rett syndrom"));
	return 0;
}

static void
spit(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

static void
load(const char *path, const char *encoding)
{
	unsigned long line;
	ck_problem p;
	ck_directory *d = ck_directory_load(path, ';', encoding, &line, &p);
	char err[CK_MESSAGE_MAX];
	const json_t *rec;
	size_t i, n;

	if (d == NULL)
		return;
	n = ck_directory_count(d);
	for (i = 0; i < n; i++)
		if (ck_directory_entry_at(d, i) == NULL)
			abort();
	if (ck_directory_entry_at(d, n) != NULL)
		abort();
	json_array_foreach(cases, i, rec) {
		json_t *suggestions = ck_directory_suggest(d, rec, err, sizeof err);

		if (suggestions != NULL && !json_is_array(suggestions))
			abort();
		json_decref(suggestions);
	}
	ck_directory_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	spit(csv_file, data, size);
	spit(json_file, data, size);
	load(csv_file, NULL);
	load(csv_file, "cp1252");
	load(json_file, NULL);
	return 0;
}
