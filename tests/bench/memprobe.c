/* memprobe.c - preloaded into a program by make bench, it reads the
   program's own peak resident set (VmHWM, /proc/self/status) and private
   memory (Private_Dirty, /proc/self/smaps_rollup) when the program exits,
   and appends "VMHWM_KIB PRIVATE_KIB" to the file $WTISD_MEMPROBE.  The
   figures are the measured process's own, at its exit: a parent's view
   (ru_maxrss of a child it spawned) can include the parent's pages.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The value in kB of the line starting with KEY in the file PATH, or -1.
   stdio-free reads: stdout may be closed by now.  */
static long
proc_field (const char *path, const char *key)
{
  char text[8192];
  int fd = open (path, O_RDONLY);
  ssize_t length = fd < 0 ? -1 : read (fd, text, sizeof text - 1);
  const char *line;

  if (fd >= 0)
    close (fd);
  if (length <= 0)
    return -1;
  text[length] = '\0';
  for (line = text; line != NULL && *line != '\0';
       line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    if (strncmp (line, key, strlen (key)) == 0)
      return strtol (line + strlen (key), NULL, 10);
  return -1;
}

__attribute__ ((destructor)) static void
memprobe_report (void)
{
  const char *path = getenv ("WTISD_MEMPROBE");
  char line[64];
  int fd, length;

  if (path == NULL)
    return;
  length = snprintf (line, sizeof line, "%ld %ld\n",
                     proc_field ("/proc/self/status", "VmHWM:"),
                     proc_field ("/proc/self/smaps_rollup", "Private_Dirty:"));
  fd = open (path, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (fd >= 0)
    {
      if (write (fd, line, (size_t)length) != length)
        line[0] = '\0';
      close (fd);
    }
}
