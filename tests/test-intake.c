/* SPDX-License-Identifier: MPL-2.0 */
/* test-intake.c — unit tests of lib/intake.c: the columns of an export
 * mapped to fields, a row made into a numbered case, the problems named
 * by column, and a second import matched to the open cases by
 * external_ref (new, changed, unchanged, closed, missing). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

static const char *
text_of(const json_t *json)
{
	return keep(json_dumps(json, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY));
}

/* The records of a store holding the lines TEXTS (NULL-terminated),
 * noted in the intake as case-new reads them. */
static void
note_store(ck_intake *in, const char *const *texts)
{
	char path[] = "/tmp/test-intake.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	char *files[1];
	ck_reader *reader;
	ck_record *rec;

	if (f == NULL)
		exit(99);
	for (; *texts != NULL; texts++)
		fprintf(f, "%s\n", q(*texts));
	fclose(f);
	files[0] = path;
	reader = ck_reader_open(files, 1, 0);
	while ((rec = ck_reader_next(reader)) != NULL) {
		if (ck_record_json(rec) == NULL)
			exit(99);
		ck_intake_note_case(in, rec);
	}
	ck_reader_close(reader);
	remove(path);
}

static ck_intake_columns *
columns(char **header, size_t count, char **maps, size_t nmap)
{
	ck_problem p;
	ck_intake_columns *cols = ck_intake_columns_new(header, count, maps, nmap, &p);

	if (cols == NULL)
		printf("# columns: %s\n", p.message);
	return cols;
}

static void
test_columns(void)
{
	char *header[] = { "Sagsnummer", "child.name", "Team", "status", "Født" };
	char *maps[] = { "Sagsnummer=external_ref", "Født=child.born", "Nothing=team" };
	char *both[] = { "Team=team", "Sagsnummer=team" };
	ck_intake_columns *cols = columns(header, 5, maps, 3);
	ck_problem p;

	is_int((int)ck_intake_columns_count(cols), 5, "columns: five");
	is_str(ck_intake_column_path(cols, 0), "external_ref", "a --map fills its path");
	is_str(ck_intake_column_path(cols, 1), "child.name", "a field-path header maps by itself");
	is_str(ck_intake_column_path(cols, 2), NULL, "a column named like no field fills none");
	is_str(ck_intake_column_path(cols, 3), NULL, "status is casekit's: no column fills it");
	is_str(ck_intake_column_label(cols, "child.born"), "Født", "a path named by its column");
	is_str(ck_intake_column_label(cols, "pathway"), "pathway", "an unmapped path by itself");
	ok(ck_intake_columns_mapped(cols, maps[0]), "a --map naming a column");
	ok(!ck_intake_columns_mapped(cols, maps[2]), "a --map naming no column");
	ck_intake_columns_free(cols);

	ok(ck_intake_columns_new(header, 5, both, 2, &p) == NULL, "two columns fill one field: NULL");
	is_str(p.message, "columns Sagsnummer and Team both fill team",
	       "two columns fill one field: both named");
	ok(ck_intake_path_allowed("milestones.aware") && !ck_intake_path_allowed("events") &&
	   !ck_intake_path_allowed("format") && !ck_intake_path_allowed("no.such"),
	   "the paths a column may fill");
}

static void
test_rows(const ck_rulebook *rules)
{
	char *header[] = { "Ref", "municipality", "pathway", "Født", "opened" };
	char *maps[] = { "Ref=external_ref", "Født=child.born" };
	char *row1[] = { "R-1", "101", "disability", "03-04-2019", "2026-05-01" };
	char *row2[] = { "R-2", "0101", "", "", "2026-06-01" };
	char *row3[] = { "R-3", "0101", "disability", "2019-02-30", "" };
	char *row4[] = { "R-1", "0101", "disability", "", "" };
	char *row5[] = { "R-5", "0101" };
	char *row6[] = { "R-6", "0147", "no-such-set", "", "" };
	ck_intake *in = ck_intake_new(NULL, rules, day("2026-11-22"), false);
	ck_intake_columns *cols = columns(header, 5, maps, 2);
	const json_t *cases;
	ck_problem p;

	ck_intake_set_default(in, "pathway", json_string("rare-disability"));
	is_int(ck_intake_row(in, cols, row1, 5, 2, &p), CK_INTAKE_NEW, "a row: a new case");
	is_int(ck_intake_row(in, cols, row2, 5, 3, &p), CK_INTAKE_NEW, "a second row: a new case");
	cases = ck_intake_cases(in);
	is_int((int)json_array_size(cases), 2, "two cases");
	is_str(text_of(json_array_get(cases, 0)),
	       q("{'format':'casekit/1','id':'0101-2026-0001','external_ref':'R-1','opened':'2026-05-01',"
		 "'status':'open','municipality':'0101','pathway':'disability','child':{'born':'2019-04-03'},"
		 "'events':[{'at':'2026-11-22T10:00:00Z','by':'tester','tool':'case-new','op':'new','csv_row':2}]}"),
	       "the first case: padded, a Danish date read, numbered, its row in the event");
	is_str(json_string_value(json_object_get(json_array_get(cases, 1), "id")), "0101-2026-0002",
	       "numbered on within the municipality and year");
	is_str(json_string_value(json_object_get(json_array_get(cases, 1), "pathway")),
	       "rare-disability", "a default fills an empty cell");

	is_int(ck_intake_row(in, cols, row3, 5, 4, &p), CK_INTAKE_BAD, "a bad date: bad");
	is_str(p.field, "Født", "a bad cell: named by its column");
	is_str(p.message, "not a date (YYYY-MM-DD)", "a bad cell: what is wrong");
	is_int(ck_intake_row(in, cols, row4, 5, 5, &p), CK_INTAKE_BAD, "an open case's reference again: bad");
	is_str(p.field, "Ref", "the reference: named by its column");
	is_int(ck_intake_row(in, cols, row5, 2, 6, &p), CK_INTAKE_BAD, "too few cells: bad");
	is_str(p.message, "2 cells where the header has 5 columns", "too few cells: said so");
	is_int(ck_intake_row(in, cols, row6, 5, 7, &p), CK_INTAKE_BAD, "no such rule set: bad");
	is_str(p.field, "pathway", "no such rule set: the column");
	is_int((int)json_array_size(ck_intake_cases(in)), 2, "bad rows add nothing");
	is_int((int)ck_intake_get_counts(in).added, 2, "counted: two new");
	ck_intake_columns_free(cols);
	ck_intake_free(in);
}

static void
test_options(const ck_rulebook *rules)
{
	ck_intake *in = ck_intake_new(NULL, rules, day("2026-11-22"), false);
	json_t *rec = json_loads(q("{'municipality':'0101','pathway':'base'}"), 0, NULL);
	ck_problem p;

	ok(!ck_intake_add(in, rec, 0, &p), "neither a name nor a reference: refused");
	is_str(p.field, "", "the whole case: no field");
	rec = json_loads(q("{'municipality':'0101','pathway':'base','child':{'name':'A'},"
			   "'id':'0101-2026-0007'}"), 0, NULL);
	ok(ck_intake_add(in, rec, 0, &p), "a case with its own id");
	rec = json_loads(q("{'municipality':'0101','pathway':'base','child':{'name':'B'},"
			   "'id':'0101-2026-0007'}"), 0, NULL);
	ok(!ck_intake_add(in, rec, 0, &p), "the same id again: refused");
	is_str(p.field, "id", "the same id: the field");
	rec = json_loads(q("{'municipality':'0101','child':{'name':'B'}}"), 0, NULL);
	ok(!ck_intake_add(in, rec, 0, &p), "no pathway: refused");
	is_str(p.field, "pathway", "no pathway: the field");
	is_str(json_string_value(json_object_get(json_array_get(ck_intake_cases(in), 0), "opened")),
	       "2026-11-22", "opened today by default");
	ck_intake_free(in);
}

#define STORED(id, ref, status, team) \
	"{'format':'casekit/1','id':'" id "','external_ref':'" ref "','opened':'2026-01-05'," \
	"'status':'" status "','municipality':'0101','pathway':'disability','team':'" team "'" \
	status_extra(status) ",'events':[{'at':'2026-01-05T09:00:00Z','by':'tester'," \
	"'tool':'case-new','op':'new'}]}"
#define status_extra(status) ""

static void
test_update(const ck_rulebook *rules)
{
	char *header[] = { "external_ref", "team", "child.born", "pathway" };
	char *same[] = { "R-1", "Nord", "", "disability" };
	char *changed[] = { "R-2", "Syd", "2019-04-03", "disability" };
	char *closed[] = { "R-3", "Nord", "", "disability" };
	char *fresh[] = { "R-9", "Nord", "", "disability" };
	char *again[] = { "R-9", "Nord", "", "disability" };
	char *bad[] = { "R-4", "Nord", "2030-01-01", "no-such-set" };
	ck_intake *in = ck_intake_new(NULL, rules, day("2026-11-22"), true);
	ck_intake_columns *cols = columns(header, 4, NULL, 0);
	const json_t *events;
	json_t *missing, *rec;
	ck_record *r2, *r4;
	ck_problem p;

	static const char *const store[] = {
		STORED("0101-2026-0001", "R-1", "open", "Nord"),
		STORED("0101-2026-0002", "R-2", "open", "Nord"),
		"{'format':'casekit/1','id':'0101-2026-0003','external_ref':'R-3',"
		"'opened':'2026-01-05','status':'closed','closed':'2026-03-01',"
		"'closed_reason':'moved','municipality':'0101','pathway':'disability'}",
		STORED("0101-2026-0004", "R-4", "open", "Nord"),
		STORED("0101-2026-0005", "R-5", "open", "Nord"),
		NULL
	};

	note_store(in, store);
	ck_intake_set_default(in, "municipality", json_string("0101"));
	is_int((int)ck_intake_store_count(in), 5, "update: the store's records kept");
	r2 = ck_intake_store_record(in, 1);
	r4 = ck_intake_store_record(in, 3);

	is_int(ck_intake_row(in, cols, same, 4, 2, &p), CK_INTAKE_UNCHANGED, "the same row: unchanged");
	ok(!ck_record_changed(ck_intake_store_record(in, 0)), "unchanged: the record not marked");
	is_int(ck_intake_row(in, cols, changed, 4, 3, &p), CK_INTAKE_CHANGED, "a changed row: changed");
	ok(ck_record_changed(r2), "changed: the record marked");
	rec = ck_record_json(r2);
	is_str(json_string_value(json_object_get(rec, "team")), "Syd", "changed: the field set");
	events = json_object_get(rec, "events");
	is_int((int)json_array_size(events), 2, "changed: one event more");
	is_str(text_of(json_array_get(events, 1)),
	       q("{'at':'2026-11-22T10:00:00Z','by':'tester','tool':'case-new','op':'update',"
		 "'csv_row':3,'fields':['team','child.born']}"),
	       "changed: the event names the fields and the row");
	is_int(ck_intake_row(in, cols, closed, 4, 4, &p), CK_INTAKE_CLOSED, "a closed case's row: closed");
	is_str(p.message, "matches the closed case 0101-2026-0003; skipped",
	       "a closed case's row: its id named");
	is_int(ck_intake_row(in, cols, fresh, 4, 5, &p), CK_INTAKE_NEW, "a row of no case: new");
	is_str(json_string_value(json_object_get(json_array_get(ck_intake_cases(in), 0), "id")),
	       "0101-2026-0006", "new: numbered after the store's");
	is_int(ck_intake_row(in, cols, again, 4, 6, &p), CK_INTAKE_BAD, "a reference twice in an export: bad");
	is_str(p.message, "the same reference as row 5", "a reference twice: the first row named");
	is_int(ck_intake_row(in, cols, bad, 4, 7, &p), CK_INTAKE_BAD, "a change that breaks the case: bad");
	is_str(p.field, "pathway", "a change that breaks the case: named");
	ok(!ck_record_changed(r4), "a bad change: the record not marked");
	is_str(json_string_value(json_object_get(ck_record_json(r4), "pathway")), "disability",
	       "a bad change: the case put back");

	missing = ck_intake_missing(in);
	is_str(text_of(missing), q("['0101-2026-0005']"),
	       "missing: the open case no row had (the bad row's counts as had)");
	json_decref(missing);
	{
		ck_intake_counts n = ck_intake_get_counts(in);

		ok(n.added == 1 && n.changed == 1 && n.unchanged == 1 && n.closed == 1,
		   "counts: 1 new, 1 changed, 1 unchanged, 1 closed");
	}
	ck_intake_columns_free(cols);
	ck_intake_free(in);
}

int
main(void)
{
	ck_rulebook *rules;

	ck_init("test-intake");
	setenv("CASEKIT_NOW", "2026-11-22T10:00:00Z", 1);
	setenv("CASEKIT_USER", "tester", 1);
	rules = ck_rulebook_load(NULL);
	test_columns();
	test_rows(rules);
	test_options(rules);
	test_update(rules);
	ck_rulebook_free(rules);
	ring_free();
	return done_testing();
}
