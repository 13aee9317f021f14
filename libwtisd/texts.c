/* texts.c - the message, its title and its theme strings, and the
   addresses it was published at and copied from.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The LGPL covers the code of this file, not the message.  The English
   texts below are the ITU Secretary-General's message for WTISD 2021,
   copyright the International Telecommunication Union, carried unchanged
   and attributed, with the address where the ITU published it, as far as
   the ITU's terms allow; the project grants no rights in them.  Their
   translations, the catalogs in po/, are the libwtisd authors' own,
   under the LGPL as far as their work goes.  See the Licence section of
   README.md.  */

#include <config.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

/* The name of a catalog's language in that language, as a menu of
   languages shows it (wtisd_language_name): a translation like any
   other, so that no catalog needs ICU's locale data, whose loading ICU 72
   does not survive running out of memory.  */
const char *const language_name_msgid =
    /* TRANSLATORS: Not the word "English" in your language: the name of
       YOUR language in your language, as a menu of languages shows it
       ("français", "Deutsch", "中文（中国）", "português (Brasil)"):
       CLDR's name of your locale, which `locale -k LC_IDENTIFICATION`
       or ICU's uloc_getDisplayName gives.  */
    N_ ("English");

/* English: the message exactly as the ITU published it (ASCII, straight
   quotes).  The texts are the msgids, so a catalog only has to carry the
   translations.  Indexed by wtisd_text_id.  */
const struct catalog catalog_english = {
  .texts = {
    /* TRANSLATORS: Title of the message.  WTISD is World Telecommunication
       and Information Society Day (17 May); keep "WTISD" or use the
       abbreviation the ITU uses in your language.  Houlin Zhao was
       Secretary-General of the International Telecommunication Union
       (ITU) from 2015 to 2022: write his name and title as ITU documents
       in your language do.  */
    N_ ("WTISD 2021: Message from ITU Secretary-General, Houlin Zhao"),
    /* TRANSLATORS: Paragraph 1 of 5.  "ICT" (information and
       communication technologies) appears in later paragraphs: use the
       usual form of that abbreviation in your language.  */
    N_ ("Driven by information and communication technologies, our "
        "societies have undergone a digital transformation that gave "
        "birth to the digital economy and information society."),
    /* TRANSLATORS: Paragraph 2 of 5.  Keep "COVID-19" as it is written
       in your language's official UN documents.  */
    N_ ("The information society has emerged as one of the main lines of "
        "defense against COVID-19. There have been many successful "
        "stories, which have shone a spotlight both on the vital "
        "importance of ICTs and deep digital inequalities between and "
        "within countries."),
    /* TRANSLATORS: Paragraph 3 of 5.  ITU is the International
       Telecommunication Union: use its official name or abbreviation in
       your language.  "World Telecommunication and Information Society
       Day" is the official UN name of the day held on 17 May.  Keep "5G";
       "AI" is artificial intelligence: use your language's usual
       abbreviation.  */
    N_ ("In this decisive year, ITU will use World Telecommunication and "
        "Information Society Day to unite the world in pursuit of digital "
        "transformation in every area of business and all parts of life. "
        "It will be an opportunity to strengthen national strategies on "
        "ICT development, implement smart policies and effective measures "
        "to encourage investments in ICTs and digital skills, and upgrade "
        "our services with new technologies ranging from AI to 5G that "
        "are central to the digital economy."),
    /* TRANSLATORS: Paragraph 4 of 5.  WSIS is the World Summit on the
       Information Society (Geneva 2003, Tunis 2005); its "Action Lines"
       are the lines of action of its Geneva Plan of Action.  "Connect 2030
       Agenda" is the ITU agenda for global telecommunication/ICT
       development.  The Sustainable Development Goals are those of the
       United Nations 2030 Agenda.  The World Telecommunication Development
       Conference 2021 is WTDC-21.  Use the official names in your
       language.  The quoted theme must be, character for character, your
       translation of the standalone WTDC-21 theme string.  */
    N_ ("This moment in history calls for cooperation and partnerships. I "
        "am calling on our members and other stakeholders to continue our "
        "efforts to harness the power of ICTs to advance the WSIS Action "
        "Lines, ITU's Connect 2030 Agenda, the United Nations Sustainable "
        "Development Goals, as well as the theme \"Connecting the "
        "unconnected to achieve sustainable development\" of the ITU World "
        "Telecommunication Development Conference 2021, so that the "
        "accelerating digital transformation we are witnessing leaves no "
        "one behind, no one offline."),
    /* TRANSLATORS: Paragraph 5 of 5.  Write the date "17 May" the way your
       language does.  The quoted theme must be, character for character,
       your translation of the standalone WTISD 2021 theme string.  */
    N_ ("We want to hear about your success stories, but also about your "
        "challenges and lessons learned. Share them with ITU now and we "
        "will give them the place they deserve during the 17 May "
        "celebrations of World Telecommunication and Information Society "
        "Day 2021 under the theme of \"Accelerating digital transformation "
        "in challenging times\". Until then, stay safe, stay well and be "
        "strong!"),
    /* TRANSLATORS: Theme of World Telecommunication and Information
       Society Day 2021, quoted in paragraph 5.  Both must read exactly
       the same.  */
    N_ ("Accelerating digital transformation in challenging times"),
    /* TRANSLATORS: Theme of the ITU World Telecommunication Development
       Conference 2021 (WTDC-21), quoted in paragraph 4.  Both must read
       exactly the same.  */
    N_ ("Connecting the unconnected to achieve sustainable development"),
  },
};

const char *
wtisd_original_url (void)
{
  return "https://www.itu.int/en/wtisd/2021/Pages/message-zhao.aspx";
}

/* The copy of the message the library carries came from this address.
   Only the ASCII form is written down; the Unicode form is derived, once
   it has been derived successfully (a failure for want of memory is
   tried again at the next call).  */
#define SOURCE_SCHEME "https://"
#define SOURCE_HOST "xn--b1akbcqh2a7i.xn--90ais"
#define SOURCE_PATH "/node/7193"

/* Of two threads deriving it at once, the first to publish wins.  */
static _Atomic (char *) source_url_unicode;

static char *
source_url_derive (void)
{
  char host[128], *url;
  int length = wtisd_domain_to_unicode (SOURCE_HOST, host, sizeof host);

  if (length <= 0 || (size_t)length >= sizeof host
      || asprintf (&url, "%s%s%s", SOURCE_SCHEME, host, SOURCE_PATH) < 0)
    return NULL;
  return url;
}

const char *
wtisd_source_url (wtisd_form form)
{
  char *url, *derived;

  switch (form)
    {
    case WTISD_FORM_ASCII:
      return SOURCE_SCHEME SOURCE_HOST SOURCE_PATH;
    case WTISD_FORM_UNICODE:
      url = atomic_load_explicit (&source_url_unicode, memory_order_acquire);
      if (url == NULL && (derived = source_url_derive ()) != NULL)
        {
          if (atomic_compare_exchange_strong_explicit (
                  &source_url_unicode, &url, derived, memory_order_acq_rel,
                  memory_order_acquire))
            url = derived;
          else
            free (derived);
        }
      return url;
    }
  return NULL;
}
