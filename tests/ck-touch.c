/* SPDX-License-Identifier: MPL-2.0 */
/* ck-touch — a test-only changing program, the smallest a municipality's
 * programmer could write on libcasekit: it sets x_touched on every
 * selected open case and records an event, to standard output or in
 * place. The shell tests drive the in-place store through it.
 *
 *   ck-touch [-i FILE] [--case ID]… [--match PATH=RE]… [--all]
 *            [--keep-going] [--dry-run] [--note TEXT] [FILE…] */
#include <config.h>

#include "casekit.h"

static const ck_option options[] = {
	CK_RUN_OPTIONS(NULL),
	{ "note", 0, true, NULL },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf("Usage: ck-touch [-i FILE] [--case ID] [--match PATH=RE] [--all] "
	       "[--note TEXT] [FILE...]\n");
}

static const ck_program program = { "ck-touch", NULL, options, help, true };

int
main(int argc, char **argv)
{
	ck_args *args;
	ck_run *run;
	ck_record *rec;
	const char *note;
	json_t *wanted;
	int status;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	note = ck_args_has(args, "note") ? ck_args_get(args, "note") : "yes";
	wanted = json_string(note);
	run = ck_run_start(args, 0);
	while ((rec = ck_run_next(run)) != NULL) {
		/* Selection first: a record it passes by is never parsed. */
		if (ck_run_selected(run, rec) &&
		    !json_equal(json_object_get(ck_record_json(rec), "x_touched"), wanted)) {
			json_t *json = ck_record_json(rec);
			json_t *event = ck_event_new("ck-touch", "touch");

			json_object_set_new(event, "x_touched", json_string(note));
			ck_record_set(json, "x_touched", json_string(note));
			ck_event_append(json, event);
			ck_record_mark_changed(rec);
		}
		ck_run_write(run, rec);
	}
	status = ck_run_finish(run, CK_EXIT_OK);
	json_decref(wanted);
	ck_args_free(args);
	return status;
}
