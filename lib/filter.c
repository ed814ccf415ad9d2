/* SPDX-License-Identifier: MPL-2.0 */
/* filter.c — the protocol by which a store takes a command's version of
 * its cases (case-update filter): a case the command did not change
 * keeps its bytes; one it changed is taken when it is open and keeps
 * every earlier event, with a "filter" event naming the members that
 * changed; a closed case is neither changed nor dropped. */
#include <config.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* The top-level members whose values NEW changed, added or removed
 * against OLD. New reference. */
static json_t *
changed_members(const json_t *old, const json_t *new)
{
	json_t *fields = json_array(), *value;
	const char *key;

	oom_unless(fields != NULL);
	json_object_foreach((json_t *)new, key, value)
		if (!json_equal(json_object_get(old, key), value))
			oom_unless(json_array_append_new(fields, json_string(key)) == 0);
	json_object_foreach((json_t *)old, key, value)
		if (json_object_get(new, key) == NULL)
			oom_unless(json_array_append_new(fields, json_string(key)) == 0);
	return fields;
}

ck_change_result
ck_filter_case(ck_record *old, ck_record *new, const char *tool, ck_problem *p)
{
	json_t *oj = ck_record_json(old), *nj = ck_record_json(new);
	json_t *old_events = json_object_get(oj, "events");
	json_t *new_events = json_object_get(nj, "events");
	json_t *event;
	size_t i;

	/* Unchanged: the bytes as they were, whatever the command did to
	 * key order or spelling. */
	if (json_equal(oj, nj))
		return CK_CHANGE_SAME;
	if (!ck_case_is_open(oj)) {
		ck_problem_set(p, NULL, "%s", _("a closed case must not change (reopen it first)"));
		return CK_CHANGE_BAD;
	}
	for (i = 0; i < json_array_size(old_events); i++)
		if (!json_equal(json_array_get(old_events, i), json_array_get(new_events, i))) {
			ck_problem_set(p, "events", "%s",
				       _("the earlier events must be kept as they were "
					 "(events are only appended)"));
			return CK_CHANGE_BAD;
		}
	event = ck_event_new(tool, "filter");
	oom_unless(json_object_set_new(event, "fields", changed_members(oj, nj)) == 0);
	ck_event_append(nj, event);
	ck_record_mark_changed(new);
	return CK_CHANGE_CHANGED;
}

bool
ck_filter_may_drop(const json_t *old, ck_problem *p)
{
	if (ck_case_is_open(old))
		return true;
	ck_problem_set(p, NULL, "%s", _("a closed case must not be removed by a filter "
					"(purge removes closed cases)"));
	return false;
}
