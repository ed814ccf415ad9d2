/* SPDX-License-Identifier: MPL-2.0 */
/* transitions.c — the transitions ahead of a child (DK 1.6; in Sweden
 * from förskola to vuxenhabilitering): planning the ones a rule set
 * plans from the birth date and its parameters, finding one by its
 * kind, and telling which are coming up. Used by case-transition, and by
 * the programs that judge and count them. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* A duration parameter of SET; false when it has none of that name. */
static bool
duration(const ck_ruleset *set, const char *kind, const char *suffix, ck_duration *out)
{
	char name[CK_FIELD_MAX];

	ck_transition_param_name(kind, suffix, name, sizeof name);
	return ck_ruleset_duration(set, name, out);
}

static ck_date
minus(ck_date date, ck_duration d)
{
	d.months = -d.months;
	d.days = -d.days;
	return ck_date_add(date, d);
}


/* The due date of KIND for a child born BORN: BORN + its _age, or, when
 * _age is whole years, 1 August of the year the child turns that age:
 * Danish and Swedish school years start in August, and a child starts
 * school in the calendar year it turns 6 (folkeskoleloven § 34), as a
 * Swedish child starts förskoleklass the year it turns 6 and grundskola
 * the year it turns 7. False when the set has no _age for KIND. */
static bool
due_of(const ck_ruleset *set, const char *kind, ck_date born, ck_date *out)
{
	char name[CK_FIELD_MAX];
	int year, month, day, age;
	ck_duration d;

	if (duration(set, kind, "_age", &d)) {
		*out = ck_date_add(born, d);
		return true;
	}
	ck_transition_param_name(kind, "_age", name, sizeof name);
	if (!ck_ruleset_years(set, name, &age))
		return false;
	ck_date_to_ymd(born, &year, &month, &day);
	year += age;
	if (year > 9999)
		year = 9999;
	*out = ck_date_from_ymd(year, 8, 1);
	return true;
}

size_t
ck_transitions_standard(const ck_ruleset *set, ck_date born,
			ck_transition_plan out[CK_TRANSITIONS_MAX])
{
	const char *kind;
	ck_duration d;
	size_t i, j, n = 0;

	for (i = 0; n < CK_TRANSITIONS_MAX && (kind = ck_ruleset_planned(set, i)) != NULL; i++) {
		ck_transition_plan *t = &out[n];

		/* A loaded set has been checked to give each its age. */
		if (!due_of(set, kind, born, &t->due))
			continue;
		t->kind = kind;
		/* From the 16th birthday itself (adult_prepare_age), not 2
		 * years before the 18th: the two differ for a child born on
		 * 29 February. */
		if (duration(set, kind, "_prepare_age", &d))
			t->prepare_from = ck_date_add(born, d);
		else if (duration(set, kind, "_lead", &d))
			t->prepare_from = minus(t->due, d);
		else
			t->prepare_from = t->due;
		/* A set whose lead is negative would prepare after the due
		 * date, which casekit(5) does not allow: prepare from the day
		 * itself. */
		if (t->prepare_from > t->due)
			t->prepare_from = t->due;
		n++;
	}
	/* In order of due; a stable insertion sort keeps ties in the set's
	 * order. */
	for (i = 1; i < n; i++) {
		ck_transition_plan t = out[i];

		for (j = i; j > 0 && out[j - 1].due > t.due; j--)
			out[j] = out[j - 1];
		out[j] = t;
	}
	for (i = n; i < CK_TRANSITIONS_MAX; i++)
		out[i].kind = NULL;
	return n;
}

bool
ck_transition_prepare_from(const ck_ruleset *set, const char *kind, ck_date due,
			   ck_date *out)
{
	ck_duration lead, age, prepare;

	if (kind == NULL)
		return false;
	if (!duration(set, kind, "_lead", &lead)) {
		/* The adult transition is prepared from the 16th birthday
		 * and due at the 18th (Barnets lov §§ 122-123): its lead is
		 * the difference. */
		if (!duration(set, kind, "_age", &age) || !duration(set, kind, "_prepare_age", &prepare))
			return false;
		lead.months = age.months - prepare.months;
		lead.days = age.days - prepare.days;
	}
	*out = minus(due, lead);
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
	ck_transition_plan plan[CK_TRANSITIONS_MAX];
	json_t *added;
	ck_date born;
	size_t i, n;

	if (text == NULL) {
		ck_problem_set(p, "child.born", "%s", _("missing: plan needs the birth date"));
		return NULL;
	}
	if (!ck_date_parse(text, &born)) {
		ck_problem_set(p, "child.born", "%s", _("not a date (YYYY-MM-DD)"));
		return NULL;
	}
	n = ck_transitions_standard(set, born, plan);
	added = json_array();
	ck_oom_unless(added != NULL);
	for (i = 0; i < n; i++) {
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

/* ---------------------------------------------------------------------
 * The transition operations: case-transition's subcommands, made
 * through a change (change.c)
 */

/* "transitions[#N].MEMBER" for the transition at INDEX into FIELD. */
static void
transition_field(char field[CK_FIELD_MAX], size_t index, const char *member)
{
	snprintf(field, CK_FIELD_MAX, "transitions[#%zu]%s%s", index + 1,
		 *member != '\0' ? "." : "", member);
}

static json_t *
date_json(ck_date date)
{
	char text[CK_DATE_SIZE];
	json_t *value = json_string(ck_date_format(date, text));

	oom_unless(value != NULL);
	return value;
}

/* A date member: DATE when given; else TODAY when the member is absent,
 * and kept when it is there, so that a run repeated the next day
 * changes nothing. */
static void
set_member_date(ck_change *c, json_t *t, const char *member, const ck_date *date, ck_date today)
{
	if (date == NULL && json_object_get(t, member) != NULL)
		return;
	ck_change_set(c, t, "transitions", member, date_json(date != NULL ? *date : today));
}

/* The transition of KIND; NULL with P filled when the case has none. */
static json_t *
find_kind(ck_change *c, const char *kind, size_t *index, ck_problem *p)
{
	json_t *t = ck_transition_find(ck_change_case(c), kind, index);

	if (t == NULL)
		ck_problem_set(p, "transitions", _("no transition of kind %s"), kind);
	else
		ck_change_item(c, json_string(kind));
	return t;
}

static void
clear(ck_problem *p)
{
	p->field[0] = '\0';
	p->message[0] = '\0';
}

bool
ck_transition_plan_case(ck_change *c, const ck_ruleset *set, ck_date today, ck_problem *p)
{
	static const char *const members[] = { "kind", "due", "prepare_from", "status" };
	json_t *added;
	size_t i;

	clear(p);
	/* A case the export gave no birth date cannot be planned, and is no
	 * reason to stop a store: it stays as it is, with a notice. A birth
	 * date that is not a date is bad input. */
	if (json_object_get(json_object_get(ck_change_case(c), "child"), "born") == NULL) {
		ck_problem_set(p, "child.born", "%s",
			       _("missing: the case is not planned (plan needs the birth date)"));
		return true;
	}
	added = ck_transitions_plan(ck_change_case(c), set, today, p);
	if (added == NULL)
		return false;
	if (json_array_size(added) == 0) {
		json_decref(added);
		return true;
	}
	for (i = 0; i < sizeof members / sizeof members[0]; i++)
		ck_change_note(c, members[i]);
	ck_change_item(c, added);
	return true;
}

bool
ck_transition_add(ck_change *c, const ck_ruleset *set, const char *kind, ck_date due,
		  const ck_date *prepare_from, ck_problem *p)
{
	json_t *record = ck_change_case(c), *t, *value;
	char field[CK_FIELD_MAX];
	const char *key;
	size_t index;
	ck_date lead;

	clear(p);
	if (ck_transition_find(record, kind, &index) != NULL) {
		transition_field(field, index, "kind");
		ck_problem_set(p, field, "%s", _("a transition of this kind is already listed"));
		return false;
	}
	index = json_array_size(json_object_get(record, "transitions"));
	if (!ck_ruleset_transition_kind(set, kind)) {
		transition_field(field, index, "kind");
		ck_problem_set(p, field, _("not a transition kind of rule set %s"),
			       ck_ruleset_name(set));
		return false;
	}
	/* Without --prepare-from, the set's lead, as plan would give it. */
	if (prepare_from == NULL && ck_transition_prepare_from(set, kind, due, &lead))
		prepare_from = &lead;
	t = ck_transition_new(kind, due, prepare_from);
	json_object_foreach(t, key, value)
		ck_change_note(c, key);
	ck_case_append(record, "transitions", t);
	ck_change_item(c, json_string(kind));
	return true;
}

bool
ck_transition_start(ck_change *c, const char *kind, const ck_date *date, ck_date today,
		    ck_problem *p)
{
	size_t index;
	json_t *t;

	clear(p);
	if ((t = find_kind(c, kind, &index, p)) == NULL)
		return false;
	/* Starting again what has happened is taken for a slip: left as it
	 * is, and said in P as a notice. */
	if (ck_transition_done(t)) {
		char field[CK_FIELD_MAX];

		transition_field(field, index, "status");
		ck_problem_set(p, field, "%s", _("already done; not changed"));
		return true;
	}
	ck_change_set(c, t, "transitions", "status", json_string("preparing"));
	set_member_date(c, t, "started", date, today);
	return true;
}

bool
ck_transition_complete(ck_change *c, const char *kind, const ck_date *date, ck_date today,
		       ck_problem *p)
{
	char field[CK_FIELD_MAX];
	size_t index;
	json_t *t;
	ck_date started, completed;

	clear(p);
	if ((t = find_kind(c, kind, &index, p)) == NULL)
		return false;
	ck_change_set(c, t, "transitions", "status", json_string("done"));
	set_member_date(c, t, "completed", date, today);
	if (ck_transition_date(t, "started", &started) &&
	    ck_transition_date(t, "completed", &completed) && completed < started) {
		transition_field(field, index, "completed");
		ck_problem_set(p, field, _("before %s"), "started");
		return false;
	}
	return true;
}

bool
ck_transition_decisions_ready(ck_change *c, const char *kind, const ck_date *date,
			      ck_date today, ck_problem *p)
{
	size_t index;
	json_t *t;

	clear(p);
	if ((t = find_kind(c, kind, &index, p)) == NULL)
		return false;
	set_member_date(c, t, "decisions_ready", date, today);
	return true;
}

bool
ck_transition_handover(ck_change *c, const char *kind, const char *to, const json_t *items,
		       const ck_date *date, ck_date today, ck_problem *p)
{
	char field[CK_FIELD_MAX];
	json_t *t, *handover;
	size_t index;

	clear(p);
	if ((t = find_kind(c, kind, &index, p)) == NULL)
		return false;
	if (!ck_case_has_actor(ck_change_case(c), to)) {
		transition_field(field, index, "handover.to");
		ck_problem_set(p, field, _("no actor %s in this case"), to);
		return false;
	}
	handover = json_object();
	oom_unless(handover != NULL);
	oom_unless(ck_field_set(handover, "transitions.handover", "date",
				date_json(date != NULL ? *date : today)));
	oom_unless(ck_field_set(handover, "transitions.handover", "to", json_string(to)));
	if (items != NULL)
		oom_unless(ck_field_set(handover, "transitions.handover", "items",
					json_deep_copy(items)));
	/* One handover per transition: a second one replaces it. */
	ck_change_set(c, t, "transitions", "handover", handover);
	return true;
}
