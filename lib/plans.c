/* SPDX-License-Identifier: MPL-2.0 */
/* plans.c — a case's plans as case-update records them, through a
 * change (change.c): the common plan (DK 1.4, a SIP with sip: true),
 * the child plan of barnets lov § 91 and the youth plan of § 108, and
 * the individual plan of LSS 10 §. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

bool
ck_plan_set(ck_change *c, const char *kind, const ck_element_value *values, size_t count,
	    const json_t *items, bool decision_given, bool date_given, ck_date today,
	    ck_problem *p)
{
	json_t *record = ck_change_case(c);
	json_t *plan = json_object_get(json_object_get(record, "plans"), kind);
	json_t *have, *item;
	char path[32], field[CK_FIELD_MAX], text[CK_DATE_SIZE];
	bool decided = strcmp(kind, "child") == 0 || strcmp(kind, "youth") == 0;
	bool was_not_needed, had_decision, decision_changed = false, added = false;
	const char *decision;
	size_t i, j;

	p->field[0] = p->message[0] = '\0';
	snprintf(path, sizeof path, "plans.%s", kind);
	/* Everything is checked before anything is made. */
	for (i = 0; i < count; i++) {
		const char *id = json_string_value(values[i].value);

		snprintf(field, sizeof field, "%s.%s", path, values[i].member);
		if (values[i].names_actors && !ck_case_has_actor(record, id)) {
			ck_problem_set(p, field, _("no actor %s in this case"), id);
			return false;
		}
	}
	snprintf(field, sizeof field, "%s.items", path);
	json_array_foreach(items, i, item) {
		const char *id = json_string_value(json_object_get(item, "actor"));

		if (!ck_case_has_actor(record, id)) {
			ck_problem_set(p, field, _("no actor %s in this case"), id);
			return false;
		}
	}
	if (!json_is_object(plan)) {
		plan = json_object();
		oom_unless(plan != NULL && ck_record_set(record, path, plan));
	}
	decision = json_string_value(json_object_get(plan, "decision"));
	had_decision = decision != NULL;
	was_not_needed = decision != NULL && strcmp(decision, "not-needed") == 0;
	for (i = 0; i < count; i++)
		if (ck_change_set_member(c, plan, path, values[i].member, values[i].value) &&
		    strcmp(values[i].member, "decision") == 0)
			decision_changed = true;
	/* The date of a child or youth plan is the day the plan itself was
	 * made (barnets lov §§ 91, 108): deciding to make it is not making
	 * it, so a decision made is not dated. A decision not to make it is
	 * dated by the same member, today unless a date is given; turned
	 * into made, that date goes. A plan made (a date given) was decided
	 * made. */
	decision = json_string_value(json_object_get(plan, "decision"));
	if (decision_changed && !date_given) {
		if (strcmp(decision, "not-needed") == 0)
			ck_change_set(c, plan, path, "date", json_string(ck_date_format(today, text)));
		else if (was_not_needed)
			ck_change_remove(c, plan, "date");
	}
	if (decided && date_given && !had_decision && !decision_given)
		ck_change_set(c, plan, path, "decision", json_string("made"));
	have = json_object_get(plan, "items");
	json_array_foreach(items, i, item) {
		bool present = false;

		/* The same item again is not a second item: a command run
		 * twice records it once. */
		for (j = 0; j < json_array_size(have); j++)
			if (json_equal(json_array_get(have, j), item))
				present = true;
		if (present)
			continue;
		if (!json_is_array(have)) {
			have = json_array();
			oom_unless(have != NULL && ck_field_set(plan, path, "items", have));
		}
		oom_unless(json_array_append_new(have, json_deep_copy(item)) == 0);
		added = true;
	}
	if (added)
		ck_change_note(c, "items");
	/* A plan object made for nothing goes again, unnoted. */
	if (ck_change_count(c) == 0 && json_object_size(plan) == 0) {
		json_t *plans = json_object_get(record, "plans");

		json_object_del(plans, kind);
		if (json_object_size(plans) == 0)
			json_object_del(record, "plans");
	}
	ck_change_item(c, json_string(kind));
	return true;
}
