/* SPDX-License-Identifier: MPL-2.0 */
/* csv.c — reading the case system's CSV exports, writing CSV tables.
 *
 * The reader streams: the file is read in 64 KiB chunks, converted to
 * UTF-8 with iconv when it is in another encoding, and fed to libcsv,
 * whose callbacks copy each field (libcsv's buffer lives only for the
 * callback) and queue each finished row; ck_csv_next hands the rows out
 * one by one. Memory holds the rows of one chunk at most, never the file.
 *
 * Rows are numbered as a spreadsheet shows them, because that is where a
 * caseworker goes to mend a bad row: the header is row 1, a record whose
 * quoted fields span several lines is one row, and a blank line is a row
 * too (counted, never handed out). libcsv with CSV_REPALL_NL reports every
 * CR or LF outside a record as an end of row without fields, so the LF of
 * a CRLF is seen as a row of its own and is dropped here.
 *
 * Errors name the row and the column, never the text of a cell. Once an
 * error is found, the rows before it are still handed out, then -1,
 * again and again: a caller that stops at the first -1 and one that
 * calls on both behave.
 *
 * The writer quotes only the cells that need it, as Excel does, and puts
 * a "'" before text that a spreadsheet would take as a formula (design,
 * section 5.6). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <csv.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

#define READ_CHUNK 65536
/* Longest incomplete multibyte sequence carried from one chunk to the
 * next; iconv never leaves more than a character's worth. */
#define CARRY_MAX 16
/* A cell or a row beyond these is bad input, not a reason to let one
 * line of a file take all memory (an unclosed quote swallows the rest
 * of the file into one field). */
#define FIELD_MAX ((size_t)1 << 20)
#define ROW_FIELDS_MAX 10000
#define ROW_BYTES_MAX ((size_t)4 << 20)

static const unsigned char utf8_bom[3] = { 0xEF, 0xBB, 0xBF };

/* A finished row: the fields point into the text that follows them. */
struct row {
	struct row *next;
	unsigned long number;
	size_t count;
	char *fields[];
};

struct ck_csv {
	int fd;
	struct csv_parser parser;
	iconv_t cd;             /* (iconv_t)-1: the input is UTF-8 */
	char *encoding;         /* its name, for messages */
	char *raw;              /* bytes read, after a carried sequence */
	size_t carry;           /* bytes of an incomplete sequence in raw */
	char *converted;        /* iconv's output */
	unsigned bom_seen;      /* bytes of a BOM matched at the start */
	bool bom_done;          /* the start of the text is behind us */
	bool finished;          /* csv_fini done: nothing more to parse */

	/* The row being parsed: field texts, each with its NUL, in text. */
	char *text;
	size_t text_len, text_cap;
	size_t *offsets;
	size_t count, offsets_cap;
	unsigned long next_row; /* the number of the row being parsed */
	bool after_cr;          /* the last row ended in CR: an LF may follow */

	struct row *head, *tail; /* rows ready to be handed out */
	struct row *current;     /* the row handed out last */

	size_t pending;         /* bytes in raw read ahead at the open */
	enum ck_csv_encoding_note note;

	/* The header, once read, to name columns in messages. */
	bool name_columns;
	char **header;
	size_t header_count;
	bool header_seen;

	bool failed;
	unsigned long error_row;
	char error[CK_MESSAGE_MAX];
};

/* What the bytes of a file are, as far as UTF-8 goes. */
struct utf8_scan {
	unsigned need;          /* continuation bytes still to come */
	bool valid;             /* nothing but UTF-8 so far */
	bool non_ascii;         /* a byte of 0x80 or more */
};

/* Runs N bytes through the scan: a simple check of the sequences'
 * shape, enough to tell UTF-8 from a single-byte encoding; the fields
 * are checked in full later. */
static void
scan_utf8(struct utf8_scan *sc, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && sc->valid; i++) {
		unsigned char c = p[i];

		if (c >= 0x80)
			sc->non_ascii = true;
		if (sc->need > 0) {
			if ((c & 0xC0) != 0x80)
				sc->valid = false;
			sc->need--;
		} else if (c >= 0xC2 && c <= 0xDF) {
			sc->need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			sc->need = 2;
		} else if (c >= 0xF0 && c <= 0xF4) {
			sc->need = 3;
		} else if (c >= 0x80) {
			sc->valid = false;
		}
	}
}

/* libcsv grows its field buffer through this: refusing to grow past
 * FIELD_MAX makes csv_parse stop with CSV_ENOMEM, which is then a field
 * too large; a real lack of memory ends the program as elsewhere. */
static void *
field_realloc(void *old, size_t size)
{
	void *p;

	/* libcsv asks for room for one more byte before it looks at the
	 * byte that ends a field: the NUL, and that. */
	if (size > FIELD_MAX + 2)
		return NULL;
	p = realloc(old, size);
	if (p == NULL)
		ck_fatal(_("out of memory"));
	return p;
}

static void
set_message(char *err, size_t errsize, const char *fmt, va_list ap)
{
	if (err != NULL && errsize > 0)
		vsnprintf(err, errsize, fmt, ap);
}

static void CK_PRINTF(3, 4)
message(char *err, size_t errsize, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(err, errsize, fmt, ap);
	va_end(ap);
}

/* Records the first error of the input, at ROW. Later ones are echoes
 * of it (the rest of a chunk is still run through the parser). */
static void CK_PRINTF(3, 4)
fail(ck_csv *csv, unsigned long row, const char *fmt, ...)
{
	va_list ap;

	if (csv->failed)
		return;
	csv->failed = true;
	csv->error_row = row;
	va_start(ap, fmt);
	set_message(csv->error, sizeof csv->error, fmt, ap);
	va_end(ap);
}

/* How a message names COLUMN (1-based): by its header once the header is
 * read and ck_csv_name_columns asked for it, else by its number. */
static const char *
column_name(ck_csv *csv, size_t column, char *buf, size_t size)
{
	if (csv->name_columns && csv->header_seen && column <= csv->header_count &&
	    csv->header[column - 1][0] != '\0')
		return csv->header[column - 1];
	snprintf(buf, size, _("column %zu"), column);
	return buf;
}

void
ck_csv_name_columns(ck_csv *csv)
{
	csv->name_columns = true;
}

enum ck_csv_encoding_note
ck_csv_encoding_note(const ck_csv *csv)
{
	return csv->note;
}

char
ck_csv_delimiter_hint(char *const *header, size_t count, char delimiter)
{
	static const char pairs[][2] = { { ',', ';' }, { ';', ',' } };
	size_t i, j;

	/* One column only, and its name holds the other separator: the
	 * whole header was read as one name. */
	if (count != 1)
		return '\0';
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		for (j = 0; pairs[i][0] == delimiter && header[0][j] != '\0'; j++)
			if (header[0][j] == pairs[i][1])
				return pairs[i][1];
	return '\0';
}

/* Reads the start of FD for the encoding's guess: for a file that can
 * be read again, all of it and back to where it was; for a pipe, the
 * first chunk, kept in RAW (*PENDING bytes) to be parsed first. */
static void
scan_input(int fd, char *raw, size_t *pending, bool *bom, struct utf8_scan *sc)
{
	off_t start = lseek(fd, 0, SEEK_CUR);
	bool first = true;
	ssize_t n;

	sc->need = 0;
	sc->valid = true;
	sc->non_ascii = false;
	*bom = false;
	*pending = 0;
	if (start < 0) {
		while (*pending < READ_CHUNK) {
			n = read(fd, raw + *pending, READ_CHUNK - *pending);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			*pending += (size_t)n;
		}
		*bom = *pending >= 3 && memcmp(raw, utf8_bom, 3) == 0;
		scan_utf8(sc, (const unsigned char *)raw, *pending);
		/* A sequence cut at the end of the chunk is not held
		 * against it. */
		if (*pending == READ_CHUNK)
			sc->need = 0;
		return;
	}
	for (;;) {
		n = read(fd, raw, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (first)
			*bom = n >= 3 && memcmp(raw, utf8_bom, 3) == 0;
		first = false;
		scan_utf8(sc, (const unsigned char *)raw, (size_t)n);
		if (!sc->valid)
			break;
	}
	/* A read error is met again, and reported, when the file is read. */
	(void)lseek(fd, start, SEEK_SET);
}

static bool
is_utf8_name(const char *encoding)
{
	return encoding == NULL || strcasecmp(encoding, "UTF-8") == 0 ||
		strcasecmp(encoding, "UTF8") == 0;
}

/* The encoding the file is in: ENCODING as given, or for "auto" UTF-8
 * when the file starts with a BOM or is valid UTF-8, else cp1252 (what
 * Danish and Swedish Excel save). *NOTE says what was guessed, or that a
 * single-byte encoding was given for a file that reads as UTF-8. */
static const char *
choose_encoding(const char *encoding, bool bom, const struct utf8_scan *sc,
		enum ck_csv_encoding_note *note)
{
	*note = CK_CSV_ENCODING_AS_GIVEN;
	if (encoding != NULL && strcasecmp(encoding, "auto") == 0) {
		if (bom || (sc->valid && sc->need == 0))
			return "UTF-8";
		*note = CK_CSV_ENCODING_GUESSED_CP1252;
		return "CP1252";
	}
	if (!is_utf8_name(encoding) && !bom && sc->valid && sc->need == 0 && sc->non_ascii)
		*note = CK_CSV_ENCODING_LOOKS_UTF8;
	return encoding;
}

ck_csv *
ck_csv_open(const char *path, char delimiter, const char *encoding,
	    char *err, size_t errsize)
{
	unsigned char d = (unsigned char)delimiter;
	iconv_t cd = (iconv_t)-1;
	enum ck_csv_encoding_note note = CK_CSV_ENCODING_AS_GIVEN;
	bool is_auto = encoding != NULL && strcasecmp(encoding, "auto") == 0;
	size_t pending = 0;
	char *raw;
	ck_csv *csv;
	int fd;

	/* The quote, line ends and bytes of UTF-8 sequences would cut the
	 * text in the wrong places. */
	if (d == '"' || d == '\r' || d == '\n' || d == '\0' || d >= 0x80) {
		message(err, errsize, _("not a usable delimiter"));
		return NULL;
	}
	/* An unknown encoding is said before the file is read. */
	if (!is_auto && !is_utf8_name(encoding)) {
		cd = iconv_open("UTF-8", encoding);
		if (cd == (iconv_t)-1) {
			if (errno == EINVAL)
				message(err, errsize, _("unknown encoding %s"), encoding);
			else
				message(err, errsize, "%s", strerror(errno));
			return NULL;
		}
		iconv_close(cd);
		cd = (iconv_t)-1;
	}
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			message(err, errsize, "%s", strerror(errno));
			return NULL;
		}
	}
	raw = xmalloc(READ_CHUNK + CARRY_MAX);
	if (!is_utf8_name(encoding)) {
		struct utf8_scan sc;
		bool bom;

		scan_input(fd, raw, &pending, &bom, &sc);
		encoding = choose_encoding(encoding, bom, &sc, &note);
	}
	if (!is_utf8_name(encoding)) {
		cd = iconv_open("UTF-8", encoding);
		if (cd == (iconv_t)-1) {
			message(err, errsize, "%s", strerror(errno));
			if (fd != STDIN_FILENO)
				close(fd);
			free(raw);
			return NULL;
		}
	}

	csv = xmalloc(sizeof *csv);
	memset(csv, 0, sizeof *csv);
	csv->fd = fd;
	csv->cd = cd;
	csv->note = note;
	csv->pending = pending;
	if (cd != (iconv_t)-1) {
		csv->encoding = xmalloc(strlen(encoding) + 1);
		strcpy(csv->encoding, encoding);
		csv->converted = xmalloc(READ_CHUNK);
	}
	csv->raw = raw;
	csv->next_row = 1;
	csv_init(&csv->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
		 CSV_REPALL_NL);
	csv_set_delim(&csv->parser, d);
	csv_set_realloc_func(&csv->parser, field_realloc);
	/* libcsv grows by 128 bytes at a time otherwise. */
	csv_set_blk_size(&csv->parser, 4096);
	return csv;
}

/* libcsv's end of a field: checked and copied into the row. */
static void
on_field(void *data, size_t len, void *arg)
{
	ck_csv *csv = arg;
	size_t column = csv->count + 1;
	char name[32];

	if (csv->failed)
		return;
	if (len > FIELD_MAX) {
		/* Only at the end of the file: before, libcsv stops first. */
		fail(csv, csv->next_row, _("%s: field too large (more than %d MiB)"),
		     column_name(csv, column, name, sizeof name), (int)(FIELD_MAX >> 20));
		return;
	}
	if (csv->count == ROW_FIELDS_MAX ||
	    csv->text_len + len + 1 > ROW_BYTES_MAX) {
		fail(csv, csv->next_row, _("row too large (more than %d fields or %d MiB)"),
		     ROW_FIELDS_MAX, (int)(ROW_BYTES_MAX >> 20));
		return;
	}
	if (len > 0 && memchr(data, '\0', len) != NULL) {
		fail(csv, csv->next_row, _("%s: contains a NUL byte"),
		     column_name(csv, column, name, sizeof name));
		return;
	}
	/* Converted text is UTF-8 by construction; this catches a file that
	 * was said (or taken) to be UTF-8 and is not. */
	if (len > 0 && !ck_utf8_valid(data, len)) {
		fail(csv, csv->next_row, _("%s: not valid UTF-8"),
		     column_name(csv, column, name, sizeof name));
		return;
	}
	if (csv->text_len + len + 1 > csv->text_cap) {
		size_t cap = csv->text_cap != 0 ? csv->text_cap : 256;

		while (cap < csv->text_len + len + 1)
			cap *= 2;
		csv->text = xrealloc(csv->text, cap);
		csv->text_cap = cap;
	}
	if (csv->count == csv->offsets_cap) {
		csv->offsets_cap = csv->offsets_cap != 0 ? csv->offsets_cap * 2 : 16;
		csv->offsets = xrealloc(csv->offsets,
					csv->offsets_cap * sizeof *csv->offsets);
	}
	csv->offsets[csv->count++] = csv->text_len;
	if (len > 0)
		memcpy(csv->text + csv->text_len, data, len);
	csv->text_len += len;
	csv->text[csv->text_len++] = '\0';
}

/* A row of only empty cells is how Excel saves a blank row of a table
 * (";;;"): it is blank to the person who made the file. */
static bool
row_is_blank(const ck_csv *csv)
{
	size_t i;

	for (i = 0; i < csv->count; i++)
		if (csv->text[csv->offsets[i]] != '\0')
			return false;
	return true;
}

/* libcsv's end of a row: C is the CR or LF that ended it, -1 at
 * csv_fini. */
static void
on_row(int c, void *arg)
{
	ck_csv *csv = arg;
	struct row *r;
	size_t i;

	if (csv->failed)
		return;
	/* The LF of a CRLF whose CR ended the row (or a blank line). A CR,
	 * spaces and an LF (never seen outside mixed line ends) are taken
	 * as one line end too, as libcsv skips the spaces silently. */
	if (c == '\n' && csv->count == 0 && csv->after_cr) {
		csv->after_cr = false;
		return;
	}
	csv->after_cr = c == '\r';
	if (!row_is_blank(csv)) {
		r = xmalloc(sizeof *r + csv->count * sizeof r->fields[0] +
			    csv->text_len);
		r->next = NULL;
		r->number = csv->next_row;
		r->count = csv->count;
		{
			char *text = (char *)&r->fields[csv->count];

			memcpy(text, csv->text, csv->text_len);
			for (i = 0; i < csv->count; i++)
				r->fields[i] = text + csv->offsets[i];
		}
		if (csv->tail != NULL)
			csv->tail->next = r;
		else
			csv->head = r;
		csv->tail = r;
		if (!csv->header_seen) {
			csv->header = xcalloc(r->count + 1, sizeof *csv->header);
			for (i = 0; i < r->count; i++)
				csv->header[i] = xstrdup(r->fields[i]);
			csv->header_count = r->count;
			csv->header_seen = true;
		}
	}
	csv->next_row++;
	csv->count = 0;
	csv->text_len = 0;
}

/* Parses LEN bytes of UTF-8 text. */
static void
parse(ck_csv *csv, const char *buf, size_t len)
{
	size_t n;
	char name[32];

	if (csv->failed || len == 0)
		return;
	n = csv_parse(&csv->parser, buf, len, on_field, on_row, csv);
	if (csv->failed || n == len)
		return;
	if (csv_error(&csv->parser) == CSV_EPARSE) {
		/* Strict mode stops at a quote in an unquoted field, or at
		 * text between a closing quote and the separator; the
		 * parser's (public) quoted flag tells which. */
		if (csv->parser.quoted)
			fail(csv, csv->next_row,
			     _("%s: text after the closing quote of a field"),
			     column_name(csv, csv->count + 1, name, sizeof name));
		else
			fail(csv, csv->next_row,
			     _("%s: a quote inside an unquoted field"),
			     column_name(csv, csv->count + 1, name, sizeof name));
	} else {
		fail(csv, csv->next_row,
		     _("%s: field too large (more than %d MiB)"),
		     column_name(csv, csv->count + 1, name, sizeof name), (int)(FIELD_MAX >> 20));
	}
}

/* Parses text, skipping a byte-order mark at the very start. The mark
 * may come in pieces (a pipe can give one byte at a time), so the bytes
 * that match it are held back until it is whole or is not one. */
static void
feed(ck_csv *csv, const char *buf, size_t len)
{
	if (!csv->bom_done) {
		while (len > 0 && csv->bom_seen < sizeof utf8_bom &&
		       (unsigned char)*buf == utf8_bom[csv->bom_seen]) {
			csv->bom_seen++;
			buf++;
			len--;
		}
		if (csv->bom_seen == sizeof utf8_bom) {
			csv->bom_done = true;
		} else if (len > 0) {
			csv->bom_done = true;
			parse(csv, (const char *)utf8_bom, csv->bom_seen);
		}
	}
	parse(csv, buf, len);
}

/* Converts the LEN bytes in raw (the carry included) and parses them.
 * An incomplete sequence at the end is kept for the next chunk. */
static void
convert(ck_csv *csv, size_t len)
{
	char *in = csv->raw;
	size_t inleft = len;

	csv->carry = 0;
	while (inleft > 0 && !csv->failed) {
		char *out = csv->converted;
		size_t outleft = READ_CHUNK;
		size_t r = iconv(csv->cd, &in, &inleft, &out, &outleft);
		int e = errno;

		/* What converted well comes first: a bad byte is reported
		 * after the rows before it. */
		feed(csv, csv->converted, (size_t)(out - csv->converted));
		if (r != (size_t)-1 || csv->failed || e == E2BIG)
			continue;
		if (e == EINVAL && inleft <= CARRY_MAX) {
			memmove(csv->raw, in, inleft);
			csv->carry = inleft;
			return;
		}
		if (e == EILSEQ || e == EINVAL)
			fail(csv, csv->next_row, _("text not in the encoding %s"),
			     csv->encoding);
		else
			fail(csv, csv->next_row, "%s", strerror(e));
	}
}

/* The end of the input: what was held back, and libcsv's last row. */
static void
finish(ck_csv *csv)
{
	csv->finished = true;
	if (csv->cd != (iconv_t)-1 && !csv->failed) {
		char *out = csv->converted;
		size_t outleft = READ_CHUNK;

		if (csv->carry > 0) {
			/* The file ends inside a character. */
			fail(csv, csv->next_row, _("text not in the encoding %s"),
			     csv->encoding);
			return;
		}
		/* Back to the initial state; a stateful encoding may have
		 * something to say. */
		if (iconv(csv->cd, NULL, NULL, &out, &outleft) != (size_t)-1)
			feed(csv, csv->converted, (size_t)(out - csv->converted));
	}
	if (!csv->bom_done) {
		csv->bom_done = true;
		parse(csv, (const char *)utf8_bom, csv->bom_seen);
	}
	if (csv->failed)
		return;
	/* Without csv_fini a last row without a line end is lost. */
	if (csv_fini(&csv->parser, on_field, on_row, csv) != 0) {
		char name[32];

		fail(csv, csv->next_row, _("%s: a quoted field never closes"),
		     column_name(csv, csv->count + 1, name, sizeof name));
	}
}

/* Reads and parses the next chunk, or finishes at the end. */
static void
advance(ck_csv *csv)
{
	ssize_t n;

	if (csv->pending > 0) {
		/* What the open read ahead of a pipe; the carry is empty. */
		n = (ssize_t)csv->pending;
		csv->pending = 0;
	} else {
		do
			n = read(csv->fd, csv->raw + csv->carry, READ_CHUNK);
		while (n < 0 && errno == EINTR);
	}
	if (n < 0) {
		fail(csv, csv->next_row, _("read error: %s"), strerror(errno));
		return;
	}
	if (n == 0) {
		finish(csv);
		return;
	}
	if (csv->cd != (iconv_t)-1)
		convert(csv, csv->carry + (size_t)n);
	else
		feed(csv, csv->raw, (size_t)n);
}

int
ck_csv_next(ck_csv *csv, char ***fields, size_t *count,
	    unsigned long *row, char *err, size_t errsize)
{
	free(csv->current);
	csv->current = NULL;
	for (;;) {
		if (csv->head != NULL) {
			struct row *r = csv->head;

			csv->head = r->next;
			if (csv->head == NULL)
				csv->tail = NULL;
			csv->current = r;
			*fields = r->fields;
			*count = r->count;
			*row = r->number;
			return 1;
		}
		if (csv->failed) {
			message(err, errsize, "%s", csv->error);
			*row = csv->error_row;
			return -1;
		}
		if (csv->finished) {
			*row = csv->next_row - 1;
			return 0;
		}
		advance(csv);
	}
}

void
ck_csv_close(ck_csv *csv)
{
	struct row *r, *next;
	size_t i;

	if (csv == NULL)
		return;
	for (r = csv->head; r != NULL; r = next) {
		next = r->next;
		free(r);
	}
	free(csv->current);
	/* No csv_fini after an error or before the end: it would only make
	 * a row of what is left. */
	csv_free(&csv->parser);
	if (csv->cd != (iconv_t)-1)
		iconv_close(csv->cd);
	if (csv->fd != STDIN_FILENO)
		close(csv->fd);
	free(csv->encoding);
	free(csv->raw);
	free(csv->converted);
	free(csv->text);
	free(csv->offsets);
	for (i = 0; i < csv->header_count; i++)
		free(csv->header[i]);
	free(csv->header);
	free(csv);
}

bool
ck_csv_cell_is_formula(const char *text)
{
	return text != NULL && text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

/* Quotes are needed for the separator, a quote or a line end inside,
 * and for spaces at either end, which readers (libcsv too) trim from
 * unquoted cells. PREFIXED: a "'" will stand first. */
static bool
needs_quotes(const char *text, char delimiter, bool prefixed)
{
	size_t len = strlen(text);

	if (len == 0)
		return false;
	if ((delimiter != '\0' && strchr(text, delimiter) != NULL) ||
	    strpbrk(text, "\"\r\n") != NULL)
		return true;
	if (!prefixed && (text[0] == ' ' || text[0] == '\t'))
		return true;
	return text[len - 1] == ' ' || text[len - 1] == '\t';
}

/* The cell between quotes, each quote doubled (RFC 4180). Not
 * csv_fwrite: the "'" of a formula must go inside the quotes, and
 * csv_fwrite would need the two joined in a copy first. */
static bool
write_quoted(FILE *stream, const char *text, bool prefixed)
{
	const char *p;

	if (putc('"', stream) == EOF)
		return false;
	if (prefixed && putc('\'', stream) == EOF)
		return false;
	for (p = text; *p != '\0'; p++) {
		if (*p == '"' && putc('"', stream) == EOF)
			return false;
		if (putc(*p, stream) == EOF)
			return false;
	}
	return putc('"', stream) != EOF;
}

bool
ck_csv_write_row(FILE *stream, char delimiter, const char *const *cells,
		 const bool *numeric, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		const char *text = cells[i] != NULL ? cells[i] : "";
		bool prefixed = (numeric == NULL || !numeric[i]) &&
			ck_csv_cell_is_formula(text);

		if (i > 0 && putc(delimiter, stream) == EOF)
			return false;
		/* Cells are quoted only where they must be, as Excel writes
		 * them: the output reads and compares like a file made by
		 * hand. */
		if (needs_quotes(text, delimiter, prefixed)) {
			if (!write_quoted(stream, text, prefixed))
				return false;
			continue;
		}
		if (prefixed && putc('\'', stream) == EOF)
			return false;
		if (fputs(text, stream) == EOF)
			return false;
	}
	return fputs("\r\n", stream) != EOF;
}

bool
ck_csv_delimiter_parse(const char *text, char *out)
{
	unsigned char c;

	if (text == NULL)
		return false;
	if (strcmp(text, "tab") == 0 || strcmp(text, "\\t") == 0) {
		*out = '\t';
		return true;
	}
	if (strcmp(text, "semicolon") == 0) {
		*out = ';';
		return true;
	}
	if (strcmp(text, "comma") == 0) {
		*out = ',';
		return true;
	}
	if (text[0] == '\0' || text[1] != '\0')
		return false;
	c = (unsigned char)text[0];
	/* A byte of a UTF-8 sequence (§, ¤) is not a character of its own. */
	if (c == '"' || c == '\r' || c == '\n' || c >= 0x80)
		return false;
	*out = (char)c;
	return true;
}
