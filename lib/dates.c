/* SPDX-License-Identifier: MPL-2.0 */
/* dates.c — calendar dates, durations, timestamps, and where the
 * programs get "today", "now" and the user from.
 *
 * A date is a count of days since 1970-01-01, so that comparing and
 * adding days is plain arithmetic; splitting it into year, month and day
 * uses Howard Hinnant's days-from-civil algorithms (proleptic Gregorian,
 * eras of 400 years). Only years 1-9999 are dates: that is what
 * "YYYY-MM-DD" can write. */
#include <config.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casekit.h"

/* 0001-01-01 and 9999-12-31 as days since 1970-01-01. */
#define DATE_MIN (-719162L)
#define DATE_MAX 2932896L

/* Longest number a duration takes per unit: 100000 days is some 270
 * years, more than any deadline, and small enough that no sum of the
 * units can overflow. */
#define DURATION_NUMBER_MAX 100000L

static bool
is_leap_year(long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month(long year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month == 2 && is_leap_year(year))
		return 29;
	return days[month - 1];
}

bool
ck_date_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12
		&& day >= 1 && day <= days_in_month(year, month);
}

ck_date
ck_date_from_ymd(int year, int month, int day)
{
	/* Counting the year from March puts the leap day last, so the
	 * day of the year follows from the month by one formula. */
	long y = (long)year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long year_of_era = y - era * 400;
	long month_from_march = month > 2 ? month - 3 : month + 9;
	long day_of_year = (153 * month_from_march + 2) / 5 + (long)day - 1;
	long day_of_era = year_of_era * 365 + year_of_era / 4
		- year_of_era / 100 + day_of_year;

	return era * 146097 + day_of_era - 719468;
}

void
ck_date_to_ymd(ck_date date, int *year, int *month, int *day)
{
	long z, era, day_of_era, year_of_era, day_of_year, mp, y;

	/* A date outside years 1-9999 is only made by a caller's own
	 * arithmetic; taking the nearest end of the calendar keeps the
	 * arithmetic below from overflowing and every text "YYYY-MM-DD". */
	if (date < DATE_MIN)
		date = DATE_MIN;
	else if (date > DATE_MAX)
		date = DATE_MAX;
	z = date + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	day_of_era = z - era * 146097;
	year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
		       - day_of_era / 146096) / 365;
	y = year_of_era + era * 400;
	day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4
				    - year_of_era / 100);
	mp = (5 * day_of_year + 2) / 153;
	*day = (int)(day_of_year - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (*month <= 2));
}

/* The value of the N digits at TEXT, or -1 when one is not a digit. */
static int
digits_value(const char *text, int n)
{
	int value = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		value = value * 10 + (text[i] - '0');
	}
	return value;
}

/* Makes *OUT from parts read by digits_value (-1 for "not digits",
 * which no valid date has). */
static bool
date_from_parts(int year, int month, int day, ck_date *out)
{
	if (!ck_date_valid(year, month, day))
		return false;
	*out = ck_date_from_ymd(year, month, day);
	return true;
}

bool
ck_date_parse(const char *text, ck_date *out)
{
	if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	return date_from_parts(digits_value(text, 4), digits_value(text + 5, 2),
			       digits_value(text + 8, 2), out);
}

/* Reads one or two digits of a day or month ending at SEP; advances
 * *TEXT past the separator. -1 when the text is not so. */
static int
lenient_part(const char **text, char sep)
{
	const char *p = *text;
	size_t n = 0;

	while (n < 3 && p[n] >= '0' && p[n] <= '9')
		n++;
	if (n < 1 || n > 2 || p[n] != sep)
		return -1;
	*text = p + n + 1;
	return digits_value(p, (int)n);
}

bool
ck_date_parse_lenient(const char *text, ck_date *out)
{
	const char *p = text;
	int day, month;
	char sep;

	if (text == NULL)
		return false;
	if (ck_date_parse(text, out))
		return true;
	/* Danish and Swedish spreadsheets write the day first, with '-',
	 * '.' or '/', and drop leading zeros; the year always has four
	 * digits, as a two-digit year would have to guess the century. */
	sep = text[strspn(text, "0123456789")];
	if (sep != '-' && sep != '.' && sep != '/')
		return false;
	day = lenient_part(&p, sep);
	if (day < 0)
		return false;
	month = lenient_part(&p, sep);
	if (month < 0 || strlen(p) != 4)
		return false;
	return date_from_parts(digits_value(p, 4), month, day, out);
}

char *
ck_date_format(ck_date date, char *buf)
{
	int year, month, day;

	ck_date_to_ymd(date, &year, &month, &day);
	buf[0] = (char)('0' + year / 1000);
	buf[1] = (char)('0' + year / 100 % 10);
	buf[2] = (char)('0' + year / 10 % 10);
	buf[3] = (char)('0' + year % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + month / 10);
	buf[6] = (char)('0' + month % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
	return buf;
}

ck_date
ck_date_add_months(ck_date date, long months)
{
	int year, month, day, last;
	long total;

	ck_date_to_ymd(date, &year, &month, &day);
	/* Beyond the calendar the result is its nearest end, as in
	 * ck_date_to_ymd; bounding MONTHS first keeps the sum in range. */
	if (months > 12L * 10000)
		months = 12L * 10000;
	else if (months < -12L * 10000)
		months = -12L * 10000;
	total = (long)year * 12 + (month - 1) + months;
	if (total < 12)
		return DATE_MIN;
	if (total > 9999L * 12 + 11)
		return DATE_MAX;
	year = (int)(total / 12);
	month = (int)(total % 12) + 1;
	/* 31 January plus a month is the last of February, not 2 or
	 * 3 March: a deadline "one month after" stays in that month. */
	last = days_in_month(year, month);
	if (day > last)
		day = last;
	return ck_date_from_ymd(year, month, day);
}

int
ck_date_years_between(ck_date born, ck_date on)
{
	int born_y, born_m, born_d, on_y, on_m, on_d, years;

	/* Whole years count toward zero both ways, so that a day before
	 * the first birthday is 0 and not -1. */
	if (on < born)
		return -ck_date_years_between(on, born);
	ck_date_to_ymd(born, &born_y, &born_m, &born_d);
	ck_date_to_ymd(on, &on_y, &on_m, &on_d);
	years = on_y - born_y;
	/* One born on 29 February turns a year older on 1 March in a
	 * common year, as Danish and Swedish law count an age. */
	if (on_m < born_m || (on_m == born_m && on_d < born_d))
		years--;
	return years;
}

bool
ck_duration_parse(const char *text, ck_duration *out)
{
	static const char units[] = "ymwd";
	const char *p = text;
	const char *unit;
	bool negative = false;
	bool any = false;
	int next_unit = 0;
	long months = 0, days = 0;

	if (text == NULL)
		return false;
	if (*p == '-') {
		negative = true;
		p++;
	}
	while (*p != '\0') {
		long number = 0;
		const char *start = p;

		while (*p >= '0' && *p <= '9') {
			number = number * 10 + (*p - '0');
			if (number > DURATION_NUMBER_MAX)
				return false;
			p++;
		}
		if (p == start || *p == '\0')
			return false;
		unit = strchr(units + next_unit, *p);
		if (unit == NULL)
			return false;
		/* Each unit at most once and in order: "1m1y" and "1y1y" are
		 * more likely typing errors than meant. */
		next_unit = (int)(unit - units) + 1;
		switch (*unit) {
		case 'y':
			months += number * 12;
			break;
		case 'm':
			months += number;
			break;
		case 'w':
			days += number * 7;
			break;
		default:
			days += number;
			break;
		}
		any = true;
		p++;
	}
	if (!any)
		return false;
	out->months = negative ? -months : months;
	out->days = negative ? -days : days;
	return true;
}

ck_date
ck_date_add(ck_date date, ck_duration duration)
{
	ck_date d = ck_date_add_months(date, duration.months);

	if (duration.days > DATE_MAX - d)
		return DATE_MAX;
	if (duration.days < DATE_MIN - d)
		return DATE_MIN;
	return d + duration.days;
}

bool
ck_timestamp_valid(const char *text)
{
	const char *p;
	size_t fraction = 0;
	int hour, minute, second;
	ck_date date;

	if (text == NULL || strlen(text) < 20)
		return false;
	if (text[4] != '-' || text[7] != '-' || text[10] != 'T'
	    || text[13] != ':' || text[16] != ':')
		return false;
	if (!date_from_parts(digits_value(text, 4), digits_value(text + 5, 2),
			     digits_value(text + 8, 2), &date))
		return false;
	hour = digits_value(text + 11, 2);
	minute = digits_value(text + 14, 2);
	second = digits_value(text + 17, 2);
	/* Second 60 is a leap second, which RFC 3339 allows. */
	if (hour < 0 || hour > 23 || minute < 0 || minute > 59
	    || second < 0 || second > 60)
		return false;
	p = text + 19;
	if (*p == '.') {
		p++;
		while (p[fraction] >= '0' && p[fraction] <= '9')
			fraction++;
		if (fraction < 1 || fraction > 9)
			return false;
		p += fraction;
	}
	/* Only UTC: events from different machines must sort as text. */
	return p[0] == 'Z' && p[1] == '\0';
}

static bool today_set;
static ck_date today_value;

static ck_date
local_date(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
		return 0;
	return ck_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

bool
ck_today_init(const char *option, const char **bad)
{
	const char *env;
	ck_date date;

	if (option != NULL) {
		if (!ck_date_parse(option, &date)) {
			if (bad != NULL)
				*bad = "--today";
			return false;
		}
	} else if ((env = getenv("CASEKIT_TODAY")) != NULL && *env != '\0') {
		if (!ck_date_parse(env, &date)) {
			if (bad != NULL)
				*bad = "CASEKIT_TODAY";
			return false;
		}
	} else {
		date = local_date();
	}
	today_value = date;
	today_set = true;
	return true;
}

ck_date
ck_today(void)
{
	/* Before ck_today_init (a filter of a municipality's own): T as
	 * design section 3 says, CASEKIT_TODAY when it is a date, else the
	 * local date. */
	if (!today_set && !ck_today_init(NULL, NULL))
		return local_date();
	return today_value;
}

/* Writes the two digits of VALUE (0-99) at BUF. */
static void
put_two_digits(char *buf, long value)
{
	buf[0] = (char)('0' + value / 10);
	buf[1] = (char)('0' + value % 10);
}

char *
ck_now(char *buf)
{
	const char *env = getenv("CASEKIT_NOW");
	time_t now;
	long long days, seconds;

	if (env != NULL && ck_timestamp_valid(env)) {
		/* BUF holds whole seconds only: a fraction is cut off (never
		 * rounded up, which could carry into the next day), so that
		 * tests setting a fraction still get a fixed time. */
		memcpy(buf, env, 19);
		buf[19] = 'Z';
		buf[20] = '\0';
		return buf;
	}
	/* POSIX time counts no leap seconds, so the clock splits into days
	 * and seconds by division, as gmtime does, without its failure. */
	now = time(NULL);
	seconds = now == (time_t)-1 ? 0 : (long long)now;
	days = seconds / 86400;
	seconds %= 86400;
	if (seconds < 0) {
		days--;
		seconds += 86400;
	}
	ck_date_format((ck_date)days, buf);
	buf[10] = 'T';
	put_two_digits(buf + 11, (long)(seconds / 3600));
	buf[13] = ':';
	put_two_digits(buf + 14, (long)(seconds / 60 % 60));
	buf[16] = ':';
	put_two_digits(buf + 17, (long)(seconds % 60));
	buf[19] = 'Z';
	buf[20] = '\0';
	return buf;
}

/* Room for a user name: Linux allows 32 bytes, LOGIN_NAME_MAX 256. */
#define USER_SIZE 256

/* Copies SRC into DST (SIZE bytes), cutting a longer text at the start
 * of a UTF-8 character, so that an event's "by" stays valid UTF-8. */
static void
copy_utf8_prefix(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

const char *
ck_user(void)
{
	static char from_env[USER_SIZE];
	static char from_uid[USER_SIZE];
	const char *env = getenv("CASEKIT_USER");

	/* getlogin fails under cron and names the terminal's user, not the
	 * one whose rights the program has: the effective uid is asked. The
	 * environment is read on every call, the user database once (the
	 * effective uid does not change while a program runs). */
	if (env != NULL && *env != '\0') {
		copy_utf8_prefix(from_env, sizeof from_env, env);
		return from_env;
	}
	if (from_uid[0] == '\0') {
		uid_t uid = geteuid();
		struct passwd *pw = getpwuid(uid);

		if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
			copy_utf8_prefix(from_uid, sizeof from_uid, pw->pw_name);
		else
			snprintf(from_uid, sizeof from_uid, "%lu", (unsigned long)uid);
	}
	return from_uid;
}
