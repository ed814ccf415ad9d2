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

/* A record being changed: where it came from, and what its event says. */
struct change {
	ck_record *rec;
	json_t *json;
	json_t *fields;           /* the member names set */
};

/* Reports a problem with the record; false, for the caller to return. */
static bool
bad(const struct change *c, const char *field, const char *fmt, const char *arg)
{
	ck_error_at(ck_record_file(c->rec), ck_record_line(c->rec), field, fmt, arg);
	return false;
}

/* "transitions[#N].MEMBER" for the transition at INDEX. */
static const char *
field_name(size_t index, const char *member)
{
	static char name[CK_FIELD_MAX];

	snprintf(name, sizeof name, "transitions[#%zu]%s%s", index + 1,
		 *member != '\0' ? "." : "", member);
	return name;
}

/* Sets MEMBER of the transition to VALUE (a new reference, taken) when it
 * differs, and names it among the fields of the event. */
static void
set_member(struct change *c, json_t *t, const char *member, json_t *value)
{
	if (json_equal(json_object_get(t, member), value)) {
		json_decref(value);
		return;
	}
	ck_oom_unless(ck_field_set(t, "transitions", member, value));
	ck_oom_unless(json_array_append_new(c->fields, json_string(member)) == 0);
}

/* The value of --date, or today. New reference. */
static json_t *
date_value(const struct job *job)
{
	char text[CK_DATE_SIZE];

	if (job->date != NULL)
		return json_incref(job->date);
	return json_string(ck_date_format(ck_today(), text));
}

/* A date member of a transition: set to --date when given, else to today
 * when it is absent; an existing date is kept when no --date asks to
 * correct it, so that a run repeated the next day changes nothing. */
static void
set_date_member(struct change *c, const struct job *job, json_t *t, const char *member)
{
	if (job->date == NULL && json_object_get(t, member) != NULL)
		return;
	set_member(c, t, member, date_value(job));
}

/* The transition --kind names; NULL when the case has none (reported). */
static json_t *
find(struct change *c, const struct job *job, size_t *index)
{
	json_t *t = ck_transition_find(c->json, job->kind, index);

	if (t == NULL)
		bad(c, "transitions", _("no transition of kind %s"), job->kind);
	return t;
}

static const ck_ruleset *
ruleset_of(const struct change *c, const struct job *job)
{
	return ck_rulebook_for(job->rules,
			       json_string_value(json_object_get(c->json, "pathway")));
}

static bool
do_plan(struct change *c, const struct job *job, json_t **item)
{
	ck_problem problem;
	json_t *added;
	size_t i;
	static const char *const members[] = { "kind", "due", "prepare_from", "status" };

	added = ck_transitions_plan(c->json, ruleset_of(c, job), ck_today(), &problem);
	if (added == NULL) {
		ck_problem_report(&problem, ck_record_file(c->rec), ck_record_line(c->rec));
		return false;
	}
	if (json_array_size(added) == 0) {
		json_decref(added);
		return true;
	}
	for (i = 0; i < sizeof members / sizeof members[0]; i++)
		ck_oom_unless(json_array_append_new(c->fields, json_string(members[i])) == 0);
	*item = added;
	return true;
}

static bool
do_add(struct change *c, const struct job *job)
{
	const ck_ruleset *set = ruleset_of(c, job);
	json_t *t, *value;
	const char *key;
	size_t index;
	ck_date due, prepare_from;

	if (ck_transition_find(c->json, job->kind, &index) != NULL)
		return bad(c, field_name(index, "kind"), "%s",
			   _("a transition of this kind is already listed"));
	index = json_array_size(json_object_get(c->json, "transitions"));
	if (!ck_ruleset_transition_kind(set, job->kind))
		return bad(c, field_name(index, "kind"), _("not a transition kind of rule set %s"),
			   ck_ruleset_name(set));
	ck_date_parse(json_string_value(job->due), &due);
	if (job->prepare_from != NULL) {
		ck_date_parse(json_string_value(job->prepare_from), &prepare_from);
		t = ck_transition_new(job->kind, due, &prepare_from);
	} else if (ck_transition_prepare_from(set, job->kind, due, &prepare_from)) {
		/* The set's lead, as plan would give it. */
		t = ck_transition_new(job->kind, due, &prepare_from);
	} else {
		t = ck_transition_new(job->kind, due, NULL);
	}
	json_object_foreach(t, key, value)
		ck_oom_unless(json_array_append_new(c->fields, json_string(key)) == 0);
	ck_case_append(c->json, "transitions", t);
	return true;
}

static bool
do_start(struct change *c, const struct job *job)
{
	size_t index;
	json_t *t = find(c, job, &index);

	if (t == NULL)
		return false;
	/* Starting again what has happened is taken for a slip: said, and
	 * left as it is. */
	if (ck_transition_done(t)) {
		ck_warning_at(ck_record_file(c->rec), ck_record_line(c->rec),
			      field_name(index, "status"), _("already done; not changed"));
		return true;
	}
	set_member(c, t, "status", json_string("preparing"));
	set_date_member(c, job, t, "started");
	return true;
}

static bool
do_done(struct change *c, const struct job *job)
{
	size_t index;
	json_t *t = find(c, job, &index);
	ck_date started, completed;

	if (t == NULL)
		return false;
	set_member(c, t, "status", json_string("done"));
	set_date_member(c, job, t, "completed");
	if (ck_transition_date(t, "started", &started) &&
	    ck_transition_date(t, "completed", &completed) && completed < started)
		return bad(c, field_name(index, "completed"), _("before %s"), "started");
	return true;
}

static bool
do_decisions_ready(struct change *c, const struct job *job)
{
	size_t index;
	json_t *t = find(c, job, &index);

	if (t == NULL)
		return false;
	set_date_member(c, job, t, "decisions_ready");
	return true;
}

static bool
do_handover(struct change *c, const struct job *job)
{
	size_t index;
	json_t *t = find(c, job, &index), *handover;

	if (t == NULL)
		return false;
	if (!ck_case_has_actor(c->json, json_string_value(job->to)))
		return bad(c, field_name(index, "handover.to"), _("no actor %s in this case"),
			   json_string_value(job->to));
	handover = json_object();
	ck_oom_unless(handover != NULL);
	ck_oom_unless(ck_field_set(handover, "transitions.handover", "date", date_value(job)));
	ck_oom_unless(ck_field_set(handover, "transitions.handover", "to", json_incref(job->to)));
	if (job->items != NULL)
		ck_oom_unless(ck_field_set(handover, "transitions.handover", "items",
					json_incref(job->items)));
	/* One handover per transition: a second one replaces it. */
	set_member(c, t, "handover", handover);
	return true;
}

/* Makes the change on one selected record. False when it is bad input
 * (reported); the record is then written as it was read, since it is
 * not marked changed. */
static bool
change(ck_record *rec, const struct job *job)
{
	struct change c = { rec, ck_record_json(rec), json_array() };
	const char *cmd = job->command;
	json_t *item = NULL, *event;
	ck_problem problem;
	bool ok;

	ck_oom_unless(c.fields != NULL);
	if (strcmp(cmd, "plan") == 0)
		ok = do_plan(&c, job, &item);
	else if (strcmp(cmd, "add") == 0)
		ok = do_add(&c, job);
	else if (strcmp(cmd, "start") == 0)
		ok = do_start(&c, job);
	else if (strcmp(cmd, "done") == 0)
		ok = do_done(&c, job);
	else if (strcmp(cmd, "decisions-ready") == 0)
		ok = do_decisions_ready(&c, job);
	else
		ok = do_handover(&c, job);
	if (ok && json_array_size(c.fields) > 0 && !ck_validate(c.json, &problem)) {
		ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
		ok = false;
	}
	if (ok && json_array_size(c.fields) > 0) {
		event = ck_event_new("case-transition", cmd);
		if (item == NULL)
			item = json_string(job->kind);
		ck_oom_unless(json_object_set_new(event, "item", item) == 0);
		ck_oom_unless(json_object_set_new(event, "fields", c.fields) == 0);
		ck_event_append(c.json, event);
		ck_record_mark_changed(rec);
	} else {
		json_decref(item);
		json_decref(c.fields);
	}
	return ok;
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
			if (ck_run_selected(run, rec) && !change(rec, &job))
				ck_run_reject(run, rec);
			else
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
