/* SPDX-License-Identifier: MPL-2.0 */
/* change.c — the one way a case is changed (casekit(5), events).
 *
 * A change is begun on a case, its members are set through it (only
 * when they differ, each field noted once for the event), and it is
 * committed: the event is appended, the case validated and, for a
 * record read, marked changed so that it is written from its JSON. A
 * change that sets nothing is CK_SAME and leaves no event ("no change,
 * no event"); one that breaks the record is CK_BAD, and the case is put
 * back as it was, member for member and in its order, with the reason
 * in a ck_problem. Nothing here prints or exits. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct ck_change {
	ck_record *record;      /* or NULL for a bare case */
	json_t *json;           /* the case, borrowed */
	json_t *before;         /* a copy of the case as it was begun */
	json_t *event;          /* the event to append: at, by, tool, op */
	json_t *fields;         /* the fields set, each once, in order */
	json_t *item;           /* the element the change names, or NULL */
	json_t *tail;           /* members of the event after item and fields */
	bool no_fields;         /* the event names the change otherwise */
};

static ck_change *
begin(ck_record *record, json_t *json, const char *tool, const char *op)
{
	ck_change *c = xcalloc(1, sizeof *c);

	c->record = record;
	c->json = json;
	c->before = json_deep_copy(json);
	c->event = ck_event_new(tool, op);
	c->fields = json_array();
	c->tail = json_object();
	oom_unless(c->before != NULL && c->fields != NULL && c->tail != NULL);
	return c;
}

ck_change *
ck_change_begin(ck_record *record, const char *tool, const char *op)
{
	return begin(record, ck_record_json(record), tool, op);
}

ck_change *
ck_change_begin_case(json_t *record, const char *tool, const char *op)
{
	return begin(NULL, record, tool, op);
}

json_t *
ck_change_case(const ck_change *c)
{
	return c->json;
}

void
ck_change_note(ck_change *c, const char *field)
{
	const json_t *seen;
	size_t i;

	json_array_foreach(c->fields, i, seen)
		if (strcmp(json_string_value(seen), field) == 0)
			return;
	oom_unless(json_array_append_new(c->fields, json_string(field)) == 0);
}

bool
ck_change_set(ck_change *c, json_t *object, const char *object_path, const char *key,
	      json_t *value)
{
	if (value == NULL)
		return false;
	if (json_equal(json_object_get(object, key), value)) {
		json_decref(value);
		return false;
	}
	/* The case's own members in casekit(5)'s order of a record. */
	if (object == c->json)
		oom_unless(ck_record_set(object, key, value));
	else
		oom_unless(ck_field_set(object, object_path, key, value));
	ck_change_note(c, key);
	return true;
}

bool
ck_change_remove(ck_change *c, json_t *object, const char *key)
{
	if (json_object_get(object, key) == NULL)
		return false;
	json_object_del(object, key);
	ck_change_note(c, key);
	return true;
}

void
ck_change_item(ck_change *c, json_t *item)
{
	json_decref(c->item);
	c->item = item;
}

void
ck_change_event_set(ck_change *c, const char *key, json_t *value)
{
	oom_unless(value != NULL && json_object_set_new(c->event, key, value) == 0);
}

void
ck_change_event_tail(ck_change *c, const char *key, json_t *value)
{
	oom_unless(value != NULL && json_object_set_new(c->tail, key, value) == 0);
}

void
ck_change_event_without_fields(ck_change *c)
{
	c->no_fields = true;
}

size_t
ck_change_count(const ck_change *c)
{
	return json_array_size(c->fields);
}

/* The case as it was begun, in its order: members cleared and set again
 * from the copy (Jansson keeps insertion order). */
static void
put_back(ck_change *c)
{
	json_object_clear(c->json);
	oom_unless(json_object_update(c->json, c->before) == 0);
}

static void
end(ck_change *c)
{
	json_decref(c->before);
	json_decref(c->event);
	json_decref(c->fields);
	json_decref(c->item);
	json_decref(c->tail);
	free(c);
}

void
ck_change_abandon(ck_change *c)
{
	if (c == NULL)
		return;
	put_back(c);
	end(c);
}

ck_change_result
ck_change_commit(ck_change *c, ck_problem *p)
{
	ck_change_result result = CK_CHANGE_SAME;

	if (json_array_size(c->fields) > 0) {
		if (!ck_validate(c->json, p)) {
			put_back(c);
			end(c);
			return CK_CHANGE_BAD;
		}
		if (c->item != NULL) {
			oom_unless(json_object_set_new(c->event, "item", c->item) == 0);
			c->item = NULL;
		}
		if (!c->no_fields)
			oom_unless(json_object_set(c->event, "fields", c->fields) == 0);
		oom_unless(json_object_update(c->event, c->tail) == 0);
		ck_event_append(c->json, json_incref(c->event));
		if (c->record != NULL)
			ck_record_mark_changed(c->record);
		result = CK_CHANGE_CHANGED;
	}
	end(c);
	return result;
}

/* Sets the dotted MEMBER of OBJECT (at OBJECT_PATH) to VALUE (borrowed)
 * without noting it: ck_change_set_member notes the whole member. */
static bool
set_below(json_t *object, const char *object_path, const char *member, const json_t *value)
{
	const char *dot = strchr(member, '.');
	char parent_key[64], parent_path[CK_FIELD_MAX];
	json_t *parent;

	if (dot == NULL) {
		if (json_equal(json_object_get(object, member), value))
			return false;
		oom_unless(ck_field_set(object, object_path, member, json_incref((json_t *)value)));
		return true;
	}
	snprintf(parent_key, sizeof parent_key, "%.*s", (int)(dot - member), member);
	snprintf(parent_path, sizeof parent_path, "%s%s%s", object_path,
		 *object_path != '\0' ? "." : "", parent_key);
	parent = json_object_get(object, parent_key);
	if (!json_is_object(parent)) {
		parent = json_object();
		oom_unless(parent != NULL && ck_field_set(object, object_path, parent_key, parent));
	}
	return set_below(parent, parent_path, dot + 1, value);
}

bool
ck_change_set_member(ck_change *c, json_t *object, const char *object_path,
		     const char *member, const json_t *value)
{
	if (!set_below(object, object_path, member, value))
		return false;
	ck_change_note(c, member);
	return true;
}
