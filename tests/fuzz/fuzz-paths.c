/* SPDX-License-Identifier: MPL-2.0 */
/* fuzz-paths.c — the first line a path (also tried as a duration, a
 * date, a CPR number and a --match), the rest a JSON document it is
 * evaluated on. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ck_init("fuzz-paths");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t len = nl != NULL ? (size_t)(nl - data) : size;
	char *text = malloc(len + 1), err[CK_MESSAGE_MAX];
	ck_values values = { NULL, 0, 0 };
	ck_duration duration;
	ck_date date;
	ck_path *path;
	json_t *doc = NULL;

	if (text == NULL)
		return 0;
	memcpy(text, data, len);
	text[len] = '\0';
	(void)ck_duration_parse(text, &duration);
	(void)ck_date_parse(text, &date);
	(void)ck_date_parse_lenient(text, &date);
	(void)ck_cpr_parse(text, &date, NULL);
	(void)ck_path_split_assignment(text);
	path = ck_path_compile(text, err, sizeof err);
	if (nl != NULL)
		doc = json_loadb((const char *)nl + 1, size - len - 1, JSON_DECODE_ANY, NULL);
	if (path != NULL && doc != NULL) {
		size_t i;
		char buf[CK_VALUE_TEXT_SIZE];
		size_t n;

		ck_path_eval(path, doc, doc, &values);
		for (i = 0; i < values.count; i++)
			(void)ck_value_text(values.items[i], buf, &n);
	}
	ck_values_free(&values);
	ck_path_free(path);
	json_decref(doc);
	free(text);
	return 0;
}
