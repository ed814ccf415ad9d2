/* SPDX-License-Identifier: MPL-2.0 */
/* mail.c — the coordinators' reminders as Internet messages (case-report
 * --reminders --mail; design section 5.6, "Mail").
 *
 * A message is RFC 5322 with MIME (RFC 2045-2047): UTF-8 text, its body
 * quoted-printable so that every line is short 7-bit text whatever the
 * mail system between, the Subject an encoded word when it is not ASCII.
 * Every address put in a header is first checked to be exactly one
 * address: a contact such as "x@evil.example, y@kommune.dk" would
 * otherwise be two recipients, one of them outside the allowed domains,
 * and a line end in one would forge headers.
 *
 * A message is handed to a command (sendmail -t -oi) on its standard
 * input; the command's failure is the message's, and the caller goes on
 * with the next. */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "internal.h"

/* An encoded word is at most 75 characters (RFC 2047 section 2). */
#define ENCODED_WORD_MAX 75
/* A quoted-printable line is at most 76 characters (RFC 2045 6.7). */
#define QP_LINE_MAX 76

bool
ck_mail_address_valid(const char *text)
{
	const unsigned char *p;
	const char *at;

	if (text == NULL || (at = strchr(text, '@')) == NULL || at == text ||
	    at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return false;
	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		/* Anything that parts, groups, quotes or comments addresses in
		 * a header, and every control character (a line end would
		 * start a header of its own). */
		if (*p <= ' ' || *p == 0x7f || strchr(",<>;:\"()[]\\", *p) != NULL)
			return false;
	}
	/* A domain of labels: no empty one, no '.' at either end. */
	return at[1] != '.' && text[strlen(text) - 1] != '.' && strstr(at, "..") == NULL;
}

bool
ck_mail_address_allowed(const char *address, char *const *domains, size_t ndomains)
{
	if (!ck_mail_address_valid(address))
		return false;
	return ndomains == 0 || ck_domain_within(strchr(address, '@') + 1, domains, ndomains);
}

static bool
is_ascii(const char *text)
{
	for (; *text != '\0'; text++)
		if ((unsigned char)*text >= 0x80)
			return false;
	return true;
}

/* Writes TEXT to M as RFC 2047 "Q" encoded words of UTF-8, each at most
 * ENCODED_WORD_MAX long, the next ones folded onto lines of their own;
 * a UTF-8 character is never split between words. USED: the columns the
 * line already holds (fewer than 40). */
static void
put_encoded_words(FILE *m, const char *text, size_t used)
{
	static const char head[] = "=?UTF-8?Q?", tail[] = "?=";
	const unsigned char *p = (const unsigned char *)text;
	size_t room, width;

	fputs(head, m);
	/* The first word shares its line with the header's name. */
	room = ENCODED_WORD_MAX + 1 - used - (sizeof head - 1) - (sizeof tail - 1);
	while (*p != '\0') {
		size_t n = 1, k;

		/* The bytes of one character. */
		if (*p >= 0x80)
			while ((p[n] & 0xC0) == 0x80)
				n++;
		width = 0;
		for (k = 0; k < n; k++)
			width += (p[k] >= 0x80 || p[k] == '=' || p[k] == '?' || p[k] == '_' ||
				  p[k] < 0x20) ? 3 : 1;
		if (width > room) {
			fprintf(m, "%s\n %s", tail, head);
			room = ENCODED_WORD_MAX - (sizeof head - 1) - (sizeof tail - 1);
		}
		for (k = 0; k < n; k++) {
			if (p[k] == ' ')
				fputc('_', m);
			else if (p[k] >= 0x80 || p[k] == '=' || p[k] == '?' || p[k] == '_' ||
				 p[k] < 0x20)
				fprintf(m, "=%02X", p[k]);
			else
				fputc(p[k], m);
		}
		room -= width;
		p += n;
	}
	fputs(tail, m);
}

/* Writes BODY to M quoted-printable: lines of at most QP_LINE_MAX with
 * soft breaks, '=', bytes outside printable ASCII, and a space or tab
 * at a line's end encoded. */
static void
put_quoted_printable(FILE *m, const char *body)
{
	const unsigned char *p = (const unsigned char *)body;
	size_t column = 0;

	while (*p != '\0') {
		char piece[32];
		size_t n = 0, bytes = 1, k;

		if (*p == '\n') {
			fputc('\n', m);
			column = 0;
			p++;
			continue;
		}
		/* A UTF-8 character stays on one line, whole. */
		if (*p >= 0xC0)
			while (bytes < 4 && (p[bytes] & 0xC0) == 0x80)
				bytes++;
		for (k = 0; k < bytes; k++) {
			bool last = k + 1 == bytes && (p[k + 1] == '\n' || p[k + 1] == '\0');

			if (p[k] == '=' || p[k] >= 0x7f || (p[k] < 0x20 && p[k] != '\t') ||
			    ((p[k] == ' ' || p[k] == '\t') && last))
				n += (size_t)snprintf(piece + n, sizeof piece - n, "=%02X", p[k]);
			else
				piece[n++] = (char)p[k];
		}
		piece[n] = '\0';
		/* Room for the piece and a soft break's '='. */
		if (column + n > QP_LINE_MAX - 1) {
			fputs("=\n", m);
			column = 0;
		}
		fputs(piece, m);
		column += n;
		p += bytes;
	}
	if (column > 0)
		fputs("=\n", m);
}

/* The day of the week and month of RFC 5322's date. */
static const char *const weekdays[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* "Thu, 03 Dec 2026 07:39:31 +0000" from an RFC 3339 UTC timestamp,
 * into BUF (at least 32 bytes). */
static void
mail_date(const char *timestamp, char *buf, size_t size)
{
	char day_text[CK_DATE_SIZE];
	ck_date day = 0;
	int month;

	memcpy(day_text, timestamp, 10);
	day_text[10] = '\0';
	(void)ck_date_parse(day_text, &day);
	month = atoi(timestamp + 5);
	if (month < 1 || month > 12)
		month = 1;
	snprintf(buf, size, "%s, %.2s %s %.4s %.8s +0000",
		 weekdays[((day % 7) + 7) % 7], timestamp + 8, months[month - 1], timestamp,
		 timestamp + 11);
}

/* A number from TEXT, for a Message-ID: FNV-1a. */
static unsigned long
text_hash(const char *text)
{
	unsigned long h = 2166136261UL;

	for (; *text != '\0'; text++)
		h = ((h ^ (unsigned char)*text) * 16777619UL) & 0xffffffffUL;
	return h;
}

char *
ck_mail_message(const ck_mail *mail, size_t *length)
{
	char *text = NULL, date[40], stamp[CK_TIMESTAMP_SIZE], compact[16];
	const char *now = mail->now, *domain = strchr(mail->from, '@') + 1;
	size_t size = 0, i, k;
	FILE *m = open_memstream(&text, &size);

	oom_unless(m != NULL);
	if (now == NULL)
		now = ck_now(stamp);
	mail_date(now, date, sizeof date);
	/* The time, digits only: 20261203T073931. */
	for (i = 0, k = 0; now[i] != '\0' && k < sizeof compact - 1; i++)
		if ((now[i] >= '0' && now[i] <= '9') || now[i] == 'T')
			compact[k++] = now[i];
	compact[k] = '\0';
	fprintf(m, "From: %s\n", mail->from);
	if (mail->to != NULL)
		fprintf(m, "To: %s\n", mail->to);
	fputs("Subject: ", m);
	if (is_ascii(mail->subject))
		fputs(mail->subject, m);
	else
		put_encoded_words(m, mail->subject, sizeof "Subject: " - 1);
	fputc('\n', m);
	fprintf(m, "Date: %s\n", date);
	/* Unique for the run (the process, the message's place) and across
	 * runs (the time), never naming the recipient. */
	fprintf(m, "Message-ID: <casekit.%s.%ld.%zu.%08lx@%s>\n", compact, (long)getpid(),
		mail->sequence, text_hash(mail->to != NULL ? mail->to : ""), domain);
	/* RFC 3834: no vacation reply or loop back to the sender. */
	fputs("Auto-Submitted: auto-generated\n", m);
	fputs("MIME-Version: 1.0\n", m);
	fputs("Content-Type: text/plain; charset=UTF-8\n", m);
	fputs("Content-Transfer-Encoding: quoted-printable\n", m);
	if (mail->language != NULL)
		fprintf(m, "Content-Language: %s\n", mail->language);
	fputc('\n', m);
	put_quoted_printable(m, mail->body);
	oom_unless(fclose(m) == 0);
	*length = size;
	return text;
}

bool
ck_mail_send(const char *command, const char *message, size_t length)
{
	struct sigaction ignore, saved;
	int pipefd[2], status, err = 0;
	size_t done = 0;
	bool good = true;
	pid_t pid;

	if (pipe(pipefd) != 0)
		return false;
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return false;
	}
	if (pid == 0) {
		/* The command reads the message on its standard input; its
		 * output is not ours to mix with the digests. */
		if (dup2(pipefd[0], STDIN_FILENO) < 0)
			_exit(127);
		close(pipefd[0]);
		close(pipefd[1]);
		if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(pipefd[0]);
	/* A command that ends without reading all is a failed message, not
	 * the end of the run. */
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &saved);
	while (done < length) {
		ssize_t n = write(pipefd[1], message + done, length - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			good = false;
			err = errno;
			break;
		}
		done += (size_t)n;
	}
	close(pipefd[1]);
	sigaction(SIGPIPE, &saved, NULL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	errno = err;
	return good && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool
ck_domain_within(const char *domain, char *const *domains, size_t count)
{
	size_t length = strlen(domain), i;

	for (i = 0; i < count; i++) {
		const char *allowed = domains[i];
		size_t n = allowed != NULL ? strlen(allowed) : 0;

		if (n == 0)
			continue;
		if (length == n && ascii_equal_nocase(domain, allowed))
			return true;
		/* Below it: "x.kommune.dk" under "kommune.dk", never
		 * "evilkommune.dk". */
		if (length > n && domain[length - n - 1] == '.'
		    && ascii_equal_nocase(domain + length - n, allowed))
			return true;
	}
	return false;
}
