/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz-rules.c — bytes as a local rule set (--rules FILE, named
 * fuzz.json, beside the shipped sets it may extend): loaded and checked
 * without ending the program (ck_rulebook_try_load), and, when it is
 * taken, made a judge of and used on the example cases, its transitions
 * planned. Whatever the bytes: no crash, no leak, no exit. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "fuzz.h"

static char dir[] = "/tmp/casekit-fuzz-rules.XXXXXX";
static char file[64];
static json_t *cases;        /* the example cases */

static void
remove_dir(void)
{
	unlink(file);
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
	ck_init("fuzz-rules");
	setenv("CASEKIT_CONFIG", "/dev/null", 0);
	setenv("CASEKIT_RULES_PATH", RULES_DIR, 0);
	/* The set's name must be its file's: a file of its own. */
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(file, sizeof file, "%s/fuzz.json", dir);
	atexit(remove_dir);
	cases = json_array();
	in = ck_reader_open(files, 1, 0);
	while ((rec = ck_reader_next(in)) != NULL) {
		if (ck_record_check(rec))
			json_array_append(cases, ck_record_json(rec));
		ck_record_free(rec);
	}
	ck_reader_close(in);
	if (json_array_size(cases) == 0)
		abort();
	return 0;
}

static void
use(const ck_ruleset *set)
{
	ck_judge *judge = ck_judge_new(set);
	ck_transition_plan plan[CK_TRANSITIONS_MAX];
	ck_duration window = { 0, 30 };
	ck_date today = ck_date_from_ymd(2026, 11, 22);
	const json_t *rec;
	size_t i;

	(void)ck_ruleset_title(set, "da");
	(void)ck_ruleset_transition_kind(set, "school");
	ck_transitions_standard(set, ck_date_from_ymd(2019, 4, 3), plan);
	json_array_foreach(cases, i, rec) {
		json_t *copy = json_deep_copy(rec), *added;
		json_t *checklist = ck_judge_case(judge, rec, today, window, CK_JUDGE_SHOW_OK);
		ck_problem p;

		json_decref(checklist);
		added = ck_transitions_plan(copy, set, today, &p);
		json_decref(added);
		json_decref(copy);
	}
	ck_judge_free(judge);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(file, "wb");
	ck_rulebook *book;

	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	book = ck_rulebook_try_load(file);
	if (book != NULL) {
		use(ck_rulebook_for(book, NULL));
		ck_rulebook_free(book);
	}
	return 0;
}
