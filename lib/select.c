/* SPDX-License-Identifier: MPL-2.0 */
/* select.c — which records a program works on: --case ID (repeatable,
 * alternatives), --match PATH=REGEX (repeatable, all must hold) and
 * --all.
 *
 * Matching runs once per record, so it allocates nothing of its own: the
 * values a path reaches are collected in a list the selection keeps and
 * reuses. A selection is not to be shared between threads: it remembers
 * the ids it has seen, and its patterns keep their match data. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct case_id {
	char *id;
	size_t length;
	bool seen;
};

struct match {
	ck_path *path;
	ck_regex *regex;
};

struct ck_selection {
	struct case_id *cases;
	size_t ncases;
	struct match *matches;
	size_t nmatches;
	bool all;
	ck_values values;       /* scratch for ck_path_eval */
};

ck_selection *
ck_selection_new(void)
{
	ck_selection *selection = calloc(1, sizeof *selection);

	if (selection == NULL)
		ck_fatal(_("out of memory"));
	return selection;
}

void
ck_selection_free(ck_selection *selection)
{
	size_t i;

	if (selection == NULL)
		return;
	for (i = 0; i < selection->ncases; i++)
		free(selection->cases[i].id);
	free(selection->cases);
	for (i = 0; i < selection->nmatches; i++) {
		ck_path_free(selection->matches[i].path);
		ck_regex_free(selection->matches[i].regex);
	}
	free(selection->matches);
	ck_values_free(&selection->values);
	free(selection);
}

void
ck_selection_add_case(ck_selection *selection, const char *id)
{
	struct case_id *c;
	size_t i, length = strlen(id);

	/* An id given twice is one case, and is named once if missing. */
	for (i = 0; i < selection->ncases; i++)
		if (strcmp(selection->cases[i].id, id) == 0)
			return;
	selection->cases = xreallocarray(selection->cases, selection->ncases + 1,
				    sizeof *selection->cases);
	c = &selection->cases[selection->ncases++];
	c->id = xreallocarray(NULL, length + 1, 1);
	memcpy(c->id, id, length + 1);
	c->length = length;
	c->seen = false;
}

static void CK_PRINTF(3, 4)
set_error(char *err, size_t errsize, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errsize == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
}

bool
ck_selection_add_match(ck_selection *selection, const char *spec,
		       char *err, size_t errsize)
{
	char message[CK_MESSAGE_MAX];
	char *path_text;
	long split = ck_path_split_assignment(spec);
	ck_path *path;
	ck_regex *regex;
	struct match *m;

	if (split < 0) {
		set_error(err, errsize, "%s", _("expected PATH=REGEX"));
		return false;
	}
	path_text = xreallocarray(NULL, (size_t)split + 1, 1);
	memcpy(path_text, spec, (size_t)split);
	path_text[split] = '\0';
	path = ck_path_compile(path_text, message, sizeof message);
	if (path == NULL) {
		if (*path_text != '\0')
			set_error(err, errsize, "%s: %s", path_text, message);
		else
			set_error(err, errsize, "%s", message);
		free(path_text);
		return false;
	}
	regex = ck_regex_compile(spec + split + 1, message, sizeof message);
	if (regex == NULL) {
		set_error(err, errsize, _("%s: regular expression: %s"),
			  path_text, message);
		ck_path_free(path);
		free(path_text);
		return false;
	}
	free(path_text);
	selection->matches = xreallocarray(selection->matches,
				      selection->nmatches + 1,
				      sizeof *selection->matches);
	m = &selection->matches[selection->nmatches++];
	m->path = path;
	m->regex = regex;
	return true;
}

void
ck_selection_set_all(ck_selection *selection)
{
	selection->all = true;
}

ck_selection *
ck_selection_from_args(const ck_args *args)
{
	ck_selection *selection = ck_selection_new();
	char err[CK_MESSAGE_MAX];
	size_t i, n;

	n = ck_args_count(args, "case");
	for (i = 0; i < n; i++)
		ck_selection_add_case(selection, ck_args_nth(args, "case", i));
	n = ck_args_count(args, "match");
	for (i = 0; i < n; i++) {
		if (!ck_selection_add_match(selection,
					    ck_args_nth(args, "match", i),
					    err, sizeof err)) {
			ck_selection_free(selection);
			ck_usage_error(_("--match: %s"), err);
		}
	}
	if (ck_args_has(args, "all"))
		ck_selection_set_all(selection);
	return selection;
}

bool
ck_selection_given(const ck_selection *selection)
{
	return selection->ncases > 0 || selection->nmatches > 0 ||
	       selection->all;
}

bool
ck_selection_line_may_match(const ck_selection *selection, const char *line,
			    size_t length)
{
	size_t i;

	if (selection->ncases == 0 || selection->nmatches > 0)
		return true;
	/* An id written with an escape ("\u0030101-…", "\/") would not be
	 * found by its text: any backslash sends the line to the parser. */
	if (memchr(line, '\\', length) != NULL)
		return true;
	for (i = 0; i < selection->ncases; i++)
		if (memmem(line, length, selection->cases[i].id,
			   selection->cases[i].length) != NULL)
			return true;
	return false;
}

/* True when any value at the path has text the pattern matches; -1 on
 * a regex error. */
static int
match_holds(ck_selection *selection, const struct match *m, json_t *record,
	    char *err, size_t errsize)
{
	char message[CK_MESSAGE_MAX];
	size_t i;
	int rc;

	ck_values_clear(&selection->values);
	ck_path_eval(m->path, record, record, &selection->values);
	for (i = 0; i < selection->values.count; i++) {
		rc = ck_regex_match_value(m->regex, selection->values.items[i],
					  message, sizeof message);
		if (rc < 0) {
			set_error(err, errsize, _("--match %s: %s"),
				  ck_path_text(m->path), message);
			return -1;
		}
		if (rc > 0)
			return 1;
	}
	return 0;
}

int
ck_selection_matches(ck_selection *selection, const json_t *record,
		     char *err, size_t errsize)
{
	/* Paths borrow from the record and never change it; ck_path_eval
	 * takes it unqualified as its values are handed on as json_t *. */
	json_t *root = (json_t *)record;
	size_t i;
	int rc;

	if (selection->ncases > 0) {
		json_t *id = json_object_get(root, "id");
		const char *text;
		size_t length;
		bool found = false;

		if (!json_is_string(id))
			return 0;
		text = json_string_value(id);
		length = json_string_length(id);
		for (i = 0; i < selection->ncases && !found; i++) {
			struct case_id *c = &selection->cases[i];

			if (c->length == length &&
			    memcmp(c->id, text, length) == 0) {
				/* Seen even when a --match then fails: the
				 * case exists, and "no such case" would be
				 * wrong. */
				c->seen = true;
				found = true;
			}
		}
		if (!found)
			return 0;
	}
	for (i = 0; i < selection->nmatches; i++) {
		rc = match_holds(selection, &selection->matches[i], root,
				 err, errsize);
		if (rc <= 0)
			return rc;
	}
	return 1;
}

size_t
ck_selection_report_unmatched(const ck_selection *selection)
{
	size_t i, count = 0;

	for (i = 0; i < selection->ncases; i++) {
		if (!selection->cases[i].seen) {
			/* Case ids name no person: they may be shown. */
			ck_error(_("--case %s: no such case"),
				 selection->cases[i].id);
			count++;
		}
	}
	return count;
}
