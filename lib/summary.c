/* SPDX-License-Identifier: MPL-2.0 */
/* summary.c — one case told to the one who needs it (case-summary(1)):
 * the family, in plain words; the next caseworker, the whole case as a
 * handover (DK 1.6); or one actor of the case, only what a valid consent
 * lets be shared with it (DK 1.2; GDPR art. 6 and 9).
 *
 * A summary is built here as one JSON object, the same content that the
 * text and HTML of summary-format.c show and that --format json writes.
 * What a reader may see is decided here and nowhere else: the family
 * never gets an identity number, a diagnosis, a rule or a finding, nor
 * a caseworker's own judgement; a recipient gets who is who and only the
 * parts its consent lists. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* The parts a consent's scope may name (casekit(5)), in the order a
 * summary shows them. "who" (who is who) is not a scope item: every
 * summary has it. */
static const char *const scope_parts[] = {
	"actors", "diagnosis", "assessments", "decisions", "plans", "transitions", "family",
	"identity"
};

/* How many events a successor's history shows: the latest. */
#define HISTORY_MAX 40

static const char *const reader_names[] = {
	[CK_SUMMARY_FAMILY] = "family",
	[CK_SUMMARY_SUCCESSOR] = "successor",
	[CK_SUMMARY_RECIPIENT] = "recipient",
};

const char *
ck_summary_reader_name(ck_summary_reader reader)
{
	if ((unsigned)reader >= COUNT(reader_names))
		return NULL;
	return reader_names[reader];
}

int
ck_summary_reader_parse(const char *text)
{
	size_t i;

	for (i = 0; text != NULL && i < COUNT(reader_names); i++)
		if (strcmp(reader_names[i], text) == 0)
			return (int)i;
	return -1;
}

/* A member's text, or NULL. */
static const char *
str(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

static bool
date_member(const json_t *object, const char *key, ck_date *out)
{
	const char *text = str(object, key);

	return text != NULL && ck_date_parse(text, out);
}

static bool
summary_language(const char *text)
{
	return text != NULL &&
		(strcmp(text, "da") == 0 || strcmp(text, "sv") == 0 || strcmp(text, "en") == 0);
}

const char *
ck_summary_language(const json_t *record, ck_summary_reader reader, const char *option,
		    bool *unmet)
{
	const json_t *member;
	size_t i;

	if (unmet != NULL)
		*unmet = false;
	if (summary_language(option))
		return strcmp(option, "da") == 0 ? "da" : strcmp(option, "sv") == 0 ? "sv" : "en";
	if (reader == CK_SUMMARY_FAMILY) {
		json_array_foreach(json_object_get(record, "family"), i, member) {
			const char *lang = str(member, "interpreter");

			if (summary_language(lang))
				return strcmp(lang, "da") == 0 ? "da" :
					strcmp(lang, "sv") == 0 ? "sv" : "en";
			if (lang != NULL && unmet != NULL)
				*unmet = true;
		}
	}
	return ck_language();
}

const json_t *
ck_summary_consent(const json_t *record, const json_t *actor, ck_date today, const char **why)
{
	const json_t *consent;
	const char *dummy;
	ck_date date, until;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	/* An actor marked as receiving no data gets none, consent or not;
	 * one whose part has ended is no longer around the family. */
	if (json_is_false(json_object_get(actor, "receives_data"))) {
		*why = N_("the actor is marked as receiving no data");
		return NULL;
	}
	if (date_member(actor, "until", &until) && until <= today) {
		*why = N_("the actor's part in the case has ended");
		return NULL;
	}
	/* The latest consent naming the actor decides, as for rule consent:
	 * a later refusal or withdrawal is not undone by an earlier
	 * consent. */
	consent = ck_actor_latest_consent(record, actor);
	if (consent == NULL) {
		*why = N_("no consent names the actor");
		return NULL;
	}
	if (date_member(consent, "withdrawn", &date) && date <= today) {
		*why = N_("the consent naming the actor was withdrawn");
		return NULL;
	}
	if (!date_member(consent, "given", &date)) {
		*why = N_("the consent naming the actor was refused");
		return NULL;
	}
	if (date > today) {
		*why = N_("the consent naming the actor is not given yet");
		return NULL;
	}
	if (ck_consent_last_day(record, consent, &until) && until < today) {
		*why = N_("the consent naming the actor has expired");
		return NULL;
	}
	return consent;
}

/* ---------------------------------------------------------------------
 * Building
 */

struct build {
	const json_t *record;
	const ck_summary_request *req;
	const char *lang;
	ck_date today;
	const json_t *findings;     /* the judge's, with ok and n/a; or the
				       record's checklist; may be NULL */
	json_t *owned_findings;
	bool parts[COUNT(scope_parts)];
	bool all;                   /* successor: everything */
};

static bool
has_part(const struct build *b, const char *part)
{
	size_t i;

	if (b->all)
		return true;
	for (i = 0; i < COUNT(scope_parts); i++)
		if (strcmp(scope_parts[i], part) == 0)
			return b->parts[i];
	return false;
}

static void
set(json_t *object, const char *key, json_t *value)
{
	oom_unless(value != NULL && json_object_set_new(object, key, value) == 0);
}

static void
set_text(json_t *object, const char *key, const char *text)
{
	if (text != NULL)
		set(object, key, json_string(text));
}

/* Copies the members KEYS of FROM that are present, in that order. */
static void
copy(json_t *to, const json_t *from, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *value = json_object_get(from, keys[i]);

		if (value != NULL)
			set(to, keys[i], json_deep_copy(value));
	}
}

#define COPY(to, from, ...) do {					\
	static const char *const keys_[] = { __VA_ARGS__ };		\
	copy((to), (from), keys_, COUNT(keys_));			\
} while (0)

static json_t *
new_object(void)
{
	json_t *o = json_object();

	oom_unless(o != NULL);
	return o;
}

static json_t *
new_array(void)
{
	json_t *a = json_array();

	oom_unless(a != NULL);
	return a;
}

static void
append(json_t *array, json_t *value)
{
	oom_unless(value != NULL && json_array_append_new(array, value) == 0);
}

/* Sets KEY to ARRAY when it has elements; frees it otherwise. */
static void
set_array(json_t *object, const char *key, json_t *array)
{
	if (json_array_size(array) > 0)
		set(object, key, array);
	else
		json_decref(array);
}

static void
set_object(json_t *object, const char *key, json_t *member)
{
	if (json_object_size(member) > 0)
		set(object, key, member);
	else
		json_decref(member);
}

/* An actor by role and name, as a reader is shown it ("The school (Skolen
 * ved Søen)"); NULL for an id the case lacks. A new string. */
static char *
actor_label(const struct build *b, const char *id)
{
	const json_t *actor = id != NULL ? ck_case_element(b->record, "actors", id) : NULL;
	const char *role, *name, *org;
	char *text;
	size_t n;

	if (actor == NULL)
		return NULL;
	role = ck_summary_role_text(str(actor, "role"), b->lang);
	name = str(actor, "name");
	org = str(actor, "org");
	if (role == NULL)
		role = name != NULL ? name : id;
	n = strlen(role) + (name != NULL ? strlen(name) : 0) + (org != NULL ? strlen(org) : 0) + 8;
	text = xmalloc(n);
	if (name != NULL && strcmp(name, role) != 0 && org != NULL)
		snprintf(text, n, "%s (%s, %s)", role, name, org);
	else if (name != NULL && strcmp(name, role) != 0)
		snprintf(text, n, "%s (%s)", role, name);
	else if (org != NULL)
		snprintf(text, n, "%s (%s)", role, org);
	else
		snprintf(text, n, "%s", role);
	return text;
}

static void
set_actor_label(const struct build *b, json_t *object, const char *key, const char *id)
{
	char *label = actor_label(b, id);

	if (label != NULL) {
		set(object, key, json_string(label));
		free(label);
	}
}

/* The first finding of RULE (for ITEM, when not NULL) that is not
 * overdue or missing and is due on or after today: a date ahead that
 * the rules give. False otherwise: a date that has passed is never told
 * to the family as a date, which would read as a breach. */
static bool
finding_ahead(const struct build *b, const char *rule, const char *item, ck_date *out)
{
	const json_t *f;
	size_t i;

	json_array_foreach(b->findings, i, f) {
		const char *r = str(f, "rule"), *it = str(f, "item"), *status = str(f, "status");

		if (r == NULL || strcmp(r, rule) != 0 || status == NULL)
			continue;
		if (item != NULL && (it == NULL || strcmp(it, item) != 0))
			continue;
		if (strcmp(status, "ok") != 0 && strcmp(status, "due") != 0)
			continue;
		if (date_member(f, "due", out) && *out >= b->today)
			return true;
	}
	return false;
}

static bool
granted(const json_t *decision)
{
	const char *outcome = str(decision, "outcome");

	return outcome != NULL && (strcmp(outcome, "granted") == 0 || strcmp(outcome, "partly") == 0);
}

static void
set_paragraph_text(const struct build *b, json_t *object, const char *paragraph)
{
	char text[256];

	if (ck_summary_paragraph_text(paragraph, b->lang, text, sizeof text))
		set_text(object, "text", text);
}

/* ---- who is who */

/* Active actors: what they are and how to reach them. The family is
 * told what each does; a recipient sees the family's own actors only
 * with the family part. */
static json_t *
who_is_who(const struct build *b)
{
	json_t *who = new_array();
	const json_t *actor;
	size_t i;

	json_array_foreach(json_object_get(b->record, "actors"), i, actor) {
		const char *sector = str(actor, "sector");
		json_t *a;

		if (!ck_actor_active(actor, b->today))
			continue;
		if (b->req->reader == CK_SUMMARY_RECIPIENT && sector != NULL &&
		    strcmp(sector, "family") == 0 && !has_part(b, "family"))
			continue;
		a = new_object();
		COPY(a, actor, "id", "role");
		set_text(a, "role_text", ck_summary_role_text(str(actor, "role"), b->lang));
		if (b->req->reader == CK_SUMMARY_FAMILY && str(actor, "role") != NULL) {
			char key[96];

			snprintf(key, sizeof key, "does.%s", str(actor, "role"));
			set_text(a, "does", ck_summary_text(key, b->lang));
		}
		COPY(a, actor, "name", "org", "contact");
		if (json_is_true(json_object_get(actor, "coordinator")))
			set(a, "coordinator", json_true());
		if (json_is_true(json_object_get(actor, "authority")))
			set(a, "authority", json_true());
		append(who, a);
	}
	return who;
}

/* The family's coordinator: the first active actor with coordinator. */
static const json_t *
coordinator(const struct build *b)
{
	const json_t *actor;
	size_t i;

	json_array_foreach(json_object_get(b->record, "actors"), i, actor)
		if (json_is_true(json_object_get(actor, "coordinator")) &&
		    ck_actor_active(actor, b->today))
			return actor;
	return NULL;
}

static json_t *
contact_card(const struct build *b, const json_t *actor)
{
	json_t *a = new_object();

	COPY(a, actor, "id", "role");
	set_text(a, "role_text", ck_summary_role_text(str(actor, "role"), b->lang));
	COPY(a, actor, "name", "org", "contact");
	return a;
}

/* ---- the family's document */

/* Granted support that has not ended, in plain words. */
static json_t *
family_decided(const struct build *b)
{
	json_t *decided = new_array();
	const json_t *d;
	size_t i;

	json_array_foreach(json_object_get(b->record, "decisions"), i, d) {
		const char *id = str(d, "id");
		ck_date ends, next;
		json_t *o;
		char text[CK_DATE_SIZE];

		if (!granted(d) || (date_member(d, "ends", &ends) && ends < b->today))
			continue;
		o = new_object();
		COPY(o, d, "id", "paragraph");
		set_paragraph_text(b, o, str(d, "paragraph"));
		COPY(o, d, "outcome", "decided", "started", "ends");
		if ((date_member(json_object_get(d, "follow_up"), "next", &next) && next >= b->today) ||
		    (id != NULL && (finding_ahead(b, "follow-up", id, &next) ||
				    finding_ahead(b, "follow-up-next", id, &next))))
			set(o, "next_follow_up", json_string(ck_date_format(next, text)));
		append(decided, o);
	}
	return decided;
}

/* An entry of what happens next. */
static json_t *
next_entry(const char *kind, ck_date date, bool by)
{
	json_t *o = new_object();
	char text[CK_DATE_SIZE];

	set(o, "kind", json_string(kind));
	set(o, "date", json_string(ck_date_format(date, text)));
	if (by)
		set(o, "by", json_true());
	return o;
}

/* A plan's next review ahead: its own date, else the rules' (RULE). */
static void
next_review(const struct build *b, json_t *next, const json_t *plan, const char *rule,
	    const char *kind)
{
	ck_date date;
	bool have = date_member(plan, "next_review", &date);

	if (plan == NULL)
		return;
	if ((have && date >= b->today) || (!have && rule != NULL && finding_ahead(b, rule, NULL, &date))) {
		json_t *o = next_entry(kind, date, !have);

		set_actor_label(b, o, "responsible", str(plan, "responsible"));
		append(next, o);
	}
}

static int
by_date(const void *x, const void *y)
{
	const char *a = str(*(json_t *const *)x, "date"), *c = str(*(json_t *const *)y, "date");

	return strcmp(a != NULL ? a : "", c != NULL ? c : "");
}

/* Sorts an array of objects by their "date", stably (qsort is not: the
 * index breaks ties). */
static void
sort_by_date(json_t *array)
{
	size_t n = json_array_size(array), i, k;
	json_t **items;

	if (n < 2)
		return;
	items = xmalloc(n * sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = json_incref(json_array_get(array, i));
	/* Insertion sort: short lists, and stable. */
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && by_date(&items[k - 1], &items[k]) > 0; k--) {
			json_t *t = items[k];

			items[k] = items[k - 1];
			items[k - 1] = t;
		}
	json_array_clear(array);
	for (i = 0; i < n; i++)
		append(array, items[i]);
	free(items);
}

/* What happens next, by date: applications being dealt with, plan
 * reviews, follow-ups, the next network meeting, transitions ahead. */
static json_t *
family_next(const struct build *b, json_t *summary)
{
	json_t *next = new_array(), *plans = json_object_get(b->record, "plans");
	const json_t *d, *m, *t, *common = json_object_get(plans, "common");
	ck_date date, last = 0, planned = 0;
	bool held = false, ahead = false;
	char text[CK_DATE_SIZE];
	size_t i;

	json_array_foreach(json_object_get(b->record, "decisions"), i, d) {
		const char *id = str(d, "id");
		ck_date applied;
		json_t *o;

		if (str(d, "decided") == NULL && date_member(d, "applied", &applied)) {
			o = next_entry("application", applied, false);
			COPY(o, d, "paragraph");
			set_paragraph_text(b, o, str(d, "paragraph"));
			append(next, o);
			continue;
		}
		if (!granted(d) || (date_member(d, "ends", &date) && date < b->today))
			continue;
		if ((date_member(json_object_get(d, "follow_up"), "next", &date) &&
		     date >= b->today) ||
		    (id != NULL && (finding_ahead(b, "follow-up", id, &date) ||
				    finding_ahead(b, "follow-up-next", id, &date)))) {
			o = next_entry("follow-up", date, false);
			COPY(o, d, "paragraph");
			set_paragraph_text(b, o, str(d, "paragraph"));
			append(next, o);
		}
	}
	next_review(b, next, common, json_is_true(json_object_get(common, "sip")) ?
		    "sip-review" : "common-plan-review",
		    json_is_true(json_object_get(common, "sip")) ? "sip" : "common-plan");
	next_review(b, next, json_object_get(plans, "child"), "child-plan-review", "child-plan");
	next_review(b, next, json_object_get(plans, "youth"), NULL, "youth-plan");
	next_review(b, next, json_object_get(plans, "individual"), NULL, "individual-plan");

	/* Network meetings: the last one held, and the next, planned or as
	 * the rules space them. */
	json_array_foreach(json_object_get(b->record, "meetings"), i, m) {
		const char *kind = str(m, "kind");

		if (kind == NULL || strcmp(kind, "network") != 0 || !date_member(m, "date", &date))
			continue;
		if (date <= b->today && (!held || date > last)) {
			last = date;
			held = true;
		} else if (date > b->today && (!ahead || date < planned)) {
			planned = date;
			ahead = true;
		}
	}
	if (held)
		set(summary, "last_network_meeting", json_string(ck_date_format(last, text)));
	if (ahead)
		append(next, next_entry("network-meeting", planned, false));
	else if (finding_ahead(b, "network-meeting", NULL, &date))
		append(next, next_entry("network-meeting", date, true));

	json_array_foreach(json_object_get(b->record, "transitions"), i, t) {
		const char *kind = str(t, "kind"), *status = str(t, "status");
		char key[96];
		json_t *o;

		if (ck_transition_done(t) || !date_member(t, "due", &date) || date < b->today)
			continue;
		o = next_entry("transition", date, false);
		set_text(o, "transition", kind);
		snprintf(key, sizeof key, "transition.%s", kind != NULL ? kind : "");
		set_text(o, "text", ck_summary_text(key, b->lang) != NULL ?
			 ck_summary_text(key, b->lang) : kind);
		COPY(o, t, "prepare_from");
		if (status != NULL && strcmp(status, "preparing") == 0)
			set(o, "preparing", json_true());
		set_actor_label(b, o, "handover_to", str(json_object_get(t, "handover"), "to"));
		append(next, o);
	}
	sort_by_date(next);
	return next;
}

static const char *
offer_text(const struct build *b, const char *kind)
{
	return ck_summary_value_text("offer", kind, b->lang);
}

/* Offers for the family, for brothers and sisters, peer networks: all
 * that were made, but those the caseworker found not needed. */
static json_t *
offers(const struct build *b, bool family)
{
	json_t *list = new_array();
	const json_t *o;
	size_t i;

	json_array_foreach(json_object_get(b->record, "offers"), i, o) {
		const char *status = str(o, "status");
		json_t *e;

		if (family && status != NULL && strcmp(status, "not-needed") == 0)
			continue;
		e = new_object();
		COPY(e, o, "id", "kind");
		set_text(e, "text", offer_text(b, str(o, "kind")));
		COPY(e, o, "to", "status", "date");
		append(list, e);
	}
	return list;
}

/* Suggestions from the knowledge directory whose audience is one of
 * A or B (or any, with A NULL). */
static json_t *
knowledge(const struct build *b, const char *a, const char *c)
{
	json_t *list = new_array();
	const json_t *s;
	size_t i;

	json_array_foreach(json_object_get(b->record, "suggestions"), i, s) {
		const char *audience = str(s, "audience");
		json_t *e;

		if (a != NULL && (audience == NULL ||
				  (strcmp(audience, a) != 0 && strcmp(audience, c) != 0)))
			continue;
		e = new_object();
		COPY(e, s, "name", "org", "kind", "contact", "region", "audience");
		append(list, e);
	}
	return list;
}

static json_t *
rights(const struct build *b, const char *country)
{
	json_t *list = new_array();
	size_t i, n = ck_summary_rights_count(country);

	for (i = 0; i < n; i++) {
		const char *title, *text;
		json_t *r = new_object();

		ck_summary_right(country, i, b->lang, &title, &text);
		set_text(r, "title", title);
		set_text(r, "text", text);
		append(list, r);
	}
	return list;
}

/* ---- the parts, for a successor and for a recipient */

static const char *
consent_state(const json_t *record, const json_t *consent, ck_date today)
{
	ck_date date;

	if (date_member(consent, "withdrawn", &date) && date <= today)
		return "withdrawn";
	if (!date_member(consent, "given", &date))
		return str(consent, "refused") != NULL ? "refused" : "none";
	if (date > today)
		return "pending";
	if (ck_consent_last_day(record, consent, &date) && date < today)
		return "expired";
	return "given";
}

static json_t *
actors_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *actor;
	size_t i;

	json_array_foreach(json_object_get(b->record, "actors"), i, actor) {
		json_t *a = new_object();

		COPY(a, actor, "id", "role");
		set_text(a, "role_text", ck_summary_role_text(str(actor, "role"), b->lang));
		COPY(a, actor, "name", "org", "sector", "contact", "since", "until");
		set(a, "active", json_boolean(ck_actor_active(actor, b->today)));
		COPY(a, actor, "coordinator", "authority", "municipal", "receives_data");
		/* Whom the family consented to share with is the family's and
		 * the municipality's business, not another recipient's. */
		if (b->all)
			set(a, "consent", json_string(ck_actor_consent_state(b->record, actor,
									     b->today)));
		append(list, a);
	}
	return list;
}

static json_t *
assessments_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *s;
	size_t i;

	json_array_foreach(json_object_get(b->record, "assessments"), i, s) {
		json_t *a = new_object();

		COPY(a, s, "id", "type");
		set_text(a, "type_text", ck_summary_value_text("assessment", str(s, "type"), b->lang));
		COPY(a, s, "aware", "started", "done", "preliminary", "by");
		set_actor_label(b, a, "by_text", str(s, "by"));
		append(list, a);
	}
	return list;
}

static json_t *
decisions_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *d;
	size_t i;

	json_array_foreach(json_object_get(b->record, "decisions"), i, d) {
		json_t *o = new_object();

		COPY(o, d, "id", "paragraph");
		set_paragraph_text(b, o, str(d, "paragraph"));
		COPY(o, d, "applied", "decided", "outcome", "started", "ends", "child_heard",
		     "hearing_exception", "delay_notified", "reported_ivo", "follow_up");
		/* A complaint is the family's matter with the municipality. */
		if (b->all)
			COPY(o, d, "complaint");
		append(list, o);
	}
	return list;
}

static json_t *
plan_copy(const struct build *b, const json_t *plan, bool common)
{
	json_t *p = new_object(), *items;
	const json_t *item;
	size_t i;

	COPY(p, plan, "decision", "offered", "date", "updated", "next_review", "responsible");
	set_actor_label(b, p, "responsible_text", str(plan, "responsible"));
	if (!common)
		return p;
	COPY(p, plan, "sip", "consent");
	items = new_array();
	json_array_foreach(json_object_get(plan, "items"), i, item) {
		json_t *e = new_object();

		COPY(e, item, "what", "actor");
		set_actor_label(b, e, "actor_text", str(item, "actor"));
		COPY(e, item, "from", "to");
		append(items, e);
	}
	set_array(p, "items", items);
	return p;
}

static json_t *
plans_part(const struct build *b)
{
	const json_t *plans = json_object_get(b->record, "plans");
	static const char *const kinds[] = { "common", "child", "youth", "individual" };
	json_t *p = new_object();
	size_t i;

	for (i = 0; i < COUNT(kinds); i++) {
		const json_t *plan = json_object_get(plans, kinds[i]);

		if (json_is_object(plan))
			set(p, kinds[i], plan_copy(b, plan, i == 0));
	}
	return p;
}

static json_t *
meetings_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *m, *id;
	size_t i, k;

	json_array_foreach(json_object_get(b->record, "meetings"), i, m) {
		json_t *o = new_object(), *texts = new_array();

		COPY(o, m, "id", "date", "kind");
		set_text(o, "kind_text", ck_summary_value_text("meeting", str(m, "kind"), b->lang));
		COPY(o, m, "actors");
		json_array_foreach(json_object_get(m, "actors"), k, id) {
			char *label = actor_label(b, json_string_value(id));

			if (label != NULL) {
				append(texts, json_string(label));
				free(label);
			}
		}
		set_array(o, "actors_text", texts);
		COPY(o, m, "with_family");
		append(list, o);
	}
	sort_by_date(list);
	return list;
}

static json_t *
transitions_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *t;
	size_t i;

	json_array_foreach(json_object_get(b->record, "transitions"), i, t) {
		const json_t *handover = json_object_get(t, "handover");
		json_t *o = new_object();

		COPY(o, t, "kind");
		set_text(o, "kind_text", ck_summary_value_text("transition", str(t, "kind"), b->lang));
		COPY(o, t, "due", "prepare_from", "status", "started", "completed", "decisions_ready");
		if (json_is_object(handover)) {
			json_t *h = new_object();

			COPY(h, handover, "date", "to");
			set_actor_label(b, h, "to_text", str(handover, "to"));
			COPY(h, handover, "items");
			set(o, "handover", h);
		}
		append(list, o);
	}
	return list;
}

static json_t *
family_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *f;
	size_t i;

	json_array_foreach(json_object_get(b->record, "family"), i, f) {
		json_t *o = new_object();

		COPY(o, f, "id", "relation", "name", "born", "custody", "lives_with", "interpreter");
		append(list, o);
	}
	return list;
}

static json_t *
consents_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *c, *id;
	size_t i, k;

	json_array_foreach(json_object_get(b->record, "consents"), i, c) {
		json_t *o = new_object(), *texts = new_array();
		ck_date last;
		char text[CK_DATE_SIZE];

		COPY(o, c, "id", "purpose", "given_by", "given", "expires");
		if (str(c, "given") != NULL && ck_consent_last_day(b->record, c, &last))
			set(o, "last_day", json_string(ck_date_format(last, text)));
		COPY(o, c, "withdrawn", "refused", "recipients");
		json_array_foreach(json_object_get(c, "recipients"), k, id) {
			char *label = actor_label(b, json_string_value(id));

			if (label != NULL) {
				append(texts, json_string(label));
				free(label);
			}
		}
		set_array(o, "recipients_text", texts);
		COPY(o, c, "scope");
		set(o, "state", json_string(consent_state(b->record, c, b->today)));
		append(list, o);
	}
	return list;
}

/* The open findings: missing, overdue or due, with the rule's title and
 * what to do, in the reader's language. */
static json_t *
findings_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *f;
	size_t i;

	json_array_foreach(b->findings, i, f) {
		const char *status = str(f, "status"), *rule = str(f, "rule");
		const json_t *def = b->req->set != NULL && rule != NULL ?
			ck_ruleset_rule(b->req->set, rule) : NULL;
		json_t *o;

		if (status == NULL || (strcmp(status, "missing") != 0 &&
				       strcmp(status, "overdue") != 0 && strcmp(status, "due") != 0))
			continue;
		o = new_object();
		COPY(o, f, "rule");
		set_text(o, "title", def != NULL ? ck_rule_title(def, b->lang) : rule);
		COPY(o, f, "basis", "ref", "status", "due", "item");
		if (def != NULL)
			set_text(o, "message", ck_text_in(json_object_get(def, "message"), b->lang));
		append(list, o);
	}
	return list;
}

static json_t *
waivers_part(const struct build *b)
{
	json_t *list = new_array();
	const json_t *w;
	size_t i;

	json_array_foreach(json_object_get(b->record, "waivers"), i, w) {
		const char *rule = str(w, "rule");
		const json_t *def = b->req->set != NULL && rule != NULL ?
			ck_ruleset_rule(b->req->set, rule) : NULL;
		json_t *o = new_object();

		COPY(o, w, "id", "rule");
		set_text(o, "title", def != NULL ? ck_rule_title(def, b->lang) : rule);
		COPY(o, w, "item", "reason", "by", "date", "until");
		append(list, o);
	}
	return list;
}

/* The audit trail, shortened: who did what when. Events hold no
 * personal value; of their keys only the operation's item is kept (an
 * element's id or a transition's kind), and a summary's reader. */
static json_t *
history_part(const struct build *b, size_t *left_out)
{
	const json_t *events = json_object_get(b->record, "events"), *e;
	size_t n = json_array_size(events), i, from = n > HISTORY_MAX ? n - HISTORY_MAX : 0;
	json_t *list = new_array();

	*left_out = from;
	for (i = from; i < n; i++) {
		const json_t *item;
		json_t *o = new_object();

		e = json_array_get(events, i);
		COPY(o, e, "at", "by", "tool", "op");
		item = json_object_get(e, "item");
		if (json_is_string(item) || json_is_array(item))
			set(o, "item", json_deep_copy(item));
		COPY(o, e, "for", "actor");
		append(list, o);
	}
	return list;
}

static json_t *
child_identity(const struct build *b, bool numbers)
{
	const json_t *child = json_object_get(b->record, "child");
	json_t *c = new_object();

	COPY(c, child, "name", "born");
	if (numbers)
		COPY(c, child, "cpr", "personnummer");
	return c;
}

/* The findings a summary reads dates and open points from: the judge's
 * as of today, with ok and n/a (the dates ahead), else the record's
 * checklist. */
static bool
load_findings(struct build *b, ck_problem *p)
{
	const ck_summary_request *req = b->req;

	if (req->judge != NULL) {
		json_t *checklist = ck_judge_case(req->judge, b->record, b->today,
						  (ck_duration){ 0, 30 }, CK_JUDGE_SHOW_OK);

		if (checklist == NULL) {
			ck_problem_set(p, NULL, "%s", ck_judge_error(req->judge));
			return false;
		}
		b->owned_findings = checklist;
		b->findings = json_object_get(checklist, "findings");
	} else {
		b->findings = json_object_get(json_object_get(b->record, "checklist"), "findings");
	}
	return true;
}

static json_t *
parts_list(const struct build *b)
{
	json_t *parts = new_array();
	size_t i;

	append(parts, json_string("who"));
	for (i = 0; i < COUNT(scope_parts); i++)
		if (has_part(b, scope_parts[i]))
			append(parts, json_string(scope_parts[i]));
	return parts;
}

static void
build_family(struct build *b, json_t *s)
{
	const json_t *c = coordinator(b);
	const char *name = str(json_object_get(b->record, "child"), "name");
	json_t *child = new_object(), *next;

	/* The child by name only: the family needs no number to know its
	 * own child, and a paper left on a table should carry none. */
	if (name != NULL)
		set_text(child, "name", name);
	set_object(s, "child", child);
	if (c != NULL)
		set(s, "coordinator", contact_card(b, c));
	set(s, "who", who_is_who(b));
	set(s, "decided", family_decided(b));
	next = family_next(b, s);
	set(s, "next", next);
	set(s, "offers", offers(b, true));
	set(s, "knowledge", knowledge(b, "family", "both"));
	set(s, "rights", rights(b, ck_case_country(b->record)));
}

static void
build_parts(struct build *b, json_t *s)
{
	const json_t *r = b->record;

	if (has_part(b, "identity"))
		set_object(s, "child", child_identity(b, b->req->reader == CK_SUMMARY_RECIPIENT));
	set(s, "who", who_is_who(b));
	if (has_part(b, "actors"))
		set(s, "actors", actors_part(b));
	if (has_part(b, "diagnosis")) {
		json_t *d = new_object();

		COPY(d, json_object_get(r, "diagnosis"), "status", "codes", "label", "confirmed");
		set(s, "diagnosis", d);
		if (json_object_get(r, "target_group") != NULL)
			set(s, "target_group", json_deep_copy(json_object_get(r, "target_group")));
	}
	if (has_part(b, "assessments"))
		set(s, "assessments", assessments_part(b));
	if (has_part(b, "decisions"))
		set(s, "decisions", decisions_part(b));
	if (has_part(b, "plans")) {
		set(s, "plans", plans_part(b));
		set(s, "meetings", meetings_part(b));
	}
	if (has_part(b, "transitions"))
		set(s, "transitions", transitions_part(b));
	if (has_part(b, "family")) {
		set(s, "family", family_part(b));
		set(s, "offers", offers(b, false));
	}
	/* The directory's entries are found by the diagnosis: they tell it. */
	if (b->all)
		set(s, "knowledge", knowledge(b, NULL, NULL));
	else if (has_part(b, "diagnosis"))
		set(s, "knowledge", knowledge(b, "professional", "both"));
}

static void
build_successor(struct build *b, json_t *s)
{
	const json_t *r = b->record;
	json_t *c = new_object(), *history;
	size_t left_out;
	const ck_ruleset *set_ = b->req->set;

	COPY(c, r, "municipality", "team", "pathway");
	if (set_ != NULL)
		set_text(c, "pathway_title", ck_ruleset_title(set_, b->lang));
	COPY(c, r, "opened", "followed_from", "milestones", "family_strain", "family_view",
	     "exposure");
	set(s, "case_info", c);
	build_parts(b, s);
	set(s, "consents", consents_part(b));
	set(s, "findings", findings_part(b));
	set(s, "waivers", waivers_part(b));
	history = history_part(b, &left_out);
	set(s, "history", history);
	if (left_out > 0)
		set(s, "history_left_out", json_integer((json_int_t)left_out));
}

json_t *
ck_summary_new(const json_t *record, const ck_summary_request *req, ck_problem *p)
{
	struct build b;
	const json_t *actor = NULL, *consent = NULL, *item;
	json_t *s;
	char text[CK_DATE_SIZE];
	size_t i, k;

	memset(&b, 0, sizeof b);
	b.record = record;
	b.req = req;
	b.lang = req->lang != NULL ? req->lang : "en";
	b.today = req->today;
	if (req->actor != NULL) {
		actor = ck_case_element(record, "actors", req->actor);
		if (actor == NULL) {
			ck_problem_set(p, "actors", _("no actor %s in this case"), req->actor);
			return NULL;
		}
	}
	if (req->reader == CK_SUMMARY_RECIPIENT) {
		const char *why;

		if (actor == NULL) {
			ck_problem_set(p, NULL, _("a summary for a recipient needs --actor"));
			return NULL;
		}
		consent = ck_summary_consent(record, actor, b.today, &why);
		if (consent == NULL) {
			ck_problem_set(p, NULL, "%s", _(why));
			return NULL;
		}
		json_array_foreach(json_object_get(consent, "scope"), i, item)
			for (k = 0; k < COUNT(scope_parts); k++)
				if (json_is_string(item) &&
				    strcmp(json_string_value(item), scope_parts[k]) == 0)
					b.parts[k] = true;
	}
	b.all = req->reader == CK_SUMMARY_SUCCESSOR;
	if (req->reader != CK_SUMMARY_RECIPIENT && !load_findings(&b, p))
		return NULL;

	s = new_object();
	set(s, "format", json_string("casekit-summary/1"));
	set(s, "for", json_string(ck_summary_reader_name(req->reader)));
	if (actor != NULL)
		set(s, "actor", json_string(req->actor));
	COPY(s, record, "id");
	/* The case system's number: for the family and the successor to
	 * quote; for a recipient it is part of the child's identity. */
	if (req->reader != CK_SUMMARY_RECIPIENT || has_part(&b, "identity"))
		COPY(s, record, "external_ref");
	set(s, "as_of", json_string(ck_date_format(b.today, text)));
	set(s, "lang", json_string(b.lang));
	set(s, "country", json_string(ck_case_country(record)));
	if (req->reader != CK_SUMMARY_FAMILY)
		set(s, "parts", parts_list(&b));
	if (consent != NULL) {
		json_t *c = new_object();
		ck_date last;

		COPY(c, consent, "id", "given_by", "given");
		if (ck_consent_last_day(record, consent, &last))
			set(c, "last_day", json_string(ck_date_format(last, text)));
		set(s, "consent", c);
	}
	if (req->reader == CK_SUMMARY_FAMILY)
		build_family(&b, s);
	else if (req->reader == CK_SUMMARY_SUCCESSOR)
		build_successor(&b, s);
	else
		build_parts(&b, s);
	json_decref(b.owned_findings);
	return s;
}

bool
ck_summary_log(json_t *record, const json_t *summary)
{
	const char *reader = str(summary, "for"), *consent;
	json_t *event;

	/* The family is the data subject: telling it its own case is no
	 * disclosure to log. */
	if (reader == NULL || strcmp(reader, "family") == 0)
		return false;
	event = ck_event_new("case-summary", "summary");
	set(event, "for", json_string(reader));
	COPY(event, summary, "actor");
	consent = str(json_object_get(summary, "consent"), "id");
	if (consent != NULL)
		set(event, "consent", json_string(consent));
	COPY(event, summary, "parts");
	ck_event_append(record, event);
	return true;
}
