/* SPDX-License-Identifier: MPL-2.0 */
/* test-law-se.c — the shipped Swedish set (rules/se-samordning.json,
 * design section 4, "The Swedish set") on cases whose answer Swedish law
 * or Socialstyrelsen's model gives: for every rule its scope (the
 * decisions, plans, ages and family situations it covers, and just
 * outside them) and its clock (the day before the deadline, the day
 * itself, the day after). casekit-rules(5), THE LAW, quotes the sentence
 * each law rule holds; the tests cite it in their names.
 *
 * Each check judges one case by the shipped set "se-samordning" (found
 * through top_srcdir, from make check) and compares the findings of one
 * rule, "ok" and "n/a" included, written as status[@due][#item][+]
 * separated by spaces (+ marks before_followed). T is 2026-11-22 unless
 * a check says otherwise. Synthetic cases: no names, no personnummer. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"
#include "judge.h"

/* The findings of RULE for the case REST (members after the head, ' for
 * ") judged on TODAY. */
static const char *
law(const char *rest, const char *today, const char *rule)
{
	char text[8192], buf[4096];
	json_t *res, *f;
	size_t used = 0, i;

	snprintf(text, sizeof text,
		 "{'format':'casekit/1','id':'SE-0180-2026-0042','opened':'2026-08-22',"
		 "'status':'open','municipality':'SE-0180','pathway':'se-samordning'%s%s}",
		 *rest != '\0' ? "," : "", rest);
	res = judge("se-samordning", text, today, W0, SHOW);
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

/* A 7-year-old (born 2019), and one who turned 18 on 2026-10-01. */
#define CHILD7 "'child':{'born':'2019-04-03'}"
#define ADULT18 "'child':{'born':'2008-10-01'}"
#define DECISION(p, more) "'decisions':[{'id':'d1','paragraph':'" p "'" more "}]"
#define GRANTED(decided) ",'decided':'" decided "','outcome':'granted'"
/* The municipality's LSS caseworker and the region's habilitering. */
#define SOCIAL(since) "{'id':'a1','role':'caseworker','sector':'social','municipal':true," \
	"'since':'" since "'}"
#define HEALTH(since, more) "{'id':'a2','role':'habilitation','sector':'health'," \
	"'since':'" since "'" more "}"

/* HSL 16 kap. 4 §: "Av planen ska det framgå 1. vilka insatser som
 * behövs, 2. vilka insatser respektive huvudman ska ansvara för, 3. vilka
 * åtgärder som vidtas av någon annan än kommunen eller regionen, och 4.
 * vem av huvudmännen som ska ha det övergripande ansvaret för planen";
 * "Planen ska upprättas om kommunen eller regionen bedömer att den behövs
 * ... och om den enskilde samtycker till att den upprättas." */
static void
test_sip(void)
{
#define SIP(common) "'actors':[" SOCIAL("2026-08-22") "," HEALTH("2026-08-25", "") "]," \
	"'plans':{'common':" common "}"
#define FULL "'sip':true,'updated':'2026-10-01','responsible':'a1','consent':{'given':'2026-09-30'}"
	LAW(SIP("{" FULL ",'items':[{'what':'fysioterapi','actor':'a2'}]}"), T0, "sip", "ok",
	    "16 kap. 4 §: measures, who answers for each, overall responsibility, consent: ok");
	LAW(SIP("{" FULL "}"), T0, "sip", "missing",
	    "16 kap. 4 § nr 1: no measure stated: missing");
	LAW(SIP("{" FULL ",'items':[{'what':'fysioterapi'}]}"), T0, "sip", "missing",
	    "16 kap. 4 § nr 2: a measure nobody answers for: missing");
	LAW(SIP("{'sip':true,'consent':{'given':'2026-09-30'},"
		"'items':[{'what':'fysioterapi','actor':'a2'}]}"), T0, "sip", "missing",
	    "16 kap. 4 § nr 4: no body with the overall responsibility: missing");
	LAW(SIP("{'sip':true,'responsible':'a1','items':[{'what':'fysioterapi','actor':'a2'}]}"),
	    T0, "sip", "missing", "16 kap. 4 §: no consent: missing");
	LAW("'actors':[" SOCIAL("2026-08-22") "," HEALTH("2026-08-25", ",'until':'2026-11-01'")
	    "],'plans':{'common':{" FULL ",'responsible':'a2','items':[{'what':'x','actor':'a1'}]}}",
	    T0, "sip", "missing", "16 kap. 4 §: the responsible body no longer takes part: missing");
	LAW(SIP("{'updated':'2026-10-01','responsible':'a1'}"), T0, "sip", "n/a",
	    "16 kap. 4 §: a common plan that is no SIP: n/a");
	LAW("'actors':[" SOCIAL("2026-08-22") "]", T0, "sip", "n/a", "16 kap. 4 §: no plan: n/a");
#undef FULL

	/* The law's trigger (a body judges a plan needed, the person
	 * consents) is not in the record: considering a SIP when both health
	 * care and social services take part is the model's advice, and
	 * "utan dröjsmål" has the municipality's 30 days. */
#define BOTH(hs, ss) "'actors':[" SOCIAL(ss) "," HEALTH(hs, "") "]"
	LAW(BOTH("2026-10-01", "2026-10-23"), "2026-11-22", "sip-start", "due@2026-11-22",
	    "sip-start: 30 days after the later of the two sectors joined: due on the day");
	LAW(BOTH("2026-10-23", "2026-10-01"), "2026-11-23", "sip-start", "overdue@2026-11-22",
	    "sip-start: the later one counts, whichever sector; the day after: overdue");
	LAW(BOTH("2026-10-01", "2026-10-23") ",'plans':{'common':{'sip':true}}", "2026-11-23",
	    "sip-start", "ok", "sip-start: a SIP recorded: ok");
	LAW(BOTH("2026-10-01", "2026-10-23") ",'plans':{'common':{'updated':'2026-11-01'}}",
	    "2026-11-23", "sip-start", "overdue@2026-11-22",
	    "sip-start: a common plan that is no SIP does not count");
	LAW("'actors':[" SOCIAL("2026-10-01") ",{'id':'a2','role':'school','sector':'education',"
	    "'since':'2026-10-01'}]", "2026-11-23", "sip-start", "n/a",
	    "sip-start: two sectors, but not health care: n/a");
	LAW("'actors':[" SOCIAL("2026-10-01") "," HEALTH("2026-10-01", ",'until':'2026-11-01'") "]",
	    "2026-11-23", "sip-start", "n/a", "sip-start: health care no longer takes part: n/a");
#undef BOTH

	/* sip-review: as the common plan's, every 6 months (local). */
	LAW(SIP("{'sip':true,'updated':'2026-05-22'}"), T0, "sip-review", "due@2026-11-22",
	    "sip-review: 6 months after the last update: due");
	LAW(SIP("{'sip':true,'updated':'2026-05-22','next_review':'2026-11-21'}"), T0, "sip-review",
	    "overdue@2026-11-21", "sip-review: the follow-up date set has passed: overdue");
	LAW(SIP("{'updated':'2026-01-01'}"), T0, "sip-review", "n/a",
	    "sip-review: a common plan that is no SIP: n/a");
#undef SIP
}

/* LSS 10 §: "I samband med att en insats enligt denna lag beviljas ska
 * den enskilde erbjudas att en individuell plan med beslutade och
 * planerade insatser upprättas i samråd med honom eller henne ... Planen
 * ska omprövas fortlöpande och minst en gång om året." */
static void
test_lss_plan(void)
{
#define LSSD(p, more) CHILD7 "," DECISION(p, GRANTED("2026-10-23") more)
	LAW(LSSD("LSS § 9 p. 6", ""), "2026-11-22", "lss-plan", "due@2026-11-22#d1",
	    "lss-plan: 30 days after the grant (local): due on the day");
	LAW(LSSD("LSS § 9 p. 6", ""), "2026-11-23", "lss-plan", "overdue@2026-11-22#d1",
	    "lss-plan: the day after: overdue");
	LAW(LSSD("LSS § 9 p. 6", "") ",'plans':{'individual':{'offered':'2026-10-23'}}",
	    "2026-11-23", "lss-plan", "ok#d1", "lss-plan: offered the day of the grant: ok");
	LAW(LSSD("LSS § 9 p. 6", "") ",'plans':{'individual':{'offered':'2026-06-01',"
	    "'date':'2026-06-15'}}", "2026-11-23", "lss-plan", "overdue@2026-11-22#d1",
	    "lss-plan: an offer and a plan from before this insats do not count");
	LAW(LSSD("LSS § 9 p. 6", "") ",'plans':{'individual':{'date':'2026-06-15',"
	    "'updated':'2026-11-01'}}", "2026-11-23", "lss-plan", "ok#d1",
	    "lss-plan: the plan updated with the new insats: ok");
	LAW(LSSD("9 § 6 LSS", ""), "2026-11-23", "lss-plan", "overdue@2026-11-22#d1",
	    "lss-plan: the paragraph as the law writes it");
	LAW(CHILD7 "," DECISION("LSS § 9 p. 6", ",'decided':'2026-10-23','outcome':'refused'"),
	    "2026-11-23", "lss-plan", "n/a#d1", "lss-plan: a refusal: n/a");
	LAW(LSSD("SoL 4 kap. 1 §", ""), "2026-11-23", "lss-plan", "n/a#d1",
	    "lss-plan: bistånd under socialtjänstlagen: n/a");
	LAW(LSSD("LSS § 9 a", ""), "2026-11-23", "lss-plan", "n/a#d1",
	    "lss-plan: 9 a § is no insats of 9 §: n/a");
#undef LSSD

	LAW("'plans':{'individual':{'date':'2025-11-22'}}", "2026-11-22", "lss-plan-review",
	    "due@2026-11-22", "10 §: a year after the plan was made: due on the day");
	LAW("'plans':{'individual':{'date':'2025-11-22'}}", "2026-11-23", "lss-plan-review",
	    "overdue@2026-11-22", "10 §: more than a year: overdue");
	LAW("'plans':{'individual':{'date':'2025-11-22','updated':'2026-06-01'}}", "2026-11-23",
	    "lss-plan-review", "ok@2027-06-01", "10 §: reviewed: a year from the review");
	LAW("'plans':{'individual':{'date':'2025-11-22','updated':'2026-12-01'}}", "2026-11-23",
	    "lss-plan-review", "overdue@2026-11-22", "10 §: a review dated ahead is not yet held");
	LAW("'plans':{'individual':{'offered':'2025-11-22'}}", "2026-11-23", "lss-plan-review",
	    "n/a", "10 §: offered, no plan made: nothing to review");
}

/* LSS 28 f § (as IVO puts it: "Nämnden är skyldig att rapportera till
 * IVO om beviljat bistånd enligt 4 kap. 1 § SoL och insatser enligt 9 §
 * LSS inte har verkställts tre månader efter beslut"). */
static void
test_not_executed(void)
{
#define NE(p, more) DECISION(p, GRANTED("2026-08-22") more)
	LAW(NE("LSS § 9 p. 6", ""), "2026-11-22", "not-executed", "n/a#d1",
	    "28 f §: three months to the day, not started: no report yet");
	LAW(NE("LSS § 9 p. 6", ""), "2026-11-23", "not-executed", "overdue@2026-11-22#d1",
	    "28 f §: the day after, not started, not reported: overdue");
	LAW(NE("LSS § 9 p. 6", ",'started':'2026-11-22'"), "2026-12-01", "not-executed", "n/a#d1",
	    "28 f §: carried out on the last day: n/a");
	LAW(NE("LSS § 9 p. 6", ",'started':'2026-11-23'"), "2026-12-01", "not-executed",
	    "missing@2026-11-22#d1", "28 f §: carried out late, never reported: missing");
	LAW(NE("LSS § 9 p. 6", ",'reported_ivo':'2026-12-01'"), "2026-12-02", "not-executed",
	    "ok#d1", "28 f §: reported: ok");
	LAW(NE("LSS § 9 p. 6", ",'started':'2026-12-10','reported_ivo':'2026-12-01'"),
	    "2026-12-11", "not-executed", "ok#d1", "28 f §: reported, then carried out: ok");
	LAW(NE("SoL 4 kap. 1 §", ""), "2026-11-23", "not-executed", "overdue@2026-11-22#d1",
	    "socialtjänstlagen: bistånd not carried out: overdue");
	LAW(DECISION("LSS § 9 p. 6", ",'decided':'2026-08-22','outcome':'partly'"), "2026-11-23",
	    "not-executed", "overdue@2026-11-22#d1", "28 f §: a decision granted in part is gynnande");
	LAW(DECISION("LSS § 9 p. 6", ",'decided':'2026-08-22','outcome':'refused'"), "2026-11-23",
	    "not-executed", "n/a#d1", "28 f §: a refusal carries nothing out: n/a");
	LAW(NE("LSS § 9 a", ""), "2026-11-23", "not-executed", "n/a#d1",
	    "28 f §: only decisions under 9 §: n/a");
	LAW(NE("BL § 32", ""), "2026-11-23", "not-executed", "n/a#d1",
	    "28 f §: a Danish paragraph is no Swedish decision: n/a");
	LAW("'followed_from':'2026-11-01'," NE("LSS § 9 p. 6", ""), "2026-11-23", "not-executed",
	    "overdue@2026-11-22#d1", "28 f §: followed from before the deadline: as it is");
	LAW("'followed_from':'2026-12-01'," NE("LSS § 9 p. 6", ""), "2026-12-02", "not-executed",
	    "overdue@2026-11-22#d1+", "28 f §: a breach from before casekit followed the case "
	    "stays one, marked before_followed");
#undef NE
}

/* Socialstyrelsen's model: "Praktiskt stöd av en koordinator är tänkt som
 * ett stöd när situationen för familjen är eller riskerar att bli
 * ohållbar" — in the municipality or the region. */
static void
test_koordinator(void)
{
#define KO(strain, actors) strain "'actors':[" actors "]"
#define REGIONAL "{'id':'a2','role':'habilitation','sector':'health','municipal':false," \
	"'coordinator':true,'since':'2026-09-01'}"
	LAW(KO("'family_strain':'strained',", SOCIAL("2026-08-22")), T0, "koordinator", "missing",
	    "koordinator: strained, none: missing");
	LAW(KO("'family_strain':'unsustainable',", SOCIAL("2026-08-22")), T0, "koordinator",
	    "missing", "koordinator: unsustainable, none: missing");
	LAW(KO("'family_strain':'stable',", SOCIAL("2026-08-22")), T0, "koordinator", "n/a",
	    "koordinator: stable: n/a");
	LAW(KO("", SOCIAL("2026-08-22")), T0, "koordinator", "n/a",
	    "koordinator: the strain not known: n/a");
	LAW(KO("'family_strain':'stable','family_view':{'date':'2026-11-01','strain':'unsustainable'},",
	       SOCIAL("2026-08-22")), T0, "koordinator", "missing",
	    "koordinator: the family's own view counts, whatever the caseworker's");
	LAW(KO("'family_view':{'strain':'strained'},", SOCIAL("2026-08-22") "," REGIONAL), T0,
	    "koordinator", "ok", "koordinator: the region's habilitering coordinates: ok");
	LAW(KO("'family_strain':'strained',",
	       "{'id':'a1','sector':'social','municipal':true,'coordinator':true}"), T0,
	    "koordinator", "ok", "koordinator: the municipality's: ok");
	LAW(KO("'family_strain':'strained',",
	       "{'id':'a1','sector':'social','municipal':true,'coordinator':true}," REGIONAL),
	    T0, "koordinator", "missing", "koordinator: two coordinators are not one: missing");
	LAW(KO("'family_strain':'strained',",
	       "{'id':'a1','sector':'social','coordinator':true,'until':'2026-11-01'}"), T0,
	    "koordinator", "missing", "koordinator: one whose time has ended: missing");
#undef REGIONAL
#undef KO
}

/* Barnkonventionen art. 12 (lag 2018:1197; IVO: "ger alla barn, oavsett
 * ålder, mognad eller exempelvis funktionsnedsättning, rätt att fritt
 * uttrycka sin åsikt i frågor som rör barnet"); LSS 8 §: the child's
 * views, and "Om barnet inte kan eller vill framföra sina åsikter
 * behöver barnets inställning så långt det är möjligt klarläggas på
 * annat sätt." */
static void
test_child_views(void)
{
#define CV(born, p, more) born "," DECISION(p, GRANTED("2026-10-01") more)
	LAW(CV(CHILD7, "LSS § 9 p. 6", ",'child_heard':'2026-10-01'"), T0, "child-views", "ok#d1",
	    "art. 12, 8 § LSS: heard on the day of the decision: ok");
	LAW(CV(CHILD7, "LSS § 9 p. 6", ",'child_heard':'2026-10-02'"), T0, "child-views",
	    "missing#d1", "art. 12: heard after the decision: missing");
	LAW(CV(CHILD7, "LSS § 9 p. 6", ""), T0, "child-views", "missing#d1",
	    "art. 12: not heard: missing");
	LAW(CV(CHILD7, "SoL 4 kap. 1 §", ""), T0, "child-views", "missing#d1",
	    "socialtjänstlagen: a SoL decision too");
	LAW(CV(CHILD7, "LSS § 9 p. 6", ",'hearing_exception':{'reason':'kan inte uttrycka sig',"
	       "'views_obtained':'2026-09-20'}"), T0, "child-views", "ok#d1",
	    "8 § LSS: the child's attitude found out in another way, before the decision: ok");
	LAW(CV(CHILD7, "LSS § 9 p. 6", ",'hearing_exception':{'reason':'kan inte uttrycka sig'}"),
	    T0, "child-views", "missing#d1", "8 § LSS: a reason, the attitude not found out: missing");
	LAW(CV(ADULT18, "LSS § 9 p. 6", ""), T0, "child-views", "n/a#d1",
	    "art. 12: 18 on the day of the decision: no child, n/a");
	LAW(CV("'child':{}", "LSS § 9 p. 6", ""), T0, "child-views", "missing#d1",
	    "art. 12: the age not known: judged as a child's");
	LAW(CV(CHILD7, "HSL 16 kap. 4 §", ""), T0, "child-views", "n/a#d1",
	    "art. 12: a decision under neither LSS nor SoL: n/a");
	LAW(CHILD7 "," DECISION("LSS § 9 p. 6", ",'applied':'2026-10-01'"), T0, "child-views",
	    "n/a#d1", "art. 12: not yet decided: n/a");
#undef CV
}

/* Offentlighets- och sekretesslagen 26 kap. 1 §: "Sekretess gäller inom
 * socialtjänsten för uppgift om enskilds personliga förhållanden, om det
 * inte står klart att uppgiften kan röjas utan att den enskilde eller
 * någon närstående till denne lider men"; the person's consent lifts it
 * (12 kap. 2 §), and dataskyddsförordningen art. 7.3: "De registrerade
 * ska ha rätt att när som helst återkalla sitt samtycke." */
static void
test_consent(void)
{
#define CO(consent) CHILD7 ",'actors':[" SOCIAL("2026-08-22") "," HEALTH("2026-08-25", "") "]" \
	consent
	LAW(CO(""), T0, "consent", "missing#a2", "consent: an actor outside the municipality: missing");
	LAW(CO(",'consents':[{'id':'c1','given_by':'parents','given':'2026-08-25',"
	       "'expires':'2027-08-25','recipients':['a2']}]"), T0, "consent", "ok@2027-08-25#a2",
	    "consent: given: ok");
	LAW(CO(",'consents':[{'id':'c1','given_by':'parents','given':'2026-08-25',"
	       "'expires':'2026-12-01','recipients':['a2']}]"), T0, "consent", "due@2026-12-01#a2",
	    "consent: running out: due");
	LAW(CO(",'consents':[{'id':'c1','given_by':'parents','given':'2026-08-25',"
	       "'withdrawn':'2026-11-01','recipients':['a2']}]"), T0, "consent-withdrawn",
	    "missing#a2", "art. 7.3, 12 kap. 2 §: withdrawn, still sharing: missing");
	LAW(CO(",'consents':[{'id':'c1','given_by':'parents','given':'2026-08-25',"
	       "'withdrawn':'2026-11-01','recipients':['a2']}]"), T0, "consent", "n/a#a2",
	    "consent: withdrawn is not for a new consent");
	LAW(CHILD7 ",'actors':[" SOCIAL("2026-08-22") "," HEALTH("2026-08-25", ",'receives_data':false")
	    "],'consents':[{'id':'c1','given_by':'parents','given':'2026-08-25',"
	    "'withdrawn':'2026-11-01','recipients':['a2']}]", T0, "consent-withdrawn", "",
	    "art. 7.3: the sharing stopped: nothing to do");
#undef CO
}

/* The model's samordnad informationstjänst; the network meeting of its
 * gemensam planeringsprocess; the transitions (Skolverket's "övergångar
 * inom och mellan skolformer"); the numbers are the municipality's. */
static void
test_recommendations(void)
{
	LAW("", "2026-09-22", "information-service", "due@2026-09-22",
	    "information-service: a month after the case was opened: due");
	LAW("", "2026-09-23", "information-service", "overdue@2026-09-22",
	    "information-service: the day after: overdue");
	LAW("'suggestions':[{'name':'CSD','audience':'both'}]", "2026-09-23",
	    "information-service", "ok", "information-service: the directory's entries for "
	    "families and professionals: ok");
	LAW("'suggestions':[{'name':'Kunskapsguiden','audience':'professional'}]", "2026-09-23",
	    "information-service", "overdue@2026-09-22",
	    "information-service: entries for professionals only do not count");
	LAW("'offers':[{'id':'o1','kind':'information','to':'parents','status':'offered'}]",
	    "2026-09-23", "information-service", "ok", "information-service: an offer of "
	    "information: ok");

	LAW("'actors':[" SOCIAL("2026-05-01") "," HEALTH("2026-05-01", "") "],"
	    "'meetings':[{'id':'m1','kind':'network','date':'2026-05-22'}]", T0, "network-meeting",
	    "due@2026-11-22", "network-meeting: 6 months after the last one: due");
	LAW("'actors':[" SOCIAL("2026-05-01") "]", T0, "network-meeting", "n/a",
	    "network-meeting: one sector: n/a");

#define TR(kind, due, from, more) "'transitions':[{'kind':'" kind "','due':'" due "'," \
	"'prepare_from':'" from "','status':'planned'" more "}]"
	LAW(TR("preschool-class", "2027-08-01", "2026-08-01", ""), T0, "transition-prepare",
	    "overdue@2026-08-01#preschool-class",
	    "transition-prepare: förskoleklass not prepared from its prepare_from: overdue");
	LAW(TR("adult", "2027-04-03", "2025-04-03", ",'status':'preparing'") , T0,
	    "transition-prepare", "ok#adult",
	    "transition-prepare: the move to vuxenhabilitering is judged too");
	LAW(TR("school", "2027-08-01", "2027-02-01", ""), "2027-05-31", "transition-handover",
	    "due@2027-06-01#school", "transition-handover: grundskola, before the summer: due");
	LAW(TR("upper-secondary", "2027-08-01", "2026-08-01", ""), "2027-06-02",
	    "transition-handover", "overdue@2027-06-01#upper-secondary",
	    "transition-handover: gymnasieskola, 2 months before: overdue the day after");
	LAW(TR("preschool", "2027-01-03", "2026-07-03", ""), T0, "transition-handover",
	    "due@2026-12-03#preschool", "transition-handover: förskola, 1 month before");
	LAW(TR("preschool", "2027-01-03", "2026-07-03", ",'handover':{'to':'a1'}"), T0,
	    "transition-handover", "ok#preschool", "transition-handover: handed over: ok");
	LAW(TR("own-home", "2027-01-03", "2026-07-03", ""), T0, "transition-handover",
	    "n/a#own-home", "transition-handover: an own home is no service taking over: n/a");
#undef TR
}

/* The set speaks Sweden's words and cites Swedish law only. */
static void
test_words(void)
{
	const ck_ruleset *set = ck_rulebook_get(book, "se-samordning");
	const json_t *rule;
	size_t i;
	bool swedish = true, law_ok = true;

	json_array_foreach(set != NULL ? ck_ruleset_rules(set) : NULL, i, rule) {
		const char *sv = json_string_value(json_object_get(json_object_get(rule, "message"),
								   "sv"));
		const char *ref = json_string_value(json_object_get(rule, "ref"));
		const char *basis = json_string_value(json_object_get(rule, "basis"));

		if (sv == NULL || strstr(sv, "samordnare") != NULL || strstr(sv, "förfaller") != NULL ||
		    strstr(sv, "barnomsorg") != NULL || strstr(sv, "afdækning") != NULL ||
		    strstr(sv, "VISO") != NULL || strstr(sv, "myndighed") != NULL)
			swedish = false;
		if (strcmp(basis, "law") == 0 && strstr(ref, "§") == NULL && strstr(ref, "art.") == NULL)
			law_ok = false;
		if (strstr(ref, "DK") != NULL || strstr(ref, "Barnets lov") != NULL ||
		    strstr(ref, "lov") != NULL)
			law_ok = false;
	}
	ok(set != NULL && swedish, "the Swedish texts use Sweden's words, no Danicisms");
	ok(set != NULL && law_ok, "every law rule cites a paragraph or article of Swedish law");
	is_str(ck_rule_title(ck_ruleset_rule(set, "koordinator"), "sv"),
	       "Koordinator när familjens situation är ansträngd", "koordinator, as the model says");
	is_str(ck_ruleset_title(set, "sv"), "Samordning av stöd till barn med funktionsnedsättning",
	       "the set's Swedish title");
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char value[1024];

	ck_init("test-law-se");
	if (top == NULL || *top == '\0') {
		ok(1, "# SKIP top_srcdir is not set: the shipped sets are not tested");
		return done_testing();
	}
	setenv("CASEKIT_CONFIG", "/dev/null", 1);
	snprintf(value, sizeof value, "%s/rules", top);
	setenv("CASEKIT_RULES_PATH", value, 1);
	book = ck_rulebook_load(NULL);
	ok(ck_rulebook_get(book, "se-samordning") != NULL, "the shipped set se-samordning loads");

	test_sip();
	test_lss_plan();
	test_not_executed();
	test_koordinator();
	test_child_views();
	test_consent();
	test_recommendations();
	test_words();

	ck_rulebook_free(book);
	is_int(records_changed, 0, "no record passed in was changed by any judgement");
	ring_free();
	return done_testing();
}
