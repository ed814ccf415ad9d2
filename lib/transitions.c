/* transitions.c */
#include <config.h>

#include "casekit.h"
