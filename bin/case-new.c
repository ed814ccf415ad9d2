/* case-new — open cases: writes one new casekit/1 record built from
 * options to standard output. See case-new(1). */
#include <config.h>

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
	{ "today", 0, true, NULL },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-new [OPTION]...\n"
		 "Open a case: write one new casekit/1 record to standard output.\n"
		 "\n"
		 "Required:\n"
		 "      --municipality CODE   municipality code (0101, SE-0163) or a local name\n"
		 "      --pathway NAME        the rule set for the case (rare-disability, ...)\n"
		 "      --child-name NAME     the child's name, and/or\n"
		 "      --external-ref REF    the case number in the case system\n"
		 "\n"
		 "The child and the case:\n"
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
		 "      --id ID               the case id (default: MUNICIPALITY-YEAR-0001)\n"
		 "      --today DATE          take DATE as today (also CASEKIT_TODAY)\n"
		 "\n"
		 "      --help                show this help and exit\n"
		 "      --version             show the version and exit\n"
		 "\n"
		 "An identity number is never taken from the command line, where other\n"
		 "users could see it: give '-' and write it on standard input.\n"
		 "Exit status: 0 on success, 2 on a usage error or bad input.\n"
		 "See case-new(1) and casekit(5).\n"));
}

static const ck_program program = {
	"case-new", NULL, options, help, false
};

/* A date option: a usage error when it is not a date. */
static const char *
date_option(const ck_args *args, const char *name)
{
	const char *value = ck_args_get(args, name);
	ck_date date;

	if (value != NULL && !ck_date_parse(value, &date))
		ck_usage_error(_("--%s: not a date (YYYY-MM-DD)"), name);
	return value;
}

/* Reads one line from standard input for --cpr - or --personnummer -,
 * into BUF. The number never stands on the command line, where ps shows
 * it to other users. */
static void
read_identity(const char *option, char *buf, size_t size)
{
	size_t n;

	if (fgets(buf, (int)size, stdin) == NULL)
		ck_fatal(_("--%s -: no number on standard input"), option);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(stdin))
		ck_fatal(_("--%s -: the line on standard input is too long"), option);
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
}

static void
set_string(json_t *object, const char *key, const char *value)
{
	if (value != NULL && json_object_set_new(object, key, json_string(value)) != 0)
		ck_fatal(_("out of memory"));
}

/* Adds OBJECT under KEY when it has members; frees it otherwise, so that
 * no empty object is written. */
static void
set_object(json_t *record, const char *key, json_t *object)
{
	if (json_object_size(object) > 0)
		json_object_set(record, key, object);
	json_decref(object);
}

int
main(int argc, char **argv)
{
	ck_args *args;
	const char *bad, *name, *ref, *born, *cpr_option, *pnr_option;
	char municipality[64], id[128], opened_text[CK_DATE_SIZE];
	char cpr[64], cpr_normal[CK_CPR_SIZE], pnr[64], born_text[CK_DATE_SIZE];
	json_t *record, *child, *diagnosis, *milestones, *codes;
	ck_writer *out;
	ck_problem problem;
	ck_date opened;
	size_t i;
	int year, month, day;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	for (i = 0; options[i].name != NULL; i++) {
		const char *value = ck_args_get(args, options[i].name);

		if (value != NULL && !ck_utf8_valid(value, strlen(value)))
			ck_usage_error(_("--%s: not valid UTF-8"), options[i].name);
	}
	if (!ck_today_init(ck_args_get(args, "today"), &bad))
		ck_usage_error(_("%s: not a date (YYYY-MM-DD)"), bad);

	if (!ck_args_has(args, "municipality"))
		ck_usage_error(_("--municipality is required"));
	if (!ck_args_has(args, "pathway"))
		ck_usage_error(_("--pathway is required"));
	name = ck_args_get(args, "child-name");
	ref = ck_args_get(args, "external-ref");
	if (name == NULL && ref == NULL)
		ck_usage_error(_("--child-name or --external-ref is required"));
	if (ck_municipality_pad(ck_args_get(args, "municipality"), municipality,
				sizeof municipality) == NULL ||
	    !ck_municipality_valid(municipality))
		ck_usage_error(_("--municipality: not a municipality code (0101, SE-0163) or name"));
	if (!ck_pathway_name_valid(ck_args_get(args, "pathway")))
		ck_usage_error(_("--pathway: not a rule-set name"));

	born = date_option(args, "born");
	date_option(args, "concern");
	date_option(args, "aware");
	if (date_option(args, "opened") != NULL)
		ck_date_parse(ck_args_get(args, "opened"), &opened);
	else
		opened = ck_today();
	ck_date_format(opened, opened_text);

	if (ck_args_has(args, "id")) {
		if (!ck_case_id_valid(ck_args_get(args, "id")))
			ck_usage_error(_("--id: not a case id (MUNICIPALITY-YEAR-NNNN)"));
		snprintf(id, sizeof id, "%s", ck_args_get(args, "id"));
	} else {
		ck_date_to_ymd(opened, &year, &month, &day);
		snprintf(id, sizeof id, "%s-%04d-0001", municipality, year);
	}

	/* Identity numbers: '-' only, read in the order CPR, personnummer. */
	cpr_option = ck_args_get(args, "cpr");
	pnr_option = ck_args_get(args, "personnummer");
	if (cpr_option != NULL && strcmp(cpr_option, "-") != 0)
		ck_usage_error(_("--cpr takes '-' and reads the number from standard input "
				 "(on the command line other users could see it)"));
	if (pnr_option != NULL && strcmp(pnr_option, "-") != 0)
		ck_usage_error(_("--personnummer takes '-' and reads the number from standard "
				 "input (on the command line other users could see it)"));
	if (cpr_option != NULL) {
		ck_date date;

		read_identity("cpr", cpr, sizeof cpr);
		/* Stored with the hyphen; the born it gives is used when
		 * --born is absent. */
		if (!ck_cpr_parse(cpr, &date, cpr_normal))
			ck_fatal(_("--cpr: not a CPR number (DDMMYY-SSSS)"));
		if (born == NULL)
			born = ck_date_format(date, born_text);
	}
	if (pnr_option != NULL) {
		ck_date date;

		read_identity("personnummer", pnr, sizeof pnr);
		if (!ck_personnummer_parse(pnr, &date))
			ck_fatal(_("--personnummer: not a personnummer (YYYYMMDD-NNNN)"));
		if (born == NULL)
			born = ck_date_format(date, born_text);
	}

	/* The members in the order of casekit(5). */
	record = json_object();
	set_string(record, "format", "casekit/1");
	set_string(record, "id", id);
	set_string(record, "external_ref", ref);
	set_string(record, "opened", opened_text);
	set_string(record, "status", "open");
	set_string(record, "municipality", municipality);
	set_string(record, "team", ck_args_get(args, "team"));
	set_string(record, "pathway", ck_args_get(args, "pathway"));

	child = json_object();
	set_string(child, "name", name);
	set_string(child, "born", born);
	set_string(child, "cpr", cpr_option != NULL ? cpr_normal : NULL);
	set_string(child, "personnummer", pnr_option != NULL ? pnr : NULL);
	set_object(record, "child", child);

	diagnosis = json_object();
	set_string(diagnosis, "status", ck_args_get(args, "diagnosis-status"));
	if (ck_args_count(args, "diagnosis-code") > 0) {
		codes = json_array();
		for (i = 0; i < ck_args_count(args, "diagnosis-code"); i++)
			json_array_append_new(codes,
				json_string(ck_args_nth(args, "diagnosis-code", i)));
		json_object_set_new(diagnosis, "codes", codes);
	}
	set_string(diagnosis, "label", ck_args_get(args, "diagnosis-label"));
	set_object(record, "diagnosis", diagnosis);

	milestones = json_object();
	set_string(milestones, "concern", ck_args_get(args, "concern"));
	set_string(milestones, "aware", ck_args_get(args, "aware"));
	set_object(record, "milestones", milestones);

	ck_event_append(record, ck_event_new("case-new", "new"));

	/* Text that is not valid UTF-8 or a value out of its closed set is
	 * refused here as in any record. */
	if (!ck_validate(record, &problem))
		ck_fatal("%s: %s", problem.field, problem.message);

	out = ck_writer_stdout();
	ck_write_json(out, record);
	ck_writer_close(out);
	json_decref(record);
	ck_args_free(args);
	return CK_EXIT_OK;
}
