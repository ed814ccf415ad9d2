/* case-checklist — judge each open case by the rules of its set: what is
 * missing, overdue or due, on what basis (law, recommendation, local).
 * The checklist is written into the record as its last member, or shown
 * as text for a caseworker. See case-checklist(1) and casekit-rules(5). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"

static const ck_option options[] = {
	{ "rules", 0, true, NULL },
	{ "due-within", 0, true, NULL },
	{ "only-findings", 0, false, NULL },
	{ "show-ok", 0, false, NULL },
	{ "format", 0, true, NULL },
	{ "jobs", 'j', true, NULL },
	{ "today", 0, true, NULL },
	{ "max-record", 0, true, NULL },
	{ "keep-going", 0, false, NULL },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-checklist [OPTION]... [FILE]...\n"
		 "Judge each open case by the rules of its set (its pathway) and write\n"
		 "the findings into the record as \"checklist\": what is missing, overdue\n"
		 "or due, and whether the law, a national recommendation or a local\n"
		 "standard asks for it. Closed cases pass through unchanged.\n"
		 "\n"
		 "      --rules X             judge every case by the rule set X\n"
		 "      --due-within DURATION the reminder window (default 30d): a duty due\n"
		 "                            within it is \"due\"\n"
		 "      --only-findings       write only the cases with a finding that is\n"
		 "                            missing, overdue or due\n"
		 "      --show-ok             list the rules that hold, and those that do not\n"
		 "                            apply, too\n"
		 "      --format json|text    records with their checklist (json, the\n"
		 "                            default), or the findings as text to read\n"
		 "  -j, --jobs N              judge on N threads (default: the processors,\n"
		 "                            at most 8); the output is the same\n"
		 "      --today DATE          take DATE as today (also CASEKIT_TODAY)\n"
		 "      --max-record SIZE     the longest record, in bytes (K, M; default 1M)\n"
		 "      --keep-going          pass bad records on unchanged, and go on\n"
		 "      --help                show this help and exit\n"
		 "      --version             show the version and exit\n"
		 "\n"
		 "Exit status: 0 when nothing is missing or overdue, 1 when something is,\n"
		 "2 on a usage error or bad input.\n"
		 "See case-checklist(1) and casekit-rules(5).\n"));
}

static const ck_program program = {
	"case-checklist", NULL, options, help, true
};

/* Records are read a batch at a time, judged on the threads, and written
 * in order. */
#define BATCH 512

/* The judges of one thread, one per rule set met. */
struct judges {
	const ck_ruleset **sets;
	ck_judge **judges;
	size_t count;
};

/* One record of a batch, and what the threads found. */
struct slot {
	ck_record *rec;
	bool good;                  /* parsed and valid */
	const ck_ruleset *set;      /* NULL: the pathway names no set */
	json_t *checklist;          /* NULL: closed, bad, or a pattern failed */
	const char *error;          /* a pattern that could not be matched */
	bool findings;              /* a finding missing, overdue or due */
	bool serious;               /* a finding missing or overdue */
};

struct job {
	const ck_rulebook *rules;
	ck_date today;
	ck_duration within;
	unsigned flags;
	bool text;
	bool only_findings;
	bool keep_going;
	const char *lang;
	struct judges *judges;      /* one per thread */
	struct slot *slots;
	json_t *ids;                /* every case id read, and its line */
	int status;
	bool stopped;
};

static ck_judge *
judge_for(struct judges *j, const ck_ruleset *set)
{
	size_t i;

	for (i = 0; i < j->count; i++)
		if (j->sets[i] == set)
			return j->judges[i];
	j->sets = realloc(j->sets, (j->count + 1) * sizeof *j->sets);
	j->judges = realloc(j->judges, (j->count + 1) * sizeof *j->judges);
	if (j->sets == NULL || j->judges == NULL)
		ck_fatal(_("out of memory"));
	j->sets[j->count] = set;
	j->judges[j->count] = ck_judge_new(set);
	return j->judges[j->count++];
}

/* On a thread: parse, validate and judge one record. Nothing is
 * reported here; the main thread does that, in order. */
static void
judge_slot(void *ctx, unsigned thread, size_t i)
{
	struct job *job = ctx;
	struct slot *s = &job->slots[i];
	const json_t *finding;
	json_t *json;
	size_t k;

	s->good = ck_record_check(s->rec);
	if (!s->good)
		return;
	json = ck_record_json(s->rec);
	s->set = ck_rulebook_for(job->rules, json_string_value(json_object_get(json, "pathway")));
	if (s->set == NULL || !ck_case_is_open(json))
		return;
	s->checklist = ck_judge_case(judge_for(&job->judges[thread], s->set), json, job->today,
				     job->within, job->flags);
	if (s->checklist == NULL) {
		s->error = ck_judge_error(judge_for(&job->judges[thread], s->set));
		return;
	}
	json_array_foreach(json_object_get(s->checklist, "findings"), k, finding) {
		int status = ck_finding_status_parse(
			json_string_value(json_object_get(finding, "status")));

		if (status == CK_FINDING_MISSING || status == CK_FINDING_OVERDUE)
			s->serious = true;
		if (status == CK_FINDING_MISSING || status == CK_FINDING_OVERDUE ||
		    status == CK_FINDING_DUE)
			s->findings = true;
	}
	if (job->text)
		return;
	/* The same checklist again leaves the record as it was read. As
	 * the last member: deleted, then added. The JSON text is made here,
	 * on the thread, not by the main thread that writes it. */
	if (!json_equal(json_object_get(json, "checklist"), s->checklist)) {
		json_object_del(json, "checklist");
		json_object_set(json, "checklist", s->checklist);
		ck_record_mark_changed(s->rec);
		ck_record_render(s->rec);
	}
}

/* A duplicated id: two records the checklist would judge as one case. */
static bool
id_is_new(struct job *job, struct slot *s)
{
	const char *id = json_string_value(json_object_get(ck_record_json(s->rec), "id"));
	json_t *first = json_object_get(job->ids, id);

	if (first != NULL) {
		ck_error_at(ck_record_file(s->rec), ck_record_line(s->rec), "id",
			    _("the same id as the case on line %lu"),
			    (unsigned long)json_integer_value(first));
		return false;
	}
	json_object_set_new(job->ids, id, json_integer((json_int_t)ck_record_line(s->rec)));
	return true;
}

/* The words of the text format, in the reader's language. */
static const char *
status_label(const char *status)
{
	static const char *const labels[][2] = {
		{ "missing", N_("missing") }, { "overdue", N_("overdue") }, { "due", N_("due") },
		{ "waived", N_("waived") }, { "ok", N_("ok") }, { "n/a", N_("n/a") },
	};
	size_t i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], status) == 0)
			return _(labels[i][1]);
	return status;
}

static const char *
basis_label(const char *basis)
{
	if (strcmp(basis, "law") == 0)
		return _("law");
	if (strcmp(basis, "recommendation") == 0)
		return _("recommendation");
	return _("local standard");
}

/* Prints TEXT and spaces up to WIDTH characters (not bytes: "försenad"
 * is as wide as "overdue" + 1). */
static void
print_padded(const char *text, int width)
{
	const char *p;
	int n = 0;

	for (p = text; *p != '\0'; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			n++;
	printf("%s%*s", text, width > n ? width - n : 0, "");
}

/* Per case: its id and case-system number, then each finding: status,
 * by when, what to do, and on what basis. Never the child's name or
 * diagnosis. */
static void
print_text(const struct job *job, const struct slot *s)
{
	const json_t *json = ck_record_json(s->rec), *f;
	const char *ref = json_string_value(json_object_get(json, "external_ref"));
	size_t i;

	if (json_array_size(json_object_get(s->checklist, "findings")) == 0)
		return;
	printf("%s", json_string_value(json_object_get(json, "id")));
	if (ref != NULL)
		printf("  %s", ref);
	printf("  (%s)\n", ck_ruleset_title(s->set, job->lang));
	json_array_foreach(json_object_get(s->checklist, "findings"), i, f) {
		const char *rule = json_string_value(json_object_get(f, "rule"));
		const char *due = json_string_value(json_object_get(f, "due"));
		const char *item = json_string_value(json_object_get(f, "item"));
		const json_t *def = ck_ruleset_rule(s->set, rule);

		printf("  ");
		print_padded(status_label(json_string_value(json_object_get(f, "status"))), 13);
		printf("  %-10s  %s", due != NULL ? due : "-", rule);
		printf(item != NULL ? " (%s)\n" : "\n", item);
		printf("      %s\n", ck_text_in(json_object_get(def, "message"), job->lang));
		printf("      %s: %s\n", basis_label(json_string_value(json_object_get(f, "basis"))),
		       json_string_value(json_object_get(f, "ref")));
	}
}

/* In input order: report, check ids, and write. */
static void
finish_slot(struct job *job, ck_writer *out, struct slot *s)
{
	if (!s->good || s->set == NULL || s->error != NULL || !id_is_new(job, s)) {
		if (!s->good)
			ck_record_report(s->rec);
		else if (s->set == NULL)
			ck_record_report_pathway(s->rec);
		else if (s->error != NULL)
			ck_error_at(ck_record_file(s->rec), ck_record_line(s->rec), NULL, "%s",
				    s->error);
		job->status = CK_EXIT_TROUBLE;
		if (!job->keep_going) {
			job->stopped = true;
			return;
		}
		if (!job->text) {
			ck_record_revert(s->rec);
			ck_write(out, s->rec);
		}
		return;
	}
	if (s->checklist == NULL) {
		/* A closed case: kept and counted, never checked. */
		if (!job->text && !job->only_findings)
			ck_write(out, s->rec);
		return;
	}
	if (s->serious && job->status == CK_EXIT_OK)
		job->status = CK_EXIT_NOTICE;
	if (job->only_findings && !s->findings)
		return;
	if (job->text) {
		print_text(job, s);
		return;
	}
	ck_write(out, s->rec);
}

static void
parse_options(struct job *job, const ck_args *args, unsigned *jobs, size_t *max_record)
{
	const char *format = ck_args_get(args, "format"), *bad, *text;
	char *end;
	long n;

	if (!ck_today_init(ck_args_get(args, "today"), &bad))
		ck_usage_error(_("%s: not a date (YYYY-MM-DD)"), bad);
	job->today = ck_today();
	job->within = (ck_duration){ 0, 30 };
	if ((text = ck_args_get(args, "due-within")) != NULL &&
	    (!ck_duration_parse(text, &job->within) || job->within.months < 0 ||
	     job->within.days < 0))
		ck_usage_error(_("--due-within: not a duration (such as 14d, 6w or 3m)"));
	if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		ck_usage_error(_("--format: not one of: json, text"));
	job->text = format != NULL && strcmp(format, "text") == 0;
	job->only_findings = ck_args_has(args, "only-findings");
	job->keep_going = ck_args_has(args, "keep-going");
	job->flags = ck_args_has(args, "show-ok") ? CK_JUDGE_SHOW_OK : 0;
	*jobs = ck_jobs_default();
	if ((text = ck_args_get(args, "jobs")) != NULL) {
		n = strtol(text, &end, 10);
		if (end == text || *end != '\0' || n < 1 || n > 8)
			ck_usage_error(_("--jobs: not a whole number from 1 to 8"));
		*jobs = (unsigned)n;
	}
	*max_record = CK_MAX_RECORD_DEFAULT;
	if (ck_args_has(args, "max-record") &&
	    !ck_size_parse(ck_args_get(args, "max-record"), max_record))
		ck_usage_error(_("--max-record: not a size (bytes, or with K or M)"));
}

int
main(int argc, char **argv)
{
	struct job job;
	ck_rulebook *rules;
	ck_reader *in;
	ck_writer *out;
	ck_args *args;
	char *const *files;
	size_t nfiles, max_record, n, i, k;
	unsigned jobs;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	memset(&job, 0, sizeof job);
	parse_options(&job, args, &jobs, &max_record);
	job.lang = ck_language();
	/* Every set is checked before any record is read. */
	rules = ck_rulebook_load(ck_args_get(args, "rules"));
	job.rules = rules;
	job.judges = calloc(jobs, sizeof *job.judges);
	job.slots = calloc(BATCH, sizeof *job.slots);
	job.ids = json_object();
	if (job.judges == NULL || job.slots == NULL || job.ids == NULL)
		ck_fatal(_("out of memory"));
	files = ck_args_files(args, &nfiles);
	in = ck_reader_open(files, nfiles, max_record);
	out = ck_writer_stdout();

	while (!job.stopped) {
		for (n = 0; n < BATCH; n++) {
			memset(&job.slots[n], 0, sizeof job.slots[n]);
			if ((job.slots[n].rec = ck_reader_next(in)) == NULL)
				break;
		}
		if (n == 0)
			break;
		ck_parallel(n, jobs, judge_slot, &job);
		for (i = 0; i < n; i++) {
			if (!job.stopped)
				finish_slot(&job, out, &job.slots[i]);
			json_decref(job.slots[i].checklist);
			ck_record_free(job.slots[i].rec);
		}
		if (n < BATCH)
			break;
	}
	if (ck_reader_failed(in))
		job.status = CK_EXIT_TROUBLE;
	ck_reader_close(in);
	ck_writer_close(out);
	for (i = 0; i < jobs; i++) {
		for (k = 0; k < job.judges[i].count; k++)
			ck_judge_free(job.judges[i].judges[k]);
		free(job.judges[i].sets);
		free(job.judges[i].judges);
	}
	free(job.judges);
	free(job.slots);
	json_decref(job.ids);
	ck_rulebook_free(rules);
	ck_args_free(args);
	return job.status;
}
