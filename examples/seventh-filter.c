/* SPDX-License-Identifier: MPL-2.0 */
/* seventh-filter — offers a family adviser (barnets lov § 81 stk. 4) to
 * every open case in the target group that has no such offer: a filter
 * over casekit's JSON lines written against libcasekit alone. The
 * library numbers the offer, dates it, validates the case and writes
 * the event; no offer is made twice. Build and run it as
 *   cc seventh-filter.c $(pkg-config --cflags --libs casekit) -o seventh-filter
 *   ./seventh-filter cases.jsonl > offered.jsonl */
#include <casekit.h>
#include <string.h>

int
main(int argc, char **argv)
{
	ck_reader *in;
	ck_writer *out;
	ck_record *rec;
	json_t *kind = json_string("family-adviser"), *to = json_string("parents"),
	       *offered = json_string("offered");
	ck_element_value offer[] = { { "kind", kind, 0 }, { "to", to, 0 }, { "status", offered, 0 } };
	int status = 0;

	ck_init(argv[0]);
	in = ck_reader_open(argv + 1, (size_t)(argc - 1), 0);
	out = ck_writer_stdout();
	while ((rec = ck_reader_next(in)) != NULL) {
		json_t *c = ck_record_json(rec), *o;
		const char *tg = json_string_value(json_object_get(json_object_get(c, "target_group"),
								   "status"));
		int has = 0;
		size_t i;
		ck_problem p;

		json_array_foreach(json_object_get(c, "offers"), i, o)
			has |= json_equal(json_object_get(o, "kind"), kind);
		if (c != NULL && ck_case_is_open(c) && tg != NULL && strcmp(tg, "yes") == 0 && !has) {
			ck_change *ch = ck_change_begin(rec, "seventh-filter", "offer");

			if (!ck_element_put(ch, "offers", 'o', NULL, offer, 3, ck_today(), ck_user(), &p))
				ck_change_abandon(ch), ch = NULL;
			if (ch == NULL || ck_change_commit(ch, &p) == CK_CHANGE_BAD) {
				ck_problem_report(&p, ck_record_file(rec), ck_record_line(rec));
				status = 2;
			}
		}
		ck_write(out, rec);
		ck_record_free(rec);
	}
	ck_writer_close(out);
	ck_reader_close(in);
	json_decref(kind);
	json_decref(to);
	json_decref(offered);
	return status;
}
