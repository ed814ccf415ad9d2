/* SPDX-License-Identifier: MPL-2.0 */
/* case-report — the figures for team leaders, managers and committees,
 * and the reminders for coordinators: from checklisted cases, with no
 * child's identity and small counts suppressed. See case-report(1). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"

static const ck_option options[] = {
	{ "format", 0, true, NULL },
	{ "by", 0, true, NULL },
	{ "audience", 0, true, NULL },
	{ "min-cell", 0, true, NULL },
	{ "delimiter", 'd', true, NULL },
	{ "bom", 0, false, NULL },
	{ "reminders", 0, false, NULL },
	{ "outdir", 0, true, NULL },
	{ "allow-domain", 0, true, NULL },
	{ "with-names", 0, false, NULL },
	{ "mail", 0, false, NULL },
	{ "sendmail", 0, false, NULL },
	/* --sendmail=COMMAND, as main() passes it to the parser. */
	{ "sendmail-command", 0, true, NULL },
	{ "partial", 0, true, NULL },
	{ "merge", 0, false, NULL },
	{ "period", 0, true, NULL },
	{ "compare", 0, true, NULL },
	{ "title", 0, true, NULL },
	CK_READ_OPTIONS,
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf(_("Usage: case-report [OPTION]... [FILE]...\n"
		 "  or:  case-report --reminders [--format ics] [--outdir DIR]\n"
		 "                   [--allow-domain D]... [FILE]...\n"
		 "  or:  case-report --reminders --mail [--sendmail[=COMMAND]] [--outdir DIR]\n"
		 "                   [FILE]...\n"
		 "  or:  case-report --merge [OPTION]... PARTIAL...\n"
		 "Report on the cases read from FILEs or standard input (checklisted by\n"
		 "case-checklist): cases, response times against the deadlines, findings\n"
		 "by basis, adult readiness, transitions ahead, continuity, involvement,\n"
		 "caseload and complaints. No child, no family member, no diagnosis and\n"
		 "no case number is shown; counts below --min-cell are suppressed.\n"
		 "\n"
		 "      --format text|csv|json|html  the report's form (default text)\n"
		 "      --format ics          with --reminders: a calendar of the deadlines\n"
		 "                            per coordinator instead of the text\n"
		 "      --by municipality|team|pathway|coordinator\n"
		 "                            figures per group, with the totals\n"
		 "      --audience manager|committee\n"
		 "                            committee: no staff, caseload per team\n"
		 "      --min-cell N          the smallest count shown (default 5, or the\n"
		 "                            site's; only higher)\n"
		 "      --period DURATION|all response times and complaints over DURATION\n"
		 "                            before today (default 12m), or all time\n"
		 "      --compare PARTIAL     each figure beside a previous period's, from a\n"
		 "                            partial an earlier run wrote, with the change\n"
		 "      --title TEXT          the report's heading\n"
		 "  -d, --delimiter C         the CSV separator (default ',')\n"
		 "      --bom                 begin CSV with a UTF-8 byte-order mark\n"
		 "  -j, --jobs N              read on N threads (default: the processors,\n"
		 "                            at most 8)\n"
		 "      --partial FILE        also write the unsuppressed counters to FILE\n"
		 "      --merge               the FILEs are partials: add them up\n"
		 "      --reminders           a digest of what is due per coordinator\n"
		 "      --outdir DIR          the digests as files in DIR (new or empty)\n"
		 "      --allow-domain D      reminders only to addresses in D (repeatable)\n"
		 "      --with-names          the child's name in reminders, where the site\n"
		 "                            allows it\n"
		 "      --mail                each digest as a mail (.eml with --outdir),\n"
		 "                            from mail_from in casekit.conf\n"
		 "      --sendmail[=COMMAND]  hand each mail to COMMAND (default\n"
		 "                            /usr/sbin/sendmail -t -oi); implies --mail\n"
		 "      --rules X             judge deadlines by the rule set X\n"
		 "      --today DATE          take DATE as today (also CASEKIT_TODAY)\n"
		 "      --max-record SIZE     the longest record (K, M; default 1M)\n"
		 "      --keep-going          report bad records, leave them out, go on\n"
		 "      --help                show this help and exit\n"
		 "      --version             show the version and exit\n"
		 "\n"
		 "Exit status: 0 on success, 2 on a usage error or bad input.\n"
		 "See case-report(1).\n"));
}

/* The command --sendmail hands each message to, by default. */
#define SENDMAIL_DEFAULT "/usr/sbin/sendmail -t -oi"

/* The option parser takes no optional values: "--sendmail=COMMAND" is
 * passed to it as "--sendmail-command=COMMAND", which is --sendmail. A
 * new argv (its strings borrowed or leaked with the process). */
static char **
split_sendmail(int *argc, char **argv)
{
	static const char prefix[] = "--sendmail=";
	char **out = calloc((size_t)*argc + 1, sizeof *out);
	int i, n = 0;

	if (out == NULL)
		ck_fatal(_("out of memory"));
	for (i = 0; i < *argc; i++) {
		/* After "--" every word is a file. */
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				out[n++] = argv[i++];
			break;
		}
		if (strncmp(argv[i], prefix, sizeof prefix - 1) == 0) {
			char *command = malloc(strlen(argv[i]) + 9);

			if (command == NULL)
				ck_fatal(_("out of memory"));
			strcpy(command, "--sendmail-command=");
			strcat(command, argv[i] + sizeof prefix - 1);
			out[n++] = command;
			continue;
		}
		out[n++] = argv[i];
	}
	out[n] = NULL;
	*argc = n;
	return out;
}

static const ck_program program = {
	"case-report", NULL, options, help, true
};

struct job {
	ck_report *report;
	ck_report **parts;          /* one per thread, or NULL: counted in order */
	ck_reminders *reminders;    /* --reminders */
	ck_ids *ids;
	bool keep_going;
	int status;
};

/* On a thread: what the case adds to the figures. */
static void
count_item(void *ctx, unsigned thread, ck_batch_item *item)
{
	struct job *job = ctx;

	if (job->parts != NULL)
		ck_report_add(job->parts[thread], ck_record_json(item->record));
	else if (job->reminders == NULL)
		item->result = ck_report_case_counts(job->report, ck_record_json(item->record));
}

/* In input order: count the case, or report it as bad input. */
static bool
use_item(void *ctx, ck_batch_item *item)
{
	struct job *job = ctx;
	ck_record *rec = item->record;

	if (!item->good || item->set == NULL || !ck_ids_add(job->ids, rec)) {
		if (!item->good)
			ck_record_report(rec);
		else if (item->set == NULL)
			ck_record_report_pathway(rec);
		job->status = CK_EXIT_TROUBLE;
		return job->keep_going;
	}
	if (job->reminders != NULL)
		ck_reminders_add(job->reminders, ck_record_json(rec));
	else if (job->parts == NULL)
		ck_report_add_counts(job->report, ck_record_json(rec), item->result);
	return true;
}

/* The reminder domains: each --allow-domain must be one the site allows
 * (an option only narrows a privacy setting); without any, the site's. */
static char **
reminder_domains(const ck_args *args, size_t *count)
{
	const ck_settings *site = ck_settings_get();
	size_t n = ck_args_count(args, "allow-domain"), i;
	char **domains;

	if (n == 0) {
		*count = site->n_reminder_domains;
		return site->reminder_domains;
	}
	/* Checked first: a usage error leaves nothing allocated behind. */
	for (i = 0; i < n; i++)
		if (!ck_settings_domain_allowed(site, ck_args_nth(args, "allow-domain", i)))
			ck_usage_error(_("--allow-domain: not a domain the site allows reminders "
					 "to (reminder_domains in casekit.conf)"));
	domains = calloc(n + 1, sizeof *domains);
	if (domains == NULL)
		ck_fatal(_("out of memory"));
	for (i = 0; i < n; i++)
		domains[i] = (char *)ck_args_nth(args, "allow-domain", i);
	*count = n;
	return domains;
}

static bool
sendmail_given(const ck_args *args)
{
	return ck_args_has(args, "sendmail") || ck_args_has(args, "sendmail-command");
}

/* --format ics: the reminders as calendars. */
static bool
is_ics(const ck_args *args)
{
	const char *format = ck_args_get(args, "format");

	return format != NULL && strcmp(format, "ics") == 0;
}

/* Writes the report in its format (DELIMITER: the CSV separator). */
static bool
write_report(const ck_args *args, const json_t *report, char delimiter)
{
	const char *format = ck_args_get(args, "format");

	if (format == NULL || strcmp(format, "text") == 0)
		return ck_report_write_text(stdout, report);
	if (strcmp(format, "csv") == 0)
		return ck_report_write_csv(stdout, report, delimiter, ck_args_has(args, "bom"));
	if (strcmp(format, "html") == 0)
		return ck_report_write_html(stdout, report);
	return json_dumpf(report, stdout, JSON_COMPACT) == 0 && putchar('\n') != EOF;
}

/* Checks the options before anything is read: usage errors exit 2. */
static void
check_options(const ck_args *args, int *by, ck_audience *audience, long *min_cell,
	      char *delimiter)
{
	const char *format = ck_args_get(args, "format"), *text;

	(void)ck_today_option(args);
	if (is_ics(args) && !ck_args_has(args, "reminders"))
		ck_usage_error(_("--format ics goes with --reminders"));
	if (format != NULL && ck_args_has(args, "reminders") && !is_ics(args) &&
	    strcmp(format, "text") != 0)
		ck_usage_error(_("--reminders --format: not one of: text, ics"));
	if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0 && strcmp(format, "html") != 0 && !is_ics(args))
		ck_usage_error(_("--format: not one of: text, csv, json, html"));
	/* A calendar is a file to import, not a message (case-report(1)):
	 * no mail of it, and no child's name in what a calendar service
	 * keeps. */
	if (is_ics(args) && (ck_args_has(args, "mail") || sendmail_given(args)))
		ck_usage_error(_("--format ics is not for --mail or --sendmail: the "
				 "calendars are files to import"));
	if (is_ics(args) && ck_args_has(args, "with-names"))
		ck_usage_error(_("--format ics is not for --with-names: a calendar names "
				 "no child"));
	*by = CK_BY_NONE;
	if ((text = ck_args_get(args, "by")) != NULL && (*by = ck_by_parse(text)) < 0)
		ck_usage_error(_("--by: not one of: municipality, team, pathway, coordinator"));
	*audience = CK_AUDIENCE_MANAGER;
	if ((text = ck_args_get(args, "audience")) != NULL) {
		if (strcmp(text, "committee") == 0)
			*audience = CK_AUDIENCE_COMMITTEE;
		else if (strcmp(text, "manager") != 0)
			ck_usage_error(_("--audience: not one of: manager, committee"));
	}
	/* A committee sees no staff: not even grouped by them. */
	if (*audience == CK_AUDIENCE_COMMITTEE && *by == CK_BY_COORDINATOR)
		ck_usage_error(_("--by coordinator is not for --audience committee"));
	*min_cell = ck_settings_min_cell(NULL, ck_args_get(args, "min-cell"));
	if (ck_args_has(args, "with-names") && !ck_settings_get()->allow_names)
		ck_usage_error(_("--with-names: the site does not allow names in reminders "
				 "(allow_names in casekit.conf)"));
	if (!ck_args_has(args, "reminders") &&
	    (ck_args_has(args, "outdir") || ck_args_has(args, "allow-domain") ||
	     ck_args_has(args, "with-names")))
		ck_usage_error(_("--outdir, --allow-domain and --with-names go with --reminders"));
	if (!ck_args_has(args, "reminders") &&
	    (ck_args_has(args, "mail") || sendmail_given(args)))
		ck_usage_error(_("--mail and --sendmail go with --reminders"));
	/* A message needs a sender the site stands behind. */
	if ((ck_args_has(args, "mail") || sendmail_given(args)) &&
	    ck_settings_get()->mail_from == NULL)
		ck_usage_error(_("--mail: no mail_from in casekit.conf (the sender's address)"));
	if (ck_args_has(args, "reminders") && (ck_args_has(args, "merge") ||
					       ck_args_has(args, "partial")))
		ck_usage_error(_("--reminders reads cases, not partials"));
	/* The digests are text or calendars: an option of the report's
	 * would be silently ignored. */
	if (ck_args_has(args, "reminders") &&
	    (ck_args_has(args, "by") || ck_args_has(args, "audience") ||
	     ck_args_has(args, "min-cell") || ck_args_has(args, "delimiter") ||
	     ck_args_has(args, "bom")))
		ck_usage_error(_("--by, --audience, --min-cell, --delimiter and --bom are for "
				 "the report, not --reminders"));
	if (ck_args_has(args, "reminders") &&
	    (ck_args_has(args, "period") || ck_args_has(args, "compare") ||
	     ck_args_has(args, "title")))
		ck_usage_error(_("--period, --compare and --title are for the report, not "
				 "--reminders"));
	/* Partials hold no staff contact (case-report(1), Partials). */
	if (ck_args_has(args, "merge") && *by == CK_BY_COORDINATOR)
		ck_usage_error(_("--by coordinator is not for --merge: partials hold no "
				 "coordinators"));
	/* Only CSV has a separator and a byte-order mark: with another form
	 * they would be silently ignored. */
	*delimiter = ',';
	if ((ck_args_has(args, "delimiter") || ck_args_has(args, "bom")) &&
	    (format == NULL || strcmp(format, "csv") != 0))
		ck_usage_error(_("--delimiter and --bom go with --format csv"));
	if (ck_args_has(args, "delimiter") &&
	    !ck_csv_delimiter_parse(ck_args_get(args, "delimiter"), delimiter))
		ck_usage_error(_("--delimiter: not one character (or tab)"));
}

/* The period option, checked on a report that is thrown away: a usage
 * error before anything is read. */
static void
check_period(const ck_args *args)
{
	ck_report *probe = ck_report_new(NULL, ck_today());

	if (ck_args_has(args, "period") && !ck_report_set_period(probe, ck_args_get(args, "period")))
		ck_usage_error(_("--period: not a duration (12m, 1y, 6w, 90d) or all"));
	ck_report_free(probe);
}

/* The table of municipality names for --by municipality: the site's must
 * be there (exit 2); without the shipped one, the codes are shown. NULL
 * when there is none to use. */
static ck_municipalities *
municipality_names(void)
{
	bool site;
	char *path = ck_municipalities_path(&site);
	ck_municipalities *table = NULL;

	if (site || access(path, F_OK) == 0) {
		table = ck_municipalities_read(path);
		if (table == NULL)
			ck_exit(CK_EXIT_TROUBLE);
	} else {
		ck_warning(_("%s: no table of municipality names: the municipalities "
			     "are shown by code"), path);
	}
	free(path);
	return table;
}

int
main(int argc, char **argv)
{
	struct job job;
	ck_report *previous = NULL;
	ck_municipalities *names = NULL;
	ck_report_options opt;
	ck_rulebook *rules;
	ck_audience audience;
	ck_args *args;
	char *const *files;
	char **domains = NULL;
	size_t nfiles, ndomains = 0, max_record, i;
	long min_cell;
	unsigned jobs;
	char delimiter;
	int by;

	ck_init(argv[0]);
	argv = split_sendmail(&argc, argv);
	args = ck_args_parse(&program, argc, argv);
	memset(&job, 0, sizeof job);
	check_options(args, &by, &audience, &min_cell, &delimiter);
	check_period(args);
	jobs = ck_jobs_option(args);
	max_record = ck_max_record_option(args);
	if (ck_args_has(args, "reminders"))
		domains = reminder_domains(args, &ndomains);
	job.keep_going = ck_args_has(args, "keep-going");
	files = ck_args_files(args, &nfiles);
	if (ck_args_has(args, "merge") && nfiles == 0)
		ck_usage_error(_("--merge needs the partials as files"));
	/* Every set is checked before any record is read. */
	rules = ck_rulebook_load(ck_args_get(args, "rules"));
	job.report = ck_report_new(rules, ck_today());
	if (ck_args_has(args, "period"))
		(void)ck_report_set_period(job.report, ck_args_get(args, "period"));
	/* Only the groups the run shows or writes are counted. */
	ck_report_count_groups(job.report,
			       (by > 0 ? 1u << by : 0) |
			       (ck_args_has(args, "partial")
				? 1u << CK_BY_MUNICIPALITY | 1u << CK_BY_TEAM : 0));
	if (ck_args_has(args, "compare")) {
		previous = ck_report_new(rules, ck_today());
		(void)ck_report_set_period(previous, ck_report_period(job.report));
		if (!ck_report_load_previous(previous, ck_args_get(args, "compare")))
			ck_exit(CK_EXIT_TROUBLE);
	}
	if (ck_args_has(args, "reminders"))
		job.reminders = ck_reminders_new(rules, ck_today(), ck_args_has(args, "with-names"));

	if (ck_args_has(args, "merge")) {
		for (i = 0; i < nfiles; i++)
			if (!ck_report_merge(job.report, files[i]))
				ck_exit(CK_EXIT_TROUBLE);
	} else {
		ck_reader *in = ck_reader_open(files, nfiles, max_record);

		job.ids = ck_ids_new();
		/* Each thread counts its cases into a part of its own, added up
		 * at the end: the main thread only checks the ids. A run that
		 * goes on past bad input (--keep-going) counts in input order,
		 * so that a case left out for its id is never counted. */
		if (job.reminders == NULL && !job.keep_going) {
			job.parts = calloc(jobs, sizeof *job.parts);
			if (job.parts == NULL)
				ck_fatal(_("out of memory"));
			for (i = 0; i < jobs; i++)
				job.parts[i] = ck_report_fork(job.report);
		}
		ck_batch_run(in, rules, jobs, count_item, use_item, &job);
		if (job.parts != NULL) {
			for (i = 0; i < jobs; i++)
				ck_report_join(job.report, job.parts[i]);
			free(job.parts);
		}
		if (ck_reader_failed(in))
			job.status = CK_EXIT_TROUBLE;
		ck_reader_close(in);
		ck_ids_free(job.ids);
		if (job.status != CK_EXIT_OK && !job.keep_going)
			ck_exit(CK_EXIT_TROUBLE);
	}
	if (ck_report_stale(job.report) > 0)
		ck_warning(P_("%zu case has a checklist not as of today or from another rule set: "
			      "counted as it stands (run case-checklist first)",
			      "%zu cases have a checklist not as of today or from another rule set: "
			      "counted as they stand (run case-checklist first)",
			      ck_report_stale(job.report)),
			   ck_report_stale(job.report));

	if (job.reminders != NULL) {
		const ck_settings *site = ck_settings_get();
		ck_reminders_output output;

		memset(&output, 0, sizeof output);
		output.outdir = ck_args_get(args, "outdir");
		output.domains = domains;
		output.ndomains = ndomains;
		output.mail = ck_args_has(args, "mail") || sendmail_given(args);
		output.ics = is_ics(args);
		output.mail_from = site->mail_from;
		output.fallback = site->reminder_fallback;
		if (sendmail_given(args))
			output.sendmail = ck_args_has(args, "sendmail-command")
				? ck_args_get(args, "sendmail-command") : SENDMAIL_DEFAULT;
		if (!ck_reminders_deliver(job.reminders, stdout, &output))
			job.status = CK_EXIT_TROUBLE;
	} else {
		json_t *report;

		if (ck_args_has(args, "partial")) {
			ck_private_file *f = ck_private_file_open(ck_args_get(args, "partial"));

			if (!ck_report_write_partial(job.report, ck_private_file_stream(f)))
				ck_fatal(_("%s: cannot write: %s"), ck_args_get(args, "partial"),
					 strerror(errno));
			ck_private_file_commit(f);
		}
		memset(&opt, 0, sizeof opt);
		opt.by = (ck_by)by;
		opt.audience = audience;
		opt.min_cell = min_cell;
		opt.title = ck_args_get(args, "title");
		opt.compare = previous;
		if (opt.by == CK_BY_MUNICIPALITY)
			opt.municipalities = names = municipality_names();
		report = ck_report_result_with(job.report, &opt);
		if (!write_report(args, report, delimiter)) {
			ck_output_error();
			ck_exit(CK_EXIT_TROUBLE);
		}
		json_decref(report);
	}
	if (ck_args_count(args, "allow-domain") > 0)
		free(domains);
	ck_reminders_free(job.reminders);
	ck_municipalities_free(names);
	ck_report_free(previous);
	ck_report_free(job.report);
	ck_rulebook_free(rules);
	ck_args_free(args);
	free(argv);
	return job.status;
}
