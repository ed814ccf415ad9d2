/* SPDX-License-Identifier: MPL-2.0 */
/* intake.c — new cases as case-new opens them (casekit(5), case-new(1)):
 * completed, numbered MUNICIPALITY-YEAR-NNNN and checked against the
 * store; the columns of the case system's CSV export mapped to fields,
 * a row made into a case; and a second import of the same export
 * (--update) matched to the open cases by external_ref, changed through
 * the change protocol (change.c). Nothing here prints or exits: a
 * problem is a ck_problem, its field the column's name for a row. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct ck_intake {
	ck_store *store;          /* NULL: numbering from 0001 */
	const ck_rulebook *rules;
	ck_date today;
	bool update;              /* rows matched to open cases */
	json_t *defaults;         /* fields a new case from a row lacks */
	json_t *taken;            /* ids in the store or given in this run */
	json_t *open_refs;        /* external_ref of open cases: true, or the
				     place of the store's record (update) */
	json_t *closed_refs;      /* external_ref of closed cases: their id */
	json_t *seen_refs;        /* external_ref of this import's rows: row */
	json_t *last;             /* prefix: the last number given */
	json_t *cases;            /* the new records, in order */
	ck_record **records;      /* the store's records (update) */
	size_t nrecords, cap;
	ck_intake_counts counts;
};

struct ck_intake_columns {
	char **names;             /* the header */
	char **paths;             /* the field each fills, or NULL */
	size_t count;
};

ck_intake *
ck_intake_new(ck_store *store, const ck_rulebook *rules, ck_date today, bool update)
{
	ck_intake *in = xcalloc(1, sizeof *in);

	in->store = store;
	in->rules = rules;
	in->today = today;
	in->update = update;
	in->defaults = json_object();
	in->taken = json_object();
	in->open_refs = json_object();
	in->closed_refs = json_object();
	in->seen_refs = json_object();
	in->last = json_object();
	in->cases = json_array();
	oom_unless(in->defaults != NULL && in->taken != NULL && in->open_refs != NULL &&
		   in->closed_refs != NULL && in->seen_refs != NULL && in->last != NULL &&
		   in->cases != NULL);
	return in;
}

void
ck_intake_free(ck_intake *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->nrecords; i++)
		ck_record_free(in->records[i]);
	free(in->records);
	json_decref(in->defaults);
	json_decref(in->taken);
	json_decref(in->open_refs);
	json_decref(in->closed_refs);
	json_decref(in->seen_refs);
	json_decref(in->last);
	json_decref(in->cases);
	free(in);
}

void
ck_intake_set_default(ck_intake *in, const char *path, json_t *value)
{
	oom_unless(value != NULL && json_object_set_new(in->defaults, path, value) == 0);
}

void
ck_intake_note_case(ck_intake *in, ck_record *record)
{
	json_t *json = ck_record_json(record);
	const char *id = json_string_value(json_object_get(json, "id"));
	const char *ref = json_string_value(json_object_get(json, "external_ref"));

	if (id != NULL) {
		oom_unless(json_object_set_new(in->taken, id, json_true()) == 0);
		if (in->store != NULL)
			ck_store_note_id(in->store, id);
	}
	if (ref != NULL && ck_case_is_open(json)) {
		/* A second open case of one reference cannot be matched: -1. */
		json_int_t place = json_object_get(in->open_refs, ref) != NULL ? -1 :
			(json_int_t)in->nrecords;

		oom_unless(json_object_set_new(in->open_refs, ref, json_integer(place)) == 0);
	} else if (ref != NULL && id != NULL) {
		oom_unless(json_object_set_new(in->closed_refs, ref, json_string(id)) == 0);
	}
	if (!in->update) {
		ck_record_free(record);
		return;
	}
	if (in->nrecords == in->cap) {
		in->cap = in->cap != 0 ? in->cap * 2 : 256;
		in->records = xreallocarray(in->records, in->cap, sizeof *in->records);
	}
	in->records[in->nrecords++] = record;
}

/* A pathway that names no rule set, with the sets there are. */
static void
no_rule_set(const ck_intake *in, const char *field, ck_problem *p)
{
	char *sets = ck_rulebook_names(in->rules);

	ck_problem_set(p, field, _("no rule set of this name; the sets there are: %s "
				   "(see casekit-rules(5))"), sets);
	free(sets);
}

/* Gives the case its id: the next number of its municipality and year
 * after every number the store has given (gaps are never filled). */
static bool
number_case(ck_intake *in, json_t *rec, ck_problem *p)
{
	const char *municipality = json_string_value(json_object_get(rec, "municipality"));
	ck_date opened;
	int year, month, day;
	unsigned long n = 0;
	char prefix[96], id[128];
	json_t *last;

	ck_date_parse(json_string_value(json_object_get(rec, "opened")), &opened);
	ck_date_to_ymd(opened, &year, &month, &day);
	snprintf(prefix, sizeof prefix, "%s-%04d", municipality, year);
	last = json_object_get(in->last, prefix);
	if (in->store != NULL)
		n = ck_store_high_water(in->store, prefix);
	if (json_is_integer(last) && (unsigned long)json_integer_value(last) > n)
		n = (unsigned long)json_integer_value(last);
	do {
		if (n == ULONG_MAX || (unsigned long long)n >= CK_CASE_NUMBER_MAX) {
			ck_problem_set(p, NULL, _("no number is left for a new case id of %s"),
				       prefix);
			return false;
		}
		snprintf(id, sizeof id, "%s-%04lu", prefix, ++n);
	} while (json_object_get(in->taken, id) != NULL);
	oom_unless(json_object_set_new(in->last, prefix, json_integer((json_int_t)n)) == 0);
	ck_record_set(rec, "id", json_string(id));
	return true;
}

bool
ck_intake_add(ck_intake *in, json_t *rec, unsigned long row, ck_problem *p)
{
	json_t *child = json_object_get(rec, "child");
	const char *id, *ref;
	char text[CK_DATE_SIZE];
	bool ok = false;

	p->field[0] = p->message[0] = '\0';
	ck_record_set(rec, "format", json_string("casekit/1"));
	ck_record_set(rec, "status", json_string("open"));
	if (json_object_get(rec, "opened") == NULL)
		ck_record_set(rec, "opened", json_string(ck_date_format(in->today, text)));
	if (json_object_get(rec, "municipality") == NULL) {
		ck_problem_set(p, "municipality", "%s", _("missing (required)"));
		goto out;
	}
	if (json_object_get(rec, "pathway") == NULL) {
		ck_problem_set(p, "pathway", "%s", _("missing (required)"));
		goto out;
	}
	if (json_object_get(child, "name") == NULL &&
	    json_object_get(rec, "external_ref") == NULL) {
		ck_problem_set(p, NULL, "%s",
			       _("the child's name or the external reference is required"));
		goto out;
	}
	/* The birth date an identity number gives, where none is given. */
	ck_case_born_from_identity(rec);
	/* Numbering needs a valid municipality and opening date; a record
	 * without them fails validation just below. */
	if (json_object_get(rec, "id") == NULL &&
	    ck_validate_field("municipality", json_object_get(rec, "municipality"), NULL) == 1 &&
	    ck_validate_field("opened", json_object_get(rec, "opened"), NULL) == 1 &&
	    !number_case(in, rec, p))
		goto out;
	ck_event_append(rec, ck_event_new("case-new", "new"));
	if (row > 0)
		json_object_set_new(json_array_get(json_object_get(rec, "events"), 0),
				    "csv_row", json_integer((json_int_t)row));
	if (!ck_validate(rec, p))
		goto out;
	if (ck_rulebook_get(in->rules, json_string_value(json_object_get(rec, "pathway"))) == NULL) {
		no_rule_set(in, "pathway", p);
		goto out;
	}
	id = json_string_value(json_object_get(rec, "id"));
	if (json_object_get(in->taken, id) != NULL) {
		ck_problem_set(p, "id", "%s", _("a case with this id exists"));
		goto out;
	}
	ref = json_string_value(json_object_get(rec, "external_ref"));
	if (ref != NULL && json_object_get(in->open_refs, ref) != NULL) {
		ck_problem_set(p, "external_ref", "%s",
			       _("an open case with this reference exists"));
		goto out;
	}
	oom_unless(json_object_set_new(in->taken, id, json_true()) == 0);
	if (ref != NULL)
		oom_unless(json_object_set_new(in->open_refs, ref, json_true()) == 0);
	if (in->store != NULL)
		ck_store_note_id(in->store, id);
	oom_unless(json_array_append(in->cases, rec) == 0);
	in->counts.added++;
	ok = true;
out:
	json_decref(rec);
	return ok;
}

bool
ck_intake_path_allowed(const char *path)
{
	enum ck_field_kind kind = ck_field_kind(path);

	return kind != CK_FIELD_UNKNOWN && kind != CK_FIELD_STRUCTURE &&
		strcmp(path, "format") != 0 && strcmp(path, "status") != 0;
}

/* True when the --map SPEC ("COLUMN=PATH") names the column NAME. */
static bool
map_names(const char *spec, const char *name)
{
	const char *eq = strrchr(spec, '=');

	return eq != NULL && strlen(name) == (size_t)(eq - spec) &&
		strncmp(spec, name, (size_t)(eq - spec)) == 0;
}

ck_intake_columns *
ck_intake_columns_new(char *const *header, size_t count, char *const *maps, size_t nmap,
		      ck_problem *p)
{
	ck_intake_columns *cols = xcalloc(1, sizeof *cols);
	size_t i, j;

	cols->count = count;
	cols->names = xcalloc(count + 1, sizeof *cols->names);
	cols->paths = xcalloc(count + 1, sizeof *cols->paths);
	for (i = 0; i < count; i++) {
		cols->names[i] = xstrdup(header[i]);
		for (j = 0; j < nmap; j++)
			if (map_names(maps[j], header[i])) {
				free(cols->paths[i]);
				cols->paths[i] = xstrdup(strrchr(maps[j], '=') + 1);
			}
		if (cols->paths[i] == NULL && ck_intake_path_allowed(header[i]))
			cols->paths[i] = xstrdup(header[i]);
		for (j = 0; cols->paths[i] != NULL && j < i; j++)
			if (cols->paths[j] != NULL && strcmp(cols->paths[i], cols->paths[j]) == 0) {
				ck_problem_set(p, NULL, _("columns %s and %s both fill %s"),
					       cols->names[j], cols->names[i], cols->paths[i]);
				cols->count = i + 1;
				ck_intake_columns_free(cols);
				return NULL;
			}
	}
	return cols;
}

void
ck_intake_columns_free(ck_intake_columns *cols)
{
	size_t i;

	if (cols == NULL)
		return;
	for (i = 0; i < cols->count; i++) {
		free(cols->names[i]);
		free(cols->paths[i]);
	}
	free(cols->names);
	free(cols->paths);
	free(cols);
}

size_t
ck_intake_columns_count(const ck_intake_columns *cols)
{
	return cols->count;
}

const char *
ck_intake_column_name(const ck_intake_columns *cols, size_t i)
{
	return i < cols->count ? cols->names[i] : NULL;
}

const char *
ck_intake_column_path(const ck_intake_columns *cols, size_t i)
{
	return i < cols->count ? cols->paths[i] : NULL;
}

bool
ck_intake_columns_mapped(const ck_intake_columns *cols, const char *spec)
{
	size_t i;

	for (i = 0; i < cols->count; i++)
		if (map_names(spec, cols->names[i]))
			return true;
	return false;
}

const char *
ck_intake_column_label(const ck_intake_columns *cols, const char *path)
{
	size_t i;

	for (i = 0; i < cols->count; i++)
		if (cols->paths[i] != NULL && strcmp(cols->paths[i], path) == 0)
			return cols->names[i];
	return path;
}

/* A problem's field, a path, named by its column. */
static void
label_problem(const ck_intake_columns *cols, ck_problem *p)
{
	char field[CK_FIELD_MAX];

	snprintf(field, sizeof field, "%s", ck_intake_column_label(cols, p->field));
	snprintf(p->field, sizeof p->field, "%s", field);
}

/* The fields of one row (NULL with P when a cell is bad or the row has
 * more or fewer cells than the header). New reference. */
static json_t *
record_from_row(const ck_intake_columns *cols, char *const *cells, size_t count,
		ck_problem *p)
{
	json_t *rec = json_object();
	size_t i;

	oom_unless(rec != NULL);
	for (i = cols->count; i < count; i++)
		if (*cells[i] != '\0')
			break;
	if (count < cols->count || i < count) {
		ck_problem_set(p, NULL, _("%zu cells where the header has %zu columns"),
			       count, cols->count);
		json_decref(rec);
		return NULL;
	}
	for (i = 0; i < cols->count; i++) {
		json_t *value;

		if (cols->paths[i] == NULL || *cells[i] == '\0')
			continue;
		if (!ck_field_from_text(cols->paths[i], cells[i], CK_TEXT_LENIENT_DATES,
					&value, p)) {
			snprintf(p->field, sizeof p->field, "%s", cols->names[i]);
			json_decref(rec);
			return NULL;
		}
		ck_record_set(rec, cols->paths[i], value);
	}
	return rec;
}

/* Sets the mapped fields of FIELDS, a row's, on the open case RECORD:
 * the case's id and reference stay, an empty cell leaves its field as
 * it is, an identity number as case-update sets it. */
static ck_intake_result
update_case(ck_intake *in, ck_record *record, const ck_intake_columns *cols,
	    json_t *fields, unsigned long row, ck_problem *p)
{
	ck_change *chg = ck_change_begin(record, "case-new", "update");
	size_t i;

	for (i = 0; i < cols->count; i++) {
		const char *path = cols->paths[i];
		json_t *value = path != NULL ? value_at_path(fields, path) : NULL;
		bool ok;

		if (value == NULL || strcmp(path, "id") == 0 || strcmp(path, "external_ref") == 0)
			continue;
		if (strcmp(path, "child.cpr") == 0)
			ok = ck_case_set_identity(chg, json_string_value(value), NULL, p);
		else if (strcmp(path, "child.personnummer") == 0)
			ok = ck_case_set_identity(chg, NULL, json_string_value(value), p);
		else
			ok = ck_case_set_path(chg, path, value, p);
		if (!ok) {
			ck_change_abandon(chg);
			label_problem(cols, p);
			return CK_INTAKE_BAD;
		}
	}
	if (ck_rulebook_get(in->rules, json_string_value(json_object_get(ck_change_case(chg),
									 "pathway"))) == NULL) {
		ck_change_abandon(chg);
		no_rule_set(in, ck_intake_column_label(cols, "pathway"), p);
		return CK_INTAKE_BAD;
	}
	if (row > 0)
		ck_change_event_set(chg, "csv_row", json_integer((json_int_t)row));
	switch (ck_change_commit(chg, p)) {
	case CK_CHANGE_SAME:
		return CK_INTAKE_UNCHANGED;
	case CK_CHANGE_CHANGED:
		return CK_INTAKE_CHANGED;
	case CK_CHANGE_BAD:
		break;
	}
	label_problem(cols, p);
	return CK_INTAKE_BAD;
}

ck_intake_result
ck_intake_row(ck_intake *in, const ck_intake_columns *cols, char *const *cells,
	      size_t count, unsigned long row, ck_problem *p)
{
	json_t *rec, *value, *place;
	const char *key, *ref;
	ck_intake_result result;

	p->field[0] = p->message[0] = '\0';
	rec = record_from_row(cols, cells, count, p);
	if (rec == NULL)
		return CK_INTAKE_BAD;
	ref = json_string_value(json_object_get(rec, "external_ref"));
	if (in->update && ref != NULL) {
		json_t *seen = json_object_get(in->seen_refs, ref);

		if (seen != NULL) {
			ck_problem_set(p, ck_intake_column_label(cols, "external_ref"),
				       _("the same reference as row %lu"),
				       (unsigned long)json_integer_value(seen));
			json_decref(rec);
			return CK_INTAKE_BAD;
		}
		oom_unless(json_object_set_new(in->seen_refs, ref,
					       json_integer((json_int_t)row)) == 0);
		place = json_object_get(in->open_refs, ref);
		if (json_is_integer(place) && json_integer_value(place) < 0) {
			ck_problem_set(p, ck_intake_column_label(cols, "external_ref"), "%s",
				       _("several open cases have this reference"));
			json_decref(rec);
			return CK_INTAKE_BAD;
		}
		if (json_is_integer(place)) {
			result = update_case(in, in->records[json_integer_value(place)], cols,
					     rec, row, p);
			json_decref(rec);
			if (result == CK_INTAKE_CHANGED)
				in->counts.changed++;
			else if (result == CK_INTAKE_UNCHANGED)
				in->counts.unchanged++;
			return result;
		}
		if (json_object_get(in->closed_refs, ref) != NULL) {
			ck_problem_set(p, NULL, _("matches the closed case %s; skipped"),
				       json_string_value(json_object_get(in->closed_refs, ref)));
			json_decref(rec);
			in->counts.closed++;
			return CK_INTAKE_CLOSED;
		}
	}
	json_object_foreach(in->defaults, key, value)
		if (json_object_get(rec, key) == NULL)
			ck_record_set(rec, key, json_incref(value));
	if (!ck_intake_add(in, rec, row, p)) {
		label_problem(cols, p);
		return CK_INTAKE_BAD;
	}
	return CK_INTAKE_NEW;
}

const json_t *
ck_intake_cases(const ck_intake *in)
{
	return in->cases;
}

size_t
ck_intake_store_count(const ck_intake *in)
{
	return in->nrecords;
}

ck_record *
ck_intake_store_record(const ck_intake *in, size_t i)
{
	return i < in->nrecords ? in->records[i] : NULL;
}

json_t *
ck_intake_missing(const ck_intake *in)
{
	json_t *ids = json_array();
	size_t i;

	oom_unless(ids != NULL);
	for (i = 0; i < in->nrecords; i++) {
		json_t *json = ck_record_json(in->records[i]);
		const char *ref = json_string_value(json_object_get(json, "external_ref"));

		if (ref != NULL && ck_case_is_open(json) &&
		    json_object_get(in->seen_refs, ref) == NULL)
			oom_unless(json_array_append(ids, json_object_get(json, "id")) == 0);
	}
	return ids;
}

ck_intake_counts
ck_intake_get_counts(const ck_intake *in)
{
	return in->counts;
}
