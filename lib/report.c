/* SPDX-License-Identifier: MPL-2.0 */
/* report.c — the figures of case-report: counted case by case into
 * counters that hold no identity, then turned into one report object
 * with small counts suppressed.
 *
 * The counters are JSON: plain counts, and per-day histograms for the
 * response times (so that medians stay exact when counters are added).
 * That is also the partial a municipality may share (casekit-partial/1):
 * merging partials is adding counters. Every breakdown (municipality,
 * team, pathway, coordinator) is counted on every run, so a partial
 * serves any --by. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

#define PARTIAL_FORMAT "casekit-partial/1"

/* The group of a case without the field it is grouped by. */
#define NO_GROUP "-"
/* The paragraph of a decision whose paragraph casekit cannot read
 * (casekit(5), Paragraphs). Not its own text: that is whatever a case
 * system let someone type, and a report leaves the municipality. */
#define UNREAD_PARAGRAPH "?"

static const char *const by_names[] = {
	[CK_BY_NONE] = NULL,
	[CK_BY_MUNICIPALITY] = "municipality",
	[CK_BY_TEAM] = "team",
	[CK_BY_PATHWAY] = "pathway",
	[CK_BY_COORDINATOR] = "coordinator",
};
#define N_BY (sizeof by_names / sizeof by_names[0])

static const char *const closed_reasons[] = {
	"moved", "turned-18", "no-need", "died", "other", NULL
};
static const char *const bases[] = { "law", "recommendation", "local", NULL };
/* The statuses a report counts. A law's finding on a duty from before
 * casekit followed the case (design section 4, "Cases casekit began
 * following late") is counted apart, as before_followed, whatever its
 * status but waived: an old breach is not this year's. */
static const char *const counted_statuses[] = {
	"missing", "overdue", "due", "waived", "before_followed", NULL
};
/* The appeal body's results (complaint.outcome.result). */
static const char *const complaint_results[] = {
	"confirmed", "changed", "remitted", "dismissed", NULL
};
static const char *const complaint_figures[] = {
	"received", "upheld", "sent_on", "confirmed", "changed", "remitted", "dismissed", NULL
};

/* The response times: each is judged by the deadline of its own rule. */
enum measure {
	AWARE_TO_ASSESSMENT_STARTED,
	AWARE_TO_CHILD_ASSESSMENT_DONE,
	APPLIED_TO_DECIDED,
	DECIDED_TO_STARTED,
	N_MEASURES
};

static const struct {
	const char *name;
	const char *rule;
} measures[N_MEASURES] = {
	{ "aware_to_assessment_started", "assessment-start" },
	{ "aware_to_child_assessment_done", "assessment-deadline" },
	{ "applied_to_decided", "decision-deadline" },
	{ "decided_to_started", "intervention-start" },
};

/* Medians and 90th percentiles only from this many units on. */
#define PERCENTILE_MIN_N 20
/* The largest count, and the largest sum of counts, a report holds: what
 * a double holds exactly (2^53 - 1), so that jq and spreadsheets read
 * it as written and the report's arithmetic (a share, a bar's length,
 * a rank) cannot overflow. Partials are checked against it. */
#define COUNT_MAX ((json_int_t)9007199254740991)
/* The most days a response time can take: years 1 to 9999. */
#define DAYS_MAX 3652059L
/* Transitions due per month, this many months ahead. */
#define MONTHS_AHEAD 24

/* The period response times and complaints count over by default. */
#define PERIOD_DEFAULT "12m"

struct ck_report {
	const ck_rulebook *rules;
	ck_date today;
	ck_date year_ago;       /* "the last 12 months": after this day */
	char period[32];        /* the period's text ("12m"), or "all" */
	bool has_period;        /* false: all time */
	ck_date period_start;   /* the period: after this day, up to today */
	json_t *all;            /* the counters of every case */
	json_t *by;             /* {"municipality": {KEY: counters}, …} */
	size_t stale;           /* checklists not as of today, or of another set */
	unsigned groups;        /* bit 1 << B: the cases are counted by B */
	bool merged;            /* a partial was merged: no coordinators */
};

const char *
ck_by_name(ck_by by)
{
	return (unsigned)by < N_BY ? by_names[by] : NULL;
}

int
ck_by_parse(const char *text)
{
	size_t i;

	for (i = 1; text != NULL && i < N_BY; i++)
		if (strcmp(by_names[i], text) == 0)
			return (int)i;
	return -1;
}

ck_report *
ck_report_new(const ck_rulebook *rules, ck_date today)
{
	ck_report *r = xcalloc(1, sizeof *r);

	r->rules = rules;
	r->today = today;
	r->year_ago = ck_date_add_months(today, -12);
	if (!ck_report_set_period(r, PERIOD_DEFAULT))
		abort();
	r->all = json_object();
	r->by = json_object();
	oom_unless(r->all != NULL && r->by != NULL);
	r->groups = ~0u;
	return r;
}

void
ck_report_count_groups(ck_report *r, unsigned groups)
{
	/* The sets of the pathways counted name the rules' titles. */
	r->groups = groups | 1u << CK_BY_PATHWAY;
}

bool
ck_report_set_period(ck_report *r, const char *period)
{
	ck_duration d;

	if (period == NULL || strcmp(period, "all") == 0) {
		r->has_period = false;
		snprintf(r->period, sizeof r->period, "all");
		return true;
	}
	/* A period is a length of time back from today: never negative,
	 * never nothing. */
	if (strlen(period) >= sizeof r->period || !ck_duration_parse(period, &d) ||
	    d.months < 0 || d.days < 0 || (d.months == 0 && d.days == 0))
		return false;
	d.months = -d.months;
	d.days = -d.days;
	r->has_period = true;
	r->period_start = ck_date_add(r->today, d);
	snprintf(r->period, sizeof r->period, "%s", period);
	return true;
}

const char *
ck_report_period(const ck_report *r)
{
	return r->period;
}

void
ck_report_free(ck_report *r)
{
	if (r == NULL)
		return;
	json_decref(r->all);
	json_decref(r->by);
	free(r);
}

/* ---------------------------------------------------------------------
 * Counters
 */

/* The object at KEY in OBJECT, made when missing. Borrowed. */
static json_t *
sub(json_t *object, const char *key)
{
	json_t *child = json_object_get(object, key);

	if (child == NULL) {
		child = json_object();
		oom_unless(child != NULL && json_object_set_new(object, key, child) == 0);
	}
	return child;
}

/* Adds N (0 to COUNT_MAX) to the count at KEY; false, the count left as
 * it was, when the sum would pass COUNT_MAX. */
static bool
count(json_t *object, const char *key, json_int_t n)
{
	json_t *value = json_object_get(object, key);

	if (value == NULL) {
		oom_unless(json_object_set_new(object, key, json_integer(n)) == 0);
		return true;
	}
	if (json_integer_value(value) > COUNT_MAX - n)
		return false;
	json_integer_set(value, json_integer_value(value) + n);
	return true;
}

static const char *
text_of(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

static bool
date_of(const json_t *object, const char *key, ck_date *out)
{
	const char *text = text_of(object, key);

	return text != NULL && ck_date_parse(text, out);
}

/* True when D falls in the last 12 months: after a year ago, by today. */
static bool
in_last_year(const ck_report *r, ck_date d)
{
	return d > r->year_ago && d <= r->today;
}

/* True when D falls in the report's period: after its start, by today
 * (any day for all time). */
static bool
in_period(const ck_report *r, ck_date d)
{
	return !r->has_period || (d > r->period_start && d <= r->today);
}

/* The deadline of RULE in the case's set: the rule's "within". */
static bool
rule_within(const ck_ruleset *set, const char *rule, ck_duration *out)
{
	const json_t *def = set != NULL ? ck_ruleset_rule(set, rule) : NULL;
	const char *text = text_of(def, "within");

	return text != NULL && ck_duration_parse(text, out);
}

/* One unit of a response time: started FROM, finished on DONE (NULL:
 * not yet). Finished units go into the histogram of whole days; within
 * and late by the deadline, when the set has the rule (the unfinished
 * are late once the deadline has passed, and stay out of the median;
 * those of a closed case will never finish and are not counted). */
static void
count_time(const ck_report *r, bool open, json_t *m, const ck_ruleset *set,
	   enum measure which, ck_date from, const ck_date *done)
{
	ck_duration within;
	bool has_deadline = rule_within(set, measures[which].rule, &within);
	ck_date deadline = has_deadline ? ck_date_add(from, within) : 0;

	if (done != NULL) {
		long days = *done - from;
		char key[32];

		/* Finished units count in the period they finished in. */
		if (!in_period(r, *done))
			return;
		/* Starting before the decision is fine: no wait at all. */
		if (days < 0)
			days = 0;
		snprintf(key, sizeof key, "%ld", days);
		count(sub(m, "days"), key, 1);
		count(m, "n", 1);
		if (has_deadline)
			count(m, *done <= deadline ? "within" : "late", 1);
	} else if (open && has_deadline && r->today > deadline) {
		count(m, "late", 1);
	}
}

static bool
social_assessment(const char *type)
{
	return type != NULL && (strcmp(type, "screening") == 0 || strcmp(type, "afdaekning") == 0 ||
				strcmp(type, "child-assessment") == 0);
}

static bool
granted(const json_t *decision)
{
	const char *outcome = text_of(decision, "outcome");

	return outcome != NULL && (strcmp(outcome, "granted") == 0 || strcmp(outcome, "partly") == 0);
}

/* The key a decision is counted under per paragraph, in NORMAL
 * (CK_PARAGRAPH_MAX bytes) or a constant: its normal form ("Barnets lov
 * § 32" is counted with "BL § 32"), "?" for one casekit cannot read, "-"
 * for none. */
static const char *
paragraph_key(const json_t *decision, char *normal)
{
	const char *paragraph = text_of(decision, "paragraph");

	if (paragraph == NULL)
		return NO_GROUP;
	if (ck_paragraph_normal(paragraph, normal, CK_PARAGRAPH_MAX))
		return normal;
	return UNREAD_PARAGRAPH;
}

/* The complaints about decisions, each step counted in the period by its
 * own date, as Ankestyrelsen counts the cases it decided in a year:
 * received; upheld at the municipality's reassessment (by the date of
 * the reassessment, else of the complaint); sent on; and the appeal
 * body's results (by the outcome's date, else the day it was sent on).
 * Also per paragraph. */
static void
count_complaints(const ck_report *r, json_t *acc, const json_t *rec)
{
	const json_t *d;
	size_t i;

	json_array_foreach(json_object_get(rec, "decisions"), i, d) {
		const json_t *c = json_object_get(d, "complaint");
		const json_t *outcome = json_object_get(c, "outcome");
		const char *result = text_of(outcome, "result");
		char normal[CK_PARAGRAPH_MAX];
		const char *paragraph;
		const char *figures[4];
		ck_date received, when;
		size_t n = 0, k, f;

		if (!json_is_object(c))
			continue;
		paragraph = paragraph_key(d, normal);
		if (!date_of(c, "received", &received))
			continue;
		if (in_period(r, received))
			figures[n++] = "received";
		if (json_is_true(json_object_get(c, "upheld")) &&
		    in_period(r, date_of(c, "reassessed", &when) ? when : received))
			figures[n++] = "upheld";
		if (date_of(c, "sent_on", &when) && in_period(r, when))
			figures[n++] = "sent_on";
		for (k = 0; result != NULL && complaint_results[k] != NULL; k++)
			if (strcmp(result, complaint_results[k]) == 0 &&
			    in_period(r, date_of(outcome, "date", &when) ? when :
				      date_of(c, "sent_on", &when) ? when : received))
				figures[n++] = complaint_results[k];
		for (f = 0; f < n; f++) {
			count(sub(acc, "complaints"), figures[f], 1);
			count(sub(sub(sub(acc, "complaints"), "by_paragraph"), paragraph), figures[f], 1);
		}
	}
}

static void
count_response_times(const ck_report *r, json_t *acc, const json_t *rec, const ck_ruleset *set)
{
	bool open = ck_case_is_open(rec);
	json_t *times = sub(acc, "response_times");
	const json_t *a, *d;
	ck_date aware, from, done, first = 0;
	bool has_first = false;
	size_t i;

	/* The first social assessment started on or after the awareness. */
	if (date_of(json_object_get(rec, "milestones"), "aware", &aware)) {
		json_array_foreach(json_object_get(rec, "assessments"), i, a)
			if (social_assessment(text_of(a, "type")) && date_of(a, "started", &done) &&
			    done >= aware && (!has_first || done < first)) {
				first = done;
				has_first = true;
			}
		count_time(r, open, sub(times, measures[AWARE_TO_ASSESSMENT_STARTED].name), set,
			   AWARE_TO_ASSESSMENT_STARTED, aware, has_first ? &first : NULL);
	}
	json_array_foreach(json_object_get(rec, "assessments"), i, a) {
		const char *type = text_of(a, "type");

		if (type == NULL || strcmp(type, "child-assessment") != 0)
			continue;
		if (!date_of(a, "aware", &from) &&
		    !date_of(json_object_get(rec, "milestones"), "aware", &from))
			continue;
		count_time(r, open, sub(times, measures[AWARE_TO_CHILD_ASSESSMENT_DONE].name), set,
			   AWARE_TO_CHILD_ASSESSMENT_DONE, from,
			   date_of(a, "done", &done) ? &done : NULL);
	}
	json_array_foreach(json_object_get(rec, "decisions"), i, d) {
		bool decided = date_of(d, "decided", &done);
		char normal[CK_PARAGRAPH_MAX];
		const char *paragraph = paragraph_key(d, normal);

		if (date_of(d, "applied", &from)) {
			json_t *m = sub(times, measures[APPLIED_TO_DECIDED].name);

			count_time(r, open, m, set, APPLIED_TO_DECIDED, from, decided ? &done : NULL);
			count_time(r, open, sub(sub(m, "by_paragraph"), paragraph),
				   set, APPLIED_TO_DECIDED, from, decided ? &done : NULL);
		}
		if (decided && granted(d)) {
			ck_date started;

			count_time(r, open, sub(times, measures[DECIDED_TO_STARTED].name), set,
				   DECIDED_TO_STARTED, done,
				   date_of(d, "started", &started) ? &started : NULL);
		}
	}
}

/* The findings of the checklist: a case counts once per rule and
 * status, and once per basis and status. */
static void
count_rules(json_t *acc, const json_t *checklist)
{
	json_t *seen = json_object(), *rules = sub(acc, "rules"), *totals = sub(acc, "rule_totals");
	const json_t *f;
	size_t i;

	oom_unless(seen != NULL);
	json_array_foreach(json_object_get(checklist, "findings"), i, f) {
		const char *rule = text_of(f, "rule"), *basis = text_of(f, "basis");
		const char *status = text_of(f, "status");
		char key[CK_FIELD_MAX * 2];
		size_t k;

		if (rule == NULL || basis == NULL || status == NULL)
			continue;
		for (k = 0; counted_statuses[k] != NULL; k++)
			if (strcmp(counted_statuses[k], status) == 0)
				break;
		if (counted_statuses[k] == NULL)
			continue;
		if (json_is_true(json_object_get(f, "before_followed")) &&
		    strcmp(status, "waived") != 0)
			status = "before_followed";
		snprintf(key, sizeof key, "%s\t%s\t%s", basis, rule, status);
		if (json_object_get(seen, key) == NULL) {
			json_object_set_new(seen, key, json_true());
			count(sub(sub(rules, basis), rule), status, 1);
		}
		snprintf(key, sizeof key, "%s\t%s", basis, status);
		if (json_object_get(seen, key) == NULL) {
			json_object_set_new(seen, key, json_true());
			count(sub(totals, basis), status, 1);
		}
	}
	json_decref(seen);
}

static void
count_open_case(const ck_report *r, json_t *acc, const json_t *rec)
{
	const json_t *t, *a, *child = json_object_get(rec, "child");
	char *contact = ck_coordinator_key(rec, r->today);
	const char *team = text_of(rec, "team");
	int today_y, today_m, y, m, d;
	ck_date born, due, until, seen;
	size_t i, changes = 0;

	count(sub(acc, "cases"), "open", 1);

	/* Barnets lov § 123 stk. 3: decisions ready to take effect at 18. */
	if (date_of(child, "born", &born) && ck_date_years_between(born, r->today) >= 17) {
		bool ready = false;

		json_array_foreach(json_object_get(rec, "transitions"), i, t)
			if (text_of(t, "kind") != NULL && strcmp(text_of(t, "kind"), "adult") == 0 &&
			    json_object_get(t, "decisions_ready") != NULL)
				ready = true;
		count(sub(acc, "adult_readiness"), "aged_17_plus", 1);
		count(sub(acc, "adult_readiness"), "without_decisions_ready", ready ? 0 : 1);
	}

	ck_date_to_ymd(r->today, &today_y, &today_m, &d);
	json_array_foreach(json_object_get(rec, "transitions"), i, t) {
		const char *kind = text_of(t, "kind");
		long month;
		char key[16];

		if (kind == NULL || ck_transition_done(t) || !date_of(t, "due", &due) || due < r->today)
			continue;
		ck_date_to_ymd(due, &y, &m, &d);
		month = (long)(y - today_y) * 12 + (m - today_m);
		if (month >= MONTHS_AHEAD)
			continue;
		snprintf(key, sizeof key, "%ld", month);
		count(sub(sub(acc, "transitions"), kind), key, 1);
	}

	/* DK 1.5: how often the decision-making caseworker changed. */
	json_array_foreach(json_object_get(rec, "actors"), i, a)
		if (json_is_true(json_object_get(a, "authority")) && date_of(a, "until", &until) &&
		    in_last_year(r, until))
			changes++;
	count(sub(sub(acc, "continuity"), "caseworker_changes_12m"),
	      changes == 0 ? "0" : changes == 1 ? "1" : "2+", 1);

	if (date_of(json_object_get(rec, "family_view"), "date", &seen) && in_last_year(r, seen))
		count(sub(acc, "involvement"), "family_view_12m", 1);

	count(sub(acc, "caseload"), contact != NULL ? contact : NO_GROUP, 1);
	count(sub(acc, "caseload_team"), team != NULL ? team : NO_GROUP, 1);
	free(contact);
}

/* Everything one case adds to one set of counters. */
static void
count_case(const ck_report *r, json_t *acc, const json_t *rec, const ck_ruleset *set)
{
	json_t *cases = sub(acc, "cases");
	const json_t *d;
	ck_date opened, closed;
	size_t i;

	if (ck_case_is_open(rec)) {
		count_open_case(r, acc, rec);
		if (json_is_object(json_object_get(rec, "checklist")))
			count_rules(acc, json_object_get(rec, "checklist"));
	} else {
		const char *reason = text_of(rec, "closed_reason");

		count(cases, "closed", 1);
		count(sub(cases, "closed_by_reason"), reason != NULL ? reason : "other", 1);
	}
	if (date_of(rec, "opened", &opened) && in_last_year(r, opened))
		count(cases, "opened_12m", 1);
	if (date_of(rec, "closed", &closed) && in_last_year(r, closed))
		count(cases, "closed_12m", 1);
	count_response_times(r, acc, rec, set);
	count_complaints(r, acc, rec);

	/* Barnets lov § 5: the child heard before decisions. */
	json_array_foreach(json_object_get(rec, "decisions"), i, d) {
		const char *heard = text_of(d, "child_heard");

		if (json_object_get(d, "decided") == NULL)
			continue;
		count(sub(acc, "involvement"), "decisions_decided", 1);
		if (heard != NULL && strcmp(heard, "not-required") == 0)
			count(sub(acc, "involvement"), "not_required", 1);
		else if (heard != NULL)
			count(sub(acc, "involvement"), "child_heard", 1);
	}
}

json_t *
ck_report_case_counts(const ck_report *r, const json_t *rec)
{
	json_t *counts = json_object();

	oom_unless(counts != NULL);
	count_case(r, counts, rec, ck_rulebook_for(r->rules, text_of(rec, "pathway")));
	return counts;
}

static bool add_counters(json_t *into, const json_t *from);

bool
ck_report_add_counts(ck_report *r, const json_t *rec, const json_t *counts)
{
	const char *pathway = text_of(rec, "pathway");
	const ck_ruleset *set = ck_rulebook_for(r->rules, pathway);
	const json_t *checklist = json_object_get(rec, "checklist");
	const char *keys[N_BY];
	char as_of[CK_DATE_SIZE], *coordinator;
	bool current = true;
	size_t b;

	coordinator = ck_case_is_open(rec) ? ck_coordinator_key(rec, r->today) : NULL;
	keys[CK_BY_MUNICIPALITY] = text_of(rec, "municipality");
	keys[CK_BY_TEAM] = text_of(rec, "team");
	keys[CK_BY_PATHWAY] = pathway;
	keys[CK_BY_COORDINATOR] = coordinator;
	add_counters(r->all, counts);
	for (b = 1; b < N_BY; b++)
		if (r->groups & 1u << b)
			add_counters(sub(sub(r->by, by_names[b]),
					 keys[b] != NULL ? keys[b] : NO_GROUP), counts);
	free(coordinator);
	if (checklist != NULL && ck_case_is_open(rec)) {
		const char *ruleset = text_of(checklist, "ruleset");

		ck_date_format(r->today, as_of);
		current = text_of(checklist, "as_of") != NULL &&
			  strcmp(text_of(checklist, "as_of"), as_of) == 0 &&
			  (set == NULL || (ruleset != NULL &&
					   strcmp(ruleset, ck_ruleset_name(set)) == 0));
		if (!current)
			r->stale++;
	}
	return current;
}

ck_report *
ck_report_fork(const ck_report *r)
{
	ck_report *part = xmalloc(sizeof *part);

	*part = *r;
	part->all = json_object();
	part->by = json_object();
	oom_unless(part->all != NULL && part->by != NULL);
	part->stale = 0;
	part->merged = false;
	return part;
}

void
ck_report_join(ck_report *r, ck_report *part)
{
	/* A run's own counts stay far below COUNT_MAX. */
	(void)add_counters(r->all, part->all);
	(void)add_counters(r->by, part->by);
	r->stale += part->stale;
	ck_report_free(part);
}

bool
ck_report_add(ck_report *r, const json_t *rec)
{
	json_t *counts = ck_report_case_counts(r, rec);
	bool current = ck_report_add_counts(r, rec, counts);

	json_decref(counts);
	return current;
}

/* ---------------------------------------------------------------------
 * Partials: the counters as JSON lines
 */

/* Where in a partial's counters a problem is: "counters.cases.open". */
struct place {
	char field[CK_FIELD_MAX];
	size_t length;
};

static size_t
place_enter(struct place *at, const char *key)
{
	size_t was = at->length;
	int n = snprintf(at->field + was, sizeof at->field - was, ".%s", key);

	if (n > 0)
		at->length = was + (size_t)n < sizeof at->field ? was + (size_t)n
							       : sizeof at->field - 1;
	return was;
}

static void
place_leave(struct place *at, size_t was)
{
	at->length = was;
	at->field[was] = '\0';
}

/* True when KEY is a number of days as the histograms write it: digits
 * without a leading zero, at most DAYS_MAX. */
static bool
day_key(const char *key)
{
	long days = 0;
	size_t i;

	if (key[0] == '\0' || (key[0] == '0' && key[1] != '\0'))
		return false;
	for (i = 0; key[i] != '\0'; i++) {
		if (key[i] < '0' || key[i] > '9' || i >= 7)
			return false;
		days = days * 10 + (key[i] - '0');
	}
	return days <= DAYS_MAX;
}

/* What a part of a partial's counters holds. */
enum counters_kind {
	COUNTERS_TOP,           /* a line's counters */
	COUNTERS_PLAIN,         /* counts, and counters again */
	COUNTERS_TIMES,         /* response_times: a measure per member */
	COUNTERS_MEASURE,       /* n, within, late, days, by_paragraph */
	COUNTERS_PARAGRAPHS,    /* by_paragraph: a measure per member */
	COUNTERS_HISTOGRAM      /* days: units per number of days */
};

/* The kind of the member KEY of counters of kind KIND. */
static enum counters_kind
member_kind(enum counters_kind kind, const char *key)
{
	switch (kind) {
	case COUNTERS_TOP:
		return strcmp(key, "response_times") == 0 ? COUNTERS_TIMES : COUNTERS_PLAIN;
	case COUNTERS_TIMES:
	case COUNTERS_PARAGRAPHS:
		return COUNTERS_MEASURE;
	case COUNTERS_MEASURE:
		return strcmp(key, "days") == 0 ? COUNTERS_HISTOGRAM
			: strcmp(key, "by_paragraph") == 0 ? COUNTERS_PARAGRAPHS : COUNTERS_PLAIN;
	default:
		return COUNTERS_PLAIN;
	}
}

/* Checks counters that came from outside (a partial): every member a
 * count from 0 to COUNT_MAX or counters again; the keys of a histogram
 * numbers of days; a response time's n the sum of its days. False with
 * the field and what is wrong in P. */
static bool
check_counters(const json_t *counters, enum counters_kind kind, struct place *at,
	       ck_problem *p)
{
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)counters, key, value) {
		size_t was = place_enter(at, key);

		if (kind == COUNTERS_HISTOGRAM && !day_key(key)) {
			place_leave(at, was);
			ck_problem_set(p, at->field, _("a key that is not a number of days"));
			return false;
		}
		if (json_is_object(value) && kind != COUNTERS_HISTOGRAM) {
			if (!check_counters(value, member_kind(kind, key), at, p))
				return false;
		} else if (!json_is_integer(value) || json_integer_value(value) < 0 ||
			   json_integer_value(value) > COUNT_MAX) {
			ck_problem_set(p, at->field, _("not a count (a whole number from 0 to %lld)"),
				       (long long)COUNT_MAX);
			return false;
		}
		place_leave(at, was);
	}
	/* The median is taken from the histogram: it must hold the n units. */
	if (kind == COUNTERS_MEASURE) {
		const json_t *days = json_object_get(counters, "days");
		json_int_t sum = 0;
		bool good = days == NULL || json_is_object(days);
		const char *day;
		json_t *c;

		json_object_foreach((json_t *)days, day, c) {
			if (json_integer_value(c) > COUNT_MAX - sum)
				good = false;
			else
				sum += json_integer_value(c);
		}
		if (!good || sum != json_integer_value(json_object_get(counters, "n"))) {
			place_enter(at, "n");
			ck_problem_set(p, at->field, _("not the sum of the days"));
			return false;
		}
	}
	return true;
}

/* Adds the counters of FROM into INTO: numbers add, objects merge.
 * False, with the place in AT (may be NULL) and P, when the two do not
 * fit together or a sum would pass COUNT_MAX; INTO may then be added to
 * in part. */
static bool
add_counters_at(json_t *into, const json_t *from, struct place *at, ck_problem *p)
{
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)from, key, value) {
		json_t *old = json_object_get(into, key);
		size_t was = at != NULL ? place_enter(at, key) : 0;

		if (json_is_integer(value)) {
			if (old != NULL && !json_is_integer(old)) {
				if (at != NULL)
					ck_problem_set(p, at->field, _("not counters of a partial"));
				return false;
			}
			if (!count(into, key, json_integer_value(value))) {
				if (at != NULL)
					ck_problem_set(p, at->field,
						       _("the counts add up to more than %lld"),
						       (long long)COUNT_MAX);
				return false;
			}
		} else if (json_is_object(value)) {
			if (old != NULL && !json_is_object(old)) {
				if (at != NULL)
					ck_problem_set(p, at->field, _("not counters of a partial"));
				return false;
			}
			if (!add_counters_at(sub(into, key), value, at, p))
				return false;
		} else {
			if (at != NULL)
				ck_problem_set(p, at->field, _("not counters of a partial"));
			return false;
		}
		if (at != NULL)
			place_leave(at, was);
	}
	return true;
}

static bool
add_counters(json_t *into, const json_t *from)
{
	return add_counters_at(into, from, NULL, NULL);
}

/* Adds the counters of a partial's line, checked first. */
static bool
merge_counters(json_t *into, const json_t *from, ck_problem *p)
{
	struct place at;

	snprintf(at.field, sizeof at.field, "counters");
	at.length = strlen(at.field);
	if (!check_counters(from, COUNTERS_TOP, &at, p))
		return false;
	at.length = strlen("counters");
	at.field[at.length] = '\0';
	return add_counters_at(into, from, &at, p);
}

static const char **ordered_keys(const json_t *object, const char *const *first,
				 size_t *count);

static bool
write_line(FILE *out, const json_t *json)
{
	return json_dumpf(json, out, JSON_COMPACT) == 0 && putc('\n', out) != EOF;
}

/* The counters of a partial: COUNTERS without the caseload per
 * coordinator, which is keyed by a staff member's contact. New. */
static json_t *
partial_counters(const json_t *counters)
{
	json_t *copy = json_copy((json_t *)counters);

	oom_unless(copy != NULL);
	json_object_del(copy, "caseload");
	return copy;
}

/* A line of counters, {"by":BY,"group":GROUP,"counters":{…}}, BY and
 * GROUP NULL for the totals; the counters' keys sorted, so that a
 * partial is the same bytes whatever order, or threads, the cases were
 * counted in. */
static bool
write_counters(FILE *out, const char *by, const char *group, const json_t *counters)
{
	json_t *copy = partial_counters(counters);
	json_t *b = by != NULL ? json_string(by) : json_null();
	json_t *g = group != NULL ? json_string(group) : NULL;
	bool ok;

	oom_unless(b != NULL && (group == NULL || g != NULL));
	ok = fputs("{\"by\":", out) != EOF && json_dumpf(b, out, JSON_ENCODE_ANY) == 0;
	if (ok && g != NULL)
		ok = fputs(",\"group\":", out) != EOF && json_dumpf(g, out, JSON_ENCODE_ANY) == 0;
	ok = ok && fputs(",\"counters\":", out) != EOF &&
	     json_dumpf(copy, out, JSON_COMPACT | JSON_SORT_KEYS) == 0 &&
	     fputs("}\n", out) != EOF;
	json_decref(copy);
	json_decref(b);
	json_decref(g);
	return ok;
}

/* A partial leaves the municipality for a region: it holds no staff
 * contact, so no grouping by coordinator and no caseload per
 * coordinator (the caseload per team stays). */
bool
ck_report_write_partial(const ck_report *r, FILE *out)
{
	char as_of[CK_DATE_SIZE];
	json_t *line;
	bool ok;
	size_t b;

	line = json_pack("{s:s, s:s, s:s}", "format", PARTIAL_FORMAT,
			 "as_of", ck_date_format(r->today, as_of), "period", r->period);
	oom_unless(line != NULL);
	ok = write_line(out, line);
	json_decref(line);
	ok = ok && write_counters(out, NULL, NULL, r->all);
	for (b = 1; ok && b < N_BY; b++) {
		const json_t *groups = json_object_get(r->by, by_names[b]);
		const char **keys;
		size_t n, i;

		if (b == CK_BY_COORDINATOR)
			continue;
		/* The groups sorted by key, as the report shows them. */
		keys = ordered_keys(groups, NULL, &n);
		for (i = 0; ok && i < n; i++)
			ok = write_counters(out, by_names[b], keys[i], json_object_get(groups, keys[i]));
		free(keys);
	}
	return ok;
}

/* True when two period texts name the same length of time ("1y" and
 * "12m"), or are both "all". */
static bool
same_period(const char *a, const char *b)
{
	ck_duration x, y;

	if (strcmp(a, "all") == 0 || strcmp(b, "all") == 0)
		return strcmp(a, b) == 0;
	return ck_duration_parse(a, &x) && ck_duration_parse(b, &y) &&
	       x.months == y.months && x.days == y.days;
}

static bool merge_partial(ck_report *r, const char *path, bool previous);

bool
ck_report_merge(ck_report *r, const char *path)
{
	return merge_partial(r, path, false);
}

bool
ck_report_load_previous(ck_report *r, const char *path)
{
	return merge_partial(r, path, true);
}

/* Adds the partial at PATH. PREVIOUS: a partial of an earlier run, for
 * --compare, taken as of its own day (R takes it as its today). */
static bool
merge_partial(ck_report *r, const char *path, bool previous)
{
	FILE *in = fopen(path, "r");
	char *line = NULL, as_of[CK_DATE_SIZE];
	size_t size = 0;
	unsigned long n = 0;
	bool ok = true;
	ssize_t len;

	if (in == NULL) {
		ck_error(_("%s: cannot open: %s"), path, strerror(errno));
		return false;
	}
	ck_date_format(r->today, as_of);
	while (ok && (len = getline(&line, &size, in)) > 0) {
		json_error_t err;
		json_t *json = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &err);
		const char *by, *group;
		const json_t *counters;
		ck_problem problem;

		n++;
		if (!json_is_object(json)) {
			ck_error_at(path, n, NULL, _("not a line of a partial (casekit-partial/1)"));
			ok = false;
		} else if (n == 1) {
			const char *format = text_of(json, "format"), *date = text_of(json, "as_of");
			/* A partial of before periods counted all time. */
			const char *period = text_of(json, "period") != NULL ?
					     text_of(json, "period") : "all";
			ck_date day;

			if (format == NULL || strcmp(format, PARTIAL_FORMAT) != 0) {
				ck_error_at(path, n, "format", _("not casekit-partial/1"));
				ok = false;
			} else if (previous && (date == NULL || !ck_date_parse(date, &day))) {
				ck_error_at(path, n, "as_of", _("not a date (YYYY-MM-DD)"));
				ok = false;
			} else if (!previous && (date == NULL || strcmp(date, as_of) != 0)) {
				ck_error_at(path, n, "as_of",
					    _("a partial as of another day than %s: partials of "
					      "one day only are added"), as_of);
				ok = false;
			} else if (!same_period(period, r->period)) {
				ck_error_at(path, n, "period",
					    _("a partial of another period than the report's (%s)"),
					    r->period);
				ok = false;
			} else if (previous) {
				r->today = day;
				r->year_ago = ck_date_add_months(day, -12);
			}
		} else {
			by = text_of(json, "by");
			group = text_of(json, "group");
			counters = json_object_get(json, "counters");
			if (!json_is_object(counters) ||
			    (by != NULL && (ck_by_parse(by) < 0 || group == NULL))) {
				ck_error_at(path, n, NULL, _("not a line of a partial (casekit-partial/1)"));
				ok = false;
			} else if (!merge_counters(by == NULL ? r->all : sub(sub(r->by, by), group),
						   counters, &problem)) {
				ck_problem_report(&problem, path, n);
				ok = false;
			}
		}
		json_decref(json);
	}
	if (ok && n == 0) {
		ck_error_at(path, 1, NULL, _("empty: not a partial"));
		ok = false;
	}
	r->merged = true;
	free(line);
	fclose(in);
	return ok;
}

/* ---------------------------------------------------------------------
 * The report
 */

/* A bar of a histogram: so many units took so many days. */
struct bar {
	long days;
	json_int_t units;
};

static int
compare_bars(const void *a, const void *b)
{
	long x = ((const struct bar *)a)->days, y = ((const struct bar *)b)->days;

	return (x > y) - (x < y);
}

/* The days at the nearest rank of the fraction NUM/DEN (1/2, 9/10) of
 * the TOTAL units of the N sorted BARS: rank ceil(TOTAL * NUM / DEN),
 * counted from 1. TOTAL is at most COUNT_MAX, so TOTAL * 9 fits. */
static long
nearest_rank(const struct bar *bars, size_t n, json_int_t total, json_int_t num,
	     json_int_t den)
{
	json_int_t rank = (total * num + den - 1) / den, seen = 0;
	size_t i;

	if (rank < 1)
		rank = 1;
	for (i = 0; i < n; i++) {
		seen += bars[i].units;
		if (seen >= rank)
			return bars[i].days;
	}
	return n > 0 ? bars[n - 1].days : 0;
}

static int
compare_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of OBJECT in a fixed order, whatever order the cases came
 * in: those of FIRST (may be NULL) in its order, then the others sorted.
 * The array is the caller's to free; the keys are borrowed. */
static const char **
ordered_keys(const json_t *object, const char *const *first, size_t *count)
{
	const char **keys = xmalloc(json_object_size(object) * sizeof *keys + 1);
	size_t n = 0, fixed = 0, i;
	const char *key;
	json_t *value;

	for (i = 0; first != NULL && first[i] != NULL; i++)
		if (json_object_get(object, first[i]) != NULL)
			keys[n++] = first[i];
	fixed = n;
	json_object_foreach((json_t *)object, key, value) {
		for (i = 0; i < fixed && strcmp(keys[i], key) != 0; i++)
			;
		if (i == fixed)
			keys[n++] = key;
	}
	qsort(keys + fixed, n - fixed, sizeof *keys, compare_keys);
	*count = n;
	return keys;
}

/* {n, median_days, p90_days, within, late} of a measure's counters. */
static json_t *
measure_result(const json_t *m)
{
	const json_t *hist = json_object_get(m, "days");
	json_int_t n = json_integer_value(json_object_get(m, "n"));
	json_t *out = json_object();
	const char *key;
	json_t *value;

	oom_unless(out != NULL);
	json_object_set_new(out, "n", json_integer(n));
	if (n >= PERCENTILE_MIN_N) {
		/* One bar per day that occurs, never one slot per unit: n
		 * comes from partials, and may be as large as COUNT_MAX. */
		struct bar *bars = xreallocarray(NULL, json_object_size(hist) + 1, sizeof *bars);
		json_int_t total = 0;
		size_t k = 0;

		json_object_foreach((json_t *)hist, key, value) {
			json_int_t units = json_integer_value(value);

			if (units <= 0 || units > COUNT_MAX - total)
				continue;
			bars[k].days = strtol(key, NULL, 10);
			bars[k++].units = units;
			total += units;
		}
		qsort(bars, k, sizeof *bars, compare_bars);
		json_object_set_new(out, "median_days",
				    json_integer(nearest_rank(bars, k, total, 1, 2)));
		json_object_set_new(out, "p90_days",
				    json_integer(nearest_rank(bars, k, total, 9, 10)));
		free(bars);
	} else {
		json_object_set_new(out, "median_days", json_null());
		json_object_set_new(out, "p90_days", json_null());
	}
	json_object_set_new(out, "within", json_integer(json_integer_value(json_object_get(m, "within"))));
	json_object_set_new(out, "late", json_integer(json_integer_value(json_object_get(m, "late"))));
	return out;
}

static json_t *
integer_of(const json_t *object, const char *key)
{
	return json_integer(json_integer_value(json_object_get(object, key)));
}

/* A copy of the counts of OBJECT under KEYS, in that order, 0 where
 * missing. */
static json_t *
counts_in_order(const json_t *object, const char *const *keys)
{
	json_t *out = json_object();
	size_t i;

	oom_unless(out != NULL);
	for (i = 0; keys[i] != NULL; i++)
		json_object_set_new(out, keys[i], integer_of(object, keys[i]));
	return out;
}

static json_t *
cases_result(const json_t *acc)
{
	const json_t *cases = json_object_get(acc, "cases");
	static const char *const figures[] = { "open", "closed", "opened_12m", "closed_12m", NULL };
	json_t *out = counts_in_order(cases, figures);

	json_object_set_new(out, "closed_by_reason",
			    counts_in_order(json_object_get(cases, "closed_by_reason"), closed_reasons));
	return out;
}

static json_t *
times_result(const json_t *acc)
{
	const json_t *times = json_object_get(acc, "response_times");
	json_t *out = json_object();
	size_t i;

	oom_unless(out != NULL);
	for (i = 0; i < N_MEASURES; i++) {
		const json_t *m = json_object_get(times, measures[i].name);
		json_t *res = measure_result(m);

		if (i == APPLIED_TO_DECIDED) {
			const json_t *paragraphs = json_object_get(m, "by_paragraph");
			json_t *by = json_object();
			const char **keys;
			size_t n, k;

			oom_unless(by != NULL);
			keys = ordered_keys(paragraphs, NULL, &n);
			for (k = 0; k < n; k++)
				json_object_set_new(by, keys[k],
						    measure_result(json_object_get(paragraphs, keys[k])));
			free(keys);
			json_object_set_new(res, "by_paragraph", by);
		}
		json_object_set_new(out, measures[i].name, res);
	}
	return out;
}

/* A rule id and where it stands in the report's order. */
struct ranked {
	const char *key;
	json_int_t rank;
};

static int
compare_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The keys of the rules object BASIS in ORDER ({id: rank}: the order of
 * the rule sets, which follows the law and the recommendations), rules
 * no set has after them, by id. The array is the caller's; the keys are
 * borrowed. */
static const char **
ordered_rules(const json_t *basis, const json_t *order, size_t *count)
{
	size_t n = json_object_size(basis), i = 0;
	struct ranked *ranked = xmalloc(n * sizeof *ranked + 1);
	const char **keys = xmalloc(n * sizeof *keys + 1);
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)basis, key, value) {
		const json_t *rank = json_object_get(order, key);

		ranked[i].key = key;
		ranked[i].rank = rank != NULL ? json_integer_value(rank) : (json_int_t)SIZE_MAX / 2;
		i++;
	}
	qsort(ranked, n, sizeof *ranked, compare_ranked);
	for (i = 0; i < n; i++)
		keys[i] = ranked[i].key;
	free(ranked);
	*count = n;
	return keys;
}

/* The findings per basis, rule and status (rules in ORDER); or per basis
 * and status. */
static json_t *
rules_result(const json_t *acc, bool totals, const json_t *order)
{
	const json_t *rules = json_object_get(acc, totals ? "rule_totals" : "rules");
	json_t *out = json_object();
	size_t b;

	oom_unless(out != NULL);
	for (b = 0; bases[b] != NULL; b++) {
		const json_t *basis = json_object_get(rules, bases[b]);
		json_t *res;

		if (totals) {
			res = counts_in_order(basis, counted_statuses);
		} else {
			size_t n, k;
			const char **keys = ordered_rules(basis, order, &n);

			res = json_object();
			oom_unless(res != NULL);
			for (k = 0; k < n; k++)
				json_object_set_new(res, keys[k],
						    counts_in_order(json_object_get(basis, keys[k]),
								    counted_statuses));
			free(keys);
		}
		json_object_set_new(out, bases[b], res);
	}
	return out;
}

/* The complaints: each figure, and per paragraph. */
static json_t *
complaints_result(const json_t *acc)
{
	const json_t *complaints = json_object_get(acc, "complaints");
	const json_t *paragraphs = json_object_get(complaints, "by_paragraph");
	json_t *out = counts_in_order(complaints, complaint_figures), *by = json_object();
	size_t n, k;
	const char **keys = ordered_keys(paragraphs, NULL, &n);

	oom_unless(by != NULL);
	for (k = 0; k < n; k++)
		json_object_set_new(by, keys[k],
				    counts_in_order(json_object_get(paragraphs, keys[k]),
						    complaint_figures));
	free(keys);
	json_object_set_new(out, "by_paragraph", by);
	return out;
}

static json_t *
transitions_result(const json_t *acc)
{
	static const char *const standard[] = {
		"daycare", "kindergarten", "school", "youth-education", "adult", "own-home", "job",
		NULL
	};
	const json_t *all = json_object_get(acc, "transitions");
	json_t *out = json_object();
	size_t n, k;
	const char **kinds = ordered_keys(all, standard, &n);

	oom_unless(out != NULL);
	for (k = 0; k < n; k++) {
		const json_t *months = json_object_get(all, kinds[k]);
		json_t *row = json_array();
		int i;

		oom_unless(row != NULL);
		for (i = 0; i < MONTHS_AHEAD; i++) {
			char key[16];

			snprintf(key, sizeof key, "%d", i);
			json_array_append_new(row, integer_of(months, key));
		}
		json_object_set_new(out, kinds[k], row);
	}
	free(kinds);
	return out;
}

/* Caseload entries, the largest first, then by name; NAME the member
 * ("coordinator" or "team"). */
static int
compare_load(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t cx = json_integer_value(json_object_get(x, "cases"));
	json_int_t cy = json_integer_value(json_object_get(y, "cases"));
	const char *nx = json_string_value(json_object_get(x, "coordinator"));
	const char *ny = json_string_value(json_object_get(y, "coordinator"));

	if (nx == NULL && json_object_get(x, "team") != NULL)
		nx = json_string_value(json_object_get(x, "team"));
	if (ny == NULL && json_object_get(y, "team") != NULL)
		ny = json_string_value(json_object_get(y, "team"));
	if (cx != cy)
		return cx > cy ? -1 : 1;
	if (nx == NULL || ny == NULL)
		return (nx == NULL) - (ny == NULL);
	return strcmp(nx, ny);
}

static json_t *
caseload_result(const json_t *acc, const char *name)
{
	const json_t *load = json_object_get(acc, strcmp(name, "team") == 0 ? "caseload_team"
							       : "caseload");
	size_t n = json_object_size(load), i = 0;
	json_t **entries = xmalloc(n * sizeof *entries + 1), *out = json_array();
	const char *key;
	json_t *value;

	oom_unless(out != NULL);
	json_object_foreach((json_t *)load, key, value) {
		entries[i] = json_object();
		oom_unless(entries[i] != NULL);
		json_object_set_new(entries[i], name,
				    strcmp(key, NO_GROUP) == 0 ? json_null() : json_string(key));
		json_object_set_new(entries[i], "cases", json_integer(json_integer_value(value)));
		i++;
	}
	qsort(entries, n, sizeof *entries, compare_load);
	for (i = 0; i < n; i++)
		json_array_append_new(out, entries[i]);
	free(entries);
	return out;
}

/* What a result is built from: the report, the options, and the order
 * of the rules. */
struct sets {
	const ck_ruleset **set;
	size_t count;
};

struct build {
	const ck_report *r;
	const ck_report_options *opt;
	struct sets sets;       /* the sets of the pathways counted */
	json_t *rule_order;     /* {id: rank} */
};

/* The sections of one set of counters. GROUP: a group of a committee's
 * report, which shows only cases, response times and rule totals. */
static json_t *
sections(const struct build *b, const json_t *acc, bool group)
{
	static const char *const adult[] = { "aged_17_plus", "without_decisions_ready", NULL };
	static const char *const changes[] = { "0", "1", "2+", NULL };
	static const char *const involvement[] = {
		"decisions_decided", "child_heard", "not_required", "family_view_12m", NULL
	};
	json_t *out = json_object(), *continuity;

	oom_unless(out != NULL);
	json_object_set_new(out, "cases", cases_result(acc));
	json_object_set_new(out, "response_times", times_result(acc));
	if (group && b->opt->audience == CK_AUDIENCE_COMMITTEE) {
		json_object_set_new(out, "rule_totals", rules_result(acc, true, NULL));
		return out;
	}
	json_object_set_new(out, "rules", rules_result(acc, false, b->rule_order));
	json_object_set_new(out, "adult_readiness",
			    counts_in_order(json_object_get(acc, "adult_readiness"), adult));
	json_object_set_new(out, "transitions", transitions_result(acc));
	continuity = json_object();
	oom_unless(continuity != NULL);
	json_object_set_new(continuity, "caseworker_changes_12m",
			    counts_in_order(json_object_get(json_object_get(acc, "continuity"),
							    "caseworker_changes_12m"), changes));
	json_object_set_new(out, "continuity", continuity);
	json_object_set_new(out, "involvement",
			    counts_in_order(json_object_get(acc, "involvement"), involvement));
	json_object_set_new(out, "complaints", complaints_result(acc));
	return out;
}

/* ---------------------------------------------------------------------
 * Suppression
 *
 * A cell is a count in the report object. Every count from 1 to
 * min_cell - 1 is hidden ("<N"). Then complementary suppression follows
 * only the sums the report publishes (design section 5.6, Privacy): a
 * line is a whole the report shows and the parts it shows that add up to
 * it — a figure across the --by groups with its total, the closed cases
 * by reason with the closed, continuity's 0 / 1 / 2+ with the open
 * cases, a response time's within and late with the units they split,
 * the paragraphs of a response time or of the complaints with their
 * total, the caseload with the open cases. While a line holds exactly
 * one hidden cell, the whole or a part, its smallest other non-zero
 * part is hidden too ("*") — or, when it has none, the whole — across
 * every line a cell belongs to, until nothing changes; then every "*"
 * that no line needs any more is shown again. A table whose cells add up to no figure the report shows —
 * findings per rule and status (a case may have several), the
 * transitions per month, involvement — gets the first step only: a large
 * count beside a small one stays. So do the young people without
 * decisions ready beside those aged 17 or more: those with decisions
 * ready are not shown, so neither can be worked back from the other.
 */

#define NO_CELL ((size_t)-1)

struct cell {
	json_t *container;      /* an object or an array */
	const char *key;        /* in an object; NULL for an array */
	size_t index;
	json_int_t value;
	int hidden;             /* 0, 1 (small: "<N") or 2 (to protect one: "*") */
};

struct line {
	size_t first, count;    /* its parts: members[first …] */
	size_t whole;           /* the cell of the whole */
};

struct suppression {
	json_t *index;          /* "CONTAINER/KEY" or "CONTAINER#INDEX": cell */
	struct cell *cells;
	size_t ncells, capcells;
	size_t *members;        /* the parts of every line, one after another */
	size_t nmembers, capmembers;
	struct line *lines;
	size_t nlines, caplines;
};

/* The cell of the count at CONTAINER[KEY] (or [INDEX]); NO_CELL when
 * there is no count there. */
static size_t
cell_at(struct suppression *s, json_t *container, const char *key, size_t index)
{
	json_t *value = key != NULL ? json_object_get(container, key) : json_array_get(container, index);
	char where[CK_FIELD_MAX + 48];
	json_t *known;

	if (!json_is_integer(value))
		return NO_CELL;
	if (key != NULL)
		snprintf(where, sizeof where, "%p/%s", (void *)container, key);
	else
		snprintf(where, sizeof where, "%p#%zu", (void *)container, index);
	known = json_object_get(s->index, where);
	if (known != NULL)
		return (size_t)json_integer_value(known);
	oom_unless(json_object_set_new(s->index, where, json_integer((json_int_t)s->ncells)) == 0);
	if (s->ncells == s->capcells) {
		s->capcells = s->capcells ? s->capcells * 2 : 64;
		s->cells = xreallocarray(s->cells, s->capcells, sizeof *s->cells);
	}
	s->cells[s->ncells] = (struct cell){ container, key, index, json_integer_value(value), 0 };
	return s->ncells++;
}

/* A new line whose whole is the count at CONTAINER[KEY]; its parts
 * follow with line_part. */
static void
line_begin(struct suppression *s, json_t *container, const char *key, size_t index)
{
	if (s->nlines == s->caplines) {
		s->caplines = s->caplines ? s->caplines * 2 : 64;
		s->lines = xreallocarray(s->lines, s->caplines, sizeof *s->lines);
	}
	s->lines[s->nlines++] = (struct line){ s->nmembers, 0, cell_at(s, container, key, index) };
}

static void
line_part(struct suppression *s, json_t *container, const char *key, size_t index)
{
	size_t c = cell_at(s, container, key, index);

	if (c == NO_CELL || s->nlines == 0)
		return;
	if (s->nmembers == s->capmembers) {
		s->capmembers = s->capmembers ? s->capmembers * 2 : 256;
		s->members = xreallocarray(s->members, s->capmembers, sizeof *s->members);
	}
	s->members[s->nmembers++] = c;
	s->lines[s->nlines - 1].count++;
}

/* Takes back the last line when it has no whole or no part: it
 * publishes no sum. */
static void
line_end(struct suppression *s)
{
	struct line *l = &s->lines[s->nlines - 1];

	if (l->whole == NO_CELL || l->count == 0) {
		s->nmembers = l->first;
		s->nlines--;
	}
}

/* A line of the counts of OBJECT (its integer members) with the whole
 * at WHOLE[KEY]. */
static void
line_of_object(struct suppression *s, json_t *object, json_t *whole, const char *key)
{
	const char *k;
	json_t *value;

	if (!json_is_object(object))
		return;
	line_begin(s, whole, key, 0);
	json_object_foreach(object, k, value)
		line_part(s, object, k, 0);
	line_end(s);
}

/* Each figure of the objects in PARTS (an object of objects: paragraphs)
 * with the same figure of WHOLE. */
static void
lines_of_parts(struct suppression *s, json_t *parts, json_t *whole, const char *const *figures)
{
	const char *key;
	json_t *part;
	size_t i;

	for (i = 0; figures[i] != NULL && json_object_size(parts) > 0; i++) {
		line_begin(s, whole, figures[i], 0);
		json_object_foreach(parts, key, part)
			line_part(s, part, figures[i], 0);
		line_end(s);
	}
}

/* A response time's within and late with the units they split. */
static void
line_of_measure(struct suppression *s, json_t *m)
{
	line_begin(s, m, "n", 0);
	line_part(s, m, "within", 0);
	line_part(s, m, "late", 0);
	line_end(s);
}

/* The lines within one set of sections. */
static void
lines_within(struct suppression *s, json_t *sec)
{
	static const char *const time_parts[] = { "n", "within", "late", NULL };
	json_t *cases = json_object_get(sec, "cases"), *times = json_object_get(sec, "response_times");
	json_t *complaints = json_object_get(sec, "complaints"), *m, *p;
	const char *name, *key;

	line_of_object(s, json_object_get(cases, "closed_by_reason"), cases, "closed");
	line_of_object(s, json_object_get(json_object_get(sec, "continuity"),
					  "caseworker_changes_12m"), cases, "open");
	json_object_foreach(times, name, m) {
		line_of_measure(s, m);
		json_object_foreach(json_object_get(m, "by_paragraph"), key, p)
			line_of_measure(s, p);
		lines_of_parts(s, json_object_get(m, "by_paragraph"), m, time_parts);
	}
	lines_of_parts(s, json_object_get(complaints, "by_paragraph"), complaints,
		       complaint_figures);
}

/* Every count of TOTAL, found again in each group: the line of one
 * figure across the groups, the total its whole. */
static void
lines_across(struct suppression *s, json_t *total, json_t *groups)
{
	const char *key, *gname;
	json_t *value, *group;
	size_t i;

	if (json_is_object(total)) {
		json_object_foreach(total, key, value) {
			if (strcmp(key, "median_days") == 0 || strcmp(key, "p90_days") == 0)
				continue;
			if (json_is_integer(value)) {
				line_begin(s, total, key, 0);
				json_object_foreach(groups, gname, group)
					line_part(s, group, key, 0);
				line_end(s);
			} else if (json_is_object(value) || json_is_array(value)) {
				json_t *sub_groups = json_object();

				oom_unless(sub_groups != NULL);
				json_object_foreach(groups, gname, group)
					if (json_object_get(group, key) != NULL)
						json_object_set(sub_groups, gname, json_object_get(group, key));
				lines_across(s, value, sub_groups);
				json_decref(sub_groups);
			}
		}
	} else if (json_is_array(total)) {
		for (i = 0; i < json_array_size(total); i++) {
			line_begin(s, total, NULL, i);
			json_object_foreach(groups, gname, group)
				line_part(s, group, NULL, i);
			line_end(s);
		}
	}
}

/* Every count of the report is a cell, in a line or not: the days of a
 * median are not counts. */
static void
register_counts(struct suppression *s, json_t *node)
{
	const char *key;
	json_t *value;
	size_t i;

	if (json_is_object(node)) {
		json_object_foreach(node, key, value) {
			if (strcmp(key, "median_days") == 0 || strcmp(key, "p90_days") == 0)
				continue;
			if (json_is_integer(value))
				cell_at(s, node, key, 0);
			else
				register_counts(s, value);
		}
	} else if (json_is_array(node)) {
		json_array_foreach(node, i, value) {
			if (json_is_integer(value))
				cell_at(s, node, NULL, i);
			else
				register_counts(s, value);
		}
	}
}

/* The hidden cells of line L, the whole counted. */
static size_t
hidden_in(const struct suppression *s, const struct line *l)
{
	size_t k, n = s->cells[l->whole].hidden ? 1 : 0;

	for (k = l->first; k < l->first + l->count; k++)
		if (s->cells[s->members[k]].hidden)
			n++;
	return n;
}

/* Hides, on every line with exactly one hidden cell, its smallest other
 * non-zero part (the first of equals), until no line has one. */
static void
protect_lines(struct suppression *s)
{
	bool changed;
	size_t l, k;

	do {
		changed = false;
		for (l = 0; l < s->nlines; l++) {
			const struct line *line = &s->lines[l];
			size_t best = NO_CELL;

			if (hidden_in(s, line) != 1)
				continue;
			for (k = line->first; k < line->first + line->count; k++) {
				const struct cell *c = &s->cells[s->members[k]];

				if (!c->hidden && c->value > 0 &&
				    (best == NO_CELL || c->value < s->cells[best].value))
					best = s->members[k];
			}
			/* No other part to hide: then the one hidden is a part
			 * that the whole equals (its other parts are 0), and
			 * the whole goes. */
			if (best == NO_CELL && !s->cells[line->whole].hidden &&
			    s->cells[line->whole].value > 0)
				best = line->whole;
			if (best != NO_CELL) {
				s->cells[best].hidden = 2;
				changed = true;
			}
		}
	} while (changed);
}

/* Shows again every "*" that no line needs: one whose lines all keep
 * none or at least two hidden cells without it. The latest first, so
 * that what a later step made unneeded goes. */
static void
release_unneeded(struct suppression *s)
{
	size_t *first = xcalloc(s->ncells + 1, sizeof *first);
	size_t *of = xmalloc((s->nmembers + s->nlines) * sizeof *of + 1);
	size_t *fill = xcalloc(s->ncells + 1, sizeof *fill);
	size_t l, k, c, i;

	/* The lines of each cell, as parts or as the whole. */
	for (l = 0; l < s->nlines; l++) {
		first[s->lines[l].whole + 1]++;
		for (k = s->lines[l].first; k < s->lines[l].first + s->lines[l].count; k++)
			first[s->members[k] + 1]++;
	}
	for (c = 0; c < s->ncells; c++)
		first[c + 1] += first[c];
	for (l = 0; l < s->nlines; l++) {
		c = s->lines[l].whole;
		of[first[c] + fill[c]++] = l;
		for (k = s->lines[l].first; k < s->lines[l].first + s->lines[l].count; k++) {
			c = s->members[k];
			of[first[c] + fill[c]++] = l;
		}
	}
	for (c = s->ncells; c-- > 0;) {
		bool needed = false;

		if (s->cells[c].hidden != 2)
			continue;
		s->cells[c].hidden = 0;
		for (i = first[c]; i < first[c + 1] && !needed; i++)
			if (hidden_in(s, &s->lines[of[i]]) == 1)
				needed = true;
		if (needed)
			s->cells[c].hidden = 2;
	}
	free(first);
	free(of);
	free(fill);
}

/* Suppresses the counts of BODY (the report without its texts) in place. */
static void
suppress(json_t *body, long min_cell)
{
	struct suppression s;
	json_t *groups = json_object_get(body, "groups"), *group, *label, *star;
	const char *key;
	size_t i;
	char text[32];

	memset(&s, 0, sizeof s);
	s.index = json_object();
	oom_unless(s.index != NULL);
	register_counts(&s, body);
	lines_within(&s, body);
	json_object_foreach(groups, key, group)
		lines_within(&s, group);
	if (groups != NULL) {
		json_t *total = json_object();

		/* The figures the groups share with the totals. */
		oom_unless(total != NULL);
		json_object_foreach(body, key, group)
			if (strcmp(key, "groups") != 0 && strcmp(key, "caseload") != 0)
				json_object_set(total, key, group);
		lines_across(&s, total, groups);
		json_decref(total);
	}
	{
		json_t *load = json_object_get(body, "caseload"), *entry;

		/* The caseload, with the open cases it adds up to. */
		line_begin(&s, json_object_get(body, "cases"), "open", 0);
		json_array_foreach(load, i, entry)
			line_part(&s, entry, "cases", 0);
		line_end(&s);
	}

	for (i = 0; i < s.ncells; i++)
		if (s.cells[i].value >= 1 && s.cells[i].value < min_cell)
			s.cells[i].hidden = 1;
	protect_lines(&s);
	release_unneeded(&s);

	snprintf(text, sizeof text, "<%ld", min_cell);
	label = json_string(text);
	star = json_string("*");
	oom_unless(label != NULL && star != NULL);
	for (i = 0; i < s.ncells; i++) {
		struct cell *c = &s.cells[i];
		json_t *v = c->hidden == 1 ? label : c->hidden == 2 ? star : NULL;

		if (v == NULL)
			continue;
		if (c->key != NULL)
			json_object_set(c->container, c->key, v);
		else
			json_array_set(c->container, c->index, v);
	}
	json_decref(label);
	json_decref(star);
	json_decref(s.index);
	free(s.cells);
	free(s.members);
	free(s.lines);
}

/* Every rule of the totals in every group, with zeros where a group has
 * no finding of it: a table of the groups then has no empty cells, and
 * the groups read alike. (A committee's groups show rule totals only.) */
static void
fill_group_rules(const json_t *out, json_t *groups)
{
	const json_t *rules = json_object_get(out, "rules");
	const char *name, *rule;
	json_t *group, *value;
	size_t b;

	json_object_foreach(groups, name, group) {
		json_t *own = json_object_get(group, "rules");

		if (own == NULL)
			continue;
		for (b = 0; bases[b] != NULL; b++) {
			json_t *basis = json_object_get(own, bases[b]), *filled = json_object();

			oom_unless(filled != NULL);
			json_object_foreach((json_t *)json_object_get(rules, bases[b]), rule, value) {
				json_t *mine = json_object_get(basis, rule);

				json_object_set_new(filled, rule, mine != NULL ? json_incref(mine)
						    : counts_in_order(NULL, counted_statuses));
			}
			/* Rules only a group has cannot be: the totals count every case. */
			json_object_foreach(basis, rule, value)
				if (json_object_get(filled, rule) == NULL)
					json_object_set(filled, rule, value);
			json_object_set_new(own, bases[b], filled);
		}
	}
}

/* The members of the total's object at TOTAL that a group's object
 * GROUP lacks, made there as EMPTY makes them: a group without a
 * decision under a paragraph has zeros under it, not nothing. */
static void
fill_members(const json_t *total, json_t *group, json_t *(*empty)(void))
{
	const char *key;
	json_t *value;

	if (!json_is_object(total) || !json_is_object(group))
		return;
	json_object_foreach((json_t *)total, key, value)
		if (json_object_get(group, key) == NULL)
			json_object_set_new(group, key, empty());
}

static json_t *
empty_measure(void)
{
	return measure_result(NULL);
}

static json_t *
empty_complaints(void)
{
	return counts_in_order(NULL, complaint_figures);
}

static json_t *
empty_months(void)
{
	json_t *row = json_array();
	int i;

	oom_unless(row != NULL);
	for (i = 0; i < MONTHS_AHEAD; i++)
		json_array_append_new(row, json_integer(0));
	return row;
}

/* The paragraphs and transitions of the totals in every group (the
 * rules: fill_group_rules), so that the groups read alike. */
static void
fill_group_parts(const json_t *out, json_t *groups)
{
	const json_t *times = json_object_get(out, "response_times");
	const char *name, *measure;
	json_t *group, *m;

	json_object_foreach(groups, name, group) {
		json_object_foreach((json_t *)times, measure, m)
			fill_members(json_object_get(m, "by_paragraph"),
				     json_object_get(json_object_get(json_object_get(group,
					"response_times"), measure), "by_paragraph"), empty_measure);
		fill_members(json_object_get(json_object_get(out, "complaints"), "by_paragraph"),
			     json_object_get(json_object_get(group, "complaints"), "by_paragraph"),
			     empty_complaints);
		fill_members(json_object_get(out, "transitions"), json_object_get(group, "transitions"),
			     empty_months);
	}
}

/* ---------------------------------------------------------------------
 * The texts beside the figures: rule titles, deadlines, names, legend
 */

/* The sets of the pathways counted, in the order of their names (with
 * --rules, that set alone), each once. Free SETS->set. */
static void
sets_counted(const ck_report *r, struct sets *sets)
{
	const json_t *pathways = json_object_get(r->by, by_names[CK_BY_PATHWAY]);
	size_t n, i, k;
	const char **keys = ordered_keys(pathways, NULL, &n);

	sets->set = xcalloc(n + 1, sizeof *sets->set);
	sets->count = 0;
	for (i = 0; i < n; i++) {
		const ck_ruleset *set = ck_rulebook_for(r->rules, keys[i]);

		for (k = 0; set != NULL && k < sets->count && sets->set[k] != set; k++)
			;
		if (set != NULL && k == sets->count)
			sets->set[sets->count++] = set;
	}
	free(keys);
}

/* {id: rank}: the rules in the order their sets list them. */
static json_t *
rule_order(const struct sets *sets)
{
	json_t *order = json_object();
	json_int_t rank = 0;
	size_t i, k;

	oom_unless(order != NULL);
	for (i = 0; i < sets->count; i++) {
		const json_t *rules = ck_ruleset_rules(sets->set[i]), *rule;

		json_array_foreach(rules, k, rule) {
			const char *id = text_of(rule, "id");

			if (id != NULL && json_object_get(order, id) == NULL)
				json_object_set_new(order, id, json_integer(rank++));
		}
	}
	return order;
}

/* The distinct texts of FIELD of rule ID in the sets, joined by SEP; NULL
 * when no set has one. New string. */
static char *
rule_texts(const struct sets *sets, const char *id, const char *field, const char *sep)
{
	char *joined = NULL;
	size_t i;

	for (i = 0; i < sets->count; i++) {
		const char *text = text_of(ck_ruleset_rule(sets->set[i], id), field);
		char *longer;

		if (text == NULL)
			continue;
		if (joined == NULL) {
			joined = xstrdup(text);
			continue;
		}
		/* Each text once, however many sets share it. */
		{
			const char *p = joined;
			size_t n = strlen(text), seplen = strlen(sep);
			bool found = false;

			while (p != NULL && !found) {
				if (strncmp(p, text, n) == 0 && (p[n] == '\0' || strncmp(p + n, sep, seplen) == 0))
					found = true;
				p = strstr(p, sep);
				if (p != NULL)
					p += seplen;
			}
			if (found)
				continue;
		}
		longer = xmalloc(strlen(joined) + strlen(sep) + strlen(text) + 1);
		sprintf(longer, "%s%s%s", joined, sep, text);
		free(joined);
		joined = longer;
	}
	return joined;
}

/* The title of rule ID in the reader's language and its ref, from the
 * first set that has it: {"title", "ref"}; NULL when no set has it. */
static json_t *
rule_title(const struct sets *sets, const char *id)
{
	const json_t *def = NULL;
	json_t *out;
	char *ref;
	size_t i;

	for (i = 0; def == NULL && i < sets->count; i++)
		def = ck_ruleset_rule(sets->set[i], id);
	if (def == NULL)
		return NULL;
	out = json_pack("{s:s}", "title", ck_rule_title(def, ck_language()));
	oom_unless(out != NULL);
	if (text_of(def, "basis") != NULL)
		json_object_set_new(out, "basis", json_string(text_of(def, "basis")));
	/* Two sets may cite two laws for one duty (DK and SE): both. */
	ref = rule_texts(sets, id, "ref", "; ");
	if (ref != NULL)
		json_object_set_new(out, "ref", json_string(ref));
	free(ref);
	return out;
}

/* The titles of the rules the report names and of the response times'
 * rules. */
static json_t *
rule_titles(const struct sets *sets, const json_t *body)
{
	json_t *out = json_object();
	const char *basis, *id;
	json_t *rules, *value;
	size_t i;

	oom_unless(out != NULL);
	for (i = 0; i < N_MEASURES; i++) {
		json_t *title = rule_title(sets, measures[i].rule);

		if (title != NULL)
			json_object_set_new(out, measures[i].rule, title);
	}
	json_object_foreach((json_t *)json_object_get(body, "rules"), basis, rules)
		json_object_foreach(rules, id, value)
			if (json_object_get(out, id) == NULL) {
				json_t *title = rule_title(sets, id);

				if (title != NULL)
					json_object_set_new(out, id, title);
			}
	return out;
}

/* Each response time's deadline: its rule's "within" in the sets
 * counted ("8w"; several, when sets differ: "8w, 10w"). */
static void
add_deadlines(const struct sets *sets, json_t *times)
{
	size_t i;

	for (i = 0; i < N_MEASURES; i++) {
		char *within = rule_texts(sets, measures[i].rule, "within", ", ");
		json_t *m = json_object_get(times, measures[i].name);

		if (within != NULL && m != NULL)
			json_object_set_new(m, "deadline", json_string(within));
		free(within);
	}
}

/* What "<N" and "*" mean, in the reader's language. */
static json_t *
legend(long min_cell)
{
	json_t *out = json_object();
	char key[32], *text;
	int n;

	oom_unless(out != NULL);
	if (min_cell < 2)
		return out;     /* every count is shown */
	snprintf(key, sizeof key, "<%ld", min_cell);
	/* TRANSLATORS: the meaning of "<5" in a report; %ld is the largest
	   count hidden so (4). */
	n = snprintf(NULL, 0, _("from 1 to %ld: too few to show, so that no child can be "
				"recognised"), min_cell - 1);
	text = xmalloc((size_t)n + 1);
	snprintf(text, (size_t)n + 1, _("from 1 to %ld: too few to show, so that no child can be "
					"recognised"), min_cell - 1);
	json_object_set_new(out, key, json_string(text));
	free(text);
	/* TRANSLATORS: the meaning of "*" in a report; %s is the sign of a
	   small count ("<5"). */
	n = snprintf(NULL, 0, _("hidden as well, so that a count shown as %s cannot be worked "
				"out from a total"), key);
	text = xmalloc((size_t)n + 1);
	snprintf(text, (size_t)n + 1, _("hidden as well, so that a count shown as %s cannot be "
					"worked out from a total"), key);
	json_object_set_new(out, "*", json_string(text));
	free(text);
	return out;
}

/* The names of the municipalities the groups are, from the table. */
static json_t *
group_names(const json_t *groups, const ck_municipalities *table)
{
	json_t *out = json_object();
	const char *key, *name;
	json_t *group;

	oom_unless(out != NULL);
	json_object_foreach((json_t *)groups, key, group)
		if ((name = ck_municipalities_name(table, key)) != NULL)
			json_object_set_new(out, key, json_string(name));
	return out;
}

/* The report's figures, suppressed: sections, caseload and groups. */
static json_t *
body_of(const struct build *b)
{
	const ck_report *r = b->r;
	const ck_report_options *opt = b->opt;
	bool committee = opt->audience == CK_AUDIENCE_COMMITTEE;
	json_t *body = sections(b, r->all, false);

	/* A committee's groups show rule totals: their total stands beside. */
	if (committee)
		json_object_set_new(body, "rule_totals", rules_result(r->all, true, NULL));
	/* Partials hold no staff contact: a merged report's caseload is
	 * per team, as a committee's is. */
	json_object_set_new(body, "caseload",
			    caseload_result(r->all, committee || r->merged ? "team" : "coordinator"));
	if (opt->by != CK_BY_NONE) {
		json_t *groups = json_object();
		const json_t *accs = json_object_get(r->by, by_names[opt->by]);
		size_t n, i;
		const char **keys;

		if (r->merged && opt->by == CK_BY_COORDINATOR)
			accs = NULL;
		keys = ordered_keys(accs, NULL, &n);
		oom_unless(groups != NULL);
		for (i = 0; i < n; i++)
			json_object_set_new(groups, keys[i],
					    sections(b, json_object_get(accs, keys[i]), true));
		free(keys);
		json_object_set_new(body, "groups", groups);
		fill_group_rules(body, groups);
		fill_group_parts(body, groups);
	}
	suppress(body, opt->min_cell);
	return body;
}

json_t *
ck_report_result_with(const ck_report *r, const ck_report_options *opt)
{
	char as_of[CK_DATE_SIZE];
	struct build b = { r, opt, { NULL, 0 }, NULL };
	json_t *out = json_object(), *body;
	const char *key;
	json_t *value;

	oom_unless(out != NULL);
	sets_counted(r, &b.sets);
	b.rule_order = rule_order(&b.sets);
	body = body_of(&b);
	add_deadlines(&b.sets, json_object_get(body, "response_times"));

	json_object_set_new(out, "as_of", json_string(ck_date_format(r->today, as_of)));
	if (opt->title != NULL)
		json_object_set_new(out, "title", json_string(opt->title));
	json_object_set_new(out, "period", json_string(r->period));
	json_object_set_new(out, "min_cell", json_integer(opt->min_cell));
	json_object_set_new(out, "audience",
			    json_string(opt->audience == CK_AUDIENCE_COMMITTEE ? "committee"
					: "manager"));
	if (opt->by != CK_BY_NONE)
		json_object_set_new(out, "by", json_string(by_names[opt->by]));
	json_object_set_new(out, "legend", legend(opt->min_cell));
	json_object_foreach(body, key, value)
		if (strcmp(key, "groups") != 0)
			json_object_set(out, key, value);
	if (json_object_get(body, "groups") != NULL)
		json_object_set(out, "groups", json_object_get(body, "groups"));
	json_object_set_new(out, "rule_titles", rule_titles(&b.sets, body));
	if (opt->by == CK_BY_MUNICIPALITY && opt->municipalities != NULL)
		json_object_set_new(out, "group_names",
				    group_names(json_object_get(body, "groups"), opt->municipalities));
	if (opt->compare != NULL) {
		ck_report_options previous = *opt;

		previous.compare = NULL;
		previous.title = NULL;
		json_object_set_new(out, "previous", ck_report_result_with(opt->compare, &previous));
	}
	json_decref(body);
	free(b.sets.set);
	json_decref(b.rule_order);
	return out;
}

json_t *
ck_report_result(const ck_report *r, ck_by by, ck_audience audience, long min_cell)
{
	ck_report_options opt;

	memset(&opt, 0, sizeof opt);
	opt.by = by;
	opt.audience = audience;
	opt.min_cell = min_cell;
	return ck_report_result_with(r, &opt);
}

size_t
ck_report_stale(const ck_report *r)
{
	return r->stale;
}
