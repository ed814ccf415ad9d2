/* SPDX-License-Identifier: MPL-2.0 */
/* test-validate.c — unit tests of lib/validate.c: what casekit(5) allows,
 * which field a problem is reported at, and that no message carries a
 * value from the record.
 *
 * No real-looking CPR number appears here: 010158-5000 with born
 * 1858-01-01 is a date before CPR numbers existed, and personnummer are
 * of the 1850s, so no number below can belong to anyone. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"

/* Section 2's example, without a real-looking CPR number. */
static const char example[] =
	"{\"format\":\"casekit/1\",\"id\":\"0101-2026-0001\",\"external_ref\":\"DUBU-88213\",\"opened\":\"2026-11-02\","
	"\"status\":\"open\",\"municipality\":\"0101\",\"team\":\"B\\u00f8rnehandicap Nord\",\"pathway\":\"rare-disability\","
	"\"child\":{\"name\":\"Alma Jensen\",\"born\":\"1858-01-01\",\"cpr\":\"010158-5000\"},"
	"\"diagnosis\":{\"status\":\"suspected\",\"codes\":[\"ORPHA:778\"],\"label\":\"Rett syndrome\"},"
	"\"target_group\":{\"status\":\"yes\",\"date\":\"2026-11-20\"},"
	"\"family_strain\":\"strained\","
	"\"family_view\":{\"date\":\"2026-11-15\",\"strain\":\"strained\",\"note_ref\":\"DUBU-88213/12\"},"
	"\"milestones\":{\"concern\":\"2026-09-01\",\"aware\":\"2026-10-20\"},"
	"\"assessments\":[{\"type\":\"child-assessment\",\"aware\":\"2026-10-20\",\"started\":\"2026-10-27\",\"by\":\"a1\"},"
	"{\"type\":\"medical\",\"started\":\"2026-10-01\",\"by\":\"a2\"}],"
	"\"decisions\":[{\"id\":\"d1\",\"paragraph\":\"BL \\u00a7 32\",\"applied\":\"2026-11-01\",\"decided\":\"2026-11-20\","
	"\"outcome\":\"granted\",\"started\":\"2026-12-01\",\"child_heard\":\"2026-11-18\"}],"
	"\"actors\":["
	"{\"id\":\"a1\",\"role\":\"caseworker\",\"name\":\"Mette Holm\",\"org\":\"B\\u00f8rn og Familie\",\"sector\":\"social\","
	"\"municipal\":true,\"authority\":true,\"coordinator\":true,\"contact\":\"meho@kommune.dk\",\"since\":\"2026-11-02\"},"
	"{\"id\":\"a2\",\"role\":\"hospital\",\"name\":\"Center for Sj\\u00e6ldne Sygdomme\",\"sector\":\"health\","
	"\"municipal\":false,\"since\":\"2026-11-03\"}],"
	"\"consents\":[{\"id\":\"c1\",\"purpose\":\"share assessment with hospital\",\"given_by\":\"parents\","
	"\"given\":\"2026-11-03\",\"expires\":\"2027-11-03\",\"recipients\":[\"a2\"]}],"
	"\"family\":[{\"relation\":\"parent\",\"name\":\"Sara Jensen\",\"custody\":true,\"lives_with\":true},"
	"{\"relation\":\"sibling\",\"born\":\"2016-02-11\"}],"
	"\"offers\":[{\"kind\":\"parent-programme\",\"to\":\"parents\",\"status\":\"offered\",\"date\":\"2026-11-10\"}],"
	"\"plans\":{\"common\":{\"updated\":\"2026-11-15\",\"next_review\":\"2027-05-15\",\"responsible\":\"a1\","
	"\"items\":[{\"what\":\"fysioterapi\",\"actor\":\"a2\",\"from\":\"2026-12-01\"}]}},"
	"\"meetings\":[{\"date\":\"2026-11-15\",\"kind\":\"network\",\"actors\":[\"a1\",\"a2\"],\"with_family\":true}],"
	"\"transitions\":[{\"kind\":\"school\",\"due\":\"2025-08-01\",\"prepare_from\":\"2024-08-01\",\"status\":\"done\"}],"
	"\"events\":[{\"at\":\"2026-11-02T09:30:00Z\",\"by\":\"meho\",\"tool\":\"case-new\",\"op\":\"new\"}]}";

static json_t *
parse(const char *text)
{
	json_error_t err;
	json_t *json = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);

	if (json == NULL) {
		printf("Bail out! test JSON does not parse: %s: %s\n", text, err.text);
		exit(1);
	}
	return json;
}

/* Sets PATH ("actors.1.until": keys, and array indexes from 0) to the
 * JSON text VALUE, or removes it when VALUE is NULL. */
static void
edit(json_t *record, const char *path, const char *value)
{
	char steps[256];
	char *step = steps, *dot;
	json_t *node = record;

	snprintf(steps, sizeof steps, "%s", path);
	while ((dot = strchr(step, '.')) != NULL) {
		*dot = '\0';
		node = json_is_array(node) ? json_array_get(node, strtoul(step, NULL, 10))
			: json_object_get(node, step);
		if (node == NULL) {
			printf("Bail out! no %s in the test record\n", path);
			exit(1);
		}
		step = dot + 1;
	}
	if (json_is_array(node)) {
		size_t i = strtoul(step, NULL, 10);

		if (value == NULL)
			json_array_remove(node, i);
		else if (i == json_array_size(node))
			json_array_append_new(node, parse(value));
		else
			json_array_set_new(node, i, parse(value));
	} else if (value == NULL) {
		json_object_del(node, step);
	} else {
		json_object_set_new(node, step, parse(value));
	}
}

/* The example with one edit. */
static json_t *
example_with(const char *path, const char *value)
{
	json_t *record = parse(example);

	if (path != NULL)
		edit(record, path, value);
	return record;
}

/* Checks that RECORD (freed here) is bad input at FIELD, with MESSAGE
 * when it is not NULL. */
static void
expect_bad(json_t *record, const char *field, const char *message,
	   const char *what)
{
	ck_problem p;
	bool valid;

	memset(&p, 0, sizeof p);
	valid = ck_validate(record, &p);
	ok(!valid, "%s: bad input", what);
	is_str(p.field, field, "%s: field", what);
	if (message != NULL)
		is_str(p.message, message, "%s: message", what);
	json_decref(record);
}

static void
expect_good(json_t *record, const char *what)
{
	ck_problem p;
	bool valid;

	memset(&p, 0, sizeof p);
	valid = ck_validate(record, &p);
	ok(valid, "%s: valid", what);
	if (!valid)
		printf("#   %s: %s\n", p.field, p.message);
	json_decref(record);
}

/* One edit of the example that is bad input at FIELD. */
static void
bad(const char *path, const char *value, const char *field,
    const char *message)
{
	char what[256];

	snprintf(what, sizeof what, "%s = %s", path, value != NULL ? value : "(removed)");
	expect_bad(example_with(path, value), field, message, what);
}

static void
good(const char *path, const char *value)
{
	char what[256];

	snprintf(what, sizeof what, "%s = %s", path, value != NULL ? value : "(removed)");
	expect_good(example_with(path, value), what);
}

/* The personnummer of BORN (YYYYMMDD) with serial NNN and its Luhn check
 * digit, plus DELTA (mod 10) on the check digit to make it wrong. */
static const char *
personnummer(const char *born, const char *serial, int delta)
{
	static char text[CK_PERSONNUMMER_SIZE];
	char digits[10];
	int sum = 0, i;

	memcpy(digits, born + 2, 6);
	memcpy(digits + 6, serial, 3);
	for (i = 0; i < 9; i++) {
		int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);

		sum += d / 10 + d % 10;
	}
	snprintf(text, sizeof text, "%.8s-%.3s%c", born, serial,
		 (char)('0' + ((10 - sum % 10) % 10 + delta) % 10));
	return text;
}

static void
test_valid(void)
{
	ck_problem p;
	json_t *record = parse(example);

	ok(ck_validate(record, &p), "the example is valid");
	ok(ck_validate(record, NULL), "the example is valid without a problem to fill");
	json_decref(record);
	expect_good(parse("{\"format\":\"casekit/1\",\"id\":\"0101-2026-0001\",\"opened\":\"2026-11-02\","
			  "\"status\":\"open\",\"municipality\":\"0101\",\"pathway\":\"disability\"}"),
		    "only the required fields");
	/* Key order is not the table's order, and does not matter. */
	expect_good(parse("{\"pathway\":\"disability\",\"child\":{\"cpr\":\"010158-5000\",\"born\":\"1858-01-01\"},"
			  "\"status\":\"closed\",\"closed\":\"2026-12-01\",\"closed_reason\":\"moved\","
			  "\"municipality\":\"SE-0163\",\"opened\":\"2026-11-02\",\"id\":\"SE-0163-2026-10001\","
			  "\"format\":\"casekit/1.3\"}"),
		    "any key order, a minor version, a Swedish kommun");
	good("child.cpr", NULL);
	good("child.born", NULL);	/* a CPR without born: born is derived */
	good("closed", "\"2026-11-02\"");	/* equal dates are in order */
	good("actors.1.until", "\"2026-11-03\"");
	good("decisions.0.child_heard", "\"not-required\"");	/* legacy: still read */
	good("decisions.0.hearing_exception", "{\"reason\":\"r\",\"views_obtained\":\"2026-11-10\"}");
	good("decisions.0.hearing_exception", "{\"views_obtained\":\"2026-11-10\"}");
	good("decisions.0.delay_notified", "\"2026-11-15\"");
	good("decisions.0.complaint", "{\"received\":\"2026-12-01\",\"reassessed\":\"2026-12-10\","
	     "\"upheld\":false,\"sent_on\":\"2026-12-20\",\"outcome\":{\"date\":\"2027-03-01\","
	     "\"result\":\"remitted\"}}");
	good("decisions.0.complaint", "{\"received\":\"2026-12-01\",\"reassessed\":\"2026-12-01\","
	     "\"sent_on\":\"2026-12-01\",\"outcome\":{\"date\":\"2026-12-01\"}}");
	/* Reassessed after it was sent on is for the rules to find. */
	good("decisions.0.complaint", "{\"received\":\"2026-12-01\",\"sent_on\":\"2026-12-05\","
	     "\"reassessed\":\"2026-12-10\"}");
	good("decisions.0.complaint", "{\"outcome\":{\"date\":\"2026-01-01\",\"result\":\"dismissed\"}}");
	good("decisions.0.complaint", "{\"upheld\":true}");
	good("consents.0.scope", "[\"plans\",\"diagnosis\",\"identity\"]");
	good("consents.0.scope", "[]");
	good("offers.0.to", "\"carers\"");
	good("followed_from", "\"2026-11-02\"");	/* the day it was opened */
	good("followed_from", "\"2027-01-15\"");
	good("decisions.0.follow_up", "{\"first\":\"2027-03-01\",\"next\":\"2027-09-01\"}");
	good("plans.child", "{\"decision\":\"not-needed\",\"date\":\"2026-12-01\"}");
	good("plans.youth", "{\"decision\":\"made\",\"date\":\"2026-12-01\",\"next_review\":\"2027-06-01\"}");
	good("plans.individual", "{\"offered\":\"2026-12-01\",\"date\":\"2026-12-15\","
	     "\"updated\":\"2027-06-01\",\"next_review\":\"2027-12-01\"}");
	/* A new offer (a later insats) may follow the plan made. */
	good("plans.individual", "{\"date\":\"2026-12-15\",\"offered\":\"2027-03-01\"}");
	good("plans.individual", "{\"date\":\"2026-12-15\",\"updated\":\"2026-12-15\"}");
	good("decisions.0.reported_ivo", "\"2027-02-21\"");
	good("decisions.0.reported_ivo", "\"2026-11-20\"");	/* the day of the decision */
	good("plans.common.sip", "true");
	good("plans.common.consent", "{\"given\":\"2026-11-15\"}");
	good("transitions.0.handover", "{\"date\":\"2025-06-01\",\"to\":\"a2\",\"items\":[\"report\"]}");
	good("transitions.1", "{\"kind\":\"adult\",\"due\":\"2036-04-03\",\"prepare_from\":\"2035-04-03\",\"status\":\"planned\"}");
	good("exposure", "{\"known\":false,\"source\":\"records\",\"known_since\":\"2026-10-01\",\"legal_basis\":\"x\"}");
	good("waivers", "[{\"id\":\"w1\",\"rule\":\"peer-network\",\"reason\":\"r\",\"by\":\"meho\",\"date\":\"2026-11-20\",\"until\":\"2027-01-01\"}]");
	good("suggestions", "[{\"name\":\"n\",\"org\":\"o\",\"kind\":\"k\",\"contact\":\"c\",\"region\":\"r\",\"audience\":\"both\"}]");
	good("checklist", "{\"as_of\":\"2026-11-22\",\"ruleset\":\"rare-disability\","
	     "\"findings\":[{\"rule\":\"coordinator\",\"ref\":\"DK 1.5\",\"basis\":\"recommendation\","
	     "\"status\":\"due\",\"due\":\"2026-12-01\",\"item\":\"a1\"}]}");
	good("events.0.at", "\"2026-11-02T09:30:00.250Z\"");
	good("transitions.0.kind", "\"own-home\"");	/* an open set */
	good("actors.0.role", "\"a local role\"");
	good("offers.0.kind", "\"local-kind\"");
	good("meetings.0.kind", "\"local-kind\"");
	good("diagnosis.codes", "[]");
}

static void
test_required(void)
{
	static const char *const required[] = {
		"format", "id", "opened", "status", "municipality", "pathway"
	};
	size_t i;

	for (i = 0; i < sizeof required / sizeof *required; i++)
		bad(required[i], NULL, required[i], "missing (required)");
	/* Only at the top: an actor without a role is fine. */
	good("actors.0.role", NULL);
}

static void
test_closed_sets(void)
{
	bad("status", "\"Open\"", "status", "not one of: open, closed");
	bad("closed_reason", "\"gone\"", "closed_reason",
	    "not one of: moved, turned-18, no-need, died, other");
	bad("diagnosis.status", "\"maybe\"", "diagnosis.status",
	    "not one of: none, suspected, confirmed, undiagnosed");
	bad("target_group.status", "\"true\"", "target_group.status",
	    "not one of: yes, no, pending");
	bad("family_strain", "\"ok\"", "family_strain",
	    "not one of: stable, strained, unsustainable");
	bad("actors.0.sector", "\"private\"", "actors[a1].sector",
	    "not one of: social, health, education, employment, civil, family");
	bad("family.1.relation", "\"cousin\"", "family[#2].relation",
	    "not one of: parent, sibling, carer, other");
	bad("consents.0.given_by", "\"teacher\"", "consents[c1].given_by",
	    "not one of: parents, child, young-person, guardian");
	bad("decisions.0.outcome", "\"yes\"", "decisions[d1].outcome",
	    "not one of: granted, partly, refused");
	bad("offers.0.to", "\"parent\"", "offers[#1].to",
	    "not one of: parents, carers, siblings, child, family");
	bad("offers.0.to", "\"carer\"", "offers[#1].to", NULL);
	bad("decisions.0.complaint", "{\"outcome\":{\"result\":\"upheld\"}}",
	    "decisions[d1].complaint.outcome.result",
	    "not one of: confirmed, changed, remitted, dismissed");
	bad("consents.0.scope", "[\"plans\",\"health\"]", "consents[c1].scope[#2]",
	    "not one of: actors, diagnosis, assessments, decisions, plans, transitions, "
	    "family, identity");
	bad("consents.0.scope", "[\"Plans\"]", "consents[c1].scope[#1]", NULL);
	bad("consents.0.scope", "[\"plans\",1]", "consents[c1].scope[#2]", NULL);
	bad("consents.0.scope", "[\"plans\",\"family\",\"plans\"]", "consents[c1].scope[#3]",
	    "already listed");
	bad("offers.0.status", "\"given\"", "offers[#1].status",
	    "not one of: offered, accepted, declined, not-needed");
	bad("transitions.0.status", "\"started\"", "transitions[#1].status",
	    "not one of: planned, preparing, done");
	bad("plans.child", "{\"decision\":\"yes\"}", "plans.child.decision",
	    "not one of: made, not-needed");
	bad("plans.youth", "{\"decision\":\"made \"}", "plans.youth.decision", NULL);
	bad("assessments.1.type", "\"social\"", "assessments[#2].type",
	    "not one of: screening, afdaekning, child-assessment, medical, ppv, other");
	/* Not a string at all is as bad. */
	bad("status", "1", "status", "not one of: open, closed");
	bad("transitions.0.kind", "\"\"", "transitions[#1].kind", "must not be empty");
}

static void
test_types(void)
{
	bad("team", "null", "team", "not a string");
	bad("external_ref", "88213", "external_ref", "not a string");
	bad("child", "\"Alma\"", "child", "not an object");
	bad("child", "null", "child", "not an object");
	bad("child.name", "[\"Alma\"]", "child.name", "not a string");
	bad("actors", "{}", "actors", "not an array");
	bad("actors.1", "\"a2\"", "actors[#2]", "not an object");
	bad("actors.0.municipal", "\"yes\"", "actors[a1].municipal", "not true or false");
	bad("actors.1.receives_data", "0", "actors[a2].receives_data", "not true or false");
	bad("family.0.custody", "null", "family[#1].custody", "not true or false");
	bad("meetings.0.with_family", "1", "meetings[#1].with_family", "not true or false");
	bad("plans.common.sip", "\"true\"", "plans.common.sip", "not true or false");
	bad("diagnosis.codes", "[\"ORPHA:778\",778]", "diagnosis.codes", "not an array of strings");
	bad("diagnosis.codes", "\"ORPHA:778\"", "diagnosis.codes", "not an array of strings");
	bad("consents.0.recipients", "\"a2\"", "consents[c1].recipients", "not an array of strings");
	bad("meetings.0.actors", "[[\"a1\"]]", "meetings[#1].actors", "not an array of strings");
	bad("plans.common.items.0.from", "\"2026-12\"", "plans.common.items[#1].from",
	    "not a date (YYYY-MM-DD)");
	bad("plans.common.items.0.actor", "2", "plans.common.items[#1].actor", "not a string");
	bad("plans.common.items", "{}", "plans.common.items", "not an array");
	bad("plans.common.consent", "[]", "plans.common.consent", "not an object");
	bad("plans", "[]", "plans", "not an object");
	bad("decisions.0.follow_up", "{\"first\":\"2027-3-1\"}", "decisions[d1].follow_up.first",
	    "not a date (YYYY-MM-DD)");
	bad("transitions.0.handover", "{\"to\":5}", "transitions[#1].handover.to", "not a string");
	bad("transitions.0.handover", "{\"items\":\"x\"}", "transitions[#1].handover.items",
	    "not an array of strings");
	bad("events.0.at", "\"2026-11-02 09:30:00\"", "events[#1].at",
	    "not a timestamp (YYYY-MM-DDTHH:MM:SSZ)");
	bad("events.0.at", "\"2026-11-02\"", "events[#1].at", NULL);
	bad("events.0.op", "true", "events[#1].op", "not a string");
	bad("events.0", "[]", "events[#1]", "not an object");
	/* not-required is read but not asked for: the message wants a date. */
	bad("decisions.0.child_heard", "\"no\"", "decisions[d1].child_heard",
	    "not a date (YYYY-MM-DD)");
	bad("decisions.0.child_heard", "true", "decisions[d1].child_heard", NULL);
	bad("decisions.0.hearing_exception", "\"parents' finances\"",
	    "decisions[d1].hearing_exception", "not an object");
	bad("decisions.0.hearing_exception", "{\"reason\":\"\"}",
	    "decisions[d1].hearing_exception.reason", "must not be empty");
	bad("decisions.0.hearing_exception", "{\"reason\":true}",
	    "decisions[d1].hearing_exception.reason", "not a string");
	bad("decisions.0.hearing_exception", "{\"reason\":\"r\",\"views_obtained\":\"2026-11\"}",
	    "decisions[d1].hearing_exception.views_obtained", "not a date (YYYY-MM-DD)");
	bad("decisions.0.delay_notified", "\"2026-11-31\"", "decisions[d1].delay_notified",
	    "not a date (YYYY-MM-DD)");
	bad("decisions.0.delay_notified", "true", "decisions[d1].delay_notified", NULL);
	bad("decisions.0.complaint", "[]", "decisions[d1].complaint", "not an object");
	bad("decisions.0.complaint", "{\"received\":\"12-01-2026\"}",
	    "decisions[d1].complaint.received", "not a date (YYYY-MM-DD)");
	bad("decisions.0.complaint", "{\"upheld\":\"yes\"}", "decisions[d1].complaint.upheld",
	    "not true or false");
	bad("decisions.0.complaint", "{\"outcome\":\"confirmed\"}",
	    "decisions[d1].complaint.outcome", "not an object");
	bad("decisions.0.complaint", "{\"outcome\":{\"date\":null}}",
	    "decisions[d1].complaint.outcome.date", "not a date (YYYY-MM-DD)");
	bad("consents.0.scope", "\"plans\"", "consents[c1].scope", "not an array of strings");
	bad("consents.0.scope", "{}", "consents[c1].scope", "not an array of strings");
	bad("followed_from", "\"2026-13-01\"", "followed_from", "not a date (YYYY-MM-DD)");
	bad("followed_from", "20261102", "followed_from", NULL);
	bad("checklist", "{\"findings\":[{\"due\":\"soon\"}]}", "checklist.findings[#1].due",
	    "not a date (YYYY-MM-DD)");
	bad("checklist", "{\"as_of\":1}", "checklist.as_of", NULL);
	bad("suggestions", "[{\"audience\":[]}]", "suggestions[#1].audience", "not a string");
	bad("exposure", "{\"known\":\"no\"}", "exposure.known", "not true or false");
	bad("waivers", "[{\"id\":\"w1\",\"until\":\"forever\"}]", "waivers[w1].until", NULL);
	bad("family_view.satisfied", "false", "family_view.satisfied", "not a string");
	/* Dates that do not exist. */
	bad("opened", "\"2026-02-30\"", "opened", "not a date (YYYY-MM-DD)");
	bad("child.born", "\"2023-02-29\"", "child.born", "not a date (YYYY-MM-DD)");
	bad("milestones.aware", "\"2026-13-01\"", "milestones.aware", NULL);
	bad("actors.1.since", "\"20261103\"", "actors[a2].since", NULL);
	bad("target_group.date", "\"2026-11-20 \"", "target_group.date", NULL);
	/* A string with a NUL is not the date its first part spells. */
	bad("opened", "\"2026-11-02\\u0000x\"", "opened", NULL);
	{
		json_t *array = json_array();
		ck_problem p;

		ok(!ck_validate(array, &p) && strcmp(p.field, "") == 0,
		   "an array is not a record, at no field");
		json_decref(array);
	}
}

static void
test_date_order(void)
{
	bad("closed", "\"2026-11-01\"", "closed", "before opened");
	bad("actors.1.until", "\"2026-11-02\"", "actors[a2].until", "before since");
	bad("transitions.0.prepare_from", "\"2025-08-02\"", "transitions[#1].due",
	    "before prepare_from");
	bad("assessments.0.done", "\"2026-10-26\"", "assessments[#1].done", "before started");
	bad("decisions.0.decided", "\"2026-10-31\"", "decisions[d1].decided", "before applied");
	bad("decisions.0.reported_ivo", "\"2026-11-19\"", "decisions[d1].reported_ivo",
	    "before decided");
	bad("decisions.0.reported_ivo", "\"yes\"", "decisions[d1].reported_ivo",
	    "not a date (YYYY-MM-DD)");
	bad("plans.individual", "{\"date\":\"2027-01-01\",\"updated\":\"2026-12-31\"}",
	    "plans.individual.updated", "before date");
	bad("plans.individual", "{\"offered\":true}", "plans.individual.offered",
	    "not a date (YYYY-MM-DD)");
	bad("plans.individual", "[]", "plans.individual", "not an object");
	bad("consents.0.expires", "\"2026-11-02\"", "consents[c1].expires", "before given");
	bad("followed_from", "\"2026-11-01\"", "followed_from", "before opened");
	bad("decisions.0.complaint", "{\"received\":\"2026-12-10\",\"reassessed\":\"2026-12-09\"}",
	    "decisions[d1].complaint.reassessed", "before received");
	bad("decisions.0.complaint", "{\"received\":\"2026-12-10\",\"sent_on\":\"2026-12-09\"}",
	    "decisions[d1].complaint.sent_on", "before received");
	/* The outcome's date against sent_on of the complaint holding it. */
	bad("decisions.0.complaint", "{\"received\":\"2026-12-10\",\"sent_on\":\"2026-12-20\","
	    "\"outcome\":{\"date\":\"2026-12-19\",\"result\":\"confirmed\"}}",
	    "decisions[d1].complaint.outcome.date", "before sent_on");
	/* Only those pairs: a plan item ending before it starts is not
	 * checked, nor a decision started before it was decided. */
	good("plans.common.items.0.to", "\"2026-01-01\"");
	good("decisions.0.started", "\"2026-11-19\"");
	/* A bad partner date is reported at its own field. */
	bad("transitions.0.prepare_from", "\"2024-13-01\"", "transitions[#1].prepare_from",
	    "not a date (YYYY-MM-DD)");
}

static void
test_numbers(void)
{
	char value[64];
	json_t *record;

	bad("child.cpr", "\"01015-85000\"", "child.cpr", "not a CPR number (DDMMYY-SSSS)");
	bad("child.cpr", "\"320158-5000\"", "child.cpr", "not a CPR number (DDMMYY-SSSS)");
	bad("child.cpr", "10158", "child.cpr", "not a CPR number (DDMMYY-SSSS)");
	/* 7th digit 5, year 58: the 1800s, not 1958. */
	bad("child.born", "\"1958-01-01\"", "child.cpr", "does not agree with child.born");
	bad("child.born", "\"1858-01-02\"", "child.cpr", "does not agree with child.born");

	record = example_with("child.cpr", NULL);
	snprintf(value, sizeof value, "\"%s\"", personnummer("18580101", "123", 0));
	edit(record, "child.personnummer", value);
	expect_good(record, "a personnummer agreeing with born");

	record = example_with("child.cpr", NULL);
	snprintf(value, sizeof value, "\"%s\"", personnummer("18580161", "123", 0));
	edit(record, "child.personnummer", value);
	expect_good(record, "a samordningsnummer agreeing with born");

	record = example_with("child.cpr", NULL);
	snprintf(value, sizeof value, "\"%s\"", personnummer("18580101", "123", 3));
	edit(record, "child.personnummer", value);
	expect_bad(record, "child.personnummer", "not a personnummer (YYYYMMDD-NNNN)",
		   "a personnummer with a wrong check digit");

	record = example_with("child.cpr", NULL);
	snprintf(value, sizeof value, "\"%s\"", personnummer("18590101", "123", 0));
	edit(record, "child.personnummer", value);
	expect_bad(record, "child.personnummer", "does not agree with child.born",
		   "a personnummer disagreeing with born");

	/* Without born, the CPR stands for it (programs derive born from
	 * it), so the personnummer must agree with the CPR. */
	record = example_with("child.born", NULL);
	snprintf(value, sizeof value, "\"%s\"", personnummer("18580101", "123", 0));
	edit(record, "child.personnummer", value);
	expect_good(record, "a CPR and an agreeing personnummer without born");
	record = example_with("child.born", NULL);
	snprintf(value, sizeof value, "\"%s\"", personnummer("18590101", "123", 0));
	edit(record, "child.personnummer", value);
	expect_bad(record, "child.personnummer", "does not agree with child.cpr",
		   "a CPR and a disagreeing personnummer without born");
}

static void
test_ids(void)
{
	json_t *record;

	bad("actors.1.id", "\"a1\"", "actors[#2].id", "duplicated id");
	bad("actors.0.id", "\"a01\"", "actors[#1].id", "not an actor id (a1, a2, \u2026)");
	bad("actors.0.id", "\"a0\"", "actors[#1].id", NULL);
	bad("actors.0.id", "\"A1\"", "actors[#1].id", NULL);
	bad("actors.0.id", "1", "actors[#1].id", NULL);
	bad("decisions.0.id", "\"a1\"", "decisions[#1].id", "not a decision id (d1, d2, \u2026)");
	bad("assessments.0.id", "\"a1\"", "assessments[#1].id", "not an assessment id (s1, s2, \u2026)");
	bad("consents.0.id", "\"c\"", "consents[#1].id", "not a consent id (c1, c2, \u2026)");
	bad("family.0.id", "\"p1\"", "family[#1].id", "not a family member id (f1, f2, \u2026)");
	bad("offers.0.id", "\"01\"", "offers[#1].id", "not an offer id (o1, o2, \u2026)");
	bad("meetings.0.id", "\"m-1\"", "meetings[#1].id", "not a meeting id (m1, m2, \u2026)");
	bad("waivers", "[{\"id\":\"w 1\"}]", "waivers[#1].id", "not a waiver id (w1, w2, \u2026)");
	good("actors.1.id", NULL);	/* records from elsewhere may lack ids */
	good("actors.1.id", "\"a12\"");

	/* The repeat is reported at the second, even when a third repeats
	 * too, and an earlier problem still comes first. */
	record = example_with("meetings.1", "{\"id\":\"m2\"}");
	edit(record, "meetings.0.id", "\"m2\"");
	edit(record, "meetings.2", "{\"id\":\"m2\"}");
	expect_bad(record, "meetings[#2].id", "duplicated id", "three meetings m2");
	record = example_with("family.0.id", "\"f1\"");
	edit(record, "family.1.id", "\"f1\"");
	edit(record, "family.0.born", "\"x\"");
	expect_bad(record, "family[f1].born", NULL, "a bad date before a repeated id");

	bad("transitions.1", "{\"kind\":\"school\"}", "transitions[#2].kind",
	    "a transition of this kind is already listed");
	good("transitions.1", "{\"kind\":\"School\"}");
}

static void
test_naming(void)
{
	json_t *record;

	bad("actors.1.since", "\"x\"", "actors[a2].since", NULL);
	record = example_with("actors.1.id", NULL);
	edit(record, "actors.1.since", "\"x\"");
	expect_bad(record, "actors[#2].since", NULL, "an actor without id by place");
	bad("decisions.0.follow_up", "{\"next\":1}", "decisions[d1].follow_up.next", NULL);
	record = example_with("transitions.1", "{\"kind\":\"adult\",\"handover\":{\"to\":[]}}");
	expect_bad(record, "transitions[#2].handover.to", NULL, "a nested member by place");
	/* A long id is cut to the field's room, never beyond. */
	{
		char id[400] = "\"a1";

		memset(id + 3, '0', 300);
		strcpy(id + 303, "\"");
		record = example_with("actors.0.id", id);
		edit(record, "actors.0.since", "1");
		{
			ck_problem p;

			ok(!ck_validate(record, &p) && strncmp(p.field, "actors[a1000", 12) == 0
			   && strlen(p.field) == CK_FIELD_MAX - 1,
			   "a long id cut to CK_FIELD_MAX");
		}
		json_decref(record);
	}
}

static void
test_first_error(void)
{
	json_t *record;

	record = example_with("opened", "\"2026-02-30\"");
	edit(record, "child.born", "\"1858-02-30\"");
	expect_bad(record, "opened", NULL, "bad opened and bad child.born");

	record = example_with("actors.0.sector", "\"x\"");
	edit(record, "id", "\"0101-2026-01\"");
	expect_bad(record, "id", "not a case id (MUNICIPALITY-YYYY-NNNN)",
		   "bad actors[#1].sector and bad id");

	/* The table's order, not the record's: child comes first here. */
	record = parse("{\"child\":{\"born\":\"x\"},\"status\":\"x\",\"format\":\"casekit/1\","
		       "\"id\":\"0101-2026-0001\",\"opened\":\"2026-11-02\",\"municipality\":\"0101\","
		       "\"pathway\":\"disability\"}");
	expect_bad(record, "status", NULL, "status before child in any key order");

	record = example_with("status", NULL);
	edit(record, "opened", "\"x\"");
	expect_bad(record, "opened", NULL, "a bad opened before a missing status");

	record = example_with("actors.0.until", "\"2026-11-01\"");
	edit(record, "actors.0.sector", "\"x\"");
	expect_bad(record, "actors[a1].sector", NULL, "members in the table's order");

	record = example_with("assessments.1.type", "\"x\"");
	edit(record, "assessments.0.by", "1");
	expect_bad(record, "assessments[#1].by", NULL, "elements in order");

	record = example_with("pathway", "\"../etc\"");
	edit(record, "child.cpr", "\"x\"");
	expect_bad(record, "pathway", NULL, "pathway before child");

	/* A decision's new members in the table's order, whatever the
	 * record's: child_heard, hearing_exception, delay_notified,
	 * follow_up, complaint. */
	record = example_with("decisions.0.complaint", "{\"received\":\"x\"}");
	edit(record, "decisions.0.follow_up", "{\"first\":\"x\"}");
	edit(record, "decisions.0.delay_notified", "\"x\"");
	edit(record, "decisions.0.hearing_exception", "{\"views_obtained\":\"x\"}");
	expect_bad(record, "decisions[d1].hearing_exception.views_obtained", NULL,
		   "hearing_exception before delay_notified, follow_up and complaint");
	record = example_with("decisions.0.complaint", "{\"received\":\"x\"}");
	edit(record, "decisions.0.follow_up", "{\"first\":\"x\"}");
	edit(record, "decisions.0.delay_notified", "\"x\"");
	expect_bad(record, "decisions[d1].delay_notified", NULL,
		   "delay_notified before follow_up and complaint");
	record = example_with("decisions.0.complaint", "{\"received\":\"x\"}");
	edit(record, "decisions.0.follow_up", "{\"first\":\"x\"}");
	expect_bad(record, "decisions[d1].follow_up.first", NULL, "follow_up before complaint");
	record = example_with("decisions.0.complaint",
			      "{\"outcome\":{\"result\":\"x\"},\"sent_on\":\"x\",\"upheld\":1}");
	expect_bad(record, "decisions[d1].complaint.upheld", NULL,
		   "a complaint's members in the table's order");
	record = example_with("decisions.0.child_heard", "\"x\"");
	edit(record, "decisions.0.hearing_exception", "[]");
	expect_bad(record, "decisions[d1].child_heard", NULL, "child_heard before hearing_exception");
	/* consents: scope after recipients; followed_from between exposure
	 * and waivers. */
	record = example_with("consents.0.scope", "[\"x\"]");
	edit(record, "consents.0.recipients", "\"a2\"");
	expect_bad(record, "consents[c1].recipients", NULL, "recipients before scope");
	record = example_with("waivers", "[{\"until\":\"x\"}]");
	edit(record, "followed_from", "\"x\"");
	expect_bad(record, "followed_from", NULL, "followed_from before waivers");
	record = example_with("followed_from", "\"x\"");
	edit(record, "exposure", "{\"known\":\"x\"}");
	expect_bad(record, "exposure.known", NULL, "exposure before followed_from");
}

static void
test_unknown_keys(void)
{
	json_t *record = parse(example);

	edit(record, "x_local", "{\"anything\":[1,null,true]}");
	edit(record, "future_field", "null");
	edit(record, "child.x_note", "3");
	edit(record, "child.nickname", "null");
	edit(record, "actors.0.x_phone", "[\"+45\"]");
	edit(record, "plans.common.items.0.x_cost", "12.5");
	edit(record, "events.0.changed", "{\"paths\":[\"child.born\"],\"count\":null}");
	edit(record, "transitions.0.handover", "{\"x_y\":{}}");
	expect_good(record, "unknown and local keys anywhere");
}

static void
test_format(void)
{
	good("format", "\"casekit/1\"");
	good("format", "\"casekit/1.3\"");
	good("format", "\"casekit/1.12\"");
	bad("format", "\"casekit/2\"", "format",
	    "a format version this casekit does not read (it reads casekit/1)");
	bad("format", "\"casekit/2.1\"", "format",
	    "a format version this casekit does not read (it reads casekit/1)");
	bad("format", "\"casekit/10\"", "format",
	    "a format version this casekit does not read (it reads casekit/1)");
	bad("format", "\"casekit/1.\"", "format", "not casekit/1");
	bad("format", "\"casekit/1.x\"", "format", "not casekit/1");
	bad("format", "\"casekit/01\"", "format", "not casekit/1");
	bad("format", "\"casekit/\"", "format", "not casekit/1");
	bad("format", "\"Casekit/1\"", "format", "not casekit/1");
	bad("format", "\"casekit/1 \"", "format", "not casekit/1");
	bad("format", "1", "format", "not casekit/1");
}

static void
test_municipality(void)
{
	static const char *const valid[] = {
		"0101", "0851", "SE-0163", "Aarhus", "Region Nordjylland",
		"K\u00f8benhavn", "SE", "0101x", NULL
	};
	static const char *const invalid[] = {
		"", "101", "10101", "SE-12", "SE-01634", "SE-016x", "se-0163",
		"Se-bygd", "Aar\nhus", "Aar\thus", "Aar\x7fhus", "Aar\xc2\x85hus",
		" 0101", "0101 ", "\xff\xfe", NULL
	};
	const char *const *s;
	char buf[16];

	for (s = valid; *s != NULL; s++)
		ok(ck_municipality_valid(*s), "municipality '%s' is valid", *s);
	for (s = invalid; *s != NULL; s++)
		ok(!ck_municipality_valid(*s), "municipality #%d is not valid", (int)(s - invalid));
	ok(!ck_municipality_valid(NULL), "NULL is no municipality");

	good("municipality", "\"SE-0163\"");
	good("municipality", "\"Aarhus\"");
	bad("municipality", "\"101\"", "municipality",
	    "not a municipality (four digits, SE- and four digits, or a name)");
	bad("municipality", "\"SE-12\"", "municipality", NULL);
	bad("municipality", "\"\"", "municipality", NULL);
	bad("municipality", "101", "municipality", NULL);

	is_str(ck_municipality_pad("101", buf, sizeof buf), "0101", "pad 101");
	is_str(ck_municipality_pad("1", buf, sizeof buf), "0001", "pad 1");
	is_str(ck_municipality_pad("85", buf, 5), "0085", "pad 85 into 5 bytes");
	is_str(ck_municipality_pad("0101", buf, sizeof buf), "0101", "0101 stays");
	is_str(ck_municipality_pad("10101", buf, sizeof buf), "10101", "five digits copied");
	is_str(ck_municipality_pad("SE-0163", buf, sizeof buf), "SE-0163", "SE-0163 copied");
	is_str(ck_municipality_pad("12a", buf, sizeof buf), "12a", "not all digits copied");
	is_str(ck_municipality_pad("", buf, sizeof buf), "", "empty copied");
	ok(ck_municipality_pad("101", buf, 4) == NULL, "no room for the padding");
	ok(ck_municipality_pad("SE-0163", buf, 7) == NULL, "no room for the copy");
	is_str(ck_municipality_pad("SE-0163", buf, 8), "SE-0163", "just room for the copy");
	strcpy(buf, "7");
	is_str(ck_municipality_pad(buf, buf, sizeof buf), "0007", "padding in place");
}

static void
test_case_id(void)
{
	static const char *const valid[] = {
		"0101-2026-0001", "0101-2026-10000", "SE-0163-2026-0001",
		"Aarhus-2026-0042", "K\u00f8benhavn-2026-0001", NULL
	};
	static const char *const invalid[] = {
		"", "0101-2026-001", "0101-26-0001", "0101-2026", "-2026-0001",
		"0101 2026 0001", "0101-2026-0001 ", "0101-2026-0001x",
		"Aar hus-2026-0001", "a/b-2026-0001", "a\\b-2026-0001",
		"a\"b-2026-0001", "101-2026-0001", "SE-12-2026-0001",
		"0101-2026-00a1", "Aar\xc2\xa0hus-2026-0001",
		"2026-0001", NULL
	};
	const char *const *s;

	for (s = valid; *s != NULL; s++)
		ok(ck_case_id_valid(*s), "case id '%s' is valid", *s);
	for (s = invalid; *s != NULL; s++)
		ok(!ck_case_id_valid(*s), "case id '%s' is not valid", *s);
	ok(!ck_case_id_valid(NULL), "NULL is no case id");
	/* Ids are not checked against municipality or opened. */
	good("id", "\"0851-2019-0007\"");
	bad("id", "\"0101-2026-001\"", "id", "not a case id (MUNICIPALITY-YYYY-NNNN)");
	bad("id", "101", "id", NULL);
}

static void
test_pathway(void)
{
	char name[70];

	ok(ck_pathway_name_valid("rare-disability"), "rare-disability");
	ok(ck_pathway_name_valid("se_samordning.v2"), "letters, digits, _ and .");
	ok(!ck_pathway_name_valid(""), "empty");
	ok(!ck_pathway_name_valid(".hidden"), "leading dot");
	ok(!ck_pathway_name_valid(".."), "..");
	ok(!ck_pathway_name_valid("../x"), "../x");
	ok(!ck_pathway_name_valid("rules/base"), "a path");
	ok(!ck_pathway_name_valid("base.json "), "a space");
	ok(!ck_pathway_name_valid("bas\u00e9"), "not ASCII");
	ok(!ck_pathway_name_valid(NULL), "NULL");
	memset(name, 'a', 64);
	name[64] = '\0';
	ok(ck_pathway_name_valid(name), "64 characters");
	name[64] = 'a';
	name[65] = '\0';
	ok(!ck_pathway_name_valid(name), "65 characters");
	bad("pathway", "\"/etc/passwd\"", "pathway", NULL);
	bad("pathway", "\"\"", "pathway", NULL);
}

static void
test_validate_field(void)
{
	const char *const *values;
	ck_problem p;
	json_t *v;

#define FIELD(path, text, want) do {					\
		v = parse(text);					\
		memset(&p, 0, sizeof p);				\
		is_int(ck_validate_field(path, v, &p), want, "field %s = %s", path, text); \
		json_decref(v);						\
	} while (0)

	FIELD("child.born", "\"2019-04-03\"", 1);
	FIELD("child.born", "\"2019-02-30\"", 0);
	is_str(p.field, "child.born", "the problem names the path");
	is_str(p.message, "not a date (YYYY-MM-DD)", "and what is wrong");
	FIELD("diagnosis.codes", "[\"ORPHA:778\",\"ICD10:F84.2\"]", 1);
	FIELD("diagnosis.codes", "\"ORPHA:778\"", 0);
	FIELD("milestones.aware", "\"2026-10-20\"", 1);
	FIELD("actors.since", "\"2026-10-20\"", 1);
	FIELD("actors.sector", "\"private\"", 0);
	is_str(p.field, "actors.sector", "an array step named by the array");
	is_str(p.message, "not one of: social, health, education, employment, civil, family",
	       "a closed set's message");
	FIELD("diagnosis.status", "\"confirmed\"", 1);
	FIELD("target_group.status", "\"yes\"", 1);
	FIELD("family_strain", "\"strained\"", 1);
	FIELD("exposure.known", "true", 1);
	FIELD("exposure.known", "\"true\"", 0);
	FIELD("plans.common.items.from", "\"2026-12-01\"", 1);
	FIELD("decisions.follow_up.next", "\"x\"", 0);
	FIELD("decisions.child_heard", "\"not-required\"", 1);
	FIELD("followed_from", "\"2026-11-02\"", 1);
	FIELD("followed_from", "\"2026-11\"", 0);
	FIELD("decisions.delay_notified", "\"2026-11-02\"", 1);
	FIELD("decisions.hearing_exception.reason", "\"\"", 0);
	FIELD("decisions.complaint.outcome.result", "\"changed\"", 1);
	FIELD("decisions.complaint.upheld", "false", 1);
	FIELD("offers.to", "\"carers\"", 1);
	FIELD("consents.scope", "[\"plans\",\"family\"]", 1);
	FIELD("consents.scope", "[\"plans\",\"plans\"]", 0);
	is_str(p.field, "consents.scope[#2]", "a repeated item named by its place");
	is_str(p.message, "already listed", "a repeated item: the message");
	FIELD("decisions.complaint", "{\"received\":\"2026-12-10\",\"reassessed\":\"2026-12-01\"}", 0);
	is_str(p.field, "decisions.complaint.reassessed", "order checked inside an object value");
	FIELD("decisions.complaint", "{\"sent_on\":\"2026-12-10\",\"outcome\":{\"date\":\"2026-12-01\"}}", 0);
	is_str(p.field, "decisions.complaint.outcome.date", "and one object further in");
	FIELD("decisions.complaint.outcome", "{\"date\":\"2026-12-01\"}", 1);
	FIELD("actors.id", "\"a3\"", 1);
	FIELD("actors.id", "\"d3\"", 0);
	FIELD("child.cpr", "\"010158-5000\"", 1);
	FIELD("child.cpr", "\"320158-5000\"", 0);
	FIELD("municipality", "\"0101\"", 1);
	FIELD("municipality", "\"101\"", 0);
	FIELD("team", "null", 0);
	is_str(p.message, "not a string", "null is a wrong type");
	FIELD("child", "{\"name\":\"A\",\"born\":\"1858-01-32\"}", 0);
	is_str(p.field, "child.born", "inside an object value");
	FIELD("actors", "[{\"id\":\"a1\"},{\"id\":\"a1\"}]", 0);
	is_str(p.field, "actors[#2].id", "a repeated id inside an array value");
	FIELD("x_local", "{\"a\":null}", 1);
	FIELD("child.x_note", "[1]", 1);
	FIELD("x_local.deeper", "1", 1);
	FIELD("actors.x_phone", "1", 1);
	FIELD("nope", "1", -1);
	FIELD("child.nope", "1", -1);
	FIELD("status.x_y", "1", -1);
	FIELD("nope.x_y", "1", -1);
	FIELD("actors[].since", "\"2026-10-20\"", -1);
	FIELD("actors.", "1", -1);
	FIELD("", "1", -1);
	FIELD(".status", "\"open\"", -1);
	FIELD("events.changed", "1", -1);
	memset(&p, 0, sizeof p);
	is_int(ck_validate_field("opened", NULL, &p), 0, "no value is not a date");
#undef FIELD

	values = ck_field_values("status");
	ok(values != NULL && strcmp(values[0], "open") == 0 && strcmp(values[1], "closed") == 0
	   && values[2] == NULL, "the values of status");
	values = ck_field_values("actors.sector");
	ok(values != NULL && strcmp(values[0], "social") == 0, "the values of actors.sector");
	values = ck_field_values("plans.youth.decision");
	ok(values != NULL && strcmp(values[1], "not-needed") == 0, "the values of plans.youth.decision");
	values = ck_field_values("consents.scope");
	ok(values != NULL && strcmp(values[0], "actors") == 0 && strcmp(values[7], "identity") == 0
	   && values[8] == NULL, "the values of consents.scope's items");
	values = ck_field_values("decisions.complaint.outcome.result");
	ok(values != NULL && strcmp(values[3], "dismissed") == 0, "the values of a complaint's result");
	ok(ck_field_values("actors.role") == NULL, "role is an open set");
	ok(ck_field_values("child.born") == NULL, "a date has no set");
	ok(ck_field_values("nope") == NULL, "an unknown field has no set");
	ok(ck_field_values("x_local") == NULL, "a local field has no set");
}

/* No message or field carries the value that was wrong. */
/* Text to values for the fields that options and CSV cells fill. */
static void
test_field_from_text(void)
{
	ck_problem p;
	json_t *v;
	char *text;

	is_int(ck_field_kind("followed_from"), CK_FIELD_DATE, "followed_from: a date");
	is_int(ck_field_kind("consents.scope"), CK_FIELD_LIST, "consents.scope: a list");
	is_int(ck_field_kind("decisions.complaint"), CK_FIELD_STRUCTURE, "a complaint: a structure");
	is_int(ck_field_kind("decisions.complaint.upheld"), CK_FIELD_BOOL, "upheld: true or false");
	ok(ck_field_from_text("followed_from", "15-01-2027", CK_TEXT_LENIENT_DATES, &v, &p),
	   "followed_from from a CSV's DD-MM-YYYY");
	is_str(json_string_value(v), "2027-01-15", "followed_from written YYYY-MM-DD");
	json_decref(v);
	ok(ck_field_from_text("consents.scope", "plans  family", 0, &v, &p),
	   "consents.scope from items separated by spaces");
	text = json_dumps(v, JSON_COMPACT);
	is_str(text, "[\"plans\",\"family\"]", "consents.scope: the items");
	free(text);
	json_decref(v);
	ok(!ck_field_from_text("consents.scope", "plans health", 0, &v, &p) && v == NULL,
	   "consents.scope: an item outside the set refused");
	is_str(p.field, "consents.scope[#2]", "consents.scope: the item named by its place");
}

static void
test_no_values(void)
{
	static const struct {
		const char *path, *json, *value;
	} cases[] = {
		{ "child.name", "[\"Alma Jensen\"]", "Alma" },
		{ "child.born", "\"1858-13-01\"", "1858" },
		{ "child.cpr", "\"3201585000\"", "3201" },
		{ "child.born", "\"1958-01-01\"", "1958" },
		{ "actors.0.sector", "\"Mette Holm\"", "Mette" },
		{ "actors.0.name", "{\"first\":\"Mette\"}", "Mette" },
		{ "municipality", "\"Aar\\nhus\"", "Aar" },
		{ "id", "\"0101-2026-99x\"", "99x" },
		{ "pathway", "\"/home/meho/rules\"", "meho" },
		{ "format", "\"casekit/7.1\"", "7.1" },
		{ "diagnosis.codes", "[\"ORPHA:778\",778]", "778" },
		{ "diagnosis.status", "\"Rett syndrome\"", "Rett" },
		{ "decisions.0.child_heard", "\"Alma said no\"", "Alma" },
		{ "decisions.0.hearing_exception", "{\"reason\":[\"Alma\"]}", "Alma" },
		{ "decisions.0.complaint", "{\"outcome\":{\"result\":\"Sara wins\"}}", "Sara" },
		{ "consents.0.scope", "[\"Rett syndrome\"]", "Rett" },
		{ "events.0.at", "\"Tuesday\"", "Tuesday" },
		{ "transitions.1", "{\"kind\":\"school\"}", "school" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *record = example_with(cases[i].path, cases[i].json);
		ck_problem p;

		memset(&p, 0, sizeof p);
		ok(!ck_validate(record, &p) && p.message[0] != '\0'
		   && strstr(p.message, cases[i].value) == NULL
		   && strstr(p.field, cases[i].value) == NULL,
		   "%s: the message does not show the value", cases[i].path);
		json_decref(record);
	}
	{
		char value[64];
		json_t *record = example_with("child.cpr", NULL);
		ck_problem p;

		snprintf(value, sizeof value, "\"%s\"", personnummer("18580101", "123", 5));
		edit(record, "child.personnummer", value);
		ok(!ck_validate(record, &p) && strstr(p.message, "1858") == NULL
		   && strstr(p.message, "123") == NULL,
		   "a bad personnummer is not shown");
		json_decref(record);
	}
}

int
main(void)
{
	test_valid();
	test_required();
	test_closed_sets();
	test_types();
	test_date_order();
	test_numbers();
	test_ids();
	test_naming();
	test_first_error();
	test_unknown_keys();
	test_format();
	test_municipality();
	test_case_id();
	test_pathway();
	test_validate_field();
	test_field_from_text();
	test_no_values();
	return done_testing();
}
