/* SPDX-License-Identifier: MPL-2.0 */
/* test-actors.c — unit tests of lib/actors.c, everyone around the
 * family through a change: add and end an actor, the one coordinator,
 * consents and their withdrawal, the directory's suggestions, reassign,
 * and the rows of the list. Bad input leaves the case as it was. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

#define CASE "{'format':'casekit/1','id':'0101-2026-0001','opened':'2026-09-01'," \
	"'status':'open','municipality':'0101','pathway':'base'," \
	"'child':{'born':'2019-04-03'},'diagnosis':{'codes':['ORPHA:778']}," \
	"'actors':[{'id':'a1','role':'caseworker','name':'Mette','municipal':true," \
	"'contact':'mette@kommune.example','coordinator':true,'since':'2026-09-01'}," \
	"{'id':'a2','role':'school','name':'Ole','municipal':false,'since':'2026-09-01'}]," \
	"'events':[{'at':'2026-09-01T09:00:00Z','by':'tester','tool':'case-new','op':'new'}]}"

static const char *
last_event(const json_t *rec)
{
	const json_t *events = json_object_get(rec, "events");
	json_t *event = json_deep_copy(json_array_get(events, json_array_size(events) - 1));
	const char *text;

	json_object_del(event, "at");
	json_object_del(event, "by");
	json_object_del(event, "tool");
	text = dump_kept(event);
	json_decref(event);
	return text;
}

static const char *
element(const json_t *rec, const char *key, const char *id)
{
	return dump_kept(ck_case_element(rec, key, id));
}

static void
test_add_end(void)
{
	json_t *rec = json_fixture(CASE);
	json_t *actor = json_fixture("{'role':'doctor','name':'Kim','municipal':false,"
			     "'since':'2026-11-22'}");
	json_t *until = json_string("2026-11-22");
	bool was;
	ck_change *c;
	ck_problem p;

	c = ck_change_begin_case(rec, "case-actors", "add");
	ok(ck_actor_add(c, actor, &p), "add: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "add: changed");
	is_str(element(rec, "actors", "a3"),
	       q("{'id':'a3','role':'doctor','name':'Kim','municipal':false,'since':'2026-11-22'}"),
	       "add: the next id, first");
	is_str(last_event(rec), q("{'op':'add','item':'a3','fields':['role','name','municipal','since']}"),
	       "add: the event names the id and the members");

	c = ck_change_begin_case(rec, "case-actors", "end");
	ok(!ck_actor_end(c, "a9", until, &was, &p), "end: no such actor: false");
	is_str(p.field, "actors[a9]", "end: no such actor: the field named");
	is_str(p.message, "no such actor in this case", "end: no such actor: said");
	ck_change_abandon(c);

	c = ck_change_begin_case(rec, "case-actors", "end");
	ok(ck_actor_end(c, "a1", until, &was, &p) && was, "end: the coordinator: told so");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "end: changed");
	is_str(last_event(rec), q("{'op':'end','item':'a1','fields':['until']}"),
	       "end: the event names until");

	c = ck_change_begin_case(rec, "case-actors", "end");
	ok(ck_actor_end(c, "a1", until, &was, &p) && !was, "end again: true, nothing changed");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "end again, same date: no event");
	json_decref(until);
	json_decref(actor);
	json_decref(rec);
}

static void
test_coordinator(void)
{
	json_t *rec = json_fixture(CASE);
	const char *before = keep(strdup(dump_kept(rec)));
	json_t *actor = json_fixture("{'role':'pedagogue','name':'Sara','municipal':true,"
			     "'since':'2026-09-01'}");
	ck_date today = day("2026-11-22");
	ck_change *c;
	ck_problem p;

	c = ck_change_begin_case(rec, "case-actors", "coordinator");
	ok(!ck_actor_set_coordinator(c, "a2", NULL, today, &p), "coordinator: not municipal: false");
	is_str(p.field, "actors[a2]", "coordinator: not municipal: the field named");
	ck_change_abandon(c);
	is_str(dump_kept(rec), before, "coordinator: bad input leaves the case as it was");

	c = ck_change_begin_case(rec, "case-actors", "coordinator");
	ok(!ck_actor_set_coordinator(c, "a1", NULL, day("2026-08-01"), &p),
	   "coordinator: not active yet: false");
	ck_change_abandon(c);

	c = ck_change_begin_case(rec, "case-actors", "coordinator");
	ok(ck_actor_set_coordinator(c, "a1", NULL, today, &p), "coordinator: already: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "coordinator: already: no event");

	c = ck_change_begin_case(rec, "case-actors", "add");
	ck_actor_add(c, actor, &p);
	ck_change_commit(c, &p);
	c = ck_change_begin_case(rec, "case-actors", "coordinator");
	ok(ck_actor_set_coordinator(c, "a3", NULL, today, &p), "coordinator: another: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "coordinator: another: changed");
	is_str(last_event(rec),
	       q("{'op':'coordinator','item':'a3','fields':['coordinator'],'previous':['a1']}"),
	       "coordinator: the event names the previous one last");
	ok(json_object_get(ck_case_element(rec, "actors", "a1"), "coordinator") == NULL,
	   "coordinator: the flag gone from the previous one");
	json_decref(actor);
	json_decref(rec);
}

static void
test_consent(void)
{
	json_t *rec = json_fixture(CASE);
	json_t *consent = json_fixture("{'recipients':['a2'],'purpose':'school','given_by':'parents',"
			       "'given':'2026-11-01'}");
	json_t *stranger = json_fixture("{'recipients':['a2','a7'],'purpose':'school',"
				"'given_by':'parents','given':'2026-11-01'}");
	json_t *early = json_string("2026-10-01"), *later = json_string("2026-11-20");
	ck_change *c;
	ck_problem p;

	c = ck_change_begin_case(rec, "case-actors", "consent");
	ok(!ck_consent_add(c, stranger, &p), "consent: an actor not the case's: false");
	is_str(p.field, "actors[a7]", "consent: the actor named");
	ck_change_abandon(c);

	c = ck_change_begin_case(rec, "case-actors", "consent");
	ok(ck_consent_add(c, consent, &p), "consent: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "consent: changed");
	is_str(last_event(rec),
	       q("{'op':'consent','item':'c1','fields':['recipients','purpose','given_by','given']}"),
	       "consent: the event names c1 and the members");
	c = ck_change_begin_case(rec, "case-actors", "consent");
	ok(ck_consent_add(c, consent, &p), "consent again: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "consent again: there once");

	c = ck_change_begin_case(rec, "case-actors", "consent");
	ok(!ck_consent_withdraw(c, "c4", later, &p), "withdraw: no such consent: false");
	is_str(p.field, "consents[c4]", "withdraw: the consent named");
	ck_change_abandon(c);
	c = ck_change_begin_case(rec, "case-actors", "consent");
	ok(!ck_consent_withdraw(c, "c1", early, &p), "withdraw before given: false");
	is_str(p.field, "consents[c1].withdrawn", "withdraw before given: the field named");
	is_str(p.message, "before given", "withdraw before given: said");
	ck_change_abandon(c);
	c = ck_change_begin_case(rec, "case-actors", "consent");
	ok(ck_consent_withdraw(c, "c1", later, &p), "withdraw: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "withdraw: changed");
	is_str(last_event(rec), q("{'op':'consent','item':'c1','fields':['withdrawn']}"),
	       "withdraw: the event names withdrawn");
	json_decref(early);
	json_decref(later);
	json_decref(stranger);
	json_decref(consent);
	json_decref(rec);
}

static void
test_suggest(void)
{
	static const char entry[] =
		"{\"pattern\":\"ORPHA:778\",\"name\":\"Center\",\"audience\":\"both\"}\n";
	char path[] = "/tmp/test-actors-XXXXXX.jsonl";
	json_t *rec = json_fixture(CASE);
	ck_directory *dir;
	unsigned long line;
	ck_change *c;
	ck_problem p;
	int fd = mkstemps(path, 6);

	if (fd < 0 || write(fd, entry, sizeof entry - 1) != (ssize_t)(sizeof entry - 1) ||
	    close(fd) != 0) {
		printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	dir = ck_directory_load(path, ',', NULL, &line, &p);
	unlink(path);
	ok(dir != NULL, "suggest: the directory loads");

	c = ck_change_begin_case(rec, "case-actors", "suggest");
	ok(ck_case_suggest(c, dir, &p), "suggest: true");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "suggest: changed");
	is_str(dump_kept(json_object_get(rec, "suggestions")), q("[{'name':'Center','audience':'both'}]"),
	       "suggest: the entry that matches");
	is_str(last_event(rec), q("{'op':'suggest','fields':['suggestions']}"),
	       "suggest: the event names suggestions");
	c = ck_change_begin_case(rec, "case-actors", "suggest");
	ck_case_suggest(c, dir, &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "suggest again: no event");

	json_object_del(rec, "diagnosis");
	c = ck_change_begin_case(rec, "case-actors", "suggest");
	ck_case_suggest(c, dir, &p);
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "suggest, no match: changed");
	ok(json_object_get(rec, "suggestions") == NULL, "suggest, no match: removed");
	ck_directory_free(dir);
	json_decref(rec);
}

static void
test_reassign(void)
{
	json_t *rec = json_fixture(CASE);
	json_t *name = json_string("Jens"), *contact = json_string("jens@kommune.example");
	json_t *date = json_string("2026-11-22");
	ck_successor to = { name, contact, date };
	ck_date today = day("2026-11-22");
	size_t matched = 0;
	ck_change *c;
	ck_problem p;

	c = ck_change_begin_case(rec, "case-actors", "reassign");
	ok(ck_actors_reassign(c, "METTE@kommune.example", &to, today, &matched, &p),
	   "reassign: true");
	is_int((int)matched, 1, "reassign: one actor matched, case ignored");
	is_int(ck_change_commit(c, &p), CK_CHANGE_CHANGED, "reassign: changed");
	is_str(last_event(rec), q("{'op':'reassign','ended':['a1'],'added':['a3']}"),
	       "reassign: the event names who ended and who was added, no fields");
	is_str(element(rec, "actors", "a3"),
	       q("{'id':'a3','role':'caseworker','name':'Jens','municipal':true,"
		 "'coordinator':true,'contact':'jens@kommune.example','since':'2026-11-22'}"),
	       "reassign: the successor takes the place");

	matched = 0;
	c = ck_change_begin_case(rec, "case-actors", "reassign");
	ok(ck_actors_reassign(c, "mette@kommune.example", &to, today, &matched, &p),
	   "reassign again: true");
	is_int((int)matched, 0, "reassign again: the old one is no longer active");
	is_int(ck_change_commit(c, &p), CK_CHANGE_SAME, "reassign again: no event");
	json_decref(name);
	json_decref(contact);
	json_decref(date);
	json_decref(rec);
}

static void
test_rows(void)
{
	json_t *rec = json_fixture(CASE), *json;
	ck_actor_row row;

	json_object_del(json_array_get(json_object_get(rec, "actors"), 1), "id");
	ck_actor_row_fill(rec, 0, day("2026-11-22"), &row);
	is_str(row.cells[CK_ACTOR_CASE], "0101-2026-0001", "row: the case");
	is_str(row.cells[CK_ACTOR_ID], "a1", "row: the actor");
	is_str(row.cells[CK_ACTOR_CONSENT], "not-needed", "row: municipal, no consent needed");
	ok(row.active && row.coordinator, "row: active, the coordinator");
	ok(row.cells[CK_ACTOR_REF] == NULL && row.cells[CK_ACTOR_ORG] == NULL,
	   "row: absent texts are NULL");
	ck_actor_row_fill(rec, 1, day("2026-08-01"), &row);
	is_str(row.cells[CK_ACTOR_ID], "#2", "row: an actor without an id by its place");
	ok(!row.active && !row.coordinator, "row: not active before since");
	is_str(ck_actor_columns[CK_ACTOR_REF], "external_ref", "columns: the CSV names");
	json = ck_actor_row_json(&row);
	is_str(dump_kept(json),
	       q("{'case':'0101-2026-0001','actor':'#2','role':'school','name':'Ole',"
		 "'active':false,'coordinator':false,'consent':'none'}"),
	       "row as JSON: the columns by name, absent texts left out");
	json_decref(json);
	json_decref(rec);
}

int
main(void)
{
	test_add_end();
	test_coordinator();
	test_consent();
	test_suggest();
	test_reassign();
	test_rows();
	ring_free();
	return done_testing();
}
