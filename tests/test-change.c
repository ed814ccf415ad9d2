/* SPDX-License-Identifier: MPL-2.0 */
/* test-change.c — unit tests of lib/change.c, the one way a case is
 * changed, and of the transition operations made through it
 * (lib/transitions.c): no change, no event; a change, one event naming
 * each field once; a change that breaks the case, the case put back as
 * it was, member for member and in order. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

#define CASE "{'format':'casekit/1','id':'0101-2026-0001','opened':'2026-09-01'," \
	"'status':'open','municipality':'0101','pathway':'base','child':{'born':'2019-04-03'}," \
	"'transitions':[{'kind':'school','due':'2025-08-01','status':'planned'}]," \
	"'events':[{'at':'2026-09-01T09:00:00Z','by':'tester','tool':'case-new','op':'new'}]}"

static const json_t *
last_event(const json_t *rec)
{
	const json_t *events = json_object_get(rec, "events");

	return json_array_get(events, json_array_size(events) - 1);
}

static void
test_protocol(void)
{
	json_t *rec = json_fixture(CASE), *school;
	const char *before = keep(strdup(dump_kept(rec)));
	ck_change *c;
	ck_problem p;

	school = json_array_get(json_object_get(rec, "transitions"), 0);
	c = ck_change_begin_case(rec, "test", "same");
	ok(!ck_change_set(c, school, "transitions", "status", json_string("planned")),
	   "set: the same value is not set");
	is_int((int)ck_change_count(c), 0, "set: nothing noted");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "no change: CK_CHANGE_SAME");
	is_str(dump_kept(rec), before, "no change, no event: the case as it was");

	c = ck_change_begin_case(rec, "test", "twice");
	ok(ck_change_set(c, school, "transitions", "status", json_string("preparing")),
	   "set: a new value is set");
	ck_change_set(c, school, "transitions", "status", json_string("done"));
	ck_change_set(c, school, "transitions", "started", json_string("2025-03-01"));
	ck_change_item(c, json_string("school"));
	ck_change_event_set(c, "reason", json_string("because"));
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "a change: CK_CHANGE_CHANGED");
	is_str(dump_kept(last_event(rec)),
	       q("{'at':'2026-11-22T10:00:00Z','by':'tester','tool':'test','op':'twice',"
		 "'reason':'because','item':'school','fields':['status','started']}"),
	       "one event: each field once, in the order set, the item named");
	is_str(dump_kept(json_array_get(json_object_get(rec, "transitions"), 0)),
	       q("{'kind':'school','due':'2025-08-01','status':'done','started':'2025-03-01'}"),
	       "the members placed in casekit(5)'s order");

	before = keep(strdup(dump_kept(rec)));
	c = ck_change_begin_case(rec, "test", "bad");
	ck_change_set(c, rec, "", "status", json_string("maybe"));
	ck_change_set(c, school, "transitions", "completed", json_string("2025-08-15"));
	is_int(ck_change_commit(c, &p), CK_CHANGE_BAD, "a change that breaks the case: CK_CHANGE_BAD");
	is_str(p.field, "status", "CK_CHANGE_BAD: the field named");
	is_str(dump_kept(rec), before, "CK_CHANGE_BAD: the case put back, member for member, in order");

	c = ck_change_begin_case(rec, "test", "abandoned");
	ck_change_remove(c, rec, "pathway");
	ck_change_abandon(c);
	is_str(dump_kept(rec), before, "abandon: the case put back");
	ck_change_abandon(NULL);
	json_decref(rec);
}

/* The record read is marked changed by a commit, and only then. */
static void
test_record(void)
{
	ck_record *rec = ck_record_new(json_fixture(CASE), "test", 1);
	ck_change *c = ck_change_begin(rec, "test", "x");
	ck_problem p;

	ok(ck_change_case(c) == ck_record_json(rec), "the change works on the record's case");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "a record: no change");
	ck_record_free(rec);
}

static void
test_transitions(void)
{
	json_t *rec = json_fixture(CASE);
	ck_change *c;
	ck_problem p;
	ck_date d = day("2025-09-01");

	c = ck_change_begin_case(rec, "case-transition", "start");
	ok(!ck_transition_start(c, "adult", NULL, day("2026-11-22"), &p),
	   "start: no transition of the kind: false");
	is_str(p.field, "transitions", "start: the field named");
	ck_change_abandon(c);

	c = ck_change_begin_case(rec, "case-transition", "start");
	ok(ck_transition_start(c, "school", NULL, day("2026-11-22"), &p) && p.message[0] == '\0',
	   "start: true, no notice");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "start: changed");
	is_str(dump_kept(json_array_get(json_object_get(rec, "transitions"), 0)),
	       q("{'kind':'school','due':'2025-08-01','status':'preparing','started':'2026-11-22'}"),
	       "start: preparing, started today");

	c = ck_change_begin_case(rec, "case-transition", "start");
	ck_transition_start(c, "school", NULL, day("2026-11-23"), &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME,
	       "start again the next day: the date kept, no change, no event");

	c = ck_change_begin_case(rec, "case-transition", "done");
	ok(!ck_transition_complete(c, "school", &d, day("2026-11-22"), &p),
	   "done before it started: false");
	is_str(p.field, "transitions[#1].completed", "done before it started: the field named");
	ck_change_abandon(c);

	c = ck_change_begin_case(rec, "case-transition", "done");
	ok(ck_transition_complete(c, "school", NULL, day("2026-11-24"), &p), "done: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "done: changed");
	c = ck_change_begin_case(rec, "case-transition", "start");
	ok(ck_transition_start(c, "school", NULL, day("2026-11-25"), &p) &&
	   strstr(p.message, "already done") != NULL, "start of one done: a notice, not an error");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "start of one done: left as it was");

	c = ck_change_begin_case(rec, "case-transition", "handover");
	ok(!ck_transition_handover(c, "school", "a9", NULL, NULL, day("2026-11-22"), &p),
	   "handover to an actor the case lacks: false");
	is_str(p.field, "transitions[#1].handover.to", "handover: the field named");
	ck_change_abandon(c);
	json_decref(rec);
}

static void
test_elements(void)
{
	json_t *rec = json_fixture(CASE), *one = json_string("2026-10-01"), *actor = json_string("a9");
	json_t *kind = json_string("relief"), *to = json_string("parents"), *status = json_string("offered");
	ck_element_value decision[] = { { "decided", NULL, false } };
	ck_element_value offer[3];
	ck_element_value by_actor[] = { { "by", NULL, true } };
	ck_change *c;
	ck_problem p;

	decision[0].value = one;
	offer[0] = (ck_element_value){ "kind", kind, false };
	offer[1] = (ck_element_value){ "to", to, false };
	offer[2] = (ck_element_value){ "status", status, false };
	by_actor[0].value = actor;
	c = ck_change_begin_case(rec, "case-update", "decision");
	ok(ck_element_put(c, "decisions", 'd', NULL, decision, 1, day("2026-11-22"), "tester", &p),
	   "element: a new decision");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "element: changed");
	is_str(dump_kept(json_object_get(rec, "decisions")), q("[{'id':'d1','decided':'2026-10-01'}]"),
	       "element: the new one numbered d1");
	is_str(dump_kept(json_object_get(last_event(rec), "item")), q("'d1'"), "element: the event names d1");
	c = ck_change_begin_case(rec, "case-update", "decision");
	ok(!ck_element_put(c, "decisions", 'd', "d9", decision, 1, day("2026-11-22"), "tester", &p),
	   "element: changing one the case lacks: false");
	is_str(p.field, "decisions[d9]", "element: the element named");
	ck_change_abandon(c);
	c = ck_change_begin_case(rec, "case-update", "assessment");
	ok(!ck_element_put(c, "assessments", 's', NULL, by_actor, 1, day("2026-11-22"), "tester", &p),
	   "element: an actor the case lacks: false");
	is_str(p.field, "assessments[s1].by", "element: the member named");
	ck_change_abandon(c);
	c = ck_change_begin_case(rec, "case-update", "offer");
	ok(ck_element_put(c, "offers", 'o', NULL, offer, 3, day("2026-11-22"), "tester", &p),
	   "element: an offer");
	ck_change_commit(c, &p);
	is_str(dump_kept(json_object_get(json_array_get(json_object_get(rec, "offers"), 0), "date")),
	       q("'2026-11-22'"), "element: a new offer made today");
	json_decref(one);
	json_decref(actor);
	json_decref(kind);
	json_decref(to);
	json_decref(status);
	json_decref(rec);
}

static void
test_lifecycle(void)
{
	json_t *rec = json_fixture(CASE), *value = json_string("strained");
	ck_change *c;
	ck_problem p;

	c = ck_change_begin_case(rec, "case-update", "set");
	ok(ck_case_set_path(c, "family_strain", value, &p), "set: a field by its path");
	ok(!ck_case_set_path(c, "status.x", value, &p), "set: a step that is no object: false");
	is_str(p.field, "status.x", "set: the path named");
	ck_change_abandon(c);
	c = ck_change_begin_case(rec, "case-update", "set");
	ck_case_set_path(c, "child.born", NULL, &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "set: a removal is a change");
	c = ck_change_begin_case(rec, "case-update", "identity");
	ok(ck_case_set_identity(c, "010158-5001", NULL, &p), "identity: a CPR number");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "identity: changed");
	is_str(dump_kept(json_object_get(last_event(rec), "fields")), q("['child.cpr','child.born']"),
	       "identity: the birth date derived once, from the number (1858)");
	c = ck_change_begin_case(rec, "case-update", "close");
	ck_case_close(c, "moved", day("2026-11-21"), &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "close: changed");
	ok(ck_case_purgeable(rec, day("2026-11-22")), "purgeable: closed the day before the cut-off");
	ok(!ck_case_purgeable(rec, day("2026-11-21")), "purgeable: not when closed on the cut-off day");
	c = ck_change_begin_case(rec, "case-update", "close");
	ck_case_close(c, "other", day("2026-11-22"), &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "close of a closed case: left as it was closed");
	c = ck_change_begin_case(rec, "case-update", "reopen");
	ck_case_reopen(c, &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "reopen: changed");
	ok(json_object_get(rec, "closed") == NULL && json_object_get(rec, "closed_reason") == NULL,
	   "reopen: closed and closed_reason gone");
	json_decref(value);
	json_decref(rec);
}

static void
test_plans(void)
{
	json_t *rec = json_fixture(CASE), *not_needed = json_string("not-needed"), *made = json_string("made");
	json_t *date = json_string("2026-11-01"), *items = json_loads(q("[{'what':'x','actor':'a9'}]"), 0, NULL);
	ck_element_value v[1];
	ck_change *c;
	ck_problem p;

	v[0] = (ck_element_value){ "decision", not_needed, false };
	c = ck_change_begin_case(rec, "case-update", "plan");
	ok(ck_plan_set(c, "child", v, 1, NULL, true, false, day("2026-11-22"), &p), "plan: not-needed");
	ck_change_commit(c, &p);
	is_str(dump_kept(json_object_get(json_object_get(rec, "plans"), "child")),
	       q("{'decision':'not-needed','date':'2026-11-22'}"),
	       "plan: a decision not-needed is dated today");
	v[0] = (ck_element_value){ "decision", made, false };
	c = ck_change_begin_case(rec, "case-update", "plan");
	ck_plan_set(c, "child", v, 1, NULL, true, false, day("2026-11-23"), &p);
	ck_change_commit(c, &p);
	is_str(dump_kept(json_object_get(json_object_get(rec, "plans"), "child")),
	       q("{'decision':'made'}"), "plan: turned into made, the date goes (deciding is not making)");
	v[0] = (ck_element_value){ "date", date, false };
	c = ck_change_begin_case(rec, "case-update", "plan");
	ck_plan_set(c, "youth", v, 1, NULL, false, true, day("2026-11-23"), &p);
	ck_change_commit(c, &p);
	is_str(dump_kept(json_object_get(json_object_get(rec, "plans"), "youth")),
	       q("{'decision':'made','date':'2026-11-01'}"), "plan: a plan made was decided made");
	c = ck_change_begin_case(rec, "case-update", "plan");
	ok(!ck_plan_set(c, "common", NULL, 0, items, false, false, day("2026-11-23"), &p),
	   "plan: an item's actor the case lacks: false");
	is_str(p.field, "plans.common.items", "plan: the field named");
	ck_change_abandon(c);
	c = ck_change_begin_case(rec, "case-update", "plan");
	ck_plan_set(c, "individual", NULL, 0, NULL, false, false, day("2026-11-23"), &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "plan: nothing to set, nothing made");
	ok(json_object_get(json_object_get(rec, "plans"), "individual") == NULL,
	   "plan: no empty plan left behind");
	json_decref(not_needed);
	json_decref(made);
	json_decref(date);
	json_decref(items);
	json_decref(rec);
}

int
main(void)
{
	ck_init("test-change");
	setenv("CASEKIT_NOW", "2026-11-22T10:00:00Z", 1);
	setenv("CASEKIT_USER", "tester", 1);
	test_protocol();
	test_record();
	test_transitions();
	test_elements();
	test_lifecycle();
	test_plans();
	ring_free();
	return done_testing();
}
