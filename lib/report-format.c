/* SPDX-License-Identifier: MPL-2.0 */
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

#define NUMBER_SIZE 64
/* A text report without --by fits a terminal of this many columns. */
#define TEXT_WIDTH 80
/* Label columns are wrapped down to this many characters, no narrower. */
#define LABEL_MIN 16

enum cell_kind {
	CELL_EMPTY,                 /* not in the report */
	CELL_DASH,                  /* a figure that cannot be given: a null
				       median (n < 20), a share of a
				       suppressed count, a change from one */
	CELL_NUMBER,
	CELL_PERCENT,               /* a share, in whole percent */
	CELL_CHANGE,                /* a change from the previous period: signed */
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
	SECTION_LEGEND,
	SECTION_CASES,
	SECTION_RESPONSE_TIMES,
	SECTION_RULES,
	SECTION_RULE_TOTALS,
	SECTION_ADULT_READINESS,
	SECTION_TRANSITIONS,
	SECTION_CONTINUITY,
	SECTION_INVOLVEMENT,
	SECTION_COMPLAINTS,
	SECTION_CASELOAD
};

/* A row of figures, or a heading over the rows that follow (its text in
 * the first cell): a measure and its deadline, a rule and its source. */
enum row_kind { ROW_DATA, ROW_HEADING };

struct table {
	enum section section;
	char *title;
	size_t columns;
	size_t labels;              /* the first LABELS columns name the row
				       (left-aligned); the rest are figures */
	bool headless;              /* text and HTML leave out the header */
	size_t groups;              /* the figure columns are of this many
				       --by groups (0: not grouped): HTML
				       turns a table of more than four */
	struct cell *cells;         /* row 0 is the header */
	unsigned char *row_kind;    /* enum row_kind of each row */
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
	t->row_kind = xcalloc(t->allocated, 1);
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
	free(t->row_kind);
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
		t->row_kind = xrealloc(t->row_kind, t->allocated * 2);
		memset(t->row_kind + t->allocated, 0, t->allocated);
		t->allocated *= 2;
	}
	t->row_kind[t->rows] = ROW_DATA;
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

/* A heading row: TEXT over the rows that follow. */
static void
table_heading(struct table *t, const char *text)
{
	struct cell *row = table_row(t);

	t->row_kind[t->rows - 1] = ROW_HEADING;
	cell_set_text(&row[0], text);
}

/* Takes back a heading that no row followed. */
static void
table_drop_bare_heading(struct table *t)
{
	if (t->rows > 1 && t->row_kind[t->rows - 1] == ROW_HEADING)
		table_drop_row(t);
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

/* The share PART of WHOLE in whole percent into *OUT, only when both
 * are plain numbers: a share of "<5" would tell what "<5" hides. */
static bool
share_of(long long part, long long whole, long long *out)
{
	if (whole <= 0 || part < 0 || part > whole)
		return false;
	*out = (long long)((double)part * 100.0 / (double)whole + 0.5);
	return true;
}

/* The sum of the plain numbers VALUES[0 … N-1] into *SUM; false when one
 * is not a plain number (suppressed or absent). */
static bool
plain_sum(const json_t *const *values, size_t n, long long *sum)
{
	size_t i;

	*sum = 0;
	for (i = 0; i < n; i++) {
		if (!json_is_integer(values[i]))
			return false;
		*sum += json_integer_value(values[i]);
	}
	return true;
}

/* The share of the PARTS (NPARTS values) in the WHOLES (NWHOLES), only
 * when all are plain numbers. */
static void
cell_set_ratio(struct cell *c, const json_t *const *parts, size_t nparts,
	       const json_t *const *wholes, size_t nwholes)
{
	long long p, w, pct;
	size_t i;
	bool any = false;

	cell_clear(c);
	for (i = 0; i < nparts; i++)
		any = any || parts[i] != NULL;
	for (i = 0; i < nwholes; i++)
		any = any || wholes[i] != NULL;
	if (!any)
		return;
	c->kind = CELL_DASH;
	if (plain_sum(parts, nparts, &p) && plain_sum(wholes, nwholes, &w) && share_of(p, w, &pct)) {
		c->kind = CELL_PERCENT;
		c->number = pct;
	}
}

/* PART of WHOLE in whole percent. */
static void
cell_set_share(struct cell *c, const json_t *part, const json_t *whole)
{
	cell_set_ratio(c, &part, 1, &whole, 1);
}

/* The change from BEFORE to NOW: only between plain numbers. Of shares
 * (PERCENT), the change in percentage points. */
static void
cell_set_change(struct cell *c, const struct cell *now, const struct cell *before)
{
	cell_clear(c);
	if (now->kind == CELL_EMPTY && before->kind == CELL_EMPTY)
		return;
	c->kind = CELL_DASH;
	if ((now->kind == CELL_NUMBER && before->kind == CELL_NUMBER) ||
	    (now->kind == CELL_PERCENT && before->kind == CELL_PERCENT)) {
		c->kind = CELL_CHANGE;
		c->number = now->number - before->number;
	}
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
	/* TRANSLATORS: a status column: findings on a law's duty from
	   before casekit followed the case, counted apart. */
	{ "before_followed", N_("before casekit"), NULL },
};

static const struct figure measures[] = {
	{ "aware_to_assessment_started", N_("aware to assessment started"), NULL },
	{ "aware_to_child_assessment_done", N_("aware to child assessment done"), NULL },
	{ "applied_to_decided", N_("application to decision"), NULL },
	{ "decided_to_started", N_("decision to help started"), NULL },
};

/* The rule of each measure, for its title. */
static const char *const measure_rules[] = {
	"assessment-start", "assessment-deadline", "decision-deadline", "intervention-start"
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
	{ "deadline", "", NULL },           /* in the heading */
	{ "by_paragraph", "", NULL },       /* rows of their own */
};
/* The figures of a response time that are columns without groups. */
#define TIME_COLUMNS 6

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
	/* The Swedish set's own kinds (rules/se-samordning.json). */
	{ "preschool", N_("preschool"), NULL },
	{ "preschool-class", N_("preschool class"), NULL },
	{ "upper-secondary", N_("upper secondary school"), NULL },
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

/* A duration as the rules write it ("14d", "8w", "2y10m", several
 * separated by ", ") in words: "14 days", "8 weeks", "2 years 10
 * months". New string; the text itself when it is not one. */
static char *
duration_words(const char *text)
{
	char *out = xstrdup(""), *longer;
	const char *p = text;
	bool first = true;

	while (*p != '\0') {
		char *end;
		long n;

		if (*p == ',' || *p == ' ') {
			if (*p == ',') {
				longer = format("%s, ", out);
				free(out);
				out = longer;
				first = true;
			}
			p++;
			continue;
		}
		n = strtol(p, &end, 10);
		if (end == p || strchr("ymwd", *end) == NULL || *end == '\0') {
			free(out);
			return xstrdup(text);
		}
		{
			/* TRANSLATORS: lengths of time in words, as a report
			   gives a deadline or a period ("8 weeks"). */
			const char *unit = *end == 'y' ? P_("%ld year", "%ld years", n)
					   : *end == 'm' ? P_("%ld month", "%ld months", n)
					   : *end == 'w' ? P_("%ld week", "%ld weeks", n)
					   : P_("%ld day", "%ld days", n);
			char *words = format(unit, n);

			longer = format("%s%s%s", out, first ? "" : " ", words);
			free(words);
		}
		free(out);
		out = longer;
		first = false;
		p = end + 1;
	}
	return out;
}

/* ---------------------------------------------------------------------
 * What a report's tables are built from
 */

struct ctx {
	const json_t *report;
	const json_t *previous;     /* the report's "previous" (--compare), or NULL */
	bool csv;                   /* for CSV: ids and plain columns, no headings */
	bool text;                  /* for a terminal: 80 columns */
};

/* True when every figure is a row of its own, with a column per group
 * (and the total), or beside the previous period's. */
static bool
per_row(const struct ctx *ctx, const char *member)
{
	const char *key;
	json_t *group;

	if (ctx->previous != NULL)
		return true;
	json_object_foreach(json_object_get(ctx->report, "groups"), key, group)
		if (json_object_get(group, member) != NULL)
			return true;
	return false;
}

/* The title and source of rule ID: "Child assessment within 4 months —
 * law, Barnets lov § 20 stk. 3", or its id when the report has no title
 * for it. New string. */
static char *
rule_label(const struct ctx *ctx, const char *basis, const char *id)
{
	const json_t *info = json_object_get(json_object_get(ctx->report, "rule_titles"), id);
	const char *title = json_string_value(json_object_get(info, "title"));
	const char *ref = json_string_value(json_object_get(info, "ref"));
	const char *b = basis != NULL ? label_or_key(bases, COUNT(bases), basis) : NULL;

	if (title == NULL)
		title = id;
	if (b != NULL && ref != NULL)
		return format("%s \xe2\x80\x94 %s, %s", title, b, ref);
	if (b != NULL || ref != NULL)
		return format("%s \xe2\x80\x94 %s", title, b != NULL ? b : ref);
	return xstrdup(title);
}

/* The heading of a response time: what it measures, its deadline and
 * the rule that sets it. New string. */
static char *
measure_heading(const struct ctx *ctx, const char *name)
{
	const char *label = label_or_key(measures, COUNT(measures), name);
	const json_t *m = json_object_get(json_object_get(ctx->report, "response_times"), name);
	const char *deadline = json_string_value(json_object_get(m, "deadline"));
	const json_t *titles = json_object_get(ctx->report, "rule_titles");
	const char *rule = NULL;
	char *words, *source, *out;
	size_t i;

	for (i = 0; i < COUNT(measures); i++)
		if (strcmp(measures[i].key, name) == 0)
			rule = measure_rules[i];
	if (deadline == NULL)
		return xstrdup(label);
	words = duration_words(deadline);
	source = rule != NULL && json_object_get(titles, rule) != NULL ?
		 rule_label(ctx, json_string_value(json_object_get(json_object_get(titles, rule),
								   "basis")), rule) : NULL;
	/* TRANSLATORS: a response time's heading: what it measures, its
	   deadline in words ("8 weeks"), and the rule that sets it. */
	out = source != NULL ? format(_("%s: deadline %s (%s)"), label, words, source)
			     : format(_("%s: deadline %s"), label, words);
	free(words);
	free(source);
	return out;
}

/* ---------------------------------------------------------------------
 * Columns: one per group and the total, or the report's only; and beside
 * each, with --compare, the previous period's and the change
 */

enum column_kind { COLUMN_NOW, COLUMN_BEFORE, COLUMN_CHANGE };

struct columns {
	size_t count;
	const json_t **source;      /* the object each column's figures are in */
	const json_t **before;      /* the previous period's object, or NULL */
	enum column_kind *kind;
	char **head;                /* owned */
	size_t groups;              /* the groups among them */
};

/* The name a group is shown by: a municipality's from the table, "(none)"
 * for cases without the field, else its key. */
static const char *
group_head(const struct ctx *ctx, const char *key)
{
	const char *name = json_string_value(json_object_get(json_object_get(ctx->report,
									       "group_names"), key));

	if (name != NULL)
		return name;
	return *key != '\0' && strcmp(key, "-") != 0 ? key : _("(none)");
}

static void
columns_add(struct columns *cols, const struct ctx *ctx, const json_t *now, const json_t *before,
	    const char *head)
{
	size_t i = cols->count;

	cols->source[i] = now;
	cols->before[i] = before;
	cols->kind[i] = COLUMN_NOW;
	cols->head[i] = xstrdup(head);
	cols->count++;
	if (ctx->previous == NULL)
		return;
	/* The previous period's column is headed by its day. */
	cols->source[i + 1] = now;
	cols->before[i + 1] = before;
	cols->kind[i + 1] = COLUMN_BEFORE;
	cols->head[i + 1] = xstrdup(json_string_value(json_object_get(ctx->previous, "as_of")));
	cols->source[i + 2] = now;
	cols->before[i + 2] = before;
	cols->kind[i + 2] = COLUMN_CHANGE;
	cols->head[i + 2] = xstrdup(_("change"));
	cols->count += 2;
}

/* The columns of a section MEMBER: grouped when a group has it (with
 * the total when the report has it too), else the report's figures
 * under SINGLE. */
static void
columns_init(struct columns *cols, const struct ctx *ctx, const char *member, const char *single)
{
	const json_t *report = ctx->report, *previous = ctx->previous;
	json_t *groups = json_object_get(report, "groups");
	size_t room = (json_object_size(groups) + 1) * 3;
	const char *key;
	json_t *group;
	bool grouped = false;

	memset(cols, 0, sizeof *cols);
	cols->source = xcalloc(room, sizeof *cols->source);
	cols->before = xcalloc(room, sizeof *cols->before);
	cols->kind = xcalloc(room, sizeof *cols->kind);
	cols->head = xcalloc(room, sizeof *cols->head);
	json_object_foreach(groups, key, group)
		if (json_object_get(group, member) != NULL)
			grouped = true;
	if (!grouped) {
		/* Beside the previous period's, the report's own column is
		 * headed by its day too. */
		const char *as_of = json_string_value(json_object_get(report, "as_of"));

		columns_add(cols, ctx, report, previous,
			    previous != NULL && as_of != NULL ? as_of
			    : single != NULL ? single : _("total"));
		return;
	}
	json_object_foreach(groups, key, group) {
		columns_add(cols, ctx, group,
			    json_object_get(json_object_get(previous, "groups"), key),
			    group_head(ctx, key));
		cols->groups++;
	}
	if (json_object_get(report, member) != NULL)
		columns_add(cols, ctx, report, previous, _("total"));
}

static void
columns_free(struct columns *cols)
{
	size_t i;

	for (i = 0; i < cols->count; i++)
		free(cols->head[i]);
	free(cols->source);
	free(cols->before);
	free(cols->kind);
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
	if (cols != NULL)
		t->groups = cols->groups;
}

/* The members of the objects at PATH in the columns (now and before), in
 * the order first met: a new object used as a set. */
static json_t *
members_at(const struct columns *cols, const struct path *path)
{
	json_t *seen = json_object();
	const char *key;
	json_t *value;
	size_t i;

	oom_unless(seen != NULL);
	for (i = 0; i < cols->count; i++) {
		json_object_foreach((json_t *)at(cols->source[i], path), key, value)
			oom_unless(json_object_set_new(seen, key, json_true()) == 0);
		json_object_foreach((json_t *)at(cols->before[i], path), key, value)
			oom_unless(json_object_set_new(seen, key, json_true()) == 0);
	}
	return seen;
}

/* The figure at PATH of OBJECT (at ENTRY of the array there, when
 * ENTRY >= 0). */
static const json_t *
figure_at(const json_t *object, const struct path *path, long entry)
{
	const json_t *value = at(object, path);

	return entry >= 0 ? json_array_get(value, (size_t)entry) : value;
}

/* Fills the columns of ROW: the figure now, before, and the change; SET
 * fills one cell from an object. True when any cell has something. */
typedef void fill_fn(struct cell *c, const json_t *object, const void *arg);

static bool
fill_columns(struct table *t, struct cell *row, const struct columns *cols, fill_fn *fill,
	     const void *arg)
{
	struct cell now = { CELL_EMPTY, 0, NULL }, before = { CELL_EMPTY, 0, NULL };
	bool any = false;
	size_t i;

	for (i = 0; i < cols->count; i++) {
		struct cell *c = &row[t->labels + i];

		switch (cols->kind[i]) {
		case COLUMN_NOW:
			fill(c, cols->source[i], arg);
			break;
		case COLUMN_BEFORE:
			fill(c, cols->before[i], arg);
			break;
		case COLUMN_CHANGE:
			fill(&now, cols->source[i], arg);
			fill(&before, cols->before[i], arg);
			cell_set_change(c, &now, &before);
			cell_clear(&now);
			cell_clear(&before);
			break;
		}
		if (c->kind != CELL_EMPTY && !(cols->kind[i] == COLUMN_CHANGE && c->kind == CELL_DASH))
			any = true;
	}
	return any;
}

struct value_arg {
	const struct path *path;
	long entry;
};

static void
fill_value(struct cell *c, const json_t *object, const void *arg)
{
	const struct value_arg *a = arg;

	cell_clear(c);
	if (object != NULL)
		cell_set_value(c, figure_at(object, a->path, a->entry));
}

struct ratio_arg {
	const struct path *parts, *wholes;
	size_t nparts, nwholes;
};

static void
fill_ratio(struct cell *c, const json_t *object, const void *arg)
{
	const struct ratio_arg *a = arg;
	const json_t *parts[8], *wholes[8];
	size_t i;

	cell_clear(c);
	if (object == NULL)
		return;
	for (i = 0; i < a->nparts && i < 8; i++)
		parts[i] = at(object, &a->parts[i]);
	for (i = 0; i < a->nwholes && i < 8; i++)
		wholes[i] = at(object, &a->wholes[i]);
	cell_set_ratio(c, parts, a->nparts, wholes, a->nwholes);
}

/* A row: LABELS, then in each column the figure at PATH (and at ENTRY
 * of the array there, when ENTRY >= 0). Dropped when no column has it. */
static void
add_figure(struct table *t, const struct columns *cols, const char *const *labels,
	   const struct path *path, long entry)
{
	struct cell *row = table_row(t);
	struct value_arg arg = { path, entry };
	size_t i;

	for (i = 0; i < t->labels; i++)
		cell_set_text(&row[i], labels[i]);
	if (!fill_columns(t, row, cols, fill_value, &arg))
		table_drop_row(t);
}

/* A row of shares: the sum of PARTS per the sum of WHOLES in each
 * column (plain counts only). */
static void
add_ratio(struct table *t, const struct columns *cols, const char *const *labels,
	  const struct path *parts, size_t nparts, const struct path *wholes, size_t nwholes)
{
	struct cell *row = table_row(t);
	struct ratio_arg arg = { parts, wholes, nparts, nwholes };
	size_t i;

	for (i = 0; i < t->labels; i++)
		cell_set_text(&row[i], labels[i]);
	if (!fill_columns(t, row, cols, fill_ratio, &arg))
		table_drop_row(t);
}

static void
add_share(struct table *t, const struct columns *cols, const char *const *labels,
	  const struct path *part, const struct path *whole)
{
	add_ratio(t, cols, labels, part, 1, whole, 1);
}

/* True when every figure of the last row is 0, or not there. */
static bool
last_row_zero(const struct table *t)
{
	const struct cell *row = &t->cells[(t->rows - 1) * t->columns];
	size_t i;

	for (i = t->labels; i < t->columns; i++)
		if (!(row[i].kind == CELL_EMPTY || row[i].kind == CELL_DASH ||
		      ((row[i].kind == CELL_NUMBER || row[i].kind == CELL_CHANGE) && row[i].number == 0)))
			return false;
	return true;
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
 * PREFIX labels the columns before the figure's own label. ZEROS false:
 * rows of nothing but zeros are left out. */
static void
add_figures(struct table *t, const struct columns *cols, const char *const *prefix,
	    const struct path *base, const struct figure *known, size_t count,
	    label_fn *other, bool zeros)
{
	json_t *seen = members_at(cols, base);
	const char *labels[PATH_STEPS];
	const char *key;
	json_t *value;
	size_t i, k = t->labels - 1, before;

	for (i = 0; i < k; i++)
		labels[i] = prefix[i];
	for (i = 0; i < count; i++) {
		struct path p = path_of(base, known[i].key);

		if (known[i].label[0] == '\0')
			continue;       /* shown otherwise */
		labels[k] = _(known[i].label);
		before = t->rows;
		if (known[i].per != NULL) {
			struct path whole = path_of(base, known[i].per);

			add_share(t, cols, labels, &p, &whole);
		} else if (json_object_get(seen, known[i].key) != NULL) {
			add_figure(t, cols, labels, &p, -1);
		}
		if (!zeros && t->rows > before && last_row_zero(t))
			table_drop_row(t);
	}
	json_object_foreach(seen, key, value) {
		struct path p = path_of(base, key);
		char *label;

		if (label_of(known, count, key) != NULL)
			continue;
		label = other(key);
		labels[k] = label;
		before = t->rows;
		add_figure(t, cols, labels, &p, -1);
		if (!zeros && t->rows > before && last_row_zero(t))
			table_drop_row(t);
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
	const char *title = json_string_value(json_object_get(report, "title"));

	if (title != NULL && *title != '\0')
		return xstrdup(title);
	if (as_of == NULL)
		return xstrdup(_("Case report"));
	return format(_("Case report as of %s"), as_of);
}

/* The period the response times and complaints count over, in words. */
static char *
period_words(const char *period)
{
	char *words, *out;

	if (strcmp(period, "all") == 0)
		return xstrdup(_("all time"));
	words = duration_words(period);
	/* TRANSLATORS: the period of a report; %s is a length of time in
	   words ("12 months"). */
	out = format(_("the last %s"), words);
	free(words);
	return out;
}

/* As of, audience, grouping, the period and the smallest count shown:
 * the CSV's first table, the text's and HTML's heading. */
static struct table *
about_table(const struct ctx *ctx)
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
	const json_t *report = ctx->report;
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
	if ((text = json_string_value(json_object_get(report, "period"))) != NULL) {
		char *words = period_words(text);

		row = table_row(t);
		/* TRANSLATORS: what the response times and complaints count:
		   those of the period that follows. */
		cell_set_text(&row[0], _("response times and complaints of"));
		cell_set_text(&row[1], words);
		free(words);
	}
	if (json_object_get(report, "min_cell") != NULL) {
		row = table_row(t);
		cell_set_text(&row[0], _("smallest count shown"));
		cell_set_value(&row[1], json_object_get(report, "min_cell"));
	}
	if (ctx->previous != NULL &&
	    (text = json_string_value(json_object_get(ctx->previous, "as_of"))) != NULL) {
		row = table_row(t);
		cell_set_text(&row[0], _("compared with the report as of"));
		cell_set_text(&row[1], text);
	}
	return t;
}

/* What "<5" and "*" mean: the text's footnote, the CSV's last table, the
 * HTML's note. NULL when nothing is hidden (min_cell 1). */
static struct table *
legend_table(const struct ctx *ctx)
{
	const json_t *legend = json_object_get(ctx->report, "legend");
	const char *head[] = { _("sign"), _("meaning") }, *key, *small = NULL;
	struct table *t;
	json_t *value;

	if (json_object_size(legend) == 0)
		return NULL;
	json_object_foreach((json_t *)legend, key, value)
		if (key[0] == '<')
			small = key;
	/* TRANSLATORS: the title of the legend; %s is the sign of a small
	   count ("<5"). */
	t = table_new(SECTION_LEGEND, format(_("What %s and * mean"), small != NULL ? small : "<"),
		      2, 0);
	t->headless = true;
	table_head(t, head, NULL);
	json_object_foreach((json_t *)legend, key, value) {
		struct cell *row = table_row(t);

		cell_set_text(&row[0], key);
		cell_set_text(&row[1], json_string_value(value));
	}
	return t;
}

/* Open and closed cases, and why they closed. */
static struct table *
cases_table(const struct ctx *ctx)
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

	columns_init(&cols, ctx, "cases", _("cases"));
	t = table_new(SECTION_CASES, xstrdup(_("Cases")), 1, cols.count);
	table_head(t, head, &cols);
	add_figures(t, &cols, NULL, &base, figures, COUNT(figures), key_label, true);
	add_figures(t, &cols, NULL, &by_reason, reasons, COUNT(reasons), closed_reason_label, true);
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
	for (i = 0; i < TIME_COLUMNS; i++) {
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

/* Response times, each against its own deadline, and per paragraph. A
 * measure is a heading (its label, deadline and rule; columns of their
 * own in CSV). Without groups a paragraph is a row of its figures; with
 * groups or a comparison a figure is a row with a column per group. */
static struct table *
response_times_table(const struct ctx *ctx)
{
	const json_t *report = ctx->report;
	struct path base = path_of(&root, "response_times");
	bool rows = per_row(ctx, "response_times");
	size_t lead = ctx->csv ? 3 : 1;     /* measure, deadline, paragraph */
	struct columns cols;
	struct table *t;
	json_t *seen, *keys, *key;
	size_t i;

	columns_init(&cols, ctx, "response_times", NULL);
	seen = members_at(&cols, &base);
	keys = ordered(seen, measures, COUNT(measures));
	if (!rows) {
		const json_t *all = json_object_get(report, "response_times");
		const char *head[3 + TIME_COLUMNS] = { _("measure"), _("deadline"),
							     _("paragraph") };

		t = table_new(SECTION_RESPONSE_TIMES, xstrdup(_("Response times (days)")), lead,
			      TIME_COLUMNS);
		if (!ctx->csv)
			head[0] = _("paragraph");
		for (i = 0; i < TIME_COLUMNS; i++)
			head[lead + i] = _(time_heads[i]);
		table_head(t, head, NULL);
		json_array_foreach(keys, i, key) {
			const char *name = json_string_value(key);
			const json_t *measure = json_object_get(all, name);
			const json_t *paragraphs = json_object_get(measure, "by_paragraph");
			const char *deadline = json_string_value(json_object_get(measure, "deadline"));
			char *words = deadline != NULL ? duration_words(deadline) : xstrdup("");
			const char *labels[3] = {
				label_or_key(measures, COUNT(measures), name), words,
				/* TRANSLATORS: the row of all paragraphs together. */
				_("all")
			};
			const char *paragraph;
			json_t *figures;

			if (!ctx->csv) {
				char *heading = measure_heading(ctx, name);

				table_heading(t, heading);
				free(heading);
			}
			add_time_row(t, labels + 3 - lead, measure);
			json_object_foreach((json_t *)paragraphs, paragraph, figures) {
				labels[2] = paragraph;
				add_time_row(t, labels + 3 - lead, figures);
			}
			free(words);
		}
	} else {
		const char *head[] = { _("measure"), _("deadline"), _("paragraph"), _("figure") };

		t = table_new(SECTION_RESPONSE_TIMES, xstrdup(_("Response times (days)")), lead + 1,
			      cols.count);
		table_head(t, head + 3 - lead, &cols);
		json_array_foreach(keys, i, key) {
			const char *name = json_string_value(key);
			struct path measure = path_of(&base, name);
			struct path by_paragraph = path_of(&measure, "by_paragraph");
			const char *deadline = json_string_value(
				json_object_get(json_object_get(json_object_get(report,
						"response_times"), name), "deadline"));
			char *words = deadline != NULL ? duration_words(deadline) : xstrdup("");
			const char *prefix[3] = {
				label_or_key(measures, COUNT(measures), name), words, _("all")
			};
			json_t *paragraphs = members_at(&cols, &by_paragraph);
			const char *paragraph;
			json_t *yes;

			if (!ctx->csv) {
				char *heading = measure_heading(ctx, name);

				table_heading(t, heading);
				free(heading);
			}
			/* by_paragraph is no figure: its row is dropped. */
			add_figures(t, &cols, prefix + 3 - lead, &measure, time_figures,
				    COUNT(time_figures), key_label, true);
			json_object_foreach(paragraphs, paragraph, yes) {
				struct path p = path_of(&by_paragraph, paragraph);

				prefix[2] = paragraph;
				add_figures(t, &cols, prefix + 3 - lead, &p, time_figures,
					    COUNT(time_figures), key_label, true);
			}
			json_decref(paragraphs);
			free(words);
		}
	}
	json_decref(keys);
	json_decref(seen);
	columns_free(&cols);
	return t;
}

/* True when some rule of the report has findings from before casekit
 * followed the case: only then is that status a column. */
static bool
any_before_followed(const json_t *report)
{
	const char *basis, *rule;
	json_t *rules, *counts;

	json_object_foreach(json_object_get(report, "rules"), basis, rules)
		json_object_foreach(rules, rule, counts) {
			const json_t *n = json_object_get(counts, "before_followed");

			if (n != NULL && !(json_is_integer(n) && json_integer_value(n) == 0))
				return true;
		}
	return false;
}

/* Findings per rule and status, counting cases, by basis: a rule is
 * shown by its title with its basis and source, the id only in CSV.
 * Without groups a rule is a row of its statuses; with groups or a
 * comparison a rule is a heading and each status a row with a column per
 * group (statuses of nothing but zeros left out). */
/* Rules as a row of their statuses need room for their titles: in
 * text, when the status columns leave fewer than this many characters of
 * 80, each rule is a heading over its statuses instead. */
#define RULE_LABEL_MIN 32

/* The characters the status columns of a text table take. */
static size_t
status_columns_width(size_t nstatus)
{
	size_t i, w = 0;

	for (i = 0; i < nstatus; i++) {
		size_t head = ck_text_width(_(statuses[i].label));

		w += 2 + (head > 3 ? head : 3);
	}
	return w;
}

static struct table *
rules_table(const struct ctx *ctx)
{
	const json_t *report = ctx->report;
	struct path base = path_of(&root, "rules");
	bool rows = per_row(ctx, "rules") ||
		    (ctx->text && status_columns_width(COUNT(statuses) -
						       (any_before_followed(report) ? 0 : 1)) +
		     RULE_LABEL_MIN > TEXT_WIDTH);
	/* The labels before the statuses: basis, rule, title and source in
	 * CSV; the rule's label, or (a heading over its rows) none. */
	size_t lead = ctx->csv ? 4 : rows ? 0 : 1;
	size_t nstatus = COUNT(statuses) - (ctx->csv || any_before_followed(report) ? 0 : 1);
	struct columns cols;
	struct table *t;
	json_t *basis_seen, *basis_keys, *basis_key;
	size_t b, r;

	columns_init(&cols, ctx, "rules", _("cases"));
	basis_seen = members_at(&cols, &base);
	basis_keys = ordered(basis_seen, bases, COUNT(bases));
	if (!rows) {
		const char *head[4 + COUNT(statuses)] = { _("basis"), _("rule"), _("title"),
							  _("source") };

		t = table_new(SECTION_RULES, xstrdup(_("Findings per rule (cases)")), lead, nstatus);
		if (!ctx->csv)
			head[0] = _("rule");
		for (r = 0; r < nstatus; r++)
			head[lead + r] = _(statuses[r].label);
		table_head(t, head, NULL);
	} else {
		const char *head[] = { _("basis"), _("rule"), _("title"), _("source"), _("status") };

		t = table_new(SECTION_RULES, xstrdup(_("Findings per rule (cases)")), lead + 1,
			      cols.count);
		table_head(t, head + 4 - lead, &cols);
	}
	json_array_foreach(basis_keys, b, basis_key) {
		const char *name = json_string_value(basis_key);
		struct path basis = path_of(&base, name);
		json_t *rules = members_at(&cols, &basis);
		const char *rule;
		json_t *yes;

		json_object_foreach(rules, rule, yes) {
			const json_t *info = json_object_get(json_object_get(report, "rule_titles"), rule);
			const char *title = json_string_value(json_object_get(info, "title"));
			const char *ref = json_string_value(json_object_get(info, "ref"));
			char *label = rule_label(ctx, name, rule);
			const char *prefix[4] = {
				label_or_key(bases, COUNT(bases), name), rule,
				title != NULL ? title : rule, ref != NULL ? ref : ""
			};
			struct path p = path_of(&basis, rule);

			if (!ctx->csv)
				prefix[0] = label;
			if (!rows) {
				struct cell *row = table_row(t);
				const json_t *counts = at(report, &p);

				for (r = 0; r < lead; r++)
					cell_set_text(&row[r], prefix[r]);
				for (r = 0; r < nstatus; r++)
					cell_set_value(&row[lead + r],
						       json_object_get(counts, statuses[r].key));
			} else {
				if (!ctx->csv)
					table_heading(t, label);
				add_figures(t, &cols, prefix, &p, statuses, nstatus, key_label, false);
				table_drop_bare_heading(t);
			}
			free(label);
		}
		json_decref(rules);
	}
	json_decref(basis_keys);
	json_decref(basis_seen);
	columns_free(&cols);
	return t;
}

/* The committee's groups: findings per basis and status, all rules
 * together. The total column only when the report gives the totals. */
static struct table *
rule_totals_table(const struct ctx *ctx)
{
	struct path base = path_of(&root, "rule_totals");
	const char *head[] = { _("basis"), _("status") };
	size_t nstatus = COUNT(statuses);
	struct columns cols;
	struct table *t;
	json_t *seen, *keys, *key;
	size_t i;

	columns_init(&cols, ctx, "rule_totals", _("cases"));
	t = table_new(SECTION_RULE_TOTALS, xstrdup(_("Findings per basis (cases)")), 2,
		      cols.count);
	table_head(t, head, &cols);
	seen = members_at(&cols, &base);
	keys = ordered(seen, bases, COUNT(bases));
	json_array_foreach(keys, i, key) {
		const char *name = json_string_value(key);
		const char *prefix[1] = { label_or_key(bases, COUNT(bases), name) };
		struct path p = path_of(&base, name);

		add_figures(t, &cols, prefix, &p, statuses, nstatus, key_label, true);
		/* The status apart shows only where it counts something. */
		if (t->rows > 1 && last_row_zero(t) &&
		    strcmp(t->cells[(t->rows - 1) * t->columns + 1].text,
			   _(statuses[COUNT(statuses) - 1].label)) == 0)
			table_drop_row(t);
	}
	json_decref(keys);
	json_decref(seen);
	columns_free(&cols);
	return t;
}

/* A table of the figures of one object (adult readiness, continuity,
 * involvement): a row per figure. */
static struct table *
figures_table(const struct ctx *ctx, enum section section, const char *title,
	      const struct path *base, const struct figure *known, size_t count,
	      label_fn *other, const char *single)
{
	const char *head[] = { _("figure") };
	struct columns cols;
	struct table *t;

	columns_init(&cols, ctx, base->step[0], single);
	t = table_new(section, xstrdup(title), 1, cols.count);
	table_head(t, head, &cols);
	add_figures(t, &cols, NULL, base, known, count, other, true);
	columns_free(&cols);
	return t;
}

/* The complaints' figures of the object at BASE, labelled PARAGRAPH,
 * and the share changed or remitted. ALL: every row, zeros and a share
 * that cannot be given too. */
static void
add_complaint_rows(struct table *t, const struct columns *cols, const char *paragraph,
		   const struct path *base, bool all)
{
	static const struct figure figures[] = {
		{ "received", N_("decisions complained about"), NULL },
		{ "upheld", N_("upheld at the municipality's reassessment"), NULL },
		{ "sent_on", N_("sent on to the appeal body"), NULL },
		{ "confirmed", N_("confirmed by the appeal body"), NULL },
		{ "changed", N_("changed by the appeal body"), NULL },
		{ "remitted", N_("remitted by the appeal body"), NULL },
		{ "dismissed", N_("dismissed by the appeal body"), NULL },
		{ "by_paragraph", "", NULL },   /* rows of their own */
	};
	struct path parts[2] = { path_of(base, "changed"), path_of(base, "remitted") };
	struct path wholes[3] = {
		path_of(base, "confirmed"), path_of(base, "changed"), path_of(base, "remitted")
	};
	/* TRANSLATORS: the omgørelsesprocent: the share of the appeal
	   body's decisions on the merits that changed or remitted the
	   municipality's decision. */
	const char *labels[2] = {
		paragraph, _("percent changed or remitted of those decided on their merits")
	};
	const char *const *own = t->labels == 2 ? labels : labels + 1;
	size_t before, c;
	bool none = true;

	/* In text and HTML the paragraph is a heading over its rows. */
	if (t->labels == 1)
		table_heading(t, paragraph);
	add_figures(t, cols, labels, base, figures, COUNT(figures), key_label, all);
	before = t->rows;
	add_ratio(t, cols, own, parts, 2, wholes, 3);
	for (c = t->labels; t->rows > before && c < t->columns; c++)
		if (t->cells[(t->rows - 1) * t->columns + c].kind != CELL_DASH &&
		    t->cells[(t->rows - 1) * t->columns + c].kind != CELL_EMPTY)
			none = false;
	if (!all && t->rows > before && none)
		table_drop_row(t);
	table_drop_bare_heading(t);
}

/* Complaints about decisions: received, upheld at the municipality's
 * reassessment, sent on, and the appeal body's results, in all and per
 * paragraph, with the share changed or remitted of those it decided on
 * their merits (Ankestyrelsen's omgørelsesprocent: dismissed ones do not
 * count). */
static struct table *
complaints_table(const struct ctx *ctx)
{
	struct path base = path_of(&root, "complaints");
	struct path by_paragraph = path_of(&base, "by_paragraph");
	const char *head[] = { _("paragraph"), _("figure") };
	size_t labels = ctx->csv ? 2 : 1;
	struct columns cols;
	struct table *t;
	json_t *paragraphs;
	const char *paragraph;
	json_t *yes;

	columns_init(&cols, ctx, "complaints", _("decisions"));
	t = table_new(SECTION_COMPLAINTS, xstrdup(_("Complaints")), labels, cols.count);
	table_head(t, head + 2 - labels, &cols);
	paragraphs = members_at(&cols, &by_paragraph);
	add_complaint_rows(t, &cols, ctx->csv ? _("all") : _("All paragraphs"), &base, true);
	json_object_foreach(paragraphs, paragraph, yes) {
		struct path p = path_of(&by_paragraph, paragraph);

		add_complaint_rows(t, &cols, paragraph, &p, false);
	}
	json_decref(paragraphs);
	columns_free(&cols);
	return t;
}

/* Transitions due per month, by kind: without groups a month is a row
 * with a column per kind; with groups or a comparison a kind's month is
 * a row. */
static struct table *
transitions_table(const struct ctx *ctx)
{
	const json_t *report = ctx->report;
	const char *as_of = json_string_value(json_object_get(report, "as_of"));
	struct path base = path_of(&root, "transitions");
	struct columns cols;
	struct table *t;
	json_t *seen, *keys, *key;
	size_t months = 0, i, k;
	const char *name;
	json_t *counts;

	columns_init(&cols, ctx, "transitions", NULL);
	seen = members_at(&cols, &base);
	keys = ordered(seen, kinds, COUNT(kinds));
	for (i = 0; i < cols.count; i++)
		json_object_foreach((json_t *)at(cols.source[i], &base), name, counts)
			if (json_array_size(counts) > months)
				months = json_array_size(counts);
	if (!per_row(ctx, "transitions")) {
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

/* The entry of CASELOAD for WHO (NULL: the entry without one). */
static const json_t *
caseload_entry(const json_t *caseload, const char *member, const char *who)
{
	const json_t *entry;
	size_t i;

	json_array_foreach((json_t *)caseload, i, entry) {
		const char *name = json_string_value(json_object_get(entry, member));

		if (json_object_get(entry, member) != NULL &&
		    ((name == NULL && who == NULL) || (name != NULL && who != NULL &&
						       strcmp(name, who) == 0)))
			return entry;
	}
	return NULL;
}

/* Open cases per coordinator (manager) or per team (committee); beside
 * them, with a comparison, the previous period's of the same name. */
static struct table *
caseload_table(const struct ctx *ctx)
{
	const json_t *caseload = json_object_get(ctx->report, "caseload");
	const json_t *before = json_object_get(ctx->previous, "caseload");
	bool by_team = caseload_by_team(caseload);
	const char *member = by_team ? "team" : "coordinator";
	const char *previous_head = json_string_value(json_object_get(ctx->previous, "as_of"));
	const char *head[] = {
		by_team ? _("team") : _("coordinator"), _("open cases"), previous_head, _("change")
	};
	struct table *t;
	const json_t *entry;
	size_t i;

	t = table_new(SECTION_CASELOAD,
		      xstrdup(by_team ? _("Caseload per team") : _("Caseload per coordinator")),
		      1, ctx->previous != NULL && by_team == caseload_by_team(before) ? 3 : 1);
	table_head(t, head, NULL);
	json_array_foreach((json_t *)caseload, i, entry) {
		const char *who = json_string_value(json_object_get(entry, member));
		struct cell *row = table_row(t);

		cell_set_text(&row[0], who != NULL ? who
			      : by_team ? _("(no team)") : _("(no coordinator)"));
		cell_set_value(&row[1], json_object_get(entry, "cases"));
		if (t->columns == 4) {
			const json_t *then = caseload_entry(before, member, who);

			cell_set_value(&row[2], json_object_get(then, "cases"));
			cell_set_change(&row[3], &row[1], &row[2]);
		}
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

/* The formats the tables are built for. */
enum target { FOR_TEXT, FOR_CSV, FOR_HTML };

static void
build_tables(struct tables *ts, const json_t *report, enum target target)
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
	struct ctx ctx = {
		report, json_object_get(report, "previous"), target == FOR_CSV, target == FOR_TEXT
	};
	struct table *legend;
	struct path p;

	ts->list = NULL;
	ts->count = 0;
	tables_add(ts, about_table(&ctx));
	if (has_section(report, "cases"))
		tables_add(ts, cases_table(&ctx));
	if (has_section(report, "response_times"))
		tables_add(ts, response_times_table(&ctx));
	if (has_section(report, "rules"))
		tables_add(ts, rules_table(&ctx));
	if (has_section(report, "rule_totals"))
		tables_add(ts, rule_totals_table(&ctx));
	if (has_section(report, "adult_readiness")) {
		p = path_of(&root, "adult_readiness");
		tables_add(ts, figures_table(&ctx, SECTION_ADULT_READINESS,
					     _("Young people aged 17 or more"), &p, adult,
					     COUNT(adult), key_label, _("cases")));
	}
	if (has_section(report, "transitions"))
		tables_add(ts, transitions_table(&ctx));
	if (has_section(report, "continuity")) {
		struct path q = path_of(&root, "continuity");

		p = path_of(&q, "caseworker_changes_12m");
		tables_add(ts, figures_table(&ctx, SECTION_CONTINUITY,
					     _("Changes of caseworker in the last 12 months (open cases)"),
					     &p, changes, COUNT(changes), changes_label,
					     _("cases")));
	}
	if (has_section(report, "involvement")) {
		p = path_of(&root, "involvement");
		tables_add(ts, figures_table(&ctx, SECTION_INVOLVEMENT, _("Involvement"), &p,
					     involvement, COUNT(involvement), key_label,
					     _("count")));
	}
	if (has_section(report, "complaints"))
		tables_add(ts, complaints_table(&ctx));
	if (json_is_array(json_object_get(report, "caseload")))
		tables_add(ts, caseload_table(&ctx));
	if ((legend = legend_table(&ctx)) != NULL)
		tables_add(ts, legend);
}

/* ---------------------------------------------------------------------
 * Text
 */


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
	case CELL_CHANGE:
		snprintf(buf, NUMBER_SIZE, c->number > 0 ? "+%'lld" : "%'lld", c->number);
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

/* TEXT in lines of at most WIDTH characters, broken at spaces (a word
 * longer than WIDTH is cut): *COUNT new strings in a new array. */
static char **
wrap(const char *text, size_t width, size_t *count)
{
	char **lines = NULL;
	size_t n = 0;
	const char *p = text;

	if (width == 0)
		width = 1;
	do {
		const char *start = p, *end = p, *space = NULL, *q;
		size_t chars = 0;

		for (q = p; *q != '\0'; q++) {
			if (((unsigned char)*q & 0xC0) == 0x80)
				continue;
			if (chars == width)
				break;
			/* Not between "§" and its number, nor before a number:
			 * "§ 20", "stk. 3", "DK 1.5" stay whole. */
			if (*q == ' ' && !(q[1] >= '0' && q[1] <= '9') &&
			    !(q - text >= 2 && (unsigned char)q[-2] == 0xc2 && (unsigned char)q[-1] == 0xa7))
				space = q;
			chars++;
		}
		if (*q == '\0') {
			end = q;
			p = q;
		} else if (space != NULL && space > start) {
			end = space;
			p = space + 1;
		} else {
			end = q;
			p = q;
		}
		lines = xreallocarray(lines, n + 1, sizeof *lines);
		lines[n++] = xstrndup(start, (size_t)(end - start));
		while (*p == ' ')
			p++;
	} while (*p != '\0');
	*count = n;
	return lines;
}

static void
lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
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

/* True when the table has heading rows: its rows are indented under
 * them. */
static bool
has_headings(const struct table *t)
{
	size_t r;

	for (r = 1; r < t->rows; r++)
		if (t->row_kind[r] == ROW_HEADING)
			return true;
	return false;
}

/* The width of the longest word of TEXT, in characters. */
static size_t
longest_word(const char *text)
{
	size_t longest = 0, n = 0;
	const char *p;

	for (p = text;; p++) {
		if (*p == ' ' || *p == '\0') {
			if (n > longest)
				longest = n;
			n = 0;
			if (*p == '\0')
				return longest;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			n++;
		}
	}
}

/* True when row R's labels up to column C are those of the row above
 * (a data row, under the same heading). */
static bool
repeats(const struct table *t, size_t r, size_t c)
{
	size_t k;

	if (r < 2 || t->row_kind[r - 1] != ROW_DATA)
		return false;
	for (k = 0; k <= c; k++) {
		const struct cell *a = &t->cells[r * t->columns + k];
		const struct cell *b = &t->cells[(r - 1) * t->columns + k];

		if (a->kind != CELL_TEXT || b->kind != CELL_TEXT || strcmp(a->text, b->text) != 0)
			return false;
	}
	return true;
}

/* The title, then the columns aligned by characters: labels to the
 * left, figures to the right, a rule under the header; headings on
 * lines of their own. Label columns are wrapped so that the table fits
 * TEXT_WIDTH columns where it can. */
static void
write_table_text(struct out *o, const struct table *t)
{
	size_t *width = xcalloc(t->columns, sizeof *width);
	size_t *data = xcalloc(t->columns, sizeof *data);
	size_t indent = has_headings(t) ? 2 : 0;
	char buf[NUMBER_SIZE];
	size_t r, c, first = t->headless ? 1 : 0, total, narrowest;

	for (r = first; r < t->rows; r++) {
		if (t->row_kind[r] == ROW_HEADING)
			continue;
		for (c = 0; c < t->columns; c++) {
			size_t w = ck_text_width(cell_display(&t->cells[r * t->columns + c], buf));

			if (c == 0 && r > 0)
				w += indent;
			if (w > width[c])
				width[c] = w;
			if (r > 0 && w > data[c])
				data[c] = w;
		}
	}
	total = 0;
	for (c = 0; c < t->columns; c++)
		total += width[c] + (c > 0 ? 2 : 0);
	/* Too wide: first the heads of the figures wrap, down to their
	 * longest word ("90. percentil" over "90." and "percentil"). */
	for (c = t->labels; total > TEXT_WIDTH && first == 0 && c < t->columns; c++) {
		size_t word = longest_word(cell_display(&t->cells[c], buf));

		if (word < data[c])
			word = data[c];
		if (word < width[c]) {
			total -= width[c] - word;
			width[c] = word;
		}
	}
	/* Then narrower labels, the widest first, until the table fits; a
	 * table that cannot fit (many groups) is left as wide as it is. */
	narrowest = 0;
	for (c = 0; c < t->columns; c++)
		narrowest += (c < t->labels && width[c] > LABEL_MIN ? LABEL_MIN : width[c]) +
			     (c > 0 ? 2 : 0);
	while (narrowest <= TEXT_WIDTH) {
		size_t widest = t->columns;

		total = 0;
		for (c = 0; c < t->columns; c++)
			total += width[c] + (c > 0 ? 2 : 0);
		if (total <= TEXT_WIDTH)
			break;
		for (c = 0; c < t->labels; c++)
			if (width[c] > LABEL_MIN && (widest == t->columns || width[c] > width[widest]))
				widest = c;
		if (widest == t->columns)
			break;
		width[widest]--;
	}
	free(data);
	put_plain(o, t->title);
	put(o, "\n");
	if (t->rows == 1 && !t->headless) {
		put(o, _("(none)"));
		put(o, "\n");
	}
	for (r = t->rows > 1 ? first : t->rows; r < t->rows; r++) {
		char **cell_lines[64];
		size_t nlines[64], height = 1, line;

		if (t->row_kind[r] == ROW_HEADING) {
			char **lines;
			size_t n, i;

			lines = wrap(t->cells[r * t->columns].text, TEXT_WIDTH, &n);
			for (i = 0; i < n; i++) {
				put_plain(o, lines[i]);
				put(o, "\n");
			}
			lines_free(lines, n);
			continue;
		}
		for (c = 0; c < t->columns && c < 64; c++) {
			const char *text = cell_display(&t->cells[r * t->columns + c], buf);
			size_t room = width[c] - (c == 0 && r > 0 ? indent : 0);

			/* A label the row above has too, with all before it,
			 * is written once: "BL § 32" over its six figures. */
			if (c + 1 < t->labels && repeats(t, r, c))
				text = "";
			if (c < t->labels || r == 0) {
				cell_lines[c] = wrap(text, room, &nlines[c]);
			} else {
				cell_lines[c] = xmalloc(sizeof *cell_lines[c]);
				cell_lines[c][0] = xstrdup(text);
				nlines[c] = 1;
			}
			if (nlines[c] > height)
				height = nlines[c];
		}
		for (line = 0; line < height; line++) {
			size_t spaces = r > 0 ? indent : 0;

			for (c = 0; c < t->columns && c < 64; c++) {
				const char *text = line < nlines[c] ? cell_lines[c][line] : "";
				size_t room = width[c] - (c == 0 && r > 0 ? indent : 0);
				size_t pad = room - ck_text_width(text);

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
		}
		for (c = 0; c < t->columns && c < 64; c++)
			lines_free(cell_lines[c], nlines[c]);
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

	build_tables(&ts, report, FOR_TEXT);
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

	build_tables(&ts, report, FOR_CSV);
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
				case CELL_CHANGE:
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
 *
 * One page for every screen and for paper: tables scroll sideways inside
 * their box on a phone, a table of more than four groups is turned so
 * that the groups are rows, and print puts wide sections on landscape
 * pages with the header repeated and no row cut. Colours have at least
 * 3:1 contrast on white and differ in grey; a hidden count is a hatched
 * bar labelled as the table labels it, never a bar of nothing.
 */

/* Groups past this many turn a table: groups as rows. */
#define TURN_GROUPS 4
/* A table of more columns than this prints on a landscape page. */
#define WIDE_COLUMNS 12

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",sans-serif;margin:1.5em auto;"
	"max-width:72em;padding:0 1em;color:#222;background:#fff;line-height:1.35}\n"
	"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\n"
	"h3{font-size:1em;margin:1.2em 0 .2em}\n"
	".scroll{overflow-x:auto;max-width:100%;margin:.5em 0 1em}\n"
	".scroll:focus{outline:2px solid #2166ac}\n"
	"table{border-collapse:collapse}\n"
	"caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
	"white-space:nowrap}\n"
	"th,td{padding:.2em .7em;border-bottom:1px solid #ccc;text-align:left;vertical-align:top}\n"
	"thead th{border-bottom:2px solid #666}\n"
	"tbody th{font-weight:normal}\n"
	"tr.h th{font-weight:bold;padding-top:.8em;border-bottom:1px solid #666}\n"
	"th.n,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"thead th.n{white-space:normal;min-width:4.5em;vertical-align:bottom}\n"
	"td.s{font-style:italic;color:#555}\n"
	"table.about th{padding-left:0}\n"
	"figure{margin:1em 0 2em}figcaption{font-weight:bold;margin-bottom:.4em}\n"
	".chart{overflow-x:auto}\n"
	"svg{width:100%;max-width:760px;min-width:560px;height:auto}\n"
	"svg text{font-size:12px;fill:#222}\n"
	"svg text.s{font-style:italic;fill:#444}svg text.small{font-size:10px}\n"
	"p.note{color:#444}\n"
	"dl.legend{display:grid;grid-template-columns:auto 1fr;gap:.2em 1em;color:#333}\n"
	"dl.legend dt{font-style:italic}dl.legend dd{margin:0}\n"
	"@media (max-width:40em){body{padding:0 .5em;margin:.5em auto}th,td{padding:.2em .4em}"
	"h1{font-size:1.3em}}\n"
	"@page{size:A4 portrait;margin:14mm 12mm}\n"
	"@page wide{size:A4 landscape;margin:12mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt}"
	"section.wide{page:wide}"
	".scroll,.chart{overflow:visible}table{width:100%;font-size:8.5pt}"
	"th,td{padding:.1em .35em}thead{display:table-header-group}"
	"tr,figure{break-inside:avoid}h2,h3{break-after:avoid}h2{margin-top:1.2em}"
	"svg{min-width:0;width:auto;max-width:100%;max-height:165mm}}\n";

/* TEXT as HTML with the spaces a line must not break at kept together:
 * before a number and after "§" ("§ 20 stk. 3", "DK 1.6"). */
static void
put_html_label(struct out *o, const char *text)
{
	const char *p = text;

	while (*p != '\0' && o->ok) {
		size_t n = strcspn(p, " ");
		char *part = xstrndup(p, n);

		put_html(o, part);
		free(part);
		p += n;
		if (*p == ' ') {
			bool keep = (p[1] >= '0' && p[1] <= '9') ||
				    (p - text >= 2 && (unsigned char)p[-2] == 0xc2 &&
				     (unsigned char)p[-1] == 0xa7);

			put(o, keep ? "&nbsp;" : " ");
			p++;
		}
	}
}

static void
put_cell_html(struct out *o, const struct cell *c, bool figure, bool head, const char *scope)
{
	char buf[NUMBER_SIZE];
	const char *tag = head ? "th" : "td";

	putf(o, "<%s", tag);
	if (scope != NULL)
		putf(o, " scope=\"%s\"", scope);
	if (figure)
		put(o, c->kind == CELL_SUPPRESSED ? " class=\"n s\"" : " class=\"n\"");
	put(o, ">");
	if (c->kind == CELL_TEXT)
		put_html_label(o, cell_display(c, buf));
	else
		put_html(o, cell_display(c, buf));
	putf(o, "</%s>", tag);
}

/* The box a table scrolls in: a region a keyboard can reach, named by
 * its caption. */
static void
scroll_open(struct out *o, const char *label)
{
	put(o, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
	put_html(o, label);
	put(o, "\">\n");
}

/* A table as it stands: a row per row, label cells row headers. */
static void
write_table_html(struct out *o, const struct table *t, bool caption_shown)
{
	size_t r, c;

	if (t->rows == 1) {
		putf(o, "<p class=\"note\">");
		put_html(o, _("(none)"));
		put(o, "</p>\n");
		return;
	}
	scroll_open(o, t->title);
	put(o, t->section == SECTION_ABOUT ? "<table class=\"about\">\n" : "<table>\n");
	putf(o, "<caption%s>", caption_shown ? "" : " class=\"vh\"");
	put_html(o, t->title);
	put(o, "</caption>\n");
	if (!t->headless) {
		put(o, "<thead><tr>");
		for (c = 0; c < t->columns; c++)
			put_cell_html(o, &t->cells[c], c >= t->labels, true, "col");
		put(o, "</tr></thead>\n");
	}
	put(o, "<tbody>\n");
	for (r = 1; r < t->rows; r++) {
		if (t->row_kind[r] == ROW_HEADING) {
			putf(o, "<tr class=\"h\"><th scope=\"rowgroup\" colspan=\"%zu\">", t->columns);
			put_html_label(o, t->cells[r * t->columns].text);
			put(o, "</th></tr>\n");
			continue;
		}
		put(o, "<tr>");
		for (c = 0; c < t->columns; c++) {
			bool label = c < t->labels && !(t->headless && c > 0);
			size_t span = 1;

			/* A label the rows below share spans them: "BL § 32"
			 * over its six figures. */
			if (label && c + 1 < t->labels) {
				if (repeats(t, r, c))
					continue;
				while (r + span < t->rows && repeats(t, r + span, c))
					span++;
			}
			if (span > 1) {
				putf(o, "<th scope=\"rowgroup\" rowspan=\"%zu\">", span);
				put_html_label(o, t->cells[r * t->columns + c].text);
				put(o, "</th>");
				continue;
			}
			put_cell_html(o, &t->cells[r * t->columns + c],
				      c >= t->labels && !t->headless, label, label ? "row" : NULL);
		}
		put(o, "</tr>\n");
	}
	put(o, "</tbody>\n</table>\n</div>\n");
}

/* True when rows A and B of T have the same labels but the last. */
static bool
same_block(const struct table *t, size_t a, size_t b)
{
	size_t c;

	for (c = 0; c + 1 < t->labels; c++)
		if (strcmp(cell_display(&t->cells[a * t->columns + c], (char[NUMBER_SIZE]){ 0 }),
			   cell_display(&t->cells[b * t->columns + c], (char[NUMBER_SIZE]){ 0 })) != 0)
			return false;
	return true;
}

/* The end of the run of rows from R that share their labels but the
 * last: a turned table of its own. */
static size_t
block_end(const struct table *t, size_t r)
{
	size_t end = r + 1;

	while (end < t->rows && t->row_kind[end] == ROW_DATA && same_block(t, r, end))
		end++;
	return end;
}

/* True when a turned table of T has more than WIDE_COLUMNS columns. */
static bool
turned_wide(const struct table *t)
{
	size_t r = 1;

	while (r < t->rows) {
		size_t end;

		if (t->row_kind[r] == ROW_HEADING) {
			r++;
			continue;
		}
		end = block_end(t, r);
		if (end - r + 1 > WIDE_COLUMNS)
			return true;
		r = end;
	}
	return false;
}

/* A table of many groups turned: for each heading and run of rows with
 * the same labels but the last, a table whose rows are the groups (and
 * the total) and whose columns are those rows. */
static void
write_turned_html(struct out *o, const struct table *t, const char *corner)
{
	const char *heading = NULL;
	size_t r = 1, v, c;

	while (r < t->rows) {
		size_t end;
		char *caption;
		bool shown;

		if (t->row_kind[r] == ROW_HEADING) {
			heading = t->cells[r * t->columns].text;
			r++;
			continue;
		}
		end = block_end(t, r);
		/* The caption: what the rows have in common, the heading and
		 * the labels; the section's own title (its h2 says it) only
		 * for a screen reader. */
		caption = heading != NULL ? xstrdup(heading) : NULL;
		for (c = 0; c + 1 < t->labels; c++) {
			char *longer = caption != NULL ?
				       format("%s \xe2\x80\x94 %s", caption, t->cells[r * t->columns + c].text)
				       : xstrdup(t->cells[r * t->columns + c].text);

			free(caption);
			caption = longer;
		}
		shown = caption != NULL;
		if (caption == NULL)
			caption = xstrdup(t->title);
		/* Shown above the box, so that on a phone it wraps on the
		 * screen rather than scrolling with the table. */
		if (shown) {
			put(o, "<h3>");
			put_html_label(o, caption);
			put(o, "</h3>\n");
		}
		scroll_open(o, caption);
		put(o, "<table>\n<caption class=\"vh\">");
		put_html(o, caption);
		put(o, "</caption>\n<thead><tr><th scope=\"col\">");
		put_html(o, corner);
		put(o, "</th>");
		for (v = r; v < end; v++) {
			put(o, "<th scope=\"col\" class=\"n\">");
			put_html(o, t->labels > 0 ? t->cells[v * t->columns + t->labels - 1].text : "");
			put(o, "</th>");
		}
		put(o, "</tr></thead>\n<tbody>\n");
		for (c = t->labels; c < t->columns; c++) {
			put(o, "<tr>");
			put_cell_html(o, &t->cells[c], false, true, "row");
			for (v = r; v < end; v++)
				put_cell_html(o, &t->cells[v * t->columns + c], true, false, NULL);
			put(o, "</tr>\n");
		}
		put(o, "</tbody>\n</table>\n</div>\n");
		free(caption);
		r = end;
	}
}

struct series {
	const char *label;
	const char *color;
};

#define CHART_WIDTH 760
#define CHART_LABELS 250            /* the category labels, right-aligned */
#define CHART_BARS 400              /* the longest bar */
#define CHART_BAR 14
#define CHART_HIDDEN 22             /* the hatched bar of a hidden count */
#define CHART_LABEL_CHARS 34

/* The colours of the charts: each at least 3:1 on white (WCAG 1.4.11),
 * and apart in lightness, so that they differ printed in grey. */
#define COLOR_ONE "#2166ac"
#define COLOR_WITHIN "#08306b"
#define COLOR_LATE "#e66101"
static const char *const status_colors[] = {
	/* missing, overdue, due, waived, from before casekit: lightness
	 * (L*) 10, 38, 57, 48, 24 */
	"#2d004b", "#b2182b", "#e66101", "#737373", "#00441b"
};

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

/* A value as the tables write it: a number as the locale writes it, a
 * suppression label as it is, "–" for null. New string. */
static char *
value_text(const json_t *value)
{
	if (json_is_integer(value))
		return format("%'lld", (long long)json_integer_value(value));
	if (json_is_string(value))
		return xstrdup(json_string_value(value));
	return xstrdup("\xe2\x80\x93");
}

/* A bar's title: its series, its category and its value, for a screen
 * reader and a pointer. */
static void
put_bar_title(struct out *o, const char *series, const char *category, const json_t *value)
{
	char *text = value_text(value);

	put(o, "<title>");
	if (category != NULL) {
		put_html(o, category);
		put(o, ", ");
	}
	put_html(o, series);
	put(o, ": ");
	put_html(o, text);
	put(o, "</title>");
	free(text);
}

static void
put_value_label(struct out *o, const json_t *value, int x, int y, const char *anchor)
{
	char *text = value_text(value);

	if (json_is_integer(value) || json_is_null(value))
		putf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
	else
		putf(o, "<text class=\"s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
	put_html(o, text);
	put(o, "</text>\n");
	free(text);
}

/* The hatching of a hidden count in COLOR, as pattern ID. */
static void
put_hatch(struct out *o, const char *id, const char *color)
{
	putf(o, "<pattern id=\"%s\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
	     "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
	     "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"%s\" stroke-width=\"3\"/>"
	     "</pattern>\n", id, color);
}

static void
svg_open(struct out *o, const char *id, const char *title, int width, int height)
{
	put(o, "<figure>\n<figcaption>");
	put_html(o, title);
	putf(o, "</figcaption>\n<div class=\"chart\">\n<svg id=\"%s\" width=\"%d\" height=\"%d\" "
	     "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", id, width, height, width, height);
	put_html(o, title);
	put(o, "\">\n");
}

static void
svg_close(struct out *o)
{
	put(o, "</svg>\n</div>\n</figure>\n");
}

/* A horizontal bar chart: per category a bar for each series, scaled to
 * the largest plain number. VALUES[c * NSERIES + s]; NULL draws nothing.
 * A hidden count is a short hatched bar labelled "<5" or "*": drawn to
 * scale it would claim a number the report does not give. */
static void
svg_bar_chart(struct out *o, const char *id, const char *title, const struct series *series,
	      size_t nseries, size_t ncategories, const char *const *labels,
	      const json_t *const *values)
{
	long long max = largest(values, ncategories * nseries);
	int legend = 26;
	int band = (int)nseries * (CHART_BAR + 2) + 10;
	int height = legend + (int)ncategories * band + 6;
	bool hidden = false;
	size_t c, s;
	char hatch[80];

	for (c = 0; c < ncategories * nseries; c++)
		if (json_is_string(values[c]))
			hidden = true;
	svg_open(o, id, title, CHART_WIDTH, height);
	put(o, "<defs>\n");
	for (s = 0; s < nseries; s++) {
		snprintf(hatch, sizeof hatch, "%s-h%zu", id, s);
		put_hatch(o, hatch, series[s].color);
	}
	put(o, "</defs>\n");
	/* The legend: the series, and the hatching of a hidden count. */
	{
		int x = 10;

		for (s = 0; s < nseries && nseries > 1; s++) {
			putf(o, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			     "<text x=\"%d\" y=\"15\">", x, series[s].color, x + 16);
			put_html(o, series[s].label);
			put(o, "</text>\n");
			x += 16 + 7 * (int)ck_text_width(series[s].label) + 18;
		}
		if (hidden) {
			snprintf(hatch, sizeof hatch, "%s-h0", id);
			putf(o, "<rect x=\"%d\" y=\"4\" width=\"18\" height=\"12\" fill=\"url(#%s)\" "
			     "stroke=\"%s\"/><text x=\"%d\" y=\"15\">", x, hatch, series[0].color, x + 22);
			/* TRANSLATORS: the legend of a chart's hatched bar. */
			put_html(o, _("hidden count"));
			put(o, "</text>\n");
		}
	}
	for (c = 0; c < ncategories; c++) {
		int y0 = legend + (int)c * band;
		int middle = y0 + ((int)nseries * (CHART_BAR + 2)) / 2 + 4;
		size_t nlines, k;
		char **lines = wrap(labels[c], CHART_LABEL_CHARS, &nlines);

		/* A long label on two lines, the rest cut: its whole text in
		 * its title. */
		putf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", CHART_LABELS - 8,
		     nlines > 1 && nseries > 1 ? middle - 7 : middle);
		put(o, "<title>");
		put_html(o, labels[c]);
		put(o, "</title>");
		for (k = 0; k < nlines && k < (nseries > 1 ? 2u : 1u); k++) {
			char *line = k == 1 && nlines > 2 ? format("%s\xe2\x80\xa6", lines[k])
				     : k == 0 && nlines > 1 && nseries == 1 ? truncated(labels[c],
											CHART_LABEL_CHARS)
				     : xstrdup(lines[k]);

			if (k > 0)
				putf(o, "<tspan x=\"%d\" dy=\"14\">", CHART_LABELS - 8);
			put_html(o, line);
			if (k > 0)
				put(o, "</tspan>");
			free(line);
		}
		put(o, "</text>\n");
		lines_free(lines, nlines);
		for (s = 0; s < nseries; s++) {
			const json_t *value = values[c * nseries + s];
			int y = y0 + (int)s * (CHART_BAR + 2);
			int w = 0;

			if (value == NULL)
				continue;
			/* Of several series, a 0 is no bar and no label: the
			 * table beside has it. */
			if (nseries > 1 && json_is_integer(value) && json_integer_value(value) == 0)
				continue;
			if (json_is_integer(value) && json_integer_value(value) > 0 && max > 0) {
				w = (int)(json_integer_value(value) * CHART_BARS / max);
				if (w < 1)
					w = 1;
				putf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">",
				     CHART_LABELS, y, w, CHART_BAR, series[s].color);
				put_bar_title(o, series[s].label, labels[c], value);
				put(o, "</rect>\n");
			} else if (json_is_string(value)) {
				w = CHART_HIDDEN;
				snprintf(hatch, sizeof hatch, "%s-h%zu", id, s);
				putf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				     "fill=\"url(#%s)\" stroke=\"%s\">", CHART_LABELS, y, w, CHART_BAR,
				     hatch, series[s].color);
				put_bar_title(o, series[s].label, labels[c], value);
				put(o, "</rect>\n");
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
	const struct series series[] = {
		{ _("within deadline"), COLOR_WITHIN }, { _("late"), COLOR_LATE }
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
			      _("Finished within the deadline, and late"), series, 2, n,
			      labels, values);
	free(labels);
	free(values);
	json_decref(keys);
}

/* Findings per rule and status, a chart per basis (the report's totals),
 * each rule by its title. */
static void
chart_rules(struct out *o, const json_t *report)
{
	struct series series[COUNT(statuses)];
	const json_t *all = json_object_get(report, "rules");
	json_t *keys = ordered(all, bases, COUNT(bases)), *key;
	size_t nstatus = COUNT(statuses) - (any_before_followed(report) ? 0 : 1);
	size_t b, s;

	for (s = 0; s < COUNT(statuses); s++) {
		series[s].label = _(statuses[s].label);
		series[s].color = status_colors[s];
	}
	json_array_foreach(keys, b, key) {
		const char *name = json_string_value(key);
		const json_t *rules = json_object_get(all, name);
		size_t n = json_object_size(rules), r = 0;
		char **titles = xcalloc(n + 1, sizeof *titles);
		const json_t **values = xcalloc(n * nstatus + 1, sizeof *values);
		const char *rule;
		json_t *counts;
		char *title, id[48];

		json_object_foreach((json_t *)rules, rule, counts) {
			const json_t *info = json_object_get(json_object_get(report, "rule_titles"),
							     rule);
			const char *text = json_string_value(json_object_get(info, "title"));

			titles[r] = xstrdup(text != NULL ? text : rule);
			for (s = 0; s < nstatus; s++)
				values[r * nstatus + s] = json_object_get(counts, statuses[s].key);
			r++;
		}
		if (n > 0) {
			title = format(_("Findings per rule: %s"),
				       label_or_key(bases, COUNT(bases), name));
			snprintf(id, sizeof id, "chart-rules-%zu", b + 1);
			svg_bar_chart(o, id, title, series, nstatus, n, (const char *const *)titles,
				      values);
			free(title);
		}
		for (r = 0; r < n; r++)
			free(titles[r]);
		free(titles);
		free(values);
	}
	json_decref(keys);
}

#define MONTH_WIDTH 26
#define MONTH_LEFT 10
#define MONTH_PLOT 80               /* the tallest bar */
#define MONTH_HIDDEN 14             /* the hatched bar of a hidden count */
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
	put(o, "<defs>\n");
	put_hatch(o, "chart-transitions-h0", COLOR_ONE);
	put(o, "</defs>\n");
	json_array_foreach(keys, k, key) {
		int y0 = (int)k * MONTH_BAND, base = y0 + 34 + MONTH_PLOT;
		const char *kind = label_or_key(kinds, COUNT(kinds), json_string_value(key));

		counts = json_object_get(all, json_string_value(key));
		putf(o, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">", MONTH_LEFT, y0 + 14);
		put_html(o, kind);
		put(o, "</text>\n");
		putf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>\n",
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
				     "fill=\"" COLOR_ONE "\">", x + 3, base - h, MONTH_WIDTH - 6, h);
				put_bar_title(o, kind, month, value);
				put(o, "</rect>\n");
				putf(o, "<text class=\"small\" x=\"%d\" y=\"%d\" "
				     "text-anchor=\"middle\">%'lld</text>\n", x + MONTH_WIDTH / 2,
				     base - h - 3, (long long)json_integer_value(value));
			} else if (json_is_string(value)) {
				putf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				     "fill=\"url(#chart-transitions-h0)\" stroke=\"" COLOR_ONE "\">",
				     x + 3, base - MONTH_HIDDEN, MONTH_WIDTH - 6, MONTH_HIDDEN);
				put_bar_title(o, kind, month, value);
				put(o, "</rect>\n");
				putf(o, "<text class=\"small s\" x=\"%d\" y=\"%d\" "
				     "text-anchor=\"middle\">", x + MONTH_WIDTH / 2,
				     base - MONTH_HIDDEN - 3);
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
	const struct series series[] = { { _("open cases"), COLOR_ONE } };
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

/* The group a turned table's rows are (its first head). */
static const char *
grouping_label(const json_t *report)
{
	static const struct figure groupings[] = {
		{ "municipality", N_("municipality"), NULL },
		{ "team", N_("team"), NULL },
		{ "pathway", N_("pathway"), NULL },
		{ "coordinator", N_("coordinator"), NULL },
	};
	const char *by = json_string_value(json_object_get(report, "by"));

	return by != NULL ? label_or_key(groupings, COUNT(groupings), by) : "";
}

/* The legend as a list of terms, in the page's header. */
static void
write_legend_html(struct out *o, const struct table *t)
{
	size_t r;

	put(o, "<p class=\"note\">");
	put_html(o, t->title);
	put(o, "</p>\n<dl class=\"legend\">\n");
	for (r = 1; r < t->rows; r++) {
		put(o, "<dt>");
		put_html(o, t->cells[r * t->columns].text);
		put(o, "</dt><dd>");
		put_html(o, t->cells[r * t->columns + 1].text);
		put(o, "</dd>\n");
	}
	put(o, "</dl>\n");
}

bool
ck_report_write_html(FILE *out, const json_t *report)
{
	struct out o = { out, true };
	struct tables ts;
	size_t i;

	build_tables(&ts, report, FOR_HTML);
	putf(&o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	     "<title>", ck_language());
	put_html(&o, ts.list[0]->title);
	putf(&o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
	for (i = 0; i < ts.count; i++) {
		const struct table *t = ts.list[i];
		bool turned = t->groups > TURN_GROUPS;
		bool wide = turned ? turned_wide(t) : t->columns > WIDE_COLUMNS;

		if (t->section == SECTION_ABOUT) {
			size_t k;

			put(&o, "<header>\n<h1>");
			put_html(&o, t->title);
			put(&o, "</h1>\n");
			if (t->rows > 1)
				write_table_html(&o, t, false);
			for (k = 0; k < ts.count; k++)
				if (ts.list[k]->section == SECTION_LEGEND)
					write_legend_html(&o, ts.list[k]);
			put(&o, "</header>\n<main>\n");
			continue;
		}
		if (t->section == SECTION_LEGEND)
			continue;
		putf(&o, "<section%s>\n<h2>", wide ? " class=\"wide\"" : "");
		put_html(&o, t->title);
		put(&o, "</h2>\n");
		if (turned)
			write_turned_html(&o, t, grouping_label(report));
		else
			write_table_html(&o, t, false);
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
	put(&o, "</main>\n</body>\n</html>\n");
	tables_free(&ts);
	return finish(&o);
}
