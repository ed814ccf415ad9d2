/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz-records.c — JSON lines through the reader, validation, the judge
 * of each case's shipped rule set and the report's counting: whatever
 * the bytes, no crash, no leak, no exit. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "casekit.h"
#include "fuzz.h"

static ck_rulebook *rules;

/* A judge per set, made once: compiling a set's patterns for every input
 * would be most of the time. */
static const ck_ruleset *sets[16];
static ck_judge *judges[16];

static ck_judge *
judge_for(const ck_ruleset *set)
{
	size_t i;

	for (i = 0; i < 16 && sets[i] != NULL; i++)
		if (sets[i] == set)
			return judges[i];
	if (i == 16)
		abort();
	sets[i] = set;
	judges[i] = ck_judge_new(set);
	return judges[i];
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ck_init("fuzz-records");
	setenv("CASEKIT_CONFIG", "/dev/null", 0);
	setenv("CASEKIT_RULES_PATH", RULES_DIR, 0);
	rules = ck_rulebook_load(NULL);
	return 0;
}

/* The checklist put last, as case-checklist does: what is written must
 * read back as the record's JSON, whether the text read was spliced or
 * the record written whole. */
static void
check_put_last(ck_record *rec, json_t *checklist)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	ck_writer *w;
	json_t *back;

	if (f == NULL)
		abort();
	ck_record_put_last(rec, "checklist", checklist);
	w = ck_writer_stream(f, "memory");
	ck_write(w, rec);
	ck_writer_close(w);
	fclose(f);
	back = json_loadb(text, size, JSON_REJECT_DUPLICATES, NULL);
	if (back == NULL || !json_equal(back, ck_record_json(rec)))
		abort();
	json_decref(back);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *files[1] = { (char *)fuzz_file(data, size) };
	ck_reader *in = ck_reader_open(files, 1, 64 * 1024);
	ck_date today = ck_date_from_ymd(2026, 11, 22);
	ck_report *report = ck_report_new(rules, today);
	ck_duration window = { 0, 30 };
	ck_record *rec;
	json_t *result;

	while ((rec = ck_reader_next(in)) != NULL) {
		if (ck_record_check(rec)) {
			const json_t *json = ck_record_json(rec);
			const ck_ruleset *set = ck_rulebook_for(rules, json_string_value(
				json_object_get(json, "pathway")));

			if (set != NULL) {
				json_t *checklist = ck_judge_case(judge_for(set), json, today,
								  window, CK_JUDGE_SHOW_OK);

				ck_report_add(report, json);
				if (checklist != NULL)
					check_put_last(rec, checklist);
			}
		}
		ck_record_free(rec);
	}
	ck_reader_close(in);
	result = ck_report_result(report, CK_BY_TEAM, CK_AUDIENCE_MANAGER, 5);
	json_decref(result);
	ck_report_free(report);
	return 0;
}
