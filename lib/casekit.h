/* SPDX-License-Identifier: MPL-2.0 */
/* casekit.h — libcasekit, the data model shared by the casekit programs.
 *
 * A case is one JSON object on one line (format casekit/1, see casekit(5)).
 * The library reads such lines from files or standard input, validates
 * them, evaluates paths and selections over them, and writes them back:
 * a record that was not changed is written as the exact bytes read.
 *
 * Ownership: a function that returns a pointer says who owns it.  Values
 * of type json_t follow Jansson's rules (borrowed unless said "new").
 * Messages never contain a value from a record: only field names, places
 * and what is wrong.
 *
 * Unless a declaration says otherwise the functions are not thread-safe on
 * the same object; distinct objects may be used from distinct threads.
 */
#ifndef CASEKIT_H
#define CASEKIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define CK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define CK_NORETURN __attribute__((noreturn))
#else
#define CK_PRINTF(f, a)
#define CK_NORETURN
#endif

/* ---------------------------------------------------------------------
 * Exit statuses and messages (messages.c)
 */

/* The exit statuses every casekit program uses. */
enum ck_exit {
	CK_EXIT_OK = 0,      /* success */
	CK_EXIT_NOTICE = 1,  /* ran, and found something worth a script's attention */
	CK_EXIT_TROUBLE = 2  /* usage error, bad input, or an output error */
};

/* Longest field name a message carries (actors[a12].since and the like). */
#define CK_FIELD_MAX 192
/* Longest message text, translated and formatted. */
#define CK_MESSAGE_MAX 320

/* What is wrong with a record or a value: the field (a path such as
 * "actors[a2].since", or "" when the whole line is wrong) and a message
 * that names no value from the record. */
typedef struct ck_problem {
	char field[CK_FIELD_MAX];
	char message[CK_MESSAGE_MAX];
} ck_problem;

/* Sets up a program: its name for messages, the locale and message
 * catalogue, SIGPIPE to its default (a reader that leaves ends the
 * program quietly) and a check at exit that standard output was written
 * and closed without error (exit 2 otherwise). Call first in main. */
void ck_init(const char *program_name);

/* The language of messages and rule texts: "da", "sv" or "en", as the
 * locale chose the message catalogue. */
const char *ck_language(void);

/* The width of UTF-8 TEXT in characters, not bytes, for aligned tables:
 * "Børn" is as wide as "Born". */
size_t ck_text_width(const char *text);

/* The text of TEXTS in LANG: TEXTS is a string (itself) or an object of
 * texts by language ({"en": …, "da": …}): LANG's, else English, else the
 * first given. NULL when there is none. Borrowed. */
const char *ck_text_in(const json_t *texts, const char *lang);

/* The name given to ck_init ("casekit" before it is called). */
const char *ck_program_name(void);

/* Translates a message of the casekit domain (gettext). */
const char *ck_gettext(const char *msgid);

/* Prints "PROGRAM: message" to standard error. */
void ck_error(const char *fmt, ...) CK_PRINTF(1, 2);

/* Prints "PROGRAM: warning: message" to standard error. */
void ck_warning(const char *fmt, ...) CK_PRINTF(1, 2);

/* Prints "PROGRAM: FILE:LINE: FIELD: message" to standard error; LINE 0
 * leaves out the line, a NULL or empty FIELD leaves out the field. */
void ck_error_at(const char *file, unsigned long line, const char *field,
		 const char *fmt, ...) CK_PRINTF(4, 5);

/* As ck_error_at, as a warning. */
void ck_warning_at(const char *file, unsigned long line, const char *field,
		   const char *fmt, ...) CK_PRINTF(4, 5);

/* Says "writing output failed" and why (errno), once in a run: the exit
 * check of standard output then says nothing more. For the caller that
 * finds a write to standard output failed; it then ends with status 2. */
void ck_output_error(void);

/* Prints an error as ck_error and exits with status 2. */
void ck_fatal(const char *fmt, ...) CK_PRINTF(1, 2) CK_NORETURN;

/* Prints an error and a hint to try --help, and exits with status 2. */
void ck_usage_error(const char *fmt, ...) CK_PRINTF(1, 2) CK_NORETURN;

/* Fills a problem; FIELD may be NULL for the whole line. */
void ck_problem_set(ck_problem *p, const char *field, const char *fmt, ...)
	CK_PRINTF(3, 4);

/* Reports a problem found at FILE:LINE as ck_error_at does. */
void ck_problem_report(const ck_problem *p, const char *file, unsigned long line);

/* Registers a function that the end of the program runs, by exit() or
 * ck_exit, before the check of standard output (used to remove the
 * temporary file of a failed run). At most 8; the latest runs first. */
void ck_at_exit(void (*fn)(void));

/* Ends the program now with STATUS: the functions of ck_at_exit run and
 * standard output is flushed and checked (a failure there makes status
 * 0 into 2), but memory is left to the system. Errors end so. */
void ck_exit(int status) CK_NORETURN;

/* Ends the program with "out of memory" (status 2) when OK is false: for
 * Jansson's calls, which fail only when memory runs out. */
void ck_oom_unless(int ok);

/* ---------------------------------------------------------------------
 * Dates, durations and time (dates.c)
 */

/* A calendar date as days since 1970-01-01 (negative before). */
typedef long ck_date;

/* Room for "YYYY-MM-DD" and its NUL. */
#define CK_DATE_SIZE 11
/* Room for "YYYY-MM-DDTHH:MM:SSZ" and its NUL. */
#define CK_TIMESTAMP_SIZE 21

/* True when Y-M-D is a day of the Gregorian calendar (years 1-9999). */
bool ck_date_valid(int year, int month, int day);

/* The date of a valid Y-M-D. */
ck_date ck_date_from_ymd(int year, int month, int day);

/* Splits a date into year, month (1-12) and day (1-31). Dates outside
 * the years 1-9999 are taken as the nearest end of that range, here and
 * in ck_date_format and the arithmetic below. */
void ck_date_to_ymd(ck_date date, int *year, int *month, int *day);

/* Parses exactly "YYYY-MM-DD" naming a real day; false otherwise. */
bool ck_date_parse(const char *text, ck_date *out);

/* Parses "YYYY-MM-DD" or, as spreadsheets write it, "DD-MM-YYYY"
 * (also with '.' or '/'); false otherwise. Used for CSV input. */
bool ck_date_parse_lenient(const char *text, ck_date *out);

/* Writes "YYYY-MM-DD" into BUF (CK_DATE_SIZE bytes) and returns BUF. */
char *ck_date_format(ck_date date, char *buf);

/* Adds MONTHS (may be negative), keeping the day of the month or taking
 * the month's last day when it has fewer days. */
ck_date ck_date_add_months(ck_date date, long months);

/* Whole years from BORN to ON (an age), counted towards zero: negative
 * when ON is a year or more before BORN. */
int ck_date_years_between(ck_date born, ck_date on);

/* A duration: months (years count 12) and days (weeks count 7), both
 * negated when the text began with '-'. */
typedef struct ck_duration {
	long months;
	long days;
} ck_duration;

/* Parses "14d", "6w", "3m", "1y" or combined ("2y10m"): lowercase units
 * in the order y, m, w, d, each at most once; a leading '-' negates the
 * whole. False on anything else. */
bool ck_duration_parse(const char *text, ck_duration *out);

/* DATE plus DURATION: months first, then days. */
ck_date ck_date_add(ck_date date, ck_duration duration);

/* True when TEXT is an RFC 3339 timestamp in UTC
 * ("YYYY-MM-DDTHH:MM:SSZ", optionally with fractional seconds). */
bool ck_timestamp_valid(const char *text);

/* Sets T, "today": OPTION (the value of --today) when not NULL, else
 * $CASEKIT_TODAY, else the local date. Returns false, and writes the
 * source ("--today" or "CASEKIT_TODAY") to *BAD (when not NULL), when the
 * value is not a date: a usage error for the caller. T is then left as
 * it was. */
bool ck_today_init(const char *option, const char **bad);

/* T as set by ck_today_init; before it, CASEKIT_TODAY when that is a
 * date, else the local date. */
ck_date ck_today(void);

/* The time of an event: $CASEKIT_NOW when set and valid (a fraction of
 * a second dropped), else the clock, as RFC 3339 UTC into BUF
 * (CK_TIMESTAMP_SIZE bytes). Returns BUF. */
char *ck_now(char *buf);

/* The user events name: $CASEKIT_USER, else the name of the effective
 * uid, else its number. The string is static and shared: not for use
 * from several threads. */
const char *ck_user(void);

/* ---------------------------------------------------------------------
 * Identity numbers (identity.c)
 */

/* Room for "DDMMYY-SSSS" and "YYYYMMDD-NNNN" and their NUL. */
#define CK_CPR_SIZE 12
#define CK_PERSONNUMMER_SIZE 14

/* Checks a Danish CPR number, "DDMMYY-SSSS" or "DDMMYYSSSS": its date
 * must exist in the century the 7th digit gives (no modulus-11 check).
 * On success writes the birth date to *BORN and, when NORMAL is not NULL,
 * the hyphenated form to NORMAL (CK_CPR_SIZE bytes). */
bool ck_cpr_parse(const char *text, ck_date *born, char *normal);

/* Checks a Swedish personnummer "YYYYMMDD-NNNN" with its Luhn check
 * digit; a samordningsnummer (day + 60) is accepted. Writes the birth
 * date to *BORN. */
bool ck_personnummer_parse(const char *text, ck_date *born);

/* ---------------------------------------------------------------------
 * Validation of casekit/1 records (validate.c)
 */

/* Checks every field of a record against casekit(5): required fields,
 * types, closed sets of values, dates, ids, date order, identity numbers
 * agreeing with child.born. Returns true when the record is valid; else
 * fills P with the first problem in the order of casekit(5)'s table. */
bool ck_validate(const json_t *record, ck_problem *p);

/* Checks one value for the field at a dotted PATH without filters
 * ("child.born", "diagnosis.codes", "milestones.aware"). Returns 1 when
 * valid, 0 when not (P filled), -1 when casekit(5) knows no such field
 * (a local x_ field is known and takes any value). */
int ck_validate_field(const char *path, const json_t *value, ck_problem *p);

/* The closed set of values of a field path ("status", "actors.sector"),
 * or of the items of a list of such values ("consents.scope"), as a
 * NULL-terminated array of static strings, or NULL when the field is
 * not a closed set. */
const char *const *ck_field_values(const char *path);

/* What a field holds, as text becomes its value. */
enum ck_field_kind {
	CK_FIELD_UNKNOWN,    /* casekit(5) knows no such field */
	CK_FIELD_TEXT,       /* a string: free text, a closed set, an id,
				an identity number; and local x_ fields */
	CK_FIELD_DATE,
	CK_FIELD_BOOL,
	CK_FIELD_LIST,       /* an array of strings */
	CK_FIELD_STRUCTURE   /* an object or a list of elements: never made
				from one text */
};

/* The kind of the field at a dotted PATH ("child.born"; an array's
 * members named through the array, "actors.since"). */
enum ck_field_kind ck_field_kind(const char *path);

/* ck_field_from_text also takes DD-MM-YYYY dates (CSV input). */
#define CK_TEXT_LENIENT_DATES 1u

/* Makes the value of the field at PATH from TEXT, as an option or a CSV
 * cell gives it: a date (written YYYY-MM-DD), true or false (also yes,
 * no, ja, nej, 1, 0), a list of items separated by spaces, a CPR number
 * (stored with the hyphen), a municipality code (padded to four digits),
 * or text; then checked as ck_validate_field checks it. True with a new
 * reference in *OUT; false with the problem in P (field = PATH). */
bool ck_field_from_text(const char *path, const char *text, unsigned flags,
			json_t **out, ck_problem *p);

/* Sets the field at a dotted PATH without filters in RECORD to VALUE
 * (the record takes it), making the objects on the way; a key the
 * object lacks goes where casekit(5)'s order puts it ("checklist" stays
 * last, unknown keys keep their places). False, VALUE freed, when a step
 * is not an object or is a list of elements. */
bool ck_record_set(json_t *record, const char *path, json_t *value);

/* Sets KEY of OBJECT, an object found at the dotted OBJECT_PATH of a
 * record ("plans.common", or "actors" for an element of that array) to
 * VALUE (taken), placing a new key in casekit(5)'s order for that
 * object. False, VALUE freed, when OBJECT is not an object. */
bool ck_field_set(json_t *object, const char *object_path, const char *key,
		  json_t *value);

/* True when TEXT is a case id: MUNICIPALITY-YYYY-NNNN (four or more
 * digits at the end), the municipality part as ck_municipality_valid
 * takes it and without spaces, '/', '\\' or '"'. */
bool ck_case_id_valid(const char *text);

/* True when TEXT is an element id: PREFIX ('a', 'c', …) and a positive
 * number without leading zeros ("a1", "c12"). */
bool ck_element_id_valid(const char *text, char prefix);

/* True when TEXT names a municipality: four digits, "SE-" and four
 * digits, or a local name (valid UTF-8, not all digits, not starting
 * with "SE-" or "se-" otherwise, no control characters, no space at
 * either end). */
bool ck_municipality_valid(const char *text);

/* Pads a DK municipality code of one to three digits to four ("101" to
 * "0101") into BUF (at least 5 bytes); other text is copied. Returns BUF,
 * or NULL when TEXT does not fit in SIZE. */
char *ck_municipality_pad(const char *text, char *buf, size_t size);

/* True when TEXT is a rule-set name (never a path): at most 64 letters,
 * digits, '-', '_' and '.', not starting with '.'. */
bool ck_pathway_name_valid(const char *text);

/* ---------------------------------------------------------------------
 * Paragraphs (paragraph.c): a decision's paragraph in normal form, as
 * rules, filters and reports compare it. See casekit(5), Paragraphs.
 */

/* The size of a buffer that holds any normal form, with its NUL. */
#define CK_PARAGRAPH_MAX 80

/* The normal form of TEXT into OUT (SIZE bytes; CK_PARAGRAPH_MAX is
 * enough): the law's short name (BL, SEL, RSL, LSS, SoL, HSL), then
 * "§ N" (letters kept: "§ 32 a"), then "stk. N", "nr. N" (DK) or "p. N"
 * (LSS), single-spaced; SE chapters as the law writes them ("SoL 4 kap.
 * 1 §"). "Barnets lov §32, stk.1, nr. 7" is "BL § 32 stk. 1 nr. 7".
 * False, with OUT "", when casekit cannot read TEXT with certainty (no
 * law named, a range, a part it does not know): it never guesses. */
bool ck_paragraph_normal(const char *text, char *out, size_t size);

/* True when PARAGRAPH is SCOPE or lies within it, both read as
 * ck_paragraph_normal reads them: "BL § 32" holds "BL § 32 stk. 1 nr. 7"
 * but neither "BL § 32 a" nor "BL § 320". False when either cannot be
 * read. */
bool ck_paragraph_within(const char *paragraph, const char *scope);

/* ---------------------------------------------------------------------
 * Paths (paths.c)
 *
 * Dotted paths with filters: "plans.common.updated",
 * "meetings[kind=network].date", "assessments[].started",
 * "decisions[paragraph=BL § 32][outcome=granted]". A missing step or a
 * wrong type yields nothing. [paragraph=P] holds for a paragraph within
 * P (ck_paragraph_within), any other [k=v] for the text v. See
 * casekit(5), PATHS.
 */

typedef struct ck_path ck_path;

/* A growing list of borrowed values. */
typedef struct ck_values {
	json_t **items;
	size_t count;
	size_t capacity;
} ck_values;

/* Compiles a path; NULL when it is malformed, or a [paragraph=P] has a
 * P that ck_paragraph_normal cannot read (a message into ERR, ERRSIZE
 * bytes). The caller owns the result (ck_path_free). */
ck_path *ck_path_compile(const char *text, char *err, size_t errsize);

/* Frees a path; NULL is fine. */
void ck_path_free(ck_path *path);

/* The text the path was compiled from. */
const char *ck_path_text(const ck_path *path);

/* True when the path has no filters and does not start with "$.": a
 * plain dotted name that can be set. */
bool ck_path_is_plain(const ck_path *path);

/* Appends to OUT every value the path reaches from NODE; "$." paths
 * start from ROOT instead. The values are borrowed from ROOT/NODE. */
void ck_path_eval(const ck_path *path, json_t *root, json_t *node,
		  ck_values *out);

/* Empties a list (keeps its memory); frees a list's memory. */
void ck_values_clear(ck_values *values);
void ck_values_free(ck_values *values);

/* The text a regex or filter sees for a value: a string's own text, the
 * JSON text of a number, "true" or "false". NULL for null, objects and
 * arrays. BUF (CK_VALUE_TEXT_SIZE bytes) holds number texts. *LEN gets
 * the length (strings may hold NUL). */
#define CK_VALUE_TEXT_SIZE 64
const char *ck_value_text(const json_t *value, char *buf, size_t *len);

/* Splits "PATH=VALUE" at the first '=' outside brackets. Returns the
 * offset of that '=', or -1 when there is none. */
long ck_path_split_assignment(const char *text);

/* ---------------------------------------------------------------------
 * Regular expressions (regex.c): PCRE2 with UTF, JIT where it works, and
 * a match limit so that no pattern hangs.
 */

typedef struct ck_regex ck_regex;

/* Compiles an unanchored pattern. NULL on error, with PCRE2's message
 * and the offset into ERR (ERRSIZE bytes). The caller owns the result. */
ck_regex *ck_regex_compile(const char *pattern, char *err, size_t errsize);

/* Frees a compiled pattern; NULL is fine. */
void ck_regex_free(ck_regex *re);

/* Matches a subject: 1 match, 0 no match, -1 an error such as the match
 * limit (the message then in ERR, ERRSIZE bytes; ERR may be NULL). */
int ck_regex_match(ck_regex *re, const char *subject, size_t length,
		   char *err, size_t errsize);

/* Matches the text of a value (see ck_value_text): objects, arrays and
 * null never match (0). Returns as ck_regex_match. */
int ck_regex_match_value(ck_regex *re, const json_t *value,
			 char *err, size_t errsize);

/* ---------------------------------------------------------------------
 * Options and subcommands (options.c)
 *
 * One parser for every program: options may stand before or after the
 * subcommand, the first word that is not an option is the subcommand
 * (when the program has subcommands), every other word an input file.
 * "--help" and "--version" are always there.
 */

/* One option a program takes. */
typedef struct ck_option {
	const char *name;     /* long name, without "--" */
	int short_name;       /* a letter, or 0 */
	bool has_arg;         /* takes a value */
	const char *commands; /* subcommands that take it, space-separated;
			         NULL for every one (and for programs
			         without subcommands) */
} ck_option;

/* What a program tells the parser about itself. */
typedef struct ck_program {
	const char *name;            /* "case-new" */
	const char *const *commands; /* NULL-terminated subcommands, or NULL */
	const ck_option *options;    /* ended by an entry with a NULL name */
	void (*help)(void);          /* prints --help to standard output */
	bool takes_files;            /* whether input files may be named */
} ck_program;

typedef struct ck_args ck_args;

/* Parses the command line. --help and --version print and exit 0; a
 * usage error prints a message and exits 2. The caller owns the result
 * (ck_args_free). */
ck_args *ck_args_parse(const ck_program *program, int argc, char **argv);

/* Frees parsed arguments; NULL is fine. */
void ck_args_free(ck_args *args);

/* The subcommand, or NULL when the program has none. */
const char *ck_args_command(const ck_args *args);

/* The input files in the order given (none: standard input). */
char *const *ck_args_files(const ck_args *args, size_t *count);

/* The last value given for option NAME, "" for a flag that was given,
 * NULL when it was not given. */
const char *ck_args_get(const ck_args *args, const char *name);

/* True when option NAME was given. */
bool ck_args_has(const ck_args *args, const char *name);

/* How many times option NAME was given, and its I-th value. */
size_t ck_args_count(const ck_args *args, const char *name);
const char *ck_args_nth(const ck_args *args, const char *name, size_t i);

/* The value of the field at PATH from TEXT, the value of option
 * --OPTION (ck_field_from_text). A new reference; a usage error naming
 * the option (and the member, when PATH names an object) when TEXT is
 * not a value of that field. */
json_t *ck_option_field(const char *option, const char *path, const char *text);

/* For an identity number (--cpr, --personnummer) given as --OPTION -:
 * a usage error when the option's value is not '-' (on the command line
 * other users could see the number). Nothing when it was not given. */
void ck_option_identity_check(const ck_args *args, const char *option);

/* Reads one line of standard input for --OPTION - and makes the field at
 * PATH from it (ck_option_field). A new reference; the number is never
 * shown, and the buffer that held it is cleared. */
json_t *ck_option_identity_read(const char *option, const char *path);

/* Sets T from --today, else $CASEKIT_TODAY, else the local date
 * (ck_today_init) and returns it; a usage error (exit 2) when the date
 * given is not one. */
ck_date ck_today_option(const ck_args *args);

/* The value of --max-record (bytes, or with K or M), else
 * CK_MAX_RECORD_DEFAULT; a usage error (exit 2) when it is not a size. */
size_t ck_max_record_option(const ck_args *args);

/* Prints --version to standard output: "PROGRAM (casekit) VERSION", the
 * copyright, the licence (MPL-2.0) and that there is no warranty. */
void ck_print_version(const char *program);

/* Prints the end of --help to standard output: the home page and where
 * to report bugs (the address given to AC_INIT). ck_args_parse prints it
 * after the program's help. */
void ck_print_help_footer(void);

/* Parses a size in bytes with an optional K or M (1024-based), as
 * --max-record takes. False when TEXT is not such a size or is 0. */
bool ck_size_parse(const char *text, size_t *out);

/* ---------------------------------------------------------------------
 * Reading and writing JSON lines (records.c)
 */

/* The default --max-record: 1 MiB. */
#define CK_MAX_RECORD_DEFAULT ((size_t)1 << 20)

typedef struct ck_reader ck_reader;
typedef struct ck_record ck_record;
typedef struct ck_writer ck_writer;

/* Opens the input: the NFILES files named, or standard input when there
 * are none ("-" is standard input too). Lines longer than MAX_RECORD
 * bytes (without the line end; 0: CK_MAX_RECORD_DEFAULT; at most
 * SIZE_MAX / 2, as ck_size_parse takes it) are bad input, refused
 * without being read whole. The caller owns the reader. */
ck_reader *ck_reader_open(char *const *files, size_t nfiles, size_t max_record);

/* The next line as a record, or NULL at the end of the input. A file
 * that cannot be opened or read is reported and skipped (see
 * ck_reader_failed). A line longer than the limit is reported and ends
 * the input: it cannot be passed on, as it is never held whole. The
 * caller owns the record (ck_record_free). */
ck_record *ck_reader_next(ck_reader *reader);

/* True when a file could not be opened or read, or a line was too long:
 * the run must end with status 2. */
bool ck_reader_failed(const ck_reader *reader);

/* Closes the input and frees the reader; NULL is fine. */
void ck_reader_close(ck_reader *reader);

/* A new record holding JSON (the record takes the reference), as a
 * program makes one; it is written from its JSON. FILE/LINE may be NULL/0. */
ck_record *ck_record_new(json_t *json, const char *file, unsigned long line);

/* Frees a record and its JSON; NULL is fine. */
void ck_record_free(ck_record *record);

/* Where the record was read: the file name ("<stdin>") and line. */
const char *ck_record_file(const ck_record *record);
unsigned long ck_record_line(const ck_record *record);

/* The bytes read, without the line end; *LENGTH gets their count. NULL
 * for a record made by ck_record_new. */
const char *ck_record_text(const ck_record *record, size_t *length);

/* The record's JSON, parsed on the first call: NULL when the line is not
 * a JSON object (see ck_record_problem). Borrowed from the record. */
json_t *ck_record_json(ck_record *record);

/* True when the record's line has been parsed (by ck_record_json). */
bool ck_record_parsed(const ck_record *record);

/* Parses and validates the record; false when it is bad input, with the
 * problem in ck_record_problem. */
bool ck_record_check(ck_record *record);

/* The problem found by ck_record_json or ck_record_check, or NULL. */
const ck_problem *ck_record_problem(const ck_record *record);

/* Reports the record's problem as "PROGRAM: FILE:LINE: FIELD: message". */
void ck_record_report(const ck_record *record);

/* Marks the record changed: it is then written from its JSON, not as the
 * bytes read. */
void ck_record_mark_changed(ck_record *record);

/* Forgets the changes of a record that was read: it is written again as
 * the bytes read (its JSON keeps the changes). Nothing for a record made
 * by ck_record_new. */
void ck_record_revert(ck_record *record);

/* Sets KEY to VALUE (the record takes it) as the record's last member,
 * marks the record changed and makes the text to write now (as
 * ck_record_render). For a record read whose last member was KEY, or that
 * had no KEY, the text is the bytes read with only that member replaced
 * or appended: every other value keeps the spelling it was read with, and
 * the record is not written from its JSON at all (case-checklist's
 * "checklist"). */
void ck_record_put_last(ck_record *record, const char *key, json_t *value);

/* Makes the text ck_write will write for a changed record now, so that
 * the work of writing it can be done on a thread of ck_parallel and the
 * main thread only copies bytes. A later ck_record_mark_changed drops
 * it. */
void ck_record_render(ck_record *record);

/* True when the record was marked changed or made by ck_record_new. */
bool ck_record_changed(const ck_record *record);

/* True when the LENGTH bytes at TEXT are valid UTF-8 without NUL
 * (text.c). */
bool ck_utf8_valid(const char *text, size_t length);

/* A writer to standard output. Output errors are reported as "writing
 * output failed" and end the program with status 2; a reader that went
 * away ends it by SIGPIPE. The caller owns the writer. */
ck_writer *ck_writer_stdout(void);

/* A writer to an open stream; NAME is used in messages. The stream stays
 * the caller's. */
ck_writer *ck_writer_stream(FILE *stream, const char *name);

/* Writes a record: unchanged, the bytes read and their line end (a last
 * line without one gets "\n"); changed, compact JSON and "\n". */
void ck_write(ck_writer *writer, ck_record *record);

/* Writes a JSON value as one compact line. */
void ck_write_json(ck_writer *writer, const json_t *json);

/* Flushes the writer's stream (exits 2 on an error) and frees the
 * writer; NULL is fine. */
void ck_writer_close(ck_writer *writer);

/* ---------------------------------------------------------------------
 * Selection (select.c): --case, --match and --all
 */

typedef struct ck_selection ck_selection;

/* A selection that selects every record until cases or matches are
 * added. The caller owns it. */
ck_selection *ck_selection_new(void);

/* Frees a selection; NULL is fine. */
void ck_selection_free(ck_selection *selection);

/* Adds a --case ID (the ids given are alternatives). */
void ck_selection_add_case(ck_selection *selection, const char *id);

/* Adds a --match PATH=REGEX (all must hold). False on a malformed spec
 * or pattern, with a message in ERR (ERRSIZE bytes). */
bool ck_selection_add_match(ck_selection *selection, const char *spec,
			    char *err, size_t errsize);

/* Records --all. */
void ck_selection_set_all(ck_selection *selection);

/* Builds a selection from the --case, --match and --all options of ARGS;
 * a bad --match is a usage error (exit 2). */
ck_selection *ck_selection_from_args(const ck_args *args);

/* True when --case, --match or --all was given. */
bool ck_selection_given(const ck_selection *selection);

/* False only when the line cannot be a selected record without being
 * parsed: the selection is by --case only and the line contains neither
 * an id's text nor a backslash. */
bool ck_selection_line_may_match(const ck_selection *selection,
				 const char *line, size_t length);

/* 1 when the record is selected, 0 when not, -1 on a regex error (the
 * message in ERR). Remembers which --case ids were seen: an id counts as
 * seen when a record has it, even when a --match then leaves it out. */
int ck_selection_matches(ck_selection *selection, const json_t *record,
			 char *err, size_t errsize);

/* Names on standard error every --case id that matched no record and
 * returns how many there were. */
size_t ck_selection_report_unmatched(const ck_selection *selection);

/* ---------------------------------------------------------------------
 * Changing a case (change.c)
 *
 * Every change to a case goes through a ck_change: begin it, set members
 * through it (only what differs is set, and each field is noted once for
 * the event), commit it. Commit appends the event {at, by, tool, op,
 * item, fields}, validates the case and marks a record read as changed;
 * a change that set nothing adds no event; one that leaves the case
 * invalid puts it back as it was. Nothing here prints or exits.
 */

typedef struct ck_change ck_change;

typedef enum ck_change_result {
	CK_CHANGE_SAME,         /* nothing differed: no event, nothing marked */
	CK_CHANGE_CHANGED,      /* the event appended, the record marked changed */
	CK_CHANGE_BAD           /* the case invalid: put back as it was */
} ck_change_result;

/* Begins a change of RECORD's case by TOOL's subcommand OP. The caller
 * owns the change until ck_change_commit or ck_change_abandon. */
ck_change *ck_change_begin(ck_record *record, const char *tool, const char *op);

/* The same for a case that is no ck_record (a server's, a test's). */
ck_change *ck_change_begin_case(json_t *record, const char *tool, const char *op);

/* The case being changed, to read and to find elements in. Borrowed. */
json_t *ck_change_case(const ck_change *change);

/* Sets KEY of OBJECT (the case, or an object within it found at the
 * dotted OBJECT_PATH, as ck_field_set places keys) to VALUE (taken) when
 * it differs, noting KEY for the event. True when it was set; false
 * (VALUE freed) when it was the same, or VALUE is NULL. */
bool ck_change_set(ck_change *change, json_t *object, const char *object_path,
		   const char *key, json_t *value);

/* Sets the dotted MEMBER of OBJECT ("date", or one level down
 * "follow_up.first", the object on the way made where missing) to VALUE
 * (borrowed) when it differs, noting MEMBER whole. True when it was set. */
bool ck_change_set_member(ck_change *change, json_t *object, const char *object_path,
			  const char *member, const json_t *value);

/* Removes KEY of OBJECT, noting it; false when it was not there. */
bool ck_change_remove(ck_change *change, json_t *object, const char *key);

/* Notes FIELD as changed, for a change made otherwise (an element
 * appended); each field is noted once. */
void ck_change_note(ck_change *change, const char *field);

/* The element the event names (its id, a transition's kind; taken). */
void ck_change_item(ck_change *change, json_t *item);

/* Another member of the event (KEY: VALUE, taken), such as "reason". */
void ck_change_event_set(ck_change *change, const char *key, json_t *value);

/* A member of the event placed after its item and fields (KEY: VALUE,
 * taken), such as coordinator's "previous". */
void ck_change_event_tail(ck_change *change, const char *key, json_t *value);

/* The event leaves "fields" out: its other members name what changed
 * (reassign's "ended" and "added"). The fields are still counted. */
void ck_change_event_without_fields(ck_change *change);

/* How many fields the change has set so far. */
size_t ck_change_count(const ck_change *change);

/* Ends the change: the event appended and the case checked when
 * anything was set. CK_CHANGE_BAD fills P and puts the case back. The
 * change is freed. */
ck_change_result ck_change_commit(ck_change *change, ck_problem *p);

/* Ends the change without it: the case put back as it was begun. NULL
 * is fine. */
void ck_change_abandon(ck_change *change);

/* ---------------------------------------------------------------------
 * Elements of a case (elements.c)
 */

/* One member of an element to set: MEMBER within it ("date",
 * "follow_up.first"), VALUE (borrowed); with NAMES_ACTORS, VALUE is an
 * actor id or a list of them, each one the case must have. */
typedef struct ck_element_value {
	const char *member;
	const json_t *value;
	bool names_actors;
} ck_element_value;

/* Adds an element to the array KEY of the case (ID NULL: a new one, its
 * id PREFIX and the next number, never one given before), or changes
 * the one with ID, setting VALUES (COUNT of them) where they differ. A
 * new offer without a date is made on TODAY; a new waiver is decided by
 * USER on TODAY. The event names the element's id. False with P filled
 * when there is no such element, no number is left, or an actor named
 * is not the case's; nothing is changed then. */
bool ck_element_put(ck_change *change, const char *key, char prefix, const char *id,
		    const ck_element_value *values, size_t count, ck_date today,
		    const char *user, ck_problem *p);

/* ---------------------------------------------------------------------
 * The filter protocol (filter.c)
 */

/* Takes NEW, a command's version of the case OLD (case-update filter):
 * CK_CHANGE_SAME when it is equal (OLD's bytes stand); CK_CHANGE_CHANGED
 * when NEW is taken: OLD open and every earlier event kept, a "filter"
 * event by TOOL naming the members changed appended, NEW marked
 * changed; CK_CHANGE_BAD with P when a closed case changed or an event
 * was rewritten. */
ck_change_result ck_filter_case(ck_record *old, ck_record *new, const char *tool,
				ck_problem *p);

/* True when a filter may leave the case OLD out (--allow-drop): an open
 * one; a closed one is purge's (P filled). */
bool ck_filter_may_drop(const json_t *old, ck_problem *p);

/* ---------------------------------------------------------------------
 * Plans (plans.c)
 */

/* Sets the plan KIND ("common", "child", "youth", "individual") of the
 * case: VALUES (COUNT; an actor they name must be the case's) where they
 * differ, and ITEMS (a list of {what, actor, from}, or NULL) not there
 * yet. For a child or youth plan (barnets lov §§ 91, 108) the date is
 * the plan itself made: a decision not-needed is dated TODAY unless
 * DATE_GIVEN, one turned into made loses that date, and a date given
 * to a plan without a decision (DECISION_GIVEN false) decides it made.
 * The event names KIND. False with P filled when an actor is not the
 * case's; nothing is changed then. */
bool ck_plan_set(ck_change *change, const char *kind, const ck_element_value *values,
		 size_t count, const json_t *items, bool decision_given, bool date_given,
		 ck_date today, ck_problem *p);

/* ---------------------------------------------------------------------
 * A case's life (lifecycle.c)
 */

/* Sets the field at the dotted PATH without filters to VALUE (borrowed;
 * NULL removes it, and an object left empty on the way) when it
 * differs, noting PATH. False with P filled when a step is no object. */
bool ck_case_set_path(ck_change *change, const char *path, const json_t *value,
		      ck_problem *p);

/* Sets the child's CPR number and personnummer (NULL: left as it is);
 * a case without a birth date gets the one the number gives. */
bool ck_case_set_identity(ck_change *change, const char *cpr, const char *personnummer,
			  ck_problem *p);

/* The birth date child.cpr or child.personnummer gives, set in RECORD
 * when child.born is absent: the one place it is derived. True when it
 * was set. */
bool ck_case_born_from_identity(json_t *record);

/* Closes the case on DATE for REASON (casekit(5)'s closed_reason); a
 * closed case is left as it was closed. */
bool ck_case_close(ck_change *change, const char *reason, ck_date date, ck_problem *p);

/* Reopens a closed case: status open, closed and closed_reason gone. */
bool ck_case_reopen(ck_change *change, ck_problem *p);

/* True when RECORD is a closed case closed before CLOSED_BEFORE: one the
 * retention of case-update purge removes. */
bool ck_case_purgeable(const json_t *record, ck_date closed_before);

/* ---------------------------------------------------------------------
 * Records: building and events (case.c)
 */

/* A new event {at, by, tool, op}: the time from ck_now, the user from
 * ck_user. New reference. */
json_t *ck_event_new(const char *tool, const char *op);

/* Appends EVENT (the record takes it) to the record's "events", creating
 * the array where it is missing; keeps "checklist" the last member. */
void ck_event_append(json_t *record, json_t *event);

/* True when the case's status is "open". */
bool ck_case_is_open(const json_t *record);

/* The country of a case: "SE" when its municipality is a Swedish kommun
 * ("SE-0180"), else "DK" (a Danish code, or a local name). Static. */
const char *ck_case_country(const json_t *record);

/* The element of the array KEY ("actors", "meetings", …) whose id is ID,
 * or NULL. Borrowed from the record. */
json_t *ck_case_element(const json_t *record, const char *key, const char *id);

/* The id for a new element of the array KEY: PREFIX and one more than
 * the highest number its ids use ("a3"), into BUF (SIZE bytes, 22 are
 * enough). NULL (BUF empty) when there is no next number: an id there
 * holds the largest number an unsigned long holds, or more; the caller
 * reports it (the case is bad input for the change, never blocked
 * silently). */
char *ck_case_next_id(const json_t *record, const char *key, char prefix,
		      char *buf, size_t size);

/* Appends ELEMENT (the record takes it) to the array KEY, made where it
 * is missing, in casekit(5)'s order. */
void ck_case_append(json_t *record, const char *key, json_t *element);

/* True when the case has an actor with the id ID. */
bool ck_case_has_actor(const json_t *record, const char *id);

/* The consent state of an actor as rule consent judges it:
 * "not-needed" (municipal, family, or receives no data), else by the
 * latest consent naming it (dated by given, else refused, else
 * withdrawn): "given", "expired" (its last day, ck_consent_last_day,
 * before TODAY), "refused",
 * "withdrawn" (on or before TODAY) or "none". A static string. */
const char *ck_actor_consent_state(const json_t *record, const json_t *actor,
				   ck_date today);

/* The latest consent naming the actor (dated as ck_actor_consent_state
 * dates it), or NULL. Borrowed from the record. */
const json_t *ck_actor_latest_consent(const json_t *record, const json_t *actor);

/* The last day CONSENT of RECORD holds (valid through it) into *OUT: its
 * "expires", and for a consent given by the parents or a guardian at
 * the latest the day before the child's 18th birthday. False when it
 * holds without end. */
bool ck_consent_last_day(const json_t *record, const json_t *consent, ck_date *out);

/* The case's coordinator as a key for caseloads and reminder digests:
 * the contact of the first actor active on TODAY with "coordinator": true,
 * trimmed and in lower case (ASCII: "Mette.Holm@Kommune.dk" and
 * "mette.holm@kommune.dk" are one person); NULL when there is none, or
 * its contact holds a control character. The caller frees it. */
char *ck_coordinator_key(const json_t *record, ck_date today);

/* CONTACT as such a key: trimmed and in lower case (ASCII); NULL when it
 * is empty or holds a control character. The caller frees it. */
char *ck_contact_key(const char *contact);

/* True when an actor is active on day ON: since <= ON (or no since) and
 * ON < until (or no until). */
bool ck_actor_active(const json_t *actor, ck_date on);


/* ---------------------------------------------------------------------
 * CSV (csv.c): reading the case system's exports, writing tables
 */

typedef struct ck_csv ck_csv;

/* Opens a CSV file ("-" is standard input) for reading rows: fields
 * separated by DELIMITER, RFC 4180 quoting (separators and newlines
 * inside quotes), LF or CRLF, a last row without a line end. ENCODING is
 * NULL or "UTF-8" for UTF-8, "auto" for UTF-8 when the file has a BOM or
 * is valid UTF-8 and cp1252 otherwise (see ck_csv_encoding_note), else
 * any name iconv knows ("cp1252"): the text is converted to UTF-8. A UTF-8 byte-order mark at the start is
 * skipped. NULL when the file cannot be opened or the encoding is
 * unknown, or the delimiter is a quote, CR, LF, NUL or not ASCII, with a
 * message in ERR (ERRSIZE bytes). The caller owns it. */
ck_csv *ck_csv_open(const char *path, char delimiter, const char *encoding,
		    char *err, size_t errsize);

/* The next row that is not blank: 1 with its fields in *FIELDS (*COUNT
 * of them, NUL-terminated UTF-8 text for valid input; borrowed until the
 * next call) and *ROW its number as a spreadsheet shows it (the header
 * is row 1; blank rows and rows spanning several lines counted as a
 * spreadsheet counts them; a row of empty cells is blank); 0 at the end,
 * *ROW the last row's number; -1 on bad input (a quote that never
 * closes, a stray quote, text after a closing quote, text not in the
 * encoding, invalid UTF-8, a NUL byte, a field or row too large), with
 * *ROW the row where it is and a message in ERR naming the column. */
int ck_csv_next(ck_csv *csv, char ***fields, size_t *count,
		unsigned long *row, char *err, size_t errsize);

/* Closes the file and frees the reader; NULL is fine. */
void ck_csv_close(ck_csv *csv);

/* True when a text cell must be made safe for a spreadsheet: it starts
 * with '=', '+', '-', '@', TAB or CR, and would be taken as a formula. */
bool ck_csv_cell_is_formula(const char *text);

/* Writes one CSV row to STREAM: COUNT cells separated by DELIMITER,
 * quoted where needed, and "\r\n". A text cell (NUMERIC[i] false, or
 * NUMERIC NULL) that ck_csv_cell_is_formula is written with a "'" before
 * it; a number never is. A NULL cell is empty. False on a write error
 * (errno set). */
bool ck_csv_write_row(FILE *stream, char delimiter, const char *const *cells,
		      const bool *numeric, size_t count);

/* Parses a --delimiter value: one ASCII character, or "tab", "\\t",
 * "semicolon", "comma". False when it is none of these (or a quote,
 * CR or LF). */
bool ck_csv_delimiter_parse(const char *text, char *out);

/* ---------------------------------------------------------------------
 * Site settings (settings.c): $(sysconfdir)/casekit.conf or
 * $CASEKIT_CONFIG, lines "key = value", '#' starting a comment.
 */

typedef struct ck_settings {
	char *rules_path;          /* folders, ':'-separated; NULL: unset */
	long min_cell;             /* smallest count shown; default 5 */
	char **reminder_domains;   /* addresses reminders may go to; NULL:
				      unset (any) */
	size_t n_reminder_domains;
	bool allow_names;          /* --with-names allowed; default false */
	char *language;            /* "da", "sv" or "en" where the locale
				      names none (cron's C); NULL: unset */
	char *municipalities;      /* the site's table of municipality
				      names (absolute); NULL: the shipped */
	char *mail_from;           /* From: of the reminders' mail; NULL:
				      unset (no --mail) */
	char *reminder_fallback;   /* where the unassigned digest is mailed
				      (the team leader); NULL: kept only */
	char *path;                /* the file read, or NULL */
} ck_settings;

/* The site settings, read on the first call (make it before starting
 * threads): $CASEKIT_CONFIG when set
 * (it must exist), else $(sysconfdir)/casekit.conf (its absence means
 * the defaults). An unknown key is a warning; a malformed line or value
 * is reported with file and line and ends the program with status 2.
 * The settings are the library's; they live until exit. */
const ck_settings *ck_settings_get(void);

/* Reads settings from PATH into OUT (the caller frees with
 * ck_settings_clear). False on a malformed file, reported. */
bool ck_settings_read(const char *path, ck_settings *out);

/* Frees what a ck_settings holds and sets the defaults. */
void ck_settings_clear(ck_settings *settings);

/* (SETTINGS NULL in the two functions below: ck_settings_get().)
 * The --min-cell to use: VALUE (an option, may be NULL for none) only
 * when it is a whole number at least the setting's; otherwise a usage
 * error (exit 2): an option may tighten privacy, never loosen it. */
long ck_settings_min_cell(const ck_settings *settings, const char *value);

/* True when DOMAIN may receive reminders: no reminder_domains set, or
 * DOMAIN equals one of them or is below one (case-insensitive); false
 * for text that is not a domain name. Used to
 * check that each --allow-domain narrows the setting. */
bool ck_settings_domain_allowed(const ck_settings *settings, const char *domain);

/* True when DOMAIN is one of the COUNT DOMAINS or below one ("nord.kommune.dk"
 * under "kommune.dk", never "evilkommune.dk"), case-insensitively
 * (mail.c). */
bool ck_domain_within(const char *domain, char *const *domains, size_t count);

/* ---------------------------------------------------------------------
 * Rule sets (rules.c): lookup by name, loading with "extends", and the
 * parameters of the transitions. See casekit-rules(5).
 */

typedef struct ck_ruleset ck_ruleset;
typedef struct ck_rulebook ck_rulebook;

/* Finds a rule set: X is a file when it contains '/' or ends in
 * ".json"; otherwise NAME.json in the folders of $CASEKIT_RULES_PATH,
 * then the site's rules_path, then $(pkgdatadir)/rules, the first found.
 * SKIP_DIR, when not NULL, is a folder passed over. (A set that extends
 * its own name is looked up only in the folders after its own, which the
 * rulebook does itself.) Returns a new string (free it) or NULL. */
char *ck_rules_find(const char *x, const char *skip_dir);

/* Every rule set a run can use, loaded and checked before any record is
 * read: the set RULES_OPTION names (--rules, may be NULL) and every set
 * in the search path. A broken set is reported with its file (and rule
 * id) and ends the program with status 2. The caller owns it. */
ck_rulebook *ck_rulebook_load(const char *rules_option);

/* As ck_rulebook_load, but a broken set is reported and NULL returned
 * instead of ending the program (a server, a fuzz target). */
ck_rulebook *ck_rulebook_try_load(const char *rules_option);

/* Frees a rulebook; NULL is fine. */
void ck_rulebook_free(ck_rulebook *book);

/* The set a case with PATHWAY uses: the --rules set when one was given,
 * else the set named PATHWAY; NULL when there is none (bad input at that
 * record). Borrowed from the book. */
const ck_ruleset *ck_rulebook_for(const ck_rulebook *book, const char *pathway);

/* The set named NAME in the search path, or NULL. */
const ck_ruleset *ck_rulebook_get(const ck_rulebook *book, const char *name);

/* The I-th (0-based) set a name finds in the search path, in the order
 * of the path; NULL past the last. Borrowed from the book. */
const ck_ruleset *ck_rulebook_named(const ck_rulebook *book, size_t i);

/* A set's name, and the file it was read from. */
const char *ck_ruleset_name(const ck_ruleset *set);
const char *ck_ruleset_file(const ck_ruleset *set);

/* A set's title in LANG ("en", "da", "sv"), else in English, else in
 * the first language given, else the inherited title, else its name. */
const char *ck_ruleset_title(const ck_ruleset *set, const char *lang);

/* A duration parameter (daycare_age, school_lead, preschool_lead, …),
 * the set's or inherited or casekit's default (SET may be NULL: the
 * default). False when NAME is no such parameter, or holds whole years. */
bool ck_ruleset_duration(const ck_ruleset *set, const char *name, ck_duration *out);

/* A whole-years parameter (school_age, youth_education_age, or a kind's
 * _age given as years), as ck_ruleset_duration finds it. False when NAME
 * is no such parameter, or holds a duration. */
bool ck_ruleset_years(const ck_ruleset *set, const char *name, int *out);

/* The I-th (0-based) transition kind case-transition plan makes for a
 * case of SET: its planned_transitions, inherited, else casekit's default
 * (daycare, kindergarten, school, youth-education, adult; also for SET
 * NULL). NULL past the last. Borrowed from the set. */
const char *ck_ruleset_planned(const ck_ruleset *set, size_t i);

/* True when KIND is a transition kind the set allows: the standard ones
 * (daycare, kindergarten, school, youth-education, adult, own-home, job)
 * and its transition_kinds, inherited too. */
bool ck_ruleset_transition_kind(const ck_ruleset *set, const char *kind);

/* True when SET asks that a case's coordinator be municipal (DK 1.5),
 * as every set does unless all its rules of kind coordinator say
 * "municipal": false (Socialstyrelsen's koordinator may be the region's).
 * True for SET NULL. */
bool ck_ruleset_coordinator_municipal(const ck_ruleset *set);

/* The set's rules after inheritance, as a JSON array of objects in
 * order: the inherited ones first (changed where the set names their id,
 * dropped where it says "off": true), then its own. Borrowed. */
const json_t *ck_ruleset_rules(const ck_ruleset *set);

/* The rule of SET with ID (after inheritance), or NULL. Borrowed. */
const json_t *ck_ruleset_rule(const ck_ruleset *set, const char *id);

/* A rule's title in LANG (its "title", as ck_text_in picks it), else its
 * id: what a reader is shown instead of the id. Borrowed from RULE. */
const char *ck_rule_title(const json_t *rule, const char *lang);

/* ---------------------------------------------------------------------
 * Judging a case by its rules (checklist.c; casekit-rules(5))
 */

/* The status of a finding, worst first after "missing"; the texts are
 * those of the record's checklist. */
typedef enum ck_finding_status {
	CK_FINDING_MISSING,     /* "missing": something that must be there is not */
	CK_FINDING_OVERDUE,     /* "overdue": the due day has passed */
	CK_FINDING_DUE,         /* "due": due within the reminder window */
	CK_FINDING_WAIVED,      /* "waived": a waiver covers it */
	CK_FINDING_OK,          /* "ok" */
	CK_FINDING_NA           /* "n/a": the rule does not apply */
} ck_finding_status;

/* The text of a status ("missing", …, "n/a"); NULL for another value. */
const char *ck_finding_status_name(ck_finding_status status);

/* The status named TEXT, or -1. */
int ck_finding_status_parse(const char *text);

typedef struct ck_judge ck_judge;

/* Prepares the rules of SET for judging: every path and pattern compiled
 * once. A judge is for one thread at a time (its patterns keep match
 * data); a run on N threads makes N judges. The caller owns the result
 * (ck_judge_free). SET must outlive it. */
ck_judge *ck_judge_new(const ck_ruleset *set);

/* Frees a judge; NULL is fine. */
void ck_judge_free(ck_judge *judge);

/* With ck_judge_case: findings that are "ok" and "n/a" too. */
#define CK_JUDGE_SHOW_OK 1u

/* Judges RECORD (a case) on day TODAY, with reminder window WITHIN (a
 * rule's "remind" replaces it), as casekit-rules(5) says. Returns a new
 * object {"as_of": TODAY, "ruleset": NAME, "findings": [{"rule", "ref",
 * "basis", "status", "due", "item"}]}: findings in the order of the
 * set's rules, then of the elements a rule's "each" yields; "due" and
 * "item" only where they apply; "ok" and "n/a" findings only with
 * CK_JUDGE_SHOW_OK. The record is not changed. NULL when a pattern
 * could not be matched (PCRE2's match limit): ck_judge_error says why. */
json_t *ck_judge_case(ck_judge *judge, const json_t *record, ck_date today,
		      ck_duration within, unsigned flags);

/* Why the last ck_judge_case returned NULL. */
const char *ck_judge_error(const ck_judge *judge);

/* ---------------------------------------------------------------------
 * Threads (parallel.c): --jobs N
 */

/* The default --jobs: the online processors, at most 8. */
unsigned ck_jobs_default(void);

/* The options of a program that reads a whole stream on threads
 * (case-checklist, case-report), for its option table. */
#define CK_READ_OPTIONS \
	{ "rules", 0, true, NULL }, \
	{ "jobs", 'j', true, NULL }, \
	{ "today", 0, true, NULL }, \
	{ "max-record", 0, true, NULL }, \
	{ "keep-going", 0, false, NULL }

/* The value of --jobs, 1 to 8, else ck_jobs_default(); a usage error
 * (exit 2) when it is not such a number. */
unsigned ck_jobs_option(const ck_args *args);

/* Calls WORK(CTX, THREAD, I) once for every I in [0, COUNT), on up to
 * THREADS threads (at most 8; THREAD is 0 … THREADS - 1, so that each
 * thread may use its own judge), and returns when every call is done.
 * The calls of one thread never overlap; what WORK writes for item I is
 * the caller's to read afterwards, in order. */
void ck_parallel(size_t count, unsigned threads,
		 void (*work)(void *ctx, unsigned thread, size_t i), void *ctx);

/* A record of a batch (ck_batch_run). */
typedef struct ck_batch_item {
	ck_record *record;
	bool good;                  /* parsed and valid casekit/1 */
	const ck_ruleset *set;      /* the set of its pathway (or --rules); NULL:
				       none, bad input */
	json_t *result;             /* the program's, released after use */
	unsigned flags;             /* the program's */
} ck_batch_item;

/* Reads every record of READER, a batch at a time: on up to THREADS
 * threads each record is parsed and validated, its set looked up, and,
 * when it is good and has a set, WORK (may be NULL) called on it; then,
 * in input order on this thread, USE is called on each item, until it
 * returns false. The record and the result are freed after USE. The
 * output of a program is then the same for every THREADS. */
void ck_batch_run(ck_reader *reader, const ck_rulebook *rules, unsigned threads,
		  void (*work)(void *ctx, unsigned thread, ck_batch_item *item),
		  bool (*use)(void *ctx, ck_batch_item *item), void *ctx);

/* The case ids of a stream, each with the line it was first read on. */
typedef struct ck_ids ck_ids;

ck_ids *ck_ids_new(void);
void ck_ids_free(ck_ids *ids);

/* True when the record's id was not seen before (or it has none); else
 * false, reported as bad input naming the line of the first. */
bool ck_ids_add(ck_ids *ids, ck_record *record);


/* ---------------------------------------------------------------------
 * Reports (report.c, report-format.c): figures for managers and
 * committees, never a child's identity, small counts suppressed. See
 * case-report(1).
 */

typedef enum ck_audience {
	CK_AUDIENCE_MANAGER,    /* staff contacts and caseload per coordinator */
	CK_AUDIENCE_COMMITTEE   /* no staff; caseload per team; groups pared */
} ck_audience;

/* What a report is grouped by (--by); CK_BY_NONE for the totals only. */
typedef enum ck_by {
	CK_BY_NONE,
	CK_BY_MUNICIPALITY,
	CK_BY_TEAM,
	CK_BY_PATHWAY,
	CK_BY_COORDINATOR
} ck_by;

/* The --by names: "municipality", … ; NULL for CK_BY_NONE. */
const char *ck_by_name(ck_by by);

/* The ck_by named TEXT, or -1. */
int ck_by_parse(const char *text);

typedef struct ck_report ck_report;

/* A new report as of TODAY: counters, unsuppressed, to which cases are
 * added. RULES gives each case's deadlines (its set, or the --rules
 * set). The caller owns it (ck_report_free). */
ck_report *ck_report_new(const ck_rulebook *rules, ck_date today);

/* Frees a report; NULL is fine. */
void ck_report_free(ck_report *report);

/* Sets the period response times and complaints count over: the units
 * finished, and the complaints' steps taken, in PERIOD before today (a
 * duration as ck_duration_parse takes it, "12m", the default), or all
 * time for "all" or NULL. Call before adding cases. False when PERIOD is
 * neither (a negative or empty duration too). */
bool ck_report_set_period(ck_report *report, const char *period);

/* Counts the cases only by the groups of GROUPS (bit 1 << B for each
 * ck_by B), and always by pathway, rather than by every group: a run
 * that shows one --by and writes no partial needs no more, and each
 * group counted costs as much as the totals. A partial needs
 * municipality, team and pathway. The default is every group. */
void ck_report_count_groups(ck_report *report, unsigned groups);

/* A report to count a part of the cases in, on a thread of its own: as
 * REPORT is set (rules, today, period, groups), with no cases. The
 * caller owns it, until ck_report_join. */
ck_report *ck_report_fork(const ck_report *report);

/* Adds the cases counted in PART, a fork of REPORT, to REPORT, and frees
 * PART. Counts add up in any order: the parts of a run joined give the
 * report one report of every case would. */
void ck_report_join(ck_report *report, ck_report *part);

/* The period's text as set ("12m", "all"). Borrowed. */
const char *ck_report_period(const ck_report *report);

/* Adds one case (open or closed, checklisted or not) to the counters.
 * False when its checklist is not as of today or comes from another set
 * than the case's: it is counted as it stands (ck_report_stale counts
 * them, for the caller's one warning). */
bool ck_report_add(ck_report *report, const json_t *record);

/* ck_report_add in two steps, for threads: the counts of one case (a
 * new object; may be called on any thread, the report is only read),
 * then, on one thread, those counts added for the case. */
json_t *ck_report_case_counts(const ck_report *report, const json_t *record);
bool ck_report_add_counts(ck_report *report, const json_t *record, const json_t *counts);

/* How many cases ck_report_add found with such a checklist. */
size_t ck_report_stale(const ck_report *report);

/* The counters as a partial (casekit-partial/1): JSON lines of
 * unsuppressed counts and per-day histograms with every breakdown,
 * written to OUT. False on a write error. */
bool ck_report_write_partial(const ck_report *report, FILE *out);

/* Adds the partial in the file PATH to the counters; its as_of and its
 * period must be the report's. False, reported with file and line, on
 * bad input. A report with a partial merged has no coordinators: its
 * caseload is per team, and it has no groups by coordinator. */
bool ck_report_merge(ck_report *report, const char *path);

/* Reads the partial in the file PATH, of an earlier run, into a new
 * REPORT (ck_report_new) for comparison: as ck_report_merge, but of any
 * day, which the report then takes as its own. */
bool ck_report_load_previous(ck_report *report, const char *path);

typedef struct ck_municipalities ck_municipalities;

/* What a report shows and how (ck_report_result_with). */
typedef struct ck_report_options {
	ck_by by;                   /* the groups, or CK_BY_NONE */
	ck_audience audience;
	long min_cell;              /* counts from 1 to min_cell - 1 hidden */
	const char *title;          /* the heading (--title), or NULL */
	const ck_report *compare;   /* a previous period's (--compare), or NULL */
	const ck_municipalities *municipalities;  /* names of the groups by
						     municipality, or NULL */
} ck_report_options;

/* The report itself: one JSON object as case-report(1) describes it,
 * grouped BY, for AUDIENCE, every count from 1 to MIN_CELL - 1 printed
 * as "<MIN_CELL" and the cells that would let one be worked back as "*".
 * New reference. */
json_t *ck_report_result(const ck_report *report, ck_by by, ck_audience audience,
			 long min_cell);

/* ck_report_result with every option: also the heading, the names of
 * the municipalities, and a previous period's report (suppressed on its
 * own) as "previous". New reference. */
json_t *ck_report_result_with(const ck_report *report, const ck_report_options *options);

/* ---------------------------------------------------------------------
 * Municipality names (municipalities.c): the shipped table of every
 * Danish and Swedish municipality code, or the site's own
 */

/* Reads the table of municipality names in the CSV file PATH (a header
 * "code,name", then a row each; rows whose first cell starts with '#'
 * are comments). NULL on a file that cannot be read or is malformed,
 * reported with file and row. The caller owns it. */
ck_municipalities *ck_municipalities_read(const char *path);

/* The table a report uses: the site's (casekit.conf(5),
 * municipalities), else the shipped $(pkgdatadir)/municipalities.csv (the
 * source tree's when the program runs from the build tree). Returns a
 * new string, and *SITE true when it is the site's. */
char *ck_municipalities_path(bool *site);

/* Frees a table; NULL is fine. */
void ck_municipalities_free(ck_municipalities *table);

/* The name of the municipality CODE ("0101", "SE-0180") in TABLE (may be
 * NULL), or NULL when the table has none. Borrowed from the table. */
const char *ck_municipalities_name(const ck_municipalities *table, const char *code);

/* Writes a report (ck_report_result) as aligned text tables for a
 * terminal, as CSV (one table per section, a blank line and a title row
 * between tables; DELIMITER; a UTF-8 byte-order mark first with BOM), or
 * as one self-contained HTML file with SVG charts and no scripts or
 * remote resources. Labels are in the language of the messages; numbers
 * and dates in text and HTML as the locale writes them. False on a write
 * error. */
bool ck_report_write_text(FILE *out, const json_t *report);
bool ck_report_write_csv(FILE *out, const json_t *report, char delimiter, bool bom);
bool ck_report_write_html(FILE *out, const json_t *report);

/* ---------------------------------------------------------------------
 * Reminders (reminders.c): a digest per coordinator of what is due
 */

typedef struct ck_reminders ck_reminders;

/* New, empty digests as of TODAY. With WITH_NAMES (the caller has
 * checked that the site allows it) a line also names the child. The
 * caller owns the result (ck_reminders_free). */
ck_reminders *ck_reminders_new(const ck_rulebook *rules, ck_date today, bool with_names);

/* Frees the digests; NULL is fine. */
void ck_reminders_free(ck_reminders *reminders);

/* Adds the findings of one checklisted case to its coordinator's digest
 * (closed cases and waived findings never; a case without an active
 * coordinator goes to the unassigned digest). */
void ck_reminders_add(ck_reminders *reminders, const json_t *record);

/* What FINDING of RECORD is about, in words for a caseworker in LANG,
 * when its rule is judged per element (the finding has an "item"): a
 * decision by its paragraph and date ("BL § 32, 2026-05-20"), an actor
 * by role, a transition by kind, a consent by its id, an assessment or
 * meeting by its date. Never a name. NULL when the finding is about the
 * whole case or the element is not found. SET: the rule set of the
 * checklist (NULL: the rule is unknown). The caller frees the result. */
char *ck_finding_about(const json_t *record, const ck_ruleset *set, const json_t *finding,
		       const char *lang);

/* Writes the digests: with OUTDIR NULL to OUT, each under a line
 * "== CONTACT"; else one file per coordinator in OUTDIR (which must be
 * empty or not exist), mode 0600, named by the contact in lower case
 * with every character outside a-z0-9@._- as '_', plus ".txt", and
 * "unassigned.txt". A coordinator whose contact is not in one of the
 * NDOMAINS DOMAINS (none: any) goes to unassigned. An empty digest is not
 * written. False, reported, on an error. */
bool ck_reminders_write(const ck_reminders *reminders, FILE *out, const char *outdir,
			char *const *domains, size_t ndomains);

/* How ck_reminders_deliver writes the digests. */
typedef struct ck_reminders_output {
	const char *outdir;        /* one file per digest in this new or empty
				      folder; NULL: to the stream */
	char *const *domains;      /* the allowed domains (none: any) */
	size_t ndomains;
	bool mail;                 /* Internet messages (.eml files) */
	const char *mail_from;     /* From: (mail_from); needed with mail */
	const char *fallback;      /* To: of the unassigned digest
				      (reminder_fallback), or NULL */
	const char *sendmail;      /* hand each message to this command (sh
				      -c) on its standard input; NULL: not */
	bool ics;                  /* calendars of tasks (ck_ics_calendar;
				      .ics files) instead of the text; not
				      with mail */
} ck_reminders_output;

/* Writes the digests as ck_reminders_write does and, with OUTPUT->ics,
 * each as a calendar (ck_ics_calendar; files DIGEST.ics) of a task per
 * finding with a due date: its summary the case's external_ref (else its
 * id), the reminder and what it is about, never a name; urgent the legal
 * deadlines and the overdue and missing; a digest with no such finding
 * is not written. With OUTPUT->mail, each as an Internet message
 * (ck_mail_message; files DIGEST.eml) to the coordinator's contact as
 * recorded, the unassigned one to the fallback; with mail, and whenever
 * domains are given, a digest of its own only for a contact that is
 * exactly one address (ck_mail_address_allowed).
 * With sendmail, each message that has a recipient is handed to the
 * command (after the files are all written, when there are files); one
 * that fails is named on standard error by its file name, and the
 * others are still sent. False, reported, on any error. */
bool ck_reminders_deliver(const ck_reminders *reminders, FILE *out,
			  const ck_reminders_output *output);

/* ---------------------------------------------------------------------
 * Calendars (ics.c): the reminders as tasks in iCalendar (RFC 5545)
 */

/* One task: a finding with a due date. */
typedef struct ck_ics_task {
	const char *uid;           /* ck_ics_uid of the finding */
	ck_date due;
	const char *summary;       /* UTF-8, one line */
	bool urgent;               /* PRIORITY 1 (a legal deadline, overdue),
				      else 5 */
} ck_ics_task;

/* The UID of the task of finding RULE about ITEM (NULL: the whole case)
 * of the case CASE_ID: the same in every run, so that a calendar
 * imported again updates its tasks; a hash, naming none of the three.
 * A new string. */
char *ck_ics_uid(const char *case_id, const char *rule, const char *item);

/* The N TASKS as one VCALENDAR (libical) of VTODOs with UID, DTSTAMP
 * (NOW, RFC 3339 UTC; NULL: ck_now), DUE as a DATE, SUMMARY, STATUS
 * NEEDS-ACTION and PRIORITY; a task whose UID an earlier one has is left
 * out. Lines are ended by '\n' (a file has CRLF). A new string; *LENGTH
 * its length. */
char *ck_ics_calendar(const ck_ics_task *tasks, size_t n, const char *now, size_t *length);

/* ---------------------------------------------------------------------
 * Mail (mail.c): Internet messages of the reminders
 */

/* True when TEXT is exactly one bare address: one '@' with text before
 * it and a domain after it (no empty label), and no space, comma, angle
 * bracket, quote, parenthesis, ';', ':' or control character anywhere:
 * "x@evil.example, y@kommune.dk" and "Name <x@kommune.dk>" are not. */
bool ck_mail_address_valid(const char *text);

/* True when ADDRESS is one address (ck_mail_address_valid) whose domain
 * is one of the NDOMAINS DOMAINS or below one (ck_domain_within); any
 * domain when NDOMAINS is 0. */
bool ck_mail_address_allowed(const char *address, char *const *domains, size_t ndomains);

/* One message. FROM and TO are addresses (checked by the caller); TO
 * NULL: no To: (a message kept, not sent). */
typedef struct ck_mail {
	const char *from;
	const char *to;
	const char *subject;       /* UTF-8; an encoded word when not ASCII */
	const char *body;          /* UTF-8 text, lines ended by '\n' */
	const char *language;      /* Content-Language, or NULL */
	const char *now;           /* RFC 3339 UTC for Date:; NULL: ck_now */
	size_t sequence;           /* the message's place in the run, for a
				      unique Message-ID */
} ck_mail;

/* MAIL as an RFC 5322 message with MIME headers (Date, Message-ID,
 * Auto-Submitted: auto-generated, UTF-8 text quoted-printable), lines
 * ended by '\n' as sendmail reads them. A new string; *LENGTH its
 * length. */
char *ck_mail_message(const ck_mail *mail, size_t *length);

/* Runs COMMAND with /bin/sh, the message on its standard input (its
 * standard output goes to standard error). True when it read the
 * message and exited with status 0. A command that stops reading does
 * not end the program (SIGPIPE is ignored meanwhile). */
bool ck_mail_send(const char *command, const char *message, size_t length);

/* ---------------------------------------------------------------------
 * The store (store.c): a JSON-lines file changed in place, safely
 *
 * FILE is locked through its sidecar FILE.lock (flock, blocking; created
 * beside FILE, never renamed, with FILE's read and write permissions and
 * group, so that a group can share a store). The lock file also keeps
 * the highest id number ever given per municipality and year, and, while
 * an append is under way, the length of FILE before it. Every open
 * repairs what a killed run left: its temporary files are removed and a
 * half-done append is cut off. A rewrite goes to a temporary file beside
 * FILE that replaces FILE only when the run ends well; an append either
 * lands whole or not at all. When FILE is a symbolic link, the file it
 * points at is the store: it is locked (its own .lock beside it) and
 * replaced, and the link stays.
 */

typedef struct ck_store ck_store;

/* Opens and locks the store at PATH. CREATE: a missing FILE is made
 * (mode 0600); without it a missing FILE is an error. Errors are
 * reported and end the program with status 2. */
ck_store *ck_store_open(const char *path, bool create);

/* The store's path, as given. */
const char *ck_store_path(const ck_store *store);

/* A file written whole or not at all, mode 0600 whatever the umask: for
 * files that hold what must stay in the municipality (a partial). */
typedef struct ck_private_file ck_private_file;

/* Starts writing PATH: a new temporary file beside it (".NAME.ck-XXXXXX",
 * made with O_EXCL, so that nothing is written through a link), removed
 * when the program ends unless ck_private_file_commit renamed it over
 * PATH. Ends the program (status 2) when it cannot. The caller owns the
 * result until ck_private_file_commit. */
ck_private_file *ck_private_file_open(const char *path);

/* The stream to write to. Borrowed. */
FILE *ck_private_file_stream(ck_private_file *file);

/* Flushes, syncs and closes the file, renames it over PATH (a link at
 * PATH is replaced, never followed) and syncs the folder; frees FILE. An
 * error is reported naming PATH and ends the program with status 2,
 * PATH as it was before (or, when only the folder's sync failed,
 * replaced whole). */
void ck_private_file_commit(ck_private_file *file);

/* A reader over FILE as it stands (see ck_reader_open). */
ck_reader *ck_store_reader(ck_store *store, size_t max_record);

/* Starts a rewrite: a writer to a new temporary file beside FILE
 * (".FILE.ck-XXXXXX") with FILE's mode (and owner, when run as root).
 * Until ck_store_finish, an exit removes the temporary file. */
ck_writer *ck_store_rewrite(ck_store *store);

/* Ends a rewrite begun by ck_store_rewrite, and frees WRITER. COMMIT: the
 * temporary file is flushed and synced, the high-water marks saved, the
 * file renamed over FILE, and the folder synced; else it is removed and
 * FILE stays as it was. An I/O error is reported and ends the program
 * with status 2: FILE unchanged, or replaced whole when only the sync of
 * the folder failed. */
void ck_store_finish(ck_store *store, ck_writer *writer, bool commit);

/* Appends LENGTH bytes of TEXT (whole lines) to FILE, after a newline
 * when FILE's last line lacks one: the length before is written to the
 * lock file first, so that a killed run's append is cut off by the next
 * run. On an error (a full disk) FILE is cut back, the error reported,
 * and the program ends with status 2. */
void ck_store_append(ck_store *store, const char *text, size_t length);

/* Copies FILE as it stands to a temporary file beside it (with FILE's
 * mode; removed at exit) and returns a descriptor open for reading at
 * its start, the caller's to close: what a command may read in place of
 * FILE (case-update filter). Errors end the program with status 2. */
int ck_store_copy(ck_store *store);

/* After ck_store_copy: when FILE was changed since (a command wrote to
 * it, or replaced or removed it), puts the copy back in its place
 * (synced, renamed over FILE) and returns true; false when FILE is as it
 * was. Either way the copy is gone. An error ends the program with
 * status 2, naming where the copy is. */
bool ck_store_put_back(ck_store *store);

/* The largest number a case id ends in that casekit gives, and that a
 * lock file keeps: 2^63 - 1, what a JSON integer holds. */
#define CK_CASE_NUMBER_MAX 9223372036854775807ULL

/* The highest number given for ids of PREFIX ("0101-2026") that the lock
 * file remembers (at most CK_CASE_NUMBER_MAX), or 0. */
unsigned long ck_store_high_water(const ck_store *store, const char *prefix);

/* Notes that the case id ID exists or was given: the high-water mark of
 * its prefix rises to its number (saved with the lock file), or to
 * CK_CASE_NUMBER_MAX for a larger one, after which no id of the prefix
 * is given. */
void ck_store_note_id(ck_store *store, const char *id);

/* Saves the high-water marks, unlocks and frees the store; NULL is fine.
 * An error writing or closing the lock file ends the program (status 2). */
void ck_store_close(ck_store *store);


/* ---------------------------------------------------------------------
 * Intake (intake.c): new cases from options or from the rows of the case
 * system's CSV export, numbered and checked against the store; and a
 * second import of the export matched to the open cases by external_ref
 * (case-new --update). Nothing here prints or exits.
 */

typedef struct ck_intake ck_intake;
typedef struct ck_intake_columns ck_intake_columns;

/* What became of a row. */
typedef enum ck_intake_result {
	CK_INTAKE_NEW,          /* a new case (ck_intake_cases) */
	CK_INTAKE_CHANGED,      /* an open case changed, its event appended */
	CK_INTAKE_UNCHANGED,    /* an open case that the row leaves as it is */
	CK_INTAKE_CLOSED,       /* matches a closed case: skipped (P says which) */
	CK_INTAKE_BAD           /* bad input, P filled; nothing changed */
} ck_intake_result;

/* How many rows came to what, so far. */
typedef struct ck_intake_counts {
	size_t added, changed, unchanged, closed;
} ck_intake_counts;

/* Starts an intake: new cases numbered after what STORE (NULL: none, the
 * numbers start at 0001) has given, their pathway checked in RULES, a
 * case without an opening date opened on TODAY. UPDATE: rows are matched
 * to the store's open cases by external_ref (ck_intake_row). The caller
 * owns it; STORE and RULES stay the caller's. */
ck_intake *ck_intake_new(ck_store *store, const ck_rulebook *rules, ck_date today,
			 bool update);

/* Frees an intake and the store's records it holds; NULL is fine. */
void ck_intake_free(ck_intake *intake);

/* A field a new case from a row gets where the row leaves it empty
 * (--municipality, --pathway, --opened, followed_from for --existing):
 * PATH a top-level key, VALUE taken. */
void ck_intake_set_default(ck_intake *intake, const char *path, json_t *value);

/* Takes a record of the store (parsed: ck_record_json not NULL): its id
 * is taken, an open case's reference refused for a new case or, with
 * UPDATE, matched; with UPDATE the intake keeps the record (see
 * ck_intake_store_record), else frees it. */
void ck_intake_note_case(ck_intake *intake, ck_record *record);

/* Completes a new case RECORD (taken) and adds it to the intake's cases:
 * format, status, opened, the birth date an identity number gives, the
 * next id, the "new" event (with csv_row ROW when ROW > 0); checked
 * against casekit(5), the rule sets, the ids taken and the open cases'
 * references. False with P (its field the path) when it is bad. */
bool ck_intake_add(ck_intake *intake, json_t *record, unsigned long row, ck_problem *p);

/* True when a CSV column may fill PATH: a field of one value or a list
 * of texts, never the format or the status, which are casekit's. */
bool ck_intake_path_allowed(const char *path);

/* How the columns of HEADER (COUNT names) fill fields: a column named in
 * one of the NMAP specs MAPS ("COLUMN=PATH", the last one naming it
 * counts, each PATH ck_intake_path_allowed) fills its PATH, else a
 * column named like an allowed field path fills that, else none. NULL
 * with P when two columns fill one field. The caller owns the result. */
ck_intake_columns *ck_intake_columns_new(char *const *header, size_t count,
					 char *const *maps, size_t nmap, ck_problem *p);

/* Frees the columns; NULL is fine. */
void ck_intake_columns_free(ck_intake_columns *columns);

/* The number of columns, the name of column I and the field it fills
 * (NULL: none). Borrowed. */
size_t ck_intake_columns_count(const ck_intake_columns *columns);
const char *ck_intake_column_name(const ck_intake_columns *columns, size_t i);
const char *ck_intake_column_path(const ck_intake_columns *columns, size_t i);

/* True when the --map SPEC names a column of the header. */
bool ck_intake_columns_mapped(const ck_intake_columns *columns, const char *spec);

/* The name of the column that fills PATH, or PATH itself. Borrowed. */
const char *ck_intake_column_label(const ck_intake_columns *columns, const char *path);

/* Takes one row, CELLS (COUNT of them) at spreadsheet row ROW: with
 * UPDATE, a row whose external_ref is an open case's sets the mapped
 * fields that differ on it through one change (the event names them;
 * an empty cell, the id and the reference leave the case as it is), a
 * row matching only a closed case is skipped, a reference a row of this
 * import had is bad; every other row is a new case (ck_intake_add, the
 * defaults filled). P's field names the column. */
ck_intake_result ck_intake_row(ck_intake *intake, const ck_intake_columns *columns,
			       char *const *cells, size_t count, unsigned long row,
			       ck_problem *p);

/* The new cases, in order. Borrowed. */
const json_t *ck_intake_cases(const ck_intake *intake);

/* The store's records that UPDATE kept, in the store's order, changed
 * or not, to be written back. Borrowed. */
size_t ck_intake_store_count(const ck_intake *intake);
ck_record *ck_intake_store_record(const ck_intake *intake, size_t i);

/* The ids of the store's open cases with an external_ref that no row of
 * this import had, in the store's order (UPDATE). New reference. */
json_t *ck_intake_missing(const ck_intake *intake);

/* How many rows came to what. */
ck_intake_counts ck_intake_get_counts(const ck_intake *intake);

/* The names of the rule sets BOOK found in the search path, in its
 * order, separated by ", " ("" when none), for a message that a set is
 * not there (rules.c). The caller frees it. */
char *ck_rulebook_names(const ck_rulebook *book);

/* True when the reader passed over a blank last line of a file (see
 * casekit(5)): a store so ended is rewritten, not appended to, so that
 * the blank line does not end up between records (records.c). */
bool ck_reader_blank_end(const ck_reader *reader);

/* What ck_csv_open found of the encoding (csv.c), for the program to
 * say once. */
enum ck_csv_encoding_note {
	CK_CSV_ENCODING_AS_GIVEN,       /* nothing to say */
	CK_CSV_ENCODING_GUESSED_CP1252, /* "auto", and the file is not UTF-8 */
	CK_CSV_ENCODING_LOOKS_UTF8      /* a single-byte encoding was given for
					   a file that is valid UTF-8 with
					   letters beyond ASCII: it would
					   garble them ("SÃ¸ren") */
};

/* The note on the encoding of an open CSV file. */
enum ck_csv_encoding_note ck_csv_encoding_note(const ck_csv *csv);

/* From now on, messages name a column by its header (once the header
 * row is read and when its name is not empty), not by its number. */
void ck_csv_name_columns(ck_csv *csv);

/* The separator a header of COUNT names read with DELIMITER was likely
 * written with: ';' for a header read with ',' as one name holding ';'
 * (and ',' the other way round), else '\0'. */
char ck_csv_delimiter_hint(char *const *header, size_t count, char delimiter);

/* ---------------------------------------------------------------------
 * Changing programs (run.c): the input, output and end of a run of a
 * program that passes records through and changes the selected ones,
 * to standard output or in place (-i FILE).
 */

/* The options every changing program takes, for its option table:
 * IN_PLACE_COMMANDS are the subcommands that take -i and --dry-run (NULL
 * for all). */
#define CK_RUN_OPTIONS(in_place_commands) \
	{ "in-place", 'i', true, (in_place_commands) }, \
	{ "dry-run", 0, false, (in_place_commands) }, \
	{ "keep-going", 0, false, NULL }, \
	{ "max-record", 0, true, NULL }, \
	{ "today", 0, true, NULL }, \
	{ "rules", 0, true, NULL }, \
	{ "case", 0, true, NULL }, \
	{ "match", 0, true, NULL }, \
	{ "all", 0, false, NULL }

/* ck_run_start: -i needs no --case, --match or --all (the subcommand
 * selects by itself, as purge does). */
#define CK_RUN_SELF_SELECTING 1u
/* ck_run_start: an option names an element inside a case (--actor,
 * --item, --to, --responsible, --actors): a second selected case is an
 * error (exit 2; with -i the store is left as it was). */
#define CK_RUN_ONE_CASE 2u
/* ck_run_start: closed cases may be selected (reopen, purge); otherwise
 * they never are, and one named by --case is reported (status 1). */
#define CK_RUN_CLOSED_TOO 4u

typedef struct ck_run ck_run;

/* Starts a run from the options of CK_RUN_OPTIONS: T, --max-record, the
 * rule sets (--rules and the search path, checked before any record is
 * read), the selection, and the input and output: with -i FILE the store
 * FILE, locked, rewritten through a temporary file; else the input files
 * or standard input, and standard output. Usage errors exit 2. The
 * caller owns the run (ck_run_finish frees it). */
ck_run *ck_run_start(const ck_args *args, unsigned flags);

/* The rule sets of the run. Borrowed. */
const ck_rulebook *ck_run_rules(const ck_run *run);

/* The selection of the run. Borrowed. */
ck_selection *ck_run_selection(ck_run *run);

/* The store of a run with -i, or NULL. Borrowed. */
ck_store *ck_run_store(ck_run *run);

/* The next record, or NULL at the end of the input or at the first bad
 * record. A record is parsed and validated (its pathway naming a rule
 * set) unless the selection by --case alone shows that it cannot be
 * selected: then it passes through unparsed. A bad record is reported;
 * with --keep-going it is written as read and the next one returned,
 * else the run stops (status 2). The caller owns the record and hands it
 * to ck_run_write. */
ck_record *ck_run_next(ck_run *run);

/* True when the record is selected (always false for a record passed
 * through unparsed, and for a closed case unless CK_RUN_CLOSED_TOO). A
 * regex error is reported and ends the run with status 2. */
bool ck_run_selected(ck_run *run, ck_record *record);

/* Writes the record (see ck_write), counts it when it was changed, and
 * frees it. */
void ck_run_write(ck_run *run, ck_record *record);

/* Takes a selected record the program found bad input (reported by the
 * program: file, line, field): with --keep-going it is written as it was
 * read (the program must not have marked it changed) and counted, so
 * that the run ends with status 2 and -i still replaces the store; else
 * the program ends now with status 2, an in-place store untouched (and
 * said so). Frees the record. */
void ck_run_reject(ck_run *run, ck_record *record);

/* Drops a record the program removes from the stream (purge, a filter
 * that leaves a case out): it is not written, and with -i its id stays
 * retired in the store's high-water marks. Frees the record. */
void ck_run_drop(ck_run *run, ck_record *record);

/* Reports a record whose pathway names no rule set (bad input). */
void ck_record_report_pathway(const ck_record *record);

/* The --max-record of the run. */
size_t ck_run_max_record(const ck_run *run);

/* How many records were changed so far, and how many were selected. */
size_t ck_run_changed_count(const ck_run *run);
size_t ck_run_selected_count(const ck_run *run);

/* Ends the run, with STATUS the program's own (0, or 1 for something
 * found): every --case that matched nothing is named (status 1); with -i
 * the store is replaced only when the run went well (status 0 or 1, no
 * --case unmatched, the input read whole), or with --keep-going despite
 * bad records (then status 2), never with --dry-run, which instead says
 * how many records would change. Frees the run and returns the exit
 * status. */
int ck_run_finish(ck_run *run, int status);


/* ---------------------------------------------------------------------
 * The knowledge directory (directory.c)
 */

/* A knowledge directory (DK 1.1): entries naming where knowledge on a
 * condition is, each with a PCRE2 pattern over diagnosis codes and
 * labels. Its patterns keep match data: not for several threads. */
typedef struct ck_directory ck_directory;

/* One entry: its texts (NULL where left out; borrowed from the
 * directory) and the row (CSV) or line (JSON lines) it was read from. */
typedef struct ck_directory_entry {
	const char *pattern;
	const char *name;
	const char *org;
	const char *kind;
	const char *contact;
	const char *region;
	const char *audience;      /* "professional", "family" or "both" */
	const char *country;       /* "DK", "SE", or NULL: any */
	unsigned long line;
} ck_directory_entry;

/* True when PATH names a JSON-lines directory: it ends in ".jsonl",
 * ".ndjson" or ".json" (any case); any other name is read as CSV. */
bool ck_directory_is_json(const char *path);

/* Loads the directory at PATH ("-": standard input) and compiles every
 * pattern: CSV (DELIMITER, ENCODING as ck_csv_open takes them; a header
 * naming the columns pattern, name, org, kind, contact, region, audience,
 * country in any order) or JSON lines (objects with those keys); pattern,
 * name and audience are required, country is DK or SE when given. NULL on bad input, with *LINE the row or
 * line (0: the whole file) and P the field and what is wrong (a broken
 * pattern: field "pattern", PCRE2's message). The caller owns it. */
ck_directory *ck_directory_load(const char *path, char delimiter,
				const char *encoding, unsigned long *line,
				ck_problem *p);

/* Frees a directory; NULL is fine. */
void ck_directory_free(ck_directory *dir);

/* How many entries the directory has, and the I-th (NULL past the end;
 * borrowed). */
size_t ck_directory_count(const ck_directory *dir);
const ck_directory_entry *ck_directory_entry_at(const ck_directory *dir, size_t i);

/* Whether entry I's pattern matches any of RECORD's diagnosis.codes or
 * its diagnosis.label (unanchored): 1, 0, or -1 on a match error such as
 * the match limit (ERR then names the entry's file and row). */
int ck_directory_match(ck_directory *dir, size_t i, const json_t *record,
		       char *err, size_t errsize);

/* The suggestions for RECORD: a new array of objects {name, org, kind,
 * contact, region, audience} (casekit(5)'s order, absent texts left out),
 * one per matching entry of the case's country (ck_case_country) or of
 * none, in the directory's order, identical ones once; an empty array
 * when none matches; NULL on a match error (ERR). */
json_t *ck_directory_suggest(ck_directory *dir, const json_t *record,
			     char *err, size_t errsize);

/* ---------------------------------------------------------------------
 * Everyone around the family (actors.c)
 *
 * case-actors' operations, each through a change. True when the case is
 * as the operation asks (changed, or already so: then nothing is set and
 * the commit adds no event); false with P filled when it is bad input
 * for the case, and the caller abandons the change.
 */

/* Adds ACTOR (borrowed; without an id) as the case's next actor (a1,
 * a2, … never reused). The event names its id and its members. */
bool ck_actor_add(ck_change *change, const json_t *actor, ck_problem *p);

/* Ends the actor ID on UNTIL (a date string, borrowed): it stays in the
 * case with its until; ending it again moves the date. *WAS_COORDINATOR
 * is true when it changed an actor that is the coordinator. */
bool ck_actor_end(ck_change *change, const char *id, const json_t *until,
		  bool *was_coordinator, ck_problem *p);

/* Makes the actor ID the case's one coordinator (DK 1.5): it must be
 * active on TODAY, and municipal when SET's coordinator rules say so.
 * The flag goes from every other active actor (the event's "previous");
 * an ended actor keeps it as history. */
bool ck_actor_set_coordinator(ck_change *change, const char *id, const ck_ruleset *set,
			      ck_date today, ck_problem *p);

/* Records CONSENT (borrowed; without an id) as the next consent (c1,
 * …): its recipients must be actors of the case; the same consent
 * recorded again is there once. */
bool ck_consent_add(ck_change *change, const json_t *consent, ck_problem *p);

/* Records that the consent ID was withdrawn on WITHDRAWN (a date
 * string, borrowed): not a refused one, nor before it was given. */
bool ck_consent_withdraw(ck_change *change, const char *id, const json_t *withdrawn,
			 ck_problem *p);

/* Sets the case's suggestions to what DIR says of its diagnosis today,
 * removing them when nothing matches (P names "diagnosis" on a match
 * error). */
bool ck_case_suggest(ck_change *change, ck_directory *dir, ck_problem *p);

/* Who takes over in a reassign: name, contact and the day (since),
 * each a string value, borrowed. */
typedef struct ck_successor {
	const json_t *name, *contact, *date;
} ck_successor;

/* Every actor of the case active on TODAY whose contact is FROM (ASCII
 * case ignored) ends on TO's date, and a successor with its place takes
 * over unless the case has one; *MATCHED counts such actors. The event
 * names who "ended" and who was "added". */
bool ck_actors_reassign(ck_change *change, const char *from, const ck_successor *to,
			ck_date today, size_t *matched, ck_problem *p);

/* The columns of case-actors list, and their names in CSV and JSON. */
enum {
	CK_ACTOR_CASE, CK_ACTOR_REF, CK_ACTOR_ID, CK_ACTOR_ROLE, CK_ACTOR_NAME,
	CK_ACTOR_ORG, CK_ACTOR_SECTOR, CK_ACTOR_ACTIVE, CK_ACTOR_COORDINATOR,
	CK_ACTOR_CONSENT, CK_ACTOR_COLUMNS
};
extern const char *const ck_actor_columns[CK_ACTOR_COLUMNS];

/* One row of the list: the texts (NULL when absent; the active and
 * coordinator cells are the flags), never the child's name or
 * diagnosis. */
typedef struct ck_actor_row {
	const char *cells[CK_ACTOR_COLUMNS];
	bool active, coordinator;
	char place[32];           /* "#2" for an actor without an id */
} ck_actor_row;

/* The row of the case's actor number I (from 0) on TODAY; the texts are
 * borrowed from RECORD and ROW. */
void ck_actor_row_fill(const json_t *record, size_t i, ck_date today, ck_actor_row *row);

/* The row as a JSON object (list --format json): each column by its
 * name, absent texts left out, active and coordinator true or false.
 * New reference. */
json_t *ck_actor_row_json(const ck_actor_row *row);

/* ---------------------------------------------------------------------
 * Transitions (transitions.c)
 */

/* How many transitions casekit plans by default from the birth date
 * (daycare, kindergarten, school, youth-education and adult), and the
 * most a set may plan (planned_transitions). */
#define CK_TRANSITIONS_STANDARD 5
#define CK_TRANSITIONS_MAX 16

/* A standard transition as a rule set plans it for one child. */
typedef struct ck_transition_plan {
	const char *kind;        /* "daycare", "preschool-class", …; borrowed
				    from the set, or static */
	ck_date due;
	ck_date prepare_from;    /* never after due */
} ck_transition_plan;

/* The parameter of KIND with SUFFIX ("_age", "_lead", "_prepare_age")
 * into OUT (SIZE bytes): the kind with '-' as '_' ("youth-education",
 * "_lead": "youth_education_lead"), cut to fit. */
void ck_transition_param_name(const char *kind, const char *suffix, char *out, size_t size);

/* The transitions SET plans (ck_ruleset_planned; NULL: casekit's
 * defaults) for a child born BORN, into OUT in order of due (ties in the
 * set's order); returns how many. Each is due at BORN + its kind's _age
 * when that is a duration, or on 1 August of the year the child turns
 * _age when it is whole years (school, youth-education; förskoleklass);
 * prepare_from is BORN + the kind's _prepare_age when the set has one
 * (adult: Barnets lov §§ 122-123), else due minus its _lead, and at most
 * due. The entries after the last have kind NULL. */
size_t ck_transitions_standard(const ck_ruleset *set, ck_date born,
			       ck_transition_plan out[CK_TRANSITIONS_MAX]);

/* The prepare_from SET gives a transition of KIND due on DUE: due minus
 * the kind's _lead, or, with a _prepare_age and a duration _age, minus
 * their difference (adult: adult_age - adult_prepare_age); at most due.
 * False for kinds without either (own-home, job, most of a set's own). */
bool ck_transition_prepare_from(const ck_ruleset *set, const char *kind,
				ck_date due, ck_date *out);

/* A new transition {kind, due, prepare_from (when not NULL), status
 * "planned"}, members in casekit(5)'s order. New reference. */
json_t *ck_transition_new(const char *kind, ck_date due, const ck_date *prepare_from);

/* Adds to RECORD the transitions its set plans (ck_transitions_standard) it
 * lacks, by kind, that are due after TODAY, status "planned", in order of
 * due. Returns a new array of the kinds added (empty: RECORD unchanged),
 * or NULL when child.born is missing or not a date (P filled). */
json_t *ck_transitions_plan(json_t *record, const ck_ruleset *set, ck_date today,
			    ck_problem *p);

/* case-transition's subcommands as operations on a change (change.c):
 * each true when done, false with P filled when the case does not allow
 * it (no transition of KIND, an actor the case lacks, a kind the set
 * does not know, a date out of order). A DATE NULL means "not given":
 * a date member then becomes TODAY only where it is absent. On success
 * P is cleared, or holds a notice to show as a warning (start of a
 * transition already done, left as it was; plan of a case without
 * child.born, left unplanned). The event names KIND, or for plan the
 * kinds added. */
bool ck_transition_plan_case(ck_change *change, const ck_ruleset *set, ck_date today,
			     ck_problem *p);
bool ck_transition_add(ck_change *change, const ck_ruleset *set, const char *kind,
		       ck_date due, const ck_date *prepare_from, ck_problem *p);
bool ck_transition_start(ck_change *change, const char *kind, const ck_date *date,
			 ck_date today, ck_problem *p);
bool ck_transition_complete(ck_change *change, const char *kind, const ck_date *date,
			    ck_date today, ck_problem *p);
bool ck_transition_decisions_ready(ck_change *change, const char *kind, const ck_date *date,
				   ck_date today, ck_problem *p);
/* The handover to the actor TO, with ITEMS (a list, copied) or NULL. */
bool ck_transition_handover(ck_change *change, const char *kind, const char *to,
			    const json_t *items, const ck_date *date, ck_date today,
			    ck_problem *p);

/* The transition of KIND in RECORD, or NULL; *INDEX (when not NULL) gets
 * its 0-based place (messages name it transitions[#INDEX+1]). Borrowed. */
json_t *ck_transition_find(const json_t *record, const char *kind, size_t *index);

/* A date member of a transition ("due", "prepare_from", "started", …)
 * into *OUT; false when it is absent or not a date. */
bool ck_transition_date(const json_t *transition, const char *member, ck_date *out);

/* True when the transition's status is "done". */
bool ck_transition_done(const json_t *transition);

/* True when the transition is not done and its prepare_from or due falls
 * in [TODAY, TODAY + WITHIN], or its due has passed (case-transition
 * upcoming). */
bool ck_transition_upcoming(const json_t *transition, ck_date today,
			    ck_duration within);

/* True when RECORD is an open case with a transition that
 * ck_transition_upcoming takes. */
bool ck_case_transition_upcoming(const json_t *record, ck_date today,
				 ck_duration within);

/* The month a transition not done is due in, counted from TODAY's
 * calendar month as 0 (case-report's transitions per month); -1 when it
 * is done, has no due, or its due is before TODAY. */
long ck_transition_due_month(const json_t *transition, ck_date today);

/* ---------------------------------------------------------------------
 * Summaries (summary.c, summary-texts.c, summary-format.c): one case told
 * to the one who needs it. See case-summary(1).
 */

/* Whom a summary is for. */
typedef enum ck_summary_reader {
	CK_SUMMARY_FAMILY,      /* the child's parents, or the young person */
	CK_SUMMARY_SUCCESSOR,   /* the next caseworker, or adult services at 18 */
	CK_SUMMARY_RECIPIENT    /* one actor of the case, within a consent */
} ck_summary_reader;

/* The --for names: "family", "successor", "recipient"; NULL for another
 * value. */
const char *ck_summary_reader_name(ck_summary_reader reader);

/* The reader named TEXT, or -1. */
int ck_summary_reader_parse(const char *text);


/* The language of a summary of RECORD for READER: OPTION (--lang) when it
 * is "da", "sv" or "en"; for the family, else the first
 * family[].interpreter that is one of those; else ck_language(). *UNMET
 * (when not NULL) is set when the family has an interpreter language
 * that is none of them. A static string. */
const char *ck_summary_language(const json_t *record, ck_summary_reader reader,
				const char *option, bool *unmet);

/* The consent that lets a summary of RECORD be given to ACTOR (an element
 * of its actors) on TODAY: the latest consent naming the actor
 * (ck_actor_latest_consent), given on or before TODAY, not withdrawn on
 * or before TODAY, its last day (ck_consent_last_day) not before TODAY;
 * and the actor receives data and has not ended. NULL otherwise, with
 * *WHY (when not NULL) a static English message naming no value, for
 * ck_gettext. Borrowed from the record. */
const json_t *ck_summary_consent(const json_t *record, const json_t *actor, ck_date today,
				 const char **why);

/* What a summary is asked to be. */
typedef struct ck_summary_request {
	ck_summary_reader reader;
	const char *actor;          /* the recipient (required), or the successor
				       (may be NULL); an actor id of the case */
	const char *lang;           /* "da", "sv" or "en" */
	ck_date today;
	const ck_ruleset *set;      /* the case's set: the rules' titles */
	ck_judge *judge;            /* judges the case for the dates ahead and the
				       open findings; NULL: the record's checklist */
} ck_summary_request;

/* The summary of RECORD (a valid open case) for REQUEST, as a new object
 * {"format": "casekit-summary/1", "for", "actor", "id", "as_of", "lang",
 * "country", "parts", …}: for the family, its coordinator, who is who,
 * what is decided, what happens next, offers, knowledge for families and
 * its rights, never an identity number, diagnosis, rule or finding; for
 * a successor the whole case, with consents, open findings and a short
 * history; for a recipient who is who and only the parts its consent
 * (ck_summary_consent) lists in its scope. NULL with P filled (no value
 * in it) when the actor is not in the case, when a recipient has no such
 * consent, or when the judge failed. */
json_t *ck_summary_new(const json_t *record, const ck_summary_request *request,
		       ck_problem *p);

/* Appends to RECORD the event that logs SUMMARY as a disclosure: op
 * "summary", with "for", "actor", "consent" and "parts" (never a value).
 * False, and nothing appended, for a family summary: the family is told
 * its own case. */
bool ck_summary_log(json_t *record, const json_t *summary);

/* Writes SUMMARY as text, wrapped at 76 characters, control characters
 * of its values as spaces. False on a write error. */
bool ck_summary_write_text(FILE *out, const json_t *summary);

/* Writes an HTML page of summaries: its head (the language and title of
 * FIRST, the style; no script, nothing fetched), then each summary as
 * one article, then the end. It reads on a phone and prints on A4, a
 * summary to a page. False on a write error. */
bool ck_summary_write_html_begin(FILE *out, const json_t *first);
bool ck_summary_write_html(FILE *out, const json_t *summary);
bool ck_summary_write_html_end(FILE *out);

/* A text of the summaries in LANG ("da", "sv", else English) by its KEY
 * ("heading.rights", "role.school"); NULL for an unknown key. Static. */
const char *ck_summary_text(const char *key, const char *lang);

/* The I-th (0-based) value of GROUP that the summaries have a text for
 * ("role": the roles of casekit(5) that rules and reports know;
 * "meeting", "offer", "transition": the kinds), or NULL past the last.
 * Static. */
const char *ck_summary_group_value(const char *group, size_t i);

/* The text of VALUE of a closed set GROUP ("outcome", "granted"), as
 * ck_summary_text of "GROUP.VALUE", else VALUE itself (a local role or
 * kind). NULL for a NULL VALUE. */
const char *ck_summary_value_text(const char *group, const char *value, const char *lang);

/* What the family calls ROLE ("The school", "Skolen"), else ROLE. */
const char *ck_summary_role_text(const char *role, const char *lang);

/* The support a decision under PARAGRAPH gives, in plain words in LANG,
 * into OUT (SIZE bytes): BL § 32, §§ 46, 47, 86, 87, the older SEL
 * paragraphs, LSS 9 § and SoL by their content, any other by its law
 * ("En afgørelse efter barnets lov § 114"). False, OUT "", when
 * ck_paragraph_normal cannot read PARAGRAPH. */
bool ck_summary_paragraph_text(const char *paragraph, const char *lang, char *out,
			       size_t size);

/* How many fixed texts of the family's rights COUNTRY ("DK", "SE") has,
 * and the INDEX-th: its title and text in LANG (static). False past the
 * end. */
size_t ck_summary_rights_count(const char *country);
bool ck_summary_right(const char *country, size_t index, const char *lang,
		      const char **title, const char **text);

#ifdef __cplusplus
}
#endif

#endif /* CASEKIT_H */
