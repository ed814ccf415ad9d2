/* SPDX-License-Identifier: MPL-2.0 */
/* municipalities.c — the names of municipalities, by the codes records
 * hold ("0101", "SE-0180"), so that a report per municipality reads
 * "København" and "Stockholm" rather than four digits.
 *
 * The shipped table (data/municipalities.csv, installed in pkgdatadir)
 * holds every Danish kommune and every Swedish kommun, its source named
 * in the file; a site may name its own in casekit.conf(5). The table is
 * a CSV file: a header "code,name", then a row per municipality, and
 * rows whose first cell starts with '#' are comments. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct ck_municipalities {
	json_t *names;          /* {code: name} */
};

/* True when the row is a comment. */
static bool
comment_row(char **fields, size_t count)
{
	return count > 0 && fields[0][0] == '#';
}

ck_municipalities *
ck_municipalities_read(const char *path)
{
	char err[CK_MESSAGE_MAX], **fields;
	ck_csv *csv = ck_csv_open(path, ',', NULL, err, sizeof err);
	ck_municipalities *table;
	unsigned long row = 0;
	bool header = false, good = true;
	size_t count;
	int got;

	if (csv == NULL) {
		ck_error_at(path, 0, NULL, "%s", err);
		return NULL;
	}
	table = xcalloc(1, sizeof *table);
	table->names = json_object();
	oom_unless(table->names != NULL);
	while (good && (got = ck_csv_next(csv, &fields, &count, &row, err, sizeof err)) > 0) {
		if (comment_row(fields, count))
			continue;
		if (!header) {
			if (count < 2 || strcmp(fields[0], "code") != 0 ||
			    strcmp(fields[1], "name") != 0) {
				ck_error_at(path, row, NULL,
					    _("not the header of a table of municipalities "
					      "(code,name)"));
				good = false;
			}
			header = true;
			continue;
		}
		if (count < 2 || fields[0][0] == '\0' || fields[1][0] == '\0') {
			ck_error_at(path, row, count < 1 || fields[0][0] == '\0' ? "code" : "name",
				    _("empty"));
			good = false;
		} else if (json_object_get(table->names, fields[0]) != NULL) {
			ck_error_at(path, row, "code", _("given twice"));
			good = false;
		} else {
			oom_unless(json_object_set_new(table->names, fields[0],
						       json_string(fields[1])) == 0);
		}
	}
	if (good && got < 0) {
		ck_error_at(path, row, NULL, "%s", err);
		good = false;
	}
	if (good && !header) {
		ck_error_at(path, 1, NULL, _("empty: not a table of municipalities"));
		good = false;
	}
	ck_csv_close(csv);
	if (!good) {
		ck_municipalities_free(table);
		return NULL;
	}
	return table;
}

char *
ck_municipalities_path(bool *site)
{
	const char *own = ck_settings_get()->municipalities;

	*site = own != NULL;
	if (own != NULL)
		return xstrdup(own);
	if (running_uninstalled())
		return xstrdup(CK_SOURCE_DIR "/data/municipalities.csv");
	return xstrdup(PKGDATADIR "/municipalities.csv");
}

void
ck_municipalities_free(ck_municipalities *table)
{
	if (table == NULL)
		return;
	json_decref(table->names);
	free(table);
}

const char *
ck_municipalities_name(const ck_municipalities *table, const char *code)
{
	if (table == NULL || code == NULL)
		return NULL;
	return json_string_value(json_object_get(table->names, code));
}
