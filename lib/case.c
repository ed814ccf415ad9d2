/* SPDX-License-Identifier: MPL-2.0 */
/* case.c — what every changing program does to a record: the audit
 * trail. An event says when, who, which tool and what operation, and
 * names what changed by its keys, never by a personal value. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

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

bool
ck_case_is_open(const json_t *record)
{
	const char *status = json_string_value(json_object_get(record, "status"));

	return status != NULL && strcmp(status, "open") == 0;
}

const char *
ck_case_country(const json_t *record)
{
	const char *m = json_string_value(json_object_get(record, "municipality"));

	/* casekit(5): a Swedish kommun is written SE- and its code, so
	 * that codes never collide with the Danish ones. */
	return m != NULL && strncmp(m, "SE-", 3) == 0 ? "SE" : "DK";
}

json_t *
ck_case_element(const json_t *record, const char *key, const char *id)
{
	json_t *array = json_object_get(record, key);
	json_t *element;
	size_t i;

	json_array_foreach(array, i, element) {
		const char *eid = json_string_value(json_object_get(element, "id"));

		if (eid != NULL && strcmp(eid, id) == 0)
			return element;
	}
	return NULL;
}

char *
ck_case_next_id(const json_t *record, const char *key, char prefix, char *buf,
		size_t size)
{
	json_t *array = json_object_get(record, key);
	json_t *element;
	unsigned long highest = 0;
	size_t i;

	/* One more than the highest number used: an id is never reused in
	 * a case, even where elements were taken out by hand. */
	json_array_foreach(array, i, element) {
		const char *id = json_string_value(json_object_get(element, "id"));
		char *end;
		unsigned long n;

		if (id == NULL || id[0] != prefix || id[1] < '1' || id[1] > '9')
			continue;
		errno = 0;
		n = strtoul(id + 1, &end, 10);
		if (*end != '\0')
			continue;
		/* Past the largest number there is no next one: never a
		 * number that wrapped to 0, which no case takes. */
		if (errno == ERANGE || n == ULONG_MAX) {
			if (size > 0)
				buf[0] = '\0';
			return NULL;
		}
		if (n > highest)
			highest = n;
	}
	snprintf(buf, size, "%c%lu", prefix, highest + 1);
	return buf;
}

void
ck_case_append(json_t *record, const char *key, json_t *element)
{
	json_t *array = json_object_get(record, key);

	if (!json_is_array(array)) {
		array = json_array();
		if (array == NULL || !ck_record_set(record, key, array))
			ck_fatal(_("out of memory"));
	}
	if (json_array_append_new(array, element) != 0)
		ck_fatal(_("out of memory"));
}

bool
ck_case_has_actor(const json_t *record, const char *id)
{
	return ck_case_element(record, "actors", id) != NULL;
}

bool
ck_actor_active(const json_t *actor, ck_date on)
{
	ck_date since, until;
	const char *s = json_string_value(json_object_get(actor, "since"));
	const char *u = json_string_value(json_object_get(actor, "until"));

	if (s != NULL && ck_date_parse(s, &since) && since > on)
		return false;
	if (u != NULL && ck_date_parse(u, &until) && on >= until)
		return false;
	return true;
}

/* A member's text, or NULL when it is absent or not a string. */
static const char *
member_text(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

/* The date that places a consent among those naming an actor: when it
 * was given, else refused, else withdrawn. */
static bool
consent_date(const json_t *consent, ck_date *out)
{
	static const char *const keys[] = { "given", "refused", "withdrawn" };
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *text = member_text(consent, keys[i]);

		if (text != NULL)
			return ck_date_parse(text, out);
	}
	return false;
}

/* The consent state of an actor, as rule consent judges it: an actor
 * that is the municipality's, the family's, or receives no data needs
 * none; otherwise the latest consent naming it decides. */
const json_t *
ck_actor_latest_consent(const json_t *record, const json_t *actor)
{
	json_t *consents = json_object_get(record, "consents"), *c, *latest = NULL;
	const char *id = member_text(actor, "id");
	ck_date latest_date = 0, date;
	size_t i, k;

	if (id == NULL)
		return NULL;
	json_array_foreach(consents, i, c) {
		json_t *r;
		bool names = false;

		json_array_foreach(json_object_get(c, "recipients"), k, r)
			if (json_is_string(r) && strcmp(json_string_value(r), id) == 0)
				names = true;
		if (!names || !consent_date(c, &date))
			continue;
		/* On the same day the later entry speaks last. */
		if (latest == NULL || date >= latest_date) {
			latest = c;
			latest_date = date;
		}
	}
	return latest;
}

const char *
ck_actor_consent_state(const json_t *record, const json_t *actor, ck_date today)
{
	const char *sector = member_text(actor, "sector");
	const json_t *latest;
	const char *text;
	ck_date date;

	if (json_is_true(json_object_get(actor, "municipal")) || json_is_false(json_object_get(actor, "receives_data")) ||
	    (sector != NULL && strcmp(sector, "family") == 0))
		return "not-needed";
	latest = ck_actor_latest_consent(record, actor);
	if (latest == NULL)
		return "none";
	if ((text = member_text(latest, "withdrawn")) != NULL && ck_date_parse(text, &date) &&
	    date <= today)
		return "withdrawn";
	if (member_text(latest, "given") == NULL)
		return member_text(latest, "refused") != NULL ? "refused" : "none";
	if (ck_consent_last_day(record, latest, &date) && date < today)
		return "expired";
	return "given";
}

bool
ck_consent_last_day(const json_t *record, const json_t *consent, ck_date *out)
{
	const char *by = member_text(consent, "given_by");
	const char *text = member_text(consent, "expires");
	bool found = text != NULL && ck_date_parse(text, out);
	ck_date born, cap;

	/* The parents' (or a guardian's) consent is given for a child: at 18
	 * the young person decides for themself, so it holds at the latest
	 * through the day before the 18th birthday. */
	if (by != NULL && (strcmp(by, "parents") == 0 || strcmp(by, "guardian") == 0) &&
	    (text = member_text(json_object_get(record, "child"), "born")) != NULL &&
	    ck_date_parse(text, &born)) {
		cap = ck_date_add(born, (ck_duration){ 18 * 12, -1 });
		if (!found || cap < *out)
			*out = cap;
		found = true;
	}
	return found;
}

static bool
control_char(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* The contact of the case's coordinator as a digest's key: the first
 * actor active on TODAY with "coordinator": true and a contact, the
 * contact trimmed and in lower case (ASCII; "Mette.Holm@Kommune.dk" and
 * "mette.holm@kommune.dk" are one person). A contact with a control
 * character is no address to write to, and counts as none. A new
 * string, or NULL. */
char *
ck_contact_key(const char *contact)
{
	const char *p, *end;
	char *key, *k;

	while (*contact == ' ' || *contact == '\t')
		contact++;
	end = contact + strlen(contact);
	while (end > contact && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	for (p = contact; p < end; p++)
		if (control_char((unsigned char)*p))
			return NULL;
	if (end == contact)
		return NULL;
	key = xstrndup(contact, (size_t)(end - contact));
	for (k = key; *k != '\0'; k++)
		*k = ascii_lower(*k);
	return key;
}

char *
ck_coordinator_key(const json_t *record, ck_date today)
{
	const json_t *actor;
	size_t i;

	json_array_foreach(json_object_get(record, "actors"), i, actor) {
		const char *contact = json_string_value(json_object_get(actor, "contact"));
		char *key;

		if (!json_is_true(json_object_get(actor, "coordinator")) || contact == NULL ||
		    !ck_actor_active(actor, today))
			continue;
		if ((key = ck_contact_key(contact)) != NULL)
			return key;
	}
	return NULL;
}
