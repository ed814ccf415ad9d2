/* transitions.c — the transitions ahead of a child (DK 1.6): planning
 * the standard ones from the birth date and a rule set's parameters,
 * finding one by its kind, and telling which are coming up. Used by
 * case-transition, and by the programs that judge and count them. */
#include <config.h>

#include <string.h>

#include "casekit.h"
#include "i18n.h"

/* The standard transitions plan makes, in the order that breaks a tie of
 * due dates; own-home and job depend on the young person, not on age,
 * and are added by hand. */
enum kind_index { DAYCARE, KINDERGARTEN, SCHOOL, YOUTH_EDUCATION, ADULT };

static const char *const planned_kinds[CK_TRANSITIONS_STANDARD] = {
	"daycare", "kindergarten", "school", "youth-education", "adult"
};

/* A duration parameter of SET; every name used here is one rules.c
 * knows, so the lookup cannot fail. */
static ck_duration
duration(const ck_ruleset *set, const char *name)
{
	ck_duration d = { 0, 0 };

	ck_ruleset_duration(set, name, &d);
	return d;
}

static ck_date
minus(ck_date date, ck_duration d)
{
	d.months = -d.months;
	d.days = -d.days;
	return ck_date_add(date, d);
}

/* 1 August of the year the child turns AGE: Danish school years start
 * then, and a child starts school in the calendar year it turns 6
 * (folkeskoleloven § 34), youth education in the year it turns 16. */
static ck_date
first_of_august(ck_date born, const ck_ruleset *set, const char *name)
{
	int year, month, day, age = 0;

	ck_ruleset_years(set, name, &age);
	ck_date_to_ymd(born, &year, &month, &day);
	year += age;
	if (year > 9999)
		year = 9999;
	return ck_date_from_ymd(year, 8, 1);
}

/* The lead of a kind: how long before due its preparation starts. The
 * adult transition is prepared from the 16th birthday and due at the
 * 18th (Barnets lov §§ 122-123): its lead is the difference. */
static bool
lead(const ck_ruleset *set, const char *kind, ck_duration *out)
{
	static const char *const leads[][2] = {
		{ "daycare", "daycare_lead" },
		{ "kindergarten", "kindergarten_lead" },
		{ "school", "school_lead" },
		{ "youth-education", "youth_education_lead" },
	};
	size_t i;

	for (i = 0; i < sizeof leads / sizeof leads[0]; i++)
		if (strcmp(kind, leads[i][0]) == 0) {
			*out = duration(set, leads[i][1]);
			return true;
		}
	if (strcmp(kind, "adult") == 0) {
		ck_duration age = duration(set, "adult_age");
		ck_duration prepare = duration(set, "adult_prepare_age");

		out->months = age.months - prepare.months;
		out->days = age.days - prepare.days;
		return true;
	}
	return false;
}

void
ck_transitions_standard(const ck_ruleset *set, ck_date born,
			ck_transition_plan out[CK_TRANSITIONS_STANDARD])
{
	ck_duration d;
	size_t i, j;

	for (i = 0; i < CK_TRANSITIONS_STANDARD; i++)
		out[i].kind = planned_kinds[i];
	out[DAYCARE].due = ck_date_add(born, duration(set, "daycare_age"));
	out[KINDERGARTEN].due = ck_date_add(born, duration(set, "kindergarten_age"));
	out[SCHOOL].due = first_of_august(born, set, "school_age");
	out[YOUTH_EDUCATION].due = first_of_august(born, set, "youth_education_age");
	out[ADULT].due = ck_date_add(born, duration(set, "adult_age"));
	for (i = 0; i < ADULT; i++) {
		lead(set, out[i].kind, &d);
		out[i].prepare_from = minus(out[i].due, d);
	}
	/* From the 16th birthday itself, not 2 years before the 18th: the
	 * two differ for a child born on 29 February. */
	out[ADULT].prepare_from = ck_date_add(born, duration(set, "adult_prepare_age"));
	/* A set whose lead is negative would prepare after the due date,
	 * which casekit(5) does not allow: prepare from the day itself. */
	for (i = 0; i < CK_TRANSITIONS_STANDARD; i++)
		if (out[i].prepare_from > out[i].due)
			out[i].prepare_from = out[i].due;
	/* In order of due; a stable insertion sort keeps ties in the
	 * standard order. */
	for (i = 1; i < CK_TRANSITIONS_STANDARD; i++) {
		ck_transition_plan t = out[i];

		for (j = i; j > 0 && out[j - 1].due > t.due; j--)
			out[j] = out[j - 1];
		out[j] = t;
	}
}

bool
ck_transition_prepare_from(const ck_ruleset *set, const char *kind, ck_date due,
			   ck_date *out)
{
	ck_duration d;

	if (kind == NULL || !lead(set, kind, &d))
		return false;
	*out = minus(due, d);
	if (*out > due)
		*out = due;
	return true;
}

static void
set_date(json_t *transition, const char *member, ck_date date)
{
	char text[CK_DATE_SIZE];

	ck_oom_unless(ck_field_set(transition, "transitions", member,
				json_string(ck_date_format(date, text))));
}

json_t *
ck_transition_new(const char *kind, ck_date due, const ck_date *prepare_from)
{
	json_t *t = json_object();

	ck_oom_unless(t != NULL);
	ck_oom_unless(ck_field_set(t, "transitions", "kind", json_string(kind)));
	set_date(t, "due", due);
	if (prepare_from != NULL)
		set_date(t, "prepare_from", *prepare_from);
	ck_oom_unless(ck_field_set(t, "transitions", "status", json_string("planned")));
	return t;
}

json_t *
ck_transition_find(const json_t *record, const char *kind, size_t *index)
{
	json_t *t;
	size_t i;

	json_array_foreach(json_object_get(record, "transitions"), i, t) {
		const char *k = json_string_value(json_object_get(t, "kind"));

		if (k != NULL && kind != NULL && strcmp(k, kind) == 0) {
			if (index != NULL)
				*index = i;
			return t;
		}
	}
	return NULL;
}

json_t *
ck_transitions_plan(json_t *record, const ck_ruleset *set, ck_date today,
		    ck_problem *p)
{
	const char *text = json_string_value(json_object_get(json_object_get(record, "child"),
							     "born"));
	ck_transition_plan plan[CK_TRANSITIONS_STANDARD];
	json_t *added;
	ck_date born;
	size_t i;

	if (text == NULL) {
		ck_problem_set(p, "child.born", "%s", _("missing: plan needs the birth date"));
		return NULL;
	}
	if (!ck_date_parse(text, &born)) {
		ck_problem_set(p, "child.born", "%s", _("not a date (YYYY-MM-DD)"));
		return NULL;
	}
	ck_transitions_standard(set, born, plan);
	added = json_array();
	ck_oom_unless(added != NULL);
	for (i = 0; i < CK_TRANSITIONS_STANDARD; i++) {
		/* Only what is still ahead: a transition due today or before
		 * has happened, whether or not it was recorded. */
		if (plan[i].due <= today || ck_transition_find(record, plan[i].kind, NULL) != NULL)
			continue;
		ck_case_append(record, "transitions",
			       ck_transition_new(plan[i].kind, plan[i].due, &plan[i].prepare_from));
		ck_oom_unless(json_array_append_new(added, json_string(plan[i].kind)) == 0);
	}
	return added;
}

bool
ck_transition_date(const json_t *transition, const char *member, ck_date *out)
{
	const char *text = json_string_value(json_object_get(transition, member));

	return text != NULL && ck_date_parse(text, out);
}

bool
ck_transition_done(const json_t *transition)
{
	const char *status = json_string_value(json_object_get(transition, "status"));

	return status != NULL && strcmp(status, "done") == 0;
}

bool
ck_transition_upcoming(const json_t *transition, ck_date today, ck_duration within)
{
	ck_date end = ck_date_add(today, within), due, prepare_from;

	if (!json_is_object(transition) || ck_transition_done(transition))
		return false;
	if (ck_transition_date(transition, "due", &due) && due <= end)
		return true;	/* in the window, or passed */
	return ck_transition_date(transition, "prepare_from", &prepare_from) &&
		today <= prepare_from && prepare_from <= end;
}

bool
ck_case_transition_upcoming(const json_t *record, ck_date today, ck_duration within)
{
	json_t *t;
	size_t i;

	if (!ck_case_is_open(record))
		return false;
	json_array_foreach(json_object_get(record, "transitions"), i, t)
		if (ck_transition_upcoming(t, today, within))
			return true;
	return false;
}

long
ck_transition_due_month(const json_t *transition, ck_date today)
{
	int ty, tm, td, dy, dm, dd;
	ck_date due;

	if (ck_transition_done(transition) || !ck_transition_date(transition, "due", &due)
	    || due < today)
		return -1;
	ck_date_to_ymd(today, &ty, &tm, &td);
	ck_date_to_ymd(due, &dy, &dm, &dd);
	return ((long)dy - ty) * 12 + (dm - tm);
}
