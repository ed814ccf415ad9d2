/* case.c — what every changing program does to a record: the audit
 * trail. An event says when, who, which tool and what operation, and
 * names what changed by its keys, never by a personal value. */
#include <config.h>

#include <string.h>

#include "casekit.h"
#include "i18n.h"

json_t *
ck_event_new(const char *tool, const char *op)
{
	char at[CK_TIMESTAMP_SIZE];
	const char *user = ck_user();
	json_t *event;

	if (!ck_utf8_valid(user, strlen(user)))
		ck_fatal(_("CASEKIT_USER: not valid UTF-8"));
	event = json_object();
	if (event == NULL ||
	    json_object_set_new(event, "at", json_string(ck_now(at))) != 0 ||
	    json_object_set_new(event, "by", json_string(user)) != 0 ||
	    json_object_set_new(event, "tool", json_string(tool)) != 0 ||
	    json_object_set_new(event, "op", json_string(op)) != 0)
		ck_fatal(_("out of memory"));
	return event;
}

void
ck_event_append(json_t *record, json_t *event)
{
	json_t *events = json_object_get(record, "events");
	json_t *checklist;

	if (!json_is_array(events)) {
		events = json_array();
		if (events == NULL || json_object_set_new(record, "events", events) != 0)
			ck_fatal(_("out of memory"));
	}
	if (json_array_append_new(events, event) != 0)
		ck_fatal(_("out of memory"));
	/* The checklist is always the last member: move it behind a newly
	 * made "events". Jansson keeps insertion order, so delete and set. */
	checklist = json_object_get(record, "checklist");
	if (checklist != NULL) {
		json_incref(checklist);
		json_object_del(record, "checklist");
		json_object_set_new(record, "checklist", checklist);
	}
}
