/* report-format.c — a report (ck_report_result) as text tables for a
 * terminal, as CSV for a spreadsheet, or as one HTML file with SVG charts.
 *
 * The three are written from the same tables, built once from the report,
 * so they show the same figures in the same order. The report is already
 * suppressed: this file only writes what it is given. A count that is a
 * string ("<5", "*") is written as that string and never drawn as a bar;
 * a share is given only when both of its counts are plain numbers, so a
 * suppressed count cannot be worked back from it. The report holds no
 * names, CPR numbers, diagnoses or external_refs, and nothing here adds
 * any. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* ---------------------------------------------------------------------
 * Writing, with the first failure remembered
 */

struct out {
	FILE *file;
	bool ok;                    /* false after the first failed write */
};

static void
put(struct out *o, const char *text)
{
	if (o->ok && fputs(text, o->file) == EOF)
		o->ok = false;
}

static void __attribute__((format(printf, 2, 3)))
putf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!o->ok)
		return;
	va_start(ap, fmt);
	n = vfprintf(o->file, fmt, ap);
	va_end(ap);
	if (n < 0)
		o->ok = false;
}

/* TEXT for a terminal: a control character (a team named with an escape
 * sequence) is written as "?", which is as wide. */
static void
put_plain(struct out *o, const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0' && o->ok; p++)
		if (putc(*p < 0x20 || *p == 0x7f ? '?' : *p, o->file) == EOF)
			o->ok = false;
}

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
			if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f)
				put(o, "?");
			else if (putc(*p, o->file) == EOF)
				o->ok = false;
		}
	}
}

/* Flushes, so that a full disk is told now and not at exit. */
static bool
finish(struct out *o)
{
	if (fflush(o->file) != 0)
		o->ok = false;
	return o->ok && !ferror(o->file);
}

/* A new string, formatted. */
static char * __attribute__((format(printf, 1, 2)))
format(const char *fmt, ...)
{
	va_list ap;
	char *text;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return xstrdup("");
	text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return text;
}

/* TEXT cut to MAX characters, "…" standing for the rest. New string. */
static char *
truncated(const char *text, size_t max)
{
	const char *p = text;
	size_t n = 0;

	if (ck_text_width(text) <= max)
		return xstrdup(text);
	for (; *p != '\0'; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max - 1)
			break;
	return format("%.*s\xe2\x80\xa6", (int)(p - text), text);
}

/* ---------------------------------------------------------------------
 * Tables: what the three formats share
 */

enum cell_kind {
	CELL_EMPTY,                 /* not in the report */
	CELL_DASH,                  /* a figure that cannot be given: a null
				       median (n < 20), a share of a
				       suppressed count */
	CELL_NUMBER,
	CELL_PERCENT,               /* a share, in whole percent */
	CELL_TEXT,                  /* a label, or a name from the report */
	CELL_SUPPRESSED             /* a count as the report gives it: "<5", "*" */
};

struct cell {
	enum cell_kind kind;
	long long number;
	char *text;                 /* owned; CELL_TEXT and CELL_SUPPRESSED */
};

/* The part of the report a table shows; the HTML adds its chart. */
enum section {
	SECTION_ABOUT,
	SECTION_CASES,
	SECTION_RESPONSE_TIMES,
	SECTION_RULES,
	SECTION_RULE_TOTALS,
	SECTION_ADULT_READINESS,
	SECTION_TRANSITIONS,
	SECTION_CONTINUITY,
	SECTION_INVOLVEMENT,
	SECTION_CASELOAD
};

struct table {
	enum section section;
	char *title;
	size_t columns;
	size_t labels;              /* the first LABELS columns name the row
				       (left-aligned); the rest are figures */
	bool headless;              /* text and HTML leave out the header */
	struct cell *cells;         /* row 0 is the header */
	size_t rows;                /* with the header */
	size_t allocated;
};

static struct table *
table_new(enum section section, char *title, size_t labels, size_t figures)
{
	struct table *t = xcalloc(1, sizeof *t);

	t->section = section;
	t->title = title;
	t->labels = labels;
	t->columns = labels + figures;
	t->allocated = 16;
	t->cells = xcalloc(t->allocated * t->columns, sizeof *t->cells);
	t->rows = 1;
	return t;
}

static void
cell_clear(struct cell *c)
{
	free(c->text);
	memset(c, 0, sizeof *c);
}

static void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->rows * t->columns; i++)
		cell_clear(&t->cells[i]);
	free(t->cells);
	free(t->title);
	free(t);
}

/* A new row of empty cells. */
static struct cell *
table_row(struct table *t)
{
	if (t->rows == t->allocated) {
		t->cells = xreallocarray(t->cells, t->allocated * 2, t->columns * sizeof *t->cells);
		memset(t->cells + t->allocated * t->columns, 0,
		       t->allocated * t->columns * sizeof *t->cells);
		t->allocated *= 2;
	}
	return &t->cells[t->rows++ * t->columns];
}

/* Takes back the last row. */
static void
table_drop_row(struct table *t)
{
	size_t i;

	t->rows--;
	for (i = 0; i < t->columns; i++)
		cell_clear(&t->cells[t->rows * t->columns + i]);
}

static void
cell_set_text(struct cell *c, const char *text)
{
	cell_clear(c);
	c->kind = CELL_TEXT;
	c->text = xstrdup(text != NULL ? text : "");
}

/* A figure as the report gives it: a number, a suppression label, or
 * null (a median of too few). */
static void
cell_set_value(struct cell *c, const json_t *value)
{
	cell_clear(c);
	if (json_is_integer(value)) {
		c->kind = CELL_NUMBER;
		c->number = json_integer_value(value);
	} else if (json_is_real(value)) {
		/* Not in a report casekit writes (days and counts are whole),
		 * but rounded rather than dropped. */
		double x = json_real_value(value);

		if (x > -1e15 && x < 1e15) {
			c->kind = CELL_NUMBER;
			c->number = (long long)(x < 0 ? x - 0.5 : x + 0.5);
		}
	} else if (json_is_string(value) && json_string_length(value) > 0) {
		c->kind = CELL_SUPPRESSED;
		c->text = xstrdup(json_string_value(value));
	} else if (json_is_null(value)) {
		c->kind = CELL_DASH;
	}
}

/* PART of WHOLE in whole percent, only when both are plain numbers: a
 * share of "<5" would tell what "<5" hides. */
static void
cell_set_share(struct cell *c, const json_t *part, const json_t *whole)
{
	long long p, w;

	cell_clear(c);
	if (part == NULL && whole == NULL)
		return;
	c->kind = CELL_DASH;
	if (!json_is_integer(part) || !json_is_integer(whole))
		return;
	p = json_integer_value(part);
	w = json_integer_value(whole);
	if (w <= 0 || p < 0 || p > w)
		return;
	c->kind = CELL_PERCENT;
	c->number = (long long)((double)p * 100.0 / (double)w + 0.5);
}

/* ---------------------------------------------------------------------
 * Reading the report
 */

#define PATH_STEPS 8

/* Members from an object of the report down to a figure. */
struct path {
	const char *step[PATH_STEPS + 1];
	size_t count;
};

static struct path
path_of(const struct path *base, const char *step)
{
	struct path p = *base;

	if (p.count < PATH_STEPS)
		p.step[p.count++] = step;
	p.step[p.count] = NULL;
	return p;
}

static const json_t *
at(const json_t *value, const struct path *path)
{
	size_t i;

	for (i = 0; i < path->count && value != NULL; i++)
		value = json_object_get(value, path->step[i]);
	return value;
}

/* A figure of the report: its member and its label (N_); a share when
 * PER is set: KEY per PER. */
struct figure {
	const char *key;
	const char *label;
	const char *per;
};

/* The label of KEY among KNOWN (translated), else NULL. */
static const char *
label_of(const struct figure *known, size_t count, const char *key)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (known[i].per == NULL && strcmp(known[i].key, key) == 0)
			return known[i].label[0] != '\0' ? _(known[i].label) : "";
	return NULL;
}

/* KNOWN's keys first (those present in SEEN), then SEEN's others in the
 * order first met: a new array of the keys. */
static json_t *
ordered(const json_t *seen, const struct figure *known, size_t count)
{
	json_t *keys = json_array();
	const char *key;
	json_t *value;
	size_t i;

	oom_unless(keys != NULL);
	for (i = 0; i < count; i++)
		if (known[i].per == NULL && json_object_get(seen, known[i].key) != NULL)
			oom_unless(json_array_append_new(keys, json_string(known[i].key)) == 0);
	json_object_foreach((json_t *)seen, key, value)
		if (label_of(known, count, key) == NULL)
			oom_unless(json_array_append_new(keys, json_string(key)) == 0);
	return keys;
}

static const struct figure bases[] = {
	{ "law", N_("law"), NULL },
	{ "recommendation", N_("recommendation"), NULL },
	{ "local", N_("local standard"), NULL },
};

static const struct figure statuses[] = {
	{ "missing", N_("missing"), NULL },
	{ "overdue", N_("overdue"), NULL },
	{ "due", N_("due"), NULL },
	{ "waived", N_("waived"), NULL },
};

static const struct figure measures[] = {
	{ "aware_to_assessment_started", N_("aware to assessment started"), NULL },
	{ "aware_to_child_assessment_done", N_("aware to child assessment done"), NULL },
	{ "applied_to_decided", N_("application to decision"), NULL },
	{ "decided_to_started", N_("decision to help started"), NULL },
};

/* The figures of a response time: rows with groups; columns without,
 * under the shorter heads of time_heads. */
static const struct figure time_figures[] = {
	{ "n", N_("finished"), NULL },
	{ "within", N_("within deadline"), NULL },
	{ "late", N_("late"), NULL },
	{ "within", N_("percent within deadline"), "n" },
	{ "median_days", N_("median days"), NULL },
	{ "p90_days", N_("90th percentile, days"), NULL },
};

static const char *const time_heads[] = {
	/* TRANSLATORS: column heads of the response-time table, short
	   for a terminal: units finished, finished within the deadline,
	   late, the percentage within, median days, 90th percentile in
	   days. */
	N_("finished"), N_("within"), N_("late"), N_("pct. within"), N_("median"),
	N_("90th pct.")
};

static const struct figure kinds[] = {
	{ "daycare", N_("daycare"), NULL },
	{ "kindergarten", N_("kindergarten"), NULL },
	{ "school", N_("school"), NULL },
	{ "youth-education", N_("youth education"), NULL },
	{ "adult", N_("adulthood"), NULL },
	{ "own-home", N_("own home"), NULL },
	{ "job", N_("job"), NULL },
};

#define COUNT(array) (sizeof (array) / sizeof (array)[0])

static const char *
label_or_key(const struct figure *known, size_t count, const char *key)
{
	const char *label = label_of(known, count, key);

	return label != NULL ? label : key;
}

/* The month ENTRY months after AS_OF's as YYYY-MM (entry 0 is AS_OF's
 * calendar month). New string. */
static char *
month_label(const char *as_of, size_t entry)
{
	int year, month;

	if (as_of == NULL || sscanf(as_of, "%4d-%2d", &year, &month) != 2 ||
	    month < 1 || month > 12)
		return format("+%zu", entry);
	month = month - 1 + (int)(entry % 12);
	year += (int)(entry / 12) + month / 12;
	return format("%04d-%02d", year, month % 12 + 1);
}

/* ---------------------------------------------------------------------
 * Columns: one per group and the total, or the report's only
 */

struct columns {
	size_t count;
	const json_t **source;      /* the object each column's figures are in */
	const char **head;
};

/* The columns of a section MEMBER: grouped when a group has it (with
 * the total when the report has it too), else the report's figures
 * under SINGLE. */
static void
columns_init(struct columns *cols, const json_t *report, const char *member, const char *single)
{
	json_t *groups = json_object_get(report, "groups");
	const char *key;
	json_t *group;
	bool grouped = false;

	cols->count = 0;
	cols->source = xcalloc(json_object_size(groups) + 1, sizeof *cols->source);
	cols->head = xcalloc(json_object_size(groups) + 1, sizeof *cols->head);
	json_object_foreach(groups, key, group)
		if (json_object_get(group, member) != NULL)
			grouped = true;
	if (!grouped) {
		cols->source[0] = report;
		cols->head[0] = single;
		cols->count = 1;
		return;
	}
	json_object_foreach(groups, key, group) {
		cols->source[cols->count] = group;
		cols->head[cols->count++] = *key != '\0' ? key : _("(none)");
	}
	if (json_object_get(report, member) != NULL) {
		cols->source[cols->count] = report;
		cols->head[cols->count++] = _("total");
	}
}

static void
columns_free(struct columns *cols)
{
	free(cols->source);
	free(cols->head);
}

/* The header: HEADS of the label columns, then the columns' heads; or,
 * with COLS NULL, HEADS of every column. */
static void
table_head(struct table *t, const char *const *heads, const struct columns *cols)
{
	size_t i;

	for (i = 0; i < (cols != NULL ? t->labels : t->columns); i++)
		cell_set_text(&t->cells[i], heads[i]);
	for (i = 0; cols != NULL && i < cols->count; i++)
		cell_set_text(&t->cells[t->labels + i], cols->head[i]);
}

/* The members of the objects at PATH in the columns, in the order first
 * met: a new object used as a set. */
static json_t *
members_at(const struct columns *cols, const struct path *path)
{
	json_t *seen = json_object();
	const char *key;
	json_t *value;
	size_t i;

	oom_unless(seen != NULL);
	for (i = 0; i < cols->count; i++)
		json_object_foreach((json_t *)at(cols->source[i], path), key, value)
			oom_unless(json_object_set_new(seen, key, json_true()) == 0);
	return seen;
}

/* A row: LABELS, then in each column the figure at PATH (and at ENTRY
 * of the array there, when ENTRY >= 0). Dropped when no column has it. */
static void
add_figure(struct table *t, const struct columns *cols, const char *const *labels,
	   const struct path *path, long entry)
{
	struct cell *row = table_row(t);
	bool any = false;
	size_t i;

	for (i = 0; i < t->labels; i++)
		cell_set_text(&row[i], labels[i]);
	for (i = 0; i < cols->count; i++) {
		const json_t *value = at(cols->source[i], path);

		if (entry >= 0)
			value = json_array_get(value, (size_t)entry);
		cell_set_value(&row[t->labels + i], value);
		if (row[t->labels + i].kind != CELL_EMPTY)
			any = true;
	}
	if (!any)
		table_drop_row(t);
}

/* A row of shares: PART per WHOLE in each column. */
static void
add_share(struct table *t, const struct columns *cols, const char *const *labels,
	  const struct path *part, const struct path *whole)
{
	struct cell *row = table_row(t);
	bool any = false;
	size_t i;

	for (i = 0; i < t->labels; i++)
		cell_set_text(&row[i], labels[i]);
	for (i = 0; i < cols->count; i++) {
		cell_set_share(&row[t->labels + i], at(cols->source[i], part),
			       at(cols->source[i], whole));
		if (row[t->labels + i].kind != CELL_EMPTY)
			any = true;
	}
	if (!any)
		table_drop_row(t);
}

/* Labels a member that is not among the known figures (new string). */
typedef char *label_fn(const char *key);

static char *
key_label(const char *key)
{
	return xstrdup(key);
}

static char *
closed_reason_label(const char *key)
{
	/* TRANSLATORS: %s is a closing reason as stored ("moved"). */
	return format(_("closed: %s"), key);
}

static char *
changes_label(const char *key)
{
	/* TRANSLATORS: %s is a number of caseworker changes ("3"). */
	return format(_("%s changes"), key);
}

/* Rows for the figures of the objects at BASE: KNOWN in its order (its
 * shares where they stand), then the other members, labelled by OTHER.
 * PREFIX labels the columns before the figure's own label. */
static void
add_figures(struct table *t, const struct columns *cols, const char *const *prefix,
	    const struct path *base, const struct figure *known, size_t count,
	    label_fn *other)
{
	json_t *seen = members_at(cols, base);
	const char *labels[PATH_STEPS];
	const char *key;
	json_t *value;
	size_t i, k = t->labels - 1;

	for (i = 0; i < k; i++)
		labels[i] = prefix[i];
	for (i = 0; i < count; i++) {
		struct path p = path_of(base, known[i].key);

		if (known[i].label[0] == '\0')
			continue;       /* shown otherwise */
		labels[k] = _(known[i].label);
		if (known[i].per != NULL) {
			struct path whole = path_of(base, known[i].per);

			add_share(t, cols, labels, &p, &whole);
		} else if (json_object_get(seen, known[i].key) != NULL) {
			add_figure(t, cols, labels, &p, -1);
		}
	}
	json_object_foreach(seen, key, value) {
		struct path p = path_of(base, key);
		char *label;

		if (label_of(known, count, key) != NULL)
			continue;
		label = other(key);
		labels[k] = label;
		add_figure(t, cols, labels, &p, -1);
		free(label);
	}
	json_decref(seen);
}

/* ---------------------------------------------------------------------
 * The tables of a report, section by section
 */

struct tables {
	struct table **list;
	size_t count;
};

static void
tables_add(struct tables *ts, struct table *t)
{
	ts->list = xreallocarray(ts->list, ts->count + 1, sizeof *ts->list);
	ts->list[ts->count++] = t;
}

static void
tables_free(struct tables *ts)
{
	size_t i;

	for (i = 0; i < ts->count; i++)
		table_free(ts->list[i]);
	free(ts->list);
}

static const struct path root = { { NULL }, 0 };

static char *
report_title(const json_t *report)
{
	const char *as_of = json_string_value(json_object_get(report, "as_of"));

	if (as_of == NULL)
		return xstrdup(_("Case report"));
	return format(_("Case report as of %s"), as_of);
}

/* As of, audience, grouping and the smallest count shown: the CSV's
 * first table, the text's and HTML's heading. */
static struct table *
about_table(const json_t *report)
{
	static const struct figure audiences[] = {
		{ "manager", N_("manager"), NULL },
		{ "committee", N_("committee"), NULL },
	};
	static const struct figure groupings[] = {
		{ "municipality", N_("municipality"), NULL },
		{ "team", N_("team"), NULL },
		{ "pathway", N_("pathway"), NULL },
		{ "coordinator", N_("coordinator"), NULL },
	};
	const char *head[] = { _("item"), _("value") };
	struct table *t = table_new(SECTION_ABOUT, report_title(report), 2, 0);
	const char *text;
	struct cell *row;

	t->headless = true;
	table_head(t, head, NULL);
	if ((text = json_string_value(json_object_get(report, "as_of"))) != NULL) {
		row = table_row(t);
		cell_set_text(&row[0], _("as of"));
		cell_set_text(&row[1], text);
	}
	if ((text = json_string_value(json_object_get(report, "audience"))) != NULL) {
		row = table_row(t);
		cell_set_text(&row[0], _("audience"));
		cell_set_text(&row[1], label_or_key(audiences, COUNT(audiences), text));
	}
	if ((text = json_string_value(json_object_get(report, "by"))) != NULL) {
		row = table_row(t);
		cell_set_text(&row[0], _("grouped by"));
		cell_set_text(&row[1], label_or_key(groupings, COUNT(groupings), text));
	}
	if (json_object_get(report, "min_cell") != NULL) {
		row = table_row(t);
		cell_set_text(&row[0], _("smallest count shown"));
		cell_set_value(&row[1], json_object_get(report, "min_cell"));
	}
	return t;
}

/* Open and closed cases, and why they closed. */
static struct table *
cases_table(const json_t *report)
{
	static const struct figure figures[] = {
		{ "open", N_("open"), NULL },
		{ "closed", N_("closed"), NULL },
		{ "opened_12m", N_("opened in the last 12 months"), NULL },
		{ "closed_12m", N_("closed in the last 12 months"), NULL },
		{ "closed_by_reason", "", NULL },   /* its own rows, below */
	};
	static const struct figure reasons[] = {
		{ "moved", N_("closed: moved away"), NULL },
		{ "turned-18", N_("closed: turned 18"), NULL },
		{ "no-need", N_("closed: no longer needed"), NULL },
		{ "died", N_("closed: died"), NULL },
		{ "other", N_("closed: other reason"), NULL },
	};
	struct path base = path_of(&root, "cases");
	struct path by_reason = path_of(&base, "closed_by_reason");
	const char *head[] = { _("figure") };
	struct columns cols;
	struct table *t;

	columns_init(&cols, report, "cases", _("cases"));
	t = table_new(SECTION_CASES, xstrdup(_("Cases")), 1, cols.count);
	table_head(t, head, &cols);
	add_figures(t, &cols, NULL, &base, figures, COUNT(figures), key_label);
	add_figures(t, &cols, NULL, &by_reason, reasons, COUNT(reasons), closed_reason_label);
	columns_free(&cols);
	return t;
}

/* A row of a measure's figures (n, within, …) from one object. */
static void
add_time_row(struct table *t, const char *const *labels, const json_t *measure)
{
	struct cell *row = table_row(t);
	bool any = false;
	size_t i;

	for (i = 0; i < t->labels; i++)
		cell_set_text(&row[i], labels[i]);
	for (i = 0; i < COUNT(time_figures); i++) {
		struct cell *c = &row[t->labels + i];

		if (time_figures[i].per != NULL)
			cell_set_share(c, json_object_get(measure, time_figures[i].key),
				       json_object_get(measure, time_figures[i].per));
		else
			cell_set_value(c, json_object_get(measure, time_figures[i].key));
		if (c->kind != CELL_EMPTY)
			any = true;
	}
	if (!any)
		table_drop_row(t);
}

/* Response times, each against its own deadline, and per paragraph.
 * Without groups a measure is a row of its figures; with groups a
 * figure is a row with a column per group. */
static struct table *
response_times_table(const json_t *report)
{
	struct path base = path_of(&root, "response_times");
	struct columns cols;
	struct table *t;
	json_t *seen, *keys, *key;
	size_t i;

	columns_init(&cols, report, "response_times", NULL);
	seen = members_at(&cols, &base);
	keys = ordered(seen, measures, COUNT(measures));
	if (cols.count == 1) {
		const json_t *all = json_object_get(report, "response_times");
		const char *head[2 + COUNT(time_figures)] = { _("measure"), _("paragraph") };

		t = table_new(SECTION_RESPONSE_TIMES, xstrdup(_("Response times (days)")), 2,
			      COUNT(time_figures));
		for (i = 0; i < COUNT(time_figures); i++)
			head[2 + i] = _(time_heads[i]);
		table_head(t, head, NULL);
		json_array_foreach(keys, i, key) {
			const char *name = json_string_value(key);
			const json_t *measure = json_object_get(all, name);
			const json_t *paragraphs = json_object_get(measure, "by_paragraph");
			const char *labels[2] = {
				label_or_key(measures, COUNT(measures), name),
				/* TRANSLATORS: the row of all paragraphs together. */
				_("all")
			};
			const char *paragraph;
			json_t *figures;

			add_time_row(t, labels, measure);
			json_object_foreach((json_t *)paragraphs, paragraph, figures) {
				labels[1] = paragraph;
				add_time_row(t, labels, figures);
			}
		}
	} else {
		const char *head[] = { _("measure"), _("paragraph"), _("figure") };

		t = table_new(SECTION_RESPONSE_TIMES, xstrdup(_("Response times (days)")), 3,
			      cols.count);
		table_head(t, head, &cols);
		json_array_foreach(keys, i, key) {
			const char *name = json_string_value(key);
			struct path measure = path_of(&base, name);
			struct path by_paragraph = path_of(&measure, "by_paragraph");
			const char *prefix[2] = {
				label_or_key(measures, COUNT(measures), name), _("all")
			};
			json_t *paragraphs = members_at(&cols, &by_paragraph);
			const char *paragraph;
			json_t *yes;

			/* by_paragraph is no figure: its row is dropped. */
			add_figures(t, &cols, prefix, &measure, time_figures, COUNT(time_figures),
				    key_label);
			json_object_foreach(paragraphs, paragraph, yes) {
				struct path p = path_of(&by_paragraph, paragraph);

				prefix[1] = paragraph;
				add_figures(t, &cols, prefix, &p, time_figures,
					    COUNT(time_figures), key_label);
			}
			json_decref(paragraphs);
		}
	}
	json_decref(keys);
	json_decref(seen);
	columns_free(&cols);
	return t;
}

/* Findings per rule and status, counting cases, by basis. Without groups
 * a rule is a row of its statuses; with groups (manager) a rule's status
 * is a row with a column per group. */
static struct table *
rules_table(const json_t *report)
{
	struct path base = path_of(&root, "rules");
	struct columns cols;
	struct table *t;
	json_t *basis_seen, *basis_keys, *basis_key;
	size_t b, r;

	columns_init(&cols, report, "rules", NULL);
	basis_seen = members_at(&cols, &base);
	basis_keys = ordered(basis_seen, bases, COUNT(bases));
	if (cols.count == 1) {
		/* The statuses met, as columns. */
		json_t *status_seen = json_object(), *status_keys, *status_key;
		const char **head;
		const char *basis;
		json_t *rules;

		oom_unless(status_seen != NULL);
		json_object_foreach(json_object_get(report, "rules"), basis, rules) {
			const char *rule;
			json_t *counts;

			json_object_foreach(rules, rule, counts) {
				const char *status;
				json_t *count;

				json_object_foreach(counts, status, count)
					oom_unless(json_object_set_new(status_seen, status,
								       json_true()) == 0);
			}
		}
		for (r = 0; r < COUNT(statuses); r++)
			oom_unless(json_object_set_new(status_seen, statuses[r].key,
						       json_true()) == 0);
		status_keys = ordered(status_seen, statuses, COUNT(statuses));
		t = table_new(SECTION_RULES, xstrdup(_("Findings per rule (cases)")), 2,
			      json_array_size(status_keys));
		head = xcalloc(t->columns, sizeof *head);
		head[0] = _("basis");
		head[1] = _("rule");
		json_array_foreach(status_keys, r, status_key)
			head[2 + r] = label_or_key(statuses, COUNT(statuses),
						   json_string_value(status_key));
		table_head(t, head, NULL);
		free(head);
		json_array_foreach(basis_keys, b, basis_key) {
			const char *name = json_string_value(basis_key);
			const char *rule;
			json_t *counts;

			json_object_foreach(json_object_get(json_object_get(report, "rules"), name),
					    rule, counts) {
				struct cell *row = table_row(t);

				cell_set_text(&row[0], label_or_key(bases, COUNT(bases), name));
				cell_set_text(&row[1], rule);
				json_array_foreach(status_keys, r, status_key)
					cell_set_value(&row[2 + r],
						       json_object_get(counts,
								       json_string_value(status_key)));
			}
		}
		json_decref(status_keys);
		json_decref(status_seen);
	} else {
		const char *head[] = { _("basis"), _("rule"), _("status") };

		t = table_new(SECTION_RULES, xstrdup(_("Findings per rule (cases)")), 3, cols.count);
		table_head(t, head, &cols);
		json_array_foreach(basis_keys, b, basis_key) {
			const char *name = json_string_value(basis_key);
			struct path basis = path_of(&base, name);
			json_t *rules = members_at(&cols, &basis);
			const char *rule;
			json_t *yes;

			json_object_foreach(rules, rule, yes) {
				const char *prefix[2] = { label_or_key(bases, COUNT(bases), name), rule };
				struct path p = path_of(&basis, rule);

				add_figures(t, &cols, prefix, &p, statuses, COUNT(statuses),
					    key_label);
			}
			json_decref(rules);
		}
	}
	json_decref(basis_keys);
	json_decref(basis_seen);
	columns_free(&cols);
	return t;
}

/* The committee's groups: findings per basis and status, all rules
 * together. The total column only when the report gives the totals. */
static struct table *
rule_totals_table(const json_t *report)
{
	struct path base = path_of(&root, "rule_totals");
	const char *head[] = { _("basis"), _("status") };
	struct columns cols;
	struct table *t;
	json_t *seen, *keys, *key;
	size_t i;

	columns_init(&cols, report, "rule_totals", _("cases"));
	t = table_new(SECTION_RULE_TOTALS, xstrdup(_("Findings per basis (cases)")), 2,
		      cols.count);
	table_head(t, head, &cols);
	seen = members_at(&cols, &base);
	keys = ordered(seen, bases, COUNT(bases));
	json_array_foreach(keys, i, key) {
		const char *name = json_string_value(key);
		const char *prefix[1] = { label_or_key(bases, COUNT(bases), name) };
		struct path p = path_of(&base, name);

		add_figures(t, &cols, prefix, &p, statuses, COUNT(statuses), key_label);
	}
	json_decref(keys);
	json_decref(seen);
	columns_free(&cols);
	return t;
}

/* A table of the figures of one object (adult readiness, continuity,
 * involvement): a row per figure. */
static struct table *
figures_table(const json_t *report, enum section section, const char *title,
	      const struct path *base, const struct figure *known, size_t count,
	      label_fn *other, const char *single)
{
	const char *head[] = { _("figure") };
	struct columns cols;
	struct table *t;

	columns_init(&cols, report, base->step[0], single);
	t = table_new(section, xstrdup(title), 1, cols.count);
	table_head(t, head, &cols);
	add_figures(t, &cols, NULL, base, known, count, other);
	columns_free(&cols);
	return t;
}

/* Transitions due per month, by kind: without groups a month is a row
 * with a column per kind; with groups a kind's month is a row. */
static struct table *
transitions_table(const json_t *report)
{
	const char *as_of = json_string_value(json_object_get(report, "as_of"));
	struct path base = path_of(&root, "transitions");
	struct columns cols;
	struct table *t;
	json_t *seen, *keys, *key;
	size_t months = 0, i, k;
	const char *name;
	json_t *counts;

	columns_init(&cols, report, "transitions", NULL);
	seen = members_at(&cols, &base);
	keys = ordered(seen, kinds, COUNT(kinds));
	for (i = 0; i < cols.count; i++)
		json_object_foreach((json_t *)at(cols.source[i], &base), name, counts)
			if (json_array_size(counts) > months)
				months = json_array_size(counts);
	if (cols.count == 1) {
		const json_t *all = json_object_get(report, "transitions");
		const char **head;

		t = table_new(SECTION_TRANSITIONS, xstrdup(_("Transitions due per month")), 1,
			      json_array_size(keys));
		head = xcalloc(t->columns, sizeof *head);
		head[0] = _("month");
		json_array_foreach(keys, k, key)
			head[1 + k] = label_or_key(kinds, COUNT(kinds), json_string_value(key));
		table_head(t, head, NULL);
		free(head);
		for (i = 0; i < months; i++) {
			struct cell *row = table_row(t);
			char *month = month_label(as_of, i);

			cell_set_text(&row[0], month);
			free(month);
			json_array_foreach(keys, k, key)
				cell_set_value(&row[1 + k],
					       json_array_get(json_object_get(all,
									      json_string_value(key)),
							      i));
		}
	} else {
		const char *head[] = { _("kind"), _("month") };

		t = table_new(SECTION_TRANSITIONS, xstrdup(_("Transitions due per month")), 2,
			      cols.count);
		table_head(t, head, &cols);
		json_array_foreach(keys, k, key) {
			struct path p = path_of(&base, json_string_value(key));

			for (i = 0; i < months; i++) {
				char *month = month_label(as_of, i);
				const char *labels[2] = {
					label_or_key(kinds, COUNT(kinds), json_string_value(key)), month
				};

				add_figure(t, &cols, labels, &p, (long)i);
				free(month);
			}
		}
	}
	json_decref(keys);
	json_decref(seen);
	columns_free(&cols);
	return t;
}

/* Whom the caseload of an entry is counted for: "team" (committee) or
 * "coordinator" (manager). */
static bool
caseload_by_team(const json_t *caseload)
{
	const json_t *entry;
	size_t i;

	json_array_foreach((json_t *)caseload, i, entry)
		if (json_object_get(entry, "team") != NULL)
			return true;
	return false;
}

/* Open cases per coordinator (manager) or per team (committee). */
static struct table *
caseload_table(const json_t *report)
{
	const json_t *caseload = json_object_get(report, "caseload");
	bool by_team = caseload_by_team(caseload);
	const char *head[] = { by_team ? _("team") : _("coordinator"), _("open cases") };
	struct table *t;
	const json_t *entry;
	size_t i;

	t = table_new(SECTION_CASELOAD,
		      xstrdup(by_team ? _("Caseload per team") : _("Caseload per coordinator")),
		      1, 1);
	table_head(t, head, NULL);
	json_array_foreach((json_t *)caseload, i, entry) {
		const char *who = json_string_value(json_object_get(entry, by_team ? "team"
								     : "coordinator"));
		struct cell *row = table_row(t);

		cell_set_text(&row[0], who != NULL ? who
			      : by_team ? _("(no team)") : _("(no coordinator)"));
		cell_set_value(&row[1], json_object_get(entry, "cases"));
	}
	return t;
}

/* A section is shown when the report or a group has it. */
static bool
has_section(const json_t *report, const char *member)
{
	const char *key;
	json_t *group;

	if (json_object_get(report, member) != NULL)
		return true;
	json_object_foreach(json_object_get(report, "groups"), key, group)
		if (json_object_get(group, member) != NULL)
			return true;
	return false;
}

static void
build_tables(struct tables *ts, const json_t *report)
{
	static const struct figure adult[] = {
		{ "aged_17_plus", N_("aged 17 or more"), NULL },
		{ "without_decisions_ready", N_("adult decisions not ready"), NULL },
	};
	static const struct figure changes[] = {
		{ "0", N_("no change"), NULL },
		{ "1", N_("one change"), NULL },
		{ "2+", N_("two or more changes"), NULL },
	};
	static const struct figure involvement[] = {
		{ "decisions_decided", N_("decisions decided"), NULL },
		{ "child_heard", N_("decisions with the child heard"), NULL },
		{ "child_heard", N_("percent of decisions with the child heard"), "decisions_decided" },
		{ "not_required", N_("decisions where hearing the child was not required"), NULL },
		{ "family_view_12m", N_("cases with the family's view in the last 12 months"), NULL },
	};
	struct path p;

	ts->list = NULL;
	ts->count = 0;
	tables_add(ts, about_table(report));
	if (has_section(report, "cases"))
		tables_add(ts, cases_table(report));
	if (has_section(report, "response_times"))
		tables_add(ts, response_times_table(report));
	if (has_section(report, "rules"))
		tables_add(ts, rules_table(report));
	if (has_section(report, "rule_totals"))
		tables_add(ts, rule_totals_table(report));
	if (has_section(report, "adult_readiness")) {
		p = path_of(&root, "adult_readiness");
		tables_add(ts, figures_table(report, SECTION_ADULT_READINESS,
					     _("Young people aged 17 or more"), &p, adult,
					     COUNT(adult), key_label, _("cases")));
	}
	if (has_section(report, "transitions"))
		tables_add(ts, transitions_table(report));
	if (has_section(report, "continuity")) {
		struct path q = path_of(&root, "continuity");

		p = path_of(&q, "caseworker_changes_12m");
		tables_add(ts, figures_table(report, SECTION_CONTINUITY,
					     _("Changes of caseworker in the last 12 months (open cases)"),
					     &p, changes, COUNT(changes), changes_label,
					     _("cases")));
	}
	if (has_section(report, "involvement")) {
		p = path_of(&root, "involvement");
		tables_add(ts, figures_table(report, SECTION_INVOLVEMENT, _("Involvement"), &p,
					     involvement, COUNT(involvement), key_label,
					     _("count")));
	}
	if (json_is_array(json_object_get(report, "caseload")))
		tables_add(ts, caseload_table(report));
}

/* ---------------------------------------------------------------------
 * Text
 */

#define NUMBER_SIZE 64

/* A cell as text and HTML show it: numbers as the locale writes them. */
static const char *
cell_display(const struct cell *c, char *buf)
{
	switch (c->kind) {
	case CELL_NUMBER:
		snprintf(buf, NUMBER_SIZE, "%'lld", c->number);
		return buf;
	case CELL_PERCENT:
		snprintf(buf, NUMBER_SIZE, "%lld%%", c->number);
		return buf;
	case CELL_DASH:
		return "\xe2\x80\x93";        /* EN DASH */
	case CELL_TEXT:
	case CELL_SUPPRESSED:
		return c->text;
	case CELL_EMPTY:
		break;
	}
	return "";
}

/* Writes TEXT after the spaces still owed: spaces are owed, not
 * written, so that a line ends without them. */
static void
put_cell_text(struct out *o, const char *text, size_t *spaces)
{
	if (*text == '\0')
		return;
	for (; *spaces > 0 && o->ok; (*spaces)--)
		if (putc(' ', o->file) == EOF)
			o->ok = false;
	put_plain(o, text);
}

/* The title, then the columns aligned by characters: labels to the
 * left, figures to the right, a rule under the header. */
static void
write_table_text(struct out *o, const struct table *t)
{
	size_t *width = xcalloc(t->columns, sizeof *width);
	char buf[NUMBER_SIZE];
	size_t r, c, first = t->headless ? 1 : 0;

	for (r = first; r < t->rows; r++)
		for (c = 0; c < t->columns; c++) {
			size_t w = ck_text_width(cell_display(&t->cells[r * t->columns + c], buf));

			if (w > width[c])
				width[c] = w;
		}
	put_plain(o, t->title);
	put(o, "\n");
	if (t->rows == 1 && !t->headless) {
		put(o, _("(none)"));
		put(o, "\n");
	}
	for (r = t->rows > 1 ? first : t->rows; r < t->rows; r++) {
		size_t spaces = 0;

		for (c = 0; c < t->columns; c++) {
			const char *text = cell_display(&t->cells[r * t->columns + c], buf);
			size_t pad = width[c] - ck_text_width(text);

			if (c > 0)
				spaces += 2;
			if (c < t->labels) {
				put_cell_text(o, text, &spaces);
				spaces += pad;
			} else {
				spaces += pad;
				put_cell_text(o, text, &spaces);
			}
		}
		put(o, "\n");
		if (r == 0) {
			for (c = 0; c < t->columns; c++) {
				size_t k;

				if (c > 0)
					put(o, "  ");
				for (k = 0; k < width[c]; k++)
					put(o, "-");
			}
			put(o, "\n");
		}
	}
	free(width);
}

bool
ck_report_write_text(FILE *out, const json_t *report)
{
	struct out o = { out, true };
	struct tables ts;
	size_t i;

	build_tables(&ts, report);
	for (i = 0; i < ts.count; i++) {
		if (i > 0)
			put(&o, "\n");
		write_table_text(&o, ts.list[i]);
	}
	tables_free(&ts);
	return finish(&o);
}

/* ---------------------------------------------------------------------
 * CSV
 */

bool
ck_report_write_csv(FILE *out, const json_t *report, char delimiter, bool bom)
{
	struct out o = { out, true };
	struct tables ts;
	size_t i, r, c;

	build_tables(&ts, report);
	if (bom)
		put(&o, "\xEF\xBB\xBF");
	for (i = 0; i < ts.count && o.ok; i++) {
		const struct table *t = ts.list[i];
		const char **cells = xcalloc(t->columns, sizeof *cells);
		bool *numeric = xcalloc(t->columns, sizeof *numeric);
		char (*numbers)[NUMBER_SIZE] = xcalloc(t->columns, sizeof *numbers);
		const char *title = t->title;

		if (i > 0)
			put(&o, "\r\n");
		if (o.ok && !ck_csv_write_row(out, delimiter, &title, NULL, 1))
			o.ok = false;
		for (r = 0; r < t->rows && o.ok; r++) {
			for (c = 0; c < t->columns; c++) {
				const struct cell *cell = &t->cells[r * t->columns + c];

				numeric[c] = false;
				cells[c] = NULL;
				switch (cell->kind) {
				case CELL_NUMBER:
				case CELL_PERCENT:
					/* Plain, whatever the locale: a spreadsheet
					 * reads it as a number. */
					snprintf(numbers[c], NUMBER_SIZE, "%lld", cell->number);
					cells[c] = numbers[c];
					numeric[c] = true;
					break;
				case CELL_TEXT:
				case CELL_SUPPRESSED:
					cells[c] = cell->text;
					break;
				case CELL_EMPTY:
				case CELL_DASH:
					break;
				}
			}
			if (!ck_csv_write_row(out, delimiter, cells, numeric, t->columns))
				o.ok = false;
		}
		free(cells);
		free(numeric);
		free(numbers);
	}
	tables_free(&ts);
	return finish(&o);
}

/* ---------------------------------------------------------------------
 * HTML and its charts
 */

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",sans-serif;margin:2em auto;"
	"max-width:70em;padding:0 1em;color:#222;background:#fff}\n"
	"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\n"
	"table{border-collapse:collapse;margin:.5em 0 1em}\n"
	"th,td{padding:.2em .7em;border-bottom:1px solid #ddd;text-align:left;"
	"vertical-align:top}\n"
	"th{border-bottom:2px solid #999}\n"
	"th.n,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"td.s{font-style:italic;color:#555}\n"
	"figure{margin:1em 0 2em}figcaption{font-weight:bold;margin-bottom:.4em}\n"
	"svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#222}\n"
	"svg text.s{font-style:italic;fill:#555}svg text.small{font-size:10px}\n"
	"p.note{color:#555}\n"
	"@media print{h2{break-after:avoid}figure,table{break-inside:avoid}}\n";

static void
write_cell_html(struct out *o, const struct cell *c, bool figure, bool head)
{
	char buf[NUMBER_SIZE];
	const char *tag = head ? "th" : "td";

	if (!figure)
		putf(o, "<%s>", tag);
	else if (c->kind == CELL_SUPPRESSED)
		putf(o, "<%s class=\"n s\">", tag);
	else
		putf(o, "<%s class=\"n\">", tag);
	put_html(o, cell_display(c, buf));
	putf(o, "</%s>", tag);
}

static void
write_table_html(struct out *o, const struct table *t)
{
	size_t r, c;

	if (t->rows == 1) {
		putf(o, "<p class=\"note\">");
		put_html(o, _("(none)"));
		put(o, "</p>\n");
		return;
	}
	put(o, "<table>\n");
	if (!t->headless) {
		put(o, "<thead><tr>");
		for (c = 0; c < t->columns; c++)
			write_cell_html(o, &t->cells[c], c >= t->labels, true);
		put(o, "</tr></thead>\n");
	}
	put(o, "<tbody>\n");
	for (r = 1; r < t->rows; r++) {
		put(o, "<tr>");
		for (c = 0; c < t->columns; c++)
			write_cell_html(o, &t->cells[r * t->columns + c],
					c >= t->labels && !t->headless, false);
		put(o, "</tr>\n");
	}
	put(o, "</tbody>\n</table>\n");
}

struct series {
	const char *label;
	const char *color;
};

#define CHART_WIDTH 760
#define CHART_LABELS 250            /* the category labels, right-aligned */
#define CHART_BARS 430              /* the longest bar */
#define CHART_BAR 14
#define CHART_LABEL_CHARS 34

/* The largest plain number among N values (0 when there is none). */
static long long
largest(const json_t *const *values, size_t n)
{
	long long max = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (json_is_integer(values[i]) && json_integer_value(values[i]) > max)
			max = json_integer_value(values[i]);
	return max;
}

/* A value's label beside (or instead of) its bar: a number as the
 * locale writes it, a suppression label as it is, "–" for null. */
static void
put_value_label(struct out *o, const json_t *value, int x, int y, const char *anchor)
{
	if (json_is_integer(value)) {
		putf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%'lld</text>\n", x, y, anchor,
		     (long long)json_integer_value(value));
	} else if (json_is_string(value)) {
		putf(o, "<text class=\"s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
		put_html(o, json_string_value(value));
		put(o, "</text>\n");
	} else if (json_is_null(value)) {
		putf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">\xe2\x80\x93</text>\n", x, y,
		     anchor);
	}
}

static void
svg_open(struct out *o, const char *id, const char *title, int width, int height)
{
	put(o, "<figure>\n<figcaption>");
	put_html(o, title);
	putf(o, "</figcaption>\n<svg class=\"chart\" id=\"%s\" width=\"%d\" height=\"%d\" "
	     "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", id, width, height, width, height);
	put_html(o, title);
	put(o, "\">\n");
}

static void
svg_close(struct out *o)
{
	put(o, "</svg>\n</figure>\n");
}

/* A horizontal bar chart: per category a bar for each series, scaled to
 * the largest plain number. VALUES[c * NSERIES + s]; NULL draws nothing.
 * A suppressed count has no bar, only its label: a bar of "<5" drawn as 5
 * would claim a number the report does not give. */
static void
svg_bar_chart(struct out *o, const char *id, const char *title, const struct series *series,
	      size_t nseries, size_t ncategories, const char *const *labels,
	      const json_t *const *values)
{
	long long max = largest(values, ncategories * nseries);
	int legend = nseries > 1 ? 26 : 4;     /* the legend, or a margin */
	int band = (int)nseries * (CHART_BAR + 2) + 10;
	int height = legend + (int)ncategories * band + 6;
	size_t c, s;

	svg_open(o, id, title, CHART_WIDTH, height);
	for (s = 0; nseries > 1 && s < nseries; s++) {
		int x = CHART_LABELS + (int)s * 150;

		putf(o, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>"
		     "<text x=\"%d\" y=\"15\">", x, series[s].color, x + 16);
		put_html(o, series[s].label);
		put(o, "</text>\n");
	}
	for (c = 0; c < ncategories; c++) {
		int y0 = legend + (int)c * band;
		char *label = truncated(labels[c], CHART_LABEL_CHARS);

		putf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", CHART_LABELS - 8,
		     y0 + ((int)nseries * (CHART_BAR + 2)) / 2 + 4);
		put_html(o, label);
		put(o, "</text>\n");
		free(label);
		for (s = 0; s < nseries; s++) {
			const json_t *value = values[c * nseries + s];
			int y = y0 + (int)s * (CHART_BAR + 2);
			int w = 0;

			if (value == NULL)
				continue;
			if (json_is_integer(value) && json_integer_value(value) > 0 && max > 0) {
				w = (int)(json_integer_value(value) * CHART_BARS / max);
				if (w < 1)
					w = 1;
				putf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				     "fill=\"%s\"><title>", CHART_LABELS, y, w, CHART_BAR,
				     series[s].color);
				put_html(o, series[s].label);
				put(o, "</title></rect>\n");
			}
			put_value_label(o, value, CHART_LABELS + w + 4, y + CHART_BAR - 3, "start");
		}
	}
	svg_close(o);
}

/* Within the deadline and late, per measure (the report's totals). */
static void
chart_response_times(struct out *o, const json_t *report)
{
	static const struct series series[] = {
		{ N_("within deadline"), "#1a9850" }, { N_("late"), "#d73027" }
	};
	const struct series translated[] = {
		{ _(series[0].label), series[0].color }, { _(series[1].label), series[1].color }
	};
	const json_t *all = json_object_get(report, "response_times");
	json_t *keys = ordered(all, measures, COUNT(measures)), *key;
	size_t n = json_array_size(keys), i;
	const char **labels = xcalloc(n, sizeof *labels);
	const json_t **values = xcalloc(n * 2, sizeof *values);

	json_array_foreach(keys, i, key) {
		const json_t *measure = json_object_get(all, json_string_value(key));

		labels[i] = label_or_key(measures, COUNT(measures), json_string_value(key));
		values[i * 2] = json_object_get(measure, "within");
		values[i * 2 + 1] = json_object_get(measure, "late");
	}
	if (n > 0)
		svg_bar_chart(o, "chart-response-times",
			      _("Finished within the deadline, and late"), translated, 2, n,
			      labels, values);
	free(labels);
	free(values);
	json_decref(keys);
}

/* Findings per rule and status, a chart per basis (the report's totals). */
static void
chart_rules(struct out *o, const json_t *report)
{
	static const char *const colors[] = { "#b2182b", "#ef8a62", "#67a9cf", "#999999" };
	struct series series[COUNT(statuses)];
	const json_t *all = json_object_get(report, "rules");
	json_t *keys = ordered(all, bases, COUNT(bases)), *key;
	size_t b, s;

	for (s = 0; s < COUNT(statuses); s++) {
		series[s].label = _(statuses[s].label);
		series[s].color = colors[s];
	}
	json_array_foreach(keys, b, key) {
		const char *name = json_string_value(key);
		const json_t *rules = json_object_get(all, name);
		size_t n = json_object_size(rules), r = 0;
		const char **labels = xcalloc(n, sizeof *labels);
		const json_t **values = xcalloc(n * COUNT(statuses), sizeof *values);
		const char *rule;
		json_t *counts;
		char *title, id[48];

		json_object_foreach((json_t *)rules, rule, counts) {
			labels[r] = rule;
			for (s = 0; s < COUNT(statuses); s++)
				values[r * COUNT(statuses) + s] = json_object_get(counts,
										  statuses[s].key);
			r++;
		}
		if (n > 0) {
			title = format(_("Findings per rule: %s"),
				       label_or_key(bases, COUNT(bases), name));
			snprintf(id, sizeof id, "chart-rules-%zu", b + 1);
			svg_bar_chart(o, id, title, series, COUNT(statuses), n, labels, values);
			free(title);
		}
		free(labels);
		free(values);
	}
	json_decref(keys);
}

#define MONTH_WIDTH 26
#define MONTH_LEFT 10
#define MONTH_PLOT 80               /* the tallest bar */
#define MONTH_BAND 160

/* Transitions due per month, a row of 24 bars per kind on one scale. */
static void
chart_transitions(struct out *o, const json_t *report)
{
	const char *as_of = json_string_value(json_object_get(report, "as_of"));
	const json_t *all = json_object_get(report, "transitions");
	json_t *keys = ordered(all, kinds, COUNT(kinds)), *key;
	size_t months = 0, k, i;
	long long max = 0;
	const char *name;
	json_t *counts, *value;
	int width;

	json_object_foreach((json_t *)all, name, counts) {
		if (json_array_size(counts) > months)
			months = json_array_size(counts);
		json_array_foreach(counts, i, value)
			if (json_is_integer(value) && json_integer_value(value) > max)
				max = json_integer_value(value);
	}
	if (months == 0 || json_array_size(keys) == 0) {
		json_decref(keys);
		return;
	}
	width = 2 * MONTH_LEFT + (int)months * MONTH_WIDTH;
	svg_open(o, "chart-transitions", _("Transitions due per month"), width,
		 (int)json_array_size(keys) * MONTH_BAND);
	json_array_foreach(keys, k, key) {
		int y0 = (int)k * MONTH_BAND, base = y0 + 34 + MONTH_PLOT;

		counts = json_object_get(all, json_string_value(key));
		putf(o, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">", MONTH_LEFT, y0 + 14);
		put_html(o, label_or_key(kinds, COUNT(kinds), json_string_value(key)));
		put(o, "</text>\n");
		putf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
		     MONTH_LEFT, base, width - MONTH_LEFT, base);
		for (i = 0; i < months; i++) {
			int x = MONTH_LEFT + (int)i * MONTH_WIDTH, h;
			char *month = month_label(as_of, i);

			value = json_array_get(counts, i);
			if (json_is_integer(value) && json_integer_value(value) > 0 && max > 0) {
				h = (int)(json_integer_value(value) * MONTH_PLOT / max);
				if (h < 1)
					h = 1;
				putf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				     "fill=\"#4575b4\"><title>", x + 3, base - h, MONTH_WIDTH - 6, h);
				put_html(o, month);
				put(o, "</title></rect>\n");
				putf(o, "<text class=\"small\" x=\"%d\" y=\"%d\" "
				     "text-anchor=\"middle\">%'lld</text>\n", x + MONTH_WIDTH / 2,
				     base - h - 3, (long long)json_integer_value(value));
			} else if (json_is_string(value)) {
				putf(o, "<text class=\"small s\" x=\"%d\" y=\"%d\" "
				     "text-anchor=\"middle\">", x + MONTH_WIDTH / 2, base - 3);
				put_html(o, json_string_value(value));
				put(o, "</text>\n");
			}
			/* The month under each bar, the year under the first
			 * and under each January. */
			if (strlen(month) == 7) {
				putf(o, "<text class=\"small\" x=\"%d\" y=\"%d\" "
				     "text-anchor=\"middle\">%s</text>\n", x + MONTH_WIDTH / 2,
				     base + 12, month + 5);
				if (i == 0 || strcmp(month + 5, "01") == 0)
					putf(o, "<text class=\"small\" x=\"%d\" y=\"%d\" "
					     "text-anchor=\"middle\">%.4s</text>\n",
					     x + MONTH_WIDTH / 2, base + 24, month);
			}
			free(month);
		}
	}
	svg_close(o);
	json_decref(keys);
}

/* Open cases per coordinator or team. */
static void
chart_caseload(struct out *o, const json_t *report)
{
	const json_t *caseload = json_object_get(report, "caseload");
	bool by_team = caseload_by_team(caseload);
	const struct series series[] = { { _("open cases"), "#4575b4" } };
	size_t n = json_array_size(caseload), i;
	const char **labels = xcalloc(n, sizeof *labels);
	const json_t **values = xcalloc(n, sizeof *values);
	const json_t *entry;

	json_array_foreach((json_t *)caseload, i, entry) {
		labels[i] = json_string_value(json_object_get(entry, by_team ? "team"
							      : "coordinator"));
		if (labels[i] == NULL)
			labels[i] = by_team ? _("(no team)") : _("(no coordinator)");
		values[i] = json_object_get(entry, "cases");
	}
	if (n > 0)
		svg_bar_chart(o, "chart-caseload",
			      by_team ? _("Caseload per team") : _("Caseload per coordinator"),
			      series, 1, n, labels, values);
	free(labels);
	free(values);
}

bool
ck_report_write_html(FILE *out, const json_t *report)
{
	struct out o = { out, true };
	struct tables ts;
	size_t i;

	build_tables(&ts, report);
	putf(&o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	     "<title>", ck_language());
	put_html(&o, ts.list[0]->title);
	putf(&o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
	for (i = 0; i < ts.count; i++) {
		const struct table *t = ts.list[i];

		if (t->section == SECTION_ABOUT) {
			put(&o, "<header>\n<h1>");
			put_html(&o, t->title);
			put(&o, "</h1>\n");
			if (t->rows > 1)
				write_table_html(&o, t);
			put(&o, "</header>\n");
			continue;
		}
		put(&o, "<section>\n<h2>");
		put_html(&o, t->title);
		put(&o, "</h2>\n");
		write_table_html(&o, t);
		switch (t->section) {
		case SECTION_RESPONSE_TIMES:
			chart_response_times(&o, report);
			break;
		case SECTION_RULES:
			chart_rules(&o, report);
			break;
		case SECTION_TRANSITIONS:
			chart_transitions(&o, report);
			break;
		case SECTION_CASELOAD:
			chart_caseload(&o, report);
			break;
		default:
			break;
		}
		put(&o, "</section>\n");
	}
	put(&o, "</body>\n</html>\n");
	tables_free(&ts);
	return finish(&o);
}
