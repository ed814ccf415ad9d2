/* SPDX-License-Identifier: MPL-2.0 */
/* test-messages.c — unit tests of lib/messages.c: the form of messages. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

/* Runs FN with standard error going to a temporary file and returns
 * what it wrote (static storage). */
static const char *
capture(void (*fn)(void))
{
	static char text[1024];
	char path[] = "/tmp/ck-test-messages.XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	ssize_t n;

	fflush(stderr);
	dup2(fd, 2);
	fn();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, text, sizeof text - 1);
	text[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	return text;
}

static void
at_field(void)
{
	ck_error_at("cases.jsonl", 17, "child.born", "not a date (%s)", "YYYY-MM-DD");
}

static void
at_no_field(void)
{
	ck_error_at("<stdin>", 3, NULL, "blank line");
}

static void
at_no_line(void)
{
	ck_error_at("x.jsonl", 0, "", "cannot open");
}

static void
plain_error(void)
{
	ck_error("%d cases", 3);
}

static void
warning(void)
{
	ck_warning_at("a.csv", 4, "team", "ignored");
}

static void
problem(void)
{
	ck_problem p;

	ck_problem_set(&p, "actors[a2].since", "not a %s", "date");
	ck_problem_report(&p, "s.jsonl", 2);
}

int
main(void)
{
	ck_init("/usr/bin/lt-case-test");
	is_str(ck_program_name(), "case-test", "program name without path and lt- prefix");
	is_str(capture(at_field), "case-test: cases.jsonl:17: child.born: not a date (YYYY-MM-DD)\n",
	       "file, line, field and message");
	is_str(capture(at_no_field), "case-test: <stdin>:3: blank line\n", "no field");
	is_str(capture(at_no_line), "case-test: x.jsonl: cannot open\n", "no line, empty field");
	is_str(capture(plain_error), "case-test: 3 cases\n", "plain error");
	is_str(capture(warning), "case-test: a.csv:4: warning: team: ignored\n", "warning");
	is_str(capture(problem), "case-test: s.jsonl:2: actors[a2].since: not a date\n",
	       "a problem reported");
	return done_testing();
}
