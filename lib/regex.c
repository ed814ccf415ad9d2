/* SPDX-License-Identifier: MPL-2.0 */
/* regex.c — regular expressions for --match, and for a rule's "when",
 * "where" and "match": PCRE2 in UTF mode, with Unicode properties so
 * that \w and [[:alpha:]] know "æ", "ø" and "å".
 *
 * A pattern comes from the user or a rule set and a subject from a
 * record, so no pair of them may hang a program or eat its memory: every
 * match runs under a match limit, a depth limit and a heap limit, and
 * one that hits a limit is an error to report, never a quiet "no match".
 *
 * A compiled pattern keeps its own match data (and JIT stack), reused by
 * every match, so a ck_regex must not be shared between threads: each
 * thread compiles its own. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "casekit.h"
#include "i18n.h"

/* JIT code reads a subject in aligned 16-byte loads that may pass its
 * end within the aligned block, and valgrind's memcheck reports such a
 * match of a Jansson string as a use of uninitialised memory: make
 * check-valgrind would fail on every --match. Under valgrind the
 * interpreter does the work, and is what gets checked. Where the header
 * is missing, JIT stays on. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() false
#endif

/* A million steps of backtracking: far beyond what a sensible pattern
 * needs for a record, and a few hundredths of a second of work. */
#define MATCH_LIMIT 1000000
/* The interpreter keeps its backtracking frames on the heap: 20 MiB
 * holds some hundred thousand of them, more than a field of a record
 * needs. A pattern that needs more is an error. (KiB units.) */
#define HEAP_LIMIT (20 * 1024)
/* Nested backtracking; the heap limit binds first for most patterns,
 * this keeps PCRE2's default of ten million from ever applying. */
#define DEPTH_LIMIT MATCH_LIMIT
/* JIT code runs on a stack of its own; PCRE2's default of 32 KiB ends a
 * pattern such as "^(a|b)*$" after a few thousand characters, 8 MiB
 * reaches about as far as the interpreter's heap limit. The stack is
 * reserved, and only used as a match needs it. */
#define JIT_STACK_START (32 * 1024)
#define JIT_STACK_MAX (8 * 1024 * 1024)

struct ck_regex {
	pcre2_code *code;
	pcre2_match_data *match_data;
	pcre2_match_context *context;
	pcre2_jit_stack *jit_stack;     /* NULL without JIT */
};

static void
error_message(int code, char *err, size_t errsize)
{
	PCRE2_UCHAR message[256];

	if (err == NULL || errsize == 0)
		return;
	/* A message too long for the buffer comes back truncated, which is
	 * still better than none. */
	if (pcre2_get_error_message(code, message, sizeof message) ==
	    PCRE2_ERROR_BADDATA)
		snprintf(err, errsize, _("PCRE2 error %d"), code);
	else
		snprintf(err, errsize, "%s", (const char *)message);
}

ck_regex *
ck_regex_compile(const char *pattern, char *err, size_t errsize)
{
	ck_regex *re;
	int code;
	PCRE2_SIZE offset;

	re = calloc(1, sizeof *re);
	if (re == NULL)
		ck_fatal(_("out of memory"));
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				 PCRE2_UTF | PCRE2_UCP, &code, &offset, NULL);
	if (re->code == NULL) {
		if (err != NULL && errsize > 0) {
			char message[256];

			error_message(code, message, sizeof message);
			snprintf(err, errsize, _("%s at offset %lu"), message,
				 (unsigned long)offset);
		}
		free(re);
		return NULL;
	}
	re->match_data = pcre2_match_data_create(1, NULL);
	re->context = pcre2_match_context_create(NULL);
	if (re->match_data == NULL || re->context == NULL)
		ck_fatal(_("out of memory"));
	pcre2_set_match_limit(re->context, MATCH_LIMIT);
	pcre2_set_depth_limit(re->context, DEPTH_LIMIT);
	pcre2_set_heap_limit(re->context, HEAP_LIMIT);
	/* Where JIT is not to be had (a platform without it, memory that
	 * may not be made executable) the interpreter does the same work,
	 * more slowly. */
	if (!UNDER_VALGRIND() &&
	    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0) {
		re->jit_stack = pcre2_jit_stack_create(JIT_STACK_START,
						       JIT_STACK_MAX, NULL);
		if (re->jit_stack != NULL)
			pcre2_jit_stack_assign(re->context, NULL, re->jit_stack);
	}
	return re;
}

void
ck_regex_free(ck_regex *re)
{
	if (re == NULL)
		return;
	pcre2_jit_stack_free(re->jit_stack);
	pcre2_match_context_free(re->context);
	pcre2_match_data_free(re->match_data);
	pcre2_code_free(re->code);
	free(re);
}

static int
match(ck_regex *re, const char *subject, size_t length, uint32_t options,
      char *err, size_t errsize)
{
	int rc;

	if (subject == NULL)
		subject = "";
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, length, 0, options,
			 re->match_data, re->context);
	/* 0 is a match whose groups did not fit the match data: only
	 * whether it matched is wanted, so the match data holds one pair. */
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	error_message(rc, err, errsize);
	return -1;
}

int
ck_regex_match(ck_regex *re, const char *subject, size_t length,
	       char *err, size_t errsize)
{
	/* The subject may come from anywhere: PCRE2 checks its UTF-8, and
	 * invalid UTF-8 is an error. */
	return match(re, subject, length, 0, err, errsize);
}

int
ck_regex_match_value(ck_regex *re, const json_t *value,
		     char *err, size_t errsize)
{
	char buf[CK_VALUE_TEXT_SIZE];
	const char *text;
	size_t length;

	text = ck_value_text(value, buf, &length);
	if (text == NULL)
		return 0;
	/* Jansson holds valid UTF-8 only (it checks what it parses and
	 * what json_string is given; casekit never calls the _nocheck
	 * variants), and number texts are ASCII. */
	return match(re, text, length, PCRE2_NO_UTF_CHECK, err, errsize);
}
