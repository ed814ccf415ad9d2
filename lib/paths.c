/* SPDX-License-Identifier: MPL-2.0 */
/* paths.c — dotted paths with filters, and the text a value shows to a
 * filter or a regular expression.
 *
 *   plans.common.updated            a member of a member
 *   actors.role                     a step through an array takes every element
 *   assessments[].started           the same, said with []
 *   meetings[kind=network].date     the elements whose kind is network
 *   decisions[paragraph=BL § 32][outcome=granted]   filters chain
 *                                   (a paragraph filter compares
 *                                   paragraphs: see paragraph.c)
 *   $.id                            from the record's root (inside "each")
 *
 * A path is compiled once and evaluated for every record, so evaluation
 * allocates nothing beyond the growth of the caller's list: the list
 * itself holds the nodes between steps. A missing step or a value of the
 * wrong type yields nothing, never an error (casekit(5), Paths). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

enum filter_kind {
	FILTER_EVERY,           /* [] */
	FILTER_EQUALS           /* [key=value] */
};

struct filter {
	enum filter_kind kind;
	const char *key;        /* in the path's names; NULL for [] */
	const char *value;
	size_t value_length;
	/* [paragraph=P]: P's normal form; a decision's paragraph is
	 * compared by ck_paragraph_within, not by its text. */
	bool by_paragraph;
	char paragraph[CK_PARAGRAPH_MAX];
};

struct step {
	const char *key;
	struct filter *filters;
	size_t nfilters;
};

struct ck_path {
	char *text;             /* as given */
	char *names;            /* the keys and filter texts, unescaped */
	bool from_root;         /* began with "$." */
	bool plain;
	struct step *steps;
	size_t nsteps;
	struct filter *filters; /* every step's filters, one array */
};

static void
set_error(char *err, size_t errsize, const char *message)
{
	if (err != NULL && errsize > 0)
		snprintf(err, errsize, "%s", message);
}

/* Copies filter text from *IN to *OUT up to the first unescaped
 * character of STOPS, unescaping "\]", "\=" and "\\" (any other
 * backslash stays as written, so that "\d" means what it says). Returns
 * the character it stopped at ('\0' at the end of the text) and leaves
 * *IN on it. OUT never overtakes IN: unescaping only shortens. */
static char
copy_filter_text(const char **in, char **out, const char *stops)
{
	const char *p = *in;
	char *q = *out;

	while (*p != '\0' && strchr(stops, *p) == NULL) {
		if (p[0] == '\\' && (p[1] == ']' || p[1] == '=' || p[1] == '\\'))
			p++;
		*q++ = *p++;
	}
	*in = p;
	*out = q;
	return *p;
}

/* Parses TEXT into PATH, whose arrays are large enough: one step per
 * '.' and one more, one filter per '['. NAMES has strlen(TEXT) + 1
 * bytes: every key and filter text is followed in TEXT by a separator
 * or the end, whose place takes its NUL. Returns NULL or a message. */
static const char *
parse(ck_path *path, const char *text)
{
	const char *p = text;
	char *out = path->names;
	struct filter *filter = path->filters;

	if (*p == '\0')
		return N_("empty path");
	if (p[0] == '$' && p[1] == '.') {
		path->from_root = true;
		p += 2;
	}
	for (;;) {
		struct step *step = &path->steps[path->nsteps++];
		const char *start = p;

		while (*p != '\0' && *p != '.' && *p != '[')
			p++;
		if (p == start)
			return N_("empty key");
		step->key = out;
		memcpy(out, start, (size_t)(p - start));
		out += p - start;
		*out++ = '\0';
		step->filters = filter;
		while (*p == '[') {
			p++;
			if (*p == ']') {
				filter->kind = FILTER_EVERY;
				filter++;
				p++;
				continue;
			}
			filter->kind = FILTER_EQUALS;
			filter->key = out;
			switch (copy_filter_text(&p, &out, "=]")) {
			case '\0':
				return N_("unclosed '['");
			case ']':
				return N_("a filter needs '=' ([key=value] or [])");
			}
			if (out == filter->key)
				return N_("empty key in a filter");
			*out++ = '\0';
			p++;
			filter->value = out;
			if (copy_filter_text(&p, &out, "]") == '\0')
				return N_("unclosed '['");
			filter->value_length = (size_t)(out - filter->value);
			*out++ = '\0';
			p++;
			/* A filter no paragraph could pass is a slip, said at
			 * once rather than found as a rule that never fires. */
			if (strcmp(filter->key, "paragraph") == 0) {
				filter->by_paragraph = true;
				if (!ck_paragraph_normal(filter->value, filter->paragraph,
							 sizeof filter->paragraph))
					return N_("not a paragraph casekit can read "
						  "in a paragraph filter (casekit(5), Paragraphs)");
			}
			filter++;
		}
		step->nfilters = (size_t)(filter - step->filters);
		if (step->nfilters > 0)
			path->plain = false;
		if (*p == '\0')
			return NULL;
		if (*p != '.')
			return N_("expected '.' or '[' after ']'");
		p++;
		if (*p == '\0')
			return N_("trailing '.'");
	}
}

ck_path *
ck_path_compile(const char *text, char *err, size_t errsize)
{
	ck_path *path;
	const char *p, *problem;
	size_t dots = 0, brackets = 0;

	for (p = text; *p != '\0'; p++) {
		if (*p == '.')
			dots++;
		else if (*p == '[')
			brackets++;
	}
	path = xcalloc(1, sizeof *path);
	path->text = xstrdup(text);
	path->names = xcalloc(strlen(text) + 1, 1);
	path->steps = xcalloc(dots + 1, sizeof *path->steps);
	path->filters = xcalloc(brackets, sizeof *path->filters);
	path->plain = true;
	problem = parse(path, text);
	if (problem != NULL) {
		set_error(err, errsize, _(problem));
		ck_path_free(path);
		return NULL;
	}
	if (path->from_root)
		path->plain = false;
	return path;
}

void
ck_path_free(ck_path *path)
{
	if (path == NULL)
		return;
	free(path->text);
	free(path->names);
	free(path->steps);
	free(path->filters);
	free(path);
}

const char *
ck_path_text(const ck_path *path)
{
	return path->text;
}

bool
ck_path_is_plain(const ck_path *path)
{
	return path->plain;
}

static void
push(ck_values *values, json_t *value)
{
	if (values->count == values->capacity) {
		size_t capacity = values->capacity != 0 ? values->capacity * 2 : 16;
		json_t **items = realloc(values->items, capacity * sizeof *items);

		if (items == NULL || capacity < values->capacity)
			ck_fatal(_("out of memory"));
		values->items = items;
		values->capacity = capacity;
	}
	values->items[values->count++] = value;
}

void
ck_values_clear(ck_values *values)
{
	values->count = 0;
}

void
ck_values_free(ck_values *values)
{
	free(values->items);
	values->items = NULL;
	values->count = 0;
	values->capacity = 0;
}

const char *
ck_value_text(const json_t *value, char *buf, size_t *len)
{
	const char *text;
	size_t n;

	if (value == NULL)
		return NULL;
	switch (json_typeof(value)) {
	case JSON_STRING:
		text = json_string_value(value);
		n = json_string_length(value);
		break;
	case JSON_INTEGER:
		snprintf(buf, CK_VALUE_TEXT_SIZE, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(value));
		text = buf;
		n = strlen(buf);
		break;
	case JSON_REAL:
		/* Jansson's own writer, so that a filter compares the text a
		 * record is written with ("1.0", "0.10000000000000001"),
		 * whichever way this Jansson spells reals. */
		n = json_dumpb(value, buf, CK_VALUE_TEXT_SIZE - 1,
			       JSON_ENCODE_ANY | JSON_COMPACT);
		if (n == 0 || n >= CK_VALUE_TEXT_SIZE)
			return NULL;
		buf[n] = '\0';
		text = buf;
		break;
	case JSON_TRUE:
		text = "true";
		n = 4;
		break;
	case JSON_FALSE:
		text = "false";
		n = 5;
		break;
	default:
		return NULL;
	}
	if (len != NULL)
		*len = n;
	return text;
}

/* A key step: a member of an object; through an array (and arrays in
 * it), the member of every element. */
static void
take_key(const char *key, json_t *node, ck_values *out)
{
	json_t *member;
	size_t i;

	if (json_is_object(node)) {
		member = json_object_get(node, key);
		if (member != NULL)
			push(out, member);
	} else if (json_is_array(node)) {
		json_array_foreach(node, i, member)
			take_key(key, member, out);
	}
}

static bool
filter_holds(const struct filter *filter, const json_t *node)
{
	char buf[CK_VALUE_TEXT_SIZE];
	const char *text;
	size_t len;

	if (!json_is_object(node))
		return false;
	node = json_object_get(node, filter->key);
	if (node == NULL)
		return false;
	text = ck_value_text(node, buf, &len);
	if (text == NULL)
		return false;
	if (filter->by_paragraph)
		return memchr(text, '\0', len) == NULL &&
		       ck_paragraph_within(text, filter->paragraph);
	return len == filter->value_length && memcmp(text, filter->value, len) == 0;
}

/* A filter: on an array, its elements that pass; on an object, the
 * object when it passes, as if it were an array of one. */
static void
apply_filter(const struct filter *filter, json_t *node, ck_values *out)
{
	json_t *element;
	size_t i;

	if (json_is_array(node)) {
		json_array_foreach(node, i, element)
			if (filter->kind == FILTER_EVERY ||
			    filter_holds(filter, element))
				push(out, element);
	} else if (json_is_object(node)) {
		if (filter->kind == FILTER_EVERY || filter_holds(filter, node))
			push(out, node);
	}
}

/* The nodes of the next step were appended after those of this one
 * (OUT's items from START to MID): moves them down to START. */
static void
settle(ck_values *out, size_t start, size_t mid)
{
	size_t n = out->count - mid;

	memmove(out->items + start, out->items + mid, n * sizeof *out->items);
	out->count = start + n;
}

void
ck_path_eval(const ck_path *path, json_t *root, json_t *node, ck_values *out)
{
	size_t start = out->count, mid, i, s, f;
	json_t *from = path->from_root ? root : node;
	bool arrays = false;

	if (from == NULL)
		return;
	push(out, from);
	for (s = 0; s < path->nsteps && out->count > start; s++) {
		const struct step *step = &path->steps[s];

		mid = out->count;
		for (i = start; i < mid; i++)
			take_key(step->key, out->items[i], out);
		settle(out, start, mid);
		for (f = 0; f < step->nfilters; f++) {
			mid = out->count;
			for (i = start; i < mid; i++)
				apply_filter(&step->filters[f], out->items[i], out);
			settle(out, start, mid);
		}
	}
	/* A path that ends at an array yields its elements. */
	for (i = start; i < out->count && !arrays; i++)
		arrays = json_is_array(out->items[i]);
	if (!arrays)
		return;
	mid = out->count;
	for (i = start; i < mid; i++) {
		json_t *value = out->items[i], *element;
		size_t j;

		if (json_is_array(value)) {
			json_array_foreach(value, j, element)
				push(out, element);
		} else {
			push(out, value);
		}
	}
	settle(out, start, mid);
}

long
ck_path_split_assignment(const char *text)
{
	const char *p;
	bool in_filter = false;

	for (p = text; *p != '\0'; p++) {
		if (in_filter) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == ']')
				in_filter = false;
		} else if (*p == '[') {
			in_filter = true;
		} else if (*p == '=') {
			return (long)(p - text);
		}
	}
	return -1;
}
