/* SPDX-License-Identifier: MPL-2.0 */
/* reminders.c — a digest per coordinator of what is due (case-report
 * --reminders; design section 5.6, "Reminders").
 *
 * Each missing, overdue or due finding of an open, checklisted case
 * becomes a line: the case's reference in the case system, the status in
 * words, the due date, the rule's neutral "reminder" text in the reader's
 * language, and for a rule judged per element what the finding is about
 * (ck_finding_about). Identical lines are written once, with a count. A line
 * never holds the rule's id, the diagnosis or (unless the caller was
 * allowed --with-names) the child's name: digests are mailed, and mail
 * travels further than the case system.
 *
 * A digest belongs to the case's coordinator, keyed by the contact in
 * lower case. Which digest a line finally lands in is decided only when
 * writing, as the allowed domains and the file names are known then: a
 * line whose coordinator may not receive it goes to the unassigned
 * digest, never to someone else's. A digest may instead be a calendar of
 * its dated lines, a task each (--format ics; ics.c builds it). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* The sections of a digest, in the order they are written. */
enum section {
	SECTION_LAW,            /* law: overdue, missing, or due within 30 days */
	SECTION_OVERDUE,        /* the other overdue and missing */
	SECTION_SOON,           /* the other due within 14 days */
	SECTION_LATER,          /* the rest of the due */
	N_SECTIONS
};

static const char *const section_titles[N_SECTIONS] = {
	[SECTION_LAW] = N_("Legal deadlines"),
	[SECTION_OVERDUE] = N_("Overdue and missing"),
	[SECTION_SOON] = N_("Due within 14 days"),
	[SECTION_LATER] = N_("Due within 30 days"),
};

/* The windows of the sections, in days from T. */
#define SOON_DAYS 14
#define LATER_DAYS 30

/* The name of the digest of the cases without a coordinator, on its
 * "==" line and as its file. */
#define UNASSIGNED "unassigned"
#define FILE_SUFFIX ".txt"
#define MAIL_SUFFIX ".eml"      /* as long as FILE_SUFFIX: one clash check */
#define ICS_SUFFIX ".ics"       /* the same */
/* The longest file name most file systems take (NAME_MAX). */
#define FILE_NAME_MAX 255
/* Width of the due column: a date, or "-". */
#define DUE_WIDTH 10

/* One line of a digest. Its texts are borrowed from the pool. */
struct line {
	const char *contact;    /* the coordinator's contact, lower case; NULL: none */
	const char *recorded;   /* the same contact as the case records it */
	enum section section;
	bool has_due;
	ck_date due;
	const char *ref;        /* external_ref, else id */
	const char *name;       /* the child's name (with names only), or NULL */
	const char *text;       /* the reminder, in the reader's language */
	const char *about;      /* what it is about (ck_finding_about), or NULL */
	int status;             /* CK_FINDING_MISSING, _OVERDUE or _DUE */
	const char *uid;        /* its task's UID in a calendar (ck_ics_uid) */
	size_t seq;             /* the order lines were added: the last tie-break */
};

struct ck_reminders {
	const ck_rulebook *rules;
	ck_date today;
	bool with_names;
	struct line *lines;
	size_t count, capacity;
	/* Every text the lines point at, owned here. */
	char **pool;
	size_t pool_count, pool_capacity;
};

/* A line on its way out, and the digest it goes to (NULL: unassigned). */
struct entry {
	const struct line *line;
	const char *dest;
};

ck_reminders *
ck_reminders_new(const ck_rulebook *rules, ck_date today, bool with_names)
{
	ck_reminders *r = xcalloc(1, sizeof *r);

	r->rules = rules;
	r->today = today;
	r->with_names = with_names;
	return r;
}

void
ck_reminders_free(ck_reminders *reminders)
{
	size_t i;

	if (reminders == NULL)
		return;
	for (i = 0; i < reminders->pool_count; i++)
		free(reminders->pool[i]);
	free(reminders->pool);
	free(reminders->lines);
	free(reminders);
}

/* ---------------------------------------------------------------------
 * Adding a case
 */

static bool
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Keeps TEXT (taken) in the pool and returns it. */
static const char *
pool_keep(ck_reminders *r, char *text)
{
	if (r->pool_count == r->pool_capacity) {
		r->pool_capacity = r->pool_capacity ? 2 * r->pool_capacity : 64;
		r->pool = xreallocarray(r->pool, r->pool_capacity, sizeof *r->pool);
	}
	r->pool[r->pool_count++] = text;
	return text;
}

/* A copy of TEXT for a line of a digest, in the pool: a control
 * character (a newline in a record's text) would break the line, or
 * forge a "==" line, so each becomes a space. */
static const char *
pool_text(ck_reminders *r, const char *text)
{
	char *copy = xstrdup(text), *p;

	for (p = copy; *p != '\0'; p++)
		if (is_control((unsigned char)*p))
			*p = ' ';
	return pool_keep(r, copy);
}

/* ---------------------------------------------------------------------
 * What a finding is about
 */

/* The arrays of a case whose elements a rule may be judged by, each
 * named by its id (a transition also by its kind). */
static const char *const element_arrays[] = {
	"decisions", "actors", "consents", "transitions", "assessments", "meetings",
};

/* The element of RECORD that ITEM names, and *ARRAY the array it is in;
 * NULL when none is. "#N" is the N-th element the rule's "each" yields
 * (the element had no id); an id is looked for in every array (ids are
 * unique in a case). */
static const json_t *
finding_element(const json_t *record, const json_t *rule, const char *item,
		const char **array)
{
	const char *each = json_string_value(json_object_get(rule, "each"));
	const json_t *element;
	size_t i, k;

	if (item[0] == '#' && each != NULL) {
		char *end, err[128];
		unsigned long n = strtoul(item + 1, &end, 10);
		ck_path *path = ck_path_compile(each, err, sizeof err);
		ck_values values = { NULL, 0, 0 };

		element = NULL;
		if (path != NULL && *end == '\0' && n >= 1) {
			ck_path_eval(path, (json_t *)record, (json_t *)record, &values);
			if (n <= values.count)
				element = values.items[n - 1];
		}
		ck_values_free(&values);
		ck_path_free(path);
		*array = NULL;
		for (i = 0; element != NULL && i < sizeof element_arrays / sizeof *element_arrays; i++)
			if (strncmp(each, element_arrays[i], strlen(element_arrays[i])) == 0)
				*array = element_arrays[i];
		return *array != NULL ? element : NULL;
	}
	for (i = 0; i < sizeof element_arrays / sizeof *element_arrays; i++) {
		json_array_foreach(json_object_get(record, element_arrays[i]), k, element) {
			const char *id = json_string_value(json_object_get(element, "id"));
			const char *kind = json_string_value(json_object_get(element, "kind"));

			if ((id != NULL && strcmp(id, item) == 0) ||
			    (id == NULL && kind != NULL && i == 3 && strcmp(kind, item) == 0)) {
				*array = element_arrays[i];
				return element;
			}
		}
	}
	return NULL;
}

/* A new string, as printf makes it. */
static char *
text_printf(const char *format, ...)
{
	va_list ap;
	char *text;
	int n;

	va_start(ap, format);
	n = vasprintf(&text, format, ap);
	va_end(ap);
	oom_unless(n >= 0);
	return text;
}

static const char *
member_text(const json_t *element, const char *key)
{
	const char *text = json_string_value(json_object_get(element, key));

	return text != NULL && *text != '\0' ? text : NULL;
}

char *
ck_finding_about(const json_t *record, const ck_ruleset *set, const json_t *finding,
		 const char *lang)
{
	const char *item = member_text(finding, "item"), *array = NULL, *kind, *a, *b;
	const json_t *rule, *element;
	char *text;

	if (item == NULL)
		return NULL;
	rule = set != NULL ? ck_ruleset_rule(set, json_string_value(json_object_get(finding,
										    "rule")))
		: NULL;
	element = finding_element(record, rule, item, &array);
	if (element == NULL)
		return NULL;
	kind = json_string_value(json_object_get(rule, "kind"));
	if (strcmp(array, "decisions") == 0) {
		/* A decision by its paragraph and date: decided, else applied. */
		a = member_text(element, "paragraph");
		b = member_text(element, "decided");
		if (b == NULL)
			b = member_text(element, "applied");
		if (a == NULL && b == NULL)
			return NULL;
		text = a != NULL && b != NULL ? text_printf("%s, %s", a, b) : xstrdup(a ? a : b);
	} else if (strcmp(array, "actors") == 0) {
		const json_t *consent = kind != NULL && strncmp(kind, "consent", 7) == 0
			? ck_actor_latest_consent(record, element) : NULL;

		/* A consent rule judges per actor: the consent by its id, where
		 * there is one; else the actor by role, never by name. */
		if ((a = member_text(consent, "id")) != NULL)
			/* TRANSLATORS: what a reminder is about; %s is a consent's id. */
			text = text_printf(_("consent %s"), a);
		else if ((a = member_text(element, "role")) != NULL)
			text = xstrdup(ck_summary_role_text(a, lang));
		else
			return NULL;
	} else if (strcmp(array, "consents") == 0) {
		if ((a = member_text(element, "id")) == NULL)
			return NULL;
		text = text_printf(_("consent %s"), a);
	} else if (strcmp(array, "transitions") == 0) {
		if ((a = member_text(element, "kind")) == NULL)
			return NULL;
		text = xstrdup(ck_summary_value_text("transition", a, lang));
	} else {
		/* An assessment or meeting by its date. */
		if ((a = member_text(element, "started")) == NULL &&
		    (a = member_text(element, "date")) == NULL &&
		    (a = member_text(element, "aware")) == NULL)
			return NULL;
		text = xstrdup(a);
	}
	return text;
}

/* The set whose texts the case's findings are shown in: the one the
 * checklist was made by, when the rulebook has it; else the case's (or
 * the --rules set). */
static const ck_ruleset *
texts_set(const ck_reminders *r, const json_t *record, const json_t *checklist)
{
	const ck_ruleset *set =
		ck_rulebook_get(r->rules,
				json_string_value(json_object_get(checklist, "ruleset")));

	if (set != NULL)
		return set;
	return r->rules != NULL
		? ck_rulebook_for(r->rules,
				  json_string_value(json_object_get(record, "pathway")))
		: NULL;
}

/* The contact of the case's coordinator as recorded (trimmed), whose
 * key (ck_coordinator_key) is KEY: a mail goes to the address exactly as
 * the case system has it, '+' and capitals kept. A new string. */
static char *
recorded_contact(const json_t *record, const char *key, ck_date today)
{
	const json_t *actor;
	size_t i, n = strlen(key);

	json_array_foreach(json_object_get(record, "actors"), i, actor) {
		const char *contact = json_string_value(json_object_get(actor, "contact"));

		if (contact == NULL || !json_is_true(json_object_get(actor, "coordinator")) ||
		    !ck_actor_active(actor, today))
			continue;
		while (*contact == ' ' || *contact == '\t')
			contact++;
		if (strncasecmp(contact, key, n) == 0 &&
		    strspn(contact + n, " \t") == strlen(contact + n))
			return xstrndup(contact, n);
	}
	return xstrdup(key);
}

static enum section
section_of(const ck_reminders *r, int status, bool law, bool has_due, ck_date due)
{
	/* A due finding always has a date; were it missing, it is taken as
	 * due now. */
	if (status != CK_FINDING_DUE)
		return law ? SECTION_LAW : SECTION_OVERDUE;
	if (law && (!has_due || due <= r->today + LATER_DAYS))
		return SECTION_LAW;
	if (!has_due || due <= r->today + SOON_DAYS)
		return SECTION_SOON;
	/* Also a due further away than 30 days (a rule's own "remind"). */
	return SECTION_LATER;
}

static void
add_line(ck_reminders *r, const struct line *line)
{
	if (r->count == r->capacity) {
		r->capacity = r->capacity ? 2 * r->capacity : 64;
		r->lines = xreallocarray(r->lines, r->capacity, sizeof *r->lines);
	}
	r->lines[r->count] = *line;
	r->lines[r->count].seq = r->count;
	r->count++;
}

void
ck_reminders_add(ck_reminders *reminders, const json_t *record)
{
	const json_t *checklist = json_object_get(record, "checklist"), *finding;
	const json_t *findings = json_object_get(checklist, "findings");
	const char *lang = ck_language(), *ref, *name;
	const ck_ruleset *set;
	struct line line;
	char *contact, *about;
	bool kept = false;
	size_t i;

	/* Closed cases are kept and counted, never reminded. */
	if (!ck_case_is_open(record) || !json_is_object(checklist) ||
	    json_array_size(findings) == 0)
		return;
	set = texts_set(reminders, record, checklist);
	memset(&line, 0, sizeof line);
	json_array_foreach(findings, i, finding) {
		int status = ck_finding_status_parse(
			json_string_value(json_object_get(finding, "status")));
		const char *rule_id = json_string_value(json_object_get(finding, "rule"));
		const char *basis = json_string_value(json_object_get(finding, "basis"));
		const char *due = json_string_value(json_object_get(finding, "due"));
		const json_t *rule;
		const char *text;

		/* Waived, ok and n/a findings are never reminded. */
		if (status != CK_FINDING_MISSING && status != CK_FINDING_OVERDUE &&
		    status != CK_FINDING_DUE)
			continue;
		rule = set != NULL && rule_id != NULL ? ck_ruleset_rule(set, rule_id) : NULL;
		text = ck_text_in(json_object_get(rule, "reminder"), lang);
		if (!kept) {
			/* The case's texts, once, for all its lines. */
			contact = ck_coordinator_key(record, reminders->today);
			line.contact = contact != NULL ? pool_keep(reminders, contact) : NULL;
			line.recorded = contact != NULL
				? pool_keep(reminders, recorded_contact(record, contact,
									reminders->today))
				: NULL;
			ref = json_string_value(json_object_get(record, "external_ref"));
			if (ref == NULL || *ref == '\0')
				ref = json_string_value(json_object_get(record, "id"));
			line.ref = pool_text(reminders, ref != NULL ? ref : "-");
			name = reminders->with_names
				? json_string_value(json_object_get(
					json_object_get(record, "child"), "name"))
				: NULL;
			line.name = name != NULL && *name != '\0'
				? pool_text(reminders, name) : NULL;
			kept = true;
		}
		if (basis == NULL)
			basis = json_string_value(json_object_get(rule, "basis"));
		line.has_due = due != NULL && ck_date_parse(due, &line.due);
		if (!line.has_due)
			line.due = 0;
		line.section = section_of(reminders, status,
					  basis != NULL && strcmp(basis, "law") == 0,
					  line.has_due, line.due);
		/* A rule the set no longer has, or one without a reminder:
		 * still a duty, said without naming it. */
		line.text = pool_text(reminders, text != NULL && *text != '\0' ? text
				      : _("Something in the case needs attention"));
		line.status = status;
		line.uid = pool_keep(reminders,
				     ck_ics_uid(json_string_value(json_object_get(record, "id")),
						rule_id, member_text(finding, "item")));
		about = ck_finding_about(record, set, finding, lang);
		line.about = about != NULL ? pool_text(reminders, about) : NULL;
		free(about);
		add_line(reminders, &line);
	}
}

/* ---------------------------------------------------------------------
 * Where each line goes
 */

/* True when CONTACT may have a digest of its own: with mail, or with
 * allowed domains, only when it is exactly one address in one of them
 * ("x@evil.example, y@kommune.dk" is not); otherwise any contact. */
static bool
dest_allowed(const char *contact, const ck_reminders_output *o)
{
	if (!o->mail && o->ndomains == 0)
		return true;
	return ck_mail_address_allowed(contact, o->domains, o->ndomains);
}

/* The file name of a contact: in lower case (it is), every character
 * outside a-z 0-9 @ . _ - as one '_' (a UTF-8 character is one), and
 * ".txt". A new string. */
static char *
file_name(const char *contact, const char *suffix)
{
	char *name = xmalloc(strlen(contact) + strlen(suffix) + 1), *out = name;
	const unsigned char *p;

	for (p = (const unsigned char *)contact; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '@' ||
		    *p == '.' || *p == '_' || *p == '-')
			*out++ = (char)*p;
		else if ((*p & 0xC0) != 0x80)
			*out++ = '_';
		else if (out == name)
			*out++ = '_';   /* a stray continuation byte first */
	}
	strcpy(out, suffix);
	return name;
}

static int
compare_dest(const char *a, const char *b)
{
	/* The unassigned digest comes last. */
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

static int
compare_entries(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	const struct line *x = a->line, *y = b->line;
	int c;

	if ((c = compare_dest(a->dest, b->dest)) != 0)
		return c;
	if (x->section != y->section)
		return x->section < y->section ? -1 : 1;
	/* Findings without a date (missing ones) first, then by date. */
	if (x->has_due != y->has_due)
		return x->has_due ? 1 : -1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if ((c = strcmp(x->ref, y->ref)) != 0)
		return c;
	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	if ((c = strcmp(x->text, y->text)) != 0)
		return c;
	if ((c = compare_dest(x->about, y->about)) != 0)
		return c;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return 0;
}

static int
compare_dest_only(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	return compare_dest(a->dest, b->dest);
}

/* A coordinator's digest as a file: its name and its entries. */
struct digest_file {
	char *name;
	size_t begin, end;      /* its entries, sorted by digest */
	bool own;               /* it may have a file of its own */
};

static int
compare_file_names(const void *pa, const void *pb)
{
	const struct digest_file *a = pa, *b = pb;

	return strcmp(a->name, b->name);
}

/* With files: a coordinator whose contact gives the same file name as
 * another's, or one too long, or "unassigned.txt", gets no file of its
 * own: its lines go to the unassigned digest. Merging would show one
 * coordinator another's cases. ENTRIES are sorted by digest on return
 * (not yet by line). */
static void
divert_clashes(struct entry *entries, size_t n, const char *outdir)
{
	struct digest_file *files = NULL;
	size_t nfiles = 0, i, k, j;

	qsort(entries, n, sizeof *entries, compare_dest_only);
	for (i = 0; i < n && entries[i].dest != NULL; i = k) {
		for (k = i + 1; k < n && entries[k].dest != NULL &&
			     strcmp(entries[k].dest, entries[i].dest) == 0; k++)
			;
		files = xreallocarray(files, nfiles + 1, sizeof *files);
		files[nfiles].name = file_name(entries[i].dest, FILE_SUFFIX);
		files[nfiles].begin = i;
		files[nfiles].end = k;
		files[nfiles].own = strlen(files[nfiles].name) <= FILE_NAME_MAX &&
			strcmp(files[nfiles].name, UNASSIGNED FILE_SUFFIX) != 0;
		if (strlen(files[nfiles].name) > FILE_NAME_MAX)
			ck_warning(_("%s: a coordinator's contact is too long for a file name; "
				     "the reminders are in %s"), outdir, UNASSIGNED FILE_SUFFIX);
		nfiles++;
	}
	if (nfiles > 0)
		qsort(files, nfiles, sizeof *files, compare_file_names);
	for (i = 0; i < nfiles; i = k) {
		for (k = i + 1; k < nfiles && strcmp(files[k].name, files[i].name) == 0; k++)
			;
		if (k - i > 1) {
			ck_warning(_("%s/%s: several coordinators' contacts give this file "
				     "name; their reminders are in %s"),
				   outdir, files[i].name, UNASSIGNED FILE_SUFFIX);
			for (j = i; j < k; j++)
				files[j].own = false;
		}
	}
	for (i = 0; i < nfiles; i++) {
		if (!files[i].own)
			for (j = files[i].begin; j < files[i].end; j++)
				entries[j].dest = NULL;
		free(files[i].name);
	}
	free(files);
}

/* ---------------------------------------------------------------------
 * Writing
 */

static size_t
ref_width(const struct line *line)
{
	return ck_text_width(line->ref) + (line->name != NULL ? ck_text_width(line->name) + 3 : 0);
}

/* The status of a line in words, in the reader's language. */
static const char *
status_words(int status)
{
	return status == CK_FINDING_OVERDUE ? _("overdue")
		: status == CK_FINDING_MISSING ? _("missing") : _("due");
}

/* True when two lines read the same (ref, name, status, due, text,
 * about): written once, with a count. */
static bool
same_line(const struct line *x, const struct line *y)
{
	return x->section == y->section && x->status == y->status &&
		x->has_due == y->has_due && x->due == y->due && strcmp(x->ref, y->ref) == 0 &&
		compare_dest(x->name, y->name) == 0 && strcmp(x->text, y->text) == 0 &&
		compare_dest(x->about, y->about) == 0;
}

/* Writes one digest, the N entries at E (sorted): the date it is as of,
 * then each section that has lines, under its title; lines that read
 * the same once, with "(2×)". No blank line inside: a blank line parts
 * digests. False on a write error. */
static bool
write_digest(FILE *out, const ck_reminders *r, const struct entry *e, size_t n)
{
	char date[CK_DATE_SIZE];
	static const int statuses[] = { CK_FINDING_MISSING, CK_FINDING_OVERDUE, CK_FINDING_DUE };
	size_t width = 0, status_width = 0, i, k;
	int section = -1;
	bool good = true;

	for (i = 0; i < n; i++)
		if (ref_width(e[i].line) > width)
			width = ref_width(e[i].line);
	/* The status column as wide in every digest of a language. */
	for (i = 0; i < sizeof statuses / sizeof *statuses; i++)
		if (ck_text_width(status_words(statuses[i])) > status_width)
			status_width = ck_text_width(status_words(statuses[i]));
	/* TRANSLATORS: the first line of a digest of reminders; %s is a
	 * date, YYYY-MM-DD. */
	good &= fprintf(out, _("Reminders as of %s"), ck_date_format(r->today, date)) >= 0;
	good &= fputc('\n', out) != EOF;
	for (i = 0; i < n; i = k) {
		const struct line *l = e[i].line;
		const char *status = status_words(l->status);

		for (k = i + 1; k < n && same_line(e[k].line, l); k++)
			;
		if ((int)l->section != section) {
			section = (int)l->section;
			good &= fprintf(out, "%s\n", _(section_titles[section])) >= 0;
		}
		good &= fprintf(out, "  %s", l->ref) >= 0;
		if (l->name != NULL)
			good &= fprintf(out, " (%s)", l->name) >= 0;
		good &= fprintf(out, "%*s  %s%*s  %-*s  %s", (int)(width - ref_width(l)), "",
				status, (int)(status_width - ck_text_width(status)), "",
				DUE_WIDTH, l->has_due ? ck_date_format(l->due, date) : "-",
				l->text) >= 0;
		if (l->about != NULL)
			good &= fprintf(out, " (%s)", l->about) >= 0;
		if (k - i > 1)
			good &= fprintf(out, " (%zu\u00d7)", k - i) >= 0;
		good &= fputc('\n', out) != EOF;
	}
	return good;
}

/* The end of the digest that begins at entry I. */
static size_t
digest_end(const struct entry *e, size_t n, size_t i)
{
	size_t k;

	for (k = i + 1; k < n && compare_dest(e[k].dest, e[i].dest) == 0; k++)
		;
	return k;
}

/* A digest on its way out: its text (the digest, or its message) and
 * where it goes. */
struct digest {
	const char *dest;       /* the contact's key; NULL: unassigned */
	char *name;             /* its file name (SUFFIX .txt or .eml) */
	char *text;             /* lines ended by '\n' */
	size_t length;
	const char *to;         /* the recipient of its message; NULL: none */
};

/* The digest of the N entries at E as text; *LENGTH its length. */
static char *
digest_text(const ck_reminders *r, const struct entry *e, size_t n, size_t *length)
{
	char *text = NULL;
	FILE *m = open_memstream(&text, length);

	oom_unless(m != NULL);
	oom_unless(write_digest(m, r, e, n));
	oom_unless(fclose(m) == 0);
	return text;
}

/* The Subject of a digest's message, in the reader's language: how many
 * findings are overdue, due and missing ("casekit: 3 frister, 2
 * mangler"); never a case or a person. A new string. */
static char *
digest_subject(const struct entry *e, size_t n)
{
	size_t counts[3] = { 0, 0, 0 }, i;
	char *text = NULL;
	size_t size = 0;
	const char *sep = ": ";
	FILE *m = open_memstream(&text, &size);

	oom_unless(m != NULL);
	for (i = 0; i < n; i++)
		counts[e[i].line->status == CK_FINDING_OVERDUE ? 0
		       : e[i].line->status == CK_FINDING_DUE ? 1 : 2]++;
	fputs("casekit", m);
	if (counts[0] > 0) {
		/* TRANSLATORS: in a mail's Subject: how many deadlines have passed. */
		fprintf(m, "%s", sep);
		fprintf(m, P_("%zu overdue", "%zu overdue", counts[0]), counts[0]);
		sep = ", ";
	}
	if (counts[1] > 0) {
		/* TRANSLATORS: in a mail's Subject: how many deadlines are near. */
		fprintf(m, "%s", sep);
		fprintf(m, P_("%zu deadline", "%zu deadlines", counts[1]), counts[1]);
		sep = ", ";
	}
	if (counts[2] > 0) {
		/* TRANSLATORS: in a mail's Subject: how many things are missing. */
		fprintf(m, "%s", sep);
		fprintf(m, P_("%zu missing", "%zu missing", counts[2]), counts[2]);
	}
	oom_unless(fclose(m) == 0);
	return text;
}

/* The digest of the N entries at E as a calendar (ck_ics_calendar): a
 * task per line with a due date, its summary the line's reference,
 * reminder and what it is about ("DUBU-1002: ... (BL § 32, 2026-05-20)")
 * but never the name; urgent what the digest puts first, the legal
 * deadlines and the overdue and missing. NULL when no line has a date;
 * else *LENGTH its length. */
static char *
digest_calendar(const struct entry *e, size_t n, size_t *length)
{
	ck_ics_task *tasks = xreallocarray(NULL, n, sizeof *tasks);
	char *text = NULL;
	size_t ntasks = 0, i;

	for (i = 0; i < n; i++) {
		const struct line *l = e[i].line;

		if (!l->has_due)
			continue;
		tasks[ntasks].uid = l->uid;
		tasks[ntasks].due = l->due;
		tasks[ntasks].summary = l->about != NULL
			? text_printf("%s: %s (%s)", l->ref, l->text, l->about)
			: text_printf("%s: %s", l->ref, l->text);
		tasks[ntasks].urgent = l->section <= SECTION_OVERDUE;
		ntasks++;
	}
	if (ntasks > 0)
		text = ck_ics_calendar(tasks, ntasks, NULL, length);
	for (i = 0; i < ntasks; i++)
		free((char *)tasks[i].summary);
	free(tasks);
	return text;
}

/* The digests of the N sorted entries at E, as O asks: texts, or
 * messages to the contact as recorded and the unassigned one to the
 * fallback. *COUNT gets their number. */
static struct digest *
make_digests(const ck_reminders *r, const struct entry *e, size_t n,
	     const ck_reminders_output *o, size_t *count)
{
	struct digest *d = NULL;
	size_t nd = 0, i, k;

	for (i = 0; i < n; i = k) {
		char *body, *subject;
		size_t length;
		ck_mail mail;

		k = digest_end(e, n, i);
		d = xreallocarray(d, nd + 1, sizeof *d);
		d[nd].dest = e[i].dest;
		if (o->ics) {
			/* An empty calendar is not written, as an empty
			 * digest is not. */
			d[nd].text = digest_calendar(e + i, k - i, &d[nd].length);
			if (d[nd].text == NULL)
				continue;
			d[nd].name = file_name(e[i].dest != NULL ? e[i].dest : UNASSIGNED,
					       ICS_SUFFIX);
			d[nd].to = NULL;
			nd++;
			continue;
		}
		d[nd].name = file_name(e[i].dest != NULL ? e[i].dest : UNASSIGNED,
				       o->mail ? MAIL_SUFFIX : FILE_SUFFIX);
		d[nd].to = e[i].dest != NULL ? e[i].line->recorded : o->fallback;
		body = digest_text(r, e + i, k - i, &length);
		if (!o->mail) {
			d[nd].text = body;
			d[nd].length = length;
			d[nd].to = NULL;
			nd++;
			continue;
		}
		subject = digest_subject(e + i, k - i);
		memset(&mail, 0, sizeof mail);
		mail.from = o->mail_from;
		mail.to = d[nd].to;
		mail.subject = subject;
		mail.body = body;
		mail.language = ck_language();
		mail.sequence = nd;
		d[nd].text = ck_mail_message(&mail, &d[nd].length);
		free(subject);
		free(body);
		nd++;
	}
	*count = nd;
	return d;
}

static void
free_digests(struct digest *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(d[i].name);
		free(d[i].text);
	}
	free(d);
}

static bool
write_stream(FILE *out, const struct digest *d, size_t n)
{
	size_t i;
	bool good = true;

	for (i = 0; i < n; i++) {
		if (i > 0)
			good &= fputc('\n', out) != EOF;
		good &= fprintf(out, "== %s\n", d[i].dest != NULL ? d[i].dest : UNASSIGNED) >= 0;
		good &= fwrite(d[i].text, 1, d[i].length, out) == d[i].length;
	}
	if (fflush(out) != 0 || ferror(out))
		good = false;
	if (!good)
		ck_output_error();
	return good;
}

/* Writes TEXT (LENGTH bytes) to F, with CRLF, each '\n' as "\r\n". */
static bool
write_text(FILE *f, const char *text, size_t length, bool crlf)
{
	const char *end = text + length, *nl;

	if (!crlf)
		return fwrite(text, 1, length, f) == length;
	for (; text < end; text = nl + 1) {
		nl = memchr(text, '\n', (size_t)(end - text));
		if (nl == NULL)
			return fwrite(text, 1, (size_t)(end - text), f) == (size_t)(end - text);
		if (fwrite(text, 1, (size_t)(nl - text), f) != (size_t)(nl - text) ||
		    fputs("\r\n", f) == EOF)
			return false;
	}
	return true;
}

static char *
join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	char *path = xmalloc(n + strlen(name) + 2);

	memcpy(path, dir, n);
	path[n] = '/';
	strcpy(path + n + 1, name);
	return path;
}

/* Opens OUTDIR for the digests: made (mode 0700) when it does not exist,
 * else it must be an empty folder. The folder's descriptor, or -1 (the
 * error reported). *CREATED: whether this run made it. */
static int
open_outdir(const char *outdir, bool *created)
{
	struct dirent *d;
	struct stat st;
	DIR *dir;
	int fd, copy;

	*created = false;
	if (mkdir(outdir, 0700) == 0) {
		*created = true;
	} else if (errno != EEXIST) {
		ck_error(_("%s: cannot create: %s"), outdir, strerror(errno));
		return -1;
	}
	/* A folder we made is not followed through a link someone put in
	 * its place since. */
	fd = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (*created ? O_NOFOLLOW : 0));
	if (fd < 0) {
		if (errno == ENOTDIR)
			ck_error(_("%s: not a folder"), outdir);
		else
			ck_error(_("%s: cannot open: %s"), outdir, strerror(errno));
		return -1;
	}
	if (*created) {
		/* The umask may have taken more than group and others. */
		if (fstat(fd, &st) != 0 || ((st.st_mode & 07777) != 0700 && fchmod(fd, 0700) != 0)) {
			ck_error(_("%s: cannot set the mode: %s"), outdir, strerror(errno));
			close(fd);
			return -1;
		}
		return fd;
	}
	/* An existing folder must be empty: digests are never mixed with
	 * an earlier run's, or with anything else. */
	if ((copy = dup(fd)) < 0 || (dir = fdopendir(copy)) == NULL) {
		ck_error(_("%s: cannot open: %s"), outdir, strerror(errno));
		if (copy >= 0)
			close(copy);
		close(fd);
		return -1;
	}
	errno = 0;
	while ((d = readdir(dir)) != NULL)
		if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0)
			break;
	if (d != NULL || errno != 0) {
		if (d != NULL)
			ck_error(_("%s: not an empty folder"), outdir);
		else
			ck_error(_("%s: cannot open: %s"), outdir, strerror(errno));
		closedir(dir);
		close(fd);
		return -1;
	}
	closedir(dir);
	return fd;
}

/* Writes digest D to the new file D->name in the folder DIRFD, mode 0600
 * whatever the umask; a message with CRLF, as RFC 5322 has it on the
 * wire and mail programs open a .eml. False, reported, on an error;
 * *MADE tells whether the file was made (to be removed again). */
static bool
write_file(int dirfd, const char *outdir, const struct digest *d, bool crlf, bool *made)
{
	const char *name = d->name;
	char *path = join_path(outdir, name);
	bool good;
	FILE *f;
	int fd;

	*made = false;
	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		ck_error(_("%s: cannot create: %s"), path, strerror(errno));
		free(path);
		return false;
	}
	*made = true;
	if (fchmod(fd, 0600) != 0) {
		ck_error(_("%s: cannot set the mode: %s"), path, strerror(errno));
		close(fd);
		free(path);
		return false;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		ck_error(_("%s: cannot write: %s"), path, strerror(errno));
		close(fd);
		free(path);
		return false;
	}
	good = write_text(f, d->text, d->length, crlf);
	/* Synced: the mail system may take it as soon as the run ends. */
	good &= fflush(f) == 0 && !ferror(f) && fsync(fd) == 0;
	if (!good) {
		ck_error(_("%s: cannot write: %s"), path, strerror(errno));
		fclose(f);
	} else if (fclose(f) != 0) {
		ck_error(_("%s: cannot write: %s"), path, strerror(errno));
		good = false;
	}
	free(path);
	return good;
}

/* Syncs the folder PATH is in; false with errno on an error (a file
 * system that cannot sync a folder, EINVAL, is none). */
static bool
sync_parent(const char *path)
{
	char *parent = xstrdup(path), *slash;
	size_t n = strlen(parent);
	bool good;
	int fd;

	while (n > 1 && parent[n - 1] == '/')
		parent[--n] = '\0';
	slash = strrchr(parent, '/');
	if (slash == NULL) {
		free(parent);
		parent = xstrdup(".");
	} else {
		slash[slash == parent ? 1 : 0] = '\0';
	}
	fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(parent);
	if (fd < 0)
		return false;
	good = fsync(fd) == 0 || errno == EINVAL;
	if (!good) {
		int err = errno;

		close(fd);
		errno = err;
		return false;
	}
	close(fd);
	return true;
}

/* One file per digest. On an error the files made are removed again,
 * and the folder when this run made it, so that a second run can
 * start afresh. */
static bool
write_files(const char *outdir, const struct digest *d, size_t n, bool crlf)
{
	const char **made = NULL;
	size_t nmade = 0, i;
	bool created, good = true, file_made;
	int dirfd = open_outdir(outdir, &created);

	if (dirfd < 0)
		return false;
	for (i = 0; i < n && good; i++) {
		good = write_file(dirfd, outdir, &d[i], crlf, &file_made);
		if (file_made) {
			made = xreallocarray(made, nmade + 1, sizeof *made);
			made[nmade++] = d[i].name;
		}
	}
	/* The folder synced, so that its files (and, made now, the folder
	 * itself in its parent) last: all the digests or none. */
	if (good && (fsync(dirfd) != 0 && errno != EINVAL)) {
		ck_error(_("%s: cannot sync the folder: %s"), outdir, strerror(errno));
		good = false;
	}
	if (good && created && !sync_parent(outdir)) {
		ck_error(_("%s: cannot sync the folder it is in: %s"), outdir, strerror(errno));
		good = false;
	}
	for (i = 0; i < nmade; i++)
		if (!good)
			unlinkat(dirfd, made[i], 0);
	free(made);
	close(dirfd);
	if (!good && created)
		rmdir(outdir);
	return good;
}

/* Hands each message that has a recipient to the command. One that
 * fails is named by its file name (never by address: the log is mailed
 * on); the others are still sent. */
static bool
send_messages(const struct digest *d, size_t n, const char *command, bool kept)
{
	size_t i;
	bool good = true;

	for (i = 0; i < n; i++) {
		if (d[i].to == NULL) {
			/* Kept in the folder, it waits for someone to look. */
			if (!kept)
				ck_warning(_("%s: no reminder_fallback in casekit.conf: not sent"),
					   d[i].name);
			continue;
		}
		if (!ck_mail_send(command, d[i].text, d[i].length)) {
			ck_error(_("%s: the mail command failed; the other messages are still sent"),
				 d[i].name);
			good = false;
		}
	}
	return good;
}

bool
ck_reminders_deliver(const ck_reminders *reminders, FILE *out, const ck_reminders_output *o)
{
	struct entry *entries = xreallocarray(NULL, reminders->count, sizeof *entries);
	struct digest *digests;
	size_t i, n;
	bool good;

	for (i = 0; i < reminders->count; i++) {
		const char *dest = reminders->lines[i].contact;

		/* A contact outside the allowed domains, or one that reads as
		 * the unassigned digest's name, gets no digest of its own. */
		if (dest != NULL && (!dest_allowed(dest, o) || strcmp(dest, UNASSIGNED) == 0))
			dest = NULL;
		entries[i].line = &reminders->lines[i];
		entries[i].dest = dest;
	}
	if (o->outdir != NULL)
		divert_clashes(entries, reminders->count, o->outdir);
	if (reminders->count > 0)
		qsort(entries, reminders->count, sizeof *entries, compare_entries);
	digests = make_digests(reminders, entries, reminders->count, o, &n);
	if (o->outdir != NULL)
		good = write_files(o->outdir, digests, n, o->mail || o->ics);
	else if (o->sendmail == NULL)
		good = write_stream(out, digests, n);
	else
		good = true;
	/* With files, sent only once every file is there: nothing sent is
	 * ever missing from the folder. */
	if (good && o->sendmail != NULL)
		good = send_messages(digests, n, o->sendmail, o->outdir != NULL);
	free_digests(digests, n);
	free(entries);
	return good;
}

bool
ck_reminders_write(const ck_reminders *reminders, FILE *out, const char *outdir,
		   char *const *domains, size_t ndomains)
{
	ck_reminders_output o;

	memset(&o, 0, sizeof o);
	o.outdir = outdir;
	o.domains = domains;
	o.ndomains = ndomains;
	return ck_reminders_deliver(reminders, out, &o);
}
