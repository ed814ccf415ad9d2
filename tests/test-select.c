/* SPDX-License-Identifier: MPL-2.0 */
/* test-select.c — unit tests of lib/select.c: --case, --match and --all
 * alone and together, the quick look at unparsed lines, the report of
 * ids that matched nothing, and the selection from parsed options. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

#define NRECORDS 7

static const char *const record_texts[NRECORDS] = {
	"{\"id\":\"0101-2026-0001\",\"status\":\"open\",\"n\":5,"
	"\"actors\":[{\"role\":\"caseworker\"},{\"role\":\"hospital\"}]}",
	"{\"id\":\"0101-2026-0002\",\"status\":\"closed\","
	"\"actors\":[{\"role\":\"school\"}]}",
	"{\"id\":\"0101-2026-0003\",\"status\":\"open\",\"team\":\"S\xc3\xb8nderborg\"}",
	"{\"status\":\"open\"}",
	"{\"id\":5,\"status\":\"open\"}",
	"{\"id\":\"0101-2026-0001x\",\"status\":\"open\"}",
	"{\"id\":\"0101-2026-0006\",\"status\":\"open\",\"note\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\"}"
};

static json_t *records[NRECORDS];

/* Which records SELECTION selects, as a string of '1', '0' and 'E'. */
static const char *
selected(ck_selection *selection)
{
	static char result[NRECORDS + 1];
	char err[256];
	size_t i;

	for (i = 0; i < NRECORDS; i++) {
		int rc = ck_selection_matches(selection, records[i], err, sizeof err);

		result[i] = rc > 0 ? '1' : rc == 0 ? '0' : 'E';
	}
	result[NRECORDS] = '\0';
	return result;
}

static const char *
add_match_error(const char *spec)
{
	static char err[256];
	ck_selection *selection = ck_selection_new();

	if (ck_selection_add_match(selection, spec, err, sizeof err))
		strcpy(err, "(added)");
	ck_selection_free(selection);
	return err;
}

/* Runs ck_selection_report_unmatched with standard error caught into
 * MESSAGES. */
static size_t
report_unmatched(const ck_selection *selection, char *messages, size_t size)
{
	FILE *tmp = tmpfile();
	int saved = dup(2);
	size_t count, n;

	fflush(stderr);
	dup2(fileno(tmp), 2);
	count = ck_selection_report_unmatched(selection);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	n = fread(messages, 1, size - 1, tmp);
	messages[n] = '\0';
	fclose(tmp);
	return count;
}

static void
test_nothing_given(void)
{
	ck_selection *selection = ck_selection_new();
	char messages[256];

	ok(!ck_selection_given(selection), "nothing given");
	is_str(selected(selection), "1111111", "every record is selected");
	ok(ck_selection_line_may_match(selection, "{}", 2), "every line may match");
	is_int(report_unmatched(selection, messages, sizeof messages), 0,
	       "no ids, none unmatched");
	is_str(messages, "", "and nothing said");
	ck_selection_set_all(selection);
	ok(ck_selection_given(selection), "--all is given");
	is_str(selected(selection), "1111111", "--all selects every record");
	ok(ck_selection_line_may_match(selection, "{}", 2), "--all: every line may match");
	ck_selection_free(selection);
	ck_selection_free(NULL);
	ok(1, "ck_selection_free(NULL)");
}

static void
test_cases(void)
{
	ck_selection *selection = ck_selection_new();
	char messages[256];

	ck_selection_add_case(selection, "0101-2026-0001");
	ok(ck_selection_given(selection), "a --case is given");
	is_str(selected(selection), "1000000", "one id: that record only, not a longer id");
	ck_selection_add_case(selection, "0101-2026-0003");
	ck_selection_add_case(selection, "0101-2026-0009");
	ck_selection_add_case(selection, "0101-2026-0009");
	ck_selection_add_case(selection, "0101-2026-0008");
	is_str(selected(selection), "1010000", "ids are alternatives");
	is_int(report_unmatched(selection, messages, sizeof messages), 2,
	       "two ids matched nothing");
	is_str(messages,
	       "casekit: --case 0101-2026-0009: no such case\n"
	       "casekit: --case 0101-2026-0008: no such case\n",
	       "each is named once, in the order given");
	ck_selection_set_all(selection);
	is_str(selected(selection), "1010000", "--all does not widen --case");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_case(selection, "0101-2026-0002");
	is_int(report_unmatched(selection, messages, sizeof messages), 1,
	       "before any record, an id is unmatched");
	is_str(selected(selection), "0100000", "the closed case by id");
	is_int(report_unmatched(selection, messages, sizeof messages), 0,
	       "then it is seen");
	is_str(messages, "", "and not named");
	ck_selection_free(selection);
}

static void
test_matches(void)
{
	ck_selection *selection = ck_selection_new();
	char err[256];

	ok(ck_selection_add_match(selection, "status=^open$", err, sizeof err),
	   "a --match is added");
	ok(ck_selection_given(selection), "a --match is given");
	is_str(selected(selection), "1011111", "records with status open");
	ok(ck_selection_add_match(selection, "actors.role=hosp", err, sizeof err),
	   "a second --match");
	is_str(selected(selection), "1000000",
	       "both must hold; any value at the path; unanchored");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "status=open", err, sizeof err);
	ck_selection_add_match(selection, "actors.role=school", err, sizeof err);
	is_str(selected(selection), "0000000", "all must hold, not any");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "team=^S\\w+borg$", err, sizeof err);
	is_str(selected(selection), "0010000", "UTF-8 in a --match; a missing path fails");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "n=^5$", err, sizeof err);
	is_str(selected(selection), "1000000", "a number by its text");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "id=", err, sizeof err);
	is_str(selected(selection), "1110111", "an empty pattern: the path has a value");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "actors[role=school].role=.", err, sizeof err);
	is_str(selected(selection), "0100000", "a path with a filter");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "$.status=closed", err, sizeof err);
	is_str(selected(selection), "0100000", "$. is the root");
	ck_selection_free(selection);

	selection = ck_selection_new();
	ck_selection_add_match(selection, "x[k=a=b]=c=d", err, sizeof err);
	ck_selection_add_match(selection, "status=o=p", err, sizeof err);
	is_str(selected(selection), "0000000", "the first '=' outside brackets splits");
	ck_selection_free(selection);

	/* A regex error is an error, not a record that is not selected. */
	selection = ck_selection_new();
	ck_selection_add_match(selection, "note=(a+)+$", err, sizeof err);
	is_str(selected(selection), "000000E", "the match limit is an error");
	err[0] = '\0';
	is_int(ck_selection_matches(selection, records[6], err, sizeof err), -1,
	       "-1 on a regex error");
	is_str(err, "--match note: match limit exceeded", "the message names the path");
	is_int(ck_selection_matches(selection, records[6], NULL, 0), -1,
	       "ERR may be NULL");
	ck_selection_free(selection);

	is_str(add_match_error("status"), "expected PATH=REGEX", "no '='");
	is_str(add_match_error("a[k=v"), "expected PATH=REGEX",
	       "'=' only inside an unclosed filter");
	is_str(add_match_error("a..b=x"), "a..b: empty key", "a malformed path");
	is_str(add_match_error("=x"), "empty path", "an empty path");
	is_str(add_match_error("status=a(b"),
	       "status: regular expression: missing closing parenthesis at offset 3",
	       "a malformed pattern");
	is_str(add_match_error("status=open"), "(added)", "a good one");
}

static void
test_cases_and_matches(void)
{
	ck_selection *selection = ck_selection_new();
	char err[256], messages[256];

	ck_selection_add_case(selection, "0101-2026-0001");
	ck_selection_add_case(selection, "0101-2026-0002");
	ck_selection_add_case(selection, "0101-2026-0003");
	ck_selection_add_match(selection, "status=open", err, sizeof err);
	is_str(selected(selection), "1010000", "a --case and a --match must both hold");
	is_int(report_unmatched(selection, messages, sizeof messages), 0,
	       "a case the --match left out was still seen");
	ok(ck_selection_line_may_match(selection, "{}", 2),
	   "with a --match every line may match");
	ck_selection_free(selection);
}

static void
test_line_may_match(void)
{
	ck_selection *selection = ck_selection_new();
	const char *line = "{\"id\":\"0101-2026-0001\",\"status\":\"open\"}";
	const char *other = "{\"id\":\"0101-2026-0002\",\"status\":\"open\"}";
	const char *escaped = "{\"id\":\"0101\\u002d2026-0001\",\"status\":\"open\"}";

	ck_selection_add_case(selection, "0101-2026-0001");
	ok(ck_selection_line_may_match(selection, line, strlen(line)),
	   "a line holding the id");
	ok(!ck_selection_line_may_match(selection, other, strlen(other)),
	   "a line without it");
	ok(ck_selection_line_may_match(selection, escaped, strlen(escaped)),
	   "a line with a backslash may hide it");
	ok(!ck_selection_line_may_match(selection, line, 20),
	   "only LENGTH bytes are looked at");
	ok(!ck_selection_line_may_match(selection, "", 0), "an empty line");
	ck_selection_add_case(selection, "0101-2026-0002");
	ok(ck_selection_line_may_match(selection, other, strlen(other)),
	   "any of the ids");
	ok(ck_selection_line_may_match(selection, "x 0101-2026-0001 x", 18),
	   "the id's text anywhere");
	ck_selection_free(selection);
}

static const ck_option options[] = {
	{ "case", 0, true, NULL },
	{ "match", 'm', true, NULL },
	{ "all", 0, false, NULL },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
}

static const ck_program program = { "test-select", NULL, options, help, true };

static ck_selection *
from_argv(int argc, char **argv)
{
	ck_args *args = ck_args_parse(&program, argc, argv);
	ck_selection *selection = ck_selection_from_args(args);

	ck_args_free(args);
	return selection;
}

static void
test_from_args(void)
{
	char *argv1[] = { "test-select", "--case", "0101-2026-0001", "--case",
			  "0101-2026-0002", "--match", "status=open", NULL };
	char *argv2[] = { "test-select", "--all", NULL };
	char *argv3[] = { "test-select", "file", NULL };
	char *argv4[] = { "test-select", "--match", "status=a(b", NULL };
	ck_selection *selection;
	pid_t pid;
	int status;

	selection = from_argv(7, argv1);
	ok(ck_selection_given(selection), "--case and --match are given");
	is_str(selected(selection), "1000000", "both --case, and --match");
	ck_selection_free(selection);

	selection = from_argv(2, argv2);
	ok(ck_selection_given(selection), "--all is given");
	is_str(selected(selection), "1111111", "--all");
	ck_selection_free(selection);

	selection = from_argv(2, argv3);
	ok(!ck_selection_given(selection), "no selection options");
	is_str(selected(selection), "1111111", "every record");
	ck_selection_free(selection);

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		ck_selection_free(from_argv(3, argv4));
		_exit(0);
	}
	ok(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	   WEXITSTATUS(status) == CK_EXIT_TROUBLE,
	   "a bad --match is a usage error (exit 2)");
}

int
main(void)
{
	json_error_t error;
	size_t i;

	for (i = 0; i < NRECORDS; i++) {
		records[i] = json_loads(record_texts[i], 0, &error);
		if (records[i] == NULL) {
			printf("Bail out! record %zu: %s\n", i, error.text);
			return 1;
		}
	}
	test_nothing_given();
	test_cases();
	test_matches();
	test_cases_and_matches();
	test_line_may_match();
	test_from_args();
	for (i = 0; i < NRECORDS; i++)
		json_decref(records[i]);
	return done_testing();
}
