/* SPDX-License-Identifier: MPL-2.0 */
/* test-mail.c — unit tests of lib/mail.c: one address and nothing else,
 * the message's headers, its encoded Subject and quoted-printable body
 * decoded back, and handing it to a command. Synthetic addresses only. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static char root[] = "/tmp/casekit-test-mail.XXXXXX";

static bool
contains(const char *text, const char *part)
{
	return text != NULL && strstr(text, part) != NULL;
}

static void
test_addresses(void)
{
	static const char *const good[] = {
		"meho@kommune.dk", "Anna.Berg+Team@Kommune.dk", "a@b.c", "x_y-z@nord.kommune.dk",
	};
	static const char *const bad[] = {
		"x@evil.example, y@kommune.dk", "x@evil.example,y@kommune.dk",
		"a@b@kommune.dk", "@kommune.dk", "meho@", "meho", "", "meho @kommune.dk",
		"Meho <meho@kommune.dk>", "<meho@kommune.dk>", "meho@kommune.dk\nBcc: x@evil.example",
		"meho@kommune.dk\r", "\"meho\"@kommune.dk", "meho@kommune..dk", "meho@.kommune.dk",
		"meho@kommune.dk.", "team: meho@kommune.dk;", "meho@kommune.dk (Meho)",
		"meho\t@kommune.dk", "root,meho@kommune.dk",
	};
	char *within[] = { "kommune.dk" };
	size_t i;

	for (i = 0; i < sizeof good / sizeof *good; i++)
		ok(ck_mail_address_valid(good[i]), "one address: \"%s\"", good[i]);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(!ck_mail_address_valid(bad[i]), "not one address: \"%s\"", bad[i]);
	ok(!ck_mail_address_valid(NULL), "NULL is no address");
	ok(ck_mail_address_allowed("meho@kommune.dk", within, 1), "allowed: in the domain");
	ok(ck_mail_address_allowed("s@nord.Kommune.DK", within, 1), "allowed: below it, any case");
	ok(!ck_mail_address_allowed("x@evil.example, y@kommune.dk", within, 1),
	   "never allowed: a second address after a comma, though it ends in the domain");
	ok(!ck_mail_address_allowed("x@evil.example@kommune.dk", within, 1),
	   "never allowed: a second '@'");
	ok(!ck_mail_address_allowed("x@evilkommune.dk", within, 1), "not allowed: evilkommune.dk");
	ok(ck_mail_address_allowed("x@andetsted.dk", NULL, 0), "no domains: any address");
	ok(!ck_mail_address_allowed("Teamleder Nord", NULL, 0), "no domains: still an address");
}

/* The value of header NAME in MESSAGE, unfolded (a new string), or NULL. */
static char *
header(const char *message, const char *name)
{
	size_t n = strlen(name);
	const char *p = message, *end;
	char *value, *out;

	while (*p != '\0' && *p != '\n') {
		if (strncmp(p, name, n) == 0 && p[n] == ':') {
			p += n + 1;
			while (*p == ' ')
				p++;
			end = p;
			while (*end != '\0' && !(end[0] == '\n' && end[1] != ' '))
				end++;
			value = malloc((size_t)(end - p) + 1);
			if (value == NULL)
				exit(99);
			for (out = value; p < end; p++)
				if (*p != '\n')
					*out++ = *p;
			*out = '\0';
			return value;
		}
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
	}
	return NULL;
}

static int
hex(char c)
{
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - '0';
}

/* Decodes RFC 2047 "Q" words of UTF-8 (the only kind casekit writes);
 * a new string. */
static char *
decode_words(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	const char *p = text;

	if (out == NULL)
		exit(99);
	while (*p != '\0') {
		if (strncmp(p, "=?UTF-8?Q?", 10) == 0) {
			p += 10;
			while (*p != '\0' && strncmp(p, "?=", 2) != 0) {
				if (*p == '_')
					*o++ = ' ', p++;
				else if (*p == '=')
					*o++ = (char)(hex(p[1]) * 16 + hex(p[2])), p += 3;
				else
					*o++ = *p++;
			}
			if (*p != '\0')
				p += 2;
			/* Space between two encoded words is not text. */
			while (*p == ' ' && strncmp(p + 1, "=?", 2) == 0)
				p++;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

/* Decodes a quoted-printable body; a new string. */
static char *
decode_qp(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	const char *p = text;

	if (out == NULL)
		exit(99);
	while (*p != '\0') {
		if (p[0] == '=' && p[1] == '\n')
			p += 2;
		else if (*p == '=')
			*o++ = (char)(hex(p[1]) * 16 + hex(p[2])), p += 3;
		else
			*o++ = *p++;
	}
	*o = '\0';
	return out;
}

/* The longest line of TEXT. */
static size_t
longest_line(const char *text)
{
	size_t most = 0, n;
	const char *nl;

	for (;;) {
		nl = strchr(text, '\n');
		n = nl != NULL ? (size_t)(nl - text) : strlen(text);
		if (n > most)
			most = n;
		if (nl == NULL)
			return most;
		text = nl + 1;
	}
}

#define BODY_DA \
	"Påmindelser pr. 2026-11-22\n" \
	"Lovbestemte frister\n" \
	"  DUBU-1002  overskredet  2026-11-01  En børnefaglig undersøgelse skal afsluttes " \
	"(BL § 32, 2026-05-20) (2×)\n" \
	"  a = b, trailing space \n" \
	"  " "æøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøåæøå\n"

static void
test_message(void)
{
	ck_mail mail = {
		"casekit@kommune.dk", "Anna.Berg+Team@Kommune.dk",
		"casekit: 1 overskredet, 3 frister, 2 mangler — påmindelser til koordinerende "
		"sagsbehandler", BODY_DA, "da", "2026-11-22T06:00:00Z", 3
	};
	char *text, *value, *decoded, *body;
	size_t length;

	text = ck_mail_message(&mail, &length);
	ok(length == strlen(text), "the length returned");
	value = header(text, "From");
	is_str(value, "casekit@kommune.dk", "From: the site's mail_from");
	free(value);
	value = header(text, "To");
	is_str(value, "Anna.Berg+Team@Kommune.dk", "To: the contact exactly as recorded");
	free(value);
	value = header(text, "Date");
	is_str(value, "Sun, 22 Nov 2026 06:00:00 +0000", "Date: RFC 5322, from the time given");
	free(value);
	value = header(text, "Message-ID");
	ok(value != NULL && value[0] == '<' && contains(value, "@kommune.dk>") &&
	   !contains(value, "Anna") && !contains(value, "anna"),
	   "Message-ID: <...@the sender's domain>, not naming the recipient");
	free(value);
	value = header(text, "Auto-Submitted");
	is_str(value, "auto-generated", "Auto-Submitted: auto-generated");
	free(value);
	value = header(text, "MIME-Version");
	is_str(value, "1.0", "MIME-Version");
	free(value);
	value = header(text, "Content-Type");
	is_str(value, "text/plain; charset=UTF-8", "Content-Type: UTF-8 text");
	free(value);
	value = header(text, "Content-Transfer-Encoding");
	is_str(value, "quoted-printable", "the body quoted-printable");
	free(value);
	value = header(text, "Content-Language");
	is_str(value, "da", "Content-Language: the reader's");
	free(value);
	value = header(text, "Subject");
	ok(value != NULL && strncmp(value, "=?UTF-8?Q?", 10) == 0,
	   "Subject: not ASCII, so encoded words");
	decoded = value != NULL ? decode_words(value) : NULL;
	is_str(decoded, mail.subject, "Subject: decodes to the text");
	free(decoded);
	free(value);
	body = strstr(text, "\n\n");
	ok(body != NULL, "a blank line after the headers");
	if (body != NULL) {
		char *headers = strndup(text, (size_t)(body - text));

		ok(longest_line(body + 2) <= 76, "the body's lines at most 76 characters");
		ok(longest_line(headers) <= 78, "the headers' lines at most 78 characters");
		ok(strspn(body, "\n =0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			  ".,:;()-+'/_?!<>|*#\t") == strlen(body),
		   "the body is 7-bit text");
		ok(!contains(body, " \n") && !contains(body, " =\n="),
		   "no space at a line's end: encoded");
		decoded = decode_qp(body + 2);
		is_str(decoded, BODY_DA, "the body decodes to the digest, byte for byte");
		free(decoded);
		free(headers);
	}
	free(text);

	mail.subject = "casekit: 2 deadlines, 1 missing";
	mail.to = NULL;
	mail.language = NULL;
	text = ck_mail_message(&mail, &length);
	value = header(text, "Subject");
	is_str(value, "casekit: 2 deadlines, 1 missing", "an ASCII Subject as it is");
	free(value);
	ok(header(text, "To") == NULL, "no recipient: no To:");
	ok(header(text, "Content-Language") == NULL, "no language: no Content-Language");
	free(text);
}

static void
test_send(void)
{
	char command[600], path[512], got[256] = "";
	const char *message = "Subject: x\n\nhello\n";
	FILE *f;
	size_t n;
	char *big;

	snprintf(path, sizeof path, "%s/received", root);
	snprintf(command, sizeof command, "cat > '%s'", path);
	ok(ck_mail_send(command, message, strlen(message)), "send: a command that reads it all");
	f = fopen(path, "r");
	n = f != NULL ? fread(got, 1, sizeof got - 1, f) : 0;
	got[n] = '\0';
	if (f != NULL)
		fclose(f);
	is_str(got, message, "send: the command received the message on its standard input");
	ok(!ck_mail_send("exit 75", message, strlen(message)), "send: a command that fails");
	ok(!ck_mail_send("kill -9 $$", message, strlen(message)), "send: a command killed");
	ok(!ck_mail_send("/nonexistent/sendmail -t", message, strlen(message)),
	   "send: a command that is not there");
	/* More than a pipe holds, to a command that reads nothing: the
	 * write fails (SIGPIPE ignored), the program goes on. */
	big = malloc(1 << 20);
	if (big == NULL)
		exit(99);
	memset(big, 'x', 1 << 20);
	ok(!ck_mail_send("exec 0<&-; sleep 0; exit 0", big, 1 << 20),
	   "send: a command that stops reading: failed, and the program lives");
	free(big);
	ok(ck_mail_send("cat >/dev/null", message, strlen(message)), "send: and the next is sent");
}

int
main(void)
{
	char command[600];

	if (mkdtemp(root) == NULL)
		return 99;
	ck_init("test-mail");
	test_addresses();
	test_message();
	test_send();
	snprintf(command, sizeof command, "rm -rf '%s'", root);
	if (system(command) != 0)
		printf("# could not remove %s\n", root);
	return done_testing();
}
