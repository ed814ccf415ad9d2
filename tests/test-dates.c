/* SPDX-License-Identifier: MPL-2.0 */
/* test-dates.c — unit tests of lib/dates.c: the calendar, date texts,
 * months and durations, timestamps, and T, now and the user from the
 * environment. Expected values were worked out by hand or checked
 * against Python's datetime, never computed by the code under test. */
#include <config.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

/* A date text for a message or a comparison; four rotating buffers so
 * that one is_str may format two dates. */
static const char *
text_of(ck_date date)
{
	static char bufs[4][CK_DATE_SIZE];
	static int next;

	next = (next + 1) % 4;
	return ck_date_format(date, bufs[next]);
}

/* The date of a valid "YYYY-MM-DD"; a test text that does not parse is
 * a broken test, so it fails loudly. */
static ck_date
date_of(const char *text)
{
	ck_date date;

	if (!ck_date_parse(text, &date)) {
		printf("Bail out! test date %s does not parse\n", text);
		exit(2);
	}
	return date;
}

/* Parses TEXT strictly and compares with WANT ("YYYY-MM-DD"), or
 * expects a refusal when WANT is NULL. */
static void
check_parse(const char *text, const char *want)
{
	ck_date date = 12345;
	bool parsed = ck_date_parse(text, &date);

	if (want == NULL) {
		ok(!parsed, "strict: '%s' is refused", text);
		return;
	}
	ok(parsed, "strict: '%s' parses", text);
	is_str(parsed ? text_of(date) : "", want, "strict: '%s' is the date", text);
}

static void
check_lenient(const char *text, const char *want)
{
	ck_date date = 12345;
	bool parsed = ck_date_parse_lenient(text, &date);

	if (want == NULL) {
		ok(!parsed, "lenient: '%s' is refused", text);
		return;
	}
	ok(parsed, "lenient: '%s' parses", text);
	is_str(parsed ? text_of(date) : "", want, "lenient: '%s' is the date", text);
}

static void
check_add_months(const char *from, long months, const char *want)
{
	is_str(text_of(ck_date_add_months(date_of(from), months)), want,
	       "%s %+ld months", from, months);
}

static void
check_years(const char *born, const char *on, int want)
{
	is_int(ck_date_years_between(date_of(born), date_of(on)), want,
	       "born %s, on %s: %d years", born, on, want);
}

/* Parses a duration and compares both parts, or expects a refusal when
 * VALID is false. */
static void
check_duration(const char *text, bool valid, long months, long days)
{
	ck_duration d = { 777, 777 };
	bool parsed = ck_duration_parse(text, &d);

	if (!valid) {
		ok(!parsed, "duration '%s' is refused", text);
		return;
	}
	ok(parsed, "duration '%s' parses", text);
	is_int(d.months, months, "duration '%s': %ld months", text, months);
	is_int(d.days, days, "duration '%s': %ld days", text, days);
}

static void
check_add(const char *from, const char *duration, const char *want)
{
	ck_duration d;

	if (!ck_duration_parse(duration, &d)) {
		ok(0, "duration '%s' parses for %s", duration, from);
		return;
	}
	is_str(text_of(ck_date_add(date_of(from), d)), want,
	       "%s + %s", from, duration);
}

static void
test_calendar(void)
{
	int year, month, day;
	int prev_y = 0, prev_m = 12, prev_d = 31;
	long d, failures = 0, leap_days = 0;

	is_int(ck_date_from_ymd(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(ck_date_from_ymd(1969, 12, 31), -1, "1969-12-31 is day -1");
	is_int(ck_date_from_ymd(2000, 3, 1), 11017, "2000-03-01 is day 11017");
	is_int(ck_date_from_ymd(2024, 2, 29), 19782, "2024-02-29 is day 19782");
	is_int(ck_date_from_ymd(1900, 3, 1), -25508, "1900-03-01 is day -25508");
	is_int(ck_date_from_ymd(1, 1, 1), -719162, "0001-01-01 is day -719162");
	is_int(ck_date_from_ymd(9999, 12, 31), 2932896, "9999-12-31 is day 2932896");

	ck_date_to_ymd(19782, &year, &month, &day);
	ok(year == 2024 && month == 2 && day == 29, "day 19782 is 2024-02-29");
	ck_date_to_ymd(-1, &year, &month, &day);
	ok(year == 1969 && month == 12 && day == 31, "day -1 is 1969-12-31");

	/* Every day of the calendar: the day after each is the next day of
	 * the month or the first of the next month, and the round trip
	 * through year, month and day gives the same number. */
	for (d = -719162; d <= 2932896; d++) {
		ck_date_to_ymd(d, &year, &month, &day);
		if (!ck_date_valid(year, month, day) || ck_date_from_ymd(year, month, day) != d)
			failures++;
		else if (day == prev_d + 1 && month == prev_m && year == prev_y)
			;
		else if (day == 1 && ((month == prev_m + 1 && year == prev_y)
				      || (month == 1 && prev_m == 12 && year == prev_y + 1)))
			;
		else
			failures++;
		if (month == 2 && day == 29)
			leap_days++;
		prev_y = year;
		prev_m = month;
		prev_d = day;
	}
	is_int(failures, 0, "every day from 0001-01-01 to 9999-12-31 follows the last");
	ok(year == 9999 && month == 12 && day == 31, "the calendar ends on 9999-12-31");
	/* 2424 leap years in 1-9999: 9999/4 - 9999/100 + 9999/400. */
	is_int(leap_days, 2424, "2424 leap days in years 1-9999");

	ok(ck_date_valid(2000, 2, 29), "2000-02-29 exists (divisible by 400)");
	ok(!ck_date_valid(1900, 2, 29), "1900-02-29 does not (divisible by 100)");
	ok(ck_date_valid(2024, 2, 29), "2024-02-29 exists");
	ok(!ck_date_valid(2023, 2, 29), "2023-02-29 does not");
	ok(!ck_date_valid(2024, 4, 31), "2024-04-31 does not");
	ok(ck_date_valid(2024, 12, 31), "2024-12-31 exists");
	ok(!ck_date_valid(2024, 13, 1), "month 13 does not");
	ok(!ck_date_valid(2024, 0, 1), "month 0 does not");
	ok(!ck_date_valid(2024, 1, 0), "day 0 does not");
	ok(!ck_date_valid(0, 1, 1), "year 0 does not");
	ok(!ck_date_valid(10000, 1, 1), "year 10000 does not");
	ok(ck_date_valid(1, 1, 1), "0001-01-01 exists");
}

static void
test_parse(void)
{
	char buf[CK_DATE_SIZE];

	check_parse("2024-02-29", "2024-02-29");
	check_parse("2000-02-29", "2000-02-29");
	check_parse("1970-01-01", "1970-01-01");
	check_parse("0001-01-01", "0001-01-01");
	check_parse("9999-12-31", "9999-12-31");
	check_parse("1900-02-29", NULL);
	check_parse("2023-02-29", NULL);
	check_parse("2024-04-31", NULL);
	check_parse("2024-13-01", NULL);
	check_parse("2024-00-10", NULL);
	check_parse("2024-01-00", NULL);
	check_parse("0000-01-01", NULL);
	check_parse("2024-1-01", NULL);
	check_parse("2024-01-1", NULL);
	check_parse("24-01-01", NULL);
	check_parse("2024-01-01 ", NULL);
	check_parse(" 2024-01-01", NULL);
	check_parse("2024-01-01T00:00:00Z", NULL);
	check_parse("2024/01/01", NULL);
	check_parse("2024-0a-01", NULL);
	check_parse("+024-01-01", NULL);
	check_parse("01-02-2024", NULL);
	check_parse("", NULL);
	ok(!ck_date_parse(NULL, &(ck_date){0}), "strict: NULL is refused");

	is_str(ck_date_format(date_of("0042-03-07"), buf), "0042-03-07",
	       "years and days are written with leading zeros");
	is_str(ck_date_format(-719163, buf), "0001-01-01",
	       "a date before the calendar is written as its first day");
	is_str(ck_date_format(2932897, buf), "9999-12-31",
	       "a date after the calendar is written as its last day");

	check_lenient("2024-02-29", "2024-02-29");
	check_lenient("29-02-2024", "2024-02-29");
	check_lenient("29.02.2024", "2024-02-29");
	check_lenient("29/02/2024", "2024-02-29");
	check_lenient("1-2-2024", "2024-02-01");
	check_lenient("1.12.2024", "2024-12-01");
	check_lenient("09/7/2024", "2024-07-09");
	check_lenient("31-12-1999", "1999-12-31");
	check_lenient("29-02-2023", NULL);
	check_lenient("29.02.1900", NULL);
	check_lenient("31/04/2024", NULL);
	check_lenient("01-13-2024", NULL);
	check_lenient("00-01-2024", NULL);
	check_lenient("01-02-24", NULL);
	check_lenient("01-02-02024", NULL);
	check_lenient("001-02-2024", NULL);
	check_lenient("01-002-2024", NULL);
	check_lenient("01-02/2024", NULL);
	check_lenient("01.02-2024", NULL);
	check_lenient("2024/02/01", NULL);
	check_lenient("2024.02.01", NULL);
	check_lenient("-01-2024", NULL);
	check_lenient("01--2024", NULL);
	check_lenient(" 1-2-2024", NULL);
	check_lenient("1-2-2024 ", NULL);
	check_lenient("1 -2-2024", NULL);
	check_lenient("1-2-0000", NULL);
	check_lenient("", NULL);
	ok(!ck_date_parse_lenient(NULL, &(ck_date){0}), "lenient: NULL is refused");
}

static void
test_months_and_years(void)
{
	check_add_months("2024-01-31", 1, "2024-02-29");
	check_add_months("2023-01-31", 1, "2023-02-28");
	check_add_months("2024-03-31", -1, "2024-02-29");
	check_add_months("2000-01-31", 1, "2000-02-29");
	check_add_months("1900-01-31", 1, "1900-02-28");
	check_add_months("2024-02-29", 12, "2025-02-28");
	check_add_months("2024-02-29", 48, "2028-02-29");
	check_add_months("2024-05-31", 1, "2024-06-30");
	check_add_months("2024-01-30", 1, "2024-02-29");
	check_add_months("2024-02-29", 1, "2024-03-29");
	check_add_months("2024-12-15", 1, "2025-01-15");
	check_add_months("2024-01-15", -1, "2023-12-15");
	check_add_months("2024-01-31", -13, "2022-12-31");
	check_add_months("2023-11-30", 3, "2024-02-29");
	check_add_months("2024-08-01", 120, "2034-08-01");
	check_add_months("2024-08-01", -1200, "1924-08-01");
	check_add_months("2024-07-17", 0, "2024-07-17");
	check_add_months("9999-12-01", 1, "9999-12-31");
	check_add_months("0001-01-15", -1, "0001-01-01");
	check_add_months("2024-07-17", 1000000000L, "9999-12-31");
	check_add_months("2024-07-17", -1000000000L, "0001-01-01");

	check_years("2008-02-29", "2026-02-28", 17);
	check_years("2008-02-29", "2026-03-01", 18);
	check_years("2008-02-29", "2028-02-28", 19);
	check_years("2008-02-29", "2028-02-29", 20);
	check_years("2000-05-10", "2018-05-09", 17);
	check_years("2000-05-10", "2018-05-10", 18);
	check_years("2000-05-10", "2018-12-31", 18);
	check_years("2000-12-31", "2001-01-01", 0);
	check_years("2000-05-10", "2000-05-10", 0);
	check_years("2000-05-10", "2001-05-09", 0);
	check_years("2000-05-10", "2001-05-10", 1);
	check_years("2000-05-10", "2000-05-09", 0);
	check_years("2000-05-10", "1999-05-11", 0);
	check_years("2000-05-10", "1999-05-10", -1);
	check_years("2026-02-28", "2008-02-29", -17);
}

static void
test_durations(void)
{
	check_duration("14d", true, 0, 14);
	check_duration("6w", true, 0, 42);
	check_duration("3m", true, 3, 0);
	check_duration("1y", true, 12, 0);
	check_duration("2y10m", true, 34, 0);
	check_duration("1y2m3w4d", true, 14, 25);
	check_duration("1m1w", true, 1, 7);
	check_duration("1y4d", true, 12, 4);
	check_duration("0d", true, 0, 0);
	check_duration("-0d", true, 0, 0);
	check_duration("-1m", true, -1, 0);
	check_duration("-1y2d", true, -12, -2);
	check_duration("-2w", true, 0, -14);
	check_duration("007d", true, 0, 7);
	check_duration("100000d", true, 0, 100000);
	check_duration("100000y", true, 1200000, 0);
	check_duration("100001d", false, 0, 0);
	check_duration("99999999999999999999999d", false, 0, 0);
	check_duration("", false, 0, 0);
	check_duration("-", false, 0, 0);
	check_duration("--1d", false, 0, 0);
	check_duration("m", false, 0, 0);
	check_duration("1", false, 0, 0);
	check_duration("1y2", false, 0, 0);
	check_duration("1M", false, 0, 0);
	check_duration("1D", false, 0, 0);
	check_duration("1m1y", false, 0, 0);
	check_duration("1d1w", false, 0, 0);
	check_duration("1y1y", false, 0, 0);
	check_duration("1d1d", false, 0, 0);
	check_duration("+1m", false, 0, 0);
	check_duration("1m-1d", false, 0, 0);
	check_duration(" 1m", false, 0, 0);
	check_duration("1m ", false, 0, 0);
	check_duration("1 m", false, 0, 0);
	check_duration("1x", false, 0, 0);
	check_duration("1.5m", false, 0, 0);
	ok(!ck_duration_parse(NULL, &(ck_duration){0, 0}), "duration NULL is refused");

	check_add("2024-01-31", "1m1d", "2024-03-01");
	check_add("2024-03-31", "-1m1d", "2024-02-28");
	check_add("2023-12-31", "1d", "2024-01-01");
	check_add("2024-01-01", "-1d", "2023-12-31");
	check_add("2023-01-01", "365d", "2024-01-01");
	check_add("2024-01-01", "365d", "2024-12-31");
	check_add("2024-01-01", "366d", "2025-01-01");
	check_add("2024-02-28", "1d", "2024-02-29");
	check_add("2023-02-28", "1d", "2023-03-01");
	check_add("2024-12-25", "2w", "2025-01-08");
	check_add("2026-11-02", "2y10m", "2029-09-02");
	check_add("2024-02-29", "1y", "2025-02-28");
	check_add("2024-02-29", "-1y", "2023-02-28");
	check_add("9999-12-30", "100000d", "9999-12-31");
	check_add("0001-01-02", "-100000d", "0001-01-01");
}

static void
test_timestamps(void)
{
	ok(ck_timestamp_valid("2026-11-02T09:30:00Z"), "a timestamp");
	ok(ck_timestamp_valid("2024-02-29T23:59:59Z"), "a leap day's last second");
	ok(ck_timestamp_valid("2016-12-31T23:59:60Z"), "a leap second");
	ok(ck_timestamp_valid("2026-11-02T00:00:00.5Z"), "one digit of fraction");
	ok(ck_timestamp_valid("2026-11-02T00:00:00.123456789Z"), "nine digits of fraction");
	ok(!ck_timestamp_valid("2026-11-02T00:00:00.1234567890Z"), "ten digits of fraction");
	ok(!ck_timestamp_valid("2026-11-02T00:00:00.Z"), "a point without digits");
	ok(!ck_timestamp_valid("2026-11-02T00:00:00,5Z"), "a comma for the point");
	ok(!ck_timestamp_valid("2023-02-29T00:00:00Z"), "a day that does not exist");
	ok(!ck_timestamp_valid("2026-11-02T24:00:00Z"), "hour 24");
	ok(!ck_timestamp_valid("2026-11-02T23:60:00Z"), "minute 60");
	ok(!ck_timestamp_valid("2026-11-02T23:59:61Z"), "second 61");
	ok(!ck_timestamp_valid("2026-11-02t09:30:00Z"), "a lowercase t");
	ok(!ck_timestamp_valid("2026-11-02T09:30:00z"), "a lowercase z");
	ok(!ck_timestamp_valid("2026-11-02 09:30:00Z"), "a space for the T");
	ok(!ck_timestamp_valid("2026-11-02T09:30:00+01:00"), "an offset");
	ok(!ck_timestamp_valid("2026-11-02T09:30:00+00:00"), "an offset of zero");
	ok(!ck_timestamp_valid("2026-11-02T09:30:00"), "no zone");
	ok(!ck_timestamp_valid("2026-11-02T09:30Z"), "no seconds");
	ok(!ck_timestamp_valid("2026-11-02T9:30:00Z"), "a one-digit hour");
	ok(!ck_timestamp_valid("2026-11-02T09:30:00Z "), "a space after");
	ok(!ck_timestamp_valid("2026-11-02T09:30:00ZZ"), "two Zs");
	ok(!ck_timestamp_valid("2026-11-02"), "a date");
	ok(!ck_timestamp_valid(""), "empty");
	ok(!ck_timestamp_valid(NULL), "NULL");
}

/* The local date as the test computes it. */
static ck_date
local_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return ck_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void
test_today(void)
{
	const char *bad;
	ck_date before, got;

	unsetenv("CASEKIT_TODAY");
	unsetenv("CASEKIT_NOW");
	before = local_today();
	got = ck_today();
	/* Around midnight the test and the library may see two days. */
	ok(got == before || got == local_today(),
	   "without ck_today_init, T is the local date");

	bad = "untouched";
	ok(ck_today_init("2026-11-02", &bad), "--today 2026-11-02 is taken");
	is_str(text_of(ck_today()), "2026-11-02", "T is --today");
	is_str(bad, "untouched", "*bad is left alone on success");

	setenv("CASEKIT_TODAY", "2025-01-31", 1);
	ok(ck_today_init(NULL, &bad), "CASEKIT_TODAY is taken");
	is_str(text_of(ck_today()), "2025-01-31", "T is CASEKIT_TODAY");

	ok(ck_today_init("2024-02-29", &bad), "--today wins over CASEKIT_TODAY");
	is_str(text_of(ck_today()), "2024-02-29", "T is --today, not CASEKIT_TODAY");

	setenv("CASEKIT_TODAY", "31-01-2025", 1);
	ok(ck_today_init("2024-03-01", &bad), "a bad CASEKIT_TODAY is ignored under --today");
	is_str(text_of(ck_today()), "2024-03-01", "T is --today");
	bad = NULL;
	ok(!ck_today_init(NULL, &bad), "CASEKIT_TODAY 31-01-2025 is refused");
	is_str(bad, "CASEKIT_TODAY", "the bad source is CASEKIT_TODAY");
	is_str(text_of(ck_today()), "2024-03-01", "a refused value leaves T as it was");

	bad = NULL;
	ok(!ck_today_init("2026-02-30", &bad), "--today 2026-02-30 is refused");
	is_str(bad, "--today", "the bad source is --today");
	bad = NULL;
	ok(!ck_today_init("", &bad), "an empty --today is refused");
	is_str(bad, "--today", "the bad source of an empty --today is --today");

	setenv("CASEKIT_TODAY", "", 1);
	setenv("CASEKIT_NOW", "2031-06-01T12:00:00Z", 1);
	before = local_today();
	ok(ck_today_init(NULL, &bad), "an empty CASEKIT_TODAY is as unset");
	got = ck_today();
	ok(got == before || got == local_today(),
	   "T is the local date, not CASEKIT_NOW's (%s)", text_of(got));
	unsetenv("CASEKIT_TODAY");
	unsetenv("CASEKIT_NOW");
}

/* True when BUF is the clock's time at some second from T0 to T1. */
static bool
is_clock_between(const char *buf, time_t t0, time_t t1)
{
	char want[CK_TIMESTAMP_SIZE];
	struct tm tm;
	time_t t;

	for (t = t0; t <= t1; t++) {
		gmtime_r(&t, &tm);
		strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (strcmp(buf, want) == 0)
			return true;
	}
	return false;
}

static void
check_now_is_clock(const char *now_env, const char *name)
{
	char buf[CK_TIMESTAMP_SIZE];
	time_t t0, t1;

	if (now_env != NULL)
		setenv("CASEKIT_NOW", now_env, 1);
	else
		unsetenv("CASEKIT_NOW");
	t0 = time(NULL);
	ck_now(buf);
	t1 = time(NULL);
	ok(is_clock_between(buf, t0, t1), "%s: now is the clock (%s)", name, buf);
}

static void
test_now(void)
{
	char buf[CK_TIMESTAMP_SIZE];
	char long_value[400];

	setenv("CASEKIT_NOW", "2026-11-02T09:30:00Z", 1);
	is_str(ck_now(buf), "2026-11-02T09:30:00Z", "CASEKIT_NOW is taken");
	setenv("CASEKIT_NOW", "2026-12-31T23:59:59.999999999Z", 1);
	is_str(ck_now(buf), "2026-12-31T23:59:59Z",
	       "a fraction in CASEKIT_NOW is cut off, not rounded");
	setenv("CASEKIT_NOW", "2016-12-31T23:59:60Z", 1);
	is_str(ck_now(buf), "2016-12-31T23:59:60Z", "a leap second in CASEKIT_NOW is kept");

	check_now_is_clock(NULL, "CASEKIT_NOW unset");
	check_now_is_clock("", "CASEKIT_NOW empty");
	check_now_is_clock("2026-11-02T09:30:00+01:00", "CASEKIT_NOW with an offset");
	check_now_is_clock("2026-11-02T09:30:00.1234567890Z", "CASEKIT_NOW with ten fraction digits");
	check_now_is_clock("tomorrow", "CASEKIT_NOW not a time");
	memset(long_value, '9', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	check_now_is_clock(long_value, "CASEKIT_NOW very long");
	unsetenv("CASEKIT_NOW");
}

static void
test_user(void)
{
	char want[64];
	char long_user[601];
	struct passwd *pw = getpwuid(geteuid());
	const char *user;
	size_t i;

	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		snprintf(want, sizeof want, "%s", pw->pw_name);
	else
		snprintf(want, sizeof want, "%lu", (unsigned long)geteuid());

	setenv("CASEKIT_USER", "meho", 1);
	is_str(ck_user(), "meho", "CASEKIT_USER is the user");
	setenv("CASEKIT_USER", "Søren Ågård", 1);
	is_str(ck_user(), "Søren Ågård", "CASEKIT_USER is read on each call");
	setenv("CASEKIT_USER", "", 1);
	is_str(ck_user(), want, "an empty CASEKIT_USER is as unset: the euid's name");
	unsetenv("CASEKIT_USER");
	is_str(ck_user(), want, "without CASEKIT_USER the user is the euid's name");
	is_str(ck_user(), want, "and again (the user database is asked once)");

	/* 300 two-byte characters: cut to 127 of them (254 bytes), never
	 * in the middle of one. */
	for (i = 0; i < 300; i++)
		memcpy(long_user + 2 * i, "\xc3\xb8", 2);
	long_user[600] = '\0';
	setenv("CASEKIT_USER", long_user, 1);
	user = ck_user();
	is_int(strlen(user), 254, "a too long CASEKIT_USER is cut at a character");
	ok(strncmp(user, long_user, 254) == 0, "the cut name is its beginning");
	unsetenv("CASEKIT_USER");
}

int
main(void)
{
	test_calendar();
	test_parse();
	test_months_and_years();
	test_durations();
	test_timestamps();
	test_today();
	test_now();
	test_user();
	return done_testing();
}
