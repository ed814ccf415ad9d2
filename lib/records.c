/* SPDX-License-Identifier: MPL-2.0 */
/* records.c — reading and writing JSON lines.
 *
 * The reader takes one line at a time from the named files or standard
 * input, so memory does not grow with the input; a line longer than
 * --max-record is never held whole. A record keeps the bytes it was read
 * as: one that nobody changed is written back exactly so, line end and
 * all. JSON errors are worded here from Jansson's error code and column,
 * never with Jansson's own text, which quotes the input. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

#define READ_CHUNK 65536

enum line_end { LINE_END_NONE, LINE_END_LF, LINE_END_CRLF };

struct ck_record {
	char *text;             /* the bytes read, without the line end */
	size_t length;
	enum line_end line_end;
	const char *file;       /* borrowed: argv or a static name */
	unsigned long line;
	json_t *json;
	bool parsed;            /* json (or problem) is set */
	bool changed;
	char *rendered;         /* ck_record_render: the JSON to write, or NULL */
	size_t rendered_length;
	bool has_problem;
	ck_problem problem;
};

struct ck_reader {
	char *const *files;
	size_t nfiles;
	size_t next_file;       /* index of the next file to open */
	int fd;                 /* -1: none open */
	const char *name;       /* of the open file */
	bool at_file_start;     /* a BOM may follow */
	unsigned long line;
	size_t max_record;
	bool failed;
	bool stopped;           /* an over-long line ended the input */
	bool blank_end;         /* a blank last line was passed over */
	char *buf;              /* read buffer */
	size_t pos, end;
	bool eof;
	char *line_buf;         /* the line being assembled */
	size_t line_len, line_cap;
};

struct ck_writer {
	FILE *stream;
	const char *name;
	char *buf;              /* for json_dumpb */
	size_t cap;
};

static const char stdin_name[] = "<stdin>";

ck_reader *
ck_reader_open(char *const *files, size_t nfiles, size_t max_record)
{
	ck_reader *r = xmalloc(sizeof *r);

	memset(r, 0, sizeof *r);
	r->files = files;
	r->nfiles = nfiles;
	r->fd = -1;
	r->max_record = max_record != 0 ? max_record : CK_MAX_RECORD_DEFAULT;
	/* As --max-record takes it: the reader's sums stay far from
	 * wrapping. */
	if (r->max_record > SIZE_MAX / 2)
		r->max_record = SIZE_MAX / 2;
	r->buf = xmalloc(READ_CHUNK);
	return r;
}

/* Opens the next input; false when there is none. With no files named
 * the input is standard input, once. */
static bool
open_next(ck_reader *r)
{
	for (;;) {
		const char *path;

		if (r->nfiles == 0) {
			if (r->next_file > 0)
				return false;
			path = "-";
		} else if (r->next_file < r->nfiles) {
			path = r->files[r->next_file];
		} else {
			return false;
		}
		r->next_file++;
		if (strcmp(path, "-") == 0) {
			r->fd = STDIN_FILENO;
			r->name = stdin_name;
		} else {
			r->fd = open(path, O_RDONLY | O_CLOEXEC);
			r->name = path;
			if (r->fd < 0) {
				ck_error_at(path, 0, NULL, _("cannot open: %s"),
					    strerror(errno));
				r->failed = true;
				continue;
			}
		}
		r->at_file_start = true;
		r->line = 0;
		r->pos = r->end = 0;
		r->eof = false;
		return true;
	}
}

static void
close_current(ck_reader *r)
{
	if (r->fd > STDIN_FILENO)
		close(r->fd);
	r->fd = -1;
}

/* Refills the read buffer; false at the end of the file or on an error
 * (reported). */
static bool
fill(ck_reader *r)
{
	ssize_t n;

	if (r->eof)
		return false;
	do
		n = read(r->fd, r->buf, READ_CHUNK);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		ck_error_at(r->name, 0, NULL, _("read error: %s"), strerror(errno));
		r->failed = true;
		r->eof = true;
		return false;
	}
	if (n == 0) {
		r->eof = true;
		return false;
	}
	r->pos = 0;
	r->end = (size_t)n;
	return true;
}

static void
line_append(ck_reader *r, const char *p, size_t n)
{
	/* LINE_LEN is at most --max-record + 1 (at most SIZE_MAX / 2) and N
	 * a read's worth: the sum cannot wrap, and the doubling stops
	 * before it would. */
	size_t need = r->line_len + n + 1;

	if (need > r->line_cap) {
		size_t cap = r->line_cap != 0 ? r->line_cap : 256;

		while (cap < need)
			cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
		r->line_buf = xrealloc(r->line_buf, cap);
		r->line_cap = cap;
	}
	memcpy(r->line_buf + r->line_len, p, n);
	r->line_len += n;
}

/* Skips the rest of an over-long line; the input then ends. */
static void
too_long(ck_reader *r)
{
	ck_error_at(r->name, r->line, NULL,
		    _("record longer than %zu bytes (--max-record)"), r->max_record);
	r->failed = true;
	r->stopped = true;
	close_current(r);
}

/* True when the LENGTH bytes at TEXT are only spaces, tabs and a CR. */
static bool
is_blank(const char *text, size_t length)
{
	size_t i;

	for (i = 0; i < length; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
			return false;
	return true;
}

ck_record *
ck_reader_next(ck_reader *r)
{
	ck_record *rec;
	bool newline = false;

	if (r->stopped)
		return NULL;
	for (;;) {
		if (r->fd < 0 && !open_next(r))
			return NULL;
		r->line_len = 0;
		newline = false;
		for (;;) {
			char *nl;
			size_t n;

			if (r->pos == r->end && !fill(r))
				break;
			if (r->at_file_start) {
				/* A BOM at the start of a file; a BOM split over
				 * two reads is so rare (a 1-byte first read)
				 * that it is left to the JSON parser. */
				if (r->end - r->pos >= 3 &&
				    memcmp(r->buf + r->pos, "\xef\xbb\xbf", 3) == 0)
					r->pos += 3;
				r->at_file_start = false;
				continue;
			}
			nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
			n = nl != NULL ? (size_t)(nl - (r->buf + r->pos)) : r->end - r->pos;
			/* One byte of slack for a CR before the newline. */
			if (r->line_len + n > r->max_record + 1) {
				r->line++;
				too_long(r);
				return NULL;
			}
			line_append(r, r->buf + r->pos, n);
			r->pos += n;
			if (nl != NULL) {
				r->pos++;
				newline = true;
				break;
			}
		}
		if (newline || r->line_len > 0) {
			/* A blank last line, as an editor leaves one, holds
			 * no record and loses nothing: it is passed over.
			 * A blank line before a record stays bad input. */
			if (!is_blank(r->line_buf, r->line_len) ||
			    r->pos < r->end || fill(r))
				break;
			r->blank_end = true;
		}
		/* The end of this file: on to the next. */
		close_current(r);
	}
	r->line++;

	rec = xmalloc(sizeof *rec);
	memset(rec, 0, sizeof *rec);
	rec->file = r->name;
	rec->line = r->line;
	rec->line_end = newline ? LINE_END_LF : LINE_END_NONE;
	if (r->line_len > 0 && r->line_buf[r->line_len - 1] == '\r') {
		r->line_len--;
		if (newline)
			rec->line_end = LINE_END_CRLF;
		else
			r->line_len++;	/* a lone CR at the end stays data */
	}
	if (r->line_len > r->max_record) {
		free(rec);
		too_long(r);
		return NULL;
	}
	rec->text = xmalloc(r->line_len + 1);
	memcpy(rec->text, r->line_buf, r->line_len);
	rec->text[r->line_len] = '\0';
	rec->length = r->line_len;
	return rec;
}

bool
ck_reader_failed(const ck_reader *r)
{
	return r->failed;
}

bool
ck_reader_blank_end(const ck_reader *r)
{
	return r->blank_end;
}

void
ck_reader_close(ck_reader *r)
{
	if (r == NULL)
		return;
	close_current(r);
	free(r->buf);
	free(r->line_buf);
	free(r);
}

ck_record *
ck_record_new(json_t *json, const char *file, unsigned long line)
{
	ck_record *rec = xmalloc(sizeof *rec);

	memset(rec, 0, sizeof *rec);
	rec->json = json;
	rec->parsed = true;
	rec->changed = true;
	rec->file = file;
	rec->line = line;
	rec->line_end = LINE_END_LF;
	return rec;
}

void
ck_record_free(ck_record *rec)
{
	if (rec == NULL)
		return;
	json_decref(rec->json);
	free(rec->text);
	free(rec->rendered);
	free(rec);
}

const char *
ck_record_file(const ck_record *rec)
{
	return rec->file;
}

unsigned long
ck_record_line(const ck_record *rec)
{
	return rec->line;
}

const char *
ck_record_text(const ck_record *rec, size_t *length)
{
	if (length != NULL)
		*length = rec->length;
	return rec->text;
}

/* Words a JSON error from its code: Jansson's text quotes the input. */
static void
json_problem(ck_problem *p, const json_error_t *err)
{
	int column = err->column > 0 ? err->column : 1;

	switch (json_error_code(err)) {
	case json_error_invalid_utf8:
		ck_problem_set(p, NULL, _("not valid UTF-8 (column %d)"), column);
		break;
	case json_error_duplicate_key:
		ck_problem_set(p, NULL, _("a key appears twice in one object (column %d)"),
			       column);
		break;
	case json_error_premature_end_of_input:
		ck_problem_set(p, NULL, _("invalid JSON: the line ends inside a value"));
		break;
	case json_error_end_of_input_expected:
		ck_problem_set(p, NULL,
			       _("invalid JSON: more than one value on the line (column %d)"),
			       column);
		break;
	case json_error_null_character:
	case json_error_null_byte_in_key:
		ck_problem_set(p, NULL, _("invalid JSON: a NUL character (column %d)"),
			       column);
		break;
	case json_error_numeric_overflow:
		ck_problem_set(p, NULL, _("a number too large to hold (column %d)"),
			       column);
		break;
	case json_error_stack_overflow:
		ck_problem_set(p, NULL, _("JSON nested too deeply (column %d)"), column);
		break;
	case json_error_out_of_memory:
		ck_problem_set(p, NULL, _("out of memory"));
		break;
	default:
		ck_problem_set(p, NULL, _("invalid JSON (column %d)"), column);
		break;
	}
}

json_t *
ck_record_json(ck_record *rec)
{
	json_error_t err;
	size_t i;

	if (rec->parsed)
		return rec->json;
	rec->parsed = true;
	for (i = 0; i < rec->length; i++)
		if (rec->text[i] != ' ' && rec->text[i] != '\t')
			break;
	if (i == rec->length) {
		rec->has_problem = true;
		ck_problem_set(&rec->problem, NULL, _("blank line"));
		return NULL;
	}
	rec->json = json_loadb(rec->text, rec->length,
			       JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
	if (rec->json == NULL) {
		size_t end = rec->length;

		rec->has_problem = true;
		while (end > i && (rec->text[end - 1] == ' ' || rec->text[end - 1] == '\t'))
			end--;
		/* A lone "{": a record written over many lines, as jq and
		 * editors pretty-print it. */
		if (end == i + 1 && rec->text[i] == '{')
			ck_problem_set(&rec->problem, NULL,
				       _("a record over several lines (pretty-printed JSON?); "
					 "one record a line: jq -c . %s"),
				       rec->file != NULL ? rec->file : "FILE");
		else
			json_problem(&rec->problem, &err);
		return NULL;
	}
	if (!json_is_object(rec->json)) {
		json_decref(rec->json);
		rec->json = NULL;
		rec->has_problem = true;
		ck_problem_set(&rec->problem, NULL, _("not a JSON object"));
		return NULL;
	}
	return rec->json;
}

bool
ck_record_parsed(const ck_record *rec)
{
	return rec->parsed;
}

bool
ck_record_check(ck_record *rec)
{
	json_t *json = ck_record_json(rec);

	if (json == NULL)
		return false;
	if (!ck_validate(json, &rec->problem)) {
		rec->has_problem = true;
		return false;
	}
	return true;
}

const ck_problem *
ck_record_problem(const ck_record *rec)
{
	return rec->has_problem ? &rec->problem : NULL;
}

void
ck_record_report(const ck_record *rec)
{
	if (rec->has_problem)
		ck_problem_report(&rec->problem, rec->file, rec->line);
}

void
ck_record_mark_changed(ck_record *rec)
{
	rec->changed = true;
	free(rec->rendered);
	rec->rendered = NULL;
}

void
ck_record_revert(ck_record *rec)
{
	if (rec->text == NULL)
		return;
	rec->changed = false;
	free(rec->rendered);
	rec->rendered = NULL;
}

void
ck_record_render(ck_record *rec)
{
	if (!rec->changed || rec->json == NULL)
		return;
	free(rec->rendered);
	rec->rendered = json_dumps(rec->json, JSON_COMPACT);
	if (rec->rendered == NULL)
		ck_fatal(_("out of memory"));
	rec->rendered_length = strlen(rec->rendered);
}

/* Where the text read can be cut to put KEY last: the length of the
 * text to keep, or (size_t)-1 when it cannot be done safely (then the
 * whole record is written from its JSON). OLD is the value KEY has now,
 * or NULL. With OLD, the text must end in "KEY":OLD}, that member the
 * last, its value exactly OLD; without, the cut is the final brace. */
static size_t
splice_point(const ck_record *rec, const char *key, const json_t *old)
{
	const char *t = rec->text;
	size_t n = rec->length, klen = strlen(key), p, v;
	json_t *parsed;
	bool same;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n < 2 || t[n - 1] != '}')
		return (size_t)-1;
	if (old == NULL)
		return n - 1;
	/* The last "KEY": in the text. */
	for (p = n - 1; p-- > 0;) {
		if (t[p] == '"' && p + klen + 2 < n && memcmp(t + p + 1, key, klen) == 0 &&
		    t[p + 1 + klen] == '"' && t[p + 2 + klen] == ':')
			break;
		if (p == 0)
			return (size_t)-1;
	}
	v = p + klen + 3;
	parsed = json_loadb(t + v, n - 1 - v, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
	same = parsed != NULL && json_equal(parsed, old);
	json_decref(parsed);
	if (!same)
		return (size_t)-1;
	/* Before it: the comma after the previous member, or the brace. */
	while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t'))
		p--;
	if (p > 0 && t[p - 1] == ',')
		return p - 1;
	return p > 0 && t[p - 1] == '{' ? p : (size_t)-1;
}

void
ck_record_put_last(ck_record *rec, const char *key, json_t *value)
{
	size_t cut = (size_t)-1, klen = strlen(key), vlen, len;
	bool comma;
	char *text;

	if (rec->text != NULL && !rec->changed && rec->json != NULL &&
	    strpbrk(key, "\"\\") == NULL)
		cut = splice_point(rec, key, json_object_get(rec->json, key));
	json_object_del(rec->json, key);
	oom_unless(json_object_set_new(rec->json, key, value) == 0);
	ck_record_mark_changed(rec);
	if (cut == (size_t)-1) {
		ck_record_render(rec);
		return;
	}
	/* The bytes read up to the cut, then the member: every other value
	 * keeps the spelling it was read with. */
	text = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
	oom_unless(text != NULL);
	vlen = strlen(text);
	len = cut;
	while (len > 0 && (rec->text[len - 1] == ' ' || rec->text[len - 1] == '\t'))
		len--;
	comma = len > 0 && rec->text[len - 1] != '{';
	rec->rendered = xmalloc(cut + 1 + klen + 3 + vlen + 2);
	memcpy(rec->rendered, rec->text, cut);
	rec->rendered_length = cut;
	if (comma)
		rec->rendered[rec->rendered_length++] = ',';
	rec->rendered[rec->rendered_length++] = '"';
	memcpy(rec->rendered + rec->rendered_length, key, klen);
	rec->rendered_length += klen;
	memcpy(rec->rendered + rec->rendered_length, "\":", 2);
	rec->rendered_length += 2;
	memcpy(rec->rendered + rec->rendered_length, text, vlen);
	rec->rendered_length += vlen;
	rec->rendered[rec->rendered_length++] = '}';
	rec->rendered[rec->rendered_length] = '\0';
	free(text);
}

bool
ck_record_changed(const ck_record *rec)
{
	return rec->changed;
}


ck_writer *
ck_writer_stream(FILE *stream, const char *name)
{
	ck_writer *w = xmalloc(sizeof *w);

	w->stream = stream;
	w->name = name;
	w->cap = 4096;
	w->buf = xmalloc(w->cap);
	return w;
}

ck_writer *
ck_writer_stdout(void)
{
	static char buf[READ_CHUNK];

	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	return ck_writer_stream(stdout, NULL);
}

static void
write_failed(const ck_writer *w)
{
	if (w->name != NULL)
		ck_fatal(_("%s: write error: %s"), w->name, strerror(errno));
	ck_output_error();
	ck_exit(CK_EXIT_TROUBLE);
}

static void
put(ck_writer *w, const char *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, w->stream) != n)
		write_failed(w);
}

void
ck_write_json(ck_writer *w, const json_t *json)
{
	size_t n;

	for (;;) {
		n = json_dumpb(json, w->buf, w->cap, JSON_COMPACT);
		if (n == 0)
			ck_fatal(_("out of memory"));
		if (n < w->cap)
			break;
		while (w->cap <= n)
			w->cap *= 2;
		w->buf = xrealloc(w->buf, w->cap);
	}
	w->buf[n] = '\n';
	put(w, w->buf, n + 1);
}

void
ck_write(ck_writer *w, ck_record *rec)
{
	if (rec->changed && rec->rendered != NULL) {
		put(w, rec->rendered, rec->rendered_length);
		put(w, "\n", 1);
		return;
	}
	if (rec->changed && rec->json != NULL) {
		ck_write_json(w, rec->json);
		return;
	}
	put(w, rec->text, rec->length);
	if (rec->line_end == LINE_END_CRLF)
		put(w, "\r\n", 2);
	else
		put(w, "\n", 1);
}

void
ck_writer_close(ck_writer *w)
{
	if (w == NULL)
		return;
	if (fflush(w->stream) != 0)
		write_failed(w);
	free(w->buf);
	free(w);
}
