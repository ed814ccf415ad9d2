/* SPDX-License-Identifier: MPL-2.0 */
/* tap.h — a few lines of the Test Anything Protocol for the unit tests of
 * libcasekit: ok(), is_str(), is_int(), and done_testing() to end main. */
#ifndef CK_TAP_H
#define CK_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failures;

static void __attribute__((format(printf, 4, 5)))
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!pass)
		tap_failures++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass)
		printf("#   failed at %s:%d\n", file, line);
	fflush(stdout);
}

#define ok(cond, ...) tap_ok((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

#define is_str(got, want, ...) do {					\
	const char *tap_g_ = (got), *tap_w_ = (want);			\
	int tap_p_ = (tap_g_ == NULL && tap_w_ == NULL) ||		\
		(tap_g_ != NULL && tap_w_ != NULL && strcmp(tap_g_, tap_w_) == 0); \
	tap_ok(tap_p_, __FILE__, __LINE__, __VA_ARGS__);		\
	if (!tap_p_)							\
		printf("#   got: '%s'\n#   expected: '%s'\n",		\
		       tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

#define is_int(got, want, ...) do {					\
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	tap_ok(tap_g_ == tap_w_, __FILE__, __LINE__, __VA_ARGS__);	\
	if (tap_g_ != tap_w_)						\
		printf("#   got: %lld\n#   expected: %lld\n", tap_g_, tap_w_); \
} while (0)

static int
done_testing(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures == 0 ? 0 : 1;
}

#endif
