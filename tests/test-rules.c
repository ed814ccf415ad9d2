/* SPDX-License-Identifier: MPL-2.0 */
/* test-rules.c — unit tests of lib/rules.c: finding rule sets by name
 * along the search path, extends (with a set extending its own name),
 * inheritance of rules and parameters, and every check that stops a run
 * before any record is read. top_srcdir (from make check) locates the
 * shipped sets. */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static char root[] = "/tmp/casekit-test-rules.XXXXXX";

/* What every rule needs besides its kind's fields: basis and ref (R0
 * without the basis, for the tests of a bad one), then the texts. */
#define R0 "\"ref\": \"test\", "
#define R R0 "\"basis\": \"local\", "
#define TEXTS "\"message\": {\"en\": \"M\"}, \"reminder\": {\"en\": \"N\"}"
#define PRESENT "\"kind\": \"present\", \"path\": \"a\", " R TEXTS
static char errfile[300];

/* ROOT/SUB, in a static buffer of its own per call site's choice. */
static void
path_of(char *buf, size_t size, const char *sub)
{
	snprintf(buf, size, "%s/%s", root, sub);
}

/* Makes the folder ROOT/SUB. */
static void
make_dir(const char *sub)
{
	char path[512];

	path_of(path, sizeof path, sub);
	if (mkdir(path, 0700) != 0) {
		perror(path);
		exit(99);
	}
}

/* Writes TEXT to ROOT/SUB. */
static void
write_file(const char *sub, const char *text)
{
	char path[512];
	FILE *f;

	path_of(path, sizeof path, sub);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

/* Sets CASEKIT_RULES_PATH to the folders of ROOT named in LIST
 * (':'-separated; an empty entry stays empty). */
static void
set_rules_path(const char *list)
{
	char value[2048];
	size_t used = 0;
	const char *p = list;

	value[0] = '\0';
	while (*p != '\0' || p == list) {
		size_t n = strcspn(p, ":");

		if (n > 0)
			used += (size_t)snprintf(value + used, sizeof value - used,
						 "%s/%.*s", root, (int)n, p);
		p += n;
		if (*p != ':')
			break;
		used += (size_t)snprintf(value + used, sizeof value - used, ":");
		p++;
	}
	setenv("CASEKIT_RULES_PATH", value, 1);
}

static const char *
slurp(void)
{
	static char buf[8192];
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

static bool
contains(const char *text, const char *part)
{
	return text != NULL && strstr(text, part) != NULL;
}

/* Loads a rulebook in a child process with CASEKIT_RULES_PATH set to the
 * folders LIST and --rules OPTION (may be NULL). Returns the exit status
 * (0 when the book loaded), standard error left in ERRFILE. */
static int
load_status(const char *list, const char *option)
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
		set_rules_path(list);
		ck_rulebook_free(ck_rulebook_load(option));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The id of the I-th rule of SET, or NULL. */
static const char *
rule_id(const ck_ruleset *set, size_t i)
{
	return json_string_value(json_object_get(json_array_get(ck_ruleset_rules(set), i), "id"));
}

static const json_t *
rule_field(const ck_ruleset *set, size_t i, const char *key)
{
	return json_object_get(json_array_get(ck_ruleset_rules(set), i), key);
}

static void
test_find(void)
{
	char want[512], *got;

	make_dir("a");
	make_dir("b");
	make_dir("site");
	make_dir("b/sub.json");
	write_file("a/both.json", "{\"name\": \"both\"}\n");
	write_file("b/both.json", "{\"name\": \"both\"}\n");
	write_file("b/only-b.json", "{\"name\": \"only-b\"}\n");
	write_file("site/only-site.json", "{\"name\": \"only-site\"}\n");

	set_rules_path("a::b");

	got = ck_rules_find("both", NULL);
	path_of(want, sizeof want, "a/both.json");
	is_str(got, want, "the first folder of CASEKIT_RULES_PATH wins");
	free(got);

	got = ck_rules_find("only-b", NULL);
	path_of(want, sizeof want, "b/only-b.json");
	is_str(got, want, "an empty entry is skipped; the next folder is searched");
	free(got);

	got = ck_rules_find("only-site", NULL);
	path_of(want, sizeof want, "site/only-site.json");
	is_str(got, want, "then the site's rules_path");
	free(got);

	path_of(want, sizeof want, "a");
	got = ck_rules_find("both", want);
	path_of(want, sizeof want, "b/both.json");
	is_str(got, want, "SKIP_DIR passes over a folder");
	free(got);

	path_of(want, sizeof want, "a/./");
	got = ck_rules_find("both", want);
	path_of(want, sizeof want, "b/both.json");
	is_str(got, want, "SKIP_DIR spelt differently is the same folder");
	free(got);

	ok(ck_rules_find("sub", NULL) == NULL, "a folder named NAME.json is not a set");
	ok(ck_rules_find("nothing", NULL) == NULL, "a name found nowhere: NULL");
	ok(ck_rules_find("", NULL) == NULL, "an empty name: NULL");
	ok(ck_rules_find(NULL, NULL) == NULL, "no name: NULL");
	ok(ck_rules_find("bad name", NULL) == NULL, "not a set name: NULL");

	path_of(want, sizeof want, "b/only-b.json");
	got = ck_rules_find(want, NULL);
	is_str(got, want, "a value with '/' is a file");
	free(got);
	path_of(want, sizeof want, "b/missing.json");
	ok(ck_rules_find(want, NULL) == NULL, "a file that is not there: NULL");

	if (chdir(root) == 0) {
		got = ck_rules_find("a/both.json", NULL);
		is_str(got, "a/both.json", "a relative file");
		free(got);
		if (chdir("b") == 0) {
			got = ck_rules_find("only-b.json", NULL);
			is_str(got, "only-b.json", "a value ending in .json is a file, not a name");
			free(got);
		}
		if (chdir("/") != 0)
			perror("chdir");
	}

	setenv("CASEKIT_RULES_PATH", "", 1);
	got = ck_rules_find("only-site", NULL);
	path_of(want, sizeof want, "site/only-site.json");
	is_str(got, want, "an empty CASEKIT_RULES_PATH: the site's folders");
	free(got);
	unsetenv("CASEKIT_RULES_PATH");
	ok(ck_rules_find("both", NULL) == NULL, "unset: neither a nor b is searched");
}

/* The sets of the inheritance tests:
 *   lower/core.json    parameters, kinds, rules r1 r2 r3
 *   upper/core.json    extends core (its own name): changes r2, turns off
 *                      r3, adds r4, changes r1's Danish message
 *   upper/child.json   extends core (the upper one): own title, school_age
 */
static void
write_inheritance(void)
{
	make_dir("lower");
	make_dir("upper");
	write_file("lower/core.json",
		   "{\"name\": \"core\",\n"
		   " \"title\": {\"en\": \"Core\", \"da\": \"Kerne\"},\n"
		   " \"parameters\": {\"school_age\": 7, \"daycare_lead\": \"3m\"},\n"
		   " \"transition_kinds\": [\"respite\"],\n"
		   " \"rules\": [\n"
		   "  {\"id\": \"r1\", \"kind\": \"present\", \"basis\": \"law\", \"path\": \"a\",\n"
		   "   " R0 "\"message\": {\"en\": \"E1\", \"da\": \"D1\"}, \"reminder\": {\"en\": \"N\"}},\n"
		   "  {\"id\": \"r2\", \"kind\": \"count\", \"basis\": \"local\", \"max\": 2,\n"
		   "   \"path\": \"actors\", " R0 TEXTS "},\n"
		   "  {\"id\": \"r3\", \"kind\": \"match\", \"basis\": \"recommendation\",\n"
		   "   \"path\": \"a\", \"pattern\": \"x\", " R0 TEXTS "}]}\n");
	write_file("upper/core.json",
		   "\xef\xbb\xbf{\"name\": \"core\", \"extends\": \"core\", \"x_note\": \"ours\",\n"
		   " \"rules\": [\n"
		   "  {\"id\": \"r2\", \"max\": 1},\n"
		   "  {\"id\": \"r3\", \"off\": true},\n"
		   "  {\"id\": \"r4\", " PRESENT ", \"off\": false},\n"
		   "  {\"id\": \"r1\", \"message\": {\"da\": \"D2\"}}]}\n");
	write_file("upper/child.json",
		   "{\"name\": \"child\", \"extends\": \"core\", \"title\": \"Child set\",\n"
		   " \"parameters\": {\"school_age\": 5, \"adult_age\": \"18y6m\"},\n"
		   " \"transition_kinds\": [\"respite\", \"camp\"],\n"
		   " \"rules\": [{\"id\": \"r1\", \"off\": true}]}\n");
}

static void
test_inheritance(void)
{
	ck_rulebook *book;
	const ck_ruleset *core, *child, *site;
	char want[512];
	ck_duration d;
	int years;

	write_inheritance();
	set_rules_path("upper:lower");
	book = ck_rulebook_load(NULL);
	ok(book != NULL, "a rulebook loads");

	core = ck_rulebook_get(book, "core");
	child = ck_rulebook_get(book, "child");
	site = ck_rulebook_get(book, "only-site");
	ok(core != NULL && child != NULL, "its sets are there by name");
	ok(site != NULL, "sets of the site's rules_path too");
	if (core == NULL || child == NULL || site == NULL) {
		ck_rulebook_free(book);
		return;
	}
	path_of(want, sizeof want, "upper/core.json");
	is_str(ck_ruleset_file(core), want, "core is the first found: upper/");
	is_str(ck_ruleset_name(core), "core", "its name");
	ok(ck_rulebook_get(book, "nothing") == NULL, "an unknown name: NULL");
	ok(ck_rulebook_get(book, NULL) == NULL, "no name: NULL");
	ok(ck_rulebook_for(book, "child") == child, "a case's pathway finds its set");
	ok(ck_rulebook_for(book, "nothing") == NULL, "an unknown pathway: NULL");
	ok(ck_rulebook_for(book, NULL) == NULL, "no pathway: NULL");

	/* Rules: merged over the inherited ones, in their places. */
	is_int(json_array_size(ck_ruleset_rules(core)), 3, "core: three rules after inheritance");
	is_str(rule_id(core, 0), "r1", "r1 keeps its place though named last");
	is_str(rule_id(core, 1), "r2", "r2 in its place");
	is_str(rule_id(core, 2), "r4", "r3 turned off; the new r4 after the inherited");
	is_int(json_integer_value(rule_field(core, 1, "max")), 1, "r2: the field named changes");
	is_str(json_string_value(rule_field(core, 1, "kind")), "count", "r2: the others stay");
	is_str(json_string_value(rule_field(core, 1, "basis")), "local", "r2: basis inherited");
	is_str(json_string_value(json_object_get(rule_field(core, 0, "message"), "da")), "D2",
	       "r1: the Danish message changed");
	is_str(json_string_value(json_object_get(rule_field(core, 0, "message"), "en")), "E1",
	       "r1: the English message kept");
	is_str(json_string_value(rule_field(core, 0, "path")), "a", "r1: its path kept");
	ok(rule_field(core, 2, "off") == NULL, "\"off\": false is not kept in the rule");

	{
		char *file;

		path_of(want, sizeof want, "upper");
		file = ck_rules_find("core", want);
		path_of(want, sizeof want, "lower/core.json");
		is_str(file, want, "the shadowed set is found past upper/");
		free(file);
	}

	is_int(json_array_size(ck_ruleset_rules(child)), 2, "child: r1 off, r2 and r4 left");
	is_str(rule_id(child, 0), "r2", "child: r2 first");
	is_int(json_integer_value(rule_field(child, 0, "max")), 1,
	       "child inherits core's change of r2, through two levels");

	/* Titles. */
	is_str(ck_ruleset_title(core, "da"), "Kerne", "a set without a title inherits it (da)");
	is_str(ck_ruleset_title(core, "sv"), "Core", "a language not given falls back to en");
	is_str(ck_ruleset_title(core, NULL), "Core", "no language: en");
	is_str(ck_ruleset_title(child, "da"), "Child set", "a plain string title: every language");
	is_str(ck_ruleset_title(site, "en"), "only-site", "no title anywhere: the name");

	/* Parameters: own, inherited, or casekit's. */
	ok(ck_ruleset_years(core, "school_age", &years) && years == 7,
	   "core: school_age inherited from lower/core (7)");
	ok(ck_ruleset_years(child, "school_age", &years) && years == 5,
	   "child: its own school_age (5)");
	ok(ck_ruleset_years(child, "youth_education_age", &years) && years == 16,
	   "youth_education_age: casekit's default 16");
	ok(ck_ruleset_duration(child, "daycare_lead", &d) && d.months == 3 && d.days == 0,
	   "daycare_lead 3m inherited through two levels");
	ok(ck_ruleset_duration(child, "adult_age", &d) && d.months == 222 && d.days == 0,
	   "adult_age 18y6m: its own");
	ok(ck_ruleset_duration(core, "adult_age", &d) && d.months == 216,
	   "adult_age: default 18y");
	ok(ck_ruleset_duration(site, "kindergarten_age", &d) && d.months == 34,
	   "kindergarten_age: default 2y10m");
	ok(ck_ruleset_duration(site, "daycare_age", &d) && d.months == 12, "daycare_age: 1y");
	ok(ck_ruleset_duration(site, "daycare_lead", &d) && d.months == 6, "daycare_lead: 6m");
	ok(ck_ruleset_duration(site, "kindergarten_lead", &d) && d.months == 6,
	   "kindergarten_lead: 6m");
	ok(ck_ruleset_duration(site, "school_lead", &d) && d.months == 12, "school_lead: 12m");
	ok(ck_ruleset_duration(site, "youth_education_lead", &d) && d.months == 12,
	   "youth_education_lead: 12m");
	ok(ck_ruleset_duration(site, "adult_prepare_age", &d) && d.months == 192,
	   "adult_prepare_age: 16y");
	ok(ck_ruleset_years(site, "school_age", &years) && years == 6, "school_age: 6");
	ok(!ck_ruleset_duration(site, "school_age", &d), "school_age is not a duration");
	ok(!ck_ruleset_years(site, "daycare_age", &years), "daycare_age is not whole years");
	ok(!ck_ruleset_duration(site, "nothing", &d), "no such duration");
	ok(!ck_ruleset_years(site, "nothing", &years), "no such years");

	/* Transition kinds. */
	ok(ck_ruleset_transition_kind(site, "youth-education"), "a standard kind");
	ok(ck_ruleset_transition_kind(site, "own-home") && ck_ruleset_transition_kind(site, "job"),
	   "own-home and job are standard");
	ok(!ck_ruleset_transition_kind(site, "respite"), "a kind the set does not list");
	ok(ck_ruleset_transition_kind(core, "respite"), "a kind inherited");
	ok(!ck_ruleset_transition_kind(core, "camp"), "a kind of a set below it is not");
	ok(ck_ruleset_transition_kind(child, "camp") && ck_ruleset_transition_kind(child, "respite"),
	   "own kinds and inherited");
	ok(!ck_ruleset_transition_kind(child, "Camp"), "kinds are case-sensitive");
	ok(!ck_ruleset_transition_kind(child, NULL), "no kind");
	ck_rulebook_free(book);

	/* --rules by name and by file. */
	book = ck_rulebook_load("child");
	ok(ck_rulebook_for(book, "core") == ck_rulebook_get(book, "child"),
	   "--rules NAME: that set for every case");
	ok(ck_rulebook_for(book, NULL) != NULL, "even one without a pathway");
	ck_rulebook_free(book);

	path_of(want, sizeof want, "lower/core.json");
	book = ck_rulebook_load(want);
	is_str(ck_ruleset_file(ck_rulebook_for(book, "child")), want,
	       "--rules FILE: that file, though shadowed in the path");
	is_int(json_array_size(ck_ruleset_rules(ck_rulebook_for(book, NULL))), 3,
	       "its own rules, not upper/'s");
	path_of(want, sizeof want, "upper/core.json");
	is_str(ck_ruleset_file(ck_rulebook_get(book, "core")), want,
	       "ck_rulebook_get still names the path's set");
	ck_rulebook_free(book);
}

/* Three folders each with a set "layer", the upper two extending their
 * own name: each extends the next one down, never one above it. */
static void
test_layers(void)
{
	ck_rulebook *book;
	const ck_ruleset *set;

	make_dir("l1");
	make_dir("l2");
	make_dir("l3");
	write_file("l1/layer.json", "{\"name\": \"layer\", \"extends\": \"layer\","
		   " \"rules\": [{\"id\": \"one\", " PRESENT "}]}");
	write_file("l2/layer.json", "{\"name\": \"layer\", \"extends\": \"layer\","
		   " \"rules\": [{\"id\": \"two\", " PRESENT "}]}");
	write_file("l3/layer.json", "{\"name\": \"layer\","
		   " \"rules\": [{\"id\": \"three\", " PRESENT "}]}");
	is_int(load_status("l1:l2:l3", NULL), 0, "three layers of one name load");
	set_rules_path("l1:l2:l3");
	book = ck_rulebook_load(NULL);
	set = ck_rulebook_get(book, "layer");
	is_int(json_array_size(ck_ruleset_rules(set)), 3, "each layer adds its rule");
	is_str(rule_id(set, 0), "three", "the lowest first");
	is_str(rule_id(set, 2), "one", "the highest last");
	ck_rulebook_free(book);

	/* The same folder twice in the path is still one folder. */
	is_int(load_status("l2:l2:l3", NULL), 0, "a folder listed twice: no cycle");
}

/* Each broken set, alone in a folder: the load exits 2 naming the file,
 * the rule id or member, and what is wrong. */
static void
test_errors(void)
{
	static const struct {
		const char *file;
		const char *text;
		const char *message;
		const char *name;
	} cases[] = {
		{ "bad.json", "{\"name\": \"bad\",\n  oops}\n",
		  "bad.json:2: invalid JSON (column", "invalid JSON: line and column" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [\n",
		  "bad.json:2: invalid JSON: the file ends inside a value", "a file cut short" },
		{ "bad.json", "{\"name\": \"bad\", \"name\": \"bad\"}",
		  "bad.json:1: a key appears twice", "a duplicated key" },
		{ "bad.json", "{\"name\": \"bad\"} {}", "more than one value",
		  "two values in the file" },
		{ "bad.json", "[]", "bad.json: not a JSON object", "an array, not an object" },
		{ "bad.json", "", "bad.json: empty: not a rule set", "an empty file" },
		{ "bad.json", "{}", "bad.json: name: missing", "no name" },
		{ "bad.json", "{\"name\": 5}", "bad.json: name: missing, or not a string",
		  "a name that is a number" },
		{ "bad.json", "{\"name\": \"other\"}",
		  "bad.json: name: not the file's name without .json (bad)",
		  "a name other than the file's" },
		{ "bad set.json", "{\"name\": \"bad set\"}",
		  "bad set.json: the file is not named NAME.json",
		  "a file name that is no set name" },
		{ "bad.json", "{\"name\": \"bad\", \"colour\": \"red\"}",
		  "bad.json: colour: not a member of a rule set", "an unknown member" },
		{ "bad.json", "{\"name\": \"bad\", \"title\": 3}", "bad.json: title: not a string",
		  "a title that is a number" },
		{ "bad.json", "{\"name\": \"bad\", \"title\": {\"en\": 3}}",
		  "bad.json: title: not a string", "a title in a language that is a number" },
		{ "bad.json", "{\"name\": \"bad\", \"title\": {}}", "bad.json: title:",
		  "a title without a language" },
		{ "bad.json", "{\"name\": \"bad\", \"extends\": 1}",
		  "bad.json: extends: not a rule-set name", "extends not a string" },
		{ "bad.json", "{\"name\": \"bad\", \"extends\": \"../x\"}",
		  "bad.json: extends: not a rule-set name", "extends a path" },
		{ "bad.json", "{\"name\": \"bad\", \"extends\": \"nowhere\"}",
		  "bad.json: extends: no rule set named nowhere", "extends a set not found" },
		{ "bad.json", "{\"name\": \"bad\", \"extends\": \"bad\"}",
		  "bad.json: extends: no rule set named bad", "extends its own name, none below" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": []}",
		  "bad.json: parameters: not an object", "parameters not an object" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"colour\": \"1y\"}}",
		  "bad.json: parameters.colour: no such parameter", "an unknown parameter" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"daycare_lead\": \"6 months\"}}",
		  "bad.json: parameters.daycare_lead: not a duration", "a duration in words" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"daycare_lead\": \"-6m\"}}",
		  "bad.json: parameters.daycare_lead: not a duration", "a negative lead time" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"adult_age\": 18}}",
		  "bad.json: parameters.adult_age: not a duration", "a duration as a number" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"school_age\": \"6\"}}",
		  "bad.json: parameters.school_age: not a whole number of years",
		  "years as a string" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"school_age\": 6.5}}",
		  "bad.json: parameters.school_age: not a whole number", "years with a fraction" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"youth_education_age\": 0}}",
		  "bad.json: parameters.youth_education_age: not a whole number", "years 0" },
		{ "bad.json", "{\"name\": \"bad\", \"parameters\": {\"camp_age\": \"5y\"}}",
		  "bad.json: parameters.camp_age: no such parameter",
		  "the age of a kind the set does not allow" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": [\"camp\"], "
		  "\"parameters\": {\"camp_age\": \"five\"}}",
		  "bad.json: parameters.camp_age: not an age", "a set's own kind: an age in words" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": [\"camp\"], "
		  "\"parameters\": {\"camp_age\": 0}}",
		  "bad.json: parameters.camp_age: not an age", "a set's own kind: 0 years" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": [\"camp\"], "
		  "\"parameters\": {\"camp_lead\": 2}}",
		  "bad.json: parameters.camp_lead: not a duration", "a set's own kind: a lead in years" },
		{ "bad.json", "{\"name\": \"bad\", \"planned_transitions\": \"school\"}",
		  "bad.json: planned_transitions: not a list of 1 to 16 transition kinds",
		  "planned_transitions not a list" },
		{ "bad.json", "{\"name\": \"bad\", \"planned_transitions\": []}",
		  "bad.json: planned_transitions: not a list", "planned_transitions empty" },
		{ "bad.json", "{\"name\": \"bad\", \"planned_transitions\": [\"school\", \"camp\"]}",
		  "bad.json: planned_transitions[#2]: not a transition kind of the set",
		  "a planned kind the set does not allow" },
		{ "bad.json", "{\"name\": \"bad\", \"planned_transitions\": [\"school\", \"school\"]}",
		  "bad.json: planned_transitions[#2]: listed twice", "a planned kind twice" },
		{ "bad.json", "{\"name\": \"bad\", \"planned_transitions\": [\"own-home\"]}",
		  "bad.json: planned_transitions[#1]: a planned transition needs the age it is due "
		  "at: parameters.own_home_age", "a planned kind without an age" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": [\"camp\"], "
		  "\"parameters\": {\"camp_age\": \"5y\"}, \"planned_transitions\": [\"camp\"]}",
		  "bad.json: planned_transitions[#1]: a planned transition needs parameters.camp_lead "
		  "or parameters.camp_prepare_age", "a planned kind without a lead" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": \"camp\"}",
		  "bad.json: transition_kinds: not an array", "transition_kinds not an array" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": [\"camp\", \"\"]}",
		  "bad.json: transition_kinds[#2]: not a non-empty string", "an empty kind" },
		{ "bad.json", "{\"name\": \"bad\", \"transition_kinds\": [7]}",
		  "bad.json: transition_kinds[#1]: not a non-empty string", "a kind not a string" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": {}}",
		  "bad.json: rules: not an array", "rules not an array" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [[]]}",
		  "bad.json: rules[#1]: not an object", "a rule not an object" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"kind\": \"present\"}]}",
		  "bad.json: rules[#1]: id: not a non-empty string", "a rule without an id" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", \"kind\": \"present\"},"
		  " {\"id\": \"r1\", \"kind\": \"count\"}]}",
		  "bad.json: r1: id: given to two rules", "two rules with one id" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r9\", \"max\": 1}]}",
		  "bad.json: r9: kind: missing, and the set inherits no rule with this id",
		  "a new id without a kind" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r9\", \"off\": true}]}",
		  "bad.json: r9: off: the set inherits no rule", "off for a rule not inherited" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", \"kind\": \"present\","
		  " \"off\": \"yes\"}]}", "bad.json: r1: off: not true or false", "off not a bool" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", " R0 "\"basis\": \"custom\", " TEXTS "}]}",
		  "bad.json: r1: basis: not one of: law, recommendation, local", "a bad basis" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": 3, \"path\": \"a\", " R TEXTS "}]}",
		  "bad.json: r1: kind: not a non-empty string", "a kind not a string" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"sometimes\", \"path\": \"a\", " R TEXTS "}]}",
		  "bad.json: r1: kind: no such kind of rule", "an unknown kind" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", " R0 TEXTS "}]}",
		  "bad.json: r1: basis: missing", "a rule without a basis" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", \"basis\": \"law\", " TEXTS "}]}",
		  "bad.json: r1: ref: missing", "a rule without a ref" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", " R "\"reminder\": {\"en\": \"N\"}" "}]}",
		  "bad.json: r1: message: missing", "a rule without a message" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", " R "\"message\": {\"en\": \"M\"}" "}]}",
		  "bad.json: r1: reminder: missing", "a rule without a reminder" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", " R "\"message\": \"do it\", \"reminder\": {\"en\": \"N\"}" "}]}",
		  "bad.json: r1: message: not an object", "a message not by language" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", " R "\"message\": {\"en\": \"M\"}, \"reminder\": {\"en\": \"\"}" "}]}",
		  "bad.json: r1: reminder:", "an empty reminder" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"remind\": \"soon\"" "}]}",
		  "bad.json: r1: remind: not a duration", "remind not a duration" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": []" "}]}",
		  "bad.json: r1: when: not an object", "when not an object" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"each\": 1" "}]}",
		  "bad.json: r1: each: not a path", "each not a path" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"each\": \"a[b\"" "}]}",
		  "bad.json: r1: each: ", "each a broken path" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", \"basis\": \"law\", \"ref\": 5, " TEXTS "}]}",
		  "bad.json: r1: ref: not a non-empty string", "ref not a string" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", " R TEXTS "}]}",
		  "bad.json: r1: path: missing (a rule of kind present needs it)", "present without a path" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"opened\", " R TEXTS "}]}",
		  "bad.json: r1: within: missing (a rule of kind deadline needs it)", "a deadline without within" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"a[b\", \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: ", "a deadline from a broken path" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": [], \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: an empty list of paths", "from an empty list" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": [\"opened\", 3], \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: not a path", "from a list holding a number" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"opened\", \"within\": \"3 months\", " R TEXTS "}]}",
		  "bad.json: r1: within: not a duration", "within in words" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"opened\", \"within\": \"3m\", \"after\": \"yes\", " R TEXTS "}]}",
		  "bad.json: r1: after: not true or false", "after not a bool" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"opened\", \"withn\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: withn: not a field of a rule of kind deadline", "a misspelt field" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"present\", \"path\": \"a\", \"every\": \"6m\", " R TEXTS "}]}",
		  "bad.json: r1: every: not a field of a rule of kind present", "another kind's field" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"count\", \"path\": \"actors\", " R TEXTS "}]}",
		  "bad.json: r1: min, max: a count needs one or both", "a count without bounds" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"count\", \"path\": \"actors\", \"min\": 3, \"max\": 2, " R TEXTS "}]}",
		  "bad.json: r1: min: more than max", "a count with min above max" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"count\", \"path\": \"actors\", \"max\": -1, " R TEXTS "}]}",
		  "bad.json: r1: max: not a whole number, 0 or more", "a negative max" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"count\", \"path\": \"actors\", \"max\": 2, \"where\": {\"role\": \"(\"}, " R TEXTS "}]}",
		  "bad.json: r1: where: role: missing closing parenthesis", "a broken pattern in where" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"match\", \"path\": \"a\", \"pattern\": \"(\", " R TEXTS "}]}",
		  "bad.json: r1: pattern: missing closing parenthesis", "a broken pattern" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"diagnosis.status\": \"[a\"}" "}]}",
		  "bad.json: r1: when: diagnosis.status: missing terminating ]", "a broken pattern in when" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"a[b\": \"x\"}" "}]}",
		  "bad.json: r1: when: a[b: ", "a broken path in when" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"sectors\": \"2\"}" "}]}",
		  "bad.json: r1: when: sectors: not a whole number of sectors", "sectors not a number" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"sectors\": [\"health\", \"family\"]}" "}]}",
		  "bad.json: r1: when: sectors: not a whole number of sectors, 1 or more, nor a list",
		  "sectors naming the family" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"sectors\": [\"school\"]}" "}]}",
		  "bad.json: r1: when: sectors: not a whole number", "sectors naming no sector" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"sectors\": []}" "}]}",
		  "bad.json: r1: when: sectors: not a whole number", "sectors an empty list" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"knowledge-source\", \"roles\": [], " R TEXTS "}]}",
		  "bad.json: r1: roles: not a list of names", "knowledge-source with no roles" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"transition-prepare\", \"kinds\": [\"adult\"], \"except\": [\"school\"], " R TEXTS "}]}",
		  "bad.json: r1: kinds, except: give one or the other", "transition-prepare with kinds and except" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"title\": \"x\"" "}]}",
		  "bad.json: r1: title: not an object of texts by language", "a rule title that is a string" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"title\": {\"da\": \"\"}" "}]}",
		  "bad.json: r1: title: not an object of texts by language", "a rule title that is empty" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": {\"first\": [\"opened\"]}, \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: not a path, a list of paths, or {\"earliest\"", "from an object of neither earliest nor latest" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": {\"earliest\": []}, \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: not a path, a list of paths, or {\"earliest\"", "from earliest of nothing" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": {\"latest\": [{\"plus\": \"3m\"}]}, \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: path: missing", "a from item without a path" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": {\"latest\": [{\"path\": \"opened\", \"plus\": \"soon\"}]}, \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: plus: not a duration", "a from item plus no duration" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": {\"latest\": [{\"path\": \"a\", \"alongside\": \"started\"}]}, \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: alongside: needs date", "alongside without date" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": {\"latest\": [{\"path\": \"a\", \"minus\": \"1m\"}]}, \"within\": \"3m\", " R TEXTS "}]}",
		  "bad.json: r1: from: minus: not a member of an item of from", "an unknown member of a from item" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"opened\", \"within\": \"3m\", \"unless\": [], " R TEXTS "}]}",
		  "bad.json: r1: unless: an empty list of paths", "unless an empty list" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"deadline\", \"from\": \"opened\", \"within\": \"3m\", \"in_time\": 1, " R TEXTS "}]}",
		  "bad.json: r1: in_time: not a path", "in_time not a path" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"age_below\": \"16\"}" "}]}",
		  "bad.json: r1: when: age_below: not an age", "an age without a unit" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"age_at_least\": \"-16y\"}" "}]}",
		  "bad.json: r1: when: age_at_least: not an age", "a negative age" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"when\": {\"age_on\": \"decided\"}" "}]}",
		  "bad.json: r1: when: age_on: needs age_below or age_at_least", "age_on alone" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"cases\": []" "}]}",
		  "bad.json: r1: cases: not a non-empty list", "cases empty" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"cases\": [{\"path\": \"b\"}]" "}]}",
		  "bad.json: r1: cases[#1].when: missing", "a case without when" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"cases\": [{\"when\": {\"a\": \"(\"}}]" "}]}",
		  "bad.json: r1: cases[#1].when: a: missing closing parenthesis", "a case with a broken when" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"cases\": [{\"when\": {}, \"within\": \"3m\"}]" "}]}",
		  "bad.json: r1: cases[#1].within: not a field of a rule of kind present", "a case with another kind's field" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"cases\": [{\"when\": {}, \"path\": 3}]" "}]}",
		  "bad.json: r1: cases[#1].path: not a path", "a case with a bad field" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " PRESENT ", \"cases\": [{\"when\": {}, \"off\": false}]" "}]}",
		  "bad.json: r1: cases[#1].off: not true", "a case off false" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"youth-plan\", \"placements\": \"(\", " R TEXTS "}]}",
		  "bad.json: r1: placements: missing closing parenthesis", "youth-plan with a broken pattern" },
		{ "bad.json", "{\"name\": \"bad\", \"rules\": [{\"id\": \"r1\", " "\"kind\": \"coordinator\", \"municipal\": \"no\", " R TEXTS "}]}",
		  "bad.json: r1: municipal: not true or false", "coordinator municipal not a bool" },
	};
	char dirname[64], sub[128], file[512];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int status;

		snprintf(dirname, sizeof dirname, "err%zu", i);
		make_dir(dirname);
		snprintf(sub, sizeof sub, "%s/%s", dirname, cases[i].file);
		write_file(sub, cases[i].text);
		path_of(file, sizeof file, sub);
		status = load_status(dirname, NULL);
		is_int(status, 2, "exit 2: %s", cases[i].name);
		ok(contains(slurp(), cases[i].message) && contains(slurp(), file),
		   "message with the file: %s", cases[i].name);
		if (!contains(slurp(), cases[i].message))
			printf("#   stderr: %s", slurp());
	}
}

static void
test_extends_errors(void)
{
	char file[512];

	/* A cycle through two sets. */
	make_dir("cycle");
	write_file("cycle/a.json", "{\"name\": \"a\", \"extends\": \"b\"}");
	write_file("cycle/b.json", "{\"name\": \"b\", \"extends\": \"a\"}");
	is_int(load_status("cycle", NULL), 2, "a cycle of extends: exit 2");
	ok(contains(slurp(), "extends: the sets extend each other in a cycle: a -> b -> a"),
	   "the cycle is named");

	/* A cycle of three, found from --rules. */
	make_dir("cycle3");
	write_file("cycle3/x.json", "{\"name\": \"x\", \"extends\": \"y\"}");
	write_file("cycle3/y.json", "{\"name\": \"y\", \"extends\": \"z\"}");
	write_file("cycle3/z.json", "{\"name\": \"z\", \"extends\": \"y\"}");
	is_int(load_status("cycle3", "x"), 2, "a cycle below the set: exit 2");
	ok(contains(slurp(), "cycle: y -> z -> y"), "names the sets of the cycle only");

	/* A set extending a broken one: one message, for the broken one. */
	make_dir("chain");
	write_file("chain/top.json", "{\"name\": \"top\", \"extends\": \"broken\"}");
	write_file("chain/broken.json", "{\"name\": \"broken\", \"parameters\": {\"x\": 1}}");
	is_int(load_status("chain", NULL), 2, "extending a broken set: exit 2");
	{
		const char *err = slurp();
		const char *nl = strchr(err, '\n');

		ok(contains(err, "broken.json: parameters.x") && nl != NULL && nl[1] == '\0',
		   "the broken set is reported once, and nothing more");
	}

	/* An override that breaks an inherited rule. */
	make_dir("override");
	write_file("override/base2.json", "{\"name\": \"base2\", \"rules\":"
		   " [{\"id\": \"r1\", \"kind\": \"present\", \"path\": \"a\", \"basis\": \"law\", " R0 TEXTS "}]}");
	write_file("override/loc.json", "{\"name\": \"loc\", \"extends\": \"base2\", \"rules\":"
		   " [{\"id\": \"r1\", \"basis\": \"maybe\"}]}");
	is_int(load_status("override", NULL), 2, "an override with a bad basis: exit 2");
	path_of(file, sizeof file, "override/loc.json");
	ok(contains(slurp(), file) && contains(slurp(), "r1: basis:"),
	   "reported with the overriding file and the rule id");

	/* --rules. */
	is_int(load_status("upper:lower", "nothing"), 2, "--rules naming no set: exit 2");
	ok(contains(slurp(), "--rules: no rule set named nothing"), "says so");
	path_of(file, sizeof file, "nowhere/x.json");
	is_int(load_status("upper:lower", file), 2, "--rules naming no file: exit 2");
	ok(contains(slurp(), "x.json: cannot open"), "says why");
	is_int(load_status("upper:lower", "x.json"), 2, "--rules x.json is a file, not a name");
	path_of(file, sizeof file, "err0/bad.json");
	is_int(load_status("upper:lower", file), 2, "--rules naming a broken file: exit 2");
	is_int(load_status("upper:lower", "child"), 0, "--rules naming a good set: loads");

	/* A broken set shadowed by a good one of its name is never read. */
	make_dir("shadow");
	write_file("shadow/bad.json", "{\"name\": \"bad\"}");
	is_int(load_status("shadow:err0", NULL), 0, "a shadowed broken set is not read");
	is_int(load_status("err0:shadow", NULL), 2, "the first found is, and breaks the run");

	/* Files that are not sets are passed over. */
	make_dir("misc");
	write_file("misc/README", "not a set");
	write_file("misc/.hidden.json", "not even JSON");
	write_file("misc/notes.json~", "a backup");
	make_dir("misc/folder.json");
	write_file("misc/ok.json", "{\"name\": \"ok\"}");
	is_int(load_status("misc:nonexistent-folder", NULL), 0,
	       "other files, hidden files, folders and missing folders are passed over");
}

/* The special kinds' fields take their defaults (design: network
 * meetings every 6m, siblings within 3m and under 18y, the knowledge
 * roles); a set's own value stays; x_ members are local notes. */
static void
test_kind_defaults(void)
{
	ck_rulebook *book;
	const ck_ruleset *set;
	const json_t *roles;

	make_dir("kinds");
	write_file("kinds/k.json", "{\"name\": \"k\", \"rules\": [\n"
		   " {\"id\": \"knowledge-source\", \"kind\": \"knowledge-source\", " R TEXTS "},\n"
		   " {\"id\": \"network-meeting\", \"kind\": \"network-meeting\", " R TEXTS "},\n"
		   " {\"id\": \"sibling-support\", \"kind\": \"sibling-support\", \"within\": \"2m\",\n"
		   "  \"x_note\": \"ours\", " R TEXTS "},\n"
		   " {\"id\": \"adult-prepare\", \"kind\": \"transition-prepare\",\n"
		   "  \"kinds\": [\"adult\"], " R TEXTS "},\n"
		   " {\"id\": \"coordinator\", \"kind\": \"coordinator\", " R TEXTS "},\n"
		   " {\"id\": \"youth-plan\", \"kind\": \"youth-plan\", " R TEXTS "},\n"
		   " {\"id\": \"child-heard\", \"kind\": \"child-heard\", " R TEXTS "},\n"
		   " {\"id\": \"consent-withdrawn\", \"kind\": \"consent-withdrawn\", " R TEXTS "}]}\n");
	is_int(load_status("kinds", NULL), 0, "special kinds without their fields load");
	set_rules_path("kinds");
	book = ck_rulebook_load(NULL);
	set = ck_rulebook_get(book, "k");
	if (set == NULL) {
		ok(0, "the set k loads");
		ck_rulebook_free(book);
		return;
	}
	roles = rule_field(set, 0, "roles");
	is_int(json_array_size(roles), 5, "knowledge-source: the five roles by default");
	is_str(json_string_value(json_array_get(roles, 2)), "viso", "VISO among them");
	is_str(json_string_value(rule_field(set, 1, "every")), "6m", "network-meeting: every 6m");
	is_str(json_string_value(rule_field(set, 2, "within")), "2m",
	       "sibling-support: the set's own within stays");
	is_str(json_string_value(rule_field(set, 2, "age")), "18y", "sibling-support: age 18y");
	is_str(json_string_value(rule_field(set, 2, "x_note")), "ours", "an x_ member is kept");
	ok(rule_field(set, 3, "except") == NULL, "transition-prepare: no default for except");
	ok(json_is_true(rule_field(set, 4, "municipal")),
	   "coordinator: municipal by default (DK 1.5: the municipality's)");
	is_str(json_string_value(rule_field(set, 5, "age")), "16y", "youth-plan: from 16 (§ 108)");
	is_str(json_string_value(rule_field(set, 5, "within")), "3m",
	       "youth-plan: within 3 months (§ 108 stk. 3)");
	is_str(json_string_value(rule_field(set, 5, "paragraphs")),
	       "^BL § (32|114|115|120)( stk\\.| nr\\.|$)",
	       "youth-plan: the supports of § 108 stk. 1 nr. 2-3");
	is_str(json_string_value(rule_field(set, 5, "placements")),
	       "^BL § (46|47|116)( stk\\.| nr\\.|$)",
	       "youth-plan: the placements of § 108 stk. 2");
	is_str(json_string_value(rule_field(set, 6, "paragraphs")), "^BL ",
	       "child-heard: decisions under barnets lov");
	ok(rule_field(set, 7, "paragraphs") == NULL, "consent-withdrawn: no fields");
	ck_rulebook_free(book);
}

/* The rule of SET with ID, or NULL. */
static const json_t *
rule_named(const ck_ruleset *set, const char *id)
{
	const json_t *rule;
	size_t i;

	json_array_foreach(ck_ruleset_rules(set), i, rule)
		if (strcmp(json_string_value(json_object_get(rule, "id")), id) == 0)
			return rule;
	return NULL;
}

/* True when a title, message or reminder of RULES holds a word a
 * caseworker would not use: the law's "familievejleder" is no
 * "familierådgiver", and a duty has a frist, it does not "forfalde". */
static bool
words_amiss(const json_t *rules)
{
	static const char *const members[] = { "title", "message", "reminder" };
	static const char *const words[] = {
		"familierådgiv", "familjerådgiv", "forfald", "förfall", "Forfald", "Förfall"
	};
	const json_t *rule, *text;
	const char *lang;
	size_t i, m, w;

	json_array_foreach(rules, i, rule)
		for (m = 0; m < 3; m++)
			json_object_foreach(json_object_get(rule, members[m]), lang, text)
				for (w = 0; w < sizeof words / sizeof words[0]; w++)
					if (strstr(json_string_value(text), words[w]) != NULL) {
						printf("# %s %s.%s: %s\n",
						       json_string_value(json_object_get(rule, "id")),
						       members[m], lang, words[w]);
						return true;
					}
	return false;
}

static void
test_shipped(void)
{
	/* Design section 4: law, recommendation, or a local number. */
	static const char *const bases[][2] = {
		{ "assessment-start", "recommendation" }, { "assessment-deadline", "law" },
		{ "assessment-finish", "local" }, { "intervention-start", "local" },
		{ "decision-deadline", "local" }, { "decision-delay-notice", "law" },
		{ "child-heard", "law" }, { "child-plan", "law" }, { "child-plan-review", "local" },
		{ "follow-up", "law" }, { "follow-up-next", "law" }, { "youth-plan", "law" },
		{ "target-group", "local" }, { "family-adviser", "law" },
		{ "common-plan", "recommendation" }, { "common-plan-review", "recommendation" },
		{ "network-meeting", "recommendation" }, { "coordinator", "recommendation" },
		{ "contacts", "local" }, { "consent", "recommendation" },
		{ "consent-withdrawn", "law" }, { "family-support", "recommendation" },
		{ "sibling-support", "recommendation" }, { "transition-prepare", "recommendation" },
		{ "adult-prepare", "law" }, { "transition-handover", "recommendation" },
		{ "adult-decisions", "law" }, { "complaint-reassessment", "law" },
		{ "references", "local" },
	};
	static const char *const names[] = {
		"base", "disability", "prenatal-exposure", "rare-disability", "se-samordning", NULL
	};
	const char *top = getenv("top_srcdir");
	char value[1024];
	ck_rulebook *book;
	const ck_ruleset *set;
	size_t i;
	ck_duration d;
	int years;

	if (top == NULL || *top == '\0') {
		ok(1, "# SKIP top_srcdir is not set: the shipped sets are not tested");
		return;
	}
	snprintf(value, sizeof value, "%s/rules", top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	for (i = 0; names[i] != NULL; i++) {
		set = ck_rulebook_get(book, names[i]);
		ok(set != NULL && strcmp(ck_ruleset_name(set), names[i]) == 0,
		   "the shipped set %s loads", names[i]);
		ok(set != NULL && strcmp(ck_ruleset_title(set, "da"), names[i]) != 0
		   && strcmp(ck_ruleset_title(set, "sv"), ck_ruleset_title(set, "en")) != 0,
		   "%s has titles in Danish and Swedish", names[i]);
	}
	/* The rules of design section 4, each with its basis, and texts in
	 * every language. */
	set = ck_rulebook_get(book, "base");
	is_int(set != NULL ? json_array_size(ck_ruleset_rules(set)) : 0, 29,
	       "base: 29 rules, in the order of design section 4");
	for (i = 0; set != NULL && i < sizeof bases / sizeof bases[0]; i++)
		is_str(json_string_value(json_object_get(json_array_get(ck_ruleset_rules(set), i), "id")),
		       bases[i][0], "base: rule %zu is %s", i + 1, bases[i][0]);
	for (i = 0; set != NULL && i < sizeof bases / sizeof bases[0]; i++)
		is_str(json_string_value(json_object_get(rule_named(set, bases[i][0]), "basis")),
		       bases[i][1], "base: %s is %s", bases[i][0], bases[i][1]);
	ok(set != NULL && rule_named(set, "knowledge-source") == NULL
	   && rule_named(set, "sip") == NULL, "base: no knowledge-source, no sip");
	for (i = 0; names[i] != NULL; i++) {
		const json_t *rule;
		size_t j;
		bool texts = true;

		set = ck_rulebook_get(book, names[i]);
		json_array_foreach(set != NULL ? ck_ruleset_rules(set) : NULL, j, rule) {
			const char *const langs[] = { "en", "da", "sv" };
			size_t k;

			for (k = 0; k < 3; k++)
				if (json_object_get(json_object_get(rule, "message"), langs[k]) == NULL
				    || json_object_get(json_object_get(rule, "reminder"), langs[k]) == NULL
				    || json_object_get(json_object_get(rule, "title"), langs[k]) == NULL)
					texts = false;
		}
		ok(set != NULL && texts,
		   "%s: every rule has a title, a message and a reminder in en, da, sv", names[i]);
		ok(set != NULL && !words_amiss(ck_ruleset_rules(set)),
		   "%s: no text says familierådgiver, familjerådgivare, forfalder or förfaller "
		   "(the law says familievejleder; a date is a frist)", names[i]);
	}
	set = ck_rulebook_get(book, "rare-disability");
	is_int(set != NULL ? json_array_size(ck_ruleset_rules(set)) : 0, 31,
	       "rare-disability: base and two");
	ok(set != NULL && rule_named(set, "knowledge-source") != NULL
	   && rule_named(set, "peer-network") != NULL, "rare-disability: knowledge-source, peer-network");
	set = ck_rulebook_get(book, "prenatal-exposure");
	ok(set != NULL && rule_named(set, "exposure-recorded") != NULL
	   && rule_named(set, "reassessment") != NULL, "prenatal-exposure: its two rules");
	set = ck_rulebook_get(book, "disability");
	is_int(set != NULL ? json_array_size(ck_ruleset_rules(set)) : 0, 29, "disability: base");
	/* se-samordning is Sweden's own: no Danish rule, ref or word. */
	set = ck_rulebook_get(book, "se-samordning");
	{
		static const char *const ids[] = {
			"sip", "sip-start", "sip-review", "lss-plan", "lss-plan-review",
			"not-executed", "koordinator", "child-views", "consent",
			"consent-withdrawn", "information-service", "network-meeting",
			"transition-prepare", "transition-handover", "references"
		};
		const json_t *rule;
		size_t i, danish = 0, untitled = 0;

		is_int(set != NULL ? json_array_size(ck_ruleset_rules(set)) : 0, 15,
		       "se-samordning: 15 rules");
		for (i = 0; set != NULL && i < sizeof ids / sizeof ids[0]; i++)
			ok(rule_named(set, ids[i]) != NULL, "se-samordning: rule %s", ids[i]);
		json_array_foreach(set != NULL ? ck_ruleset_rules(set) : NULL, i, rule) {
			const char *ref = json_string_value(json_object_get(rule, "ref"));
			char *text = json_dumps(rule, JSON_COMPACT);

			if (strstr(ref, "DK ") != NULL || strstr(ref, "Barnets lov") != NULL ||
			    strstr(ref, "lov §") != NULL || strstr(text, "VISO") != NULL ||
			    strstr(text, "afdækning") != NULL || strstr(text, "förfaller") != NULL ||
			    strstr(text, "barnomsorg") != NULL || strstr(text, "samordnare") != NULL)
				danish++;
			if (json_object_get(json_object_get(rule, "title"), "sv") == NULL ||
			    json_object_get(json_object_get(rule, "message"), "sv") == NULL ||
			    json_object_get(json_object_get(rule, "reminder"), "sv") == NULL)
				untitled++;
			free(text);
		}
		is_int((long)danish, 0, "se-samordning: no Danish ref or word in any rule");
		is_int((long)untitled, 0, "se-samordning: every rule has its Swedish title, message "
		       "and reminder");
	}
	ok(set != NULL && rule_named(set, "child-plan") == NULL &&
	   rule_named(set, "coordinator") == NULL && rule_named(set, "knowledge-source") == NULL,
	   "se-samordning: none of the Danish rules");
	is_str(set != NULL ? json_string_value(json_object_get(rule_named(set, "consent"), "basis")) : NULL,
	       "recommendation", "se-samordning: consent is a recommendation");
	ok(set != NULL && !ck_ruleset_coordinator_municipal(set),
	   "se-samordning: the koordinator may be the region's");
	ok(!ck_ruleset_coordinator_municipal(set) &&
	   ck_ruleset_coordinator_municipal(ck_rulebook_get(book, "base")) &&
	   ck_ruleset_coordinator_municipal(NULL), "base: the coordinator is municipal");

	set = ck_rulebook_get(book, "rare-disability");
	ok(set != NULL && ck_ruleset_duration(set, "kindergarten_age", &d) && d.months == 34,
	   "rare-disability: kindergarten at 2y10m (DK)");
	set = ck_rulebook_get(book, "se-samordning");
	ok(set != NULL && ck_ruleset_duration(set, "preschool_age", &d) && d.months == 12,
	   "se-samordning: förskola from 1y");
	ok(set != NULL && ck_ruleset_years(set, "preschool_class_age", &years) && years == 6,
	   "se-samordning: förskoleklass the year the child turns 6");
	ok(set != NULL && ck_ruleset_years(set, "school_age", &years) && years == 7,
	   "se-samordning: grundskola the year the child turns 7");
	is_str(set != NULL ? ck_ruleset_planned(set, 1) : NULL, "preschool-class",
	       "se-samordning: plans förskoleklass second");
	ck_rulebook_free(book);

	/* The example of casekit-rules(5): a local set extending the
	 * shipped set of its name. */
	snprintf(value, sizeof value, "%s/examples/local-rules:%s/rules", top, top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	set = ck_rulebook_get(book, "rare-disability");
	snprintf(value, sizeof value, "%s/examples/local-rules/rare-disability.json", top);
	is_str(set != NULL ? ck_ruleset_file(set) : NULL, value,
	       "the example local rare-disability is found first");
	ok(set != NULL && strcmp(ck_ruleset_title(set, "da"), "rare-disability") != 0,
	   "and has a title, its own or the shipped one's");
	ck_rulebook_free(book);
}

int
main(void)
{
	char conf[512], value[600];
	FILE *f;

	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	snprintf(errfile, sizeof errfile, "%s/stderr", root);

	/* The site settings name a folder of their own; read once here, so
	 * every child process shares them. */
	snprintf(conf, sizeof conf, "%s/casekit.conf", root);
	f = fopen(conf, "w");
	if (f == NULL) {
		perror(conf);
		return 99;
	}
	fprintf(f, "# test settings\nrules_path = %s/site\n", root);
	fclose(f);
	setenv("CASEKIT_CONFIG", conf, 1);
	/* After CASEKIT_CONFIG: under LC_ALL=C, ck_init reads the settings
	 * for their language. */
	ck_init("test-rules");
	if (ck_settings_get()->rules_path == NULL)
		return 99;

	test_find();
	test_inheritance();
	test_layers();
	test_errors();
	test_extends_errors();
	test_kind_defaults();
	test_shipped();

	snprintf(value, sizeof value, "rm -rf '%s'", root);
	if (system(value) != 0)
		printf("# could not remove %s\n", root);
	return done_testing();
}
