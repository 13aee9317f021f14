/* bench.c - what each lookup and conversion costs, measured side by side
   in one process against its baseline (raw dcgettext, raw ICU, a static
   array), and what wtisd-message costs against a minimal program.
   Baseline and candidate are timed in interleaved pairs, alternating
   which goes first, and each figure is the median over the pairs (the
   ratio: the median of the pairs' ratios), so that a machine shared with
   other work shifts both sides of a pair alike.  Prints figures; asserts
   nothing.  Run by "make bench".
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <fcntl.h>
#include <libintl.h>
#include <locale.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <unicode/uenum.h>
#include <unicode/uidna.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#ifdef HAVE_LIBIDN2
#include <idn2.h>
#endif

#include <wtisd.h>

#define PAIRS 21
#define PROGRAM_PAIRS 61
#define MEMORY_RUNS 11
#define RUN_NS 2e6 /* Each timed run lasts about this long.  */

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

static double
run_ns (bench_fn *fn, long iterations)
{
  double start = now_ns ();

  fn (iterations);
  return (now_ns () - start) / (double)iterations;
}

/* How many iterations of FN take about RUN_NS; warms FN on the way.  */
static long
calibrate (bench_fn *fn)
{
  long n = 1;
  double ns;

  while ((ns = run_ns (fn, n) * (double)n) < RUN_NS / 8 && n < (1L << 30))
    n *= 2;
  return n * (long)(RUN_NS / (ns > 1 ? ns : 1)) > 0
             ? n * (long)(RUN_NS / (ns > 1 ? ns : 1))
             : 1;
}

struct paired
{
  double base, candidate; /* ns per call, medians */
  double ratio;           /* median of candidate/base over the pairs */
};

/* BASE and CANDIDATE timed in PAIRS interleaved pairs.  */
static struct paired
time_pairs (bench_fn *base, bench_fn *candidate)
{
  double b[PAIRS], c[PAIRS], r[PAIRS];
  long n = calibrate (base);
  struct paired result;
  int p;

  candidate (n / 10 + 1); /* Warm: first uses, caches, page faults.  */
  for (p = 0; p < PAIRS; p++)
    {
      if (p % 2 == 0)
        b[p] = run_ns (base, n), c[p] = run_ns (candidate, n);
      else
        c[p] = run_ns (candidate, n), b[p] = run_ns (base, n);
      r[p] = c[p] / b[p];
    }
  result.base = median (b, PAIRS);
  result.candidate = median (c, PAIRS);
  result.ratio = median (r, PAIRS);
  return result;
}

/* FN alone: ns per call, median of PAIRS runs.  */
static double
time_alone (bench_fn *fn)
{
  double samples[PAIRS];
  long n = calibrate (fn);
  int p;

  for (p = 0; p < PAIRS; p++)
    samples[p] = run_ns (fn, n);
  return median (samples, PAIRS);
}

static void
table_head (const char *title)
{
  printf ("\n### %s\n\n", title);
  printf ("| what | baseline | libwtisd | ratio | target |\n");
  printf ("|---|---:|---:|---:|---|\n");
}

static void
pair_row (const char *what, struct paired p, const char *target)
{
  printf ("| %s | %.1f ns | %.1f ns | %.2f× | %s |\n", what, p.base,
          p.candidate, p.ratio, target);
}

/* ------------------------------------------------------------------ */
/* Lookups, on paragraph 3 in French.  */

static const char *paragraph_msgid;
static const char *const floor_table[8]
    = { "a", "b", "c", "d", "e", "f", "g", "h" };

static void
bench_dcgettext (long n)
{
  for (long i = 0; i < n; i++)
    sink = dcgettext (PACKAGE, paragraph_msgid, LC_MESSAGES);
}

static void
bench_text (long n)
{
  for (long i = 0; i < n; i++)
    sink = wtisd_text (WTISD_PARAGRAPH_3);
}

static void
bench_text_in (long n)
{
  for (long i = 0; i < n; i++)
    sink = wtisd_text_in ("fr", WTISD_PARAGRAPH_3);
}

static void
bench_static_array (long n)
{
  for (long i = 0; i < n; i++)
    sink = floor_table[(i + sink_int) & 7];
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

/* Calls per microsecond of FN, ITERATIONS on each of THREADS threads
   together, in one run.  */
static double
run_threads (bench_fn *fn, long iterations, int threads)
{
  pthread_t ids[8];
  pthread_barrier_t start;
  struct thread_job job = { fn, iterations, &start };
  double begin, calls_per_us;

  pthread_barrier_init (&start, NULL, (unsigned)threads + 1);
  for (int t = 0; t < threads; t++)
    pthread_create (&ids[t], NULL, thread_run, &job);
  begin = now_ns ();
  pthread_barrier_wait (&start);
  for (int t = 0; t < threads; t++)
    pthread_join (ids[t], NULL);
  calls_per_us = (double)iterations * threads / (now_ns () - begin) * 1e3;
  pthread_barrier_destroy (&start);
  return calls_per_us;
}

/* FN's calls per µs on one thread and on two, in PAIRS interleaved
   pairs that alternate which goes first, as time_pairs does: medians,
   and the median of the pairs' ratios.  */
struct scaling
{
  double one, two, ratio;
};

static struct scaling
throughput (bench_fn *fn, long iterations)
{
  double one[PAIRS], two[PAIRS], ratio[PAIRS];
  struct scaling result;

  fn (iterations / 10);
  for (int r = 0; r < PAIRS; r++)
    {
      if (r % 2 == 0)
        one[r] = run_threads (fn, iterations, 1),
        two[r] = run_threads (fn, iterations, 2);
      else
        two[r] = run_threads (fn, iterations, 2),
        one[r] = run_threads (fn, iterations, 1);
      ratio[r] = two[r] / one[r];
    }
  result.one = median (one, PAIRS);
  result.two = median (two, PAIRS);
  result.ratio = median (ratio, PAIRS);
  return result;
}

static void
lookups_report (void)
{
  struct scaling text = throughput (bench_text, 1000000);
  struct scaling in = throughput (bench_text_in, 2000000);

  table_head ("Lookups of paragraph 3 in French (baseline: raw dcgettext)");
  pair_row ("wtisd_text", time_pairs (bench_dcgettext, bench_text), "≤ 1.2×");
  pair_row ("wtisd_text_in (\"fr\"), steady state",
            time_pairs (bench_dcgettext, bench_text_in), "≤ 0.2×");
  pair_row ("static array read (floor)",
            time_pairs (bench_dcgettext, bench_static_array), "");
  printf ("\nTwo threads, calls per µs of both together: wtisd_text %.1f "
          "(one thread: %.1f, %.2f×); wtisd_text_in %.1f (one thread: %.1f, "
          "%.2f×; target ≥ 1.8×).\n",
          text.two, text.one, text.ratio, in.two, in.one, in.ratio);
}

/* ------------------------------------------------------------------ */
/* Negotiation: raw ICU parses the same header and matches it against the
   same catalogs.  */

static const char *header;
static UEnumeration *available;
static void
bench_icu_accept (long n)
{
  char result[ULOC_FULLNAME_CAPACITY];

  for (long i = 0; i < n; i++)
    {
      UErrorCode code = U_ZERO_ERROR;
      UAcceptResult outcome;

      uenum_reset (available, &code);
      sink_int = uloc_acceptLanguageFromHTTP (result, sizeof result, &outcome,
                                              header, available, &code);
    }
}

static void
bench_negotiate (long n)
{
  for (long i = 0; i < n; i++)
    sink = wtisd_negotiate (header);
}

/* What a server does per request: pick the language, then look up the
   eight texts of the message in it.  */
static void
bench_request (long n)
{
  for (long i = 0; i < n; i++)
    {
      const char *lang = wtisd_negotiate (header);

      for (int id = 0; id < WTISD_TEXT_COUNT; id++)
        sink = wtisd_text_in (lang, (wtisd_text_id)id);
    }
}

/* The catalogs as ICU locale IDs, in an enumeration ICU can reset.  */
static void
available_open (void)
{
  static const char *ids[64];
  const char *const *languages = wtisd_languages ();
  UErrorCode code = U_ZERO_ERROR;
  int count = 0;

  while (languages[count] != NULL && count < 64)
    ids[count] = languages[count], count++;
  available = uenum_openCharStringsEnumeration (ids, count, &code);
}

static void
negotiation_report (void)
{
  static const char *const headers[][2] = {
    { "5 ranges", "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5" },
    { "10 ranges", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7,fr-FR;q=0.6,"
                   "fr;q=0.5,es;q=0.4,it;q=0.3,ru;q=0.2,zh-CN;q=0.1" },
  };

  available_open ();
  table_head ("Accept-Language (baseline: raw ICU uloc_acceptLanguageFromHTTP "
              "on the same header and catalogs)");
  for (size_t h = 0; h < 2; h++)
    {
      char what[96];

      header = headers[h][1];
      snprintf (what, sizeof what, "wtisd_negotiate, %s → %s", headers[h][0],
                wtisd_negotiate (header));
      pair_row (what, time_pairs (bench_icu_accept, bench_negotiate),
                "≤ 0.5×");
    }
  for (size_t h = 0; h < 2; h++)
    {
      header = headers[h][1];
      printf ("| a server's request (negotiate + 8 wtisd_text_in), %s | | "
              "%.1f ns | | ≤ 1500 ns |\n",
              headers[h][0], time_alone (bench_request));
    }
  uenum_close (available);
}

/* ------------------------------------------------------------------ */
/* Normalization: raw ICU converts to UTF-16, normalizes, converts back,
   into buffers as large as the library's.  */

static char *norm_in, *norm_out;
static UChar *norm_utf16_in, *norm_utf16_out;
static size_t norm_capacity; /* bytes of norm_out, UChars of the others */

static void
bench_icu_normalize (long n)
{
  const UNormalizer2 *nfc;
  UErrorCode code = U_ZERO_ERROR;

  nfc = unorm2_getNFCInstance (&code);
  for (long i = 0; i < n; i++)
    {
      int32_t length;

      code = U_ZERO_ERROR;
      u_strFromUTF8 (norm_utf16_in, (int32_t)norm_capacity, &length, norm_in,
                     -1, &code);
      length = unorm2_normalize (nfc, norm_utf16_in, length, norm_utf16_out,
                                 (int32_t)norm_capacity, &code);
      u_strToUTF8 (norm_out, (int32_t)norm_capacity, &length, norm_utf16_out,
                   length, &code);
      sink_int = U_SUCCESS (code) ? length : -1;
    }
}

static void
bench_normalize (long n)
{
  for (long i = 0; i < n; i++)
    sink_int = wtisd_normalize (norm_in, WTISD_NFC, norm_out, norm_capacity);
}

/* NORM_IN: UNIT repeated up to SIZE bytes, cut before a character.  */
static void
norm_fill (const char *unit, size_t size)
{
  size_t length = strlen (unit), used;

  for (used = 0; used < size; used++)
    norm_in[used] = unit[used % length];
  while (used > 0 && ((unsigned char)unit[used % length] & 0xc0) == 0x80)
    used--;
  norm_in[used] = '\0';
}

static void
normalization_report (const char *nfc_paragraph)
{
  static const size_t sizes[] = { 100, 1000, 10000, 100000, 1000000 };
  char *nfd_paragraph = malloc (3 * strlen (nfc_paragraph) + 1);

  norm_capacity = 4 * sizes[4] + 16;
  norm_in = malloc (sizes[4] + 1);
  norm_out = malloc (norm_capacity);
  norm_utf16_in = malloc (norm_capacity * sizeof (UChar));
  norm_utf16_out = malloc (norm_capacity * sizeof (UChar));
  wtisd_normalize (nfc_paragraph, WTISD_NFD, nfd_paragraph,
                   3 * strlen (nfc_paragraph) + 1);
  table_head ("NFC of French text (baseline: raw ICU, u_strFromUTF8 + "
              "unorm2_normalize + u_strToUTF8)");
  for (int form = 0; form < 2; form++)
    for (size_t s = 0; s < 5; s++)
      {
        char what[64];

        norm_fill (form == 0 ? nfc_paragraph : nfd_paragraph, sizes[s]);
        snprintf (what, sizeof what, "wtisd_normalize, %s text, %zu B",
                  form == 0 ? "NFC" : "NFD", strlen (norm_in));
        pair_row (what, time_pairs (bench_icu_normalize, bench_normalize),
                  "≤ 1.15×");
      }
  /* Vietnamese in NFD stacks two marks on a letter (ệ is e, dot below,
     circumflex): the library's own composition (simple_nfc) does not
     apply, and ICU does all of it.  */
  {
    const char *vietnamese = wtisd_text_in ("vi", WTISD_PARAGRAPH_3);
    char *nfd = malloc (3 * strlen (vietnamese) + 1);

    wtisd_normalize (vietnamese, WTISD_NFD, nfd, 3 * strlen (vietnamese) + 1);
    for (size_t s = 1; s < 4; s += 2)
      {
        char what[96];

        norm_fill (nfd, sizes[s]);
        snprintf (what, sizeof what,
                  "wtisd_normalize, Vietnamese NFD text, %zu B (ICU's path)",
                  strlen (norm_in));
        pair_row (what, time_pairs (bench_icu_normalize, bench_normalize), "");
      }
    free (nfd);
  }
  free (nfd_paragraph);
}

/* ------------------------------------------------------------------ */
/* Domain names: raw ICU with the library's options, into a buffer of the
   same size.  */

static UIDNA *raw_idna;
static const char *domain;
static char domain_out[1024];

typedef int32_t icu_idna_function (const UIDNA *, const char *, int32_t,
                                   char *, int32_t, UIDNAInfo *, UErrorCode *);

static void
icu_domain_loop (icu_idna_function *convert, long n)
{
  for (long i = 0; i < n; i++)
    {
      UIDNAInfo info = UIDNA_INFO_INITIALIZER;
      UErrorCode code = U_ZERO_ERROR;

      sink_int = convert (raw_idna, domain, -1, domain_out, sizeof domain_out,
                          &info, &code);
    }
}

static void
wtisd_domain_loop (int (*convert) (const char *, char *, size_t), long n)
{
  for (long i = 0; i < n; i++)
    sink_int = convert (domain, domain_out, sizeof domain_out);
}

static void
bench_icu_to_ascii (long n)
{
  icu_domain_loop (uidna_nameToASCII_UTF8, n);
}

static void
bench_icu_to_unicode (long n)
{
  icu_domain_loop (uidna_nameToUnicodeUTF8, n);
}

static void
bench_to_ascii (long n)
{
  wtisd_domain_loop (wtisd_domain_to_ascii, n);
}

static void
bench_to_unicode (long n)
{
  wtisd_domain_loop (wtisd_domain_to_unicode, n);
}

#ifdef HAVE_LIBIDN2
static void
bench_idn2_to_ascii (long n)
{
  for (long i = 0; i < n; i++)
    {
      char *out = NULL;

      sink_int = idn2_to_ascii_8z (domain, &out, IDN2_NONTRANSITIONAL);
      free (out);
    }
}
#endif

/* A name of 255 bytes: four labels of 63.  Too long for DNS (toASCII
   refuses it, after converting it), fine for toUnicode.  */
static char name_255[256];

/* The same in Cyrillic: four labels of the letter б, as many as a label
   of 63 bytes holds in its ASCII form, which goes to ICU whole.  */
static char idn_255_ascii[256], idn_255_unicode[1024];

static void
idn_255_make (void)
{
  char label[256] = "", ace[256];
  size_t letters = 0;
  int length;

  do
    strcat (label, "б"), letters++;
  while ((length = wtisd_domain_to_ascii (label, ace, sizeof ace)) > 0
         && length <= 63);
  label[(letters - 1) * 2] = '\0'; /* б is 2 bytes of UTF-8.  */
  wtisd_domain_to_ascii (label, ace, sizeof ace);
  for (int l = 0; l < 4; l++)
    {
      strcat (idn_255_unicode, label);
      strcat (idn_255_ascii, ace);
      if (l < 3)
        strcat (idn_255_unicode, "."), strcat (idn_255_ascii, ".");
    }
}

/* The slowest of a few calls of CONVERT on NAME, in milliseconds.  */
static double
hostile_ms (int (*convert) (const char *, char *, size_t), const char *name)
{
  double worst = 0;

  for (int r = 0; r < 5; r++)
    {
      double start = now_ns (), ms;

      sink_int = convert (name, domain_out, sizeof domain_out);
      ms = (now_ns () - start) / 1e6;
      worst = ms > worst ? ms : worst;
    }
  return worst;
}

static int
display (const char *name, char *out, size_t size)
{
  return wtisd_domain_display (name, out, size);
}

static void
hostile_report (void)
{
  const size_t size = 1024 * 1024;
  char *marks = malloc (size + 1), *labels = malloc (size + 1);
  double worst = 0;
  size_t i;

  marks[0] = 'a';
  for (i = 1; i + 9 <= size; i += 9)
    memcpy (marks + i, "\xe0\xbd\xb1\xe0\xbd\xb2\xe0\xbd\xb4", 9);
  marks[i] = '\0';
  for (i = 0; i < size; i++)
    labels[i] = i % 2 ? '.' : 'a';
  labels[size - 1] = '\0';
  int (*const functions[]) (const char *, char *, size_t)
      = { wtisd_domain_to_ascii, wtisd_domain_to_unicode, display };
  for (int f = 0; f < 3; f++)
    {
      double a = hostile_ms (functions[f], marks);
      double b = hostile_ms (functions[f], labels);

      worst = a > worst ? a : worst;
      worst = b > worst ? b : worst;
    }
  printf ("| any of the three on 1 MB (combining marks, or 512 K labels), "
          "slowest call | | %.3f ms | | ≤ 20 ms |\n",
          worst);
  free (marks);
  free (labels);
}

static void
domains_report (void)
{
  static const char *const ascii_names[][2] = {
    { "ASCII host", "www.example.com" },
    { "IDN host", "xn--b1akbcqh2a7i.xn--90ais" },
    { "255-byte name", name_255 },
    { "255-byte IDN name", idn_255_ascii },
  };
  static const char *const unicode_names[][2] = {
    { "ASCII host", "www.example.com" },
    { "IDN host", "минсвязи.бел" },
    { "255-byte name", name_255 },
    { "255-byte IDN name", idn_255_unicode },
  };

  idn_255_make ();
  for (int l = 0; l < 4; l++)
    {
      memset (name_255 + 64 * l, 'a' + l, 63);
      name_255[64 * l + 63] = l < 3 ? '.' : '\0';
    }
  table_head ("Domain names (baseline: raw ICU with the same UTS #46 options, "
              "same buffer)");
  for (int k = 0; k < 4; k++)
    {
      char what[96];

      domain = unicode_names[k][1];
      snprintf (what, sizeof what, "wtisd_domain_to_ascii, %s",
                unicode_names[k][0]);
      pair_row (what, time_pairs (bench_icu_to_ascii, bench_to_ascii),
                "≤ 1.15×");
      domain = ascii_names[k][1];
      snprintf (what, sizeof what, "wtisd_domain_to_unicode, %s",
                ascii_names[k][0]);
      pair_row (what, time_pairs (bench_icu_to_unicode, bench_to_unicode),
                "≤ 1.15×");
    }
#ifdef HAVE_LIBIDN2
  domain = unicode_names[1][1];
  pair_row ("libidn2 idn2_to_ascii_8z, IDN host (for comparison)",
            time_pairs (bench_icu_to_ascii, bench_idn2_to_ascii), "");
#endif
  hostile_report ();
}

/* ------------------------------------------------------------------ */
/* The programs: fork and exec, output to /dev/null.  */

/* Runs ARGV once, with ENVIRONMENT added; returns its wall time in ms.  */
static double
program_run (char *const argv[], char *environment)
{
  double start;
  int status, null;
  pid_t pid;

  fflush (stdout); /* Or the child would write the report's buffer too.  */
  start = now_ns ();
  pid = fork ();
  if (pid == 0)
    {
      null = open ("/dev/null", O_WRONLY);
      if (null < 0 || dup2 (null, STDOUT_FILENO) < 0
          || (environment != NULL && putenv (environment) != 0))
        _exit (127);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || waitpid (pid, &status, 0) != pid || !WIFEXITED (status)
      || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "bench: %s failed\n", argv[0]);
      exit (EXIT_FAILURE);
    }
  return (now_ns () - start) / 1e6;
}

/* Medians of the memory the program reports at exit (memprobe.c).  */
static void
program_memory (char *const argv[], const char *probe, double *hwm_kib,
                double *private_kib)
{
  char path[] = "/tmp/wtisd-bench-memXXXXXX", preload[4200], setting[4200];
  double hwm[MEMORY_RUNS], private[MEMORY_RUNS];
  int fd = mkstemp (path), r;
  FILE *report;

  close (fd);
  snprintf (setting, sizeof setting, "WTISD_MEMPROBE=%s", path);
  putenv (setting);
  snprintf (preload, sizeof preload, "LD_PRELOAD=%s", probe);
  for (r = 0; r < MEMORY_RUNS; r++)
    program_run (argv, preload);
  report = fopen (path, "r");
  for (r = 0; report != NULL && r < MEMORY_RUNS; r++)
    if (fscanf (report, "%lf %lf", &hwm[r], &private[r]) != 2)
      break;
  if (report != NULL)
    fclose (report);
  unlink (path);
  unsetenv ("WTISD_MEMPROBE");
  if (r < MEMORY_RUNS)
    {
      fprintf (stderr, "bench: no memory report from %s\n", argv[0]);
      exit (EXIT_FAILURE);
    }
  *hwm_kib = median (hwm, MEMORY_RUNS);
  *private_kib = median (private, MEMORY_RUNS);
}

static void
programs_report (char *message_program, char *baseline_program,
                 const char *probe)
{
  char *message_argv[] = { message_program, NULL };
  char *baseline_argv[] = { baseline_program, NULL };
  double b[PROGRAM_PAIRS], m[PROGRAM_PAIRS], r[PROGRAM_PAIRS];
  double base_hwm, base_private, message_hwm, message_private;

  program_run (baseline_argv, NULL);
  program_run (message_argv, NULL);
  for (int p = 0; p < PROGRAM_PAIRS; p++)
    {
      if (p % 2 == 0)
        b[p] = program_run (baseline_argv, NULL),
        m[p] = program_run (message_argv, NULL);
      else
        m[p] = program_run (message_argv, NULL),
        b[p] = program_run (baseline_argv, NULL);
      r[p] = m[p] / b[p];
    }
  program_memory (baseline_argv, probe, &base_hwm, &base_private);
  program_memory (message_argv, probe, &message_hwm, &message_private);
  printf ("\n### The whole message, start to exit (baseline: a minimal "
          "program, raw dcgettext)\n\n");
  printf ("| what | baseline | wtisd-message | ratio or difference | target "
          "|\n|---|---:|---:|---:|---|\n");
  printf ("| wall time, %d interleaved pairs | %.2f ms | %.2f ms | %.2f× | "
          "≤ 1.2× |\n",
          PROGRAM_PAIRS, median (b, PROGRAM_PAIRS), median (m, PROGRAM_PAIRS),
          median (r, PROGRAM_PAIRS));
  printf ("| peak resident memory at exit (VmHWM) | %.0f KiB | %.0f KiB | "
          "%+.0f KiB | |\n",
          base_hwm, message_hwm, message_hwm - base_hwm);
  printf ("| private memory at exit (Private_Dirty) | %.0f KiB | %.0f KiB | "
          "%+.0f KiB | ≤ +256 KiB |\n",
          base_private, message_private, message_private - base_private);
}

/* A directory of COUNT copies of the French catalog of LOCALEDIR, under
   made-up names (qaa, qab, ..., then baa, ...).  */
static char *
catalog_copies (const char *localedir, int count)
{
  char *dir = strdup ("/tmp/wtisd-bench-XXXXXX"), path[4096], *data;
  size_t size;
  FILE *file;

  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES/libwtisd.mo", localedir);
  if (mkdtemp (dir) == NULL || (file = fopen (path, "rb")) == NULL)
    exit (1);
  data = malloc (1 << 20);
  size = fread (data, 1, 1 << 20, file);
  fclose (file);
  for (int i = 0; i < count; i++)
    {
      int j = i < 520 ? i : i - 520;
      char name[4] = { (char)(i < 520 ? 'q' : 'b' + j / 676),
                       (char)('a' + j / 26 % 26), (char)('a' + j % 26), 0 };

      snprintf (path, sizeof path, "%s/%s", dir, name);
      mkdir (path, 0700);
      snprintf (path, sizeof path, "%s/%s/LC_MESSAGES", dir, name);
      mkdir (path, 0700);
      snprintf (path, sizeof path, "%s/%s/LC_MESSAGES/libwtisd.mo", dir, name);
      if ((file = fopen (path, "wb")) == NULL
          || fwrite (data, 1, size, file) != size || fclose (file) != 0)
        exit (1);
    }
  free (data);
  return dir;
}

/* The first wtisd_negotiate of a fresh process over the catalogs of DIR,
   as the median of 9 processes: its time in ms and the heap it grows,
   in *MS and *HEAP.  */
static void
first_negotiate (const char *dir, double *ms, double *heap)
{
  double times[9], heaps[9];

  for (int run = 0; run < 9; run++)
    {
      int fds[2];
      double result[2];
      pid_t child;

      if (pipe (fds) != 0 || (child = fork ()) < 0)
        exit (1);
      if (child == 0)
        {
          struct timespec t0, t1;
          size_t before = mallinfo2 ().uordblks;

          clock_gettime (CLOCK_MONOTONIC, &t0);
          wtisd_set_localedir (dir);
          wtisd_negotiate ("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5");
          clock_gettime (CLOCK_MONOTONIC, &t1);
          result[0] = (double)(t1.tv_sec - t0.tv_sec) * 1e3
                      + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
          result[1] = (double)(mallinfo2 ().uordblks - before);
          _exit (write (fds[1], result, sizeof result) == sizeof result ? 0
                                                                        : 1);
        }
      close (fds[1]);
      if (read (fds[0], result, sizeof result) != sizeof result)
        exit (1);
      close (fds[0]);
      waitpid (child, NULL, 0);
      times[run] = result[0];
      heaps[run] = result[1];
    }
  *ms = median (times, 9);
  *heap = median (heaps, 9);
}

/* Run before the process uses the library: each figure is a fresh
   process's, ICU's data loading included.  */
static void
first_use_report (void)
{
  const char *localedir = getenv ("WTISD_LOCALEDIR");
  int counts[] = { 35, 350 };
  double ms, heap, small_ms = 0, small_heap = 0;

  printf ("\n### First use: the first wtisd_negotiate of a process (median "
          "of 9 processes; the heap it grew, from mallinfo2)\n\n");
  printf ("| catalogs | time | heap | target |\n|---|---:|---:|---|\n");
  first_negotiate (localedir, &ms, &heap);
  printf ("| the shipped ones | %.3f ms | %.0f KiB | ≤ 1 ms |\n", ms,
          heap / 1024);
  for (int k = 0; k < 2; k++)
    {
      char *dir = catalog_copies (localedir, counts[k]), command[4200];

      first_negotiate (dir, &ms, &heap);
      printf ("| %d copies of one | %.3f ms | %.0f KiB | |\n", counts[k], ms,
              heap / 1024);
      if (k == 0)
        small_ms = ms, small_heap = heap;
      else
        printf ("| 350 against 35 | %.1f× | %.1f× | linear: ≈ 10× |\n",
                ms / small_ms, heap / small_heap);
      snprintf (command, sizeof command, "rm -rf '%s'", dir);
      if (system (command) != 0)
        exit (1);
      free (dir);
    }
}

int
main (int argc, char **argv)
{
  UErrorCode code = U_ZERO_ERROR;
  const char *nfc_paragraph;

  if (argc != 4)
    {
      fprintf (stderr,
               "usage: bench WTISD-MESSAGE BASELINE-PROGRAM MEMPROBE.so\n");
      return 2;
    }
  first_use_report ();
  /* French through gettext, as a user would select it.  The library
     reads its catalogs itself; the baseline, raw dcgettext, reads the
     same ones once bound here.  */
  setlocale (LC_ALL, "C.UTF-8");
  setenv ("LANGUAGE", "fr", 1);
  bindtextdomain (PACKAGE, getenv ("WTISD_LOCALEDIR"));
  bind_textdomain_codeset (PACKAGE, "UTF-8");
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
  negotiation_report ();
  normalization_report (nfc_paragraph);
  domains_report ();
  programs_report (argv[1], argv[2], argv[3]);
  uidna_close (raw_idna);
  return 0;
}
