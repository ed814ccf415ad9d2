/* SPDX-License-Identifier: MPL-2.0 */
/* test-reminders.c — unit tests of lib/reminders.c: the digests of
 * case-report --reminders (design section 5.6, "Reminders").
 *
 * The cases are synthetic, with checklists written by hand (no CPR
 * numbers; the only child's name is the obviously made-up "Testbarn
 * Eksempel"). The rule texts come from the shipped sets (top_srcdir, from
 * make check) and one small local set written into a mkdtemp folder that
 * CASEKIT_RULES_PATH names first. Fixtures are written with ' for " and
 * q() turns them back. T is 2026-11-22: T+14 is 2026-12-06, T+30 is
 * 2026-12-22. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

#define T0 "2026-11-22"

static char root[] = "/tmp/casekit-test-reminders.XXXXXX";
static ck_rulebook *book;
static bool danish_ready;

static char *
xdup(const char *text)
{
	char *s = strdup(text);

	if (s == NULL)
		exit(99);
	return s;
}

static const char *
path_in(const char *name)
{
	char buf[512];

	snprintf(buf, sizeof buf, "%s/%s", root, name);
	return keep(xdup(buf));
}

static void
spew(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

/* ---------------------------------------------------------------------
 * Cases
 */

/* A case: the members FIELDS (' for "), and when FINDINGS is not NULL a
 * checklist made by RULESET with those findings. New reference. */
static json_t *
make_case(const char *fields, const char *ruleset, const char *findings)
{
	char text[8192];
	json_error_t err;
	json_t *rec;

	if (findings != NULL)
		snprintf(text, sizeof text,
			 "{'format':'casekit/1',%s,'checklist':{'as_of':'" T0 "',"
			 "'ruleset':'%s','findings':[%s]}}", fields, ruleset, findings);
	else
		snprintf(text, sizeof text, "{'format':'casekit/1',%s}", fields);
	rec = json_loads(q(text), 0, &err);
	if (rec == NULL) {
		printf("# bad JSON in the test: %s (column %d)\n", err.text, err.column);
		exit(99);
	}
	return rec;
}

/* A finding (' for "). */
#define FINDING(rule, basis, status, due) \
	"{'rule':'" rule "','ref':'x','basis':'" basis "','status':'" status "'" \
	due "}"
#define DUE(date) ",'due':'" date "'"
#define NO_DUE ""

/* Members every case has. */
#define OPEN "'status':'open','opened':'2026-01-05','municipality':'0101'"
#define COORDINATOR(contact) \
	"{'id':'a1','role':'caseworker','municipal':true,'coordinator':true," \
	"'contact':'" contact "','since':'2026-01-05'}"

/* The identifying things that must never show without --with-names. */
#define CHILD "'child':{'name':'Testbarn Eksempel','born':'2019-04-03'}," \
	"'diagnosis':{'status':'suspected','codes':['ORPHA:000'],'label':'Testsyndrom'}"

/* The cases of most tests: A, B to meho@kommune.dk (B's contact in
 * other case), C to anna.berg+team@kommune.dk (no external_ref), D
 * closed, E without a coordinator, F with one who left, G in another
 * domain, H with a contact that is no address, I below kommune.dk, J
 * without a checklist, K with nothing to remind, L with a coordinator
 * without contact and a second one with. */
enum { CASE_A, CASE_B, CASE_C, CASE_D, CASE_E, CASE_F, CASE_G, CASE_H, CASE_I,
       CASE_J, CASE_K, CASE_L, N_CASES };
static json_t *cases[N_CASES];

static void
make_cases(void)
{
	cases[CASE_A] = make_case(
		"'id':'0101-2026-0002','external_ref':'DUBU-1002'," OPEN ","
		"'pathway':'disability'," CHILD ","
		"'actors':[" COORDINATOR("meho@kommune.dk") "]",
		"disability",
		FINDING("assessment-deadline", "law", "overdue", DUE("2026-11-01")) ","
		FINDING("decision-deadline", "law", "due", DUE("2026-12-22")) ","
		FINDING("adult-decisions", "law", "due", DUE("2027-03-01")) ","
		FINDING("follow-up", "law", "missing", NO_DUE) ","
		FINDING("coordinator", "recommendation", "missing", NO_DUE) ","
		FINDING("assessment-start", "recommendation", "overdue", DUE("2026-10-04")) ","
		FINDING("common-plan", "recommendation", "due", DUE("2026-12-06")) ","
		FINDING("network-meeting", "recommendation", "due", DUE("2026-12-07")) ","
		FINDING("target-group", "local", "due", DUE("2026-12-22")) ","
		FINDING("family-support", "recommendation", "waived", DUE("2026-10-01")) ","
		FINDING("sibling-support", "recommendation", "ok", NO_DUE) ","
		FINDING("contacts", "local", "n/a", NO_DUE));
	cases[CASE_B] = make_case(
		"'id':'0101-2026-0001','external_ref':'DUBU-1001'," OPEN ","
		"'pathway':'disability',"
		"'actors':[" COORDINATOR("Meho@Kommune.DK") "]",
		"disability",
		FINDING("assessment-deadline", "law", "overdue", DUE("2026-11-01")) ","
		FINDING("consent", "law", "due", DUE("2026-11-30")));
	cases[CASE_C] = make_case(
		"'id':'0101-2026-0003'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("Anna.Berg+Team@Kommune.dk") "]",
		"disability",
		FINDING("child-heard", "law", "missing", NO_DUE));
	cases[CASE_D] = make_case(
		"'id':'0101-2026-0004','external_ref':'DUBU-1004','status':'closed',"
		"'opened':'2026-01-05','closed':'2026-06-01','closed_reason':'moved',"
		"'municipality':'0101','pathway':'disability',"
		"'actors':[" COORDINATOR("meho@kommune.dk") "]",
		"disability",
		FINDING("assessment-deadline", "law", "overdue", DUE("2026-05-01")));
	cases[CASE_E] = make_case(
		"'id':'0101-2026-0005','external_ref':'DUBU-1005'," OPEN ","
		"'pathway':'disability'",
		"disability",
		FINDING("intervention-start", "local", "overdue", DUE("2026-11-10")));
	cases[CASE_F] = make_case(
		"'id':'0101-2026-0006','external_ref':'DUBU-1006'," OPEN ","
		"'pathway':'disability',"
		"'actors':[{'id':'a1','role':'caseworker','coordinator':true,"
		"'contact':'gone@kommune.dk','since':'2026-01-05','until':'2026-11-01'}]",
		"disability",
		FINDING("common-plan", "recommendation", "due", DUE("2026-12-01")));
	cases[CASE_G] = make_case(
		"'id':'0101-2026-0007','external_ref':'DUBU-1007'," OPEN ","
		"'pathway':'disability','actors':[" COORDINATOR("x@andetsted.dk") "]",
		"disability",
		FINDING("follow-up", "law", "overdue", DUE("2026-11-15")));
	cases[CASE_H] = make_case(
		"'id':'0101-2026-0008','external_ref':'DUBU-1008'," OPEN ","
		"'pathway':'disability','actors':[" COORDINATOR("Teamleder Nord") "]",
		"disability",
		FINDING("family-support", "recommendation", "due", DUE("2026-12-03")));
	cases[CASE_I] = make_case(
		"'id':'0101-2026-0009','external_ref':'DUBU-1009'," OPEN ","
		"'pathway':'disability','actors':[" COORDINATOR("someone@nord.kommune.dk") "]",
		"disability",
		FINDING("network-meeting", "recommendation", "overdue", DUE("2026-11-20")));
	cases[CASE_J] = make_case(
		"'id':'0101-2026-0010','external_ref':'DUBU-1010'," OPEN ","
		"'pathway':'disability','actors':[" COORDINATOR("meho@kommune.dk") "]",
		NULL, NULL);
	cases[CASE_K] = make_case(
		"'id':'0101-2026-0011','external_ref':'DUBU-1011'," OPEN ","
		"'pathway':'disability','actors':[" COORDINATOR("quiet@kommune.dk") "]",
		"disability",
		FINDING("coordinator", "recommendation", "ok", NO_DUE) ","
		FINDING("family-support", "recommendation", "waived", DUE("2026-12-01")) ","
		FINDING("contacts", "local", "n/a", NO_DUE));
	cases[CASE_L] = make_case(
		"'id':'0101-2026-0012','external_ref':'DUBU-1012'," OPEN ","
		"'pathway':'disability','actors':["
		"{'id':'a1','role':'caseworker','coordinator':true},"
		"{'id':'a2','role':'caseworker','coordinator':false,'contact':'not@kommune.dk'},"
		"{'id':'a3','role':'caseworker','coordinator':true,'contact':'meho@kommune.dk',"
		"'since':'2026-12-01'},"
		"{'id':'a4','role':'caseworker','coordinator':true,'contact':'anna.berg+team@kommune.dk'}]",
		"disability",
		FINDING("youth-plan", "law", "due", DUE("2026-12-05")));
}

static void
free_cases(void)
{
	size_t i;

	for (i = 0; i < N_CASES; i++)
		json_decref(cases[i]);
}

/* Reminders of every case (with names or not), as of T. */
static ck_reminders *
all_cases(bool with_names)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), with_names);
	size_t i;

	for (i = 0; i < N_CASES; i++)
		ck_reminders_add(r, cases[i]);
	return r;
}

/* What ck_reminders_write writes to a stream; *GOOD its result. */
static const char *
to_stream(const ck_reminders *r, char *const *domains, size_t ndomains, bool *good)
{
	char *text = NULL;
	size_t size = 0;
	FILE *m = open_memstream(&text, &size);
	bool result;

	if (m == NULL)
		exit(99);
	result = ck_reminders_write(r, m, NULL, domains, ndomains);
	fclose(m);
	if (good != NULL)
		*good = result;
	return keep(text);
}

/* Standard error while FN runs, into the ring. */
static int stderr_saved = -1;

static void
capture_stderr(void)
{
	int fd = open(path_in("stderr"), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	fflush(stderr);
	stderr_saved = dup(2);
	if (fd < 0 || stderr_saved < 0 || dup2(fd, 2) < 0)
		exit(99);
	close(fd);
}

static const char *
captured_stderr(void)
{
	fflush(stderr);
	dup2(stderr_saved, 2);
	close(stderr_saved);
	stderr_saved = -1;
	return slurp(path_in("stderr"));
}

static bool
contains(const char *text, const char *part)
{
	return text != NULL && strstr(text, part) != NULL;
}

/* The names in folder DIR, sorted, separated by spaces ("" when empty,
 * NULL when it cannot be read). */
static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *
listing(const char *dir)
{
	char *names[64], text[4096] = "";
	size_t n = 0, i;
	struct dirent *d;
	DIR *f = opendir(dir);

	if (f == NULL)
		return NULL;
	while ((d = readdir(f)) != NULL && n < 64)
		if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0)
			names[n++] = xdup(d->d_name);
	closedir(f);
	qsort(names, n, sizeof names[0], compare_strings);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strncat(text, " ", sizeof text - strlen(text) - 1);
		strncat(text, names[i], sizeof text - strlen(text) - 1);
		free(names[i]);
	}
	return keep(xdup(text));
}

/* ---------------------------------------------------------------------
 * The tests
 */

/* meho@kommune.dk's digest in full: sections in order, each sorted by
 * due date (missing without a date first) and then by reference. */
#define MEHO_DIGEST \
	"Reminders as of 2026-11-22\n" \
	"Legal deadlines\n" \
	"  DUBU-1002  missing  -           A follow-up is due\n" \
	"  DUBU-1001  overdue  2026-11-01  A child assessment must be finished\n" \
	"  DUBU-1002  overdue  2026-11-01  A child assessment must be finished\n" \
	"  DUBU-1001  due      2026-11-30  A consent should be obtained or renewed\n" \
	"  DUBU-1002  due      2026-12-22  A decision on an application is due\n" \
	"Overdue and missing\n" \
	"  DUBU-1002  missing  -           The family's point of entry should be settled\n" \
	"  DUBU-1002  overdue  2026-10-04  A social assessment should be started\n" \
	"Due within 14 days\n" \
	"  DUBU-1002  due      2026-12-06  A common plan is due\n" \
	"Due within 30 days\n" \
	"  DUBU-1002  due      2026-12-07  A network meeting is due\n" \
	"  DUBU-1002  due      2026-12-22  The target group should be settled\n" \
	"  DUBU-1002  due      2027-03-01  Decisions for adult life are due\n"

#define ANNA_DIGEST \
	"Reminders as of 2026-11-22\n" \
	"Legal deadlines\n" \
	"  0101-2026-0003  missing  -           The child's views before a decision should be recorded\n" \
	"  DUBU-1012       due      2026-12-05  A youth plan is due\n"

#define UNASSIGNED_DIGEST \
	"Reminders as of 2026-11-22\n" \
	"Overdue and missing\n" \
	"  DUBU-1005  overdue  2026-11-10  Granted support should be started\n" \
	"Due within 14 days\n" \
	"  DUBU-1006  due      2026-12-01  A common plan is due\n"

#define OTHERS_DIGESTS \
	"== someone@nord.kommune.dk\n" \
	"Reminders as of 2026-11-22\n" \
	"Overdue and missing\n" \
	"  DUBU-1009  overdue  2026-11-20  A network meeting is due\n" \
	"\n" \
	"== teamleder nord\n" \
	"Reminders as of 2026-11-22\n" \
	"Due within 14 days\n" \
	"  DUBU-1008  due      2026-12-03  Support for the parents should be considered\n" \
	"\n" \
	"== x@andetsted.dk\n" \
	"Reminders as of 2026-11-22\n" \
	"Legal deadlines\n" \
	"  DUBU-1007  overdue  2026-11-15  A follow-up is due\n"

static void
test_stream(void)
{
	ck_reminders *r = all_cases(false);
	const char *out;
	bool good = false;
	size_t i;
	static const char *const never[] = {
		/* Rule ids (those that are no words of a reminder text), refs,
		 * the child, the diagnosis, a finding's item, statuses. */
		"assessment-deadline", "decision-deadline", "adult-decisions",
		"child-heard", "intervention-start", "common-plan", "network-meeting",
		"target-group", "assessment-start", "family-support", "youth-plan",
		"coordinator", "Barnets lov", "Testbarn", "Eksempel", "Testsyndrom",
		"ORPHA", "suspected", "2019-04-03", "waived", "law", "recommendation",
	};

	out = to_stream(r, NULL, 0, &good);
	ok(good, "stdout: written");
	is_str(out,
	       "== anna.berg+team@kommune.dk\n" ANNA_DIGEST "\n"
	       "== meho@kommune.dk\n" MEHO_DIGEST "\n"
	       OTHERS_DIGESTS "\n"
	       "== unassigned\n" UNASSIGNED_DIGEST,
	       "stdout: every digest under its == line, in contact order, unassigned last");
	for (i = 0; i < sizeof never / sizeof never[0]; i++)
		ok(!contains(out, never[i]), "stdout: no \"%s\"", never[i]);
	ok(!contains(out, "DUBU-1004"), "a closed case is never reminded");
	ok(!contains(out, "DUBU-1010"), "a case without a checklist is not reminded");
	ok(!contains(out, "DUBU-1011") && !contains(out, "quiet@"),
	   "a case with only ok, waived and n/a findings: no line, no digest");
	ok(!contains(out, "2026-10-01"), "a waived finding is not reminded");
	ok(!contains(out, "not@kommune.dk"), "an actor who is not the coordinator gets nothing");
	ok(contains(out, "  0101-2026-0003  missing  -"), "without an external_ref: the case id");
	ok(!contains(out, "0101-2026-0002"), "with an external_ref: never the id");
	ok(!contains(out, "Meho@Kommune.DK"), "contacts in lower case: one digest per person");
	ck_reminders_free(r);
}

static void
test_names(void)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), true);
	const char *out;

	ck_reminders_add(r, cases[CASE_A]);
	ck_reminders_add(r, cases[CASE_B]);
	out = to_stream(r, NULL, 0, NULL);
	ok(contains(out, "  DUBU-1002 (Testbarn Eksempel)  missing  -           A follow-up is due\n"),
	   "with names: the child's name after the reference, aligned");
	ok(contains(out, "  DUBU-1001                      overdue  2026-11-01  A child assessment must be finished\n"),
	   "with names: a case without a name has none, the columns aligned");
	ok(!contains(out, "Testsyndrom") && !contains(out, "ORPHA") &&
	   !contains(out, "2019-04-03") && !contains(out, "assessment-deadline"),
	   "with names: still no diagnosis, birth date or rule id");
	ck_reminders_free(r);
}

static void
test_domains(void)
{
	ck_reminders *r = all_cases(false);
	char *domains[] = { "kommune.dk" }, *upper[] = { "KOMMUNE.DK", "example.org" };
	char *sub[] = { "nord.kommune.dk" }, *evil[] = { "ommune.dk" };
	const char *out;

	out = to_stream(r, domains, 1, NULL);
	is_str(out,
	       "== anna.berg+team@kommune.dk\n" ANNA_DIGEST "\n"
	       "== meho@kommune.dk\n" MEHO_DIGEST "\n"
	       "== someone@nord.kommune.dk\n"
	       "Reminders as of 2026-11-22\n"
	       "Overdue and missing\n"
	       "  DUBU-1009  overdue  2026-11-20  A network meeting is due\n"
	       "\n"
	       "== unassigned\n"
	       "Reminders as of 2026-11-22\n"
	       "Legal deadlines\n"
	       "  DUBU-1007  overdue  2026-11-15  A follow-up is due\n"
	       "Overdue and missing\n"
	       "  DUBU-1005  overdue  2026-11-10  Granted support should be started\n"
	       "Due within 14 days\n"
	       "  DUBU-1006  due      2026-12-01  A common plan is due\n"
	       "  DUBU-1008  due      2026-12-03  Support for the parents should be considered\n",
	       "domains: another domain and a contact without @ go to unassigned; "
	       "a subdomain is allowed");
	is_str(to_stream(r, upper, 2, NULL), out, "domains: compared without case");
	out = to_stream(r, sub, 1, NULL);
	ok(contains(out, "== someone@nord.kommune.dk\n") && !contains(out, "== meho@") &&
	   contains(out, "== unassigned\n") &&
	   contains(strstr(out, "== unassigned\n"), "2026-12-22  A decision on an application is due"),
	   "domains: the parent of an allowed domain is not allowed; its lines go to unassigned");
	out = to_stream(r, evil, 1, NULL);
	ok(!contains(out, "== meho@") && !contains(out, "== anna") && contains(out, "== unassigned"),
	   "domains: a domain that only ends in the same letters is not below it");
	ck_reminders_free(r);
}

static void
test_empty(void)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), false);
	bool good = false;

	is_str(to_stream(r, NULL, 0, &good), "", "nothing added: nothing written");
	ok(good, "nothing added: not an error");
	ck_reminders_add(r, cases[CASE_D]);
	ck_reminders_add(r, cases[CASE_J]);
	ck_reminders_add(r, cases[CASE_K]);
	is_str(to_stream(r, NULL, 0, NULL), "",
	       "closed, unchecked and quiet cases: no digest at all");
	ok(mkdir(path_in("quiet"), 0700) == 0, "an empty outdir made");
	ok(ck_reminders_write(r, NULL, path_in("quiet"), NULL, 0), "files: an empty digest set");
	is_str(listing(path_in("quiet")), "", "files: an empty digest is not written");
	ck_reminders_free(r);
}

static void
test_sort(void)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), false);
	json_t *x = make_case(
		"'id':'0101-2026-0020','external_ref':'B-2'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("s@kommune.dk") "]",
		"disability",
		FINDING("common-plan", "recommendation", "due", DUE("2026-11-30")) ","
		FINDING("network-meeting", "recommendation", "due", DUE("2026-11-25")) ","
		FINDING("coordinator", "recommendation", "missing", NO_DUE) ","
		FINDING("adult-prepare", "law", "due", DUE("2026-12-23")) ","
		FINDING("child-plan", "law", "due", DUE("2026-12-22")));
	json_t *y = make_case(
		"'id':'0101-2026-0021','external_ref':'A-1'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("s@kommune.dk") "]",
		"disability",
		FINDING("family-support", "recommendation", "due", DUE("2026-11-30")) ","
		FINDING("contacts", "local", "missing", NO_DUE) ","
		FINDING("references", "local", "overdue", DUE("2026-01-01")));

	ck_reminders_add(r, x);
	ck_reminders_add(r, y);
	is_str(to_stream(r, NULL, 0, NULL),
	       "== s@kommune.dk\n"
	       "Reminders as of 2026-11-22\n"
	       "Legal deadlines\n"
	       "  B-2  due      2026-12-22  A child plan is due\n"
	       "Overdue and missing\n"
	       "  A-1  missing  -           The family's municipal contacts should be reviewed\n"
	       "  B-2  missing  -           The family's point of entry should be settled\n"
	       "  A-1  overdue  2026-01-01  The case record needs correcting\n"
	       "Due within 14 days\n"
	       "  B-2  due      2026-11-25  A network meeting is due\n"
	       "  A-1  due      2026-11-30  Support for the parents should be considered\n"
	       "  B-2  due      2026-11-30  A common plan is due\n"
	       "Due within 30 days\n"
	       "  B-2  due      2026-12-23  The transition to adult life should be prepared\n",
	       "sorting: dateless first, then by date, then by reference; a law due at T+31 "
	       "is not a legal deadline yet");
	json_decref(x);
	json_decref(y);
	ck_reminders_free(r);
}

/* The rule set the texts come from: the checklist's, when the rulebook
 * has it; else the case's (or the --rules set); a rule it lacks: a
 * neutral line. */
static void
test_texts(void)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), false);
	ck_rulebook *local;
	json_t *a = make_case(
		"'id':'0101-2026-0030','external_ref':'L-1'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("t@kommune.dk") "]",
		"t-local", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	json_t *b = make_case(
		"'id':'0101-2026-0031','external_ref':'L-2'," OPEN ",'pathway':'t-local',"
		"'actors':[" COORDINATOR("t@kommune.dk") "]",
		"gone", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	json_t *c = make_case(
		"'id':'0101-2026-0032','external_ref':'L-3'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("t@kommune.dk") "]",
		"disability", FINDING("no-such-rule", "local", "missing", NO_DUE) ","
		"{'rule':'coordinator','status':'overdue','due':'2026-11-01'}");
	json_t *d = make_case(
		"'id':'0101-2026-0033','external_ref':'L-4\\n== x@evil.dk'," OPEN ","
		"'pathway':'disability','actors':[" COORDINATOR("t@kommune.dk") "]",
		"disability", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	json_t *e = make_case(
		"'id':'0101-2026-0034','external_ref':'L-5'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("t@kommune.dk\\n== x@evil.dk") "]",
		"disability", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	const char *out;

	ck_reminders_add(r, a);
	ck_reminders_add(r, b);
	ck_reminders_add(r, c);
	out = to_stream(r, NULL, 0, NULL);
	ok(contains(out, "  L-1  missing  -           Local: the entry point\n"),
	   "texts: the set the checklist names, when the rulebook has it");
	ok(contains(out, "  L-2  missing  -           Local: the entry point\n"),
	   "texts: a checklist set the rulebook lacks: the case's set");
	ok(contains(out, "  L-3  missing  -           Something in the case needs attention\n"
		    "  L-3  overdue  2026-11-01  The family's point of entry should be settled\n"),
	   "texts: a rule the set lacks: a neutral line, not its id");
	ok(!contains(out, "no-such-rule"), "texts: never the unknown rule's id");
	ok(!contains(out, "Legal deadlines"),
	   "texts: a finding without basis takes the rule's (recommendation)");
	ck_reminders_free(r);

	/* Control characters in a record's texts. */
	r = ck_reminders_new(book, day(T0), false);
	ck_reminders_add(r, d);
	ck_reminders_add(r, e);
	out = to_stream(r, NULL, 0, NULL);
	is_str(out,
	       "== t@kommune.dk\n"
	       "Reminders as of 2026-11-22\n"
	       "Overdue and missing\n"
	       "  L-4 == x@evil.dk  missing  -           The family's point of entry should be settled\n"
	       "\n"
	       "== unassigned\n"
	       "Reminders as of 2026-11-22\n"
	       "Overdue and missing\n"
	       "  L-5  missing  -           The family's point of entry should be settled\n",
	       "a control character in a reference is a space (no forged line); a contact "
	       "with one is no address (unassigned)");
	ck_reminders_free(r);

	/* --rules: that set for every case, unless the checklist names one
	 * the rulebook has. */
	local = ck_rulebook_load("t-local");
	r = ck_reminders_new(local, day(T0), false);
	ck_reminders_add(r, b);
	ck_reminders_add(r, c);
	out = to_stream(r, NULL, 0, NULL);
	ok(contains(out, "  L-2  missing  -           Local: the entry point\n"),
	   "--rules: the set's texts for a checklist of a set not known");
	ok(contains(out, "  L-3  overdue  2026-11-01  The family's point of entry should be settled\n"),
	   "--rules: the checklist's own set preferred when known");
	ck_reminders_free(r);
	ck_rulebook_free(local);
	json_decref(a);
	json_decref(b);
	json_decref(c);
	json_decref(d);
	json_decref(e);
}

static void
test_files(void)
{
	ck_reminders *r = all_cases(false);
	char *domains[] = { "kommune.dk" };
	const char *out = path_in("out"), *err;
	mode_t mask;
	bool good;

	/* Under a umask that takes the owner's write bit, the modes must
	 * still be 0700 and 0600. */
	mask = umask(0277);
	good = ck_reminders_write(r, NULL, out, domains, 1);
	umask(mask);
	ok(good, "files: written");
	is_int(mode_of(out), 0700, "files: an outdir that did not exist is made, mode 0700");
	is_str(listing(out),
	       "anna.berg_team@kommune.dk.txt meho@kommune.dk.txt "
	       "someone@nord.kommune.dk.txt unassigned.txt",
	       "files: one per coordinator with findings, named by the contact");
	is_int(mode_of(path_in("out/meho@kommune.dk.txt")), 0600, "files: mode 0600");
	is_int(mode_of(path_in("out/anna.berg_team@kommune.dk.txt")), 0600,
	       "files: mode 0600 (another)");
	is_int(mode_of(path_in("out/unassigned.txt")), 0600, "files: unassigned.txt mode 0600");
	is_str(slurp(path_in("out/meho@kommune.dk.txt")), MEHO_DIGEST,
	       "files: a coordinator's file holds their digest, only theirs");
	is_str(slurp(path_in("out/anna.berg_team@kommune.dk.txt")), ANNA_DIGEST,
	       "files: upper case and '+' in the contact");
	ok(contains(slurp(path_in("out/unassigned.txt")), "DUBU-1007") &&
	   contains(slurp(path_in("out/unassigned.txt")), "DUBU-1008") &&
	   !contains(slurp(path_in("out/unassigned.txt")), "DUBU-1002"),
	   "files: the other domain and the contact without @ in unassigned.txt");

	/* A second run into the same folder is refused, naming it. */
	capture_stderr();
	good = ck_reminders_write(r, NULL, out, domains, 1);
	err = captured_stderr();
	ok(!good, "files: a folder that is not empty is refused");
	ok(contains(err, out), "files: the refusal names the folder");
	ok(contains(err, "test-reminders: "), "files: the refusal has the program's name");
	ok(!contains(err, "meho") && !contains(err, "DUBU"),
	   "files: the refusal names no contact or case");
	is_str(slurp(path_in("out/meho@kommune.dk.txt")), MEHO_DIGEST,
	       "files: the refused run changed nothing");

	/* An existing, empty folder is used as it is. */
	ok(mkdir(path_in("empty"), 0750) == 0, "an empty folder made");
	ok(ck_reminders_write(r, NULL, path_in("empty"), NULL, 0), "files: into an empty folder");
	is_int(mode_of(path_in("empty")), 0750, "files: an existing folder keeps its mode");
	is_str(listing(path_in("empty")),
	       "anna.berg_team@kommune.dk.txt meho@kommune.dk.txt "
	       "someone@nord.kommune.dk.txt teamleder_nord.txt unassigned.txt "
	       "x@andetsted.dk.txt",
	       "files: without domains every coordinator has a file; a space as _");

	/* A file, and a folder whose parent does not exist. */
	spew(path_in("plain"), "x\n");
	capture_stderr();
	good = ck_reminders_write(r, NULL, path_in("plain"), NULL, 0);
	err = captured_stderr();
	ok(!good && contains(err, path_in("plain")), "files: a file as outdir is refused, named");
	capture_stderr();
	good = ck_reminders_write(r, NULL, path_in("no/such"), NULL, 0);
	err = captured_stderr();
	ok(!good && contains(err, path_in("no/such")),
	   "files: an outdir that cannot be made is an error, named");
	ck_reminders_free(r);
}

/* Two contacts that give one file name, and one that reads as the
 * unassigned digest: no coordinator sees another's cases. */
static void
test_clash(void)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), false);
	json_t *a = make_case(
		"'id':'0101-2026-0040','external_ref':'K-1'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("a+b@kommune.dk") "]",
		"disability", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	json_t *b = make_case(
		"'id':'0101-2026-0041','external_ref':'K-2'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("A_B@kommune.dk") "]",
		"disability", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	json_t *c = make_case(
		"'id':'0101-2026-0042','external_ref':'K-3'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("Unassigned") "]",
		"disability", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	json_t *d = make_case(
		"'id':'0101-2026-0043','external_ref':'K-4'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("Søren@Kommune.dk") "]",
		"disability", FINDING("coordinator", "recommendation", "missing", NO_DUE));
	const char *out, *err;
	bool good;

	ck_reminders_add(r, a);
	ck_reminders_add(r, b);
	ck_reminders_add(r, c);
	ck_reminders_add(r, d);
	out = to_stream(r, NULL, 0, NULL);
	ok(contains(out, "== a+b@kommune.dk\n") && contains(out, "== a_b@kommune.dk\n"),
	   "stdout: contacts that give one file name are still two digests");
	ok(contains(out, "== unassigned\nReminders as of 2026-11-22\nOverdue and missing\n"
		    "  K-3  missing  -") && !contains(out, "Unassigned"),
	   "a contact \"unassigned\" is the unassigned digest");
	capture_stderr();
	good = ck_reminders_write(r, NULL, path_in("clash"), NULL, 0);
	err = captured_stderr();
	ok(good, "files: a clash is no error");
	ok(contains(err, "warning: ") && contains(err, path_in("clash/a_b@kommune.dk.txt")),
	   "files: a clash is warned about, naming the file");
	is_str(listing(path_in("clash")), "s_ren@kommune.dk.txt unassigned.txt",
	       "files: a clash gives neither coordinator a file; a UTF-8 letter is one _");
	is_str(slurp(path_in("clash/unassigned.txt")),
	       "Reminders as of 2026-11-22\n"
	       "Overdue and missing\n"
	       "  K-1  missing  -           The family's point of entry should be settled\n"
	       "  K-2  missing  -           The family's point of entry should be settled\n"
	       "  K-3  missing  -           The family's point of entry should be settled\n",
	       "files: the clashing coordinators' lines in unassigned.txt");
	json_decref(a);
	json_decref(b);
	json_decref(c);
	json_decref(d);
	ck_reminders_free(r);
}

/* Danish, in a child process: the locale is set once per process. */
static void
test_danish(void)
{
	const char *out = path_in("danish.txt");
	pid_t pid;
	int status = -1;

	if (!danish_ready) {
		ok(1, "Danish texts # SKIP msgfmt could not compile po/da.po");
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		ck_reminders *r;
		FILE *f;

		setenv("LANGUAGE", "da", 1);
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			_exit(3);
		r = ck_reminders_new(book, day(T0), false);
		ck_reminders_add(r, cases[CASE_A]);
		f = fopen(out, "w");
		if (f == NULL || !ck_reminders_write(r, f, NULL, NULL, 0) || fclose(f) != 0)
			_exit(4);
		ck_reminders_free(r);
		_exit(strcmp(ck_language(), "da") == 0 ? 0 : 5);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		ok(0, "Danish: the child process ran");
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
		ok(1, "Danish texts # SKIP no C.UTF-8 locale");
		return;
	}
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "Danish: the digest was written");
	ok(contains(slurp(out), "  DUBU-1002  overskredet  2026-11-01  En børnefaglig undersøgelse skal afsluttes\n"),
	   "Danish: the rule's reminder text in Danish");
	ok(!contains(slurp(out), "A child assessment must be finished"), "Danish: not in English");
}

/* What a finding is about: two decisions of one case by paragraph and
 * date, an actor by role, a consent by its id, a transition by kind, an
 * element without an id by its place; identical lines once, counted. */
static void
test_about(void)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), false);
	json_t *c = make_case(
		"'id':'0101-2026-0020','external_ref':'M-1'," OPEN ",'pathway':'disability',"
		"'actors':[" COORDINATOR("m@kommune.dk") ","
		"{'id':'a2','role':'school','since':'2026-01-05'},"
		"{'id':'a3','role':'psychiatry','since':'2026-01-05'}],"
		"'consents':[{'id':'c7','recipients':['a3'],'given_by':'parents','given':'2025-12-01','expires':'2026-12-01'}],"
		"'decisions':[{'id':'d1','paragraph':'BL § 32','applied':'2026-05-01',"
		"'decided':'2026-05-20'},{'id':'d2','paragraph':'BL § 32','applied':'2026-09-20'},"
		"{'paragraph':'BL § 41','applied':'2026-09-01'}],"
		"'transitions':[{'kind':'school','due':'2027-08-01','status':'planned'}]",
		"disability",
		FINDING("decision-deadline", "local", "overdue", DUE("2026-11-15")) ","
		FINDING("decision-deadline", "local", "overdue", DUE("2026-11-15")) ","
		FINDING("decision-deadline", "local", "due", DUE("2026-12-01")) ","
		FINDING("decision-deadline", "local", "overdue", DUE("2026-10-27")) ","
		FINDING("consent", "law", "due", DUE("2026-12-01")) ","
		FINDING("consent", "law", "missing", NO_DUE) ","
		FINDING("transition-prepare", "recommendation", "due", DUE("2026-12-20")));
	json_t *f = json_object_get(json_object_get(c, "checklist"), "findings");
	const char *out;
	char *about;

	/* The items, as case-checklist writes them. */
	json_object_set_new(json_array_get(f, 0), "item", json_string("d2"));
	json_object_set_new(json_array_get(f, 1), "item", json_string("d2"));
	json_object_set_new(json_array_get(f, 2), "item", json_string("d1"));
	json_object_set_new(json_array_get(f, 3), "item", json_string("#3"));
	json_object_set_new(json_array_get(f, 4), "item", json_string("a3"));
	json_object_set_new(json_array_get(f, 5), "item", json_string("a2"));
	json_object_set_new(json_array_get(f, 6), "item", json_string("school"));
	ck_reminders_add(r, c);
	out = to_stream(r, NULL, 0, NULL);
	ok(contains(out, "  M-1  overdue  2026-11-15  A decision on an application is due "
		    "(BL § 32, 2026-09-20) (2×)\n"),
	   "about: a decision by paragraph and date; identical lines once, with a count");
	ok(contains(out, "  M-1  due      2026-12-01  A decision on an application is due "
		    "(BL § 32, 2026-05-20)\n"),
	   "about: the other decision of the same paragraph: its own date (decided)");
	ok(contains(out, "(BL § 41, 2026-09-01)\n"), "about: an element without id, by its place");
	ok(contains(out, "(consent c7)\n"), "about: a consent rule: the consent by its id");
	ok(contains(out, "  M-1  missing  -           A consent should be obtained or renewed (The school)\n"),
	   "about: an actor without a consent, by role");
	about = ck_finding_about(c, ck_rulebook_get(book, "disability"), json_array_get(f, 6), "en");
	is_str(about, "Starting school", "about: a transition by kind");
	free(about);
	about = ck_finding_about(c, NULL, json_array_get(f, 6), "en");
	ok(about != NULL, "about: an id or kind is found without the rule");
	free(about);
	json_object_set_new(json_array_get(f, 6), "item", json_string("nothing"));
	ok(ck_finding_about(c, NULL, json_array_get(f, 6), "en") == NULL,
	   "about: an item the case lacks: nothing said");
	json_object_del(json_array_get(f, 6), "item");
	ok(ck_finding_about(c, NULL, json_array_get(f, 6), "en") == NULL,
	   "about: a finding on the whole case: nothing");
	ok(!contains(out, "d1") && !contains(out, "d2") && !contains(out, "a3"),
	   "about: never an element's id but a consent's");
	json_decref(c);
	ck_reminders_free(r);
}

static void
write_local_set(void)
{
	spew(path_in("t-local.json"),
	     q("{'name': 't-local', 'extends': 'base', 'rules': ["
	       "{'id': 'coordinator', 'reminder': {'en': 'Local: the entry point',"
	       " 'da': 'Lokalt: indgangen'}}]}\n"));
}

int
main(void)
{
	char command[2048], *rules_path;
	const char *top = getenv("top_srcdir");

	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	if (top == NULL)
		top = ".";
	/* The Danish catalogue, compiled for the test of test_danish; bound
	 * by ck_init, used only where LANGUAGE asks for it. */
	snprintf(command, sizeof command,
		 "mkdir -p '%s/locale/da/LC_MESSAGES' && msgfmt -o "
		 "'%s/locale/da/LC_MESSAGES/casekit.mo' '%s/po/da.po' 2>/dev/null",
		 root, root, top);
	danish_ready = system(command) == 0;
	snprintf(command, sizeof command, "%s/locale", root);
	setenv("CASEKIT_LOCALEDIR", command, 1);
	ck_init("test-reminders");
	setenv("CASEKIT_CONFIG", "/dev/null", 1);
	rules_path = malloc(strlen(root) + strlen(top) + 16);
	if (rules_path == NULL)
		return 99;
	sprintf(rules_path, "%s:%s/rules", root, top);
	setenv("CASEKIT_RULES_PATH", rules_path, 1);
	free(rules_path);
	write_local_set();
	book = ck_rulebook_load(NULL);
	ok(ck_rulebook_get(book, "disability") != NULL && ck_rulebook_get(book, "t-local") != NULL,
	   "the shipped sets and the local set load");
	is_str(ck_language(), "en", "the tests read English");
	make_cases();

	test_stream();
	test_names();
	test_domains();
	test_empty();
	test_sort();
	test_texts();
	test_files();
	test_clash();
	test_danish();
	test_about();

	free_cases();
	ck_rulebook_free(book);
	ring_free();
	snprintf(command, sizeof command, "rm -rf '%s'", root);
	if (system(command) != 0)
		printf("# could not remove %s\n", root);
	return done_testing();
}
