/* SPDX-License-Identifier: MPL-2.0 */
/* messages.c — the program's name, error messages and the exit check of
 * standard output. Messages go to standard error as
 * "PROGRAM: FILE:LINE: FIELD: message" and never hold a value from a
 * record: the callers pass field names and places only. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#if defined(__GLIBC__) || defined(HAVE_MALLOC_H)
#include <malloc.h>
#endif
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

static const char *program_name = "casekit";

const char *
ck_program_name(void)
{
	return program_name;
}

const char *
ck_gettext(const char *msgid)
{
	return _(msgid);
}

/* The functions ck_at_exit registered, run the latest first. */
#define AT_EXIT_MAX 8
static void (*at_exit_fns[AT_EXIT_MAX])(void);
static int at_exit_count;

/* Whether a failure to write standard output was said already. */
static bool output_error_said;

void
ck_output_error(void)
{
	int err = errno;

	if (output_error_said)
		return;
	output_error_said = true;
	if (err != 0)
		ck_error(_("writing output failed: %s"), strerror(err));
	else
		ck_error(_("writing output failed"));
}

/* Standard output is checked at exit, so that a full disk is never
 * silent (as recutils and jq do), and said once. A reader that left has
 * already ended us by SIGPIPE. Returns false when it failed (reported). */
static bool
close_stdout(void)
{
	bool failed = false;
	int err = 0;

	if (fflush(stdout) != 0 || ferror(stdout)) {
		failed = true;
		err = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		err = errno;
	}
	if (failed) {
		errno = err;
		ck_output_error();
	}
	return !failed;
}

static void
run_at_exit(void)
{
	while (at_exit_count > 0)
		at_exit_fns[--at_exit_count]();
}

/* At a normal exit (a return from main, exit()). */
static void
finish(void)
{
	run_at_exit();
	if (!close_stdout())
		_exit(CK_EXIT_TROUBLE);
	/* Standard error stays open: a sanitizer writes its report there
	 * after us. */
	if (fflush(stderr) != 0)
		_exit(CK_EXIT_TROUBLE);
}

void
ck_exit(int status)
{
	/* The work of an exit, without freeing what the program held:
	 * the system takes it back, and leak checkers need not be told. */
	run_at_exit();
	if (!close_stdout() && status == CK_EXIT_OK)
		status = CK_EXIT_TROUBLE;
	fflush(stderr);
	_exit(status);
}

bool
running_uninstalled(void)
{
	static const char build[] = CK_BUILD_DIR "/";
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return false;
	exe[n] = '\0';
	return strncmp(exe, build, sizeof build - 1) == 0;
}

#if ENABLE_NLS
/* True when a locale's NAME names no language: cron's "C" or "POSIX",
 * and "C.UTF-8" (glibc's, which only gives UTF-8). */
static bool
names_no_language(const char *name)
{
	return name == NULL || *name == '\0' || strcmp(name, "C") == 0 ||
	       strcmp(name, "POSIX") == 0 || strncmp(name, "C.", 2) == 0;
}

/* The locale name the messages follow: LC_ALL, else LC_MESSAGES, else
 * LANG, as POSIX orders them; NULL when none is set. */
static const char *
messages_locale_name(void)
{
	static const char *const names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *value = getenv(names[i]);

		if (value != NULL && *value != '\0')
			return value;
	}
	return NULL;
}

/* Messages in LANGUAGE (a list as gettext takes it) whatever the
 * locale: gettext honours LANGUAGE under C.UTF-8, never under C. */
static void
speak(const char *language)
{
	if (setlocale(LC_MESSAGES, "C.UTF-8") != NULL)
		setenv("LANGUAGE", language, 1);
}

/* The language of the messages where the locale does not give it
 * (casekit.conf(5), language). A locale that names a language but is not
 * installed (LANG=da_DK.UTF-8 on a server that lacks it) still speaks
 * that language; under C or POSIX, as from cron, and under C.UTF-8
 * without LANGUAGE, the site setting decides. Called before any thread
 * starts: it sets the environment. */
static void
choose_language(void)
{
	const char *wanted = messages_locale_name(), *language = getenv("LANGUAGE");
	const char *current = setlocale(LC_MESSAGES, NULL), *setting;
	bool has_language = language != NULL && *language != '\0';

	if (!names_no_language(wanted)) {
		char code[3];

		if (!names_no_language(current))
			return;         /* installed: gettext has it */
		if (has_language) {
			speak(language);
			return;
		}
		/* "da_DK.UTF-8" speaks "da". */
		if (!((wanted[0] >= 'a' && wanted[0] <= 'z') && (wanted[1] >= 'a' && wanted[1] <= 'z')))
			return;
		code[0] = wanted[0];
		code[1] = wanted[1];
		code[2] = '\0';
		speak(code);
		return;
	}
	if (wanted != NULL && strncmp(wanted, "C.", 2) == 0 && has_language)
		return;                 /* gettext honours LANGUAGE here */
	setting = ck_settings_get()->language;
	if (setting != NULL && strcmp(setting, "en") != 0)
		speak(setting);
}
#endif

void
ck_init(const char *name)
{
	const char *slash;

	if (name != NULL) {
		slash = strrchr(name, '/');
		program_name = slash != NULL ? slash + 1 : name;
		/* libtool's uninstalled wrappers run "lt-NAME". */
		if (strncmp(program_name, "lt-", 3) == 0)
			program_name += 3;
	}
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	{
		const char *dir = getenv("CASEKIT_LOCALEDIR");

		if (dir == NULL || *dir == '\0')
			dir = running_uninstalled() ? CK_BUILD_DIR "/locale" : LOCALEDIR;
		bindtextdomain(PACKAGE, dir);
		bind_textdomain_codeset(PACKAGE, "UTF-8");
		choose_language();
	}
#endif
	signal(SIGPIPE, SIG_DFL);
	/* Jansson's hash seed, set once before any thread makes objects. */
	json_object_seed(0);
#ifdef M_MXFAST
	/* A record is thousands of small objects, freed together; glibc's
	 * fast bins then make every larger allocation sweep them up again
	 * (malloc_consolidate was a third of case-checklist's time). Without
	 * them case-checklist and case-report run a third faster (make
	 * bench). */
	mallopt(M_MXFAST, 0);
#endif
	atexit(finish);
}

const char *
ck_language(void)
{
	/* TRANSLATORS: the two-letter code of this language ("da", "sv"):
	 * rule texts and report labels are chosen by it. */
	const char *code = _("en");

	return strcmp(code, "da") == 0 ? "da" : strcmp(code, "sv") == 0 ? "sv" : "en";
}

size_t
ck_text_width(const char *text)
{
	size_t n = 0;

	for (; *text != '\0'; text++)
		if (((unsigned char)*text & 0xC0) != 0x80)
			n++;
	return n;
}

const char *
ck_text_in(const json_t *texts, const char *lang)
{
	const char *key, *text;
	json_t *value;

	if (json_is_string(texts))
		return json_string_value(texts);
	text = json_string_value(json_object_get(texts, lang != NULL ? lang : "en"));
	if (text == NULL)
		text = json_string_value(json_object_get(texts, "en"));
	if (text == NULL)
		json_object_foreach((json_t *)texts, key, value)
			if (json_is_string(value))
				return json_string_value(value);
	return text;
}

void
ck_at_exit(void (*fn)(void))
{
	if (at_exit_count == AT_EXIT_MAX)
		ck_fatal("ck_at_exit: too many functions");
	at_exit_fns[at_exit_count++] = fn;
}

static void
vreport(const char *kind, const char *file, unsigned long line,
	const char *field, const char *fmt, va_list ap)
{
	char text[CK_MESSAGE_MAX * 2];

	vsnprintf(text, sizeof text, fmt, ap);
	fflush(stdout);
	fprintf(stderr, "%s: ", program_name);
	if (file != NULL) {
		if (line > 0)
			fprintf(stderr, "%s:%lu: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	if (kind != NULL)
		fprintf(stderr, "%s: ", kind);
	if (field != NULL && *field != '\0')
		fprintf(stderr, "%s: ", field);
	fprintf(stderr, "%s\n", text);
}

void
ck_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, NULL, 0, NULL, fmt, ap);
	va_end(ap);
}

void
ck_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(_("warning"), NULL, 0, NULL, fmt, ap);
	va_end(ap);
}

void
ck_error_at(const char *file, unsigned long line, const char *field,
	    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, file, line, field, fmt, ap);
	va_end(ap);
}

void
ck_warning_at(const char *file, unsigned long line, const char *field,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(_("warning"), file, line, field, fmt, ap);
	va_end(ap);
}

void
ck_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, NULL, 0, NULL, fmt, ap);
	va_end(ap);
	ck_exit(CK_EXIT_TROUBLE);
}

void
ck_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, NULL, 0, NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), program_name);
	ck_exit(CK_EXIT_TROUBLE);
}

void
ck_problem_set(ck_problem *p, const char *field, const char *fmt, ...)
{
	va_list ap;

	snprintf(p->field, sizeof p->field, "%s", field != NULL ? field : "");
	va_start(ap, fmt);
	vsnprintf(p->message, sizeof p->message, fmt, ap);
	va_end(ap);
}

void
ck_problem_report(const ck_problem *p, const char *file, unsigned long line)
{
	ck_error_at(file, line, p->field, "%s", p->message);
}
