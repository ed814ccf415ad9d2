/* SPDX-License-Identifier: MPL-2.0 */
/* settings.c — the site settings: $(sysconfdir)/casekit.conf, or the file
 * $CASEKIT_CONFIG names.
 *
 * The file is lines "key = value"; '#' starts a comment, whole line or
 * after a value; blank lines are fine. It is the operator's, so it is
 * checked strictly: a line that is not "key = value", a bad value or a
 * key given twice stops every program (exit 2) with the file and line,
 * rather than letting a privacy setting silently fall back to its
 * default. An unknown key is only a warning, so that a file written for
 * a newer casekit still works. See casekit.conf(5). */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

#define MIN_CELL_DEFAULT 5
/* Far above any sensible threshold; it only keeps the number in range. */
#define MIN_CELL_MAX 1000000L

/* The keys, in the order casekit.conf(5) lists them. */
enum key {
	KEY_RULES_PATH,
	KEY_MIN_CELL,
	KEY_REMINDER_DOMAINS,
	KEY_ALLOW_NAMES,
	KEY_LANGUAGE,
	KEY_MUNICIPALITIES,
	KEY_MAIL_FROM,
	KEY_REMINDER_FALLBACK,
	KEY_COUNT
};

static const char *const key_names[KEY_COUNT] = {
	"rules_path",
	"min_cell",
	"reminder_domains",
	"allow_names",
	"language",
	"municipalities",
	"mail_from",
	"reminder_fallback"
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}



/* Parses a whole number from 1 to MIN_CELL_MAX: digits only, no sign. */
static bool
parse_min_cell(const char *text, long *out)
{
	long n = 0;

	if (*text == '\0')
		return false;
	for (; *text != '\0'; text++) {
		if (*text < '0' || *text > '9')
			return false;
		n = n * 10 + (*text - '0');
		if (n > MIN_CELL_MAX)
			return false;
	}
	if (n < 1)
		return false;
	*out = n;
	return true;
}

/* A domain name: labels of letters, digits, '-' (and UTF-8 for names not
 * yet in punycode) separated by single dots, no dot at either end. */
static bool
domain_valid(const char *text, size_t length)
{
	size_t i, label = 0;

	if (length == 0 || length > 253 || !ck_utf8_valid(text, length))
		return false;
	for (i = 0; i < length; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '.') {
			if (label == 0)
				return false;
			label = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		      || (c >= '0' && c <= '9') || c == '-' || c >= 0x80))
			return false;
		label++;
	}
	return label > 0;
}

static void
add_domain(ck_settings *s, const char *text, size_t length)
{
	char *d = xstrndup(text, length);
	char **list;
	size_t i;

	for (i = 0; i < length; i++)
		d[i] = ascii_lower(d[i]);
	list = realloc(s->reminder_domains,
		       (s->n_reminder_domains + 1) * sizeof *list);
	if (list == NULL)
		ck_fatal(_("out of memory"));
	s->reminder_domains = list;
	list[s->n_reminder_domains++] = d;
}

/* Sets reminder_domains from a list separated by commas and/or spaces. */
static bool
set_domains(ck_settings *s, const char *value)
{
	const char *p = value;

	while (*p != '\0') {
		size_t n;

		while (*p == ',' || is_blank(*p))
			p++;
		if (*p == '\0')
			break;
		n = strcspn(p, ", \t\n\r\f\v");
		if (!domain_valid(p, n))
			return false;
		add_domain(s, p, n);
		p += n;
	}
	return s->n_reminder_domains > 0;
}

/* Every folder of a rules_path must be absolute: the programs run from
 * cron and from any folder, and a relative one would change meaning. */
static bool
rules_path_valid(const char *value)
{
	const char *p = value;

	while (*p != '\0') {
		size_t n = strcspn(p, ":");

		if (n > 0 && *p != '/')
			return false;
		p += n;
		if (*p == ':')
			p++;
	}
	return true;
}

/* The languages casekit speaks: the messages' catalogues and the rules'
 * texts. */
static const char *const languages[] = { "da", "sv", "en", NULL };

/* Sets KEY from VALUE; false on a bad value, reported. */
static bool
set_value(ck_settings *s, enum key key, const char *value,
	  const char *file, unsigned long line)
{
	const char *name = key_names[key];

	switch (key) {
	case KEY_RULES_PATH:
		if (!rules_path_valid(value)) {
			ck_error_at(file, line, name,
				    _("not a list of absolute folders separated by ':'"));
			return false;
		}
		s->rules_path = xstrndup(value, strlen(value));
		return true;
	case KEY_MIN_CELL:
		if (!parse_min_cell(value, &s->min_cell)) {
			ck_error_at(file, line, name,
				    _("not a whole number from 1 to %ld"), MIN_CELL_MAX);
			return false;
		}
		return true;
	case KEY_REMINDER_DOMAINS:
		if (!set_domains(s, value)) {
			ck_error_at(file, line, name,
				    _("not a list of domain names separated by commas or spaces"));
			return false;
		}
		return true;
	case KEY_ALLOW_NAMES:
		if (ascii_equal_nocase(value, "yes") || ascii_equal_nocase(value, "true")) {
			s->allow_names = true;
		} else if (ascii_equal_nocase(value, "no")
			   || ascii_equal_nocase(value, "false")) {
			s->allow_names = false;
		} else {
			ck_error_at(file, line, name, _("not yes or no"));
			return false;
		}
		return true;
	case KEY_LANGUAGE: {
		size_t i;

		for (i = 0; languages[i] != NULL; i++)
			if (ascii_equal_nocase(value, languages[i]))
				break;
		if (languages[i] == NULL) {
			ck_error_at(file, line, name, _("not one of: da, sv, en"));
			return false;
		}
		s->language = xstrdup(languages[i]);
		return true;
	}
	case KEY_MUNICIPALITIES:
		/* Absolute for the reason rules_path is: cron runs anywhere. */
		if (*value != '/') {
			ck_error_at(file, line, name, _("not an absolute file name"));
			return false;
		}
		s->municipalities = xstrdup(value);
		return true;
	case KEY_MAIL_FROM:
	case KEY_REMINDER_FALLBACK:
		/* One bare address: it goes into a header as it stands. */
		if (!ck_mail_address_valid(value)) {
			ck_error_at(file, line, name,
				    _("not one e-mail address (name@domain, nothing else)"));
			return false;
		}
		if (key == KEY_MAIL_FROM)
			s->mail_from = xstrdup(value);
		else
			s->reminder_fallback = xstrdup(value);
		return true;
	case KEY_COUNT:
		break;
	}
	return false;
}

/* Trims blanks at both ends of TEXT in place; returns the start. */
static char *
trim(char *text)
{
	char *end;

	while (is_blank(*text))
		text++;
	end = text + strlen(text);
	while (end > text && is_blank(end[-1]))
		end--;
	*end = '\0';
	return text;
}

/* Handles one line; false when it is malformed (reported). SEEN holds the
 * line each key was given on (0: not yet). */
static bool
read_line(ck_settings *s, char *text, const char *file, unsigned long line,
	  unsigned long seen[KEY_COUNT])
{
	char *hash, *eq, *key, *value;
	size_t i;

	hash = strchr(text, '#');
	if (hash != NULL)
		*hash = '\0';
	text = trim(text);
	if (*text == '\0')
		return true;
	eq = strchr(text, '=');
	if (eq == NULL) {
		ck_error_at(file, line, NULL, _("not a line \"key = value\""));
		return false;
	}
	*eq = '\0';
	key = trim(text);
	value = trim(eq + 1);
	if (*key == '\0') {
		ck_error_at(file, line, NULL, _("no key before '='"));
		return false;
	}
	for (i = 0; i < KEY_COUNT; i++)
		if (strcmp(key, key_names[i]) == 0)
			break;
	if (i == KEY_COUNT) {
		ck_warning_at(file, line, key, _("unknown key, ignored"));
		return true;
	}
	if (seen[i] != 0) {
		ck_error_at(file, line, key, _("given twice (first on line %lu)"), seen[i]);
		return false;
	}
	seen[i] = line;
	if (*value == '\0') {
		ck_error_at(file, line, key, _("no value"));
		return false;
	}
	return set_value(s, (enum key)i, value, file, line);
}

void
ck_settings_clear(ck_settings *s)
{
	size_t i;

	free(s->rules_path);
	for (i = 0; i < s->n_reminder_domains; i++)
		free(s->reminder_domains[i]);
	free(s->reminder_domains);
	free(s->language);
	free(s->municipalities);
	free(s->mail_from);
	free(s->reminder_fallback);
	free(s->path);
	memset(s, 0, sizeof *s);
	s->min_cell = MIN_CELL_DEFAULT;
	s->allow_names = false;
}

bool
ck_settings_read(const char *path, ck_settings *out)
{
	unsigned long seen[KEY_COUNT] = { 0 };
	unsigned long line = 0;
	char *buf = NULL;
	size_t cap = 0;
	bool good = true;
	FILE *f;

	memset(out, 0, sizeof *out);
	ck_settings_clear(out);
	f = fopen(path, "r");
	if (f == NULL) {
		ck_error_at(path, 0, NULL, _("cannot open: %s"), strerror(errno));
		return false;
	}
	out->path = xstrndup(path, strlen(path));
	errno = 0;
	while (getline(&buf, &cap, f) != -1) {
		line++;
		/* Every bad line is reported, so that one run shows the
		 * operator all there is to fix. */
		if (!read_line(out, buf, path, line, seen))
			good = false;
	}
	if (ferror(f)) {
		ck_error_at(path, 0, NULL, _("read error: %s"), strerror(errno));
		good = false;
	}
	free(buf);
	fclose(f);
	return good;
}

static ck_settings site;
static bool site_read;

const ck_settings *
ck_settings_get(void)
{
	const char *path = getenv("CASEKIT_CONFIG");
	struct stat st;

	if (site_read)
		return &site;
	site_read = true;
	if (path == NULL || *path == '\0') {
		path = PKGSYSCONFDIR "/casekit.conf";
		/* The site has not written one: the defaults. Only a
		 * file named by CASEKIT_CONFIG must exist. */
		if (stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
			ck_settings_clear(&site);
			return &site;
		}
	}
	if (!ck_settings_read(path, &site))
		ck_exit(CK_EXIT_TROUBLE);
	return &site;
}

long
ck_settings_min_cell(const ck_settings *s, const char *value)
{
	long n;

	if (s == NULL)
		s = ck_settings_get();
	if (value == NULL)
		return s->min_cell;
	if (!parse_min_cell(value, &n))
		ck_usage_error(_("--min-cell: not a whole number from 1 to %ld"),
			       MIN_CELL_MAX);
	if (n < s->min_cell)
		ck_usage_error(_("--min-cell: lower than the site's min_cell (%ld): "
				 "an option may only tighten privacy"), s->min_cell);
	return n;
}

bool
ck_settings_domain_allowed(const ck_settings *s, const char *domain)
{
	size_t length;

	if (s == NULL)
		s = ck_settings_get();
	if (domain == NULL)
		return false;
	length = strlen(domain);
	if (!domain_valid(domain, length))
		return false;
	return s->n_reminder_domains == 0 ||
	       ck_domain_within(domain, s->reminder_domains, s->n_reminder_domains);
}

