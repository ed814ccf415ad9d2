/* SPDX-License-Identifier: MPL-2.0 */
/* test-report-format.c — unit tests of lib/report-format.c: a report
 * (as ck_report_result makes it) written as text, CSV and HTML.
 *
 * The fixtures are synthetic reports: one without groups (manager), one
 * grouped by municipality (manager), one grouped by team (committee, with
 * rule totals and caseload per team), and small ones with sections left
 * out. They hold suppressed counts ("<5", "*"), null medians, a paragraph
 * and a team that a spreadsheet would take for a formula, and a team
 * named with HTML in it. They are written with ' for " and q() turns
 * them back. Tests run with LC_ALL=C: numbers have no grouping and the
 * labels are the English ones. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"
#include "fixtures.h"

enum format { TEXT, CSV, HTML };

static json_t *
load(const char *text)
{
	json_error_t err;
	json_t *json = json_loads(q(text), JSON_REJECT_DUPLICATES, &err);

	if (json == NULL) {
		printf("Bail out! fixture: line %d: %s\n", err.line, err.text);
		exit(99);
	}
	return json;
}

/* The report written in FORMAT, into memory; *OK what the writer
 * returned. */
static const char *
render(enum format format, const json_t *report, char delimiter, bool bom, bool *ok)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	bool done;

	if (f == NULL)
		exit(99);
	switch (format) {
	case TEXT:
		done = ck_report_write_text(f, report);
		break;
	case CSV:
		done = ck_report_write_csv(f, report, delimiter, bom);
		break;
	default:
		done = ck_report_write_html(f, report);
		break;
	}
	if (fclose(f) != 0)
		done = false;
	if (ok != NULL)
		*ok = done;
	return keep(text);
}

/* The first line of TEXT that starts with START, without its line end;
 * "" when there is none. */
static const char *
line_starting(const char *text, const char *start)
{
	const char *p = text;
	size_t n;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, start, strlen(start)) == 0) {
			n = strcspn(p, "\r\n");
			return keep(strndup(p, n));
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return keep(strdup(""));
}

/* The line after the first line of TEXT that is exactly TITLE. */
static const char *
line_after(const char *text, const char *title)
{
	const char *p = text;
	size_t n = strlen(title);

	while (p != NULL && *p != '\0') {
		if (strncmp(p, title, n) == 0 && (p[n] == '\n' || p[n] == '\r'))
			return line_starting(strchr(p, '\n') + 1, "");
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return keep(strdup(""));
}

/* Characters, as a terminal counts them. */
static size_t
width(const char *text)
{
	size_t n = 0;

	for (; *text != '\0'; text++)
		if (((unsigned char)*text & 0xC0) != 0x80)
			n++;
	return n;
}

/* The character column where the first NEEDLE in LINE ends; 0 when
 * there is none. */
static size_t
end_column(const char *line, const char *needle)
{
	const char *p = strstr(line, needle);
	char *prefix;
	size_t n;

	if (p == NULL)
		return 0;
	prefix = strndup(line, (size_t)(p - line) + strlen(needle));
	n = width(prefix);
	free(prefix);
	return n;
}

static bool
starts_with(const char *text, const char *start)
{
	return strncmp(text, start, strlen(start)) == 0;
}

static bool
ends_with(const char *text, const char *end)
{
	size_t a = strlen(text), b = strlen(end);

	return a >= b && strcmp(text + a - b, end) == 0;
}

static size_t
occurrences(const char *text, const char *needle)
{
	size_t n = 0;
	const char *p;

	for (p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The text from the first FROM to the next UNTIL after it. */
static const char *
between(const char *text, const char *from, const char *until)
{
	const char *a = strstr(text, from), *b;

	if (a == NULL)
		return keep(strdup(""));
	b = strstr(a, until);
	return keep(strndup(a, b != NULL ? (size_t)(b - a) : strlen(a)));
}

static bool
contains_nocase(const char *text, const char *needle)
{
	size_t n = strlen(needle);

	for (; *text != '\0'; text++)
		if (strncasecmp(text, needle, n) == 0)
			return true;
	return false;
}

/* ---------------------------------------------------------------------
 * Fixtures
 */

static const char flat_report[] =
	"{'as_of':'2026-11-22','period':'12m','min_cell':5,'audience':'manager',"
	" 'legend':{'<5':'from 1 to 4','*':'hidden as well'},"
	" 'cases':{'open':1269,'closed':231,'opened_12m':540,'closed_12m':198,"
	"   'closed_by_reason':{'moved':60,'turned-18':55,'no-need':51,'died':'<5','other':'*'}},"
	" 'response_times':{"
	"   'aware_to_assessment_started':{'n':1180,'median_days':9,'p90_days':27,'within':700,'late':490,"
	"      'deadline':'14d'},"
	"   'aware_to_child_assessment_done':{'n':12,'median_days':null,'p90_days':null,'within':'<5','late':'*',"
	"      'deadline':'4m'},"
	"   'applied_to_decided':{'n':1500,'median_days':40,'p90_days':72,'within':1200,'late':320,"
	"      'by_paragraph':{'BL § 32':{'n':700,'median_days':38,'p90_days':70,'within':580,'late':130},"
	"                      '=BL § 41':{'n':'<5','median_days':null,'p90_days':null,'within':'<5','late':0}},"
	"      'deadline':'8w, 10w'},"
	"   'decided_to_started':{'n':900,'median_days':-2,'p90_days':55,'within':600,'late':320}},"
	" 'rules':{'law':{'assessment-deadline':{'missing':'<5','overdue':6,'due':6,'waived':0}},"
	"   'recommendation':{'coordinator':{'missing':355}},'local':{'contacts':{'missing':152,'due':'*'}}},"
	" 'adult_readiness':{'aged_17_plus':48,'without_decisions_ready':'<5'},"
	" 'transitions':{'school':[3,0,0,0,0,0,0,0,12,0,0,0,0,0,0,0,0,0,0,0,14,0,0,0],"
	"                'adult':['<5',0,0,0,0,0,0,0,0,0,0,0,7,0,0,0,0,0,0,0,0,0,0,'*']},"
	" 'continuity':{'caseworker_changes_12m':{'0':900,'1':300,'2+':69}},"
	" 'involvement':{'decisions_decided':1500,'child_heard':1200,'not_required':150,'family_view_12m':480},"
	" 'complaints':{'received':40,'upheld':'<5','sent_on':30,'confirmed':20,'changed':6,'remitted':'*',"
	"   'dismissed':0,'by_paragraph':{'BL § 32':{'received':25,'upheld':0,'sent_on':20,'confirmed':12,"
	"   'changed':6,'remitted':0,'dismissed':0}}},"
	" 'caseload':[{'coordinator':'user12@kommune.dk','cases':22},{'coordinator':null,'cases':'<5'},"
	"             {'coordinator':'user7@kommune.dk','cases':31}],"
	" 'rule_titles':{'assessment-deadline':{'title':'Child assessment within 4 months','basis':'law',"
	"   'ref':'Barnets lov § 20 stk. 3'},'assessment-start':{'title':'Social assessment started early',"
	"   'basis':'recommendation','ref':'DK 1.3'},'coordinator':{'title':'One coordinating caseworker',"
	"   'ref':'DK 1.5'}}}";

static const char grouped_report[] =
	"{'as_of':'2026-11-22','min_cell':5,'audience':'manager','by':'municipality',"
	" 'cases':{'open':52,'closed':'*','opened_12m':20,'closed_12m':9,'closed_by_reason':{'moved':'<5','other':'*'}},"
	" 'response_times':{"
	"   'aware_to_assessment_started':{'n':40,'median_days':9,'p90_days':27,'within':30,'late':10},"
	"   'applied_to_decided':{'n':22,'median_days':35,'p90_days':60,'within':17,'late':5,"
	"      'by_paragraph':{'BL § 32':{'n':22,'median_days':35,'p90_days':60,'within':17,'late':5}}}},"
	" 'rules':{'law':{'assessment-deadline':{'overdue':6,'due':'*'}},'local':{'contacts':{'missing':9}}},"
	" 'adult_readiness':{'aged_17_plus':7,'without_decisions_ready':'<5'},"
	" 'transitions':{'school':[3,0,0,0,0,0,0,0,12,0,0,0,0,0,0,0,0,0,0,0,14,0,0,0]},"
	" 'continuity':{'caseworker_changes_12m':{'0':40,'1':12,'2+':0}},"
	" 'involvement':{'decisions_decided':22,'child_heard':18,'not_required':'<5','family_view_12m':30},"
	" 'caseload':[{'coordinator':'user12@kommune.dk','cases':30},{'coordinator':'user7@kommune.dk','cases':22}],"
	" 'groups':{"
	"  '0101':{'cases':{'open':40,'closed':6,'opened_12m':14,'closed_12m':6,'closed_by_reason':{'moved':'<5','other':'*'}},"
	"    'response_times':{'aware_to_assessment_started':{'n':30,'median_days':8,'p90_days':25,'within':24,'late':6},"
	"       'applied_to_decided':{'n':16,'median_days':null,'p90_days':null,'within':12,'late':'<5',"
	"         'by_paragraph':{'BL § 32':{'n':16,'median_days':null,'p90_days':null,'within':12,'late':'<5'}}}},"
	"    'rules':{'law':{'assessment-deadline':{'overdue':6,'due':'<5'}},'local':{'contacts':{'missing':5}}},"
	"    'adult_readiness':{'aged_17_plus':7,'without_decisions_ready':'<5'},"
	"    'transitions':{'school':[3,0,0,0,0,0,0,0,12,0,0,0,0,0,0,0,0,0,0,0,9,0,0,0]},"
	"    'continuity':{'caseworker_changes_12m':{'0':30,'1':10,'2+':0}},"
	"    'involvement':{'decisions_decided':16,'child_heard':13,'not_required':'<5','family_view_12m':22}},"
	"  '0147':{'cases':{'open':12,'closed':'<5','opened_12m':6,'closed_12m':'<5','closed_by_reason':{'moved':0,'other':'<5'}},"
	"    'response_times':{'aware_to_assessment_started':{'n':10,'median_days':null,'p90_days':null,'within':6,'late':'<5'},"
	"       'applied_to_decided':{'n':6,'median_days':null,'p90_days':null,'within':5,'late':'<5',"
	"         'by_paragraph':{'BL § 32':{'n':6,'median_days':null,'p90_days':null,'within':5,'late':'<5'}}}},"
	"    'rules':{'law':{'assessment-deadline':{'overdue':0,'due':'<5'}},'local':{'contacts':{'missing':'<5'}}},"
	"    'adult_readiness':{'aged_17_plus':0,'without_decisions_ready':0},"
	"    'transitions':{'school':[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,5,0,0,0]},"
	"    'continuity':{'caseworker_changes_12m':{'0':10,'1':'<5','2+':0}},"
	"    'involvement':{'decisions_decided':6,'child_heard':5,'not_required':0,'family_view_12m':8}}}}";

/* Teams: one a spreadsheet would take for a formula, one with HTML in
 * its name, and two with Danish letters. */
static const char committee_report[] =
	"{'as_of':'2026-11-22','min_cell':5,'audience':'committee','by':'team',"
	" 'cases':{'open':63,'closed':12,'opened_12m':30,'closed_12m':12},"
	" 'response_times':{'decided_to_started':{'n':25,'median_days':20,'p90_days':41,'within':20,'late':5}},"
	" 'rules':{'law':{'decision-deadline':{'overdue':7}},'recommendation':{'coordinator':{'missing':11}}},"
	" 'caseload':[{'team':'Børnehandicap Nord','cases':40},{'team':'-Nord','cases':'<5'},"
	"             {'team':'<b>&\\'x\\'</b>','cases':12},{'team':null,'cases':'*'}],"
	" 'groups':{"
	"  '-Nord':{'cases':{'open':'<5','closed':0,'opened_12m':'<5','closed_12m':0},"
	"    'response_times':{'decided_to_started':{'n':'<5','median_days':null,'p90_days':null,'within':'<5','late':0}},"
	"    'rule_totals':{'law':{'missing':0,'overdue':0,'due':0,'waived':0},'recommendation':{'missing':'<5'}}},"
	"  '<b>&\\'x\\'</b>':{'cases':{'open':12,'closed':'*','opened_12m':9,'closed_12m':'*'},"
	"    'response_times':{'decided_to_started':{'n':'*','median_days':null,'p90_days':null,'within':'*','late':'<5'}},"
	"    'rule_totals':{'law':{'overdue':'<5'},'recommendation':{'missing':5}}},"
	"  'Børnehandicap Nord':{'cases':{'open':40,'closed':6,'opened_12m':17,'closed_12m':6},"
	"    'response_times':{'decided_to_started':{'n':16,'median_days':null,'p90_days':null,'within':14,'late':'<5'}},"
	"    'rule_totals':{'law':{'overdue':'*'},'recommendation':{'missing':'*'}}},"
	"  'Ærø':{'cases':{'open':8,'closed':'*','opened_12m':'<5','closed_12m':'*'},"
	"    'response_times':{'decided_to_started':{'n':'<5','median_days':null,'p90_days':null,'within':'<5','late':'<5'}},"
	"    'rule_totals':{'law':{'overdue':'<5'},'recommendation':{'missing':'<5'}}}}}";

/* ---------------------------------------------------------------------
 * Text
 */

static void
test_text_flat(void)
{
	json_t *report = load(flat_report);
	bool ok;
	const char *text = render(TEXT, report, 0, false, &ok);
	const char *all, *bl, *p;
	size_t longest = 0;

	ok(ok, "text: written");
	is_str(line_starting(text, ""), "Case report as of 2026-11-22", "text: the title line first");
	ok(ends_with(line_starting(text, "closed: died"), " <5"),
	   "text: a count suppressed as <5 stays <5");
	ok(ends_with(line_starting(text, "closed: other reason"), " *"),
	   "text: a count suppressed as * stays *");
	is_str(line_starting(text, "closed: moved away"), "closed: moved away               60",
	       "text: labels left, figures right");
	is_str(line_starting(text, "response times and complaints of"),
	       "response times and complaints of  the last 12 months", "text: says the period");
	is_str(line_starting(text, "aware to assessment started"),
	       "aware to assessment started: deadline 14 days (Social assessment started early",
	       "text: a response time is a heading with its deadline and rule, wrapped at 80");
	is_str(line_after(text, "aware to assessment started: deadline 14 days (Social assessment "
			  "started early"), "\xe2\x80\x94 recommendation, DK 1.3)",
	       "text: the heading goes on");
	is_str(line_after(text, "months \xe2\x80\x94 law, Barnets lov § 20 stk. 3)"),
	       "  all             12      <5     *            \xe2\x80\x93       \xe2\x80\x93"
	       "          \xe2\x80\x93",
	       "text: null medians and a share of suppressed counts are a dash");
	is_str(line_starting(text, "application to decision"),
	       "application to decision: deadline 8 weeks, 10 weeks",
	       "text: two sets' deadlines, in words");
	is_str(line_starting(text, "decision to help started"), "decision to help started",
	       "text: a measure without a deadline: its label");
	ok(ends_with(line_starting(text, "  percent of decisions with the child heard"), " 80%") ||
	   ends_with(line_starting(text, "percent of decisions with the child heard"), " 80%"),
	   "text: the share of plain counts (1200 of 1500)");
	is_str(line_starting(text, "  =BL"),
	       "  =BL § 41        <5      <5     0            \xe2\x80\x93       \xe2\x80\x93"
	       "          \xe2\x80\x93", "text: no share of a suppressed n");

	/* "§" is two bytes and one character: the figures of the paragraph's
	 * row end where those of the measure's row do. */
	all = line_after(text, "application to decision: deadline 8 weeks, 10 weeks");
	bl = line_starting(text, "  BL § 32");
	ok(strlen(all) > 0 && strlen(bl) > 0, "text: response time rows found");
	is_int(width(bl), width(all), "text: a row with § is as wide as one without");
	ok(strlen(bl) != strlen(all), "text: (the two differ in bytes)");
	is_int(end_column(bl, "700"), end_column(line_after(text, "Response times (days)"), "finished"),
	       "text: a figure ends under its head");

	is_str(line_after(text, "Findings per rule (cases)"),
	       "rule                                               missing  overdue  due  waived",
	       "text: the rule table's header, no column for findings apart when there are none");
	is_str(line_starting(text, "Child assessment"),
	       "Child assessment within 4 months \xe2\x80\x94 law, Barnets         <5        6    6"
	       "       0", "text: a rule by its title, basis and source");
	is_str(line_after(text, line_starting(text, "Child assessment")), "lov § 20 stk. 3",
	       "text: a long title wrapped to fit, § never apart from its number");
	is_str(line_starting(text, "One coordinating"),
	       "One coordinating caseworker \xe2\x80\x94 recommendation,          355",
	       "text: no figure for a status not in the report, no trailing spaces");
	is_str(line_starting(text, "contacts"),
	       "contacts \xe2\x80\x94 local standard                              152             *",
	       "text: a rule without a title: its id");
	ok(strstr(text, " \n") == NULL, "text: no line ends in a space");
	for (p = text; *p != '\0';) {
		size_t n = strcspn(p, "\n");
		char *line = strndup(p, n);

		if (width(line) > longest)
			longest = width(line);
		free(line);
		p += n + (p[n] == '\n');
	}
	ok(longest <= 80, "text: every line of a report without --by fits 80 columns (%zu)", longest);
	is_str(line_after(text, "Transitions due per month"), "month    school  adulthood",
	       "text: transitions, a column per kind");
	is_str(line_starting(text, "2026-11"), "2026-11       3         <5",
	       "text: transitions, month 0 is the month of as_of");
	ok(strlen(line_starting(text, "2028-10")) > 0, "text: transitions, month 23 is 2028-10");
	is_str(line_starting(text, "2028-11"), "", "text: transitions, 24 months");
	is_str(line_starting(text, "(no coordinator)"), "(no coordinator)           <5",
	       "text: caseload without a coordinator");
	ok(strstr(text, "\nYoung people aged 17 or more\n") != NULL, "text: adult readiness titled");
	is_str(line_after(text, "Complaints"),
	       "figure                                                          decisions",
	       "text: complaints");
	is_str(line_starting(text, "  percent changed or remitted"),
	       "  percent changed or remitted of those decided on their merits          \xe2\x80\x93",
	       "text: no omgørelsesprocent of a suppressed count");
	ok(strstr(text, "BL § 32\n  decisions complained about                                      "
		  "     25\n") != NULL, "text: complaints per paragraph under its heading");
	ok(strstr(text, "  percent changed or remitted of those decided on their merits        "
		  "33%\n") != NULL, "text: the omgørelsesprocent: changed and remitted of those "
	   "decided on their merits (6 of 18)");
	ok(ends_with(text, "\nWhat <5 and * mean\n<5  from 1 to 4\n*   hidden as well\n"),
	   "text: the legend last, as a footnote");
	json_decref(report);
}

static void
test_text_grouped(void)
{
	json_t *report = load(grouped_report);
	bool ok;
	const char *text = render(TEXT, report, 0, false, &ok);
	const char *head = line_after(text, "Cases");

	ok(ok, "text grouped: written");
	is_str(head, "figure                        0101  0147  total",
	       "text grouped: a column per group and the total");
	is_str(line_starting(text, "open "), "open                            40    12     52",
	       "text grouped: open cases per group and in total");
	is_str(line_starting(text, "closed: moved away"),
	       "closed: moved away              <5     0     <5", "text grouped: suppressed per group");
	ok(strstr(text, "\n  BL § 32  finished                   16     6     22\n"
		  "           within deadline            12     5     17\n") != NULL,
	   "text grouped: a figure per row, the paragraph once over its figures");
	ok(strstr(text, "           median days                 \xe2\x80\x93     \xe2\x80\x93     35\n"
		  "           90th percentile, days       \xe2\x80\x93     \xe2\x80\x93     60\n\n") != NULL,
	   "text grouped: medians per paragraph, null as a dash");
	ok(strstr(text, "\nassessment-deadline \xe2\x80\x94 law\n  overdue     6     0      6\n"
		  "  due        <5    <5      *\n") != NULL,
	   "text grouped: a rule as a heading, its statuses per group");
	ok(strstr(text, "  missing") != NULL && strstr(text, "\n  waived") == NULL,
	   "text grouped: statuses of nothing but zeros left out");
	ok(strstr(text, "\nschool  2026-11     3     0      3\n") != NULL &&
	   strstr(text, "\n        2028-07     9     5     14\n") != NULL,
	   "text grouped: transitions per kind and month");
	ok(strstr(text, "\n        2028-08     0     0      0\n") != NULL,
	   "text grouped: the kind once over its months");
	is_str(line_starting(text, "percent of decisions with the child heard"),
	       "percent of decisions with the child heard            81%   83%    82%",
	       "text grouped: shares per group");
	is_str(line_starting(text, "grouped by"), "grouped by            municipality",
	       "text grouped: says how it is grouped");
	json_decref(report);
}

static void
test_text_committee(void)
{
	json_t *report = load(committee_report);
	bool ok;
	const char *text = render(TEXT, report, 0, false, &ok);
	const char *head = line_after(text, "Cases"), *open = line_starting(text, "open ");

	ok(ok, "text committee: written");
	is_str(head, "figure                        -Nord  <b>&\"x\"</b>  Børnehandicap Nord  Ærø  total",
	       "text committee: the teams as columns");
	is_str(open, "open                             <5           12                  40    8     63",
	       "text committee: open cases per team");
	is_int(width(open), width(head), "text committee: rows as wide as the header, in characters");
	is_int(end_column(open, "40"), end_column(head, "Børnehandicap Nord"),
	       "text committee: a figure ends under a head with ø");
	is_int(end_column(open, " 8"), end_column(head, "Ærø"),
	       "text committee: a figure ends under a head with Æ and ø");
	is_str(line_after(text, "Findings per basis (cases)"),
	       "basis           status   -Nord  <b>&\"x\"</b>  Børnehandicap Nord  Ærø",
	       "text committee: rule totals per team, no total column the report lacks");
	is_str(line_starting(text, "                overdue"),
	       "                overdue      0           <5                   *   <5",
	       "text committee: rule totals, the basis once over its statuses");
	is_str(line_starting(text, "           percent within"),
	       "           percent within              \xe2\x80\x93            \xe2\x80\x93"
	       "            88%    \xe2\x80\x93    80%",
	       "text committee: a share only of plain counts");
	is_str(line_after(text, "Response times (days)"),
	       "paragraph  figure                  -Nord  <b>&\"x\"</b>  Børnehandicap  Ærø  total",
	       "text committee: to fit 80 columns a head wraps at its words first");
	is_str(line_after(text, "Caseload per team"), "team                open cases",
	       "text committee: caseload per team");
	is_str(line_starting(text, "Børnehandicap Nord"), "Børnehandicap Nord          40",
	       "text committee: a team with ø aligned");
	is_str(line_starting(text, "(no team)"), "(no team)                    *",
	       "text committee: cases without a team");
	ok(strstr(text, "Young people") == NULL && strstr(text, "coordinator\n") == NULL,
	   "text committee: no section the report lacks");
	json_decref(report);
}

static void
test_text_sections_absent(void)
{
	json_t *report = load("{'as_of':'2026-11-22','cases':{'open':3,'closed':'<5'}}");
	json_t *empty = load("{}");
	json_t *no_rules = load("{'as_of':'2026-11-22','rules':{}}");
	bool ok;
	const char *text = render(TEXT, report, 0, false, &ok);

	ok(ok, "text minimal: written");
	is_str(text, "Case report as of 2026-11-22\n"
	       "as of  2026-11-22\n"
	       "\n"
	       "Cases\n"
	       "figure  cases\n"
	       "------  -----\n"
	       "open        3\n"
	       "closed     <5\n", "text minimal: only the sections the report has");
	is_str(render(TEXT, empty, 0, false, &ok), "Case report\n", "text: an empty report");
	ok(ok, "text: an empty report is no error");
	is_str(render(TEXT, no_rules, 0, false, NULL),
	       "Case report as of 2026-11-22\nas of  2026-11-22\n\n"
	       "Findings per rule (cases)\n(none)\n", "text: a section without findings says so");
	json_decref(report);
	json_decref(empty);
	json_decref(no_rules);
}

/* ---------------------------------------------------------------------
 * CSV
 */

static void
test_csv_flat(void)
{
	json_t *report = load(flat_report);
	bool ok;
	const char *csv = render(CSV, report, ';', false, &ok);
	const char *p;
	bool crlf = true;

	ok(ok, "csv: written");
	ok(starts_with(csv, "Case report as of 2026-11-22\r\nitem;value\r\nas of;2026-11-22\r\n"),
	   "csv: no BOM; a title row, a header row, the data");
	ok(strstr(csv, "\r\nresponse times and complaints of;the last 12 months\r\n") != NULL,
	   "csv: the period");
	ok(strstr(csv, "smallest count shown;5\r\n\r\nCases\r\nfigure;cases\r\nopen;1269\r\n") != NULL,
	   "csv: a blank line, a title row and a header row between tables");
	is_int(occurrences(csv, "\r\n\r\n"), 10, "csv: 11 tables, 10 blank lines");
	ok(strstr(csv, "\r\n\r\nResponse times (days)\r\nmeasure;deadline;paragraph;finished;within;"
		  "late;pct. within;median;90th pct.\r\n") != NULL,
	   "csv: response times titled, with a header, the deadline a column");
	ok(strstr(csv, "\r\n\r\nCaseload per coordinator\r\ncoordinator;open cases\r\n") != NULL,
	   "csv: caseload titled");
	for (p = csv; *p != '\0'; p++)
		if (*p == '\n' && (p == csv || p[-1] != '\r'))
			crlf = false;
	ok(crlf, "csv: every row ends in CRLF");
	ok(ends_with(csv, "\r\n\r\nWhat <5 and * mean\r\nsign;meaning\r\n<5;from 1 to 4\r\n"
		     "*;hidden as well\r\n"), "csv: the legend, titled, the last table");
	ok(strstr(csv, "\r\nclosed: died;<5\r\nclosed: other reason;*\r\n") != NULL,
	   "csv: suppressed counts as text, as they are");
	ok(strstr(csv, "\r\naware to child assessment done;4 months;all;12;<5;*;;;\r\n") != NULL,
	   "csv: null medians and a share of suppressed counts are empty cells");
	ok(strstr(csv, "\r\napplication to decision;8 weeks, 10 weeks;all;1500;1200;320;80;40;72\r\n")
	   != NULL, "csv: numbers plain, the share in percent");
	ok(strstr(csv, "\r\napplication to decision;8 weeks, 10 weeks;'=BL § 41;<5;<5;0;;;\r\n") != NULL,
	   "csv: a paragraph that starts with = gets a '");
	ok(strstr(csv, ";=BL") == NULL, "csv: no cell starts with =");
	ok(strstr(csv, "\r\ndecision to help started;;all;900;600;320;67;-2;55\r\n") != NULL,
	   "csv: a negative number gets no '");
	ok(strstr(csv, "'-2") == NULL, "csv: never a ' before a number");
	ok(strstr(csv, "\r\npercent of decisions with the child heard;80\r\n") != NULL,
	   "csv: a share of plain counts");
	ok(strstr(csv, "\r\nbasis;rule;title;source;missing;overdue;due;waived;before casekit\r\n"
		  "law;assessment-deadline;Child assessment within 4 months;Barnets lov § 20 stk. 3;"
		  "<5;6;6;0;\r\nrecommendation;coordinator;One coordinating caseworker;DK 1.5;355;;;;\r\n")
	   != NULL, "csv: rules by basis with id, title and source; a status not in the report empty");
	ok(strstr(csv, "\r\n2026-11;3;<5\r\n") != NULL && strstr(csv, "\r\n2028-10;0;*\r\n") != NULL,
	   "csv: transitions per month");
	ok(strstr(csv, "\r\n(no coordinator);<5\r\n") != NULL, "csv: caseload without a coordinator");
	ok(strstr(csv, "\r\nall;percent changed or remitted of those decided on their merits;\r\n"
		  "BL § 32;decisions complained about;25\r\n") != NULL,
	   "csv: complaints, the paragraph a column");
	ok(strstr(csv, "\xEF\xBB\xBF") == NULL, "csv: no BOM unless asked");
	json_decref(report);
}

static void
test_csv_options(void)
{
	json_t *report = load(flat_report), *grouped = load(grouped_report);
	const char *csv;
	bool ok;

	csv = render(CSV, report, ';', true, &ok);
	ok(ok, "csv bom: written");
	ok(starts_with(csv, "\xEF\xBB\xBF" "Case report as of 2026-11-22\r\n"),
	   "csv bom: the BOM first, once");
	is_int(occurrences(csv, "\xEF\xBB\xBF"), 1, "csv bom: only at the start");

	csv = render(CSV, report, '\t', false, &ok);
	ok(ok && strstr(csv, "\r\nCases\r\nfigure\tcases\r\nopen\t1269\r\n") != NULL,
	   "csv tab: the delimiter is a tab");
	ok(strstr(csv, ";") == NULL, "csv tab: no semicolon");

	csv = render(CSV, grouped, ',', false, &ok);
	ok(ok && strstr(csv, "\r\nfigure,0101,0147,total\r\n") != NULL, "csv comma: a column per group");
	ok(strstr(csv, "\r\napplication to decision,,BL § 32,\"90th percentile, days\",,,60\r\n") != NULL,
	   "csv comma: a cell with a comma is quoted");
	json_decref(report);
	json_decref(grouped);
}

static void
test_csv_grouped(void)
{
	json_t *report = load(grouped_report), *committee = load(committee_report);
	bool ok;
	const char *csv = render(CSV, report, ';', false, &ok);

	ok(ok, "csv grouped: written");
	ok(strstr(csv, "\r\nCases\r\nfigure;0101;0147;total\r\nopen;40;12;52\r\nclosed;6;<5;*\r\n") != NULL,
	   "csv grouped: cases per group and in total");
	ok(strstr(csv, "\r\nclosed: moved away;<5;0;<5\r\n") != NULL,
	   "csv grouped: closed by reason per group");
	ok(strstr(csv, "\r\nmeasure;deadline;paragraph;figure;0101;0147;total\r\n") != NULL,
	   "csv grouped: response times header");
	ok(strstr(csv, "\r\naware to assessment started;;all;late;6;<5;10\r\n") != NULL,
	   "csv grouped: response times per group");
	ok(strstr(csv, "\r\napplication to decision;;BL § 32;median days;;;35\r\n") != NULL,
	   "csv grouped: null medians per paragraph are empty");
	ok(strstr(csv, "\r\nbasis;rule;title;source;status;0101;0147;total\r\n"
		  "law;assessment-deadline;assessment-deadline;;overdue;6;0;6\r\n")
	   != NULL, "csv grouped: rules per group, the id where a title is not known");
	ok(strstr(csv, "\r\nkind;month;0101;0147;total\r\nschool;2026-11;3;0;3\r\n") != NULL,
	   "csv grouped: transitions per group");
	ok(strstr(csv, "\r\nschool;2028-10;0;0;0\r\n\r\n") != NULL, "csv grouped: 24 months");
	ok(strstr(csv, "\r\none change;10;<5;12\r\n") != NULL, "csv grouped: continuity");

	csv = render(CSV, committee, ';', false, &ok);
	ok(ok, "csv committee: written");
	ok(strstr(csv, "\r\nfigure;'-Nord;<b>&\"\"x\"\"</b>;Børnehandicap Nord;Ærø;total\r\n") == NULL &&
	   strstr(csv, "\r\nfigure;'-Nord;\"<b>&\"\"x\"\"</b>\";Børnehandicap Nord;Ærø;total\r\n") != NULL,
	   "csv committee: a team that starts with - gets a '; quotes are doubled");
	ok(strstr(csv, "\r\nbasis;status;'-Nord;\"<b>&\"\"x\"\"</b>\";Børnehandicap Nord;Ærø\r\n"
		  "law;missing;0;;;\r\nlaw;overdue;0;<5;*;<5\r\n") != NULL,
	   "csv committee: rule totals per team");
	ok(strstr(csv, "\r\nCaseload per team\r\nteam;open cases\r\nBørnehandicap Nord;40\r\n"
		  "'-Nord;<5\r\n\"<b>&\"\"x\"\"</b>\";12\r\n(no team);*\r\n") != NULL,
	   "csv committee: caseload per team, formula-safe");
	ok(strstr(csv, "\r\ndecision to help started;;all;percent within deadline;;;88;;80\r\n") != NULL,
	   "csv committee: shares only of plain counts");
	json_decref(report);
	json_decref(committee);
}

/* ---------------------------------------------------------------------
 * HTML
 */

static void
test_html_common(const char *name, const char *html)
{
	char lang[32];
	const char *p;
	bool urls = true;

	snprintf(lang, sizeof lang, "<html lang=\"%s\">", ck_language());
	ok(starts_with(html, "<!DOCTYPE html>\n"), "html %s: a doctype first", name);
	ok(strstr(html, lang) != NULL, "html %s: the language of the messages", name);
	ok(strstr(html, "<meta charset=\"utf-8\">") != NULL, "html %s: UTF-8", name);
	ok(strstr(html, "<title>Case report as of 2026-11-22</title>") != NULL, "html %s: a title", name);
	ok(strstr(html, "<h1>Case report as of 2026-11-22</h1>") != NULL, "html %s: a heading", name);
	ok(strstr(html, "<style>") != NULL, "html %s: an inline style", name);
	ok(strstr(html, "<svg") != NULL, "html %s: SVG charts", name);
	ok(!contains_nocase(html, "<script"), "html %s: no script", name);
	ok(!contains_nocase(html, "http") && strstr(html, "//") == NULL,
	   "html %s: no remote address", name);
	for (p = strstr(html, "url("); p != NULL; p = strstr(p + 1, "url("))
		if (p[4] != '#')
			urls = false;
	ok(!contains_nocase(html, "<link") && !contains_nocase(html, "src=") && urls &&
	   !contains_nocase(html, "@import"),
	   "html %s: no external resource (url() only of the page's own hatching)", name);
	ok(strstr(html, "<5") == NULL && strstr(html, "&lt;5") != NULL,
	   "html %s: <5 as text, escaped", name);
	ok(ends_with(html, "</body>\n</html>\n"), "html %s: complete", name);
	ok(occurrences(html, "<table") == occurrences(html, "<caption"),
	   "html %s: every table has a caption", name);
	ok(strstr(html, "<th>") == NULL, "html %s: every header cell has its scope", name);
	ok(occurrences(html, "class=\"scroll\"") == occurrences(html, "<table"),
	   "html %s: every table scrolls sideways in its box", name);
	ok(strstr(html, "@page{size:A4 portrait") != NULL &&
	   strstr(html, "@page wide{size:A4 landscape") != NULL &&
	   strstr(html, "thead{display:table-header-group}") != NULL,
	   "html %s: A4, wide sections landscape, the header repeated on each page", name);
	ok(strstr(html, "#ef8a62") == NULL && strstr(html, "#67a9cf") == NULL &&
	   strstr(html, "#999999") == NULL, "html %s: no colour under 3:1 on white", name);
}

static void
test_html(void)
{
	json_t *flat = load(flat_report), *committee = load(committee_report);
	json_t *grouped = load(grouped_report);
	bool ok;
	const char *html = render(HTML, flat, 0, false, &ok), *chart;

	ok(ok, "html flat: written");
	test_html_common("flat", html);
	ok(strstr(html, "<td class=\"n s\">&lt;5</td>") != NULL, "html flat: a suppressed cell");
	ok(strstr(html, "<th scope=\"row\">'=BL §&nbsp;41</th>") == NULL &&
	   strstr(html, "<th scope=\"row\">=BL §&nbsp;41</th>") != NULL,
	   "html flat: no spreadsheet prefix in HTML; a label is a row header");
	ok(strstr(html, "<tr class=\"h\"><th scope=\"rowgroup\" colspan=\"7\">aware to assessment "
		  "started: deadline&nbsp;14 days (Social assessment started early \xe2\x80\x94 "
		  "recommendation, DK&nbsp;1.3)</th></tr>") != NULL,
	   "html flat: a response time's heading with its deadline and rule");
	ok(strstr(html, "<th scope=\"row\">Child assessment within&nbsp;4 months \xe2\x80\x94 law, "
		  "Barnets lov §&nbsp;20 stk.&nbsp;3</th>") != NULL,
	   "html flat: a rule by its title and source, § and numbers kept with their words");
	ok(strstr(html, "<dt>&lt;5</dt><dd>from 1 to 4</dd>") != NULL &&
	   strstr(html, "<dt>*</dt><dd>hidden as well</dd>") != NULL,
	   "html flat: the legend in the header");
	ok(strstr(html, "family&#39;s view") != NULL, "html flat: an apostrophe escaped");
	chart = between(html, "id=\"chart-caseload\"", "</svg>");
	is_int(occurrences(chart, "<rect x=\"250\""), 3, "html flat: a bar per count, hidden ones too");
	is_int(occurrences(chart, "<rect x=\"250\" y=\"52\" width=\"22\" height=\"14\" "
			   "fill=\"url(#chart-caseload-h0)\""), 1,
	       "html flat: a hidden count is a short hatched bar, not a bar of nothing");
	ok(strstr(chart, ">&lt;5</text>") != NULL, "html flat: the hatched bar labelled <5");
	ok(strstr(chart, "<title>(no coordinator), open cases: &lt;5</title>") != NULL &&
	   strstr(chart, "<title>user7@kommune.dk, open cases: 31</title>") != NULL,
	   "html flat: the value in each bar's title");
	ok(strstr(chart, "hidden count") != NULL, "html flat: the chart's legend names the hatching");
	chart = between(html, "id=\"chart-transitions\"", "</svg>");
	is_int(occurrences(chart, "fill=\"#2166ac\">"), 4, "html flat: transitions: a bar per count");
	is_int(occurrences(chart, "fill=\"url(#chart-transitions-h0)\" stroke"), 2,
	       "html flat: transitions: <5 and * hatched");
	ok(strstr(chart, ">&lt;5</text>") != NULL && strstr(chart, ">*</text>") != NULL,
	   "html flat: transitions: suppressed counts labelled");
	ok(strstr(chart, ">school</text>") != NULL && strstr(chart, ">adulthood</text>") != NULL,
	   "html flat: transitions by kind");
	ok(strstr(chart, "<title>2027-07, school: 12</title>") != NULL,
	   "html flat: transitions: month and value in the title");
	chart = between(html, "id=\"chart-response-times\"", "</svg>");
	is_int(occurrences(chart, "<rect x=\"250\""), 8, "html flat: response times: 8 bars");
	is_int(occurrences(chart, "url(#chart-response-times-h"), 2 + 1,
	       "html flat: response times: two hatched (and the legend's swatch)");
	ok(strstr(html, "id=\"chart-rules-1\"") != NULL && strstr(html, "id=\"chart-rules-3\"") != NULL,
	   "html flat: a rule chart per basis");
	chart = between(html, "id=\"chart-rules-1\"", "</svg>");
	is_int(occurrences(chart, "<rect x=\"250\""), 3, "html flat: law: 3 bars (a 0 draws none)");
	ok(strstr(chart, ">Child assessment within 4 months</text>") != NULL,
	   "html flat: a rule's bars labelled by its title");

	html = render(HTML, committee, 0, false, &ok);
	ok(ok, "html committee: written");
	test_html_common("committee", html);
	ok(strstr(html, "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;") != NULL,
	   "html committee: a team name escaped");
	ok(strstr(html, "<b>") == NULL && strstr(html, "\"x\"") == NULL,
	   "html committee: no markup from a team name");
	chart = between(html, "id=\"chart-caseload\"", "</svg>");
	is_int(occurrences(chart, "<rect x=\"250\""), 4, "html committee: caseload: 4 bars");
	ok(strstr(chart, "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</text>") != NULL,
	   "html committee: caseload chart label escaped");
	ok(strstr(html, "<th scope=\"col\" class=\"n\">Ærø</th>") != NULL,
	   "html committee: four teams: a column per team");

	html = render(HTML, grouped, 0, false, &ok);
	ok(ok, "html grouped: written");
	test_html_common("grouped", html);
	ok(strstr(html, "<tr><th scope=\"row\">open</th><td class=\"n\">40</td><td class=\"n\">12</td>"
		  "<td class=\"n\">52</td></tr>") != NULL, "html grouped: a row per figure");
	json_decref(flat);
	json_decref(committee);
	json_decref(grouped);
}

/* More than four groups: each table turned, the groups as rows. */
static void
test_html_turned(void)
{
	json_t *report = load(
		"{'as_of':'2026-11-22','min_cell':5,'audience':'committee','by':'municipality',"
		" 'group_names':{'0101':'København','0147':'Frederiksberg'},"
		" 'cases':{'open':60,'closed':9},"
		" 'transitions':{'school':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24]},"
		" 'groups':{"
		"  '0101':{'cases':{'open':12,'closed':'<5'},'transitions':{'school':[1,2,3,4,5,6,7,8,9,"
		"10,11,12,13,14,15,16,17,18,19,20,21,22,23,24]}},"
		"  '0147':{'cases':{'open':12,'closed':'*'}},'0151':{'cases':{'open':12,'closed':0}},"
		"  '0153':{'cases':{'open':12,'closed':0}},'0155':{'cases':{'open':12,'closed':'<5'}}}}");
	bool ok;
	const char *html = render(HTML, report, 0, false, &ok), *table;

	ok(ok, "html turned: written");
	table = between(html, "<caption class=\"vh\">Cases</caption>", "</table>");
	ok(strstr(table, "<thead><tr><th scope=\"col\">municipality</th><th scope=\"col\" class=\"n\">"
		  "open</th><th scope=\"col\" class=\"n\">closed</th></tr></thead>") != NULL,
	   "html turned: the figures as columns");
	ok(strstr(table, "<tr><th scope=\"row\">København</th><td class=\"n\">12</td>"
		  "<td class=\"n s\">&lt;5</td></tr>") != NULL,
	   "html turned: a municipality a row, by its name");
	ok(strstr(table, "<tr><th scope=\"row\">total</th><td class=\"n\">60</td>") != NULL,
	   "html turned: the total a row");
	ok(strstr(html, "<h3>school</h3>") != NULL &&
	   strstr(html, "<caption class=\"vh\">school</caption>") != NULL,
	   "html turned: a table per kind of transition, headed by it");
	ok(strstr(html, "<section class=\"wide\">\n<h2>Transitions due per month</h2>") != NULL,
	   "html turned: 24 months print on a landscape page");
	ok(strstr(html, "<section>\n<h2>Cases</h2>") != NULL, "html turned: a narrow table stays portrait");
	json_decref(report);
}

/* ---------------------------------------------------------------------
 * Write errors
 */

static void
test_write_errors(void)
{
	json_t *report = load(grouped_report);
	FILE *full = fopen("/dev/full", "w");
	char small[64];
	FILE *mem;

	if (full == NULL) {
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
	} else {
		setvbuf(full, NULL, _IONBF, 0);
		ok(!ck_report_write_text(full, report), "write error: text to a full disk is false");
		clearerr(full);
		ok(!ck_report_write_csv(full, report, ';', true), "write error: CSV to a full disk is false");
		clearerr(full);
		ok(!ck_report_write_html(full, report), "write error: HTML to a full disk is false");
		fclose(full);
	}
	full = fopen("/dev/full", "w");
	if (full != NULL) {
		/* Buffered: the error shows only when the buffer is flushed. */
		ok(!ck_report_write_csv(full, report, ';', false),
		   "write error: buffered, CSV to a full disk is false");
		fclose(full);
	} else {
		ok(1, "# SKIP no /dev/full");
	}
	mem = fmemopen(small, sizeof small, "w");
	if (mem == NULL)
		exit(99);
	ok(!ck_report_write_html(mem, report), "write error: HTML into a small buffer is false");
	fclose(mem);
	mem = fmemopen(small, sizeof small, "w");
	if (mem == NULL)
		exit(99);
	ok(!ck_report_write_text(mem, report), "write error: text into a small buffer is false");
	fclose(mem);
	json_decref(report);
}

int
main(void)
{
	ck_init("test-report-format");
	test_text_flat();
	test_text_grouped();
	test_text_committee();
	test_text_sections_absent();
	test_csv_flat();
	test_csv_options();
	test_csv_grouped();
	test_html();
	test_html_turned();
	test_write_errors();
	ring_free();
	return done_testing();
}
