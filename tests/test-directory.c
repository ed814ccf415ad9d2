/* SPDX-License-Identifier: MPL-2.0 */
/* test-directory.c — unit tests of lib/directory.c: the knowledge
 * directory read from CSV and JSON lines (columns in any order, row and
 * line numbers, every kind of bad input, a broken pattern found at load),
 * matching a record's diagnosis codes and label, the suggestions made,
 * and the shipped examples/knowledge.csv. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static char *tmp_paths[64];
static size_t n_tmp_paths;

/* A new temporary file ending in SUFFIX, holding LEN bytes of DATA;
 * removed at the end. */
static const char *
tmp_file(const char *suffix, const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	size_t size;
	char *path;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	size = strlen(dir) + sizeof "/test-directory-XXXXXX" + strlen(suffix);
	path = malloc(size);
	snprintf(path, size, "%s/test-directory-XXXXXX%s", dir, suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	if (fd < 0 || write(fd, data, len) != (ssize_t)len || close(fd) != 0) {
		printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	tmp_paths[n_tmp_paths++] = path;
	return path;
}

#define CSV(literal) tmp_file(".csv", literal, sizeof literal - 1)
#define JSONL(literal) tmp_file(".jsonl", literal, sizeof literal - 1)

static void
remove_tmp_files(void)
{
	size_t i;

	for (i = 0; i < n_tmp_paths; i++) {
		unlink(tmp_paths[i]);
		free(tmp_paths[i]);
	}
}

/* Loading that must fail: checks the line, the field and that the
 * message holds WANT. */
static void
load_fails(const char *path, unsigned long want_line, const char *want_field,
	   const char *want, const char *what)
{
	ck_problem p;
	unsigned long line = 99;
	ck_directory *dir;

	memset(&p, 0, sizeof p);
	dir = ck_directory_load(path, ',', NULL, &line, &p);
	ok(dir == NULL, "%s: refused", what);
	is_int(line, want_line, "%s: the line", what);
	is_str(p.field, want_field, "%s: the field", what);
	ok(strstr(p.message, want) != NULL, "%s: the message (%s)", what, p.message);
	ck_directory_free(dir);
}

static ck_directory *
load(const char *path, char delimiter, const char *encoding)
{
	ck_problem p;
	unsigned long line;
	ck_directory *dir = ck_directory_load(path, delimiter, encoding, &line, &p);

	if (dir == NULL)
		printf("# %lu: %s: %s\n", line, p.field, p.message);
	return dir;
}

static json_t *record(const char *text);

/* An empty record, kept for the end of the run. */
static json_t *
none_record(void)
{
	static json_t *none;

	if (none == NULL)
		none = record("{}");
	return none;
}

static json_t *
record(const char *text)
{
	json_error_t err;
	json_t *json = json_loads(text, 0, &err);

	if (json == NULL) {
		printf("Bail out! bad test record: %s\n", err.text);
		exit(1);
	}
	return json;
}

static void
test_is_json(void)
{
	ok(ck_directory_is_json("knowledge.jsonl"), ".jsonl is JSON lines");
	ok(ck_directory_is_json("dir/knowledge.JSON"), ".JSON is JSON lines");
	ok(ck_directory_is_json("k.ndjson"), ".ndjson is JSON lines");
	ok(!ck_directory_is_json("knowledge.csv"), ".csv is CSV");
	ok(!ck_directory_is_json("knowledge"), "no suffix is CSV");
	ok(!ck_directory_is_json(".jsonl"), "a bare suffix is not a name");
	ok(!ck_directory_is_json("jsonl"), "jsonl without a dot is CSV");
}

static void
test_csv(void)
{
	const ck_directory_entry *e;
	ck_directory *dir;

	dir = load(CSV("Name,PATTERN,audience,notes,org\n"
		       "Center for Rett Syndrom,ORPHA:778|[Rr]ett,both,x,Rigshospitalet\n"
		       "\n"
		       "\"Angelman, foreningen\",ORPHA:72\\b,family,,\n"
		       "Muskelsvind,\"Duchenne|SMA\",professional\r\n"),
		   ',', NULL);
	ok(dir != NULL, "CSV: columns in any order and case, an unknown one, "
	   "a short last row without a newline");
	is_int(ck_directory_count(dir), 3, "CSV: three entries");
	e = ck_directory_entry_at(dir, 0);
	is_str(e->name, "Center for Rett Syndrom", "CSV: name");
	is_str(e->pattern, "ORPHA:778|[Rr]ett", "CSV: pattern");
	is_str(e->org, "Rigshospitalet", "CSV: org");
	is_str(e->audience, "both", "CSV: audience");
	ok(e->kind == NULL && e->contact == NULL && e->region == NULL,
	   "CSV: columns not in the file are NULL");
	is_int(e->line, 2, "CSV: the first entry is row 2");
	e = ck_directory_entry_at(dir, 1);
	is_str(e->name, "Angelman, foreningen", "CSV: a quoted cell with the separator");
	ok(e->org == NULL, "CSV: an empty cell is NULL");
	is_int(e->line, 4, "CSV: a blank row counts");
	e = ck_directory_entry_at(dir, 2);
	is_str(e->audience, "professional", "CSV: CRLF line end");
	ok(e->org == NULL, "CSV: a cell the row leaves out is NULL");
	ok(ck_directory_entry_at(dir, 3) == NULL, "CSV: no entry past the end");
	ck_directory_free(dir);
	ck_directory_free(NULL);
	ok(1, "ck_directory_free(NULL)");

	/* Danish Excel: semicolons and cp1252 ("Sjældne" with 0xe6). */
	dir = load(CSV("pattern;name;org;kind;contact;region;audience\n"
		       "Rett;Sj\xe6ldne Diagnoser;;user-organisation;https://x.example;"
		       "Hele landet;family"), ';', "cp1252");
	ok(dir != NULL, "CSV: semicolons and cp1252");
	e = ck_directory_entry_at(dir, 0);
	is_str(e->name, "Sjældne Diagnoser", "CSV: converted to UTF-8");
	is_str(e->region, "Hele landet", "CSV: region");
	is_str(e->kind, "user-organisation", "CSV: kind");
	is_str(e->contact, "https://x.example", "CSV: contact");
	ck_directory_free(dir);

	dir = load(CSV("\xef\xbb\xbfpattern,name,audience\n"), ',', NULL);
	ok(dir != NULL, "CSV: a header alone, after a byte-order mark");
	is_int(ck_directory_count(dir), 0, "CSV: no entries");
	ck_directory_free(dir);
}

static void
test_csv_bad(void)
{
	load_fails(CSV("pattern,name,audience\nRett,Center,both\n(Rett,Other,family\n"),
		   3, "pattern", "missing closing parenthesis", "a broken pattern");
	load_fails(CSV("pattern,name,audience\n[z-a],X,both\n"),
		   2, "pattern", "offset", "a broken range: PCRE2's message and offset");
	load_fails(CSV("pattern,name\nRett,X\n"), 1, "audience", "missing (required)",
		   "no audience column");
	load_fails(CSV("name,audience\n"), 1, "pattern", "missing (required)",
		   "no pattern column");
	load_fails(CSV("pattern,name,audience\nRett,,both\n"), 2, "name",
		   "missing (required)", "an empty name");
	load_fails(CSV("pattern,name,audience\n,X,both\n"), 2, "pattern",
		   "missing (required)", "an empty pattern");
	load_fails(CSV("pattern,name,audience\nRett,X,parents\n"), 2, "audience",
		   "professional, family, both", "an audience outside the set");
	load_fails(CSV("pattern,name,audience\nRett,X,\n"), 2, "audience",
		   "missing (required)", "an empty audience");
	load_fails(CSV("pattern,name,audience\nRett,X,both,extra\n"), 2, "",
		   "4 cells where the header has 3 columns", "a row longer than the header");
	load_fails(CSV("pattern,name,Name,audience\n"), 1, "name",
		   "appears twice", "a column named twice");
	load_fails(CSV(""), 0, "", "no header row", "an empty file");
	load_fails(CSV("pattern,name,audience\n\"Rett,X,both\n"), 2, "",
		   "", "a quote that never closes");
	load_fails("/nonexistent/knowledge.csv", 0, "", "No such file",
		   "a file that is not there");
}

static void
test_jsonl(void)
{
	const ck_directory_entry *e;
	ck_directory *dir;

	dir = load(JSONL("\xef\xbb\xbf{\"pattern\":\"ORPHA:778\",\"name\":\"Center\","
			 "\"audience\":\"both\",\"x_note\":1}\r\n"
			 "{\"name\":\"LEV\",\"pattern\":\"[Rr]ett\",\"audience\":\"family\","
			 "\"contact\":\"https://www.lev.dk\",\"org\":\"\"}"),
		   ',', NULL);
	ok(dir != NULL, "JSON lines: BOM, CRLF, a last line without a newline");
	is_int(ck_directory_count(dir), 2, "JSON lines: two entries");
	e = ck_directory_entry_at(dir, 1);
	is_str(e->contact, "https://www.lev.dk", "JSON lines: contact");
	ok(e->org == NULL, "JSON lines: an empty text is absent");
	is_int(e->line, 2, "JSON lines: line 2");
	ck_directory_free(dir);

	load_fails(JSONL("{\"pattern\":\"a\",\"name\":\"b\",\"audience\":\"both\"}\n\n"),
		   2, "", "blank line", "JSON lines: a blank line");
	load_fails(JSONL("{\"pattern\":\"a\",\"name\":\"b\",\"audience\":\"both\"\n"),
		   1, "", "invalid JSON", "JSON lines: invalid JSON");
	load_fails(JSONL("[1]\n"), 1, "", "not a JSON object", "JSON lines: an array");
	load_fails(JSONL("{\"pattern\":\"a\",\"name\":7,\"audience\":\"both\"}\n"),
		   1, "name", "not a string", "JSON lines: a number as a name");
	load_fails(JSONL("{\"pattern\":\"a\",\"name\":\"x\"}\n"),
		   1, "audience", "missing (required)", "JSON lines: no audience");
	load_fails(JSONL("{\"pattern\":\"a\",\"pattern\":\"b\",\"name\":\"x\","
			 "\"audience\":\"both\"}\n"),
		   1, "", "invalid JSON", "JSON lines: a key twice");
	load_fails(JSONL("{\"pattern\":\"a\",\"name\":\"x\",\"audience\":\"both\"}\n"
			 "{\"pattern\":\"a(?\",\"name\":\"x\",\"audience\":\"both\"}\n"),
		   2, "pattern", "offset", "JSON lines: a broken pattern");
	load_fails("/nonexistent/knowledge.jsonl", 0, "", "cannot open",
		   "JSON lines: a file that is not there");
}

static void
test_match(void)
{
	ck_directory *dir;
	json_t *rett, *none, *labelled, *numeric, *s;
	char err[CK_MESSAGE_MAX];

	dir = load(CSV("pattern,name,org,kind,contact,region,audience\n"
		       "^ORPHA:778$,Center for Rett Syndrom,Rigshospitalet,knowledge-centre,"
		       "https://www.rigshospitalet.dk,Hele landet,both\n"
		       "[Rr]ett,Landsforeningen Rett Syndrom,,user-organisation,"
		       "https://www.rett.dk,,family\n"
		       "ORPHA:77\\b,Never,,,,,professional\n"
		       "sklerose,Tuber,,,,,family\n"
		       "[Rr]ett,Landsforeningen Rett Syndrom,,user-organisation,"
		       "https://www.rett.dk,,family\n"
		       "^42$,Number,,,,,both\n"),
		   ',', NULL);
	ok(dir != NULL, "match: the directory loads");
	rett = record("{\"diagnosis\":{\"status\":\"suspected\",\"codes\":[\"ICD10:F84.2\","
		      "\"ORPHA:778\"],\"label\":\"Rett syndrome\"}}");
	none = record("{\"id\":\"x\"}");
	labelled = record("{\"diagnosis\":{\"label\":\"Tuberøs sklerose\"}}");
	numeric = record("{\"diagnosis\":{\"codes\":[42]}}");

	is_int(ck_directory_match(dir, 0, rett, err, sizeof err), 1,
	       "match: the second code");
	is_int(ck_directory_match(dir, 1, rett, err, sizeof err), 1, "match: the label");
	is_int(ck_directory_match(dir, 2, rett, err, sizeof err), 0,
	       "match: ORPHA:77\\b does not match ORPHA:778");
	is_int(ck_directory_match(dir, 3, rett, err, sizeof err), 0, "match: no match");
	is_int(ck_directory_match(dir, 3, labelled, err, sizeof err), 1,
	       "match: unanchored, in the label alone");
	is_int(ck_directory_match(dir, 0, none, err, sizeof err), 0,
	       "match: no diagnosis, no match");
	is_int(ck_directory_match(dir, 5, numeric, err, sizeof err), 1,
	       "match: a number's JSON text");
	is_int(ck_directory_match(dir, 99, rett, err, sizeof err), 0,
	       "match: an entry past the end never matches");

	s = ck_directory_suggest(dir, rett, err, sizeof err);
	ok(s != NULL, "suggest: made");
	{
		char *text = json_dumps(s, JSON_COMPACT);

		is_str(text, "[{\"name\":\"Center for Rett Syndrom\",\"org\":\"Rigshospitalet\","
		       "\"kind\":\"knowledge-centre\",\"contact\":\"https://www.rigshospitalet.dk\","
		       "\"region\":\"Hele landet\",\"audience\":\"both\"},"
		       "{\"name\":\"Landsforeningen Rett Syndrom\",\"kind\":\"user-organisation\","
		       "\"contact\":\"https://www.rett.dk\",\"audience\":\"family\"}]",
		       "suggest: in the directory's order, casekit(5)'s members, no pattern, "
		       "absent texts left out, a repeated entry once");
		free(text);
	}
	json_decref(s);
	s = ck_directory_suggest(dir, none, err, sizeof err);
	ok(json_is_array(s) && json_array_size(s) == 0, "suggest: nothing matches: an empty array");
	json_decref(s);
	json_decref(rett);
	json_decref(none);
	json_decref(labelled);
	json_decref(numeric);
	ck_directory_free(dir);
}

/* country: an entry marked DK or SE is offered only to a case of that
 * country (a SE- municipality is Swedish, anything else Danish); one
 * without a country to every case. */
static void
test_country(void)
{
	ck_directory *dir;
	json_t *dk, *se, *local, *s;
	char err[CK_MESSAGE_MAX], *text;
	const ck_directory_entry *e;

	dk = record("{\"municipality\":\"0101\",\"diagnosis\":{\"label\":\"Rett\"}}");
	se = record("{\"municipality\":\"SE-0180\",\"diagnosis\":{\"label\":\"Rett\"}}");
	local = record("{\"municipality\":\"Kommune X\",\"diagnosis\":{\"label\":\"Rett\"}}");
	is_str(ck_case_country(se), "SE", "country: SE- is Swedish");
	is_str(ck_case_country(dk), "DK", "country: a four-digit code is Danish");
	is_str(ck_case_country(local), "DK", "country: a local name is Danish");
	is_str(ck_case_country(none_record()), "DK", "country: no municipality: Danish");

	dir = load(CSV("pattern,name,audience,country\n"
		       "Rett,Landsforeningen Rett Syndrom,family,DK\n"
		       "Rett,Svenska Rett Syndrom,family,SE\n"
		       "Rett,Rett Syndrome Europe,both,\n"), ',', NULL);
	ok(dir != NULL, "country: the directory loads");
	e = ck_directory_entry_at(dir, 1);
	is_str(e->country, "SE", "country: read");
	ok(ck_directory_entry_at(dir, 2)->country == NULL, "country: empty is none");
	s = ck_directory_suggest(dir, se, err, sizeof err);
	text = json_dumps(s, JSON_COMPACT);
	is_str(text, "[{\"name\":\"Svenska Rett Syndrom\",\"audience\":\"family\"},"
	       "{\"name\":\"Rett Syndrome Europe\",\"audience\":\"both\"}]",
	       "country: a Swedish case gets Swedish entries and those of no country, "
	       "and the suggestion does not show the country");
	free(text);
	json_decref(s);
	s = ck_directory_suggest(dir, dk, err, sizeof err);
	text = json_dumps(s, JSON_COMPACT);
	is_str(text, "[{\"name\":\"Landsforeningen Rett Syndrom\",\"audience\":\"family\"},"
	       "{\"name\":\"Rett Syndrome Europe\",\"audience\":\"both\"}]",
	       "country: a Danish case gets Danish entries and those of no country");
	free(text);
	json_decref(s);
	ck_directory_free(dir);

	dir = load(JSONL("{\"pattern\":\"Rett\",\"name\":\"S\",\"audience\":\"both\","
			 "\"country\":\"SE\"}\n"), ',', NULL);
	s = dir != NULL ? ck_directory_suggest(dir, dk, err, sizeof err) : NULL;
	ok(json_is_array(s) && json_array_size(s) == 0,
	   "country: JSON lines too; a Danish case gets no Swedish entry");
	json_decref(s);
	ck_directory_free(dir);

	load_fails(CSV("pattern,name,audience,country\nRett,X,both,se\n"), 2, "country",
		   "not one of: DK, SE", "country: lower case");
	load_fails(CSV("pattern,name,audience,country\nRett,X,both,NO\n"), 2, "country",
		   "not one of: DK, SE", "country: a country casekit does not serve");
	load_fails(JSONL("{\"pattern\":\"a\",\"name\":\"x\",\"audience\":\"both\","
			 "\"country\":46}\n"), 1, "country", "not a string", "country: a number");
	json_decref(dk);
	json_decref(se);
	json_decref(local);
}

static void
test_match_error(void)
{
	const char *path = CSV("pattern,name,audience\nRett,A,both\n(a+)+$,B,family\n");
	ck_directory *dir = load(path, ',', NULL);
	json_t *rec = record("{\"diagnosis\":{\"label\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\"}}");
	char err[CK_MESSAGE_MAX], want[CK_MESSAGE_MAX];

	err[0] = '\0';
	is_int(ck_directory_match(dir, 1, rec, err, sizeof err), -1,
	       "a match that hits the limit is an error");
	snprintf(want, sizeof want, "the pattern at %s:3: match limit exceeded", path);
	is_str(err, want, "the error names the entry's file and row");
	ok(ck_directory_suggest(dir, rec, err, sizeof err) == NULL,
	   "suggest: NULL on a match error");
	json_decref(rec);
	ck_directory_free(dir);
}

/* The directory shipped in examples/ loads, and knows where to turn for
 * the diagnoses of the example intake. */
static void
test_shipped(void)
{
	static const struct {
		const char *record, *name;
	} cases[] = {
		{ "{\"diagnosis\":{\"codes\":[\"ORPHA:778\"]}}", "Center for Rett Syndrom" },
		{ "{\"diagnosis\":{\"label\":\"Angelman syndrom\"}}", "Angelmanforeningen" },
		{ "{\"diagnosis\":{\"codes\":[\"ORPHA:98896\"]}}", "Muskelsvindfonden" },
		{ "{\"diagnosis\":{\"codes\":[\"ORPHA:70\"]}}",
		  "RehabiliteringsCenter for Muskelsvind (RCFM)" },
		{ "{\"diagnosis\":{\"codes\":[\"ICD10:Q86.0\"]}}", "Familieambulatoriet" },
		{ "{\"diagnosis\":{\"codes\":[\"ORPHA:567\"]}}", "22q11 Danmark" },
	};
	const char *top = getenv("top_srcdir");
	char path[4096];
	ck_directory *dir;
	size_t i, k, n, family = 0, professional = 0;

	if (top == NULL) {
		ok(1, "# SKIP top_srcdir is not set: the shipped directory is not tested");
		return;
	}
	snprintf(path, sizeof path, "%s/examples/knowledge.csv", top);
	dir = load(path, ',', NULL);
	ok(dir != NULL, "examples/knowledge.csv loads and every pattern compiles");
	if (dir == NULL)
		return;
	n = ck_directory_count(dir);
	ok(n >= 25, "examples/knowledge.csv: %zu entries", n);
	for (i = 0; i < n; i++) {
		const ck_directory_entry *e = ck_directory_entry_at(dir, i);

		if (strcmp(e->audience, "professional") != 0)
			family++;
		if (strcmp(e->audience, "family") != 0)
			professional++;
		if (e->contact == NULL || strncmp(e->contact, "https://", 8) != 0 ||
		    strchr(e->contact, '@') != NULL)
			break;
	}
	ok(i == n, "examples/knowledge.csv: every contact a public web address");
	for (i = 0; i < n; i++)
		if (ck_directory_entry_at(dir, i)->country == NULL ||
		    strcmp(ck_directory_entry_at(dir, i)->country, "DK") != 0)
			break;
	ok(i == n, "examples/knowledge.csv: every entry Danish");
	ok(family > 0 && professional > 0, "examples/knowledge.csv: for families and professionals");
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		json_t *rec = record(cases[k].record), *s, *one;
		char err[CK_MESSAGE_MAX];
		bool found = false;

		s = ck_directory_suggest(dir, rec, err, sizeof err);
		json_array_foreach(s, i, one)
			if (strcmp(json_string_value(json_object_get(one, "name")), cases[k].name) == 0)
				found = true;
		ok(found, "examples/knowledge.csv: %s for %s", cases[k].name, cases[k].record);
		json_decref(s);
		json_decref(rec);
	}
	ck_directory_free(dir);
}

/* The Swedish directory: the regions' centres for rare diagnoses,
 * habilitering, Ågrenska, the national and user organisations, every
 * contact a public web address, every entry Swedish; a Swedish case gets
 * them, a Danish case none. */
static void
test_shipped_se(void)
{
	static const struct {
		const char *record, *name;
	} cases[] = {
		{ "{\"municipality\":\"SE-0180\",\"diagnosis\":{\"codes\":[\"ORPHA:778\"]}}",
		  "Centrum för sällsynta diagnoser (CSD) Stockholm" },
		{ "{\"municipality\":\"SE-1480\",\"diagnosis\":{\"codes\":[\"ORPHA:778\"]}}",
		  "Riksförbundet FUB: råd till anhöriga och lokala föreningar" },
		{ "{\"municipality\":\"SE-1480\",\"diagnosis\":{\"label\":\"sällsynt syndrom\"}}",
		  "Ågrenska: familjevistelser och kunskap om sällsynta hälsotillstånd" },
		{ "{\"municipality\":\"SE-0380\",\"diagnosis\":{\"codes\":[\"ORPHA:98896\"]}}",
		  "Neuroförbundet" },
		{ "{\"municipality\":\"SE-0180\",\"diagnosis\":{\"label\":\"autism\"}}",
		  "Habilitering & Hälsa (barn, ungdom och vuxna)" },
	};
	static const char *const centres[] = { "Stockholm", "Uppsala–Örebro", "Väst", "Sydöst",
		"Syd", "Norr" };
	const char *top = getenv("top_srcdir");
	char path[4096], err[CK_MESSAGE_MAX];
	ck_directory *dir;
	json_t *rec, *s, *one;
	size_t i, k, n, family = 0;

	if (top == NULL) {
		ok(1, "# SKIP top_srcdir is not set: the shipped directory is not tested");
		return;
	}
	snprintf(path, sizeof path, "%s/examples/knowledge-se.csv", top);
	dir = load(path, ',', NULL);
	ok(dir != NULL, "examples/knowledge-se.csv loads and every pattern compiles");
	if (dir == NULL)
		return;
	n = ck_directory_count(dir);
	for (i = 0; i < n; i++) {
		const ck_directory_entry *e = ck_directory_entry_at(dir, i);

		if (strcmp(e->audience, "professional") != 0)
			family++;
		if (e->contact == NULL || strncmp(e->contact, "https://", 8) != 0 ||
		    strchr(e->contact, '@') != NULL || e->country == NULL ||
		    strcmp(e->country, "SE") != 0)
			break;
	}
	ok(i == n, "examples/knowledge-se.csv: every contact a public web address, "
	   "every entry Swedish");
	ok(family > 0, "examples/knowledge-se.csv: entries for families");
	for (k = 0; k < sizeof centres / sizeof centres[0]; k++) {
		char want[128];

		snprintf(want, sizeof want, "Centrum för sällsynta diagnoser (CSD) %s", centres[k]);
		for (i = 0; i < n; i++)
			if (strcmp(ck_directory_entry_at(dir, i)->name, want) == 0)
				break;
		ok(i < n, "examples/knowledge-se.csv: %s", want);
	}
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		bool found = false;

		rec = record(cases[k].record);
		s = ck_directory_suggest(dir, rec, err, sizeof err);
		json_array_foreach(s, i, one)
			if (strcmp(json_string_value(json_object_get(one, "name")), cases[k].name) == 0)
				found = true;
		ok(found, "examples/knowledge-se.csv: %s for %s", cases[k].name, cases[k].record);
		json_decref(s);
		json_decref(rec);
	}
	rec = record("{\"municipality\":\"0101\",\"diagnosis\":{\"codes\":[\"ORPHA:778\"],"
		     "\"label\":\"sällsynt syndrom\"}}");
	s = ck_directory_suggest(dir, rec, err, sizeof err);
	ok(json_is_array(s) && json_array_size(s) == 0,
	   "examples/knowledge-se.csv: nothing for a Danish case");
	json_decref(s);
	json_decref(rec);
	ck_directory_free(dir);

	/* And the Danish directory offers a Swedish case nothing. */
	snprintf(path, sizeof path, "%s/examples/knowledge.csv", top);
	dir = load(path, ',', NULL);
	rec = record("{\"municipality\":\"SE-0180\",\"diagnosis\":{\"codes\":[\"ORPHA:778\"]}}");
	s = dir != NULL ? ck_directory_suggest(dir, rec, err, sizeof err) : NULL;
	ok(json_is_array(s) && json_array_size(s) == 0,
	   "examples/knowledge.csv: nothing for a Swedish case");
	json_decref(s);
	json_decref(rec);
	ck_directory_free(dir);
}

int
main(void)
{
	test_is_json();
	test_csv();
	test_csv_bad();
	test_jsonl();
	test_match();
	test_country();
	test_match_error();
	test_shipped();
	test_shipped_se();
	json_decref(none_record());
	remove_tmp_files();
	return done_testing();
}
