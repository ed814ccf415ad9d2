/* SPDX-License-Identifier: MPL-2.0 */
/* test-paths.c — unit tests of lib/paths.c: compiling paths, evaluating
 * them over records, the text of values and the split of PATH=VALUE. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"

static const char record_text[] =
	"{\"id\":\"0101-2026-0001\",\"status\":\"open\","
	"\"target_group\":{\"status\":\"yes\",\"date\":\"2026-11-20\"},"
	"\"diagnosis\":{\"status\":\"suspected\",\"codes\":[\"ORPHA:778\",\"ICD10:F84.2\"]},"
	"\"assessments\":[{\"type\":\"child-assessment\",\"started\":\"2026-10-27\"},"
	"{\"type\":\"medical\",\"started\":\"2026-10-01\"},{\"type\":\"ppv\"}],"
	"\"decisions\":[{\"id\":\"d1\",\"paragraph\":\"BL \xc2\xa7 32\",\"outcome\":\"granted\"},"
	"{\"id\":\"d2\",\"paragraph\":\"BL \xc2\xa7 32\",\"outcome\":\"refused\"},"
	"{\"id\":\"d3\",\"paragraph\":\"BL \xc2\xa7 86\",\"outcome\":\"granted\"}],"
	"\"actors\":[{\"id\":\"a1\",\"role\":\"caseworker\",\"municipal\":true,\"hours\":12},"
	"{\"id\":\"a2\",\"role\":\"hospital\",\"municipal\":false,\"hours\":1.5},"
	"{\"id\":\"a3\",\"role\":\"school\",\"hours\":\"12\"}],"
	"\"plans\":{\"common\":{\"updated\":\"2026-11-15\","
	"\"items\":[{\"what\":\"fysioterapi\",\"actor\":\"a2\"}]}},"
	"\"meetings\":[{\"date\":\"2026-11-15\",\"kind\":\"network\",\"actors\":[\"a1\",\"a2\"]},"
	"{\"date\":\"2026-12-01\",\"kind\":\"follow-up\",\"actors\":[\"a3\"]}],"
	"\"grid\":[[{\"v\":1},{\"v\":2}],[{\"v\":3}]],"
	"\"nested\":[[1,2],[3]],"
	"\"x_odd\":[{\"a]b\":\"x=y]\",\"id\":\"e1\"},{\"eq\":\"a=b\",\"id\":\"e2\"},"
	"{\"bs\":\"c:\\\\\",\"id\":\"e3\"},{\"re\":\"\\\\d\",\"id\":\"e4\"},"
	"{\"k=\":\"v\",\"id\":\"e5\"},{\"n\":null,\"id\":\"e6\"}],"
	"\"x_my key\":{\"sub key\":\"spaced\"},"
	"\"a]b\":\"bracket\","
	"\"x_empty\":[]}";

static json_t *record;

/* The values PATH reaches from NODE (ROOT for "$."), as compact JSON
 * joined by spaces; "(bad)" when the path does not compile. */
static const char *
eval_from(const char *text, json_t *root, json_t *node)
{
	static char result[1024];
	char err[128];
	ck_values values = { NULL, 0, 0 };
	ck_path *path = ck_path_compile(text, err, sizeof err);
	size_t i;

	if (path == NULL)
		return "(bad)";
	ck_path_eval(path, root, node, &values);
	result[0] = '\0';
	for (i = 0; i < values.count; i++) {
		char *json = json_dumps(values.items[i],
					JSON_ENCODE_ANY | JSON_COMPACT);

		if (i > 0)
			strcat(result, " ");
		strcat(result, json);
		free(json);
	}
	ck_values_free(&values);
	ck_path_free(path);
	return result;
}

static const char *
eval(const char *text)
{
	return eval_from(text, record, record);
}

/* The message compiling TEXT gives, or "(compiled)". */
static const char *
compile_error(const char *text)
{
	static char err[128];
	ck_path *path = ck_path_compile(text, err, sizeof err);

	if (path != NULL) {
		ck_path_free(path);
		return "(compiled)";
	}
	return err;
}

static void
test_compile(void)
{
	ck_path *path;
	char err[128];

	path = ck_path_compile("plans.common.updated", err, sizeof err);
	ok(path != NULL, "a dotted path compiles");
	is_str(ck_path_text(path), "plans.common.updated", "its text");
	ok(ck_path_is_plain(path), "a dotted path is plain");
	ck_path_free(path);

	path = ck_path_compile("x_my key.sub key", err, sizeof err);
	ok(path != NULL && ck_path_is_plain(path), "keys may hold spaces");
	ck_path_free(path);

	path = ck_path_compile("$.id", err, sizeof err);
	ok(path != NULL && !ck_path_is_plain(path), "$. is not plain");
	is_str(ck_path_text(path), "$.id", "$. kept in the text");
	ck_path_free(path);

	path = ck_path_compile("assessments[].started", err, sizeof err);
	ok(path != NULL && !ck_path_is_plain(path), "[] is not plain");
	ck_path_free(path);

	path = ck_path_compile("meetings[kind=network].date", err, sizeof err);
	ok(path != NULL && !ck_path_is_plain(path), "a filter is not plain");
	ck_path_free(path);

	path = ck_path_compile("decisions[paragraph=BL \xc2\xa7 32][outcome=granted]",
			       err, sizeof err);
	ok(path != NULL, "chained filters compile");
	ck_path_free(path);

	is_str(compile_error(""), "empty path", "empty path");
	is_str(compile_error("a..b"), "empty key", "empty step");
	is_str(compile_error(".a"), "empty key", "leading '.'");
	is_str(compile_error("$."), "empty key", "$. alone");
	is_str(compile_error("[kind=x]"), "empty key", "a filter without a key");
	is_str(compile_error("a.[]"), "empty key", "an empty key before a filter");
	is_str(compile_error("a."), "trailing '.'", "trailing '.'");
	is_str(compile_error("a[].b."), "trailing '.'", "trailing '.' after a filter");
	is_str(compile_error("a[k=v"), "unclosed '['", "unclosed '[' in the value");
	is_str(compile_error("a[k"), "unclosed '['", "unclosed '[' in the key");
	is_str(compile_error("a["), "unclosed '['", "'[' at the end");
	is_str(compile_error("a[k=v\\]"), "unclosed '['", "an escaped ']' does not close");
	is_str(compile_error("a[k=v\\"), "unclosed '['", "a backslash at the end");
	is_str(compile_error("a[=v]"), "empty key in a filter", "[=v]");
	is_str(compile_error("a[k]"), "a filter needs '=' ([key=value] or [])",
	       "[k] without '='");
	is_str(compile_error("a[]b"), "expected '.' or '[' after ']'",
	       "text after ']'");
	is_str(compile_error("a[k\\=v]"), "a filter needs '=' ([key=value] or [])",
	       "an escaped '=' does not split");

	ok(ck_path_compile("a[", NULL, 0) == NULL, "ERR may be NULL");
	err[0] = 'x';
	ok(ck_path_compile("a[", err, 0) == NULL && err[0] == 'x',
	   "ERRSIZE 0 writes nothing");
	path = ck_path_compile("a[k=v", err, 5);
	ok(path == NULL && strcmp(err, "uncl") == 0, "the message is cut to ERRSIZE");
	ck_path_free(NULL);
	ok(1, "ck_path_free(NULL)");
}

static void
test_eval(void)
{
	json_t *node, *one;
	ck_values values = { NULL, 0, 0 };
	ck_path *path;

	/* Members and missing steps. */
	is_str(eval("plans.common.updated"), "\"2026-11-15\"", "member of a member");
	is_str(eval("status"), "\"open\"", "a top-level member");
	is_str(eval("x_my key.sub key"), "\"spaced\"", "keys with spaces");
	is_str(eval("a]b"), "\"bracket\"", "']' in a key outside a filter");
	is_str(eval("plans.child.date"), "", "a missing step yields nothing");
	is_str(eval("nothing"), "", "a missing member yields nothing");
	is_str(eval("status.x"), "", "a step into a string yields nothing");
	is_str(eval("actors.hours.x"), "", "a step into a number yields nothing");
	is_str(eval("plans.common"),
	       "{\"updated\":\"2026-11-15\",\"items\":[{\"what\":\"fysioterapi\",\"actor\":\"a2\"}]}",
	       "a path may end at an object");

	/* Arrays. */
	is_str(eval("actors.role"), "\"caseworker\" \"hospital\" \"school\"",
	       "a step through an array takes every element");
	is_str(eval("actors[].role"), "\"caseworker\" \"hospital\" \"school\"",
	       "[] says the same");
	is_str(eval("assessments.started"), "\"2026-10-27\" \"2026-10-01\"",
	       "elements without the member give nothing");
	is_str(eval("plans.common.items.actor"), "\"a2\"", "an array deeper down");
	is_str(eval("grid.v"), "1 2 3", "nested arrays are stepped through");
	is_str(eval("grid[].v"), "1 2 3", "[] then a step through the inner arrays");
	is_str(eval("grid[][]"), "{\"v\":1} {\"v\":2} {\"v\":3}", "[][] flattens twice");
	is_str(eval("diagnosis.codes"), "\"ORPHA:778\" \"ICD10:F84.2\"",
	       "a path ending at an array yields its elements");
	is_str(eval("meetings.actors"), "\"a1\" \"a2\" \"a3\"",
	       "the arrays of every element yield their elements");
	is_str(eval("nested"), "[1,2] [3]", "elements are yielded one level deep");
	is_str(eval("x_empty"), "", "an empty array yields nothing");
	is_str(eval("diagnosis.codes[]"), "\"ORPHA:778\" \"ICD10:F84.2\"",
	       "[] at the end");

	/* [] on other values. */
	is_str(eval("target_group[]"), "{\"status\":\"yes\",\"date\":\"2026-11-20\"}",
	       "[] on an object is the object");
	is_str(eval("target_group[].status"), "\"yes\"", "and steps go on from it");
	is_str(eval("status[]"), "", "[] on a string yields nothing");
	is_str(eval("actors.hours[]"), "", "[] on numbers yields nothing");

	/* Filters. */
	is_str(eval("meetings[kind=network].date"), "\"2026-11-15\"",
	       "a filter keeps the matching elements");
	is_str(eval("meetings[kind=handover].date"), "", "a filter that keeps none");
	is_str(eval("meetings[kind=networ].date"), "", "the whole text must equal");
	is_str(eval("meetings[nokey=x].date"), "", "a missing member never equals");
	is_str(eval("decisions[paragraph=BL \xc2\xa7 32].id"), "\"d1\" \"d2\"",
	       "a value with spaces and non-ASCII");
	is_str(eval("decisions[paragraph=BL \xc2\xa7 32][outcome=granted].id"), "\"d1\"",
	       "filters chain");
	is_str(eval("decisions[outcome=granted][paragraph=BL \xc2\xa7 86].id"), "\"d3\"",
	       "filters chain in either order");
	is_str(eval("decisions[paragraph=BL \xc2\xa7 32][outcome=partly].id"), "",
	       "a chain that keeps none");
	is_str(eval("target_group[status=yes].date"), "\"2026-11-20\"",
	       "a filter on an object that holds");
	is_str(eval("target_group[status=no].date"), "",
	       "a filter on an object that does not");
	is_str(eval("status[k=v]"), "", "a filter on a string yields nothing");
	is_str(eval("diagnosis.codes[k=v]"), "", "elements that are not objects never pass");
	is_str(eval("x_odd[n=null].id"), "", "null has no text to equal");
	is_str(eval("meetings[kind=network]"),
	       "{\"date\":\"2026-11-15\",\"kind\":\"network\",\"actors\":[\"a1\",\"a2\"]}",
	       "a path may end at a filter");
	is_str(eval("meetings[kind=network].actors"), "\"a1\" \"a2\"",
	       "a filtered element's array yields its elements");
	is_str(eval("meetings[kind=]"), "", "an empty value equals only \"\"");

	/* Numbers and booleans by their JSON text. */
	is_str(eval("actors[municipal=true].id"), "\"a1\"", "a boolean true");
	is_str(eval("actors[municipal=false].id"), "\"a2\"", "a boolean false");
	is_str(eval("actors[hours=12].id"), "\"a1\" \"a3\"",
	       "an integer and a string with its text");
	is_str(eval("actors[hours=1.5].id"), "\"a2\"", "a real");
	is_str(eval("actors[hours=12.0].id"), "", "12.0 is not the text of 12");

	/* Escapes in filters. */
	is_str(eval("x_odd[a\\]b=x\\=y\\]].id"), "\"e1\"", "\\] and \\= in key and value");
	is_str(eval("x_odd[eq=a=b].id"), "\"e2\"", "the first '=' splits");
	is_str(eval("x_odd[bs=c:\\\\].id"), "\"e3\"", "\\\\ is a backslash");
	is_str(eval("x_odd[re=\\d].id"), "\"e4\"", "another backslash stays as written");
	is_str(eval("x_odd[k\\==v].id"), "\"e5\"", "an escaped '=' in the key");
	is_str(eval("x_odd[a]b=x=y]].id"), "(bad)", "an unescaped ']' ends the filter");

	/* $. and the node. */
	node = json_object_get(record, "meetings");
	node = json_array_get(node, 1);
	is_str(eval_from("date", record, node), "\"2026-12-01\"", "a path from the node");
	is_str(eval_from("$.id", record, node), "\"0101-2026-0001\"", "$. from the root");
	is_str(eval_from("id", record, node), "", "without $. not from the root");
	is_str(eval_from("$.actors[role=hospital].id", record, node), "\"a2\"",
	       "$. with a filter");
	is_str(eval_from("$.id", record, record), "\"0101-2026-0001\"",
	       "$. when node is the root");
	is_str(eval_from("id", record, NULL), "", "a NULL node yields nothing");
	is_str(eval_from("$.id", NULL, record), "", "a NULL root yields nothing");

	/* A scalar node. */
	one = json_string("x");
	is_str(eval_from("a", one, one), "", "a key on a string node");
	json_decref(one);

	/* The list is appended to and reused. */
	path = ck_path_compile("actors.id", NULL, 0);
	ck_path_eval(path, record, record, &values);
	is_int(values.count, 3, "three values");
	ck_path_eval(path, record, record, &values);
	is_int(values.count, 6, "eval appends");
	ok(values.items[3] == json_object_get(json_array_get(json_object_get(record, "actors"), 0), "id"),
	   "values are borrowed from the record");
	ck_values_clear(&values);
	is_int(values.count, 0, "clear empties");
	ok(values.capacity >= 6 && values.items != NULL, "clear keeps the memory");
	ck_path_eval(path, record, record, &values);
	is_int(values.count, 3, "after clear");
	ck_path_free(path);

	/* Values already in the list stay while the path works past them. */
	ck_values_clear(&values);
	path = ck_path_compile("decisions[paragraph=BL \xc2\xa7 32][outcome=granted].id",
			       NULL, 0);
	ck_path_eval(path, record, record, &values);
	ck_path_free(path);
	path = ck_path_compile("grid[][]", NULL, 0);
	ck_path_eval(path, record, record, &values);
	ck_path_free(path);
	is_int(values.count, 4, "one value, then three");
	is_str(json_string_value(values.items[0]), "d1", "the first value kept");
	ok(json_is_object(values.items[3]) &&
	   json_integer_value(json_object_get(values.items[3], "v")) == 3,
	   "the last value");
	ck_values_free(&values);
	ok(values.items == NULL && values.count == 0 && values.capacity == 0,
	   "free resets the list");
	ck_values_free(&values);
	ok(1, "free twice");
}

/* [paragraph=P] compares paragraphs in normal form (lib/paragraph.c):
 * the decisions within P, however they are written. */
static const char paragraph_text[] =
	"{\"decisions\":[{\"id\":\"d1\",\"paragraph\":\"BL \xc2\xa7 32\"},"
	"{\"id\":\"d2\",\"paragraph\":\"Barnets lov \xc2\xa7 32, stk. 1, nr. 7\"},"
	"{\"id\":\"d3\",\"paragraph\":\"BL \xc2\xa7 32 a\"},"
	"{\"id\":\"d4\",\"paragraph\":\"BL \xc2\xa7 320\"},"
	"{\"id\":\"d5\",\"paragraph\":\"\xc2\xa7 32\"},"
	"{\"id\":\"d6\",\"paragraph\":\"BL \xc2\xa7 32 stk. 2\"},"
	"{\"id\":\"d7\",\"paragraph\":32},"
	"{\"id\":\"d8\",\"paragraph\":\"BL \xc2\xa7 32\\u0000 a\"},"
	"{\"id\":\"d9\",\"paragraph\":\"SEL \xc2\xa7 32\"},"
	"{\"id\":\"d10\",\"paragraph\":\"\xc2\xa7 32 i barnets lov\"},"
	"{\"id\":\"d11\"}],"
	"\"x_local\":[{\"id\":\"e1\",\"x_paragraph\":\"\xc2\xa7 32\"}]}";

static void
test_paragraph_filters(void)
{
	json_error_t error;
	json_t *decisions = json_loads(paragraph_text, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &error);

	ok(decisions != NULL, "the paragraph record parses");
	if (decisions == NULL)
		return;
	is_str(eval_from("decisions[paragraph=BL \xc2\xa7 32].id", decisions, decisions),
	       "\"d1\" \"d2\" \"d6\" \"d10\"",
	       "BL § 32 holds its stk. and nr., in any form; not § 32 a, § 320, SEL "
	       "§ 32, a number, a text with a NUL, or one casekit cannot read");
	is_str(eval_from("decisions[paragraph=barnets lov \xc2\xa7" "32].id", decisions, decisions),
	       "\"d1\" \"d2\" \"d6\" \"d10\"", "the filter's own P in another form");
	is_str(eval_from("decisions[paragraph=BL \xc2\xa7 32 stk. 1].id", decisions, decisions),
	       "\"d2\"", "BL § 32 stk. 1 holds only what is in stk. 1");
	is_str(eval_from("decisions[paragraph=BL \xc2\xa7 32 a].id", decisions, decisions),
	       "\"d3\"", "BL § 32 a is its own paragraph");
	is_str(eval_from("decisions[paragraph=SEL \xc2\xa7 32].id", decisions, decisions),
	       "\"d9\"", "another law's § 32");
	is_str(eval_from("decisions[paragraph=BL \xc2\xa7 32][id=d2].id", decisions, decisions),
	       "\"d2\"", "a paragraph filter chains with others");
	is_str(eval_from("x_local[x_paragraph=\xc2\xa7 32].id", decisions, decisions),
	       "\"e1\"", "another key compares its text");
	json_decref(decisions);

	is_str(compile_error("decisions[paragraph=\xc2\xa7 32]"),
	       "not a paragraph casekit can read in a paragraph filter (casekit(5), Paragraphs)",
	       "a paragraph filter casekit cannot read is malformed");
	is_str(compile_error("decisions[paragraph=]"),
	       "not a paragraph casekit can read in a paragraph filter (casekit(5), Paragraphs)",
	       "an empty paragraph filter too");
	is_str(compile_error("decisions[x_paragraph=\xc2\xa7 32]"), "(compiled)",
	       "only the key paragraph is read as one");
	is_str(compile_error("decisions[paragraph=Barnets lov \xc2\xa7 32, stk. 1]"),
	       "(compiled)", "a filter in the case system's form compiles");
}

static void
test_value_text(void)
{
	char buf[CK_VALUE_TEXT_SIZE], *dumped;
	const char *text;
	size_t len = 99;
	json_t *v;

	v = json_stringn("a\0b", 3);
	text = ck_value_text(v, buf, &len);
	ok(text != NULL && len == 3 && memcmp(text, "a\0b", 3) == 0,
	   "a string's text, NUL and all");
	json_decref(v);

	v = json_integer(-42);
	is_str(ck_value_text(v, buf, &len), "-42", "an integer");
	is_int(len, 3, "its length");
	json_decref(v);
	v = json_integer(9223372036854775807LL);
	is_str(ck_value_text(v, buf, &len), "9223372036854775807", "the largest integer");
	json_decref(v);

	v = json_real(1.5);
	is_str(ck_value_text(v, buf, &len), "1.5", "a real");
	is_int(len, 3, "its length");
	json_decref(v);
	v = json_real(1.0);
	is_str(ck_value_text(v, buf, &len), "1.0", "a whole real keeps its .0");
	json_decref(v);
	v = json_real(-2.5e-7);
	dumped = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	is_str(ck_value_text(v, buf, &len), dumped, "a real as Jansson writes it");
	free(dumped);
	json_decref(v);
	v = json_real(0.1);
	dumped = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	is_str(ck_value_text(v, buf, &len), dumped, "0.1 as Jansson writes it");
	free(dumped);
	json_decref(v);

	is_str(ck_value_text(json_true(), buf, &len), "true", "true");
	is_int(len, 4, "its length");
	is_str(ck_value_text(json_false(), buf, &len), "false", "false");
	is_int(len, 5, "its length");
	is_str(ck_value_text(json_false(), buf, NULL), "false", "LEN may be NULL");
	ok(ck_value_text(json_null(), buf, &len) == NULL, "null has no text");
	v = json_object();
	ok(ck_value_text(v, buf, &len) == NULL, "an object has no text");
	json_decref(v);
	v = json_array();
	ok(ck_value_text(v, buf, &len) == NULL, "an array has no text");
	json_decref(v);
	ok(ck_value_text(NULL, buf, &len) == NULL, "NULL has no text");
}

static void
test_split(void)
{
	is_int(ck_path_split_assignment("status=open"), 6, "PATH=VALUE");
	is_int(ck_path_split_assignment("meetings[kind=a=b].date=x"), 23,
	       "'=' inside brackets does not split");
	is_int(ck_path_split_assignment("a[k\\=v=w].b=c"), 11, "an escaped '=' inside");
	is_int(ck_path_split_assignment("a[k\\]=v].b=c"), 10,
	       "an escaped ']' does not close the filter");
	is_int(ck_path_split_assignment("a[\\\\]=x"), 5, "an escaped backslash before ']'");
	is_int(ck_path_split_assignment("a[k=v]=x=y"), 6, "the first '=' after ']'");
	is_int(ck_path_split_assignment("=x"), 0, "'=' first");
	is_int(ck_path_split_assignment("status"), -1, "no '='");
	is_int(ck_path_split_assignment("a[k=v"), -1, "only inside an unclosed filter");
	is_int(ck_path_split_assignment(""), -1, "empty");
	is_int(ck_path_split_assignment("a[k=v\\"), -1, "a backslash at the end");
}

int
main(void)
{
	json_error_t error;

	record = json_loads(record_text, JSON_REJECT_DUPLICATES, &error);
	ok(record != NULL, "the test record parses");
	if (record == NULL) {
		printf("# %s at %d:%d\n", error.text, error.line, error.column);
		return done_testing();
	}
	test_compile();
	test_eval();
	test_paragraph_filters();
	test_value_text();
	test_split();
	json_decref(record);
	return done_testing();
}
