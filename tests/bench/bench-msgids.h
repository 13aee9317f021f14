/* bench-msgids.h - the title and paragraphs as msgids, from the seed
   text (tests/data/message-en.txt).  */

static const char *const bench_msgids[] = {
  "WTISD 2021: Message from ITU Secretary-General, Houlin Zhao",
  "Driven by information and communication technologies, our societies have "
  "undergone a digital transformation that gave birth to the digital economy "
  "and information society.",
  "The information society has emerged as one of the main lines of defense "
  "against COVID-19. There have been many successful stories, which have "
  "shone a spotlight both on the vital importance of ICTs and deep digital "
  "inequalities between and within countries.",
  "In this decisive year, ITU will use World Telecommunication and "
  "Information Society Day to unite the world in pursuit of digital "
  "transformation in every area of business and all parts of life. It will be "
  "an opportunity to strengthen national strategies on ICT development, "
  "implement smart policies and effective measures to encourage investments "
  "in ICTs and digital skills, and upgrade our services with new technologies "
  "ranging from AI to 5G that are central to the digital economy.",
  "This moment in history calls for cooperation and partnerships. I am "
  "calling on our members and other stakeholders to continue our efforts to "
  "harness the power of ICTs to advance the WSIS Action Lines, ITU's Connect "
  "2030 Agenda, the United Nations Sustainable Development Goals, as well as "
  "the theme \"Connecting the unconnected to achieve sustainable "
  "development\" of the ITU World Telecommunication Development Conference "
  "2021, so that the accelerating digital transformation we are witnessing "
  "leaves no one behind, no one offline.",
  "We want to hear about your success stories, but also about your challenges "
  "and lessons learned. Share them with ITU now and we will give them the "
  "place they deserve during the 17 May celebrations of World "
  "Telecommunication and Information Society Day 2021 under the theme of "
  "\"Accelerating digital transformation in challenging times\". Until then, "
  "stay safe, stay well and be strong!",
};
