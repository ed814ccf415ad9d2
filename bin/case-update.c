/* SPDX-License-Identifier: MPL-2.0 */
/* case-update — record what happened in a case: assessments, decisions,
 * complaints, meetings, offers, plans, single fields, the child's
 * identity number, family members, waivers, closing and reopening,
 * retention (purge), and any command run over a store as a checked
 * filter. Every change is validated, made under the store's lock with
 * -i, and recorded as one event. See case-update(1). */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"

#define TOOL "case-update"

static const char *const commands[] = {
	"assessment", "decision", "complaint", "meeting", "offer", "plan", "set",
	"identity", "family", "waive", "close", "reopen", "purge", "filter", NULL
};

static const ck_option options[] = {
	CK_RUN_OPTIONS(NULL),
	{ "item", 0, true, "assessment decision complaint meeting offer family waive" },
	{ "type", 0, true, "assessment" },
	{ "aware", 0, true, "assessment" },
	{ "started", 0, true, "assessment decision" },
	{ "done", 0, true, "assessment" },
	{ "preliminary", 0, true, "assessment" },
	{ "by", 0, true, "assessment" },
	{ "paragraph", 0, true, "decision" },
	{ "applied", 0, true, "decision" },
	{ "decided", 0, true, "decision" },
	{ "outcome", 0, true, "decision" },
	{ "ends", 0, true, "decision" },
	{ "child-heard", 0, true, "decision" },
	{ "hearing-exception", 0, true, "decision" },
	{ "views-obtained", 0, true, "decision" },
	{ "delay-notified", 0, true, "decision" },
	{ "reported-ivo", 0, true, "decision" },
	{ "first-follow-up", 0, true, "decision" },
	{ "next-follow-up", 0, true, "decision" },
	{ "received", 0, true, "complaint" },
	{ "reassessed", 0, true, "complaint" },
	{ "upheld", 0, false, "complaint" },
	{ "not-upheld", 0, false, "complaint" },
	{ "sent-on", 0, true, "complaint" },
	{ "result", 0, true, "complaint" },
	{ "result-date", 0, true, "complaint" },
	{ "kind", 0, true, "meeting offer plan" },
	{ "date", 0, true, "meeting offer plan close" },
	{ "actors", 0, true, "meeting" },
	{ "with-family", 0, false, "meeting" },
	{ "to", 0, true, "offer" },
	{ "status", 0, true, "offer" },
	{ "updated", 0, true, "plan" },
	{ "offered", 0, true, "plan" },
	{ "next-review", 0, true, "plan" },
	{ "responsible", 0, true, "plan" },
	{ "decision", 0, true, "plan" },
	{ "sip", 0, false, "plan" },
	{ "plan-item", 0, true, "plan" },
	{ "set", 's', true, "set" },
	{ "cpr", 0, true, "identity" },
	{ "personnummer", 0, true, "identity" },
	{ "relation", 0, true, "family" },
	{ "name", 0, true, "family" },
	{ "born", 0, true, "family" },
	{ "custody", 0, false, "family" },
	{ "no-custody", 0, false, "family" },
	{ "lives-with", 0, false, "family" },
	{ "no-lives-with", 0, false, "family" },
	{ "interpreter", 0, true, "family" },
	{ "rule", 0, true, "waive" },
	{ "reason", 0, true, "waive close" },
	{ "until", 0, true, "waive" },
	{ "waiver", 0, true, "waive" },
	{ "closed-before", 0, true, "purge" },
	{ "command", 0, true, "filter" },
	{ "allow-drop", 0, false, "filter" },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-update [OPTION]... SUBCOMMAND [SUBCOMMAND-OPTION]... [FILE]...\n"
		 "Record what happened in cases: each change validated, recorded as an\n"
		 "event, and with -i made in a store under its lock.\n"
		 "\n"
		 "Subcommands (each adds an element, or with --item ID changes that one):\n"
		 "  assessment --type T [--aware D] [--started D] [--done D] [--preliminary D]\n"
		 "             [--by ACTOR]\n"
		 "  decision   --paragraph P [--applied D] [--decided D] [--outcome O]\n"
		 "             [--started D] [--ends D] [--child-heard D]\n"
		 "             [--hearing-exception REASON] [--views-obtained D]\n"
		 "             [--delay-notified D] [--first-follow-up D] [--next-follow-up D]\n"
		 "             [--reported-ivo D]\n"
		 "  meeting    --kind K --date D [--actors a1,a2] [--with-family]\n"
		 "  offer      --kind K --to WHO --status S [--date D]\n"
		 "  family     --relation R [--name N] [--born D] [--custody|--no-custody]\n"
		 "             [--lives-with|--no-lives-with] [--interpreter LANGUAGE]\n"
		 "  waive      --rule R [--item I] --reason TEXT [--until D]\n"
		 "             (--waiver ID changes a waiver; --item is the finding's item)\n"
		 "And:\n"
		 "  complaint  --item DECISION [--received D] [--reassessed D]\n"
		 "             [--upheld|--not-upheld] [--sent-on D] [--result R]\n"
		 "             [--result-date D]  (a complaint about that decision;\n"
		 "             --received starts one)\n"
		 "  plan       --kind common|child|youth|individual [--updated D]\n"
		 "             [--next-review D] [--responsible ACTOR] [--sip]\n"
		 "             [--plan-item WHAT:ACTOR:FROM]... [--decision made|not-needed]\n"
		 "             [--date D] [--offered D]\n"
		 "  set        -s PATH=VALUE [-s PATH=VALUE]...  (PATH= removes the field)\n"
		 "  identity   [--cpr -] [--personnummer -]  (numbers on standard input)\n"
		 "  close      --reason R [--date D]\n"
		 "  reopen\n"
		 "  purge      --closed-before D   remove closed cases closed before D\n"
		 "  filter     -i FILE --command CMD [--allow-drop]\n"
		 "\n"
		 "Selection and input:\n"
		 "  -i, --in-place FILE   change the store FILE (needs --case, --match or --all)\n"
		 "      --case ID         the case to change (repeatable)\n"
		 "      --match PATH=RE   cases where a value at PATH matches RE (repeatable)\n"
		 "      --all             every case\n"
		 "      --dry-run         with -i: say how many records would change\n"
		 "      --keep-going      pass bad records on, report them, exit 2 at the end\n"
		 "      --max-record SIZE the longest record (default 1M)\n"
		 "      --rules X         take rule set X for every case\n"
		 "      --today DATE      take DATE as today (also CASEKIT_TODAY)\n"
		 "      --help            show this help and exit\n"
		 "      --version         show the version and exit\n"
		 "\n"
		 "Without -i the records are read from FILEs or standard input and written\n"
		 "to standard output. Dates are YYYY-MM-DD; a --date that may be left out\n"
		 "is today.\n"
		 "Exit status: 0 on success, 1 when a --case matched nothing, 2 on a usage\n"
		 "error or bad input (with -i the store is then left as it was).\n"
		 "See case-update(1) and casekit(5).\n"));
}

static const ck_program program = {
	"case-update", commands, options, help, true
};

/* ---------------------------------------------------------------------
 * Subcommands that add or change an element of an array
 */

/* How an option becomes a member's value. */
enum how {
	HOW_TEXT,        /* converted and checked as casekit(5) says */
	HOW_TRUE,        /* a flag: true */
	HOW_FALSE,       /* a flag: false */
	HOW_ACTOR,       /* an actor id the case must have */
	HOW_ACTORS,      /* actor ids separated by commas */
	HOW_PARAGRAPH    /* a paragraph, stored in normal form */
};

struct member {
	const char *option;
	const char *member;   /* in the element; "follow_up.first" one level down */
	enum how how;
};

struct element_command {
	const char *command;
	const char *key;                /* the array */
	char prefix;                    /* of its ids */
	const char *select;             /* the option naming the element to change */
	const char *const *required;    /* options a new element needs */
	const struct member *members;
	/* A subcommand that records an object inside an element the case
	 * has (complaint): that member, the option that must be given when
	 * the element has no such object yet, and (N_()) why --SELECT is
	 * required. NULL for subcommands that add elements. */
	const char *within;
	const char *starts;
	const char *select_required;
};

static const char *const assessment_required[] = { "type", NULL };
static const struct member assessment_members[] = {
	{ "type", "type", HOW_TEXT },
	{ "aware", "aware", HOW_TEXT },
	{ "started", "started", HOW_TEXT },
	{ "done", "done", HOW_TEXT },
	{ "preliminary", "preliminary", HOW_TEXT },
	{ "by", "by", HOW_ACTOR },
	{ NULL, NULL, HOW_TEXT }
};

static const char *const decision_required[] = { "paragraph", NULL };
static const struct member decision_members[] = {
	{ "paragraph", "paragraph", HOW_PARAGRAPH },
	{ "applied", "applied", HOW_TEXT },
	{ "decided", "decided", HOW_TEXT },
	{ "outcome", "outcome", HOW_TEXT },
	{ "started", "started", HOW_TEXT },
	{ "ends", "ends", HOW_TEXT },
	{ "child-heard", "child_heard", HOW_TEXT },
	{ "hearing-exception", "hearing_exception.reason", HOW_TEXT },
	{ "views-obtained", "hearing_exception.views_obtained", HOW_TEXT },
	{ "delay-notified", "delay_notified", HOW_TEXT },
	{ "reported-ivo", "reported_ivo", HOW_TEXT },
	{ "first-follow-up", "follow_up.first", HOW_TEXT },
	{ "next-follow-up", "follow_up.next", HOW_TEXT },
	{ NULL, NULL, HOW_TEXT }
};

/* Retssikkerhedsloven § 66: a complaint about a decision, reassessed by
 * the municipality and, unless upheld in full, sent on. */
static const char *const complaint_required[] = { NULL };
static const struct member complaint_members[] = {
	{ "received", "complaint.received", HOW_TEXT },
	{ "reassessed", "complaint.reassessed", HOW_TEXT },
	{ "upheld", "complaint.upheld", HOW_TRUE },
	{ "not-upheld", "complaint.upheld", HOW_FALSE },
	{ "sent-on", "complaint.sent_on", HOW_TEXT },
	{ "result-date", "complaint.outcome.date", HOW_TEXT },
	{ "result", "complaint.outcome.result", HOW_TEXT },
	{ NULL, NULL, HOW_TEXT }
};

static const char *const meeting_required[] = { "kind", "date", NULL };
static const struct member meeting_members[] = {
	{ "date", "date", HOW_TEXT },
	{ "kind", "kind", HOW_TEXT },
	{ "actors", "actors", HOW_ACTORS },
	{ "with-family", "with_family", HOW_TRUE },
	{ NULL, NULL, HOW_TEXT }
};

static const char *const offer_required[] = { "kind", "to", "status", NULL };
static const struct member offer_members[] = {
	{ "kind", "kind", HOW_TEXT },
	{ "to", "to", HOW_TEXT },
	{ "status", "status", HOW_TEXT },
	{ "date", "date", HOW_TEXT },
	{ NULL, NULL, HOW_TEXT }
};

static const char *const family_required[] = { "relation", NULL };
static const struct member family_members[] = {
	{ "relation", "relation", HOW_TEXT },
	{ "name", "name", HOW_TEXT },
	{ "born", "born", HOW_TEXT },
	{ "custody", "custody", HOW_TRUE },
	{ "no-custody", "custody", HOW_FALSE },
	{ "lives-with", "lives_with", HOW_TRUE },
	{ "no-lives-with", "lives_with", HOW_FALSE },
	{ "interpreter", "interpreter", HOW_TEXT },
	{ NULL, NULL, HOW_TEXT }
};

static const char *const waiver_required[] = { "rule", "reason", NULL };
static const struct member waiver_members[] = {
	{ "rule", "rule", HOW_TEXT },
	{ "item", "item", HOW_TEXT },
	{ "reason", "reason", HOW_TEXT },
	{ "until", "until", HOW_TEXT },
	{ NULL, NULL, HOW_TEXT }
};

static const struct element_command element_commands[] = {
	{ "assessment", "assessments", 's', "item", assessment_required, assessment_members,
	  NULL, NULL, NULL },
	{ "decision", "decisions", 'd', "item", decision_required, decision_members,
	  NULL, NULL, NULL },
	{ "complaint", "decisions", 'd', "item", complaint_required, complaint_members,
	  "complaint", "received", N_("--item is required: the decision complained about") },
	{ "meeting", "meetings", 'm', "item", meeting_required, meeting_members,
	  NULL, NULL, NULL },
	{ "offer", "offers", 'o', "item", offer_required, offer_members, NULL, NULL, NULL },
	{ "family", "family", 'f', "item", family_required, family_members, NULL, NULL, NULL },
	{ "waive", "waivers", 'w', "waiver", waiver_required, waiver_members,
	  NULL, NULL, NULL },
	{ NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};

/* One value to set, made from an option before any record is read. */
struct value {
	const char *member;
	enum how how;
	json_t *json;
};

/* What a run of case-update does, made from the options. */
struct update {
	const ck_args *args;
	const char *command;
	const char *store;              /* -i FILE, or NULL */
	ck_run *run;
	const struct element_command *element;
	struct value *values;           /* element commands, plan, set */
	size_t nvalues;
	char plan_kind[16];             /* plan: common, child, youth, individual */
	json_t *plan_items;             /* plan: items to add */
	json_t *set_fields;             /* set: path to value, null to remove */
	json_t *cpr, *personnummer;     /* identity */
	json_t *close_reason, *date;    /* close */
	ck_date closed_before;          /* purge */
	/* filter: the command's output, and the records in hand (kept here
	 * so that an exit on bad input leaves nothing unreachable) */
	ck_reader *reader;
	ck_record *stored, *output;
};

/* Bad input at a record: the message names the record's place and the
 * field, never a value; the run ends with status 2, and with -i the
 * store is left as it was (the run's temporary file goes at exit). */
static void CK_PRINTF(4, 5) CK_NORETURN
bad_input(const struct update *u, ck_record *rec, const char *field, const char *fmt, ...)
{
	char message[CK_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	ck_error_at(ck_record_file(rec), ck_record_line(rec), field, "%s", message);
	if (u->store != NULL)
		ck_error(_("%s: left unchanged"), u->store);
	ck_exit(CK_EXIT_TROUBLE);
}

/* A selected record the change cannot be made to, reported as
 * bad_input reports it. Without --keep-going the run ends there (status
 * 2, a store left as it was); with it the record passes on as it was
 * read and the run ends with status 2. The record is taken: returns
 * false, for the caller to return. */
static bool CK_PRINTF(4, 5)
reject(const struct update *u, ck_record *rec, const char *field, const char *fmt, ...)
{
	char message[CK_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	ck_error_at(ck_record_file(rec), ck_record_line(rec), field, "%s", message);
	ck_run_reject(u->run, rec);
	return false;
}



static void
add_value(struct update *u, const char *member, enum how how, json_t *json)
{
	u->values = realloc(u->values, (u->nvalues + 1) * sizeof *u->values);
	ck_oom_unless(u->values != NULL);
	u->values[u->nvalues].member = member;
	u->values[u->nvalues].how = how;
	u->values[u->nvalues].json = json;
	u->nvalues++;
}

/* --actors a1,a2: a list of actor ids. */
static json_t *
actor_list(const char *option, const char *text)
{
	json_t *list = json_array();
	const char *s = text;
	size_t i;

	ck_oom_unless(list != NULL);
	for (;;) {
		size_t n = strcspn(s, ",");
		json_t *id;
		bool seen = false;

		while (n > 0 && *s == ' ') {
			s++;
			n--;
		}
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n == 0) {
			json_decref(list);
			ck_usage_error(_("--%s: expected actor ids separated by commas (a1,a2)"),
				       option);
		}
		id = json_stringn(s, n);
		ck_oom_unless(id != NULL);
		for (i = 0; i < json_array_size(list); i++)
			if (json_equal(json_array_get(list, i), id))
				seen = true;
		if (seen)
			json_decref(id);
		else
			json_array_append_new(list, id);
		s += strcspn(s, ",");
		if (*s == '\0')
			break;
		s++;
	}
	return list;
}

/* --paragraph P: stored in normal form, so that rules, filters and
 * reports see it as they see every other ("Barnets lov § 32, stk. 1"
 * is "BL § 32 stk. 1"). A text casekit cannot read is stored as given,
 * with a warning: no paragraph rule will apply to it (casekit(5),
 * Paragraphs). */
static json_t *
paragraph_value(const char *option, const char *path, const char *text)
{
	char normal[CK_PARAGRAPH_MAX];

	if (*text == '\0')
		ck_usage_error(_("--%s: must not be empty"), option);
	if (ck_paragraph_normal(text, normal, sizeof normal))
		return ck_option_field(option, path, normal);
	ck_warning(_("--%s: not a paragraph casekit can read; stored as given, "
		     "and no paragraph rule will apply to it"), option);
	return ck_option_field(option, path, text);
}

/* The option of EC other than M's that sets M's member. */
static const char *
other_option(const struct element_command *ec, const struct member *m)
{
	const struct member *other;

	for (other = ec->members; other->option != NULL; other++)
		if (other != m && strcmp(other->member, m->member) == 0)
			return other->option;
	return m->option;
}

/* Barnets lov § 5 knows no exception for a decision only about the
 * parents' finances: not-required, which casekit once wrote, is read in
 * old records but never written. Stk. 4's exception is recorded as
 * hearing_exception, with its reason. */
static void
check_decision_options(const ck_args *args)
{
	const char *heard = ck_args_get(args, "child-heard");

	if (heard != NULL && strcmp(heard, "not-required") == 0)
		ck_usage_error(_("--child-heard: not-required is no longer recorded (Barnets "
				 "lov § 5 has no such exception): give the date the child "
				 "was heard, or --hearing-exception REASON for the quite special "
				 "cases of § 5 stk. 4"));
}

static void
prepare_element(struct update *u)
{
	const struct element_command *ec = u->element;
	const ck_args *args = u->args;
	const struct member *m;
	char path[96];
	size_t i;

	if (ec->within != NULL && !ck_args_has(args, ec->select))
		ck_usage_error("%s", _(ec->select_required));
	if (!ck_args_has(args, ec->select)) {
		for (i = 0; ec->required[i] != NULL; i++)
			if (!ck_args_has(args, ec->required[i]))
				ck_usage_error(_("--%s is required to add an element "
						 "(--%s ID changes one)"),
					       ec->required[i], ec->select);
	}
	for (m = ec->members; m->option != NULL; m++) {
		const char *text = ck_args_get(args, m->option);
		json_t *value;

		if (text == NULL)
			continue;
		snprintf(path, sizeof path, "%s.%s", ec->key, m->member);
		switch (m->how) {
		case HOW_TRUE:
		case HOW_FALSE:
			/* --X and --no-X (--not-X) set one member: given
			 * both, they contradict. */
			for (i = 0; i < u->nvalues; i++)
				if (strcmp(u->values[i].member, m->member) == 0)
					ck_usage_error(_("--%s and --%s contradict each other"),
						       other_option(ec, m), m->option);
			value = json_boolean(m->how == HOW_TRUE);
			break;
		case HOW_ACTORS:
			value = actor_list(m->option, text);
			break;
		case HOW_PARAGRAPH:
			value = paragraph_value(m->option, path, text);
			break;
		default:
			/* An empty text is a slip of the shell, not a value. */
			if (*text == '\0')
				ck_usage_error(_("--%s: must not be empty"), m->option);
			value = ck_option_field(m->option, path, text);
			break;
		}
		add_value(u, m->member, m->how, value);
	}
	if (ck_args_has(args, ec->select) && u->nvalues == 0)
		ck_usage_error(_("--%s: nothing to change: give the fields to set"), ec->select);
}


/* A waiver should name a rule of the case's own set: a mistyped id
 * would waive nothing, silently. Only a warning: a site may judge its
 * cases by another set (case-checklist --rules), whose rules a waiver
 * may name. */
static void
check_rule(const struct update *u, ck_record *rec, const char *field, const char *rule)
{
	json_t *json = ck_record_json(rec);
	const char *pathway = json_string_value(json_object_get(json, "pathway"));
	const ck_ruleset *set = ck_rulebook_for(ck_run_rules(u->run), pathway);
	const json_t *rules = set != NULL ? ck_ruleset_rules(set) : NULL;
	const json_t *r;
	size_t i;

	json_array_foreach(rules, i, r) {
		const char *id = json_string_value(json_object_get(r, "id"));

		if (id != NULL && strcmp(id, rule) == 0)
			return;
	}
	ck_warning_at(ck_record_file(rec), ck_record_line(rec), field,
		      _("no rule of this id in the case's rule set"));
}

/* Commits change C of REC; false when the case broke (rejected, taken). */
static bool
commit(const struct update *u, ck_record *rec, ck_change *c)
{
	ck_problem problem;

	if (ck_change_commit(c, &problem) == CK_CHANGE_BAD)
		return reject(u, rec, problem.field, "%s", problem.message);
	return true;
}

/* The change_ functions change a selected record; false when they
 * rejected it (and so took it), true when it is the caller's to write. */
static bool
change_element(struct update *u, ck_record *rec)
{
	const struct element_command *ec = u->element;
	const char *item = ck_args_get(u->args, ec->select);
	ck_element_value *values = calloc(u->nvalues + 1, sizeof *values);
	char field[CK_FIELD_MAX], next[32];
	ck_problem problem;
	ck_change *c;
	size_t i;
	bool ok;

	ck_oom_unless(values != NULL);
	/* A member of an element that must be started first (a complaint
	 * by --received). */
	if (item != NULL && ec->within != NULL) {
		const json_t *element = ck_case_element(ck_record_json(rec), ec->key, item);

		if (element != NULL && json_object_get(element, ec->within) == NULL &&
		    !ck_args_has(u->args, ec->starts)) {
			free(values);
			snprintf(field, sizeof field, "%s[%s].%s", ec->key, item, ec->within);
			return reject(u, rec, field, _("none recorded yet: --%s starts one"),
				      ec->starts);
		}
	}
	for (i = 0; i < u->nvalues; i++) {
		values[i].member = u->values[i].member;
		values[i].value = u->values[i].json;
		values[i].names_actors = u->values[i].how == HOW_ACTOR ||
					 u->values[i].how == HOW_ACTORS;
		if (strcmp(ec->key, "waivers") == 0 && strcmp(u->values[i].member, "rule") == 0) {
			if (item == NULL &&
			    ck_case_next_id(ck_record_json(rec), ec->key, ec->prefix, next,
					    sizeof next) == NULL)
				snprintf(next, sizeof next, "?");
			snprintf(field, sizeof field, "%s[%s].rule", ec->key,
				 item != NULL ? item : next);
			check_rule(u, rec, field, json_string_value(u->values[i].json));
		}
	}
	c = ck_change_begin(rec, TOOL, u->command);
	ok = ck_element_put(c, ec->key, ec->prefix, item, values, u->nvalues, ck_today(),
			    ck_user(), &problem);
	free(values);
	if (!ok) {
		ck_change_abandon(c);
		return reject(u, rec, problem.field, "%s", problem.message);
	}
	return commit(u, rec, c);
}

/* ---------------------------------------------------------------------
 * plan
 */

/* The plans: the common plan (DK 1.4, a SIP with --sip), the decisions
 * of Barnets lov § 91 (child) and § 108 (youth), and the individual plan
 * of LSS 10 §, offered when an insats is granted and reviewed at least
 * once a year. */
enum plan_kind {
	PLAN_COMMON = 1,
	PLAN_CHILD = 2,
	PLAN_YOUTH = 4,
	PLAN_INDIVIDUAL = 8
};
#define PLAN_DECIDED (PLAN_CHILD | PLAN_YOUTH)

static const struct {
	const char *name;
	enum plan_kind kind;
} plan_kinds[] = {
	{ "common", PLAN_COMMON },
	{ "child", PLAN_CHILD },
	{ "youth", PLAN_YOUTH },
	{ "individual", PLAN_INDIVIDUAL },
};
#define N_PLAN_KINDS (sizeof plan_kinds / sizeof plan_kinds[0])

/* Which options go with which plans. */
static const struct {
	const char *option;
	const char *member;
	enum how how;
	unsigned plans;
} plan_options[] = {
	{ "updated", "updated", HOW_TEXT, PLAN_COMMON | PLAN_INDIVIDUAL },
	{ "next-review", "next_review", HOW_TEXT, PLAN_COMMON | PLAN_DECIDED | PLAN_INDIVIDUAL },
	{ "responsible", "responsible", HOW_ACTOR, PLAN_COMMON },
	{ "sip", "sip", HOW_TRUE, PLAN_COMMON },
	{ "decision", "decision", HOW_TEXT, PLAN_DECIDED },
	{ "offered", "offered", HOW_TEXT, PLAN_INDIVIDUAL },
	{ "date", "date", HOW_TEXT, PLAN_DECIDED | PLAN_INDIVIDUAL },
};
#define N_PLAN_OPTIONS (sizeof plan_options / sizeof plan_options[0])

/* One part of --plan-item WHAT:ACTOR:FROM as the item's MEMBER. */
static json_t *
plan_item_part(const char *member, const char *text, size_t length)
{
	char *part = strndup(text, length), path[64];
	ck_problem problem;
	json_t *value;
	bool ok;

	ck_oom_unless(part != NULL);
	snprintf(path, sizeof path, "plans.common.items.%s", member);
	ok = ck_field_from_text(path, part, 0, &value, &problem);
	free(part);
	if (!ok)
		ck_usage_error("--plan-item: %s: %s", member, problem.message);
	return value;
}

static void
prepare_plan(struct update *u)
{
	const ck_args *args = u->args;
	const char *kind = ck_args_get(args, "kind");
	unsigned which = 0;
	bool common;
	char path[64];
	size_t i, n;

	if (kind == NULL)
		ck_usage_error(_("--kind is required (common, child, youth or individual)"));
	for (i = 0; i < N_PLAN_KINDS; i++)
		if (strcmp(kind, plan_kinds[i].name) == 0)
			which = plan_kinds[i].kind;
	if (which == 0)
		ck_usage_error(_("--kind: not one of: common, child, youth, individual"));
	snprintf(u->plan_kind, sizeof u->plan_kind, "%s", kind);
	common = which == PLAN_COMMON;
	for (i = 0; i < N_PLAN_OPTIONS; i++) {
		const char *text = ck_args_get(args, plan_options[i].option);

		if (text == NULL)
			continue;
		if (!(plan_options[i].plans & which))
			ck_usage_error(_("--%s does not go with --kind %s"),
				       plan_options[i].option, kind);
		snprintf(path, sizeof path, "plans.%s.%s", kind, plan_options[i].member);
		add_value(u, plan_options[i].member, plan_options[i].how,
			  plan_options[i].how == HOW_TRUE ? json_true()
			  : ck_option_field(plan_options[i].option, path, text));
	}
	n = ck_args_count(args, "plan-item");
	if (n > 0 && !common)
		ck_usage_error(_("--%s does not go with --kind %s"), "plan-item", kind);
	u->plan_items = json_array();
	ck_oom_unless(u->plan_items != NULL);
	for (i = 0; i < n; i++) {
		const char *spec = ck_args_nth(args, "plan-item", i);
		const char *from = strrchr(spec, ':');
		const char *actor;
		json_t *item = json_object();

		ck_oom_unless(item != NULL && json_array_append_new(u->plan_items, item) == 0);
		/* WHAT may hold colons; the actor id and the date cannot. */
		actor = from != NULL && from > spec ? from - 1 : NULL;
		while (actor != NULL && actor > spec && *actor != ':')
			actor--;
		if (from == NULL || actor == NULL || *actor != ':' || actor == spec ||
		    from == actor + 1)
			ck_usage_error(_("--plan-item: expected WHAT:ACTOR:FROM"));
		ck_field_set(item, "plans.common.items", "what",
			     plan_item_part("what", spec, (size_t)(actor - spec)));
		ck_field_set(item, "plans.common.items", "actor",
			     plan_item_part("actor", actor + 1, (size_t)(from - actor - 1)));
		ck_field_set(item, "plans.common.items", "from",
			     plan_item_part("from", from + 1, strlen(from + 1)));
	}
	if (u->nvalues == 0 && n == 0)
		ck_usage_error(_("plan: nothing to record: give the fields to set"));
}

static bool
change_plan(struct update *u, ck_record *rec)
{
	ck_element_value *values = calloc(u->nvalues + 1, sizeof *values);
	ck_change *c = ck_change_begin(rec, TOOL, u->command);
	ck_problem problem;
	size_t i;
	bool ok;

	ck_oom_unless(values != NULL);
	for (i = 0; i < u->nvalues; i++) {
		values[i].member = u->values[i].member;
		values[i].value = u->values[i].json;
		values[i].names_actors = u->values[i].how == HOW_ACTOR;
	}
	ok = ck_plan_set(c, u->plan_kind, values, u->nvalues, u->plan_items,
			 ck_args_has(u->args, "decision"), ck_args_has(u->args, "date"), ck_today(),
			 &problem);
	free(values);
	if (!ok) {
		ck_change_abandon(c);
		return reject(u, rec, problem.field, "%s", problem.message);
	}
	return commit(u, rec, c);
}

/* ---------------------------------------------------------------------
 * set
 */

/* Fields set cannot change, and why. */
static void
refuse_set_path(const char *path)
{
	static const char *const own[] = { "events", "checklist", "suggestions" };
	size_t i, n;

	if (strcmp(path, "child.cpr") == 0 || strcmp(path, "child.personnummer") == 0)
		ck_usage_error(_("-s %s: an identity number is never taken from the command "
				 "line: use identity, which reads it from standard input"), path);
	if (strcmp(path, "id") == 0 || strcmp(path, "format") == 0)
		ck_usage_error(_("-s %s: cannot be changed"), path);
	if (strcmp(path, "status") == 0 || strcmp(path, "closed") == 0 ||
	    strcmp(path, "closed_reason") == 0)
		ck_usage_error(_("-s %s: use close or reopen"), path);
	for (i = 0; i < sizeof own / sizeof own[0]; i++) {
		n = strlen(own[i]);
		if (strncmp(path, own[i], n) == 0 && (path[n] == '\0' || path[n] == '.'))
			ck_usage_error(_("-s %s: written by casekit itself"), path);
	}
}

static void
prepare_set(struct update *u)
{
	const ck_args *args = u->args;
	size_t i, n = ck_args_count(args, "set");
	char err[CK_MESSAGE_MAX];

	if (n == 0)
		ck_usage_error(_("set needs at least one -s PATH=VALUE"));
	u->set_fields = json_object();
	ck_oom_unless(u->set_fields != NULL);
	for (i = 0; i < n; i++) {
		const char *spec = ck_args_nth(args, "set", i);
		long eq = ck_path_split_assignment(spec);
		enum ck_field_kind kind;
		ck_problem problem;
		ck_path *compiled;
		json_t *value, *scratch;
		char path[CK_FIELD_MAX];
		bool ok;

		if (eq <= 0)
			ck_usage_error(_("-s: expected PATH=VALUE"));
		if ((size_t)eq >= sizeof path)
			ck_usage_error(_("-s: the path is too long"));
		memcpy(path, spec, (size_t)eq);
		path[eq] = '\0';
		compiled = ck_path_compile(path, err, sizeof err);
		if (compiled == NULL)
			ck_usage_error("-s %s: %s", path, err);
		ok = ck_path_is_plain(compiled);
		ck_path_free(compiled);
		if (!ok)
			ck_usage_error(_("-s %s: not a plain field path (no filters)"), path);
		refuse_set_path(path);
		kind = ck_field_kind(path);
		if (kind == CK_FIELD_UNKNOWN)
			ck_usage_error(_("-s %s: no such field (see casekit(5); local fields "
					 "are named x_...)"), path);
		if (kind == CK_FIELD_STRUCTURE)
			ck_usage_error(_("-s %s: not a field of one value"), path);
		/* Members of array elements have their own subcommands. */
		scratch = json_object();
		ck_oom_unless(scratch != NULL);
		ok = ck_record_set(scratch, path, json_true());
		json_decref(scratch);
		if (!ok)
			ck_usage_error(_("-s %s: inside a list of elements: use its "
					 "subcommand"), path);
		if (json_object_get(u->set_fields, path) != NULL)
			ck_usage_error(_("-s %s: given twice"), path);
		if (spec[eq + 1] == '\0') {
			value = json_null();
		} else if (!ck_field_from_text(path, spec + eq + 1, 0, &value, &problem)) {
			ck_usage_error("-s %s: %s", path, problem.message);
		}
		ck_oom_unless(json_object_set_new(u->set_fields, path, value) == 0);
	}
}

/* The value at a plain dotted PATH of objects, or NULL. */

/* Removes the field at PATH, and the objects on the way that it leaves
 * empty: an absent value is left out, never written as {}. True when
 * something was removed. */

static bool
change_set(struct update *u, ck_record *rec)
{
	ck_change *c = ck_change_begin(rec, TOOL, u->command);
	ck_problem problem;
	const char *path;
	json_t *value;

	json_object_foreach(u->set_fields, path, value)
		if (!ck_case_set_path(c, path, json_is_null(value) ? NULL : value, &problem)) {
			ck_change_abandon(c);
			return reject(u, rec, problem.field, "%s", problem.message);
		}
	return commit(u, rec, c);
}

/* ---------------------------------------------------------------------
 * identity
 */

static void
prepare_identity(struct update *u)
{
	const ck_args *args = u->args;
	char *const *files;
	size_t i, nfiles;

	if (!ck_args_has(args, "cpr") && !ck_args_has(args, "personnummer"))
		ck_usage_error(_("identity needs --cpr - or --personnummer -"));
	ck_option_identity_check(args, "cpr");
	ck_option_identity_check(args, "personnummer");
	/* Standard input holds the numbers, so the cases come from elsewhere. */
	files = ck_args_files(args, &nfiles);
	if (u->store == NULL) {
		for (i = 0; i < nfiles; i++)
			if (strcmp(files[i], "-") == 0)
				break;
		if (nfiles == 0 || i < nfiles)
			ck_usage_error(_("identity reads the number from standard input: give "
					 "the cases with -i FILE or as files"));
	}
	/* The CPR number first, as case-new reads them. */
	if (ck_args_has(args, "cpr"))
		u->cpr = ck_option_identity_read("cpr", "child.cpr");
	if (ck_args_has(args, "personnummer"))
		u->personnummer = ck_option_identity_read("personnummer", "child.personnummer");
}

static bool
change_identity(struct update *u, ck_record *rec)
{
	ck_change *c = ck_change_begin(rec, TOOL, u->command);
	ck_problem problem;

	if (!ck_case_set_identity(c, json_string_value(u->cpr), json_string_value(u->personnummer),
				  &problem)) {
		ck_change_abandon(c);
		return reject(u, rec, problem.field, "%s", problem.message);
	}
	return commit(u, rec, c);
}

/* ---------------------------------------------------------------------
 * close, reopen, purge
 */

static bool
change_close(struct update *u, ck_record *rec)
{
	ck_change *c = ck_change_begin(rec, TOOL, u->command);
	ck_problem problem;
	ck_date date;

	ck_date_parse(json_string_value(u->date), &date);
	ck_case_close(c, json_string_value(u->close_reason), date, &problem);
	return commit(u, rec, c);
}

static bool
change_reopen(struct update *u, ck_record *rec)
{
	ck_change *c = ck_change_begin(rec, TOOL, u->command);
	ck_problem problem;

	ck_case_reopen(c, &problem);
	return commit(u, rec, c);
}

/* True when a selected case is closed, and was closed before the date:
 * retention. A closed case without a closing date is kept: when its
 * time is up cannot be told. */
static bool
purgeable(const struct update *u, ck_record *rec)
{
	return ck_case_purgeable(ck_record_json(rec), u->closed_before);
}

/* ---------------------------------------------------------------------
 * filter
 */

/* The command's output, beside the store (named as the store's own
 * temporary files, so a killed run's is removed by the next), removed
 * at exit. */
static char *filter_output;

static void
remove_filter_output(void)
{
	if (filter_output != NULL) {
		unlink(filter_output);
		free(filter_output);
		filter_output = NULL;
	}
}

static void CK_PRINTF(2, 3) CK_NORETURN
filter_failed(const struct update *u, const char *fmt, ...)
{
	char message[CK_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	ck_error("%s: %s", u->store, message);
	ck_error(_("%s: left unchanged"), u->store);
	ck_exit(CK_EXIT_TROUBLE);
}

/* A problem at LINE of the command's output. */
static void CK_NORETURN
output_problem(const struct update *u, unsigned long line, const char *field,
	       const char *message)
{
	if (field != NULL && *field != '\0')
		ck_error(_("%s: the command's output, line %lu: %s: %s"), u->store, line,
			 field, message);
	else
		ck_error(_("%s: the command's output, line %lu: %s"), u->store, line, message);
	ck_error(_("%s: left unchanged"), u->store);
	ck_exit(CK_EXIT_TROUBLE);
}

/* Runs the command through /bin/sh with a copy of the store on its
 * standard input and its standard output to a file (a store may be
 * larger than memory). The run holds the store's lock throughout, so
 * nothing else changes the store meanwhile; a command that writes to it
 * by its name all the same ("jq . FILE > FILE") finds the store put back
 * as it was. */
static void
run_command(const struct update *u)
{
	const char *command = ck_args_get(u->args, "command");
	const char *slash = strrchr(u->store, '/');
	ck_store *store = ck_run_store(u->run);
	int in, out, status;
	size_t size = strlen(u->store) + 16;
	pid_t pid;

	filter_output = malloc(size);
	ck_oom_unless(filter_output != NULL);
	if (slash == NULL)
		snprintf(filter_output, size, ".%s.ck-XXXXXX", u->store);
	else
		snprintf(filter_output, size, "%.*s/.%s.ck-XXXXXX",
			 (int)(slash - u->store), u->store, slash + 1);
	out = mkstemp(filter_output);
	if (out < 0) {
		free(filter_output);
		filter_output = NULL;
		ck_fatal(_("%s: cannot make a temporary file beside it: %s"), u->store,
			 strerror(errno));
	}
	ck_at_exit(remove_filter_output);
	in = ck_store_copy(store);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		filter_failed(u, _("cannot start the command: %s"), strerror(errno));
	if (pid == 0) {
		if (dup2(in, STDIN_FILENO) >= 0 && dup2(out, STDOUT_FILENO) >= 0)
			execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(in);
	/* Ours to close, though the command wrote to it: a late write
	 * error shows here. */
	if (close(out) != 0)
		filter_failed(u, _("cannot write the command's output: %s"), strerror(errno));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			filter_failed(u, _("cannot wait for the command: %s"), strerror(errno));
	if (ck_store_put_back(store)) {
		ck_error(_("%s: the command wrote to the store itself (a filter writes to "
			   "standard output): the store was put back as it was"), u->store);
		ck_exit(CK_EXIT_TROUBLE);
	}
	if (WIFSIGNALED(status))
		filter_failed(u, _("the command was ended by signal %d"), WTERMSIG(status));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		filter_failed(u, _("the command failed (exit status %d)"), WEXITSTATUS(status));
}

/* Takes the command's version of a case, OLD's place in the store. */
static void
filter_case(struct update *u, ck_record *old, ck_record *new)
{
	ck_problem problem;

	switch (ck_filter_case(old, new, TOOL, &problem)) {
	case CK_CHANGE_SAME:
		ck_record_free(new);
		ck_run_write(u->run, old);
		break;
	case CK_CHANGE_CHANGED:
		ck_record_free(old);
		ck_run_write(u->run, new);
		break;
	case CK_CHANGE_BAD:
		output_problem(u, ck_record_line(new), problem.field, problem.message);
	}
}

/* Leaves a case out, as the command did (--allow-drop). */
static void
drop_case(struct update *u, ck_record *old)
{
	ck_problem problem;

	if (!ck_filter_may_drop(ck_record_json(old), &problem))
		bad_input(u, old, NULL, "%s", problem.message);
	ck_run_drop(u->run, old);
}

static const char *
case_id(ck_record *rec)
{
	return json_string_value(json_object_get(ck_record_json(rec), "id"));
}

/* Runs the command, then takes its output in step with the store:
 * the same cases in the same order (some left out with --allow-drop),
 * each valid, each keeping its events, the closed ones unchanged. */
static size_t
run_filter(struct update *u)
{
	bool allow_drop = ck_args_has(u->args, "allow-drop");
	size_t dropped = 0;

	run_command(u);
	u->reader = ck_reader_open(&filter_output, 1, ck_run_max_record(u->run));
	u->stored = ck_run_next(u->run);
	while ((u->output = ck_reader_next(u->reader)) != NULL) {
		unsigned long line = ck_record_line(u->output);
		const ck_problem *problem;
		const char *pathway, *id;
		json_t *json;

		if (!ck_record_check(u->output)) {
			problem = ck_record_problem(u->output);
			output_problem(u, line, problem->field, problem->message);
		}
		json = ck_record_json(u->output);
		pathway = json_string_value(json_object_get(json, "pathway"));
		if (ck_rulebook_for(ck_run_rules(u->run), pathway) == NULL)
			output_problem(u, line, "pathway",
				       _("no rule set of this name (see casekit-rules(5))"));
		id = case_id(u->output);
		while (u->stored != NULL && strcmp(case_id(u->stored), id) != 0) {
			if (!allow_drop)
				output_problem(u, line, "id",
					       _("not the case at this place in the store (a "
						 "filter keeps every case, in order; --allow-drop "
						 "lets it leave cases out)"));
			drop_case(u, u->stored);
			dropped++;
			u->stored = ck_run_next(u->run);
		}
		if (u->stored == NULL)
			output_problem(u, line, "id",
				       _("not a case of the store, or out of order"));
		filter_case(u, u->stored, u->output);
		u->stored = ck_run_next(u->run);
	}
	if (ck_reader_failed(u->reader)) {
		ck_error(_("%s: left unchanged"), u->store);
		ck_exit(CK_EXIT_TROUBLE);
	}
	ck_reader_close(u->reader);
	u->reader = NULL;
	for (; u->stored != NULL; u->stored = ck_run_next(u->run)) {
		if (!allow_drop)
			bad_input(u, u->stored, "id",
				  _("missing from the command's output (--allow-drop "
				    "lets a filter leave cases out)"));
		drop_case(u, u->stored);
		dropped++;
	}
	remove_filter_output();
	return dropped;
}

/* ---------------------------------------------------------------------
 * main
 */

static void
prepare(struct update *u, unsigned *flags)
{
	const ck_args *args = u->args;
	const char *command = u->command;
	size_t i;

	for (i = 0; element_commands[i].command != NULL; i++)
		if (strcmp(element_commands[i].command, command) == 0)
			u->element = &element_commands[i];
	if (u->element != NULL) {
		if (strcmp(command, "decision") == 0)
			check_decision_options(args);
		prepare_element(u);
		if (ck_args_has(args, u->element->select) || ck_args_has(args, "item") ||
		    ck_args_has(args, "by") || ck_args_has(args, "actors"))
			*flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(command, "plan") == 0) {
		prepare_plan(u);
		if (ck_args_has(args, "responsible") || ck_args_has(args, "plan-item"))
			*flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(command, "set") == 0) {
		prepare_set(u);
	} else if (strcmp(command, "identity") == 0) {
		prepare_identity(u);
		*flags |= CK_RUN_ONE_CASE;
	} else if (strcmp(command, "close") == 0) {
		if (!ck_args_has(args, "reason"))
			ck_usage_error(_("--%s is required"), "reason");
		u->close_reason = ck_option_field("reason", "closed_reason",
					       ck_args_get(args, "reason"));
		if (ck_args_has(args, "date"))
			u->date = ck_option_field("date", "closed", ck_args_get(args, "date"));
		*flags |= CK_RUN_CLOSED_TOO;
	} else if (strcmp(command, "reopen") == 0) {
		*flags |= CK_RUN_CLOSED_TOO;
	} else if (strcmp(command, "purge") == 0) {
		json_t *date;

		if (!ck_args_has(args, "closed-before"))
			ck_usage_error(_("--%s is required"), "closed-before");
		date = ck_option_field("closed-before", "closed", ck_args_get(args, "closed-before"));
		ck_date_parse(json_string_value(date), &u->closed_before);
		json_decref(date);
		*flags |= CK_RUN_SELF_SELECTING | CK_RUN_CLOSED_TOO;
	} else if (strcmp(command, "filter") == 0) {
		if (u->store == NULL)
			ck_usage_error(_("filter works on a store: give -i FILE"));
		if (!ck_args_has(args, "command"))
			ck_usage_error(_("--%s is required"), "command");
		if (ck_args_has(args, "case") || ck_args_has(args, "match") ||
		    ck_args_has(args, "all"))
			ck_usage_error(_("filter runs over the whole store: no --case, --match "
					 "or --all"));
		if (ck_args_has(args, "keep-going"))
			ck_usage_error(_("filter needs a store without bad records: no "
					 "--keep-going"));
		*flags |= CK_RUN_SELF_SELECTING | CK_RUN_CLOSED_TOO;
	}
}

/* What the run does to a selected record; false when the record was
 * rejected (and taken). */
static bool
change(struct update *u, ck_record *rec)
{
	const char *command = u->command;

	if (u->element != NULL)
		return change_element(u, rec);
	if (strcmp(command, "plan") == 0)
		return change_plan(u, rec);
	if (strcmp(command, "set") == 0)
		return change_set(u, rec);
	if (strcmp(command, "identity") == 0)
		return change_identity(u, rec);
	if (strcmp(command, "close") == 0)
		return change_close(u, rec);
	if (strcmp(command, "reopen") == 0)
		return change_reopen(u, rec);
	return true;
}

int
main(int argc, char **argv)
{
	struct update u;
	ck_args *args;
	ck_record *rec;
	unsigned flags = 0;
	size_t i, removed = 0;
	int status;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	memset(&u, 0, sizeof u);
	u.args = args;
	u.command = ck_args_command(args);
	u.store = ck_args_get(args, "in-place");
	prepare(&u, &flags);

	u.run = ck_run_start(args, flags);
	if (strcmp(u.command, "close") == 0 && u.date == NULL) {
		char text[CK_DATE_SIZE];

		u.date = json_string(ck_date_format(ck_today(), text));
		ck_oom_unless(u.date != NULL);
	}
	if (u.set_fields != NULL) {
		json_t *pathway = json_object_get(u.set_fields, "pathway");

		if (json_is_string(pathway) &&
		    ck_rulebook_get(ck_run_rules(u.run), json_string_value(pathway)) == NULL)
			ck_usage_error(_("-s pathway: no rule set of this name (see "
					 "casekit-rules(5))"));
	}

	if (strcmp(u.command, "filter") == 0) {
		removed = run_filter(&u);
	} else {
		bool purge = strcmp(u.command, "purge") == 0;

		while ((rec = ck_run_next(u.run)) != NULL) {
			if (ck_run_selected(u.run, rec)) {
				if (purge && purgeable(&u, rec)) {
					ck_run_drop(u.run, rec);
					removed++;
					continue;
				}
				if (!purge && !change(&u, rec))
					continue;
			}
			ck_run_write(u.run, rec);
		}
	}
	status = ck_run_finish(u.run, CK_EXIT_OK);

	/* Retention is counted where the operator sees it, once the store
	 * was replaced (or the output written). */
	if (strcmp(u.command, "purge") == 0 ||
	    (strcmp(u.command, "filter") == 0 && ck_args_has(args, "allow-drop"))) {
		if (ck_args_has(args, "dry-run"))
			ck_error(P_("--dry-run: %zu case would be removed",
				    "--dry-run: %zu cases would be removed", removed), removed);
		else if (status == CK_EXIT_OK || (u.store == NULL && status == CK_EXIT_NOTICE))
			ck_error(strcmp(u.command, "purge") == 0
				 ? P_("%zu case purged", "%zu cases purged", removed)
				 : P_("%zu case left out by the filter",
				      "%zu cases left out by the filter", removed), removed);
	}

	for (i = 0; i < u.nvalues; i++)
		json_decref(u.values[i].json);
	free(u.values);
	json_decref(u.plan_items);
	json_decref(u.set_fields);
	json_decref(u.cpr);
	json_decref(u.personnummer);
	json_decref(u.close_reason);
	json_decref(u.date);
	ck_args_free(args);
	return status;
}
