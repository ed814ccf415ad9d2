/* SPDX-License-Identifier: MPL-2.0 */
/* elements.c — adding an element to a case, or changing one, through a
 * change (change.c): the id of a new one (a1, d2, … never reused), the
 * actors its members name checked against the case, and what a new
 * offer or waiver is given without being told (the day, who decided).
 * case-update's element subcommands are these calls. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* Each actor id VALUE names (a string, or a list of them) is one of the
 * case's; else P names the first that is not. */
static bool
actors_known(const json_t *record, const char *field, const json_t *value, ck_problem *p)
{
	const json_t *id;
	size_t i;

	if (json_is_string(value)) {
		if (ck_case_has_actor(record, json_string_value(value)))
			return true;
		ck_problem_set(p, field, _("no actor %s in this case"), json_string_value(value));
		return false;
	}
	json_array_foreach(value, i, id)
		if (!actors_known(record, field, id, p))
			return false;
	return true;
}

bool
ck_element_put(ck_change *c, const char *key, char prefix, const char *id,
	       const ck_element_value *values, size_t count, ck_date today, const char *user,
	       ck_problem *p)
{
	json_t *record = ck_change_case(c), *element = NULL;
	char new_id[32], field[CK_FIELD_MAX], text[CK_DATE_SIZE];
	bool is_new = id == NULL;
	size_t i;

	p->field[0] = p->message[0] = '\0';
	/* Everything is checked before anything is made. */
	if (id != NULL) {
		element = ck_case_element(record, key, id);
		if (element == NULL) {
			snprintf(field, sizeof field, "%s[%s]", key, id);
			ck_problem_set(p, field, "%s", _("no such element"));
			return false;
		}
	} else if (ck_case_next_id(record, key, prefix, new_id, sizeof new_id) == NULL) {
		ck_problem_set(p, key, "%s", _("no number is left for a new id (an id there "
					       "holds the largest number)"));
		return false;
	} else {
		id = new_id;
	}
	for (i = 0; i < count; i++) {
		snprintf(field, sizeof field, "%s[%s].%s", key, id, values[i].member);
		if (values[i].names_actors && !actors_known(record, field, values[i].value, p))
			return false;
	}
	if (is_new) {
		element = json_object();
		oom_unless(element != NULL && ck_field_set(element, key, "id", json_string(id)));
	}
	for (i = 0; i < count; i++)
		ck_change_set_member(c, element, key, values[i].member, values[i].value);
	if (is_new) {
		/* A new element: an offer is made, and a waiver decided, today
		 * unless said otherwise; a waiver names who decided it. */
		ck_date_format(today, text);
		if (strcmp(key, "offers") == 0 && json_object_get(element, "date") == NULL) {
			oom_unless(ck_field_set(element, key, "date", json_string(text)));
			ck_change_note(c, "date");
		}
		if (strcmp(key, "waivers") == 0) {
			oom_unless(ck_field_set(element, key, "by", json_string(user)));
			oom_unless(ck_field_set(element, key, "date", json_string(text)));
			ck_change_note(c, "by");
			ck_change_note(c, "date");
		}
		ck_case_append(record, key, element);
	}
	ck_change_item(c, json_string(id));
	return true;
}
