/* SPDX-License-Identifier: MPL-2.0 */
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
	{ "update", 0, false, NULL },
	{ "report-missing", 0, false, NULL },
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
	printf(_("\n"
		 "With --csv and --store, the nightly export of the case system again:\n"
		 "      --update              match rows to open cases by external_ref: new\n"
		 "                            rows become cases, changed fields are set,\n"
		 "                            rows of closed cases are skipped\n"
		 "      --report-missing      name the open cases the export no longer has\n"));
	printf(_("\n"
		 "--encoding auto, the default, reads a file that is UTF-8 as UTF-8 and\n"
		 "any other as cp1252, and says so.\n"));
}

static const ck_program program = {
	"case-new", NULL, options, help, false
};

/* Reads what the store holds that new cases must not collide with. A
 * line that is not a record stops the run: its id could be any. True
 * when the store ends in a blank line, passed over. */
static bool
scan_store(ck_intake *in, ck_store *store, size_t max_record)
{
	bool blank_end;
	ck_reader *reader = ck_store_reader(store, max_record);
	ck_record *rec;

	while ((rec = ck_reader_next(reader)) != NULL) {
		if (ck_record_json(rec) == NULL) {
			ck_record_report(rec);
			ck_record_free(rec);
			ck_reader_close(reader);
			ck_fatal(_("%s: the store has bad input; nothing was added"),
				 ck_store_path(store));
		}
		ck_intake_note_case(in, rec);
	}
	if (ck_reader_failed(reader))
		ck_exit(CK_EXIT_TROUBLE);
	blank_end = ck_reader_blank_end(reader);
	ck_reader_close(reader);
	return blank_end;
}

/* Fields made from options are named by their options. */
static const char *
option_label(const char *path)
{
	static char label[64];
	size_t i;

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
case_from_options(ck_intake *in, const ck_args *args)
{
	json_t *rec = json_object(), *codes;
	ck_problem problem;
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
	if (!ck_intake_add(in, rec, 0, &problem)) {
		ck_error_at(NULL, 0, option_label(problem.field), "%s", problem.message);
		ck_exit(CK_EXIT_TROUBLE);
	}
}

/* Names once the columns that fill no field, and the --map that names
 * no column. With --strict the first is an error. */
static void
check_columns(const ck_args *args, const char *file, const ck_intake_columns *cols)
{
	bool strict = ck_args_has(args, "strict"), unmapped = false;
	size_t i;

	for (i = 0; i < ck_intake_columns_count(cols); i++) {
		const char *name = ck_intake_column_name(cols, i);

		if (ck_intake_column_path(cols, i) != NULL || *name == '\0')
			continue;
		if (strict)
			ck_error_at(file, 1, name, _("fills no field (--strict)"));
		else
			ck_warning_at(file, 1, name, _("fills no field; ignored"));
		unmapped = true;
	}
	for (i = 0; i < ck_args_count(args, "map"); i++)
		if (!ck_intake_columns_mapped(cols, ck_args_nth(args, "map", i)))
			ck_warning(_("--map: %s: no such column in %s"),
				   ck_args_nth(args, "map", i), file);
	if (strict && unmapped)
		ck_exit(CK_EXIT_TROUBLE);
}

/* The problems of the rows: the same problem (field and message) on
 * many rows is said once, at its first row, with how many more. */
static void
tally_problem(json_t *tally, const ck_problem *p, unsigned long row)
{
	char key[CK_FIELD_MAX + CK_MESSAGE_MAX + 2];
	json_t *seen;

	snprintf(key, sizeof key, "%s\n%s", p->field, p->message);
	seen = json_object_get(tally, key);
	if (seen != NULL) {
		json_array_set_new(seen, 1, json_integer(json_integer_value(json_array_get(seen, 1)) + 1));
		return;
	}
	seen = json_pack("[I,I]", (json_int_t)row, (json_int_t)1);
	ck_oom_unless(seen != NULL && json_object_set_new(tally, key, seen) == 0);
}

static void
report_tally(const json_t *tally, const char *file)
{
	const char *key;
	json_t *seen;
	char text[64];

	json_object_foreach((json_t *)tally, key, seen) {
		const char *nl = strchr(key, '\n');
		unsigned long row = (unsigned long)json_integer_value(json_array_get(seen, 0));
		size_t more = (size_t)json_integer_value(json_array_get(seen, 1)) - 1;
		char field[CK_FIELD_MAX];

		snprintf(field, sizeof field, "%.*s", (int)(nl - key), key);
		if (more == 0) {
			ck_error_at(file, row, field, "%s", nl + 1);
			continue;
		}
		snprintf(text, sizeof text, P_("and on %zu more row", "and on %zu more rows", more),
			 more);
		ck_error_at(file, row, field, "%s (%s)", nl + 1, text);
	}
}

/* Every row of the export, all or nothing: bad rows are all reported,
 * and then nothing is written. */
static void
cases_from_csv(ck_intake *in, const ck_args *args)
{
	const char *file = ck_args_get(args, "csv");
	const char *encoding = ck_args_get(args, "encoding");
	json_t *tally = json_object();
	char delimiter = ',', hint;
	char err[CK_MESSAGE_MAX];
	ck_intake_columns *cols = NULL;
	ck_problem problem;
	char **cells;
	size_t count, i;
	unsigned long row;
	bool bad = false;
	ck_csv *csv;
	int rc;

	if (ck_args_has(args, "delimiter") &&
	    !ck_csv_delimiter_parse(ck_args_get(args, "delimiter"), &delimiter))
		ck_usage_error(_("--delimiter: not a single character, 'tab', 'semicolon' or 'comma'"));
	if (encoding == NULL)
		encoding = "auto";
	csv = ck_csv_open(file, delimiter, encoding, err, sizeof err);
	if (csv == NULL)
		ck_fatal("%s: %s", file, err);
	if (strcmp(file, "-") == 0)
		file = "<stdin>";
	ck_csv_name_columns(csv);
	switch (ck_csv_encoding_note(csv)) {
	case CK_CSV_ENCODING_GUESSED_CP1252:
		ck_error(_("%s: not UTF-8: read as cp1252 (Excel's; --encoding to say otherwise)"),
			 file);
		break;
	case CK_CSV_ENCODING_LOOKS_UTF8:
		ck_warning(_("%s: the file is UTF-8, and read as %s its letters would be garbled "
			     "(\"ø\" as \"Ã¸\"): leave out --encoding"), file, encoding);
		break;
	case CK_CSV_ENCODING_AS_GIVEN:
		break;
	}
	while ((rc = ck_csv_next(csv, &cells, &count, &row, err, sizeof err)) == 1) {
		if (cols == NULL) {
			size_t nmap = ck_args_count(args, "map");
			char **maps = calloc(nmap + 1, sizeof *maps);

			ck_oom_unless(maps != NULL);
			for (i = 0; i < nmap; i++)
				maps[i] = (char *)ck_args_nth(args, "map", i);
			cols = ck_intake_columns_new(cells, count, maps, nmap, &problem);
			free(maps);
			if (cols == NULL)
				ck_fatal("%s: %s", file, problem.message);
			/* A header read with the wrong separator is one name:
			 * every row would then be bad for the same reason. */
			hint = ck_csv_delimiter_hint(cells, count, delimiter);
			if (hint != '\0' && ck_intake_column_path(cols, 0) == NULL) {
				ck_error_at(file, 1, NULL,
					    _("the header holds '%c' and no '%c': give --delimiter '%c'"),
					    hint, delimiter, hint);
				ck_exit(CK_EXIT_TROUBLE);
			}
			check_columns(args, file, cols);
			continue;
		}
		switch (ck_intake_row(in, cols, cells, count, row, &problem)) {
		case CK_INTAKE_BAD:
			tally_problem(tally, &problem, row);
			bad = true;
			break;
		case CK_INTAKE_CLOSED:
			ck_warning_at(file, row, problem.field, "%s", problem.message);
			break;
		default:
			break;
		}
	}
	report_tally(tally, file);
	json_decref(tally);
	if (rc < 0) {
		ck_error_at(file, row, NULL, "%s", err);
		bad = true;
	}
	if (cols == NULL && rc == 0)
		ck_error_at(file, 0, NULL, _("no header row"));
	ck_csv_close(csv);
	if (bad || cols == NULL) {
		ck_intake_columns_free(cols);
		ck_error(_("%s: bad rows; no case was written"), file);
		ck_exit(CK_EXIT_TROUBLE);
	}
	ck_intake_columns_free(cols);
}

/* The store rewritten with its cases (changed by --update, else read
 * again: a blank last line is not to stand between records) and the
 * new ones after them, in one replacement under the lock. */
static void
rewrite_store(const ck_intake *in, ck_store *store, size_t max_record)
{
	ck_writer *out = ck_store_rewrite(store);
	const json_t *cases = ck_intake_cases(in);
	size_t i;
	json_t *rec;

	if (ck_intake_store_count(in) > 0) {
		for (i = 0; i < ck_intake_store_count(in); i++)
			ck_write(out, ck_intake_store_record(in, i));
	} else {
		ck_reader *reader = ck_store_reader(store, max_record);
		ck_record *line;

		while ((line = ck_reader_next(reader)) != NULL) {
			ck_write(out, line);
			ck_record_free(line);
		}
		if (ck_reader_failed(reader))
			ck_exit(CK_EXIT_TROUBLE);
		ck_reader_close(reader);
	}
	json_array_foreach(cases, i, rec)
		ck_write_json(out, rec);
	ck_store_finish(store, out, true);
	json_array_foreach(cases, i, rec)
		printf("%s\n", json_string_value(json_object_get(rec, "id")));
}

/* --update: what the import did, on standard error, and with
 * --report-missing the open cases the export no longer has. */
static void
report_update(const ck_intake *in, const ck_args *args)
{
	ck_intake_counts n = ck_intake_get_counts(in);
	char added[32], changed[32], unchanged[32];

	if (ck_args_has(args, "report-missing")) {
		json_t *missing = ck_intake_missing(in), *id;
		size_t i;

		json_array_foreach(missing, i, id)
			ck_error(_("%s: open, and not in the export"), json_string_value(id));
		json_decref(missing);
	}
	/* Numbers as the locale writes them: 1,204 or 1.204. */
	snprintf(added, sizeof added, "%'zu", n.added);
	snprintf(changed, sizeof changed, "%'zu", n.changed);
	snprintf(unchanged, sizeof unchanged, "%'zu", n.unchanged);
	ck_error(_("%s new, %s changed, %s unchanged"), added, changed, unchanged);
}

static void
write_cases(const ck_intake *in, ck_store *store, bool rewrite, size_t max_record)
{
	const json_t *cases = ck_intake_cases(in);
	size_t i;
	json_t *rec;

	if (store != NULL && (rewrite || ck_intake_get_counts(in).changed > 0)) {
		rewrite_store(in, store, max_record);
	} else if (store != NULL) {
		/* One append: the import lands whole or not at all. */
		char *text = NULL;
		size_t length = 0, cap = 0;

		json_array_foreach(cases, i, rec) {
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
			ck_store_append(store, text, length);
		free(text);
		json_array_foreach(cases, i, rec)
			printf("%s\n", json_string_value(json_object_get(rec, "id")));
	} else {
		ck_writer *out = ck_writer_stdout();

		json_array_foreach(cases, i, rec)
			ck_write_json(out, rec);
		ck_writer_close(out);
	}
}

/* The defaults of the rows: --municipality, --pathway, --opened, and
 * with --existing followed from today. */
static void
set_defaults(ck_intake *in, const ck_args *args, ck_date today)
{
	static const char *const defaults[] = { "municipality", "pathway", "opened" };
	size_t i;

	for (i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		if (ck_args_has(args, defaults[i]))
			ck_intake_set_default(in, defaults[i],
					      ck_option_field(defaults[i], defaults[i],
							      ck_args_get(args, defaults[i])));
	/* Cases that existed before casekit are followed from today, so
	 * that the recommendations' deadlines of their past are not shown
	 * as overdue now; a row's own followed_from stands. */
	if (ck_args_has(args, "existing")) {
		char text[CK_DATE_SIZE];

		ck_intake_set_default(in, "followed_from", json_string(ck_date_format(today, text)));
	}
}

int
main(int argc, char **argv)
{
	ck_intake *in;
	ck_store *store = NULL;
	ck_rulebook *rules;
	ck_args *args;
	size_t i, max_record;
	bool blank_end = false;
	ck_date today;

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
			if (!ck_intake_path_allowed(eq + 1))
				ck_usage_error(_("--map: %s: not a field a column can fill"), eq + 1);
		}
	} else {
		static const char *const csv_only[] = {
			"delimiter", "encoding", "map", "strict", "existing", "update",
			"report-missing"
		};

		for (i = 0; i < sizeof csv_only / sizeof csv_only[0]; i++)
			if (ck_args_has(args, csv_only[i]))
				ck_usage_error(_("--%s goes with --csv"), csv_only[i]);
	}

	if (ck_args_has(args, "update") && !ck_args_has(args, "store"))
		ck_usage_error(_("--update goes with --store"));
	if (ck_args_has(args, "report-missing") && !ck_args_has(args, "update"))
		ck_usage_error(_("--report-missing goes with --update"));

	today = ck_today();
	rules = ck_rulebook_load(NULL);
	if (ck_args_has(args, "store"))
		store = ck_store_open(ck_args_get(args, "store"), true);
	in = ck_intake_new(store, rules, today, ck_args_has(args, "update"));
	if (store != NULL)
		blank_end = scan_store(in, store, max_record);
	if (ck_args_has(args, "csv")) {
		set_defaults(in, args, today);
		cases_from_csv(in, args);
	} else {
		case_from_options(in, args);
	}
	/* Nothing new, nothing changed: the store stays as it is. */
	if (json_array_size(ck_intake_cases(in)) > 0 || ck_intake_get_counts(in).changed > 0)
		write_cases(in, store, blank_end, max_record);
	if (ck_args_has(args, "update"))
		report_update(in, args);

	ck_intake_free(in);
	ck_store_close(store);
	ck_rulebook_free(rules);
	ck_args_free(args);
	return CK_EXIT_OK;
}
