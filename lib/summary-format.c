/* SPDX-License-Identifier: MPL-2.0 */
/* summary-format.c — a summary (ck_summary_new) as text for a terminal or
 * a letter, and as one self-contained HTML page that reads on a phone and
 * prints on A4.
 *
 * Both are written from one document made from the summary: a title,
 * sections, and in each section paragraphs and entries (a date, a title,
 * lines and labelled fields). The document only shows what the summary
 * holds; what a reader may see was decided when the summary was made. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "internal.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---------------------------------------------------------------------
 * Small helpers
 */

static const char *
str(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

static json_t *
xobject(void)
{
	json_t *o = json_object();

	oom_unless(o != NULL);
	return o;
}

static json_t *
xarray(void)
{
	json_t *a = json_array();

	oom_unless(a != NULL);
	return a;
}

static void
put_member(json_t *o, const char *key, json_t *value)
{
	oom_unless(value != NULL && json_object_set_new(o, key, value) == 0);
}

static void
push(json_t *a, json_t *value)
{
	oom_unless(value != NULL && json_array_append_new(a, value) == 0);
}

/* A new JSON string, formatted. */
static json_t * __attribute__((format(printf, 1, 2)))
jformat(const char *fmt, ...)
{
	va_list ap;
	char *text;
	int n;
	json_t *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return json_string("");
	text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	s = json_string(text);
	free(text);
	oom_unless(s != NULL);
	return s;
}

/* ---------------------------------------------------------------------
 * The document
 */

struct doc {
	json_t *root;               /* {title, subtitle, lines, intro, sections, footer} */
	json_t *sections;
	const json_t *summary;
	const char *lang;
	bool long_dates;            /* the family's: "3. december 2026" */
};

static const char *
T(const struct doc *d, const char *key)
{
	const char *text = ck_summary_text(key, d->lang);

	return text != NULL ? text : key;
}

static const char *
V(const struct doc *d, const char *group, const char *value)
{
	return ck_summary_value_text(group, value, d->lang);
}

static const char *const months[3][12] = {
	{ "January", "February", "March", "April", "May", "June", "July", "August",
	  "September", "October", "November", "December" },
	{ "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
	  "september", "oktober", "november", "december" },
	{ "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
	  "september", "oktober", "november", "december" },
};

/* A date as the reader reads it: the family's in words ("3. december
 * 2026", "3 december 2026", "3 December 2026"), a professional's as
 * written. A new string. */
static json_t *
date_text(const struct doc *d, const char *iso)
{
	ck_date date;
	int y, m, day, l;

	if (iso == NULL)
		return NULL;
	if (!d->long_dates || !ck_date_parse(iso, &date))
		return json_string(iso);
	ck_date_to_ymd(date, &y, &m, &day);
	l = strcmp(d->lang, "da") == 0 ? 1 : strcmp(d->lang, "sv") == 0 ? 2 : 0;
	return jformat(l == 1 ? "%d. %s %d" : "%d %s %d", day, months[l][m - 1], y);
}

/* DATE as text into a buffer for formatting (SIZE bytes). */
static const char *
date_buf(const struct doc *d, const char *iso, char *buf, size_t size)
{
	json_t *t = date_text(d, iso);

	snprintf(buf, size, "%s", t != NULL ? json_string_value(t) : "");
	json_decref(t);
	return buf;
}

static json_t *
section(struct doc *d, const char *class, const char *title)
{
	json_t *s = xobject();

	put_member(s, "class", json_string(class));
	put_member(s, "title", json_string(title));
	put_member(s, "paras", xarray());
	put_member(s, "entries", xarray());
	put_member(s, "after", xarray());
	push(d->sections, s);
	return s;
}

/* A paragraph after the section's entries. */
static void
para_after(json_t *section_, json_t *text)
{
	push(json_object_get(section_, "after"), text);
}

static void
para(json_t *section_, json_t *text)
{
	push(json_object_get(section_, "paras"), text);
}

static json_t *
entry(json_t *section_, json_t *title)
{
	json_t *e = xobject();

	if (title != NULL)
		put_member(e, "title", title);
	put_member(e, "lines", xarray());
	put_member(e, "fields", xarray());
	push(json_object_get(section_, "entries"), e);
	return e;
}

static void
entry_date(json_t *e, json_t *date)
{
	if (date != NULL)
		put_member(e, "date", date);
}

static void
line(json_t *e, json_t *text)
{
	if (text != NULL)
		push(json_object_get(e, "lines"), text);
}

/* A labelled field; a contact (LINK) may become a link in HTML. */
static void
field_of(json_t *e, const char *label, json_t *value, bool link)
{
	json_t *f;

	if (value == NULL)
		return;
	f = xarray();
	push(f, json_string(label));
	push(f, value);
	if (link)
		push(f, json_true());
	push(json_object_get(e, "fields"), f);
}

static void
field(const struct doc *d, json_t *e, const char *label_key, const char *value)
{
	if (value != NULL)
		field_of(e, T(d, label_key), json_string(value), false);
}

static void
field_date(const struct doc *d, json_t *e, const char *label_key, const char *iso)
{
	if (iso != NULL)
		field_of(e, T(d, label_key), date_text(d, iso), false);
}

/* The items of a string array joined by ", ". A new string, or NULL for
 * none. */
static json_t *
joined(const json_t *array, const struct doc *d, const char *group)
{
	size_t i, n = 0;
	const json_t *v;
	char *text = NULL;
	json_t *s;

	json_array_foreach(array, i, v) {
		const char *item = json_string_value(v);
		size_t add;

		if (item == NULL)
			continue;
		if (group != NULL)
			item = V(d, group, item);
		add = strlen(item);
		text = xrealloc(text, n + add + 3);
		if (n > 0) {
			memcpy(text + n, ", ", 2);
			n += 2;
		}
		memcpy(text + n, item, add);
		n += add;
		text[n] = '\0';
	}
	if (text == NULL)
		return NULL;
	s = json_string(text);
	free(text);
	return s;
}

/* "Name, Organisation" of an actor; NULL when it has neither. */
static json_t *
name_org(const json_t *a)
{
	const char *name = str(a, "name"), *org = str(a, "org");

	if (name != NULL && org != NULL && strcmp(name, org) != 0)
		return jformat("%s, %s", name, org);
	if (name != NULL)
		return json_string(name);
	if (org != NULL)
		return json_string(org);
	return NULL;
}

/* ---- the family's document */

static void
contact_entry(struct doc *d, json_t *s, const json_t *a, bool does)
{
	const char *role = str(a, "role_text") != NULL ? str(a, "role_text") : str(a, "role");
	json_t *e = entry(s, json_string(role != NULL ? role : ""));

	line(e, name_org(a));
	if (does && str(a, "does") != NULL)
		line(e, json_string(str(a, "does")));
	if (does && json_is_true(json_object_get(a, "coordinator")))
		line(e, json_string(T(d, "who.coordinator")));
	if (does && json_is_true(json_object_get(a, "authority")))
		line(e, json_string(T(d, "who.authority")));
	if (str(a, "contact") != NULL)
		field_of(e, T(d, "label.contact"), json_string(str(a, "contact")), true);
}

static void
family_coordinator(struct doc *d)
{
	const json_t *c = json_object_get(d->summary, "coordinator"), *a;
	json_t *s = section(d, "entry-point", T(d, "heading.coordinator"));
	size_t i;

	if (c != NULL) {
		json_t *e = entry(s, json_string(str(c, "name") != NULL ? str(c, "name") :
						 str(c, "role_text") != NULL ? str(c, "role_text") : ""));

		if (str(c, "name") != NULL && str(c, "org") != NULL)
			line(e, json_string(str(c, "org")));
		if (str(c, "contact") != NULL)
			field_of(e, T(d, "label.contact"), json_string(str(c, "contact")), true);
		para_after(s, json_string(T(d, "coordinator.text")));
		return;
	}
	json_array_foreach(json_object_get(d->summary, "who"), i, a)
		if (json_is_true(json_object_get(a, "authority"))) {
			para(s, json_string(T(d, "coordinator.none")));
			contact_entry(d, s, a, false);
			return;
		}
	para(s, json_string(T(d, "coordinator.nobody")));
}

static void
family_who(struct doc *d)
{
	json_t *s = section(d, "who", T(d, "heading.who"));
	const json_t *a;
	size_t i;

	json_array_foreach(json_object_get(d->summary, "who"), i, a)
		contact_entry(d, s, a, true);
	if (json_array_size(json_object_get(d->summary, "who")) == 0)
		para(s, json_string(T(d, "who.none")));
}

/* The paragraph as the law is cited in its own country: "barnets lov
 * § 32", "9 § 6 LSS", "4 kap. 1 § socialtjänstlagen". A new string. */
static json_t *
cite(const char *paragraph)
{
	static const char *const laws[][2] = {
		{ "BL ", "barnets lov " }, { "SEL ", "serviceloven " },
		{ "RSL ", "retssikkerhedsloven " },
	};
	char normal[CK_PARAGRAPH_MAX];
	const char *p;
	size_t i;

	if (paragraph == NULL)
		return NULL;
	if (!ck_paragraph_normal(paragraph, normal, sizeof normal))
		return json_string(paragraph);
	for (i = 0; i < COUNT(laws); i++)
		if (strncmp(normal, laws[i][0], strlen(laws[i][0])) == 0)
			return jformat("%s%s", laws[i][1], normal + strlen(laws[i][0]));
	/* Swedish law puts the number before the sign and the law last. */
	if (strncmp(normal, "LSS § ", 6) == 0) {
		p = strstr(normal, " p. ");
		if (p != NULL)
			return jformat("%.*s § %s LSS", (int)(p - normal - 6), normal + 6, p + 4);
		return jformat("%s § LSS", normal + 6);
	}
	if (strncmp(normal, "SoL ", 4) == 0)
		return jformat("%s socialtjänstlagen", normal + 4);
	if (strncmp(normal, "HSL ", 4) == 0)
		return jformat("%s hälso- och sjukvårdslagen", normal + 4);
	return json_string(normal);
}

/* A decision's support in words, else its paragraph. */
static json_t *
support_title(const json_t *decision)
{
	const char *text = str(decision, "text");

	return text != NULL ? json_string(text) : cite(str(decision, "paragraph"));
}

/* "Under barnets lov § 32." for a decision whose support has words. */
static json_t *
support_basis(const struct doc *d, const json_t *decision)
{
	json_t *c, *t;

	if (str(decision, "text") == NULL || (c = cite(str(decision, "paragraph"))) == NULL)
		return NULL;
	t = jformat(T(d, "next.under"), json_string_value(c));
	json_decref(c);
	return t;
}

static void
family_decided(struct doc *d)
{
	json_t *s = section(d, "decided", T(d, "heading.decided"));
	const json_t *dec;
	char buf[64];
	size_t i;

	json_array_foreach(json_object_get(d->summary, "decided"), i, dec) {
		json_t *e = entry(s, support_title(dec));
		const char *outcome = str(dec, "outcome");

		line(e, support_basis(d, dec));
		if (outcome != NULL && strcmp(outcome, "partly") == 0)
			line(e, json_string(T(d, "decided.partly")));
		if (str(dec, "started") != NULL)
			line(e, jformat(T(d, "decided.since"),
					date_buf(d, str(dec, "started"), buf, sizeof buf)));
		else if (str(dec, "decided") != NULL)
			line(e, jformat(T(d, "decided.granted_on"),
					date_buf(d, str(dec, "decided"), buf, sizeof buf)));
		if (str(dec, "ends") != NULL)
			line(e, jformat(T(d, "decided.until"),
					date_buf(d, str(dec, "ends"), buf, sizeof buf)));
		if (str(dec, "next_follow_up") != NULL)
			line(e, jformat(T(d, "decided.follow_up"),
					date_buf(d, str(dec, "next_follow_up"), buf, sizeof buf)));
	}
	if (json_array_size(json_object_get(d->summary, "decided")) == 0)
		para(s, json_string(T(d, "decided.none")));
}

static json_t *
when(const struct doc *d, const json_t *item)
{
	char buf[64];

	date_buf(d, str(item, "date"), buf, sizeof buf);
	return jformat(T(d, json_is_true(json_object_get(item, "by")) ? "next.by" : "next.on"), buf);
}

static void
family_next(struct doc *d)
{
	json_t *s = section(d, "next", T(d, "heading.next"));
	const json_t *item;
	bool coordinator = json_object_get(d->summary, "coordinator") != NULL;
	char buf[64], buf2[64];
	size_t i;

	if (str(d->summary, "last_network_meeting") != NULL)
		para(s, jformat(T(d, "next.network_held"),
				date_buf(d, str(d->summary, "last_network_meeting"), buf, sizeof buf)));
	json_array_foreach(json_object_get(d->summary, "next"), i, item) {
		const char *kind = str(item, "kind");
		json_t *e;

		if (strcmp(kind, "application") == 0) {
			e = entry(s, json_string(T(d, "next.application")));
			line(e, support_title(item));
			line(e, jformat(T(d, "next.applied"),
					date_buf(d, str(item, "date"), buf, sizeof buf)));
			continue;
		}
		if (strcmp(kind, "follow-up") == 0) {
			e = entry(s, json_string(T(d, "next.follow_up")));
			line(e, support_title(item));
		} else if (strcmp(kind, "network-meeting") == 0) {
			e = entry(s, json_string(T(d, "next.network")));
		} else if (strcmp(kind, "transition") == 0) {
			e = entry(s, json_string(str(item, "text") != NULL ? str(item, "text") : ""));
		} else {
			char key[64];

			snprintf(key, sizeof key, "next.%s", kind);
			e = entry(s, json_string(T(d, key)));
		}
		entry_date(e, when(d, item));
		if (str(item, "responsible") != NULL)
			line(e, jformat(T(d, "next.responsible"), str(item, "responsible")));
		if (strcmp(kind, "transition") != 0)
			continue;
		if (json_is_true(json_object_get(item, "preparing")))
			line(e, json_string(T(d, "next.transition_preparing")));
		else if (str(item, "prepare_from") != NULL)
			line(e, jformat(T(d, "next.transition_prepare"),
					date_buf(d, str(item, "prepare_from"), buf2, sizeof buf2)));
		if (coordinator)
			line(e, json_string(T(d, "next.transition_by")));
		if (str(item, "handover_to") != NULL)
			line(e, jformat(T(d, "next.transition_to"), str(item, "handover_to")));
	}
	if (json_array_size(json_object_get(d->summary, "next")) == 0)
		para(s, json_string(T(d, "next.none")));
}

static void
family_offers(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "offers"), *o;
	json_t *s;
	char buf[64];
	size_t i;

	if (json_array_size(list) == 0)
		return;
	s = section(d, "offers", T(d, "heading.offers"));
	json_array_foreach(list, i, o) {
		const char *status = str(o, "status");
		json_t *e = entry(s, json_string(str(o, "text") != NULL ? str(o, "text") :
						 str(o, "kind") != NULL ? str(o, "kind") : ""));

		if (str(o, "to") != NULL)
			line(e, jformat(T(d, "offers.for"), V(d, "to", str(o, "to"))));
		if (status != NULL && strcmp(status, "accepted") == 0)
			line(e, json_string(T(d, "offers.accepted")));
		else if (status != NULL && strcmp(status, "declined") == 0)
			line(e, json_string(T(d, "offers.declined")));
		else if (str(o, "date") != NULL)
			line(e, jformat(T(d, "offers.offered"),
					date_buf(d, str(o, "date"), buf, sizeof buf)));
	}
}

static void
knowledge_entries(struct doc *d, json_t *s, const json_t *list, bool family)
{
	const json_t *k;
	size_t i;

	json_array_foreach(list, i, k) {
		json_t *e = entry(s, json_string(str(k, "name") != NULL ? str(k, "name") : ""));

		if (str(k, "org") != NULL && (str(k, "name") == NULL ||
					      strcmp(str(k, "org"), str(k, "name")) != 0))
			line(e, json_string(str(k, "org")));
		if (!family) {
			field(d, e, "label.kind", str(k, "kind") != NULL ?
			      V(d, "role", str(k, "kind")) : NULL);
			field(d, e, "label.audience", str(k, "audience") != NULL ?
			      V(d, "audience", str(k, "audience")) : NULL);
		}
		field(d, e, "label.region", str(k, "region"));
		if (str(k, "contact") != NULL)
			field_of(e, T(d, "label.contact"), json_string(str(k, "contact")), true);
	}
}

static void
family_knowledge(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "knowledge");
	json_t *s;

	if (json_array_size(list) == 0)
		return;
	s = section(d, "knowledge", T(d, "heading.knowledge"));
	para(s, json_string(T(d, "knowledge.text")));
	knowledge_entries(d, s, list, true);
}

static void
family_rights(struct doc *d)
{
	json_t *s = section(d, "rights", T(d, "heading.rights"));
	const json_t *r;
	size_t i;

	json_array_foreach(json_object_get(d->summary, "rights"), i, r) {
		json_t *e = entry(s, json_string(str(r, "title")));

		line(e, json_string(str(r, "text")));
	}
}

/* ---- the professional documents */

static void
case_section(struct doc *d)
{
	const json_t *info = json_object_get(d->summary, "case_info");
	const json_t *child = json_object_get(d->summary, "child");
	const json_t *view = json_object_get(info, "family_view");
	const json_t *exposure = json_object_get(info, "exposure");
	json_t *s = section(d, "case", T(d, "heading.case")), *e = entry(s, NULL);

	field(d, e, "label.case_id", str(d->summary, "id"));
	field(d, e, "label.external_ref", str(d->summary, "external_ref"));
	field(d, e, "label.name", str(child, "name"));
	field_date(d, e, "label.born", str(child, "born"));
	field(d, e, "label.cpr", str(child, "cpr"));
	field(d, e, "label.personnummer", str(child, "personnummer"));
	if (info == NULL)
		return;
	field(d, e, "label.municipality", str(info, "municipality"));
	field(d, e, "label.team", str(info, "team"));
	field(d, e, "label.pathway", str(info, "pathway_title") != NULL ?
	      str(info, "pathway_title") : str(info, "pathway"));
	field_date(d, e, "label.opened", str(info, "opened"));
	field_date(d, e, "label.followed_from", str(info, "followed_from"));
	field_date(d, e, "label.concern", str(json_object_get(info, "milestones"), "concern"));
	field_date(d, e, "label.aware", str(json_object_get(info, "milestones"), "aware"));
	field(d, e, "label.family_strain", str(info, "family_strain") != NULL ?
	      V(d, "strain", str(info, "family_strain")) : NULL);
	if (view != NULL)
		field_of(e, T(d, "label.family_view"),
			 jformat("%s%s%s%s%s", str(view, "date") != NULL ? str(view, "date") : "",
				 str(view, "strain") != NULL ? ", " : "",
				 str(view, "strain") != NULL ? V(d, "strain", str(view, "strain")) : "",
				 str(view, "satisfied") != NULL ? ", " : "",
				 str(view, "satisfied") != NULL ?
				 V(d, "satisfied", str(view, "satisfied")) : ""), false);
	if (json_is_boolean(json_object_get(exposure, "known")))
		field_of(e, T(d, "label.exposure"),
			 jformat("%s%s%s", T(d, json_is_true(json_object_get(exposure, "known")) ?
					       "yes" : "no"),
				 str(exposure, "known_since") != NULL ? ", " : "",
				 str(exposure, "known_since") != NULL ? str(exposure, "known_since") : ""),
			 false);
}

/* An identity section for a recipient whose consent covers it. */
static void
child_section(struct doc *d)
{
	const json_t *child = json_object_get(d->summary, "child");
	json_t *s, *e;

	if (child == NULL)
		return;
	s = section(d, "child", T(d, "label.child"));
	e = entry(s, NULL);
	field(d, e, "label.external_ref", str(d->summary, "external_ref"));
	field(d, e, "label.name", str(child, "name"));
	field_date(d, e, "label.born", str(child, "born"));
	field(d, e, "label.cpr", str(child, "cpr"));
	field(d, e, "label.personnummer", str(child, "personnummer"));
}

static json_t *
period(const struct doc *d, const json_t *a)
{
	const char *since = str(a, "since"), *until = str(a, "until");

	if (since == NULL && until == NULL)
		return NULL;
	return jformat("%s – %s%s%s", since != NULL ? since : "", until != NULL ? until : "",
		       json_is_false(json_object_get(a, "active")) && until != NULL ? " " : "",
		       json_is_false(json_object_get(a, "active")) && until != NULL ?
		       T(d, "label.ended") : "");
}

static void
actors_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "actors"), *a;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "actors", T(d, "heading.actors"));
	json_array_foreach(list, i, a) {
		const char *role = str(a, "role_text") != NULL ? str(a, "role_text") : str(a, "role");
		json_t *e = entry(s, jformat("%s%s%s", str(a, "id") != NULL ? str(a, "id") : "",
					     str(a, "id") != NULL ? "  " : "", role != NULL ? role : ""));
		json_t *flags = xarray();

		line(e, name_org(a));
		if (json_is_true(json_object_get(a, "coordinator")))
			push(flags, json_string(T(d, "label.coordinator")));
		if (json_is_true(json_object_get(a, "authority")))
			push(flags, json_string(T(d, "label.authority")));
		if (json_is_true(json_object_get(a, "municipal")))
			push(flags, json_string(T(d, "label.municipal")));
		if (json_is_false(json_object_get(a, "receives_data")))
			push(flags, json_string(T(d, "label.no_data")));
		line(e, joined(flags, d, NULL));
		json_decref(flags);
		field(d, e, "label.sector", str(a, "sector") != NULL ? V(d, "sector", str(a, "sector")) :
		      NULL);
		field_of(e, T(d, "label.period"), period(d, a), false);
		if (str(a, "contact") != NULL)
			field_of(e, T(d, "label.contact"), json_string(str(a, "contact")), true);
		field(d, e, "label.consent_state", str(a, "consent") != NULL ?
		      V(d, "consent", str(a, "consent")) : NULL);
	}
}

static void
who_section(struct doc *d)
{
	json_t *s = section(d, "who", T(d, "heading.who"));
	const json_t *a;
	size_t i;

	json_array_foreach(json_object_get(d->summary, "who"), i, a)
		contact_entry(d, s, a, false);
	if (json_array_size(json_object_get(d->summary, "who")) == 0)
		para(s, json_string(T(d, "who.none")));
}

static void
diagnosis_section(struct doc *d)
{
	const json_t *dx = json_object_get(d->summary, "diagnosis");
	const json_t *tg = json_object_get(d->summary, "target_group");
	json_t *s, *e;

	if (dx == NULL)
		return;
	s = section(d, "diagnosis", T(d, "heading.diagnosis"));
	e = entry(s, NULL);
	field(d, e, "label.status", str(dx, "status") != NULL ?
	      V(d, "diagnosis", str(dx, "status")) : NULL);
	field_of(e, T(d, "label.codes"), joined(json_object_get(dx, "codes"), d, NULL), false);
	field(d, e, "label.label", str(dx, "label"));
	field_date(d, e, "label.confirmed", str(dx, "confirmed"));
	if (tg != NULL)
		field_of(e, T(d, "label.target_group"),
			 jformat("%s%s%s", str(tg, "status") != NULL ?
				 V(d, "target", str(tg, "status")) : "",
				 str(tg, "date") != NULL ? ", " : "",
				 str(tg, "date") != NULL ? str(tg, "date") : ""), false);
}

static void
assessments_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "assessments"), *a;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "assessments", T(d, "heading.assessments"));
	json_array_foreach(list, i, a) {
		json_t *e = entry(s, json_string(str(a, "type_text") != NULL ? str(a, "type_text") :
						 str(a, "type") != NULL ? str(a, "type") : ""));

		field_date(d, e, "label.aware_at", str(a, "aware"));
		field_date(d, e, "label.started", str(a, "started"));
		field_date(d, e, "label.preliminary", str(a, "preliminary"));
		field_date(d, e, "label.done", str(a, "done"));
		field(d, e, "label.by", str(a, "by_text") != NULL ? str(a, "by_text") : str(a, "by"));
	}
	if (json_array_size(list) == 0)
		para(s, json_string(T(d, "none")));
}

static void
decisions_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "decisions"), *dec;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "decisions", T(d, "heading.decisions"));
	json_array_foreach(list, i, dec) {
		const json_t *ex = json_object_get(dec, "hearing_exception");
		const json_t *fu = json_object_get(dec, "follow_up");
		const json_t *c = json_object_get(dec, "complaint");
		const json_t *out = json_object_get(c, "outcome");
		json_t *e = entry(s, jformat("%s%s%s", str(dec, "paragraph") != NULL ?
					     str(dec, "paragraph") : "",
					     str(dec, "text") != NULL ? " — " : "",
					     str(dec, "text") != NULL ? str(dec, "text") : ""));

		field_date(d, e, "label.applied", str(dec, "applied"));
		field_date(d, e, "label.decided", str(dec, "decided"));
		field(d, e, "label.outcome", str(dec, "outcome") != NULL ?
		      V(d, "outcome", str(dec, "outcome")) : NULL);
		field_date(d, e, "label.support_started", str(dec, "started"));
		field_date(d, e, "label.ends", str(dec, "ends"));
		field_date(d, e, "label.child_heard", str(dec, "child_heard"));
		field(d, e, "label.hearing_exception", str(ex, "reason"));
		field_date(d, e, "label.views_obtained", str(ex, "views_obtained"));
		field_date(d, e, "label.delay_notified", str(dec, "delay_notified"));
		field_date(d, e, "label.reported_ivo", str(dec, "reported_ivo"));
		field_date(d, e, "label.follow_up_first", str(fu, "first"));
		field_date(d, e, "label.follow_up_next", str(fu, "next"));
		if (c != NULL)
			field_of(e, T(d, "label.complaint"),
				 jformat("%s %s%s%s%s%s%s%s%s%s%s%s", T(d, "label.received"),
					 str(c, "received") != NULL ? str(c, "received") : "",
					 str(c, "reassessed") != NULL ? ", " : "",
					 str(c, "reassessed") != NULL ? T(d, "label.reassessed") : "",
					 str(c, "reassessed") != NULL ? " " : "",
					 str(c, "reassessed") != NULL ? str(c, "reassessed") : "",
					 json_is_true(json_object_get(c, "upheld")) ? ", " : "",
					 json_is_true(json_object_get(c, "upheld")) ?
					 T(d, "label.upheld") : "",
					 str(c, "sent_on") != NULL ? ", " : "",
					 str(c, "sent_on") != NULL ? T(d, "label.sent_on") : "",
					 str(out, "result") != NULL ? ", " : "",
					 str(out, "result") != NULL ? V(d, "result", str(out, "result")) :
					 ""), false);
	}
	if (json_array_size(list) == 0)
		para(s, json_string(T(d, "none")));
}

static void
plan_entry(struct doc *d, json_t *s, const json_t *plan, const char *title_key)
{
	json_t *e;
	const json_t *item;
	size_t i;

	if (plan == NULL)
		return;
	e = entry(s, json_string(T(d, title_key)));
	field(d, e, "label.decision", str(plan, "decision") != NULL ?
	      V(d, "plan", str(plan, "decision")) : NULL);
	field_date(d, e, "label.offered", str(plan, "offered"));
	field_date(d, e, "label.date", str(plan, "date"));
	field_date(d, e, "label.updated", str(plan, "updated"));
	field_date(d, e, "label.next_review", str(plan, "next_review"));
	field(d, e, "label.responsible", str(plan, "responsible_text") != NULL ?
	      str(plan, "responsible_text") : str(plan, "responsible"));
	field_date(d, e, "label.plan_consent", str(json_object_get(plan, "consent"), "given"));
	json_array_foreach(json_object_get(plan, "items"), i, item) {
		const char *who = str(item, "actor_text") != NULL ? str(item, "actor_text") :
			str(item, "actor");
		const char *from = str(item, "from"), *to = str(item, "to");
		bool dates = from != NULL || to != NULL;

		line(e, jformat("%s%s%s%s%s%s%s%s", str(item, "what") != NULL ? str(item, "what") : "",
				who != NULL ? " — " : "", who != NULL ? who : "",
				dates ? " (" : "", from != NULL ? from : "", dates ? " – " : "",
				to != NULL ? to : "", dates ? ")" : ""));
	}
}

static void
plans_section(struct doc *d)
{
	const json_t *plans = json_object_get(d->summary, "plans");
	const json_t *common = json_object_get(plans, "common");
	const json_t *meetings = json_object_get(d->summary, "meetings"), *m;
	json_t *s;
	size_t i;

	if (plans == NULL)
		return;
	s = section(d, "plans", T(d, "heading.plans"));
	plan_entry(d, s, common, json_is_true(json_object_get(common, "sip")) ?
		   "label.sip" : "label.common_plan");
	plan_entry(d, s, json_object_get(plans, "child"), "label.child_plan");
	plan_entry(d, s, json_object_get(plans, "youth"), "label.youth_plan");
	plan_entry(d, s, json_object_get(plans, "individual"), "label.individual_plan");
	if (json_object_size(plans) == 0)
		para(s, json_string(T(d, "none")));
	if (meetings == NULL)
		return;
	s = section(d, "meetings", T(d, "heading.meetings"));
	json_array_foreach(meetings, i, m) {
		json_t *e = entry(s, json_string(str(m, "kind_text") != NULL ? str(m, "kind_text") :
						 str(m, "kind") != NULL ? str(m, "kind") : ""));

		entry_date(e, date_text(d, str(m, "date")));
		field_of(e, T(d, "label.participants"),
			 joined(json_object_get(m, "actors_text"), d, NULL), false);
		if (json_is_true(json_object_get(m, "with_family")))
			line(e, json_string(T(d, "label.with_family")));
	}
	if (json_array_size(meetings) == 0)
		para(s, json_string(T(d, "none")));
}

static void
transitions_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "transitions"), *t;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "transitions", T(d, "heading.transitions"));
	json_array_foreach(list, i, t) {
		const json_t *h = json_object_get(t, "handover");
		json_t *e = entry(s, json_string(str(t, "kind_text") != NULL ? str(t, "kind_text") :
						 str(t, "kind") != NULL ? str(t, "kind") : ""));

		entry_date(e, date_text(d, str(t, "due")));
		field(d, e, "label.status", str(t, "status") != NULL ?
		      V(d, "status", str(t, "status")) : NULL);
		field_date(d, e, "label.prepare_from", str(t, "prepare_from"));
		field_date(d, e, "label.started", str(t, "started"));
		field_date(d, e, "label.completed", str(t, "completed"));
		field_date(d, e, "label.decisions_ready", str(t, "decisions_ready"));
		if (h != NULL) {
			json_t *items = joined(json_object_get(h, "items"), d, NULL);

			field_of(e, T(d, "label.handover"),
				 jformat("%s%s%s%s%s", str(h, "date") != NULL ? str(h, "date") : "",
					 str(h, "date") != NULL ? ", " : "",
					 str(h, "to_text") != NULL ? str(h, "to_text") :
					 str(h, "to") != NULL ? str(h, "to") : "",
					 items != NULL ? ": " : "",
					 items != NULL ? json_string_value(items) : ""), false);
			json_decref(items);
		}
	}
	if (json_array_size(list) == 0)
		para(s, json_string(T(d, "none")));
}

static void
family_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "family"), *f, *o;
	const json_t *offers = json_object_get(d->summary, "offers");
	json_t *s;
	size_t i;

	if (list != NULL) {
		s = section(d, "family", T(d, "heading.family"));
		json_array_foreach(list, i, f) {
			json_t *flags = xarray();
			json_t *e = entry(s, jformat("%s%s%s", V(d, "relation", str(f, "relation")) != NULL ?
						     V(d, "relation", str(f, "relation")) : "",
						     str(f, "name") != NULL ? ": " : "",
						     str(f, "name") != NULL ? str(f, "name") : ""));

			if (json_is_true(json_object_get(f, "custody")))
				push(flags, json_string(T(d, "label.custody")));
			if (json_is_true(json_object_get(f, "lives_with")))
				push(flags, json_string(T(d, "label.lives_with")));
			line(e, joined(flags, d, NULL));
			json_decref(flags);
			field_date(d, e, "label.born", str(f, "born"));
			field(d, e, "label.interpreter", str(f, "interpreter"));
		}
		if (json_array_size(list) == 0)
			para(s, json_string(T(d, "none")));
	}
	if (offers == NULL)
		return;
	s = section(d, "offers", T(d, "heading.offers_all"));
	json_array_foreach(offers, i, o) {
		json_t *e = entry(s, json_string(str(o, "text") != NULL ? str(o, "text") :
						 str(o, "kind") != NULL ? str(o, "kind") : ""));

		field(d, e, "label.to", str(o, "to") != NULL ? V(d, "to", str(o, "to")) : NULL);
		field(d, e, "label.status", str(o, "status") != NULL ?
		      V(d, "offer_status", str(o, "status")) : NULL);
		field_date(d, e, "label.date", str(o, "date"));
	}
	if (json_array_size(offers) == 0)
		para(s, json_string(T(d, "none")));
}

static void
knowledge_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "knowledge");
	json_t *s;

	if (list == NULL)
		return;
	s = section(d, "knowledge", T(d, "heading.knowledge_all"));
	knowledge_entries(d, s, list, false);
	if (json_array_size(list) == 0)
		para(s, json_string(T(d, "none")));
}

static void
consents_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "consents"), *c;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "consents", T(d, "heading.consents"));
	json_array_foreach(list, i, c) {
		json_t *e = entry(s, jformat("%s%s%s", str(c, "id") != NULL ? str(c, "id") : "",
					     str(c, "purpose") != NULL ? "  " : "",
					     str(c, "purpose") != NULL ? str(c, "purpose") : ""));
		json_t *scope = joined(json_object_get(c, "scope"), d, "scope");

		field(d, e, "label.state", V(d, "consent", str(c, "state")));
		field(d, e, "label.given_by", str(c, "given_by") != NULL ?
		      V(d, "given_by", str(c, "given_by")) : NULL);
		field_date(d, e, "label.given", str(c, "given"));
		field_date(d, e, "label.last_day", str(c, "last_day"));
		field_date(d, e, "label.withdrawn", str(c, "withdrawn"));
		field_date(d, e, "label.refused", str(c, "refused"));
		field_of(e, T(d, "label.recipients"), joined(json_object_get(c, "recipients_text"),
							     d, NULL), false);
		field_of(e, T(d, "label.scope"), scope != NULL ? scope :
			 json_string(T(d, "label.scope_none")), false);
	}
	if (json_array_size(list) == 0)
		para(s, json_string(T(d, "none")));
}

static void
findings_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "findings"), *f;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "findings", T(d, "heading.findings"));
	json_array_foreach(list, i, f) {
		json_t *e = entry(s, jformat("%s: %s", V(d, "finding", str(f, "status")),
					     str(f, "title") != NULL ? str(f, "title") : ""));

		entry_date(e, date_text(d, str(f, "due")));
		line(e, str(f, "message") != NULL ? json_string(str(f, "message")) : NULL);
		field_of(e, T(d, "label.basis"), jformat("%s, %s", V(d, "basis", str(f, "basis")),
							 str(f, "ref") != NULL ? str(f, "ref") : ""),
			 false);
		field(d, e, "label.item", str(f, "item"));
	}
	if (json_array_size(list) == 0)
		para(s, json_string(T(d, "findings.none")));
}

static void
waivers_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "waivers"), *w;
	json_t *s;
	size_t i;

	if (json_array_size(list) == 0)
		return;
	s = section(d, "waivers", T(d, "heading.waivers"));
	json_array_foreach(list, i, w) {
		json_t *e = entry(s, json_string(str(w, "title") != NULL ? str(w, "title") : ""));

		field(d, e, "label.item", str(w, "item"));
		field(d, e, "label.reason", str(w, "reason"));
		field(d, e, "label.by", str(w, "by"));
		field_date(d, e, "label.date", str(w, "date"));
		field_date(d, e, "label.ends", str(w, "until"));
	}
}

static void
history_section(struct doc *d)
{
	const json_t *list = json_object_get(d->summary, "history"), *h;
	json_t *s;
	size_t i;

	if (list == NULL)
		return;
	s = section(d, "history", T(d, "heading.history"));
	put_member(s, "compact", json_true());
	if (json_integer_value(json_object_get(d->summary, "history_left_out")) > 0)
		para(s, jformat(T(d, "history.earlier"),
				(size_t)json_integer_value(json_object_get(d->summary,
									   "history_left_out"))));
	json_array_foreach(list, i, h) {
		const json_t *item = json_object_get(h, "item");
		json_t *items = json_is_array(item) ? joined(item, d, NULL) : NULL;
		const char *it = json_is_string(item) ? json_string_value(item) :
			items != NULL ? json_string_value(items) : NULL;
		json_t *e = entry(s, jformat("%s %s %s%s%s%s%s%s%s",
					     str(h, "by") != NULL ? str(h, "by") : "",
					     str(h, "tool") != NULL ? str(h, "tool") : "",
					     str(h, "op") != NULL ? str(h, "op") : "",
					     it != NULL ? " " : "", it != NULL ? it : "",
					     str(h, "for") != NULL ? " " : "",
					     str(h, "for") != NULL ? str(h, "for") : "",
					     str(h, "actor") != NULL ? " " : "",
					     str(h, "actor") != NULL ? str(h, "actor") : ""));

		json_decref(items);
		entry_date(e, json_string(str(h, "at") != NULL ? str(h, "at") : ""));
	}
}

/* For a recipient: to whom, under which consent, and what it covers. */
static void
recipient_section(struct doc *d)
{
	const json_t *consent = json_object_get(d->summary, "consent");
	const char *actor = str(d->summary, "actor");
	const json_t *a;
	json_t *s = section(d, "recipient", T(d, "label.for_actor")), *e = entry(s, NULL);
	size_t i;

	json_array_foreach(json_object_get(d->summary, "who"), i, a)
		if (actor != NULL && str(a, "id") != NULL && strcmp(str(a, "id"), actor) == 0) {
			const char *role = str(a, "role_text") != NULL ? str(a, "role_text") :
				str(a, "role");
			json_t *no = name_org(a);

			field_of(e, T(d, "label.for_actor"),
				 jformat("%s%s%s", role != NULL ? role : "", no != NULL ? ", " : "",
					 no != NULL ? json_string_value(no) : ""), false);
			json_decref(no);
		}
	field(d, e, "label.consent", str(consent, "id"));
	field_date(d, e, "label.given", str(consent, "given"));
	field_date(d, e, "label.last_day", str(consent, "last_day"));
	field_of(e, T(d, "label.parts"), joined(json_object_get(d->summary, "parts"), d, "scope"),
		 false);
}

/* The document of a summary. A new object. */
static json_t *
document(const json_t *summary)
{
	struct doc d;
	const char *reader = str(summary, "for");
	const json_t *child = json_object_get(summary, "child");
	char buf[64], buf2[64];

	memset(&d, 0, sizeof d);
	d.summary = summary;
	d.lang = str(summary, "lang") != NULL ? str(summary, "lang") : "en";
	d.root = xobject();
	d.sections = xarray();
	if (reader == NULL)
		reader = "family";
	if (strcmp(reader, "family") == 0) {
		d.long_dates = true;
		put_member(d.root, "title", json_string(T(&d, "title.family")));
		if (str(child, "name") != NULL)
			put_member(d.root, "subtitle", json_string(str(child, "name")));
		if (str(summary, "external_ref") != NULL)
			put_member(d.root, "note", jformat("%s: %s", T(&d, "label.external_ref"),
							  str(summary, "external_ref")));
		put_member(d.root, "intro", json_string(T(&d, "intro.family")));
		family_coordinator(&d);
		family_who(&d);
		family_decided(&d);
		family_next(&d);
		family_offers(&d);
		family_knowledge(&d);
		family_rights(&d);
		put_member(d.root, "footer", jformat(T(&d, "footer.family"),
						    date_buf(&d, str(summary, "as_of"), buf,
							     sizeof buf)));
	} else if (strcmp(reader, "successor") == 0) {
		put_member(d.root, "title", json_string(T(&d, "title.successor")));
		if (str(child, "name") != NULL)
			put_member(d.root, "subtitle", json_string(str(child, "name")));
		put_member(d.root, "intro", json_string(T(&d, "intro.successor")));
		case_section(&d);
		actors_section(&d);
		diagnosis_section(&d);
		assessments_section(&d);
		decisions_section(&d);
		plans_section(&d);
		transitions_section(&d);
		family_section(&d);
		knowledge_section(&d);
		consents_section(&d);
		findings_section(&d);
		waivers_section(&d);
		history_section(&d);
		put_member(d.root, "footer", jformat(T(&d, "footer.successor"),
						    str(summary, "as_of")));
	} else {
		const char *last = str(json_object_get(summary, "consent"), "last_day");

		put_member(d.root, "title", json_string(T(&d, "title.recipient")));
		if (str(child, "name") != NULL)
			put_member(d.root, "subtitle", json_string(str(child, "name")));
		put_member(d.root, "note", jformat("%s: %s", T(&d, "label.case_id"),
						  str(summary, "id") != NULL ? str(summary, "id") : ""));
		put_member(d.root, "intro", json_string(T(&d, "intro.recipient")));
		recipient_section(&d);
		child_section(&d);
		who_section(&d);
		actors_section(&d);
		diagnosis_section(&d);
		assessments_section(&d);
		decisions_section(&d);
		plans_section(&d);
		transitions_section(&d);
		family_section(&d);
		knowledge_section(&d);
		if (last != NULL)
			put_member(d.root, "footer",
				   jformat(T(&d, "footer.recipient"), str(summary, "as_of"),
					   date_buf(&d, last, buf2, sizeof buf2)));
		else
			put_member(d.root, "footer", jformat(T(&d, "footer.recipient_open"),
							    str(summary, "as_of")));
	}
	put_member(d.root, "sections", d.sections);
	return d.root;
}

/* ---------------------------------------------------------------------
 * Writing, with the first failure remembered
 */

struct out {
	FILE *file;
	bool ok;
};

static void
put(struct out *o, const char *text)
{
	if (o->ok && fputs(text, o->file) == EOF)
		o->ok = false;
}

static void
putn(struct out *o, const char *text, size_t n)
{
	if (o->ok && n > 0 && fwrite(text, 1, n, o->file) != n)
		o->ok = false;
}

static bool
finish(struct out *o)
{
	if (fflush(o->file) != 0)
		o->ok = false;
	return o->ok && !ferror(o->file);
}

/* ---- text */

/* How wide text lines are, in characters. */
#define TEXT_WIDTH 76

/* TEXT with every control character as a space: a value from a record
 * never moves the cursor or clears a terminal. */
static char *
plain_copy(const char *text)
{
	char *copy = xstrdup(text), *p;

	for (p = copy; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return copy;
}

/* Writes TEXT wrapped at TEXT_WIDTH characters, the first line after
 * FIRST (already written, FIRST_WIDTH wide), the others indented by
 * INDENT spaces. */
static void
wrap(struct out *o, const char *text, size_t first_width, size_t indent)
{
	char *copy = plain_copy(text), *p = copy;
	size_t col = first_width;
	bool start = true;

	while (*p != '\0') {
		char *word = p, saved;
		size_t n, w;

		while (*p == ' ')
			p++;
		word = p;
		while (*p != '\0' && *p != ' ')
			p++;
		n = (size_t)(p - word);
		if (n == 0)
			break;
		saved = word[n];
		word[n] = '\0';
		w = ck_text_width(word);
		word[n] = saved;
		if (!start && col + 1 + w > TEXT_WIDTH) {
			put(o, "\n");
			for (col = 0; col < indent; col++)
				put(o, " ");
		} else if (!start) {
			put(o, " ");
			col++;
		}
		putn(o, word, n);
		col += w;
		start = false;
	}
	put(o, "\n");
	free(copy);
}

static void
underline(struct out *o, const char *text, char c)
{
	size_t i, n = ck_text_width(text);
	char ch[2] = { c, '\0' };

	for (i = 0; i < n && i < TEXT_WIDTH; i++)
		put(o, ch);
	put(o, "\n");
}

static void
text_entry(struct out *o, const json_t *e)
{
	const char *date = str(e, "date"), *title = str(e, "title");
	const json_t *v;
	size_t i, width = 2;
	char *copy;

	if (date != NULL || title != NULL)
		put(o, "  ");
	if (date != NULL) {
		copy = plain_copy(date);
		put(o, copy);
		put(o, "  ");
		width += ck_text_width(copy) + 2;
		free(copy);
	}
	if (title != NULL)
		wrap(o, title, width, 4);
	else if (date != NULL)
		put(o, "\n");
	json_array_foreach(json_object_get(e, "lines"), i, v) {
		put(o, "    ");
		wrap(o, json_string_value(v), 4, 4);
	}
	json_array_foreach(json_object_get(e, "fields"), i, v) {
		const char *label = json_string_value(json_array_get(v, 0));

		copy = plain_copy(label);
		put(o, "    ");
		put(o, copy);
		put(o, ": ");
		wrap(o, json_string_value(json_array_get(v, 1)), 6 + ck_text_width(copy), 6);
		free(copy);
	}
}

static bool
write_text(FILE *file, const json_t *doc)
{
	struct out o = { file, true };
	const json_t *s, *p, *e;
	size_t i, k;

	put(&o, str(doc, "title"));
	put(&o, "\n");
	underline(&o, str(doc, "title"), '=');
	if (str(doc, "subtitle") != NULL)
		wrap(&o, str(doc, "subtitle"), 0, 0);
	if (str(doc, "note") != NULL)
		wrap(&o, str(doc, "note"), 0, 0);
	put(&o, "\n");
	wrap(&o, str(doc, "intro"), 0, 0);
	json_array_foreach(json_object_get(doc, "sections"), i, s) {
		put(&o, "\n");
		put(&o, str(s, "title"));
		put(&o, "\n");
		underline(&o, str(s, "title"), '-');
		json_array_foreach(json_object_get(s, "paras"), k, p)
			wrap(&o, json_string_value(p), 0, 0);
		json_array_foreach(json_object_get(s, "entries"), k, e) {
			if (k > 0 && !json_is_true(json_object_get(s, "compact")))
				put(&o, "\n");
			text_entry(&o, e);
		}
		json_array_foreach(json_object_get(s, "after"), k, p) {
			if (k == 0 && json_array_size(json_object_get(s, "entries")) > 0)
				put(&o, "\n");
			wrap(&o, json_string_value(p), 0, 0);
		}
	}
	put(&o, "\n");
	wrap(&o, str(doc, "footer"), 0, 0);
	return finish(&o);
}

bool
ck_summary_write_text(FILE *out, const json_t *summary)
{
	json_t *doc = document(summary);
	bool ok = write_text(out, doc);

	json_decref(doc);
	return ok;
}

/* ---- HTML */

/* A page that reads on a phone (one column, large type, nothing wider
 * than the screen) and prints on A4 (margins, no section's heading left
 * alone at the foot of a page, no entry cut). No script, no font, no
 * image: nothing is fetched. */
static const char html_style[] =
	":root{color-scheme:light}\n"
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;"
	"font-size:1.05rem;line-height:1.5;color:#1d1d1d;background:#fff;margin:0;"
	"padding:1rem}\n"
	"article{max-width:42rem;margin:0 auto 2rem}\n"
	"article.successor,article.recipient{max-width:52rem}\n"
	"article+article{border-top:2px solid #999;padding-top:1rem}\n"
	"header h1{font-size:1.6rem;line-height:1.2;margin:.2rem 0 .2rem}\n"
	"header .sub{font-size:1.2rem;font-weight:600;margin:0}\n"
	"header .note{color:#555;margin:.2rem 0 0}\n"
	".intro{margin:1rem 0 1.5rem}\n"
	"h2{font-size:1.2rem;margin:1.8rem 0 .6rem;padding-bottom:.2rem;"
	"border-bottom:1px solid #bbb}\n"
	"section p{margin:.4rem 0}\n"
	"ul.entries{list-style:none;margin:0;padding:0}\n"
	"ul.entries>li{margin:0 0 .9rem;padding:0 0 0 .8rem;border-left:3px solid #c8d3e0}\n"
	".date{display:block;font-weight:600;color:#24476b}\n"
	".title{font-weight:600;display:block}\n"
	"ul.entries p{margin:.1rem 0}\n"
	"section.history ul.entries>li{margin:0 0 .2rem}\n"
	"dl{margin:.2rem 0 0;display:grid;grid-template-columns:max-content 1fr;"
	"gap:.1rem .8rem}\n"
	"dt{color:#555}dd{margin:0;overflow-wrap:anywhere}\n"
	"section.entry-point{background:#eef3f8;border:1px solid #c8d3e0;border-radius:.5rem;"
	"padding:.2rem 1rem .8rem;margin-top:1rem}\n"
	"section.entry-point h2{border:none;margin-top:.8rem}\n"
	"section.entry-point ul.entries>li{border:none;padding:0}\n"
	"section.entry-point .title{font-size:1.25rem}\n"
	"a{color:#1a4f8b}\n"
	"footer{margin-top:2rem;color:#555;font-size:.95rem}\n"
	"@media (max-width:30rem){body{padding:.8rem}dl{grid-template-columns:1fr}"
	"dt{margin-top:.2rem}}\n"
	"@page{size:A4;margin:18mm 16mm}\n"
	"@media print{body{padding:0;font-size:11pt}article{max-width:none}"
	"article+article{break-before:page;border:none}"
	"h2{break-after:avoid}ul.entries>li{break-inside:avoid}"
	"section.entry-point{break-inside:avoid}a{color:inherit;text-decoration:none}}\n";

/* TEXT as HTML text or attribute value. */
static void
put_html(struct out *o, const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0' && o->ok; p++) {
		switch (*p) {
		case '&':
			put(o, "&amp;");
			break;
		case '<':
			put(o, "&lt;");
			break;
		case '>':
			put(o, "&gt;");
			break;
		case '"':
			put(o, "&quot;");
			break;
		case '\'':
			put(o, "&#39;");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				put(o, " ");
			else if (putc(*p, o->file) == EOF)
				o->ok = false;
		}
	}
}

/* The address a contact links to: mailto: for a mail address, the web
 * address itself for http(s); NULL for anything else (a phone number is
 * shown as written). Nothing is fetched from it. */
static bool
contact_link(const char *text, const char **scheme)
{
	const char *at = strchr(text, '@');
	const char *p;

	for (p = text; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return false;
	if (strncmp(text, "https://", 8) == 0 || strncmp(text, "http://", 7) == 0) {
		*scheme = "";
		return true;
	}
	if (at != NULL && at != text && strchr(at, '.') != NULL && strchr(text, ':') == NULL &&
	    strchr(text, '/') == NULL) {
		*scheme = "mailto:";
		return true;
	}
	return false;
}

static void
html_entry(struct out *o, const json_t *e)
{
	const json_t *v;
	size_t i;

	put(o, "<li>");
	if (str(e, "date") != NULL) {
		put(o, "<span class=\"date\">");
		put_html(o, str(e, "date"));
		put(o, "</span>");
	}
	if (str(e, "title") != NULL) {
		put(o, "<span class=\"title\">");
		put_html(o, str(e, "title"));
		put(o, "</span>");
	}
	json_array_foreach(json_object_get(e, "lines"), i, v) {
		put(o, "<p>");
		put_html(o, json_string_value(v));
		put(o, "</p>");
	}
	if (json_array_size(json_object_get(e, "fields")) > 0) {
		put(o, "<dl>");
		json_array_foreach(json_object_get(e, "fields"), i, v) {
			const char *value = json_string_value(json_array_get(v, 1)), *scheme;

			put(o, "<dt>");
			put_html(o, json_string_value(json_array_get(v, 0)));
			put(o, "</dt><dd>");
			if (json_is_true(json_array_get(v, 2)) && contact_link(value, &scheme)) {
				put(o, "<a href=\"");
				put(o, scheme);
				put_html(o, value);
				put(o, "\">");
				put_html(o, value);
				put(o, "</a>");
			} else {
				put_html(o, value);
			}
			put(o, "</dd>");
		}
		put(o, "</dl>");
	}
	put(o, "</li>\n");
}

static bool
write_html(FILE *file, const json_t *doc, const char *lang, const char *reader)
{
	struct out o = { file, true };
	const json_t *s, *p, *e;
	size_t i, k;

	put(&o, "<article class=\"");
	put_html(&o, reader);
	put(&o, "\" lang=\"");
	put_html(&o, lang);
	put(&o, "\">\n<header>\n<h1>");
	put_html(&o, str(doc, "title"));
	put(&o, "</h1>\n");
	if (str(doc, "subtitle") != NULL) {
		put(&o, "<p class=\"sub\">");
		put_html(&o, str(doc, "subtitle"));
		put(&o, "</p>\n");
	}
	if (str(doc, "note") != NULL) {
		put(&o, "<p class=\"note\">");
		put_html(&o, str(doc, "note"));
		put(&o, "</p>\n");
	}
	put(&o, "</header>\n<p class=\"intro\">");
	put_html(&o, str(doc, "intro"));
	put(&o, "</p>\n");
	json_array_foreach(json_object_get(doc, "sections"), i, s) {
		put(&o, "<section class=\"");
		put_html(&o, str(s, "class"));
		put(&o, "\">\n<h2>");
		put_html(&o, str(s, "title"));
		put(&o, "</h2>\n");
		json_array_foreach(json_object_get(s, "paras"), k, p) {
			put(&o, "<p>");
			put_html(&o, json_string_value(p));
			put(&o, "</p>\n");
		}
		if (json_array_size(json_object_get(s, "entries")) > 0) {
			put(&o, "<ul class=\"entries\">\n");
			json_array_foreach(json_object_get(s, "entries"), k, e)
				html_entry(&o, e);
			put(&o, "</ul>\n");
		}
		json_array_foreach(json_object_get(s, "after"), k, p) {
			put(&o, "<p>");
			put_html(&o, json_string_value(p));
			put(&o, "</p>\n");
		}
		put(&o, "</section>\n");
	}
	put(&o, "<footer><p>");
	put_html(&o, str(doc, "footer"));
	put(&o, "</p></footer>\n</article>\n");
	return finish(&o);
}

bool
ck_summary_write_html_begin(FILE *out, const json_t *first)
{
	struct out o = { out, true };
	json_t *doc = document(first);
	const char *lang = str(first, "lang") != NULL ? str(first, "lang") : "en";

	put(&o, "<!DOCTYPE html>\n<html lang=\"");
	put_html(&o, lang);
	put(&o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
	put_html(&o, str(doc, "title"));
	if (str(doc, "subtitle") != NULL) {
		put(&o, " – ");
		put_html(&o, str(doc, "subtitle"));
	}
	put(&o, "</title>\n<style>\n");
	put(&o, html_style);
	put(&o, "</style>\n</head>\n<body>\n");
	json_decref(doc);
	return finish(&o);
}

bool
ck_summary_write_html(FILE *out, const json_t *summary)
{
	json_t *doc = document(summary);
	bool ok = write_html(out, doc, str(summary, "lang") != NULL ? str(summary, "lang") : "en",
			     str(summary, "for") != NULL ? str(summary, "for") : "family");

	json_decref(doc);
	return ok;
}

bool
ck_summary_write_html_end(FILE *out)
{
	struct out o = { out, true };

	put(&o, "</body>\n</html>\n");
	return finish(&o);
}
