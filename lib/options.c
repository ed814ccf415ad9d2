/* SPDX-License-Identifier: MPL-2.0 */
/* options.c — the one option parser of the casekit programs.
 *
 * getopt_long in "return in order" mode (a leading '-' in the short
 * option string), so that options may stand before or after the
 * subcommand whatever POSIXLY_CORRECT says, and so that the first word
 * that is not an option can be taken as the subcommand. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* The years of the copyright line of --version: add this year's when
 * a release is made in a new one. */
#define COPYRIGHT_YEARS "2026"

/* Long options get values above any character. */
#define LONG_BASE 0x1000

struct given {
	size_t option;       /* index into the program's table */
	const char *value;   /* borrowed from argv; "" for a flag */
};

struct ck_args {
	const ck_program *program;
	size_t noptions;
	const char *command;
	char **files;
	size_t nfiles;
	struct given *given;
	size_t ngiven;
};

static bool
word_in_list(const char *word, const char *list)
{
	size_t len = strlen(word);
	const char *p = list;

	while (*p != '\0') {
		const char *end = strchr(p, ' ');
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);

		if (n == len && strncmp(p, word, len) == 0)
			return true;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return false;
}

static bool
is_command(const ck_program *program, const char *word)
{
	const char *const *c;

	for (c = program->commands; *c != NULL; c++)
		if (strcmp(*c, word) == 0)
			return true;
	return false;
}

/* Names an option as the user wrote it, without any "=VALUE": a
 * mistyped --cpr=NUMBER must not be echoed. */
static void
option_text(const char *arg, char *buf, size_t size)
{
	size_t n = strcspn(arg, "=");

	if (n >= size)
		n = size - 1;
	memcpy(buf, arg, n);
	buf[n] = '\0';
}

static void
commands_list(const ck_program *program, char *buf, size_t size)
{
	const char *const *c;
	size_t used = 0;

	buf[0] = '\0';
	for (c = program->commands; *c != NULL; c++) {
		int n = snprintf(buf + used, size - used, "%s%s",
				 used > 0 ? ", " : "", *c);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

/* The tables of a parse in progress, kept where a usage error's exit
 * still finds them, so that leak checkers see no loss. */
static struct option *longopts;
static char *shortopts;
/* The arguments last parsed, for the same reason: a program exits on a
 * usage error found after parsing without freeing them. */
static ck_args *parsed;

ck_args *
ck_args_parse(const ck_program *program, int argc, char **argv)
{
	ck_args *args = xcalloc(1, sizeof *args);
	size_t n, i, sp = 0;
	size_t help_index, version_index;
	int c;

	/* Hidden: the shell's completion asks (complete.c). */
	if (argc >= 2 && strcmp(argv[1], "--complete") == 0) {
		int skip = argc >= 3 && strcmp(argv[2], "--") == 0 ? 3 : 2;

		free(args);
		complete_words(program, argc - skip, argv + skip);
		exit(fflush(stdout) == 0 ? CK_EXIT_OK : CK_EXIT_TROUBLE);
	}
	parsed = args;
	for (n = 0; program->options != NULL && program->options[n].name != NULL; n++)
		continue;
	args->program = program;
	args->noptions = n;
	help_index = n;
	version_index = n + 1;
	longopts = xcalloc(n + 3, sizeof *longopts);
	shortopts = xcalloc(2 * n + 4, 1);
	args->given = xcalloc((size_t)argc + 1, sizeof *args->given);
	args->files = xcalloc((size_t)argc + 1, sizeof *args->files);

	/* '-': non-options come back in order as option 1; ':': a missing
	 * argument is reported as ':' so that we word the message. */
	shortopts[sp++] = '-';
	shortopts[sp++] = ':';
	for (i = 0; i < n; i++) {
		const ck_option *o = &program->options[i];

		longopts[i].name = o->name;
		longopts[i].has_arg = o->has_arg ? required_argument : no_argument;
		longopts[i].val = LONG_BASE + (int)i;
		if (o->short_name != 0) {
			shortopts[sp++] = (char)o->short_name;
			if (o->has_arg)
				shortopts[sp++] = ':';
		}
	}
	longopts[help_index].name = "help";
	longopts[help_index].val = LONG_BASE + (int)help_index;
	longopts[version_index].name = "version";
	longopts[version_index].val = LONG_BASE + (int)version_index;

	opterr = 0;
	optind = 0;	/* glibc: start afresh, also for a second parse */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		size_t index = SIZE_MAX;
		char name[64];

		if (c == 1) {
			if (program->commands != NULL && args->command == NULL)
				args->command = optarg;
			else
				args->files[args->nfiles++] = optarg;
			continue;
		}
		if (c == '?' || c == ':') {
			if (optopt != 0 && optopt < LONG_BASE)
				snprintf(name, sizeof name, "-%c", optopt);
			else
				option_text(argv[optind - 1], name, sizeof name);
			if (c == ':')
				ck_usage_error(_("option '%s' requires a value"), name);
			ck_usage_error(_("unrecognized option '%s'"), name);
		}
		if (c >= LONG_BASE) {
			index = (size_t)(c - LONG_BASE);
		} else {
			for (i = 0; i < n; i++)
				if (program->options[i].short_name == c)
					index = i;
		}
		if (index == help_index) {
			program->help();
			ck_print_help_footer();
			exit(CK_EXIT_OK);
		}
		if (index == version_index) {
			ck_print_version(program->name);
			exit(CK_EXIT_OK);
		}
		if (index >= n)
			ck_usage_error(_("unrecognized option"));
		args->given[args->ngiven].option = index;
		args->given[args->ngiven].value =
			program->options[index].has_arg ? optarg : "";
		args->ngiven++;
	}
	/* After "--" every word is a file (or the subcommand). */
	for (; optind < argc; optind++) {
		if (program->commands != NULL && args->command == NULL)
			args->command = argv[optind];
		else
			args->files[args->nfiles++] = argv[optind];
	}
	free(longopts);
	free(shortopts);
	longopts = NULL;
	shortopts = NULL;

	if (program->commands != NULL) {
		char list[512];

		commands_list(program, list, sizeof list);
		if (args->command == NULL)
			ck_usage_error(_("no subcommand given (one of: %s)"), list);
		/* Not echoed: the word may be a CPR number typed in the
		 * wrong place, and errors land in logs and mail. */
		if (!is_command(program, args->command))
			ck_usage_error(_("unknown subcommand (one of: %s)"), list);
	}
	/* The word itself is not echoed: it may be a name typed by mistake. */
	if (!program->takes_files && args->nfiles > 0)
		ck_usage_error(_("unexpected word on the command line: %s takes no input files"),
			       program->name);
	for (i = 0; i < args->ngiven; i++) {
		const ck_option *o = &program->options[args->given[i].option];

		if (o->commands != NULL && args->command != NULL &&
		    !word_in_list(args->command, o->commands))
			ck_usage_error(_("option '--%s' does not apply to '%s'"),
				       o->name, args->command);
	}
	return args;
}

void
ck_args_free(ck_args *args)
{
	if (args == NULL)
		return;
	if (parsed == args)
		parsed = NULL;
	free(args->given);
	free(args->files);
	free(args);
}

const char *
ck_args_command(const ck_args *args)
{
	return args->command;
}

char *const *
ck_args_files(const ck_args *args, size_t *count)
{
	*count = args->nfiles;
	return args->files;
}

static size_t
option_index(const ck_args *args, const char *name)
{
	size_t i;

	for (i = 0; i < args->noptions; i++)
		if (strcmp(args->program->options[i].name, name) == 0)
			return i;
	return SIZE_MAX;
}

const char *
ck_args_get(const ck_args *args, const char *name)
{
	size_t index = option_index(args, name);
	size_t i;

	for (i = args->ngiven; i > 0; i--)
		if (args->given[i - 1].option == index)
			return args->given[i - 1].value;
	return NULL;
}

bool
ck_args_has(const ck_args *args, const char *name)
{
	return ck_args_get(args, name) != NULL;
}

size_t
ck_args_count(const ck_args *args, const char *name)
{
	size_t index = option_index(args, name);
	size_t i, count = 0;

	for (i = 0; i < args->ngiven; i++)
		if (args->given[i].option == index)
			count++;
	return count;
}

const char *
ck_args_nth(const ck_args *args, const char *name, size_t nth)
{
	size_t index = option_index(args, name);
	size_t i;

	for (i = 0; i < args->ngiven; i++)
		if (args->given[i].option == index && nth-- == 0)
			return args->given[i].value;
	return NULL;
}

/* As GNU programs say it (GNU Coding Standards, --version): the
 * licence named by its SPDX identifier, the full text in COPYING. */
void
ck_print_version(const char *program)
{
	printf("%s (%s) %s\n", program, PACKAGE_NAME, PACKAGE_VERSION);
	printf("Copyright (C) %s the casekit authors\n", COPYRIGHT_YEARS);
	printf(_("License %s: %s <%s>.\n"
		 "This is free software: you are free to change and redistribute it.\n"
		 "There is NO WARRANTY, to the extent permitted by law.\n"),
	       "MPL-2.0", "Mozilla Public License 2.0", "https://mozilla.org/MPL/2.0/");
}

void
ck_print_help_footer(void)
{
	printf("\n");
	printf(_("%s home page: <%s>\n"), PACKAGE_NAME, PACKAGE_URL);
	printf(_("Report bugs to: <%s>\n"), PACKAGE_BUGREPORT);
}

bool
ck_size_parse(const char *text, size_t *out)
{
	unsigned long long value = 0;
	const char *p = text;

	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (value > (ULLONG_MAX - 9) / 10)
			return false;
		value = value * 10 + (unsigned)(*p - '0');
	}
	if (*p == 'K' || *p == 'M') {
		unsigned shift = *p == 'K' ? 10 : 20;

		if (value > (ULLONG_MAX >> shift))
			return false;
		value <<= shift;
		p++;
	}
	if (*p != '\0' || value == 0 || value > SIZE_MAX / 2)
		return false;
	*out = (size_t)value;
	return true;
}

json_t *
ck_option_field(const char *option, const char *path, const char *text)
{
	ck_problem problem;
	json_t *value;

	if (!ck_field_from_text(path, text, 0, &value, &problem)) {
		if (strcmp(problem.field, path) == 0)
			ck_usage_error("--%s: %s", option, problem.message);
		ck_usage_error("--%s: %s: %s", option, problem.field, problem.message);
	}
	return value;
}

void
ck_option_identity_check(const ck_args *args, const char *option)
{
	const char *value = ck_args_get(args, option);

	if (value != NULL && strcmp(value, "-") != 0)
		ck_usage_error(_("--%s takes '-' and reads the number from standard input "
				 "(on the command line other users could see it)"), option);
}

json_t *
ck_option_identity_read(const char *option, const char *path)
{
	char buf[64];
	json_t *value;
	size_t n;

	if (fgets(buf, (int)sizeof buf, stdin) == NULL)
		ck_fatal(_("--%s -: no number on standard input"), option);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(stdin))
		ck_fatal(_("--%s -: the line on standard input is too long"), option);
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	value = ck_option_field(option, path, buf);
	memset(buf, 0, sizeof buf);
	return value;
}

size_t
ck_max_record_option(const ck_args *args)
{
	size_t max_record = CK_MAX_RECORD_DEFAULT;

	if (ck_args_has(args, "max-record") &&
	    !ck_size_parse(ck_args_get(args, "max-record"), &max_record))
		ck_usage_error(_("--max-record: not a size (bytes, or with K or M)"));
	return max_record;
}

ck_date
ck_today_option(const ck_args *args)
{
	const char *bad;

	if (!ck_today_init(ck_args_get(args, "today"), &bad))
		ck_usage_error(_("%s: not a date (YYYY-MM-DD)"), bad);
	return ck_today();
}
