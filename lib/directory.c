/* SPDX-License-Identifier: MPL-2.0 */
/* directory.c — the knowledge directory: where specialist knowledge on
 * each rare condition is to be had (DK 1.1, "tværkommunalt
 * vidensberedskab"), shared between municipalities as a CSV file or JSON
 * lines, and matched against a case's diagnosis.
 *
 * Every pattern is compiled when the directory is loaded, so that a
 * broken one is reported with its file and row before any record is
 * read, never half-way through a store. A match is a suggestion for the
 * caseworker, never an actor: case-actors suggest writes it under
 * "suggestions". An entry may belong to a country (DK, SE): a directory
 * shared across the border offers a case only its own country's bodies
 * and those of none.
 *
 * A loaded directory keeps one compiled pattern per entry, and a
 * compiled pattern keeps its own match data: a directory must not be
 * matched from several threads at once. */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct ck_directory {
	char *path;                 /* as messages name it */
	ck_directory_entry *entries;
	ck_regex **patterns;        /* one per entry */
	size_t count;
	size_t capacity;
};

/* The members of an entry, in the order of casekit(5)'s suggestions
 * after the pattern; the CSV header and the JSON keys use these names. */
static const struct member {
	const char *name;
	size_t offset;
	bool required;
} members[] = {
	{ "pattern", offsetof(ck_directory_entry, pattern), true },
	{ "name", offsetof(ck_directory_entry, name), true },
	{ "org", offsetof(ck_directory_entry, org), false },
	{ "kind", offsetof(ck_directory_entry, kind), false },
	{ "contact", offsetof(ck_directory_entry, contact), false },
	{ "region", offsetof(ck_directory_entry, region), false },
	{ "audience", offsetof(ck_directory_entry, audience), true },
	{ "country", offsetof(ck_directory_entry, country), false },
};
#define N_MEMBERS (sizeof members / sizeof members[0])
/* The members a suggestion shows: all but the pattern and the country,
 * which only choose the entries. */
#define AUDIENCE 6
#define COUNTRY 7

/* Who an entry is for. */
static const char *const audiences[] = { "professional", "family", "both", NULL };

/* The countries a directory shared between municipalities may mark an
 * entry with: a Swedish case is never offered a Danish body, nor the
 * other way. */
static const char *const countries[] = { "DK", "SE", NULL };

static const char **
member_slot(ck_directory_entry *entry, size_t i)
{
	return (const char **)((char *)entry + members[i].offset);
}

static void
free_entry(ck_directory_entry *entry)
{
	size_t i;

	for (i = 0; i < N_MEMBERS; i++)
		free((void *)*member_slot(entry, i));
}

void
ck_directory_free(ck_directory *dir)
{
	size_t i;

	if (dir == NULL)
		return;
	for (i = 0; i < dir->count; i++) {
		free_entry(&dir->entries[i]);
		ck_regex_free(dir->patterns[i]);
	}
	free(dir->entries);
	free(dir->patterns);
	free(dir->path);
	free(dir);
}

bool
ck_directory_is_json(const char *path)
{
	static const char *const suffixes[] = { ".jsonl", ".ndjson", ".json" };
	size_t len = strlen(path), i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t n = strlen(suffixes[i]);

		if (len > n && strcasecmp(path + len - n, suffixes[i]) == 0)
			return true;
	}
	return false;
}

/* Adds the entry whose member texts are VALUES (N_MEMBERS of them, NULL
 * or "" where absent; copied), checking it and compiling its pattern.
 * False with the problem in P. */
static bool
add_entry(ck_directory *dir, const char *const *values, unsigned long line,
	  ck_problem *p)
{
	ck_directory_entry entry;
	char err[CK_MESSAGE_MAX];
	const char *const *a;
	ck_regex *re;
	size_t i;

	for (i = 0; i < N_MEMBERS; i++)
		if (members[i].required && (values[i] == NULL || values[i][0] == '\0')) {
			ck_problem_set(p, members[i].name, _("missing (required)"));
			return false;
		}
	for (a = audiences; *a != NULL; a++)
		if (strcmp(values[AUDIENCE], *a) == 0)
			break;
	if (*a == NULL) {
		ck_problem_set(p, "audience", _("not one of: %s"),
			       "professional, family, both");
		return false;
	}
	if (values[COUNTRY] != NULL && values[COUNTRY][0] != '\0') {
		for (a = countries; *a != NULL; a++)
			if (strcmp(values[COUNTRY], *a) == 0)
				break;
		if (*a == NULL) {
			ck_problem_set(p, "country", _("not one of: %s"), "DK, SE");
			return false;
		}
	}
	re = ck_regex_compile(values[0], err, sizeof err);
	if (re == NULL) {
		ck_problem_set(p, "pattern", "%s", err);
		return false;
	}
	memset(&entry, 0, sizeof entry);
	for (i = 0; i < N_MEMBERS; i++)
		if (values[i] != NULL && values[i][0] != '\0')
			*member_slot(&entry, i) = xstrdup(values[i]);
	entry.line = line;
	if (dir->count == dir->capacity) {
		dir->capacity = dir->capacity > 0 ? 2 * dir->capacity : 32;
		dir->entries = xreallocarray(dir->entries, dir->capacity,
					     sizeof *dir->entries);
		dir->patterns = xreallocarray(dir->patterns, dir->capacity,
					      sizeof *dir->patterns);
	}
	dir->entries[dir->count] = entry;
	dir->patterns[dir->count] = re;
	dir->count++;
	return true;
}

/* A CSV directory: a header naming the columns (in any order, compared
 * without regard to case), one entry per row. */
static bool
load_csv(ck_directory *dir, const char *path, char delimiter,
	 const char *encoding, unsigned long *line, ck_problem *p)
{
	char err[CK_MESSAGE_MAX];
	long column[N_MEMBERS];
	bool header = true, ok = true;
	char **cells;
	size_t count, ncolumns = 0, i, j;
	unsigned long row;
	ck_csv *csv;
	int rc;

	csv = ck_csv_open(path, delimiter, encoding, err, sizeof err);
	if (csv == NULL) {
		*line = 0;
		ck_problem_set(p, NULL, "%s", err);
		return false;
	}
	for (i = 0; i < N_MEMBERS; i++)
		column[i] = -1;
	while (ok && (rc = ck_csv_next(csv, &cells, &count, &row, err, sizeof err)) == 1) {
		const char *values[N_MEMBERS];

		*line = row;
		if (header) {
			header = false;
			ncolumns = count;
			for (j = 0; j < count; j++) {
				for (i = 0; i < N_MEMBERS; i++)
					if (strcasecmp(cells[j], members[i].name) == 0)
						break;
				if (i == N_MEMBERS) {
					if (cells[j][0] != '\0')
						ck_warning_at(dir->path, row, cells[j],
							      _("not a column of a knowledge directory; ignored"));
					continue;
				}
				if (column[i] >= 0) {
					ck_problem_set(p, members[i].name,
						       _("a column of this name appears twice"));
					ok = false;
					break;
				}
				column[i] = (long)j;
			}
			for (i = 0; ok && i < N_MEMBERS; i++)
				if (members[i].required && column[i] < 0) {
					ck_problem_set(p, members[i].name, _("missing (required)"));
					ok = false;
				}
			continue;
		}
		/* A spreadsheet may leave out empty cells at the end of a
		 * row; text beyond the header's columns is a shifted row. */
		for (j = ncolumns; j < count; j++)
			if (cells[j][0] != '\0') {
				ck_problem_set(p, NULL,
					       _("%zu cells where the header has %zu columns"),
					       count, ncolumns);
				ok = false;
				break;
			}
		if (!ok)
			break;
		for (i = 0; i < N_MEMBERS; i++)
			values[i] = column[i] >= 0 && (size_t)column[i] < count ?
				cells[column[i]] : NULL;
		ok = add_entry(dir, values, row, p);
	}
	if (ok && rc < 0) {
		*line = row;
		ck_problem_set(p, NULL, "%s", err);
		ok = false;
	}
	if (ok && header) {
		*line = 0;
		ck_problem_set(p, NULL, _("no header row"));
		ok = false;
	}
	ck_csv_close(csv);
	return ok;
}

/* One line of a JSON-lines directory: an object whose members are the
 * entry's texts; other members are the municipality's own, and kept out. */
static bool
load_json_line(ck_directory *dir, char *text, size_t length, unsigned long line,
	       ck_problem *p)
{
	const char *values[N_MEMBERS];
	json_error_t jerr;
	json_t *obj;
	size_t i;
	bool ok;

	if (length == 0) {
		ck_problem_set(p, NULL, _("blank line"));
		return false;
	}
	/* Jansson's own message quotes the input: word it here. */
	obj = json_loadb(text, length, JSON_REJECT_DUPLICATES, &jerr);
	if (obj == NULL) {
		ck_problem_set(p, NULL, _("invalid JSON (column %d)"), jerr.column);
		return false;
	}
	if (!json_is_object(obj)) {
		json_decref(obj);
		ck_problem_set(p, NULL, _("not a JSON object"));
		return false;
	}
	for (i = 0; i < N_MEMBERS; i++) {
		json_t *value = json_object_get(obj, members[i].name);

		values[i] = json_string_value(value);
		if (value != NULL && values[i] == NULL) {
			json_decref(obj);
			ck_problem_set(p, members[i].name, _("not a string"));
			return false;
		}
	}
	ok = add_entry(dir, values, line, p);
	json_decref(obj);
	return ok;
}

static bool
load_json(ck_directory *dir, const char *path, unsigned long *line,
	  ck_problem *p)
{
	bool from_stdin = strcmp(path, "-") == 0;
	FILE *f = from_stdin ? stdin : fopen(path, "r");
	char *buf = NULL;
	size_t size = 0;
	ssize_t n;
	bool ok = true;

	*line = 0;
	if (f == NULL) {
		ck_problem_set(p, NULL, _("cannot open: %s"), strerror(errno));
		return false;
	}
	while (ok && (n = getline(&buf, &size, f)) >= 0) {
		char *text = buf;
		size_t length = (size_t)n;

		++*line;
		if (*line == 1 && length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
			text += 3;
			length -= 3;
		}
		if (length > 0 && text[length - 1] == '\n')
			length--;
		if (length > 0 && text[length - 1] == '\r')
			length--;
		ok = load_json_line(dir, text, length, *line, p);
	}
	if (ok && ferror(f)) {
		ck_problem_set(p, NULL, _("read error: %s"), strerror(errno));
		ok = false;
	}
	free(buf);
	if (!from_stdin)
		fclose(f);
	return ok;
}

ck_directory *
ck_directory_load(const char *path, char delimiter, const char *encoding,
		  unsigned long *line, ck_problem *p)
{
	ck_directory *dir = xcalloc(1, sizeof *dir);
	unsigned long where = 0;
	bool ok;

	dir->path = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	if (ck_directory_is_json(path))
		ok = load_json(dir, path, &where, p);
	else
		ok = load_csv(dir, path, delimiter, encoding, &where, p);
	if (line != NULL)
		*line = where;
	if (!ok) {
		ck_directory_free(dir);
		return NULL;
	}
	return dir;
}

size_t
ck_directory_count(const ck_directory *dir)
{
	return dir->count;
}

const ck_directory_entry *
ck_directory_entry_at(const ck_directory *dir, size_t i)
{
	return i < dir->count ? &dir->entries[i] : NULL;
}

/* The message of a match that failed, naming the entry by its place. */
static int
match_failed(const ck_directory *dir, size_t i, const char *why,
	     char *err, size_t errsize)
{
	if (err != NULL && errsize > 0)
		snprintf(err, errsize, _("the pattern at %s:%lu: %s"), dir->path,
			 dir->entries[i].line, why);
	return -1;
}

int
ck_directory_match(ck_directory *dir, size_t i, const json_t *record,
		   char *err, size_t errsize)
{
	json_t *diagnosis = json_object_get(record, "diagnosis");
	json_t *codes = json_object_get(diagnosis, "codes");
	json_t *label = json_object_get(diagnosis, "label");
	char why[CK_MESSAGE_MAX];
	json_t *code;
	size_t k;
	int rc;

	if (i >= dir->count)
		return 0;
	json_array_foreach(codes, k, code) {
		rc = ck_regex_match_value(dir->patterns[i], code, why, sizeof why);
		if (rc < 0)
			return match_failed(dir, i, why, err, errsize);
		if (rc > 0)
			return 1;
	}
	if (label == NULL)
		return 0;
	rc = ck_regex_match_value(dir->patterns[i], label, why, sizeof why);
	if (rc < 0)
		return match_failed(dir, i, why, err, errsize);
	return rc;
}

/* The suggestion an entry makes: its texts but the pattern, in the
 * order of casekit(5). */
static json_t *
suggestion(const ck_directory_entry *entry)
{
	json_t *obj = json_object();
	size_t i;

	if (obj == NULL)
		ck_fatal(_("out of memory"));
	for (i = 1; i <= AUDIENCE; i++) {
		const char *text = *member_slot((ck_directory_entry *)entry, i);

		if (text != NULL &&
		    json_object_set_new(obj, members[i].name, json_string(text)) != 0)
			ck_fatal(_("out of memory"));
	}
	return obj;
}

json_t *
ck_directory_suggest(ck_directory *dir, const json_t *record, char *err,
		     size_t errsize)
{
	const char *country = ck_case_country(record);
	json_t *out = json_array();
	size_t i, k;

	if (out == NULL)
		ck_fatal(_("out of memory"));
	for (i = 0; i < dir->count; i++) {
		const char *of = dir->entries[i].country;
		json_t *s, *old;
		bool seen = false;
		int rc;

		if (of != NULL && strcmp(of, country) != 0)
			continue;
		rc = ck_directory_match(dir, i, record, err, errsize);
		if (rc < 0) {
			json_decref(out);
			return NULL;
		}
		if (rc == 0)
			continue;
		/* Two rows that say the same (one per code of a condition,
		 * say) make one suggestion. */
		s = suggestion(&dir->entries[i]);
		json_array_foreach(out, k, old)
			if (json_equal(old, s))
				seen = true;
		if (seen)
			json_decref(s);
		else if (json_array_append_new(out, s) != 0)
			ck_fatal(_("out of memory"));
	}
	return out;
}
