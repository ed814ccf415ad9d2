/* SPDX-License-Identifier: MPL-2.0 */
/* complete.c — shell completion from the programs' own option tables.
 *
 * PROGRAM --complete WORD... (hidden, not in --help) takes the words of
 * the command line after the program's name, the last one the word
 * being completed (empty for a new word), and prints the candidates
 * that begin with it, one a line: the subcommands, the options the
 * subcommand takes, or the values of the option before the word. A
 * line "@file" asks the shell for file names, "@dir" for folders. The
 * shell's script (completion/casekit.bash) holds no list of its own, so
 * that it cannot drift from the programs.
 *
 * The values are the library's own: the closed sets of casekit(5)
 * (ck_field_values), the kinds and roles the summaries know, the --by
 * groups, the --for readers, the rule sets on the search path, and the
 * case and actor ids of the store named on the line (-i FILE, --store
 * FILE, or the input files). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "casekit.h"
#include "internal.h"

enum source {
	S_FILE,     /* a file name: the shell's */
	S_DIR,      /* a folder: the shell's */
	S_LIST,     /* ARG: the values, space-separated */
	S_FIELD,    /* ARG: a field path of casekit(5) with a closed set */
	S_TEXTS,    /* ARG: a group of the summaries' texts */
	S_BY,       /* case-report --by */
	S_READER,   /* case-summary --for */
	S_RULES,    /* a rule set's name on the search path */
	S_CASE,     /* a case id of the store */
	S_ACTOR     /* an actor id of the store (of the --case cases) */
};

/* Where the values of an option come from. PROGRAM and COMMAND NULL:
 * every program, every subcommand. The first entry that applies wins. */
static const struct value_source {
	const char *program;
	const char *command;
	const char *option;
	enum source source;
	const char *arg;
} sources[] = {
	{ NULL, NULL, "in-place", S_FILE, NULL },
	{ NULL, NULL, "store", S_FILE, NULL },
	{ NULL, NULL, "csv", S_FILE, NULL },
	{ NULL, NULL, "map", S_FILE, NULL },
	{ NULL, NULL, "directory", S_FILE, NULL },
	{ NULL, NULL, "partial", S_FILE, NULL },
	{ NULL, NULL, "compare", S_FILE, NULL },
	{ NULL, NULL, "outdir", S_DIR, NULL },
	{ NULL, NULL, "rules", S_RULES, NULL },
	{ NULL, NULL, "case", S_CASE, NULL },
	{ NULL, NULL, "actor", S_ACTOR, NULL },
	{ NULL, NULL, "encoding", S_LIST, "auto UTF-8 CP1252 ISO-8859-1" },
	{ "case-new", NULL, "pathway", S_RULES, NULL },
	{ "case-new", NULL, "diagnosis-status", S_FIELD, "diagnosis.status" },
	{ "case-actors", NULL, "format", S_LIST, "text csv json" },
	{ "case-actors", NULL, "role", S_TEXTS, "role" },
	{ "case-actors", NULL, "sector", S_FIELD, "actors.sector" },
	{ "case-actors", NULL, "given-by", S_FIELD, "consents.given_by" },
	{ "case-actors", NULL, "scope", S_FIELD, "consents.scope" },
	{ "case-actors", NULL, "to", S_ACTOR, NULL },
	{ "case-transition", NULL, "kind", S_TEXTS, "transition" },
	{ "case-transition", NULL, "to", S_ACTOR, NULL },
	{ "case-checklist", NULL, "format", S_LIST, "json text" },
	{ "case-report", NULL, "format", S_LIST, "text csv json html ics" },
	{ "case-report", NULL, "by", S_BY, NULL },
	{ "case-report", NULL, "audience", S_LIST, "manager committee" },
	{ "case-summary", NULL, "format", S_LIST, "text html json" },
	{ "case-summary", NULL, "for", S_READER, NULL },
	{ "case-summary", NULL, "lang", S_LIST, "da sv en" },
	{ "case-update", NULL, "type", S_FIELD, "assessments.type" },
	{ "case-update", NULL, "outcome", S_FIELD, "decisions.outcome" },
	{ "case-update", NULL, "result", S_FIELD, "decisions.complaint.outcome.result" },
	{ "case-update", NULL, "status", S_FIELD, "offers.status" },
	{ "case-update", NULL, "to", S_FIELD, "offers.to" },
	{ "case-update", NULL, "relation", S_FIELD, "family.relation" },
	{ "case-update", NULL, "decision", S_FIELD, "plans.child.decision" },
	{ "case-update", NULL, "responsible", S_ACTOR, NULL },
	{ "case-update", NULL, "actors", S_ACTOR, NULL },
	{ "case-update", "meeting", "kind", S_TEXTS, "meeting" },
	{ "case-update", "offer", "kind", S_TEXTS, "offer" },
	{ "case-update", "plan", "kind", S_LIST, "common child youth individual" },
	{ "case-update", NULL, "command", S_FILE, NULL },
};

/* The command line as far as the word being completed. */
struct line {
	const ck_program *program;
	const char *command;       /* the subcommand, or NULL */
	char **files;              /* where ids are read: -i, --store, files */
	size_t nfiles;
	char **cases;              /* --case values */
	size_t ncases;
	const ck_option *pending;  /* the option the word is the value of */
};

static const ck_option *
find_long(const ck_program *program, const char *name, size_t len)
{
	const ck_option *o;

	for (o = program->options; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static const ck_option *
find_short(const ck_program *program, int c)
{
	const ck_option *o;

	for (o = program->options; o != NULL && o->name != NULL; o++)
		if (o->short_name == c)
			return o;
	return NULL;
}

static void
add_word(char ***list, size_t *n, const char *word)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = (char *)word;
}

/* An option's value as the line gives it: a store, a case. */
static void
take_value(struct line *l, const ck_option *o, const char *value)
{
	if (strcmp(o->name, "in-place") == 0 || strcmp(o->name, "store") == 0)
		add_word(&l->files, &l->nfiles, value);
	else if (strcmp(o->name, "case") == 0)
		add_word(&l->cases, &l->ncases, value);
}

/* Reads the words before the one completed as ck_args_parse would. */
static void
read_line(struct line *l, int nwords, char **words)
{
	bool options_end = false;
	int i;

	for (i = 0; i < nwords; i++) {
		const char *w = words[i];

		if (l->pending != NULL) {
			take_value(l, l->pending, w);
			l->pending = NULL;
		} else if (!options_end && strcmp(w, "--") == 0) {
			options_end = true;
		} else if (!options_end && strncmp(w, "--", 2) == 0) {
			const char *eq = strchr(w, '=');
			size_t len = eq != NULL ? (size_t)(eq - w - 2) : strlen(w + 2);
			const ck_option *o = find_long(l->program, w + 2, len);

			if (o != NULL && o->has_arg) {
				if (eq != NULL)
					take_value(l, o, eq + 1);
				else
					l->pending = o;
			}
		} else if (!options_end && w[0] == '-' && w[1] != '\0') {
			const char *p;

			for (p = w + 1; *p != '\0'; p++) {
				const ck_option *o = find_short(l->program, *p);

				if (o != NULL && o->has_arg) {
					if (p[1] != '\0')
						take_value(l, o, p + 1);
					else
						l->pending = o;
					break;
				}
			}
		} else if (l->program->commands != NULL && l->command == NULL) {
			l->command = w;
		} else if (strcmp(w, "-") != 0) {
			add_word(&l->files, &l->nfiles, w);
		}
	}
}

/* Prints CANDIDATE (after BEFORE, what the word holds before it) when
 * it begins with the word's PREFIX. */
static void
offer(const char *before, const char *prefix, const char *candidate)
{
	if (candidate != NULL && strncmp(candidate, prefix, strlen(prefix)) == 0)
		printf("%s%s\n", before, candidate);
}

static bool
applies(const ck_option *o, const char *command)
{
	const char *p;
	size_t n;

	if (o->commands == NULL || command == NULL)
		return true;
	n = strlen(command);
	for (p = o->commands; (p = strstr(p, command)) != NULL; p += n)
		if ((p == o->commands || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static void
offer_list(const char *before, const char *prefix, const char *list)
{
	char *copy = xstrdup(list), *word, *save = NULL;

	for (word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save))
		offer(before, prefix, word);
	free(copy);
}

static bool
listed(char *const *list, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], word) == 0)
			return true;
	return false;
}

/* The case ids, or the actor ids of the --case cases (of every case
 * when none is named), of the stores on the line. */
static void
offer_ids(const struct line *l, bool actors, const char *before, const char *prefix)
{
	char **seen = NULL;
	size_t nseen = 0, i;
	ck_reader *reader;
	ck_record *rec;

	if (l->nfiles == 0)
		return;
	reader = ck_reader_open(l->files, l->nfiles, 0);
	while ((rec = ck_reader_next(reader)) != NULL) {
		json_t *json = ck_record_json(rec);
		const char *id = json_string_value(json_object_get(json, "id"));
		json_t *a;
		size_t k;

		if (id == NULL) {
			ck_record_free(rec);
			continue;
		}
		if (!actors) {
			offer(before, prefix, id);
		} else if (l->ncases == 0 || listed(l->cases, l->ncases, id)) {
			json_array_foreach(json_object_get(json, "actors"), k, a) {
				const char *actor = json_string_value(json_object_get(a, "id"));

				if (actor != NULL && !listed(seen, nseen, actor)) {
					add_word(&seen, &nseen, xstrdup(actor));
					offer(before, prefix, actor);
				}
			}
		}
		ck_record_free(rec);
	}
	ck_reader_close(reader);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
}

static void
offer_rules(const char *before, const char *prefix)
{
	ck_rulebook *book = ck_rulebook_try_load(NULL);
	const ck_ruleset *set;
	size_t i;

	for (i = 0; (set = ck_rulebook_named(book, i)) != NULL; i++)
		offer(before, prefix, ck_ruleset_name(set));
	ck_rulebook_free(book);
}

/* The values of option O for WORD, each printed after LEAD ("--o=",
 * or ""); in a list (a2,a3) the last item is completed. */
static void
offer_values(const struct line *l, const ck_option *o, const char *lead, const char *word)
{
	const struct value_source *s = NULL;
	const char *comma = strrchr(word, ',');
	const char *prefix = comma != NULL ? comma + 1 : word;
	size_t n = strlen(lead), m = (size_t)(prefix - word);
	char *before = xmalloc(n + m + 1);
	const char *const *values;
	const char *value;
	size_t i;

	memcpy(before, lead, n);
	memcpy(before + n, word, m);
	before[n + m] = '\0';
	for (i = 0; i < sizeof sources / sizeof sources[0] && s == NULL; i++)
		if ((sources[i].program == NULL ||
		     strcmp(sources[i].program, l->program->name) == 0) &&
		    (sources[i].command == NULL ||
		     (l->command != NULL && strcmp(sources[i].command, l->command) == 0)) &&
		    strcmp(sources[i].option, o->name) == 0)
			s = &sources[i];
	if (s == NULL) {
		free(before);
		return;
	}
	switch (s->source) {
	case S_FILE:
		printf("@file\n");
		break;
	case S_DIR:
		printf("@dir\n");
		break;
	case S_LIST:
		offer_list(before, prefix, s->arg);
		break;
	case S_FIELD:
		for (values = ck_field_values(s->arg); values != NULL && *values != NULL; values++)
			offer(before, prefix, *values);
		break;
	case S_TEXTS:
		for (i = 0; (value = ck_summary_group_value(s->arg, i)) != NULL; i++)
			offer(before, prefix, value);
		break;
	case S_BY:
		for (i = CK_BY_NONE + 1; (value = ck_by_name((ck_by)i)) != NULL; i++)
			offer(before, prefix, value);
		break;
	case S_READER:
		for (i = 0; (value = ck_summary_reader_name((ck_summary_reader)i)) != NULL; i++)
			offer(before, prefix, value);
		break;
	case S_RULES:
		offer_rules(before, prefix);
		break;
	case S_CASE:
	case S_ACTOR:
		offer_ids(l, s->source == S_ACTOR, before, prefix);
		break;
	}
	free(before);
}

/* An option the program gives itself, not the user: case-report's
 * --sendmail=COMMAND reaches the parser as --sendmail-command. */
static bool
internal(const ck_option *o)
{
	return strcmp(o->name, "sendmail-command") == 0;
}

void
complete_words(const ck_program *program, int nwords, char **words)
{
	struct line l = { .program = program };
	const char *word = nwords > 0 ? words[nwords - 1] : "";
	const char *const *c;
	const ck_option *o;

	read_line(&l, nwords > 0 ? nwords - 1 : 0, words);
	if (l.pending != NULL) {
		offer_values(&l, l.pending, "", word);
	} else if (strncmp(word, "--", 2) == 0 && strchr(word, '=') != NULL) {
		const char *eq = strchr(word, '=');
		char *lead = xstrndup(word, (size_t)(eq - word) + 1);

		o = find_long(program, word + 2, (size_t)(eq - word - 2));
		if (o != NULL && o->has_arg)
			offer_values(&l, o, lead, eq + 1);
		free(lead);
	} else if (word[0] == '-') {
		for (o = program->options; o != NULL && o->name != NULL; o++)
			if (applies(o, l.command) && !internal(o)) {
				char name[128];

				snprintf(name, sizeof name, "--%s", o->name);
				offer("", word, name);
			}
		offer("", word, "--help");
		offer("", word, "--version");
	} else if (program->commands != NULL && l.command == NULL) {
		for (c = program->commands; *c != NULL; c++)
			offer("", word, *c);
	} else if (program->takes_files) {
		printf("@file\n");
	}
	free(l.files);
	free(l.cases);
}
