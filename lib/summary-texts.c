/* SPDX-License-Identifier: MPL-2.0 */
/* summary-texts.c — the words of case-summary, in English, Danish and
 * Swedish: the document's headings and labels, what each role does, the
 * support a paragraph gives, offers and transitions in plain words, and
 * the family's rights in each country.
 *
 * A summary is written in the language of its reader (--lang, the
 * family's interpreter language), which is not the locale of the run, so
 * these texts are tables chosen by language at each call, as a rule
 * carries its {en, da, sv} texts, rather than messages of the gettext
 * catalogue. The family's texts are written as a caseworker writes to
 * parents: "I"/"jer" (da) and "ni"/"er" (sv), the professions' words
 * only where the family meets them in letters (bisidder, aktindsigt,
 * SIP), and then explained. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"

struct text {
	const char *key;
	const char *en;
	const char *da;
	const char *sv;
};

/* Keys are "group.value": a heading or label ("label.since"), or the
 * word for a value of a closed set ("outcome.granted"). */
static const struct text texts[] = {
	/* The three documents. */
	{ "title.family", "An overview for the family", "Overblik til familien",
	  "Översikt för familjen" },
	{ "title.successor", "Case handover", "Overdragelse af sagen", "Överlämning av ärendet" },
	{ "title.recipient", "Information shared with consent", "Oplysninger delt med samtykke",
	  "Uppgifter som lämnas med samtycke" },
	{ "intro.family",
	  "Here you can see who is around your child, what has been decided and what will "
	  "happen next. Ask your coordinator if anything is unclear, or does not match what "
	  "you know yourselves.",
	  "Her kan I se, hvem der er omkring jeres barn, hvad der er besluttet, og hvad der "
	  "skal ske fremover. Spørg jeres koordinator, hvis noget er uklart eller ikke passer "
	  "med det, I selv ved.",
	  "Här kan ni se vilka som finns runt ert barn, vad som har beslutats och vad som ska "
	  "hända framöver. Fråga er koordinator om något är oklart eller inte stämmer med det "
	  "ni själva vet." },
	{ "intro.successor",
	  "The whole case as it stands, for the caseworker who takes it over. The case "
	  "system's journal holds the letters and notes; this is the overview.",
	  "Hele sagen, som den står, til den sagsbehandler, der overtager den. Journalen i "
	  "fagsystemet rummer breve og notater; dette er overblikket.",
	  "Hela ärendet som det ser ut nu, för den handläggare som tar över. Journalen i "
	  "verksamhetssystemet har brev och anteckningar; detta är översikten." },
	{ "intro.recipient",
	  "Shared with you because the family has consented to it. Only the parts the consent "
	  "names are shown. Do not pass the information on.",
	  "Delt med jer, fordi familien har givet samtykke til det. Kun de dele, samtykket "
	  "nævner, er med. Giv ikke oplysningerne videre.",
	  "Lämnas till er eftersom familjen har samtyckt till det. Bara de delar som samtycket "
	  "omfattar finns med. Lämna inte uppgifterna vidare." },
	{ "footer.family",
	  "This overview was made on %s from the municipality's information in the case. It "
	  "is not a decision: decisions always come to you in writing on their own.",
	  "Dette overblik er lavet den %s ud fra kommunens oplysninger i sagen. Det er ikke en "
	  "afgørelse: afgørelser får I altid skriftligt for sig.",
	  "Översikten gjordes den %s utifrån kommunens uppgifter i ärendet. Den är inte ett "
	  "beslut: beslut får ni alltid skriftligt för sig." },
	{ "footer.successor", "Made on %s from the case record.",
	  "Lavet den %s ud fra sagens oplysninger.", "Gjord den %s utifrån ärendets uppgifter." },
	{ "footer.recipient",
	  "Made on %s. The consent holds through %s, unless it is withdrawn before.",
	  "Lavet den %s. Samtykket gælder til og med den %s, medmindre det trækkes tilbage "
	  "før.",
	  "Gjord den %s. Samtycket gäller till och med den %s, om det inte återkallas dessförinnan." },
	{ "footer.recipient_open", "Made on %s. The consent holds until it is withdrawn.",
	  "Lavet den %s. Samtykket gælder, indtil det trækkes tilbage.",
	  "Gjord den %s. Samtycket gäller tills det återkallas." },

	/* The family's document. */
	{ "heading.coordinator", "Your coordinator", "Jeres koordinator", "Er koordinator" },
	{ "coordinator.text",
	  "Your one place to turn. Call or write with any question about your child's "
	  "support, also when it concerns others than the municipality: your coordinator "
	  "finds the answer with them.",
	  "Jeres faste indgang. Ring eller skriv med alle spørgsmål om støtten til jeres barn, "
	  "også når de handler om andre end kommunen: jeres koordinator finder svaret sammen "
	  "med dem.",
	  "Er väg in. Ring eller skriv med alla frågor om stödet till ert barn, även när de "
	  "gäller andra än kommunen: er koordinator tar reda på svaret tillsammans med dem." },
	{ "coordinator.none",
	  "You have not been given a coordinator yet. Until then, you can turn to your "
	  "caseworker:",
	  "I har endnu ikke fået en fast koordinator. Indtil da kan I henvende jer til jeres "
	  "sagsbehandler:",
	  "Ni har ännu inte fått en koordinator. Till dess kan ni vända er till er handläggare:" },
	{ "coordinator.nobody",
	  "You have not been given a coordinator yet. Until then, contact the municipality's "
	  "children and families service.",
	  "I har endnu ikke fået en fast koordinator. Indtil da kan I kontakte kommunens "
	  "børne- og familieafdeling.",
	  "Ni har ännu inte fått en koordinator. Till dess kan ni kontakta kommunens "
	  "socialtjänst." },
	{ "heading.who", "Who is who", "Hvem er hvem", "Vem är vem" },
	{ "who.none", "No one else has been noted yet.", "Der er ikke noteret andre endnu.",
	  "Ingen annan har antecknats ännu." },
	{ "who.coordinator", "Your coordinator.", "Jeres koordinator.", "Er koordinator." },
	{ "who.authority", "Makes the decisions on support.", "Træffer afgørelserne om støtte.",
	  "Fattar besluten om stöd." },
	{ "heading.decided", "What has been decided", "Det er besluttet", "Det här har beslutats" },
	{ "decided.none", "No decision on support has been made yet.",
	  "Der er endnu ikke truffet afgørelse om støtte.",
	  "Inget beslut om stöd har fattats ännu." },
	{ "decided.partly", "Partly granted.", "Delvis bevilget.", "Delvis beviljat." },
	{ "decided.since", "From %s.", "Fra den %s.", "Från den %s." },
	{ "decided.granted_on", "Decided on %s.", "Besluttet den %s.", "Beslutat den %s." },
	{ "decided.until", "Until %s.", "Til den %s.", "Till den %s." },
	{ "decided.follow_up", "Next follow-up: %s.", "Næste opfølgning: %s.",
	  "Nästa uppföljning: %s." },
	{ "heading.next", "What happens next", "Det sker fremover", "Det här händer framöver" },
	{ "next.none", "Nothing with a date is planned just now.",
	  "Der er ikke planlagt noget med dato lige nu.",
	  "Inget med datum är planerat just nu." },
	{ "next.network_held", "The last network meeting was held on %s.",
	  "Det seneste netværksmøde blev holdt den %s.",
	  "Det senaste nätverksmötet hölls den %s." },
	{ "next.network", "The next network meeting, where everyone around your child meets "
	  "with you", "Næste netværksmøde, hvor alle omkring jeres barn mødes med jer",
	  "Nästa nätverksmöte, där alla runt ert barn träffas tillsammans med er" },
	{ "next.by", "by %s", "senest den %s", "senast den %s" },
	{ "next.on", "%s", "den %s", "den %s" },
	{ "next.common-plan", "The common plan is gone through again",
	  "Den fælles plan gennemgås igen", "Den gemensamma planen gås igenom igen" },
	{ "next.sip", "Your SIP, the coordinated plan, is followed up",
	  "Jeres SIP, den samordnede plan, følges op",
	  "Er SIP, den samordnade planen, följs upp" },
	{ "next.child-plan", "Your child's plan is gone through again",
	  "Barnets plan gennemgås igen", "Barnets plan gås igenom igen" },
	{ "next.youth-plan", "The youth plan is gone through again",
	  "Ungeplanen gennemgås igen", "Ungdomsplanen gås igenom igen" },
	{ "next.individual-plan", "The individual plan (LSS) is followed up",
	  "Den individuelle plan (LSS) følges op", "Den individuella planen (LSS) följs upp" },
	{ "next.follow_up", "The support is followed up", "Opfølgning på støtten",
	  "Uppföljning av stödet" },
	{ "next.application", "We are dealing with your application",
	  "Vi behandler jeres ansøgning", "Vi handlägger er ansökan" },
	{ "next.applied", "Applied for on %s.", "I søgte den %s.", "Ni ansökte den %s." },
	{ "next.under", "Under %s.", "Efter %s.", "Enligt %s." },
	{ "next.responsible", "Responsible: %s.", "Ansvarlig: %s.", "Ansvarig: %s." },
	{ "next.transition_prepare", "Preparation starts %s.", "Forberedelsen begynder den %s.",
	  "Förberedelserna börjar den %s." },
	{ "next.transition_preparing", "Preparation has started.", "Forberedelsen er i gang.",
	  "Förberedelserna har börjat." },
	{ "next.transition_by", "Your coordinator prepares it with you.",
	  "Jeres koordinator forbereder det sammen med jer.",
	  "Er koordinator förbereder det tillsammans med er." },
	{ "next.transition_to", "What is known about your child is passed on to: %s.",
	  "Det, vi ved om jeres barn, gives videre til: %s.",
	  "Det vi vet om ert barn lämnas vidare till: %s." },
	{ "heading.offers", "Offers for you", "Tilbud til jer", "Erbjudanden till er" },
	{ "offers.for", "For: %s.", "Til: %s.", "För: %s." },
	{ "offers.offered", "Offered on %s.", "Tilbudt den %s.", "Erbjudet den %s." },
	{ "offers.accepted", "You have said yes.", "I har takket ja.", "Ni har tackat ja." },
	{ "offers.declined", "You have said no for now; you can always say yes later.",
	  "I har takket nej for nu; I kan altid sige ja senere.",
	  "Ni har tackat nej för tillfället; ni kan alltid tacka ja senare." },
	{ "heading.knowledge", "Knowledge, and other families", "Viden og andre familier",
	  "Kunskap och andra familjer" },
	{ "knowledge.text",
	  "Here you can find knowledge about your child's situation and meet other families "
	  "in the same situation, if you wish.",
	  "Her kan I finde viden om jeres barns situation og møde andre familier i samme "
	  "situation, hvis I har lyst.",
	  "Här kan ni hitta kunskap om ert barns situation och träffa andra familjer i samma "
	  "situation, om ni vill." },
	{ "heading.rights", "Your rights", "Jeres rettigheder", "Era rättigheter" },

	/* Headings and labels of the successor's and the recipient's
	 * documents. */
	{ "heading.case", "The case", "Sagen", "Ärendet" },
	{ "heading.actors", "Everyone around the family", "Alle omkring familien",
	  "Alla runt familjen" },
	{ "heading.diagnosis", "Diagnosis", "Diagnose", "Diagnos" },
	{ "heading.assessments", "Assessments", "Undersøgelser og vurderinger",
	  "Utredningar och bedömningar" },
	{ "heading.decisions", "Decisions", "Afgørelser", "Beslut" },
	{ "heading.plans", "Plans", "Planer", "Planer" },
	{ "heading.meetings", "Meetings", "Møder", "Möten" },
	{ "heading.transitions", "Transitions", "Overgange", "Övergångar" },
	{ "heading.family", "The family", "Familien", "Familjen" },
	{ "heading.offers_all", "Offers", "Tilbud", "Erbjudanden" },
	{ "heading.knowledge_all", "Knowledge sources and suggestions",
	  "Videnskilder og forslag", "Kunskapskällor och förslag" },
	{ "heading.consents", "Consents", "Samtykker", "Samtycken" },
	{ "heading.findings", "Open points by the rules", "Åbne punkter efter reglerne",
	  "Öppna punkter enligt reglerna" },
	{ "heading.waivers", "Waivers", "Fravalg af regler", "Undantag från regler" },
	{ "heading.history", "History", "Historik", "Historik" },
	{ "history.earlier", "%zu earlier events are not shown.",
	  "%zu tidligere hændelser er ikke vist.", "%zu tidigare händelser visas inte." },
	{ "none", "None.", "Ingen.", "Inga." },
	{ "findings.none", "Nothing is missing, overdue or due.",
	  "Intet mangler, er overskredet eller forfalder.",
	  "Inget saknas, är försenat eller förfaller." },
	{ "label.case_id", "casekit case", "Sag i casekit", "Ärende i casekit" },
	{ "label.external_ref", "Case number", "Sagsnummer", "Ärendenummer" },
	{ "label.municipality", "Municipality", "Kommune", "Kommun" },
	{ "label.team", "Team", "Team", "Enhet" },
	{ "label.pathway", "Rule set", "Regelsæt", "Regeluppsättning" },
	{ "label.opened", "Opened", "Oprettet", "Öppnat" },
	{ "label.followed_from", "Followed in casekit from", "Fulgt i casekit fra",
	  "Följt i casekit från" },
	{ "label.concern", "First concern", "Første bekymring", "Första oro" },
	{ "label.aware", "Municipality aware", "Kommunen fik kendskab", "Kommunen fick kännedom" },
	{ "label.family_strain", "Family's strain (caseworker)",
	  "Familiens belastning (sagsbehandler)", "Familjens belastning (handläggare)" },
	{ "label.family_view", "The family's own view", "Familiens egen vurdering",
	  "Familjens egen syn" },
	{ "label.exposure", "Prenatal exposure known", "Kendt prænatal eksponering",
	  "Känd prenatal exponering" },
	{ "label.child", "The child", "Barnet", "Barnet" },
	{ "label.name", "Name", "Navn", "Namn" },
	{ "label.born", "Born", "Født", "Född" },
	{ "label.cpr", "CPR number", "CPR-nummer", "CPR-nummer" },
	{ "label.personnummer", "Personal identity number", "Personnummer", "Personnummer" },
	{ "label.org", "Organisation", "Organisation", "Organisation" },
	{ "label.sector", "Sector", "Sektor", "Sektor" },
	{ "label.contact", "Contact", "Kontakt", "Kontakt" },
	{ "label.period", "Period", "Periode", "Period" },
	{ "label.ended", "ended", "ophørt", "avslutad" },
	{ "label.consent_state", "Consent", "Samtykke", "Samtycke" },
	{ "label.coordinator", "coordinator", "koordinator", "koordinator" },
	{ "label.authority", "decides (authority)", "myndighed", "myndighetsutövning" },
	{ "label.municipal", "municipal", "kommunal", "kommunal" },
	{ "label.no_data", "receives no data", "modtager ikke oplysninger", "tar inte emot uppgifter" },
	{ "label.status", "Status", "Status", "Status" },
	{ "label.codes", "Codes", "Koder", "Koder" },
	{ "label.label", "Text", "Tekst", "Text" },
	{ "label.confirmed", "Confirmed", "Bekræftet", "Fastställd" },
	{ "label.target_group", "Significant and lasting impairment",
	  "Betydelig og varig funktionsnedsættelse", "Betydande och varaktig funktionsnedsättning" },
	{ "label.aware_at", "Aware", "Kendskab", "Kännedom" },
	{ "label.started", "Started", "Påbegyndt", "Påbörjad" },
	{ "label.done", "Done", "Afsluttet", "Klar" },
	{ "label.preliminary", "Preliminary assessment", "Foreløbig vurdering",
	  "Preliminär bedömning" },
	{ "label.by", "By", "Af", "Av" },
	{ "label.paragraph", "Paragraph", "Paragraf", "Paragraf" },
	{ "label.applied", "Applied", "Ansøgt", "Ansökt" },
	{ "label.decided", "Decided", "Afgjort", "Beslutat" },
	{ "label.outcome", "Outcome", "Resultat", "Utfall" },
	{ "label.support_started", "Support started", "Indsatsen startede", "Insatsen började" },
	{ "label.ends", "Ends", "Ophører", "Upphör" },
	{ "label.child_heard", "Child heard", "Barnet hørt", "Barnet hört" },
	{ "label.hearing_exception", "Not heard, because", "Ikke hørt, fordi", "Inte hört, eftersom" },
	{ "label.views_obtained", "Child's views obtained otherwise",
	  "Barnets synspunkter belyst på anden måde", "Barnets synpunkter inhämtade på annat sätt" },
	{ "label.delay_notified", "Told of delay", "Underrettet om forsinkelse",
	  "Underrättad om försening" },
	{ "label.reported_ivo", "Reported to IVO", "Indberettet til IVO", "Rapporterat till IVO" },
	{ "label.follow_up_first", "First follow-up", "Første opfølgning", "Första uppföljning" },
	{ "label.follow_up_next", "Next follow-up", "Næste opfølgning", "Nästa uppföljning" },
	{ "label.complaint", "Complaint", "Klage", "Klagomål" },
	{ "label.received", "received", "modtaget", "mottaget" },
	{ "label.reassessed", "reassessed", "genvurderet", "omprövat" },
	{ "label.upheld", "upheld in full", "givet fuldt medhold", "fullt bifall" },
	{ "label.sent_on", "sent on", "sendt videre", "skickat vidare" },
	{ "label.result", "result", "resultat", "resultat" },
	{ "label.common_plan", "Common plan", "Fælles plan", "Gemensam plan" },
	{ "label.sip", "SIP (coordinated individual plan)", "SIP (samordnet individuel plan)",
	  "SIP (samordnad individuell plan)" },
	{ "label.child_plan", "Child plan (BL § 91)", "Barnets plan (BL § 91)",
	  "Barnplan (BL § 91)" },
	{ "label.youth_plan", "Youth plan (BL § 108)", "Ungeplan (BL § 108)",
	  "Ungdomsplan (BL § 108)" },
	{ "label.individual_plan", "Individual plan (LSS 10 §)", "Individuel plan (LSS 10 §)",
	  "Individuell plan (LSS 10 §)" },
	{ "label.updated", "Updated", "Opdateret", "Uppdaterad" },
	{ "label.next_review", "Next review", "Næste gennemgang", "Nästa genomgång" },
	{ "label.responsible", "Overall responsibility", "Ansvarlig", "Huvudansvar" },
	{ "label.plan_consent", "Consent to the plan", "Samtykke til planen", "Samtycke till planen" },
	{ "label.decision", "Decision", "Beslutning", "Beslut" },
	{ "label.offered", "Offered", "Tilbudt", "Erbjuden" },
	{ "label.date", "Date", "Dato", "Datum" },
	{ "label.items", "Items", "Punkter", "Punkter" },
	{ "label.kind", "Kind", "Art", "Typ" },
	{ "label.participants", "Participants", "Deltagere", "Deltagare" },
	{ "label.with_family", "with the family", "med familien", "med familjen" },
	{ "label.due", "Due", "Dato", "Datum" },
	{ "label.prepare_from", "Prepare from", "Forberedes fra", "Förbereds från" },
	{ "label.completed", "Completed", "Gennemført", "Genomförd" },
	{ "label.decisions_ready", "Adult decisions ready", "Afgørelser til voksenlivet klar",
	  "Beslut för vuxenlivet klara" },
	{ "label.handover", "Handed over", "Overdraget", "Överlämnat" },
	{ "label.relation", "Relation", "Relation", "Relation" },
	{ "label.custody", "custody", "forældremyndighed", "vårdnad" },
	{ "label.lives_with", "lives with the child", "bor med barnet", "bor med barnet" },
	{ "label.interpreter", "Interpreter", "Tolk", "Tolk" },
	{ "label.to", "For", "Til", "För" },
	{ "label.audience", "For whom", "Til hvem", "För vem" },
	{ "label.region", "Region", "Region", "Region" },
	{ "label.purpose", "Purpose", "Formål", "Syfte" },
	{ "label.given_by", "Given by", "Givet af", "Lämnat av" },
	{ "label.given", "Given", "Givet", "Lämnat" },
	{ "label.last_day", "Valid through", "Gælder til og med", "Gäller till och med" },
	{ "label.withdrawn", "Withdrawn", "Tilbagekaldt", "Återkallat" },
	{ "label.refused", "Refused", "Afvist", "Nekat" },
	{ "label.recipients", "Recipients", "Modtagere", "Mottagare" },
	{ "label.scope", "May share", "Må dele", "Får lämna" },
	{ "label.scope_none", "only who is who", "kun hvem der er hvem", "bara vem som är vem" },
	{ "label.state", "State today", "Status i dag", "Status i dag" },
	{ "label.basis", "Basis", "Grundlag", "Grund" },
	{ "label.ref", "Source", "Kilde", "Källa" },
	{ "label.todo", "What to do", "Hvad der skal gøres", "Vad som ska göras" },
	{ "label.item", "Concerns", "Vedrører", "Gäller" },
	{ "label.reason", "Reason", "Begrundelse", "Skäl" },
	{ "label.parts", "Parts shared", "Delte dele", "Delar som lämnas" },
	{ "label.consent", "Consent", "Samtykke", "Samtycke" },
	{ "label.for_actor", "For", "Til", "Till" },
	{ "label.satisfied", "satisfied", "tilfreds", "nöjd" },

	/* Roles: what the family calls them. */
	{ "role.caseworker", "Caseworker at the municipality", "Sagsbehandler i kommunen",
	  "Handläggare i kommunen" },
	{ "role.coordinator-function", "Coordinator at the municipality", "Koordinator i kommunen",
	  "Samordnare i kommunen" },
	{ "role.family-adviser", "Family adviser", "Familievejleder", "Familjevägledare" },
	{ "role.ppr", "Educational psychology service (PPR)", "Pædagogisk Psykologisk Rådgivning (PPR)",
	  "Pedagogisk-psykologisk rådgivning (PPR)" },
	{ "role.health-visitor", "Health visitor", "Sundhedsplejerske", "Sjuksköterska på BVC" },
	{ "role.gp", "Family doctor", "Egen læge", "Husläkare" },
	{ "role.hospital", "The hospital", "Hospitalet", "Sjukhuset" },
	{ "role.rare-disease-centre", "The hospital's centre for rare diseases",
	  "Hospitalets center for sjældne sygdomme", "Sjukhusets centrum för sällsynta diagnoser" },
	{ "role.child-psychiatry", "Child and adolescent psychiatry", "Børne- og ungdomspsykiatrien",
	  "Barn- och ungdomspsykiatrin (BUP)" },
	{ "role.therapist", "Therapist", "Terapeut", "Terapeut" },
	{ "role.aids-consultant", "Adviser on aids and equipment", "Hjælpemiddelkonsulent",
	  "Hjälpmedelskonsulent" },
	{ "role.daycare", "Nursery or kindergarten", "Dagtilbuddet", "Förskolan" },
	{ "role.school", "The school", "Skolen", "Skolan" },
	{ "role.special-school", "The special school", "Specialskolen", "Den anpassade skolan" },
	{ "role.kui", "Youth guidance (KUI)", "Den kommunale ungeindsats (KUI)",
	  "Kommunens ungdomsvägledning (KUI)" },
	{ "role.support-person", "Support person", "Støtteperson", "Stödperson" },
	{ "role.relief-provider", "Respite care", "Aflastning", "Avlösning" },
	{ "role.viso", "VISO, the national specialist advice service", "VISO",
	  "VISO, danska statens specialistrådgivning" },
	{ "role.knowledge-centre", "Knowledge centre", "Videnscenter", "Kunskapscentrum" },
	{ "role.user-organisation", "Association for families", "Forening for familier",
	  "Förening för familjer" },
	{ "role.adult-services", "Adult services", "Voksenområdet i kommunen",
	  "Vuxenverksamheten" },
	{ "role.jobcenter", "The job centre", "Jobcentret", "Arbetsförmedlingen" },
	{ "role.family-outpatient", "Family outpatient clinic", "Familieambulatoriet",
	  "Familjeambulatoriet" },
	{ "role.advocate", "Advocate (bisidder)", "Bisidder", "Bisittare" },
	{ "role.other", "Other contact", "Anden kontakt", "Annan kontakt" },

	/* What each role does, for the family. */
	{ "does.caseworker", "Works on your case at the municipality.",
	  "Arbejder med jeres sag i kommunen.", "Arbetar med ert ärende i kommunen." },
	{ "does.coordinator-function", "Helps hold together everyone around your child.",
	  "Hjælper med at samle trådene mellem alle omkring jeres barn.",
	  "Hjälper till att hålla ihop alla runt ert barn." },
	{ "does.family-adviser",
	  "Gives you advice and guidance on everyday life with your child, and on where to "
	  "find help.",
	  "Giver jer råd og vejledning om hverdagen med jeres barn, og om hvor I kan få hjælp.",
	  "Ger er råd och vägledning om vardagen med ert barn och om var ni kan få hjälp." },
	{ "does.ppr",
	  "Advises the nursery and the school on how best to support your child's learning "
	  "and well-being.",
	  "Rådgiver dagtilbud og skole om, hvordan de bedst støtter jeres barns læring og "
	  "trivsel.",
	  "Ger förskola och skola råd om hur de bäst stöttar ert barns lärande och trivsel." },
	{ "does.health-visitor", "Follows your child's health and development.",
	  "Følger jeres barns sundhed og udvikling.", "Följer ert barns hälsa och utveckling." },
	{ "does.gp", "Your own doctor.", "Jeres egen læge.", "Er egen läkare." },
	{ "does.hospital", "Examines and treats your child.", "Undersøger og behandler jeres barn.",
	  "Undersöker och behandlar ert barn." },
	{ "does.rare-disease-centre", "Has special knowledge of rare conditions and follows your "
	  "child.", "Har særlig viden om sjældne sygdomme og følger jeres barn.",
	  "Har särskild kunskap om sällsynta diagnoser och följer ert barn." },
	{ "does.child-psychiatry", "Assesses and treats children and young people who struggle "
	  "mentally.", "Undersøger og behandler børn og unge, der har det svært psykisk.",
	  "Utreder och behandlar barn och unga som mår psykiskt dåligt." },
	{ "does.therapist", "Trains with your child and gives advice on movement and everyday "
	  "life.", "Træner med jeres barn og giver råd om bevægelse og hverdag.",
	  "Tränar med ert barn och ger råd om rörelse och vardag." },
	{ "does.aids-consultant", "Helps you get aids, such as a wheelchair, a lift or aids for "
	  "communication.", "Hjælper jer med hjælpemidler, fx kørestol, lift eller hjælpemidler "
	  "til kommunikation.", "Hjälper er med hjälpmedel, till exempel rullstol, lyft eller "
	  "hjälpmedel för kommunikation." },
	{ "does.daycare", "Looks after your child during the day.",
	  "Passer jeres barn i hverdagen.", "Tar hand om ert barn på dagarna." },
	{ "does.school", "Your child's school.", "Jeres barns skole.", "Ert barns skola." },
	{ "does.special-school", "Your child's school, with special support for learning.",
	  "Jeres barns skole, med særlig støtte til at lære.",
	  "Ert barns skola, med särskilt stöd för lärandet." },
	{ "does.kui", "Guides the young person on education and work.",
	  "Vejleder den unge om uddannelse og job.", "Vägleder den unga om utbildning och arbete." },
	{ "does.support-person", "A steady adult who supports your child, or you.",
	  "En fast voksen, der støtter jeres barn eller jer.",
	  "En fast vuxen som stöttar ert barn eller er." },
	{ "does.relief-provider", "Looks after your child so that you can have a break.",
	  "Passer jeres barn, så I kan få et pusterum.",
	  "Tar hand om ert barn så att ni kan få andrum." },
	{ "does.viso", "Gives the municipality specialist advice in complex cases.",
	  "Giver kommunen specialiseret rådgivning i særlige sager.",
	  "Ger kommunen specialistråd i svåra ärenden." },
	{ "does.knowledge-centre", "Gathers knowledge about your child's condition, and advises "
	  "families and professionals.", "Samler viden om jeres barns tilstand og rådgiver "
	  "familier og fagfolk.", "Samlar kunskap om ert barns tillstånd och ger råd till "
	  "familjer och yrkesfolk." },
	{ "does.user-organisation", "An association of families in the same situation: "
	  "knowledge, advice and company.", "En forening for familier i samme situation: viden, "
	  "rådgivning og fællesskab.", "En förening för familjer i samma situation: kunskap, råd "
	  "och gemenskap." },
	{ "does.adult-services", "Takes over when your child turns 18.",
	  "Tager over, når jeres barn fylder 18 år.", "Tar över när ert barn fyller 18 år." },
	{ "does.jobcenter", "Helps with work and education as an adult.",
	  "Hjælper med job og uddannelse som voksen.",
	  "Hjälper till med arbete och utbildning som vuxen." },
	{ "does.family-outpatient", "A hospital team that follows your child's development and "
	  "supports you as a family.", "Et hospitalsteam, der følger jeres barns udvikling og "
	  "støtter jer som familie.", "Ett team på sjukhuset som följer ert barns utveckling och "
	  "stöttar er som familj." },
	{ "does.advocate", "Supports you at meetings and talks with the municipality.",
	  "Støtter jer ved møder og samtaler med kommunen.",
	  "Stöttar er vid möten och samtal med kommunen." },

	/* Offers, in plain words. */
	{ "offer.family-adviser", "A family adviser (the special family adviser scheme): advice "
	  "and guidance for you as a family", "En familievejleder (den særlige "
	  "familievejlederordning): råd og vejledning til jer som familie",
	  "En familjevägledare: råd och vägledning till er som familj" },
	{ "offer.parent-programme", "A course for parents", "Et forløb for forældre",
	  "En kurs för föräldrar" },
	{ "offer.sibling-programme", "Support for brothers and sisters", "Et tilbud til søskende",
	  "Stöd till syskon" },
	{ "offer.peer-network", "A network with other families in the same situation",
	  "Et netværk med andre familier i samme situation",
	  "Ett nätverk med andra familjer i samma situation" },
	{ "offer.relief", "Respite care, so that you can have a break",
	  "Aflastning, så I kan få et pusterum", "Avlösning, så att ni kan få andrum" },
	{ "offer.information", "Information on support and your rights",
	  "Information om støtte og jeres rettigheder", "Information om stöd och era rättigheter" },
	{ "to.parents", "you as parents", "jer som forældre", "er som föräldrar" },
	{ "to.carers", "you who care for the child", "jer, der passer barnet",
	  "er som tar hand om barnet" },
	{ "to.siblings", "brothers and sisters", "søskende", "syskon" },
	{ "to.child", "your child", "jeres barn", "ert barn" },
	{ "to.family", "the whole family", "hele familien", "hela familjen" },

	/* Transitions. */
	{ "transition.daycare", "Starting nursery", "Start i vuggestue eller dagpleje",
	  "Början i förskola" },
	{ "transition.kindergarten", "Starting kindergarten", "Start i børnehave",
	  "Byte till förskolans äldre barngrupp" },
	{ "transition.school", "Starting school", "Skolestart", "Skolstart" },
	{ "transition.youth-education", "Starting youth education", "Start på ungdomsuddannelse",
	  "Början på gymnasiet eller en annan utbildning" },
	{ "transition.adult", "Becoming an adult at 18", "Overgangen til voksenlivet ved 18 år",
	  "Övergången till vuxenlivet vid 18 år" },
	{ "transition.own-home", "Moving to a home of their own", "Flytning til egen bolig",
	  "Flytt till eget boende" },
	{ "transition.job", "Starting work", "Start i job eller beskæftigelse",
	  "Början på arbete eller daglig verksamhet" },
	{ "transition.preschool", "Starting preschool", "Start i børnehave (förskola)",
	  "Början i förskola" },
	{ "transition.preschool-class", "Starting the preschool class",
	  "Start i børnehaveklasse (förskoleklass)", "Början i förskoleklass" },
	{ "transition.upper-secondary", "Starting upper secondary school", "Start på gymnasiet",
	  "Början på gymnasiet" },

	/* Values of closed sets, for the professional documents. */
	{ "assessment.screening", "Screening", "Screening", "Screening" },
	{ "assessment.afdaekning", "Initial assessment (afdækning)", "Afdækning",
	  "Kartläggning (afdækning)" },
	{ "assessment.child-assessment", "Child assessment", "Børnefaglig undersøgelse",
	  "Barnutredning" },
	{ "assessment.medical", "Medical assessment", "Lægelig udredning", "Medicinsk utredning" },
	{ "assessment.ppv", "Educational psychological assessment (PPV)",
	  "Pædagogisk-psykologisk vurdering (PPV)", "Pedagogisk-psykologisk bedömning (PPV)" },
	{ "assessment.other", "Other assessment", "Anden vurdering", "Annan bedömning" },
	{ "sector.social", "social services", "socialområdet", "socialtjänst" },
	{ "sector.health", "health", "sundhed", "hälso- och sjukvård" },
	{ "sector.education", "education", "dagtilbud og skole", "förskola och skola" },
	{ "sector.employment", "employment", "beskæftigelse", "arbete" },
	{ "sector.civil", "civil society", "civilsamfund", "civilsamhälle" },
	{ "sector.family", "family", "familie", "familj" },
	{ "outcome.granted", "granted", "bevilget", "beviljat" },
	{ "outcome.partly", "partly granted", "delvis bevilget", "delvis beviljat" },
	{ "outcome.refused", "refused", "afslag", "avslag" },
	{ "result.confirmed", "confirmed", "stadfæstet", "fastställt" },
	{ "result.changed", "changed", "ændret", "ändrat" },
	{ "result.remitted", "sent back", "hjemvist", "återförvisat" },
	{ "result.dismissed", "dismissed", "afvist", "avvisat" },
	{ "consent.given", "given", "givet", "lämnat" },
	{ "consent.expired", "expired", "udløbet", "utgånget" },
	{ "consent.refused", "refused", "afvist", "nekat" },
	{ "consent.withdrawn", "withdrawn", "tilbagekaldt", "återkallat" },
	{ "consent.none", "none", "intet", "inget" },
	{ "consent.not-needed", "not needed", "ikke nødvendigt", "behövs inte" },
	{ "consent.pending", "not yet in force", "endnu ikke gældende", "ännu inte gällande" },
	{ "given_by.parents", "the parents", "forældrene", "föräldrarna" },
	{ "given_by.child", "the child", "barnet", "barnet" },
	{ "given_by.young-person", "the young person", "den unge", "den unga" },
	{ "given_by.guardian", "the guardian", "værgen", "förmyndaren" },
	{ "scope.who", "who is who", "hvem er hvem", "vem är vem" },
	{ "scope.actors", "everyone around the family", "alle omkring familien",
	  "alla runt familjen" },
	{ "scope.diagnosis", "diagnosis", "diagnose", "diagnos" },
	{ "scope.assessments", "assessments", "undersøgelser", "utredningar" },
	{ "scope.decisions", "decisions", "afgørelser", "beslut" },
	{ "scope.plans", "plans and meetings", "planer og møder", "planer och möten" },
	{ "scope.transitions", "transitions", "overgange", "övergångar" },
	{ "scope.family", "the family", "familien", "familjen" },
	{ "scope.identity", "identity", "identitet", "identitet" },
	{ "relation.parent", "parent", "forælder", "förälder" },
	{ "relation.sibling", "sibling", "søskende", "syskon" },
	{ "relation.carer", "carer", "omsorgsperson", "omsorgsperson" },
	{ "relation.other", "other", "anden", "annan" },
	{ "diagnosis.none", "none", "ingen", "ingen" },
	{ "diagnosis.suspected", "suspected", "mistanke", "misstänkt" },
	{ "diagnosis.confirmed", "confirmed", "bekræftet", "fastställd" },
	{ "diagnosis.undiagnosed", "assessed, no diagnosis found", "udredt uden diagnose",
	  "utredd utan diagnos" },
	{ "target.yes", "yes", "ja", "ja" },
	{ "target.no", "no", "nej", "nej" },
	{ "target.pending", "being assessed", "vurderes", "bedöms" },
	{ "strain.stable", "stable", "stabil", "stabil" },
	{ "strain.strained", "strained", "presset", "ansträngd" },
	{ "strain.unsustainable", "unsustainable", "uholdbar", "ohållbar" },
	{ "satisfied.yes", "yes", "ja", "ja" },
	{ "satisfied.partly", "partly", "delvis", "delvis" },
	{ "satisfied.no", "no", "nej", "nej" },
	{ "meeting.network", "Network meeting", "Netværksmøde", "Nätverksmöte" },
	{ "meeting.follow-up", "Follow-up meeting", "Opfølgningsmøde", "Uppföljningsmöte" },
	{ "meeting.consultation", "Consultation", "Konsultation", "Konsultation" },
	{ "meeting.handover", "Handover meeting", "Overdragelsesmøde", "Överlämningsmöte" },
	{ "meeting.assessment", "Assessment meeting", "Udredningsmøde", "Utredningsmöte" },
	{ "status.planned", "planned", "planlagt", "planerad" },
	{ "status.preparing", "being prepared", "forberedes", "förbereds" },
	{ "status.done", "done", "gennemført", "genomförd" },
	{ "offer_status.offered", "offered", "tilbudt", "erbjudet" },
	{ "offer_status.accepted", "accepted", "takket ja", "tackat ja" },
	{ "offer_status.declined", "declined", "takket nej", "tackat nej" },
	{ "offer_status.not-needed", "not needed", "ikke relevant", "behövs inte" },
	{ "plan.made", "a plan is made", "plan udarbejdes", "plan upprättas" },
	{ "plan.not-needed", "not needed", "ikke nødvendig", "behövs inte" },
	{ "audience.professional", "professionals", "fagfolk", "yrkesfolk" },
	{ "audience.family", "families", "familier", "familjer" },
	{ "audience.both", "families and professionals", "familier og fagfolk",
	  "familjer och yrkesfolk" },
	{ "basis.law", "law", "lov", "lag" },
	{ "basis.recommendation", "recommendation", "anbefaling", "rekommendation" },
	{ "basis.local", "local standard", "lokal standard", "lokal standard" },
	{ "finding.missing", "missing", "mangler", "saknas" },
	{ "finding.overdue", "overdue", "overskredet", "försenad" },
	{ "finding.due", "due soon", "forfalder snart", "förfaller snart" },
	{ "yes", "yes", "ja", "ja" },
	{ "no", "no", "nej", "nej" },
};

/* The support a decision gives, by its paragraph in normal form. The
 * first entry whose paragraph holds the decision's (ck_paragraph_within)
 * gives the words, so a more precise paragraph stands before the one it
 * lies within. Only paragraphs whose content is certain are here; any
 * other is named by its law ("a decision under barnets lov § 114"). */
struct paragraph_text {
	const char *paragraph;
	const char *en;
	const char *da;
	const char *sv;
};

static const struct paragraph_text paragraphs[] = {
	{ "BL § 32", "Support for the child and the family, such as advice, respite care, a "
	  "support person or family treatment", "Støtte til barnet og familien, fx rådgivning, "
	  "aflastning, en støtteperson eller familiebehandling", "Stöd till barnet och familjen, "
	  "till exempel rådgivning, avlösning, en stödperson eller familjebehandling" },
	{ "BL § 46", "Your child lives away from home for a time, with your consent (placement)",
	  "Jeres barn bor en tid uden for hjemmet, med jeres samtykke (anbringelse)",
	  "Ert barn bor en tid utanför hemmet, med ert samtycke (placering)" },
	{ "BL § 47", "Your child lives away from home for a time (placement without consent)",
	  "Jeres barn bor en tid uden for hjemmet (anbringelse uden samtykke)",
	  "Ert barn bor en tid utanför hemmet (placering utan samtycke)" },
	{ "BL § 86", "The extra costs of your child's disability are covered",
	  "Dækning af de ekstra udgifter, jeres barns funktionsnedsættelse giver (merudgifter)",
	  "Ersättning för de extra kostnader som ert barns funktionsnedsättning ger" },
	{ "BL § 87", "Compensation for the earnings you lose while caring for your child at "
	  "home", "Dækning af den indtægt, I mister, når I passer jeres barn hjemme (tabt "
	  "arbejdsfortjeneste)", "Ersättning för den inkomst ni förlorar när ni vårdar ert barn "
	  "hemma" },
	{ "SEL § 41", "The extra costs of your child's disability are covered",
	  "Dækning af de ekstra udgifter, jeres barns funktionsnedsættelse giver (merudgifter)",
	  "Ersättning för de extra kostnader som ert barns funktionsnedsättning ger" },
	{ "SEL § 42", "Compensation for the earnings you lose while caring for your child at "
	  "home", "Dækning af den indtægt, I mister, når I passer jeres barn hjemme (tabt "
	  "arbejdsfortjeneste)", "Ersättning för den inkomst ni förlorar när ni vårdar ert barn "
	  "hemma" },
	{ "SEL § 52", "Support for the child and the family", "Støtte til barnet og familien",
	  "Stöd till barnet och familjen" },
	{ "SEL § 85", "Help and support in everyday life (socialpædagogisk støtte)",
	  "Hjælp og støtte i hverdagen (socialpædagogisk støtte)",
	  "Hjälp och stöd i vardagen (socialpedagogiskt stöd)" },
	{ "SEL § 97", "A companion for activities outside the home",
	  "En ledsager til aktiviteter uden for hjemmet", "En ledsagare vid aktiviteter utanför hemmet" },
	{ "SEL § 100", "The extra costs of a disability as an adult are covered",
	  "Dækning af ekstra udgifter ved funktionsnedsættelse som voksen (merudgifter)",
	  "Ersättning för extra kostnader för en funktionsnedsättning som vuxen" },
	{ "SEL § 112", "Aids, such as a wheelchair or aids for communication",
	  "Hjælpemidler, fx kørestol eller hjælpemidler til kommunikation",
	  "Hjälpmedel, till exempel rullstol eller hjälpmedel för kommunikation" },
	{ "LSS § 9 p. 1", "Advice and other personal support from specialists",
	  "Rådgivning og anden personlig støtte fra specialister",
	  "Rådgivning och annat personligt stöd" },
	{ "LSS § 9 p. 2", "Personal assistance", "Personlig assistance", "Personlig assistans" },
	{ "LSS § 9 p. 3", "A companion service", "Ledsagerordning", "Ledsagarservice" },
	{ "LSS § 9 p. 4", "A contact person", "En kontaktperson", "Kontaktperson" },
	{ "LSS § 9 p. 5", "Relief at home, so that you can have a break",
	  "Aflastning i hjemmet, så I kan få et pusterum", "Avlösarservice i hemmet" },
	{ "LSS § 9 p. 6", "Short stays away from home (respite)",
	  "Korte ophold uden for hjemmet (aflastning)", "Korttidsvistelse utanför det egna hemmet" },
	{ "LSS § 9 p. 7", "Supervision before and after school, for pupils over 12",
	  "Tilsyn før og efter skoletid for skolebørn over 12 år",
	  "Korttidstillsyn för skolungdom över 12 år" },
	{ "LSS § 9 p. 8", "Living in a family home or a home with special service for children",
	  "Ophold i en plejefamilie eller en bolig med særlig service for børn",
	  "Boende i familjehem eller i bostad med särskild service för barn" },
	{ "LSS § 9 p. 9", "A home with special service for adults",
	  "En bolig med særlig service for voksne", "Bostad med särskild service för vuxna" },
	{ "LSS § 9 p. 10", "Daily activity", "Daglig beskæftigelse", "Daglig verksamhet" },
	{ "LSS § 9", "Support under LSS", "Støtte efter LSS", "Insats enligt LSS" },
	{ "SoL 4 kap. 1 §", "Help from the social services (bistånd)",
	  "Hjælp fra socialtjänsten (bistånd)", "Bistånd från socialtjänsten" },
};

/* The laws by their short names, for a paragraph no entry describes. */
static const struct text laws[] = {
	{ "BL", "barnets lov (the Danish Children's Act)", "barnets lov", "barnets lov (dansk lag)" },
	{ "SEL", "serviceloven", "serviceloven", "serviceloven (dansk lag)" },
	{ "RSL", "retssikkerhedsloven", "retssikkerhedsloven", "retssikkerhedsloven (dansk lag)" },
	{ "LSS", "LSS", "LSS (svensk lov)", "LSS" },
	{ "SoL", "socialtjänstlagen", "socialtjänstlagen (svensk lov)", "socialtjänstlagen" },
	{ "HSL", "hälso- och sjukvårdslagen", "hälso- och sjukvårdslagen (svensk lov)",
	  "hälso- och sjukvårdslagen" },
};

/* The family's rights, fixed texts per country: title, then text. */
struct right {
	const char *country;
	const char *title_en, *title_da, *title_sv;
	const char *en, *da, *sv;
};

static const struct right rights[] = {
	{ "DK", "Complaining about a decision", "Klage over en afgørelse",
	  "Att klaga på ett beslut",
	  "If you disagree with a decision, you can complain. The complaint must reach the "
	  "municipality within 4 weeks of the day you received the decision. You can complain "
	  "in writing, or by telling the caseworker who made the decision. The municipality "
	  "then looks at the case again. If it does not agree with you in full, it sends your "
	  "complaint on to Ankestyrelsen, the national appeals board, and tells you so. "
	  "(Retssikkerhedsloven §§ 66 and 67.)",
	  "Er I uenige i en afgørelse, kan I klage. Klagen skal være kommet frem til kommunen, "
	  "senest 4 uger efter at I har fået afgørelsen. I kan klage skriftligt eller ved at "
	  "sige det til den sagsbehandler, der har truffet afgørelsen. Kommunen ser så på sagen "
	  "igen. Giver kommunen jer ikke fuldt ud ret, sender den klagen videre til "
	  "Ankestyrelsen, og I får besked om det. (Retssikkerhedsloven §§ 66 og 67.)",
	  "Om ni inte håller med om ett beslut kan ni klaga. Klagomålet ska ha kommit fram till "
	  "kommunen inom 4 veckor från den dag ni fick beslutet. Ni kan klaga skriftligt eller "
	  "genom att säga det till den handläggare som fattade beslutet. Kommunen går då igenom "
	  "ärendet igen. Får ni inte fullt ut rätt, skickar kommunen klagomålet vidare till "
	  "Ankestyrelsen, den danska klagoinstansen, och ni får besked om det. "
	  "(Retssikkerhedsloven §§ 66 och 67.)" },
	{ "DK", "Someone at your side (bisidder)", "En bisidder", "En bisittare",
	  "You may always bring someone with you to meetings and talks with the municipality: "
	  "a relative, a friend, or someone from an association. Your child has the same "
	  "right. (Forvaltningsloven § 8; barnets lov § 6.)",
	  "I må altid have en bisidder med til møder og samtaler med kommunen, fx et "
	  "familiemedlem, en ven eller en fra en forening. Jeres barn har samme ret. "
	  "(Forvaltningsloven § 8 og barnets lov § 6.)",
	  "Ni får alltid ha med er en bisittare till möten och samtal med kommunen, till exempel "
	  "en släkting, en vän eller någon från en förening. Ert barn har samma rätt. "
	  "(Forvaltningsloven § 8 och barnets lov § 6.)" },
	{ "DK", "Seeing the papers in your case (aktindsigt)", "Aktindsigt: at se papirerne i jeres sag",
	  "Att se handlingarna i ert ärende (aktindsigt)",
	  "You have the right to see the information and documents the municipality holds in "
	  "your case. Ask your caseworker for aktindsigt; the municipality must answer as soon "
	  "as it can. (Forvaltningsloven § 9.)",
	  "I har ret til at se de oplysninger og dokumenter, kommunen har i jeres sag. Bed "
	  "jeres sagsbehandler om aktindsigt; kommunen skal svare så hurtigt som muligt. "
	  "(Forvaltningsloven § 9.)",
	  "Ni har rätt att se de uppgifter och handlingar som kommunen har i ert ärende. Be er "
	  "handläggare om aktindsigt; kommunen ska svara så snart den kan. "
	  "(Forvaltningsloven § 9.)" },
	{ "DK", "Your child's right to be heard", "Jeres barns ret til at blive hørt",
	  "Ert barns rätt att bli hört",
	  "Your child has the right to be heard before the municipality decides anything about "
	  "them, in a way that suits the child's age and development. If your child cannot "
	  "tell in words, the municipality must find out the child's views in other ways, for "
	  "instance by seeing the child in everyday life. (Barnets lov § 5.)",
	  "Jeres barn har ret til at blive hørt, før kommunen træffer afgørelser om barnet, på "
	  "en måde der passer til barnets alder og udvikling. Kan barnet ikke fortælle med ord, "
	  "skal kommunen finde frem til barnets synspunkter på anden måde, fx ved at se barnet "
	  "i hverdagen. (Barnets lov § 5.)",
	  "Ert barn har rätt att bli hört innan kommunen fattar beslut om barnet, på ett sätt "
	  "som passar barnets ålder och utveckling. Kan barnet inte berätta med ord, ska "
	  "kommunen ta reda på barnets synpunkter på annat sätt, till exempel genom att träffa "
	  "barnet i vardagen. (Barnets lov § 5.)" },
	{ "SE", "Appealing a decision (överklagande)", "Klage over en afgørelse (överklagande)",
	  "Att överklaga ett beslut",
	  "If you are not satisfied with a decision, you can appeal. The appeal must reach the "
	  "municipality within three weeks of the day you were told of the decision. Write "
	  "which decision it is and why you want it changed. The municipality may change the "
	  "decision itself; otherwise it sends your appeal on to the administrative court "
	  "(förvaltningsrätten). (Förvaltningslagen 44 §.)",
	  "Er I ikke tilfredse med en afgørelse, kan I klage. Klagen skal være kommet frem til "
	  "kommunen senest tre uger efter den dag, I fik afgørelsen at vide. Skriv, hvilken "
	  "afgørelse det gælder, og hvorfor I vil have den ændret. Kommunen kan selv ændre "
	  "afgørelsen; ellers sender den klagen videre til forvaltningsdomstolen "
	  "(förvaltningsrätten). (Förvaltningslagen 44 §.)",
	  "Om ni inte är nöjda med ett beslut kan ni överklaga det. Överklagandet ska ha kommit "
	  "in till kommunen inom tre veckor från den dag ni fick del av beslutet. Skriv vilket "
	  "beslut det gäller och varför ni vill att det ändras. Kommunen kan själv ändra "
	  "beslutet; annars skickar den överklagandet vidare till förvaltningsrätten. "
	  "(Förvaltningslagen 44 §.)" },
	{ "SE", "One plan for everyone: SIP", "Én plan for alle: SIP",
	  "En gemensam plan: SIP",
	  "When both health care and the social services support your child, they must make a "
	  "coordinated individual plan together, a SIP, if it is needed and you agree. It says "
	  "who does what, and who holds the overall responsibility. You can ask for a SIP "
	  "yourselves. (Hälso- och sjukvårdslagen 16 kap. 4 §.)",
	  "Når både sundhedsvæsenet og socialtjenesten støtter jeres barn, skal de sammen lave "
	  "en samordnet individuel plan, en SIP, hvis der er brug for det, og I er enige. Den "
	  "beskriver, hvem der gør hvad, og hvem der har hovedansvaret. I kan selv bede om en "
	  "SIP. (Hälso- och sjukvårdslagen 16 kap. 4 §.)",
	  "När både hälso- och sjukvården och socialtjänsten ger stöd till ert barn ska de "
	  "tillsammans göra en samordnad individuell plan, en SIP, om det behövs och ni "
	  "samtycker. I planen står vem som gör vad och vem som har huvudansvaret. Ni kan själva "
	  "be om en SIP. (Hälso- och sjukvårdslagen 16 kap. 4 §.)" },
	{ "SE", "A koordinator", "En koordinator", "En koordinator",
	  "You can ask for a koordinator: one person who helps you hold together the contacts "
	  "and the support around your child, so that you need not coordinate it all "
	  "yourselves. Socialstyrelsen recommends one when a family's situation is, or risks "
	  "becoming, too heavy to carry.",
	  "I kan bede om en koordinator: én person, der hjælper jer med at samle kontakterne "
	  "og støtten omkring jeres barn, så I ikke selv skal koordinere det hele. "
	  "Socialstyrelsen anbefaler en koordinator, når familiens situation er eller risikerer "
	  "at blive for tung at bære.",
	  "Ni kan be om en koordinator: en person som hjälper er att hålla ihop kontakterna och "
	  "stödet runt ert barn, så att ni inte själva behöver samordna allt. Socialstyrelsen "
	  "rekommenderar en koordinator när familjens situation är eller riskerar att bli "
	  "ohållbar." },
	{ "SE", "An individual plan (LSS)", "En individuel plan (LSS)", "En individuell plan (LSS)",
	  "When your child is granted support under LSS, you are to be offered an individual "
	  "plan of the support decided and planned, made together with you. (LSS 10 §.)",
	  "Når jeres barn får bevilget støtte efter LSS, skal I have tilbud om en individuel "
	  "plan over den besluttede og planlagte støtte, lavet sammen med jer. (LSS 10 §.)",
	  "När ert barn beviljas en insats enligt LSS ska ni erbjudas en individuell plan med "
	  "beslutade och planerade insatser, som görs tillsammans med er. (LSS 10 §.)" },
	{ "SE", "Seeing the papers in your case", "At se papirerne i jeres sag",
	  "Att ta del av handlingarna",
	  "You have the right to see the information in your case. Ask your caseworker. "
	  "(Förvaltningslagen 10 §.)",
	  "I har ret til at se oplysningerne i jeres sag. Spørg jeres sagsbehandler. "
	  "(Förvaltningslagen 10 §.)",
	  "Ni har rätt att ta del av uppgifterna i ert ärende. Fråga er handläggare. "
	  "(Förvaltningslagen 10 §.)" },
	{ "SE", "Your child's right to be heard", "Jeres barns ret til at blive hørt",
	  "Ert barns rätt att komma till tals",
	  "Your child has the right to be told about what concerns them and to give their "
	  "views, and the child's views are to count according to age and maturity. "
	  "(The UN Convention on the Rights of the Child, article 12.)",
	  "Jeres barn har ret til at få at vide, hvad der angår barnet, og til at sige sin "
	  "mening, og barnets mening skal tillægges vægt efter alder og modenhed. "
	  "(FN's børnekonvention, artikel 12.)",
	  "Ert barn har rätt att få information om det som rör barnet och att säga vad det "
	  "tycker, och barnets åsikter ska få betydelse efter ålder och mognad. "
	  "(Barnkonventionen, artikel 12.)" },
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static const char *
in_lang(const char *en, const char *da, const char *sv, const char *lang)
{
	if (lang != NULL && strcmp(lang, "da") == 0)
		return da;
	if (lang != NULL && strcmp(lang, "sv") == 0)
		return sv;
	return en;
}

const char *
ck_summary_text(const char *key, const char *lang)
{
	size_t i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < COUNT(texts); i++)
		if (strcmp(texts[i].key, key) == 0)
			return in_lang(texts[i].en, texts[i].da, texts[i].sv, lang);
	return NULL;
}

const char *
ck_summary_group_value(const char *group, size_t i)
{
	size_t k, n = strlen(group);

	for (k = 0; k < COUNT(texts); k++)
		if (strncmp(texts[k].key, group, n) == 0 && texts[k].key[n] == '.' &&
		    i-- == 0)
			return texts[k].key + n + 1;
	return NULL;
}

const char *
ck_summary_value_text(const char *group, const char *value, const char *lang)
{
	char key[128];
	const char *text;

	if (value == NULL)
		return NULL;
	if (snprintf(key, sizeof key, "%s.%s", group, value) >= (int)sizeof key)
		return value;
	text = ck_summary_text(key, lang);
	return text != NULL ? text : value;
}

const char *
ck_summary_role_text(const char *role, const char *lang)
{
	return ck_summary_value_text("role", role, lang);
}

bool
ck_summary_paragraph_text(const char *paragraph, const char *lang, char *out, size_t size)
{
	char normal[CK_PARAGRAPH_MAX];
	size_t i, n;

	if (size == 0)
		return false;
	out[0] = '\0';
	if (paragraph == NULL || !ck_paragraph_normal(paragraph, normal, sizeof normal))
		return false;
	for (i = 0; i < COUNT(paragraphs); i++)
		if (ck_paragraph_within(normal, paragraphs[i].paragraph)) {
			snprintf(out, size, "%s", in_lang(paragraphs[i].en, paragraphs[i].da,
							  paragraphs[i].sv, lang));
			return true;
		}
	/* "BL § 114" as "a decision under barnets lov § 114". */
	n = strcspn(normal, " ");
	for (i = 0; i < COUNT(laws); i++)
		if (strlen(laws[i].key) == n && strncmp(normal, laws[i].key, n) == 0) {
			snprintf(out, size, in_lang("A decision under %s %s", "En afgørelse efter %s %s",
						    "Ett beslut enligt %s %s", lang),
				 in_lang(laws[i].en, laws[i].da, laws[i].sv, lang), normal + n + 1);
			return true;
		}
	return false;
}

size_t
ck_summary_rights_count(const char *country)
{
	size_t i, n = 0;

	for (i = 0; i < COUNT(rights); i++)
		if (strcmp(rights[i].country, country) == 0)
			n++;
	return n;
}

bool
ck_summary_right(const char *country, size_t index, const char *lang,
		 const char **title, const char **text)
{
	size_t i, n = 0;

	for (i = 0; i < COUNT(rights); i++) {
		if (strcmp(rights[i].country, country) != 0)
			continue;
		if (n++ == index) {
			*title = in_lang(rights[i].title_en, rights[i].title_da, rights[i].title_sv,
					 lang);
			*text = in_lang(rights[i].en, rights[i].da, rights[i].sv, lang);
			return true;
		}
	}
	return false;
}
