/* SPDX-License-Identifier: MPL-2.0 */
/* test-law.c — the shipped Danish rules (rules/base.json, design section
 * 4) on cases whose answer the statute gives: for every rule its scope
 * (the paragraphs, ages and groups it covers, and just outside them)
 * and its clock (the day before the deadline, the day itself, the day
 * after). casekit-rules(5) quotes the sentence of the law each law rule
 * holds; the tests cite it in their names.
 *
 * Each check judges one case by the shipped set "base" (found through
 * top_srcdir, from make check) and compares the findings of one rule,
 * "ok" and "n/a" included, written as status[@due][#item] separated by
 * spaces. T is 2026-11-22 unless a check says otherwise. Synthetic
 * cases: no names, no CPR numbers. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"
#include "judge.h"

/* The findings of RULE for the case REST (members after the head, ' for
 * ") judged on TODAY, as status[@due][#item] [+] (+ marks
 * before_followed). */
static const char *
law(const char *rest, const char *today, const char *rule)
{
	char text[8192], buf[4096];
	json_t *res, *f;
	size_t used = 0, i;

	snprintf(text, sizeof text,
		 "{'format':'casekit/1','id':'0101-2026-0042','opened':'2026-08-22',"
		 "'status':'open','municipality':'0101','pathway':'base'%s%s}",
		 *rest != '\0' ? "," : "", rest);
	res = judge("base", text, today, W0, SHOW);
	buf[0] = '\0';
	json_array_foreach(json_object_get(res, "findings"), i, f) {
		const char *due = json_string_value(json_object_get(f, "due"));
		const char *item = json_string_value(json_object_get(f, "item"));

		if (strcmp(json_string_value(json_object_get(f, "rule")), rule) != 0)
			continue;
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s%s%s%s%s%s",
					 used > 0 ? " " : "",
					 json_string_value(json_object_get(f, "status")),
					 due != NULL ? "@" : "", due != NULL ? due : "",
					 item != NULL ? "#" : "", item != NULL ? item : "",
					 json_is_true(json_object_get(f, "before_followed")) ? "+" : "");
		if (used >= sizeof buf)
			break;
	}
	json_decref(res);
	return keep(strdup(buf));
}

#define LAW(rest, today, rule, want, ...) is_str(law(rest, today, rule), want, __VA_ARGS__)

/* A 10-year-old, a 15-year-old (16 on 2027-01-10) and one who turned 16
 * on 2026-06-01. */
#define CHILD10 "'child':{'born':'2016-03-01'}"
#define CHILD15 "'child':{'born':'2011-01-10'}"
#define YOUNG16 "'child':{'born':'2010-06-01'}"
#define DECISION(p, more) "'decisions':[{'id':'d1','paragraph':'" p "'" more "}]"
#define GRANTED(decided) ",'decided':'" decided "','outcome':'granted'"

/* Barnets lov § 20 stk. 3: "Den børnefaglige undersøgelse skal
 * afsluttes, senest 4 måneder efter at kommunalbestyrelsen bliver
 * opmærksom på ... Hvis undersøgelsen undtagelsesvis ikke kan afsluttes
 * inden 4 måneder, skal kommunalbestyrelsen udarbejde en foreløbig
 * vurdering og snarest herefter afslutte undersøgelsen." */
static void
test_assessment(void)
{
#define BFU(more) "'milestones':{'aware':'2026-07-22'},'assessments':[{'id':'s1'," \
	"'type':'child-assessment','started':'2026-07-25'" more "}]"
	LAW(BFU(""), "2026-11-21", "assessment-deadline", "due@2026-11-22#s1",
	    "§ 20 stk. 3: the day before 4 months from aware: due");
	LAW(BFU(""), "2026-11-22", "assessment-deadline", "due@2026-11-22#s1",
	    "§ 20 stk. 3: on the day 4 months from aware: still due");
	LAW(BFU(""), "2026-11-23", "assessment-deadline", "overdue@2026-11-22#s1",
	    "§ 20 stk. 3: the day after: overdue");
	LAW(BFU(",'done':'2026-11-22'"), "2026-11-23", "assessment-deadline", "ok#s1",
	    "§ 20 stk. 3: finished: ok");
	LAW(BFU(",'preliminary':'2026-11-20'"), "2026-11-23", "assessment-deadline", "ok#s1",
	    "§ 20 stk. 3: a foreløbig vurdering in time holds the deadline");
	LAW(BFU(",'aware':'2026-08-01'"), "2026-11-23", "assessment-deadline", "due@2026-12-01#s1",
	    "§ 20 stk. 3: the assessment's own aware counts before the case's");
	LAW("'milestones':{'aware':'2026-07-22'},'assessments':[{'id':'s1','type':'medical',"
	    "'started':'2026-07-25'},{'id':'s2','type':'afdaekning','started':'2026-07-25'}]",
	    "2026-11-23", "assessment-deadline", "",
	    "§ 20 stk. 3: a medical assessment or an afdækning is no child assessment");

	/* "snarest herefter": the 2 months are the municipality's own. */
	LAW(BFU(",'preliminary':'2026-09-22'"), "2026-11-22", "assessment-finish",
	    "due@2026-11-22#s1", "assessment-finish: 2 months after the preliminary: due on the day");
	LAW(BFU(",'preliminary':'2026-09-22'"), "2026-11-23", "assessment-finish",
	    "overdue@2026-11-22#s1", "assessment-finish: the day after: overdue");
	LAW(BFU(",'preliminary':'2026-09-22','done':'2026-11-10'"), "2026-11-23",
	    "assessment-finish", "ok#s1", "assessment-finish: finished: ok");
	LAW(BFU(""), "2026-11-23", "assessment-finish", "n/a#s1",
	    "assessment-finish: no preliminary assessment: n/a");
#undef BFU
}

/* Retssikkerhedsloven § 3 stk. 2: "Kommunen fastsætter en frist for,
 * hvor lang tid der må gå, inden der skal være truffet en afgørelse.
 * Hvis denne frist ikke kan overholdes, skal ansøgeren skriftligt have
 * besked om, hvornår ansøgeren kan forventes en afgørelse." The frist is
 * local (8 weeks by default); the written notice is the law's, and is
 * given before the frist runs out. */
static void
test_processing(void)
{
#define APP(more) DECISION("BL § 86", ",'applied':'2026-09-27'" more)
	LAW(APP(""), "2026-11-22", "decision-deadline", "due@2026-11-22#d1",
	    "decision-deadline: 8 weeks after the application: due on the day (local)");
	LAW(APP(""), "2026-11-23", "decision-deadline", "overdue@2026-11-22#d1",
	    "decision-deadline: the day after: overdue");
	LAW(APP(",'decided':'2026-11-30','outcome':'refused'"), "2026-12-01", "decision-deadline",
	    "ok#d1", "decision-deadline: decided (late): ok");
	LAW(APP(""), "2026-11-22", "decision-delay-notice", "n/a#d1",
	    "§ 3 stk. 2: on the last day of the frist, undecided: no notice needed yet");
	LAW(APP(""), "2026-11-23", "decision-delay-notice", "overdue@2026-11-22#d1",
	    "§ 3 stk. 2: the frist passed undecided, no notice: overdue");
	LAW(APP(",'decided':'2026-11-22','outcome':'granted'"), "2026-12-01",
	    "decision-delay-notice", "n/a#d1", "§ 3 stk. 2: decided on the last day: n/a");
	LAW(APP(",'decided':'2026-11-23','outcome':'granted'"), "2026-12-01",
	    "decision-delay-notice", "missing@2026-11-22#d1",
	    "§ 3 stk. 2: decided a day late without notice: missing");
	LAW(APP(",'delay_notified':'2026-11-22'"), "2026-12-01", "decision-delay-notice", "ok#d1",
	    "§ 3 stk. 2: told in writing on the last day: ok");
	LAW(APP(",'delay_notified':'2026-11-23'"), "2026-12-01", "decision-delay-notice",
	    "overdue@2026-11-22#d1", "§ 3 stk. 2: told after the frist ran out: not in time");
	LAW(DECISION("BL § 32", ",'decided':'2026-10-01','outcome':'granted'"), "2026-12-01",
	    "decision-delay-notice", "n/a#d1", "§ 3 stk. 2: a decision of the municipality's own "
	    "motion, without an application: n/a");
#undef APP
}

/* Barnets lov § 5 stk. 3: "Barnets eller den unges holdning og
 * synspunkter skal tilvejebringes ... ved samtaler og anden direkte
 * kontakt, inden der træffes beslutninger eller afgørelser"; stk. 4:
 * "i helt særlige tilfælde helt eller delvis fraviges ... Barnets eller
 * den unges holdning og synspunkter skal i disse tilfælde tilvejebringes
 * på anden vis." */
static void
test_child_heard(void)
{
	LAW(DECISION("BL § 86", GRANTED("2026-10-01") ",'child_heard':'2026-10-01'"), T0,
	    "child-heard", "ok#d1", "§ 5: heard on the day of the decision: ok, § 86 included");
	LAW(DECISION("BL § 86", GRANTED("2026-10-01") ",'child_heard':'2026-10-02'"), T0,
	    "child-heard", "missing#d1", "§ 5: heard the day after the decision: missing");
	LAW(DECISION("Barnets lov § 32, stk. 1, nr. 7", GRANTED("2026-10-01")
		     ",'child_heard':'not-required'"), T0, "child-heard", "missing#d1",
	    "§ 5: 'not-required' is no exception the law has: missing");
	LAW(DECISION("BL § 32", GRANTED("2026-10-01")
		     ",'hearing_exception':{'reason':'age','views_obtained':'2026-09-28'}"), T0,
	    "child-heard", "ok#d1", "§ 5 stk. 4: a reason and the views obtained otherwise: ok");
	LAW(DECISION("BL § 32", GRANTED("2026-10-01") ",'hearing_exception':{'reason':'age'}"), T0,
	    "child-heard", "missing#d1", "§ 5 stk. 4: a reason without the views obtained: missing");
	LAW(DECISION("SEL § 83", GRANTED("2026-10-01")), T0, "child-heard", "n/a#d1",
	    "§ 5: a decision under serviceloven is not under barnets lov: n/a");
	LAW(DECISION("BL § 32", ",'applied':'2026-10-01'"), T0, "child-heard", "n/a#d1",
	    "§ 5: not yet decided: n/a");
}

/* Barnets lov § 91 stk. 1: "når der træffes afgørelse om indsatser efter
 * § 32, stk. 1, tage stilling til, om der skal udarbejdes en barnets
 * plan, jf. dog § 108. Planen skal i givet fald foreligge, senest 3
 * måneder efter..."; stk. 2: "udarbejde en barnets plan, når der træffes
 * afgørelse om anbringelse uden for hjemmet efter §§ 46 eller 47 ...
 * senest 3 måneder ... Sker anbringelsen uden samtykke efter § 47, skal
 * planen dog foreligge, inden der træffes afgørelse". */
static void
test_child_plan(void)
{
#define CP(p, decided, plans) CHILD10 "," DECISION(p, GRANTED(decided)) plans
	LAW(CP("BL § 32", "2026-08-22", ""), "2026-11-22", "child-plan", "due@2026-11-22#d1",
	    "§ 91 stk. 1: 3 months after the § 32 decision: due on the day");
	LAW(CP("BL § 32", "2026-08-22", ""), "2026-11-23", "child-plan", "overdue@2026-11-22#d1",
	    "§ 91 stk. 1: the day after: overdue");
	LAW(CP("BL § 32", "2026-08-22", ",'plans':{'child':{'decision':'made'}}"), "2026-11-23",
	    "child-plan", "overdue@2026-11-22#d1",
	    "§ 91 stk. 1: deciding that a plan is made is not the plan");
	LAW(CP("BL § 32", "2026-08-22", ",'plans':{'child':{'decision':'made','date':'2026-11-01'}}"),
	    "2026-11-23", "child-plan", "ok#d1", "§ 91 stk. 1: the plan made: ok");
	LAW(CP("BL § 32", "2026-08-22", ",'plans':{'child':{'decision':'not-needed',"
		 "'date':'2026-11-22'}}"),
	    "2026-11-23", "child-plan", "ok#d1",
	    "§ 91 stk. 1: decided that no plan is needed, by the deadline: ok");
	LAW(CP("BL § 32", "2026-08-22", ",'plans':{'child':{'decision':'not-needed',"
		 "'date':'2026-11-23'}}"),
	    "2026-11-24", "child-plan", "overdue@2026-11-22#d1",
	    "§ 91 stk. 1: decided that none is needed only after the deadline: not in time");
	LAW(CP("Barnets lov § 32, stk. 1, nr. 7", "2026-08-22", ""), "2026-11-23", "child-plan",
	    "overdue@2026-11-22#d1", "§ 91: the paragraph as the case system writes it");
	LAW(YOUNG16 "," DECISION("BL § 32", GRANTED("2026-08-22")), "2026-11-23", "child-plan",
	    "n/a#d1", "§ 91 jf. § 108: a § 32 decision for a 16-year-old: the youth plan instead");
	LAW("'child':{'born':'2010-08-23'}," DECISION("BL § 32", GRANTED("2026-08-22")), "2026-11-23",
	    "child-plan", "overdue@2026-11-22#d1",
	    "§ 91: decided the day before the 16th birthday: the child plan");
	LAW(CP("BL § 46", "2026-08-22", ",'plans':{'child':{'decision':'not-needed',"
		 "'date':'2026-09-01'}}"),
	    "2026-11-23", "child-plan", "overdue@2026-11-22#d1",
	    "§ 91 stk. 2: a placement under § 46 needs the plan; not-needed does not count");
	LAW(CP("BL § 46", "2026-08-22", ",'plans':{'child':{'decision':'made',"
		 "'date':'2026-11-20'}}"), "2026-11-23",
	    "child-plan", "ok#d1", "§ 91 stk. 2: the plan made: ok");
	LAW(CP("BL § 47", "2026-11-22", ""), "2026-11-22", "child-plan", "due@2026-11-22#d1",
	    "§ 91 stk. 2: a placement without consent: the plan by the decision");
	LAW(CP("BL § 47", "2026-11-22", ""), "2026-11-23", "child-plan", "overdue@2026-11-22#d1",
	    "§ 91 stk. 2: and overdue the day after it");
	LAW(CP("BL § 86", "2026-08-22", ""), "2026-11-23", "child-plan", "n/a#d1",
	    "§ 91: § 86 merudgifter call for no child plan");
	LAW(CHILD10 "," DECISION("BL § 32", ",'decided':'2026-08-22','outcome':'refused'"),
	    "2026-11-23", "child-plan", "n/a#d1", "§ 91: a refusal calls for no plan");

	/* § 95 stk. 4: the plan's review, on the date the caseworker set. */
	LAW("'plans':{'child':{'date':'2026-05-01','next_review':'2026-11-22'}}", "2026-11-22",
	    "child-plan-review", "due@2026-11-22", "child-plan-review: on its date: due (local)");
	LAW("'plans':{'child':{'date':'2026-05-01','next_review':'2026-11-22'}}", "2026-11-23",
	    "child-plan-review", "overdue@2026-11-22", "child-plan-review: the day after: overdue");
	LAW("'plans':{'child':{'date':'2026-05-01'}}", "2026-11-23", "child-plan-review", "n/a",
	    "child-plan-review: no review date: n/a");
#undef CP
}

/* Barnets lov § 95 stk. 1: "når der er iværksat en indsats efter §§ 32,
 * 46, 47, 114-116 og 120"; stk. 2: "første gang ... på det tidligste af
 * følgende tidspunkter: 1) Når afdækningen eller undersøgelsen, som er
 * foretaget sideløbende med en støttende indsats efter § 32, stk. 4,
 * eller en anbringelse efter §§ 46 eller 143, ... er afsluttet. 2) 3
 * måneder efter iværksættelse af indsatsen." */
static void
test_follow_up(void)
{
#define FU(p, more) DECISION(p, GRANTED("2026-08-01") ",'started':'2026-08-22'" more)
#define ALONG(type, done) ",'assessments':[{'id':'s1','type':'" type "','started':'2026-08-10'," \
	"'done':'" done "'}]"
	LAW(FU("BL § 32", ""), "2026-11-22", "follow-up", "due@2026-11-22#d1",
	    "§ 95 stk. 2 nr. 2: 3 months after the start: due on the day");
	LAW(FU("BL § 32", ""), "2026-11-23", "follow-up", "overdue@2026-11-22#d1",
	    "§ 95 stk. 2 nr. 2: the day after: overdue");
	LAW(FU("BL § 32", ",'follow_up':{'first':'2026-11-20'}"), "2026-11-23", "follow-up", "ok#d1",
	    "§ 95: the first follow-up held: ok");
	LAW(FU("BL § 32", "") ALONG("afdaekning", "2026-10-05"), "2026-11-01", "follow-up",
	    "overdue@2026-10-05#d1",
	    "§ 95 stk. 2 nr. 1: an afdækning alongside finished first: the earlier date");
	LAW(FU("BL § 46", "") ALONG("child-assessment", "2026-10-05"), "2026-10-05", "follow-up",
	    "due@2026-10-05#d1", "§ 95 stk. 2 nr. 1: a child assessment alongside a § 46 placement");
	LAW(FU("BL § 32", "") ALONG("child-assessment", "2026-12-15"), "2026-11-23", "follow-up",
	    "overdue@2026-11-22#d1", "§ 95 stk. 2: the earliest: 3 months when the assessment ends later");
	LAW(FU("BL § 47", "") ALONG("child-assessment", "2026-10-05"), "2026-11-01", "follow-up",
	    "due@2026-11-22#d1", "§ 95 stk. 2 nr. 1 names §§ 32 and 46, not § 47: 3 months");
	LAW(FU("BL § 32", "") ALONG("medical", "2026-10-05"), "2026-11-01", "follow-up",
	    "due@2026-11-22#d1", "§ 95 stk. 2 nr. 1: a medical assessment is none of §§ 19, 20");
	LAW(FU("BL § 114", ""), "2026-11-23", "follow-up", "overdue@2026-11-22#d1",
	    "§ 95 stk. 1: § 114 is in scope");
	LAW(FU("BL § 120", ""), "2026-11-23", "follow-up", "overdue@2026-11-22#d1",
	    "§ 95 stk. 1: § 120 is in scope");
	LAW(FU("BL § 86", ""), "2026-11-23", "follow-up", "n/a#d1",
	    "§ 95 stk. 1: § 86 merudgifter are not");
	LAW(FU("BL § 87 stk. 1", ""), "2026-11-23", "follow-up", "n/a#d1",
	    "§ 95 stk. 1: § 87 tabt arbejdsfortjeneste is not");
	LAW(FU("BL § 32 a", ""), "2026-11-23", "follow-up", "n/a#d1",
	    "§ 95 stk. 1: § 32 a is another paragraph than § 32");
	LAW(DECISION("BL § 32", GRANTED("2026-08-01")), "2026-11-23", "follow-up", "n/a#d1",
	    "§ 95: support not yet started: n/a");

	/* stk. 3: later follow-ups as decided at the first. */
	LAW(FU("BL § 32", ",'follow_up':{'first':'2026-10-01','next':'2026-11-22'}"), "2026-11-22",
	    "follow-up-next", "due@2026-11-22#d1", "§ 95 stk. 3: the planned follow-up: due on its day");
	LAW(FU("BL § 32", ",'follow_up':{'first':'2026-10-01','next':'2026-11-22'}"), "2026-11-23",
	    "follow-up-next", "overdue@2026-11-22#d1", "§ 95 stk. 3: overdue the day after");
	LAW(FU("BL § 32", ",'ends':'2026-11-20','follow_up':{'first':'2026-10-01',"
	       "'next':'2026-11-22'}"), "2026-11-23", "follow-up-next", "n/a#d1",
	    "§ 95 stk. 3: support that has ended: n/a");
	LAW(FU("BL § 86", ",'follow_up':{'next':'2026-11-22'}"), "2026-11-23", "follow-up-next",
	    "n/a#d1", "§ 95 stk. 3: § 86 is not in scope");
#undef ALONG
#undef FU
}

/* Barnets lov § 108 stk. 1-4 (see checklist.c, judge_youth_plan). */
static void
test_youth_plan(void)
{
	LAW(YOUNG16 "," DECISION("BL § 32", GRANTED("2025-01-01")), "2026-09-01", "youth-plan",
	    "due@2026-09-01", "§ 108 stk. 3: 3 months after the 16th birthday: due on the day");
	LAW(YOUNG16 "," DECISION("BL § 32", GRANTED("2025-01-01")), "2026-09-02", "youth-plan",
	    "overdue@2026-09-01", "§ 108 stk. 3: the day after: overdue");
	LAW(CHILD15 "," DECISION("BL § 32", GRANTED("2025-01-01")), "2027-01-09", "youth-plan",
	    "n/a", "§ 108: the day before the 16th birthday: n/a");
	LAW(CHILD15 "," DECISION("BL § 32", GRANTED("2025-01-01")), "2027-01-10", "youth-plan",
	    "ok@2027-04-10", "§ 108: on the 16th birthday the clock starts");
	LAW(YOUNG16 "," DECISION("BL § 87", GRANTED("2025-01-01")), "2026-09-02", "youth-plan",
	    "n/a", "§ 108: tabt arbejdsfortjeneste (§ 87) calls for no youth plan");
	LAW(YOUNG16 "," DECISION("BL § 32", GRANTED("2026-09-15")), "2026-12-16", "youth-plan",
	    "overdue@2026-12-15", "§ 108 stk. 3: a decision after 16: 3 months after it");
	LAW(YOUNG16 "," DECISION("BL § 32", GRANTED("2025-01-01")) ",'plans':{'youth':"
	    "{'decision':'not-needed','date':'2026-08-01'}}", "2026-09-02", "youth-plan", "ok",
	    "§ 108 stk. 1: decided that none is needed: ok");
	LAW(YOUNG16 "," DECISION("BL § 46", GRANTED("2026-07-01")) ",'plans':{'youth':"
	    "{'decision':'not-needed','date':'2026-07-15'}}", "2026-10-02", "youth-plan",
	    "overdue@2026-10-01",
	    "§ 108 stk. 2: a placement of a 16-year-old: the plan itself");
	/* No § 91 child plan is asked beside the youth plan ("jf. dog § 108"). */
	LAW(YOUNG16 "," DECISION("BL § 32", GRANTED("2026-09-15")), "2026-12-16", "child-plan",
	    "n/a#d1", "§ 91 jf. dog § 108: no child plan beside the youth plan");
}

/* Barnets lov § 81 stk. 4: "en særlig familievejlederordning for
 * familier med børn og unge under 18 år med betydelig og varigt nedsat
 * fysisk eller psykisk funktionsevne. Vejledningen skal tilbydes, inden
 * for 3 måneder efter at kommunalbestyrelsen har fået kendskab til, at
 * funktionsnedsættelsen er konstateret." */
static void
test_family_adviser(void)
{
#define TG(status) "'target_group':{'status':'" status "','date':'2026-08-22'}"
	LAW(TG("yes"), "2026-11-22", "family-adviser", "due@2026-11-22",
	    "§ 81 stk. 4: 3 months after the impairment was known: due on the day");
	LAW(TG("yes"), "2026-11-23", "family-adviser", "overdue@2026-11-22",
	    "§ 81 stk. 4: the day after: overdue");
	LAW(TG("yes") ",'offers':[{'id':'o1','kind':'family-adviser','to':'parents',"
	    "'status':'declined','date':'2026-09-01'}]", "2026-11-23", "family-adviser", "ok",
	    "§ 81 stk. 4: offered, declined: ok");
	LAW(TG("no"), "2026-11-23", "family-adviser", "n/a",
	    "§ 81 stk. 4: not in the target group: n/a");
	LAW(TG("pending"), "2026-11-23", "family-adviser", "n/a",
	    "§ 81 stk. 4: the target group not settled: n/a (target-group asks for it)");
	/* The target group itself: a local number. */
	LAW("'diagnosis':{'status':'suspected'}," TG("pending"), "2026-11-22", "target-group",
	    "due@2026-11-22", "target-group: 3 months after the case opened: due (local)");
	LAW("'diagnosis':{'status':'suspected'}," TG("no"), "2026-11-23", "target-group", "ok",
	    "target-group: settled as no: ok");
	LAW("'diagnosis':{'status':'none'}", "2026-11-23", "target-group", "n/a",
	    "target-group: no diagnosis suspected: n/a");
#undef TG
}

/* Barnets lov §§ 122-123: the young people of the target group who
 * receive support; § 123 stk. 3: "Forberedelsen af overgangen ... skal
 * være afsluttet, således at kommunalbestyrelsen kan træffe afgørelse
 * om den fremtidige indsats og støtte, og således at denne kan
 * iværksættes, umiddelbart efter at den unge er fyldt 18 år." */
static void
test_adult(void)
{
#define ADULT(tg, decision) YOUNG16 ",'target_group':{'status':'" tg "','date':'2020-01-01'}," \
	decision "'transitions':[{'kind':'adult','due':'2028-06-01','prepare_from':'2026-06-01'," \
	"'status':'planned'}]"
#define SUPPORT DECISION("BL § 86", GRANTED("2024-01-01")) ","
	LAW(ADULT("yes", SUPPORT), "2026-06-01", "adult-prepare", "due@2026-06-01#adult",
	    "§ 122: preparation from the 16th birthday: due on the day");
	LAW(ADULT("yes", SUPPORT), "2026-06-02", "adult-prepare", "overdue@2026-06-01#adult",
	    "§ 122: the day after, not being prepared: overdue");
	LAW(ADULT("no", SUPPORT), "2026-06-02", "adult-prepare", "n/a",
	    "§ 122: a young person outside the target group: n/a");
	LAW(ADULT("yes", ""), "2026-06-02", "adult-prepare", "n/a",
	    "§ 122: in the target group but receiving no support: n/a");
	LAW(ADULT("yes", SUPPORT), "2027-12-01", "adult-decisions", "due@2028-06-01#adult",
	    "§ 123 stk. 3: reminded 6 months before the 18th birthday");
	LAW(ADULT("yes", SUPPORT), "2027-11-30", "adult-decisions", "ok@2028-06-01#adult",
	    "§ 123 stk. 3: 6 months and a day before: ok");
	LAW(ADULT("yes", SUPPORT), "2028-06-02", "adult-decisions", "overdue@2028-06-01#adult",
	    "§ 123 stk. 3: the day after the 18th birthday: overdue");
	LAW(ADULT("no", SUPPORT), "2028-06-02", "adult-decisions", "n/a#adult",
	    "§ 123: outside the target group: n/a");
#undef SUPPORT
#undef ADULT
}

/* Retssikkerhedsloven § 66, as Ankestyrelsen puts it: "Hvis myndigheden
 * fastholder sin afgørelse, sender den din klage og sagens akter til
 * Ankestyrelsen. Det sker senest fire uger efter, at den har fået din
 * klage." Børne- og ungeudvalget's decisions are not reassessed. */
static void
test_complaint(void)
{
#define CL(p, more) DECISION(p, GRANTED("2026-09-01") ",'complaint':{'received':'2026-10-25'" \
	more "}")
	LAW(CL("BL § 86", ""), "2026-11-22", "complaint-reassessment", "due@2026-11-22#d1",
	    "§ 66: 4 weeks after the complaint: due on the day");
	LAW(CL("BL § 86", ""), "2026-11-23", "complaint-reassessment", "overdue@2026-11-22#d1",
	    "§ 66: the day after: overdue");
	LAW(CL("BL § 86", ",'reassessed':'2026-11-10','sent_on':'2026-11-12'"), "2026-11-23",
	    "complaint-reassessment", "ok#d1", "§ 66: reassessed and sent on: ok");
	LAW(CL("BL § 86", ",'reassessed':'2026-11-10','upheld':true"), "2026-11-23",
	    "complaint-reassessment", "ok#d1", "§ 66: full right at the reassessment: ok");
	LAW(CL("BL § 86", ",'reassessed':'2026-11-10','upheld':false"), "2026-11-23",
	    "complaint-reassessment", "overdue@2026-11-22#d1",
	    "§ 66: upheld the decision but did not send it on: overdue");
	LAW(CL("BL § 47", ""), "2026-11-23", "complaint-reassessment", "n/a#d1",
	    "§ 66: a decision of børne- og ungeudvalget (§ 47) goes to Ankestyrelsen directly");
	LAW(DECISION("BL § 86", GRANTED("2026-09-01")), "2026-11-23", "complaint-reassessment",
	    "n/a#d1", "§ 66: no complaint: n/a");
#undef CL
}

/* Consent: a recommendation, not law; the parents' consent ends at 18;
 * a withdrawal is the law's (databeskyttelsesforordningen art. 7 stk. 3,
 * forvaltningsloven § 28 stk. 4: "Et samtykke ... kan tilbagekaldes"). */
static void
test_consent(void)
{
#define ACT "'actors':[{'id':'a1','role':'caseworker','sector':'social','municipal':true}," \
	"{'id':'a2','role':'hospital','sector':'health'}]"
	LAW("'child':{'born':'2008-12-10'}," ACT ",'consents':[{'id':'c1','given_by':'parents',"
	    "'given':'2026-01-01','expires':'2027-06-01','recipients':['a2']}]", T0, "consent",
	    "due@2026-12-09#a2", "consent: the parents' consent runs out before the 18th birthday");
	LAW(ACT ",'consents':[{'id':'c1','given_by':'parents','given':'2026-01-01',"
	    "'withdrawn':'2026-11-01','recipients':['a2']}]", T0, "consent", "n/a#a2",
	    "consent: withdrawn: not a request to obtain consent again");
	LAW(ACT ",'consents':[{'id':'c1','given_by':'parents','given':'2026-01-01',"
	    "'withdrawn':'2026-11-01','recipients':['a2']}]", T0, "consent-withdrawn", "missing#a2",
	    "consent-withdrawn: stop sharing with the actor");
	LAW("'actors':[{'id':'a2','role':'hospital','sector':'health','receives_data':false}],"
	    "'consents':[{'id':'c1','given':'2026-01-01','withdrawn':'2026-11-01',"
	    "'recipients':['a2']}]", T0, "consent-withdrawn", "",
	    "consent-withdrawn: the actor receives no data any more: nothing to stop");
#undef ACT
}

/* DK 1.6 and 1.7: the recommendations' own numbers. */
static void
test_recommendations(void)
{
	LAW("'offers':[{'id':'o1','kind':'relief','to':'carers','status':'offered',"
	    "'date':'2026-09-01'}]", T0, "family-support", "ok",
	    "family-support: an offer to the foster or other carers counts");
	LAW("'transitions':[{'kind':'school','due':'2027-01-22','prepare_from':'2026-01-22',"
	    "'status':'preparing'},{'kind':'daycare','due':'2026-12-22','prepare_from':'2026-06-22',"
	    "'status':'preparing'},{'kind':'kindergarten','due':'2027-02-22',"
	    "'prepare_from':'2026-08-22','status':'preparing'},{'kind':'own-home',"
	    "'due':'2026-12-01','status':'planned'}]", T0, "transition-handover",
	    "due@2026-11-22#school due@2026-11-22#daycare ok@2027-01-22#kindergarten n/a#own-home",
	    "transition-handover: school 2 months before (after the summer), daycare and "
	    "kindergarten 1 month, own home not");
}

/* followed_from: an old case taken in. */
static void
test_followed(void)
{
	LAW("'followed_from':'2026-11-01'," DECISION("BL § 32", GRANTED("2024-01-01")),
	    T0, "intervention-start", "due@2026-12-01#d1",
	    "followed_from: the local start deadline of 2024 moves to a month after");
	LAW("'followed_from':'2026-11-01','milestones':{'aware':'2024-01-01'},"
	    "'assessments':[{'id':'s1','type':'child-assessment','started':'2024-01-10'}]",
	    T0, "assessment-deadline", "overdue@2024-05-01#s1+",
	    "followed_from: § 20 stk. 3 stays overdue (a breach stays one), marked before_followed");
	LAW("'followed_from':'2026-11-01','milestones':{'aware':'2024-01-01'},"
	    "'assessments':[{'id':'s1','type':'screening','started':'2024-01-20'}]",
	    T0, "assessment-start", "ok",
	    "followed_from: a recommendation done is done");
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char value[1024];

	ck_init("test-law");
	if (top == NULL || *top == '\0') {
		ok(1, "# SKIP top_srcdir is not set: the shipped sets are not tested");
		return done_testing();
	}
	setenv("CASEKIT_CONFIG", "/dev/null", 1);
	snprintf(value, sizeof value, "%s/rules", top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	ok(ck_rulebook_get(book, "base") != NULL, "the shipped set base loads");

	test_assessment();
	test_processing();
	test_child_heard();
	test_child_plan();
	test_follow_up();
	test_youth_plan();
	test_family_adviser();
	test_adult();
	test_complaint();
	test_consent();
	test_recommendations();
	test_followed();

	ck_rulebook_free(book);
	is_int(records_changed, 0, "no record passed in was changed by any judgement");
	ring_free();
	return done_testing();
}
