/* SPDX-License-Identifier: MPL-2.0 */
/* test-regex.c — unit tests of lib/regex.c: UTF and Unicode properties,
 * compile errors, the limits that keep a pattern from hanging, and the
 * text of values. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"

/* 1 match, 0 none, -1 error, or -2 when PATTERN does not compile. */
static int
match(const char *pattern, const char *subject)
{
	ck_regex *re = ck_regex_compile(pattern, NULL, 0);
	int rc;

	if (re == NULL)
		return -2;
	rc = ck_regex_match(re, subject, strlen(subject), NULL, 0);
	ck_regex_free(re);
	return rc;
}

static const char *
compile_error(const char *pattern)
{
	static char err[256];
	ck_regex *re = ck_regex_compile(pattern, err, sizeof err);

	if (re != NULL) {
		ck_regex_free(re);
		return "(compiled)";
	}
	return err;
}

static void
test_basics(void)
{
	is_int(match("open", "reopened"), 1, "unanchored");
	is_int(match("^open$", "reopened"), 0, "anchors are the pattern's");
	is_int(match("^open$", "open"), 1, "anchored match");
	is_int(match("", "anything"), 1, "the empty pattern");
	is_int(match("x", ""), 0, "an empty subject");
	is_int(match("^(open|closed)$", "closed"), 1, "alternatives");
	is_int(match("Open", "open"), 0, "case matters");
	is_int(match("(?i)Open", "open"), 1, "unless (?i)");
}

static void
test_utf(void)
{
	is_int(match("\xc3\xa6", "Sj\xc3\xa6lland"), 1, "\xc3\xa6 in a subject");
	is_int(match("\xc3\xa6", "Sjaelland"), 0, "\xc3\xa6 is not ae");
	is_int(match("^\\w+$", "S\xc3\xb8ren"), 1, "\\w matches \xc3\xb8 (UCP)");
	is_int(match("^\\w+$", "Bj\xc3\xb6rk\xc3\xa5s"), 1, "\\w matches \xc3\xb6 and \xc3\xa5");
	is_int(match("^[[:alpha:]]+$", "\xc3\xa6\xc3\xb8\xc3\xa5"), 1,
	       "[[:alpha:]] knows \xc3\xa6\xc3\xb8\xc3\xa5 (UCP)");
	is_int(match("^.{5}$", "S\xc3\xb8ren"), 1, "'.' is a character, not a byte");
	is_int(match("^.{6}$", "S\xc3\xb8ren"), 0, "five characters, six bytes");
	is_int(match("(?i)^\xc3\x86" "BLE$", "\xc3\xa6" "ble"), 1,
	       "caseless \xc3\x86 matches \xc3\xa6");
	is_int(match("\\bBL \xc2\xa7 32\\b", "BL \xc2\xa7 32"), 1, "\xc2\xa7 in a pattern");
	is_int(match("^\\d+$", "\xd9\xa3"), 1, "\\d is any decimal digit with UCP");
}

static void
test_compile_errors(void)
{
	char err[256];

	is_str(compile_error("a(b"), "missing closing parenthesis at offset 3",
	       "PCRE2's message and the offset");
	is_str(compile_error("ab)"), "unmatched closing parenthesis at offset 2",
	       "another offset");
	is_str(compile_error("[a"), "missing terminating ] for character class at offset 2",
	       "an unclosed class");
	ok(strstr(compile_error("\xff"), "UTF-8 error") != NULL,
	   "a pattern that is not UTF-8");
	ok(strstr(compile_error("\xff"), "at offset 0") != NULL, "and where");
	ok(ck_regex_compile("a(b", NULL, 0) == NULL, "ERR may be NULL");
	ok(ck_regex_compile("a(b", err, 0) == NULL, "ERRSIZE may be 0");
	ok(ck_regex_compile("a(b", err, 8) == NULL && strcmp(err, "missing") == 0,
	   "the message is cut to ERRSIZE");
	ck_regex_free(NULL);
	ok(1, "ck_regex_free(NULL)");
}

static void
test_limits(void)
{
	char subject[64], err[256];
	char *big;
	ck_regex *re;
	size_t i, n = 1000000;

	memset(subject, 'a', 40);
	subject[40] = 'b';
	subject[41] = '\0';

	re = ck_regex_compile("(a+)+$", err, sizeof err);
	ok(re != NULL, "a catastrophic pattern compiles");
	err[0] = '\0';
	is_int(ck_regex_match(re, subject, strlen(subject), err, sizeof err), -1,
	       "it ends with an error, not a hang");
	is_str(err, "match limit exceeded", "the match limit");
	is_int(ck_regex_match(re, "aaa", 3, err, sizeof err), 1,
	       "the pattern is still usable");
	is_int(ck_regex_match(re, subject, strlen(subject), NULL, 0), -1,
	       "an error with ERR NULL");
	ck_regex_free(re);

	/* Twenty a's take a few million steps: PCRE2's own limit of ten
	 * million would let them end in "no match". */
	re = ck_regex_compile("(a+)+$", err, sizeof err);
	err[0] = '\0';
	is_int(ck_regex_match(re, subject + 20, strlen(subject + 20), err,
			      sizeof err), -1, "our match limit, not PCRE2's");
	is_str(err, "match limit exceeded", "the match limit");
	ck_regex_free(re);

	/* (*NO_JIT) makes PCRE2 skip the JIT compiler: the interpreter has
	 * the same limit. */
	re = ck_regex_compile("(*NO_JIT)(a+)+$", err, sizeof err);
	err[0] = '\0';
	is_int(ck_regex_match(re, subject, strlen(subject), err, sizeof err), -1,
	       "the interpreter ends with an error too");
	is_str(err, "match limit exceeded", "the match limit");
	ck_regex_free(re);

	/* A long subject and a pattern that backtracks once per character:
	 * the JIT stack must grow beyond PCRE2's 32 KiB default. */
	big = malloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = i % 2 == 0 ? 'a' : 'b';
	big[n] = '\0';
	re = ck_regex_compile("^(a|b)*$", err, sizeof err);
	is_int(ck_regex_match(re, big, 50000, err, sizeof err), 1,
	       "50000 characters of backtracking");
	ck_regex_free(re);

	/* The interpreter's frames are on the heap, under the heap limit. */
	re = ck_regex_compile("(*NO_JIT)^(a|b|c)*$", err, sizeof err);
	err[0] = '\0';
	is_int(ck_regex_match(re, big, n, err, sizeof err), -1,
	       "a million characters of backtracking is an error");
	is_str(err, "heap limit exceeded", "the heap limit, long before PCRE2's 20 GB");
	is_int(ck_regex_match(re, big, 1000, err, sizeof err), 1,
	       "a short subject after the error");
	ck_regex_free(re);
	free(big);
}

static void
test_subjects(void)
{
	char err[256];
	ck_regex *re;

	re = ck_regex_compile("b", err, sizeof err);
	is_int(ck_regex_match(re, "a\0b", 3, err, sizeof err), 1,
	       "a subject holding NUL is matched to its length");
	is_int(ck_regex_match(re, "abc", 1, err, sizeof err), 0,
	       "only LENGTH bytes are seen");
	is_int(ck_regex_match(re, NULL, 0, err, sizeof err), 0, "a NULL subject");
	err[0] = '\0';
	is_int(ck_regex_match(re, "\xff" "b", 2, err, sizeof err), -1,
	       "a subject that is not UTF-8 is an error");
	ok(strstr(err, "UTF-8 error") != NULL, "PCRE2 says so");
	is_int(ck_regex_match(re, "a\xc3", 2, err, sizeof err), -1,
	       "a cut UTF-8 sequence is an error");
	ck_regex_free(re);
}

static void
test_values(void)
{
	char err[256];
	ck_regex *re;
	json_t *v;

	re = ck_regex_compile("^open$", err, sizeof err);
	v = json_string("open");
	is_int(ck_regex_match_value(re, v, err, sizeof err), 1, "a string");
	json_decref(v);
	v = json_string("opened");
	is_int(ck_regex_match_value(re, v, err, sizeof err), 0, "another string");
	json_decref(v);
	v = json_pack("[s]", "open");
	is_int(ck_regex_match_value(re, v, err, sizeof err), 0, "an array never matches");
	json_decref(v);
	v = json_pack("{s:s}", "status", "open");
	is_int(ck_regex_match_value(re, v, err, sizeof err), 0, "an object never matches");
	json_decref(v);
	ck_regex_free(re);

	re = ck_regex_compile("^42$", err, sizeof err);
	v = json_integer(42);
	is_int(ck_regex_match_value(re, v, err, sizeof err), 1, "an integer's text");
	json_decref(v);
	ck_regex_free(re);

	re = ck_regex_compile("^1\\.5$", err, sizeof err);
	v = json_real(1.5);
	is_int(ck_regex_match_value(re, v, err, sizeof err), 1, "a real's text");
	json_decref(v);
	ck_regex_free(re);

	re = ck_regex_compile("^true$", err, sizeof err);
	is_int(ck_regex_match_value(re, json_true(), err, sizeof err), 1, "true");
	is_int(ck_regex_match_value(re, json_false(), err, sizeof err), 0, "false");
	ck_regex_free(re);

	re = ck_regex_compile("", err, sizeof err);
	is_int(ck_regex_match_value(re, json_null(), err, sizeof err), 0,
	       "null never matches, even the empty pattern");
	is_int(ck_regex_match_value(re, NULL, err, sizeof err), 0, "nor NULL");
	ck_regex_free(re);

	re = ck_regex_compile("^a\\x00b$", err, sizeof err);
	v = json_stringn("a\0b", 3);
	is_int(ck_regex_match_value(re, v, err, sizeof err), 1, "a string holding NUL");
	json_decref(v);
	ck_regex_free(re);

	re = ck_regex_compile("^\\w{6}$", err, sizeof err);
	v = json_string("S\xc3\xb8rens");
	is_int(ck_regex_match_value(re, v, err, sizeof err), 1, "a value in UTF-8");
	json_decref(v);
	ck_regex_free(re);
}

int
main(void)
{
	test_basics();
	test_utf();
	test_compile_errors();
	test_limits();
	test_subjects();
	test_values();
	return done_testing();
}
