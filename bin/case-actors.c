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
	ck_date reassign_date;
	size_t reassigned;        /* reassign: actors that matched --from */
	bool coordinator_ended;   /* end: warn once the change is valid */
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

/* True when TEXT is an element id: PREFIX and a number from 1. */
static bool
element_id_valid(const char *text, char prefix)
{
	const char *p;

	if (text[0] != prefix || text[1] < '1' || text[1] > '9')
		return false;
	for (p = text + 2; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return false;
	return p - text < 16;
}

static const char *
actor_id_option(const char *option, const char *text)
{
	if (!element_id_valid(text, 'a'))
		ck_usage_error("--%s: %s", option, _("not an actor id (a1, a2, …)"));
	return text;
}

/* What a subcommand did to a case. */
enum outcome {
	SAME,      /* nothing to change: no event */
	CHANGED,   /* changed, the event filled */
	BAD        /* bad input, reported: the case is rejected */
};

/* Reports bad input in record REC (FIELD, then the message) and returns
 * BAD: the run then stops with status 2 and an in-place store is left
 * as it was, or with --keep-going passes the record on unchanged. */
static enum outcome CK_PRINTF(3, 4)
bad_input(ck_record *rec, const char *field, const char *fmt, ...)
{
	char message[CK_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	ck_error_at(ck_record_file(rec), ck_record_line(rec), field, "%s", message);
	return BAD;
}

/* The names of OBJECT's members but its id, for an event's "fields". */
static json_t *
member_names(const json_t *object)
{
	json_t *names = json_array();
	const char *key;
	json_t *value;

	ck_oom_unless(names != NULL);
	json_object_foreach((json_t *)object, key, value)
		if (strcmp(key, "id") != 0)
			ck_oom_unless(json_array_append_new(names, json_string(key)) == 0);
	return names;
}

static json_t *
one_name(const char *name)
{
	json_t *names = json_array();

	ck_oom_unless(names != NULL && json_array_append_new(names, json_string(name)) == 0);
	return names;
}

static bool
is_true(const json_t *object, const char *key)
{
	return json_is_true(json_object_get(object, key));
}

static const char *
text_of(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

/* The actor ID of the case; NULL when the case has none, reported as
 * bad input. */
static json_t *
find_actor(ck_record *rec, const char *id)
{
	json_t *actor = ck_case_element(ck_record_json(rec), "actors", id);
	char field[CK_FIELD_MAX];

	if (actor == NULL) {
		snprintf(field, sizeof field, "actors[%s]", id);
		bad_input(rec, field, _("no such actor in this case"));
	}
	return actor;
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

static enum outcome
do_add(struct job *job, ck_record *rec, json_t *event)
{
	json_t *json = ck_record_json(rec);
	json_t *actor = json_deep_copy(job->actor);
	char id[32];

	ck_oom_unless(actor != NULL);
	if (ck_case_next_id(json, "actors", 'a', id, sizeof id) == NULL) {
		json_decref(actor);
		return bad_input(rec, "actors", _("no number is left for a new id (an id "
						  "there holds the largest number)"));
	}
	ck_field_set(actor, "actors", "id", json_string(id));
	json_object_set_new(event, "item", json_string(id));
	json_object_set_new(event, "fields", member_names(actor));
	ck_case_append(json, "actors", actor);
	return CHANGED;
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

/* The actor stays in the case, with its until: who was there, and when,
 * is the case's history. Ending it again moves the date (a correction). */
static enum outcome
do_end(struct job *job, ck_record *rec, json_t *event)
{
	json_t *actor = find_actor(rec, job->actor_id);

	if (actor == NULL)
		return BAD;
	if (json_equal(json_object_get(actor, "until"), job->until))
		return SAME;
	ck_field_set(actor, "actors", "until", json_copy(job->until));
	job->coordinator_ended = is_true(actor, "coordinator");
	json_object_set_new(event, "item", json_string(job->actor_id));
	json_object_set_new(event, "fields", one_name("until"));
	return CHANGED;
}

static void
prepare_coordinator(struct job *job, const ck_args *args)
{
	job->actor_id = actor_id_option("actor", required(args, "actor"));
}

/* True when the actor's until is on or before ON: it is history. */
static bool
has_ended(const json_t *actor, ck_date on)
{
	const char *until = text_of(actor, "until");
	ck_date date;

	return until != NULL && ck_date_parse(until, &date) && date <= on;
}

/* One entry for the family (DK 1.5): the coordinator is an active
 * municipal actor, and the only one with the flag that has not ended.
 * A set whose coordinator rules let a regional body coordinate (the
 * Swedish koordinator may be the region's habilitering) takes any active
 * actor.
 * An ended actor keeps it: who coordinated until when is the case's
 * history, and rule coordinator counts only the active. */
static enum outcome
do_coordinator(struct job *job, ck_record *rec, json_t *event)
{
	json_t *actors = json_object_get(ck_record_json(rec), "actors");
	json_t *actor = find_actor(rec, job->actor_id);
	json_t *previous, *other;
	char field[CK_FIELD_MAX];
	bool changed = false;
	size_t i;

	if (actor == NULL)
		return BAD;
	snprintf(field, sizeof field, "actors[%s]", job->actor_id);
	if (!ck_actor_active(actor, job->today))
		return bad_input(rec, field, _("not active today: a coordinator is one of the "
					       "actors around the family now"));
	if (!is_true(actor, "municipal") &&
	    ck_ruleset_coordinator_municipal(
		    ck_rulebook_for(job->rules, text_of(ck_record_json(rec), "pathway"))))
		return bad_input(rec, field,
				 _("not municipal: a coordinator is the municipality's"));
	previous = json_array();
	ck_oom_unless(previous != NULL);
	json_array_foreach(actors, i, other) {
		const char *id = text_of(other, "id");

		if (other == actor || !is_true(other, "coordinator") || has_ended(other, job->today))
			continue;
		json_object_del(other, "coordinator");
		if (id != NULL)
			ck_oom_unless(json_array_append_new(previous, json_string(id)) == 0);
		changed = true;
	}
	if (!is_true(actor, "coordinator")) {
		ck_field_set(actor, "actors", "coordinator", json_true());
		changed = true;
	}
	if (changed) {
		json_object_set_new(event, "item", json_string(job->actor_id));
		json_object_set_new(event, "fields", one_name("coordinator"));
		if (json_array_size(previous) > 0)
			json_object_set(event, "previous", previous);
	}
	json_decref(previous);
	return changed ? CHANGED : SAME;
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
		if (!element_id_valid(job->consent_id, 'c'))
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

/* A consent is dated: the same consent recorded twice (a re-run of a
 * script) is there once. */
static bool
consent_recorded(const json_t *record, const json_t *consent)
{
	json_t *consents = json_object_get(record, "consents"), *c;
	size_t i;

	json_array_foreach(consents, i, c) {
		json_t *copy = json_copy(c);
		bool same;

		ck_oom_unless(copy != NULL);
		json_object_del(copy, "id");
		same = json_equal(copy, consent);
		json_decref(copy);
		if (same)
			return true;
	}
	return false;
}

static enum outcome
do_consent(struct job *job, ck_record *rec, json_t *event)
{
	json_t *json = ck_record_json(rec);
	json_t *recipients = json_object_get(job->consent, "recipients");
	json_t *consent, *r;
	char id[32];
	size_t i;

	json_array_foreach(recipients, i, r)
		if (find_actor(rec, json_string_value(r)) == NULL)
			return BAD;
	if (consent_recorded(json, job->consent))
		return SAME;
	consent = json_deep_copy(job->consent);
	ck_oom_unless(consent != NULL);
	if (ck_case_next_id(json, "consents", 'c', id, sizeof id) == NULL) {
		json_decref(consent);
		return bad_input(rec, "consents", _("no number is left for a new id (an id "
						    "there holds the largest number)"));
	}
	ck_field_set(consent, "consents", "id", json_string(id));
	json_object_set_new(event, "item", json_string(id));
	json_object_set_new(event, "fields", member_names(consent));
	ck_case_append(json, "consents", consent);
	return CHANGED;
}

static enum outcome
do_withdraw(struct job *job, ck_record *rec, json_t *event)
{
	json_t *consent = ck_case_element(ck_record_json(rec), "consents", job->consent_id);
	char field[CK_FIELD_MAX];
	const char *given;
	ck_date g, w;

	snprintf(field, sizeof field, "consents[%s]", job->consent_id);
	if (consent == NULL)
		return bad_input(rec, field, _("no such consent in this case"));
	given = text_of(consent, "given");
	if (given == NULL && json_object_get(consent, "refused") != NULL)
		return bad_input(rec, field, _("was refused: there is nothing to withdraw"));
	if (json_equal(json_object_get(consent, "withdrawn"), job->withdrawn))
		return SAME;
	if (given != NULL && ck_date_parse(given, &g) &&
	    ck_date_parse(json_string_value(job->withdrawn), &w) && w < g) {
		snprintf(field, sizeof field, "consents[%s].withdrawn", job->consent_id);
		return bad_input(rec, field, _("before %s"), "given");
	}
	ck_field_set(consent, "consents", "withdrawn", json_copy(job->withdrawn));
	json_object_set_new(event, "item", json_string(job->consent_id));
	json_object_set_new(event, "fields", one_name("withdrawn"));
	return CHANGED;
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

/* The suggestions are replaced on each run, and removed when nothing
 * matches any more: they say what the directory says today. */
static enum outcome
do_suggest(struct job *job, ck_record *rec, json_t *event)
{
	json_t *json = ck_record_json(rec);
	json_t *old = json_object_get(json, "suggestions");
	char err[CK_MESSAGE_MAX];
	json_t *found;

	found = ck_directory_suggest(job->directory, json, err, sizeof err);
	if (found == NULL)
		return bad_input(rec, "diagnosis", "%s", err);
	if (json_array_size(found) == 0) {
		json_decref(found);
		if (old == NULL)
			return SAME;
		json_object_del(json, "suggestions");
	} else if (old != NULL && json_equal(old, found)) {
		json_decref(found);
		return SAME;
	} else {
		ck_record_set(json, "suggestions", found);
	}
	json_object_set_new(event, "fields", one_name("suggestions"));
	return CHANGED;
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
	ck_date_parse(json_string_value(job->date), &job->reassign_date);
}

static bool
same_text(const json_t *a, const json_t *b, const char *key)
{
	const char *x = text_of(a, key), *y = text_of(b, key);

	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

/* True when the case already has OLD's successor: an actor other than
 * OLD with the new contact and OLD's role, active on the day of the
 * change. A second run adds nobody. */
static bool
has_successor(struct job *job, const json_t *actors, const json_t *old)
{
	const char *contact = json_string_value(job->to_contact);
	json_t *a;
	size_t i;

	json_array_foreach(actors, i, a) {
		const char *c = text_of(a, "contact");

		if (a != old && c != NULL && strcasecmp(c, contact) == 0 &&
		    same_text(a, old, "role") && ck_actor_active(a, job->reassign_date))
			return true;
	}
	return false;
}

/* The successor: OLD's place around the family (role, org, sector,
 * municipal, authority, coordinator, receives_data), the new person's
 * name and contact, from the day of the change. */
static json_t *
successor(struct job *job, const json_t *old, const char *id)
{
	static const char *const kept[] = {
		"role", "org", "sector", "municipal", "authority", "coordinator",
		"receives_data"
	};
	json_t *actor = json_object();
	size_t i;

	ck_oom_unless(actor != NULL);
	ck_field_set(actor, "actors", "id", json_string(id));
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		json_t *value = json_object_get(old, kept[i]);

		if (value != NULL)
			ck_field_set(actor, "actors", kept[i], json_copy(value));
	}
	ck_field_set(actor, "actors", "name", json_copy(job->to_name));
	ck_field_set(actor, "actors", "contact", json_copy(job->to_contact));
	ck_field_set(actor, "actors", "since", json_copy(job->date));
	return actor;
}

static enum outcome
do_reassign(struct job *job, ck_record *rec, json_t *event)
{
	json_t *json = ck_record_json(rec);
	json_t *actors = json_object_get(json, "actors");
	json_t *ended = json_array(), *added = json_array();
	size_t i, n = json_array_size(actors);
	bool changed = false;

	ck_oom_unless(ended != NULL && added != NULL);
	/* Only the actors the case had before: a successor is never
	 * reassigned in the same run. */
	for (i = 0; i < n; i++) {
		json_t *old = json_array_get(actors, i);
		const char *contact = text_of(old, "contact");
		const char *until = text_of(old, "until");
		const char *id = text_of(old, "id");
		bool this_one = false;
		ck_date u;

		if (contact == NULL || strcasecmp(contact, job->from) != 0 ||
		    !ck_actor_active(old, job->today))
			continue;
		job->reassigned++;
		if (until == NULL || (ck_date_parse(until, &u) && u > job->reassign_date)) {
			ck_field_set(old, "actors", "until", json_copy(job->date));
			this_one = true;
		}
		if (!has_successor(job, actors, old)) {
			char new_id[32];

			if (ck_case_next_id(json, "actors", 'a', new_id, sizeof new_id) == NULL) {
				json_decref(ended);
				json_decref(added);
				return bad_input(rec, "actors", _("no number is left for a new id "
								  "(an id there holds the largest "
								  "number)"));
			}
			/* A coordinator's flag goes on, and stays with the old
			 * actor as history: the old one coordinates until the
			 * day, the successor from it, and the family has one
			 * coordinator every day. */
			ck_case_append(json, "actors", successor(job, old, new_id));
			ck_oom_unless(json_array_append_new(added, json_string(new_id)) == 0);
			this_one = true;
		}
		if (this_one && id != NULL)
			ck_oom_unless(json_array_append_new(ended, json_string(id)) == 0);
		changed = changed || this_one;
	}
	if (changed) {
		json_object_set(event, "ended", ended);
		json_object_set(event, "added", added);
	}
	json_decref(ended);
	json_decref(added);
	return changed ? CHANGED : SAME;
}

/* ---------------------------------------------------------------------
 * list: a table, not records
 */

/* The columns of the list; CSV and JSON use the names as they stand,
 * the text table translates them. */
enum column {
	COL_CASE, COL_REF, COL_ACTOR, COL_ROLE, COL_NAME, COL_ORG, COL_SECTOR,
	COL_ACTIVE, COL_COORDINATOR, COL_CONSENT, N_COLUMNS
};

static const char *const column_keys[N_COLUMNS] = {
	"case", "external_ref", "actor", "role", "name", "org", "sector",
	"active", "coordinator", "consent"
};

enum format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };

struct listing {
	enum format format;
	char delimiter;
	ck_date today;
	char **cells;             /* text: every row, N_COLUMNS cells each */
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
list_row(struct listing *l, const char *const *cells, const bool *flags)
{
	size_t i;

	switch (l->format) {
	case FORMAT_CSV: {
		const char *row[N_COLUMNS];

		for (i = 0; i < N_COLUMNS; i++)
			row[i] = cells[i];
		row[COL_ACTIVE] = flags[0] ? "yes" : "no";
		row[COL_COORDINATOR] = flags[1] ? "yes" : "no";
		if (!ck_csv_write_row(stdout, l->delimiter, row, NULL, N_COLUMNS))
			write_failed();
		break;
	}
	case FORMAT_JSON: {
		json_t *obj = json_object();

		ck_oom_unless(obj != NULL);
		for (i = 0; i < N_COLUMNS; i++) {
			json_t *value;

			if (i == COL_ACTIVE || i == COL_COORDINATOR)
				value = json_boolean(flags[i == COL_ACTIVE ? 0 : 1]);
			else if (cells[i] != NULL)
				value = json_string(cells[i]);
			else
				continue;
			ck_oom_unless(json_object_set_new(obj, column_keys[i], value) == 0);
		}
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
			l->cells = realloc(l->cells, l->capacity * N_COLUMNS * sizeof *l->cells);
			ck_oom_unless(l->cells != NULL);
		}
		for (i = 0; i < N_COLUMNS; i++) {
			const char *text = cells[i] != NULL ? cells[i] : "-";

			if (i == COL_ACTIVE || i == COL_COORDINATOR)
				text = flags[i == COL_ACTIVE ? 0 : 1] ? _("yes") : _("no");
			l->cells[l->rows * N_COLUMNS + i] = strdup(text);
			ck_oom_unless(l->cells[l->rows * N_COLUMNS + i] != NULL);
		}
		l->rows++;
		break;
	}
}

/* One row per actor of the case: never the child's name or diagnosis. */
static void
list_case(struct listing *l, const json_t *record)
{
	json_t *actors = json_object_get(record, "actors"), *actor;
	size_t i;

	json_array_foreach(actors, i, actor) {
		const char *cells[N_COLUMNS];
		char place[32];
		bool flags[2];

		memset(cells, 0, sizeof cells);
		cells[COL_CASE] = text_of(record, "id");
		cells[COL_REF] = text_of(record, "external_ref");
		cells[COL_ACTOR] = text_of(actor, "id");
		if (cells[COL_ACTOR] == NULL) {
			snprintf(place, sizeof place, "#%zu", i + 1);
			cells[COL_ACTOR] = place;
		}
		cells[COL_ROLE] = text_of(actor, "role");
		cells[COL_NAME] = text_of(actor, "name");
		cells[COL_ORG] = text_of(actor, "org");
		cells[COL_SECTOR] = text_of(actor, "sector");
		cells[COL_CONSENT] = ck_actor_consent_state(record, actor, l->today);
		flags[0] = ck_actor_active(actor, l->today);
		flags[1] = is_true(actor, "coordinator");
		list_row(l, cells, flags);
	}
}

static void
print_table(struct listing *l)
{
	const char *headings[N_COLUMNS] = {
		_("case"), _("ref"), _("actor"), _("role"), _("name"), _("org"),
		_("sector"), _("active"), _("coordinator"), _("consent")
	};
	size_t width[N_COLUMNS], r, i;

	for (i = 0; i < N_COLUMNS; i++)
		width[i] = ck_text_width(headings[i]);
	for (r = 0; r < l->rows; r++)
		for (i = 0; i < N_COLUMNS; i++) {
			size_t w = ck_text_width(l->cells[r * N_COLUMNS + i]);

			if (w > width[i])
				width[i] = w;
		}
	for (r = 0; r <= l->rows; r++) {
		for (i = 0; i < N_COLUMNS; i++) {
			const char *text = r == 0 ? headings[i] : l->cells[(r - 1) * N_COLUMNS + i];
			size_t pad = width[i] - ck_text_width(text) + 2, k;

			if (fputs(text, stdout) == EOF)
				write_failed();
			for (k = 0; i + 1 < N_COLUMNS && k < pad; k++)
				if (putchar(' ') == EOF)
					write_failed();
		}
		if (putchar('\n') == EOF)
			write_failed();
	}
	for (r = 0; r < l->rows * N_COLUMNS; r++)
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
		const char *header[N_COLUMNS];
		size_t i;

		for (i = 0; i < N_COLUMNS; i++)
			header[i] = column_keys[i];
		/* Excel takes a CSV file for UTF-8 only with a byte-order mark. */
		if (ck_args_has(args, "bom") && fputs("\xef\xbb\xbf", stdout) == EOF)
			write_failed();
		if (!ck_csv_write_row(stdout, l->delimiter, header, NULL, N_COLUMNS))
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
		} else if (ck_rulebook_for(l->rules, text_of(ck_record_json(rec), "pathway")) == NULL) {
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

int
main(int argc, char **argv)
{
	enum outcome (*change)(struct job *, ck_record *, json_t *) = NULL;
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
		change = do_add;
	} else if (strcmp(job.command, "end") == 0) {
		prepare_end(&job, args);
		change = do_end;
		flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(job.command, "coordinator") == 0) {
		prepare_coordinator(&job, args);
		change = do_coordinator;
		flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(job.command, "consent") == 0) {
		prepare_consent(&job, args);
		change = job.consent_id != NULL ? do_withdraw : do_consent;
		flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(job.command, "suggest") == 0) {
		prepare_suggest(&job, args);
		change = do_suggest;
	} else {
		prepare_reassign(&job, args);
		change = do_reassign;
		/* --from is the selection: every open case is looked at. */
		flags |= CK_RUN_SELF_SELECTING;
	}

	run = ck_run_start(args, flags);
	job.rules = ck_run_rules(run);
	while ((rec = ck_run_next(run)) != NULL) {
		json_t *event;
		ck_problem problem;
		enum outcome outcome;

		if (!ck_run_selected(run, rec)) {
			ck_run_write(run, rec);
			continue;
		}
		event = ck_event_new("case-actors", job.command);
		job.coordinator_ended = false;
		outcome = change(&job, rec, event);
		if (outcome == CHANGED && !ck_validate(ck_record_json(rec), &problem)) {
			ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
			outcome = BAD;
		}
		if (outcome != CHANGED) {
			json_decref(event);
			/* A rejected record goes on as it was read, its JSON
			 * never written: the change made to it is dropped. */
			if (outcome == BAD)
				ck_run_reject(run, rec);
			else
				ck_run_write(run, rec);
			continue;
		}
		if (job.coordinator_ended) {
			char field[CK_FIELD_MAX];

			snprintf(field, sizeof field, "actors[%s]", job.actor_id);
			ck_warning_at(ck_record_file(rec), ck_record_line(rec), field,
				      _("was the coordinator: choose the next one "
					"(case-actors coordinator)"));
		}
		ck_event_append(ck_record_json(rec), event);
		ck_record_mark_changed(rec);
		ck_run_write(run, rec);
	}
	status = ck_run_finish(run, CK_EXIT_OK);
	/* As grep: a reassign that found nobody is worth a script's notice
	 * (a mistyped contact, say). */
	if (change == do_reassign && job.reassigned == 0 && status == CK_EXIT_OK) {
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
