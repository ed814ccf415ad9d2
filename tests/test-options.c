/* SPDX-License-Identifier: MPL-2.0 */
/* test-options.c — unit tests of lib/options.c: the one option parser. */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static const char *const commands[] = { "add", "list", NULL };

static const ck_option options[] = {
	{ "case", 0, true, NULL },
	{ "match", 'm', true, NULL },
	{ "all", 0, false, NULL },
	{ "in-place", 'i', true, NULL },
	{ "actor", 0, true, "add" },
	{ "format", 0, true, "list" },
	{ NULL, 0, false, NULL }
};

static void
help(void)
{
	printf("Usage: test [--case ID]\n");
}

static const ck_program program = { "test-options", commands, options, help, true };
static const ck_program plain = { "test-plain", NULL, options, help, false };

/* Parses ARGV (NULL-terminated) with PROG. */
static ck_args *
parse(const ck_program *prog, char **argv)
{
	int argc = 0;

	while (argv[argc] != NULL)
		argc++;
	return ck_args_parse(prog, argc, argv);
}

/* The exit status of parsing ARGV in a child process, its output gone. */
static int
parse_status(const ck_program *prog, char **argv)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		ck_args_free(parse(prog, argv));
		_exit(77);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
main(void)
{
	ck_args *a;
	char *const *files;
	size_t n;
	size_t size;

	ck_init("test-options");

	{
		char *argv[] = { "p", "--case", "0101-2026-0001", "list", "a.jsonl",
				 "--case=0101-2026-0002", "-m", "status=open", "--format",
				 "csv", "b.jsonl", NULL };

		a = parse(&program, argv);
		is_str(ck_args_command(a), "list", "the first word is the subcommand");
		files = ck_args_files(a, &n);
		is_int(n, 2, "the other words are files");
		is_str(files[0], "a.jsonl", "first file");
		is_str(files[1], "b.jsonl", "second file, after options");
		is_int(ck_args_count(a, "case"), 2, "a repeated option is kept twice");
		is_str(ck_args_nth(a, "case", 0), "0101-2026-0001", "first --case");
		is_str(ck_args_nth(a, "case", 1), "0101-2026-0002", "--case=VALUE");
		is_str(ck_args_get(a, "match"), "status=open", "short option -m");
		is_str(ck_args_get(a, "format"), "csv", "option of the subcommand");
		ok(!ck_args_has(a, "all"), "a flag not given");
		ok(ck_args_get(a, "actor") == NULL, "an option not given is NULL");
		ok(ck_args_nth(a, "case", 2) == NULL, "no third --case");
		ck_args_free(a);
	}
	{
		char *argv[] = { "p", "--all", "add", "--actor", "a2", "--", "-odd-name", NULL };

		a = parse(&program, argv);
		is_str(ck_args_get(a, "all"), "", "a flag given is \"\"");
		is_str(ck_args_get(a, "actor"), "a2", "option after the subcommand");
		files = ck_args_files(a, &n);
		is_int(n, 1, "after -- a word is a file");
		is_str(n > 0 ? files[0] : NULL, "-odd-name", "the word after --");
		ck_args_free(a);
	}
	{
		char *argv[] = { "p", "list", "--case", "x", "f", NULL };

		setenv("POSIXLY_CORRECT", "1", 1);
		a = parse(&program, argv);
		is_str(ck_args_get(a, "case"), "x", "POSIXLY_CORRECT: options after the subcommand still count");
		files = ck_args_files(a, &n);
		is_int(n, 1, "POSIXLY_CORRECT: one file");
		unsetenv("POSIXLY_CORRECT");
		ck_args_free(a);
	}
	{
		char *argv[] = { "p", "-ifile.jsonl", "--all", NULL };

		a = parse(&plain, argv);
		is_str(ck_args_get(a, "in-place"), "file.jsonl", "-iFILE");
		ok(ck_args_command(a) == NULL, "no subcommand in a program without them");
		ck_args_free(a);
	}
	{
		char *argv1[] = { "p", "--actor", "a1", "list", NULL };
		char *argv2[] = { "p", "--case", NULL };
		char *argv3[] = { "p", "--bogus", "list", NULL };
		char *argv4[] = { "p", "--case", "x", NULL };
		char *argv5[] = { "p", "remove", NULL };
		char *argv6[] = { "p", "stray", NULL };
		char *argv7[] = { "p", "--help", NULL };
		char *argv8[] = { "p", "--version", "--bogus", NULL };
		char *argv9[] = { "p", "list", "--all=yes", NULL };

		is_int(parse_status(&program, argv1), 2, "an option the subcommand does not take: exit 2");
		is_int(parse_status(&program, argv2), 2, "an option without its value: exit 2");
		is_int(parse_status(&program, argv3), 2, "an unknown option: exit 2");
		is_int(parse_status(&program, argv4), 2, "no subcommand: exit 2");
		is_int(parse_status(&program, argv5), 2, "an unknown subcommand: exit 2");
		is_int(parse_status(&plain, argv6), 2, "a word where no files are taken: exit 2");
		is_int(parse_status(&program, argv7), 0, "--help: exit 0");
		is_int(parse_status(&program, argv8), 0, "--version first: exit 0");
		is_int(parse_status(&program, argv9), 2, "a value for a flag: exit 2");
	}

	ok(ck_size_parse("1024", &size) && size == 1024, "size in bytes");
	ok(ck_size_parse("64K", &size) && size == 65536, "size in K");
	ok(ck_size_parse("1M", &size) && size == 1048576, "size in M");
	ok(!ck_size_parse("0", &size), "size 0 is refused");
	ok(!ck_size_parse("1k", &size), "lowercase k is refused");
	ok(!ck_size_parse("", &size), "empty size is refused");
	ok(!ck_size_parse("12MB", &size), "trailing text is refused");
	ok(!ck_size_parse("99999999999999999999999", &size), "overflow is refused");
	return done_testing();
}
