/* SPDX-License-Identifier: MPL-2.0 */
/* test-settings.c — unit tests of lib/settings.c: the site settings file,
 * the tightening of --min-cell, and the domains reminders may go to. */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static char dir[] = "/tmp/casekit-test-settings.XXXXXX";
static char errfile[256];

/* Writes TEXT to the file NAME in the scratch folder; returns its path
 * (static, overwritten by the next call). */
static const char *
write_conf(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

/* The text of the file at ERRFILE, for checking what went to stderr. */
static const char *
slurp(void)
{
	static char buf[4096];
	size_t n = 0;
	FILE *f = fopen(errfile, "r");

	buf[0] = '\0';
	if (f != NULL) {
		n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
	}
	return buf;
}

static int saved_stderr = -1;

/* Sends standard error to ERRFILE until capture_end. */
static void
capture_start(void)
{
	int fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fd, 2);
	close(fd);
}

/* Restores standard error; returns what was written to it. */
static const char *
capture_end(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	return slurp();
}

static bool
contains(const char *text, const char *part)
{
	return strstr(text, part) != NULL;
}

/* Reads PATH into a fresh ck_settings, standard error captured; the
 * result and *ERR the messages. The settings are cleared after. */
static bool
read_quietly(const char *path, const char **err)
{
	ck_settings s;
	bool good;

	capture_start();
	good = ck_settings_read(path, &s);
	*err = capture_end();
	ck_settings_clear(&s);
	return good;
}

enum action { GET_SETTINGS, MIN_CELL };

/* Runs ACTION in a child process (ck_settings_get reads the file once a
 * process, and its errors exit) with CASEKIT_CONFIG set to CONFIG (NULL:
 * unset); returns the exit status, 77 when the child returned, and
 * leaves standard error in ERRFILE. */
static int
in_child(const char *config, enum action action, const char *value)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		int err = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		dup2(null, 1);
		dup2(err, 2);
		if (config != NULL)
			setenv("CASEKIT_CONFIG", config, 1);
		else
			unsetenv("CASEKIT_CONFIG");
		if (action == GET_SETTINGS)
			ck_settings_get();
		else
			ck_settings_min_cell(NULL, value);
		_exit(77);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
test_defaults(void)
{
	ck_settings s;

	memset(&s, 0, sizeof s);
	ck_settings_clear(&s);
	is_int(s.min_cell, 5, "default min_cell is 5");
	ok(!s.allow_names, "default allow_names is no");
	ok(s.rules_path == NULL, "default rules_path unset");
	ok(s.reminder_domains == NULL && s.n_reminder_domains == 0,
	   "default reminder_domains unset");
	ok(s.path == NULL, "no file read");
	ok(s.language == NULL, "default language unset: the locale's");
	ok(s.municipalities == NULL, "default municipalities unset: the shipped table");
	ok(ck_settings_domain_allowed(&s, "anything.example"),
	   "no reminder_domains: every domain allowed");
	is_int(ck_settings_min_cell(&s, NULL), 5, "no --min-cell: the default");
}

static void
test_parse(void)
{
	ck_settings s;
	const char *path, *err;
	bool good;

	path = write_conf("full.conf",
			  "# casekit site settings\n"
			  "\n"
			  "   \t\n"
			  "rules_path = /srv/casekit/rules::/opt/rules   # ours first\n"
			  "min_cell=10\n"
			  "  reminder_domains   =  Kommune.DK, skole.example.org ,,x.se\tregion.dk  \n"
			  "allow_names = Yes#comment right after the value\n"
			  "language = DA\n"
			  "municipalities = /etc/casekit/kommuner.csv\n"
			  "mail_from = casekit@Kommune.dk\n"
			  "reminder_fallback = teamleder+boern@kommune.dk # the team leader\n");
	capture_start();
	good = ck_settings_read(path, &s);
	err = capture_end();
	ok(good, "a well-formed file reads");
	is_str(err, "", "and says nothing");
	is_str(s.rules_path, "/srv/casekit/rules::/opt/rules",
	       "rules_path: trimmed, comment removed, kept as written");
	is_int(s.min_cell, 10, "min_cell without spaces around '='");
	is_int(s.n_reminder_domains, 4, "reminder_domains: commas and spaces separate");
	if (s.n_reminder_domains == 4) {
		is_str(s.reminder_domains[0], "kommune.dk", "domains are kept in lower case");
		is_str(s.reminder_domains[1], "skole.example.org", "second domain");
		is_str(s.reminder_domains[2], "x.se", "empty items skipped");
		is_str(s.reminder_domains[3], "region.dk", "a tab separates too");
	}
	ok(s.allow_names, "allow_names = Yes (any case), comment right after");
	is_str(s.language, "da", "language: in any case, kept in lower case");
	is_str(s.municipalities, "/etc/casekit/kommuner.csv", "municipalities: the file named");
	is_str(s.mail_from, "casekit@Kommune.dk", "mail_from: the address as written");
	is_str(s.reminder_fallback, "teamleder+boern@kommune.dk",
	       "reminder_fallback: the address, comment removed");
	is_str(s.path, path, "the file read is remembered");
	ck_settings_clear(&s);
	ok(s.path == NULL && s.rules_path == NULL && s.min_cell == 5 && s.language == NULL &&
	   s.municipalities == NULL && s.mail_from == NULL && s.reminder_fallback == NULL,
	   "ck_settings_clear frees and sets the defaults");

	path = write_conf("languages.conf", "language = sv\n");
	good = ck_settings_read(path, &s);
	ok(good && s.language != NULL && strcmp(s.language, "sv") == 0, "language = sv");
	ck_settings_clear(&s);
	path = write_conf("languages.conf", "language = en\n");
	good = ck_settings_read(path, &s);
	ok(good && s.language != NULL && strcmp(s.language, "en") == 0, "language = en");
	ck_settings_clear(&s);

	path = write_conf("crlf.conf", "min_cell = 7\r\nallow_names = false\r\n# end\r\n");
	good = ck_settings_read(path, &s);
	ok(good, "CRLF line ends read");
	is_int(s.min_cell, 7, "min_cell from a CRLF file");
	ok(!s.allow_names, "allow_names = false");
	ck_settings_clear(&s);

	path = write_conf("true.conf", "allow_names = true\nmin_cell = 1");
	good = ck_settings_read(path, &s);
	ok(good && s.allow_names, "allow_names = true; a last line without a newline");
	is_int(s.min_cell, 1, "min_cell 1 (no suppression) is allowed");
	ck_settings_clear(&s);

	path = write_conf("empty.conf", "");
	good = ck_settings_read(path, &s);
	ok(good && s.min_cell == 5 && !s.allow_names, "an empty file: the defaults");
	ck_settings_clear(&s);
}

static void
test_unknown_key(void)
{
	ck_settings s;
	const char *path, *err;
	bool good;

	path = write_conf("unknown.conf", "min_cell = 6\n\ncolour = blue\nallow_names = no\n");
	capture_start();
	good = ck_settings_read(path, &s);
	err = capture_end();
	ok(good, "an unknown key is not an error");
	ok(contains(err, "unknown.conf:3: warning: colour: unknown key"),
	   "it is a warning naming file:line and the key");
	is_int(s.min_cell, 6, "the other keys still count");
	ck_settings_clear(&s);
}

static void
test_malformed(void)
{
	static const struct {
		const char *text;
		const char *message;
		const char *name;
	} cases[] = {
		{ "min_cell = 5\njust words\n", "bad.conf:2: not a line \"key = value\"",
		  "a line without '='" },
		{ " = 5\n", "bad.conf:1: no key before '='", "a line without a key" },
		{ "min_cell =\n", "bad.conf:1: min_cell: no value", "an empty value" },
		{ "min_cell = 0\n", "bad.conf:1: min_cell: not a whole number", "min_cell 0" },
		{ "min_cell = -3\n", "bad.conf:1: min_cell: not a whole number",
		  "a negative min_cell" },
		{ "min_cell = five\n", "bad.conf:1: min_cell: not a whole number",
		  "min_cell in words" },
		{ "min_cell = 5.5\n", "bad.conf:1: min_cell: not a whole number",
		  "min_cell with a fraction" },
		{ "min_cell = 5 10\n", "bad.conf:1: min_cell: not a whole number",
		  "two numbers" },
		{ "min_cell = 99999999999999999999\n",
		  "bad.conf:1: min_cell: not a whole number", "a huge min_cell" },
		{ "allow_names = maybe\n", "bad.conf:1: allow_names: not yes or no",
		  "allow_names neither yes nor no" },
		{ "reminder_domains = a..dk\n", "bad.conf:1: reminder_domains: not a list",
		  "an empty label in a domain" },
		{ "reminder_domains = @kommune.dk\n",
		  "bad.conf:1: reminder_domains: not a list", "an address, not a domain" },
		{ "reminder_domains = .dk\n", "bad.conf:1: reminder_domains: not a list",
		  "a domain starting with a dot" },
		{ "reminder_domains = ,\n", "bad.conf:1: reminder_domains: not a list",
		  "a list of nothing" },
		{ "rules_path = rules:/srv/rules\n",
		  "bad.conf:1: rules_path: not a list of absolute folders",
		  "a relative folder in rules_path" },
		{ "language = de\n", "bad.conf:1: language: not one of: da, sv, en",
		  "a language casekit does not speak" },
		{ "language = da_DK.UTF-8\n", "bad.conf:1: language: not one of: da, sv, en",
		  "a locale, not a language" },
		{ "municipalities = kommuner.csv\n",
		  "bad.conf:1: municipalities: not an absolute file name",
		  "a relative municipalities file" },
		{ "mail_from = casekit\n", "bad.conf:1: mail_from: not one e-mail address",
		  "mail_from without '@'" },
		{ "mail_from = casekit <casekit@kommune.dk>\n",
		  "bad.conf:1: mail_from: not one e-mail address", "mail_from with a name" },
		{ "reminder_fallback = a@kommune.dk, b@evil.example\n",
		  "bad.conf:1: reminder_fallback: not one e-mail address",
		  "reminder_fallback of two addresses" },
		{ "reminder_fallback = a@b@kommune.dk\n",
		  "bad.conf:1: reminder_fallback: not one e-mail address",
		  "reminder_fallback with two '@'" },
		{ "min_cell = 5\n# again\nmin_cell = 6\n",
		  "bad.conf:3: min_cell: given twice (first on line 1)", "a key given twice" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *path = write_conf("bad.conf", cases[i].text);
		const char *err;
		bool good = read_quietly(path, &err);

		ok(!good, "error: %s", cases[i].name);
		ok(contains(err, cases[i].message), "message: %s", cases[i].name);
		if (!contains(err, cases[i].message))
			printf("#   stderr: %s", err);
	}

	{
		const char *path = write_conf("bad.conf", "min_cell = x\nallow_names = y\n");
		const char *err;

		ok(!read_quietly(path, &err), "two bad lines: an error");
		ok(contains(err, "bad.conf:1: min_cell") && contains(err, "bad.conf:2: allow_names"),
		   "both are reported at once");
	}
	{
		const char *err;
		char path[512];

		snprintf(path, sizeof path, "%s/no-such.conf", dir);
		ok(!read_quietly(path, &err), "a missing file cannot be read");
		ok(contains(err, "no-such.conf: cannot open"), "and says so");
	}
}

static void
test_get(void)
{
	char path[512], good[512];
	const char *bad;

	snprintf(good, sizeof good, "%s", write_conf("site.conf", "min_cell = 8\n"));

	is_int(in_child(good, GET_SETTINGS, NULL), 77, "CASEKIT_CONFIG: a good file reads");
	is_int(in_child(good, MIN_CELL, "7"), 2,
	       "the file's min_cell 8 is the floor of --min-cell 7");
	ok(contains(slurp(), "--min-cell: lower than the site's min_cell (8): "
			     "an option may only tighten privacy"),
	   "the usage error says the setting and why");
	ok(contains(slurp(), "--help"), "and points to --help");
	is_int(in_child(good, MIN_CELL, "8"), 77, "--min-cell equal to the setting is fine");

	snprintf(path, sizeof path, "%s/missing.conf", dir);
	is_int(in_child(path, GET_SETTINGS, NULL), 2, "CASEKIT_CONFIG naming no file: exit 2");
	ok(contains(slurp(), "missing.conf: cannot open"), "and says which file");

	bad = write_conf("broken.conf", "min_cell 5\n");
	is_int(in_child(bad, GET_SETTINGS, NULL), 2, "a malformed file: exit 2");
	ok(contains(slurp(), "broken.conf:1:"), "naming file and line");

	bad = write_conf("warn.conf", "flavour = vanilla\n");
	is_int(in_child(bad, GET_SETTINGS, NULL), 77, "an unknown key: no exit");
	ok(contains(slurp(), "warn.conf:1: warning: flavour: unknown key"),
	   "a warning with file, line and key");

	is_int(in_child("/dev/null", GET_SETTINGS, NULL), 77, "CASEKIT_CONFIG=/dev/null: defaults");

	{
		struct stat st;

		if (stat(PKGSYSCONFDIR "/casekit.conf", &st) != 0) {
			is_int(in_child("", GET_SETTINGS, NULL), 77,
			       "CASEKIT_CONFIG empty, no site file: the defaults");
			is_int(in_child(NULL, GET_SETTINGS, NULL), 77,
			       "CASEKIT_CONFIG unset, no site file: the defaults");
		} else {
			ok(1, "# SKIP " PKGSYSCONFDIR "/casekit.conf exists");
			ok(1, "# SKIP " PKGSYSCONFDIR "/casekit.conf exists");
		}
	}

	/* In this process: ck_settings_get reads once and keeps it. */
	setenv("CASEKIT_CONFIG", good, 1);
	is_int(ck_settings_get()->min_cell, 8, "ck_settings_get reads CASEKIT_CONFIG");
	ok(ck_settings_get() == ck_settings_get(), "and keeps what it read");
	is_int(ck_settings_min_cell(NULL, NULL), 8, "NULL settings: the site's");
}

static void
test_min_cell(void)
{
	ck_settings s;

	memset(&s, 0, sizeof s);
	ck_settings_clear(&s);
	s.min_cell = 10;
	is_int(ck_settings_min_cell(&s, NULL), 10, "no option: the setting");
	is_int(ck_settings_min_cell(&s, "10"), 10, "the same value is fine");
	is_int(ck_settings_min_cell(&s, "25"), 25, "a higher value tightens");
	is_int(in_child("/dev/null", MIN_CELL, "4"), 2,
	       "below the default 5 in a child: usage error");
	is_int(in_child("/dev/null", MIN_CELL, "abc"), 2, "--min-cell abc: usage error");
	ok(contains(slurp(), "--min-cell: not a whole number"), "says so");
	is_int(in_child("/dev/null", MIN_CELL, "0"), 2, "--min-cell 0: usage error");
	is_int(in_child("/dev/null", MIN_CELL, "-6"), 2, "--min-cell -6: usage error");
	is_int(in_child("/dev/null", MIN_CELL, ""), 2, "--min-cell '': usage error");
	is_int(in_child("/dev/null", MIN_CELL, "6"), 77, "--min-cell 6 over the default 5");
	ck_settings_clear(&s);
}

static void
test_domains(void)
{
	ck_settings s;
	const char *path = write_conf("domains.conf",
				      "reminder_domains = kommune.dk Region.SE\n");
	bool good = ck_settings_read(path, &s);

	ok(good, "domains read");
	ok(ck_settings_domain_allowed(&s, "kommune.dk"), "an allowed domain");
	ok(ck_settings_domain_allowed(&s, "KOMMUNE.Dk"), "in any case");
	ok(ck_settings_domain_allowed(&s, "region.se"), "the setting in any case");
	ok(ck_settings_domain_allowed(&s, "skole.kommune.dk"), "a subdomain");
	ok(ck_settings_domain_allowed(&s, "a.b.kommune.dk"), "a deeper subdomain");
	ok(!ck_settings_domain_allowed(&s, "evilkommune.dk"),
	   "a domain that merely ends in the same letters is not below it");
	ok(!ck_settings_domain_allowed(&s, "dk"), "a parent domain is wider: refused");
	ok(!ck_settings_domain_allowed(&s, "gmail.com"), "another domain");
	ok(!ck_settings_domain_allowed(&s, ".kommune.dk"), "not a domain name: refused");
	ok(!ck_settings_domain_allowed(&s, "x@kommune.dk"), "an address: refused");
	ok(!ck_settings_domain_allowed(&s, ""), "an empty domain");
	ok(!ck_settings_domain_allowed(&s, NULL), "no domain");
	ck_settings_clear(&s);
}

int
main(void)
{
	/* A locale that gives the language, so that ck_init does not read
	 * the settings for one (casekit.conf(5), language): these tests read
	 * them themselves, once a process. */
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("LANGUAGE", "en", 1);
	ck_init("test-settings");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	snprintf(errfile, sizeof errfile, "%s/stderr", dir);

	test_defaults();
	test_parse();
	test_unknown_key();
	test_malformed();
	test_min_cell();
	test_domains();
	test_get();

	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
	}
	/* The one test of "a domain or below it", shared with the reminders. */
	{
		char *list[] = { "kommune.dk", "region.example" };

		ok(ck_domain_within("kommune.dk", list, 2), "within: the domain itself");
		ok(ck_domain_within("Nord.KOMMUNE.dk", list, 2), "within: below it, in any case");
		ok(!ck_domain_within("evilkommune.dk", list, 2), "within: not a name that ends alike");
		ok(!ck_domain_within("dk", list, 2), "within: not above it");
		ok(!ck_domain_within("kommune.dk", list, 0), "within: an empty list holds nothing");
	}
	return done_testing();
}
