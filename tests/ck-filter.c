/* SPDX-License-Identifier: MPL-2.0 */
/* ck-filter — a test-only filter: reads JSON lines through libcasekit,
 * validates each record and writes it back, so that the shell tests can
 * drive the reader, the validator and the writer as every program uses
 * them.
 *
 *   ck-filter [--max-record N] [--keep-going] [--rewrite] [--parse-only]
 *             [FILE…]
 *
 * --rewrite writes every record from its JSON (as a changed record is),
 * --parse-only skips validation. Exit 0, or 2 on bad input. */
#include <config.h>

#include <stdlib.h>

#include "casekit.h"

static const ck_option options[] = {
	{ "max-record", 0, true, NULL },
	{ "keep-going", 'k', false, NULL },
	{ "rewrite", 0, false, NULL },
	{ "parse-only", 0, false, NULL },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf("Usage: ck-filter [--max-record N] [--keep-going] [--rewrite] "
	       "[--parse-only] [FILE...]\n");
}

static const ck_program program = {
	"ck-filter", NULL, options, help, true
};

int
main(int argc, char **argv)
{
	ck_args *args;
	ck_reader *in;
	ck_writer *out;
	ck_record *rec;
	char *const *files;
	size_t nfiles, max_record = CK_MAX_RECORD_DEFAULT;
	bool keep_going, rewrite, parse_only;
	int status = CK_EXIT_OK;

	ck_init(argv[0]);
	args = ck_args_parse(&program, argc, argv);
	if (ck_args_has(args, "max-record") &&
	    !ck_size_parse(ck_args_get(args, "max-record"), &max_record))
		ck_usage_error("--max-record: not a size (bytes, or with K or M)");
	keep_going = ck_args_has(args, "keep-going");
	rewrite = ck_args_has(args, "rewrite");
	parse_only = ck_args_has(args, "parse-only");
	files = ck_args_files(args, &nfiles);

	in = ck_reader_open(files, nfiles, max_record);
	out = ck_writer_stdout();
	while ((rec = ck_reader_next(in)) != NULL) {
		bool good = parse_only ? ck_record_json(rec) != NULL
				       : ck_record_check(rec);

		if (!good) {
			ck_record_report(rec);
			status = CK_EXIT_TROUBLE;
			if (!keep_going) {
				ck_record_free(rec);
				break;
			}
		} else if (rewrite) {
			ck_record_mark_changed(rec);
		}
		ck_write(out, rec);
		ck_record_free(rec);
	}
	if (ck_reader_failed(in))
		status = CK_EXIT_TROUBLE;
	ck_reader_close(in);
	ck_writer_close(out);
	ck_args_free(args);
	return status;
}
