/* directory.c */
#include <config.h>

#include "casekit.h"
