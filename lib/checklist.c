/* SPDX-License-Identifier: MPL-2.0 */
/* checklist.c — judging a case by the rules of its set.
 *
 * A judge holds the set's rules with their paths and patterns compiled
 * (the set was checked when it was loaded, so compiling cannot fail
 * here). Judging a case walks the rules in order and appends a finding
 * for each judgement; a finding that a waiver covers becomes "waived".
 * The kinds and their meaning are those of casekit-rules(5), which
 * follows design section 4. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

static const char *const status_names[] = {
	[CK_FINDING_MISSING] = "missing",
	[CK_FINDING_OVERDUE] = "overdue",
	[CK_FINDING_DUE] = "due",
	[CK_FINDING_WAIVED] = "waived",
	[CK_FINDING_OK] = "ok",
	[CK_FINDING_NA] = "n/a",
};
#define N_STATUSES (sizeof status_names / sizeof status_names[0])

enum kind {
	KIND_DEADLINE,
	KIND_RECURRING,
	KIND_COUNT,
	KIND_PRESENT,
	KIND_MATCH,
	KIND_COORDINATOR,
	KIND_CONSENT,
	KIND_CONSENT_WITHDRAWN,
	KIND_CHILD_HEARD,
	KIND_YOUTH_PLAN,
	KIND_KNOWLEDGE_SOURCE,
	KIND_NETWORK_MEETING,
	KIND_COMMON_PLAN_REVIEW,
	KIND_SIBLING_SUPPORT,
	KIND_TRANSITION_PREPARE,
	KIND_SIP,
	KIND_REFERENCES
};

static const char *const kind_names[] = {
	[KIND_DEADLINE] = "deadline",
	[KIND_RECURRING] = "recurring",
	[KIND_COUNT] = "count",
	[KIND_PRESENT] = "present",
	[KIND_MATCH] = "match",
	[KIND_COORDINATOR] = "coordinator",
	[KIND_CONSENT] = "consent",
	[KIND_CONSENT_WITHDRAWN] = "consent-withdrawn",
	[KIND_CHILD_HEARD] = "child-heard",
	[KIND_YOUTH_PLAN] = "youth-plan",
	[KIND_KNOWLEDGE_SOURCE] = "knowledge-source",
	[KIND_NETWORK_MEETING] = "network-meeting",
	[KIND_COMMON_PLAN_REVIEW] = "common-plan-review",
	[KIND_SIBLING_SUPPORT] = "sibling-support",
	[KIND_TRANSITION_PREPARE] = "transition-prepare",
	[KIND_SIP] = "sip",
	[KIND_REFERENCES] = "references",
};
#define N_KINDS (sizeof kind_names / sizeof kind_names[0])

/* A list of compiled paths (a field that takes one path or several). */
struct paths {
	ck_path **items;
	size_t count;
};

/* A condition of "when" or "where": a path and a pattern. A path that
 * ends at "paragraph" shows the pattern a decision's paragraph in its
 * normal form (casekit(5), "Paragraphs"). */
struct condition {
	ck_path *path;
	ck_regex *pattern;
	bool paragraph;
};

struct conditions {
	struct condition *items;
	size_t count;
	long sectors;           /* when: "sectors": N; 0 for none */
	const json_t *sector_list;   /* when: "sectors": [names], or NULL;
					borrowed from the rule */
	bool has_below, has_at_least;   /* when: the child's age */
	ck_duration below, at_least;
	ck_path *age_on;        /* the date of the age; NULL: T */
};

/* An item of "from": {"earliest"|"latest": [...]}: the earliest date at
 * PATH, plus PLUS; with DATE, PATH yields elements and DATE is the date
 * of each; with ALONGSIDE, only elements that ran alongside the judged
 * element's date at ALONGSIDE count (started on or before it, their
 * DATE after it). */
struct from_item {
	ck_path *path, *date, *alongside;
	bool has_plus;
	ck_duration plus;
};

struct from {
	enum { FROM_FIRST, FROM_EARLIEST, FROM_LATEST } mode;
	struct from_item *items;
	size_t count;
};

struct rule_case;

struct rule {
	const json_t *json;     /* borrowed from the set, or the case's merge */
	const char *id, *ref, *basis;
	bool law;
	enum kind kind;
	struct conditions when;
	ck_path *each;          /* NULL: judged once */
	bool each_transitions;  /* each walks "transitions": items by kind */
	bool has_remind;
	ck_duration remind;
	struct rule_case *cases;
	size_t ncases;
	/* The kinds' own fields; unused ones stay empty. */
	struct from from;
	struct paths done, in_time, dates, path_list, unless;
	ck_path *ends, *start, *path;
	ck_duration within, every, age;
	bool after, active, municipal;
	long min, max;          /* -1: no bound */
	struct conditions where;
	ck_regex *pattern, *paragraphs, *placements, *without_consent, *earlier;
	const json_t *roles, *kinds, *except;
};

/* One of a rule's "cases": for an element its WHEN holds for, the rule
 * is judged as VARIANT (the rule with the case's fields), or is n/a. */
struct rule_case {
	struct conditions when;
	bool off;
	json_t *json;           /* the rule merged with the case; owned */
	struct rule variant;
};

struct ck_judge {
	const ck_ruleset *set;
	struct rule *rules;
	size_t count;
	/* Fixed paths of the special kinds. */
	ck_path *network_dates, *plan_updated, *opened, *sibling_offers, *started;
	ck_values values;       /* scratch, reused */
	char error[CK_MESSAGE_MAX];
};

/* What one judgement works with. */
struct job {
	ck_judge *judge;
	const json_t *record;
	ck_date today;
	ck_duration window;     /* W, or the rule's remind */
	unsigned flags;
	json_t *findings;
	bool failed;            /* a pattern could not be matched */
	bool has_born, has_followed;
	ck_date born;           /* child.born */
	ck_date followed;       /* followed_from: casekit began following */
};

const char *
ck_finding_status_name(ck_finding_status status)
{
	return (unsigned)status < N_STATUSES ? status_names[status] : NULL;
}

int
ck_finding_status_parse(const char *text)
{
	size_t i;

	for (i = 0; text != NULL && i < N_STATUSES; i++)
		if (strcmp(status_names[i], text) == 0)
			return (int)i;
	return -1;
}

/* ---------------------------------------------------------------------
 * Preparing a judge
 */

static ck_path *
compile_path(const char *text)
{
	char err[CK_MESSAGE_MAX];
	ck_path *path = ck_path_compile(text, err, sizeof err);

	/* The loader compiled it already: a failure here is a bug. */
	if (path == NULL)
		ck_fatal("%s: %s", text, err);
	return path;
}

static ck_regex *
compile_pattern(const char *text)
{
	char err[CK_MESSAGE_MAX];
	ck_regex *re = ck_regex_compile(text, err, sizeof err);

	if (re == NULL)
		ck_fatal("%s: %s", text, err);
	return re;
}

static ck_path *
optional_path(const json_t *rule, const char *key)
{
	const char *text = json_string_value(json_object_get(rule, key));

	return text != NULL ? compile_path(text) : NULL;
}

static void
compile_paths(struct paths *out, const json_t *value)
{
	size_t i;
	json_t *item;

	if (value == NULL)
		return;
	if (json_is_string(value)) {
		out->items = xmalloc(sizeof *out->items);
		out->items[0] = compile_path(json_string_value(value));
		out->count = 1;
		return;
	}
	out->items = xmalloc(json_array_size(value) * sizeof *out->items + 1);
	json_array_foreach(value, i, item)
		out->items[out->count++] = compile_path(json_string_value(item));
}

static void
free_paths(struct paths *p)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		ck_path_free(p->items[i]);
	free(p->items);
}

/* True when the path TEXT ends at a member "paragraph". */
static bool
ends_at_paragraph(const char *text)
{
	size_t n = strlen(text), k = strlen("paragraph");

	return n >= k && strcmp(text + n - k, "paragraph") == 0 &&
	       (n == k || text[n - k - 1] == '.');
}

static void
compile_conditions(struct conditions *out, const json_t *object)
{
	const char *key;
	json_t *value;

	if (object == NULL)
		return;
	out->items = xmalloc(json_object_size(object) * sizeof *out->items + 1);
	json_object_foreach((json_t *)object, key, value) {
		if (strcmp(key, "sectors") == 0) {
			if (json_is_integer(value))
				out->sectors = (long)json_integer_value(value);
			else
				out->sector_list = value;
			continue;
		}
		if (strcmp(key, "age_below") == 0) {
			out->has_below = ck_duration_parse(json_string_value(value), &out->below);
			continue;
		}
		if (strcmp(key, "age_at_least") == 0) {
			out->has_at_least = ck_duration_parse(json_string_value(value),
							      &out->at_least);
			continue;
		}
		if (strcmp(key, "age_on") == 0) {
			out->age_on = compile_path(json_string_value(value));
			continue;
		}
		out->items[out->count].path = compile_path(key);
		out->items[out->count].pattern = compile_pattern(json_string_value(value));
		out->items[out->count].paragraph = ends_at_paragraph(key);
		out->count++;
	}
}

static void
free_conditions(struct conditions *c)
{
	size_t i;

	for (i = 0; i < c->count; i++) {
		ck_path_free(c->items[i].path);
		ck_regex_free(c->items[i].pattern);
	}
	free(c->items);
	ck_path_free(c->age_on);
}

/* "from": a path, a list of paths (the first present counts), or
 * {"earliest"|"latest": [items]}. */
static void
compile_from(struct from *out, const json_t *value)
{
	struct paths plain = { NULL, 0 };
	const json_t *items, *item;
	size_t i;

	if (value == NULL)
		return;
	if (!json_is_object(value)) {
		compile_paths(&plain, value);
		out->mode = FROM_FIRST;
		out->items = xcalloc(plain.count + 1, sizeof *out->items);
		for (i = 0; i < plain.count; i++)
			out->items[i].path = plain.items[i];
		out->count = plain.count;
		free(plain.items);
		return;
	}
	items = json_object_get(value, "earliest");
	out->mode = FROM_EARLIEST;
	if (items == NULL) {
		items = json_object_get(value, "latest");
		out->mode = FROM_LATEST;
	}
	out->items = xcalloc(json_array_size(items) + 1, sizeof *out->items);
	json_array_foreach(items, i, item) {
		struct from_item *it = &out->items[out->count++];

		if (json_is_string(item)) {
			it->path = compile_path(json_string_value(item));
			continue;
		}
		it->path = optional_path(item, "path");
		it->date = optional_path(item, "date");
		it->alongside = optional_path(item, "alongside");
		if (json_object_get(item, "plus") != NULL)
			it->has_plus = ck_duration_parse(json_string_value(json_object_get(item, "plus")),
							 &it->plus);
	}
}

static void
free_from(struct from *f)
{
	size_t i;

	for (i = 0; i < f->count; i++) {
		ck_path_free(f->items[i].path);
		ck_path_free(f->items[i].date);
		ck_path_free(f->items[i].alongside);
	}
	free(f->items);
}

static ck_duration
duration_of(const json_t *rule, const char *key)
{
	ck_duration d = { 0, 0 };
	const char *text = json_string_value(json_object_get(rule, key));

	if (text != NULL)
		ck_duration_parse(text, &d);
	return d;
}

static long
bound_of(const json_t *rule, const char *key)
{
	const json_t *value = json_object_get(rule, key);

	return json_is_integer(value) ? (long)json_integer_value(value) : -1;
}

static ck_regex *
optional_pattern(const json_t *rule, const char *key)
{
	const char *text = json_string_value(json_object_get(rule, key));

	return text != NULL ? compile_pattern(text) : NULL;
}

static void prepare_rule(struct rule *r, const json_t *json);

/* The rule JSON with the fields of CASE in place of its own: a new
 * object without "cases". */
static json_t *
merge_case(const json_t *json, const json_t *one)
{
	json_t *merged = json_deep_copy(json), *value;
	const char *key;

	oom_unless(merged != NULL);
	json_object_del(merged, "cases");
	json_object_foreach((json_t *)one, key, value)
		if (strcmp(key, "when") != 0 && strcmp(key, "off") != 0)
			oom_unless(json_object_set(merged, key, value) == 0);
	return merged;
}

static void
prepare_cases(struct rule *r, const json_t *cases)
{
	const json_t *one;
	size_t i;

	if (cases == NULL)
		return;
	r->cases = xcalloc(json_array_size(cases) + 1, sizeof *r->cases);
	json_array_foreach(cases, i, one) {
		struct rule_case *c = &r->cases[r->ncases++];

		compile_conditions(&c->when, json_object_get(one, "when"));
		c->off = json_is_true(json_object_get(one, "off"));
		c->json = merge_case(r->json, one);
		prepare_rule(&c->variant, c->json);
	}
}

static void
prepare_rule(struct rule *r, const json_t *json)
{
	const char *kind = json_string_value(json_object_get(json, "kind"));
	const char *text;
	size_t i;

	memset(r, 0, sizeof *r);
	r->json = json;
	r->id = json_string_value(json_object_get(json, "id"));
	r->ref = json_string_value(json_object_get(json, "ref"));
	r->basis = json_string_value(json_object_get(json, "basis"));
	r->law = r->basis != NULL && strcmp(r->basis, "law") == 0;
	for (i = 0; i < N_KINDS; i++)
		if (strcmp(kind_names[i], kind) == 0)
			r->kind = (enum kind)i;
	compile_conditions(&r->when, json_object_get(json, "when"));
	if ((text = json_string_value(json_object_get(json, "each"))) != NULL) {
		r->each = compile_path(text);
		r->each_transitions = strncmp(text, "transitions", 11) == 0;
	}
	if (json_object_get(json, "remind") != NULL) {
		r->has_remind = true;
		r->remind = duration_of(json, "remind");
	}
	compile_from(&r->from, json_object_get(json, "from"));
	compile_paths(&r->done, json_object_get(json, "done"));
	compile_paths(&r->dates, json_object_get(json, "dates"));
	compile_paths(&r->unless, json_object_get(json, "unless"));
	compile_paths(&r->in_time, json_object_get(json, "in_time"));
	r->municipal = !json_is_false(json_object_get(json, "municipal"));
	r->paragraphs = optional_pattern(json, "paragraphs");
	r->placements = optional_pattern(json, "placements");
	r->without_consent = optional_pattern(json, "without_consent");
	r->earlier = optional_pattern(json, "earlier");
	r->ends = optional_path(json, "ends");
	r->start = optional_path(json, "start");
	r->within = duration_of(json, "within");
	r->every = duration_of(json, "every");
	r->age = duration_of(json, "age");
	r->after = json_is_true(json_object_get(json, "after"));
	r->active = json_is_true(json_object_get(json, "active"));
	r->min = bound_of(json, "min");
	r->max = bound_of(json, "max");
	compile_conditions(&r->where, json_object_get(json, "where"));
	if (r->kind == KIND_PRESENT)
		compile_paths(&r->path_list, json_object_get(json, "path"));
	else
		r->path = optional_path(json, "path");
	if ((text = json_string_value(json_object_get(json, "pattern"))) != NULL)
		r->pattern = compile_pattern(text);
	r->roles = json_object_get(json, "roles");
	r->kinds = json_object_get(json, "kinds");
	r->except = json_object_get(json, "except");
	prepare_cases(r, json_object_get(json, "cases"));
}

static void
free_rule(struct rule *r)
{
	size_t i;

	for (i = 0; i < r->ncases; i++) {
		free_conditions(&r->cases[i].when);
		free_rule(&r->cases[i].variant);
		json_decref(r->cases[i].json);
	}
	free(r->cases);
	free_conditions(&r->when);
	ck_path_free(r->each);
	free_from(&r->from);
	free_paths(&r->done);
	free_paths(&r->dates);
	free_paths(&r->unless);
	free_paths(&r->in_time);
	ck_regex_free(r->paragraphs);
	ck_regex_free(r->placements);
	ck_regex_free(r->without_consent);
	ck_regex_free(r->earlier);
	free_paths(&r->path_list);
	ck_path_free(r->ends);
	ck_path_free(r->start);
	ck_path_free(r->path);
	free_conditions(&r->where);
	ck_regex_free(r->pattern);
}

ck_judge *
ck_judge_new(const ck_ruleset *set)
{
	const json_t *rules = ck_ruleset_rules(set);
	ck_judge *judge = xcalloc(1, sizeof *judge);
	json_t *rule;
	size_t i;

	judge->set = set;
	judge->rules = xmalloc(json_array_size(rules) * sizeof *judge->rules + 1);
	json_array_foreach(rules, i, rule)
		prepare_rule(&judge->rules[judge->count++], rule);
	judge->network_dates = compile_path("meetings[kind=network].date");
	judge->plan_updated = compile_path("plans.common.updated");
	judge->opened = compile_path("opened");
	judge->sibling_offers = compile_path("offers[to=siblings]");
	judge->started = compile_path("started");
	return judge;
}

void
ck_judge_free(ck_judge *judge)
{
	size_t i;

	if (judge == NULL)
		return;
	for (i = 0; i < judge->count; i++)
		free_rule(&judge->rules[i]);
	free(judge->rules);
	ck_path_free(judge->network_dates);
	ck_path_free(judge->plan_updated);
	ck_path_free(judge->opened);
	ck_path_free(judge->sibling_offers);
	ck_path_free(judge->started);
	ck_values_free(&judge->values);
	free(judge);
}

const char *
ck_judge_error(const ck_judge *judge)
{
	return judge->error;
}

/* ---------------------------------------------------------------------
 * What a record holds
 */

/* The values at PATH from NODE (ROOT for "$."), in the judge's scratch
 * list: valid until the next call. */
static ck_values *
values_at(struct job *job, const ck_path *path, const json_t *node)
{
	ck_values *v = &job->judge->values;

	ck_values_clear(v);
	ck_path_eval(path, (json_t *)job->record, (json_t *)node, v);
	return v;
}

static bool
date_of(const json_t *value, ck_date *out)
{
	return json_is_string(value) && ck_date_parse(json_string_value(value), out);
}

/* The first date the paths yield, path by path: "the first that is
 * present counts". */
static bool
first_date(struct job *job, const struct paths *paths, const json_t *node, ck_date *out)
{
	size_t i, k;

	for (i = 0; i < paths->count; i++) {
		ck_values *v = values_at(job, paths->items[i], node);

		for (k = 0; k < v->count; k++)
			if (date_of(v->items[k], out))
				return true;
	}
	return false;
}

static bool
date_at(struct job *job, const ck_path *path, const json_t *node, ck_date *out)
{
	struct paths one = { (ck_path **)&path, 1 };

	return path != NULL && first_date(job, &one, node, out);
}

/* Which values count as a duty done: any value, or only a date on or
 * after FROM ("after"), or on or before BY ("in_time"). */
struct done_by {
	bool after, on_time;
	ck_date from, by;
};

/* True when any path yields a value that is not null and counts. */
static bool
any_value(struct job *job, const struct paths *paths, const json_t *node,
	  const struct done_by *when)
{
	size_t i, k;
	ck_date d;

	for (i = 0; i < paths->count; i++) {
		ck_values *v = values_at(job, paths->items[i], node);

		for (k = 0; k < v->count; k++) {
			bool dated;

			if (json_is_null(v->items[k]))
				continue;
			if (when == NULL || (!when->after && !when->on_time))
				return true;
			dated = date_of(v->items[k], &d);
			if (dated && (!when->after || d >= when->from) &&
			    (!when->on_time || d <= when->by))
				return true;
		}
	}
	return false;
}

static bool
has_value(struct job *job, const ck_path *path, const json_t *node)
{
	struct paths one = { (ck_path **)&path, 1 };

	return any_value(job, &one, node, NULL);
}

/* The elements at PATH from NODE, copied out of the scratch list (which
 * the caller's next look-up reuses); *N of them. Free the array. */
static const json_t **
elements_at(struct job *job, const ck_path *path, const json_t *node, size_t *n)
{
	ck_values *v = values_at(job, path, node);
	const json_t **elements = xmalloc(v->count * sizeof *elements + 1);
	size_t i;

	for (i = 0; i < v->count; i++)
		elements[i] = v->items[i];
	*n = v->count;
	return elements;
}

/* The date an item of "from" yields for NODE: the earliest it holds. */
static bool
item_date(struct job *job, const struct from_item *it, const json_t *node, ck_date *out)
{
	const json_t **elements;
	bool found = false;
	size_t i, n;
	ck_date d = 0, at = 0, began = 0;

	if (it->date == NULL) {
		ck_values *v = values_at(job, it->path, node);

		for (i = 0; i < v->count; i++)
			if (date_of(v->items[i], &d) && (!found || d < *out)) {
				*out = d;
				found = true;
			}
	} else {
		if (it->alongside != NULL && !date_at(job, it->alongside, node, &at))
			return false;
		elements = elements_at(job, it->path, node, &n);
		for (i = 0; i < n; i++) {
			if (!date_at(job, it->date, elements[i], &d))
				continue;
			/* Ran alongside: begun on or before AT, ended after it. */
			if (it->alongside != NULL &&
			    (!date_at(job, job->judge->started, elements[i], &began) || began > at ||
			     d <= at))
				continue;
			if (!found || d < *out) {
				*out = d;
				found = true;
			}
		}
		free(elements);
	}
	if (found && it->has_plus)
		*out = ck_date_add(*out, it->plus);
	return found;
}

/* The date "from" gives for NODE: the first present, or the earliest or
 * latest of the items' dates. */
static bool
from_date(struct job *job, const struct from *from, const json_t *node, ck_date *out)
{
	bool found = false;
	size_t i;
	ck_date d = 0;

	for (i = 0; i < from->count; i++) {
		if (!item_date(job, &from->items[i], node, &d))
			continue;
		if (from->mode == FROM_FIRST) {
			*out = d;
			return true;
		}
		if (!found || (from->mode == FROM_EARLIEST ? d < *out : d > *out))
			*out = d;
		found = true;
	}
	return found;
}

/* The latest date on or before T that the paths yield: dates ahead are
 * not yet held. */
static bool
latest_held(struct job *job, const struct paths *paths, const json_t *node, ck_date *out)
{
	bool found = false;
	size_t i, k;
	ck_date d;

	for (i = 0; i < paths->count; i++) {
		ck_values *v = values_at(job, paths->items[i], node);

		for (k = 0; k < v->count; k++)
			if (date_of(v->items[k], &d) && d <= job->today && (!found || d > *out)) {
				*out = d;
				found = true;
			}
	}
	return found;
}

/* Notes a pattern that could not be matched (the match limit): it fails
 * the job. */
static void
match_failed(struct job *job, const char *err)
{
	if (!job->failed) {
		job->failed = true;
		snprintf(job->judge->error, sizeof job->judge->error, "%s", err);
	}
}

/* RE matched against the paragraph VALUE in its normal form; a text
 * casekit cannot normalise is matched by no pattern (casekit(5)). */
static bool
paragraph_matches(struct job *job, ck_regex *re, const json_t *value)
{
	char normal[CK_PARAGRAPH_MAX], err[CK_MESSAGE_MAX];
	int m;

	if (!json_is_string(value) ||
	    !ck_paragraph_normal(json_string_value(value), normal, sizeof normal))
		return false;
	m = ck_regex_match(re, normal, strlen(normal), err, sizeof err);
	if (m < 0)
		match_failed(job, err);
	return m > 0;
}

/* True when some value at the condition's path matches its pattern. */
static bool
condition_holds(struct job *job, const struct condition *c, const json_t *node)
{
	ck_values *v = values_at(job, c->path, node);
	char err[CK_MESSAGE_MAX];
	size_t k;

	for (k = 0; k < v->count; k++) {
		int m;

		if (c->paragraph) {
			if (paragraph_matches(job, c->pattern, v->items[k]))
				return true;
			continue;
		}
		m = ck_regex_match_value(c->pattern, v->items[k], err, sizeof err);
		if (m > 0)
			return true;
		if (m < 0)
			match_failed(job, err);
	}
	return false;
}

/* The child's age conditions of "when": on T, or on the date at
 * "age_on". An unknown birth date or date holds no age condition. */
static bool
age_holds(struct job *job, const struct conditions *c, const json_t *node)
{
	ck_date on = job->today;

	if (!c->has_below && !c->has_at_least)
		return true;
	if (!job->has_born || (c->age_on != NULL && !date_at(job, c->age_on, node, &on)))
		return false;
	if (c->has_below && ck_date_add(job->born, c->below) <= on)
		return false;
	if (c->has_at_least && ck_date_add(job->born, c->at_least) > on)
		return false;
	return true;
}

/* The number of sectors the actors active on T span, "family" not
 * counted. */
static long
active_sectors(struct job *job)
{
	const json_t *actors = json_object_get(job->record, "actors"), *a, *b;
	long n = 0;
	size_t i, k;

	json_array_foreach(actors, i, a) {
		const char *sector = json_string_value(json_object_get(a, "sector"));
		bool seen = false;

		if (sector == NULL || strcmp(sector, "family") == 0 || !ck_actor_active(a, job->today))
			continue;
		for (k = 0; k < i && !seen; k++) {
			b = json_array_get(actors, k);
			seen = ck_actor_active(b, job->today) &&
			       json_equal(json_object_get(b, "sector"), json_object_get(a, "sector"));
		}
		if (!seen)
			n++;
	}
	return n;
}

/* True when an actor active on T works in SECTOR. */
static bool
sector_active(struct job *job, const char *sector)
{
	const json_t *a;
	size_t i;

	json_array_foreach(json_object_get(job->record, "actors"), i, a) {
		const char *s = json_string_value(json_object_get(a, "sector"));

		if (s != NULL && sector != NULL && strcmp(s, sector) == 0 &&
		    ck_actor_active(a, job->today))
			return true;
	}
	return false;
}

static bool
conditions_hold(struct job *job, const struct conditions *c, const json_t *node)
{
	const json_t *sector;
	size_t i;

	if (c->sectors > 0 && active_sectors(job) < c->sectors)
		return false;
	json_array_foreach(c->sector_list, i, sector)
		if (!sector_active(job, json_string_value(sector)))
			return false;
	if (!age_holds(job, c, node))
		return false;
	for (i = 0; i < c->count; i++)
		if (!condition_holds(job, &c->items[i], node))
			return false;
	return true;
}

static bool
text_in(const json_t *list, const char *text)
{
	const json_t *item;
	size_t i;

	json_array_foreach(list, i, item)
		if (text != NULL && json_is_string(item) && strcmp(json_string_value(item), text) == 0)
			return true;
	return false;
}

static const json_t *
active_actor(const json_t *record, const char *id, ck_date today)
{
	const json_t *actor;

	if (id == NULL)
		return NULL;
	actor = ck_case_element(record, "actors", id);
	return actor != NULL && ck_actor_active(actor, today) ? actor : NULL;
}

/* ---------------------------------------------------------------------
 * Findings
 */

/* True when a waiver of the record covers RULE with ITEM (NULL: none)
 * on T. */
static bool
waived(struct job *job, const char *rule, const char *item)
{
	const json_t *w;
	size_t i;
	ck_date until;

	json_array_foreach(json_object_get(job->record, "waivers"), i, w) {
		const char *wr = json_string_value(json_object_get(w, "rule"));
		const char *wi = json_string_value(json_object_get(w, "item"));
		const json_t *u = json_object_get(w, "until");

		if (wr == NULL || strcmp(wr, rule) != 0)
			continue;
		if ((wi == NULL) != (item == NULL) || (wi != NULL && strcmp(wi, item) != 0))
			continue;
		if (u == NULL || (date_of(u, &until) && until >= job->today))
			return true;
	}
	return false;
}

/* Adds a finding. DUTY is the day the duty fell due or arose (the due
 * date, or for a duty without one the day it applied to), or NULL: a
 * law's duty from before casekit followed the case is marked
 * "before_followed", so that reports can count it apart. */
static void
add_finding_at(struct job *job, const struct rule *r, ck_finding_status status,
	       const ck_date *due, const char *item, const ck_date *duty)
{
	char text[CK_DATE_SIZE];
	json_t *f;

	if ((status == CK_FINDING_MISSING || status == CK_FINDING_OVERDUE ||
	     status == CK_FINDING_DUE) && waived(job, r->id, item))
		status = CK_FINDING_WAIVED;
	if ((status == CK_FINDING_OK || status == CK_FINDING_NA) &&
	    !(job->flags & CK_JUDGE_SHOW_OK))
		return;
	f = json_object();
	oom_unless(f != NULL);
	json_object_set_new(f, "rule", json_string(r->id));
	json_object_set_new(f, "ref", json_string(r->ref));
	json_object_set_new(f, "basis", json_string(r->basis));
	json_object_set_new(f, "status", json_string(status_names[status]));
	if (due != NULL)
		json_object_set_new(f, "due", json_string(ck_date_format(*due, text)));
	if (item != NULL)
		json_object_set_new(f, "item", json_string(item));
	if (r->law && duty != NULL && job->has_followed && *duty < job->followed)
		json_object_set_new(f, "before_followed", json_true());
	oom_unless(json_array_append_new(job->findings, f) == 0);
}

static void
add_finding(struct job *job, const struct rule *r, ck_finding_status status,
	    const ck_date *due, const char *item)
{
	add_finding_at(job, r, status, due, item, due);
}

/* A recommendation's or the municipality's own deadline that fell
 * before casekit began following the case (followed_from) is moved to a
 * month after that day: an old case taken in is not shown years
 * overdue on duties nobody could still act on in time. A law's
 * deadline stays as it is (a breach of law stays one). */
static ck_date
followed_due(const struct job *job, const struct rule *r, ck_date d)
{
	if (!r->law && job->has_followed && d < job->followed)
		return ck_date_add(job->followed, (ck_duration){ 1, 0 });
	return d;
}

/* A duty due on D, not yet done: overdue once T has passed D, due while
 * D is within the window, else ok (with D). */
static void
add_dated(struct job *job, const struct rule *r, ck_date d, const char *item)
{
	ck_finding_status status;

	d = followed_due(job, r, d);
	if (job->today > d)
		status = CK_FINDING_OVERDUE;
	else if (d <= ck_date_add(job->today, job->window))
		status = CK_FINDING_DUE;
	else
		status = CK_FINDING_OK;
	add_finding(job, r, status, &d, item);
}

/* ---------------------------------------------------------------------
 * The kinds
 */

/* "in_time": paths that count as done only with a date on or before D
 * (a notice given before the deadline ran out). With "unless": a duty
 * that arises only when D passes without the
 * date at UNLESS (a decision not made by the processing deadline calls
 * for a written notice by then). n/a when that date came on or before
 * D, and while D has not passed; once it has, the duty is overdue, or
 * missing when the matter was settled late without it: it can no longer
 * be done in time. */
static void
judge_deadline(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	struct done_by when = { r->after, false, 0, 0 }, by;
	bool settled = false;
	ck_date from, ends, d, at = 0;

	if (!from_date(job, &r->from, node, &from) ||
	    (date_at(job, r->ends, node, &ends) && ends < job->today)) {
		add_finding(job, r, CK_FINDING_NA, NULL, item);
		return;
	}
	d = ck_date_add(from, r->within);
	if (r->unless.count > 0) {
		settled = first_date(job, &r->unless, node, &at);
		if ((settled && at <= d) || (!settled && job->today <= d)) {
			add_finding(job, r, CK_FINDING_NA, NULL, item);
			return;
		}
	}
	when.from = from;
	by = when;
	by.on_time = true;
	by.by = d;
	if ((r->done.count > 0 && any_value(job, &r->done, node, &when)) ||
	    (r->in_time.count > 0 && any_value(job, &r->in_time, node, &by))) {
		add_finding(job, r, CK_FINDING_OK, NULL, item);
		return;
	}
	if (r->unless.count > 0) {
		d = followed_due(job, r, d);
		add_finding(job, r, settled ? CK_FINDING_MISSING : CK_FINDING_OVERDUE, &d, item);
		return;
	}
	add_dated(job, r, d, item);
}

/* Due EVERY after the latest date held at DATES, else after START. */
static void
judge_recurring(struct job *job, const struct rule *r, const struct paths *dates,
		const ck_path *start, ck_duration every, const json_t *node, const char *item)
{
	ck_date last;

	if (!latest_held(job, dates, node, &last) && !date_at(job, start, node, &last)) {
		add_finding(job, r, CK_FINDING_NA, NULL, item);
		return;
	}
	add_dated(job, r, ck_date_add(last, every), item);
}

static void
judge_count(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	const json_t **elements;
	ck_values *v = values_at(job, r->path, node);
	size_t i, n = v->count;
	long count = 0;

	/* The conditions reuse the scratch list: copy the elements first. */
	elements = xmalloc(n * sizeof *elements + 1);
	for (i = 0; i < n; i++)
		elements[i] = v->items[i];
	for (i = 0; i < n; i++) {
		if (r->active && !ck_actor_active(elements[i], job->today))
			continue;
		if (conditions_hold(job, &r->where, elements[i]))
			count++;
	}
	free(elements);
	add_finding(job, r, (r->min >= 0 && count < r->min) || (r->max >= 0 && count > r->max)
		    ? CK_FINDING_MISSING : CK_FINDING_OK, NULL, item);
}

static void
judge_present(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	size_t i;

	for (i = 0; i < r->path_list.count; i++)
		if (!has_value(job, r->path_list.items[i], node)) {
			add_finding(job, r, CK_FINDING_MISSING, NULL, item);
			return;
		}
	add_finding(job, r, CK_FINDING_OK, NULL, item);
}

static void
judge_match(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	struct condition c = { r->path, r->pattern, ends_at_paragraph(ck_path_text(r->path)) };

	add_finding(job, r, condition_holds(job, &c, node) ? CK_FINDING_OK : CK_FINDING_MISSING,
		    NULL, item);
}

/* DK 1.5, "Én familie – én indgang": one active coordinator, the
 * municipality's. */
static void
judge_coordinator(struct job *job, const struct rule *r)
{
	const json_t *a, *coordinator = NULL;
	size_t i, n = 0;

	json_array_foreach(json_object_get(job->record, "actors"), i, a)
		if (json_is_true(json_object_get(a, "coordinator")) && ck_actor_active(a, job->today)) {
			coordinator = a;
			n++;
		}
	add_finding(job, r, n == 1 && (!r->municipal ||
				       json_is_true(json_object_get(coordinator, "municipal")))
		    ? CK_FINDING_OK : CK_FINDING_MISSING, NULL, NULL);
}

/* DK 1.2: knowledge shared only with consent, judged per actor that
 * receives data. A recommendation: sharing may have another legal basis
 * casekit cannot see. Refused or withdrawn is rule consent-withdrawn's
 * business: asking to obtain consent again would be the wrong advice.
 * add_dated counts a duty due on D as overdue from the day after D; a
 * consent's last day is the last valid day, so that is the same thing. */
static void
judge_consent(struct job *job, const struct rule *r)
{
	const json_t *a;
	size_t i;

	json_array_foreach(json_object_get(job->record, "actors"), i, a) {
		const char *id = json_string_value(json_object_get(a, "id"));
		const char *state;
		ck_date last;

		if (!ck_actor_active(a, job->today))
			continue;
		state = ck_actor_consent_state(job->record, a, job->today);
		if (strcmp(state, "not-needed") == 0)
			continue;
		if (strcmp(state, "refused") == 0 || strcmp(state, "withdrawn") == 0) {
			add_finding(job, r, CK_FINDING_NA, NULL, id);
		} else if (strcmp(state, "given") == 0 || strcmp(state, "expired") == 0) {
			if (ck_consent_last_day(job->record, ck_actor_latest_consent(job->record, a),
						&last))
				add_dated(job, r, last, id);
			else
				add_finding(job, r, CK_FINDING_OK, NULL, id);
		} else {
			add_finding(job, r, CK_FINDING_MISSING, NULL, id);
		}
	}
}

/* Databeskyttelsesforordningen art. 7 stk. 3, forvaltningsloven § 28
 * stk. 4: a consent can be withdrawn, and then nothing more is shared on
 * it. Each active actor that still receives data and whose latest
 * consent was withdrawn (on or before T) or refused is missing its
 * stop: end the sharing, or record that it receives no data. */
static void
judge_consent_withdrawn(struct job *job, const struct rule *r)
{
	const json_t *a;
	size_t i;

	json_array_foreach(json_object_get(job->record, "actors"), i, a) {
		const char *id = json_string_value(json_object_get(a, "id"));
		const json_t *latest;
		ck_date on;

		if (!ck_actor_active(a, job->today) ||
		    json_is_false(json_object_get(a, "receives_data")))
			continue;
		latest = ck_actor_latest_consent(job->record, a);
		if (latest == NULL)
			continue;
		/* Whoever the actor is: a municipal one too was named. */
		if ((date_of(json_object_get(latest, "withdrawn"), &on) && on <= job->today) ||
		    (json_object_get(latest, "given") == NULL &&
		     date_of(json_object_get(latest, "refused"), &on)))
			add_finding_at(job, r, CK_FINDING_MISSING, NULL, id, &on);
		else
			add_finding(job, r, CK_FINDING_OK, NULL, id);
	}
}

/* Barnets lov § 5 stk. 3-4: the child's views obtained by a
 * conversation before the decision, or, in quite special cases, a
 * reason why not and the views obtained otherwise, also before it. A
 * conversation after the decision does not count; neither does the old
 * value "not-required", an exception the law does not have. Judged per
 * decision ("each") under the paragraphs the rule names. */
static void
judge_child_heard(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	const json_t *exception = json_object_get(node, "hearing_exception");
	const char *reason = json_string_value(json_object_get(exception, "reason"));
	ck_date decided, heard, views;

	if (!date_of(json_object_get(node, "decided"), &decided) ||
	    (r->paragraphs != NULL &&
	     !paragraph_matches(job, r->paragraphs, json_object_get(node, "paragraph")))) {
		add_finding(job, r, CK_FINDING_NA, NULL, item);
		return;
	}
	if ((date_of(json_object_get(node, "child_heard"), &heard) && heard <= decided) ||
	    (reason != NULL && *reason != '\0' &&
	     date_of(json_object_get(exception, "views_obtained"), &views) && views <= decided)) {
		add_finding(job, r, CK_FINDING_OK, NULL, item);
		return;
	}
	add_finding_at(job, r, CK_FINDING_MISSING, NULL, item, &decided);
}

/* Barnets lov § 108. From 16, the municipality decides whether to make
 * a youth plan (ungeplan) when a young person with a child plan turns
 * 16 (stk. 1 nr. 1), one receiving support under § 32 turns 16 (nr. 2),
 * support under §§ 32, 114, 115, 120 is decided for one who has had no
 * § 32 support before (nr. 3), or under § 116 (nr. 4); a placement
 * under §§ 46, 47 of one who is 16 calls for the plan itself (stk. 2).
 * The plan is there within 3 months of the decision or the 16th
 * birthday (stk. 3); a placement without consent has it before the
 * decision (stk. 4). Judged once per case: the earliest of these
 * deadlines. Done by the plan made (plans.youth.date of a decision
 * other than not-needed), or, where no placement calls for it, by the
 * decision that none is needed, dated by the deadline. */
static void
judge_youth_plan(struct job *job, const struct rule *r)
{
	const json_t *plans = json_object_get(job->record, "plans");
	const json_t *youth = json_object_get(plans, "youth");
	const json_t *decisions = json_object_get(job->record, "decisions"), *d, *e;
	const char *outcome, *choice;
	bool found = false, placed = false, not_needed;
	ck_date sixteen, due = 0, decided, ends, at, before;
	size_t i, k;

	if (!job->has_born || job->today < (sixteen = ck_date_add(job->born, r->age))) {
		add_finding(job, r, CK_FINDING_NA, NULL, NULL);
		return;
	}
	/* nr. 1: a child plan made before 16. */
	if (date_of(json_object_get(json_object_get(plans, "child"), "date"), &at) &&
	    at < sixteen) {
		due = ck_date_add(sixteen, r->within);
		found = true;
	}
	json_array_foreach(decisions, i, d) {
		const json_t *paragraph = json_object_get(d, "paragraph");
		bool placement, support;
		ck_date one;

		outcome = json_string_value(json_object_get(d, "outcome"));
		if (outcome == NULL || (strcmp(outcome, "granted") != 0 && strcmp(outcome, "partly") != 0)
		    || !date_of(json_object_get(d, "decided"), &decided))
			continue;
		placement = r->placements != NULL && paragraph_matches(job, r->placements, paragraph);
		support = r->paragraphs != NULL && paragraph_matches(job, r->paragraphs, paragraph);
		if (!placement && !support)
			continue;
		at = decided > sixteen ? decided : sixteen;
		/* Support that ended before the duty arose calls for nothing. */
		if (date_of(json_object_get(d, "ends"), &ends) && ends < at)
			continue;
		if (support && !placement && decided >= sixteen && r->earlier != NULL) {
			/* nr. 3: only for one who had no earlier § 32 support; an
			 * earlier one still running at 16 is nr. 2 on its own. */
			bool earlier = false;

			json_array_foreach(decisions, k, e)
				if (e != d && date_of(json_object_get(e, "decided"), &before) &&
				    before < decided &&
				    paragraph_matches(job, r->earlier, json_object_get(e, "paragraph")))
					earlier = true;
			if (earlier)
				continue;
		}
		one = ck_date_add(at, r->within);
		if (placement) {
			placed = true;
			if (decided >= sixteen && r->without_consent != NULL &&
			    paragraph_matches(job, r->without_consent, paragraph))
				one = decided;
		}
		if (!found || one < due)
			due = one;
		found = true;
	}
	if (!found) {
		add_finding(job, r, CK_FINDING_NA, NULL, NULL);
		return;
	}
	/* The plan made, or, where no placement calls for the plan itself,
	 * the decision that none is needed, dated by the deadline. */
	choice = json_string_value(json_object_get(youth, "decision"));
	not_needed = choice != NULL && strcmp(choice, "not-needed") == 0;
	if ((!not_needed && date_of(json_object_get(youth, "date"), &at)) ||
	    (not_needed && !placed && date_of(json_object_get(youth, "date"), &at) && at <= due)) {
		add_finding(job, r, CK_FINDING_OK, NULL, NULL);
		return;
	}
	add_dated(job, r, due, NULL);
}

static void
judge_knowledge_source(struct job *job, const struct rule *r)
{
	const json_t *a, *m;
	size_t i;

	json_array_foreach(json_object_get(job->record, "actors"), i, a)
		if (ck_actor_active(a, job->today) &&
		    text_in(r->roles, json_string_value(json_object_get(a, "role")))) {
			add_finding(job, r, CK_FINDING_OK, NULL, NULL);
			return;
		}
	json_array_foreach(json_object_get(job->record, "meetings"), i, m) {
		const char *kind = json_string_value(json_object_get(m, "kind"));

		if (kind != NULL && strcmp(kind, "consultation") == 0) {
			add_finding(job, r, CK_FINDING_OK, NULL, NULL);
			return;
		}
	}
	add_finding(job, r, CK_FINDING_MISSING, NULL, NULL);
}

static void
judge_network_meeting(struct job *job, const struct rule *r)
{
	struct paths dates = { &job->judge->network_dates, 1 };

	judge_recurring(job, r, &dates, job->judge->opened, r->every, job->record, NULL);
}

/* DK 1.4: the common plan reviewed on its next_review, else every 6m
 * after it was updated. */
static void
judge_common_plan_review(struct job *job, const struct rule *r)
{
	const json_t *common = json_object_get(json_object_get(job->record, "plans"), "common");
	struct paths updated = { &job->judge->plan_updated, 1 };
	ck_date next;

	if (!json_is_object(common)) {
		add_finding(job, r, CK_FINDING_NA, NULL, NULL);
		return;
	}
	if (date_of(json_object_get(common, "next_review"), &next)) {
		add_dated(job, r, next, NULL);
		return;
	}
	judge_recurring(job, r, &updated, job->judge->opened, r->every, job->record, NULL);
}

/* DK 1.7: siblings under 18 (or of unknown age) offered support. */
static void
judge_sibling_support(struct job *job, const struct rule *r)
{
	struct paths offers = { &job->judge->sibling_offers, 1 };
	const json_t *member;
	bool applies = false;
	size_t i;
	ck_date born, opened;

	json_array_foreach(json_object_get(job->record, "family"), i, member) {
		const char *relation = json_string_value(json_object_get(member, "relation"));

		if (relation == NULL || strcmp(relation, "sibling") != 0)
			continue;
		if (!date_of(json_object_get(member, "born"), &born) ||
		    ck_date_add(born, r->age) > job->today)
			applies = true;
	}
	if (!applies || !date_at(job, job->judge->opened, job->record, &opened)) {
		add_finding(job, r, CK_FINDING_NA, NULL, NULL);
		return;
	}
	if (any_value(job, &offers, job->record, NULL))
		add_finding(job, r, CK_FINDING_OK, NULL, NULL);
	else
		add_dated(job, r, ck_date_add(opened, r->within), NULL);
}

/* DK 1.6 and Barnets lov §§ 122-123: each transition prepared from its
 * prepare_from, and done by its due. */
static void
judge_transition_prepare(struct job *job, const struct rule *r)
{
	const json_t *t;
	size_t i;

	json_array_foreach(json_object_get(job->record, "transitions"), i, t) {
		const char *kind = json_string_value(json_object_get(t, "kind"));
		const char *status = json_string_value(json_object_get(t, "status"));
		ck_date from, due;

		if (kind == NULL || ck_transition_done(t))
			continue;
		if ((r->kinds != NULL && !text_in(r->kinds, kind)) ||
		    (r->except != NULL && text_in(r->except, kind)))
			continue;
		if (!date_of(json_object_get(t, "prepare_from"), &from)) {
			add_finding(job, r, CK_FINDING_NA, NULL, kind);
		} else if (date_of(json_object_get(t, "due"), &due) &&
			   job->today > followed_due(job, r, due)) {
			add_dated(job, r, due, kind);
		} else if (status != NULL && strcmp(status, "preparing") == 0) {
			add_finding(job, r, CK_FINDING_OK, NULL, kind);
		} else {
			add_dated(job, r, from, kind);
		}
	}
}

/* HSL 16 kap. 4 §: "Av planen ska det framgå 1. vilka insatser som
 * behövs, 2. vilka insatser respektive huvudman ska ansvara för, ... 4.
 * vem av huvudmännen som ska ha det övergripande ansvaret för planen",
 * and it is made only if the person consents: a SIP has at least one
 * measure, an actor for every measure, the body with overall
 * responsibility (an actor active on T), and the consent. */
static void
judge_sip(struct job *job, const struct rule *r)
{
	const json_t *common = json_object_get(json_object_get(job->record, "plans"), "common");
	const json_t *item;
	bool ok = active_actor(job->record,
			       json_string_value(json_object_get(common, "responsible")),
			       job->today) != NULL &&
		  json_object_get(json_object_get(common, "consent"), "given") != NULL &&
		  json_array_size(json_object_get(common, "items")) > 0;
	size_t i;

	json_array_foreach(json_object_get(common, "items"), i, item)
		if (!json_is_string(json_object_get(item, "actor")))
			ok = false;
	add_finding(job, r, ok ? CK_FINDING_OK : CK_FINDING_MISSING, NULL, NULL);
}

/* Adds ID to UNKNOWN when the case has no such actor and it is not
 * there yet. */
static void
note_reference(const json_t *record, const json_t *id, json_t *unknown)
{
	const json_t *seen;
	size_t i;

	if (!json_is_string(id) || ck_case_has_actor(record, json_string_value(id)))
		return;
	json_array_foreach(unknown, i, seen)
		if (json_equal(seen, id))
			return;
	oom_unless(json_array_append(unknown, (json_t *)id) == 0);
}

static void
judge_references(struct job *job, const struct rule *r)
{
	const json_t *record = job->record, *common, *e, *id;
	json_t *unknown = json_array();
	size_t i, k;

	oom_unless(unknown != NULL);
	common = json_object_get(json_object_get(record, "plans"), "common");
	note_reference(record, json_object_get(common, "responsible"), unknown);
	json_array_foreach(json_object_get(common, "items"), i, e)
		note_reference(record, json_object_get(e, "actor"), unknown);
	json_array_foreach(json_object_get(record, "meetings"), i, e)
		json_array_foreach(json_object_get(e, "actors"), k, id)
			note_reference(record, id, unknown);
	json_array_foreach(json_object_get(record, "consents"), i, e)
		json_array_foreach(json_object_get(e, "recipients"), k, id)
			note_reference(record, id, unknown);
	json_array_foreach(json_object_get(record, "assessments"), i, e)
		note_reference(record, json_object_get(e, "by"), unknown);
	json_array_foreach(json_object_get(record, "transitions"), i, e)
		note_reference(record, json_object_get(json_object_get(e, "handover"), "to"),
			       unknown);
	if (json_array_size(unknown) == 0)
		add_finding(job, r, CK_FINDING_OK, NULL, NULL);
	json_array_foreach(unknown, i, id)
		add_finding(job, r, CK_FINDING_MISSING, NULL, json_string_value(id));
	json_decref(unknown);
}

static void judge_kind(struct job *job, const struct rule *r, const json_t *node,
		       const char *item);

/* Judges rule R once, on NODE (the record, or an element of "each"):
 * n/a unless its "when" holds; then as the first of its "cases" whose
 * "when" holds says, else as the rule itself. */
static void
judge_one(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	size_t i;

	if (!conditions_hold(job, &r->when, node)) {
		add_finding(job, r, CK_FINDING_NA, NULL, item);
		return;
	}
	for (i = 0; i < r->ncases; i++)
		if (conditions_hold(job, &r->cases[i].when, node)) {
			if (r->cases[i].off)
				add_finding(job, r, CK_FINDING_NA, NULL, item);
			else
				judge_kind(job, &r->cases[i].variant, node, item);
			return;
		}
	judge_kind(job, r, node, item);
}

static void
judge_kind(struct job *job, const struct rule *r, const json_t *node, const char *item)
{
	switch (r->kind) {
	case KIND_DEADLINE:
		judge_deadline(job, r, node, item);
		break;
	case KIND_RECURRING:
		judge_recurring(job, r, &r->dates, r->start != NULL ? r->start : job->judge->opened,
				r->every, node, item);
		break;
	case KIND_COUNT:
		judge_count(job, r, node, item);
		break;
	case KIND_PRESENT:
		judge_present(job, r, node, item);
		break;
	case KIND_MATCH:
		judge_match(job, r, node, item);
		break;
	case KIND_COORDINATOR:
		judge_coordinator(job, r);
		break;
	case KIND_CONSENT:
		judge_consent(job, r);
		break;
	case KIND_CONSENT_WITHDRAWN:
		judge_consent_withdrawn(job, r);
		break;
	case KIND_CHILD_HEARD:
		judge_child_heard(job, r, node, item);
		break;
	case KIND_YOUTH_PLAN:
		judge_youth_plan(job, r);
		break;
	case KIND_KNOWLEDGE_SOURCE:
		judge_knowledge_source(job, r);
		break;
	case KIND_NETWORK_MEETING:
		judge_network_meeting(job, r);
		break;
	case KIND_COMMON_PLAN_REVIEW:
		judge_common_plan_review(job, r);
		break;
	case KIND_SIBLING_SUPPORT:
		judge_sibling_support(job, r);
		break;
	case KIND_TRANSITION_PREPARE:
		judge_transition_prepare(job, r);
		break;
	case KIND_SIP:
		judge_sip(job, r);
		break;
	case KIND_REFERENCES:
		judge_references(job, r);
		break;
	}
}

/* The item of the I-th element (0-based) an "each" yielded. */
static const char *
element_item(const struct rule *r, const json_t *element, size_t i, char *buf, size_t size)
{
	const char *id = json_string_value(json_object_get(element, "id"));
	const char *kind = json_string_value(json_object_get(element, "kind"));

	if (id != NULL)
		return id;
	if (r->each_transitions && kind != NULL)
		return kind;
	snprintf(buf, size, "#%zu", i + 1);
	return buf;
}

static void
judge_rule(struct job *job, const struct rule *r)
{
	const json_t **elements;
	ck_values *v;
	size_t i, n;

	if (r->each == NULL) {
		judge_one(job, r, job->record, NULL);
		return;
	}
	/* Judging reuses the scratch list: copy the elements first. */
	v = values_at(job, r->each, job->record);
	n = v->count;
	elements = xmalloc(n * sizeof *elements + 1);
	for (i = 0; i < n; i++)
		elements[i] = v->items[i];
	for (i = 0; i < n; i++) {
		char buf[32];

		judge_one(job, r, elements[i], element_item(r, elements[i], i, buf, sizeof buf));
	}
	free(elements);
}

json_t *
ck_judge_case(ck_judge *judge, const json_t *record, ck_date today,
	      ck_duration within, unsigned flags)
{
	struct job job = { judge, record, today, within, flags, NULL, false, false, false, 0, 0 };
	char text[CK_DATE_SIZE];
	json_t *checklist;
	size_t i;

	judge->error[0] = '\0';
	job.has_born = date_of(json_object_get(json_object_get(record, "child"), "born"), &job.born);
	job.has_followed = date_of(json_object_get(record, "followed_from"), &job.followed);
	job.findings = json_array();
	oom_unless(job.findings != NULL);
	for (i = 0; i < judge->count; i++) {
		job.window = judge->rules[i].has_remind ? judge->rules[i].remind : within;
		judge_rule(&job, &judge->rules[i]);
	}
	if (job.failed) {
		json_decref(job.findings);
		return NULL;
	}
	checklist = json_pack("{s:s, s:s, s:o}", "as_of", ck_date_format(today, text),
			      "ruleset", ck_ruleset_name(judge->set), "findings", job.findings);
	oom_unless(checklist != NULL);
	return checklist;
}
