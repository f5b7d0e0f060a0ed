// Real behaviour in the six languages: what is offensive, what is an insult,
// what is not, and how obfuscation and inflection are seen through.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace parley::toxicity;
using namespace parley::toxicity::test;

TEST_CASE("Clean texts score zero in every language", "[classifier]") {
  for (const char* text : {
           "Still waiting for my order #4411, can you check?",
           "Love the new oat latte, thanks!",
           "Το παράθυρο της εφαρμογής κολλάει συνέχεια, βοήθεια!",
           "Где мой заказ? Жду уже неделю, верните деньги",
           "Zamówienie nie dotarło, obciążyliście mnie dwa razy",
           "Tilaus ei ole vieläkään tullut, sovellus kaatuu",
           "طلبي تأخر كثيراً، أين طلبي؟",
           "The class assessment in Scunthorpe was passable",
       }) {
    INFO(text);
    const auto scores = scores_of(text);
    CHECK(scores.offensive < 0.5);
    CHECK(scores[Category::insult] < 0.5);
  }
}

TEST_CASE("English: an aimed insult, profanity alone, hate, threats, harassment", "[classifier][en]") {
  const auto insult = scores_of("you are a complete idiot");
  CHECK(insult[Category::insult] >= 0.8);
  CHECK(insult.offensive >= 0.8);
  // The same word about no one in particular is weaker than when aimed.
  CHECK(scores_of("what an idiot")[Category::insult] < insult[Category::insult]);

  const auto swearing = scores_of("this is fucking great");
  CHECK(swearing.offensive >= 0.5);
  CHECK(swearing[Category::profanity] >= 0.6);
  CHECK(swearing[Category::insult] == 0.0);

  CHECK(scores_of("send those illegals back, they are vermin")[Category::hate] >= 0.5);
  CHECK(scores_of("women are stupid")[Category::hate] >= 0.35);
  CHECK(scores_of("I know where you live")[Category::threat] >= 0.9);
  CHECK(scores_of("I'll kill you")[Category::threat] >= 0.9);
  CHECK(scores_of("just kill yourself")[Category::harassment] >= 0.9);
  // Mild words need a second signal.
  CHECK(scores_of("that was a stupid update").offensive < 0.5);
  CHECK(scores_of("you are stupid").offensive >= 0.5);
  // Said of a person, a mild insult is aimed too (a verdict frame: 0.55,
  // short of the playbook's 0.6); said of a thing it stays a complaint.
  CHECK(scores_of("he is so stupid").offensive >= 0.5);
  CHECK(scores_of("they're all liars").offensive >= 0.5);
  CHECK(scores_of("she was pathetic in that debate").offensive >= 0.5);
  CHECK(scores_of("he is so stupid").offensive < 0.6);
  CHECK(scores_of("this update is stupid").offensive < 0.5);
  CHECK(scores_of("it was stupid of me to order twice").offensive < 0.5);
}

TEST_CASE("English inflection through the stemmer", "[classifier][en]") {
  CHECK(scores_of("bunch of morons")[Category::insult] >= 0.7);
  CHECK(scores_of("such idiots")[Category::insult] >= 0.7);
  CHECK(scores_of("stop bitching")[Category::profanity] >= 0.6);
}

TEST_CASE("Obfuscated swearing is seen through", "[classifier][obfuscation]") {
  for (const char* text : {"f*ck this", "f**k off", "fuuuuuck", "sh1t service", "what the f.u.c.k", "f u c k you",
                           "dumb@ss", "$hit app", "FUCK", "ｆｕｃｋ", "f\u200Buck"}) {
    INFO(text);
    CHECK(scores_of(text).offensive >= 0.5);
  }
  CHECK(scores_of("you 1d10t")[Category::insult] >= 0.7);
  CHECK(scores_of("f***ing useless")[Category::profanity] >= 0.6);
  // A mask that fits a swear word and a slur reads as the swear word: a
  // hate label can ban at once (P8). Only a shape no swear word has is a slur.
  const auto food = scores_of("where the f*** is my food");
  CHECK(food[Category::profanity] >= 0.6);
  CHECK(food[Category::hate] == 0.0);
  CHECK(scores_of("you f*g")[Category::hate] >= 0.5);
}

TEST_CASE("Greek: insults, swearing and threats, with and without accents", "[classifier][el]") {
  CHECK(scores_of("ρε μαλάκα τι έκανες")[Category::profanity] >= 0.7);
  CHECK(scores_of("ρε μαλάκα τι έκανες").offensive >= 0.6);
  CHECK(scores_of("Είσαι ηλίθιος")[Category::insult] >= 0.8);
  CHECK(scores_of("ΕΙΣΑΙ ΗΛΙΘΙΟΣ")[Category::insult] >= 0.8);
  CHECK(scores_of("είστε όλοι ηλίθιοι")[Category::insult] >= 0.8);
  CHECK(scores_of("άντε γαμήσου")[Category::profanity] >= 0.8);
  CHECK(scores_of("θα σε σκοτώσω")[Category::threat] >= 0.9);
  CHECK(scores_of("Το μαλακό μαξιλάρι είναι υπέροχο").offensive < 0.5);  // "soft" is not "μαλάκας"
  // "μπούφος" (a dolt) and "μπουφάν" (a jacket) share a stem: only the insult's own forms count.
  CHECK(scores_of("άντε ρε μπούφε")[Category::insult] >= 0.45);
  CHECK(scores_of("είστε μπούφοι")[Category::insult] >= 0.45);
  CHECK(scores_of("Μάιος και φοράμε μπουφάν").offensive == 0.0);
  // "Ξεφτίλα" (a disgrace) alone judges a price; next to "you" it insults.
  CHECK(scores_of("Ο φρέντο πήγε 3,80. Ξεφτίλα.").offensive < 0.5);
  CHECK(scores_of("είσαι ξεφτίλα")[Category::insult] >= 0.6);
}

TEST_CASE("Russian: inflected insults and mat", "[classifier][ru]") {
  CHECK(scores_of("ты идиот")[Category::insult] >= 0.8);
  CHECK(scores_of("какие же вы идиоты")[Category::insult] >= 0.8);
  CHECK(scores_of("с этими дебилами невозможно")[Category::insult] >= 0.7);
  CHECK(scores_of("да пошли вы нахуй").offensive >= 0.7);
  CHECK(scores_of("заебали уже со своей доставкой")[Category::profanity] >= 0.7);
  CHECK(scores_of("я тебя убью")[Category::threat] >= 0.9);
  CHECK(scores_of("Жидкость для стекол отличная").offensive < 0.5);
}

TEST_CASE("Russian: rams and sheep are insults, mutton and bagels are food", "[classifier][ru]") {
  CHECK(scores_of("Кто за них голосует, просто стадо баранов", Language::ru)[Category::insult] >= 0.5);
  CHECK(scores_of("ты баран", Language::ru)[Category::insult] >= 0.6);
  CHECK(scores_of("Баранина была отличная, и баранки свежие", Language::ru).offensive == 0.0);
}

TEST_CASE("Polish: prefixes stand in for a stemmer", "[classifier][pl]") {
  CHECK(scores_of("ty debilu", Language::pl)[Category::insult] >= 0.8);
  CHECK(scores_of("kurwa mać, znowu to samo", Language::pl)[Category::profanity] >= 0.7);
  CHECK(scores_of("jesteście idiotami", Language::pl)[Category::insult] >= 0.8);
  CHECK(scores_of("spierdalaj", Language::pl).offensive >= 0.7);
  CHECK(scores_of("Ty głupku", Language::pl)[Category::insult] >= 0.7);
  CHECK(scores_of("Wielki sukces naszej ciotki", Language::pl).offensive < 0.5);
  CHECK(scores_of("numer do tego zjebanego bota", Language::pl)[Category::profanity] >= 0.7);
}

TEST_CASE("Finnish: inflected swearing and insults", "[classifier][fi]") {
  CHECK(scores_of("vitun idiootti", Language::fi).offensive >= 0.8);
  CHECK(scores_of("sinä olet idiootti", Language::fi)[Category::insult] >= 0.8);
  CHECK(scores_of("Haista vittu", Language::fi)[Category::profanity] >= 0.9);
  CHECK(scores_of("Te ääliöt", Language::fi)[Category::insult] >= 0.8);
  // Spoken Finnish clips the translative "-ksi" to "-ks".
  CHECK(scores_of("se haukku mua tyhmäks ämmäks", Language::fi)[Category::insult] >= 0.5);
  CHECK(scores_of("laitan sen lahjaks", Language::fi).offensive == 0.0);
  CHECK(scores_of("Saatan tulla huomenna", Language::fi).offensive < 0.5);  // "I may come"
}

TEST_CASE("Colloquial insults in Russian, Polish and Finnish; a rude act is not an insult",
          "[classifier][ru][pl][fi]") {
  CHECK(scores_of("админ хамло конченое", Language::ru).offensive >= 0.7);
  CHECK(scores_of("Чините уже, криворукие", Language::ru)[Category::insult] >= 0.5);
  CHECK(scores_of("приеду и разнесу там все", Language::ru)[Category::threat] >= 0.7);
  // "хамит" (is rude to me) reports staff; only the noun "хам" calls names.
  CHECK(scores_of("Кассир хамит покупателям", Language::ru).offensive < 0.5);
  CHECK(scores_of("ty gnido jedna", Language::pl)[Category::insult] >= 0.7);
  CHECK(scores_of("banda bydlaków", Language::pl)[Category::insult] >= 0.7);
  CHECK(scores_of("mikä kusipää", Language::fi)[Category::insult] >= 0.8);
  CHECK(scores_of("te pummit", Language::fi)[Category::insult] >= 0.5);
}

TEST_CASE("Arabic: vocative insults, article and curses", "[classifier][ar]") {
  CHECK(scores_of("يا حمار")[Category::insult] >= 0.8);
  CHECK(scores_of("انت غبي")[Category::insult] >= 0.75);
  CHECK(scores_of("الله يلعنك").offensive >= 0.9);
  CHECK(scores_of("يا كلب يا حقير").offensive >= 0.9);
  CHECK(scores_of("الكلاب").offensive >= 0.5);
  CHECK(scores_of("يا رب يا كريم").offensive < 0.5);
}

TEST_CASE("Arabic: attached particles, dialect forms and stretched letters", "[classifier][ar]") {
  CHECK(scores_of("ياكلب")[Category::insult] >= 0.8);       // vocative written onto the insult: aimed
  CHECK(scores_of("ويا وسخه")[Category::insult] >= 0.8);    // Egyptian feminine, exact entry
  CHECK(scores_of("فالحقير ما يستحي").offensive >= 0.7);    // conjunction + article
  CHECK(scores_of("يا ابن الشرموطه").offensive >= 0.8);     // article before a prefix entry
  CHECK(scores_of("يا بنت الكاااااالب").offensive >= 0.5);  // elongation with an inserted alef
  CHECK(scores_of("احا بجد").offensive >= 0.5);
  // Near misses: "for the eye" is ل + العين, not "cursed"; "relief" (فرج) is
  // no swear word; "يا عبد الله" is a name.
  CHECK(scores_of("يا حبي و يا عشقي للعين").offensive < 0.5);
  CHECK(scores_of("فرج الله همك يا رب").offensive < 0.5);
  CHECK(scores_of("يا عبد الله تعال").offensive < 0.5);
  CHECK(scores_of("وكلام جميل بالكامل").offensive < 0.5);
  CHECK(scores_of("يا وسخين يا حقيرين")[Category::insult] >= 0.8);  // plural ending off exact entries
  CHECK(scores_of("يا ثورة ابدية").offensive < 0.5);                // "revolution" is no "bull" once ة comes off
  CHECK(scores_of("يا خوله تعالي").offensive < 0.5);                // the name Khawla (allow.txt)
}

TEST_CASE("Arabic: name-calling is an insult when addressed, not said of something", "[classifier][ar]") {
  CHECK(scores_of("يا ضفدع اسكت")[Category::insult] >= 0.6);  // "shut up, you frog"
  CHECK(scores_of("يا بجم")[Category::insult] >= 0.6);
  CHECK(scores_of("انت جبان")[Category::insult] >= 0.6);
  CHECK(scores_of("يا زواحف").offensive >= 0.5);
  CHECK(scores_of("شفت ضفدع في الحديقة").offensive < 0.5);  // "I saw a frog in the garden"
  CHECK(scores_of("جدتي عجوز طيبة").offensive < 0.5);       // "my grandmother is a kind old woman"
  CHECK(scores_of("الثورات العربية").offensive < 0.5);      // "revolutions", not "bulls"
}

// Found by classifying every frequent word of the development sets' clean
// texts on its own (docs/quality.md, note 24): everyday words whose stem or
// folded form is a swear word's.
TEST_CASE("Everyday words that share a stem or a folded form with a swear word are clean", "[classifier]") {
  CHECK(scores_of("Ура, заказ пришёл!", Language::ru).offensive == 0.0);         // "hooray" (урою: I'll bury you)
  CHECK(scores_of("Приложение тупит уже час", Language::ru).offensive == 0.0);   // "the app lags"
  CHECK(scores_of("Павел Дуров", Language::ru).offensive == 0.0);                // a surname
  CHECK(scores_of("Τούρτα για τον γάμο μας", Language::el).offensive == 0.0);    // "a wedding cake"
  CHECK(scores_of("Συναυλία με την Παπαρίζου", Language::el).offensive == 0.0);  // a singer
  CHECK(scores_of("Säästä 20 % tänään", Language::fi).offensive < 0.5);          // "save 20 %" (saasta: filth)
  CHECK(scores_of("هدية للوطن", Language::ar).offensive == 0.0);                 // "for the homeland"
  CHECK(scores_of("هيمنة السوق", Language::ar).offensive == 0.0);                // "market dominance"
  CHECK(scores_of("I have a sore throat", Language::en).offensive == 0.0);
  CHECK(scores_of("The shrimp was cold and the fig jam stale", Language::en).offensive == 0.0);  // LDNOOBW stems
  CHECK(scores_of("Out of tea bags, scissors and Twinkies", Language::en).offensive < 0.5);
  CHECK(scores_of("bitches", Language::en).offensive >= 0.5);  // LDNOOBW words in the plural
  CHECK(scores_of("clusterfucking cocksuckers", Language::en).offensive >= 0.5);
  // The swear words themselves still count.
  CHECK(scores_of("я тебя урою", Language::ru)[Category::threat] >= 0.6);
  CHECK(scores_of("ты тупой", Language::ru)[Category::insult] >= 0.6);
  CHECK(scores_of("γαμώ το", Language::el).offensive >= 0.5);
  CHECK(scores_of("sinä saasta", Language::fi)[Category::insult] >= 0.6);
  CHECK(scores_of("يا بهيم", Language::ar)[Category::insult] >= 0.8);
}

TEST_CASE("Greek: compounds, topic hashtags, Greeklish", "[classifier][el]") {
  CHECK(scores_of("Είσαι ΠΑΝΗΛΙΘΙΟΣ!")[Category::insult] >= 0.8);
  CHECK(scores_of("ρε χοντρομαλάκα").offensive >= 0.7);
  CHECK(scores_of("τι ξινόμουνο").offensive >= 0.5);
  CHECK(scores_of("μωρή πατσαβούρα").offensive >= 0.8);
  CHECK(scores_of("ρε μλκ").offensive >= 0.5);
  CHECK(scores_of("ante gamisou").offensive >= 0.5);
  CHECK(scores_of("Είσαι αναποφάσιστος;").offensive < 0.5);
  CHECK(scores_of("Καλημέρα σε όλους #ΝΔ_ξεφτίλες").offensive < 0.5);  // a campaign tag, not the author's insult
  CHECK(scores_of("ξεφτίλες όλοι τους").offensive >= 0.5);
}

TEST_CASE("English: pests a guest complains of and kind words are no hate; pests said of a group are",
          "[classifier][en]") {
  CHECK(scores_of("There were cockroaches in our room").offensive < 0.5);
  CHECK(scores_of("The dog food you sold me had parasites").offensive < 0.5);
  CHECK(scores_of("Thank you for your kind response").offensive == 0.0);
  CHECK(scores_of("immigrants are cockroaches")[Category::hate] >= 0.5);
  CHECK(scores_of("you and your kind should leave")[Category::hate] >= 0.5);
  CHECK(scores_of("you cockroach")[Category::insult] >= 0.6);
}

TEST_CASE("English: stems that would catch ordinary words, vulgar words alone", "[classifier][en]") {
  CHECK(scores_of("please ignore my last message").offensive < 0.5);  // "ignorant" is matched exactly
  CHECK(scores_of("I am ignorant about it, you ignorant fool")[Category::insult] >= 0.8);
  CHECK(scores_of("this update sucks").offensive >= 0.5);
  CHECK(scores_of("what a load of crap").offensive >= 0.5);
  CHECK(scores_of("that was a stupid update").offensive < 0.5);
  CHECK(scores_of("*sigh* the order is late again").offensive < 0.5);  // emphasis asterisks
}

TEST_CASE("A text's language keeps other Latin-script lists out", "[classifier]") {
  // "kusi" (Finnish: piss) is in LDNOOBW fi; in an English text it is not a word to judge.
  CHECK(scores_of("Kusi", Language::en).offensive < 0.5);
  CHECK(scores_of("Kusi", Language::fi).offensive >= 0.5);
}

TEST_CASE("explain() names the matched entries", "[classifier]") {
  const auto matched = default_classifier().explain("you idiot", {});
  bool found = false;
  for (const auto& term : matched) found |= term.category == Category::insult && term.literal == " idiot ";
  CHECK(found);
}

TEST_CASE("Threats at a business: plural you, its premises, a veiled warning, in six languages", "[classifier]") {
  const char* threats[] = {
      "Fix it by Friday or you'll see what happens",   "Jak nie oddacie pieniędzy, zobaczycie co będzie",
      "Не вернёте деньги — разговор будет уже другой", "Αν δεν μου τα δώσετε θα το μετανιώσετε",
      "Jos ette korjaa tätä, kadutte vielä",           "إذا ما رجعتوا الفلوس هتندموا",
  };
  for (const char* text : threats) {
    INFO(text);
    CHECK(scores_of(text)[Category::threat] >= 0.5);
  }
}

TEST_CASE("Finnish: harm to the business's property is a threat, a broken thing is not", "[classifier][fi]") {
  CHECK(scores_of("Jos rahoja ei palauteta, hajotan teidän myymälän")[Category::threat] >= 0.5);
  CHECK(scores_of("Huomenna poltan teidän kaupan")[Category::threat] >= 0.5);
  CHECK(scores_of("Tuun sinne ja potkin teidän oven sisään")[Category::threat] >= 0.5);
  CHECK(scores_of("Hotellihuoneen ikkuna oli rikki ja ovi ei mennyt lukkoon").offensive == 0.0);
}

TEST_CASE("Irregular plurals insult, and pets are not animals called names", "[classifier][pl][ar]") {
  CHECK(scores_of("Idioci. Po prostu idioci.")[Category::insult] >= 0.5);
  CHECK(scores_of("هل تسمحون بالحيوانات الأليفة؟")[Category::insult] < 0.5);
  // "العملاء" with the article are customers; the bare word is the insult (agents, traitors).
  CHECK(scores_of("خدمة العملاء سيئة جدا").offensive == 0.0);
  CHECK(scores_of("انتم عملاء وخونة")[Category::insult] >= 0.5);
  CHECK(scores_of("يا حيوان")[Category::insult] >= 0.5);
}

TEST_CASE("A mild insult inside a verdict is offensive, yet short of the playbook's 0.6", "[classifier]") {
  struct Case {
    const char* text;
    Language language;
  };
  for (const auto& [text, language] :
       {Case{"What a bunch of clowns.", Language::en}, Case{"Trzecia odmowa. Banda oszustów.", Language::pl},
        Case{"Какие клоуны, честное слово", Language::ru}, Case{"Mitkä pellet.", Language::fi},
        Case{"Ένα μάτσο απατεώνες", Language::el}, Case{"شوية نصابين", Language::ar}}) {
    INFO(text);
    const auto scores = scores_of(text, language);
    CHECK(scores.offensive >= 0.5);
    CHECK(scores.offensive < 0.6);
  }
  // The same words without the frame stay mild; "you" still counts more.
  CHECK(scores_of("the clowns at the desk", Language::en).offensive < 0.5);
  CHECK(scores_of("you clowns", Language::en).offensive >= 0.6);
  // A verdict on a product is a complaint, not an insult.
  CHECK(scores_of("What a terrible update", Language::en).offensive == 0.0);
}

TEST_CASE("Wishing the shop burns, clowns, scum and 'go to hell', in six languages", "[classifier]") {
  for (const char* text : {"I hope your shop burns down", "Μακάρι να καεί το μαγαζί σας", "Чтоб ваш магазин сгорел",
                           "Obyście spłonęli razem ze sklepem", "إن شاء الله يحترق محلكم"}) {
    INFO(text);
    CHECK(scores_of(text)[Category::threat] >= 0.5);
  }
  for (const char* text :
       {"Jesteście bandą klaunów", "Jesteście szumowiny", "Да пошли вы все", "Идите к чёрту все",
        "Menkää helvettiin kaikki", "Teidän työntekijät on laiskoja sikoja", "روحوا في ستين داهية كلكم"}) {
    INFO(text);
    CHECK(scores_of(text).offensive >= 0.5);
  }
  // A house burning down in the news is no threat.
  CHECK(scores_of("The old mill burned down in 1920")[Category::threat] < 0.5);
}

TEST_CASE("Weak judgements said of a person are offensive; the 'take my money' meme is not", "[classifier][en]") {
  for (const char* text : {"You are a joke.", "She is so fake.", "He's a total fraud.",
                           "What an embarrassment you are.", "You clearly have no brain."}) {
    INFO(text);
    CHECK(scores_of(text).offensive >= 0.5);
  }
  for (const char* text : {"That joke was funny", "Fake reviews everywhere on this site",
                           "Shut up and take my money, this looks amazing"}) {
    INFO(text);
    CHECK(scores_of(text).offensive < 0.5);
  }
}
