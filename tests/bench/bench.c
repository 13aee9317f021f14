/* bench.c - what each lookup and conversion costs, measured side by side
   in one process against the baselines: raw dcgettext, a static array,
   raw ICU, libidn2; and wtisd-message against a minimal program.  Prints
   medians of repeated runs and the ratios the targets are stated in.
   Not a test: run by "make bench".
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include <unicode/uidna.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#ifdef HAVE_LIBIDN2
#include <idn2.h>
#endif

#include <wtisd.h>

#define REPEATS 15
#define PROGRAM_RUNS 61

extern char **environ;

/* Where results go so the compiler keeps the calls: one per thread, as a
   shared one would bounce between the cores and measure that instead.  */
static _Thread_local const char *volatile sink;
static _Thread_local volatile int sink_int;

typedef void bench_fn (long iterations);

static double
now_ns (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int
double_compare (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values, int count)
{
  qsort (values, (size_t)count, sizeof *values, double_compare);
  return values[count / 2];
}

/* Nanoseconds per call of FN: the median of REPEATS timed runs.  */
static double
time_per_call (bench_fn *fn, long iterations)
{
  double samples[REPEATS];
  int r;

  fn (iterations / 10); /* Warm: first uses, caches, page faults.  */
  for (r = 0; r < REPEATS; r++)
    {
      double start = now_ns ();

      fn (iterations);
      samples[r] = (now_ns () - start) / (double)iterations;
    }
  return median (samples, REPEATS);
}

struct thread_job
{
  bench_fn *fn;
  long iterations;
  pthread_barrier_t *start;
};

static void *
thread_run (void *arg)
{
  struct thread_job *job = arg;

  pthread_barrier_wait (job->start);
  job->fn (job->iterations);
  return NULL;
}

/* Calls per microsecond of FN on THREADS threads together (the median
   of REPEATS runs).  */
static double
throughput (bench_fn *fn, long iterations, int threads)
{
  double samples[REPEATS];
  int r, t;

  fn (iterations / 10);
  for (r = 0; r < REPEATS; r++)
    {
      pthread_t ids[8];
      pthread_barrier_t start;
      struct thread_job job = { fn, iterations, &start };
      double begin;

      pthread_barrier_init (&start, NULL, (unsigned)threads + 1);
      for (t = 0; t < threads; t++)
        pthread_create (&ids[t], NULL, thread_run, &job);
      begin = now_ns ();
      pthread_barrier_wait (&start);
      for (t = 0; t < threads; t++)
        pthread_join (ids[t], NULL);
      samples[r] = (double)iterations * threads / (now_ns () - begin) * 1e3;
      pthread_barrier_destroy (&start);
    }
  return median (samples, REPEATS);
}

/* The lookups, on paragraph 3 in French.  */
static const char *paragraph_msgid;
static const char *const floor_table[8]
    = { "a", "b", "c", "d", "e", "f", "g", "h" };

static void
bench_dcgettext (long n)
{
  long i;

  for (i = 0; i < n; i++)
    sink = dcgettext (PACKAGE, paragraph_msgid, LC_MESSAGES);
}

static void
bench_text (long n)
{
  long i;

  for (i = 0; i < n; i++)
    sink = wtisd_text (WTISD_PARAGRAPH_3);
}

static void
bench_text_in (long n)
{
  long i;

  for (i = 0; i < n; i++)
    sink = wtisd_text_in ("fr", WTISD_PARAGRAPH_3);
}

static void
bench_static_array (long n)
{
  long i;

  for (i = 0; i < n; i++)
    sink = floor_table[(i + sink_int) & 7];
}

/* Domain names: the source site's, both ways.  */
#define DOMAIN_UNICODE "минсвязи.бел"
#define DOMAIN_ASCII "xn--b1akbcqh2a7i.xn--90ais"

static UIDNA *raw_idna;
static char domain_out[256];

/* The same loop for each side, so that only the call differs.  */
static void
wtisd_domain_loop (int (*convert) (const char *, char *, size_t),
                   const char *name, long n)
{
  long i;

  for (i = 0; i < n; i++)
    sink_int = convert (name, domain_out, sizeof domain_out);
}

typedef int32_t icu_idna_function (const UIDNA *, const char *, int32_t,
                                   char *, int32_t, UIDNAInfo *, UErrorCode *);

/* Raw ICU with the library's options, into a buffer of the same size.  */
static void
icu_domain_loop (icu_idna_function *convert, const char *name, long n)
{
  long i;

  for (i = 0; i < n; i++)
    {
      UIDNAInfo info = UIDNA_INFO_INITIALIZER;
      UErrorCode code = U_ZERO_ERROR;

      sink_int = convert (raw_idna, name, -1, domain_out, sizeof domain_out,
                          &info, &code);
    }
}

static void
bench_to_ascii (long n)
{
  wtisd_domain_loop (wtisd_domain_to_ascii, DOMAIN_UNICODE, n);
}

static void
bench_to_unicode (long n)
{
  wtisd_domain_loop (wtisd_domain_to_unicode, DOMAIN_ASCII, n);
}

static void
bench_icu_to_ascii (long n)
{
  icu_domain_loop (uidna_nameToASCII_UTF8, DOMAIN_UNICODE, n);
}

static void
bench_icu_to_unicode (long n)
{
  icu_domain_loop (uidna_nameToUnicodeUTF8, DOMAIN_ASCII, n);
}

#ifdef HAVE_LIBIDN2
/* libidn2's API allocates its result.  */
static void
idn2_domain_loop (int (*convert) (const char *, char **, int),
                  const char *name, int flags, long n)
{
  long i;

  for (i = 0; i < n; i++)
    {
      char *out = NULL;

      sink_int = convert (name, &out, flags);
      free (out);
    }
}

static void
bench_idn2_to_ascii (long n)
{
  idn2_domain_loop (idn2_to_ascii_8z, DOMAIN_UNICODE, IDN2_NONTRANSITIONAL, n);
}

static void
bench_idn2_to_unicode (long n)
{
  idn2_domain_loop (idn2_to_unicode_8z8z, DOMAIN_ASCII, 0, n);
}
#endif

/* NFC of a paragraph that is already NFC.  */
static const char *nfc_paragraph;
static char normalize_out[4096];

static void
bench_normalize (long n)
{
  long i;

  for (i = 0; i < n; i++)
    sink_int = wtisd_normalize (nfc_paragraph, WTISD_NFC, normalize_out,
                                sizeof normalize_out);
}

/* Raw ICU: UTF-8 to UTF-16, normalize, back to UTF-8.  */
static void
bench_icu_normalize (long n)
{
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&code);
  UChar in[2048], out[2048];
  long i;

  for (i = 0; i < n; i++)
    {
      int32_t length;

      code = U_ZERO_ERROR;
      u_strFromUTF8 (in, 2048, &length, nfc_paragraph, -1, &code);
      length = unorm2_normalize (nfc, in, length, out, 2048, &code);
      u_strToUTF8 (normalize_out, sizeof normalize_out, NULL, out, length,
                   &code);
    }
}

struct program_cost
{
  double milliseconds; /* Median wall time, start to exit.  */
  long peak_kib;       /* Largest peak resident set of the runs.  */
};

/* Runs ARGV PROGRAM_RUNS times, its output to /dev/null.  */
static struct program_cost
program_measure (char *const argv[])
{
  struct program_cost cost = { 0, 0 };
  double samples[PROGRAM_RUNS];
  posix_spawn_file_actions_t actions;
  int r;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, 1, "/dev/null", 1, 0);
  for (r = 0; r < PROGRAM_RUNS; r++)
    {
      struct rusage usage;
      double start = now_ns ();
      pid_t pid;
      int status;

      if (posix_spawn (&pid, argv[0], &actions, NULL, argv, environ) != 0
          || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status)
          || WEXITSTATUS (status) != 0)
        {
          fprintf (stderr, "bench: %s failed\n", argv[0]);
          exit (EXIT_FAILURE);
        }
      samples[r] = (now_ns () - start) / 1e6;
      if (usage.ru_maxrss > cost.peak_kib)
        cost.peak_kib = usage.ru_maxrss;
    }
  posix_spawn_file_actions_destroy (&actions);
  cost.milliseconds = median (samples, PROGRAM_RUNS);
  return cost;
}

static void
row (const char *what, double value, const char *unit, double baseline,
     const char *target)
{
  printf ("| %-44s | %10.1f %-6s |", what, value, unit);
  if (baseline > 0)
    printf (" %6.2f× | %s |\n", value / baseline, target);
  else
    printf ("        | %s |\n", target);
}

static void
lookups_report (void)
{
  const long n = 2000000;
  double raw = time_per_call (bench_dcgettext, n);
  double text = time_per_call (bench_text, n);
  double text_in = time_per_call (bench_text_in, n);
  double floor = time_per_call (bench_static_array, n);
  double raw1 = throughput (bench_dcgettext, n / 2, 1);
  double raw2 = throughput (bench_dcgettext, n / 2, 2);
  double text1 = throughput (bench_text, n / 2, 1);
  double text2 = throughput (bench_text, n / 2, 2);
  double in1 = throughput (bench_text_in, n, 1);
  double in2 = throughput (bench_text_in, n, 2);

  printf ("\n### Lookups of paragraph 3 in French (ns per call; ratio to raw "
          "dcgettext)\n\n");
  printf ("| what | time | ratio | target |\n|---|---:|---:|---|\n");
  row ("raw dcgettext (baseline)", raw, "ns", raw, "");
  row ("wtisd_text", text, "ns", raw, "≤ 1.2×");
  row ("wtisd_text_in (\"fr\"), steady state", text_in, "ns", raw, "≤ 0.2×");
  row ("static array read (floor)", floor, "ns", raw, "");
  printf ("\n### Two threads (calls per µs, both together; ratio to one "
          "thread)\n\n");
  printf ("| what | throughput | ratio | target |\n|---|---:|---:|---|\n");
  row ("raw dcgettext, 1 thread", raw1, "/µs", 0, "");
  row ("raw dcgettext, 2 threads", raw2, "/µs", raw1, "");
  row ("wtisd_text, 1 thread", text1, "/µs", 0, "");
  row ("wtisd_text, 2 threads", text2, "/µs", text1, "");
  row ("wtisd_text_in, 1 thread", in1, "/µs", 0, "");
  row ("wtisd_text_in, 2 threads", in2, "/µs", in1, "≥ 1.8×");
}

static void
conversions_report (void)
{
  const long n = 200000;
  double icu_ascii = time_per_call (bench_icu_to_ascii, n);
  double icu_unicode = time_per_call (bench_icu_to_unicode, n);
  double icu_nfc = time_per_call (bench_icu_normalize, n);

  printf ("\n### Conversions (ns per call; ratio to raw ICU)\n\n");
  printf ("| what | time | ratio | target |\n|---|---:|---:|---|\n");
  row ("raw ICU uidna_nameToASCII_UTF8 (baseline)", icu_ascii, "ns", icu_ascii,
       "");
  row ("wtisd_domain_to_ascii", time_per_call (bench_to_ascii, n), "ns",
       icu_ascii, "≤ 1.2×");
#ifdef HAVE_LIBIDN2
  row ("libidn2 idn2_to_ascii_8z", time_per_call (bench_idn2_to_ascii, n),
       "ns", icu_ascii, "");
#endif
  row ("raw ICU uidna_nameToUnicodeUTF8 (baseline)", icu_unicode, "ns",
       icu_unicode, "");
  row ("wtisd_domain_to_unicode", time_per_call (bench_to_unicode, n), "ns",
       icu_unicode, "≤ 1.2×");
#ifdef HAVE_LIBIDN2
  row ("libidn2 idn2_to_unicode_8z8z",
       time_per_call (bench_idn2_to_unicode, n), "ns", icu_unicode, "");
#endif
  row ("raw ICU NFC of an NFC paragraph (baseline)", icu_nfc, "ns", icu_nfc,
       "");
  row ("wtisd_normalize NFC of the same", time_per_call (bench_normalize, n),
       "ns", icu_nfc, "≤ 1.2×");
}

static void
programs_report (char *message_program, char *baseline_program)
{
  char *message_argv[] = { message_program, NULL };
  char *baseline_argv[] = { baseline_program, NULL };
  struct program_cost baseline = program_measure (baseline_argv);
  struct program_cost message = program_measure (message_argv);

  printf ("\n### The whole message, start to exit (median of %d runs; peak "
          "resident memory)\n\n",
          PROGRAM_RUNS);
  printf ("| what | value | ratio | target |\n|---|---:|---:|---|\n");
  row ("minimal program, raw dcgettext (baseline)", baseline.milliseconds,
       "ms", baseline.milliseconds, "");
  row ("wtisd-message", message.milliseconds, "ms", baseline.milliseconds,
       "≤ 1.3×");
  row ("minimal program, peak memory", (double)baseline.peak_kib, "KiB", 0,
       "");
  row ("wtisd-message, peak memory", (double)message.peak_kib, "KiB", 0, "");
  row ("wtisd-message, extra memory",
       (double)(message.peak_kib - baseline.peak_kib), "KiB", 0, "≤ 1024 KiB");
}

int
main (int argc, char **argv)
{
  UErrorCode code = U_ZERO_ERROR;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench WTISD-MESSAGE BASELINE-PROGRAM\n");
      return 2;
    }
  /* French through gettext, as a user would select it.  */
  setlocale (LC_ALL, "C.UTF-8");
  setenv ("LANGUAGE", "fr", 1);
  paragraph_msgid = wtisd_text_in ("en", WTISD_PARAGRAPH_3);
  nfc_paragraph = wtisd_text_in ("fr", WTISD_PARAGRAPH_3);
  if (strcmp (wtisd_text (WTISD_PARAGRAPH_3), nfc_paragraph) != 0
      || dcgettext (PACKAGE, paragraph_msgid, LC_MESSAGES) == paragraph_msgid)
    {
      fprintf (stderr, "bench: no French catalog (WTISD_LOCALEDIR?)\n");
      return 1;
    }
  raw_idna = uidna_openUTS46 (
      UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE
          | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_USE_STD3_RULES,
      &code);
  printf ("## libwtisd %s benchmarks\n", wtisd_check_version (NULL));
  lookups_report ();
  conversions_report ();
  programs_report (argv[1], argv[2]);
  uidna_close (raw_idna);
  return 0;
}
