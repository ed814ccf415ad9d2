/* SPDX-License-Identifier: MPL-2.0 */
/* judge.h — helpers of the unit tests that judge cases by rule sets
 * (test-checklist.c, test-law.c): test sets written into a folder,
 * records judged, and findings compared as compact JSON. Header-only,
 * like fixtures.h; include it after tap.h and fixtures.h. T is
 * 2026-11-22 and W 30d unless a test says otherwise. */
#ifndef CK_TEST_JUDGE_H
#define CK_TEST_JUDGE_H

#define T0 "2026-11-22"
#define W0 "30d"
#define SHOW CK_JUDGE_SHOW_OK

static char root[] = "/tmp/casekit-test-judge.XXXXXX";
static ck_rulebook *book;
static int records_changed;

static inline ck_duration
dur(const char *text)
{
	ck_duration d = { 0, 0 };

	if (!ck_duration_parse(text, &d))
		printf("# bad duration in the test: %s\n", text);
	return d;
}

/* Writes the set NAME with the rules RULES (the inside of its array,
 * ' for ") into the test folder. */
static inline void
write_set(const char *name, const char *rules)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s.json", root, name);
	f = fopen(path, "w");
	if (f == NULL || fprintf(f, "{\"name\": \"%s\", \"rules\": [%s]}\n", name, q(rules)) < 0
	    || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

/* Judges the record TEXT (' for ") by the set NAME of the current book
 * on day TODAY with window WITHIN. Returns the result (new) or NULL.
 * Counts a record that the judgement changed. */
static inline json_t *
judge(const char *name, const char *text, const char *today, const char *within,
      unsigned flags)
{
	const ck_ruleset *set = ck_rulebook_get(book, name);
	json_error_t err;
	json_t *rec, *res = NULL;
	ck_judge *judge;
	char *before, *after;

	if (set == NULL) {
		printf("# no set %s\n", name);
		return NULL;
	}
	rec = json_loads(q(text), 0, &err);
	if (rec == NULL) {
		printf("# bad JSON in the test: %s (column %d)\n", err.text, err.column);
		return NULL;
	}
	judge = ck_judge_new(set);
	before = json_dumps(rec, JSON_COMPACT);
	if (judge != NULL)
		res = ck_judge_case(judge, rec, day(today), dur(within), flags);
	after = json_dumps(rec, JSON_COMPACT);
	if (before == NULL || after == NULL || strcmp(before, after) != 0)
		records_changed++;
	free(before);
	free(after);
	ck_judge_free(judge);
	json_decref(rec);
	return res;
}

/* The whole result, as compact JSON. */
static inline const char *
result(const char *name, const char *text, const char *today, const char *within,
       unsigned flags)
{
	json_t *res = judge(name, text, today, within, flags);
	const char *out = dump_kept(res);

	json_decref(res);
	return out;
}

/* The result's findings, as compact JSON. */
static inline const char *
findings(const char *name, const char *text, const char *today, const char *within,
	 unsigned flags)
{
	json_t *res = judge(name, text, today, within, flags);
	const char *out = dump_kept(json_object_get(res, "findings"));

	json_decref(res);
	return out;
}

/* The findings of rule RULE only, as compact JSON. */
static inline const char *
of_rule(const char *name, const char *text, const char *today, const char *within,
	unsigned flags, const char *rule)
{
	json_t *res = judge(name, text, today, within, flags), *some, *f;
	const char *out, *id;
	size_t i;

	if (res == NULL || json_object_get(res, "findings") == NULL) {
		json_decref(res);
		return "(nothing)";
	}
	some = json_array();
	json_array_foreach(json_object_get(res, "findings"), i, f) {
		id = json_string_value(json_object_get(f, "rule"));
		if (id != NULL && strcmp(id, rule) == 0)
			json_array_append(some, f);
	}
	out = dump_kept(some);
	json_decref(some);
	json_decref(res);
	return out;
}

/* The findings (of rule RULE, or all when it is NULL) as
 * "rule:status[:item]", separated by spaces: for the tests that pin down
 * which findings there are and not their dates. */
static inline const char *
summary(const char *name, const char *text, const char *today, const char *within,
	unsigned flags, const char *rule)
{
	json_t *res = judge(name, text, today, within, flags), *f;
	char buf[8192];
	size_t used = 0, i;

	buf[0] = '\0';
	if (res == NULL || json_object_get(res, "findings") == NULL) {
		json_decref(res);
		return "(nothing)";
	}
	json_array_foreach(json_object_get(res, "findings"), i, f) {
		const char *item = json_string_value(json_object_get(f, "item"));
		const char *id = json_string_value(json_object_get(f, "rule"));

		if (rule != NULL && (id == NULL || strcmp(id, rule) != 0))
			continue;
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s:%s%s%s",
					 used > 0 ? " " : "",
					 json_string_value(json_object_get(f, "rule")),
					 json_string_value(json_object_get(f, "status")),
					 item != NULL ? ":" : "", item != NULL ? item : "");
		if (used >= sizeof buf)
			break;
	}
	json_decref(res);
	return keep(strdup(buf));
}

/* Compare the findings with the expected text (' for "). */
#define CHECK(set, rec, want, ...) \
	is_str(findings(set, rec, T0, W0, 0), q(want), __VA_ARGS__)
#define CHECK_OK(set, rec, want, ...) \
	is_str(findings(set, rec, T0, W0, SHOW), q(want), __VA_ARGS__)
#define CHECK_AT(set, rec, today, within, flags, want, ...) \
	is_str(findings(set, rec, today, within, flags), q(want), __VA_ARGS__)
#define SUMMARY(set, rec, want, ...) \
	is_str(summary(set, rec, T0, W0, SHOW, NULL), want, __VA_ARGS__)

/* A rule of the test sets: basis local, ref "T ID", the texts. */
#define TEXTS ",'message':{'en':'M'},'reminder':{'en':'N'}}"
#define RULE(id, fields) "{'id':'" id "','basis':'local','ref':'T " id "'," fields TEXTS

/* The findings of those rules: F plain, FD with due, FI with item, FDI
 * with both, members in the order rule, ref, basis, status, due, item. */
#define F(r, s) "{'rule':'" r "','ref':'T " r "','basis':'local','status':'" s "'}"
#define FD(r, s, d) "{'rule':'" r "','ref':'T " r "','basis':'local','status':'" s \
	"','due':'" d "'}"
#define FI(r, s, i) "{'rule':'" r "','ref':'T " r "','basis':'local','status':'" s \
	"','item':'" i "'}"
#define FDI(r, s, d, i) "{'rule':'" r "','ref':'T " r "','basis':'local','status':'" s \
	"','due':'" d "','item':'" i "'}"

#endif
