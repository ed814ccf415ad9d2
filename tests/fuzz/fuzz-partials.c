/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz-partials.c — bytes as a partial from another municipality
 * (case-report --merge): merged once and twice (so that its counts are
 * added to themselves), and, when it is taken, turned into every report
 * and every form of it. Whatever the bytes: no crash, no leak, no exit,
 * and the report's counts never above what a partial may hold. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "casekit.h"
#include "fuzz.h"

static ck_rulebook *rules;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ck_init("fuzz-partials");
	setenv("CASEKIT_CONFIG", "/dev/null", 0);
	setenv("CASEKIT_RULES_PATH", RULES_DIR, 0);
	rules = ck_rulebook_load(NULL);
	return 0;
}

/* Every count of a report is at most 2^53 - 1 (or a label). */
static void
check_counts(const json_t *node)
{
	const char *key;
	json_t *value;
	size_t i;

	if (json_is_integer(node) && (json_integer_value(node) < 0 ||
				      json_integer_value(node) > 9007199254740991LL))
		abort();
	json_object_foreach((json_t *)node, key, value)
		check_counts(value);
	json_array_foreach(node, i, value)
		check_counts(value);
}

static void
write_all(const json_t *report)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (f == NULL)
		abort();
	if (!ck_report_write_text(f, report) || !ck_report_write_csv(f, report, ';', true) ||
	    !ck_report_write_html(f, report))
		abort();
	fclose(f);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	ck_date today = ck_date_from_ymd(2026, 11, 22);
	ck_report *report = ck_report_new(rules, today);
	int by;

	if (ck_report_merge(report, path) && ck_report_merge(report, path)) {
		for (by = CK_BY_NONE; by <= CK_BY_COORDINATOR; by++) {
			json_t *manager = ck_report_result(report, (ck_by)by, CK_AUDIENCE_MANAGER, 5);
			json_t *committee = ck_report_result(report, (ck_by)by,
							     CK_AUDIENCE_COMMITTEE, 10);

			check_counts(manager);
			check_counts(committee);
			write_all(manager);
			write_all(committee);
			json_decref(manager);
			json_decref(committee);
		}
	}
	ck_report_free(report);
	return 0;
}
