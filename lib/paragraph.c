/* SPDX-License-Identifier: MPL-2.0 */
/* paragraph.c — a decision's paragraph in normal form, so that rules,
 * filters and reports see one text however the case system (DUBU,
 * Nexus) or a caseworker wrote it:
 *
 *   Barnets lov §32, stk.1, nr. 7      BL § 32 stk. 1 nr. 7
 *   § 32, 1. stk. i barnets lov        BL § 32 stk. 1
 *   Serviceloven § 83a                 SEL § 83 a
 *   4 kap. 1 § SoL                     SoL 4 kap. 1 §
 *   9 § 6 LSS                          LSS § 9 p. 6
 *
 * The text is cut into words, numbers and '§'; the law's name is found
 * at the start or at the end; what is left must be one of the forms of
 * that law's country, each part once and in order. Anything else is
 * refused, never guessed at: a text casekit cannot read keeps its own
 * words and is matched by no paragraph rule (casekit(5), Paragraphs). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "casekit.h"

/* Longer texts are no paragraph (the longest law title and a full
 * reference take some 80 bytes). */
#define TEXT_MAX 200
#define TOKENS_MAX 24
/* Paragraphs, chapters, stk., nr. and p. are numbered 1 to 9999. */
#define DIGITS_MAX 4

enum family {
	DK,             /* § N [a] [stk. N] [nr. N] */
	SE_CHAPTERS,    /* N [a] kap. N [a] § */
	SE_PLAIN        /* LSS: § N [a] [p. N], or N [a] § [N] */
};

static const struct law {
	const char *short_name;
	enum family family;
} laws[] = {
	{ "BL", DK }, { "SEL", DK }, { "RSL", DK },
	{ "LSS", SE_PLAIN }, { "SoL", SE_CHAPTERS }, { "HSL", SE_CHAPTERS },
};
enum { BL, SEL, RSL, LSS, SOL, HSL };

/* The names a law goes by, in lower case, words separated by one space
 * (a hyphen separates words too: "hälso- och sjukvårdslagen"). The
 * genitive is how Danish writes a law before its paragraph
 * ("servicelovens § 83"). */
static const struct name {
	const char *words;
	int law;
} names[] = {
	{ "bl", BL },
	{ "barnets lov", BL },
	{ "barnets lovs", BL },
	{ "sel", SEL },
	{ "serviceloven", SEL },
	{ "servicelovens", SEL },
	{ "lov om social service", SEL },
	{ "rsl", RSL },
	{ "retssikkerhedsloven", RSL },
	{ "retssikkerhedslovens", RSL },
	{ "lov om retssikkerhed og administration p\xc3\xa5 det sociale omr\xc3\xa5" "de", RSL },
	{ "lss", LSS },
	{ "lag om st\xc3\xb6" "d och service till vissa funktionshindrade", LSS },
	{ "lagen om st\xc3\xb6" "d och service till vissa funktionshindrade", LSS },
	{ "sol", SOL },
	{ "socialtj\xc3\xa4nstlagen", SOL },
	{ "hsl", HSL },
	{ "h\xc3\xa4lso och sjukv\xc3\xa5rdslagen", HSL },
};

enum kind { WORD, NUMBER, SECTION };

struct token {
	enum kind kind;
	const char *text;       /* in the scratch: lower case, NUL-ended */
	bool dot;               /* a '.' follows it ("stk.", "1.") */
	bool attached;          /* no space before it ("32a", "§32") */
};

struct tokens {
	struct token items[TOKENS_MAX];
	size_t count;
	char scratch[TEXT_MAX * 2];
};

/* The length of the separator at P, or 0: ASCII space and tab, commas,
 * hyphens, no-break, narrow and thin spaces, and en and em dashes. A
 * dash never makes a range: the number after it is a part no form
 * takes, so "§§ 114-116" and "stk. 1-3" are refused. */
static size_t
separator(const unsigned char *p)
{
	if (*p == ' ' || *p == '\t' || *p == ',' || *p == '-')
		return 1;
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0x87 || p[2] == 0x89 || p[2] == 0xaf ||
	     p[2] == 0x90 || p[2] == 0x91 || p[2] == 0x93 || p[2] == 0x94))
		return 3;
	return 0;
}

/* The length of the letter at P (ASCII, or a UTF-8 character that is
 * neither a separator nor '§'), 0 for anything else. Its lower case
 * (ASCII, and Latin-1's capitals: Æ Ø Å Ä Ö) goes to *OUT. */
static size_t
letter(const unsigned char *p, char **out)
{
	size_t n, i;

	if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
		*(*out)++ = (char)(*p | 0x20);
		return 1;
	}
	if (*p < 0xc2 || *p > 0xf4 || separator(p) != 0 || (p[0] == 0xc2 && p[1] == 0xa7))
		return 0;
	n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97) {
		*(*out)++ = (char)0xc3;
		*(*out)++ = (char)(p[1] + 0x20);
		return 2;
	}
	memcpy(*out, p, n);
	*out += n;
	return n;
}

/* Cuts TEXT into tokens. False for a character no paragraph has. */
static bool
tokenize(const char *text, struct tokens *t)
{
	const unsigned char *p = (const unsigned char *)text;
	char *out = t->scratch;
	bool attached = false;

	t->count = 0;
	for (;;) {
		struct token *tok;
		size_t n;

		if ((n = separator(p)) != 0) {
			p += n;
			attached = false;
			continue;
		}
		if (*p == '\0')
			return true;
		if (t->count == TOKENS_MAX)
			return false;
		tok = &t->items[t->count++];
		tok->text = out;
		tok->dot = false;
		tok->attached = attached && t->count > 1;
		if (p[0] == 0xc2 && p[1] == 0xa7) {
			tok->kind = SECTION;
			p += 2;
		} else if (*p >= '0' && *p <= '9') {
			tok->kind = NUMBER;
			while (*p >= '0' && *p <= '9')
				*out++ = (char)*p++;
		} else {
			tok->kind = WORD;
			while ((n = letter(p, &out)) != 0)
				p += n;
			if (out == tok->text)
				return false;
		}
		*out++ = '\0';
		if (*p == '.') {
			tok->dot = true;
			p++;
		}
		/* "§32", "32a" and "stk.1" are two tokens that touch. */
		attached = true;
	}
}

/* True when tokens FROM.. of T spell WORDS. */
static bool
spells(const struct tokens *t, size_t from, const char *words, size_t *count)
{
	size_t i = from;

	while (*words != '\0') {
		size_t n = strcspn(words, " ");
		const struct token *tok;

		if (i == t->count)
			return false;
		tok = &t->items[i++];
		if (tok->kind != WORD || strlen(tok->text) != n ||
		    memcmp(tok->text, words, n) != 0)
			return false;
		/* Only the last word may end in a dot ("bl."). */
		if (tok->dot && words[n] != '\0')
			return false;
		words += n;
		if (*words == ' ')
			words++;
	}
	*count = i - from;
	return true;
}

/* The law the tokens name, at the start or at the end (where "i" may
 * stand before it: "§ 32 i barnets lov"), taken out of T; -1 when no
 * law or more than one is named. */
static int
take_law(struct tokens *t)
{
	size_t i, n, longest = 0;
	int law = -1, at_end = -1;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (spells(t, 0, names[i].words, &n) && n > longest) {
			longest = n;
			law = names[i].law;
		}
	if (law >= 0) {
		memmove(t->items, t->items + longest, (t->count - longest) * sizeof *t->items);
		t->count -= longest;
		if (t->count > 0)
			t->items[0].attached = false;
	}
	longest = 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t words = 1;
		const char *w;

		for (w = names[i].words; *w != '\0'; w++)
			words += *w == ' ';
		if (words <= t->count && spells(t, t->count - words, names[i].words, &n) &&
		    n > longest) {
			longest = n;
			at_end = names[i].law;
		}
	}
	if (at_end >= 0) {
		if (law >= 0)
			return -1;
		law = at_end;
		t->count -= longest;
		/* "i" before the law is the preposition, unless it touches
		 * the number before it ("§ 32i BL" is § 32 i). */
		if (t->count > 0 && t->items[t->count - 1].kind == WORD &&
		    strcmp(t->items[t->count - 1].text, "i") == 0 &&
		    !t->items[t->count - 1].attached)
			t->count--;
	}
	return law;
}

/* The form's parts, read in order from the tokens left. */
struct reader {
	const struct tokens *t;
	size_t at;
};

static const struct token *
peek(const struct reader *r, size_t ahead)
{
	return r->at + ahead < r->t->count ? &r->t->items[r->at + ahead] : NULL;
}

static bool
is_word(const struct token *tok, const char *word)
{
	return tok != NULL && tok->kind == WORD && strcmp(tok->text, word) == 0;
}

static bool
is_section(const struct token *tok)
{
	return tok != NULL && tok->kind == SECTION;
}

/* A number as a part's number: 1 to 9999, no leading zero. */
static const char *
number(struct reader *r)
{
	const struct token *tok = peek(r, 0);

	if (tok == NULL || tok->kind != NUMBER || tok->text[0] == '0' ||
	    strlen(tok->text) > DIGITS_MAX)
		return NULL;
	r->at++;
	return tok->text;
}

/* An optional letter after a number ("32 a", "32a", "32 A"): one ASCII
 * letter, never NOT (the "p" of "LSS § 9 p. 6" is the point). "" when
 * there is none. */
static const char *
letter_after(struct reader *r, char not)
{
	const struct token *tok = peek(r, 0);

	if (tok == NULL || tok->kind != WORD || strlen(tok->text) != 1 ||
	    tok->text[0] < 'a' || tok->text[0] > 'z' || tok->text[0] == not)
		return "";
	r->at++;
	return tok->text;
}

/* A numbered part named by one of WORDS: "stk. 1", "stk 1", "stk.1" or,
 * when ORDINAL, "1. stk." too. Sets *OUT to its number, or to NULL when
 * the part is not there; false when it is there but malformed. */
static bool
part(struct reader *r, const char *const *words, bool ordinal, const char **out)
{
	size_t i;

	*out = NULL;
	for (i = 0; words[i] != NULL; i++) {
		if (is_word(peek(r, 0), words[i])) {
			r->at++;
			return (*out = number(r)) != NULL;
		}
		if (ordinal && peek(r, 0) != NULL && peek(r, 0)->kind == NUMBER &&
		    is_word(peek(r, 1), words[i])) {
			*out = number(r);
			r->at++;
			return *out != NULL;
		}
	}
	return true;
}

static const char *const stk_words[] = { "stk", "stykke", NULL };
static const char *const nr_words[] = { "nr", NULL };
static const char *const p_words[] = { "p", "punkt", NULL };

/* Prints the normal form; false when it does not fit. */
static bool CK_PRINTF(3, 4)
put(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	return n >= 0 && (size_t)n < size;
}

static void
cat(char *buf, size_t size, const char *label, const char *n)
{
	if (n != NULL) {
		size_t len = strlen(buf);

		snprintf(buf + len, size - len, " %s %s", label, n);
	}
}

static bool
normal_dk(struct reader *r, const char *law, char *out, size_t size)
{
	const char *n, *a, *stk, *nr;
	char tail[40] = "";

	if (!is_section(peek(r, 0)))
		return false;
	r->at++;
	if ((n = number(r)) == NULL)
		return false;
	a = letter_after(r, 0);
	if (!part(r, stk_words, true, &stk) || !part(r, nr_words, false, &nr))
		return false;
	if (r->at != r->t->count)
		return false;
	cat(tail, sizeof tail, "stk.", stk);
	cat(tail, sizeof tail, "nr.", nr);
	return put(out, size, "%s \xc2\xa7 %s%s%s%s", law, n, *a != '\0' ? " " : "", a, tail);
}

static bool
normal_se_chapters(struct reader *r, const char *law, char *out, size_t size)
{
	const char *chapter, *ca, *n, *a;

	if ((chapter = number(r)) == NULL)
		return false;
	ca = letter_after(r, 0);
	if (!is_word(peek(r, 0), "kap"))
		return false;
	r->at++;
	if ((n = number(r)) == NULL)
		return false;
	a = letter_after(r, 0);
	if (!is_section(peek(r, 0)))
		return false;
	r->at++;
	if (r->at != r->t->count)
		return false;
	return put(out, size, "%s %s%s%s kap. %s%s%s \xc2\xa7", law, chapter,
		   *ca != '\0' ? " " : "", ca, n, *a != '\0' ? " " : "", a);
}

static bool
normal_se_plain(struct reader *r, const char *law, char *out, size_t size)
{
	const char *n, *a, *point = NULL;
	char tail[24] = "";

	if (is_section(peek(r, 0))) {
		/* casekit's own order, as Danish writes: LSS § 9 p. 6. */
		r->at++;
		if ((n = number(r)) == NULL)
			return false;
		a = letter_after(r, 'p');
		if (!part(r, p_words, true, &point))
			return false;
	} else {
		/* The law's: 9 § 6 LSS, 9 § 6 p., 9 a §. */
		if ((n = number(r)) == NULL)
			return false;
		a = letter_after(r, 'p');
		if (!is_section(peek(r, 0)))
			return false;
		r->at++;
		if (peek(r, 0) != NULL && peek(r, 0)->kind == NUMBER) {
			if ((point = number(r)) == NULL)
				return false;
			if (is_word(peek(r, 0), "p") || is_word(peek(r, 0), "punkt"))
				r->at++;
		} else if (!part(r, p_words, false, &point)) {
			return false;
		}
	}
	if (r->at != r->t->count)
		return false;
	cat(tail, sizeof tail, "p.", point);
	return put(out, size, "%s \xc2\xa7 %s%s%s%s", law, n, *a != '\0' ? " " : "", a, tail);
}

bool
ck_paragraph_normal(const char *text, char *out, size_t size)
{
	struct tokens t;
	struct reader r = { &t, 0 };
	char trimmed[TEXT_MAX + 1];
	size_t len;
	int law;
	bool ok = false;

	if (size > 0)
		out[0] = '\0';
	if (text == NULL || size == 0 || (len = strlen(text)) > TEXT_MAX)
		return false;
	memcpy(trimmed, text, len + 1);
	/* One stop at the end, as a sentence leaves it ("BL § 32." or
	 * "BL § 32;"); the dot of "stk." or "p." may go with it, since
	 * the words are read with or without their dot. */
	while (len > 0 && (trimmed[len - 1] == ' ' || trimmed[len - 1] == '\t'))
		trimmed[--len] = '\0';
	if (len > 0 && strchr(".;:", trimmed[len - 1]) != NULL)
		trimmed[--len] = '\0';
	if (!tokenize(trimmed, &t) || (law = take_law(&t)) < 0)
		return false;
	switch (laws[law].family) {
	case DK:
		ok = normal_dk(&r, laws[law].short_name, out, size);
		break;
	case SE_CHAPTERS:
		ok = normal_se_chapters(&r, laws[law].short_name, out, size);
		break;
	case SE_PLAIN:
		ok = normal_se_plain(&r, laws[law].short_name, out, size);
		break;
	}
	if (!ok)
		out[0] = '\0';
	return ok;
}

bool
ck_paragraph_within(const char *paragraph, const char *scope)
{
	char p[CK_PARAGRAPH_MAX], s[CK_PARAGRAPH_MAX];
	const char *rest;
	size_t n;

	if (!ck_paragraph_normal(paragraph, p, sizeof p) ||
	    !ck_paragraph_normal(scope, s, sizeof s))
		return false;
	n = strlen(s);
	if (strncmp(p, s, n) != 0)
		return false;
	if (p[n] == '\0')
		return true;
	/* Below it only by a part: "BL § 32 stk. 1" is in "BL § 32", and
	 * neither "BL § 32 a" nor "BL § 320" is. */
	rest = p + n;
	return strncmp(rest, " stk. ", 6) == 0 || strncmp(rest, " nr. ", 5) == 0 ||
	       strncmp(rest, " p. ", 4) == 0;
}
