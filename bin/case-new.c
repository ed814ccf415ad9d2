/* case-new — open cases: one record from options, or one per row of the
 * case system's CSV export; written to standard output or appended to a
 * store under its lock. See case-new(1). */
#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"

static const ck_option options[] = {
	{ "child-name", 0, true, NULL },
	{ "born", 0, true, NULL },
	{ "cpr", 0, true, NULL },
	{ "personnummer", 0, true, NULL },
	{ "municipality", 0, true, NULL },
	{ "team", 0, true, NULL },
	{ "pathway", 0, true, NULL },
	{ "external-ref", 0, true, NULL },
	{ "concern", 0, true, NULL },
	{ "aware", 0, true, NULL },
	{ "diagnosis-status", 0, true, NULL },
	{ "diagnosis-code", 0, true, NULL },
	{ "diagnosis-label", 0, true, NULL },
	{ "opened", 0, true, NULL },
	{ "id", 0, true, NULL },
	{ "csv", 0, true, NULL },
	{ "delimiter", 'd', true, NULL },
	{ "encoding", 0, true, NULL },
	{ "map", 0, true, NULL },
	{ "strict", 0, false, NULL },
	{ "existing", 0, false, NULL },
	{ "store", 0, true, NULL },
	{ "max-record", 0, true, NULL },
	{ "today", 0, true, NULL },
	{ NULL, 0, false, NULL }
};

/* The options that fill one field of one case, and the field. */
static const struct {
	const char *option;
	const char *path;
} case_options[] = {
	{ "id", "id" },
	{ "external-ref", "external_ref" },
	{ "team", "team" },
	{ "child-name", "child.name" },
	{ "born", "child.born" },
	{ "diagnosis-status", "diagnosis.status" },
	{ "diagnosis-label", "diagnosis.label" },
	{ "concern", "milestones.concern" },
	{ "aware", "milestones.aware" },
	{ NULL, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-new [OPTION]...\n"
		 "       case-new --csv FILE [--delimiter C] [--encoding E] [--map COLUMN=PATH]...\n"
		 "Open cases: write new casekit/1 records to standard output, or append\n"
		 "them to a store.\n"
		 "\n"
		 "One case from options:\n"
		 "      --municipality CODE   municipality code (0101, SE-0163) or a local name\n"
		 "      --pathway NAME        the rule set for the case (rare-disability, ...)\n"
		 "      --child-name NAME     the child's name, and/or\n"
		 "      --external-ref REF    the case number in the case system\n"
		 "      --born DATE           the child's birth date (YYYY-MM-DD)\n"
		 "      --cpr -               read the CPR number from standard input\n"
		 "      --personnummer -      read the personnummer from standard input\n"
		 "      --team TEAM           the unit that holds the case\n"
		 "      --concern DATE        first concern, by anyone\n"
		 "      --aware DATE          the municipality became aware (the legal clock)\n"
		 "      --diagnosis-status S  none, suspected, confirmed or undiagnosed\n"
		 "      --diagnosis-code CODE a code such as ORPHA:778 (repeatable)\n"
		 "      --diagnosis-label TEXT\n"
		 "      --opened DATE         the day the case was opened (default: today)\n"
		 "      --id ID               the case id (default: the next number)\n"
		 "\n"
		 "Cases from the case system's CSV export, one per row:\n"
		 "      --csv FILE            the export; columns named by field paths\n"
		 "  -d, --delimiter C         the separator (default ','; Danish Excel: ';')\n"
		 "      --encoding E          the file's encoding (cp1252 from Excel)\n"
		 "      --map COLUMN=PATH     fill field PATH from COLUMN (repeatable)\n"
		 "      --strict              a column that fills no field is an error\n"
		 "  --municipality, --pathway and --opened give defaults for the rows.\n"
		 "\n"
		 "      --store FILE          append to FILE under its lock and print the\n"
		 "                            new ids (FILE is made, mode 0600, if missing)\n"
		 "      --today DATE          take DATE as today (also CASEKIT_TODAY)\n"
		 "      --help                show this help and exit\n"
		 "      --version             show the version and exit\n"
		 "\n"
		 "An identity number is never taken from the command line, where other\n"
		 "users could see it: give '-' and write it on standard input.\n"
		 "Exit status: 0 on success, 2 on a usage error or bad input.\n"
		 "See case-new(1) and casekit(5).\n"));
	/* A text of its own, so that the translations of the text above
	 * still hold until the catalogues are merged. */
	printf(_("\n"
		 "With --csv, for cases that existed before casekit:\n"
		 "      --existing            follow each from today (followed_from), so that\n"
		 "                            old recommendation deadlines are not overdue\n"));
	printf(_("\n"
		 "With --store:\n"
		 "      --max-record SIZE     the longest record in the store (K, M; default 1M)\n"));
}

static const ck_program program = {
	"case-new", NULL, options, help, false
};

/* What a run keeps while it makes cases. */
struct intake {
	const ck_args *args;
	ck_rulebook *rules;
	ck_store *store;          /* NULL: to standard output */
	json_t *taken;            /* ids in the store or given in this run */
	json_t *open_refs;        /* external_ref of open cases */
	json_t *last;             /* prefix: the last number given */
	json_t *cases;            /* the new records, in order */
	ck_date today;
};

/* Reads what the store holds that new cases must not collide with. A
 * line that is not a record stops the run: its id could be any. */
static void
scan_store(struct intake *in, size_t max_record)
{
	ck_reader *reader = ck_store_reader(in->store, max_record);
	ck_record *rec;

	while ((rec = ck_reader_next(reader)) != NULL) {
		json_t *json = ck_record_json(rec);
		const char *id, *ref;

		if (json == NULL) {
			ck_record_report(rec);
			ck_record_free(rec);
			ck_reader_close(reader);
			ck_fatal(_("%s: the store has bad input; nothing was added"),
				 ck_store_path(in->store));
		}
		id = json_string_value(json_object_get(json, "id"));
		if (id != NULL) {
			json_object_set_new(in->taken, id, json_true());
			ck_store_note_id(in->store, id);
		}
		ref = json_string_value(json_object_get(json, "external_ref"));
		if (ref != NULL && ck_case_is_open(json))
			json_object_set_new(in->open_refs, ref, json_true());
		ck_record_free(rec);
	}
	if (ck_reader_failed(reader))
		ck_exit(CK_EXIT_TROUBLE);
	ck_reader_close(reader);
}

/* Gives the case its id: the next number of its municipality and year
 * after every number the store has given (gaps are never filled). False
 * when no number is left (reported; FILE/ROW as finish_case has them). */
static bool
number_case(struct intake *in, json_t *rec, const char *file, unsigned long row)
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
			ck_error_at(file, row, NULL, _("no number is left for a new case id of %s"),
				    prefix);
			return false;
		}
		snprintf(id, sizeof id, "%s-%04lu", prefix, ++n);
	} while (json_object_get(in->taken, id) != NULL);
	json_object_set_new(in->last, prefix, json_integer((json_int_t)n));
	ck_record_set(rec, "id", json_string(id));
	return true;
}

/* Completes a case and checks it against casekit(5), the rule sets and
 * the store. FILE/ROW say where it came from (NULL/0 for options);
 * LABEL names a field as the user knows it. False when it is bad,
 * reported. */
static bool
finish_case(struct intake *in, json_t *rec, const char *file, unsigned long row,
	    const char *(*label)(const char *path, void *data), void *data)
{
	json_t *child = json_object_get(rec, "child");
	const char *pathway, *id, *ref;
	ck_problem problem;
	char text[CK_DATE_SIZE];

	ck_record_set(rec, "format", json_string("casekit/1"));
	ck_record_set(rec, "status", json_string("open"));
	if (json_object_get(rec, "opened") == NULL)
		ck_record_set(rec, "opened", json_string(ck_date_format(in->today, text)));
	if (json_object_get(rec, "municipality") == NULL) {
		ck_error_at(file, row, label("municipality", data), _("missing (required)"));
		return false;
	}
	if (json_object_get(rec, "pathway") == NULL) {
		ck_error_at(file, row, label("pathway", data), _("missing (required)"));
		return false;
	}
	if (json_object_get(child, "name") == NULL &&
	    json_object_get(rec, "external_ref") == NULL) {
		ck_error_at(file, row, NULL, _("the child's name or the external reference is required"));
		return false;
	}
	/* The birth date an identity number gives, where none is given. */
	ck_case_born_from_identity(rec);
	if (json_object_get(rec, "id") == NULL) {
		/* Numbering needs a valid municipality and opening date;
		 * a record without them fails just below. */
		if (ck_validate_field("municipality", json_object_get(rec, "municipality"), NULL) == 1 &&
		    ck_validate_field("opened", json_object_get(rec, "opened"), NULL) == 1 &&
		    !number_case(in, rec, file, row))
			return false;
	}
	ck_event_append(rec, ck_event_new("case-new", "new"));
	if (row > 0)
		json_object_set_new(json_array_get(json_object_get(rec, "events"), 0),
				    "csv_row", json_integer((json_int_t)row));

	if (!ck_validate(rec, &problem)) {
		ck_error_at(file, row, label(problem.field, data), "%s", problem.message);
		return false;
	}
	pathway = json_string_value(json_object_get(rec, "pathway"));
	if (ck_rulebook_get(in->rules, pathway) == NULL) {
		ck_error_at(file, row, label("pathway", data),
			    _("no rule set of this name (see casekit-rules(5))"));
		return false;
	}
	id = json_string_value(json_object_get(rec, "id"));
	if (json_object_get(in->taken, id) != NULL) {
		ck_error_at(file, row, label("id", data), _("a case with this id exists"));
		return false;
	}
	ref = json_string_value(json_object_get(rec, "external_ref"));
	if (ref != NULL && json_object_get(in->open_refs, ref) != NULL) {
		ck_error_at(file, row, label("external_ref", data),
			    _("an open case with this reference exists"));
		return false;
	}
	json_object_set_new(in->taken, id, json_true());
	if (ref != NULL)
		json_object_set_new(in->open_refs, ref, json_true());
	if (in->store != NULL)
		ck_store_note_id(in->store, id);
	return true;
}

/* Fields made from options are named by their options. */
static const char *
option_label(const char *path, void *data)
{
	static char label[64];
	size_t i;

	(void)data;
	for (i = 0; case_options[i].option != NULL; i++)
		if (strcmp(case_options[i].path, path) == 0) {
			snprintf(label, sizeof label, "--%s", case_options[i].option);
			return label;
		}
	return path;
}

/* Sets PATH from TEXT, a usage error naming OPTION when it is bad. */
static void
set_from_option(json_t *rec, const char *option, const char *path, const char *text)
{
	ck_record_set(rec, path, ck_option_field(option, path, text));
}

static void
case_from_options(struct intake *in)
{
	const ck_args *args = in->args;
	json_t *rec = json_object(), *codes;
	size_t i, n;

	ck_oom_unless(rec != NULL);
	if (!ck_args_has(args, "municipality"))
		ck_usage_error(_("--municipality is required"));
	if (!ck_args_has(args, "pathway"))
		ck_usage_error(_("--pathway is required"));
	if (!ck_args_has(args, "child-name") && !ck_args_has(args, "external-ref"))
		ck_usage_error(_("--child-name or --external-ref is required"));
	set_from_option(rec, "municipality", "municipality", ck_args_get(args, "municipality"));
	set_from_option(rec, "pathway", "pathway", ck_args_get(args, "pathway"));
	if (ck_args_has(args, "opened"))
		set_from_option(rec, "opened", "opened", ck_args_get(args, "opened"));
	for (i = 0; case_options[i].option != NULL; i++)
		if (ck_args_has(args, case_options[i].option))
			set_from_option(rec, case_options[i].option, case_options[i].path,
					ck_args_get(args, case_options[i].option));
	n = ck_args_count(args, "diagnosis-code");
	if (n > 0) {
		codes = json_array();
		for (i = 0; i < n; i++) {
			const char *code = ck_args_nth(args, "diagnosis-code", i);

			if (!ck_utf8_valid(code, strlen(code)))
				ck_usage_error(_("--%s: not valid UTF-8"), "diagnosis-code");
			json_array_append_new(codes, json_string(code));
		}
		ck_record_set(rec, "diagnosis.codes", codes);
	}

	/* Identity numbers: '-' only, read in the order CPR, personnummer. */
	ck_option_identity_check(args, "cpr");
	ck_option_identity_check(args, "personnummer");
	if (ck_args_has(args, "cpr"))
		ck_record_set(rec, "child.cpr", ck_option_identity_read("cpr", "child.cpr"));
	if (ck_args_has(args, "personnummer"))
		ck_record_set(rec, "child.personnummer",
			      ck_option_identity_read("personnummer", "child.personnummer"));
	if (!finish_case(in, rec, NULL, 0, option_label, NULL))
		ck_exit(CK_EXIT_TROUBLE);
	json_array_append_new(in->cases, rec);
}

/* How the columns of a CSV export fill fields. */
struct columns {
	char **names;             /* the header */
	const char **paths;       /* the field each fills, or NULL */
	size_t count;
};

static const char *
column_label(const char *path, void *data)
{
	const struct columns *cols = data;
	size_t i;

	for (i = 0; i < cols->count; i++)
		if (cols->paths[i] != NULL && strcmp(cols->paths[i], path) == 0)
			return cols->names[i];
	return path;
}

/* A path a CSV column may fill: a field of one value or a list of texts;
 * the format and the status are casekit's to set. */
static bool
csv_path_allowed(const char *path)
{
	enum ck_field_kind kind = ck_field_kind(path);

	return kind != CK_FIELD_UNKNOWN && kind != CK_FIELD_STRUCTURE &&
		strcmp(path, "format") != 0 && strcmp(path, "status") != 0;
}

static void
map_columns(struct intake *in, const char *file, char **header, size_t count,
	    struct columns *cols)
{
	const ck_args *args = in->args;
	size_t i, j, nmap = ck_args_count(args, "map");
	bool strict = ck_args_has(args, "strict"), unmapped = false;

	cols->count = count;
	cols->names = calloc(count + 1, sizeof *cols->names);
	cols->paths = calloc(count + 1, sizeof *cols->paths);
	ck_oom_unless(cols->names != NULL && cols->paths != NULL);
	for (i = 0; i < count; i++) {
		cols->names[i] = strdup(header[i]);
		ck_oom_unless(cols->names[i] != NULL);
		for (j = 0; j < nmap; j++) {
			const char *spec = ck_args_nth(args, "map", j);
			const char *eq = strrchr(spec, '=');

			if (strlen(header[i]) == (size_t)(eq - spec) &&
			    strncmp(spec, header[i], (size_t)(eq - spec)) == 0)
				cols->paths[i] = eq + 1;
		}
		if (cols->paths[i] == NULL && csv_path_allowed(header[i]))
			cols->paths[i] = cols->names[i];
		for (j = 0; cols->paths[i] != NULL && j < i; j++)
			if (cols->paths[j] != NULL && strcmp(cols->paths[i], cols->paths[j]) == 0)
				ck_fatal(_("%s: columns %s and %s both fill %s"), file,
					 cols->names[j], cols->names[i], cols->paths[i]);
		if (cols->paths[i] == NULL && *header[i] != '\0') {
			if (strict)
				ck_error_at(file, 1, header[i], _("fills no field (--strict)"));
			else
				ck_warning_at(file, 1, header[i], _("fills no field; ignored"));
			unmapped = true;
		}
	}
	for (j = 0; j < nmap; j++) {
		const char *spec = ck_args_nth(args, "map", j);
		const char *eq = strrchr(spec, '=');

		for (i = 0; i < count; i++)
			if (strlen(header[i]) == (size_t)(eq - spec) &&
			    strncmp(spec, header[i], (size_t)(eq - spec)) == 0)
				break;
		if (i == count)
			ck_warning(_("--map: %s: no such column in %s"), spec, file);
	}
	if (strict && unmapped)
		ck_exit(CK_EXIT_TROUBLE);
}

static void
free_columns(struct columns *cols)
{
	size_t i;

	for (i = 0; i < cols->count; i++)
		free(cols->names[i]);
	free(cols->names);
	free(cols->paths);
}

/* One case from one row; false when the row is bad (reported). */
static bool
case_from_row(struct intake *in, const char *file, unsigned long row,
	      const struct columns *cols, char **cells, size_t count)
{
	const ck_args *args = in->args;
	json_t *rec = json_object();
	static const char *const defaults[][2] = {
		{ "municipality", "municipality" },
		{ "pathway", "pathway" },
		{ "opened", "opened" },
	};
	ck_problem problem;
	size_t i;

	ck_oom_unless(rec != NULL);
	for (i = cols->count; i < count; i++)
		if (*cells[i] != '\0')
			break;
	if (count < cols->count || i < count) {
		ck_error_at(file, row, NULL,
			    _("%zu cells where the header has %zu columns"), count, cols->count);
		json_decref(rec);
		return false;
	}
	for (i = 0; i < cols->count; i++) {
		json_t *value;

		if (cols->paths[i] == NULL || *cells[i] == '\0')
			continue;
		if (!ck_field_from_text(cols->paths[i], cells[i], CK_TEXT_LENIENT_DATES,
					&value, &problem)) {
			ck_error_at(file, row, cols->names[i], "%s", problem.message);
			json_decref(rec);
			return false;
		}
		ck_record_set(rec, cols->paths[i], value);
	}
	for (i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
		const char *value = ck_args_get(args, defaults[i][0]);
		if (value != NULL && json_object_get(rec, defaults[i][1]) == NULL) {
			ck_record_set(rec, defaults[i][1],
				      ck_option_field(defaults[i][0], defaults[i][1], value));
		}
	}
	/* Cases that existed before casekit are followed from today, so
	 * that the recommendations' deadlines of their past are not shown
	 * as overdue now; a row's own followed_from stands. */
	if (ck_args_has(args, "existing") && json_object_get(rec, "followed_from") == NULL) {
		char today[CK_DATE_SIZE];

		ck_record_set(rec, "followed_from", json_string(ck_date_format(in->today, today)));
	}
	if (!finish_case(in, rec, file, row, column_label, (void *)cols)) {
		json_decref(rec);
		return false;
	}
	json_array_append_new(in->cases, rec);
	return true;
}

/* Every row of the export, all or nothing: bad rows are all reported,
 * and then nothing is written. */
static void
cases_from_csv(struct intake *in)
{
	const ck_args *args = in->args;
	const char *file = ck_args_get(args, "csv");
	char delimiter = ',';
	char err[CK_MESSAGE_MAX];
	struct columns cols = { NULL, NULL, 0 };
	char **cells;
	size_t count;
	unsigned long row;
	bool bad = false, header = true;
	ck_csv *csv;
	int rc;

	if (ck_args_has(args, "delimiter") &&
	    !ck_csv_delimiter_parse(ck_args_get(args, "delimiter"), &delimiter))
		ck_usage_error(_("--delimiter: not a single character, 'tab', 'semicolon' or 'comma'"));
	csv = ck_csv_open(file, delimiter, ck_args_get(args, "encoding"), err, sizeof err);
	if (csv == NULL)
		ck_fatal("%s: %s", file, err);
	if (strcmp(file, "-") == 0)
		file = "<stdin>";
	while ((rc = ck_csv_next(csv, &cells, &count, &row, err, sizeof err)) == 1) {
		if (header) {
			map_columns(in, file, cells, count, &cols);
			header = false;
			continue;
		}
		if (!case_from_row(in, file, row, &cols, cells, count))
			bad = true;
	}
	if (rc < 0) {
		ck_error_at(file, row, NULL, "%s", err);
		bad = true;
	}
	if (header && rc == 0)
		ck_error_at(file, 0, NULL, _("no header row"));
	ck_csv_close(csv);
	free_columns(&cols);
	if (bad || header) {
		ck_error(_("%s: bad rows; no case was written"), file);
		ck_exit(CK_EXIT_TROUBLE);
	}
}

static void
write_cases(struct intake *in)
{
	size_t i;
	json_t *rec;

	if (in->store != NULL) {
		/* One append: the import lands whole or not at all. */
		char *text = NULL;
		size_t length = 0, cap = 0;

		json_array_foreach(in->cases, i, rec) {
			char *line = json_dumps(rec, JSON_COMPACT);
			size_t n;

			ck_oom_unless(line != NULL);
			n = strlen(line);
			/* The sizes are the records': checked before they add up. */
			if (n > SIZE_MAX / 4 || length > SIZE_MAX / 4)
				ck_fatal(_("out of memory"));
			if (length + n + 1 > cap) {
				cap = (length + n + 1) * 2;
				text = realloc(text, cap);
				ck_oom_unless(text != NULL);
			}
			memcpy(text + length, line, n);
			text[length + n] = '\n';
			length += n + 1;
			free(line);
		}
		if (length > 0)
			ck_store_append(in->store, text, length);
		free(text);
		json_array_foreach(in->cases, i, rec)
			printf("%s\n", json_string_value(json_object_get(rec, "id")));
	} else {
		ck_writer *out = ck_writer_stdout();

		json_array_foreach(in->cases, i, rec)
			ck_write_json(out, rec);
		ck_writer_close(out);
	}
}

int
main(int argc, char **argv)
{
	struct intake in;
	ck_args *args;
	size_t i, max_record;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	(void)ck_today_option(args);
	max_record = ck_max_record_option(args);
	if (ck_args_has(args, "max-record") && !ck_args_has(args, "store"))
		ck_usage_error(_("--max-record goes with --store"));
	if (ck_args_has(args, "csv")) {
		for (i = 0; case_options[i].option != NULL; i++)
			if (ck_args_has(args, case_options[i].option))
				ck_usage_error(_("--%s does not go with --csv: give a column"),
					       case_options[i].option);
		if (ck_args_has(args, "cpr") || ck_args_has(args, "personnummer") ||
		    ck_args_has(args, "diagnosis-code"))
			ck_usage_error(_("identity numbers and diagnosis codes come from columns with --csv"));
		for (i = 0; i < ck_args_count(args, "map"); i++) {
			const char *spec = ck_args_nth(args, "map", i);
			const char *eq = strrchr(spec, '=');

			if (eq == NULL || eq == spec)
				ck_usage_error(_("--map: expected COLUMN=PATH"));
			if (!csv_path_allowed(eq + 1))
				ck_usage_error(_("--map: %s: not a field a column can fill"), eq + 1);
		}
	} else {
		static const char *const csv_only[] = {
			"delimiter", "encoding", "map", "strict", "existing"
		};

		for (i = 0; i < sizeof csv_only / sizeof csv_only[0]; i++)
			if (ck_args_has(args, csv_only[i]))
				ck_usage_error(_("--%s goes with --csv"), csv_only[i]);
	}

	memset(&in, 0, sizeof in);
	in.args = args;
	in.today = ck_today();
	in.taken = json_object();
	in.open_refs = json_object();
	in.last = json_object();
	in.cases = json_array();
	in.rules = ck_rulebook_load(NULL);
	if (ck_args_has(args, "store")) {
		in.store = ck_store_open(ck_args_get(args, "store"), true);
		scan_store(&in, max_record);
	}
	if (ck_args_has(args, "csv"))
		cases_from_csv(&in);
	else
		case_from_options(&in);
	write_cases(&in);

	ck_store_close(in.store);
	ck_rulebook_free(in.rules);
	json_decref(in.taken);
	json_decref(in.open_refs);
	json_decref(in.last);
	json_decref(in.cases);
	ck_args_free(args);
	return CK_EXIT_OK;
}
