/* normalize.c - Unicode normalization with ICU, and the NFC guarantee on
   every text the library returns.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>

#include "internal.h"

/* ICU's normalizer instances are its own cached singletons, safe to
   share between threads; NULL for a form outside the enum.  */
static const UNormalizer2 *
normalizer_get (wtisd_normalization form, UErrorCode *code)
{
  switch (form)
    {
    case WTISD_NFC:
      return unorm2_getNFCInstance (code);
    case WTISD_NFD:
      return unorm2_getNFDInstance (code);
    case WTISD_NFKC:
      return unorm2_getNFKCInstance (code);
    case WTISD_NFKD:
      return unorm2_getNFKDInstance (code);
    }
  return NULL;
}

/* Normalizes TEXT (UTF-16) with NORMALIZER and writes the UTF-8 result
   per the buffer protocol.  */
static int
normalize_utf16 (const UNormalizer2 *normalizer,
                 const struct utf16_buffer *text, char *out, size_t outsize)
{
  UErrorCode code = U_ZERO_ERROR;
  UChar *result;
  int32_t length;
  int status;

  length = unorm2_normalize (normalizer, text->chars, text->length, NULL, 0,
                             &code);
  if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
    return status_from_icu (code);
  result = malloc (((size_t)length + 1) * sizeof *result);
  if (result == NULL)
    return WTISD_ENOMEM;
  code = U_ZERO_ERROR;
  length = unorm2_normalize (normalizer, text->chars, text->length, result,
                             length + 1, &code);
  status = U_FAILURE (code) ? status_from_icu (code)
                            : result_from_utf16 (result, length, out, outsize);
  free (result);
  return status;
}

/* wtisd_normalize but for clearing OUT on errors.  */
static int
normalize_to_buffer (const char *utf8, wtisd_normalization form, char *out,
                     size_t outsize)
{
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer;
  struct utf16_buffer text;
  size_t length;
  int status;

  if (buffer_arguments_check (utf8, out, outsize) != WTISD_OK)
    return WTISD_EINVAL;
  normalizer = normalizer_get (form, &code);
  if (normalizer == NULL)
    return U_FAILURE (code) ? status_from_icu (code) : WTISD_EINVAL;
  length = strlen (utf8);
  /* ASCII is unchanged by all four forms.  */
  if (utf8_is_ascii (utf8, length))
    return result_from_utf8 (utf8, length, out, outsize);
  /* ICU's conversion refuses ill-formed UTF-8 of every kind (overlong
     forms, surrogates, truncated sequences) with WTISD_EUTF8: no separate
     validation pass.  */
  status = utf16_from_utf8 (&text, utf8, length);
  if (status != WTISD_OK)
    return status;
  /* Already normalized (the common case): hand back the input itself.  */
  if (unorm2_spanQuickCheckYes (normalizer, text.chars, text.length, &code)
          == text.length
      && U_SUCCESS (code))
    status = result_from_utf8 (utf8, length, out, outsize);
  else if (U_FAILURE (code))
    status = status_from_icu (code);
  else
    status = normalize_utf16 (normalizer, &text, out, outsize);
  utf16_buffer_free (&text);
  return status;
}

int
wtisd_normalize (const char *utf8, wtisd_normalization form, char *out,
                 size_t outsize)
{
  return result_checked (normalize_to_buffer (utf8, form, out, outsize), out,
                         outsize);
}

/* The NFC guarantee.  Catalog strings are nearly always NFC already, and
   gettext returns the same pointer for the same string, so each pointer
   is checked once and the verdict remembered: a lock-free hash table
   from the pointer gettext returned to the pointer to return (itself, or
   a normalized copy kept for the life of the process).  Entries are
   only added, under a lock; a key is published after its value.  */
#define NFC_SLOTS 4096

struct nfc_slot
{
  _Atomic (const char *) key;
  const char *value;
};

static struct nfc_slot nfc_slots[NFC_SLOTS];
static pthread_mutex_t nfc_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t
nfc_hash (const char *key)
{
  uintptr_t h = (uintptr_t)key;

  h ^= h >> 17;
  h *= (uintptr_t)0x9e3779b97f4a7c15u;
  return (size_t)(h >> 7) % NFC_SLOTS;
}

/* Returns the slot for KEY, or the empty slot where it would go, or NULL
   when the table is full.  */
static struct nfc_slot *
nfc_find (const char *key)
{
  size_t i, start = nfc_hash (key);

  for (i = 0; i < NFC_SLOTS; i++)
    {
      struct nfc_slot *slot = &nfc_slots[(start + i) % NFC_SLOTS];
      const char *found
          = atomic_load_explicit (&slot->key, memory_order_acquire);

      if (found == key || found == NULL)
        return slot;
    }
  return NULL;
}

/* Whether TEXT is certainly NFC, by ICU's quick check.  */
static int
nfc_quick_yes (const char *text, size_t length)
{
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&code);
  struct utf16_buffer utf16;
  int yes;

  if (utf8_is_ascii (text, length))
    return 1;
  if (U_FAILURE (code) || utf16_from_utf8 (&utf16, text, length) != WTISD_OK)
    return 0;
  yes = unorm2_spanQuickCheckYes (nfc, utf16.chars, utf16.length, &code)
            == utf16.length
        && U_SUCCESS (code);
  utf16_buffer_free (&utf16);
  return yes;
}

/* TEXT in NFC: TEXT itself, a fresh normalized copy, or NULL when out of
   memory.  Ill-formed UTF-8 from a catalog is passed through untouched:
   there is nothing sound to normalize it to.  */
static const char *
nfc_compute (const char *text)
{
  size_t length = strlen (text);
  int needed;
  char *copy;

  if (nfc_quick_yes (text, length))
    return text;
  needed = wtisd_normalize (text, WTISD_NFC, NULL, 0);
  if (needed < 0)
    return needed == WTISD_ENOMEM ? NULL : text;
  copy = malloc ((size_t)needed + 1);
  if (copy != NULL)
    wtisd_normalize (text, WTISD_NFC, copy, (size_t)needed + 1);
  return copy;
}

/* Past NFC_SLOTS distinct strings, further ones are remembered here.  */
struct nfc_overflow
{
  struct nfc_overflow *next;
  const char *key;
  const char *value;
};

static struct nfc_overflow *nfc_overflow_list;

/* Called with nfc_lock held.  */
static const char *
nfc_overflow_get (const char *text)
{
  struct nfc_overflow *entry;

  for (entry = nfc_overflow_list; entry != NULL; entry = entry->next)
    if (entry->key == text)
      return entry->value;
  entry = malloc (sizeof *entry);
  if (entry == NULL)
    return NULL;
  entry->value = nfc_compute (text);
  if (entry->value == NULL)
    {
      free (entry);
      return NULL;
    }
  entry->key = text;
  entry->next = nfc_overflow_list;
  nfc_overflow_list = entry;
  return entry->value;
}

const char *
text_nfc (const char *text)
{
  struct nfc_slot *slot = nfc_find (text);
  const char *value;

  if (slot != NULL
      && atomic_load_explicit (&slot->key, memory_order_acquire) == text)
    return slot->value;
  pthread_mutex_lock (&nfc_lock);
  slot = nfc_find (text);
  if (slot != NULL
      && atomic_load_explicit (&slot->key, memory_order_relaxed) == text)
    value = slot->value;
  else if (slot == NULL)
    value = nfc_overflow_get (text);
  else
    {
      value = nfc_compute (text);
      if (value != NULL)
        {
          slot->value = value;
          atomic_store_explicit (&slot->key, text, memory_order_release);
        }
    }
  pthread_mutex_unlock (&nfc_lock);
  /* Out of memory: the text as it is beats no text, and nothing was
     remembered, so a later call tries again.  */
  return value != NULL ? value : text;
}
