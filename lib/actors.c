/* SPDX-License-Identifier: MPL-2.0 */
/* actors.c — everyone around the family, through a change (change.c):
 * an actor added and ended, the coordinator chosen (DK 1.5), consents
 * recorded and withdrawn (DK 1.2), the knowledge directory's
 * suggestions (DK 1.1), a caseworker's cases handed to a successor, and
 * the rows case-actors list shows. case-actors' subcommands are these
 * calls. Nothing here prints or exits. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

static bool
is_true(const json_t *object, const char *key)
{
	return json_is_true(json_object_get(object, key));
}

static const char *
text_of(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

/* The element ID of the array KEY; else P names it, with MISSING. */
static json_t *
find(const json_t *record, const char *key, const char *id, const char *missing,
     ck_problem *p)
{
	json_t *element = ck_case_element(record, key, id);
	char field[CK_FIELD_MAX];

	if (element == NULL) {
		snprintf(field, sizeof field, "%s[%s]", key, id);
		ck_problem_set(p, field, "%s", missing);
	}
	return element;
}

/* Appends a copy of ELEMENT to the array KEY with a new id (PREFIX and
 * the next number), the event naming the id and every member but it. */
static bool
append_new(ck_change *c, const char *key, char prefix, const json_t *element, ck_problem *p)
{
	json_t *record = ck_change_case(c), *copy, *value;
	const char *member;
	char id[32];

	if (ck_case_next_id(record, key, prefix, id, sizeof id) == NULL) {
		ck_problem_set(p, key, "%s", _("no number is left for a new id (an id there "
					       "holds the largest number)"));
		return false;
	}
	copy = json_deep_copy(element);
	oom_unless(copy != NULL && ck_field_set(copy, key, "id", json_string(id)));
	json_object_foreach(copy, member, value)
		if (strcmp(member, "id") != 0)
			ck_change_note(c, member);
	ck_change_item(c, json_string(id));
	ck_case_append(record, key, copy);
	return true;
}

bool
ck_actor_add(ck_change *c, const json_t *actor, ck_problem *p)
{
	p->field[0] = p->message[0] = '\0';
	return append_new(c, "actors", 'a', actor, p);
}

bool
ck_actor_end(ck_change *c, const char *id, const json_t *until, bool *was_coordinator,
	     ck_problem *p)
{
	json_t *actor;

	p->field[0] = p->message[0] = '\0';
	*was_coordinator = false;
	actor = find(ck_change_case(c), "actors", id, _("no such actor in this case"), p);
	if (actor == NULL)
		return false;
	if (ck_change_set_member(c, actor, "actors", "until", until)) {
		*was_coordinator = is_true(actor, "coordinator");
		ck_change_item(c, json_string(id));
	}
	return true;
}

/* True when the actor's until is on or before ON: it is history. */
static bool
has_ended(const json_t *actor, ck_date on)
{
	const char *until = text_of(actor, "until");
	ck_date date;

	return until != NULL && ck_date_parse(until, &date) && date <= on;
}

bool
ck_actor_set_coordinator(ck_change *c, const char *id, const ck_ruleset *set, ck_date today,
			 ck_problem *p)
{
	json_t *record = ck_change_case(c);
	json_t *actors = json_object_get(record, "actors");
	json_t *actor, *previous, *other;
	char field[CK_FIELD_MAX];
	size_t i;

	p->field[0] = p->message[0] = '\0';
	actor = find(record, "actors", id, _("no such actor in this case"), p);
	if (actor == NULL)
		return false;
	snprintf(field, sizeof field, "actors[%s]", id);
	if (!ck_actor_active(actor, today)) {
		ck_problem_set(p, field, "%s", _("not active today: a coordinator is one of the "
						 "actors around the family now"));
		return false;
	}
	if (!is_true(actor, "municipal") && ck_ruleset_coordinator_municipal(set)) {
		ck_problem_set(p, field, "%s",
			       _("not municipal: a coordinator is the municipality's"));
		return false;
	}
	previous = json_array();
	oom_unless(previous != NULL);
	json_array_foreach(actors, i, other) {
		const char *other_id = text_of(other, "id");

		if (other == actor || !is_true(other, "coordinator") || has_ended(other, today))
			continue;
		ck_change_remove(c, other, "coordinator");
		if (other_id != NULL)
			oom_unless(json_array_append_new(previous, json_string(other_id)) == 0);
	}
	ck_change_set(c, actor, "actors", "coordinator", json_true());
	if (ck_change_count(c) > 0) {
		ck_change_item(c, json_string(id));
		if (json_array_size(previous) > 0)
			ck_change_event_tail(c, "previous", json_incref(previous));
	}
	json_decref(previous);
	return true;
}

/* A consent is dated: the same consent recorded twice (a re-run of a
 * script) is there once. */
static bool
consent_recorded(const json_t *record, const json_t *consent)
{
	json_t *consents = json_object_get(record, "consents"), *c;
	size_t i;

	json_array_foreach(consents, i, c) {
		json_t *copy = json_copy(c);
		bool same;

		oom_unless(copy != NULL);
		json_object_del(copy, "id");
		same = json_equal(copy, consent);
		json_decref(copy);
		if (same)
			return true;
	}
	return false;
}

bool
ck_consent_add(ck_change *c, const json_t *consent, ck_problem *p)
{
	json_t *record = ck_change_case(c);
	json_t *recipients = json_object_get(consent, "recipients"), *r;
	size_t i;

	p->field[0] = p->message[0] = '\0';
	json_array_foreach(recipients, i, r)
		if (find(record, "actors", json_string_value(r), _("no such actor in this case"),
			 p) == NULL)
			return false;
	if (consent_recorded(record, consent))
		return true;
	return append_new(c, "consents", 'c', consent, p);
}

bool
ck_consent_withdraw(ck_change *c, const char *id, const json_t *withdrawn, ck_problem *p)
{
	json_t *consent;
	char field[CK_FIELD_MAX];
	const char *given;
	ck_date g, w;

	p->field[0] = p->message[0] = '\0';
	consent = find(ck_change_case(c), "consents", id, _("no such consent in this case"), p);
	if (consent == NULL)
		return false;
	snprintf(field, sizeof field, "consents[%s]", id);
	given = text_of(consent, "given");
	if (given == NULL && json_object_get(consent, "refused") != NULL) {
		ck_problem_set(p, field, "%s", _("was refused: there is nothing to withdraw"));
		return false;
	}
	if (json_equal(json_object_get(consent, "withdrawn"), withdrawn))
		return true;
	if (given != NULL && ck_date_parse(given, &g) &&
	    ck_date_parse(json_string_value(withdrawn), &w) && w < g) {
		snprintf(field, sizeof field, "consents[%s].withdrawn", id);
		ck_problem_set(p, field, _("before %s"), "given");
		return false;
	}
	ck_change_set_member(c, consent, "consents", "withdrawn", withdrawn);
	ck_change_item(c, json_string(id));
	return true;
}

bool
ck_case_suggest(ck_change *c, ck_directory *dir, ck_problem *p)
{
	json_t *record = ck_change_case(c), *found;
	char err[CK_MESSAGE_MAX];

	p->field[0] = p->message[0] = '\0';
	found = ck_directory_suggest(dir, record, err, sizeof err);
	if (found == NULL) {
		ck_problem_set(p, "diagnosis", "%s", err);
		return false;
	}
	if (json_array_size(found) == 0) {
		json_decref(found);
		ck_change_remove(c, record, "suggestions");
	} else {
		ck_change_set(c, record, "", "suggestions", found);
	}
	return true;
}

static bool
same_text(const json_t *a, const json_t *b, const char *key)
{
	const char *x = text_of(a, key), *y = text_of(b, key);

	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

/* True when the case already has OLD's successor: an actor other than
 * OLD with the new contact and OLD's role, active on the day of the
 * change. A second run adds nobody. */
static bool
has_successor(const ck_successor *to, const json_t *actors, const json_t *old, ck_date on)
{
	const char *contact = json_string_value(to->contact);
	json_t *a;
	size_t i;

	json_array_foreach(actors, i, a) {
		const char *other = text_of(a, "contact");

		if (a != old && other != NULL && strcasecmp(other, contact) == 0 &&
		    same_text(a, old, "role") && ck_actor_active(a, on))
			return true;
	}
	return false;
}

/* The successor: OLD's place around the family (role, org, sector,
 * municipal, authority, coordinator, receives_data), the new person's
 * name and contact, from the day of the change. */
static json_t *
successor(const ck_successor *to, const json_t *old, const char *id)
{
	static const char *const kept[] = {
		"role", "org", "sector", "municipal", "authority", "coordinator",
		"receives_data"
	};
	json_t *actor = json_object();
	size_t i;

	oom_unless(actor != NULL);
	ck_field_set(actor, "actors", "id", json_string(id));
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		json_t *value = json_object_get(old, kept[i]);

		if (value != NULL)
			ck_field_set(actor, "actors", kept[i], json_copy(value));
	}
	ck_field_set(actor, "actors", "name", json_deep_copy(to->name));
	ck_field_set(actor, "actors", "contact", json_deep_copy(to->contact));
	ck_field_set(actor, "actors", "since", json_deep_copy(to->date));
	return actor;
}

bool
ck_actors_reassign(ck_change *c, const char *from, const ck_successor *to, ck_date today,
		   size_t *matched, ck_problem *p)
{
	json_t *record = ck_change_case(c);
	json_t *actors = json_object_get(record, "actors");
	json_t *ended = json_array(), *added = json_array();
	size_t i, n = json_array_size(actors);
	ck_date on;

	p->field[0] = p->message[0] = '\0';
	oom_unless(ended != NULL && added != NULL);
	ck_date_parse(json_string_value(to->date), &on);
	/* Only the actors the case had before: a successor is never
	 * reassigned in the same run. */
	for (i = 0; i < n; i++) {
		json_t *old = json_array_get(actors, i);
		const char *contact = text_of(old, "contact");
		const char *until = text_of(old, "until");
		const char *id = text_of(old, "id");
		bool this_one = false;
		ck_date u;

		if (contact == NULL || strcasecmp(contact, from) != 0 ||
		    !ck_actor_active(old, today))
			continue;
		(*matched)++;
		if (until == NULL || (ck_date_parse(until, &u) && u > on)) {
			ck_change_set_member(c, old, "actors", "until", to->date);
			this_one = true;
		}
		if (!has_successor(to, actors, old, on)) {
			char new_id[32];

			if (ck_case_next_id(record, "actors", 'a', new_id, sizeof new_id) == NULL) {
				json_decref(ended);
				json_decref(added);
				ck_problem_set(p, "actors", "%s",
					       _("no number is left for a new id (an id there "
						 "holds the largest number)"));
				return false;
			}
			/* A coordinator's flag goes on, and stays with the old
			 * actor as history: the old one coordinates until the
			 * day, the successor from it, and the family has one
			 * coordinator every day. */
			ck_case_append(record, "actors", successor(to, old, new_id));
			ck_change_note(c, "actors");
			oom_unless(json_array_append_new(added, json_string(new_id)) == 0);
			this_one = true;
		}
		if (this_one && id != NULL)
			oom_unless(json_array_append_new(ended, json_string(id)) == 0);
	}
	/* The event names who ended and who was added, not fields. */
	ck_change_event_without_fields(c);
	ck_change_event_set(c, "ended", ended);
	ck_change_event_set(c, "added", added);
	return true;
}

const char *const ck_actor_columns[CK_ACTOR_COLUMNS] = {
	"case", "external_ref", "actor", "role", "name", "org", "sector",
	"active", "coordinator", "consent"
};

void
ck_actor_row_fill(const json_t *record, size_t i, ck_date today, ck_actor_row *row)
{
	const json_t *actor = json_array_get(json_object_get(record, "actors"), i);

	memset(row, 0, sizeof *row);
	row->cells[CK_ACTOR_CASE] = text_of(record, "id");
	row->cells[CK_ACTOR_REF] = text_of(record, "external_ref");
	row->cells[CK_ACTOR_ID] = text_of(actor, "id");
	if (row->cells[CK_ACTOR_ID] == NULL) {
		snprintf(row->place, sizeof row->place, "#%zu", i + 1);
		row->cells[CK_ACTOR_ID] = row->place;
	}
	row->cells[CK_ACTOR_ROLE] = text_of(actor, "role");
	row->cells[CK_ACTOR_NAME] = text_of(actor, "name");
	row->cells[CK_ACTOR_ORG] = text_of(actor, "org");
	row->cells[CK_ACTOR_SECTOR] = text_of(actor, "sector");
	row->cells[CK_ACTOR_CONSENT] = ck_actor_consent_state(record, actor, today);
	row->active = ck_actor_active(actor, today);
	row->coordinator = is_true(actor, "coordinator");
}

json_t *
ck_actor_row_json(const ck_actor_row *row)
{
	json_t *obj = json_object();
	size_t i;

	oom_unless(obj != NULL);
	for (i = 0; i < CK_ACTOR_COLUMNS; i++) {
		json_t *value;

		if (i == CK_ACTOR_ACTIVE || i == CK_ACTOR_COORDINATOR)
			value = json_boolean(i == CK_ACTOR_ACTIVE ? row->active : row->coordinator);
		else if (row->cells[i] != NULL)
			value = json_string(row->cells[i]);
		else
			continue;
		oom_unless(json_object_set_new(obj, ck_actor_columns[i], value) == 0);
	}
	return obj;
}
