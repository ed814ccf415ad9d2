/* SPDX-License-Identifier: MPL-2.0 */
/* validate.c — checks casekit/1 records against casekit(5).
 *
 * One table, SCHEMA, describes every field of the record in the order of
 * the table in casekit(5) (section 2 of the design), and the members of
 * each object or array element in the order that table lists them. A
 * record is checked by walking the table, not the record: the problem
 * reported is the first in the table's order whatever the record's key
 * order, so every program names the same problem for the same record.
 * ck_validate_field and ck_field_values look paths up in the same table,
 * so "case-update set" and CSV import judge a value as a record would.
 *
 * Keys the table does not know (local x_ fields, and any other) are
 * allowed anywhere and never looked at: casekit keeps what it does not
 * know.
 *
 * A known field holding JSON null is a wrong type, reported as any other
 * wrong type: casekit(5) says a field is absent when it is not known and
 * never null, and a null let through here would reach rules and reports
 * that take a present field as known.
 *
 * Messages never hold a value from the record: only field names, the
 * allowed values of a closed set and the form a value should have.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casekit.h"
#include "i18n.h"

enum kind {
	KIND_STRING,
	KIND_DATE,
	KIND_TIMESTAMP,
	KIND_BOOL,
	KIND_ENUM,		/* a string of a closed set */
	KIND_ENUMS,		/* an array of strings of a closed set, each
				   at most once */
	KIND_OBJECT,
	KIND_ARRAY,		/* an array of objects */
	KIND_STRINGS,		/* an array of strings */
	KIND_FORMAT,
	KIND_CASE_ID,
	KIND_MUNICIPALITY,
	KIND_PATHWAY,
	KIND_ELEMENT_ID,	/* an array element's id: a letter and 1, 2, … */
	KIND_CPR,
	KIND_PERSONNUMMER,
	KIND_DATE_OR_NOT_REQUIRED
};

/* Flags of a field. */
#define F_REQUIRED 1u	/* absent is bad input */
#define F_NONEMPTY 2u	/* a string that must not be "" */
#define F_UNIQUE 4u	/* no two elements of the array share the value */
#define F_OUTER 8u	/* KIND_DATE: the sibling is a member of the object
			   that holds this one */

struct field {
	const char *name;
	enum kind kind;
	unsigned flags;
	const char *const *values;	/* KIND_ENUM: NULL-terminated */
	const struct field *members;	/* KIND_OBJECT, KIND_ARRAY: ended by
					   a NULL name */
	const char *sibling;		/* KIND_DATE: a member of the same
					   object (with F_OUTER: of the object
					   holding it) this date may not be
					   before;
					   KIND_CPR, KIND_PERSONNUMMER: the
					   birth date it must agree with */
	char prefix;			/* KIND_ELEMENT_ID: the id's letter */
	const char *message;		/* KIND_ELEMENT_ID: N_() for a bad id */
	const char *duplicate;		/* F_UNIQUE: N_() for a repeated value */
};

#define STRING(n)		{ .name = (n), .kind = KIND_STRING }
#define DATE(n)			{ .name = (n), .kind = KIND_DATE }
#define DATE_AFTER(n, s)	{ .name = (n), .kind = KIND_DATE, .sibling = (s) }
#define TIMESTAMP(n)		{ .name = (n), .kind = KIND_TIMESTAMP }
#define BOOLEAN(n)		{ .name = (n), .kind = KIND_BOOL }
#define ENUM(n, v)		{ .name = (n), .kind = KIND_ENUM, .values = (v) }
#define ENUMS(n, v)		{ .name = (n), .kind = KIND_ENUMS, .values = (v) }
#define OBJECT(n, m)		{ .name = (n), .kind = KIND_OBJECT, .members = (m) }
#define ARRAY(n, m)		{ .name = (n), .kind = KIND_ARRAY, .members = (m) }
#define STRINGS(n)		{ .name = (n), .kind = KIND_STRINGS }
#define ELEMENT_ID(c, msg)	{ .name = "id", .kind = KIND_ELEMENT_ID, \
				  .flags = F_UNIQUE, .prefix = (c), \
				  .message = (msg), \
				  .duplicate = N_("duplicated id") }
#define END			{ .name = NULL }

/* The closed sets of casekit(5). */
static const char *const status_values[] = { "open", "closed", NULL };
static const char *const closed_reason_values[] = {
	"moved", "turned-18", "no-need", "died", "other", NULL
};
static const char *const diagnosis_status_values[] = {
	"none", "suspected", "confirmed", "undiagnosed", NULL
};
static const char *const target_group_values[] = { "yes", "no", "pending", NULL };
static const char *const family_strain_values[] = {
	"stable", "strained", "unsustainable", NULL
};
static const char *const assessment_type_values[] = {
	"screening", "afdaekning", "child-assessment", "medical", "ppv",
	"other", NULL
};
static const char *const outcome_values[] = { "granted", "partly", "refused", NULL };
static const char *const sector_values[] = {
	"social", "health", "education", "employment", "civil", "family", NULL
};
static const char *const given_by_values[] = {
	"parents", "child", "young-person", "guardian", NULL
};
static const char *const relation_values[] = {
	"parent", "sibling", "carer", "other", NULL
};
static const char *const offer_to_values[] = {
	"parents", "carers", "siblings", "child", "family", NULL
};
static const char *const offer_status_values[] = {
	"offered", "accepted", "declined", "not-needed", NULL
};
static const char *const plan_decision_values[] = { "made", "not-needed", NULL };
static const char *const complaint_result_values[] = {
	"confirmed", "changed", "remitted", "dismissed", NULL
};
static const char *const consent_scope_values[] = {
	"actors", "diagnosis", "assessments", "decisions", "plans", "transitions",
	"family", "identity", NULL
};
static const char *const transition_status_values[] = {
	"planned", "preparing", "done", NULL
};

#define CPR_MEMBER "cpr"

static const struct field child_members[] = {
	STRING("name"),
	DATE("born"),
	{ .name = CPR_MEMBER, .kind = KIND_CPR, .sibling = "born" },
	{ .name = "personnummer", .kind = KIND_PERSONNUMMER, .sibling = "born" },
	END
};

static const struct field diagnosis_members[] = {
	ENUM("status", diagnosis_status_values),
	STRINGS("codes"),
	STRING("label"),
	DATE("confirmed"),
	END
};

static const struct field target_group_members[] = {
	ENUM("status", target_group_values),
	DATE("date"),
	END
};

/* strain and satisfied are the family's own words: open sets. */
static const struct field family_view_members[] = {
	DATE("date"),
	STRING("strain"),
	STRING("satisfied"),
	STRING("note_ref"),
	END
};

static const struct field milestones_members[] = {
	DATE("concern"),
	DATE("aware"),
	END
};

static const struct field assessment_members[] = {
	ELEMENT_ID('s', N_("not an assessment id (s1, s2, …)")),
	ENUM("type", assessment_type_values),
	DATE("aware"),
	DATE("started"),
	DATE_AFTER("done", "started"),
	DATE("preliminary"),
	STRING("by"),
	END
};

static const struct field follow_up_members[] = {
	DATE("first"),
	DATE("next"),
	END
};

/* Barnets lov § 5 stk. 4: the child not heard, in quite special cases,
 * and then the child's views obtained otherwise. A reason that is there
 * says something; an exception whose reason is not known is for rule
 * child-heard to find. */
static const struct field hearing_exception_members[] = {
	{ .name = "reason", .kind = KIND_STRING, .flags = F_NONEMPTY },
	DATE("views_obtained"),
	END
};

/* The complaint's outcome from Ankestyrelsen or förvaltningsrätten comes
 * after the complaint was sent on to it. */
static const struct field complaint_outcome_members[] = {
	{ .name = "date", .kind = KIND_DATE, .flags = F_OUTER, .sibling = "sent_on" },
	ENUM("result", complaint_result_values),
	END
};

/* Retssikkerhedsloven § 66: received, reassessed by the municipality,
 * and unless upheld in full sent on. A complaint cannot be reassessed or
 * sent on before it was received; reassessed after it was sent on is a
 * slip of the procedure for the rules to find, not an impossible record,
 * so that pair is not checked. */
static const struct field complaint_members[] = {
	DATE("received"),
	DATE_AFTER("reassessed", "received"),
	BOOLEAN("upheld"),
	DATE_AFTER("sent_on", "received"),
	OBJECT("outcome", complaint_outcome_members),
	END
};

/* When the child was heard, the hearing exception and the written
 * notice of delay are judged by the rules against decided and the
 * processing deadline, not ordered here: a hearing after the decision is
 * a breach to show, not bad input. */
static const struct field decision_members[] = {
	ELEMENT_ID('d', N_("not a decision id (d1, d2, …)")),
	STRING("paragraph"),
	DATE("applied"),
	DATE_AFTER("decided", "applied"),
	ENUM("outcome", outcome_values),
	DATE("started"),
	DATE("ends"),
	{ .name = "child_heard", .kind = KIND_DATE_OR_NOT_REQUIRED },
	OBJECT("hearing_exception", hearing_exception_members),
	DATE("delay_notified"),
	/* LSS 28 f §: a report of a decision not carried out in time
	 * cannot come before the decision. */
	DATE_AFTER("reported_ivo", "decided"),
	OBJECT("follow_up", follow_up_members),
	OBJECT("complaint", complaint_members),
	END
};

/* role is an open set: section 2.1 lists the roles rules know. */
static const struct field actor_members[] = {
	ELEMENT_ID('a', N_("not an actor id (a1, a2, …)")),
	STRING("role"),
	STRING("name"),
	STRING("org"),
	ENUM("sector", sector_values),
	BOOLEAN("municipal"),
	BOOLEAN("authority"),
	BOOLEAN("coordinator"),
	STRING("contact"),
	DATE("since"),
	DATE_AFTER("until", "since"),
	BOOLEAN("receives_data"),
	END
};

static const struct field consent_members[] = {
	ELEMENT_ID('c', N_("not a consent id (c1, c2, …)")),
	STRING("purpose"),
	ENUM("given_by", given_by_values),
	DATE("given"),
	DATE_AFTER("expires", "given"),
	DATE("withdrawn"),
	DATE("refused"),
	STRINGS("recipients"),
	ENUMS("scope", consent_scope_values),
	END
};

static const struct field family_members[] = {
	ELEMENT_ID('f', N_("not a family member id (f1, f2, …)")),
	ENUM("relation", relation_values),
	STRING("name"),
	DATE("born"),
	BOOLEAN("custody"),
	BOOLEAN("lives_with"),
	STRING("interpreter"),
	END
};

/* kind is an open set: municipalities add their own offers. */
static const struct field offer_members[] = {
	ELEMENT_ID('o', N_("not an offer id (o1, o2, …)")),
	STRING("kind"),
	ENUM("to", offer_to_values),
	ENUM("status", offer_status_values),
	DATE("date"),
	END
};

static const struct field plan_consent_members[] = {
	DATE("given"),
	END
};

static const struct field plan_item_members[] = {
	STRING("what"),
	STRING("actor"),
	DATE("from"),
	DATE("to"),
	END
};

/* casekit(5) names sip first, in saying what a common plan is. */
static const struct field common_plan_members[] = {
	BOOLEAN("sip"),
	DATE("updated"),
	DATE("next_review"),
	STRING("responsible"),
	OBJECT("consent", plan_consent_members),
	ARRAY("items", plan_item_members),
	END
};

/* Barnets lov § 91 (child) and § 108 (youth): the decision whether to
 * make the plan, and the date the plan itself was made (with not-needed:
 * the date of that decision). */
static const struct field decided_plan_members[] = {
	ENUM("decision", plan_decision_values),
	DATE("date"),
	DATE("next_review"),
	END
};

/* LSS 10 §: the individual plan offered when an insats is granted, the
 * plan made, and reviewed (updated) at least once a year. A new offer
 * may follow a plan already made (a later insats), so offered and date
 * are not ordered; a review cannot come before the plan. */
static const struct field individual_plan_members[] = {
	DATE("offered"),
	DATE("date"),
	DATE_AFTER("updated", "date"),
	DATE("next_review"),
	END
};

static const struct field plans_members[] = {
	OBJECT("common", common_plan_members),
	OBJECT("child", decided_plan_members),
	OBJECT("youth", decided_plan_members),
	OBJECT("individual", individual_plan_members),
	END
};

static const struct field meeting_members[] = {
	ELEMENT_ID('m', N_("not a meeting id (m1, m2, …)")),
	DATE("date"),
	STRING("kind"),
	STRINGS("actors"),
	BOOLEAN("with_family"),
	END
};

static const struct field handover_members[] = {
	DATE("date"),
	STRING("to"),
	STRINGS("items"),
	END
};

/* A transition is known by its kind: the programs find it by --kind, so
 * two of one kind could not be told apart. Kinds are an open set (a rule
 * set may add its own); the programs that add one check it. The order
 * of prepare_from and due is checked at due, the later date. */
static const struct field transition_members[] = {
	{ .name = "kind", .kind = KIND_STRING, .flags = F_NONEMPTY | F_UNIQUE,
	  .duplicate = N_("a transition of this kind is already listed") },
	DATE_AFTER("due", "prepare_from"),
	DATE("prepare_from"),
	ENUM("status", transition_status_values),
	DATE("started"),
	DATE_AFTER("completed", "started"),
	DATE("decisions_ready"),
	OBJECT("handover", handover_members),
	END
};

/* Background only: no substances, which are the mother's health data. */
static const struct field exposure_members[] = {
	BOOLEAN("known"),
	STRING("source"),
	DATE("known_since"),
	STRING("legal_basis"),
	END
};

static const struct field waiver_members[] = {
	ELEMENT_ID('w', N_("not a waiver id (w1, w2, …)")),
	STRING("rule"),
	STRING("item"),
	STRING("reason"),
	STRING("by"),
	DATE("date"),
	DATE("until"),
	END
};

static const struct field suggestion_members[] = {
	STRING("name"),
	STRING("org"),
	STRING("kind"),
	STRING("contact"),
	STRING("region"),
	STRING("audience"),
	END
};

static const struct field finding_members[] = {
	STRING("rule"),
	STRING("ref"),
	STRING("basis"),
	STRING("status"),
	DATE("due"),
	STRING("item"),
	END
};

static const struct field checklist_members[] = {
	DATE("as_of"),
	STRING("ruleset"),
	ARRAY("findings", finding_members),
	END
};

/* Events may carry further keys for what changed, of any type. */
static const struct field event_members[] = {
	TIMESTAMP("at"),
	STRING("by"),
	STRING("tool"),
	STRING("op"),
	END
};

static const struct field schema[] = {
	{ .name = "format", .kind = KIND_FORMAT, .flags = F_REQUIRED },
	{ .name = "id", .kind = KIND_CASE_ID, .flags = F_REQUIRED },
	STRING("external_ref"),
	{ .name = "opened", .kind = KIND_DATE, .flags = F_REQUIRED },
	DATE_AFTER("closed", "opened"),
	ENUM("closed_reason", closed_reason_values),
	{ .name = "status", .kind = KIND_ENUM, .flags = F_REQUIRED,
	  .values = status_values },
	{ .name = "municipality", .kind = KIND_MUNICIPALITY, .flags = F_REQUIRED },
	STRING("team"),
	{ .name = "pathway", .kind = KIND_PATHWAY, .flags = F_REQUIRED },
	OBJECT("child", child_members),
	OBJECT("diagnosis", diagnosis_members),
	OBJECT("target_group", target_group_members),
	ENUM("family_strain", family_strain_values),
	OBJECT("family_view", family_view_members),
	OBJECT("milestones", milestones_members),
	ARRAY("assessments", assessment_members),
	ARRAY("decisions", decision_members),
	ARRAY("actors", actor_members),
	ARRAY("consents", consent_members),
	ARRAY("family", family_members),
	ARRAY("offers", offer_members),
	OBJECT("plans", plans_members),
	ARRAY("meetings", meeting_members),
	ARRAY("transitions", transition_members),
	OBJECT("exposure", exposure_members),
	/* casekit began following a case that existed before: not before
	 * the case was opened. */
	DATE_AFTER("followed_from", "opened"),
	ARRAY("waivers", waiver_members),
	ARRAY("suggestions", suggestion_members),
	OBJECT("checklist", checklist_members),
	ARRAY("events", event_members),
	END
};

/* ---------------------------------------------------------------------
 * Forms of text
 */

static bool
all_digits(const char *text, size_t length)
{
	size_t i;

	for (i = 0; i < length; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return true;
}

/* True when TEXT holds a C0 or C1 control character (C1 in UTF-8 is
 * 0xC2 0x80-0x9F); a name with one would garble a terminal or a file. */
static bool
has_control(const char *text, size_t length)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i;

	for (i = 0; i < length; i++) {
		if (s[i] < 0x20 || s[i] == 0x7f)
			return true;
		if (s[i] == 0xc2 && i + 1 < length && s[i + 1] >= 0x80
		    && s[i + 1] <= 0x9f)
			return true;
	}
	return false;
}

static bool
municipality_valid(const char *text, size_t length)
{
	if (length == 0)
		return false;
	/* A DK code is four digits; "101" must be padded on input first. */
	if (all_digits(text, length))
		return length == 4;
	/* "SE-" keeps Swedish codes apart from DK ones; a local name that
	 * merely looked like one (also "se-…") would blur that. */
	if (length >= 3 && (text[0] == 'S' || text[0] == 's')
	    && (text[1] == 'E' || text[1] == 'e') && text[2] == '-')
		return text[0] == 'S' && text[1] == 'E' && length == 7
			&& all_digits(text + 3, 4);
	if (!ck_utf8_valid(text, length) || has_control(text, length))
		return false;
	/* " 0101" must not pass as a local name beside "0101". */
	return text[0] != ' ' && text[length - 1] != ' ';
}

bool
ck_municipality_valid(const char *text)
{
	return text != NULL && municipality_valid(text, strlen(text));
}

char *
ck_municipality_pad(const char *text, char *buf, size_t size)
{
	size_t length = strlen(text);

	if (length >= 1 && length <= 3 && all_digits(text, length)) {
		if (size < 5)
			return NULL;
		memmove(buf + 4 - length, text, length + 1);
		memset(buf, '0', 4 - length);
		return buf;
	}
	if (length >= size)
		return NULL;
	memmove(buf, text, length + 1);
	return buf;
}

bool
ck_case_id_valid(const char *text)
{
	size_t length, i, j;

	if (text == NULL)
		return false;
	length = strlen(text);
	/* From the end, as the municipality part may hold '-' (SE-0163):
	 * four or more digits, '-', four digits, '-'. */
	i = length;
	while (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')
		i--;
	if (length - i < 4 || i < 7 || text[i - 1] != '-')
		return false;
	i--;
	if (!all_digits(text + i - 4, 4) || text[i - 5] != '-')
		return false;
	i -= 5;
	/* Ids name files and appear in mail and on command lines: no
	 * spaces, slashes, backslashes or quotes. */
	for (j = 0; j < i; j++) {
		unsigned char c = (unsigned char)text[j];

		if (c <= ' ' || c == '/' || c == '\\' || c == '"')
			return false;
		if (c == 0xc2 && (unsigned char)text[j + 1] == 0xa0)
			return false;	/* no-break space */
	}
	return municipality_valid(text, i);
}

bool
ck_pathway_name_valid(const char *text)
{
	size_t i;

	/* A name, never a path: no '/', and no leading '.' (".." and
	 * hidden files). */
	if (text == NULL || text[0] == '\0' || text[0] == '.')
		return false;
	for (i = 0; text[i] != '\0'; i++) {
		char c = text[i];

		if (i >= 64)
			return false;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
		      || (c >= '0' && c <= '9') || c == '.' || c == '-'
		      || c == '_'))
			return false;
	}
	return true;
}

/* 1 for casekit/1 and casekit/1.N, 0 for another major version
 * (casekit/2, casekit/3.1), -1 for anything else. */
static int
format_version(const char *text)
{
	const char *major, *end, *s;

	if (strncmp(text, "casekit/", 8) != 0)
		return -1;
	major = s = text + 8;
	while (*s >= '0' && *s <= '9')
		s++;
	end = s;
	if (end == major || (major[0] == '0' && end - major > 1))
		return -1;
	if (*s == '.') {
		const char *minor = ++s;

		while (*s >= '0' && *s <= '9')
			s++;
		if (s == minor)
			return -1;
	}
	if (*s != '\0')
		return -1;
	return end - major == 1 && major[0] == '1' ? 1 : 0;
}

/* A prefix letter and a positive number without leading zeros. */
bool
ck_element_id_valid(const char *text, char prefix)
{
	size_t length = strlen(text);

	return length >= 2 && text[0] == prefix && text[1] != '0'
		&& all_digits(text + 1, length - 1);
}

/* The text of a string value, or NULL when VALUE is not a string or
 * holds a NUL (which the C functions below would cut short). */
static const char *
text_of(const json_t *value)
{
	const char *text;

	if (!json_is_string(value))
		return NULL;
	text = json_string_value(value);
	if (strlen(text) != json_string_length(value))
		return NULL;
	return text;
}

static bool
date_of(const json_t *value, ck_date *out)
{
	const char *text = text_of(value);

	return text != NULL && ck_date_parse(text, out);
}

static bool
in_set(const char *text, const char *const *values)
{
	for (; *values != NULL; values++)
		if (strcmp(text, *values) == 0)
			return true;
	return false;
}

/* ---------------------------------------------------------------------
 * Walking the schema
 */

/* The name of the field being checked: "actors[a2].since". */
struct name {
	char text[CK_FIELD_MAX];
	size_t length;
};

struct walk {
	ck_problem *p;
	struct name name;
	const json_t *outer;	/* the object holding the object whose
				   members are checked, or NULL */
};

/* What the array's walk knows of the element being checked. */
struct element {
	bool duplicate;	/* its F_UNIQUE member repeats an earlier one's */
};

/* Appends to the name and returns its length before, for name_pop. A
 * name too long for CK_FIELD_MAX is cut short. */
static size_t CK_PRINTF(2, 3)
name_push(struct name *name, const char *fmt, ...)
{
	size_t before = name->length;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(name->text + name->length,
		      sizeof name->text - name->length, fmt, ap);
	va_end(ap);
	if (n > 0) {
		name->length += (size_t)n;
		if (name->length >= sizeof name->text)
			name->length = sizeof name->text - 1;
	}
	return before;
}

static void
name_pop(struct name *name, size_t length)
{
	name->length = length;
	name->text[length] = '\0';
}

static bool
fail(struct walk *w, const char *message)
{
	ck_problem_set(w->p, w->name.text, "%s", message);
	return false;
}

/* FMT takes one %s: a field name or a list of allowed values. */
static bool
fail_with(struct walk *w, const char *fmt, const char *arg)
{
	ck_problem_set(w->p, w->name.text, fmt, arg);
	return false;
}

static bool
fail_values(struct walk *w, const char *const *values)
{
	char list[CK_MESSAGE_MAX];
	size_t length = 0;

	list[0] = '\0';
	for (; *values != NULL; values++) {
		int n = snprintf(list + length, sizeof list - length, "%s%s",
				 length > 0 ? ", " : "", *values);

		if (n < 0 || (size_t)n >= sizeof list - length)
			break;
		length += (size_t)n;
	}
	return fail_with(w, _("not one of: %s"), list);
}

/* The name of F's sibling SIBLING: the current name with F's own name
 * replaced ("child.cpr" to "child.born"). */
static void
sibling_name(const struct walk *w, const struct field *f, const char *sibling,
	     char *buf, size_t size)
{
	size_t own = strlen(f->name);
	size_t base = w->name.length >= own ? w->name.length - own : 0;

	snprintf(buf, size, "%.*s%s", (int)base, w->name.text, sibling);
}

/* An identity number's birth date must agree with the object's born
 * (casekit(5): the CPR's date and century, the personnummer's date).
 * Without born a CPR stands for it, as the programs derive born from the
 * CPR, so a personnummer must then agree with the CPR. */
static bool
check_agrees(struct walk *w, const struct field *f, const json_t *parent,
	     ck_date by_number)
{
	char other_name[CK_FIELD_MAX];
	const char *other = f->sibling;
	const json_t *born;
	const char *cpr;
	ck_date date;

	if (parent == NULL)
		return true;
	born = json_object_get(parent, f->sibling);
	if (born != NULL) {
		/* A born that is not a date was reported before. */
		if (!date_of(born, &date))
			return true;
	} else if (f->kind == KIND_PERSONNUMMER
		   && (cpr = text_of(json_object_get(parent, CPR_MEMBER))) != NULL
		   && ck_cpr_parse(cpr, &date, NULL)) {
		other = CPR_MEMBER;
	} else {
		return true;
	}
	if (date == by_number)
		return true;
	sibling_name(w, f, other, other_name, sizeof other_name);
	return fail_with(w, _("does not agree with %s"), other_name);
}

static bool check_members(struct walk *w, const struct field *members,
			  const json_t *object, const struct element *element);
static bool check_array(struct walk *w, const struct field *f,
			const json_t *array);

/* Checks VALUE for field F. PARENT is the object holding it (NULL when a
 * value is checked alone: then no order or agreement is checked);
 * ELEMENT is set for the members of an array element. */
static bool
check_value(struct walk *w, const struct field *f, const json_t *value,
	    const json_t *parent, const struct element *element)
{
	const char *text = text_of(value);
	const json_t *holder, *outer;
	ck_date date, other;
	size_t i, j;
	bool valid;

	switch (f->kind) {
	case KIND_STRING:
		if (!json_is_string(value))
			return fail(w, _("not a string"));
		if ((f->flags & F_NONEMPTY) && json_string_length(value) == 0)
			return fail(w, _("must not be empty"));
		break;
	case KIND_DATE:
		if (!date_of(value, &date))
			return fail(w, _("not a date (YYYY-MM-DD)"));
		/* Only the pairs casekit(5) names; a sibling that is not a
		 * date is reported at its own turn. */
		holder = (f->flags & F_OUTER) ? (parent != NULL ? w->outer : NULL) : parent;
		if (f->sibling != NULL && holder != NULL
		    && date_of(json_object_get(holder, f->sibling), &other)
		    && date < other)
			return fail_with(w, _("before %s"), f->sibling);
		break;
	case KIND_TIMESTAMP:
		if (text == NULL || !ck_timestamp_valid(text))
			return fail(w, _("not a timestamp (YYYY-MM-DDTHH:MM:SSZ)"));
		break;
	case KIND_BOOL:
		if (!json_is_boolean(value))
			return fail(w, _("not true or false"));
		break;
	case KIND_ENUM:
		if (text == NULL || !in_set(text, f->values))
			return fail_values(w, f->values);
		break;
	case KIND_ENUMS:
		if (!json_is_array(value))
			return fail(w, _("not an array of strings"));
		/* Items before I are in the set and distinct, so the scan
		 * for a repeat is as short as the set. */
		for (i = 0; i < json_array_size(value); i++) {
			const char *item = text_of(json_array_get(value, i));
			size_t mark = name_push(&w->name, "[#%zu]", i + 1);

			if (item == NULL || !in_set(item, f->values))
				return fail_values(w, f->values);
			for (j = 0; j < i; j++)
				if (strcmp(item, json_string_value(json_array_get(value, j))) == 0)
					return fail(w, _("already listed"));
			name_pop(&w->name, mark);
		}
		break;
	case KIND_OBJECT:
		if (!json_is_object(value))
			return fail(w, _("not an object"));
		outer = w->outer;
		w->outer = parent;
		valid = check_members(w, f->members, value, NULL);
		w->outer = outer;
		return valid;
	case KIND_ARRAY:
		return check_array(w, f, value);
	case KIND_STRINGS:
		if (!json_is_array(value))
			return fail(w, _("not an array of strings"));
		for (i = 0; i < json_array_size(value); i++)
			if (!json_is_string(json_array_get(value, i)))
				return fail(w, _("not an array of strings"));
		break;
	case KIND_FORMAT:
		switch (text != NULL ? format_version(text) : -1) {
		case 1:
			break;
		case 0:
			return fail(w, _("a format version this casekit does not read (it reads casekit/1)"));
		default:
			return fail(w, _("not casekit/1"));
		}
		break;
	case KIND_CASE_ID:
		if (text == NULL || !ck_case_id_valid(text))
			return fail(w, _("not a case id (MUNICIPALITY-YYYY-NNNN)"));
		break;
	case KIND_MUNICIPALITY:
		if (text == NULL || !ck_municipality_valid(text))
			return fail(w, _("not a municipality (four digits, SE- and four digits, or a name)"));
		break;
	case KIND_PATHWAY:
		if (text == NULL || !ck_pathway_name_valid(text))
			return fail(w, _("not a rule-set name (letters, digits, '.', '-' and '_', at most 64)"));
		break;
	case KIND_ELEMENT_ID:
		if (text == NULL || !ck_element_id_valid(text, f->prefix))
			return fail(w, _(f->message));
		break;
	case KIND_CPR:
		if (text == NULL || !ck_cpr_parse(text, &date, NULL))
			return fail(w, _("not a CPR number (DDMMYY-SSSS)"));
		if (!check_agrees(w, f, parent, date))
			return false;
		break;
	case KIND_PERSONNUMMER:
		if (text == NULL || !ck_personnummer_parse(text, &date))
			return fail(w, _("not a personnummer (YYYYMMDD-NNNN)"));
		if (!check_agrees(w, f, parent, date))
			return false;
		break;
	case KIND_DATE_OR_NOT_REQUIRED:
		/* not-required is what casekit once wrote for a decision
		 * that needed no hearing; Barnets lov § 5 has no such
		 * exception (stk. 4's is hearing_exception). Old records
		 * are still read; nothing writes it, and the message asks
		 * for a date. */
		if (text == NULL || (strcmp(text, "not-required") != 0
				     && !ck_date_parse(text, &date)))
			return fail(w, _("not a date (YYYY-MM-DD)"));
		break;
	}
	if ((f->flags & F_UNIQUE) && element != NULL && element->duplicate)
		return fail(w, _(f->duplicate));
	return true;
}

static bool
check_members(struct walk *w, const struct field *members,
	      const json_t *object, const struct element *element)
{
	const struct field *m;

	for (m = members; m->name != NULL; m++) {
		const json_t *value = json_object_get(object, m->name);
		size_t mark;

		if (value == NULL && !(m->flags & F_REQUIRED))
			continue;
		mark = name_push(&w->name, w->name.length > 0 ? ".%s" : "%s",
				 m->name);
		if (value == NULL)
			return fail(w, _("missing (required)"));
		if (!check_value(w, m, value, object, element))
			return false;
		name_pop(&w->name, mark);
	}
	return true;
}

/* The member of an element schema whose value is unique in the array,
 * or NULL. */
static const struct field *
unique_member(const struct field *members)
{
	for (; members->name != NULL; members++)
		if (members->flags & F_UNIQUE)
			return members;
	return NULL;
}

/* The element's value of KEY when it takes part in the uniqueness check
 * (a value of the wrong form is reported as such, not as a repeat). */
static const json_t *
key_of(const json_t *element, const struct field *key)
{
	const json_t *value = json_object_get(element, key->name);
	const char *text = text_of(value);

	if (text == NULL)
		return NULL;
	if (key->kind == KIND_ELEMENT_ID && !ck_element_id_valid(text, key->prefix))
		return NULL;
	if ((key->flags & F_NONEMPTY) && *text == '\0')
		return NULL;
	return value;
}

struct keyed {
	const char *text;
	size_t length;
	size_t index;
};

static int
keyed_compare(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c;

	if (x->length != y->length)
		return x->length < y->length ? -1 : 1;
	c = memcmp(x->text, y->text, x->length);
	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* For each element of ARRAY, whether its KEY repeats an earlier
 * element's; NULL when none does. Sorting keeps a store's worst line
 * (a megabyte of elements) from taking quadratic time. The caller frees
 * the result. */
static bool *
find_duplicates(const json_t *array, const struct field *key)
{
	size_t n = json_array_size(array), count = 0, i;
	struct keyed *keys;
	bool *duplicate = NULL;

	if (key == NULL || n < 2)
		return NULL;
	keys = malloc(n * sizeof *keys);
	if (keys == NULL)
		ck_fatal("%s", _("out of memory"));
	for (i = 0; i < n; i++) {
		const json_t *value = key_of(json_array_get(array, i), key);

		if (value == NULL)
			continue;
		keys[count].text = json_string_value(value);
		keys[count].length = json_string_length(value);
		keys[count].index = i;
		count++;
	}
	qsort(keys, count, sizeof *keys, keyed_compare);
	for (i = 1; i < count; i++) {
		if (keys[i].length != keys[i - 1].length
		    || memcmp(keys[i].text, keys[i - 1].text, keys[i].length) != 0)
			continue;
		if (duplicate == NULL) {
			duplicate = calloc(n, sizeof *duplicate);
			if (duplicate == NULL)
				ck_fatal("%s", _("out of memory"));
		}
		duplicate[keys[i].index] = true;
	}
	free(keys);
	return duplicate;
}

/* Elements are named by their id when they have a valid one of their
 * own ("actors[a2]"), else by their place ("actors[#2]"): a repeated id
 * would not say which element is meant. */
static bool
check_array(struct walk *w, const struct field *f, const json_t *array)
{
	const struct field *key;
	bool *duplicate;
	size_t i;
	bool valid = true;

	if (!json_is_array(array))
		return fail(w, _("not an array"));
	key = unique_member(f->members);
	duplicate = find_duplicates(array, key);
	for (i = 0; valid && i < json_array_size(array); i++) {
		const json_t *item = json_array_get(array, i);
		struct element element = {
			.duplicate = duplicate != NULL && duplicate[i]
		};
		const json_t *id = NULL;
		size_t mark;

		if (key != NULL && key->kind == KIND_ELEMENT_ID
		    && !element.duplicate)
			id = key_of(item, key);
		if (id != NULL)
			mark = name_push(&w->name, "[%s]", json_string_value(id));
		else
			mark = name_push(&w->name, "[#%zu]", i + 1);
		if (!json_is_object(item))
			valid = fail(w, _("not an object"));
		else
			valid = check_members(w, f->members, item, &element);
		if (valid)
			name_pop(&w->name, mark);
	}
	free(duplicate);
	return valid;
}

bool
ck_validate(const json_t *record, ck_problem *p)
{
	ck_problem scratch;
	struct walk w;

	w.p = p != NULL ? p : &scratch;
	w.outer = NULL;
	name_pop(&w.name, 0);
	if (!json_is_object(record))
		return fail(&w, _("not a JSON object"));
	return check_members(&w, schema, record, NULL);
}

/* ---------------------------------------------------------------------
 * Fields by path
 */

/* The field at a dotted PATH ("actors.since": an array's step is named
 * by the array), or NULL. *LOCAL is set when a step is a local x_ field
 * of a known object (everything under it is local too). */
static const struct field *
lookup(const char *path, bool *local)
{
	const struct field *members = schema, *f = NULL;
	const char *step = path;

	*local = false;
	if (path == NULL)
		return NULL;
	for (;;) {
		const char *dot = strchr(step, '.');
		size_t length = dot != NULL ? (size_t)(dot - step) : strlen(step);

		if (length == 0 || members == NULL)
			return NULL;
		if (length >= 2 && strncmp(step, "x_", 2) == 0) {
			*local = true;
			return NULL;
		}
		for (f = members; f->name != NULL; f++)
			if (strlen(f->name) == length
			    && strncmp(f->name, step, length) == 0)
				break;
		if (f->name == NULL)
			return NULL;
		members = f->kind == KIND_OBJECT || f->kind == KIND_ARRAY
			? f->members : NULL;
		if (dot == NULL)
			return f;
		step = dot + 1;
	}
}

int
ck_validate_field(const char *path, const json_t *value, ck_problem *p)
{
	ck_problem scratch;
	const struct field *f;
	struct walk w;
	bool local;

	f = lookup(path, &local);
	if (local)
		return 1;
	if (f == NULL)
		return -1;
	w.p = p != NULL ? p : &scratch;
	w.outer = NULL;
	name_pop(&w.name, 0);
	name_push(&w.name, "%s", path);
	/* No value is as null: a wrong type. */
	if (value == NULL)
		value = json_null();
	return check_value(&w, f, value, NULL, NULL) ? 1 : 0;
}

const char *const *
ck_field_values(const char *path)
{
	bool local;
	const struct field *f = lookup(path, &local);

	return f != NULL && (f->kind == KIND_ENUM || f->kind == KIND_ENUMS)
		? f->values : NULL;
}

/* ---------------------------------------------------------------------
 * Fields from text, and setting them in casekit(5)'s order
 *
 * Options and CSV cells arrive as text. The schema says what each field
 * holds, so one function makes every such value, and one sets it where a
 * new record of casekit(5) would have it: case-new from options, CSV
 * import and "case-update set" all build records the same way.
 */

enum ck_field_kind
ck_field_kind(const char *path)
{
	bool local;
	const struct field *f = lookup(path, &local);

	if (local)
		return CK_FIELD_TEXT;
	if (f == NULL)
		return CK_FIELD_UNKNOWN;
	switch (f->kind) {
	case KIND_DATE:
		return CK_FIELD_DATE;
	case KIND_BOOL:
		return CK_FIELD_BOOL;
	case KIND_STRINGS:
	case KIND_ENUMS:
		return CK_FIELD_LIST;
	case KIND_OBJECT:
	case KIND_ARRAY:
		return CK_FIELD_STRUCTURE;
	default:
		return CK_FIELD_TEXT;
	}
}

/* Yes and no as caseworkers write them in a spreadsheet. */
static int
bool_of_text(const char *text)
{
	static const char *const yes[] = { "true", "yes", "ja", "1", "x", NULL };
	static const char *const no[] = { "false", "no", "nej", "0", NULL };
	size_t i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(text, yes[i]) == 0)
			return 1;
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(text, no[i]) == 0)
			return 0;
	return -1;
}

bool
ck_field_from_text(const char *path, const char *text, unsigned flags,
		   json_t **out, ck_problem *p)
{
	ck_problem scratch;
	bool local;
	const struct field *f = lookup(path, &local);
	json_t *value = NULL;
	char buf[64];
	ck_date date;

	if (p == NULL)
		p = &scratch;
	*out = NULL;
	if (!local && f == NULL) {
		ck_problem_set(p, path, _("no such field"));
		return false;
	}
	if (!ck_utf8_valid(text, strlen(text))) {
		ck_problem_set(p, path, _("not valid UTF-8"));
		return false;
	}
	if (local) {
		value = json_string(text);
	} else if (f->kind == KIND_OBJECT || f->kind == KIND_ARRAY) {
		ck_problem_set(p, path, _("a list of elements cannot be given as one text"));
		return false;
	} else if (f->kind == KIND_DATE) {
		if ((flags & CK_TEXT_LENIENT_DATES) ? !ck_date_parse_lenient(text, &date)
						    : !ck_date_parse(text, &date)) {
			ck_problem_set(p, path, _("not a date (YYYY-MM-DD)"));
			return false;
		}
		value = json_string(ck_date_format(date, buf));
	} else if (f->kind == KIND_BOOL) {
		int b = bool_of_text(text);

		if (b < 0) {
			ck_problem_set(p, path, _("not true or false"));
			return false;
		}
		value = json_boolean(b);
	} else if (f->kind == KIND_STRINGS || f->kind == KIND_ENUMS) {
		/* Items separated by spaces, as a list column holds them. */
		const char *s = text;

		value = json_array();
		while (*s != '\0') {
			size_t n;

			s += strspn(s, " \t");
			n = strcspn(s, " \t");
			if (n > 0)
				json_array_append_new(value, json_stringn(s, n));
			s += n;
		}
	} else if (f->kind == KIND_MUNICIPALITY) {
		value = json_string(ck_municipality_pad(text, buf, sizeof buf) != NULL
				    ? buf : text);
	} else if (f->kind == KIND_CPR) {
		char normal[CK_CPR_SIZE];

		if (!ck_cpr_parse(text, &date, normal)) {
			ck_problem_set(p, path, _("not a CPR number (DDMMYY-SSSS)"));
			return false;
		}
		value = json_string(normal);
	} else {
		value = json_string(text);
	}
	if (value == NULL)
		ck_fatal(_("out of memory"));
	if (!local && ck_validate_field(path, value, p) != 1) {
		json_decref(value);
		return false;
	}
	*out = value;
	return true;
}

/* The place of KEY among MEMBERS (casekit(5)'s order); unknown keys and,
 * at the top, "checklist" (always last) sort after every known one. */
static size_t
member_rank(const struct field *members, const char *key, bool top)
{
	size_t i;

	if (top && strcmp(key, "checklist") == 0)
		return SIZE_MAX;
	for (i = 0; members != NULL && members[i].name != NULL; i++)
		if (strcmp(members[i].name, key) == 0)
			return i;
	return SIZE_MAX - 1;
}

/* Adds KEY (absent from OBJECT) before the first member that casekit(5)
 * puts after it. Jansson appends only, so the members after that place
 * are taken out and put back behind the new one. */
static void
insert_member(json_t *object, const struct field *members, bool top,
	      const char *key, json_t *value)
{
	size_t rank = member_rank(members, key, top);
	json_t *tail = json_object();
	const char *k;
	json_t *v;
	void *iter;
	bool moving = false;

	for (iter = json_object_iter(object); iter != NULL;
	     iter = json_object_iter_next(object, iter)) {
		k = json_object_iter_key(iter);
		if (!moving && member_rank(members, k, top) > rank
		    && member_rank(members, k, top) != SIZE_MAX - 1)
			moving = true;
		if (moving)
			json_object_set(tail, k, json_object_iter_value(iter));
	}
	json_object_foreach(tail, k, v)
		json_object_del(object, k);
	json_object_set_new(object, key, value);
	json_object_update(object, tail);
	json_decref(tail);
}

bool
ck_record_set(json_t *record, const char *path, json_t *value)
{
	const struct field *members = schema;
	json_t *object = record;
	const char *step = path;
	bool top = true;
	char key[128];

	for (;;) {
		const char *dot = strchr(step, '.');
		size_t length = dot != NULL ? (size_t)(dot - step) : strlen(step);
		const struct field *f = NULL;
		json_t *next;

		if (length == 0 || length >= sizeof key || !json_is_object(object)) {
			json_decref(value);
			return false;
		}
		memcpy(key, step, length);
		key[length] = '\0';
		if (dot == NULL) {
			if (json_object_get(object, key) != NULL)
				json_object_set_new(object, key, value);
			else
				insert_member(object, members, top, key, value);
			return true;
		}
		for (f = members; f != NULL && f->name != NULL; f++)
			if (strcmp(f->name, key) == 0)
				break;
		if (f != NULL && f->name != NULL && f->kind == KIND_ARRAY) {
			json_decref(value);
			return false;
		}
		next = json_object_get(object, key);
		if (next == NULL) {
			next = json_object();
			insert_member(object, members, top, key, next);
		}
		members = f != NULL && f->name != NULL && f->kind == KIND_OBJECT
			? f->members : NULL;
		object = next;
		top = false;
		step = dot + 1;
	}
}

bool
ck_field_set(json_t *object, const char *object_path, const char *key,
	     json_t *value)
{
	bool local;
	const struct field *f = lookup(object_path, &local);
	const struct field *members = f != NULL &&
		(f->kind == KIND_OBJECT || f->kind == KIND_ARRAY) ? f->members : NULL;

	if (!json_is_object(object)) {
		json_decref(value);
		return false;
	}
	if (json_object_get(object, key) != NULL)
		json_object_set_new(object, key, value);
	else
		insert_member(object, members, false, key, value);
	return true;
}
