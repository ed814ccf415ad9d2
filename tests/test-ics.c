/* SPDX-License-Identifier: MPL-2.0 */
/* test-ics.c — unit tests of lib/ics.c and the calendars of case-report
 * --reminders --format ics (design section 5.6, "Reminders"): what is
 * written is read back with libical's own parser, as a calendar program
 * would import it, and its tasks checked: one per finding with a due
 * date, DUE a date, the summary neutral, the UID the same in a second
 * run.
 *
 * The cases are synthetic, with checklists written by hand (the child's
 * name "Testbarn Eksempel" and the diagnosis "Testsyndrom" are made up,
 * and must never show). Fixtures are written with ' for " (q()). T is
 * 2026-11-22. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

#define T0 "2026-11-22"

static char root[] = "/tmp/casekit-test-ics.XXXXXX";
static ck_rulebook *book;

/* A case from TEXT (' for "). New reference. */
static json_t *
case_of(const char *text)
{
	json_error_t err;
	json_t *rec = json_loads(q(text), 0, &err);

	if (rec == NULL) {
		printf("# bad JSON in the test: %s (column %d)\n", err.text, err.column);
		exit(99);
	}
	return rec;
}

#define OPEN "'format':'casekit/1','status':'open','opened':'2026-01-05'," \
	"'municipality':'0101','pathway':'disability'"
#define COORDINATOR(contact) \
	"'actors':[{'id':'a1','role':'caseworker','municipal':true,'coordinator':true," \
	"'contact':'" contact "','since':'2026-01-05'}]"
#define CHECKLIST "'checklist':{'as_of':'" T0 "','ruleset':'disability','findings':["
#define FINDING(rule, basis, status, more) \
	"{'rule':'" rule "','ref':'x','basis':'" basis "','status':'" status "'" more "}"

/* The cases: A and B to meho@kommune.dk (B without an external_ref), C
 * to quiet@kommune.dk with nothing dated, D without a coordinator.
 * DECISION_DUE is the due date of A's decision. */
static json_t *
make_case(int which, const char *decision_due)
{
	char text[4096];

	switch (which) {
	case 0:
		snprintf(text, sizeof text,
			 "{" OPEN ",'id':'0101-2026-0002','external_ref':'DUBU-1002',"
			 "'child':{'name':'Testbarn Eksempel','born':'2019-04-03'},"
			 "'diagnosis':{'status':'suspected','codes':['ORPHA:000'],"
			 "'label':'Testsyndrom'},"
			 "'decisions':[{'id':'d1','paragraph':'BL § 32','applied':'2026-11-01'}],"
			 COORDINATOR("meho@kommune.dk") "," CHECKLIST
			 FINDING("assessment-deadline", "law", "overdue", ",'due':'2026-11-01'") ","
			 FINDING("decision-deadline", "law", "due",
				 ",'due':'%s','item':'d1'") ","
			 FINDING("common-plan", "recommendation", "due", ",'due':'2026-12-06'") ","
			 FINDING("follow-up", "law", "missing", "") ","
			 FINDING("family-support", "recommendation", "waived",
				 ",'due':'2026-12-01'") "]}}",
			 decision_due);
		break;
	case 1:
		snprintf(text, sizeof text,
			 "{" OPEN ",'id':'0101-2026-0003'," COORDINATOR("Meho@Kommune.dk") ","
			 CHECKLIST FINDING("child-heard", "law", "due", ",'due':'2026-12-01'")
			 "]}}");
		break;
	case 2:
		snprintf(text, sizeof text,
			 "{" OPEN ",'id':'0101-2026-0004','external_ref':'DUBU-1004',"
			 COORDINATOR("quiet@kommune.dk") "," CHECKLIST
			 FINDING("coordinator", "recommendation", "missing", "") "]}}");
		break;
	default:
		snprintf(text, sizeof text,
			 "{" OPEN ",'id':'0101-2026-0005','external_ref':'DUBU-1005',"
			 CHECKLIST FINDING("intervention-start", "local", "overdue",
					   ",'due':'2026-11-10'") "]}}");
		break;
	}
	return case_of(text);
}

#define N_CASES 4

/* The calendars of every case, as ck_reminders_deliver writes them to a
 * stream (OUTDIR NULL) or to OUTDIR; *GOOD its result. */
static const char *
calendars(const char *decision_due, const char *outdir, bool *good)
{
	ck_reminders *r = ck_reminders_new(book, day(T0), false);
	ck_reminders_output o;
	char *text = NULL;
	size_t size = 0, i;
	FILE *m = open_memstream(&text, &size);

	if (m == NULL)
		exit(99);
	for (i = 0; i < N_CASES; i++) {
		json_t *rec = make_case((int)i, decision_due);

		ck_reminders_add(r, rec);
		json_decref(rec);
	}
	memset(&o, 0, sizeof o);
	o.ics = true;
	o.outdir = outdir;
	*good = ck_reminders_deliver(r, m, &o);
	fclose(m);
	ck_reminders_free(r);
	return keep(text);
}

/* The calendar under "== CONTACT" in the stream OUT, as a new string,
 * or NULL. */
static char *
calendar_of(const char *out, const char *contact)
{
	char head[256];
	const char *begin, *end;

	snprintf(head, sizeof head, "== %s\n", contact);
	begin = strstr(out, head);
	if (begin == NULL || (begin != out && begin[-1] != '\n'))
		return NULL;
	begin += strlen(head);
	end = strstr(begin, "\n== ");
	/* A blank line parts the calendars. */
	return strndup(begin, end != NULL ? (size_t)(end - begin) : strlen(begin));
}

/* The calendar under "== CONTACT" in OUT, parsed by libical (the
 * caller frees it), or NULL. */
static icalcomponent *
parsed_calendar(const char *out, const char *contact)
{
	char *text = calendar_of(out, contact);
	icalcomponent *cal = text != NULL ? icalparser_parse_string(text) : NULL;

	free(text);
	return cal;
}

/* The VTODO of CAL whose summary begins with PREFIX, or NULL. */
static icalcomponent *
task_of(icalcomponent *cal, const char *prefix)
{
	icalcomponent *c;

	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT); c != NULL;
	     c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT))
		if (strncmp(icalcomponent_get_summary(c), prefix, strlen(prefix)) == 0)
			return c;
	return NULL;
}

static int
priority_of(icalcomponent *task)
{
	icalproperty *p = icalcomponent_get_first_property(task, ICAL_PRIORITY_PROPERTY);

	return p != NULL ? icalproperty_get_priority(p) : -1;
}

/* The task's DUE as YYYY-MM-DD, "" when it is no DATE. */
static const char *
due_of(icalcomponent *task)
{
	struct icaltimetype due = icalcomponent_get_due(task);
	char text[CK_DATE_SIZE + 8];

	if (!due.is_date || icaltime_is_null_time(due))
		return "";
	snprintf(text, sizeof text, "%04d-%02d-%02d", due.year, due.month, due.day);
	return keep(strdup(text));
}

/* The UIDs of CAL's tasks, sorted by summary, one a line. */
static const char *
uids_of(icalcomponent *cal)
{
	static const char *const order[] = {
		"DUBU-1002: A child", "DUBU-1002: A decision", "DUBU-1002: A common",
		"0101-2026-0003:",
	};
	char text[1024] = "";
	size_t i;

	for (i = 0; i < sizeof order / sizeof *order; i++) {
		icalcomponent *t = task_of(cal, order[i]);

		strncat(text, t != NULL ? icalcomponent_get_uid(t) : "-", sizeof text - strlen(text) - 2);
		strcat(text, "\n");
	}
	return keep(strdup(text));
}

static void
test_uid(void)
{
	char *a = ck_ics_uid("0101-2026-0002", "decision-deadline", "d1");
	char *b = ck_ics_uid("0101-2026-0002", "decision-deadline", "d1");
	char *c = ck_ics_uid("0101-2026-0002", "decision-deadline", "d2");
	char *d = ck_ics_uid("a", "bc", NULL);
	char *e = ck_ics_uid("ab", "c", NULL);
	char *f = ck_ics_uid("0101-2026-0002", "decision-deadline", NULL);
	size_t n = strspn(a, "0123456789abcdef");

	is_str(a, b, "uid: the same finding, the same UID");
	ok(strcmp(a, c) != 0, "uid: another item, another UID");
	ok(strcmp(a, f) != 0, "uid: the whole case is not its element");
	ok(strcmp(d, e) != 0, "uid: the parts do not run into each other");
	ok(n == 16 && strcmp(a + n, "@casekit") == 0, "uid: a hash, @casekit");
	ok(strstr(a, "decision") == NULL && strstr(a, "0101") == NULL,
	   "uid: names neither the rule nor the case");
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	free(f);
}

static void
test_calendar(void)
{
	ck_ics_task tasks[3] = {
		{ "x1@casekit", 0, "DUBU-1: Något ska göras; snart, tack\\", true },
		{ "x2@casekit", 0, "DUBU-2: B", false },
		{ "x1@casekit", 0, "DUBU-1: the same UID again", false },
	};
	icalcomponent *cal, *t;
	size_t length = 0;
	char *text;

	tasks[0].due = day("2026-12-24");
	tasks[1].due = day("2027-01-02");
	tasks[2].due = day("2027-02-03");
	text = ck_ics_calendar(tasks, 3, "2026-11-22T10:00:00Z", &length);
	is_int(length, strlen(text), "calendar: *LENGTH its length");
	ok(strchr(text, '\r') == NULL, "calendar: lines ended by \\n");
	ok(strncmp(text, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:", 35) == 0,
	   "calendar: VCALENDAR, VERSION 2.0, PRODID");
	cal = icalparser_parse_string(text);
	ok(cal != NULL && icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT,
	   "calendar: libical's parser reads it");
	if (cal == NULL) {
		free(text);
		return;
	}
	is_int(icalcomponent_count_errors(cal), 0, "calendar: no X-LIC-ERROR");
	is_int(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 2,
	       "calendar: a UID twice is one task");
	t = task_of(cal, "DUBU-1:");
	ok(t != NULL, "calendar: the first task is there");
	if (t != NULL) {
		is_str(icalcomponent_get_summary(t), "DUBU-1: Något ska göras; snart, tack\\",
		       "calendar: the summary read back, UTF-8, ';', ',' and '\\' escaped");
		is_str(icalcomponent_get_uid(t), "x1@casekit", "calendar: the UID");
		is_str(due_of(t), "2026-12-24", "calendar: DUE a DATE");
		is_int(priority_of(t), 1, "calendar: urgent: PRIORITY 1");
		ok(icalcomponent_get_status(t) == ICAL_STATUS_NEEDSACTION,
		   "calendar: STATUS NEEDS-ACTION");
		is_str(icaltime_as_ical_string(icalcomponent_get_dtstamp(t)), "20261122T100000Z",
		       "calendar: DTSTAMP the time given, UTC");
	}
	t = task_of(cal, "DUBU-2:");
	ok(t != NULL && priority_of(t) == 5, "calendar: not urgent: PRIORITY 5");
	ok(strstr(text, "DUE;VALUE=DATE:20270102\n") != NULL, "calendar: DUE;VALUE=DATE as written");
	icalcomponent_free(cal);
	free(text);
	text = ck_ics_calendar(NULL, 0, "2026-11-22T10:00:00Z", &length);
	cal = icalparser_parse_string(text);
	ok(cal != NULL && icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT) == 0,
	   "calendar: no tasks, an empty calendar");
	icalcomponent_free(cal);
	free(text);
}

static void
test_reminders(void)
{
	static const char *const never[] = {
		"Testbarn", "Eksempel", "Testsyndrom", "ORPHA", "suspected", "2019-04-03",
		"assessment-deadline", "decision-deadline", "common-plan", "child-heard",
		"intervention-start", "follow-up", "family-support", "recommendation",
	};
	const char *out, *first_uids;
	icalcomponent *cal, *t;
	bool good = false;
	size_t i;

	out = calendars("2026-12-22", NULL, &good);
	ok(good, "reminders: written");
	ok(strncmp(out, "== meho@kommune.dk\nBEGIN:VCALENDAR\n", 35) == 0,
	   "reminders: a calendar under each == line");
	ok(strstr(out, "== quiet@kommune.dk") == NULL,
	   "reminders: a coordinator with nothing dated gets no calendar");
	for (i = 0; i < sizeof never / sizeof *never; i++)
		ok(strstr(out, never[i]) == NULL, "reminders: no \"%s\" anywhere", never[i]);

	cal = parsed_calendar(out, "meho@kommune.dk");
	ok(cal != NULL, "reminders: meho's calendar parses");
	if (cal == NULL)
		return;
	is_int(icalcomponent_count_errors(cal), 0, "reminders: no X-LIC-ERROR");
	is_int(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 4,
	       "reminders: a task per dated finding of both cases (missing and waived not)");
	t = task_of(cal, "DUBU-1002: A child assessment must be finished");
	ok(t != NULL && strcmp(icalcomponent_get_summary(t),
			       "DUBU-1002: A child assessment must be finished") == 0,
	   "reminders: summary: the external_ref and the neutral reminder");
	ok(t != NULL && strcmp(due_of(t), "2026-11-01") == 0 && priority_of(t) == 1,
	   "reminders: an overdue legal duty: its DUE, PRIORITY 1");
	t = task_of(cal, "DUBU-1002: A decision");
	ok(t != NULL && strcmp(icalcomponent_get_summary(t),
			       "DUBU-1002: A decision on an application is due "
			       "(BL § 32, 2026-11-01)") == 0,
	   "reminders: summary: what the finding is about");
	ok(t != NULL && priority_of(t) == 1, "reminders: a legal deadline within 30 days: PRIORITY 1");
	t = task_of(cal, "DUBU-1002: A common plan is due");
	ok(t != NULL && strcmp(due_of(t), "2026-12-06") == 0 && priority_of(t) == 5,
	   "reminders: a recommendation due: PRIORITY 5");
	ok(task_of(cal, "0101-2026-0003: The child's views") != NULL,
	   "reminders: without an external_ref, the case's id");
	first_uids = uids_of(cal);
	ok(strstr(first_uids, "-\n") == NULL, "reminders: every task has a UID");
	icalcomponent_free(cal);

	/* The next morning: another DTSTAMP, and the decision's deadline
	 * moved; the same tasks. */
	setenv("CASEKIT_NOW", "2026-11-23T06:00:00Z", 1);
	out = calendars("2026-12-29", NULL, &good);
	cal = parsed_calendar(out, "meho@kommune.dk");
	ok(cal != NULL, "second run: parses");
	if (cal == NULL)
		return;
	is_str(uids_of(cal), first_uids, "second run: every task keeps its UID");
	t = task_of(cal, "DUBU-1002: A decision");
	ok(t != NULL && strcmp(due_of(t), "2026-12-29") == 0,
	   "second run: the moved deadline is the same task, its new DUE");
	ok(t != NULL && strcmp(icaltime_as_ical_string(icalcomponent_get_dtstamp(t)),
			       "20261123T060000Z") == 0,
	   "second run: DTSTAMP this run's");
	icalcomponent_free(cal);

	cal = parsed_calendar(out, "unassigned");
	ok(cal != NULL && icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT) == 1 &&
	   task_of(cal, "DUBU-1005: Granted support should be started") != NULL,
	   "reminders: the unassigned calendar");
	icalcomponent_free(cal);
}

static void
test_files(void)
{
	char dir[512], path[600], *stream;
	const char *out, *text;
	icalcomponent *cal;
	bool good = false;
	size_t i, k;

	snprintf(dir, sizeof dir, "%s/out", root);
	(void)calendars("2026-12-22", dir, &good);
	ok(good, "files: written");
	snprintf(path, sizeof path, "%s/meho@kommune.dk.ics", dir);
	is_int(mode_of(path), 0600, "files: meho@kommune.dk.ics, mode 0600");
	snprintf(path, sizeof path, "%s/unassigned.ics", dir);
	is_int(mode_of(path), 0600, "files: unassigned.ics, mode 0600");
	snprintf(path, sizeof path, "%s/quiet@kommune.dk.ics", dir);
	is_int(mode_of(path), -1, "files: no calendar without a dated finding");
	snprintf(path, sizeof path, "%s/meho@kommune.dk.ics", dir);
	text = slurp(path);
	ok(text != NULL && strncmp(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0,
	   "files: CRLF, as RFC 5545 has it");
	cal = text != NULL ? icalcomponent_new_from_string(text) : NULL;
	ok(cal != NULL && icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT) == 4,
	   "files: icalcomponent_new_from_string reads the file's tasks");
	icalcomponent_free(cal);
	/* The file is the stream's calendar, with CRLF. */
	out = calendars("2026-12-22", NULL, &good);
	stream = calendar_of(out, "meho@kommune.dk");
	for (i = 0, k = 0; text != NULL && stream != NULL && text[i] != '\0'; i++)
		if (text[i] != '\r' && text[i] != stream[k++])
			break;
	ok(text != NULL && stream != NULL && text[i] == '\0' && stream[k] == '\0',
	   "files: the same calendar as on standard output");
	free(stream);
}

int
main(void)
{
	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	ck_init("test-ics");
	setenv("CASEKIT_CONFIG", "/dev/null", 1);
	setenv("CASEKIT_NOW", "2026-11-22T10:00:00Z", 1);
	book = ck_rulebook_load(NULL);
	ok(ck_rulebook_get(book, "disability") != NULL, "the shipped sets load");
	is_str(ck_language(), "en", "the tests read English");

	test_uid();
	test_calendar();
	test_reminders();
	test_files();

	ck_rulebook_free(book);
	ring_free();
	{
		char command[600];

		snprintf(command, sizeof command, "rm -rf '%s'", root);
		if (system(command) != 0)
			return 99;
	}
	return done_testing();
}
