/* SPDX-License-Identifier: MPL-2.0 */
/* test-paragraph.c — unit tests of lib/paragraph.c: the normal form of a
 * decision's paragraph, as the case systems (DUBU, Nexus) and people
 * write it, and which paragraphs lie within which. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"

#define NBSP "\xc2\xa0"
#define NARROW_NBSP "\xe2\x80\xaf"
#define EN_DASH "\xe2\x80\x93"

/* TEXT and the normal form casekit gives it; NULL: refused. */
static const struct {
	const char *text;
	const char *normal;
} table[] = {
	/* Normal forms stay as they are. */
	{ "BL § 32", "BL § 32" },
	{ "BL § 86", "BL § 86" },
	{ "BL § 87 stk. 1", "BL § 87 stk. 1" },
	{ "BL § 32 stk. 1 nr. 7", "BL § 32 stk. 1 nr. 7" },
	{ "BL § 32 a", "BL § 32 a" },
	{ "SEL § 83", "SEL § 83" },
	{ "RSL § 3 stk. 2", "RSL § 3 stk. 2" },
	{ "LSS § 9 p. 6", "LSS § 9 p. 6" },
	{ "SoL 4 kap. 1 §", "SoL 4 kap. 1 §" },
	{ "HSL 16 kap. 4 §", "HSL 16 kap. 4 §" },

	/* DUBU and Nexus: the law's title, commas. */
	{ "Barnets lov § 32, stk. 1, nr. 7", "BL § 32 stk. 1 nr. 7" },
	{ "Barnets lov §32, stk.1, nr. 7", "BL § 32 stk. 1 nr. 7" },
	{ "barnets lov § 32", "BL § 32" },
	{ "BARNETS LOV § 32", "BL § 32" },
	{ "Barnets lov § 86", "BL § 86" },
	{ "Lov om social service § 83", "SEL § 83" },
	{ "Serviceloven § 41", "SEL § 41" },
	{ "servicelovens § 83 a", "SEL § 83 a" },
	{ "Retssikkerhedsloven § 3, stk. 2", "RSL § 3 stk. 2" },
	{ "Lov om retssikkerhed og administration på det sociale område § 3, stk. 2",
	  "RSL § 3 stk. 2" },
	{ "LOV OM RETSSIKKERHED OG ADMINISTRATION PÅ DET SOCIALE OMRÅDE § 5",
	  "RSL § 5" },
	{ "Barnets lov" NBSP "§" NBSP "32, stk." NBSP "1", "BL § 32 stk. 1" },
	{ "Barnets lov " EN_DASH " § 32", "BL § 32" },
	{ "Barnets lov -  § 32", "BL § 32" },
	{ "BL" NARROW_NBSP "§" NARROW_NBSP "32", "BL § 32" },
	{ "\tBL  §  32 ,  stk. 1\t", "BL § 32 stk. 1" },

	/* People: spacing, the dots, the order of "1. stk.". */
	{ "BL §32", "BL § 32" },
	{ "bl. § 32", "BL § 32" },
	{ "Bl § 32", "BL § 32" },
	{ "BL § 32 stk 1", "BL § 32 stk. 1" },
	{ "BL §32 stk. 1 nr.7", "BL § 32 stk. 1 nr. 7" },
	{ "BL § 32 stk.1 nr 7", "BL § 32 stk. 1 nr. 7" },
	{ "BL § 32 Stk. 1", "BL § 32 stk. 1" },
	{ "BL § 32. Stk. 1.", "BL § 32 stk. 1" },
	{ "barnets lov § 32, 1. stk.", "BL § 32 stk. 1" },
	{ "barnets lov § 32, 1. stk., nr. 7", "BL § 32 stk. 1 nr. 7" },
	{ "BL § 32 stykke 1", "BL § 32 stk. 1" },
	{ "BL § 32 nr. 7", "BL § 32 nr. 7" },
	{ "BL § 32a", "BL § 32 a" },
	{ "BL §32a", "BL § 32 a" },
	{ "BL § 32 A", "BL § 32 a" },
	{ "BL § 32 a, stk. 2", "BL § 32 a stk. 2" },
	{ "BL § 32 a, 2. stk.", "BL § 32 a stk. 2" },
	{ "BL § 32 i", "BL § 32 i" },
	{ "BL § 32.", "BL § 32" },
	{ "BL § 32;", "BL § 32" },
	{ "BL § 32..", "BL § 32" },
	{ "BL § 32 stk. 1:", "BL § 32 stk. 1" },
	{ "BL § 1234", "BL § 1234" },
	/* The law after the paragraph, with or without "i". */
	{ "§ 32 i barnets lov", "BL § 32" },
	{ "§ 32, stk. 1, nr. 7, i barnets lov", "BL § 32 stk. 1 nr. 7" },
	{ "§ 32 BL", "BL § 32" },
	{ "§ 32 i i barnets lov", "BL § 32 i" },
	{ "§ 32i barnets lov", "BL § 32 i" },
	{ "§ 83 a i serviceloven", "SEL § 83 a" },

	/* Sweden: chapters as the law writes them. */
	{ "SoL 4 kap. 1 §", "SoL 4 kap. 1 §" },
	{ "4 kap. 1 § SoL", "SoL 4 kap. 1 §" },
	{ "socialtjänstlagen 4 kap. 1 §", "SoL 4 kap. 1 §" },
	{ "Socialtjänstlagen 4 kap 1§", "SoL 4 kap. 1 §" },
	{ "SOCIALTJÄNSTLAGEN 4 kap. 1 §", "SoL 4 kap. 1 §" },
	{ "4 kap. 1 a § SoL", "SoL 4 kap. 1 a §" },
	{ "2 a kap. 3 § SoL", "SoL 2 a kap. 3 §" },
	{ "16 kap. 4 § HSL", "HSL 16 kap. 4 §" },
	{ "16 kap. 4 § hälso- och sjukvårdslagen", "HSL 16 kap. 4 §" },
	{ "Hälso- och sjukvårdslagen 16 kap. 4 §", "HSL 16 kap. 4 §" },
	/* LSS, as the design writes it and as the law does. */
	{ "LSS § 9 p. 6", "LSS § 9 p. 6" },
	{ "LSS §9 p.6", "LSS § 9 p. 6" },
	{ "LSS § 9", "LSS § 9" },
	{ "9 § 6 p. LSS", "LSS § 9 p. 6" },
	{ "LSS 9 § 6 p.", "LSS § 9 p. 6" },
	{ "9 § 6 LSS", "LSS § 9 p. 6" },
	{ "9 § LSS", "LSS § 9" },
	{ "9 § i LSS", "LSS § 9" },
	{ "9 § punkt 6 LSS", "LSS § 9 p. 6" },
	{ "9 a § LSS", "LSS § 9 a" },
	{ "lag om stöd och service till vissa funktionshindrade 9 § 6", "LSS § 9 p. 6" },

	/* Refused: no law, so not which § 32 (BL § 32 and SEL § 32 are
	 * different duties). */
	{ "§ 32", NULL },
	{ "§32 stk. 1", NULL },
	{ "stk. 1, nr. 7", NULL },
	{ "32", NULL },
	/* A law without a paragraph, or a part without its number. */
	{ "BL", NULL },
	{ "Barnets lov", NULL },
	{ "BL stk. 1", NULL },
	{ "BL § 32 stk.", NULL },
	{ "BL § 32 stk. 1 nr.", NULL },
	{ "BL §", NULL },
	{ "BL 32", NULL },
	/* Ranges and lists are many paragraphs, not one. */
	{ "BL §§ 114-116", NULL },
	{ "BL § 114" EN_DASH "116", NULL },
	{ "BL § 32 stk. 1-3", NULL },
	{ "BL § 32 og § 46", NULL },
	{ "BL § 32 stk. 1 og 2", NULL },
	{ "BL § 32 a-c", NULL },
	/* Parts casekit does not know, or in another order. */
	{ "BL § 32 stk. 1, 2. pkt.", NULL },
	{ "BL § 32 nr. 7 stk. 1", NULL },
	{ "BL § 32 stk. 1 stk. 2", NULL },
	{ "BL § 32 ab", NULL },
	{ "BL § 32 p. 6", NULL },
	{ "BL § 32, 7)", NULL },
	{ "(BL § 32)", NULL },
	{ "BL § 32/46", NULL },
	{ "jf. BL § 32", NULL },
	/* A Danish part under a Swedish law, and the other way about. */
	{ "LSS § 9 stk. 1", NULL },
	{ "SoL 4 kap. 1 § stk. 1", NULL },
	{ "SoL 4 kap. 1 § p. 2", NULL },
	{ "SoL § 4", NULL },
	{ "SoL 4 kap.", NULL },
	{ "SoL 4 kap. § 1", NULL },
	{ "4 kap. 1 § första stycket SoL", NULL },
	/* Two laws, or the law in the middle. */
	{ "BL § 32 i serviceloven", NULL },
	{ "BL § 32 BL", NULL },
	{ "§ 32 BL stk. 1", NULL },
	{ "lov § 32", NULL },
	{ "sundhedsloven § 32", NULL },
	/* Numbers: no 0, no leading zero, no more than four digits. */
	{ "BL § 0", NULL },
	{ "BL § 032", NULL },
	{ "BL § 12345", NULL },
	{ "BL § 32 stk. 0", NULL },
	/* Nothing, or not text at all. */
	{ "", NULL },
	{ " ", NULL },
	{ ".", NULL },
	{ "BL \xa7 32", NULL },               /* Latin-1, not UTF-8 */
	{ "BL § 32 \xc3", NULL },             /* a cut UTF-8 character */
	{ "BL § 32 \xf0\x9f\x98\x80", NULL },  /* a word no law has */
};

static void
test_normal(void)
{
	char out[CK_PARAGRAPH_MAX];
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		bool read;

		memcpy(out, "untouched", 10);
		read = ck_paragraph_normal(table[i].text, out, sizeof out);
		if (table[i].normal != NULL) {
			ok(read, "'%s' is read", table[i].text);
			is_str(out, table[i].normal, "'%s': its normal form", table[i].text);
		} else {
			ok(!read, "'%s' is refused", table[i].text);
			is_str(out, "", "'%s': OUT empty", table[i].text);
		}
	}
}

static void
test_normal_edges(void)
{
	char out[CK_PARAGRAPH_MAX], small[sizeof "BL § 32"], text[260];
	size_t i;

	/* A normal form is its own normal form. */
	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		char again[CK_PARAGRAPH_MAX];

		if (table[i].normal == NULL)
			continue;
		ok(ck_paragraph_normal(table[i].normal, again, sizeof again) &&
		   strcmp(again, table[i].normal) == 0,
		   "'%s' is its own normal form", table[i].normal);
	}
	ok(!ck_paragraph_normal(NULL, out, sizeof out) && out[0] == '\0', "NULL is refused");
	memset(small, 'x', sizeof small);
	ok(!ck_paragraph_normal("BL § 32 stk. 1", small, sizeof small) && small[0] == '\0',
	   "a normal form that does not fit is refused, OUT empty");
	ok(ck_paragraph_normal("BL § 32", small, sizeof small) && strcmp(small, "BL § 32") == 0,
	   "one that just fits");
	ok(!ck_paragraph_normal("BL § 32", out, 0), "SIZE 0");
	/* The longest a normal form gets fits CK_PARAGRAPH_MAX. */
	ok(ck_paragraph_normal("BL § 9999 z stk. 9999 nr. 9999", out, sizeof out) &&
	   strcmp(out, "BL § 9999 z stk. 9999 nr. 9999") == 0, "the longest Danish form");
	ok(ck_paragraph_normal("HSL 9999 z kap. 9999 z §", out, sizeof out) &&
	   strcmp(out, "HSL 9999 z kap. 9999 z §") == 0, "the longest chapter form");
	/* Long texts are no paragraph. */
	memset(text, ' ', sizeof text);
	memcpy(text, "BL § 32", sizeof "BL § 32" - 1);
	text[sizeof text - 1] = '\0';
	ok(!ck_paragraph_normal(text, out, sizeof out), "a text of 259 bytes is refused");
	memset(text, ' ', sizeof text);
	memcpy(text, "BL § 32", sizeof "BL § 32" - 1);
	text[150] = '\0';
	ok(ck_paragraph_normal(text, out, sizeof out) && strcmp(out, "BL § 32") == 0,
	   "one of 150 bytes, mostly spaces, is read");
	/* Too many words. */
	ok(!ck_paragraph_normal("BL § 32 a a a a a a a a a a a a a a a a a a a a a a a a a",
				out, sizeof out), "too many words are refused");
}

/* PARAGRAPH within SCOPE: WANT. */
static const struct {
	const char *paragraph;
	const char *scope;
	bool want;
} within[] = {
	{ "BL § 32", "BL § 32", true },
	{ "BL § 32 stk. 1", "BL § 32", true },
	{ "BL § 32 stk. 1 nr. 7", "BL § 32", true },
	{ "BL § 32 nr. 7", "BL § 32", true },
	{ "BL § 32 stk. 1 nr. 7", "BL § 32 stk. 1", true },
	{ "BL § 32 stk. 1 nr. 7", "BL § 32 stk. 1 nr. 7", true },
	{ "BL § 87 stk. 1", "BL § 87", true },
	/* Raw text on either side. */
	{ "Barnets lov § 32, stk. 1, nr. 7", "BL § 32", true },
	{ "BL § 32 stk. 1 nr. 7", "barnets lov § 32", true },
	{ "§ 32, 1. stk. i barnets lov", "Barnets lov §32", true },
	/* Not within: another paragraph, a letter, more digits. */
	{ "BL § 32 a", "BL § 32", false },
	{ "BL § 32 a stk. 1", "BL § 32", false },
	{ "BL § 320", "BL § 32", false },
	{ "BL § 3", "BL § 32", false },
	{ "BL § 32", "BL § 32 a", false },
	{ "BL § 32 a", "BL § 32 a", true },
	{ "BL § 32 a stk. 2", "BL § 32 a", true },
	{ "BL § 86", "BL § 32", false },
	/* Not within: the scope is deeper, or another part. */
	{ "BL § 32", "BL § 32 stk. 1", false },
	{ "BL § 32 stk. 2", "BL § 32 stk. 1", false },
	{ "BL § 32 stk. 10", "BL § 32 stk. 1", false },
	{ "BL § 32 stk. 1 nr. 7", "BL § 32 stk. 1 nr. 1", false },
	{ "BL § 32 stk. 1 nr. 17", "BL § 32 stk. 1 nr. 1", false },
	{ "BL § 32 nr. 7", "BL § 32 stk. 1", false },
	{ "BL § 32 stk. 1 nr. 7", "BL § 32 nr. 7", false },
	/* Not within: another law. */
	{ "SEL § 32", "BL § 32", false },
	{ "BL § 32", "SEL § 32", false },
	{ "RSL § 3", "BL § 3", false },
	/* Sweden. */
	{ "LSS § 9 p. 6", "LSS § 9", true },
	{ "9 § 6 LSS", "LSS § 9", true },
	{ "LSS § 9", "LSS § 9 p. 6", false },
	{ "LSS § 9 p. 6", "LSS § 9 p. 1", false },
	{ "LSS § 9 a", "LSS § 9", false },
	{ "LSS § 90", "LSS § 9", false },
	{ "4 kap. 1 § SoL", "SoL 4 kap. 1 §", true },
	{ "SoL 4 kap. 1 a §", "SoL 4 kap. 1 §", false },
	{ "SoL 4 kap. 10 §", "SoL 4 kap. 1 §", false },
	{ "SoL 14 kap. 1 §", "SoL 4 kap. 1 §", false },
	{ "HSL 4 kap. 1 §", "SoL 4 kap. 1 §", false },
	{ "LSS § 9", "BL § 9", false },
	/* Either side unreadable. */
	{ "§ 32", "BL § 32", false },
	{ "BL § 32", "§ 32", false },
	{ "§ 32", "§ 32", false },
	{ "BL § 32 stk. 1-3", "BL § 32", false },
	{ "", "", false },
};

static void
test_within(void)
{
	size_t i;

	for (i = 0; i < sizeof within / sizeof within[0]; i++)
		ok(ck_paragraph_within(within[i].paragraph, within[i].scope) == within[i].want,
		   "'%s' %s '%s'", within[i].paragraph, within[i].want ? "within" : "not within",
		   within[i].scope);
	ok(!ck_paragraph_within(NULL, "BL § 32"), "a NULL paragraph");
	ok(!ck_paragraph_within("BL § 32", NULL), "a NULL scope");
}

int
main(void)
{
	test_normal();
	test_normal_edges();
	test_within();
	return done_testing();
}
