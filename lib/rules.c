/* SPDX-License-Identifier: MPL-2.0 */
/* rules.c — rule sets: finding them by name, loading them with "extends",
 * checking them, and the parameters of the transitions.
 *
 * A set is a JSON file NAME.json found in the folders of
 * $CASEKIT_RULES_PATH, then the site's rules_path, then
 * $(pkgdatadir)/rules. Every set a run can use is loaded and checked at
 * start-up, before any record is read, so that a broken set stops the run
 * with its file and rule id instead of failing half-way through a store.
 * Loaded sets are read-only afterwards: the threads of case-checklist may
 * share a rulebook. See casekit-rules(5). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* A rule set is a few kilobytes; anything this large is a wrong file. */
#define SET_FILE_MAX ((size_t)4 << 20)

/* The transition kinds every set allows (casekit(5), transitions). */
static const char *const standard_kinds[] = {
	"daycare", "kindergarten", "school", "youth-education", "adult",
	"own-home", "job", NULL
};

/* The transitions case-transition plan makes when no set of the chain
 * says which (planned_transitions): DK 1.6's, from daycare to adult
 * life. */
static const char *const default_planned[] = {
	"daycare", "kindergarten", "school", "youth-education", "adult", NULL
};

/* The parameters casekit knows a default for, used when no set in the
 * chain gives them, and whose type is fixed: a duration, or whole years
 * (school starts 1 August of the year the child turns school_age; youth
 * education likewise). Other parameters are a kind's _age, _lead and
 * _prepare_age (see param_type). */
static const struct {
	const char *name;
	const char *duration;    /* the default duration, or NULL */
	int years;               /* the default whole years, or 0 */
} known_params[] = {
	{ "daycare_age", "1y", 0 },
	{ "daycare_lead", "6m", 0 },
	{ "kindergarten_age", "2y10m", 0 },
	{ "kindergarten_lead", "6m", 0 },
	{ "school_age", NULL, 6 },
	{ "school_lead", "12m", 0 },
	{ "youth_education_age", NULL, 16 },
	{ "youth_education_lead", "12m", 0 },
	{ "adult_age", "18y", 0 },
	{ "adult_prepare_age", "16y", 0 }
};
#define N_KNOWN_PARAMS (sizeof known_params / sizeof known_params[0])
/* A bound that only catches nonsense: no transition is 100 years away. */
#define YEARS_MAX 99

/* The members a set may have; "x_…" members are local notes. */
static const char *const set_members[] = {
	"name", "title", "extends", "parameters", "transition_kinds",
	"planned_transitions", "rules", NULL
};

static const char *const bases[] = { "law", "recommendation", "local", NULL };

enum set_state {
	SET_LOADING,            /* being read: met again, extends is a cycle */
	SET_READY,
	SET_BROKEN              /* reported when it was read */
};

struct ck_ruleset {
	char *name;             /* the file's base name, without ".json" */
	char *file;
	json_t *json;           /* the file as read; NULL when unreadable */
	const ck_ruleset *parent;
	enum set_state state;
	json_t *rules;          /* after inheritance: an array of objects */
	json_t *kinds;          /* transition_kinds, inherited too */
	json_t *params;         /* parameters, inherited too: name to value */
	json_t *planned;        /* planned_transitions, inherited, or NULL:
				   casekit's default */
};

struct ck_rulebook {
	ck_ruleset **sets;      /* every set read, each file once; owned */
	size_t n_sets;
	ck_ruleset **named;     /* the first set of each name in the search
				   path (borrowed from sets) */
	size_t n_named;
	const ck_ruleset *option;   /* the --rules set, or NULL */
	ck_ruleset **loading;   /* the chain being read, for cycles */
	size_t n_loading;
};

/* Folders of the search path. */
struct dirs {
	char **items;
	size_t count;
};

/* DIR "/" NAME SUFFIX, newly allocated. */
static char *
join(const char *dir, const char *name, const char *suffix)
{
	size_t a = strlen(dir), b = strlen(name), c = strlen(suffix);
	char *p = xmalloc(a + b + c + 2);

	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b);
	memcpy(p + a + 1 + b, suffix, c + 1);
	return p;
}

static bool
ends_with(const char *text, const char *suffix)
{
	size_t a = strlen(text), b = strlen(suffix);

	return a >= b && strcmp(text + a - b, suffix) == 0;
}

static bool
in_list(const char *const *list, const char *text)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, text) == 0)
			return true;
	return false;
}

/* ---------------------------------------------------------------------
 * The search path and lookup
 */

/* Adds the folders of a ':'-separated LIST, empty entries skipped (as
 * MANPATH does). */
static void
dirs_add_list(struct dirs *d, const char *list)
{
	while (*list != '\0') {
		size_t n = strcspn(list, ":");

		if (n > 0) {
			d->items = xrealloc(d->items, (d->count + 1) * sizeof *d->items);
			d->items[d->count++] = xstrndup(list, n);
		}
		list += n;
		if (*list == ':')
			list++;
	}
}

static void
dirs_free(struct dirs *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		free(d->items[i]);
	free(d->items);
	d->items = NULL;
	d->count = 0;
}

/* The folders, separated by ':' as the path is written, newly
 * allocated: where a set that is not found was looked for. */
static char *
dirs_text(const struct dirs *d)
{
	size_t i, length = 1;
	char *text;

	for (i = 0; i < d->count; i++)
		length += strlen(d->items[i]) + 1;
	text = xmalloc(length);
	*text = '\0';
	for (i = 0; i < d->count; i++) {
		if (i > 0)
			strcat(text, ":");
		strcat(text, d->items[i]);
	}
	return text;
}

/* $CASEKIT_RULES_PATH, the site's rules_path, then the shipped sets. */
static void
search_dirs(struct dirs *d)
{
	const char *env = getenv("CASEKIT_RULES_PATH");
	const ck_settings *settings = ck_settings_get();

	d->items = NULL;
	d->count = 0;
	if (env != NULL)
		dirs_add_list(d, env);
	if (settings->rules_path != NULL)
		dirs_add_list(d, settings->rules_path);
	dirs_add_list(d, PKGDATADIR "/rules");
}

/* True when the folders A and B are one, however spelt ("rules",
 * "./rules/"), so that a set extending its own name cannot find itself
 * through a second spelling of its folder. */
static bool
same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return strcmp(a, b) == 0;
}

/* True when PATH exists and is not a folder: a set file to read (one we
 * may not read is still found, and then reported, not passed over). */
static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* True when the --rules value X names a file rather than a set. */
static bool
names_file(const char *x)
{
	return strchr(x, '/') != NULL || ends_with(x, ".json");
}

/* NAME.json in the search path, passing over the folder SKIP_DIR. With
 * AFTER, also every folder before SKIP_DIR: a set that extends its own
 * name extends the next one of that name down the path, so that a
 * personal folder in CASEKIT_RULES_PATH can extend the site's set that
 * extends the shipped one, without a cycle. */
static char *
find_name(const char *name, const char *skip_dir, bool after)
{
	struct dirs d;
	char *found = NULL;
	size_t i, start = 0;

	search_dirs(&d);
	if (skip_dir != NULL && after)
		for (i = 0; i < d.count; i++)
			if (same_dir(d.items[i], skip_dir)) {
				start = i + 1;
				break;
			}
	for (i = start; i < d.count && found == NULL; i++) {
		char *path;

		if (skip_dir != NULL && same_dir(d.items[i], skip_dir))
			continue;
		path = join(d.items[i], name, ".json");
		if (is_file(path))
			found = path;
		else
			free(path);
	}
	dirs_free(&d);
	return found;
}

char *
ck_rules_find(const char *x, const char *skip_dir)
{
	if (x == NULL || *x == '\0')
		return NULL;
	if (names_file(x))
		return is_file(x) ? xstrdup(x) : NULL;
	if (!ck_pathway_name_valid(x))
		return NULL;
	return find_name(x, skip_dir, false);
}

/* ---------------------------------------------------------------------
 * Reading a set file
 */

/* Reports a JSON error from its code, line and column: Jansson's own
 * text would quote the file. */
static void
report_json_error(const char *file, const json_error_t *err)
{
	unsigned long line = err->line > 0 ? (unsigned long)err->line : 0;
	int column = err->column > 0 ? err->column : 1;

	switch (json_error_code(err)) {
	case json_error_invalid_utf8:
		ck_error_at(file, line, NULL, _("not valid UTF-8 (column %d)"), column);
		break;
	case json_error_duplicate_key:
		ck_error_at(file, line, NULL,
			    _("a key appears twice in one object (column %d)"), column);
		break;
	case json_error_premature_end_of_input:
		ck_error_at(file, line, NULL, _("invalid JSON: the file ends inside a value"));
		break;
	case json_error_end_of_input_expected:
		ck_error_at(file, line, NULL,
			    _("invalid JSON: more than one value in the file (column %d)"),
			    column);
		break;
	case json_error_null_character:
	case json_error_null_byte_in_key:
		ck_error_at(file, line, NULL, _("invalid JSON: a NUL character (column %d)"),
			    column);
		break;
	case json_error_numeric_overflow:
		ck_error_at(file, line, NULL, _("a number too large to hold (column %d)"),
			    column);
		break;
	case json_error_stack_overflow:
		ck_error_at(file, line, NULL, _("JSON nested too deeply (column %d)"), column);
		break;
	case json_error_out_of_memory:
		ck_fatal(_("out of memory"));
	default:
		ck_error_at(file, line, NULL, _("invalid JSON (column %d)"), column);
		break;
	}
}

/* Reads FILE whole into *TEXT (*LENGTH bytes); false on an error,
 * reported. */
static bool
read_file(const char *file, char **text, size_t *length)
{
	size_t cap = 4096, len = 0;
	char *buf;
	int fd;

	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ck_error_at(file, 0, NULL, _("cannot open: %s"), strerror(errno));
		return false;
	}
	buf = xmalloc(cap);
	for (;;) {
		ssize_t n;

		if (len == cap) {
			if (cap >= SET_FILE_MAX) {
				ck_error_at(file, 0, NULL,
					    _("larger than %zu bytes: not a rule set"),
					    SET_FILE_MAX);
				goto fail;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ck_error_at(file, 0, NULL, _("read error: %s"), strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	*text = buf;
	*length = len;
	return true;
fail:
	close(fd);
	free(buf);
	return false;
}

/* The set's JSON object from its file; NULL on an error, reported. */
static json_t *
parse_file(const char *file)
{
	json_error_t err;
	json_t *json;
	char *text;
	size_t length, skip = 0;

	if (!read_file(file, &text, &length))
		return NULL;
	/* Editors on Windows save a byte-order mark; Jansson refuses it. */
	if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	if (length == skip) {
		ck_error_at(file, 0, NULL, _("empty: not a rule set"));
		free(text);
		return NULL;
	}
	json = json_loadb(text + skip, length - skip,
			  JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
	free(text);
	if (json == NULL) {
		report_json_error(file, &err);
		return NULL;
	}
	if (!json_is_object(json)) {
		ck_error_at(file, 0, NULL, _("not a JSON object: a rule set is one object"));
		json_decref(json);
		return NULL;
	}
	return json;
}

/* ---------------------------------------------------------------------
 * Checking a set
 */

static bool
nonempty_string(const json_t *value)
{
	return json_is_string(value) && json_string_length(value) > 0;
}

/* True when VALUE is a text in several languages: an object whose
 * members are non-empty strings, at least one. */
static bool
language_strings(const json_t *value)
{
	const char *lang;
	json_t *text;

	if (!json_is_object(value) || json_object_size(value) == 0)
		return false;
	json_object_foreach((json_t *)value, lang, text)
		if (*lang == '\0' || !nonempty_string(text))
			return false;
	return true;
}

/* What a parameter holds. */
enum param_type {
	PARAM_NONE,             /* no such parameter */
	PARAM_DURATION,         /* a duration: an age or a lead time */
	PARAM_YEARS,            /* whole years: 1 August of the year turned */
	PARAM_AGE               /* either: a new kind's age */
};

static long
known_index(const char *name)
{
	size_t i;

	for (i = 0; i < N_KNOWN_PARAMS; i++)
		if (strcmp(known_params[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* True when NAME is the parameter KIND_SUFFIX of KIND ("youth-education"
 * and "_lead": youth_education_lead). */
static bool
is_kind_param(const char *name, const char *kind, const char *suffix)
{
	char want[CK_FIELD_MAX];

	ck_transition_param_name(kind, suffix, want, sizeof want);
	return strcmp(name, want) == 0;
}

/* The type of the parameter NAME in SET: the known ones' own; else, for
 * a transition kind the set allows (its kinds must be read first), the
 * kind's _age (a duration or whole years), _lead and _prepare_age
 * (durations), so that a set with kinds of its own can plan them. */
static enum param_type
param_type(const ck_ruleset *set, const char *name)
{
	static const char *const suffixes[] = { "_lead", "_prepare_age" };
	long k = known_index(name);
	const char *const *std;
	json_t *kind;
	size_t i, j;

	if (k >= 0)
		return known_params[k].duration != NULL ? PARAM_DURATION : PARAM_YEARS;
	for (std = standard_kinds; *std != NULL; std++) {
		if (is_kind_param(name, *std, "_age"))
			return PARAM_AGE;
		for (j = 0; j < 2; j++)
			if (is_kind_param(name, *std, suffixes[j]))
				return PARAM_DURATION;
	}
	json_array_foreach(set->kinds, i, kind) {
		if (is_kind_param(name, json_string_value(kind), "_age"))
			return PARAM_AGE;
		for (j = 0; j < 2; j++)
			if (is_kind_param(name, json_string_value(kind), suffixes[j]))
				return PARAM_DURATION;
	}
	return PARAM_NONE;
}

/* True when VALUE is a duration, not negative (a negative age or lead
 * time has no meaning). */
static bool
nonnegative_duration(const json_t *value)
{
	ck_duration dur;

	return json_is_string(value) && ck_duration_parse(json_string_value(value), &dur) &&
	       dur.months >= 0 && dur.days >= 0;
}

static bool
whole_years(const json_t *value)
{
	json_int_t n;

	return json_is_integer(value) && (n = json_integer_value(value)) >= 1 && n <= YEARS_MAX;
}

/* The parameters: the parent's, then the set's own; casekit's defaults
 * stand behind them (ck_ruleset_duration). */
static bool
check_parameters(ck_ruleset *set)
{
	json_t *params = json_object_get(set->json, "parameters");
	const char *key;
	json_t *value;

	set->params = set->parent != NULL ? json_deep_copy(set->parent->params) : json_object();
	if (set->params == NULL)
		ck_fatal(_("out of memory"));
	if (params == NULL)
		return true;
	if (!json_is_object(params)) {
		ck_error_at(set->file, 0, "parameters", _("not an object"));
		return false;
	}
	json_object_foreach(params, key, value) {
		char field[CK_FIELD_MAX];

		snprintf(field, sizeof field, "parameters.%s", key);
		switch (param_type(set, key)) {
		case PARAM_DURATION:
			if (!nonnegative_duration(value)) {
				ck_error_at(set->file, 0, field,
					    _("not a duration (such as 6m, 1y or 2y10m)"));
				return false;
			}
			break;
		case PARAM_YEARS:
			if (!whole_years(value)) {
				ck_error_at(set->file, 0, field,
					    _("not a whole number of years from 1 to %d"),
					    YEARS_MAX);
				return false;
			}
			break;
		case PARAM_AGE:
			if (!nonnegative_duration(value) && !whole_years(value)) {
				ck_error_at(set->file, 0, field,
					    _("not an age: a duration (such as 1y) or a whole "
					      "number of years from 1 to %d"), YEARS_MAX);
				return false;
			}
			break;
		case PARAM_NONE:
			ck_error_at(set->file, 0, field, _("no such parameter"));
			return false;
		}
		if (json_object_set(set->params, key, value) != 0)
			ck_fatal(_("out of memory"));
	}
	return true;
}

/* planned_transitions: the set's own list, else the parent's, else
 * casekit's default; each a kind the set allows, once, whose due date
 * and preparation its parameters give. */
static bool
check_planned(ck_ruleset *set)
{
	json_t *own = json_object_get(set->json, "planned_transitions");
	const char *kind;
	size_t i, j;

	if (own != NULL) {
		json_t *item;

		if (!json_is_array(own) || json_array_size(own) == 0 ||
		    json_array_size(own) > CK_TRANSITIONS_MAX) {
			ck_error_at(set->file, 0, "planned_transitions",
				    _("not a list of 1 to %d transition kinds"), CK_TRANSITIONS_MAX);
			return false;
		}
		json_array_foreach(own, i, item) {
			char field[CK_FIELD_MAX];

			snprintf(field, sizeof field, "planned_transitions[#%zu]", i + 1);
			if (!nonempty_string(item) ||
			    !ck_ruleset_transition_kind(set, json_string_value(item))) {
				ck_error_at(set->file, 0, field,
					    _("not a transition kind of the set (a standard "
					      "kind or one of transition_kinds)"));
				return false;
			}
			for (j = 0; j < i; j++)
				if (json_equal(json_array_get(own, j), item)) {
					ck_error_at(set->file, 0, field, _("listed twice"));
					return false;
				}
		}
		set->planned = json_incref(own);
	} else if (set->parent != NULL && set->parent->planned != NULL) {
		set->planned = json_incref(set->parent->planned);
	}
	for (i = 0; (kind = ck_ruleset_planned(set, i)) != NULL; i++) {
		char field[CK_FIELD_MAX], age[CK_FIELD_MAX], lead[CK_FIELD_MAX];
		char prepare[CK_FIELD_MAX];
		ck_duration d;
		int years;

		snprintf(field, sizeof field, "planned_transitions[#%zu]", i + 1);
		ck_transition_param_name(kind, "_age", age, sizeof age);
		ck_transition_param_name(kind, "_lead", lead, sizeof lead);
		ck_transition_param_name(kind, "_prepare_age", prepare, sizeof prepare);
		if (!ck_ruleset_duration(set, age, &d) && !ck_ruleset_years(set, age, &years)) {
			ck_error_at(set->file, 0, field,
				    _("a planned transition needs the age it is due at: "
				      "parameters.%s"), age);
			return false;
		}
		if (!ck_ruleset_duration(set, lead, &d) && !ck_ruleset_duration(set, prepare, &d)) {
			ck_error_at(set->file, 0, field,
				    _("a planned transition needs parameters.%s or "
				      "parameters.%s"), lead, prepare);
			return false;
		}
	}
	return true;
}

/* transition_kinds: the parent's, then the set's own. */
static bool
check_kinds(ck_ruleset *set)
{
	json_t *own = json_object_get(set->json, "transition_kinds");
	json_t *kind;
	size_t i, j;

	set->kinds = set->parent != NULL ? json_copy(set->parent->kinds) : json_array();
	if (set->kinds == NULL)
		ck_fatal(_("out of memory"));
	if (own == NULL)
		return true;
	if (!json_is_array(own)) {
		ck_error_at(set->file, 0, "transition_kinds", _("not an array"));
		return false;
	}
	json_array_foreach(own, i, kind) {
		bool known = false;

		if (!nonempty_string(kind)) {
			char field[CK_FIELD_MAX];

			snprintf(field, sizeof field, "transition_kinds[#%zu]", i + 1);
			ck_error_at(set->file, 0, field, _("not a non-empty string"));
			return false;
		}
		for (j = 0; j < json_array_size(set->kinds); j++)
			if (json_equal(json_array_get(set->kinds, j), kind))
				known = true;
		if (!known)
			json_array_append(set->kinds, kind);
	}
	return true;
}

/* ---------------------------------------------------------------------
 * The kinds of rule and their fields (casekit-rules(5), RULES)
 */

enum field_type {
	FIELD_PATH,             /* a path */
	FIELD_PATHS,            /* a path, or a non-empty list of paths */
	FIELD_DURATION,         /* "14d", "-1m", ... */
	FIELD_BOOL,
	FIELD_COUNT,            /* a whole number, 0 or more */
	FIELD_PATTERN,          /* a PCRE2 pattern */
	FIELD_CONDITIONS,       /* {path: pattern} */
	FIELD_NAMES,            /* a non-empty list of non-empty strings */
	FIELD_FROM              /* paths, or {"earliest"|"latest": [items]} */
};

struct field {
	const char *name;
	enum field_type type;
	bool required;
	const char *fallback;   /* JSON text of the default, or NULL */
};

static const struct field deadline_fields[] = {
	{ "from", FIELD_FROM, true, NULL },
	{ "within", FIELD_DURATION, true, NULL },
	{ "done", FIELD_PATHS, false, NULL },
	{ "after", FIELD_BOOL, false, NULL },
	{ "in_time", FIELD_PATHS, false, NULL },
	{ "unless", FIELD_PATHS, false, NULL },
	{ "ends", FIELD_PATH, false, NULL },
	{ NULL, FIELD_PATH, false, NULL }
};
static const struct field recurring_fields[] = {
	{ "dates", FIELD_PATHS, true, NULL },
	{ "every", FIELD_DURATION, true, NULL },
	{ "start", FIELD_PATH, false, NULL },
	{ NULL, FIELD_PATH, false, NULL }
};
static const struct field count_fields[] = {
	{ "path", FIELD_PATH, true, NULL },
	{ "where", FIELD_CONDITIONS, false, NULL },
	{ "active", FIELD_BOOL, false, NULL },
	{ "min", FIELD_COUNT, false, NULL },
	{ "max", FIELD_COUNT, false, NULL },
	{ NULL, FIELD_PATH, false, NULL }
};
static const struct field present_fields[] = {
	{ "path", FIELD_PATHS, true, NULL },
	{ NULL, FIELD_PATH, false, NULL }
};
static const struct field match_fields[] = {
	{ "path", FIELD_PATH, true, NULL },
	{ "pattern", FIELD_PATTERN, true, NULL },
	{ NULL, FIELD_PATH, false, NULL }
};
static const struct field no_fields[] = {
	{ NULL, FIELD_PATH, false, NULL }
};
/* DK 1.5: the coordinator is the municipality's, unless a set says that
 * a regional body may be it. */
static const struct field coordinator_fields[] = {
	{ "municipal", FIELD_BOOL, false, "true" },
	{ NULL, FIELD_PATH, false, NULL }
};
/* Barnets lov § 5: the decisions it judges, by their paragraph in normal
 * form (decisions under another law are not "efter loven"). */
static const struct field child_heard_fields[] = {
	{ "paragraphs", FIELD_PATTERN, false, "\"^BL \"" },
	{ NULL, FIELD_PATH, false, NULL }
};
/* Barnets lov § 108: the supports that call for a decision on a youth
 * plan (stk. 1 nr. 2-3), the placements and the re-established stay
 * (§ 116) that call for the plan itself (stk. 2), those without
 * consent, where the plan comes before the decision (stk. 4), the
 * earlier support that keeps nr. 3 from applying; the age (16) and the
 * time the plan may take (stk. 3). */
static const struct field youth_plan_fields[] = {
	{ "paragraphs", FIELD_PATTERN, false,
	  "\"^BL § (32|114|115|120)( stk\\\\.| nr\\\\.|$)\"" },
	{ "placements", FIELD_PATTERN, false,
	  "\"^BL § (46|47|116)( stk\\\\.| nr\\\\.|$)\"" },
	{ "without_consent", FIELD_PATTERN, false, "\"^BL § 47( stk\\\\.| nr\\\\.|$)\"" },
	{ "earlier", FIELD_PATTERN, false, "\"^BL § 32( stk\\\\.| nr\\\\.|$)\"" },
	{ "age", FIELD_DURATION, false, "\"16y\"" },
	{ "within", FIELD_DURATION, false, "\"3m\"" },
	{ NULL, FIELD_PATH, false, NULL }
};
/* DK 1.1, 1.2: who holds knowledge of a rare condition. */
static const struct field knowledge_fields[] = {
	{ "roles", FIELD_NAMES, false,
	  "[\"rare-disease-centre\", \"knowledge-centre\", \"viso\", "
	  "\"user-organisation\", \"hospital\"]" },
	{ NULL, FIELD_PATH, false, NULL }
};
/* DK 1.4: a network meeting, a review of the common plan, every 6 months
 * (the number local). */
static const struct field every_fields[] = {
	{ "every", FIELD_DURATION, false, "\"6m\"" },
	{ NULL, FIELD_PATH, false, NULL }
};
/* DK 1.7: siblings under 18 offered support within 3 months (local). */
static const struct field sibling_fields[] = {
	{ "within", FIELD_DURATION, false, "\"3m\"" },
	{ "age", FIELD_DURATION, false, "\"18y\"" },
	{ NULL, FIELD_PATH, false, NULL }
};
static const struct field transition_fields[] = {
	{ "kinds", FIELD_NAMES, false, NULL },
	{ "except", FIELD_NAMES, false, NULL },
	{ NULL, FIELD_PATH, false, NULL }
};

static const struct {
	const char *kind;
	const struct field *fields;
} rule_kinds[] = {
	{ "deadline", deadline_fields },
	{ "recurring", recurring_fields },
	{ "count", count_fields },
	{ "present", present_fields },
	{ "match", match_fields },
	{ "coordinator", coordinator_fields },
	{ "consent", no_fields },
	{ "consent-withdrawn", no_fields },
	{ "child-heard", child_heard_fields },
	{ "youth-plan", youth_plan_fields },
	{ "knowledge-source", knowledge_fields },
	{ "network-meeting", every_fields },
	{ "common-plan-review", every_fields },
	{ "sibling-support", sibling_fields },
	{ "transition-prepare", transition_fields },
	{ "sip", no_fields },
	{ "references", no_fields },
};
#define N_RULE_KINDS (sizeof rule_kinds / sizeof rule_kinds[0])

/* The members every rule may have, whatever its kind. */
static const char *const rule_members[] = {
	"id", "basis", "ref", "kind", "title", "message", "reminder", "when", "each",
	"remind", "cases", "off", NULL
};

static const struct field *
kind_fields(const char *kind)
{
	size_t i;

	for (i = 0; i < N_RULE_KINDS; i++)
		if (strcmp(rule_kinds[i].kind, kind) == 0)
			return rule_kinds[i].fields;
	return NULL;
}

/* True when TEXT compiles as a path; else the reason in ERR. */
static bool
path_compiles(const json_t *value, char *err, size_t errsize)
{
	ck_path *path;

	if (!nonempty_string(value)) {
		snprintf(err, errsize, "%s", _("not a path"));
		return false;
	}
	path = ck_path_compile(json_string_value(value), err, errsize);
	ck_path_free(path);
	return path != NULL;
}

static bool
pattern_compiles(const json_t *value, char *err, size_t errsize)
{
	ck_regex *re;

	if (!json_is_string(value)) {
		snprintf(err, errsize, "%s", _("not a pattern"));
		return false;
	}
	re = ck_regex_compile(json_string_value(value), err, errsize);
	ck_regex_free(re);
	return re != NULL;
}

/* An item of "from": {"earliest"|"latest": [...]}: a path, or an
 * object {"path", "plus", "date", "alongside"}. */
static bool
check_from_item(const json_t *item, char *err, size_t errsize)
{
	const char *key;
	json_t *value;
	ck_duration d;

	if (json_is_string(item))
		return path_compiles(item, err, errsize);
	if (!json_is_object(item)) {
		snprintf(err, errsize, "%s", _("not a path or an object {\"path\": ...}"));
		return false;
	}
	if (json_object_get(item, "path") == NULL) {
		snprintf(err, errsize, "%s", _("path: missing"));
		return false;
	}
	json_object_foreach((json_t *)item, key, value) {
		char why[CK_MESSAGE_MAX / 2];
		bool good;

		if (strcmp(key, "path") == 0 || strcmp(key, "date") == 0 ||
		    strcmp(key, "alongside") == 0) {
			good = path_compiles(value, why, sizeof why);
		} else if (strcmp(key, "plus") == 0) {
			good = json_is_string(value) && ck_duration_parse(json_string_value(value), &d);
			if (!good)
				snprintf(why, sizeof why, "%s", _("not a duration (such as 30d or 6m)"));
		} else {
			snprintf(why, sizeof why, "%s", _("not a member of an item of from"));
			good = false;
		}
		if (!good) {
			snprintf(err, errsize, "%s: %s", key, why);
			return false;
		}
	}
	if (json_object_get(item, "alongside") != NULL && json_object_get(item, "date") == NULL) {
		snprintf(err, errsize, "%s", _("alongside: needs date (the element's member that ends it)"));
		return false;
	}
	return true;
}

/* Checks VALUE as a field of TYPE; false with the reason in ERR. */
static bool
check_field(enum field_type type, const json_t *value, char *err, size_t errsize)
{
	const char *key;
	json_t *item, *key_item;
	ck_duration d;
	size_t i;

	switch (type) {
	case FIELD_PATH:
		return path_compiles(value, err, errsize);
	case FIELD_PATHS:
		if (!json_is_array(value))
			return path_compiles(value, err, errsize);
		if (json_array_size(value) == 0) {
			snprintf(err, errsize, "%s", _("an empty list of paths"));
			return false;
		}
		json_array_foreach(value, i, item)
			if (!path_compiles(item, err, errsize))
				return false;
		return true;
	case FIELD_DURATION:
		if (json_is_string(value) && ck_duration_parse(json_string_value(value), &d))
			return true;
		snprintf(err, errsize, "%s", _("not a duration (such as 30d or 6m)"));
		return false;
	case FIELD_BOOL:
		if (json_is_boolean(value))
			return true;
		snprintf(err, errsize, "%s", _("not true or false"));
		return false;
	case FIELD_COUNT:
		if (json_is_integer(value) && json_integer_value(value) >= 0)
			return true;
		snprintf(err, errsize, "%s", _("not a whole number, 0 or more"));
		return false;
	case FIELD_PATTERN:
		return pattern_compiles(value, err, errsize);
	case FIELD_CONDITIONS:
		if (!json_is_object(value)) {
			snprintf(err, errsize, "%s", _("not an object"));
			return false;
		}
		json_object_foreach((json_t *)value, key, item) {
			char why[CK_MESSAGE_MAX / 2];
			json_t *path = json_string(key);
			bool good = path_compiles(path, why, sizeof why);

			json_decref(path);
			if (good && !pattern_compiles(item, why, sizeof why))
				good = false;
			if (!good) {
				snprintf(err, errsize, "%s: %s", key, why);
				return false;
			}
		}
		return true;
	case FIELD_FROM:
		if (!json_is_object(value))
			return check_field(FIELD_PATHS, value, err, errsize);
		item = json_object_get(value, "earliest");
		if (item == NULL)
			item = json_object_get(value, "latest");
		if (json_object_size(value) != 1 || !json_is_array(item) ||
		    json_array_size(item) == 0) {
			snprintf(err, errsize, "%s",
				 _("not a path, a list of paths, or {\"earliest\" or \"latest\": [items]}"));
			return false;
		}
		json_array_foreach(item, i, key_item)
			if (!check_from_item(key_item, err, errsize))
				return false;
		return true;
	case FIELD_NAMES:
		if (json_is_array(value) && json_array_size(value) > 0) {
			json_array_foreach(value, i, item)
				if (!nonempty_string(item))
					break;
			if (i == json_array_size(value))
				return true;
		}
		snprintf(err, errsize, "%s", _("not a list of names"));
		return false;
	}
	return false;
}

/* True when VALUE is a non-empty list of sectors an actor may have,
 * "family" not among them (the family is not a sector that takes part). */
static bool
sector_names(const json_t *value)
{
	const char *const *sectors = ck_field_values("actors.sector");
	const json_t *item;
	size_t i;

	if (!json_is_array(value) || json_array_size(value) == 0 || sectors == NULL)
		return false;
	json_array_foreach(value, i, item) {
		const char *name = json_string_value(item);

		if (name == NULL || strcmp(name, "family") == 0 || !in_list(sectors, name))
			return false;
	}
	return true;
}

/* The conditions of "when": paths and patterns, or "sectors" and a
 * number of sectors or the sectors that must all take part. */
static bool
check_when(const json_t *when, char *err, size_t errsize)
{
	const char *key;
	json_t *value;

	if (!json_is_object(when)) {
		snprintf(err, errsize, "%s", _("not an object"));
		return false;
	}
	json_object_foreach((json_t *)when, key, value) {
		json_t *one;
		bool good;

		if (strcmp(key, "sectors") == 0) {
			if (json_is_integer(value) && json_integer_value(value) > 0)
				continue;
			if (sector_names(value))
				continue;
			snprintf(err, errsize, "sectors: %s",
				 _("not a whole number of sectors, 1 or more, nor a list of "
				   "sectors (social, health, education, employment, civil)"));
			return false;
		}
		if (strcmp(key, "age_below") == 0 || strcmp(key, "age_at_least") == 0) {
			ck_duration d;

			if (json_is_string(value) && ck_duration_parse(json_string_value(value), &d)
			    && d.months >= 0 && d.days >= 0)
				continue;
			snprintf(err, errsize, "%s: %s", key, _("not an age (such as 16y or 6m)"));
			return false;
		}
		if (strcmp(key, "age_on") == 0) {
			char why[CK_MESSAGE_MAX / 2];

			if (json_object_get(when, "age_below") == NULL &&
			    json_object_get(when, "age_at_least") == NULL) {
				snprintf(err, errsize, "age_on: %s",
					 _("needs age_below or age_at_least"));
				return false;
			}
			if (path_compiles(value, why, sizeof why))
				continue;
			snprintf(err, errsize, "age_on: %s", why);
			return false;
		}
		one = json_pack("{sO}", key, value);
		if (one == NULL)
			ck_fatal(_("out of memory"));
		good = check_field(FIELD_CONDITIONS, one, err, errsize);
		json_decref(one);
		if (!good)
			return false;
	}
	return true;
}

/* "cases": a non-empty list of objects, each with a "when" and either
 * "off": true or fields of the rule's KIND (which replace the rule's
 * own for an element the case's "when" holds for). ERR starts with the
 * place ("[#2].within: ..."). */
static bool
check_cases(const json_t *cases, const struct field *fields, const char *kind,
	    char *err, size_t errsize)
{
	const struct field *f;
	const json_t *one, *value;
	const char *key;
	size_t i;

	if (!json_is_array(cases) || json_array_size(cases) == 0) {
		snprintf(err, errsize, ": %s", _("not a non-empty list of objects"));
		return false;
	}
	json_array_foreach(cases, i, one) {
		char why[CK_MESSAGE_MAX / 2];

		if (!json_is_object(one)) {
			snprintf(err, errsize, "[#%zu]: %s", i + 1, _("not an object"));
			return false;
		}
		value = json_object_get(one, "when");
		if (value == NULL) {
			snprintf(err, errsize, "[#%zu].when: %s", i + 1,
				 _("missing (a case says when it applies)"));
			return false;
		}
		if (!check_when(value, why, sizeof why)) {
			snprintf(err, errsize, "[#%zu].when: %s", i + 1, why);
			return false;
		}
		json_object_foreach((json_t *)one, key, value) {
			if (strcmp(key, "when") == 0)
				continue;
			if (strcmp(key, "off") == 0) {
				if (json_is_true(value))
					continue;
				snprintf(err, errsize, "[#%zu].off: %s", i + 1,
					 _("not true (leave it out for a case that applies)"));
				return false;
			}
			for (f = fields; f->name != NULL; f++)
				if (strcmp(f->name, key) == 0)
					break;
			if (f->name == NULL) {
				snprintf(err, errsize, "[#%zu].%s: ", i + 1, key);
				snprintf(why, sizeof why, _("not a field of a rule of kind %s"), kind);
				strncat(err, why, errsize - strlen(err) - 1);
				return false;
			}
			if (!check_field(f->type, value, why, sizeof why)) {
				snprintf(err, errsize, "[#%zu].%s: %s", i + 1, key, why);
				return false;
			}
		}
	}
	return true;
}

/* The checks of one rule after inheritance, reported with the set's file
 * and the rule's id: every member known, the fields its kind needs there
 * and well formed, paths and patterns compiled. A rule that cannot be
 * judged stops the run at start-up, not at the first record it meets.
 * The defaults of the special kinds' fields are filled in. */
static bool
check_rule(const ck_ruleset *set, json_t *rule)
{
	const char *id = json_string_value(json_object_get(rule, "id"));
	const struct field *fields, *f;
	const char *kind, *key;
	char err[CK_MESSAGE_MAX];
	json_t *value;
	ck_duration d;

	if (!nonempty_string(json_object_get(rule, "kind"))) {
		ck_error_at(set->file, 0, id, _("kind: not a non-empty string"));
		return false;
	}
	kind = json_string_value(json_object_get(rule, "kind"));
	fields = kind_fields(kind);
	if (fields == NULL) {
		ck_error_at(set->file, 0, id, _("kind: no such kind of rule"));
		return false;
	}
	value = json_object_get(rule, "basis");
	if (value == NULL) {
		ck_error_at(set->file, 0, id, _("basis: missing"));
		return false;
	}
	if (!json_is_string(value) || !in_list(bases, json_string_value(value))) {
		ck_error_at(set->file, 0, id,
			    _("basis: not one of: law, recommendation, local"));
		return false;
	}
	value = json_object_get(rule, "ref");
	if (!nonempty_string(value)) {
		ck_error_at(set->file, 0, id, value == NULL ? _("ref: missing")
			    : _("ref: not a non-empty string"));
		return false;
	}
	value = json_object_get(rule, "message");
	if (!language_strings(value)) {
		ck_error_at(set->file, 0, id, value == NULL ? _("message: missing")
			    : _("message: not an object of texts by language (en, da, sv)"));
		return false;
	}
	value = json_object_get(rule, "reminder");
	if (!language_strings(value)) {
		ck_error_at(set->file, 0, id, value == NULL ? _("reminder: missing")
			    : _("reminder: not an object of texts by language (en, da, sv)"));
		return false;
	}
	value = json_object_get(rule, "title");
	if (value != NULL && !language_strings(value)) {
		ck_error_at(set->file, 0, id,
			    _("title: not an object of texts by language (en, da, sv)"));
		return false;
	}
	value = json_object_get(rule, "when");
	if (value != NULL && !check_when(value, err, sizeof err)) {
		ck_error_at(set->file, 0, id, "when: %s", err);
		return false;
	}
	value = json_object_get(rule, "cases");
	if (value != NULL && !check_cases(value, fields, kind, err, sizeof err)) {
		ck_error_at(set->file, 0, id, "cases%s", err);
		return false;
	}
	value = json_object_get(rule, "each");
	if (value != NULL && !path_compiles(value, err, sizeof err)) {
		ck_error_at(set->file, 0, id, "each: %s", err);
		return false;
	}
	value = json_object_get(rule, "remind");
	if (value != NULL && (!json_is_string(value)
			      || !ck_duration_parse(json_string_value(value), &d))) {
		ck_error_at(set->file, 0, id, _("remind: not a duration (such as 30d or 6m)"));
		return false;
	}

	/* The kind's own fields; any other member is most likely a
	 * misspelling that would silently change nothing. */
	json_object_foreach(rule, key, value) {
		if (in_list(rule_members, key) || strncmp(key, "x_", 2) == 0)
			continue;
		for (f = fields; f->name != NULL; f++)
			if (strcmp(f->name, key) == 0)
				break;
		if (f->name == NULL) {
			ck_error_at(set->file, 0, id, _("%s: not a field of a rule of kind %s"),
				    key, kind);
			return false;
		}
		if (!check_field(f->type, value, err, sizeof err)) {
			ck_error_at(set->file, 0, id, "%s: %s", key, err);
			return false;
		}
	}
	for (f = fields; f->name != NULL; f++) {
		if (json_object_get(rule, f->name) != NULL)
			continue;
		if (f->required) {
			ck_error_at(set->file, 0, id, _("%s: missing (a rule of kind %s needs it)"),
				    f->name, kind);
			return false;
		}
		if (f->fallback != NULL) {
			value = json_loads(f->fallback, JSON_DECODE_ANY, NULL);
			if (value == NULL)
				ck_fatal(_("out of memory"));
			json_object_set_new(rule, f->name, value);
		}
	}
	if (strcmp(kind, "count") == 0) {
		json_t *min = json_object_get(rule, "min"), *max = json_object_get(rule, "max");

		if (min == NULL && max == NULL) {
			ck_error_at(set->file, 0, id, _("min, max: a count needs one or both"));
			return false;
		}
		if (min != NULL && max != NULL && json_integer_value(min) > json_integer_value(max)) {
			ck_error_at(set->file, 0, id, _("min: more than max"));
			return false;
		}
	}
	if (strcmp(kind, "transition-prepare") == 0 && json_object_get(rule, "kinds") != NULL
	    && json_object_get(rule, "except") != NULL) {
		ck_error_at(set->file, 0, id, _("kinds, except: give one or the other"));
		return false;
	}
	return true;
}

/* The place of the rule with ID in RULES, or -1. */
static long
rule_index(const json_t *rules, const char *id)
{
	size_t i;
	json_t *rule;

	json_array_foreach(rules, i, rule)
		if (strcmp(json_string_value(json_object_get(rule, "id")), id) == 0)
			return (long)i;
	return -1;
}

/* INHERITED changed by the fields OWN names: a field replaces the
 * inherited one whole, except the texts by language (message, reminder),
 * which change only in the languages given. New reference. */
static json_t *
merge_rule(const json_t *inherited, const json_t *own)
{
	json_t *merged = json_deep_copy(inherited);
	const char *key;
	json_t *value;

	if (merged == NULL)
		ck_fatal(_("out of memory"));
	json_object_foreach((json_t *)own, key, value) {
		json_t *old = json_object_get(merged, key);

		if ((strcmp(key, "message") == 0 || strcmp(key, "reminder") == 0)
		    && json_is_object(old) && json_is_object(value))
			json_object_update(old, value);
		else
			json_object_set(merged, key, value);
	}
	json_object_del(merged, "off");
	return merged;
}

/* The rules: the parent's, changed or turned off where the set names
 * their id, then the set's new ones. */
static bool
check_rules(ck_ruleset *set)
{
	json_t *own = json_object_get(set->json, "rules");
	json_t *rule;
	size_t i, j;

	set->rules = set->parent != NULL ? json_deep_copy(set->parent->rules)
					 : json_array();
	if (set->rules == NULL)
		ck_fatal(_("out of memory"));
	if (own == NULL)
		return true;
	if (!json_is_array(own)) {
		ck_error_at(set->file, 0, "rules", _("not an array"));
		return false;
	}
	json_array_foreach(own, i, rule) {
		char place[CK_FIELD_MAX];
		json_t *off;
		const char *id;
		long at;

		snprintf(place, sizeof place, "rules[#%zu]", i + 1);
		if (!json_is_object(rule)) {
			ck_error_at(set->file, 0, place, _("not an object"));
			return false;
		}
		if (!nonempty_string(json_object_get(rule, "id"))) {
			ck_error_at(set->file, 0, place, _("id: not a non-empty string"));
			return false;
		}
		id = json_string_value(json_object_get(rule, "id"));
		for (j = 0; j < i; j++)
			if (json_equal(json_object_get(json_array_get(own, j), "id"),
				       json_object_get(rule, "id"))) {
				ck_error_at(set->file, 0, id,
					    _("id: given to two rules of the set"));
				return false;
			}
		off = json_object_get(rule, "off");
		if (off != NULL && !json_is_boolean(off)) {
			ck_error_at(set->file, 0, id, _("off: not true or false"));
			return false;
		}
		at = rule_index(set->rules, id);
		if (at >= 0 && json_is_true(off)) {
			json_array_remove(set->rules, (size_t)at);
		} else if (at >= 0) {
			json_array_set_new(set->rules, (size_t)at,
					   merge_rule(json_array_get(set->rules, (size_t)at),
						      rule));
		} else if (json_is_true(off)) {
			/* Most likely a misspelt id: the rule meant to be off
			 * would silently stay on. */
			ck_error_at(set->file, 0, id,
				    _("off: the set inherits no rule with this id"));
			return false;
		} else if (json_object_get(rule, "kind") == NULL) {
			/* Likewise: a change to a misspelt id would be a new
			 * rule that can never be judged. */
			ck_error_at(set->file, 0, id,
				    _("kind: missing, and the set inherits no rule with this id"));
			return false;
		} else {
			json_t *copy = json_deep_copy(rule);

			if (copy == NULL)
				ck_fatal(_("out of memory"));
			json_object_del(copy, "off");
			json_array_append_new(set->rules, copy);
		}
	}
	json_array_foreach(set->rules, i, rule)
		if (!check_rule(set, rule))
			return false;
	return true;
}

/* The set's name from its file: the base name without ".json". */
static char *
name_from_file(const char *file)
{
	const char *base = strrchr(file, '/');
	size_t n;

	base = base != NULL ? base + 1 : file;
	n = strlen(base);
	if (ends_with(base, ".json"))
		n -= 5;
	return xstrndup(base, n);
}

static ck_ruleset *load_set(ck_rulebook *book, const char *file);

/* Reports the chain of sets being read from SET to the top, and SET
 * again: "a -> b -> a". */
static void
report_cycle(ck_rulebook *book, const ck_ruleset *set)
{
	char chain[CK_MESSAGE_MAX];
	size_t i = 0, used = 0;

	while (i < book->n_loading && book->loading[i] != set)
		i++;
	chain[0] = '\0';
	for (; i < book->n_loading; i++) {
		int n = snprintf(chain + used, sizeof chain - used, "%s -> ",
				 book->loading[i]->name);

		if (n < 0 || (size_t)n >= sizeof chain - used)
			break;
		used += (size_t)n;
	}
	snprintf(chain + used, sizeof chain - used, "%s", set->name);
	ck_error_at(book->loading[book->n_loading - 1]->file, 0, "extends",
		    _("the sets extend each other in a cycle: %s"), chain);
}

/* extends: the set it names, looked up as --rules names are, except that
 * a set extending its own name looks only past its own folder. */
static bool
resolve_extends(ck_rulebook *book, ck_ruleset *set)
{
	json_t *value = json_object_get(set->json, "extends");
	const char *name;
	char *dir, *file, *slash;
	ck_ruleset *parent;

	if (value == NULL)
		return true;
	name = json_string_value(value);
	if (name == NULL || !ck_pathway_name_valid(name)) {
		ck_error_at(set->file, 0, "extends",
			    _("not a rule-set name (letters, digits, '.', '-' and '_', at most 64)"));
		return false;
	}
	dir = NULL;
	if (strcmp(name, set->name) == 0) {
		slash = strrchr(set->file, '/');
		dir = slash != NULL ? xstrndup(set->file, (size_t)(slash - set->file))
				    : xstrdup(".");
		if (*dir == '\0') {
			free(dir);
			dir = xstrdup("/");
		}
	}
	file = find_name(name, dir, true);
	free(dir);
	if (file == NULL) {
		struct dirs d;
		char *folders;

		search_dirs(&d);
		folders = dirs_text(&d);
		dirs_free(&d);
		ck_error_at(set->file, 0, "extends",
			    _("no rule set named %s; searched %s"), name, folders);
		free(folders);
		return false;
	}
	parent = load_set(book, file);
	free(file);
	if (parent->state == SET_LOADING) {
		report_cycle(book, parent);
		return false;
	}
	/* A broken parent was reported when it was read. */
	if (parent->state == SET_BROKEN)
		return false;
	set->parent = parent;
	return true;
}

/* Everything but the inheritance of the members: the file, its name,
 * the members allowed, the title. */
static bool
check_members(ck_ruleset *set)
{
	const char *key;
	json_t *value;

	if (!ck_pathway_name_valid(set->name)) {
		ck_error_at(set->file, 0, NULL,
			    _("the file is not named NAME.json for a rule-set name "
			      "(letters, digits, '.', '-' and '_', at most 64)"));
		return false;
	}
	json_object_foreach(set->json, key, value) {
		if (!in_list(set_members, key) && strncmp(key, "x_", 2) != 0) {
			ck_error_at(set->file, 0, key,
				    _("not a member of a rule set (local notes are named x_...)"));
			return false;
		}
	}
	value = json_object_get(set->json, "name");
	if (!json_is_string(value)) {
		ck_error_at(set->file, 0, "name", _("missing, or not a string"));
		return false;
	}
	/* The name is how cases and other sets find the set: it must be
	 * the name it is found by. */
	if (strcmp(json_string_value(value), set->name) != 0) {
		ck_error_at(set->file, 0, "name",
			    _("not the file's name without .json (%s)"), set->name);
		return false;
	}
	value = json_object_get(set->json, "title");
	if (value != NULL && !nonempty_string(value) && !language_strings(value)) {
		ck_error_at(set->file, 0, "title",
			    _("not a string or an object of texts by language (en, da, sv)"));
		return false;
	}
	return true;
}

static ck_ruleset *
find_loaded(const ck_rulebook *book, const char *file)
{
	size_t i;

	for (i = 0; i < book->n_sets; i++)
		if (strcmp(book->sets[i]->file, file) == 0)
			return book->sets[i];
	return NULL;
}

/* The set in FILE, read and checked once per book. Its state says
 * whether it is broken (reported) or, met while it is still being read,
 * part of a cycle. */
static ck_ruleset *
load_set(ck_rulebook *book, const char *file)
{
	ck_ruleset *set = find_loaded(book, file);
	bool good;

	if (set != NULL)
		return set;
	set = xmalloc(sizeof *set);
	memset(set, 0, sizeof *set);
	set->file = xstrdup(file);
	set->name = name_from_file(file);
	set->state = SET_LOADING;
	book->sets = xrealloc(book->sets, (book->n_sets + 1) * sizeof *book->sets);
	book->sets[book->n_sets++] = set;
	book->loading = xrealloc(book->loading,
				 (book->n_loading + 1) * sizeof *book->loading);
	book->loading[book->n_loading++] = set;

	set->json = parse_file(file);
	good = set->json != NULL
	       && check_members(set)
	       && resolve_extends(book, set)
	       && check_kinds(set)
	       && check_parameters(set)
	       && check_planned(set)
	       && check_rules(set);
	set->state = good ? SET_READY : SET_BROKEN;
	book->n_loading--;
	return set;
}

/* ---------------------------------------------------------------------
 * The rulebook
 */

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME.json files of DIR, sorted (so that messages come in a
 * stable order); hidden files passed over. A folder that does not exist
 * is passed over, as MANPATH's are. */
static char **
list_sets(const char *dir, size_t *count)
{
	char **names = NULL;
	struct dirent *e;
	DIR *d;

	*count = 0;
	d = opendir(dir);
	if (d == NULL) {
		if (errno != ENOENT && errno != ENOTDIR)
			ck_warning_at(dir, 0, NULL, _("cannot read the folder: %s"),
				      strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		char *path;

		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".json"))
			continue;
		path = join(dir, e->d_name, "");
		if (is_file(path)) {
			names = xrealloc(names, (*count + 1) * sizeof *names);
			names[(*count)++] = xstrdup(e->d_name);
		}
		free(path);
	}
	closedir(d);
	if (*count > 1)
		qsort(names, *count, sizeof *names, compare_names);
	return names;
}

static const ck_ruleset *
named(const ck_rulebook *book, const char *name)
{
	size_t i;

	for (i = 0; i < book->n_named; i++)
		if (strcmp(book->named[i]->name, name) == 0)
			return book->named[i];
	return NULL;
}

ck_rulebook *
ck_rulebook_try_load(const char *rules_option)
{
	ck_rulebook *book = xmalloc(sizeof *book);
	bool failed = false, missing_option = false;
	struct dirs d;
	size_t i, j;

	memset(book, 0, sizeof *book);
	if (rules_option != NULL) {
		char *file = ck_rules_find(rules_option, NULL);

		/* A file that is not there is read all the same, so
		 * that the message says why it cannot be. */
		if (file == NULL && names_file(rules_option))
			file = xstrdup(rules_option);
		if (file == NULL) {
			/* Said below, with the sets the search path has. */
			missing_option = true;
			failed = true;
		} else {
			book->option = load_set(book, file);
			failed = book->option->state != SET_READY;
			free(file);
		}
	}

	search_dirs(&d);
	for (i = 0; i < d.count; i++) {
		size_t count;
		char **names = list_sets(d.items[i], &count);

		for (j = 0; j < count; j++) {
			ck_ruleset *set;
			char *file;

			names[j][strlen(names[j]) - 5] = '\0';
			/* The first of a name in the path is the one lookup
			 * finds; the later ones cannot be used. */
			if (named(book, names[j]) != NULL) {
				free(names[j]);
				continue;
			}
			file = join(d.items[i], names[j], ".json");
			set = load_set(book, file);
			free(file);
			free(names[j]);
			if (set->state != SET_READY)
				failed = true;
			book->named = xrealloc(book->named,
					       (book->n_named + 1) * sizeof *book->named);
			book->named[book->n_named++] = set;
		}
		free(names);
	}
	if (missing_option) {
		char *folders = dirs_text(&d), *sets = ck_rulebook_names(book);

		ck_error(_("--rules: no rule set named %s; searched %s; the sets there: %s"),
			 rules_option, folders, *sets != '\0' ? sets : _("none"));
		free(folders);
		free(sets);
	}
	dirs_free(&d);
	if (failed) {
		ck_rulebook_free(book);
		return NULL;
	}
	return book;
}

char *
ck_rulebook_names(const ck_rulebook *book)
{
	size_t i, length = 1;
	char *text;

	for (i = 0; i < book->n_named; i++)
		length += strlen(book->named[i]->name) + 2;
	text = xmalloc(length);
	*text = '\0';
	for (i = 0; i < book->n_named; i++) {
		if (i > 0)
			strcat(text, ", ");
		strcat(text, book->named[i]->name);
	}
	return text;
}

void
ck_rulebook_free(ck_rulebook *book)
{
	size_t i;

	if (book == NULL)
		return;
	for (i = 0; i < book->n_sets; i++) {
		ck_ruleset *set = book->sets[i];

		free(set->name);
		free(set->file);
		json_decref(set->json);
		json_decref(set->rules);
		json_decref(set->kinds);
		json_decref(set->params);
		json_decref(set->planned);
		free(set);
	}
	free(book->sets);
	free(book->named);
	free(book->loading);
	free(book);
}

const ck_ruleset *
ck_rulebook_for(const ck_rulebook *book, const char *pathway)
{
	if (book->option != NULL)
		return book->option;
	if (pathway == NULL)
		return NULL;
	return ck_rulebook_get(book, pathway);
}

const ck_ruleset *
ck_rulebook_get(const ck_rulebook *book, const char *name)
{
	if (book == NULL || name == NULL)
		return NULL;
	return named(book, name);
}

const ck_ruleset *
ck_rulebook_named(const ck_rulebook *book, size_t i)
{
	return book != NULL && i < book->n_named ? book->named[i] : NULL;
}

/* ---------------------------------------------------------------------
 * A set's members
 */

const char *
ck_ruleset_name(const ck_ruleset *set)
{
	return set->name;
}

const char *
ck_ruleset_file(const ck_ruleset *set)
{
	return set->file;
}

const char *
ck_ruleset_title(const ck_ruleset *set, const char *lang)
{
	const ck_ruleset *s;

	/* A set without a title has the title of the set it extends: a
	 * local rare-disability extending the shipped one stays "Children
	 * with rare disabilities". */
	for (s = set; s != NULL; s = s->parent) {
		json_t *title = json_object_get(s->json, "title");

		if (json_is_string(title) || json_is_object(title))
			return ck_text_in(title, lang);
	}
	return set->name;
}

bool
ck_ruleset_duration(const ck_ruleset *set, const char *name, ck_duration *out)
{
	const json_t *value = set != NULL && name != NULL ? json_object_get(set->params, name)
							  : NULL;
	long k;

	if (value != NULL)
		return json_is_string(value) && ck_duration_parse(json_string_value(value), out);
	k = name != NULL ? known_index(name) : -1;
	if (k < 0 || known_params[k].duration == NULL)
		return false;
	ck_duration_parse(known_params[k].duration, out);
	return true;
}

bool
ck_ruleset_years(const ck_ruleset *set, const char *name, int *out)
{
	const json_t *value = set != NULL && name != NULL ? json_object_get(set->params, name)
							  : NULL;
	long k;

	if (value != NULL) {
		if (!json_is_integer(value))
			return false;
		*out = (int)json_integer_value(value);
		return true;
	}
	k = name != NULL ? known_index(name) : -1;
	if (k < 0 || known_params[k].years == 0)
		return false;
	*out = known_params[k].years;
	return true;
}

const char *
ck_ruleset_planned(const ck_ruleset *set, size_t i)
{
	size_t n = 0;

	if (set != NULL && set->planned != NULL)
		return json_string_value(json_array_get(set->planned, i));
	while (default_planned[n] != NULL)
		n++;
	return i < n ? default_planned[i] : NULL;
}

bool
ck_ruleset_transition_kind(const ck_ruleset *set, const char *kind)
{
	json_t *value;
	size_t i;

	if (kind == NULL)
		return false;
	if (in_list(standard_kinds, kind))
		return true;
	if (set == NULL)
		return false;
	json_array_foreach(set->kinds, i, value)
		if (strcmp(json_string_value(value), kind) == 0)
			return true;
	return false;
}

const json_t *
ck_ruleset_rules(const ck_ruleset *set)
{
	return set->rules;
}

const json_t *
ck_ruleset_rule(const ck_ruleset *set, const char *id)
{
	long at = id != NULL ? rule_index(set->rules, id) : -1;

	return at >= 0 ? json_array_get(set->rules, (size_t)at) : NULL;
}

bool
ck_ruleset_coordinator_municipal(const ck_ruleset *set)
{
	const json_t *rule;
	bool any = false;
	size_t i;

	if (set == NULL)
		return true;
	json_array_foreach(set->rules, i, rule) {
		const char *kind = json_string_value(json_object_get(rule, "kind"));

		if (kind == NULL || strcmp(kind, "coordinator") != 0)
			continue;
		if (!json_is_false(json_object_get(rule, "municipal")))
			return true;
		any = true;
	}
	return !any;
}

const char *
ck_rule_title(const json_t *rule, const char *lang)
{
	const json_t *title = json_object_get(rule, "title");
	const char *text = title != NULL ? ck_text_in(title, lang) : NULL;

	return text != NULL ? text : json_string_value(json_object_get(rule, "id"));
}

/* ---------------------------------------------------------------------
 * Loading for a program: a broken set ends it
 */

ck_rulebook *
ck_rulebook_load(const char *rules_option)
{
	ck_rulebook *book = ck_rulebook_try_load(rules_option);

	if (book == NULL)
		ck_exit(CK_EXIT_TROUBLE);
	return book;
}

void
ck_transition_param_name(const char *kind, const char *suffix, char *out, size_t size)
{
	size_t i;

	if (size == 0)
		return;
	snprintf(out, size, "%s%s", kind, suffix);
	for (i = 0; out[i] != '\0' && i < strlen(kind); i++)
		if (out[i] == '-')
			out[i] = '_';
}
