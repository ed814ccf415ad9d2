/* SPDX-License-Identifier: MPL-2.0 */
/* i18n.h — message translation for libcasekit and the programs (not
 * installed). Every message a user reads is marked with _() or N_(). */
#ifndef CK_I18N_H
#define CK_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(msgid) dgettext(PACKAGE, msgid)
#define P_(singular, plural, n) dngettext(PACKAGE, singular, plural, n)
#else
#define _(msgid) (msgid)
#define P_(singular, plural, n) ((n) == 1 ? (singular) : (plural))
#endif
/* Marks a string for translation where it is defined; translate with _()
 * where it is used. */
#define N_(msgid) msgid

#endif
