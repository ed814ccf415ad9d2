/* SPDX-License-Identifier: MPL-2.0 */
/* test-checklist.c — unit tests of lib/checklist.c: judging a case by the
 * rules of its set (casekit-rules(5), design section 4 and 5.5). Every
 * kind of rule with its ok, due, overdue, missing and n/a boundaries,
 * "when", "each", waivers, "remind", CK_JUDGE_SHOW_OK, the finding's
 * members and their order, and realistic cases judged by the shipped
 * sets (found through top_srcdir, from make check).
 *
 * The small test sets are written into a mkdtemp folder named by
 * CASEKIT_RULES_PATH. Fixtures (rules, records, expected findings) are
 * written with ' for " to keep them readable; none of them holds an
 * apostrophe, and q() turns them back. T is 2026-11-22 and W 30d unless
 * a test says otherwise. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"
#include "judge.h"

static void
write_sets(void)
{
	write_set("t-deadline", RULE("dl", "'kind':'deadline','from':'start','within':'1m',"
				     "'done':'finished'"));
	write_set("t-from", RULE("fl", "'kind':'deadline','from':['a','b.c'],'within':'10d'"));
	write_set("t-after", RULE("af", "'kind':'deadline','from':'aware','within':'14d',"
				  "'done':['x[].started','y'],'after':true"));
	write_set("t-neg", RULE("ng", "'kind':'deadline','from':'due','within':'-1m',"
				"'done':'handed'"));
	write_set("t-ends", RULE("en", "'kind':'deadline','from':'next','within':'0d',"
				 "'ends':'ends'"));
	write_set("t-rec", RULE("rc", "'kind':'recurring','dates':['m[].date','extra'],"
				"'every':'6m'"));
	write_set("t-rec-start", RULE("rs", "'kind':'recurring','dates':'held','every':'1y',"
				      "'start':'born'"));
	write_set("t-cmax", RULE("cx", "'kind':'count','path':'actors',"
				 "'where':{'authority':'^true$'},'active':true,'max':2"));
	write_set("t-cmin", RULE("cn", "'kind':'count','path':'actors',"
				 "'where':{'coordinator':'^true$'},'active':true,'min':1"));
	write_set("t-crange", RULE("cr", "'kind':'count','path':'items','min':1,'max':2"));
	write_set("t-cwhere", RULE("cw", "'kind':'count','path':'items',"
				   "'where':{'kind':'^x$','n':'^[12]$'},'min':2"));
	write_set("t-present", RULE("pr", "'kind':'present','path':['a','b.c']"));
	write_set("t-match", RULE("mt", "'kind':'match','path':'v','pattern':'^(urgent|42|true)$'"));
	write_set("t-match2", RULE("mu", "'kind':'match','path':'v','pattern':'gen|als'"));
	write_set("t-when", RULE("wp", "'kind':'present','path':'x',"
				 "'when':{'kind':'^a$','n':'[0-9]'}"));
	write_set("t-sectors", RULE("ws", "'kind':'present','path':'x','when':{'sectors':2}"));
	write_set("t-named", RULE("wn", "'kind':'present','path':'x',"
				  "'when':{'sectors':['health','social']}"));
	write_set("t-each", RULE("ei", "'kind':'deadline','each':'items','from':'from',"
				 "'within':'1m','done':'done'"));
	write_set("t-each-filter", RULE("ef", "'kind':'present','each':'items[kind=x]',"
					"'path':'note'"));
	write_set("t-each-root", RULE("er", "'kind':'present','each':'items',"
				      "'path':['note','$.root.thing'],"
				      "'when':{'$.flag':'^on$','kind':'^x$'}"));
	write_set("t-each-trans", RULE("et", "'kind':'deadline','each':'transitions',"
				       "'from':'due','within':'0d','done':'ok'"));
	write_set("t-each-adult", RULE("ea", "'kind':'present','each':'transitions[kind=adult]',"
				       "'path':'decisions_ready'"));
	write_set("t-waive",
		  RULE("wv-plain", "'kind':'present','path':'x'") ","
		  RULE("wv-each", "'kind':'present','each':'items','path':'x'") ","
		  RULE("wv-deadline", "'kind':'deadline','from':'start','within':'0d'"));
	write_set("t-remind",
		  RULE("rm", "'kind':'deadline','from':'d','within':'0d','remind':'6m'") ","
		  RULE("rn", "'kind':'deadline','from':'d','within':'0d'"));
	write_set("t-basis",
		  "{'id':'law1','basis':'law','ref':'Some law § 1','kind':'present','path':'x'"
		  TEXTS ","
		  "{'id':'rec1','basis':'recommendation','ref':'DK 1.4','kind':'present',"
		  "'path':'y'" TEXTS);
	write_set("t-order",
		  RULE("o1", "'kind':'present','path':'a'") ","
		  RULE("o2", "'kind':'present','each':'items','path':'x'") ","
		  RULE("o3", "'kind':'present','path':'b'"));
	write_set("t-coord", RULE("co", "'kind':'coordinator'"));
	write_set("t-consent", RULE("cs", "'kind':'consent'"));
	write_set("t-ks", RULE("ks", "'kind':'knowledge-source','roles':['viso','knowledge-centre']"));
	write_set("t-net", RULE("nm", "'kind':'network-meeting','every':'3m'"));
	write_set("t-cpr", RULE("cp", "'kind':'common-plan-review','every':'6m'"));
	write_set("t-sib", RULE("sb", "'kind':'sibling-support','within':'2m','age':'18y'"));
	write_set("t-tp",
		  RULE("tp", "'kind':'transition-prepare','except':['adult']") ","
		  RULE("ta", "'kind':'transition-prepare','kinds':['adult']"));
	write_set("t-sip", RULE("sp", "'kind':'sip'"));
	write_set("t-refs", RULE("rf", "'kind':'references'"));
	write_set("t-rrec", RULE("rr", "'kind':'recurring','dates':'held','every':'1y','remind':'6m'"));
	write_set("t-rcons", RULE("rq", "'kind':'consent','remind':'6m'"));
	write_set("t-rtp", RULE("rt", "'kind':'transition-prepare','remind':'6m'"));
	write_set("t-rcpr", RULE("rp", "'kind':'common-plan-review','remind':'2m'"));
	write_set("t-earliest", RULE("ea1", "'kind':'deadline','from':{'earliest':['a',"
				     "{'path':'b','plus':'1m'}]},'within':'0d','done':'x'"));
	write_set("t-latest", RULE("la1", "'kind':'deadline','from':{'latest':['a',"
				   "{'path':'b','plus':'1m'}]},'within':'0d','done':'x'"));
	write_set("t-alongside", RULE("al", "'kind':'deadline','each':'items',"
				      "'from':{'earliest':[{'path':'started','plus':'3m'},"
				      "{'path':'$.assess','date':'done','alongside':'started'}]},"
				      "'within':'0d','done':'f'"));
	write_set("t-cases", RULE("ca", "'kind':'deadline','each':'items','from':'d',"
				  "'within':'1m','done':'ok','cases':[{'when':{'kind':'^x$'},"
				  "'within':'2m'},{'when':{'kind':'^y$'},'off':true},"
				  "{'when':{'kind':'^(x|z)$'},'done':'fine'}]"));
	write_set("t-age", RULE("ag", "'kind':'present','path':'x','when':{'age_below':'16y'}") ","
		  RULE("ah", "'kind':'present','each':'items','path':'x',"
		       "'when':{'age_at_least':'16y','age_on':'on'}"));
	write_set("t-para", RULE("pa", "'kind':'present','each':'items','path':'x',"
				 "'when':{'paragraph':'^BL § 32( stk\\\\.| nr\\\\.|$)'}"));
	write_set("t-unless", RULE("ul", "'kind':'deadline','each':'items','from':'applied',"
				   "'within':'8w','unless':'decided','in_time':'notified'"));
	write_set("t-followed",
		  RULE("fr", "'kind':'deadline','from':'d','within':'1m'") ","
		  "{'id':'fl','basis':'law','ref':'T fl','kind':'deadline','from':'d','within':'1m'"
		  TEXTS ","
		  "{'id':'fh','basis':'law','ref':'T fh','kind':'child-heard','each':'decisions'"
		  TEXTS);
	write_set("t-cw", RULE("cw", "'kind':'consent-withdrawn'"));
	write_set("t-ch", RULE("ch", "'kind':'child-heard','each':'decisions'"));
	write_set("t-yp", RULE("yp", "'kind':'youth-plan'"));
	write_set("t-coord-any", RULE("cy", "'kind':'coordinator','municipal':false"));
	write_set("t-defaults",
		  RULE("net6", "'kind':'network-meeting'") ","
		  RULE("cpr6", "'kind':'common-plan-review'") ","
		  RULE("sib3", "'kind':'sibling-support'") ","
		  RULE("ksd", "'kind':'knowledge-source'") ","
		  RULE("tpall", "'kind':'transition-prepare'"));
}

/* The status names are the texts of the checklist, and parse back. */
static void
test_status_names(void)
{
	static const char *const names[] = { "missing", "overdue", "due", "waived", "ok", "n/a" };
	static const ck_finding_status values[] = {
		CK_FINDING_MISSING, CK_FINDING_OVERDUE, CK_FINDING_DUE,
		CK_FINDING_WAIVED, CK_FINDING_OK, CK_FINDING_NA
	};
	size_t i;

	for (i = 0; i < 6; i++) {
		is_str(ck_finding_status_name(values[i]), names[i], "status %zu is named %s", i, names[i]);
		is_int(ck_finding_status_parse(names[i]), values[i], "\"%s\" parses back", names[i]);
	}
	ok(ck_finding_status_name((ck_finding_status)42) == NULL, "another value has no name");
	is_int(ck_finding_status_parse("bogus"), -1, "an unknown name: -1");
	is_int(ck_finding_status_parse(""), -1, "an empty name: -1");
	is_int(ck_finding_status_parse("na"), -1, "\"na\" is not \"n/a\"");
}

/* The result: as_of, ruleset, findings, in that order; a finding's
 * members in the order rule, ref, basis, status, due, item, with due
 * and item only where they apply; basis and ref as the rule says. */
static void
test_result(void)
{
	is_str(result("t-deadline", "{'start':'2026-10-22'}", T0, W0, 0),
	       q("{'as_of':'2026-11-22','ruleset':'t-deadline','findings':["
		 FD("dl", "due", "2026-11-22") "]}"),
	       "result: as_of, ruleset, findings; a deadline finding with due");
	is_str(result("t-deadline", "{'start':'2026-10-22'}", "2026-10-01", W0, 0),
	       q("{'as_of':'2026-10-01','ruleset':'t-deadline','findings':[]}"),
	       "result: as_of is T; no finding to show: an empty array");
	is_str(result("t-basis", "{}", T0, W0, 0),
	       q("{'as_of':'2026-11-22','ruleset':'t-basis','findings':["
		 "{'rule':'law1','ref':'Some law § 1','basis':'law','status':'missing'},"
		 "{'rule':'rec1','ref':'DK 1.4','basis':'recommendation','status':'missing'}]}"),
	       "result: basis and ref as each rule says; no due, no item for present");
	CHECK("t-each", "{'items':[{'id':'i1','from':'2026-10-22'}]}",
	      "[" FDI("ei", "due", "2026-11-22", "i1") "]",
	      "a finding with due and item: due before item, last");
	CHECK("t-order", "{'items':[{},{}]}",
	      "[" F("o1", "missing") "," FI("o2", "missing", "#1") "," FI("o2", "missing", "#2") ","
	      F("o3", "missing") "]",
	      "findings in the set's order of rules, then of each's elements");
	CHECK("t-order", "{'a':1,'b':2,'items':[{'x':1},{}]}",
	      "[" FI("o2", "missing", "#2") "]",
	      "without CK_JUDGE_SHOW_OK only what is wrong is shown");
	CHECK_OK("t-order", "{'a':1,'b':2,'items':[{'x':1},{}]}",
		 "[" F("o1", "ok") "," FI("o2", "ok", "#1") "," FI("o2", "missing", "#2") ","
		 F("o3", "ok") "]",
		 "with CK_JUDGE_SHOW_OK the ok findings too, in place");
}

/* deadline: D = from + within; D = T is due, D = T + W due, D = T + W + 1
 * ok (shown only with CK_JUDGE_SHOW_OK, carrying due), T = D + 1
 * overdue; done: ok without due; no from: n/a. Months are added first,
 * and a month's end is clamped. */
static void
test_deadline(void)
{
	const char *rec = "{'start':'2026-10-22'}";

	CHECK_AT("t-deadline", rec, "2026-11-22", W0, 0, "[" FD("dl", "due", "2026-11-22") "]",
		 "deadline: D = T is due, not overdue");
	CHECK_AT("t-deadline", rec, "2026-11-23", W0, 0, "[" FD("dl", "overdue", "2026-11-22") "]",
		 "deadline: T = D + 1 is overdue, due = D");
	CHECK_AT("t-deadline", rec, "2026-10-23", W0, 0, "[" FD("dl", "due", "2026-11-22") "]",
		 "deadline: D = T + W is due");
	CHECK_AT("t-deadline", rec, "2026-10-22", W0, 0, "[]",
		 "deadline: D = T + W + 1 is ok, not shown");
	CHECK_AT("t-deadline", rec, "2026-10-22", W0, SHOW, "[" FD("dl", "ok", "2026-11-22") "]",
		 "deadline: ok by the date is shown with CK_JUDGE_SHOW_OK, with its due");
	CHECK_AT("t-deadline", rec, "2026-11-21", "0d", SHOW, "[" FD("dl", "ok", "2026-11-22") "]",
		 "deadline: W = 0d: D = T + 1 is ok");
	CHECK_AT("t-deadline", rec, "2026-11-22", "0d", 0, "[" FD("dl", "due", "2026-11-22") "]",
		 "deadline: W = 0d: D = T is due");
	CHECK_AT("t-deadline", rec, "2026-11-08", "14d", 0, "[" FD("dl", "due", "2026-11-22") "]",
		 "deadline: W = 14d: D = T + 14d is due");
	CHECK_AT("t-deadline", "{'start':'2026-10-22','finished':'2026-11-30'}", "2026-11-23", W0,
		 SHOW, "[" F("dl", "ok") "]",
		 "deadline: done: ok without due, even when T is past D");
	CHECK_AT("t-deadline", "{'start':'2026-10-22','finished':'yes'}", "2026-11-23", W0,
		 SHOW, "[" F("dl", "ok") "]",
		 "deadline: any value at done satisfies, not only a date");
	CHECK_AT("t-deadline", "{'start':'2026-10-22','finished':'yes'}", "2026-11-23", W0, 0,
		 "[]", "deadline: done and not shown without CK_JUDGE_SHOW_OK");
	CHECK_OK("t-deadline", "{}", "[" F("dl", "n/a") "]",
		 "deadline: no from: n/a, without due");
	CHECK_OK("t-deadline", "{'start':'2026-02-30'}", "[" F("dl", "n/a") "]",
		 "deadline: from is not a valid date: n/a");
	CHECK("t-deadline", "{}", "[]", "deadline: n/a is not shown without CK_JUDGE_SHOW_OK");
	CHECK_AT("t-deadline", "{'start':'2026-01-31'}", "2026-02-28", "0d", 0,
		 "[" FD("dl", "due", "2026-02-28") "]",
		 "deadline: 1m from 31 January is the last of February");
	CHECK_AT("t-deadline", "{'start':'2027-01-28'}", "2027-01-31", "1m", 0,
		 "[" FD("dl", "due", "2027-02-28") "]",
		 "deadline: W = 1m from 31 January reaches the last of February: due");
	CHECK_AT("t-deadline", "{'start':'2027-02-01'}", "2027-01-31", "1m", SHOW,
		 "[" FD("dl", "ok", "2027-03-01") "]",
		 "deadline: W = 1m from 31 January: 1 March is ok");
	CHECK_AT("t-deadline", "{'start':'2028-01-31'}", "2028-03-01", "0d", 0,
		 "[" FD("dl", "overdue", "2028-02-29") "]",
		 "deadline: 1m from 31 January 2028 is 29 February");

	/* from as a list: the first path that yields a valid date counts;
	 * without done, the date alone decides. */
	CHECK("t-from", "{'b':{'c':'2026-11-12'}}", "[" FD("fl", "due", "2026-11-22") "]",
	      "from list: the first path absent, the next one counts");
	CHECK("t-from", "{'a':'2026-11-01','b':{'c':'2026-11-12'}}",
	      "[" FD("fl", "overdue", "2026-11-11") "]",
	      "from list: the first path present wins over a later one");
	CHECK("t-from", "{'a':'unknown','b':{'c':'2026-11-12'}}",
	      "[" FD("fl", "due", "2026-11-22") "]",
	      "from list: a value that is no date is passed over");
	CHECK("t-from", "{'b':{'c':'2026-12-12'}}", "[" FD("fl", "due", "2026-12-22") "]",
	      "from list, no done: D = T + W is due");
	CHECK_OK("t-from", "{'b':{'c':'2026-12-13'}}", "[" FD("fl", "ok", "2026-12-23") "]",
		 "from list, no done: D = T + W + 1 is ok, with due");
	CHECK_OK("t-from", "{'c':'2026-11-12'}", "[" F("fl", "n/a") "]",
		 "from list: no path yields a date: n/a");

	/* after: only a done date on or after from counts. */
	CHECK("t-after", "{'aware':'2026-11-10','x':[{'started':'2026-11-01'}]}",
	      "[" FD("af", "due", "2026-11-24") "]",
	      "after: a done date before from does not count");
	CHECK_OK("t-after", "{'aware':'2026-11-10','x':[{'started':'2026-11-01'},"
		 "{'started':'2026-11-10'}]}", "[" F("af", "ok") "]",
		 "after: a done date on from counts (any of several values)");
	CHECK_OK("t-after", "{'aware':'2026-11-10','y':'2026-11-12'}", "[" F("af", "ok") "]",
		 "after: a date at the second done path counts");
	CHECK("t-after", "{'aware':'2026-11-10','y':'yes'}", "[" FD("af", "due", "2026-11-24") "]",
	      "after: a done value that is no date does not count");
	CHECK("t-after", "{'aware':'2026-11-01','x':[{'started':'2026-10-31'}]}",
	      "[" FD("af", "overdue", "2026-11-15") "]",
	      "after: a done date the day before from: overdue");

	/* A negative within: a month before. */
	CHECK("t-neg", "{'due':'2026-12-22'}", "[" FD("ng", "due", "2026-11-22") "]",
	      "within -1m: a month before, D = T is due");
	CHECK("t-neg", "{'due':'2026-12-21'}", "[" FD("ng", "overdue", "2026-11-21") "]",
	      "within -1m: D = T - 1 is overdue");
	CHECK_OK("t-neg", "{'due':'2027-01-23'}", "[" FD("ng", "ok", "2026-12-23") "]",
		 "within -1m: D = T + W + 1 is ok");
	CHECK_AT("t-neg", "{'due':'2027-03-31'}", "2027-02-28", "0d", 0,
		 "[" FD("ng", "due", "2027-02-28") "]",
		 "within -1m from 31 March: the last of February");
	CHECK_OK("t-neg", "{'due':'2026-12-21','handed':'a3'}", "[" F("ng", "ok") "]",
		 "within -1m: done: ok");

	/* ends: when the date there is before T, n/a. */
	CHECK("t-ends", "{'next':'2026-11-01'}", "[" FD("en", "overdue", "2026-11-01") "]",
	      "ends absent: judged");
	CHECK_OK("t-ends", "{'next':'2026-11-01','ends':'2026-11-21'}", "[" F("en", "n/a") "]",
		 "ends the day before T: n/a");
	CHECK("t-ends", "{'next':'2026-11-01','ends':'2026-11-22'}",
	      "[" FD("en", "overdue", "2026-11-01") "]", "ends on T: still judged");
	CHECK("t-ends", "{'next':'2026-12-01','ends':'2027-01-01'}",
	      "[" FD("en", "due", "2026-12-01") "]", "ends after T: judged, due");
}

/* recurring: the latest date held (≤ T) + every, else start (default
 * opened) + every, else n/a; judged like a deadline without done. */
static void
test_recurring(void)
{
	CHECK("t-rec", "{'opened':'2026-01-01','m':[{'date':'2026-05-22'},{'date':'2026-03-01'}]}",
	      "[" FD("rc", "due", "2026-11-22") "]",
	      "recurring: the latest date (not the last one) + every; D = T is due");
	CHECK("t-rec", "{'opened':'2026-01-01','m':[{'date':'2026-05-21'},{'date':'2026-12-01'}]}",
	      "[" FD("rc", "overdue", "2026-11-21") "]",
	      "recurring: a date after T is not held");
	CHECK("t-rec", "{'opened':'2026-06-01'}", "[" FD("rc", "due", "2026-12-01") "]",
	      "recurring: no date held: from opened");
	CHECK("t-rec", "{'opened':'2026-01-10','m':[{'date':'2026-12-01'}]}",
	      "[" FD("rc", "overdue", "2026-07-10") "]",
	      "recurring: only a date after T: from opened");
	CHECK_OK("t-rec", "{'m':[]}", "[" F("rc", "n/a") "]",
		 "recurring: no date and no opened: n/a");
	CHECK_OK("t-rec", "{'opened':'2026-01-01','extra':'2026-10-01'}",
		 "[" FD("rc", "ok", "2027-04-01") "]",
		 "recurring: the second path of dates counts; ok carries due");
	CHECK("t-rec", "{'opened':'2020-01-01','m':[{'date':'2026-04-01'}],'extra':'2026-05-22'}",
	      "[" FD("rc", "due", "2026-11-22") "]",
	      "recurring: the latest date across all paths");
	CHECK_OK("t-rec", "{'opened':'2026-01-01','m':[{'date':'2026-11-22'}]}",
		 "[" FD("rc", "ok", "2027-05-22") "]", "recurring: a date on T is held");
	CHECK("t-rec", "{'opened':'2026-05-22','m':[{'date':'soon'}]}",
	      "[" FD("rc", "due", "2026-11-22") "]",
	      "recurring: a value that is no date is not held");
	CHECK("t-rec", "{'opened':'2026-05-23'}", "[" FD("rc", "due", "2026-11-23") "]",
	      "recurring: D = T + 1 within W: due");
	CHECK_AT("t-rec", "{'opened':'2026-05-23'}", T0, "0d", SHOW,
		 "[" FD("rc", "ok", "2026-11-23") "]", "recurring: W = 0d, D = T + 1: ok");

	CHECK("t-rec-start", "{'born':'2025-11-22','opened':'2026-11-01'}",
	      "[" FD("rs", "due", "2026-11-22") "]",
	      "recurring with start: no date held, from start");
	CHECK_OK("t-rec-start", "{'opened':'2026-01-01'}", "[" F("rs", "n/a") "]",
		 "recurring with start absent: n/a, opened not used");
	CHECK_OK("t-rec-start", "{'born':'2020-01-01','held':'2026-01-01'}",
		 "[" FD("rs", "ok", "2027-01-01") "]",
		 "recurring with start: a date held wins over start");
}

/* count: the elements kept by every where condition and, with active,
 * only actors active on T; missing outside [min, max]; no due, no item. */
static void
test_count(void)
{
#define A1 "{'id':'a1','authority':true}"
#define A2 "{'id':'a2','authority':true,'since':'2026-11-22'}"
#define A3 "{'id':'a3','authority':true,'until':'2026-11-22'}"
#define A4 "{'id':'a4','authority':true,'since':'2026-11-23'}"
#define A5 "{'id':'a5','authority':false}"
#define A6 "{'id':'a6','authority':true,'until':'2026-11-23'}"
	CHECK_OK("t-cmax", "{'actors':[" A1 "," A2 "," A3 "," A4 "," A5 "]}", "[" F("cx", "ok") "]",
		 "count: 2 active with authority (ended on T and starting tomorrow not): ok");
	CHECK("t-cmax", "{'actors':[" A1 "," A2 "," A3 "," A4 "," A5 "," A6 "]}",
	      "[" F("cx", "missing") "]",
	      "count: 3 active (one until tomorrow) above max 2: missing, no due");
	CHECK_OK("t-cmax", "{}", "[" F("cx", "ok") "]", "count: none, no min: ok");
#undef A1
#undef A2
#undef A3
#undef A4
#undef A5
#undef A6
	CHECK("t-cmin", "{'actors':[{'id':'a1','coordinator':true,'until':'2026-11-22'}]}",
	      "[" F("cn", "missing") "]", "count: the only coordinator ended on T: below min");
	CHECK_OK("t-cmin", "{'actors':[{'id':'a1','coordinator':true,'until':'2026-11-23'}]}",
		 "[" F("cn", "ok") "]", "count: a coordinator until tomorrow: ok");
	CHECK("t-cmin", "{}", "[" F("cn", "missing") "]", "count: no actors, min 1: missing");

	CHECK("t-crange", "{'items':[]}", "[" F("cr", "missing") "]", "count: 0 below min 1");
	CHECK_OK("t-crange", "{'items':['x']}", "[" F("cr", "ok") "]", "count: 1 in [1, 2]");
	CHECK_OK("t-crange", "{'items':['x','y']}", "[" F("cr", "ok") "]", "count: 2 in [1, 2]");
	CHECK("t-crange", "{'items':['x','y','z']}", "[" F("cr", "missing") "]",
	      "count: 3 above max 2");
	CHECK("t-crange", "{}", "[" F("cr", "missing") "]", "count: the path absent counts 0");
	CHECK_OK("t-crange", "{'items':[{'until':'2020-01-01'},{'since':'2030-01-01'}]}",
		 "[" F("cr", "ok") "]", "count without active: ended elements count too");

	CHECK_OK("t-cwhere", "{'items':[{'kind':'x','n':1},{'kind':'x','n':3},{'kind':'y','n':2},"
		 "{'kind':'x','n':'2'},{'kind':'x'}]}", "[" F("cw", "ok") "]",
		 "count where: every condition must hold; a number matches by its text");
	CHECK("t-cwhere", "{'items':[{'kind':'x','n':1},{'kind':'x','n':3},{'kind':'y','n':2},"
	      "{'kind':'x'}]}", "[" F("cw", "missing") "]",
	      "count where: one element kept, below min 2");
}

/* present: every path yields a non-null value; match: some value at the
 * path matches the pattern (unanchored; numbers and booleans by their
 * JSON text; objects never). */
static void
test_present_match(void)
{
	CHECK_OK("t-present", "{'a':1,'b':{'c':'x'}}", "[" F("pr", "ok") "]",
		 "present: both paths present: ok");
	CHECK("t-present", "{'a':1}", "[" F("pr", "missing") "]",
	      "present: one of the paths absent: missing");
	CHECK("t-present", "{'b':{'c':'x'}}", "[" F("pr", "missing") "]",
	      "present: the first path absent: missing");
	CHECK("t-present", "{'a':1,'b':{'c':null}}", "[" F("pr", "missing") "]",
	      "present: null is not present");
	CHECK_OK("t-present", "{'a':false,'b':{'c':0}}", "[" F("pr", "ok") "]",
		 "present: false and 0 are present");
	CHECK("t-present", "{'a':[],'b':{'c':'x'}}", "[" F("pr", "missing") "]",
	      "present: an empty array yields no value");

	CHECK_OK("t-match", "{'v':'urgent'}", "[" F("mt", "ok") "]", "match: a string matches");
	CHECK_OK("t-match", "{'v':42}", "[" F("mt", "ok") "]", "match: a number by its JSON text");
	CHECK_OK("t-match", "{'v':true}", "[" F("mt", "ok") "]", "match: true by its JSON text");
	CHECK_OK("t-match", "{'v':['a','urgent']}", "[" F("mt", "ok") "]",
		 "match: any value of an array");
	CHECK("t-match", "{'v':{'x':'urgent'}}", "[" F("mt", "missing") "]",
	      "match: an object never matches");
	CHECK("t-match", "{'v':'not urgent'}", "[" F("mt", "missing") "]",
	      "match: the pattern's anchors hold");
	CHECK("t-match", "{}", "[" F("mt", "missing") "]", "match: the path absent: missing");
	CHECK_OK("t-match2", "{'v':'urgent'}", "[" F("mu", "ok") "]", "match: unanchored");
	CHECK_OK("t-match2", "{'v':false}", "[" F("mu", "ok") "]",
		 "match: false by its JSON text, unanchored");
	CHECK("t-match2", "{'v':'other'}", "[" F("mu", "missing") "]", "match: no match: missing");
}

/* when: every condition must hold, else n/a; "sectors": N counts the
 * distinct sectors of the actors active on T, family not counted. */
static void
test_when(void)
{
	CHECK("t-when", "{'kind':'a','n':7}", "[" F("wp", "missing") "]",
	      "when: both conditions hold (a number by its text): judged");
	CHECK_OK("t-when", "{'kind':'a','n':7,'x':1}", "[" F("wp", "ok") "]",
		 "when: holds, and the rule is met: ok");
	CHECK_OK("t-when", "{'kind':'b','n':7}", "[" F("wp", "n/a") "]",
		 "when: one condition fails: n/a");
	CHECK_OK("t-when", "{'kind':'a'}", "[" F("wp", "n/a") "]",
		 "when: a missing path does not hold");
	CHECK_OK("t-when", "{'kind':'a','n':{'v':7}}", "[" F("wp", "n/a") "]",
		 "when: an object never matches");
	CHECK("t-when", "{'kind':['b','a'],'n':'a1b'}", "[" F("wp", "missing") "]",
	      "when: any value at the path may match; unanchored");
	CHECK_OK("t-when", "{'kind':'ab','n':1}", "[" F("wp", "n/a") "]",
		 "when: the pattern's anchors hold");

	CHECK("t-sectors", "{'actors':[{'id':'a1','sector':'social'},{'id':'a2','sector':'health'}]}",
	      "[" F("ws", "missing") "]", "sectors 2: social and health: applies");
	CHECK_OK("t-sectors", "{'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'social'}]}", "[" F("ws", "n/a") "]",
		 "sectors 2: one sector twice: n/a");
	CHECK_OK("t-sectors", "{'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'family'}]}", "[" F("ws", "n/a") "]",
		 "sectors 2: family not counted");
	CHECK_OK("t-sectors", "{'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'health','until':'2026-11-22'}]}", "[" F("ws", "n/a") "]",
		 "sectors 2: an actor ended on T not counted");
	CHECK_OK("t-sectors", "{'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'health','since':'2026-11-23'}]}", "[" F("ws", "n/a") "]",
		 "sectors 2: an actor starting tomorrow not counted");
	CHECK("t-sectors", "{'actors':[{'id':'a1','sector':'social','since':'2026-11-22'},"
	      "{'id':'a2','sector':'health','until':'2026-11-23'}]}", "[" F("ws", "missing") "]",
	      "sectors 2: since T and until tomorrow are active");
	CHECK_OK("t-sectors", "{'actors':[{'id':'a1','sector':'social'},{'id':'a2'},"
		 "{'id':'a3','sector':'family'}]}", "[" F("ws", "n/a") "]",
		 "sectors 2: an actor without a sector adds none");
	CHECK_OK("t-sectors", "{}", "[" F("ws", "n/a") "]", "sectors 2: no actors: n/a");
	CHECK_OK("t-sectors", "{'x':1,'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'education'},{'id':'a3','sector':'health'}]}",
		 "[" F("ws", "ok") "]", "sectors 2: three sectors: applies");

	/* "sectors": [names]: each named sector has an actor active on T. */
	CHECK("t-named", "{'actors':[{'id':'a1','sector':'social'},{'id':'a2','sector':'health'}]}",
	      "[" F("wn", "missing") "]", "sectors [health, social]: both take part: applies");
	CHECK_OK("t-named", "{'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'education'}]}", "[" F("wn", "n/a") "]",
		 "sectors [health, social]: two sectors, not health: n/a");
	CHECK_OK("t-named", "{'actors':[{'id':'a1','sector':'social'},"
		 "{'id':'a2','sector':'health','until':'2026-11-22'}]}", "[" F("wn", "n/a") "]",
		 "sectors [health, social]: the health actor ended on T: n/a");
	CHECK("t-named", "{'actors':[{'id':'a1','sector':'social'},{'id':'a2','sector':'health'},"
	      "{'id':'a3','sector':'education'}]}", "[" F("wn", "missing") "]",
	      "sectors [health, social]: a third sector besides: applies");
}

/* each: one finding per element, item its string id, a transition's
 * kind, or #N among the elements the path yielded; paths relative to the
 * element, $. from the root, also in when. */
static void
test_each(void)
{
	const char *items = "{'items':[{'id':'i1','from':'2026-10-22'},{'from':'2026-10-01'},"
		"{'id':'i3','from':'2026-10-22','done':'2026-11-01'},{'id':7,'from':'2026-10-22'}]}";

	CHECK("t-each", items,
	      "[" FDI("ei", "due", "2026-11-22", "i1") "," FDI("ei", "overdue", "2026-11-01", "#2") ","
	      FDI("ei", "due", "2026-11-22", "#4") "]",
	      "each: item the id, else #N; an id that is no string is passed over");
	CHECK_OK("t-each", items,
		 "[" FDI("ei", "due", "2026-11-22", "i1") ","
		 FDI("ei", "overdue", "2026-11-01", "#2") "," FI("ei", "ok", "i3") ","
		 FDI("ei", "due", "2026-11-22", "#4") "]",
		 "each with CK_JUDGE_SHOW_OK: every element in order");
	CHECK_OK("t-each", "{'items':[]}", "[]", "each: no elements: no finding");
	CHECK_OK("t-each", "{}", "[]", "each: the path absent: no finding");
	CHECK_OK("t-each", "{'items':[{'id':'i1'}]}", "[" FI("ei", "n/a", "i1") "]",
		 "each: n/a carries the item");
	CHECK_OK("t-each", "{'from':'2026-10-22','items':[{'id':'i1'}]}",
		 "[" FI("ei", "n/a", "i1") "]",
		 "each: paths inside are relative to the element, not the root");
	CHECK_OK("t-each-filter", "{'items':[{'kind':'y'},{'kind':'x'},{'kind':'x','note':'n'}]}",
		 "[" FI("ef", "missing", "#1") "," FI("ef", "ok", "#2") "]",
		 "each: #N counts among the elements the filtered path yields");

	CHECK_OK("t-each-root", "{'flag':'on','kind':'y','root':{'thing':1},'items':["
		 "{'id':'i1','kind':'x','note':'n'},{'id':'i2','kind':'y'},{'id':'i3','kind':'x'}]}",
		 "[" FI("er", "ok", "i1") "," FI("er", "n/a", "i2") "," FI("er", "missing", "i3") "]",
		 "each: when mixes $. and relative paths; the rule's paths too");
	CHECK_OK("t-each-root", "{'flag':'off','root':{'thing':1},'items':["
		 "{'id':'i1','kind':'x','note':'n','flag':'on'}]}", "[" FI("er", "n/a", "i1") "]",
		 "each: $. in when reads the root, not the element");
	CHECK("t-each-root", "{'flag':'on','items':[{'id':'i1','kind':'x','note':'n',"
	      "'root':{'thing':1}}]}", "[" FI("er", "missing", "i1") "]",
	      "each: $. in the rule's path reads the root, not the element");

	CHECK("t-each-trans", "{'transitions':[{'kind':'school','due':'2026-11-22'},"
	      "{'id':'t2','kind':'job','due':'2026-11-01'},{'due':'2026-11-22'}]}",
	      "[" FDI("et", "due", "2026-11-22", "school") ","
	      FDI("et", "overdue", "2026-11-01", "t2") "," FDI("et", "due", "2026-11-22", "#3") "]",
	      "each over transitions: item the kind; an id first; neither: #N");
	CHECK("t-each-adult", "{'transitions':[{'kind':'school'},{'kind':'adult'}]}",
	      "[" FI("ea", "missing", "adult") "]",
	      "each over a filtered transitions path: item the kind");
}

/* Waivers: same rule and same item (both absent, or equal), until
 * absent or ≥ T: missing, overdue and due become waived, keeping due. */
static void
test_waivers(void)
{
#define WREC(waivers) "{'items':[{'id':'i1'},{'id':'i2'}],'start':'2026-11-01','waivers':" \
	waivers "}"
	CHECK("t-waive", WREC("[]"),
	      "[" F("wv-plain", "missing") "," FI("wv-each", "missing", "i1") ","
	      FI("wv-each", "missing", "i2") "," FD("wv-deadline", "overdue", "2026-11-01") "]",
	      "waivers: none, nothing waived");
	CHECK("t-waive", WREC("[{'id':'w1','rule':'wv-plain','reason':'r'},"
			      "{'id':'w2','rule':'wv-each','item':'i1'},"
			      "{'id':'w3','rule':'wv-deadline','until':'2026-11-22'}]"),
	      "[" F("wv-plain", "waived") "," FI("wv-each", "waived", "i1") ","
	      FI("wv-each", "missing", "i2") "," FD("wv-deadline", "waived", "2026-11-01") "]",
	      "waivers: the same rule and item cover; until T covers; due stays");
	CHECK("t-waive", WREC("[{'rule':'wv-plain','item':'i1'},{'rule':'wv-each'},"
			      "{'rule':'wv-each','item':'i3'},"
			      "{'rule':'wv-deadline','until':'2026-11-21'},"
			      "{'rule':'other','item':'i2'}]"),
	      "[" F("wv-plain", "missing") "," FI("wv-each", "missing", "i1") ","
	      FI("wv-each", "missing", "i2") "," FD("wv-deadline", "overdue", "2026-11-01") "]",
	      "waivers: an item where the finding has none, none where it has one, another "
	      "item, expired, another rule: none covers");
	CHECK("t-waive", "{'x':1,'start':'2026-11-30','waivers':[{'rule':'wv-deadline',"
	      "'until':'2027-01-01'}]}", "[" FD("wv-deadline", "waived", "2026-11-30") "]",
	      "waivers: a due finding is waived, keeping its due");
	CHECK("t-waive", "{'x':1,'items':[{'id':'i1'},{}],'waivers':[{'rule':'wv-each','item':'#2'}]}",
	      "[" FI("wv-each", "missing", "i1") "," FI("wv-each", "waived", "#2") "]",
	      "waivers: an item #N is covered by a waiver naming #N");
	CHECK_OK("t-waive", "{'x':1,'items':[{'id':'i1','x':1}],'waivers':[{'rule':'wv-plain'},"
		 "{'rule':'wv-each','item':'i1'},{'rule':'wv-deadline'}]}",
		 "[" F("wv-plain", "ok") "," FI("wv-each", "ok", "i1") "," F("wv-deadline", "n/a") "]",
		 "waivers: ok and n/a are not waived");
#undef WREC
}

/* remind: a rule's own reminder window replaces W. */
static void
test_remind(void)
{
	CHECK("t-remind", "{'d':'2027-05-22'}", "[" FD("rm", "due", "2027-05-22") "]",
	      "remind 6m: D = T + 6m is due while W is 30d");
	CHECK_OK("t-remind", "{'d':'2027-05-23'}",
		 "[" FD("rm", "ok", "2027-05-23") "," FD("rn", "ok", "2027-05-23") "]",
		 "remind 6m: D = T + 6m + 1 is ok");
	CHECK_AT("t-remind", "{'d':'2027-06-01'}", T0, "1y", 0, "[" FD("rn", "due", "2027-06-01") "]",
		 "remind 6m replaces a wider W too");
	CHECK("t-remind", "{'d':'2026-12-22'}",
	      "[" FD("rm", "due", "2026-12-22") "," FD("rn", "due", "2026-12-22") "]",
	      "remind: both rules due within 30d");
	CHECK("t-remind", "{'d':'2026-11-21'}",
	      "[" FD("rm", "overdue", "2026-11-21") "," FD("rn", "overdue", "2026-11-21") "]",
	      "remind does not change overdue");

	/* remind on the other kinds that have a due date. */
	CHECK("t-rrec", "{'held':'2026-05-22'}", "[" FD("rr", "due", "2027-05-22") "]",
	      "remind 6m on a recurring rule: D = T + 6m is due");
	CHECK_OK("t-rrec", "{'held':'2026-05-23'}", "[" FD("rr", "ok", "2027-05-23") "]",
		 "remind 6m on a recurring rule: D = T + 6m + 1 is ok");
	CHECK("t-rcons", "{'actors':[{'id':'a2','sector':'health'}],'consents':[{'given':'2026-01-01',"
	      "'expires':'2027-05-22','recipients':['a2']}]}",
	      "[" FDI("rq", "due", "2027-05-22", "a2") "]",
	      "remind 6m on consent: an expiry at T + 6m is due");
	SUMMARY("t-rcons", "{'actors':[{'id':'a2','sector':'health'}],'consents':[{'given':'2026-01-01',"
		"'expires':'2027-05-23','recipients':['a2']}]}", "rq:ok:a2",
		"remind 6m on consent: an expiry at T + 6m + 1 is ok");
	CHECK("t-rtp", "{'transitions':[{'kind':'school','due':'2027-08-01','prepare_from':'2027-05-22',"
	      "'status':'planned'}]}", "[" FDI("rt", "due", "2027-05-22", "school") "]",
	      "remind 6m on transition-prepare: prepare_from at T + 6m is due");
	CHECK("t-rcpr", "{'plans':{'common':{'next_review':'2027-01-22'}}}",
	      "[" FD("rp", "due", "2027-01-22") "]",
	      "remind 2m on common-plan-review: next_review at T + 2m is due");
	CHECK_OK("t-rcpr", "{'plans':{'common':{'next_review':'2027-01-23'}}}",
		 "[" FD("rp", "ok", "2027-01-23") "]",
		 "remind 2m on common-plan-review: next_review at T + 2m + 1 is ok");
}

/* coordinator: exactly one active actor with coordinator true, and it
 * municipal. */
static void
test_coordinator(void)
{
	CHECK_OK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':true},"
		 "{'id':'a2','municipal':true}]}", "[" F("co", "ok") "]",
		 "coordinator: one, municipal: ok");
	CHECK("t-coord", "{'actors':[{'id':'a1','municipal':true}]}", "[" F("co", "missing") "]",
	      "coordinator: none: missing");
	CHECK("t-coord", "{}", "[" F("co", "missing") "]", "coordinator: no actors: missing");
	CHECK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':true},"
	      "{'id':'a2','coordinator':true,'municipal':true}]}", "[" F("co", "missing") "]",
	      "coordinator: two active: missing");
	CHECK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':false}]}",
	      "[" F("co", "missing") "]", "coordinator: not municipal: missing");
	CHECK("t-coord", "{'actors':[{'id':'a1','coordinator':true}]}", "[" F("co", "missing") "]",
	      "coordinator: municipal absent means false: missing");
	CHECK_OK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':true,"
		 "'until':'2026-11-01'},{'id':'a2','coordinator':true,'municipal':true,"
		 "'since':'2026-11-01'}]}", "[" F("co", "ok") "]",
		 "coordinator: one ended and its successor: ok");
	CHECK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':true,"
	      "'until':'2026-11-22'}]}", "[" F("co", "missing") "]",
	      "coordinator: the only one ended on T: missing");
	CHECK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':true,"
	      "'since':'2026-11-23'}]}", "[" F("co", "missing") "]",
	      "coordinator: the only one starts tomorrow: missing");
}

/* consent: one finding per active actor that needs consent; the latest
 * consent naming it decides. */
static void
test_consent(void)
{
#define ACTORS2 "'actors':[{'id':'a1','sector':'social','municipal':true},{'id':'a2','sector':'health'}]"
#define C2(consents) "{" ACTORS2 ",'consents':" consents "}"
	CHECK_OK("t-consent", "{'actors':[{'id':'a1','sector':'social','municipal':true},"
		 "{'id':'a2','sector':'health'},{'id':'a3','sector':'family'},"
		 "{'id':'a4','sector':'education','receives_data':false},"
		 "{'id':'a5','sector':'health','until':'2026-11-01'},"
		 "{'id':'a6','sector':'civil','municipal':false},"
		 "{'id':'a7','sector':'health','since':'2026-11-23'},"
		 "{'id':'a8','sector':'education','receives_data':true}],"
		 "'consents':[{'id':'c1','given':'2026-01-01','recipients':['a1','a2','a5']}]}",
		 "[" FI("cs", "ok", "a2") "," FI("cs", "missing", "a6") "," FI("cs", "missing", "a8") "]",
		 "consent: a finding per actor that needs one, in actor order; none for municipal, "
		 "family, no-data, ended and future actors");
	CHECK("t-consent", C2("[{'given':'2026-01-01','expires':'2026-12-02','recipients':['a2']}]"),
	      "[" FDI("cs", "due", "2026-12-02", "a2") "]", "consent: expires in 10 days: due");
	CHECK("t-consent", C2("[{'given':'2026-01-01','expires':'2026-12-22','recipients':['a2']}]"),
	      "[" FDI("cs", "due", "2026-12-22", "a2") "]", "consent: expires on T + W: due");
	SUMMARY("t-consent", C2("[{'given':'2026-01-01','expires':'2026-12-23','recipients':['a2']}]"),
		"cs:ok:a2", "consent: expires on T + W + 1: ok");
	CHECK("t-consent", C2("[{'given':'2026-01-01','expires':'2026-12-23','recipients':['a2']}]"),
	      "[]", "consent: ok is not shown without CK_JUDGE_SHOW_OK");
	CHECK("t-consent", C2("[{'given':'2026-01-01','expires':'2026-11-22','recipients':['a2']}]"),
	      "[" FDI("cs", "due", "2026-11-22", "a2") "]",
	      "consent: valid through its expiry day: due on T, not overdue");
	CHECK("t-consent", C2("[{'given':'2026-01-01','expires':'2026-11-21','recipients':['a2']}]"),
	      "[" FDI("cs", "overdue", "2026-11-21", "a2") "]",
	      "consent: expired the day before T: overdue, due = expires");
	CHECK_OK("t-consent", C2("[{'refused':'2026-10-01','recipients':['a2']}]"),
		 "[" FI("cs", "n/a", "a2") "]", "consent: refused: n/a");
	CHECK("t-consent", C2("[{'refused':'2026-10-01','recipients':['a2']}]"), "[]",
	      "consent: refused is not shown without CK_JUDGE_SHOW_OK");
	CHECK_OK("t-consent", C2("[{'given':'2026-01-01','withdrawn':'2026-11-01','recipients':['a2']}]"),
		 "[" FI("cs", "n/a", "a2") "]",
		 "consent: withdrawn: n/a here (consent-withdrawn says stop sharing; never obtain again)");
	CHECK_OK("t-consent", C2("[{'given':'2026-01-01','withdrawn':'2026-11-22','recipients':['a2']}]"),
		 "[" FI("cs", "n/a", "a2") "]", "consent: withdrawn on T: n/a");
	CHECK_OK("t-consent", C2("[{'given':'2026-01-01','withdrawn':'2026-12-01','recipients':['a2']}]"),
		 "[" FI("cs", "ok", "a2") "]", "consent: withdrawn after T: still given");
	CHECK("t-consent", C2("[{'given':'2026-01-01','recipients':['a9']}]"),
	      "[" FI("cs", "missing", "a2") "]", "consent: none names the actor: missing");
	CHECK("t-consent", "{" ACTORS2 "}", "[" FI("cs", "missing", "a2") "]",
	      "consent: no consents at all: missing");
	CHECK_OK("t-consent", C2("[{'given':'2025-01-01','recipients':['a2']},"
				 "{'refused':'2026-06-01','recipients':['a2']}]"),
		 "[" FI("cs", "n/a", "a2") "]", "consent: a later refusal decides");
	CHECK_OK("t-consent", C2("[{'given':'2026-06-01','recipients':['a2']},"
				 "{'refused':'2026-01-01','recipients':['a2']}]"),
		 "[" FI("cs", "ok", "a2") "]", "consent: the latest by date, not by place");
	CHECK_OK("t-consent", C2("[{'given':'2026-05-01','recipients':['a2']},"
				 "{'refused':'2026-05-01','recipients':['a2']}]"),
		 "[" FI("cs", "n/a", "a2") "]", "consent: the same date, the later entry wins (refused)");
	CHECK_OK("t-consent", C2("[{'refused':'2026-05-01','recipients':['a2']},"
				 "{'given':'2026-05-01','recipients':['a2']}]"),
		 "[" FI("cs", "ok", "a2") "]", "consent: the same date, the later entry wins (given)");
	CHECK_OK("t-consent", C2("[{'given':'2025-01-01','expires':'2026-01-01','recipients':['a2']},"
				 "{'given':'2026-02-01','recipients':['a2']}]"),
		 "[" FI("cs", "ok", "a2") "]", "consent: an expired one renewed: ok");
	CHECK("t-consent", C2("[{'given':'2026-02-01','expires':'2026-11-01','recipients':['a2']},"
			      "{'given':'2025-01-01','recipients':['a2']}]"),
	      "[" FDI("cs", "overdue", "2026-11-01", "a2") "]",
	      "consent: the latest decides even where an older one would hold");
	CHECK_OK("t-consent", C2("[{'given':'2026-01-01','recipients':['a2']},"
				 "{'withdrawn':'2026-10-01','recipients':['a2']}]"),
		 "[" FI("cs", "n/a", "a2") "]",
		 "consent: an entry dated by its withdrawal, later than the given one: n/a");
	CHECK("t-consent", C2("[{'given':'2026-01-01','recipients':['a1']}]"),
	      "[" FI("cs", "missing", "a2") "]",
	      "consent: a consent naming another actor does not count");
	/* The parents' consent holds at the latest through the day before
	 * the 18th birthday: then the young person consents for themself. */
#define C18(born, by, expires) "{'child':{'born':'" born "'}," ACTORS2 ",'consents':[{'given':" \
	"'2026-01-01','given_by':'" by "'" expires ",'recipients':['a2']}]}"
	CHECK("t-consent", C18("2008-12-10", "parents", ",'expires':'2027-06-01'"),
	      "[" FDI("cs", "due", "2026-12-09", "a2") "]",
	      "consent: the parents' consent ends the day before the 18th birthday, not at its expiry");
	CHECK("t-consent", C18("2008-12-10", "guardian", ""),
	      "[" FDI("cs", "due", "2026-12-09", "a2") "]",
	      "consent: a guardian's without expiry ends the day before the 18th birthday");
	CHECK("t-consent", C18("2008-11-23", "parents", ",'expires':'2027-06-01'"),
	      "[" FDI("cs", "due", "2026-11-22", "a2") "]",
	      "consent: the parents' consent on its last day (the day before the 18th birthday): due");
	CHECK("t-consent", C18("2008-11-22", "parents", ",'expires':'2027-06-01'"),
	      "[" FDI("cs", "overdue", "2026-11-21", "a2") "]",
	      "consent: on the 18th birthday the parents' consent no longer holds: overdue");
	CHECK("t-consent", C18("2008-11-22", "young-person", ",'expires':'2026-12-01'"),
	      "[" FDI("cs", "due", "2026-12-01", "a2") "]",
	      "consent: the young person's own consent runs to its expiry");
	CHECK("t-consent", C18("2010-01-01", "parents", ",'expires':'2026-12-01'"),
	      "[" FDI("cs", "due", "2026-12-01", "a2") "]",
	      "consent: an expiry before the 18th birthday stays");
	CHECK_OK("t-consent", C2("[{'given':'2026-01-01','given_by':'parents','recipients':['a2']}]"),
		 "[" FI("cs", "ok", "a2") "]",
		 "consent: the parents' consent of a child without a birth date: no end");
	{
		json_t *rec = json_loads(q(C18("2008-11-22", "parents", "")), 0, NULL);

		is_str(rec != NULL ? ck_actor_consent_state(rec, json_array_get(json_object_get(rec,
							"actors"), 1), day(T0)) : NULL,
		       "expired", "ck_actor_consent_state: the parents' consent has expired at 18");
		is_str(rec != NULL ? ck_actor_consent_state(rec, json_array_get(json_object_get(rec,
							"actors"), 1), day("2026-11-21")) : NULL,
		       "given", "ck_actor_consent_state: and held the day before");
		json_decref(rec);
	}
#undef C18
#undef C2
#undef ACTORS2
}

/* from: the earliest or latest of its items, each the earliest date its
 * path yields, plus its "plus"; "alongside". */
static void
test_from(void)
{
	CHECK("t-earliest", "{'a':'2026-12-01','b':'2026-10-15'}",
	      "[" FD("ea1", "overdue", "2026-11-15") "]",
	      "from earliest: b + 1m comes before a");
	CHECK("t-earliest", "{'a':'2026-12-01'}", "[" FD("ea1", "due", "2026-12-01") "]",
	      "from earliest: the items present");
	CHECK_OK("t-earliest", "{}", "[" F("ea1", "n/a") "]", "from earliest: none present: n/a");
	CHECK("t-earliest", "{'b':['2026-12-01','2026-11-01']}",
	      "[" FD("ea1", "due", "2026-12-01") "]",
	      "from earliest: an item's path with two dates gives its earliest");
	CHECK_OK("t-earliest", "{'a':'2026-12-01','x':'2026-11-30'}", "[" F("ea1", "ok") "]",
		 "from earliest: done is done");
	CHECK("t-latest", "{'a':'2026-12-01','b':'2026-10-15'}", "[" FD("la1", "due", "2026-12-01") "]",
	      "from latest: a comes after b + 1m");
	CHECK("t-latest", "{'b':'2026-10-15'}", "[" FD("la1", "overdue", "2026-11-15") "]",
	      "from latest: the one item present");
	CHECK("t-latest", "{'a':'soon','b':'2026-10-15'}", "[" FD("la1", "overdue", "2026-11-15") "]",
	      "from latest: a value that is no date is not present");

#define AL(assess) "{'items':[{'id':'i1','started':'2026-09-01'}],'assess':[" assess "]}"
	CHECK("t-alongside", AL("{'started':'2026-08-20','done':'2026-10-10'}"),
	      "[" FDI("al", "overdue", "2026-10-10", "i1") "]",
	      "alongside: an assessment begun before and finished after the start ends the clock");
	CHECK("t-alongside", AL("{'started':'2026-09-01','done':'2026-10-10'}"),
	      "[" FDI("al", "overdue", "2026-10-10", "i1") "]",
	      "alongside: begun the same day counts");
	CHECK("t-alongside", AL("{'started':'2026-09-02','done':'2026-10-10'}"),
	      "[" FDI("al", "due", "2026-12-01", "i1") "]",
	      "alongside: begun the day after does not: 3 months after the start");
	CHECK("t-alongside", AL("{'started':'2026-08-01','done':'2026-09-01'}"),
	      "[" FDI("al", "due", "2026-12-01", "i1") "]",
	      "alongside: finished on the start day did not run alongside");
	CHECK("t-alongside", AL("{'started':'2026-08-01','done':'2026-09-02'}"),
	      "[" FDI("al", "overdue", "2026-09-02", "i1") "]",
	      "alongside: finished the day after the start did");
	CHECK("t-alongside", AL("{'started':'2026-08-01'}"),
	      "[" FDI("al", "due", "2026-12-01", "i1") "]",
	      "alongside: one not finished gives no date");
	CHECK("t-alongside", AL("{'done':'2026-10-01'}"),
	      "[" FDI("al", "due", "2026-12-01", "i1") "]",
	      "alongside: one without a start gives no date");
	CHECK("t-alongside", AL("{'started':'2026-08-01','done':'2026-10-10'},"
				"{'started':'2026-08-15','done':'2026-10-05'}"),
	      "[" FDI("al", "overdue", "2026-10-05", "i1") "]",
	      "alongside: of two, the earlier finish");
	CHECK("t-alongside", "{'items':[{'id':'i1'}],'assess':[{'started':'2026-08-01',"
	      "'done':'2026-10-10'}]}", "[]",
	      "alongside: an element without a start has no date to run alongside: n/a");
#undef AL
}

/* cases: the first whose when holds changes the fields it names, or
 * makes the rule n/a; none holds: the rule as it is. */
static void
test_cases(void)
{
	CHECK_OK("t-cases", "{'items':[{'id':'x1','kind':'x','d':'2026-10-01'},"
		 "{'id':'y1','kind':'y','d':'2026-01-01'},"
		 "{'id':'z1','kind':'z','d':'2026-10-01','ok':'yes'},"
		 "{'id':'w1','kind':'w','d':'2026-10-01'},"
		 "{'id':'z2','kind':'z','d':'2026-10-01','fine':'yes'}]}",
		 "[" FDI("ca", "due", "2026-12-01", "x1") "," FI("ca", "n/a", "y1") ","
		 FDI("ca", "overdue", "2026-11-01", "z1") "," FDI("ca", "overdue", "2026-11-01", "w1")
		 "," FI("ca", "ok", "z2") "]",
		 "cases: x within 2m (the first case wins over the third); y off; z done only by "
		 "its own done; w, no case, by the rule's");
}

/* when: the child's age on T or on an element's date. */
static void
test_age(void)
{
	CHECK_OK("t-age", "{'child':{'born':'2010-11-22'}}", "[" F("ag", "n/a") "]",
		 "age_below 16y: 16 on T is not below: n/a");
	CHECK_OK("t-age", "{'child':{'born':'2010-11-23'}}", "[" F("ag", "missing") "]",
		 "age_below 16y: 16 tomorrow is below: judged");
	CHECK_OK("t-age", "{}", "[" F("ag", "n/a") "]", "age_below: no birth date: n/a");
	CHECK_OK("t-age", "{'child':{'born':'2010-05-01'},'items':[{'id':'i1','on':'2026-04-30'},"
		 "{'id':'i2','on':'2026-05-01'},{'id':'i3'}]}",
		 "[" F("ag", "n/a") "," FI("ah", "n/a", "i1") "," FI("ah", "missing", "i2") ","
		 FI("ah", "n/a", "i3") "]",
		 "age_at_least 16y on the element's date: the day before n/a, the birthday judged, "
		 "no date n/a");
}

/* when on a paragraph sees its normal form. */
static void
test_paragraph_when(void)
{
	CHECK_OK("t-para", "{'items':[{'id':'p1','paragraph':'Barnets lov § 32, stk. 1, nr. 7'},"
		 "{'id':'p2','paragraph':'BL § 32 a'},{'id':'p3','paragraph':'BL §320'},"
		 "{'id':'p4','paragraph':'Serviceloven § 32'},{'id':'p5','paragraph':'whatever 32'},"
		 "{'id':'p6','paragraph':'BL § 32','x':'here'},{'id':'p7'}]}",
		 "[" FI("pa", "missing", "p1") "," FI("pa", "n/a", "p2") "," FI("pa", "n/a", "p3") ","
		 FI("pa", "n/a", "p4") "," FI("pa", "n/a", "p5") "," FI("pa", "ok", "p6") ","
		 FI("pa", "n/a", "p7") "]",
		 "when paragraph: as the case system writes it matches; § 32 a, § 320, another law, "
		 "a text casekit cannot read and none do not");
}

/* unless and in_time: a duty that arises only when D passes without the
 * date at unless, done only in time. */
static void
test_unless(void)
{
	CHECK_OK("t-unless", "{'items':[{'id':'i1','applied':'2026-09-01'},"
		 "{'id':'i2','applied':'2026-09-01','decided':'2026-10-27'},"
		 "{'id':'i3','applied':'2026-09-01','decided':'2026-10-28'},"
		 "{'id':'i4','applied':'2026-10-01'},"
		 "{'id':'i5','applied':'2026-09-01','decided':'2026-11-10','notified':'2026-10-27'},"
		 "{'id':'i6','applied':'2026-09-01','notified':'2026-10-28'},"
		 "{'id':'i7','applied':'2026-09-01','decided':'2026-11-10','notified':'2026-11-01'}]}",
		 "[" FDI("ul", "overdue", "2026-10-27", "i1") "," FI("ul", "n/a", "i2") ","
		 FDI("ul", "missing", "2026-10-27", "i3") "," FI("ul", "n/a", "i4") ","
		 FI("ul", "ok", "i5") "," FDI("ul", "overdue", "2026-10-27", "i6") ","
		 FDI("ul", "missing", "2026-10-27", "i7") "]",
		 "unless: undecided past D overdue; decided on D n/a; decided late without notice "
		 "missing; D ahead n/a; notified on D ok; notified late counts not (overdue, missing)");
}

/* followed_from: a recommendation's or local deadline before it moves to
 * a month after; a law's stays and is marked. */
static void
test_followed(void)
{
	CHECK("t-followed", "{'d':'2025-01-01','followed_from':'2026-11-01',"
	      "'decisions':[{'id':'d1','paragraph':'BL § 32','decided':'2026-01-01'},"
	      "{'id':'d2','paragraph':'BL § 32','decided':'2026-11-05'}]}",
	      "[" FD("fr", "due", "2026-12-01") ","
	      "{'rule':'fl','ref':'T fl','basis':'law','status':'overdue','due':'2025-02-01',"
	      "'before_followed':true},"
	      "{'rule':'fh','ref':'T fh','basis':'law','status':'missing','item':'d1',"
	      "'before_followed':true},"
	      "{'rule':'fh','ref':'T fh','basis':'law','status':'missing','item':'d2'}]",
	      "followed_from: the local deadline a month after it; the law's as it was, marked; "
	      "a decision before it marked, one after not");
	CHECK("t-followed", "{'d':'2025-01-01'}",
	      "[" FD("fr", "overdue", "2025-02-01") ","
	      "{'rule':'fl','ref':'T fl','basis':'law','status':'overdue','due':'2025-02-01'}]",
	      "no followed_from: both as they are");
	CHECK("t-followed", "{'d':'2026-10-01','followed_from':'2026-11-01'}",
	      "[" FD("fr", "overdue", "2026-11-01") ","
	      "{'rule':'fl','ref':'T fl','basis':'law','status':'overdue','due':'2026-11-01'}]",
	      "followed_from on D: not before it, nothing moves");
	CHECK("t-followed", "{'d':'2026-09-30','followed_from':'2026-11-01'}",
	      "[" FD("fr", "due", "2026-12-01") ","
	      "{'rule':'fl','ref':'T fl','basis':'law','status':'overdue','due':'2026-10-30',"
	      "'before_followed':true}]",
	      "followed_from the day after D: moved, marked");
}

/* consent-withdrawn: stop sharing with an actor whose latest consent
 * was withdrawn or refused. */
static void
test_consent_withdrawn(void)
{
	CHECK_OK("t-cw", "{'actors':[{'id':'a1','sector':'health'},"
		 "{'id':'a2','sector':'health','receives_data':false},{'id':'a3','sector':'education'},"
		 "{'id':'a4','sector':'health','until':'2026-11-01'},{'id':'a5','sector':'health'},"
		 "{'id':'a6','sector':'health'},{'id':'a7','sector':'social','municipal':true}],"
		 "'consents':[{'id':'c1','given':'2026-01-01','withdrawn':'2026-10-01',"
		 "'recipients':['a1','a2','a4','a7']},{'id':'c2','refused':'2026-09-01',"
		 "'recipients':['a3']},{'id':'c3','given':'2026-01-01','withdrawn':'2026-12-01',"
		 "'recipients':['a5']}]}",
		 "[" FI("cw", "missing", "a1") "," FI("cw", "missing", "a3") "," FI("cw", "ok", "a5") ","
		 FI("cw", "missing", "a7") "]",
		 "consent-withdrawn: withdrawn or refused and still receiving data: missing; no data, "
		 "ended, a withdrawal ahead, no consent: not");
}

/* child-heard: Barnets lov § 5, judged per decision. */
static void
test_child_heard(void)
{
#define D(id, more) "{'id':'" id "','paragraph':'BL § 32','decided':'2026-10-01'" more "}"
	CHECK_OK("t-ch", "{'decisions':[" D("d1", ",'child_heard':'2026-09-20'") ","
		 D("d2", ",'child_heard':'2026-10-02'") "," D("d3", ",'child_heard':'2026-10-01'") ","
		 D("d4", ",'child_heard':'not-required'") ","
		 D("d5", ",'hearing_exception':{'reason':'r','views_obtained':'2026-09-30'}") ","
		 D("d6", ",'hearing_exception':{'reason':'r'}") ","
		 D("d7", ",'hearing_exception':{'reason':'r','views_obtained':'2026-10-02'}") ","
		 D("d8", ",'hearing_exception':{'reason':'','views_obtained':'2026-09-30'}") ","
		 "{'id':'d9','paragraph':'BL § 32'},"
		 "{'id':'d10','paragraph':'SEL § 83','decided':'2026-10-01'},"
		 "{'id':'d11','paragraph':'whatever','decided':'2026-10-01'}]}",
		 "[" FI("ch", "ok", "d1") "," FI("ch", "missing", "d2") "," FI("ch", "ok", "d3") ","
		 FI("ch", "missing", "d4") "," FI("ch", "ok", "d5") "," FI("ch", "missing", "d6") ","
		 FI("ch", "missing", "d7") "," FI("ch", "missing", "d8") "," FI("ch", "n/a", "d9") ","
		 FI("ch", "n/a", "d10") "," FI("ch", "n/a", "d11") "]",
		 "child-heard: heard before or on the day ok, after missing; not-required missing; an "
		 "exception with a reason and the views obtained before ok, else missing; undecided, "
		 "another law, an unreadable paragraph n/a");
#undef D
}

/* youth-plan: Barnets lov § 108. */
static void
test_youth_plan(void)
{
#define YP(born, rest) "{'child':{'born':'" born "'}" rest "}"
#define DEC(p, decided, more) "{'paragraph':'" p "','decided':'" decided "','outcome':'granted'" \
	more "}"
	CHECK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "]"),
	      "[" FD("yp", "overdue", "2026-09-01") "]",
	      "youth-plan: § 32 support running at 16: 3 months after the 16th birthday (stk. 1 nr. 2)");
	CHECK_OK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "],"
			    "'plans':{'youth':{'decision':'not-needed','date':'2026-08-01'}}"),
		 "[" F("yp", "ok") "]", "youth-plan: decided that none is needed, in time: ok");
	CHECK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "],"
			 "'plans':{'youth':{'decision':'not-needed','date':'2026-09-02'}}"),
	      "[" FD("yp", "overdue", "2026-09-01") "]",
	      "youth-plan: decided that none is needed after the deadline: not in time");
	CHECK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "],"
			 "'plans':{'youth':{'decision':'not-needed'}}"),
	      "[" FD("yp", "overdue", "2026-09-01") "]",
	      "youth-plan: not-needed without a date: cannot be shown in time");
	CHECK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "],"
			 "'plans':{'youth':{'decision':'made'}}"),
	      "[" FD("yp", "overdue", "2026-09-01") "]",
	      "youth-plan: deciding to make one is not the plan");
	CHECK_OK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "],"
			    "'plans':{'youth':{'decision':'made','date':'2026-08-15'}}"),
		 "[" F("yp", "ok") "]", "youth-plan: the plan made: ok");
	CHECK_OK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01",
							      ",'ends':'2025-06-01'") "]"),
		 "[" F("yp", "n/a") "]", "youth-plan: support that ended before 16: n/a");
	CHECK_AT("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2026-10-01", "") "]"),
		 "2026-12-05", W0, 0, "[" FD("yp", "due", "2027-01-01") "]",
		 "youth-plan: § 32 decided after 16: 3 months after the decision (stk. 1 nr. 3)");
	CHECK_OK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 32", "2024-01-01",
							      ",'ends':'2024-06-01'") ","
			    DEC("BL § 32", "2026-10-01", "") "]"),
		 "[" F("yp", "n/a") "]",
		 "youth-plan: § 32 after 16 for one who had § 32 before is not nr. 3: n/a");
	CHECK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 46", "2026-08-01", "") "],"
			 "'plans':{'youth':{'decision':'not-needed','date':'2026-08-10'}}"),
	      "[" FD("yp", "overdue", "2026-11-01") "]",
	      "youth-plan: a placement after 16 needs the plan; not-needed does not count (stk. 2)");
	CHECK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 47", "2026-11-20", "") "]"),
	      "[" FD("yp", "overdue", "2026-11-20") "]",
	      "youth-plan: a placement without consent has the plan before the decision (stk. 4)");
	CHECK_OK("t-yp", YP("2010-06-01", ",'decisions':[" DEC("BL § 86", "2026-01-01", "") "]"),
		 "[" F("yp", "n/a") "]", "youth-plan: § 86 merudgifter is not in § 108: n/a");
	CHECK("t-yp", YP("2010-06-01", ",'plans':{'child':{'decision':'made','date':'2025-01-01'}}"),
	      "[" FD("yp", "overdue", "2026-09-01") "]",
	      "youth-plan: a child plan and 16: 3 months after the birthday (stk. 1 nr. 1)");
	CHECK_OK("t-yp", YP("2011-06-01", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "]"),
		 "[" F("yp", "n/a") "]", "youth-plan: 15: n/a");
	CHECK_OK("t-yp", "{'decisions':[" DEC("BL § 32", "2025-01-01", "") "]}",
		 "[" F("yp", "n/a") "]", "youth-plan: no birth date: n/a");
	CHECK_OK("t-yp", YP("2010-06-01", ",'decisions':[{'paragraph':'BL § 32',"
			    "'decided':'2025-01-01','outcome':'refused'}]"),
		 "[" F("yp", "n/a") "]", "youth-plan: a refusal: n/a");
	CHECK("t-yp", YP("2010-08-22", ",'decisions':[" DEC("Barnets lov § 32, stk. 1", "2025-01-01",
							   "") "]"),
	      "[" FD("yp", "due", "2026-11-22") "]",
	      "youth-plan: on its deadline day: due, as the case system writes the paragraph");
	CHECK_AT("t-yp", YP("2010-08-22", ",'decisions':[" DEC("BL § 32", "2025-01-01", "") "]"),
		 "2026-11-23", W0, 0, "[" FD("yp", "overdue", "2026-11-22") "]",
		 "youth-plan: the day after: overdue");
	CHECK_AT("t-yp", YP("2007-01-01", ",'decisions':[" DEC("BL § 32", "2015-01-01",
							      ",'ends':'2016-01-01'") ","
			    DEC("BL § 116", "2026-10-01", "") "]"),
		 "2026-12-05", W0, 0, "[" FD("yp", "due", "2027-01-01") "]",
	      "youth-plan: § 116 calls for the plan whatever came before (stk. 2)");
#undef DEC
#undef YP
}

/* coordinator with "municipal": false: any active coordinator. */
static void
test_coordinator_any(void)
{
	CHECK_OK("t-coord-any", "{'actors':[{'id':'a1','coordinator':true,'municipal':false}]}",
		 "[" F("cy", "ok") "]", "coordinator municipal false: a regional coordinator is one");
	CHECK_OK("t-coord", "{'actors':[{'id':'a1','coordinator':true,'municipal':false}]}",
		 "[" F("co", "missing") "]", "coordinator by default: it must be the municipality's");
}

/* knowledge-source: an active actor with one of the rule's roles, or a
 * consultation meeting. */
static void
test_knowledge_source(void)
{
	CHECK_OK("t-ks", "{'actors':[{'id':'a1','role':'viso'}]}", "[" F("ks", "ok") "]",
		 "knowledge-source: an active actor with a listed role: ok");
	CHECK_OK("t-ks", "{'actors':[{'id':'a1','role':'gp'},{'id':'a2','role':'knowledge-centre',"
		 "'since':'2026-11-22'}]}", "[" F("ks", "ok") "]",
		 "knowledge-source: the second listed role, active from T");
	CHECK("t-ks", "{'actors':[{'id':'a1','role':'viso','until':'2026-11-01'}]}",
	      "[" F("ks", "missing") "]", "knowledge-source: the actor ended: missing");
	CHECK("t-ks", "{'actors':[{'id':'a1','role':'hospital'}]}", "[" F("ks", "missing") "]",
	      "knowledge-source: a role not in the rule's roles: missing");
	CHECK_OK("t-ks", "{'meetings':[{'kind':'consultation','date':'2026-01-01'}]}",
		 "[" F("ks", "ok") "]", "knowledge-source: a consultation meeting: ok");
	CHECK_OK("t-ks", "{'meetings':[{'kind':'consultation','date':'2027-01-01'}]}",
		 "[" F("ks", "ok") "]", "knowledge-source: any consultation meeting, also one planned");
	CHECK("t-ks", "{'meetings':[{'kind':'network','date':'2026-01-01'}]}",
	      "[" F("ks", "missing") "]", "knowledge-source: another kind of meeting: missing");
	CHECK("t-ks", "{}", "[" F("ks", "missing") "]", "knowledge-source: nothing: missing");
}

/* network-meeting: recurring on meetings[kind=network].date, from opened
 * when none is held. */
static void
test_network_meeting(void)
{
	CHECK("t-net", "{'opened':'2026-01-01','meetings':[{'kind':'network','date':'2026-08-22'}]}",
	      "[" FD("nm", "due", "2026-11-22") "]", "network-meeting: the last one + 3m = T: due");
	CHECK("t-net", "{'opened':'2026-01-01','meetings':[{'kind':'network','date':'2026-08-21'},"
	      "{'kind':'consultation','date':'2026-11-01'}]}",
	      "[" FD("nm", "overdue", "2026-11-21") "]",
	      "network-meeting: other kinds of meeting do not count");
	CHECK_OK("t-net", "{'opened':'2026-10-01'}", "[" FD("nm", "ok", "2027-01-01") "]",
		 "network-meeting: none held: from opened, ok");
	CHECK("t-net", "{'opened':'2026-09-01'}", "[" FD("nm", "due", "2026-12-01") "]",
	      "network-meeting: none held: from opened, due");
	CHECK("t-net", "{'opened':'2026-08-01','meetings':[{'kind':'network','date':'2026-12-01'}]}",
	      "[" FD("nm", "overdue", "2026-11-01") "]",
	      "network-meeting: one planned after T is not held");
	CHECK_OK("t-net", "{}", "[" F("nm", "n/a") "]", "network-meeting: no date at all: n/a");
}

/* common-plan-review: n/a without plans.common; next_review decides,
 * else recurring on updated (start opened). */
static void
test_common_plan_review(void)
{
	CHECK_OK("t-cpr", "{'opened':'2026-01-01'}", "[" F("cp", "n/a") "]",
		 "common-plan-review: no plans: n/a");
	CHECK_OK("t-cpr", "{'opened':'2026-01-01','plans':{'child':{'decision':'made'}}}",
		 "[" F("cp", "n/a") "]", "common-plan-review: no plans.common: n/a");
	CHECK("t-cpr", "{'opened':'2026-05-22','plans':{'common':{}}}",
	      "[" FD("cp", "due", "2026-11-22") "]",
	      "common-plan-review: neither next_review nor updated: from opened");
	CHECK("t-cpr", "{'opened':'2026-01-01','plans':{'common':{'updated':'2026-05-21'}}}",
	      "[" FD("cp", "overdue", "2026-11-21") "]",
	      "common-plan-review: updated + 6m before T: overdue");
	CHECK("t-cpr", "{'opened':'2026-01-01','plans':{'common':{'updated':'2026-05-22'}}}",
	      "[" FD("cp", "due", "2026-11-22") "]", "common-plan-review: updated + 6m = T: due");
	CHECK("t-cpr", "{'opened':'2026-01-01','plans':{'common':{'updated':'2026-11-01',"
	      "'next_review':'2026-11-21'}}}", "[" FD("cp", "overdue", "2026-11-21") "]",
	      "common-plan-review: next_review passed: overdue, though updated lately");
	CHECK("t-cpr", "{'plans':{'common':{'next_review':'2026-11-22'}}}",
	      "[" FD("cp", "due", "2026-11-22") "]", "common-plan-review: next_review on T: due");
	CHECK("t-cpr", "{'plans':{'common':{'next_review':'2026-12-22'}}}",
	      "[" FD("cp", "due", "2026-12-22") "]", "common-plan-review: next_review = T + W: due");
	CHECK_OK("t-cpr", "{'plans':{'common':{'next_review':'2026-12-23'}}}",
		 "[" FD("cp", "ok", "2026-12-23") "]",
		 "common-plan-review: next_review = T + W + 1: ok");
	CHECK_OK("t-cpr", "{'opened':'2019-01-01','plans':{'common':{'updated':'2020-01-01',"
		 "'next_review':'2027-03-01'}}}", "[" FD("cp", "ok", "2027-03-01") "]",
		 "common-plan-review: next_review decides over an old updated");
}

/* sibling-support: applies when a sibling is under age on T or has no
 * born; then a deadline from opened, done offers[to=siblings]. */
static void
test_sibling_support(void)
{
#define SIB(fields) "{'opened':'2026-09-22','family':[{'relation':'parent'}," \
	"{'relation':'sibling'" fields "}]}"
	CHECK("t-sib", SIB(",'born':'2010-01-01'"), "[" FD("sb", "due", "2026-11-22") "]",
	      "sibling-support: a sibling aged 16: opened + 2m = T, due");
	CHECK_OK("t-sib", SIB(",'born':'2008-11-22'"), "[" F("sb", "n/a") "]",
		 "sibling-support: a sibling 18 on T: n/a");
	CHECK("t-sib", SIB(",'born':'2008-11-23'"), "[" FD("sb", "due", "2026-11-22") "]",
	      "sibling-support: a sibling 18 tomorrow: applies");
	CHECK("t-sib", SIB(""), "[" FD("sb", "due", "2026-11-22") "]",
	      "sibling-support: a sibling without born: applies");
#undef SIB
	CHECK_OK("t-sib", "{'opened':'2026-09-22','family':[{'relation':'parent','born':'2016-01-01'}]}",
		 "[" F("sb", "n/a") "]", "sibling-support: no sibling: n/a");
	CHECK_OK("t-sib", "{'opened':'2026-09-22'}", "[" F("sb", "n/a") "]",
		 "sibling-support: no family: n/a");
	CHECK("t-sib", "{'opened':'2026-09-22','family':[{'relation':'sibling','born':'2000-01-01'},"
	      "{'relation':'sibling','born':'2015-01-01'}]}", "[" FD("sb", "due", "2026-11-22") "]",
	      "sibling-support: one adult and one child sibling: applies");
	CHECK_OK("t-sib", "{'opened':'2026-09-22','family':[{'relation':'sibling'}],"
		 "'offers':[{'kind':'sibling-programme','to':'siblings','status':'declined'}]}",
		 "[" F("sb", "ok") "]", "sibling-support: an offer to siblings (declined): ok");
	CHECK("t-sib", "{'opened':'2026-09-22','family':[{'relation':'sibling'}],"
	      "'offers':[{'kind':'relief','to':'parents','status':'accepted'}]}",
	      "[" FD("sb", "due", "2026-11-22") "]",
	      "sibling-support: an offer to the parents does not count");
	CHECK("t-sib", "{'opened':'2026-09-21','family':[{'relation':'sibling'}]}",
	      "[" FD("sb", "overdue", "2026-11-21") "]", "sibling-support: past D: overdue");
	CHECK_OK("t-sib", "{'family':[{'relation':'sibling'}]}", "[" F("sb", "n/a") "]",
		 "sibling-support: no opened: n/a");
	CHECK_AT("t-sib", "{'opened':'2025-12-28','family':[{'relation':'sibling','born':'2008-02-29'}]}",
		 "2026-02-28", W0, SHOW, "[" F("sb", "n/a") "]",
		 "sibling-support: born 29 February, 18 on 28 February of a common year: n/a");
	CHECK_AT("t-sib", "{'opened':'2025-12-28','family':[{'relation':'sibling','born':'2008-02-29'}]}",
		 "2026-02-27", W0, SHOW, "[" FD("sb", "due", "2026-02-28") "]",
		 "sibling-support: born 29 February, the day before: under 18");
}

/* transition-prepare: per transition of a kind the rule judges, not
 * done; past due overdue; preparing ok; else by prepare_from. */
static void
test_transition_prepare(void)
{
#define TR(kind, fields) "{'transitions':[{'kind':'" kind "'," fields "}]}"
	CHECK("t-tp", TR("school", "'due':'2027-08-01','prepare_from':'2026-12-22','status':'planned'"),
	      "[" FDI("tp", "due", "2026-12-22", "school") "]",
	      "transition-prepare: prepare_from = T + W: due");
	CHECK_OK("t-tp", TR("school", "'due':'2027-08-01','prepare_from':'2026-12-23',"
			    "'status':'planned'"),
		 "[" FDI("tp", "ok", "2026-12-23", "school") "]",
		 "transition-prepare: prepare_from = T + W + 1: ok, due = prepare_from");
	CHECK("t-tp", TR("school", "'due':'2027-08-01','prepare_from':'2026-11-22','status':'planned'"),
	      "[" FDI("tp", "due", "2026-11-22", "school") "]",
	      "transition-prepare: prepare_from = T: due");
	CHECK("t-tp", TR("school", "'due':'2027-08-01','prepare_from':'2026-11-21','status':'planned'"),
	      "[" FDI("tp", "overdue", "2026-11-21", "school") "]",
	      "transition-prepare: prepare_from passed while planned: overdue");
	CHECK("t-tp", TR("school", "'due':'2027-08-01','prepare_from':'2026-11-01'"),
	      "[" FDI("tp", "overdue", "2026-11-01", "school") "]",
	      "transition-prepare: no status counts as not preparing");
	SUMMARY("t-tp", TR("school", "'due':'2027-08-01','prepare_from':'2026-01-01',"
			   "'status':'preparing'"),
		"tp:ok:school", "transition-prepare: preparing: ok");
	CHECK("t-tp", TR("school", "'due':'2026-11-21','prepare_from':'2025-11-21',"
			 "'status':'preparing'"),
	      "[" FDI("tp", "overdue", "2026-11-21", "school") "]",
	      "transition-prepare: past due while preparing: overdue, due = due");
	CHECK("t-tp", TR("school", "'due':'2026-11-21','prepare_from':'2025-11-21','status':'planned'"),
	      "[" FDI("tp", "overdue", "2026-11-21", "school") "]",
	      "transition-prepare: past due while planned: due = due, not prepare_from");
	SUMMARY("t-tp", TR("school", "'due':'2026-11-22','prepare_from':'2025-11-21',"
			   "'status':'preparing'"),
		"tp:ok:school", "transition-prepare: due on T is not past");
	CHECK_OK("t-tp", TR("school", "'due':'2020-08-01','prepare_from':'2019-08-01',"
			    "'status':'done'"),
		 "[]", "transition-prepare: done: no finding at all");
	CHECK_OK("t-tp", TR("own-home", "'due':'2026-01-01','status':'planned'"),
		 "[" FI("tp", "n/a", "own-home") "]",
		 "transition-prepare: no prepare_from: n/a, even past due");
	CHECK("t-tp", "{'transitions':[{'kind':'adult','due':'2028-06-01','prepare_from':'2026-12-01',"
	      "'status':'planned'},{'kind':'school','due':'2027-08-01','prepare_from':'2026-11-01',"
	      "'status':'planned'},{'kind':'job','due':'2030-01-01','prepare_from':'2029-01-01'}]}",
	      "[" FDI("tp", "overdue", "2026-11-01", "school") ","
	      FDI("ta", "due", "2026-12-01", "adult") "]",
	      "transition-prepare: except and kinds choose the transitions; rule order first");
	SUMMARY("t-tp", "{'transitions':[{'kind':'adult','due':'2028-06-01','prepare_from':'2027-06-01',"
		"'status':'planned'},{'kind':'school','due':'2027-08-01','prepare_from':'2027-01-01',"
		"'status':'planned'},{'kind':'job','due':'2030-01-01','prepare_from':'2029-01-01'}]}",
		"tp:ok:school tp:ok:job ta:ok:adult",
		"transition-prepare: one finding per judged transition, item its kind");
#undef TR
}

/* sip: responsible names an active actor, there is a measure and every
 * one has an actor, and consent.given is set. */
static void
test_sip(void)
{
#define SIP(common) "{'actors':[{'id':'a1'},{'id':'a2','until':'2026-11-01'}]," \
	"'plans':{'common':" common "}}"
	CHECK_OK("t-sip", SIP("{'responsible':'a1','items':[{'what':'x','actor':'a1'},"
			      "{'what':'y','actor':'a2'}],'consent':{'given':'2026-10-01'}}"),
		 "[" F("sp", "ok") "]", "sip: all three hold: ok");
	CHECK("t-sip", SIP("{'responsible':'a2','items':[{'what':'x','actor':'a1'}],"
			   "'consent':{'given':'2026-10-01'}}"),
	      "[" F("sp", "missing") "]", "sip: responsible ended: missing");
	CHECK("t-sip", SIP("{'responsible':'a9','items':[{'what':'x','actor':'a1'}],"
			   "'consent':{'given':'2026-10-01'}}"),
	      "[" F("sp", "missing") "]", "sip: responsible unknown: missing");
	CHECK("t-sip", SIP("{'items':[{'what':'x','actor':'a1'}],'consent':{'given':'2026-10-01'}}"),
	      "[" F("sp", "missing") "]", "sip: no responsible: missing");
	CHECK("t-sip", SIP("{'responsible':'a1','items':[{'what':'x','actor':'a1'},{'what':'y'}],"
			   "'consent':{'given':'2026-10-01'}}"),
	      "[" F("sp", "missing") "]", "sip: an item without an actor: missing");
	CHECK("t-sip", SIP("{'responsible':'a1','items':[{'what':'x','actor':'a1'}],'consent':{}}"),
	      "[" F("sp", "missing") "]", "sip: consent without given: missing");
	CHECK("t-sip", SIP("{'responsible':'a1','items':[{'what':'x','actor':'a1'}]}"),
	      "[" F("sp", "missing") "]", "sip: no consent: missing");
	/* HSL 16 kap. 4 §: the plan states the measures needed. */
	CHECK("t-sip", SIP("{'responsible':'a1','consent':{'given':'2026-10-01'}}"),
	      "[" F("sp", "missing") "]", "sip: no measures: missing");
	CHECK("t-sip", SIP("{'responsible':'a1','items':[],'consent':{'given':'2026-10-01'}}"),
	      "[" F("sp", "missing") "]", "sip: an empty list of measures: missing");
	CHECK("t-sip", "{'actors':[{'id':'a1'}]}", "[" F("sp", "missing") "]",
	      "sip: no plans: missing");
#undef SIP
}

/* references: one missing finding per distinct unknown actor id, in the
 * order of the places; else one ok finding without item. */
static void
test_references(void)
{
	const char *good = "{'actors':[{'id':'a1'},{'id':'a2','until':'2026-01-01'}],"
		"'plans':{'common':{'responsible':'a1','items':[{'actor':'a2'}]}},"
		"'meetings':[{'actors':['a1','a2']}],'consents':[{'recipients':['a2']}],"
		"'assessments':[{'by':'a1'}],'transitions':[{'kind':'school','handover':{'to':'a2'}}]}";

	CHECK_OK("t-refs", good, "[" F("rf", "ok") "]",
		 "references: every id known (an ended actor too): one ok, no item");
	CHECK("t-refs", good, "[]", "references: ok is not shown without CK_JUDGE_SHOW_OK");
	CHECK_OK("t-refs", "{}", "[" F("rf", "ok") "]", "references: nothing named: ok");
	CHECK("t-refs", "{'actors':[{'id':'a1'}],"
	      "'transitions':[{'kind':'school','handover':{'to':'x6'}}],"
	      "'assessments':[{'by':'x5'},{'by':'a1'}],'consents':[{'recipients':['a1','x4']}],"
	      "'meetings':[{'actors':['x3','a1','zz']}],"
	      "'plans':{'common':{'responsible':'zz','items':[{'actor':'x2'},{'actor':'a1'},"
	      "{'actor':'zz'}]}}}",
	      "[" FI("rf", "missing", "zz") "," FI("rf", "missing", "x2") ","
	      FI("rf", "missing", "x3") "," FI("rf", "missing", "x4") ","
	      FI("rf", "missing", "x5") "," FI("rf", "missing", "x6") "]",
	      "references: each unknown id once, in the order of the places");
	CHECK("t-refs", "{'meetings':[{'actors':['a1']},{'actors':['a1','a2']}]}",
	      "[" FI("rf", "missing", "a1") "," FI("rf", "missing", "a2") "]",
	      "references: no actors at all: every id named is unknown, once");
}

/* The defaults of the special kinds' fields: every 6m, sibling-support
 * within 3m and age 18y, the knowledge roles, transition-prepare
 * without kinds or except judging every kind. */
static void
test_defaults(void)
{
	CHECK("t-defaults", "{'opened':'2026-05-22','plans':{'common':{'updated':'2026-05-22'}},"
	      "'family':[{'relation':'sibling','born':'2008-11-23'}],"
	      "'actors':[{'id':'a1','role':'rare-disease-centre'}],"
	      "'transitions':[{'kind':'adult','due':'2027-05-22','prepare_from':'2026-11-22',"
	      "'status':'planned'}]}",
	      "[" FD("net6", "due", "2026-11-22") "," FD("cpr6", "due", "2026-11-22") ","
	      FD("sib3", "overdue", "2026-08-22") "," FDI("tpall", "due", "2026-11-22", "adult") "]",
	      "defaults: every 6m, within 3m, under 18, a default role, all kinds");
	CHECK("t-defaults", "{'opened':'2026-05-22','plans':{'common':{'updated':'2026-05-22'}},"
	      "'family':[{'relation':'sibling','born':'2008-11-22'}],"
	      "'actors':[{'id':'a1','role':'gp'}],"
	      "'transitions':[{'kind':'adult','due':'2027-05-22','prepare_from':'2026-11-22',"
	      "'status':'planned'}]}",
	      "[" FD("net6", "due", "2026-11-22") "," FD("cpr6", "due", "2026-11-22") ","
	      F("ksd", "missing") "," FDI("tpall", "due", "2026-11-22", "adult") "]",
	      "defaults: 18 on T is not under 18; gp is not a knowledge role");
	SUMMARY("t-defaults", "{'actors':[{'id':'a1','role':'hospital'},{'id':'a2','role':'user-organisation'}]}",
		"net6:n/a cpr6:n/a sib3:n/a ksd:ok", "defaults: hospital is a knowledge role");
}

/* The record passed in is not changed, and a judge can be used again
 * with the same result. */
static void
test_unchanged(void)
{
	const ck_ruleset *set = ck_rulebook_get(book, "t-waive");
	const char *text = "{'items':[{'id':'i1'},{'id':'i2','x':1}],'start':'2026-11-01',"
		"'waivers':[{'rule':'wv-each','item':'i1'}],'checklist':{'as_of':'2020-01-01'}}";
	json_error_t err;
	json_t *rec = json_loads(q(text), 0, &err), *r1 = NULL, *r2 = NULL;
	ck_judge *judge = set != NULL ? ck_judge_new(set) : NULL;
	char *before = json_dumps(rec, JSON_COMPACT), *after;

	ok(judge != NULL, "ck_judge_new: a judge for a set");
	if (judge != NULL) {
		r1 = ck_judge_case(judge, rec, day(T0), dur(W0), SHOW);
		r2 = ck_judge_case(judge, rec, day(T0), dur(W0), SHOW);
	}
	after = json_dumps(rec, JSON_COMPACT);
	is_str(after, before, "the record judged is not changed (not even its old checklist)");
	ok(r1 != NULL && r2 != NULL && json_equal(r1, r2), "a judge used twice gives the same result");
	is_str(dump_kept(json_object_get(r1, "findings")),
	       q("[" F("wv-plain", "missing") "," FI("wv-each", "waived", "i1") ","
		 FI("wv-each", "ok", "i2") "," FD("wv-deadline", "overdue", "2026-11-01") "]"),
	       "an old checklist in the record plays no part");
	free(before);
	free(after);
	json_decref(r1);
	json_decref(r2);
	json_decref(rec);
	ck_judge_free(judge);
	ck_judge_free(NULL);
	ok(1, "ck_judge_free(NULL) is fine");
}

/* The shipped sets on realistic cases (synthetic, no names, no CPR). */
#define CASE_HEAD "{'format':'casekit/1','id':'0101-2026-0042','external_ref':'TEST-42'," \
	"'opened':'2026-09-01','status':'open','municipality':'0101',"

#define BASE_CASE(extra) CASE_HEAD "'pathway':'base'," \
	"'child':{'born':'2019-04-03'}," \
	"'diagnosis':{'status':'confirmed','codes':['ORPHA:0000']}," \
	"'target_group':{'status':'pending'}," \
	"'milestones':{'concern':'2026-06-15','aware':'2026-07-01'}," \
	"'assessments':[{'id':'s1','type':'child-assessment','aware':'2026-07-01'," \
	"'started':'2026-07-05','by':'a1'}]," \
	"'decisions':[{'id':'d1','paragraph':'BL § 32','applied':'2026-09-01'," \
	"'decided':'2026-10-01','outcome':'granted','started':'2026-10-15'}]," \
	"'actors':[{'id':'a1','role':'caseworker','sector':'social','municipal':true," \
	"'authority':true,'coordinator':true,'since':'2026-09-01'}," \
	"{'id':'a2','role':'hospital','sector':'health','municipal':false,'since':'2026-09-02'}]," \
	"'consents':[{'id':'c1','purpose':'share','given_by':'parents','given':'2026-09-02'," \
	"'expires':'2026-12-02','recipients':['a2']}]," \
	"'family':[{'id':'f1','relation':'parent','custody':true}," \
	"{'id':'f2','relation':'sibling','born':'2016-02-11'}]," \
	"'offers':[{'id':'o1','kind':'parent-programme','to':'parents','status':'offered'," \
	"'date':'2026-09-10'}]," \
	"'plans':{'common':{'updated':'2026-09-20','responsible':'a1'," \
	"'items':[{'what':'physio','actor':'a2'}]}}," \
	"'meetings':[{'id':'m1','date':'2026-09-20','kind':'network','actors':['a1','a2','a3']}]," \
	"'transitions':[{'kind':'youth-education','due':'2035-08-01','prepare_from':'2034-08-01'," \
	"'status':'planned'},{'kind':'adult','due':'2037-04-03','prepare_from':'2035-04-03'," \
	"'status':'planned'}]" extra "," \
	"'events':[{'at':'2026-09-01T09:00:00Z','by':'tester','tool':'case-new','op':'new'}]}"

#define BASE_FINDINGS \
	"{'rule':'assessment-deadline','ref':'Barnets lov § 20 stk. 3','basis':'law'," \
	"'status':'overdue','due':'2026-11-01','item':'s1'}," \
	"{'rule':'child-heard','ref':'Barnets lov § 5','basis':'law','status':'missing','item':'d1'}," \
	"{'rule':'target-group','ref':'Barnets lov § 81, § 122','basis':'local','status':'due'," \
	"'due':'2026-12-01'}," \
	"{'rule':'consent','ref':'DK 1.2','basis':'recommendation','status':'due'," \
	"'due':'2026-12-02','item':'a2'}," \
	"{'rule':'sibling-support','ref':'DK 1.7','basis':'recommendation','status':'due'," \
	"'due':'2026-12-01'}," \
	"{'rule':'references','ref':'datakvalitet','basis':'local','status':'missing','item':'a3'}"

static void
test_shipped_base(void)
{
	CHECK("base", BASE_CASE(""), "[" BASE_FINDINGS "]",
	      "base: a realistic case, each finding exactly as the checklist holds it");
	SUMMARY("base", BASE_CASE(""),
		"assessment-start:ok assessment-deadline:overdue:s1 assessment-finish:n/a:s1 "
		"intervention-start:ok:d1 decision-deadline:ok:d1 decision-delay-notice:n/a:d1 "
		"child-heard:missing:d1 child-plan:ok:d1 child-plan-review:n/a follow-up:ok:d1 "
		"follow-up-next:n/a:d1 youth-plan:n/a target-group:due family-adviser:n/a "
		"common-plan:ok common-plan-review:ok network-meeting:ok coordinator:ok contacts:ok "
		"consent:due:a2 consent-withdrawn:ok:a2 family-support:ok sibling-support:due "
		"transition-prepare:ok:youth-education adult-prepare:n/a "
		"transition-handover:ok:youth-education transition-handover:ok:adult "
		"adult-decisions:n/a:adult complaint-reassessment:n/a:d1 references:missing:a3",
		"base with CK_JUDGE_SHOW_OK: every rule of the set in order, each per element");
	is_str(result("base", BASE_CASE(""), T0, W0, 0),
	       q("{'as_of':'2026-11-22','ruleset':'base','findings':[" BASE_FINDINGS "]}"),
	       "base: the whole result");
	CHECK("base", BASE_CASE(",'waivers':[{'id':'w1','rule':'references','item':'a3',"
				"'reason':'old meeting','by':'tester','date':'2026-11-01'},"
				"{'id':'w2','rule':'sibling-support','reason':'r','by':'tester',"
				"'date':'2026-11-01','until':'2027-01-01'},"
				"{'id':'w3','rule':'consent','item':'a2','reason':'r','by':'tester',"
				"'date':'2026-11-01','until':'2026-11-21'}]"),
	      "[{'rule':'assessment-deadline','ref':'Barnets lov § 20 stk. 3','basis':'law',"
	      "'status':'overdue','due':'2026-11-01','item':'s1'},"
	      "{'rule':'child-heard','ref':'Barnets lov § 5','basis':'law','status':'missing',"
	      "'item':'d1'},"
	      "{'rule':'target-group','ref':'Barnets lov § 81, § 122','basis':'local','status':'due',"
	      "'due':'2026-12-01'},"
	      "{'rule':'consent','ref':'DK 1.2','basis':'recommendation','status':'due',"
	      "'due':'2026-12-02','item':'a2'},"
	      "{'rule':'sibling-support','ref':'DK 1.7','basis':'recommendation','status':'waived',"
	      "'due':'2026-12-01'},"
	      "{'rule':'references','ref':'datakvalitet','basis':'local','status':'waived',"
	      "'item':'a3'}]",
	      "base: waivers of a case (one expired) as the checklist applies them");

	/* rare-disability: base's rules, then knowledge-source (a hospital
	 * is active: ok) and peer-network (opened + 3m, no offer: due). */
	CHECK("rare-disability", BASE_CASE(""),
	      "[" BASE_FINDINGS ",{'rule':'peer-network','ref':'DK 1.8','basis':'recommendation',"
	      "'status':'due','due':'2026-12-01'}]",
	      "rare-disability: base's findings, then its own rules'");
	is_str(of_rule("rare-disability", BASE_CASE(""), T0, W0, SHOW, "knowledge-source"),
	       q("[{'rule':'knowledge-source','ref':'DK 1.1, 1.2','basis':'recommendation',"
		 "'status':'ok'}]"),
	       "rare-disability: knowledge-source ok with an active hospital");
}

/* se-samordning: its own order of rules, sip and koordinator (the law
 * of each rule is tested in test-law-se.c). */
static void
test_shipped_se(void)
{
#define SE_CASE(coord, consent) "{'format':'casekit/1','id':'SE-0163-2026-0001'," \
	"'opened':'2026-10-01','status':'open','municipality':'SE-0163'," \
	"'pathway':'se-samordning','diagnosis':{'status':'suspected'}," \
	"'family_strain':'strained','actors':[{'id':'a1','role':'caseworker','sector':'social'," \
	"'municipal':true," coord "'since':'2026-10-01'},{'id':'a2','role':'hospital'," \
	"'sector':'health','since':'2026-10-02'}],'consents':[{'id':'c1','given_by':'parents'," \
	"'given':'2026-10-02','expires':'2027-10-02','recipients':['a2']}]," \
	"'offers':[{'id':'o1','kind':'information','to':'parents','status':'offered'," \
	"'date':'2026-10-10'}],'plans':{'common':{'sip':true,'updated':'2026-10-15'," \
	"'responsible':'a1'," consent "'items':[{'what':'habilitation','actor':'a2'}]}}," \
	"'meetings':[{'id':'m1','date':'2026-10-15','kind':'network','actors':['a1','a2']}]}"
	CHECK("se-samordning", SE_CASE("", ""),
	      "[{'rule':'sip','ref':'16 kap. 4 § HSL; socialtjänstlagen (2025:400)',"
	      "'basis':'law','status':'missing'},{'rule':'koordinator',"
	      "'ref':'Socialstyrelsen, samordning av stöd: koordinator','basis':'recommendation',"
	      "'status':'missing'}]",
	      "se-samordning: strained without a coordinator; a SIP without consent");
	SUMMARY("se-samordning", SE_CASE("", ""),
		"sip:missing sip-start:ok sip-review:ok lss-plan-review:n/a koordinator:missing "
		"consent:ok:a2 consent-withdrawn:ok:a2 information-service:ok network-meeting:ok "
		"references:ok",
		"se-samordning with CK_JUDGE_SHOW_OK: its rules in order");
	CHECK("se-samordning", SE_CASE("'coordinator':true,", "'consent':{'given':'2026-10-15'},"),
	      "[]", "se-samordning: a coordinator and the SIP's consent: nothing to do");
	is_str(result("se-samordning", SE_CASE("'coordinator':true,", "'consent':{'given':'2026-10-15'},"),
		      T0, W0, 0),
	       q("{'as_of':'2026-11-22','ruleset':'se-samordning','findings':[]}"),
	       "se-samordning: the result names the set");
#undef SE_CASE
}

static void
test_shipped(void)
{
	const char *top = getenv("top_srcdir");
	char value[1024];

	if (top == NULL || *top == '\0') {
		ok(1, "# SKIP top_srcdir is not set: the shipped sets are not tested");
		return;
	}
	snprintf(value, sizeof value, "%s/rules", top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	ok(ck_rulebook_get(book, "base") != NULL && ck_rulebook_get(book, "rare-disability") != NULL
	   && ck_rulebook_get(book, "se-samordning") != NULL, "the shipped sets load");
	test_shipped_base();
	test_shipped_se();
	ck_rulebook_free(book);
	book = NULL;
}

int
main(void)
{
	char value[600];

	ck_init("test-checklist");
	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	setenv("CASEKIT_CONFIG", "/dev/null", 1);
	setenv("CASEKIT_RULES_PATH", root, 1);
	write_sets();
	book = ck_rulebook_load(NULL);
	ok(ck_rulebook_get(book, "t-deadline") != NULL, "the test sets load");

	test_status_names();
	test_result();
	test_deadline();
	test_recurring();
	test_count();
	test_present_match();
	test_when();
	test_each();
	test_waivers();
	test_remind();
	test_coordinator();
	test_consent();
	test_from();
	test_cases();
	test_age();
	test_paragraph_when();
	test_unless();
	test_followed();
	test_consent_withdrawn();
	test_child_heard();
	test_youth_plan();
	test_coordinator_any();
	test_knowledge_source();
	test_network_meeting();
	test_common_plan_review();
	test_sibling_support();
	test_transition_prepare();
	test_sip();
	test_references();
	test_defaults();
	test_unchanged();
	ck_rulebook_free(book);
	book = NULL;

	test_shipped();

	is_int(records_changed, 0, "no record passed in was changed by any judgement");
	ring_free();
	snprintf(value, sizeof value, "rm -rf '%s'", root);
	if (system(value) != 0)
		printf("# could not remove %s\n", root);
	return done_testing();
}
