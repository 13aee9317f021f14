/* hostile.h - locale directories that each hold a damaged or hostile
   French catalog beside a sound Russian one.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_HOSTILE_H
#define WTISD_HOSTILE_H

/* Creates, under BASE, one locale directory per kind of damage, built
   from the sound catalogs in SOURCE (a locale directory with fr and ru).
   Returns the number of directories made, their names in NAMES (static
   strings), or -1 on failure.  The last one, "byte-swapped", holds a
   sound catalog written in the other byte order.  */
int hostile_make (const char *base, const char *source, const char **names,
                  int max);

#endif /* WTISD_HOSTILE_H */
