/* SPDX-License-Identifier: MPL-2.0 */
/* run.c — the frame of every program that changes records: where they
 * come from, where they go, and whether an in-place store is replaced.
 *
 * Each changing program is then only its own work on a selected record.
 * The rules of section 3 of the design live here once: validation of
 * every record read, --keep-going, the fast path for --case, -i needing
 * a selection, a --case that matched nothing leaving the store as it
 * was, --dry-run counting what would change. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct ck_run {
	ck_rulebook *rules;
	ck_selection *selection;
	ck_store *store;          /* -i */
	ck_reader *reader;
	ck_writer *writer;
	unsigned flags;
	size_t max_record;
	bool keep_going;
	bool dry_run;
	bool by_case_only;        /* the fast path may apply */
	bool stopped;             /* a bad record ended the input */
	size_t bad;               /* bad records passed on (--keep-going) */
	size_t changed;
	size_t selected;
	size_t closed_named;      /* closed cases --case named: not changed */
};

ck_run *
ck_run_start(const ck_args *args, unsigned flags)
{
	ck_run *run = xcalloc(1, sizeof *run);
	const char *in_place = ck_args_get(args, "in-place");
	size_t max_record;
	char *const *files;
	size_t nfiles;

	(void)ck_today_option(args);
	max_record = ck_max_record_option(args);
	run->flags = flags;
	run->max_record = max_record;
	run->keep_going = ck_args_has(args, "keep-going");
	run->dry_run = ck_args_has(args, "dry-run");
	run->selection = ck_selection_from_args(args);
	run->by_case_only = ck_args_count(args, "case") > 0 &&
		ck_args_count(args, "match") == 0 && !ck_args_has(args, "all");
	files = ck_args_files(args, &nfiles);

	if (in_place != NULL) {
		if (nfiles > 0)
			ck_usage_error(_("-i takes the store as its input: no other input files"));
		if (!(flags & CK_RUN_SELF_SELECTING) && !ck_selection_given(run->selection))
			ck_usage_error(_("-i changes a whole store: choose cases with --case or "
					 "--match, or give --all"));
	} else if (run->dry_run) {
		ck_usage_error(_("--dry-run goes with -i"));
	}
	/* Every set is checked before any record is read. */
	run->rules = ck_rulebook_load(ck_args_get(args, "rules"));
	if (in_place != NULL) {
		run->store = ck_store_open(in_place, false);
		run->reader = ck_store_reader(run->store, max_record);
		run->writer = ck_store_rewrite(run->store);
	} else {
		run->reader = ck_reader_open(files, nfiles, max_record);
		run->writer = ck_writer_stdout();
	}
	return run;
}

const ck_rulebook *
ck_run_rules(const ck_run *run)
{
	return run->rules;
}

ck_selection *
ck_run_selection(ck_run *run)
{
	return run->selection;
}

ck_store *
ck_run_store(ck_run *run)
{
	return run->store;
}

/* Parses and validates a record; false when it is bad input. */
static bool
check(ck_run *run, ck_record *rec)
{
	const char *pathway;

	if (!ck_record_check(rec)) {
		ck_record_report(rec);
		return false;
	}
	pathway = json_string_value(json_object_get(ck_record_json(rec), "pathway"));
	if (ck_rulebook_for(run->rules, pathway) == NULL) {
		ck_record_report_pathway(rec);
		return false;
	}
	return true;
}

void
ck_record_report_pathway(const ck_record *rec)
{
	ck_error_at(ck_record_file(rec), ck_record_line(rec), "pathway",
		    _("no rule set of this name (see casekit-rules(5))"));
}

ck_record *
ck_run_next(ck_run *run)
{
	ck_record *rec;

	while (!run->stopped && (rec = ck_reader_next(run->reader)) != NULL) {
		size_t length;
		const char *text = ck_record_text(rec, &length);

		/* A line that cannot hold any --case id is passed on as read:
		 * validating a whole store is case-checklist's work. */
		if (run->by_case_only &&
		    !ck_selection_line_may_match(run->selection, text, length))
			return rec;
		if (check(run, rec))
			return rec;
		if (!run->keep_going) {
			run->stopped = true;
			ck_record_free(rec);
			return NULL;
		}
		run->bad++;
		ck_write(run->writer, rec);
		ck_record_free(rec);
	}
	return NULL;
}

bool
ck_run_selected(ck_run *run, ck_record *rec)
{
	char err[CK_MESSAGE_MAX];
	json_t *json;
	int rc;

	/* Unparsed: passed through by the fast path. */
	if (!ck_record_parsed(rec) || ck_record_problem(rec) != NULL)
		return false;
	json = ck_record_json(rec);
	rc = ck_selection_matches(run->selection, json, err, sizeof err);
	if (rc < 0)
		ck_fatal("%s: %s", ck_record_file(rec), err);
	if (rc == 0)
		return false;
	/* Closed cases are kept and counted, never changed. */
	if (!(run->flags & CK_RUN_CLOSED_TOO) && !ck_case_is_open(json)) {
		if (run->by_case_only) {
			ck_warning_at(ck_record_file(rec), ck_record_line(rec), NULL,
				      _("%s is closed: not changed"),
				      json_string_value(json_object_get(json, "id")));
			run->closed_named++;
		}
		return false;
	}
	if (++run->selected > 1 && (run->flags & CK_RUN_ONE_CASE))
		ck_fatal(_("%s:%lu: an option names an element inside one case, "
			   "but more than one case is selected"),
			 ck_record_file(rec), ck_record_line(rec));
	return true;
}

void
ck_run_write(ck_run *run, ck_record *rec)
{
	if (ck_record_changed(rec))
		run->changed++;
	ck_write(run->writer, rec);
	ck_record_free(rec);
}

void
ck_run_reject(ck_run *run, ck_record *rec)
{
	if (!run->keep_going) {
		if (run->store != NULL)
			ck_error(_("%s: left unchanged"), ck_store_path(run->store));
		ck_record_free(rec);
		ck_exit(CK_EXIT_TROUBLE);
	}
	run->bad++;
	ck_write(run->writer, rec);
	ck_record_free(rec);
}

void
ck_run_drop(ck_run *run, ck_record *rec)
{
	json_t *json = ck_record_parsed(rec) ? ck_record_json(rec) : NULL;
	const char *id = json_string_value(json_object_get(json, "id"));

	/* A removed case's id is never given again. */
	if (run->store != NULL && id != NULL)
		ck_store_note_id(run->store, id);
	ck_record_free(rec);
}

size_t
ck_run_max_record(const ck_run *run)
{
	return run->max_record;
}

size_t
ck_run_changed_count(const ck_run *run)
{
	return run->changed;
}

size_t
ck_run_selected_count(const ck_run *run)
{
	return run->selected;
}

int
ck_run_finish(ck_run *run, int status)
{
	bool read_whole = !run->stopped && !ck_reader_failed(run->reader);
	size_t unmatched;
	bool commit;

	if (!read_whole || run->bad > 0)
		status = CK_EXIT_TROUBLE;
	unmatched = read_whole ? ck_selection_report_unmatched(run->selection) : 0;
	if ((unmatched > 0 || run->closed_named > 0) && status < CK_EXIT_NOTICE)
		status = CK_EXIT_NOTICE;
	ck_reader_close(run->reader);
	if (run->store != NULL) {
		commit = read_whole && unmatched == 0 && !run->dry_run &&
			(status <= CK_EXIT_NOTICE || (run->keep_going && run->bad > 0));
		ck_store_finish(run->store, run->writer, commit);
		if (run->dry_run)
			ck_error(P_("--dry-run: %zu record would change in %s",
				    "--dry-run: %zu records would change in %s",
				    run->changed),
				 run->changed, ck_store_path(run->store));
		else if (!commit)
			ck_error(_("%s: left unchanged"), ck_store_path(run->store));
		ck_store_close(run->store);
	} else {
		ck_writer_close(run->writer);
	}
	ck_selection_free(run->selection);
	ck_rulebook_free(run->rules);
	free(run);
	return status;
}
