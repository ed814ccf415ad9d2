/* SPDX-License-Identifier: MPL-2.0 */
/* test-summary.c — lib/summary.c and its texts and formats: whom a
 * summary is for, in which language, which consent lets a recipient see
 * what, what the family is and is not told, the successor's whole case,
 * the disclosure event, and the text and HTML written. T is 2026-11-22;
 * the shipped rule sets come from $top_srcdir/rules. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

static ck_rulebook *book;

/* A case with everything a summary may tell: ' for ". */
static const char *const CASE =
	"{'format':'casekit/1','id':'0101-2026-0001','external_ref':'DUBU-1','opened':'2026-09-01',"
	"'status':'open','municipality':'0101','team':'Nord','pathway':'rare-disability',"
	"'child':{'name':'Alma Testbarn','born':'2019-04-03','cpr':'030419-4122'},"
	"'diagnosis':{'status':'confirmed','codes':['ORPHA:778'],'label':'Rett syndrome'},"
	"'family_strain':'strained','family_view':{'date':'2026-11-15','note_ref':'NOTE-REF-1'},"
	"'assessments':[{'id':'s1','type':'child-assessment','aware':'2026-08-20','started':'2026-08-27','by':'a1'}],"
	"'decisions':[{'id':'d1','paragraph':'BL § 32','applied':'2026-09-10','decided':'2026-10-01',"
	"'outcome':'granted','started':'2026-10-15','child_heard':'2026-09-28','follow_up':{'next':'2027-04-15'}},"
	"{'id':'d2','paragraph':'BL § 87','applied':'2026-11-01'},"
	"{'id':'d3','paragraph':'BL § 86','applied':'2026-01-01','decided':'2026-01-20','outcome':'refused','child_heard':'2026-01-10',"
	"'complaint':{'received':'2026-01-25'}},"
	"{'id':'d4','paragraph':'BL § 32','decided':'2025-01-01','outcome':'granted','child_heard':'2025-01-01','ends':'2025-12-31'}],"
	"'actors':[{'id':'a1','role':'caseworker','name':'Mette Test','sector':'social','municipal':true,"
	"'authority':true,'coordinator':true,'contact':'mt@kommune.example','since':'2026-09-01'},"
	"{'id':'a2','role':'hospital','name':'Hospitalet','sector':'health','since':'2026-09-01'},"
	"{'id':'a3','role':'school','name':'Skolen','sector':'education','since':'2026-09-05'},"
	"{'id':'a4','role':'therapist','name':'Ended Therapist','sector':'health','since':'2026-09-01','until':'2026-11-01'},"
	"{'id':'a5','role':'gp','name':'No Data','sector':'health','receives_data':false},"
	"{'id':'a6','role':'other','name':'Aunt','sector':'family'}],"
	"'consents':[{'id':'c1','purpose':'p','given_by':'parents','given':'2026-09-02','expires':'2027-09-02',"
	"'recipients':['a2','a4','a5'],'scope':['diagnosis','assessments']},"
	"{'id':'c2','purpose':'p','given_by':'parents','given':'2026-09-05','recipients':['a3']}],"
	"'family':[{'id':'f1','relation':'parent','name':'Sara Parent'}],"
	"'offers':[{'id':'o1','kind':'peer-network','to':'family','status':'offered','date':'2026-10-01'},"
	"{'id':'o2','kind':'relief','to':'parents','status':'not-needed','date':'2026-10-01'}],"
	"'plans':{'common':{'updated':'2026-11-15','next_review':'2027-05-15','responsible':'a1'}},"
	"'meetings':[{'id':'m1','date':'2026-11-15','kind':'network','actors':['a1','a2'],'with_family':true}],"
	"'transitions':[{'kind':'adult','due':'2037-04-03','prepare_from':'2035-04-03','status':'planned'},"
	"{'kind':'school','due':'2025-08-01','status':'done'}],"
	"'suggestions':[{'name':'Family Org','audience':'family'},{'name':'Both Centre','audience':'both'},"
	"{'name':'Staff Centre','audience':'professional'}],"
	"'waivers':[{'id':'w1','rule':'peer-network','reason':'STAFF-REASON','by':'mt','date':'2026-11-02'}],"
	"'events':[{'at':'2026-09-01T09:30:00Z','by':'mt','tool':'case-new','op':'new'}],"
	"'checklist':{'as_of':'2026-11-01','ruleset':'rare-disability','findings':[{'rule':'coordinator',"
	"'ref':'DK 1.5','basis':'recommendation','status':'missing'}]}}";

static json_t *
parse(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(q(text), 0, &err);

	if (j == NULL)
		printf("# bad fixture: %s (column %d)\n", err.text, err.column);
	return j;
}

/* The record CASE with the change JQ-less: a member of consent c1 set. */
static json_t *
with_consent(const char *member, const char *value)
{
	json_t *r = parse(CASE);
	json_t *c1 = json_array_get(json_object_get(r, "consents"), 0);

	json_object_set_new(c1, member, json_string(value));
	return r;
}

static json_t *
summary_of(const json_t *record, ck_summary_reader reader, const char *actor, const char *lang,
	   ck_judge *judge, ck_problem *p)
{
	ck_summary_request req;

	memset(&req, 0, sizeof req);
	req.reader = reader;
	req.actor = actor;
	req.lang = lang;
	req.today = day("2026-11-22");
	req.set = ck_rulebook_get(book, "rare-disability");
	req.judge = judge;
	return ck_summary_new(record, &req, p);
}

/* The summary as compact text, kept. */
static const char *
text_of(const json_t *summary)
{
	return dump_kept(summary);
}

static bool
contains(const char *haystack, const char *needle)
{
	return haystack != NULL && strstr(haystack, needle) != NULL;
}

static void
test_names(void)
{
	is_str(ck_summary_reader_name(CK_SUMMARY_FAMILY), "family", "reader name: family");
	is_int(ck_summary_reader_parse("successor"), CK_SUMMARY_SUCCESSOR, "parse: successor");
	is_int(ck_summary_reader_parse("recipient"), CK_SUMMARY_RECIPIENT, "parse: recipient");
	is_int(ck_summary_reader_parse("Family"), -1, "parse: case matters");
	is_int(ck_summary_reader_parse(NULL), -1, "parse: NULL");
	ok(ck_summary_reader_name((ck_summary_reader)7) == NULL, "reader name: out of range");
}

static void
test_country_language(void)
{
	json_t *dk = parse("{'municipality':'0101'}");
	json_t *se = parse("{'municipality':'SE-0180','family':[{'relation':'parent','interpreter':'ar'},"
			   "{'relation':'parent','interpreter':'sv'}]}");
	json_t *local = parse("{'municipality':'Nordby','family':[{'interpreter':'ar'}]}");
	bool unmet;

	is_str(ck_case_country(dk), "DK", "a DK code: DK");
	is_str(ck_case_country(se), "SE", "SE-0180: SE");
	is_str(ck_case_country(local), "DK", "a local name: DK");
	is_str(ck_summary_language(se, CK_SUMMARY_FAMILY, "da", &unmet), "da", "--lang wins");
	ok(!unmet, "--lang: nothing unmet");
	is_str(ck_summary_language(se, CK_SUMMARY_FAMILY, NULL, &unmet), "sv",
	       "family: the first interpreter language casekit writes");
	ok(unmet, "family: an interpreter language it does not write is told");
	is_str(ck_summary_language(se, CK_SUMMARY_SUCCESSOR, NULL, NULL), ck_language(),
	       "successor: the locale's, never the family's");
	is_str(ck_summary_language(local, CK_SUMMARY_FAMILY, "xx", &unmet), ck_language(),
	       "an unknown language, no usable interpreter: the locale's");
	ok(unmet, "... and the interpreter language is told as unmet");
	json_decref(dk);
	json_decref(se);
	json_decref(local);
}

/* ck_summary_consent for actor ID of RECORD on T: the consent's id, or
 * "-" and the reason. */
static const char *
consent_for(const json_t *record, const char *id, const char *t)
{
	const json_t *actor = ck_case_element(record, "actors", id);
	const char *why = NULL;
	const json_t *c = ck_summary_consent(record, actor, day(t), &why);
	char *text;

	if (c != NULL)
		return json_string_value(json_object_get(c, "id"));
	text = malloc(200);
	snprintf(text, 200, "- %s", why != NULL ? why : "(no reason)");
	return keep(text);
}

static void
test_consent(void)
{
	json_t *r = parse(CASE);
	json_t *w;

	is_str(consent_for(r, "a2", "2026-11-22"), "c1", "a valid consent naming the actor");
	is_str(consent_for(r, "a2", "2027-09-02"), "c1", "on its last day it still holds");
	is_str(consent_for(r, "a2", "2027-09-03"), "- the consent naming the actor has expired",
	       "the day after: expired");
	is_str(consent_for(r, "a2", "2026-09-01"), "- the consent naming the actor is not given yet",
	       "before it was given: nothing");
	is_str(consent_for(r, "a3", "2037-04-02"), "c2",
	       "the parents' consent without end: through the day before the 18th birthday");
	is_str(consent_for(r, "a3", "2037-04-03"), "- the consent naming the actor has expired",
	       "... and not on the 18th birthday");
	is_str(consent_for(r, "a1", "2026-11-22"), "- no consent names the actor",
	       "a municipal actor named by no consent gets nothing");
	is_str(consent_for(r, "a4", "2026-11-22"), "- the actor's part in the case has ended",
	       "an actor whose part has ended");
	is_str(consent_for(r, "a5", "2026-11-22"), "- the actor is marked as receiving no data",
	       "an actor that receives no data");

	w = with_consent("withdrawn", "2026-11-22");
	is_str(consent_for(w, "a2", "2026-11-22"), "- the consent naming the actor was withdrawn",
	       "withdrawn today: nothing");
	json_decref(w);
	w = with_consent("withdrawn", "2026-12-01");
	is_str(consent_for(w, "a2", "2026-11-22"), "c1", "withdrawn from a later day: still holds");
	json_decref(w);

	/* A later refusal speaks last, though the earlier consent runs on. */
	w = parse(CASE);
	json_array_append_new(json_object_get(w, "consents"),
			      parse("{'id':'c3','purpose':'p','given_by':'parents','refused':'2026-11-01',"
				    "'recipients':['a2']}"));
	is_str(consent_for(w, "a2", "2026-11-22"), "- the consent naming the actor was refused",
	       "a later refusal: nothing, whatever the earlier consent said");
	json_decref(w);
	json_decref(r);
}

static void
test_recipient(void)
{
	json_t *r = parse(CASE), *s, *w;
	ck_problem p;
	const char *t;

	s = summary_of(r, CK_SUMMARY_RECIPIENT, "a2", "en", NULL, &p);
	t = text_of(s);
	ok(s != NULL, "the hospital, with a consent: a summary");
	is_str(dump_kept(json_object_get(s, "parts")), "[\"who\",\"diagnosis\",\"assessments\"]",
	       "parts: who is who and the consent's scope, in order");
	ok(json_object_get(s, "diagnosis") != NULL && json_object_get(s, "assessments") != NULL,
	   "the diagnosis and the assessments");
	ok(json_object_get(s, "decisions") == NULL && json_object_get(s, "plans") == NULL &&
	   json_object_get(s, "transitions") == NULL && json_object_get(s, "family") == NULL &&
	   json_object_get(s, "actors") == NULL && json_object_get(s, "child") == NULL,
	   "nothing the scope does not list");
	ok(!contains(t, "Alma") && !contains(t, "030419") && !contains(t, "DUBU-1"),
	   "no identity without the identity part (name, CPR, case number)");
	ok(!contains(t, "Sara Parent") && !contains(t, "Aunt"),
	   "no family without the family part, not even a family actor in who is who");
	ok(!contains(t, "Ended Therapist"), "who is who: active actors only");
	ok(contains(t, "Both Centre") && !contains(t, "Family Org"),
	   "with the diagnosis: the directory's entries for professionals");
	ok(!contains(t, "STAFF-REASON") && !contains(t, "NOTE-REF-1") && !contains(t, "strained") &&
	   !contains(t, "\"rule\""), "no waiver, note, strain or finding");
	is_str(json_string_value(json_object_get(json_object_get(s, "consent"), "id")), "c1",
	       "the consent it rests on");
	json_decref(s);

	s = summary_of(r, CK_SUMMARY_RECIPIENT, "a3", "en", NULL, &p);
	t = text_of(s);
	is_str(dump_kept(json_object_get(s, "parts")), "[\"who\"]", "a consent without scope: who is who");
	ok(json_object_get(s, "who") != NULL && json_object_get(s, "diagnosis") == NULL &&
	   json_object_get(s, "knowledge") == NULL, "only who is who; no directory entries");
	json_decref(s);

	s = summary_of(r, CK_SUMMARY_RECIPIENT, "a1", "en", NULL, &p);
	ok(s == NULL, "no consent: no summary");
	is_str(p.message, "no consent names the actor", "... and why");
	s = summary_of(r, CK_SUMMARY_RECIPIENT, "a9", "en", NULL, &p);
	ok(s == NULL && strcmp(p.field, "actors") == 0, "an actor the case lacks: bad input");
	s = summary_of(r, CK_SUMMARY_RECIPIENT, NULL, "en", NULL, &p);
	ok(s == NULL, "a recipient needs an actor");

	w = with_consent("withdrawn", "2026-11-20");
	s = summary_of(w, CK_SUMMARY_RECIPIENT, "a2", "en", NULL, &p);
	ok(s == NULL, "a withdrawn consent: no summary");
	json_decref(w);

	/* Every part, and the identity numbers with the identity part. */
	w = parse(CASE);
	json_object_set_new(json_array_get(json_object_get(w, "consents"), 0), "scope",
			    parse("['identity','family','actors','decisions','plans','transitions']"));
	s = summary_of(w, CK_SUMMARY_RECIPIENT, "a2", "en", NULL, &p);
	t = text_of(s);
	ok(contains(t, "\"cpr\":\"030419-4122\"") && contains(t, "DUBU-1"),
	   "identity: the CPR number and the case number");
	ok(contains(t, "Sara Parent") && contains(t, "Aunt"), "family: the family and its actors");
	ok(contains(t, "Ended Therapist") && contains(t, "\"actors\":["), "actors: every actor, ended too");
	ok(!contains(t, "\"consent\":\"given\"") && !contains(t, "complaint"),
	   "never another actor's consent state, never a complaint");
	ok(json_object_get(s, "diagnosis") == NULL && json_object_get(s, "assessments") == NULL,
	   "still nothing the scope leaves out");
	json_decref(s);
	json_decref(w);
	json_decref(r);
}

static void
test_family(void)
{
	const ck_ruleset *set = ck_rulebook_get(book, "rare-disability");
	ck_judge *judge = ck_judge_new(set);
	json_t *r = parse(CASE), *s, *next;
	ck_problem p;
	const char *t;
	size_t i;

	s = summary_of(r, CK_SUMMARY_FAMILY, NULL, "da", judge, &p);
	t = text_of(s);
	ok(s != NULL, "a family summary");
	ok(json_object_get(s, "parts") == NULL && json_object_get(s, "actor") == NULL,
	   "no parts, no actor");
	is_str(dump_kept(json_object_get(s, "child")), "{\"name\":\"Alma Testbarn\"}",
	       "the child by name only");
	ok(!contains(t, "030419") && !contains(t, "2019-04-03"), "no CPR number, no birth date");
	ok(!contains(t, "ORPHA") && !contains(t, "Rett") && !contains(t, "confirmed"),
	   "no diagnosis: code, label or status");
	ok(!contains(t, "\"rule\"") && !contains(t, "DK 1.5") && !contains(t, "missing") &&
	   !contains(t, "\"basis\""), "no rule, no finding");
	ok(!contains(t, "STAFF-REASON") && !contains(t, "NOTE-REF-1") && !contains(t, "strained") &&
	   !contains(t, "complaint"), "no waiver, note, strain or complaint");
	is_str(json_string_value(json_object_get(json_object_get(s, "coordinator"), "name")),
	       "Mette Test", "the coordinator first");
	is_int(json_array_size(json_object_get(s, "decided")), 1,
	       "decided: the granted support that has not ended; not the refusal");
	is_str(json_string_value(json_object_get(json_array_get(json_object_get(s, "decided"), 0),
						 "next_follow_up")), "2027-04-15",
	       "... with its next follow-up");
	ok(contains(json_string_value(json_object_get(json_array_get(json_object_get(s, "decided"), 0),
						      "text")), "Støtte til barnet og familien"),
	   "... in plain Danish");
	next = json_object_get(s, "next");
	is_str(json_string_value(json_object_get(json_array_get(next, 0), "kind")), "application",
	       "next: the application being dealt with first (its date has passed)");
	for (i = 1; i < json_array_size(next); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(next, i - 1), "date")),
			   json_string_value(json_object_get(json_array_get(next, i), "date"))) > 0)
			break;
	is_int(i, json_array_size(next), "next: in order of date");
	ok(contains(t, "\"kind\":\"network-meeting\",\"date\":\"2027-05-15\",\"by\":true"),
	   "next: the network meeting by the rules' 6 months after the last");
	ok(contains(t, "\"kind\":\"transition\",\"date\":\"2037-04-03\""), "next: the adult transition");
	ok(!contains(t, "2025-08-01"), "not a transition that is done");
	is_str(json_string_value(json_object_get(s, "last_network_meeting")), "2026-11-15",
	       "the last network meeting held");
	ok(contains(t, "Family Org") && contains(t, "Both Centre") && !contains(t, "Staff Centre"),
	   "knowledge: entries for families and both, not for professionals");
	ok(contains(t, "\"kind\":\"peer-network\"") && !contains(t, "\"relief\""),
	   "offers: not those found not needed");
	is_int(json_array_size(json_object_get(s, "rights")), 4, "the four Danish rights");
	ok(contains(t, "4 uger") && contains(t, "Ankestyrelsen") && contains(t, "bisidder") &&
	   contains(t, "aktindsigt") && contains(t, "hørt"),
	   "complaint in 4 weeks to Ankestyrelsen, bisidder, aktindsigt, the child heard");
	ok(contains(t, "Ended Therapist") == false, "who is who: active actors only");
	json_decref(s);

	/* Swedish, for a Swedish case. */
	json_object_set_new(r, "municipality", json_string("SE-0180"));
	s = summary_of(r, CK_SUMMARY_FAMILY, NULL, "sv", judge, &p);
	t = text_of(s);
	is_int(json_array_size(json_object_get(s, "rights")), 6, "the six Swedish rights");
	ok(contains(t, "tre veckor") && contains(t, "förvaltningsrätten") && contains(t, "SIP") &&
	   contains(t, "koordinator"), "överklagande in three weeks, SIP, koordinator");
	is_str(json_string_value(json_object_get(s, "country")), "SE", "country SE");
	json_decref(s);
	json_decref(r);
	ck_judge_free(judge);
}

static void
test_successor(void)
{
	const ck_ruleset *set = ck_rulebook_get(book, "rare-disability");
	ck_judge *judge = ck_judge_new(set);
	json_t *r = parse(CASE), *s, *events, *f;
	ck_problem p;
	const char *t;
	size_t i;

	s = summary_of(r, CK_SUMMARY_SUCCESSOR, NULL, "en", judge, &p);
	t = text_of(s);
	ok(s != NULL, "a successor summary");
	is_str(dump_kept(json_object_get(s, "parts")),
	       "[\"who\",\"actors\",\"diagnosis\",\"assessments\",\"decisions\",\"plans\","
	       "\"transitions\",\"family\",\"identity\"]", "every part");
	ok(contains(t, "Ended Therapist") && contains(t, "\"until\":\"2026-11-01\""),
	   "ended actors, with their periods");
	ok(contains(t, "\"consent\":\"given\"") && contains(t, "\"state\":\"given\""),
	   "consent states per actor and per consent");
	ok(!contains(t, "030419"), "no CPR number: the case system holds it");
	ok(contains(t, "Alma Testbarn") && contains(t, "2019-04-03"), "the child's name and birth date");
	ok(contains(t, "\"complaint\"") && contains(t, "NOTE-REF-1") && contains(t, "STAFF-REASON"),
	   "the staff's own: complaint, family view, waivers");
	ok(contains(t, "Staff Centre") && contains(t, "Family Org"), "every suggestion");
	f = json_object_get(s, "findings");
	for (i = 0; i < json_array_size(f); i++)
		if (json_object_get(json_array_get(f, i), "title") == NULL)
			break;
	ok(json_array_size(f) > 0 && i == json_array_size(f),
	   "open findings judged as of today, each with its title");
	ok(!contains(dump_kept(f), "\"status\":\"ok\"") && !contains(dump_kept(f), "n/a"),
	   "only the open ones");
	json_decref(s);

	/* The history keeps the latest 40 events. */
	events = json_object_get(r, "events");
	for (i = 0; i < 45; i++)
		json_array_append_new(events, parse("{'at':'2026-10-01T00:00:00Z','by':'x','tool':"
						    "'case-update','op':'set','fields':['family_strain']}"));
	s = summary_of(r, CK_SUMMARY_SUCCESSOR, NULL, "en", judge, &p);
	is_int(json_array_size(json_object_get(s, "history")), 40, "history: the latest 40");
	is_int(json_integer_value(json_object_get(s, "history_left_out")), 6, "... and how many not");
	ok(!contains(dump_kept(json_object_get(s, "history")), "fields"),
	   "history: who did what when, not the fields");
	json_decref(s);
	json_decref(r);
	ck_judge_free(judge);
}

/* The last member's key of OBJECT. */
static const char *
last_key(const json_t *object)
{
	const char *key, *last = NULL;
	json_t *value;

	json_object_foreach((json_t *)object, key, value)
		last = key;
	return last;
}

static void
test_log(void)
{
	json_t *r = parse(CASE), *s, *ev;
	ck_problem p;
	size_t n = json_array_size(json_object_get(r, "events"));

	s = summary_of(r, CK_SUMMARY_RECIPIENT, "a2", "en", NULL, &p);
	ok(ck_summary_log(r, s), "a recipient summary is logged");
	ev = json_array_get(json_object_get(r, "events"), n);
	json_object_del(ev, "at");
	is_str(dump_kept(ev), "{\"by\":\"tester\",\"tool\":\"case-summary\",\"op\":\"summary\","
	       "\"for\":\"recipient\",\"actor\":\"a2\",\"consent\":\"c1\","
	       "\"parts\":[\"who\",\"diagnosis\",\"assessments\"]}",
	       "the event: for, actor, consent, parts; no value");
	is_str(json_string_value(json_object_get(json_array_get(json_object_get(r, "events"), 0), "op")),
	       "new", "the trail is appended to");
	json_decref(s);
	s = summary_of(r, CK_SUMMARY_FAMILY, NULL, "en", NULL, &p);
	ok(!ck_summary_log(r, s), "a family summary is not");
	is_int(json_array_size(json_object_get(r, "events")), n + 1, "... and adds no event");
	is_str(last_key(r), "checklist",
	   "the checklist stays the last member");
	json_decref(s);
	json_decref(r);
}

static void
test_texts(void)
{
	char out[256];

	ok(ck_summary_paragraph_text("Barnets lov § 32, stk. 1, nr. 7", "da", out, sizeof out) &&
	   strncmp(out, "Støtte til barnet og familien", 29) == 0, "§ 32 stk. 1 nr. 7: § 32's words");
	ok(ck_summary_paragraph_text("BL § 87", "sv", out, sizeof out) &&
	   contains(out, "förlorar"), "§ 87 in Swedish");
	ok(ck_summary_paragraph_text("LSS 9 § 6", "sv", out, sizeof out) &&
	   strcmp(out, "Korttidsvistelse utanför det egna hemmet") == 0, "LSS 9 § 6: korttidsvistelse");
	ok(ck_summary_paragraph_text("LSS 9 § 11", "sv", out, sizeof out) &&
	   strcmp(out, "Insats enligt LSS") == 0, "an LSS 9 § point not listed: LSS 9 §'s words");
	ok(ck_summary_paragraph_text("BL § 114", "da", out, sizeof out) &&
	   strcmp(out, "En afgørelse efter barnets lov § 114") == 0,
	   "a paragraph without words: by its law");
	ok(!ck_summary_paragraph_text("§ 32", "da", out, sizeof out) && out[0] == '\0',
	   "a paragraph casekit cannot read: false, empty");
	ok(!ck_summary_paragraph_text("BL § 32", "da", out, 0), "SIZE 0");
	is_str(ck_summary_text("heading.rights", "sv"), "Era rättigheter", "a heading in Swedish");
	is_str(ck_summary_text("heading.rights", "xx"), "Your rights", "an unknown language: English");
	ok(ck_summary_text("no.such.key", "da") == NULL, "an unknown key: NULL");
	is_str(ck_summary_value_text("outcome", "partly", "da"), "delvis bevilget", "a value in Danish");
	is_str(ck_summary_role_text("local-role", "da"), "local-role", "a local role: as written");
	is_str(ck_summary_role_text("family-adviser", "da"), "Familievejleder",
	       "the law's word: familievejleder");
	ok(!contains(ck_summary_text("offer.family-adviser", "da"), "familierådgiver") &&
	   !contains(ck_summary_text("offer.family-adviser", "sv"), "familjerådgivare"),
	   "never familierådgiver or familjerådgivare");
	is_int(ck_summary_rights_count("DK"), 4, "DK: 4 rights");
	is_int(ck_summary_rights_count("SE"), 6, "SE: 6 rights");
	{
		const char *title, *text;

		ok(!ck_summary_right("DK", 4, "da", &title, &text), "past the end: false");
	}
}

/* The text and HTML written from a summary whose values try to break
 * out: markup and control characters from a record never reach the
 * reader as such. */
static void
test_formats(void)
{
	json_t *r = parse(CASE), *s;
	ck_problem p;
	char *buf = NULL;
	size_t size = 0;
	FILE *f;

	json_object_set_new(json_array_get(json_object_get(r, "actors"), 2), "name",
			    json_string("<script>alert(1)</script>\x1b[2J"));
	s = summary_of(r, CK_SUMMARY_FAMILY, NULL, "da", NULL, &p);
	f = open_memstream(&buf, &size);
	ok(ck_summary_write_html_begin(f, s) && ck_summary_write_html(f, s) &&
	   ck_summary_write_html_end(f), "HTML written");
	fclose(f);
	ok(!contains(buf, "<script") && contains(buf, "&lt;script&gt;"), "HTML: markup escaped");
	ok(!contains(buf, "\x1b"), "HTML: no control character");
	ok(contains(buf, "<html lang=\"da\">") && contains(buf, "<article class=\"family\" lang=\"da\">"),
	   "HTML: in the summary's language");
	ok(contains(buf, "href=\"mailto:mt@kommune.example\""), "HTML: a mail address is a link");
	ok(!contains(buf, "src=") && !contains(buf, "@import") && !contains(buf, "url("),
	   "HTML: nothing fetched");
	ok(contains(buf, "@page{size:A4"), "HTML: prints on A4");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &size);
	ok(ck_summary_write_text(f, s), "text written");
	fclose(f);
	ok(!contains(buf, "\x1b") && contains(buf, "<script>alert(1)</script>"),
	   "text: control characters as spaces, the rest as written");
	ok(contains(buf, "Overblik til familien\n=====================\n"), "text: the title underlined");
	ok(contains(buf, "15. april 2027"), "text: the family's dates in words");
	free(buf);
	json_decref(s);
	json_decref(r);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char value[1024];

	setenv("CASEKIT_USER", "tester", 1);
	if (top == NULL) {
		ok(1, "# SKIP top_srcdir is not set: the shipped sets are needed");
		return done_testing();
	}
	snprintf(value, sizeof value, "%s/rules", top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	test_names();
	test_country_language();
	test_consent();
	test_recipient();
	test_family();
	test_successor();
	test_log();
	test_texts();
	test_formats();
	ck_rulebook_free(book);
	ring_free();
	return done_testing();
}
