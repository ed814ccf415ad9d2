/* SPDX-License-Identifier: MPL-2.0 */
/* ics.c — the coordinators' reminders as tasks in a calendar
 * (case-report --reminders --format ics; design section 5.6,
 * "Reminders"): one VCALENDAR (RFC 5545) of VTODOs, built and written
 * by libical, so that what a calendar program reads is what libical
 * itself parses.
 *
 * A task is a finding with a due date. Its UID is the same in every
 * run for the same finding (a case, a rule, an item), so that the
 * morning's calendar, imported again, updates the tasks of yesterday's
 * instead of adding to them. The UID is a hash: the rule's id may say
 * more than its neutral reminder (a set's ids name its pathway), and a
 * calendar is kept by whoever hosts it. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libical/ical.h>

#include "casekit.h"
#include "internal.h"

/* RFC 5545 section 3.8.1.9: 1 is the highest priority, 5 the middle. */
#define PRIORITY_URGENT 1
#define PRIORITY_NORMAL 5

/* FNV-1a, 64 bits, over TEXT and its NUL: parts hashed one after the
 * other cannot run into each other ("ab"+"c" is not "a"+"bc"). */
static uint64_t
hash_part(uint64_t h, const char *text)
{
	const unsigned char *p = (const unsigned char *)(text != NULL ? text : "");

	do {
		h ^= *p;
		h *= UINT64_C(1099511628211);
	} while (*p++ != '\0');
	return h;
}

char *
ck_ics_uid(const char *case_id, const char *rule, const char *item)
{
	uint64_t h = UINT64_C(14695981039346656037);
	char *uid;

	h = hash_part(h, case_id);
	h = hash_part(h, rule);
	h = hash_part(h, item);
	oom_unless(asprintf(&uid, "%016" PRIx64 "@casekit", h) >= 0);
	return uid;
}

/* NOW ("YYYY-MM-DDTHH:MM:SSZ") as a UTC time for DTSTAMP. */
static struct icaltimetype
utc_time(const char *now)
{
	struct icaltimetype t = icaltime_null_time();

	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2d", &t.year, &t.month, &t.day, &t.hour,
		   &t.minute, &t.second) != 6)
		t = icaltime_null_time();
	return icaltime_set_timezone(&t, icaltimezone_get_utc_timezone());
}

/* DATE as a DATE value (no time of day: a deadline is a day). */
static struct icaltimetype
date_value(ck_date date)
{
	struct icaltimetype t = icaltime_null_date();

	ck_date_to_ymd(date, &t.year, &t.month, &t.day);
	return t;
}

static void
add(icalcomponent *component, icalproperty *property)
{
	oom_unless(property != NULL);
	icalcomponent_add_property(component, property);
}

char *
ck_ics_calendar(const ck_ics_task *tasks, size_t n, const char *now, size_t *length)
{
	char stamp[CK_TIMESTAMP_SIZE], *ical, *text, *out;
	icalcomponent *calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	json_t *uids = json_object();   /* the UIDs added: a set */
	struct icaltimetype dtstamp;
	const char *p;
	size_t i;

	oom_unless(calendar != NULL && uids != NULL);
	dtstamp = utc_time(now != NULL ? now : ck_now(stamp));
	add(calendar, icalproperty_new_version("2.0"));
	add(calendar, icalproperty_new_prodid("-//casekit//casekit " PACKAGE_VERSION "//EN"));
	for (i = 0; i < n; i++) {
		icalcomponent *todo;

		/* One finding, one task: a UID twice in a calendar is one
		 * task that contradicts itself. */
		if (json_object_get(uids, tasks[i].uid) != NULL)
			continue;
		oom_unless(json_object_set_new(uids, tasks[i].uid, json_true()) == 0);
		todo = icalcomponent_new(ICAL_VTODO_COMPONENT);
		oom_unless(todo != NULL);
		add(todo, icalproperty_new_uid(tasks[i].uid));
		add(todo, icalproperty_new_dtstamp(dtstamp));
		add(todo, icalproperty_new_due(date_value(tasks[i].due)));
		add(todo, icalproperty_new_summary(tasks[i].summary));
		add(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
		add(todo, icalproperty_new_priority(tasks[i].urgent ? PRIORITY_URGENT
						    : PRIORITY_NORMAL));
		icalcomponent_add_component(calendar, todo);
	}
	ical = icalcomponent_as_ical_string_r(calendar);
	oom_unless(ical != NULL);
	icalcomponent_free(calendar);
	json_decref(uids);
	/* libical ends lines with CRLF; casekit's texts end them with '\n'
	 * until they are written to a file (which has CRLF again), as the
	 * mail messages do. (libical writes a line break in a value as
	 * "\n"; a stray CR in a summary goes too.) */
	text = out = xmalloc(strlen(ical) + 1);
	for (p = ical; *p != '\0'; p++)
		if (*p != '\r')
			*out++ = *p;
	*out = '\0';
	icalmemory_free_buffer(ical);
	*length = (size_t)(out - text);
	return text;
}
