/* SPDX-License-Identifier: MPL-2.0 */
/* test-records.c — unit tests of lib/records.c and lib/case.c: the
 * reader, records, the writer and events. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static char path[] = "/tmp/ck-test-records.XXXXXX";

static void
write_file(const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	fwrite(text, 1, len, f);
	fclose(f);
}

/* What WRITE_FN writes through a writer, as a string (static). */
static const char *
written(ck_record *rec, const json_t *json)
{
	static char text[4096];
	FILE *f = tmpfile();
	ck_writer *w = ck_writer_stream(f, "test");
	size_t n;

	if (rec != NULL)
		ck_write(w, rec);
	if (json != NULL)
		ck_write_json(w, json);
	ck_writer_close(w);
	rewind(f);
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Puts {"n":1} as "checklist" into the only record of LINE (read from
 * the file) and returns what is written then. */
static const char *
put_last(char **files, const char *line)
{
	static char out[4096];
	ck_reader *r;
	ck_record *rec;

	write_file(line, strlen(line));
	r = ck_reader_open(files, 1, 0);
	rec = ck_reader_next(r);
	if (rec == NULL || ck_record_json(rec) == NULL) {
		ck_record_free(rec);
		ck_reader_close(r);
		return "(not read)";
	}
	ck_record_put_last(rec, "checklist", json_pack("{s:i}", "n", 1));
	snprintf(out, sizeof out, "%s", written(rec, NULL));
	ck_record_free(rec);
	ck_reader_close(r);
	return out;
}

/* A member put last keeps the bytes of every other member as read; a
 * record where that cannot be done safely is written from its JSON. */
/* ck_case_next_id: one more than the highest number, and no id at all
 * (never a wrapped one) past the largest number. */
static void
test_next_id(void)
{
	json_t *rec = json_loads("{\"actors\":[{\"id\":\"a2\"},{\"id\":\"a17\"},{\"id\":\"x9\"},"
				 "{\"id\":\"a007\"}],\"consents\":[]}", 0, NULL);
	char id[32];

	is_str(ck_case_next_id(rec, "actors", 'a', id, sizeof id), "a18",
	       "next id: one more than the highest");
	is_str(ck_case_next_id(rec, "consents", 'c', id, sizeof id), "c1", "next id: the first");
	is_str(ck_case_next_id(rec, "meetings", 'm', id, sizeof id), "m1",
	       "next id: an array not there");
	json_array_append_new(json_object_get(rec, "actors"),
			      json_pack("{s:s}", "id", "a18446744073709551614"));
	is_str(ck_case_next_id(rec, "actors", 'a', id, sizeof id), "a18446744073709551615",
	       "next id: the largest number");
	json_array_append_new(json_object_get(rec, "actors"),
			      json_pack("{s:s}", "id", "a18446744073709551615"));
	ok(ck_case_next_id(rec, "actors", 'a', id, sizeof id) == NULL,
	   "next id: none after the largest number (not a0)");
	json_array_set_new(json_object_get(rec, "actors"), 4,
			   json_pack("{s:s}", "id", "a99999999999999999999999"));
	ok(ck_case_next_id(rec, "actors", 'a', id, sizeof id) == NULL,
	   "next id: none after a number too large to hold");
	json_decref(rec);
}

static void
test_put_last(char **files)
{
	is_str(put_last(files, "{\"b\": 1.50, \"a\" : [1e2,true] }\n"),
	       "{\"b\": 1.50, \"a\" : [1e2,true] ,\"checklist\":{\"n\":1}}\n",
	       "put_last: appended; the rest as read, spaces and spelling too");
	is_str(put_last(files, "{\"b\":\"\\u00f8\",\"checklist\":{\"n\":2}}\r\n"),
	       "{\"b\":\"\\u00f8\",\"checklist\":{\"n\":1}}\n",
	       "put_last: the last member replaced, the escape before it kept");
	is_str(put_last(files, "{\"checklist\":{\"n\":2}}\n"), "{\"checklist\":{\"n\":1}}\n",
	       "put_last: the only member replaced");
	is_str(put_last(files, "{}\n"), "{\"checklist\":{\"n\":1}}\n", "put_last: into an empty object");
	is_str(put_last(files, "{\"checklist\":{\"n\":2},\"b\":1}\n"), "{\"b\":1,\"checklist\":{\"n\":1}}\n",
	       "put_last: a member in the middle moved last, the record written from JSON");
	is_str(put_last(files, "{\"b\":\"\\\"checklist\\\":{}\",\"checklist\":{}}\n"),
	       "{\"b\":\"\\\"checklist\\\":{}\",\"checklist\":{\"n\":1}}\n",
	       "put_last: the key quoted inside a string is not taken for the member");
	is_str(put_last(files, "{\"b\":{\"checklist\":{}}}\n"), "{\"b\":{\"checklist\":{}},\"checklist\":{\"n\":1}}\n",
	       "put_last: a nested member of that name is left alone");
}

int
main(void)
{
	static const char input[] =
		"{\"b\":1,\"a\":[1.5,true]}\r\n"
		"[1]\n"
		"\n"
		"{\"x\": 1}";
	char *files[1];
	ck_reader *r;
	ck_record *rec;
	json_t *json;
	size_t len;
	const char *text;
	int fd = mkstemp(path);

	ck_init("test-records");
	close(fd);
	test_next_id();
	files[0] = path;
	write_file(input, sizeof input - 1);

	r = ck_reader_open(files, 1, 0);
	rec = ck_reader_next(r);
	ok(rec != NULL, "first line read");
	is_int(ck_record_line(rec), 1, "line 1");
	is_str(ck_record_file(rec), path, "file name kept");
	text = ck_record_text(rec, &len);
	is_int(len, 22, "text without the CRLF");
	ok(strncmp(text, "{\"b\":1,", 7) == 0, "text as read");
	ok(!ck_record_changed(rec), "a record read is unchanged");
	json = ck_record_json(rec);
	ok(json_is_object(json), "parsed as an object");
	ok(ck_record_json(rec) == json, "parsed once");
	is_str(written(rec, NULL), "{\"b\":1,\"a\":[1.5,true]}\r\n", "unchanged: bytes and CRLF as read");
	json_object_set_new(json, "c", json_string("ø"));
	ck_record_mark_changed(rec);
	is_str(written(rec, NULL), "{\"b\":1,\"a\":[1.5,true],\"c\":\"ø\"}\n",
	       "changed: compact JSON, key order kept, UTF-8 unescaped, LF");
	/* Rendered on a thread, written by another: the same bytes; a later
	 * change drops the rendering. */
	ck_record_render(rec);
	json_object_set_new(json, "c", json_string("å"));
	is_str(written(rec, NULL), "{\"b\":1,\"a\":[1.5,true],\"c\":\"ø\"}\n",
	       "rendered: what was rendered is written");
	ck_record_mark_changed(rec);
	is_str(written(rec, NULL), "{\"b\":1,\"a\":[1.5,true],\"c\":\"å\"}\n",
	       "marked changed again: the rendering dropped");
	ck_record_render(rec);
	ck_record_revert(rec);
	ok(!ck_record_changed(rec), "reverted: unchanged");
	is_str(written(rec, NULL), "{\"b\":1,\"a\":[1.5,true]}\r\n",
	       "reverted: the bytes and CRLF as read again");
	ck_record_free(rec);

	rec = ck_reader_next(r);
	is_int(ck_record_line(rec), 2, "line 2");
	ok(ck_record_json(rec) == NULL, "an array is not a record");
	is_str(ck_record_problem(rec)->message, "not a JSON object", "its problem");
	ck_record_free(rec);

	rec = ck_reader_next(r);
	ok(ck_record_json(rec) == NULL && ck_record_problem(rec) != NULL, "blank line is bad");
	is_str(ck_record_problem(rec)->message, "blank line", "its problem");
	is_str(written(rec, NULL), "\n", "a bad line passes through as read");
	ck_record_free(rec);

	rec = ck_reader_next(r);
	is_int(ck_record_line(rec), 4, "last line without newline");
	ok(ck_record_json(rec) != NULL, "parsed");
	is_str(written(rec, NULL), "{\"x\": 1}\n", "written with a newline, spacing as read");
	ok(!ck_record_check(rec), "not a valid casekit record");
	is_str(ck_record_problem(rec)->field, "format", "first problem: format");
	ck_record_free(rec);

	ok(ck_reader_next(r) == NULL, "end of input");
	ok(ck_reader_next(r) == NULL, "end of input, again");
	ok(!ck_reader_failed(r), "nothing failed");
	ck_reader_close(r);

	/* An over-long line ends the input and fails the run. */
	write_file("{\"a\":\"0123456789\"}\n{}\n", 22);
	r = ck_reader_open(files, 1, 10);
	ok(ck_reader_next(r) == NULL, "over-long line: no record");
	ok(ck_reader_failed(r), "over-long line: the run fails");
	ck_reader_close(r);

	/* A made record, and events. */
	json = json_pack("{s:s, s:{s:[]}}", "id", "x", "checklist", "findings");
	rec = ck_record_new(json, NULL, 0);
	ok(ck_record_changed(rec), "a made record is changed");
	setenv("CASEKIT_NOW", "2026-01-02T03:04:05Z", 1);
	setenv("CASEKIT_USER", "tester", 1);
	ck_event_append(json, ck_event_new("case-test", "new"));
	is_str(written(rec, NULL),
	       "{\"id\":\"x\",\"events\":[{\"at\":\"2026-01-02T03:04:05Z\",\"by\":\"tester\","
	       "\"tool\":\"case-test\",\"op\":\"new\"}],\"checklist\":{\"findings\":[]}}\n",
	       "event appended; checklist stays last");
	ck_event_append(json, ck_event_new("case-test", "meeting"));
	is_int(json_array_size(json_object_get(json, "events")), 2, "second event appended");
	ck_record_free(rec);

	test_put_last(files);

	ok(ck_utf8_valid("æøå", strlen("æøå")), "UTF-8 valid");
	ok(!ck_utf8_valid("B\370rn", 4), "Latin-1 byte is not UTF-8");
	ok(!ck_utf8_valid("a\0b", 3), "NUL is refused");

	unlink(path);
	return done_testing();
}
