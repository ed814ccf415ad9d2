/* SPDX-License-Identifier: MPL-2.0 */
/* test-csv.c — unit tests of lib/csv.c: the CSV reader (row numbers as a
 * spreadsheet shows them, quoting, line ends, BOM, encodings, chunk
 * boundaries, bad input) and the CSV writer (quoting, formula prefix).
 *
 * Rows read are compared as one text, "ROW:cell|cell\n" per row, so that
 * a wrong row number, a lost row or a wrong cell all show in one place.
 * The large files are built so that the reader's 64 KiB chunks (READ_CHUNK
 * in csv.c) end inside a quoted field, between CR and LF, and inside a
 * character. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

#define CHUNK 65536

static char *tmp_paths[64];
static size_t n_tmp_paths;

/* A new temporary file holding LEN bytes of DATA; removed at the end. */
static const char *
tmp_file(const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	size_t size;
	char *path;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	size = strlen(dir) + sizeof "/test-csv-XXXXXX";
	path = malloc(size);
	snprintf(path, size, "%s/test-csv-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len || close(fd) != 0) {
		printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	tmp_paths[n_tmp_paths++] = path;
	return path;
}

/* A temporary file from a string literal (which may hold NUL bytes). */
#define TMP(literal) tmp_file(literal, sizeof literal - 1)

static void
remove_tmp_files(void)
{
	size_t i;

	for (i = 0; i < n_tmp_paths; i++) {
		unlink(tmp_paths[i]);
		free(tmp_paths[i]);
	}
}

/* What reading a whole file gave. */
struct result {
	char *dump;             /* "ROW:cell|cell\n" per row */
	size_t dump_len;
	int rc;                 /* the last ck_csv_next, -2: open failed */
	unsigned long row;      /* its row */
	char err[CK_MESSAGE_MAX];
	int again;              /* a call after the last: must repeat it */
	unsigned long again_row;
};

static void
read_csv(const char *path, char delimiter, const char *encoding,
	 struct result *res)
{
	FILE *out;
	ck_csv *csv;
	char **fields;
	size_t count, i;

	memset(res, 0, sizeof *res);
	out = open_memstream(&res->dump, &res->dump_len);
	csv = ck_csv_open(path, delimiter, encoding, res->err, sizeof res->err);
	if (csv == NULL) {
		res->rc = -2;
		fclose(out);
		return;
	}
	while ((res->rc = ck_csv_next(csv, &fields, &count, &res->row, res->err,
				      sizeof res->err)) == 1) {
		fprintf(out, "%lu:", res->row);
		for (i = 0; i < count; i++)
			fprintf(out, "%s%s", i > 0 ? "|" : "", fields[i]);
		fputc('\n', out);
	}
	{
		char again_err[CK_MESSAGE_MAX];

		res->again = ck_csv_next(csv, &fields, &count, &res->again_row,
					 again_err, sizeof again_err);
	}
	ck_csv_close(csv);
	fclose(out);
}

/* Reads a file that must read to the end without error. */
static void
reads_as(const char *path, char delimiter, const char *encoding,
	 const char *want, const char *name)
{
	struct result r;

	read_csv(path, delimiter, encoding, &r);
	is_str(r.dump, want, "%s: rows", name);
	is_int(r.rc, 0, "%s: ends well", name);
	if (r.rc != 0)
		printf("#   error at row %lu: %s\n", r.row, r.err);
	free(r.dump);
}

/* Reads a file that must give WANT_ROWS, then -1 at ROW with ERR. */
static void
fails_as(const char *path, char delimiter, const char *encoding,
	 const char *want_rows, unsigned long row, const char *err,
	 const char *name)
{
	struct result r;

	read_csv(path, delimiter, encoding, &r);
	is_str(r.dump, want_rows, "%s: rows before the error", name);
	is_int(r.rc, -1, "%s: bad input", name);
	is_int(r.row, row, "%s: at row %lu", name, row);
	is_str(r.err, err, "%s: message", name);
	ok(r.again == -1 && r.again_row == row, "%s: a further call gives the error again",
	   name);
	free(r.dump);
}

/* Compares long texts and shows only where they part. */
static void
same_text(const char *got, const char *want, const char *name)
{
	size_t i = 0;

	while (got[i] != '\0' && got[i] == want[i])
		i++;
	ok(got[i] == want[i], "%s", name);
	if (got[i] != want[i])
		printf("#   differ at byte %zu:\n#   got: '%.60s'\n#   expected: '%.60s'\n",
		       i, got + (i > 30 ? i - 30 : 0), want + (i > 30 ? i - 30 : 0));
}

/* ----------------------------------------------------------------- */

static void
test_basics(void)
{
	reads_as(TMP("id;name;born\nA-1;Alma;2019-04-03\nA-2;Bo, Jr;2020-01-01\n"),
		 ';', NULL,
		 "1:id|name|born\n2:A-1|Alma|2019-04-03\n3:A-2|Bo, Jr|2020-01-01\n",
		 "semicolon file with a header");
	reads_as(TMP("id,name\nA-1,\"Bo; Jr\"\n"), ',', "UTF-8",
		 "1:id|name\n2:A-1|Bo; Jr\n", "comma file, UTF-8 named");
	reads_as(TMP("a\tb\n  x  \t y z \n"), '\t', "utf8",
		 "1:a|b\n2:x|y z\n", "tab file; unquoted spaces trimmed");
	reads_as(TMP("h;i\n  \" x \" ;\"\"\n"), ';', NULL,
		 "1:h|i\n2: x |\n", "quoted spaces kept");
	reads_as(TMP(""), ';', NULL, "", "an empty file");
	reads_as(TMP("h;i\nA;B;C\nD\n"), ';', NULL, "1:h|i\n2:A|B|C\n3:D\n",
		 "rows of any length are handed out as they are");
}

static void
test_encodings(void)
{
	struct result r;

	reads_as(TMP("navn;by\n\xe6\x62ler;\xf8\xe5 \x80 5\n\xc6\xd8\xc5;\xc4\xd6\n"),
		 ';', "cp1252",
		 "1:navn|by\n2:\xc3\xa6\x62ler|\xc3\xb8\xc3\xa5 \xe2\x82\xac 5\n"
		 "3:\xc3\x86\xc3\x98\xc3\x85|\xc3\x84\xc3\x96\n",
		 "cp1252: æ ø å € Æ Ø Å Ä Ö converted to UTF-8");
	reads_as(TMP("\xef\xbb\xbfid;name\nA;B\n"), ';', NULL,
		 "1:id|name\n2:A|B\n", "UTF-8 BOM skipped");
	reads_as(TMP("\xef\xbb\xbf"), ';', NULL, "", "a file of only a BOM");
	reads_as(TMP("a\n\xef\xbb\xbf\x62\n"), ';', NULL,
		 "1:a\n2:\xef\xbb\xbf\x62\n", "a BOM not at the start is text");
	reads_as(TMP("\xff\xfei\0d\0;\0\xe6\0\n\0A\0;\0\xac\x20\n\0"), ';', "UTF-16LE",
		 "1:id|\xc3\xa6\n2:A|\xe2\x82\xac\n",
		 "UTF-16LE: its BOM, become U+FEFF, skipped after conversion");

	fails_as(TMP("h;i;j\nA;B;C\nD;E;\xe6x\nF\n"), ';', NULL,
		 "1:h|i|j\n2:A|B|C\n", 3, "column 3: not valid UTF-8",
		 "invalid UTF-8 without --encoding");
	fails_as(TMP("h\nA;B\0C\n"), ';', NULL, "1:h\n", 2,
		 "column 2: contains a NUL byte", "a NUL byte");
	fails_as(TMP("h\nA\n\"B\nC\";D\x81\x45\nE\n"), ';', "cp1252",
		 "1:h\n2:A\n", 3, "text not in the encoding cp1252",
		 "a byte cp1252 does not have: at the row of the record");
	fails_as(TMP("h\0\n\0A\0B"), ';', "UTF-16LE", "1:h\n", 2,
		 "text not in the encoding UTF-16LE",
		 "a file that ends inside a character");

	read_csv(TMP("a\n"), ';', "no-such-encoding", &r);
	is_int(r.rc, -2, "an unknown encoding: not opened");
	is_str(r.err, "unknown encoding no-such-encoding",
	       "an unknown encoding: named in the message");
	free(r.dump);
}

static void
test_rows(void)
{
	reads_as(TMP("id;x\r\nA;1\r\nB;\"2\"\r\nC;\r\n"), ';', NULL,
		 "1:id|x\n2:A|1\n3:B|2\n4:C|\n", "CRLF line ends");
	reads_as(TMP("id\r\n\r\nA\r\n\r\n\r\nB\r\n"), ';', NULL,
		 "1:id\n3:A\n6:B\n", "blank CRLF lines are one row each");
	reads_as(TMP("id\rA\r\rB"), ';', NULL, "1:id\n2:A\n4:B\n",
		 "CR line ends (old Mac)");
	reads_as(TMP("id\r\r\nA\n"), ';', NULL, "1:id\n3:A\n",
		 "CR, then a blank CRLF line");
	reads_as(TMP("id;text\n1;\"a;b\"\n2;\"say \"\"hi\"\"\"\n3;\"two\nlines\"\n"
		     "4;\"x\r\ny\"\n5;\"\"\"\"\n"), ';', NULL,
		 "1:id|text\n2:1|a;b\n3:2|say \"hi\"\n4:3|two\nlines\n"
		 "5:4|x\r\ny\n6:5|\"\n",
		 "quoted separators, doubled quotes, newlines kept as written");
	reads_as(TMP("h\n\nA\n;;\n   \n\"\";\"\"\nB\n"), ';', NULL,
		 "1:h\n3:A\n7:B\n",
		 "blank rows (also ';;' and spaces) counted and skipped");
	reads_as(TMP("h\n\"a\nb\nc\";x\nnext\n\n\"1\r\n2\";y\r\nlast\r\n"), ';', NULL,
		 "1:h\n2:a\nb\nc|x\n3:next\n5:1\r\n2|y\n6:last\n",
		 "a record spanning lines is one row");
	reads_as(TMP("h\nA;B"), ';', NULL, "1:h\n2:A|B\n",
		 "a last row without a line end");
	reads_as(TMP("h\r\n\"A\nB\""), ';', NULL, "1:h\n2:A\nB\n",
		 "a last quoted row without a line end");
	reads_as(TMP("h\nA;"), ';', NULL, "1:h\n2:A|\n",
		 "a last row ending in a separator");
	reads_as(TMP("h\n\n"), ';', NULL, "1:h\n", "blank rows at the end");
}

static void
test_bad_quotes(void)
{
	fails_as(TMP("h\nA\n\"B\nC\nD\n"), ';', NULL, "1:h\n2:A\n", 3,
		 "column 1: a quoted field never closes",
		 "a quote that never closes: the row it began");
	fails_as(TMP("h;i\n\n\"x\ny\";z\nA;\"B\r\nC\r\n"), ';', NULL,
		 "1:h|i\n3:x\ny|z\n", 4,
		 "column 2: a quoted field never closes",
		 "a quote that never closes, after a blank row and a span");
	fails_as(TMP("h;i\nA;B\"C;D\nE;F\n"), ';', NULL, "1:h|i\n", 2,
		 "column 2: a quote inside an unquoted field", "a stray quote");
	fails_as(TMP("h;i\n\"a\nb\";c\"d\n"), ';', NULL, "1:h|i\n", 2,
		 "column 2: a quote inside an unquoted field",
		 "a stray quote on the second line of a record: the record's row");
	fails_as(TMP("h\n\"A\"x\n"), ';', NULL, "1:h\n", 2,
		 "column 1: text after the closing quote of a field",
		 "text after a closing quote");
}

static void
test_limits(void)
{
	size_t field = (size_t)1 << 20;
	size_t size = field + 64;
	char *buf = malloc(size + 20001);
	size_t len;
	struct result r;

	/* A field of exactly 1 MiB is read whole. */
	len = (size_t)sprintf(buf, "h;i\nA;");
	memset(buf + len, 'x', field);
	len += field;
	buf[len++] = '\n';
	read_csv(tmp_file(buf, len), ';', NULL, &r);
	is_int(r.rc, 0, "a field of 1 MiB: read");
	ok(r.dump_len == 11 + field, "a field of 1 MiB: whole");
	free(r.dump);

	/* One byte more is too large. */
	len = (size_t)sprintf(buf, "h;i\nA;");
	memset(buf + len, 'x', field + 1);
	len += field + 1;
	buf[len++] = '\n';
	fails_as(tmp_file(buf, len), ';', NULL, "1:h|i\n", 2,
		 "column 2: field too large (more than 1 MiB)",
		 "a field over 1 MiB");
	fails_as(tmp_file(buf, len - 1), ';', NULL, "1:h|i\n", 2,
		 "column 2: field too large (more than 1 MiB)",
		 "a field over 1 MiB at the end of the file");

	/* An unclosed quote does not take the rest of a large file. */
	len = (size_t)sprintf(buf, "h\n\"A");
	memset(buf + len, '\n', field + 10);
	len += field + 10;
	fails_as(tmp_file(buf, len), ';', NULL, "1:h\n", 2,
		 "column 1: field too large (more than 1 MiB)",
		 "an unclosed quote in a large file");

	/* 10000 fields are a row; 10001 are not. */
	len = (size_t)sprintf(buf, "h\n");
	memset(buf + len, ';', 9999);
	len += 9999;
	buf[len++] = 'z';
	buf[len++] = '\n';
	read_csv(tmp_file(buf, len), ';', NULL, &r);
	is_int(r.rc, 0, "a row of 10000 fields: read");
	ok(r.dump_len == 4 + 2 + 9999 + 2, "a row of 10000 fields: all there");
	free(r.dump);
	buf[len - 2] = ';';
	buf[len - 1] = 'z';
	buf[len++] = '\n';
	fails_as(tmp_file(buf, len), ';', NULL, "1:h\n", 2,
		 "row too large (more than 10000 fields or 4 MiB)",
		 "a row of 10001 fields");
	free(buf);

	/* Four cells of 1 MiB are more than a row may hold. */
	buf = malloc(4 * (field + 1) + 16);
	len = (size_t)sprintf(buf, "h\nA;B\n");
	memset(buf + len, 'y', 4 * (field + 1));
	buf[len + field] = buf[len + 2 * field + 1] = buf[len + 3 * field + 2] = ';';
	len += 4 * (field + 1);
	buf[len - 1] = '\n';
	fails_as(tmp_file(buf, len), ';', NULL, "1:h\n2:A|B\n", 3,
		 "row too large (more than 10000 fields or 4 MiB)",
		 "a row of more than 4 MiB");
	free(buf);
}

static void
test_open(void)
{
	struct result r;
	const char *path = TMP("h;i\nA;B");
	int saved = dup(STDIN_FILENO);
	int fd = open(path, O_RDONLY);

	read_csv("/nonexistent/test-csv.csv", ';', NULL, &r);
	is_int(r.rc, -2, "a missing file: not opened");
	is_str(r.err, strerror(ENOENT), "a missing file: the system's reason");
	free(r.dump);

	read_csv(path, '"', NULL, &r);
	is_int(r.rc, -2, "a quote as delimiter: refused");
	free(r.dump);

	dup2(fd, STDIN_FILENO);
	close(fd);
	read_csv("-", ';', NULL, &r);
	is_str(r.dump, "1:h|i\n2:A|B\n", "\"-\" reads standard input");
	ok(fcntl(STDIN_FILENO, F_GETFD) != -1, "standard input is left open");
	free(r.dump);
	dup2(saved, STDIN_FILENO);
	close(saved);

	ck_csv_close(NULL);
	ok(1, "ck_csv_close(NULL) is fine");
	{
		/* Closed before the end: the rows not read are freed. */
		ck_csv *csv = ck_csv_open(TMP("a\nb\nc\n"), ';', NULL, r.err, sizeof r.err);
		char **fields;
		size_t count;
		unsigned long row;

		ok(csv != NULL && ck_csv_next(csv, &fields, &count, &row, r.err,
					      sizeof r.err) == 1 && row == 1,
		   "closed early: a first row");
		ck_csv_close(csv);
	}
}

/* Reads standard input made of messages of a SOCK_SEQPACKET socket: each
 * read() gets one message, so the text comes in the pieces given, as
 * from a slow pipe. */
static void
read_pieces(const char *const *pieces, const size_t *lengths, size_t n,
	    const char *encoding, struct result *res)
{
	int sv[2], saved = dup(STDIN_FILENO);
	size_t i;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) != 0) {
		printf("Bail out! socketpair: %s\n", strerror(errno));
		exit(1);
	}
	for (i = 0; i < n; i++)
		if (write(sv[1], pieces[i], lengths[i]) != (ssize_t)lengths[i]) {
			printf("Bail out! write: %s\n", strerror(errno));
			exit(1);
		}
	close(sv[1]);
	dup2(sv[0], STDIN_FILENO);
	close(sv[0]);
	read_csv("-", ';', encoding, res);
	dup2(saved, STDIN_FILENO);
	close(saved);
}

static void
test_pieces(void)
{
	static const char *const bom[] = { "\xef", "\xbb", "\xbfid;x\r", "\nA;B" };
	static const size_t bom_len[] = { 1, 1, 6, 4 };
	static const char *const half_bom[] = { "\xef\xbb", "x\n" };
	static const size_t half_bom_len[] = { 2, 2 };
	static const char *const utf16[] = { "\xff", "\xfeh", "\0\r", "\0", "\n\0\r\0\n", "\0" };
	static const size_t utf16_len[] = { 1, 2, 2, 1, 5, 1 };
	struct result r;

	read_pieces(bom, bom_len, 4, NULL, &r);
	is_str(r.dump, "1:id|x\n2:A|B\n", "pieces: a BOM read a byte at a time, CR and LF apart");
	is_int(r.rc, 0, "pieces: ends well");
	free(r.dump);
	read_pieces(half_bom, half_bom_len, 2, NULL, &r);
	ok(r.rc == -1 && r.row == 1 && strcmp(r.err, "column 1: not valid UTF-8") == 0,
	   "pieces: the start of a BOM and then other text is text");
	free(r.dump);
	read_pieces(utf16, utf16_len, 6, "UTF-16LE", &r);
	is_str(r.dump, "1:h\n", "pieces: UTF-16 cut inside characters, a blank CRLF row");
	is_int(r.row, 2, "pieces: the blank row counted");
	free(r.dump);
}

/* ----------------------------------------------------------------- */
/* Large files: the text is written in UTF-8 and converted to the file's
 * encoding piece by piece, so that its length in the file is known. */

struct big {
	iconv_t cd;             /* UTF-8 to the file's encoding, or -1 */
	size_t unit;            /* bytes of an ASCII character in the file */
	const char *wide;       /* a character of several bytes in the file */
	char *file;
	size_t len, cap;
	FILE *expect;           /* "ROW:cell|cell\n", as read_csv dumps */
	char *expect_text;
	size_t expect_len;
	unsigned long row;      /* the row the next line is */
};

static void
big_add(struct big *b, const char *utf8)
{
	size_t n = strlen(utf8);

	if (b->len + 4 * n + 4 > b->cap) {
		b->cap = (b->len + 4 * n + 4) * 2;
		b->file = realloc(b->file, b->cap);
	}
	if (b->cd == (iconv_t)-1) {
		memcpy(b->file + b->len, utf8, n);
		b->len += n;
	} else {
		char *in = (char *)utf8, *out = b->file + b->len;
		size_t inleft = n, outleft = b->cap - b->len;

		if (iconv(b->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			printf("Bail out! cannot convert test text: %s\n", strerror(errno));
			exit(1);
		}
		b->len = (size_t)(out - b->file);
	}
}

static void CK_PRINTF(2, 3)
big_expect(struct big *b, const char *fmt, ...)
{
	va_list ap;

	fprintf(b->expect, "%lu:", b->row);
	va_start(ap, fmt);
	vfprintf(b->expect, fmt, ap);
	va_end(ap);
	fputc('\n', b->expect);
}

/* Pads with ASCII until the file is LEN bytes long. */
static void
big_pad_to(struct big *b, size_t len, char c)
{
	char s[2] = { c, '\0' };

	while (b->len < len)
		big_add(b, s);
}

/* Builds ROWS rows with, at each 64 KiB boundary in turn, a quoted field
 * with newlines across it, a CRLF cut between CR and LF, and a character
 * of several bytes cut in two; a blank line after every 97th row; the
 * last row without a line end. */
static void
big_build(struct big *b, unsigned long rows)
{
	unsigned long i;
	size_t boundary = CHUNK;
	unsigned kind = 0;
	static const char note[] = "a note long enough to make the file span chunks";
	char line[256], pad[512];

	b->expect = open_memstream(&b->expect_text, &b->expect_len);
	b->row = 1;
	big_add(b, "id;name;note\n");
	big_expect(b, "id|name|note");
	b->row++;
	for (i = 1; i < rows - 1; i++) {
		size_t start;

		if (b->len + 300 * b->unit > boundary) {
			switch (kind++ % 3) {
			case 0:
				snprintf(line, sizeof line, "S%lu;\"", i);
				big_add(b, line);
				start = b->len;
				big_pad_to(b, boundary, 'a');
				memset(pad, 'a', sizeof pad);
				big_add(b, "\nsecond; line\r\nthird \"\"line\"\"\";tail\n");
				big_expect(b, "S%lu|%.*s\nsecond; line\r\nthird \"line\"|tail", i,
					   (int)((boundary - start) / b->unit),
					   pad);
				b->row++;
				break;
			case 1:
				snprintf(line, sizeof line, "C%lu;", i);
				big_add(b, line);
				start = b->len;
				big_pad_to(b, boundary - b->unit, 'p');
				memset(pad, 'p', sizeof pad);
				big_add(b, "\r\n\r\n");
				big_expect(b, "C%lu|%.*s", i, (int)((boundary - b->unit - start) / b->unit),
					   pad);
				b->row += 2;
				break;
			default:
				snprintf(line, sizeof line, "M%lu;", i);
				big_add(b, line);
				start = b->len;
				big_pad_to(b, boundary - b->unit, 'q');
				memset(pad, 'q', sizeof pad);
				big_add(b, b->wide);
				big_add(b, "\xc3\xa6\n");
				big_expect(b, "M%lu|%.*s%s\xc3\xa6", i,
					   (int)((boundary - b->unit - start) / b->unit),
					   pad,
					   b->wide);
				b->row++;
				break;
			}
			boundary += CHUNK;
			continue;
		}
		switch (i % 3) {
		case 0:
			snprintf(line, sizeof line, "R%lu;Name number %lu;%s\n", i, i, note);
			big_add(b, line);
			big_expect(b, "R%lu|Name number %lu|%s", i, i, note);
			break;
		case 1:
			snprintf(line, sizeof line,
				 "R%lu;\"Nielsen; Hans %lu\";\"say \"\"hej\"\" \"\r\n", i, i);
			big_add(b, line);
			big_expect(b, "R%lu|Nielsen; Hans %lu|say \"hej\" ", i, i);
			break;
		default:
			snprintf(line, sizeof line,
				 "R%lu;\xc3\x86r\xc3\xb8 \xc3\x85se %lu;%s 5 og \xc3\xa6\xc3\xb8\xc3\xa5 %s\n",
				 i, i, b->wide, b->wide);
			big_add(b, line);
			big_expect(b, "R%lu|\xc3\x86r\xc3\xb8 \xc3\x85se %lu|%s 5 og \xc3\xa6\xc3\xb8\xc3\xa5 %s",
				   i, i, b->wide, b->wide);
			break;
		}
		b->row++;
		if (i % 97 == 0) {
			big_add(b, "\n");
			b->row++;
		}
	}
	big_add(b, "END;last;row");
	big_expect(b, "END|last|row");
	fclose(b->expect);
}

static void
test_big(const char *encoding, const char *wide, unsigned long rows,
	 const char *name)
{
	struct big b;
	struct result r;
	char title[128];

	memset(&b, 0, sizeof b);
	b.cd = encoding != NULL ? iconv_open(encoding, "UTF-8") : (iconv_t)-1;
	b.unit = encoding != NULL && strcmp(encoding, "UTF-16LE") == 0 ? 2 : 1;
	b.wide = wide;
	big_build(&b, rows);
	printf("# %s: %zu bytes, %lu rows, %zu chunks\n", name, b.len, b.row,
	       b.len / CHUNK + 1);
	ok(b.len > 3 * CHUNK, "%s: the file spans more than three chunks", name);
	read_csv(tmp_file(b.file, b.len), ';', encoding, &r);
	snprintf(title, sizeof title, "%s: every row, every cell, every row number", name);
	same_text(r.dump, b.expect_text, title);
	is_int(r.rc, 0, "%s: ends well", name);
	if (r.rc != 0)
		printf("#   error at row %lu: %s\n", r.row, r.err);
	is_int(r.row, b.row, "%s: the last row's number", name);
	free(r.dump);
	free(b.expect_text);
	free(b.file);
	if (b.cd != (iconv_t)-1)
		iconv_close(b.cd);
}

/* ----------------------------------------------------------------- */

/* The text ck_csv_write_row writes. */
static char *
written(char delimiter, const char *const *cells, const bool *numeric,
	size_t count)
{
	char *text = NULL;
	size_t len;
	FILE *out = open_memstream(&text, &len);

	if (!ck_csv_write_row(out, delimiter, cells, numeric, count))
		fputs("(write failed)", out);
	fclose(out);
	return text;
}

static void
test_writer(void)
{
	static const char *const cells[] = {
		"id", "=SUM(A1)", "-5", "-5", "a;b", "say \"hi\"", " lead",
		"trail ", "two\nlines", "", NULL, "a,b", "\xc3\xa6\xc3\xb8"
	};
	static const bool numeric[] = {
		false, false, false, true, false, false, false,
		false, false, false, false, false, false
	};
	static const char *const formulas[] = {
		"+1", "@x", "\tx", "\rx", "=a;b", "1+1", "-"
	};
	static const bool numbers[] = { true, true, true, true, true, true, true };
	char *text;
	FILE *full;

	text = written(';', cells, numeric, 13);
	is_str(text, "id;'=SUM(A1);'-5;-5;\"a;b\";\"say \"\"hi\"\"\";\" lead\";"
	       "\"trail \";\"two\nlines\";;;a,b;\xc3\xa6\xc3\xb8\r\n",
	       "writer: quoting only where needed, formula prefix, CRLF");
	free(text);
	text = written(',', cells + 10, NULL, 3);
	is_str(text, ",\"a,b\",\xc3\xa6\xc3\xb8\r\n", "writer: the delimiter decides what is quoted");
	free(text);
	text = written(';', formulas, NULL, 7);
	is_str(text, "'+1;'@x;'\tx;\"'\rx\";\"'=a;b\";1+1;'-\r\n",
	       "writer: every formula start prefixed, inside the quotes when quoted");
	free(text);
	text = written(';', formulas, numbers, 7);
	is_str(text, "+1;@x;\"\tx\";\"\rx\";\"=a;b\";1+1;-\r\n",
	       "writer: a number is never prefixed");
	free(text);
	text = written(';', cells, numeric, 0);
	is_str(text, "\r\n", "writer: no cells, a line end");
	free(text);

	ok(ck_csv_cell_is_formula("=") && ck_csv_cell_is_formula("+") &&
	   ck_csv_cell_is_formula("-x") && ck_csv_cell_is_formula("@") &&
	   ck_csv_cell_is_formula("\t") && ck_csv_cell_is_formula("\r"),
	   "formula: = + - @ TAB CR");
	ok(!ck_csv_cell_is_formula("") && !ck_csv_cell_is_formula("a=") &&
	   !ck_csv_cell_is_formula("'=") && !ck_csv_cell_is_formula(" =") &&
	   !ck_csv_cell_is_formula("\n") && !ck_csv_cell_is_formula(NULL),
	   "formula: not otherwise");

	full = fopen("/dev/full", "w");
	if (full != NULL) {
		setvbuf(full, NULL, _IONBF, 0);
		errno = 0;
		ok(!ck_csv_write_row(full, ';', cells, numeric, 13) && errno == ENOSPC,
		   "writer: a write error is false, errno set");
		fclose(full);
	} else {
		ok(1, "# SKIP no /dev/full");
	}

	/* What the writer writes, the reader reads back (the prefix aside). */
	{
		static const char *const back[] = {
			"id", "a;b", "say \"hi\"", " lead", "trail ", "two\nlines",
			"x\r\ny", "\xc3\xa6\xc3\xb8", "plain"
		};
		char *file = NULL;
		size_t len;
		FILE *out = open_memstream(&file, &len);
		struct result r;

		ck_csv_write_row(out, ';', back, NULL, 9);
		ck_csv_write_row(out, ';', back + 8, NULL, 1);
		fclose(out);
		read_csv(tmp_file(file, len), ';', NULL, &r);
		is_str(r.dump, "1:id|a;b|say \"hi\"| lead|trail |two\nlines|x\r\ny|"
		       "\xc3\xa6\xc3\xb8|plain\n2:plain\n", "writer and reader agree");
		free(r.dump);
		free(file);
	}
}

static void
test_delimiter(void)
{
	char d = 'X';

	ok(ck_csv_delimiter_parse(";", &d) && d == ';', "delimiter ';'");
	ok(ck_csv_delimiter_parse("|", &d) && d == '|', "delimiter '|'");
	ok(ck_csv_delimiter_parse("\t", &d) && d == '\t', "delimiter TAB itself");
	d = 'X';
	ok(ck_csv_delimiter_parse("tab", &d) && d == '\t', "delimiter 'tab'");
	d = 'X';
	ok(ck_csv_delimiter_parse("\\t", &d) && d == '\t', "delimiter '\\t'");
	ok(ck_csv_delimiter_parse("semicolon", &d) && d == ';', "delimiter 'semicolon'");
	ok(ck_csv_delimiter_parse("comma", &d) && d == ',', "delimiter 'comma'");
	d = 'X';
	ok(!ck_csv_delimiter_parse("\"", &d) && !ck_csv_delimiter_parse("\r", &d) &&
	   !ck_csv_delimiter_parse("\n", &d), "no quote, CR or LF");
	ok(!ck_csv_delimiter_parse("", &d) && !ck_csv_delimiter_parse(";;", &d) &&
	   !ck_csv_delimiter_parse("pipe", &d) && !ck_csv_delimiter_parse(NULL, &d),
	   "no empty, longer or unknown values");
	ok(!ck_csv_delimiter_parse("\xc2\xa7", &d) && !ck_csv_delimiter_parse("\xa7", &d),
	   "no character of several bytes, nor a byte of one");
	ok(d == 'X', "a refused value leaves the delimiter as it was");
}

int
main(void)
{
	test_basics();
	test_encodings();
	test_rows();
	test_bad_quotes();
	test_limits();
	test_open();
	test_pieces();
	test_big(NULL, "\xf0\x9f\x98\x80", 5000, "UTF-8, 5000 rows");
	test_big("CP1252", "\xe2\x82\xac", 5000, "cp1252, 5000 rows");
	test_big("UTF-16LE", "\xf0\x9f\x98\x80", 3000, "UTF-16LE, 3000 rows");
	test_writer();
	test_delimiter();
	remove_tmp_files();
	return done_testing();
}
