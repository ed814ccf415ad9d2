/* SPDX-License-Identifier: MPL-2.0 */
/* case-actors — everyone around the family: add and end actors, choose
 * the coordinator (DK 1.5), record consents to share knowledge (DK 1.2),
 * list who is there, suggest where knowledge on the child's condition is
 * (DK 1.1), and hand a caseworker's cases to a successor. See
 * case-actors(1). */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casekit.h"
#include "i18n.h"

/* The subcommands that change records: they take -i and --dry-run. */
#define CHANGING "add end coordinator consent suggest reassign"

static const char *const commands[] = {
	"add", "end", "coordinator", "consent", "list", "suggest", "reassign", NULL
};

static const ck_option options[] = {
	CK_RUN_OPTIONS(CHANGING),
	{ "role", 0, true, "add" },
	{ "name", 0, true, "add" },
	{ "org", 0, true, "add" },
	{ "sector", 0, true, "add" },
	{ "municipal", 0, false, "add" },
	{ "authority", 0, false, "add" },
	{ "contact", 0, true, "add" },
	{ "since", 0, true, "add" },
	{ "no-data", 0, false, "add" },
	{ "actor", 0, true, "end coordinator" },
	{ "date", 0, true, "end reassign" },
	{ "to", 0, true, "consent" },
	{ "purpose", 0, true, "consent" },
	{ "given-by", 0, true, "consent" },
	{ "given", 0, true, "consent" },
	{ "expires", 0, true, "consent" },
	{ "refused", 0, true, "consent" },
	{ "scope", 0, true, "consent" },
	{ "id", 0, true, "consent" },
	{ "withdrawn", 0, true, "consent" },
	{ "format", 0, true, "list" },
	{ "delimiter", 'd', true, "list suggest" },
	{ "bom", 0, false, "list" },
	{ "directory", 0, true, "suggest" },
	{ "encoding", 0, true, "suggest" },
	{ "from", 0, true, "reassign" },
	{ "to-name", 0, true, "reassign" },
	{ "to-contact", 0, true, "reassign" },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-actors SUBCOMMAND [OPTION]... [FILE]...\n"
		 "Everyone around the family: the actors of case records (JSON lines),\n"
		 "read from FILEs or standard input and written to standard output, or\n"
		 "changed in place with -i.\n"
		 "\n"
		 "Subcommands:\n"
		 "  add --role R --name N [--org O] [--sector S] [--municipal] [--authority]\n"
		 "      [--contact C] [--since DATE] [--no-data]\n"
		 "                            add an actor (ids a1, a2, ... never reused)\n"
		 "  end --actor ID [--date DATE]\n"
		 "                            the actor ends (stays listed, with until)\n"
		 "  coordinator --actor ID    make an active municipal actor the case's one\n"
		 "                            coordinator\n"
		 "  consent --to a2,a3 --purpose TEXT --given-by WHO\n"
		 "      (--given DATE [--expires DATE] | --refused DATE) [--scope PARTS]\n"
		 "                            record a consent to share, or its refusal;\n"
		 "                            PARTS: what may be shared (plans,diagnosis)\n"
		 "  consent --id c1 --withdrawn DATE\n"
		 "                            record that a consent was withdrawn\n"
		 "  list [--format text|csv|json] [--delimiter C] [--bom]\n"
		 "                            one row per actor per case (no child's name,\n"
		 "                            no diagnosis)\n"
		 "  suggest --directory FILE [--delimiter C] [--encoding E]\n"
		 "                            the knowledge directory's entries that match\n"
		 "                            each case's diagnosis, under suggestions\n"
		 "  reassign --from CONTACT --to-name N --to-contact C [--date DATE]\n"
		 "                            in every open case, the actor with CONTACT\n"
		 "                            ends and a successor takes over\n"
		 "\n"
		 "Selection and input:\n"
		 "      --case ID             the case with this id (repeatable)\n"
		 "      --match PATH=REGEX    cases where a value at PATH matches (repeatable)\n"
		 "      --all                 every case\n"
		 "  -i, --in-place FILE       change the store FILE (needs a selection)\n"
		 "      --dry-run             with -i: say how many records would change\n"
		 "      --keep-going          pass bad lines on unchanged, exit 2 at the end\n"
		 "      --max-record SIZE     longest line (default 1M)\n"
		 "      --rules X             judge every case by the rule set X\n"
		 "      --today DATE          take DATE as today (also CASEKIT_TODAY)\n"
		 "      --help                show this help and exit\n"
		 "      --version             show the version and exit\n"
		 "\n"
		 "Dates are YYYY-MM-DD; --date and --since default to today.\n"
		 "Exit status: 0 on success, 1 when a --case matched nothing or reassign\n"
		 "found no actor, 2 on a usage error or bad input.\n"
		 "See case-actors(1) and casekit(5).\n"));
}

static const ck_program program = {
	"case-actors", commands, options, help, true
};

/* What a changing subcommand does to each selected case, prepared from
 * the options before any record is read. */
struct job {
	const char *command;
	ck_date today;
	json_t *actor;            /* add: the new actor, without its id */
	const char *actor_id;     /* end, coordinator */
	json_t *until;            /* end: the date */
	json_t *consent;          /* consent: the new consent, without its id */
	const char *consent_id;   /* consent --id */
	json_t *withdrawn;        /* consent --id: the date */
	ck_directory *directory;  /* suggest */
	const char *from;         /* reassign */
	json_t *to_name, *to_contact, *date;
	size_t reassigned;        /* reassign: actors that matched --from */
	const ck_rulebook *rules; /* coordinator: whose coordinator may be whose */
};

/* The value of the field PATH made from option OPTION's text; a usage
 * error naming the option when it is not valid. */
static json_t *
option_value(const ck_args *args, const char *option, const char *path)
{
	const char *text = ck_args_get(args, option);

	if (text[0] == '\0')
		ck_usage_error("--%s: %s", option, _("must not be empty"));
	return ck_option_field(option, path, text);
}

static const char *
required(const ck_args *args, const char *option)
{
	const char *value = ck_args_get(args, option);

	if (value == NULL)
		ck_usage_error(_("--%s is required"), option);
	if (value[0] == '\0')
		ck_usage_error("--%s: %s", option, _("must not be empty"));
	return value;
}

/* True when TEXT is an element id (PREFIX and a number from 1) short
 * enough for an option. */
static bool
element_id_option(const char *text, char prefix)
{
	return strlen(text) < 16 && ck_element_id_valid(text, prefix);
}

static const char *
actor_id_option(const char *option, const char *text)
{
	if (!element_id_option(text, 'a'))
		ck_usage_error("--%s: %s", option, _("not an actor id (a1, a2, …)"));
	return text;
}

/* ---------------------------------------------------------------------
 * add, end, coordinator
 */

static void
prepare_add(struct job *job, const ck_args *args)
{
	static const struct {
		const char *option, *key;
	} texts[] = {
		{ "role", "role" }, { "name", "name" }, { "org", "org" },
		{ "sector", "sector" }, { "contact", "contact" },
	};
	char today[CK_DATE_SIZE];
	size_t i;

	required(args, "role");
	required(args, "name");
	job->actor = json_object();
	ck_oom_unless(job->actor != NULL);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char path[32];

		if (!ck_args_has(args, texts[i].option))
			continue;
		snprintf(path, sizeof path, "actors.%s", texts[i].key);
		ck_field_set(job->actor, "actors", texts[i].key,
			     option_value(args, texts[i].option, path));
	}
	/* municipal is written either way: whether an actor is the
	 * municipality's decides who may coordinate and who needs consent. */
	ck_field_set(job->actor, "actors", "municipal",
		     json_boolean(ck_args_has(args, "municipal")));
	if (ck_args_has(args, "authority"))
		ck_field_set(job->actor, "actors", "authority", json_true());
	if (ck_args_has(args, "since"))
		ck_field_set(job->actor, "actors", "since",
			     option_value(args, "since", "actors.since"));
	else
		ck_field_set(job->actor, "actors", "since",
			     json_string(ck_date_format(job->today, today)));
	if (ck_args_has(args, "no-data"))
		ck_field_set(job->actor, "actors", "receives_data", json_false());
}

static void
prepare_end(struct job *job, const ck_args *args)
{
	char today[CK_DATE_SIZE];

	job->actor_id = actor_id_option("actor", required(args, "actor"));
	if (ck_args_has(args, "date"))
		job->until = option_value(args, "date", "actors.until");
	else
		job->until = json_string(ck_date_format(job->today, today));
}

static void
prepare_coordinator(struct job *job, const ck_args *args)
{
	job->actor_id = actor_id_option("actor", required(args, "actor"));
}

/* ---------------------------------------------------------------------
 * consent
 */

/* --scope plans,diagnosis: the parts of the case a consent lets be
 * shared, each of casekit(5)'s closed set and each once. New reference. */
static json_t *
scope_option(const ck_args *args)
{
	const char *p = required(args, "scope");
	json_t *scope = json_array();
	ck_problem problem;

	ck_oom_unless(scope != NULL);
	for (;;) {
		size_t n = strcspn(p, ","), start = 0, length = n;

		while (start < length && p[start] == ' ')
			start++;
		while (length > start && p[length - 1] == ' ')
			length--;
		if (length == start || !ck_utf8_valid(p + start, length - start)) {
			json_decref(scope);
			ck_usage_error("--scope: %s",
				       _("expected parts separated by commas (plans,diagnosis)"));
		}
		ck_oom_unless(json_array_append_new(scope, json_stringn(p + start,
									length - start)) == 0);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	if (ck_validate_field("consents.scope", scope, &problem) != 1) {
		json_decref(scope);
		ck_usage_error("--scope: %s: %s", problem.field, problem.message);
	}
	return scope;
}

static void
prepare_consent(struct job *job, const ck_args *args)
{
	static const char *const new_only[] = {
		"to", "purpose", "given-by", "given", "expires", "refused", "scope"
	};
	json_t *recipients;
	const char *to, *p;
	size_t i;

	if (ck_args_has(args, "id") || ck_args_has(args, "withdrawn")) {
		for (i = 0; i < sizeof new_only / sizeof new_only[0]; i++)
			if (ck_args_has(args, new_only[i]))
				ck_usage_error(_("--%s does not go with --id and --withdrawn"),
					       new_only[i]);
		job->consent_id = required(args, "id");
		if (!element_id_option(job->consent_id, 'c'))
			ck_usage_error("--id: %s", _("not a consent id (c1, c2, …)"));
		required(args, "withdrawn");
		job->withdrawn = option_value(args, "withdrawn", "consents.withdrawn");
		return;
	}
	to = required(args, "to");
	required(args, "purpose");
	required(args, "given-by");
	if (ck_args_has(args, "given") == ck_args_has(args, "refused"))
		ck_usage_error(_("give either --given or --refused"));
	if (ck_args_has(args, "expires") && !ck_args_has(args, "given"))
		ck_usage_error(_("--expires goes with --given"));

	/* Made in the job first: a usage error below still finds them. */
	job->consent = json_object();
	recipients = json_array();
	ck_oom_unless(job->consent != NULL && recipients != NULL);
	ck_field_set(job->consent, "consents", "recipients", recipients);
	/* "a2,a3": each an actor id, each once. */
	for (p = to;;) {
		size_t n = strcspn(p, ","), k;
		char id[16];
		json_t *seen;
		bool dup = false;

		if (n == 0 || n >= sizeof id)
			ck_usage_error("--to: %s", _("not an actor id (a1, a2, …)"));
		memcpy(id, p, n);
		id[n] = '\0';
		actor_id_option("to", id);
		json_array_foreach(recipients, k, seen)
			if (strcmp(json_string_value(seen), id) == 0)
				dup = true;
		if (!dup)
			ck_oom_unless(json_array_append_new(recipients, json_string(id)) == 0);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	ck_field_set(job->consent, "consents", "purpose",
		     option_value(args, "purpose", "consents.purpose"));
	ck_field_set(job->consent, "consents", "given_by",
		     option_value(args, "given-by", "consents.given_by"));
	if (ck_args_has(args, "given"))
		ck_field_set(job->consent, "consents", "given",
			     option_value(args, "given", "consents.given"));
	if (ck_args_has(args, "expires"))
		ck_field_set(job->consent, "consents", "expires",
			     option_value(args, "expires", "consents.expires"));
	if (ck_args_has(args, "refused"))
		ck_field_set(job->consent, "consents", "refused",
			     option_value(args, "refused", "consents.refused"));
	if (ck_args_has(args, "scope"))
		ck_field_set(job->consent, "consents", "scope", scope_option(args));
}

/* ---------------------------------------------------------------------
 * suggest
 */

static char
delimiter_option(const ck_args *args)
{
	char delimiter = ',';

	if (ck_args_has(args, "delimiter") &&
	    !ck_csv_delimiter_parse(ck_args_get(args, "delimiter"), &delimiter))
		ck_usage_error(_("--delimiter: not a single character, 'tab', 'semicolon' or 'comma'"));
	return delimiter;
}

/* The directory is loaded, and every pattern compiled, before any record
 * is read: a broken pattern stops the run before it changes anything. */
static void
prepare_suggest(struct job *job, const ck_args *args)
{
	const char *path = required(args, "directory");
	char delimiter = delimiter_option(args);
	ck_problem problem;
	unsigned long line;
	size_t nfiles;

	if (ck_directory_is_json(path) &&
	    (ck_args_has(args, "delimiter") || ck_args_has(args, "encoding")))
		ck_usage_error(_("--delimiter and --encoding are for a CSV directory; "
				 "JSON lines are UTF-8"));
	ck_args_files(args, &nfiles);
	if (strcmp(path, "-") == 0 && nfiles == 0 && !ck_args_has(args, "in-place"))
		ck_usage_error(_("--directory -: standard input carries the records; "
				 "name their files or use -i"));
	job->directory = ck_directory_load(path, delimiter, ck_args_get(args, "encoding"),
					   &line, &problem);
	if (job->directory == NULL) {
		ck_problem_report(&problem, strcmp(path, "-") == 0 ? "<stdin>" : path, line);
		ck_exit(CK_EXIT_TROUBLE);
	}
}

/* ---------------------------------------------------------------------
 * reassign
 */

static void
prepare_reassign(struct job *job, const ck_args *args)
{
	char today[CK_DATE_SIZE];

	job->from = required(args, "from");
	required(args, "to-name");
	required(args, "to-contact");
	job->to_name = option_value(args, "to-name", "actors.name");
	job->to_contact = option_value(args, "to-contact", "actors.contact");
	if (strcasecmp(job->from, json_string_value(job->to_contact)) == 0)
		ck_usage_error(_("--from and --to-contact name the same contact"));
	if (ck_args_has(args, "date"))
		job->date = option_value(args, "date", "actors.since");
	else
		job->date = json_string(ck_date_format(job->today, today));
}

/* ---------------------------------------------------------------------
 * list: a table, not records
 */

/* The columns of the list (ck_actor_columns): CSV and JSON use the
 * names as they stand, the text table translates them. */
enum format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };

struct listing {
	enum format format;
	char delimiter;
	ck_date today;
	char **cells;             /* text: every row, CK_ACTOR_COLUMNS cells each */
	size_t rows, capacity;
	ck_selection *selection;
	ck_rulebook *rules;
	ck_reader *reader;
};

/* The listing, where an exit on bad input still finds what it holds. */
static struct listing listing;

static void
write_failed(void)
{
	ck_output_error();
	ck_exit(CK_EXIT_TROUBLE);
}

static void
list_row(struct listing *l, const ck_actor_row *r)
{
	const char *const *cells = r->cells;
	const bool flags[2] = { r->active, r->coordinator };
	size_t i;

	switch (l->format) {
	case FORMAT_CSV: {
		const char *row[CK_ACTOR_COLUMNS];

		for (i = 0; i < CK_ACTOR_COLUMNS; i++)
			row[i] = cells[i];
		row[CK_ACTOR_ACTIVE] = flags[0] ? "yes" : "no";
		row[CK_ACTOR_COORDINATOR] = flags[1] ? "yes" : "no";
		if (!ck_csv_write_row(stdout, l->delimiter, row, NULL, CK_ACTOR_COLUMNS))
			write_failed();
		break;
	}
	case FORMAT_JSON: {
		json_t *obj = ck_actor_row_json(r);

		if (json_dumpf(obj, stdout, JSON_COMPACT) != 0 || putchar('\n') == EOF)
			write_failed();
		json_decref(obj);
		break;
	}
	case FORMAT_TEXT:
		/* Aligned columns need every row first: an overview of a
		 * store's actors is small beside the store. */
		if (l->rows == l->capacity) {
			l->capacity = l->capacity > 0 ? 2 * l->capacity : 64;
			l->cells = realloc(l->cells, l->capacity * CK_ACTOR_COLUMNS * sizeof *l->cells);
			ck_oom_unless(l->cells != NULL);
		}
		for (i = 0; i < CK_ACTOR_COLUMNS; i++) {
			const char *text = cells[i] != NULL ? cells[i] : "-";

			if (i == CK_ACTOR_ACTIVE || i == CK_ACTOR_COORDINATOR)
				text = flags[i == CK_ACTOR_ACTIVE ? 0 : 1] ? _("yes") : _("no");
			l->cells[l->rows * CK_ACTOR_COLUMNS + i] = strdup(text);
			ck_oom_unless(l->cells[l->rows * CK_ACTOR_COLUMNS + i] != NULL);
		}
		l->rows++;
		break;
	}
}

/* One row per actor of the case: never the child's name or diagnosis. */
static void
list_case(struct listing *l, const json_t *record)
{
	size_t i, n = json_array_size(json_object_get(record, "actors"));

	for (i = 0; i < n; i++) {
		ck_actor_row row;

		ck_actor_row_fill(record, i, l->today, &row);
		list_row(l, &row);
	}
}

static void
print_table(struct listing *l)
{
	const char *headings[CK_ACTOR_COLUMNS] = {
		_("case"), _("ref"), _("actor"), _("role"), _("name"), _("org"),
		_("sector"), _("active"), _("coordinator"), _("consent")
	};
	size_t width[CK_ACTOR_COLUMNS], r, i;

	for (i = 0; i < CK_ACTOR_COLUMNS; i++)
		width[i] = ck_text_width(headings[i]);
	for (r = 0; r < l->rows; r++)
		for (i = 0; i < CK_ACTOR_COLUMNS; i++) {
			size_t w = ck_text_width(l->cells[r * CK_ACTOR_COLUMNS + i]);

			if (w > width[i])
				width[i] = w;
		}
	for (r = 0; r <= l->rows; r++) {
		for (i = 0; i < CK_ACTOR_COLUMNS; i++) {
			const char *text = r == 0 ? headings[i] : l->cells[(r - 1) * CK_ACTOR_COLUMNS + i];
			size_t pad = width[i] - ck_text_width(text) + 2, k;

			if (fputs(text, stdout) == EOF)
				write_failed();
			for (k = 0; i + 1 < CK_ACTOR_COLUMNS && k < pad; k++)
				if (putchar(' ') == EOF)
					write_failed();
		}
		if (putchar('\n') == EOF)
			write_failed();
	}
	for (r = 0; r < l->rows * CK_ACTOR_COLUMNS; r++)
		free(l->cells[r]);
	free(l->cells);
}

/* list reads as the changing subcommands do (files or standard input,
 * the selection, each record checked) but writes a table: it takes no
 * -i. Closed cases are listed only when --case names them. */
static int
list_actors(const ck_args *args)
{
	struct listing *l = &listing;
	const char *format = ck_args_get(args, "format");
	size_t max_record, nfiles, bad = 0;
	bool keep_going = ck_args_has(args, "keep-going");
	bool by_case = ck_args_count(args, "case") > 0;
	bool by_case_only = by_case && ck_args_count(args, "match") == 0 &&
		!ck_args_has(args, "all");
	bool stopped = false;
	char *const *files;
	char err[CK_MESSAGE_MAX];
	ck_record *rec;
	int status = CK_EXIT_OK;

	if (format == NULL || strcmp(format, "text") == 0)
		l->format = FORMAT_TEXT;
	else if (strcmp(format, "csv") == 0)
		l->format = FORMAT_CSV;
	else if (strcmp(format, "json") == 0)
		l->format = FORMAT_JSON;
	else
		ck_usage_error("--format: %s", _("not one of: text, csv, json"));
	if (l->format != FORMAT_CSV && (ck_args_has(args, "delimiter") || ck_args_has(args, "bom")))
		ck_usage_error(_("--%s goes with --format csv"),
			       ck_args_has(args, "delimiter") ? "delimiter" : "bom");
	l->delimiter = delimiter_option(args);
	l->today = ck_today_option(args);
	max_record = ck_max_record_option(args);
	l->selection = ck_selection_from_args(args);
	l->rules = ck_rulebook_load(ck_args_get(args, "rules"));
	files = ck_args_files(args, &nfiles);
	l->reader = ck_reader_open(files, nfiles, max_record);

	if (l->format == FORMAT_CSV) {
		const char *header[CK_ACTOR_COLUMNS];
		size_t i;

		for (i = 0; i < CK_ACTOR_COLUMNS; i++)
			header[i] = ck_actor_columns[i];
		/* Excel takes a CSV file for UTF-8 only with a byte-order mark. */
		if (ck_args_has(args, "bom") && fputs("\xef\xbb\xbf", stdout) == EOF)
			write_failed();
		if (!ck_csv_write_row(stdout, l->delimiter, header, NULL, CK_ACTOR_COLUMNS))
			write_failed();
	}
	while (!stopped && (rec = ck_reader_next(l->reader)) != NULL) {
		size_t length;
		const char *text = ck_record_text(rec, &length);
		json_t *json;
		int rc;

		if (by_case_only && !ck_selection_line_may_match(l->selection, text, length)) {
			ck_record_free(rec);
			continue;
		}
		if (!ck_record_check(rec)) {
			ck_record_report(rec);
		} else if (ck_rulebook_for(l->rules, json_string_value(
						 json_object_get(ck_record_json(rec), "pathway"))) == NULL) {
			ck_error_at(ck_record_file(rec), ck_record_line(rec), "pathway",
				    _("no rule set of this name (see casekit-rules(5))"));
		} else {
			json = ck_record_json(rec);
			rc = ck_selection_matches(l->selection, json, err, sizeof err);
			if (rc < 0)
				ck_fatal("%s: %s", ck_record_file(rec), err);
			if (rc > 0 && (by_case || ck_case_is_open(json)))
				list_case(l, json);
			ck_record_free(rec);
			continue;
		}
		/* A bad record: with --keep-going it is left out of the
		 * table, and the run ends with status 2. */
		bad++;
		stopped = !keep_going;
		ck_record_free(rec);
	}
	if (l->format == FORMAT_TEXT)
		print_table(l);
	if (stopped || bad > 0 || ck_reader_failed(l->reader))
		status = CK_EXIT_TROUBLE;
	else if (ck_selection_report_unmatched(l->selection) > 0)
		status = CK_EXIT_NOTICE;
	ck_reader_close(l->reader);
	ck_rulebook_free(l->rules);
	ck_selection_free(l->selection);
	if (fflush(stdout) != 0)
		write_failed();
	return status;
}

/* ---------------------------------------------------------------------
 * The run
 */

/* The run, where an exit on bad input still finds it: leak checkers see
 * no loss, and the exit removes the temporary file of -i. */
static ck_run *run;

/* Makes the change on one selected record through the library's
 * operations. False when it is bad input (reported): the run then stops
 * with status 2 and an in-place store is left as it was, or with
 * --keep-going the record passes on as it was read. */
static bool
change(struct job *job, ck_record *rec)
{
	ck_change *c = ck_change_begin(rec, "case-actors", job->command);
	const json_t *json = ck_record_json(rec);
	const char *cmd = job->command;
	ck_successor to = { job->to_name, job->to_contact, job->date };
	bool was_coordinator = false, ok;
	ck_problem problem;

	if (strcmp(cmd, "add") == 0)
		ok = ck_actor_add(c, job->actor, &problem);
	else if (strcmp(cmd, "end") == 0)
		ok = ck_actor_end(c, job->actor_id, job->until, &was_coordinator, &problem);
	else if (strcmp(cmd, "coordinator") == 0)
		ok = ck_actor_set_coordinator(
			c, job->actor_id,
			ck_rulebook_for(job->rules,
					json_string_value(json_object_get(json, "pathway"))),
			job->today, &problem);
	else if (strcmp(cmd, "consent") == 0 && job->consent_id != NULL)
		ok = ck_consent_withdraw(c, job->consent_id, job->withdrawn, &problem);
	else if (strcmp(cmd, "consent") == 0)
		ok = ck_consent_add(c, job->consent, &problem);
	else if (strcmp(cmd, "suggest") == 0)
		ok = ck_case_suggest(c, job->directory, &problem);
	else
		ok = ck_actors_reassign(c, job->from, &to, job->today, &job->reassigned, &problem);
	if (!ok) {
		ck_change_abandon(c);
		ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
		return false;
	}
	switch (ck_change_commit(c, &problem)) {
	case CK_CHANGE_BAD:
		ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
		return false;
	case CK_CHANGE_CHANGED:
		if (was_coordinator) {
			char field[CK_FIELD_MAX];

			snprintf(field, sizeof field, "actors[%s]", job->actor_id);
			ck_warning_at(ck_record_file(rec), ck_record_line(rec), field,
				      _("was the coordinator: choose the next one "
					"(case-actors coordinator)"));
		}
		break;
	case CK_CHANGE_SAME:
		break;
	}
	return true;
}

int
main(int argc, char **argv)
{
	unsigned flags = 0;
	struct job job;
	ck_args *args;
	ck_record *rec;
	int status;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	memset(&job, 0, sizeof job);
	job.command = ck_args_command(args);
	if (strcmp(job.command, "list") == 0) {
		status = list_actors(args);
		ck_args_free(args);
		return status;
	}
	/* Option values are checked before a store is locked. */
	job.today = ck_today_option(args);
	if (strcmp(job.command, "add") == 0) {
		prepare_add(&job, args);
	} else if (strcmp(job.command, "end") == 0) {
		prepare_end(&job, args);
		flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(job.command, "coordinator") == 0) {
		prepare_coordinator(&job, args);
		flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(job.command, "consent") == 0) {
		prepare_consent(&job, args);
		flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(job.command, "suggest") == 0) {
		prepare_suggest(&job, args);
	} else {
		prepare_reassign(&job, args);
		/* --from is the selection: every open case is looked at. */
		flags |= CK_RUN_SELF_SELECTING;
	}

	run = ck_run_start(args, flags);
	job.rules = ck_run_rules(run);
	while ((rec = ck_run_next(run)) != NULL) {
		/* A rejected record goes on as it was read, its JSON never
		 * written: the change made to it is dropped. */
		if (!ck_run_selected(run, rec) || change(&job, rec))
			ck_run_write(run, rec);
		else
			ck_run_reject(run, rec);
	}
	status = ck_run_finish(run, CK_EXIT_OK);
	/* As grep: a reassign that found nobody is worth a script's notice
	 * (a mistyped contact, say). */
	if (strcmp(job.command, "reassign") == 0 && job.reassigned == 0 && status == CK_EXIT_OK) {
		ck_error(_("--from: no active actor of a selected open case has this contact"));
		status = CK_EXIT_NOTICE;
	}

	json_decref(job.actor);
	json_decref(job.until);
	json_decref(job.consent);
	json_decref(job.withdrawn);
	json_decref(job.to_name);
	json_decref(job.to_contact);
	json_decref(job.date);
	ck_directory_free(job.directory);
	ck_args_free(args);
	return status;
}
