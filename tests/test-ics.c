/* SPDX-License-Identifier: MPL-2.0 */
/* test-ics.c — unit tests of lib/ics.c, the calendars of case-report
 * --reminders --format ics (design section 5.6, "Reminders"): what is
 * written is read back with libical's own parser, as a calendar program
 * would import it, and its tasks checked. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

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

int
main(void)
{
	ck_init("test-ics");

	test_uid();
	test_calendar();

	ring_free();
	return done_testing();
}
