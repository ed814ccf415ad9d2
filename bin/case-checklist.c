/* SPDX-License-Identifier: MPL-2.0 */
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
	CK_READ_OPTIONS,
	{ "due-within", 0, true, NULL },
	{ "only-findings", 0, false, NULL },
	{ "show-ok", 0, false, NULL },
	{ "format", 0, true, NULL },
	{ "case", 0, true, NULL },
	{ "match", 0, true, NULL },
	{ "coordinator", 0, true, NULL },
	{ "sort", 0, true, NULL },
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
		 "      --case ID             judge only the case with this id (repeatable)\n"
		 "      --match PATH=REGEX    judge only cases where a value at PATH matches\n"
		 "                            (repeatable)\n"
		 "      --coordinator CONTACT judge only the cases this contact coordinates\n"
		 "      --sort due            with --format text: every finding by its due\n"
		 "                            date, across the cases (a worklist)\n"
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

/* The judges of one thread, one per rule set met. */
struct judges {
	const ck_ruleset **sets;
	ck_judge **judges;
	size_t count;
};

/* A finding of the worklist (--sort due): its due date ("" when it has
 * none) and its text, printed once all are sorted. */
struct entry {
	char due[11];
	int rank;                   /* overdue, missing, due, then the rest */
	size_t seq;                 /* input order, for equal dates */
	char *text;
};

/* ck_batch_item flags: what the judging found. */
#define FINDINGS 1u             /* a finding missing, overdue or due */
#define SERIOUS 2u              /* a finding missing or overdue */
#define OTHERS 8u               /* --coordinator: not that coordinator's case,
				   left unjudged */
#define FAILED 4u               /* a pattern could not be matched: result is
				   the message */

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
	ck_selection *selection;    /* --case, --match */
	char *coordinator;          /* --coordinator, as a key, or NULL */
	bool sort_due;              /* --sort due: the findings gathered */
	struct entry *entries;
	size_t nentries, capacity;
	ck_ids *ids;                /* every case id read */
	ck_writer *out;
	int status;
	size_t unread_paragraphs;   /* decisions judged whose paragraph casekit
				       cannot read; counted by use_item */
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

/* On a thread: judge one record (parsed, valid, with a set). Nothing is
 * reported here; the main thread does that, in order. */
static void
judge_item(void *ctx, unsigned thread, ck_batch_item *item)
{
	struct job *job = ctx;
	json_t *json = ck_record_json(item->record), *checklist;
	ck_judge *judge;
	const json_t *finding;
	size_t k;

	if (!ck_case_is_open(json))
		return;
	/* Another coordinator's case is not judged at all: a caseworker's
	 * week of a municipality's store judges her cases only. */
	if (job->coordinator != NULL) {
		char *key = ck_coordinator_key(json, job->today);
		bool mine = key != NULL && strcmp(key, job->coordinator) == 0;

		free(key);
		if (!mine) {
			item->flags |= OTHERS;
			return;
		}
	}
	judge = judge_for(&job->judges[thread], item->set);
	checklist = ck_judge_case(judge, json, job->today, job->within, job->flags);
	if (checklist == NULL) {
		/* The judge's message is overwritten by its next case: the
		 * item keeps its own copy, freed with the batch. */
		item->result = json_string(ck_judge_error(judge));
		item->flags |= FAILED;
		return;
	}
	item->result = checklist;
	json_array_foreach(json_object_get(checklist, "findings"), k, finding) {
		int status = ck_finding_status_parse(
			json_string_value(json_object_get(finding, "status")));

		if (status == CK_FINDING_MISSING || status == CK_FINDING_OVERDUE)
			item->flags |= SERIOUS;
		if (status == CK_FINDING_MISSING || status == CK_FINDING_OVERDUE ||
		    status == CK_FINDING_DUE)
			item->flags |= FINDINGS;
	}
	if (job->text)
		return;
	/* The same checklist again leaves the record as it was read. The
	 * text to write is made here, on the thread, not by the main thread
	 * that writes it. */
	if (!json_equal(json_object_get(json, "checklist"), checklist))
		ck_record_put_last(item->record, "checklist", json_incref(checklist));
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

/* One finding's lines: status, by when, the rule by its title in the
 * reader's words (the id is for JSON and CSV; a rule the set no longer
 * has shows its id) and what it is about, then what to do and on what
 * basis. LEAD, when not NULL, stands between the date and the title
 * (the case, in the worklist). */
static void
print_finding(FILE *out, const struct job *job, const ck_batch_item *item, const json_t *f,
	      const char *lead)
{
	const json_t *json = ck_record_json(item->record);
	const char *rule = json_string_value(json_object_get(f, "rule"));
	const char *due = json_string_value(json_object_get(f, "due"));
	const json_t *def = ck_ruleset_rule(item->set, rule);
	char *about = ck_finding_about(json, item->set, f, job->lang);
	const char *item_id = json_string_value(json_object_get(f, "item"));
	const char *status = status_label(json_string_value(json_object_get(f, "status")));
	int n = (int)ck_text_width(status);

	if (lead != NULL)
		fprintf(out, "%-10s  %s%*s  %s  ", due != NULL ? due : "-", status,
			n < 13 ? 13 - n : 0, "", lead);
	else
		fprintf(out, "  %s%*s  %-10s  ", status, n < 13 ? 13 - n : 0, "",
			due != NULL ? due : "-");
	fprintf(out, "%s", def != NULL ? ck_rule_title(def, job->lang) : rule);
	if (about != NULL || item_id != NULL)
		fprintf(out, " (%s)", about != NULL ? about : item_id);
	fprintf(out, "\n      %s\n", ck_text_in(json_object_get(def, "message"), job->lang));
	fprintf(out, "      %s: %s\n", basis_label(json_string_value(json_object_get(f, "basis"))),
		json_string_value(json_object_get(f, "ref")));
	free(about);
}

/* Per case: its id and case-system number and its set by name (a
 * pathway's title may say more about the child than a worklist should:
 * "prenatal exposure"), then each finding. Never the child's name or
 * diagnosis. */
static void
print_text(const struct job *job, const ck_batch_item *item)
{
	const json_t *json = ck_record_json(item->record), *f;
	const char *ref = json_string_value(json_object_get(json, "external_ref"));
	size_t i;

	if (json_array_size(json_object_get(item->result, "findings")) == 0)
		return;
	printf("%s", json_string_value(json_object_get(json, "id")));
	if (ref != NULL)
		printf("  %s", ref);
	printf("  (%s)\n", ck_ruleset_name(item->set));
	json_array_foreach(json_object_get(item->result, "findings"), i, f)
		print_finding(stdout, job, item, f, NULL);
}

static int
status_rank(const char *status)
{
	static const char *const order[] = { "overdue", "missing", "due", "waived", "ok", "n/a" };
	int i;

	for (i = 0; i < (int)(sizeof order / sizeof order[0]); i++)
		if (strcmp(order[i], status) == 0)
			return i;
	return i;
}

/* --sort due: the case's findings kept for the worklist, each with the
 * case's number in the case system (else its id). */
static void
gather(struct job *job, const ck_batch_item *item)
{
	const json_t *json = ck_record_json(item->record), *f;
	const char *ref = json_string_value(json_object_get(json, "external_ref"));
	size_t i;

	if (ref == NULL)
		ref = json_string_value(json_object_get(json, "id"));
	json_array_foreach(json_object_get(item->result, "findings"), i, f) {
		const char *due = json_string_value(json_object_get(f, "due"));
		struct entry *e;
		size_t size = 0;
		FILE *out;

		if (job->nentries == job->capacity) {
			job->capacity = job->capacity > 0 ? 2 * job->capacity : 64;
			job->entries = realloc(job->entries, job->capacity * sizeof *job->entries);
			ck_oom_unless(job->entries != NULL);
		}
		e = &job->entries[job->nentries];
		snprintf(e->due, sizeof e->due, "%s", due != NULL ? due : "");
		e->rank = status_rank(json_string_value(json_object_get(f, "status")));
		e->seq = job->nentries++;
		e->text = NULL;
		out = open_memstream(&e->text, &size);
		if (out == NULL)
			ck_fatal(_("out of memory"));
		print_finding(out, job, item, f, ref);
		if (fclose(out) != 0)
			ck_fatal(_("out of memory"));
	}
}

/* Undated findings first (they are owed now), then by date; on one day
 * the overdue before the missing before the due, then in input order. */
static int
entry_order(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->due, y->due);

	if (c != 0)
		return c;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
print_worklist(struct job *job)
{
	size_t i;

	if (job->nentries > 0)
		qsort(job->entries, job->nentries, sizeof *job->entries, entry_order);
	for (i = 0; i < job->nentries; i++) {
		fputs(job->entries[i].text, stdout);
		free(job->entries[i].text);
	}
	free(job->entries);
}

/* The case is one the caseworker asked for: --case, --match and
 * --coordinator (judged on the thread: OTHERS) all hold. A --match
 * whose pattern fails is bad input. */
static bool
selected(struct job *job, const ck_batch_item *item)
{
	ck_record *rec = item->record;
	char err[CK_MESSAGE_MAX];
	int m = ck_selection_matches(job->selection, ck_record_json(rec), err, sizeof err);

	if (m < 0) {
		ck_error_at(ck_record_file(rec), ck_record_line(rec), NULL, "--match: %s", err);
		job->status = CK_EXIT_TROUBLE;
		return false;
	}
	return m > 0 && !(item->flags & OTHERS);
}

/* The decisions of a case whose paragraph casekit cannot read: no
 * paragraph rule applies to them (casekit(5), Paragraphs). */
static size_t
unread_paragraphs(const json_t *record)
{
	const json_t *decision;
	size_t i, n = 0;

	json_array_foreach(json_object_get(record, "decisions"), i, decision) {
		const char *paragraph = json_string_value(json_object_get(decision, "paragraph"));
		char normal[CK_PARAGRAPH_MAX];

		if (paragraph != NULL && !ck_paragraph_normal(paragraph, normal, sizeof normal))
			n++;
	}
	return n;
}

/* In input order: report, check ids, and write. */
static bool
use_item(void *ctx, ck_batch_item *item)
{
	struct job *job = ctx;
	ck_record *rec = item->record;

	if (!item->good || item->set == NULL || (item->flags & FAILED) ||
	    !ck_ids_add(job->ids, rec)) {
		if (!item->good)
			ck_record_report(rec);
		else if (item->set == NULL)
			ck_record_report_pathway(rec);
		else if (item->flags & FAILED)
			ck_error_at(ck_record_file(rec), ck_record_line(rec), NULL, "%s",
				    json_string_value(item->result));
		job->status = CK_EXIT_TROUBLE;
		if (!job->keep_going)
			return false;
		if (!job->text) {
			ck_record_revert(rec);
			ck_write(job->out, rec);
		}
		return true;
	}
	if (!selected(job, item)) {
		/* Not asked for: passed on as it was read, never judged. */
		if (!job->text && !job->only_findings) {
			ck_record_revert(rec);
			ck_write(job->out, rec);
		}
		return true;
	}
	if (item->result == NULL) {
		/* A closed case: kept and counted, never checked. */
		if (!job->text && !job->only_findings)
			ck_write(job->out, rec);
		return true;
	}
	/* Here, on the one thread that calls use, rather than in
	 * judge_item: no count shared between threads, and only the cases
	 * the run went through are counted. */
	job->unread_paragraphs += unread_paragraphs(ck_record_json(rec));
	if ((item->flags & SERIOUS) && job->status == CK_EXIT_OK)
		job->status = CK_EXIT_NOTICE;
	if (job->only_findings && !(item->flags & FINDINGS))
		return true;
	if (job->sort_due)
		gather(job, item);
	else if (job->text)
		print_text(job, item);
	else
		ck_write(job->out, rec);
	return true;
}

static void
parse_options(struct job *job, const ck_args *args, unsigned *jobs, size_t *max_record)
{
	const char *format = ck_args_get(args, "format"), *text;

	job->today = ck_today_option(args);
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
	if ((text = ck_args_get(args, "sort")) != NULL) {
		if (strcmp(text, "due") != 0)
			ck_usage_error(_("--sort: not one of: due"));
		if (!job->text)
			ck_usage_error(_("--sort due is for --format text (a worklist to read)"));
		job->sort_due = true;
	}
	if ((text = ck_args_get(args, "coordinator")) != NULL &&
	    (job->coordinator = ck_contact_key(text)) == NULL)
		ck_usage_error(_("--coordinator: not a contact"));
	job->selection = ck_selection_from_args(args);
	*jobs = ck_jobs_option(args);
	*max_record = ck_max_record_option(args);
}

int
main(int argc, char **argv)
{
	struct job job;
	ck_rulebook *rules;
	ck_reader *in;
	ck_args *args;
	char *const *files;
	size_t nfiles, max_record, i, k;
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
	if (job.judges == NULL)
		ck_fatal(_("out of memory"));
	job.ids = ck_ids_new();
	files = ck_args_files(args, &nfiles);
	in = ck_reader_open(files, nfiles, max_record);
	job.out = ck_writer_stdout();

	ck_batch_run(in, rules, jobs, judge_item, use_item, &job);
	/* Once per run, not per case: a store imported from a case system
	 * may hold many, and the count is what an operator acts on. */
	if (job.unread_paragraphs > 0)
		ck_warning(P_("%zu decision has a paragraph casekit cannot read; no paragraph "
			      "rule applies to it (casekit(5), Paragraphs)",
			      "%zu decisions have a paragraph casekit cannot read; no paragraph "
			      "rule applies to them (casekit(5), Paragraphs)",
			      job.unread_paragraphs),
			   job.unread_paragraphs);
	if (ck_reader_failed(in))
		job.status = CK_EXIT_TROUBLE;
	else if (ck_selection_report_unmatched(job.selection) > 0 && job.status == CK_EXIT_OK)
		job.status = CK_EXIT_NOTICE;
	if (job.sort_due)
		print_worklist(&job);
	ck_reader_close(in);
	ck_writer_close(job.out);
	for (i = 0; i < jobs; i++) {
		for (k = 0; k < job.judges[i].count; k++)
			ck_judge_free(job.judges[i].judges[k]);
		free(job.judges[i].sets);
		free(job.judges[i].judges);
	}
	free(job.judges);
	ck_ids_free(job.ids);
	ck_selection_free(job.selection);
	free(job.coordinator);
	ck_rulebook_free(rules);
	ck_args_free(args);
	return job.status;
}
