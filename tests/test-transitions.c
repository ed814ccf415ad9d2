/* SPDX-License-Identifier: MPL-2.0 */
/* test-transitions.c — unit tests of lib/transitions.c: the standard
 * transitions planned from a birth date and a rule set's parameters,
 * plan on a record, finding a transition, and what upcoming shows. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static ck_date
day(const char *text)
{
	ck_date d = 0;

	if (!ck_date_parse(text, &d))
		printf("# bad date in the test: %s\n", text);
	return d;
}

static const char *
fmt(ck_date d)
{
	static char buf[4][CK_DATE_SIZE];
	static int n;

	n = (n + 1) % 4;
	return ck_date_format(d, buf[n]);
}

/* The plan of KIND among OUT, or NULL. */
static const ck_transition_plan *
planned(const ck_transition_plan *out, const char *kind)
{
	size_t i;

	for (i = 0; i < CK_TRANSITIONS_MAX && out[i].kind != NULL; i++)
		if (strcmp(out[i].kind, kind) == 0)
			return &out[i];
	return NULL;
}

static void
expect(const ck_transition_plan *out, const char *kind, const char *due,
       const char *prepare_from, const char *what)
{
	const ck_transition_plan *t = planned(out, kind);

	is_str(t != NULL ? fmt(t->due) : NULL, due, "%s: %s due", what, kind);
	is_str(t != NULL ? fmt(t->prepare_from) : NULL, prepare_from,
	       "%s: %s prepared from", what, kind);
}

static void
test_defaults(void)
{
	ck_transition_plan out[CK_TRANSITIONS_MAX];
	size_t i;

	ck_transitions_standard(NULL, day("2019-04-03"), out);
	expect(out, "daycare", "2020-04-03", "2019-10-03", "defaults");
	expect(out, "kindergarten", "2022-02-03", "2021-08-03", "defaults");
	expect(out, "school", "2025-08-01", "2024-08-01", "defaults");
	expect(out, "youth-education", "2035-08-01", "2034-08-01", "defaults");
	expect(out, "adult", "2037-04-03", "2035-04-03", "defaults (16th birthday, BL § 122)");
	for (i = 1; i < CK_TRANSITIONS_STANDARD; i++)
		ok(out[i - 1].due <= out[i].due, "in order of due (%zu)", i);
	is_str(out[0].kind, "daycare", "daycare first");
	is_str(out[4].kind, "adult", "adult last");
}

static void
test_school_year(void)
{
	ck_transition_plan out[CK_TRANSITIONS_MAX];

	/* A child starts school on 1 August of the year it turns 6: one
	 * born in August is 6 just before or on the day, one born in
	 * September or December is still 5. */
	ck_transitions_standard(NULL, day("2020-08-01"), out);
	expect(out, "school", "2026-08-01", "2025-08-01", "born 1 August");
	ck_transitions_standard(NULL, day("2020-08-31"), out);
	expect(out, "school", "2026-08-01", "2025-08-01", "born 31 August");
	ck_transitions_standard(NULL, day("2020-09-01"), out);
	expect(out, "school", "2026-08-01", "2025-08-01", "born 1 September: the same year");
	ck_transitions_standard(NULL, day("2020-12-31"), out);
	expect(out, "school", "2026-08-01", "2025-08-01", "born 31 December");
	expect(out, "youth-education", "2036-08-01", "2035-08-01", "born 31 December");
	ck_transitions_standard(NULL, day("2021-01-01"), out);
	expect(out, "school", "2027-08-01", "2026-08-01", "born 1 January: the next year");
}

static void
test_leap_day(void)
{
	ck_transition_plan out[CK_TRANSITIONS_MAX];

	/* Born 29 February: in a year without it, a birthday falls on the
	 * last day of February, as ck_date_add_months takes it. */
	ck_transitions_standard(NULL, day("2020-02-29"), out);
	expect(out, "daycare", "2021-02-28", "2020-08-28", "born 29 February: due minus 6m");
	expect(out, "kindergarten", "2022-12-29", "2022-06-29", "born 29 February");
	expect(out, "adult", "2038-02-28", "2036-02-29", "born 29 February: 16 in a leap year");
	ck_transitions_standard(NULL, day("2024-02-29"), out);
	expect(out, "adult", "2042-02-28", "2040-02-29", "born 29 February 2024");
	/* The last of a month: 2y10m from 31 January is the last of
	 * November, and 6 months before it the 30th of May. */
	ck_transitions_standard(NULL, day("2024-01-31"), out);
	expect(out, "kindergarten", "2026-11-30", "2026-05-30", "born 31 January");
	expect(out, "daycare", "2025-01-31", "2024-07-31", "born 31 January");
}

static void
test_prepare_from(void)
{
	ck_date d;

	ok(ck_transition_prepare_from(NULL, "school", day("2030-08-01"), &d) &&
	   d == day("2029-08-01"), "add: school prepared 12 months ahead");
	ok(ck_transition_prepare_from(NULL, "adult", day("2030-05-05"), &d) &&
	   d == day("2028-05-05"), "add: adult prepared 2 years ahead");
	ok(ck_transition_prepare_from(NULL, "daycare", day("2030-05-31"), &d) &&
	   d == day("2029-11-30"), "add: daycare 6 months ahead, month end kept");
	ok(!ck_transition_prepare_from(NULL, "own-home", day("2030-05-05"), &d),
	   "add: own-home has no lead");
	ok(!ck_transition_prepare_from(NULL, "job", day("2030-05-05"), &d), "add: job neither");
	ok(!ck_transition_prepare_from(NULL, "respite-home", day("2030-05-05"), &d),
	   "add: a set's own kind neither");
	ok(!ck_transition_prepare_from(NULL, NULL, day("2030-05-05"), &d), "no kind: false");
}

static json_t *
record(const char *text)
{
	json_error_t err;
	json_t *rec = json_loads(text, 0, &err);

	if (rec == NULL)
		printf("# bad JSON in the test: %s\n", err.text);
	return rec;
}

static char *
dump(const json_t *json)
{
	return json_dumps(json, JSON_COMPACT);
}

#define CASE "{\"format\":\"casekit/1\",\"id\":\"0101-2026-0001\",\"opened\":\"2026-11-02\"," \
	"\"status\":\"open\",\"municipality\":\"0101\",\"pathway\":\"disability\""

static void
test_plan(void)
{
	json_t *rec, *added;
	ck_problem p;
	char *text;

	/* Born 2019-04-03, T 2026-11-22: school was in 2025. */
	rec = record(CASE ",\"child\":{\"born\":\"2019-04-03\"},\"events\":[]}");
	added = ck_transitions_plan(rec, NULL, day("2026-11-22"), &p);
	text = dump(added);
	is_str(text, "[\"youth-education\",\"adult\"]", "plan: only the transitions ahead");
	free(text);
	json_decref(added);
	text = dump(json_object_get(rec, "transitions"));
	is_str(text, "[{\"kind\":\"youth-education\",\"due\":\"2035-08-01\",\"prepare_from\":"
	       "\"2034-08-01\",\"status\":\"planned\"},{\"kind\":\"adult\",\"due\":\"2037-04-03\","
	       "\"prepare_from\":\"2035-04-03\",\"status\":\"planned\"}]",
	       "plan: members in casekit(5) order, status planned");
	free(text);
	ok(ck_validate(rec, &p), "plan: the record stays valid");
	{
		void *it = json_object_iter_next(rec, json_object_iter_at(rec, "transitions"));

		is_str(it != NULL ? json_object_iter_key(it) : NULL, "events",
		       "plan: transitions placed before events");
	}
	added = ck_transitions_plan(rec, NULL, day("2026-11-22"), &p);
	is_int(json_array_size(added), 0, "plan again: nothing added (idempotent)");
	is_int(json_array_size(json_object_get(rec, "transitions")), 2,
	       "plan again: still two transitions");
	json_decref(added);
	json_decref(rec);

	/* T on the due day: the transition has happened, and is not added;
	 * the day before it is. */
	rec = record(CASE ",\"child\":{\"born\":\"2019-04-03\"}}");
	added = ck_transitions_plan(rec, NULL, day("2025-08-01"), &p);
	text = dump(added);
	is_str(text, "[\"youth-education\",\"adult\"]", "T on school's due day: school not added");
	free(text);
	json_decref(added);
	json_decref(rec);
	rec = record(CASE ",\"child\":{\"born\":\"2019-04-03\"}}");
	added = ck_transitions_plan(rec, NULL, day("2025-07-31"), &p);
	text = dump(added);
	is_str(text, "[\"school\",\"youth-education\",\"adult\"]", "T the day before: school added");
	free(text);
	json_decref(added);
	json_decref(rec);

	/* A kind the case has is never added, whatever its dates. */
	rec = record(CASE ",\"child\":{\"born\":\"2026-01-10\"},\"transitions\":"
		     "[{\"kind\":\"school\",\"due\":\"2033-08-01\",\"status\":\"preparing\"}]}");
	added = ck_transitions_plan(rec, NULL, day("2026-11-22"), &p);
	text = dump(added);
	is_str(text, "[\"daycare\",\"kindergarten\",\"youth-education\",\"adult\"]",
	       "a newborn: all but the school the case has, in order of due");
	free(text);
	json_decref(added);
	text = dump(json_array_get(json_object_get(rec, "transitions"), 0));
	is_str(text, "{\"kind\":\"school\",\"due\":\"2033-08-01\",\"status\":\"preparing\"}",
	       "the transition the case had is untouched and first");
	free(text);
	ok(ck_validate(rec, &p), "the record stays valid");
	json_decref(rec);

	/* Over 18: nothing ahead. */
	rec = record(CASE ",\"child\":{\"born\":\"2008-01-10\"}}");
	added = ck_transitions_plan(rec, NULL, day("2026-11-22"), &p);
	is_int(json_array_size(added), 0, "over 18: nothing planned");
	ok(json_object_get(rec, "transitions") == NULL, "over 18: no empty transitions array");
	json_decref(added);
	json_decref(rec);

	/* Without a birth date plan cannot work. */
	rec = record(CASE ",\"child\":{\"name\":\"X\"}}");
	ok(ck_transitions_plan(rec, NULL, day("2026-11-22"), &p) == NULL, "no child.born: NULL");
	is_str(p.field, "child.born", "no child.born: the field named");
	is_str(p.message, "missing: plan needs the birth date", "no child.born: the message");
	ok(json_object_get(rec, "transitions") == NULL, "no child.born: the record untouched");
	json_decref(rec);
	/* plan as a change: a case without a birth date is left as it is,
	 * with a notice, not refused (a store's plan goes on). */
	{
		ck_change *c;
		char *before;
		char *after;

		rec = record(CASE ",\"child\":{\"name\":\"X\"}}");
		before = json_dumps(rec, JSON_COMPACT);
		c = ck_change_begin_case(rec, "case-transition", "plan");
		ok(ck_transition_plan_case(c, NULL, day("2026-11-22"), &p),
		   "plan_case, no child.born: not refused");
		is_str(p.field, "child.born", "plan_case, no child.born: the notice names the field");
		is_str(p.message, "missing: the case is not planned (plan needs the birth date)",
		       "plan_case, no child.born: the notice");
		is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "plan_case, no child.born: no change, no event");
		after = json_dumps(rec, JSON_COMPACT);
		is_str(after, before, "plan_case, no child.born: the case as it was");
		free(before);
		free(after);
		json_decref(rec);
		rec = record(CASE ",\"child\":{\"name\":\"X\",\"born\":\"2019-02-30\"}}");
		c = ck_change_begin_case(rec, "case-transition", "plan");
		ok(!ck_transition_plan_case(c, NULL, day("2026-11-22"), &p),
		   "plan_case, a birth date that is no date: refused");
		ck_change_abandon(c);
		json_decref(rec);
	}
	rec = record(CASE "}");
	ok(ck_transitions_plan(rec, NULL, day("2026-11-22"), &p) == NULL && 
	   strcmp(p.field, "child.born") == 0, "no child at all: child.born named");
	json_decref(rec);
	rec = record(CASE ",\"child\":{\"born\":\"2019-02-30\"}}");
	ok(ck_transitions_plan(rec, NULL, day("2026-11-22"), &p) == NULL &&
	   strcmp(p.message, "not a date (YYYY-MM-DD)") == 0, "child.born not a date: said so");
	json_decref(rec);
}

static void
test_find_and_new(void)
{
	json_t *rec, *t;
	size_t index = 99;
	ck_date d = day("2030-01-02"), pf = day("2029-01-02");
	char *text;

	rec = record(CASE ",\"transitions\":[{\"kind\":\"school\",\"due\":\"2025-08-01\"},"
		     "{\"kind\":\"adult\",\"due\":\"2030-01-01\",\"status\":\"done\"}]}");
	t = ck_transition_find(rec, "adult", &index);
	ok(t != NULL && index == 1, "find: adult is the second");
	ok(ck_transition_find(rec, "job", &index) == NULL, "find: no job");
	ok(ck_transition_find(rec, "school", NULL) != NULL, "find: INDEX may be NULL");
	ok(ck_transition_find(rec, NULL, NULL) == NULL, "find: no kind, nothing");
	ok(ck_transition_done(t), "done: status done");
	ok(!ck_transition_done(ck_transition_find(rec, "school", NULL)), "done: no status, not done");
	ok(ck_transition_date(t, "due", &d) && d == day("2030-01-01"), "date: due");
	ok(!ck_transition_date(t, "started", &d), "date: absent");
	json_decref(rec);
	rec = record(CASE "}");
	ok(ck_transition_find(rec, "school", NULL) == NULL, "find: a case without transitions");
	json_decref(rec);

	d = day("2030-01-02");
	t = ck_transition_new("job", d, &pf);
	text = dump(t);
	is_str(text, "{\"kind\":\"job\",\"due\":\"2030-01-02\",\"prepare_from\":\"2029-01-02\","
	       "\"status\":\"planned\"}", "new: with prepare_from");
	free(text);
	json_decref(t);
	t = ck_transition_new("job", d, NULL);
	text = dump(t);
	is_str(text, "{\"kind\":\"job\",\"due\":\"2030-01-02\",\"status\":\"planned\"}",
	       "new: without prepare_from");
	free(text);
	json_decref(t);
}

static void
test_upcoming(void)
{
	ck_duration w;
	ck_date today = day("2026-11-22");
	json_t *t, *rec;

	ck_duration_parse("3m", &w);
#define T(json) (json_decref(t), t = record(json))
	t = NULL;
	T("{\"kind\":\"school\",\"due\":\"2027-02-22\",\"status\":\"planned\"}");
	ok(ck_transition_upcoming(t, today, w), "due on T + 3m: upcoming");
	T("{\"kind\":\"school\",\"due\":\"2027-02-23\",\"status\":\"planned\"}");
	ok(!ck_transition_upcoming(t, today, w), "due the day after: not");
	T("{\"kind\":\"school\",\"due\":\"2026-11-22\"}");
	ok(ck_transition_upcoming(t, today, w), "due on T: upcoming");
	T("{\"kind\":\"school\",\"due\":\"2026-01-01\",\"status\":\"preparing\"}");
	ok(ck_transition_upcoming(t, today, w), "due passed, not done: upcoming");
	T("{\"kind\":\"school\",\"due\":\"2026-01-01\",\"status\":\"done\"}");
	ok(!ck_transition_upcoming(t, today, w), "done: never");
	T("{\"kind\":\"school\",\"due\":\"2028-01-01\",\"prepare_from\":\"2026-11-22\"}");
	ok(ck_transition_upcoming(t, today, w), "prepare_from on T: upcoming");
	T("{\"kind\":\"school\",\"due\":\"2028-01-01\",\"prepare_from\":\"2027-02-22\"}");
	ok(ck_transition_upcoming(t, today, w), "prepare_from on T + 3m: upcoming");
	T("{\"kind\":\"school\",\"due\":\"2028-01-01\",\"prepare_from\":\"2026-11-21\"}");
	ok(!ck_transition_upcoming(t, today, w), "prepare_from passed, due ahead: not");
	T("{\"kind\":\"school\",\"due\":\"2028-01-01\",\"prepare_from\":\"2027-03-01\"}");
	ok(!ck_transition_upcoming(t, today, w), "both beyond the window: not");
	T("{\"kind\":\"job\"}");
	ok(!ck_transition_upcoming(t, today, w), "no dates: not");
	T("{\"kind\":\"job\",\"prepare_from\":\"2027-01-01\"}");
	ok(ck_transition_upcoming(t, today, w), "prepare_from only, in the window: upcoming");
	ok(!ck_transition_upcoming(NULL, today, w), "NULL: not");
	json_decref(t);
#undef T

	rec = record(CASE ",\"transitions\":[{\"kind\":\"school\",\"due\":\"2025-08-01\","
		     "\"status\":\"done\"},{\"kind\":\"adult\",\"due\":\"2027-01-01\"}]}");
	ok(ck_case_transition_upcoming(rec, today, w), "a case: its second transition counts");
	json_object_set_new(rec, "status", json_string("closed"));
	ok(!ck_case_transition_upcoming(rec, today, w), "a closed case: never");
	json_decref(rec);
	rec = record(CASE "}");
	ok(!ck_case_transition_upcoming(rec, today, w), "a case without transitions: not");
	json_decref(rec);
}

static void
test_due_month(void)
{
	ck_date today = day("2026-11-22");
	json_t *t;

	t = record("{\"kind\":\"school\",\"due\":\"2026-11-22\"}");
	is_int(ck_transition_due_month(t, today), 0, "due on T: month 0");
	json_decref(t);
	t = record("{\"kind\":\"school\",\"due\":\"2026-11-30\"}");
	is_int(ck_transition_due_month(t, today), 0, "due later in T's month: month 0");
	json_decref(t);
	t = record("{\"kind\":\"school\",\"due\":\"2027-08-01\"}");
	is_int(ck_transition_due_month(t, today), 9, "August next year: month 9");
	json_decref(t);
	t = record("{\"kind\":\"school\",\"due\":\"2026-11-21\"}");
	is_int(ck_transition_due_month(t, today), -1, "due before T: -1");
	json_decref(t);
	t = record("{\"kind\":\"school\",\"due\":\"2027-08-01\",\"status\":\"done\"}");
	is_int(ck_transition_due_month(t, today), -1, "done: -1");
	json_decref(t);
	t = record("{\"kind\":\"school\"}");
	is_int(ck_transition_due_month(t, today), -1, "no due: -1");
	json_decref(t);
}

/* Parameters from the sets: the example local set extends the shipped
 * rare-disability with 18-month leads; se-samordning plans
 * förskoleklass from 3 years. */
static void
test_sets(void)
{
	const char *top = getenv("top_srcdir");
	char value[1024];
	ck_rulebook *book;
	const ck_ruleset *set;
	ck_transition_plan out[CK_TRANSITIONS_MAX];
	json_t *rec, *added;
	ck_problem p;
	ck_date d;
	char *text;

	if (top == NULL || *top == '\0') {
		ok(1, "# SKIP top_srcdir is not set: the rule sets are not tested");
		return;
	}
	setenv("CASEKIT_CONFIG", "/dev/null", 1);
	snprintf(value, sizeof value, "%s/examples/local-rules:%s/rules", top, top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	set = ck_rulebook_get(book, "rare-disability");
	ok(set != NULL, "the local rare-disability loads");
	ck_transitions_standard(set, day("2019-04-03"), out);
	expect(out, "school", "2025-08-01", "2024-02-01", "local set, 18m lead");
	expect(out, "youth-education", "2035-08-01", "2034-02-01", "local set, 18m lead");
	expect(out, "daycare", "2020-04-03", "2019-10-03", "local set, inherited lead");
	expect(out, "adult", "2037-04-03", "2035-04-03", "local set, inherited adult ages");
	ok(ck_transition_prepare_from(set, "school", day("2031-08-01"), &d) &&
	   d == day("2030-02-01"), "local set: add takes the 18m lead too");
	ok(ck_ruleset_transition_kind(set, "respite-home"), "local set: its own kind");

	rec = record(CASE ",\"pathway\":\"rare-disability\",\"child\":{\"born\":\"2021-03-01\"}}");
	added = ck_transitions_plan(rec, set, day("2026-11-22"), &p);
	text = dump(json_object_get(rec, "transitions"));
	is_str(text, "[{\"kind\":\"school\",\"due\":\"2027-08-01\",\"prepare_from\":\"2026-02-01\","
	       "\"status\":\"planned\"},{\"kind\":\"youth-education\",\"due\":\"2037-08-01\","
	       "\"prepare_from\":\"2036-02-01\",\"status\":\"planned\"},{\"kind\":\"adult\","
	       "\"due\":\"2039-03-01\",\"prepare_from\":\"2037-03-01\",\"status\":\"planned\"}]",
	       "plan with the local set: its leads");
	free(text);
	json_decref(added);
	json_decref(rec);

	/* Sweden: förskola from 1 year, förskoleklass the year the child
	 * turns 6, grundskola the year it turns 7, gymnasieskola the year
	 * it turns 16, adult life (vuxenhabilitering, LSS for adults) at
	 * 18, prepared from 16. */
	set = ck_rulebook_get(book, "se-samordning");
	if (set != NULL) {
		ok(ck_transitions_standard(set, day("2021-03-01"), out) == 5, "se-samordning: five");
		expect(out, "preschool", "2022-03-01", "2021-09-01", "se-samordning");
		expect(out, "preschool-class", "2027-08-01", "2026-08-01", "se-samordning");
		expect(out, "school", "2028-08-01", "2028-02-01", "se-samordning");
		expect(out, "upper-secondary", "2037-08-01", "2036-08-01", "se-samordning");
		expect(out, "adult", "2039-03-01", "2037-03-01", "se-samordning");
		ok(planned(out, "daycare") == NULL && planned(out, "kindergarten") == NULL &&
		   planned(out, "youth-education") == NULL, "se-samordning: no Danish transitions");
		is_str(out[1].kind, "preschool-class", "se-samordning: in order of due");
		ck_transitions_standard(set, day("2021-12-31"), out);
		expect(out, "preschool-class", "2027-08-01", "2026-08-01",
		       "se-samordning, born 31 December: the year it turns 6");
		ok(ck_transition_prepare_from(set, "upper-secondary", day("2037-08-01"), &d) &&
		   d == day("2036-08-01"), "se-samordning: add takes the kind's lead");
	} else {
		ok(0, "se-samordning loads");
	}
	ck_rulebook_free(book);

	/* Odd parameters: daycare after kindergarten, preparation for
	 * adulthood after the 18th birthday. The order follows due, and
	 * nothing is prepared after it is due. */
	{
		char dir[] = "/tmp/test-transitions-XXXXXX", file[64];
		FILE *f = NULL;

		if (mkdtemp(dir) != NULL) {
			snprintf(file, sizeof file, "%s/odd.json", dir);
			f = fopen(file, "w");
		}
		if (f == NULL) {
			ok(0, "a temporary set file");
			return;
		}
		fputs("{\"name\": \"odd\", \"parameters\": {\"daycare_age\": \"3y\", "
		      "\"kindergarten_age\": \"2y\", \"adult_age\": \"18y\", "
		      "\"adult_prepare_age\": \"19y\", \"school_age\": 7}}\n", f);
		fclose(f);
		snprintf(value, sizeof value, "%s/rules", top);
		setenv("CASEKIT_RULES_PATH", value, 1);
		book = ck_rulebook_load(file);
		set = ck_rulebook_for(book, "disability");
		is_str(set != NULL ? ck_ruleset_name(set) : NULL, "odd", "--rules: the odd set");
		ck_transitions_standard(set, day("2020-05-05"), out);
		is_str(out[0].kind, "kindergarten", "odd set: kindergarten first, by due");
		is_str(out[1].kind, "daycare", "odd set: then daycare");
		expect(out, "daycare", "2023-05-05", "2022-11-05", "odd set");
		expect(out, "school", "2027-08-01", "2026-08-01", "odd set: school at 7");
		expect(out, "adult", "2038-05-05", "2038-05-05", "odd set: prepared at most from due");
		ok(ck_transition_prepare_from(set, "adult", day("2038-05-05"), &d) &&
		   d == day("2038-05-05"), "odd set: add clamps too");
		ck_rulebook_free(book);
		unlink(file);
		rmdir(dir);
	}
	/* A set's own kinds, planned: an age as a duration or as whole
	 * years, a lead or an age to prepare from; planned_transitions
	 * says which and is inherited. */
	{
		char dir[] = "/tmp/test-transitions-XXXXXX", file[96], child[96];
		FILE *f = NULL, *g = NULL;

		if (mkdtemp(dir) != NULL) {
			snprintf(file, sizeof file, "%s/own.json", dir);
			snprintf(child, sizeof child, "%s/child.json", dir);
			f = fopen(file, "w");
			g = fopen(child, "w");
		}
		if (f == NULL || g == NULL) {
			ok(0, "temporary set files");
			return;
		}
		fputs("{\"name\": \"own\", \"transition_kinds\": [\"camp\", \"year-six\"], "
		      "\"parameters\": {\"camp_age\": \"5y\", \"camp_lead\": \"2m\", "
		      "\"year_six_age\": 12, \"year_six_prepare_age\": \"11y\"}, "
		      "\"planned_transitions\": [\"year-six\", \"camp\", \"adult\"]}\n", f);
		fclose(f);
		fputs("{\"name\": \"child\", \"extends\": \"own\", "
		      "\"parameters\": {\"camp_lead\": \"3m\"}}\n", g);
		fclose(g);
		setenv("CASEKIT_RULES_PATH", dir, 1);
		book = ck_rulebook_load(NULL);
		set = ck_rulebook_get(book, "own");
		ok(set != NULL && ck_transitions_standard(set, day("2020-05-05"), out) == 3,
		   "own kinds: three planned");
		is_str(out[0].kind, "camp", "own kinds: in order of due, camp first");
		is_str(out[1].kind, "year-six", "own kinds: then year-six");
		is_str(out[2].kind, "adult", "own kinds: then adult");
		ok(out[3].kind == NULL, "own kinds: nothing after the last");
		expect(out, "camp", "2025-05-05", "2025-03-05", "own kinds: an age and a lead");
		expect(out, "year-six", "2032-08-01", "2031-05-05",
		       "own kinds: 1 August of the year turned, prepared from an age");
		ok(ck_ruleset_planned(set, 3) == NULL, "own kinds: ck_ruleset_planned ends");
		ok(!ck_transition_prepare_from(set, "year-six", day("2032-08-01"), &d),
		   "own kinds: add has no lead from whole years");
		ok(ck_transition_prepare_from(set, "camp", day("2030-05-05"), &d) &&
		   d == day("2030-03-05"), "own kinds: add takes the lead");
		set = ck_rulebook_get(book, "child");
		ok(set != NULL && ck_transitions_standard(set, day("2020-05-05"), out) == 3,
		   "own kinds: the list is inherited");
		expect(out, "camp", "2025-05-05", "2025-02-05", "own kinds: a lead changed below");
		ck_rulebook_free(book);
		unlink(file);
		unlink(child);
		rmdir(dir);
	}
	ok(ck_ruleset_planned(NULL, 0) != NULL && strcmp(ck_ruleset_planned(NULL, 0), "daycare") == 0
	   && ck_ruleset_planned(NULL, 5) == NULL, "no set: casekit's five");
	unsetenv("CASEKIT_RULES_PATH");
}

int
main(void)
{
	ck_init("test-transitions");
	test_defaults();
	test_school_year();
	test_leap_day();
	test_prepare_from();
	test_plan();
	test_find_and_new();
	test_upcoming();
	test_due_month();
	test_sets();
	return done_testing();
}
