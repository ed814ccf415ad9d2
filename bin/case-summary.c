/* SPDX-License-Identifier: MPL-2.0 */
/* case-summary — one case told to the one who needs it: the family in
 * plain words (DK 1.5, "Én familie – én indgang"; the Swedish samordnad
 * informationstjänst), the next caseworker as a handover (DK 1.6), or an
 * actor of the case within what the family consented to (DK 1.2). With
 * -i, every summary given to someone other than the family is logged in
 * the case's events. See case-summary(1). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"

static const ck_option options[] = {
	{ "in-place", 'i', true, NULL },
	{ "dry-run", 0, false, NULL },
	{ "max-record", 0, true, NULL },
	{ "today", 0, true, NULL },
	{ "rules", 0, true, NULL },
	{ "case", 0, true, NULL },
	{ "match", 0, true, NULL },
	{ "all", 0, false, NULL },
	{ "for", 0, true, NULL },
	{ "actor", 0, true, NULL },
	{ "format", 0, true, NULL },
	{ "lang", 0, true, NULL },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-summary --for family|successor|recipient [OPTION]... [FILE]...\n"
		 "Write one case as a document for one reader: the family, in plain words\n"
		 "and its own language; the next caseworker, the whole case as a handover;\n"
		 "or one actor of the case, only what a valid consent lets be shared.\n"
		 "\n"
		 "      --for family      the coordinator first, who is who, what is decided,\n"
		 "                        what happens next, offers, and the family's rights\n"
		 "      --for successor   every actor, decision, assessment, plan, consent,\n"
		 "                        transition and open finding, and a short history\n"
		 "      --for recipient --actor ID\n"
		 "                        who is who, and the parts the consent naming actor\n"
		 "                        ID lists; without a valid consent nothing (exit 1)\n"
		 "      --actor ID        the actor the summary is for (recipient; successor)\n"
		 "      --format FORMAT   text (the default), html (a page that prints on A4)\n"
		 "                        or json (the same content as data)\n"
		 "      --lang LANG       da, sv or en; else the family's interpreter\n"
		 "                        language, else the locale's\n"
		 "\n"
		 "Selection and input:\n"
		 "  -i, --in-place FILE   read the store FILE, and log each summary for a\n"
		 "                        successor or recipient as an event of its case\n"
		 "      --case ID         the case with this id (repeatable)\n"
		 "      --match PATH=RE   cases where a value at PATH matches RE (repeatable)\n"
		 "      --all             a summary of every case selected (else one case)\n"
		 "      --dry-run         with -i: write the summaries, log nothing\n"
		 "      --max-record SIZE the longest record, in bytes (K, M; default 1M)\n"
		 "      --rules X         judge every case by the rule set X, not its pathway\n"
		 "      --today DATE      take DATE as today (also CASEKIT_TODAY)\n"
		 "      --help            show this help and exit\n"
		 "      --version         show the version and exit\n"
		 "\n"
		 "Exit status: 0 on success; 1 when a recipient has no valid consent, or a\n"
		 "--case matched nothing or a closed case; 2 on a usage error or bad input.\n"
		 "See case-summary(1) and casekit(5).\n"));
}

static const ck_program program = {
	"case-summary", NULL, options, help, true
};

enum format { FORMAT_TEXT, FORMAT_HTML, FORMAT_JSON };

struct job {
	ck_summary_reader reader;
	enum format format;
	const char *actor;
	const char *lang;            /* --lang, or NULL */
	bool all;
	bool in_place;
	const ck_args *args;
	const ck_rulebook *rules;
	/* The judges, one per rule set met (one thread). */
	const ck_ruleset **sets;
	ck_judge **judges;
	size_t njudges;
	/* Without --all the one summary waits here until the input has
	 * shown that no second case is selected: an error then leaves
	 * nothing written. */
	char *pending;
	size_t pending_size;
	json_t *pending_summary;     /* for the HTML head */
	bool html_begun;
	size_t written;
	size_t selected;
	int status;
};

static void
read_options(const ck_args *args, struct job *job)
{
	const char *text = ck_args_get(args, "for");
	int reader;

	if (text == NULL)
		ck_usage_error(_("--for is required: family, successor or recipient"));
	reader = ck_summary_reader_parse(text);
	if (reader < 0)
		ck_usage_error(_("--for: not one of: family, successor, recipient"));
	job->reader = (ck_summary_reader)reader;
	text = ck_args_get(args, "format");
	if (text == NULL || strcmp(text, "text") == 0)
		job->format = FORMAT_TEXT;
	else if (strcmp(text, "html") == 0)
		job->format = FORMAT_HTML;
	else if (strcmp(text, "json") == 0)
		job->format = FORMAT_JSON;
	else
		ck_usage_error(_("--format: not one of: text, html, json"));
	job->lang = ck_args_get(args, "lang");
	if (job->lang != NULL && strcmp(job->lang, "da") != 0 && strcmp(job->lang, "sv") != 0 &&
	    strcmp(job->lang, "en") != 0)
		ck_usage_error(_("--lang: not one of: da, sv, en"));
	job->actor = ck_args_get(args, "actor");
	if (job->reader == CK_SUMMARY_RECIPIENT && job->actor == NULL)
		ck_usage_error(_("--for recipient needs --actor"));
	if (job->reader == CK_SUMMARY_FAMILY && job->actor != NULL)
		ck_usage_error(_("--actor does not go with --for family"));
	if (job->actor != NULL && (*job->actor == '\0' ||
				   !ck_utf8_valid(job->actor, strlen(job->actor))))
		ck_usage_error(_("--actor: not an actor id"));
	/* --actor names an element inside one case. */
	if (job->actor != NULL && ck_args_has(args, "all"))
		ck_usage_error(_("--actor names an actor of one case: it does not go with --all"));
	job->all = ck_args_has(args, "all");
	job->in_place = ck_args_has(args, "in-place");
	job->args = args;
}

static ck_judge *
judge_for(struct job *job, const ck_ruleset *set)
{
	size_t i;

	for (i = 0; i < job->njudges; i++)
		if (job->sets[i] == set)
			return job->judges[i];
	job->sets = realloc(job->sets, (job->njudges + 1) * sizeof *job->sets);
	job->judges = realloc(job->judges, (job->njudges + 1) * sizeof *job->judges);
	if (job->sets == NULL || job->judges == NULL)
		ck_fatal(_("out of memory"));
	job->sets[job->njudges] = set;
	job->judges[job->njudges] = ck_judge_new(set);
	return job->judges[job->njudges++];
}

/* True when --case named ID. */
static bool
named(const struct job *job, const char *id)
{
	size_t i, n = ck_args_count(job->args, "case");

	for (i = 0; id != NULL && i < n; i++)
		if (strcmp(ck_args_nth(job->args, "case", i), id) == 0)
			return true;
	return false;
}

/* The summary as the format writes it, into a new buffer. */
static void
render(const struct job *job, const json_t *summary, char **text, size_t *size)
{
	FILE *f = open_memstream(text, size);
	bool ok;

	if (f == NULL)
		ck_fatal(_("out of memory"));
	if (job->format == FORMAT_JSON)
		ok = json_dumpf(summary, f, JSON_COMPACT) == 0 && fputc('\n', f) != EOF;
	else if (job->format == FORMAT_HTML)
		ok = ck_summary_write_html(f, summary);
	else
		ok = ck_summary_write_text(f, summary);
	if (fclose(f) != 0 || !ok)
		ck_fatal(_("out of memory"));
}

static void
emit(struct job *job, const json_t *summary, const char *text, size_t size)
{
	if (job->format == FORMAT_HTML && !job->html_begun) {
		if (!ck_summary_write_html_begin(stdout, summary))
			ck_fatal(_("writing output failed"));
		job->html_begun = true;
	}
	/* Text summaries are kept apart by a form feed, which starts a new
	 * page when they are printed. */
	if (job->format == FORMAT_TEXT && job->written > 0)
		fputs("\f\n", stdout);
	if (fwrite(text, 1, size, stdout) != size)
		ck_fatal(_("writing output failed"));
	job->written++;
}

static void
flush_pending(struct job *job)
{
	if (job->pending == NULL)
		return;
	emit(job, job->pending_summary, job->pending, job->pending_size);
	free(job->pending);
	json_decref(job->pending_summary);
	job->pending = NULL;
	job->pending_summary = NULL;
}

/* A record goes on to the store with -i, and nowhere without it: the
 * output is the summaries. */
static void
pass(ck_run *run, const struct job *job, ck_record *rec)
{
	if (job->in_place)
		ck_run_write(run, rec);
	else
		ck_run_drop(run, rec);
}

/* The summary of one selected open case. False when the case is bad
 * input (reported): the run rejects it. */
static bool
summarise(ck_run *run, struct job *job, ck_record *rec)
{
	json_t *json = ck_record_json(rec), *summary;
	const char *id = json_string_value(json_object_get(json, "id"));
	const char *pathway = json_string_value(json_object_get(json, "pathway"));
	ck_summary_request req;
	ck_problem problem;
	bool unmet;
	char *text;
	size_t size;

	if (++job->selected > 1 && !job->all)
		ck_fatal(_("%s:%lu: more than one case is selected: choose one with --case, "
			   "or give --all for a summary of each"),
			 ck_record_file(rec), ck_record_line(rec));
	if (job->actor != NULL && ck_case_element(json, "actors", job->actor) == NULL) {
		ck_error_at(ck_record_file(rec), ck_record_line(rec), "actors",
			    _("no actor %s in this case"), job->actor);
		return false;
	}
	memset(&req, 0, sizeof req);
	req.reader = job->reader;
	req.actor = job->actor;
	req.lang = ck_summary_language(json, job->reader, job->lang, &unmet);
	req.today = ck_today();
	req.set = ck_rulebook_for(job->rules, pathway);
	req.judge = job->reader != CK_SUMMARY_RECIPIENT ? judge_for(job, req.set) : NULL;
	if (unmet)
		ck_warning_at(ck_record_file(rec), ck_record_line(rec), "family",
			      _("%s: the family's interpreter language is not da, sv or en: "
				"written in %s"), id, req.lang);
	summary = ck_summary_new(json, &req, &problem);
	if (summary == NULL && job->reader == CK_SUMMARY_RECIPIENT) {
		/* Nothing is shared without consent. */
		ck_error_at(ck_record_file(rec), ck_record_line(rec), NULL,
			    _("%s: no summary for actor %s: %s; nothing written"), id, job->actor,
			    problem.message);
		job->status = CK_EXIT_NOTICE;
		pass(run, job, rec);
		return true;
	}
	if (summary == NULL) {
		ck_problem_report(&problem, ck_record_file(rec), ck_record_line(rec));
		return false;
	}
	render(job, summary, &text, &size);
	if (job->in_place && ck_summary_log(json, summary))
		ck_record_mark_changed(rec);
	if (job->all) {
		emit(job, summary, text, size);
		free(text);
		json_decref(summary);
	} else {
		job->pending = text;
		job->pending_size = size;
		job->pending_summary = summary;
	}
	pass(run, job, rec);
	return true;
}

int
main(int argc, char **argv)
{
	struct job job;
	ck_args *args;
	ck_run *run;
	ck_record *rec;
	size_t i;
	int status;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	memset(&job, 0, sizeof job);
	read_options(args, &job);
	/* Closed cases are taken in to be named when --case asks for one. */
	run = ck_run_start(args, CK_RUN_CLOSED_TOO);
	job.rules = ck_run_rules(run);
	while ((rec = ck_run_next(run)) != NULL) {
		json_t *json;

		if (!ck_run_selected(run, rec)) {
			pass(run, &job, rec);
			continue;
		}
		json = ck_record_json(rec);
		if (!ck_case_is_open(json)) {
			const char *id = json_string_value(json_object_get(json, "id"));

			if (named(&job, id)) {
				ck_warning_at(ck_record_file(rec), ck_record_line(rec), NULL,
					      _("%s is closed: no summary"), id);
				job.status = CK_EXIT_NOTICE;
			}
			pass(run, &job, rec);
			continue;
		}
		if (!summarise(run, &job, rec))
			ck_run_reject(run, rec);
	}
	flush_pending(&job);
	if (job.html_begun && !ck_summary_write_html_end(stdout))
		ck_fatal(_("writing output failed"));
	/* The log says what was disclosed: a summary that could not be
	 * written is not logged, the store then left as it was. */
	if (fflush(stdout) != 0 || ferror(stdout))
		ck_fatal(_("writing output failed"));
	status = ck_run_finish(run, job.status);
	for (i = 0; i < job.njudges; i++)
		ck_judge_free(job.judges[i]);
	free(job.judges);
	free(job.sets);
	ck_args_free(args);
	return status;
}
