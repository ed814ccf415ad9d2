/* SPDX-License-Identifier: MPL-2.0 */
/* case-transition — the transitions ahead of a child (DK 1.6): plan the
 * standard ones from the birth date, add others, record their
 * preparation, completion, the adult decisions and the handover, and
 * list the cases with a transition coming up. See case-transition(1). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"

static const char *const commands[] = {
	"plan", "add", "start", "done", "decisions-ready", "handover", "upcoming", NULL
};

/* upcoming filters: it takes neither -i nor --dry-run. */
#define CHANGING "plan add start done decisions-ready handover"

static const ck_option options[] = {
	CK_RUN_OPTIONS(CHANGING),
	{ "kind", 0, true, "add start done decisions-ready handover" },
	{ "due", 0, true, "add" },
	{ "prepare-from", 0, true, "add" },
	{ "date", 0, true, "start done decisions-ready handover" },
	{ "to", 0, true, "handover" },
	{ "items", 0, true, "handover" },
	{ "within", 0, true, "upcoming" },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-transition [OPTION]... SUBCOMMAND [OPTION]... [FILE]...\n"
		 "Plan and follow the transitions ahead of a child: daycare, kindergarten,\n"
		 "school, youth education, adulthood, own home, job, or those of the case's\n"
		 "rule set (for Sweden: preschool, preschool-class, school, upper-secondary).\n"
		 "\n"
		 "Subcommands:\n"
		 "  plan                  add the transitions the case's rule set plans and\n"
		 "                        the case lacks that are due after today, from\n"
		 "                        child.born and the set's parameters\n"
		 "  add --kind K --due D [--prepare-from D]\n"
		 "                        add a transition of kind K\n"
		 "  start --kind K [--date D]\n"
		 "                        preparation has started (status preparing)\n"
		 "  done --kind K [--date D]\n"
		 "                        the transition has happened (status done)\n"
		 "  decisions-ready --kind adult [--date D]\n"
		 "                        the decisions for adult life are ready\n"
		 "  handover --kind K --to ACTOR [--items A,B] [--date D]\n"
		 "                        knowledge was handed over to an actor of the case\n"
		 "  upcoming --within DURATION\n"
		 "                        write only the open cases with a transition not done\n"
		 "                        whose prepare_from or due falls within DURATION of\n"
		 "                        today, or whose due has passed\n"
		 "\n"
		 "Selection and input:\n"
		 "  -i, --in-place FILE   change the store FILE in place (not for upcoming)\n"
		 "      --case ID         the case with this id (repeatable)\n"
		 "      --match PATH=RE   cases where a value at PATH matches RE (repeatable)\n"
		 "      --all             every case (with -i)\n"
		 "      --dry-run         with -i: say how many cases would change\n"
		 "      --keep-going      pass bad records on unchanged and go on (exit 2)\n"
		 "      --max-record SIZE the longest record, in bytes (K, M; default 1M)\n"
		 "      --rules X         judge every case by the rule set X, not its pathway\n"
		 "      --today DATE      take DATE as today (also CASEKIT_TODAY)\n"
		 "      --help            show this help and exit\n"
		 "      --version         show the version and exit\n"
		 "\n"
		 "Dates are YYYY-MM-DD; --date defaults to today. Durations: 14d, 6w, 3m, 1y.\n"
		 "Exit status: 0 on success; 1 when a --case matched nothing, or upcoming\n"
		 "passed no case; 2 on a usage error or bad input.\n"
		 "See case-transition(1) and casekit(5).\n"));
}

static const ck_program program = {
	"case-transition", commands, options, help, true
};

/* What the subcommand was asked to do, checked before any record is read. */
struct job {
	const char *command;
	const char *kind;         /* --kind */
	json_t *due;              /* --due, as a value */
	json_t *prepare_from;     /* --prepare-from, or NULL */
	json_t *date;             /* --date, or NULL for today */
	json_t *to;               /* --to */
	json_t *items;            /* --items, or NULL */
	ck_duration within;       /* --within */
	const ck_rulebook *rules;
};

/* The value of the field at PATH from an option, a usage error naming
 * the option when it is bad. */
static json_t *
from_option(const ck_args *args, const char *option, const char *path)
{
	return ck_option_field(option, path, ck_args_get(args, option));
}

static void
require(const ck_args *args, const char *option, const char *command)
{
	if (!ck_args_has(args, option))
		ck_usage_error(_("%s needs --%s"), command, option);
}

/* --items a,b: the items handed over, as a list into *ITEMS (kept there,
 * where a usage error's exit still finds it); empty items are a slip of
 * the keyboard and refused. */
static void
items_from_option(const char *text, json_t **items_out)
{
	json_t *items = *items_out = json_array();
	const char *p = text;

	ck_oom_unless(items != NULL);
	if (!ck_utf8_valid(text, strlen(text)))
		ck_usage_error(_("--%s: not valid UTF-8"), "items");
	for (;;) {
		size_t n = strcspn(p, ",");

		if (n == 0)
			ck_usage_error(_("--items: an empty item (items are separated by commas)"));
		ck_oom_unless(json_array_append_new(items, json_stringn(p, n)) == 0);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

static void
read_options(const ck_args *args, struct job *job)
{
	const char *cmd = job->command;

	memset(&job->within, 0, sizeof job->within);
	if (strcmp(cmd, "plan") != 0 && strcmp(cmd, "upcoming") != 0) {
		require(args, "kind", cmd);
		job->kind = ck_args_get(args, "kind");
		if (*job->kind == '\0')
			ck_usage_error(_("--kind: must not be empty"));
		if (!ck_utf8_valid(job->kind, strlen(job->kind)))
			ck_usage_error(_("--%s: not valid UTF-8"), "kind");
	}
	if (strcmp(cmd, "add") == 0) {
		require(args, "due", cmd);
		job->due = from_option(args, "due", "transitions.due");
		if (ck_args_has(args, "prepare-from"))
			job->prepare_from = from_option(args, "prepare-from",
							"transitions.prepare_from");
	}
	if (strcmp(cmd, "decisions-ready") == 0 && strcmp(job->kind, "adult") != 0)
		ck_usage_error(_("decisions-ready is for the adult transition: give --kind adult"));
	if (ck_args_has(args, "date"))
		job->date = from_option(args, "date", "transitions.started");
	if (strcmp(cmd, "handover") == 0) {
		require(args, "to", cmd);
		job->to = from_option(args, "to", "transitions.handover.to");
		if (ck_args_has(args, "items"))
			items_from_option(ck_args_get(args, "items"), &job->items);
	}
	if (strcmp(cmd, "upcoming") == 0) {
		require(args, "within", cmd);
		if (!ck_duration_parse(ck_args_get(args, "within"), &job->within))
			ck_usage_error(_("--within: not a duration (such as 30d, 6m or 1y)"));
		if (job->within.months < 0 || job->within.days < 0)
			ck_usage_error(_("--within: must not be negative"));
	}
}

static const ck_ruleset *
ruleset_of(const json_t *record, const struct job *job)
{
	return ck_rulebook_for(job->rules, json_string_value(json_object_get(record, "pathway")));
}

/* A date option as a date, or NULL when it was not given. */
static const ck_date *
date_of(const json_t *value, ck_date *out)
{
	return value != NULL && ck_date_parse(json_string_value(value), out) ? out : NULL;
}

/* Makes the change on one selected record through the library's
 * operations. False when it is bad input (reported); the case is then
 * as it was read. *NOTICE: the library's notice was shown (for plan, a
 * case left unplanned, which makes the run exit 1). */
static bool
change(ck_record *rec, const struct job *job, bool *notice)
{
	ck_change *c = ck_change_begin(rec, "case-transition", job->command);
	const ck_ruleset *set = ruleset_of(ck_record_json(rec), job);
	const char *cmd = job->command;
	ck_date today = ck_today(), date_v, due, prepare_v;
	const ck_date *date = date_of(job->date, &date_v);
	ck_problem problem;
	bool ok;

	if (strcmp(cmd, "plan") == 0)
		ok = ck_transition_plan_case(c, set, today, &problem);
	else if (strcmp(cmd, "add") == 0)
		ok = date_of(job->due, &due) != NULL &&
		     ck_transition_add(c, set, job->kind, due,
				       date_of(job->prepare_from, &prepare_v), &problem);
	else if (strcmp(cmd, "start") == 0)
		ok = ck_transition_start(c, job->kind, date, today, &problem);
	else if (strcmp(cmd, "done") == 0)
		ok = ck_transition_complete(c, job->kind, date, today, &problem);
	else if (strcmp(cmd, "decisions-ready") == 0)
		ok = ck_transition_decisions_ready(c, job->kind, date, today, &problem);
	else
		ok = ck_transition_handover(c, job->kind, json_string_value(job->to), job->items,
					    date, today, &problem);
	if (!ok) {
		ck_change_abandon(c);
		ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
		return false;
	}
	*notice = problem.message[0] != '\0';
	if (*notice)
		ck_warning_at(ck_record_file(rec), ck_record_line(rec), problem.field, "%s",
			      problem.message);
	if (ck_change_commit(c, &problem) == CK_CHANGE_BAD) {
		ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
		return false;
	}
	return true;
}

/* upcoming: a filter, as grep is; records pass as they were read. */
static int
upcoming(ck_run *run, const struct job *job)
{
	ck_record *rec;
	size_t passed = 0;

	while ((rec = ck_run_next(run)) != NULL) {
		if (ck_run_selected(run, rec) &&
		    ck_case_transition_upcoming(ck_record_json(rec), ck_today(), job->within)) {
			ck_run_write(run, rec);
			passed++;
		} else {
			ck_record_free(rec);
		}
	}
	return passed > 0 ? CK_EXIT_OK : CK_EXIT_NOTICE;
}

int
main(int argc, char **argv)
{
	struct job job;
	ck_args *args;
	ck_run *run;
	ck_record *rec;
	int status = CK_EXIT_OK;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	memset(&job, 0, sizeof job);
	job.command = ck_args_command(args);
	read_options(args, &job);

	if (strcmp(job.command, "upcoming") == 0) {
		/* Closed cases never pass; taking them in keeps a --case
		 * naming one from being reported as "not changed". */
		run = ck_run_start(args, CK_RUN_CLOSED_TOO);
		job.rules = ck_run_rules(run);
		status = upcoming(run, &job);
	} else {
		/* --to names an actor inside one case. */
		run = ck_run_start(args, strcmp(job.command, "handover") == 0 ? CK_RUN_ONE_CASE : 0);
		job.rules = ck_run_rules(run);
		while ((rec = ck_run_next(run)) != NULL) {
			/* A change that cannot be made is bad input: the run
			 * stops (with -i the store stays as it was), or with
			 * --keep-going the case passes on as it was read. */
			bool notice = false;

			if (ck_run_selected(run, rec) && !change(rec, &job, &notice)) {
				ck_run_reject(run, rec);
				continue;
			}
			/* A case plan could not plan: said, and the run exits 1. */
			if (notice && strcmp(job.command, "plan") == 0)
				status = CK_EXIT_NOTICE;
			ck_run_write(run, rec);
		}
	}
	status = ck_run_finish(run, status);
	json_decref(job.due);
	json_decref(job.prepare_from);
	json_decref(job.date);
	json_decref(job.to);
	json_decref(job.items);
	ck_args_free(args);
	return status;
}
