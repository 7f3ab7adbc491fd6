/** Language detection on short news paragraphs, and reconciliation with what a page declares. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chooseLang, guessLang } from "../../src/clean/lang.js";

/** The same two-sentence report (a council approves a flood wall), written in each language. */
const PARAGRAPHS: Readonly<Record<string, string>> = {
  en: "The city council approved a new flood barrier for the harbour district on Tuesday, after months of debate about its route and its cost. Residents said they had never been consulted.",
  fr: "Le conseil municipal a approuvé mardi la construction d'une digue pour protéger le quartier du port, après des mois de débats sur son tracé et son coût. Les habitants disent ne jamais avoir été consultés.",
  de: "Der Stadtrat hat am Dienstag nach monatelanger Debatte den Bau einer Hochwasserschutzmauer für das Hafenviertel beschlossen. Anwohner kritisierten, sie seien nie gefragt worden.",
  es: "El ayuntamiento aprobó el martes la construcción de un muro contra las inundaciones en el barrio del puerto, tras meses de debate sobre su trazado y su coste. Los vecinos aseguran que nunca fueron consultados.",
  it: "Il consiglio comunale ha approvato martedì la costruzione di una barriera contro le inondazioni nel quartiere del porto, dopo mesi di discussioni sul tracciato e sui costi. I residenti dicono di non essere mai stati consultati.",
  pt: "A câmara municipal aprovou na terça-feira a construção de uma barreira contra cheias no bairro do porto, depois de meses de debate sobre o traçado e o custo. Os moradores dizem que nunca foram consultados.",
  nl: "De gemeenteraad heeft dinsdag na maanden van discussie ingestemd met de bouw van een waterkering in de havenwijk. Bewoners zeggen dat ze nooit om hun mening is gevraagd.",
  pl: "Rada miasta zatwierdziła we wtorek budowę wału przeciwpowodziowego w dzielnicy portowej po wielu miesiącach sporów o jego przebieg i koszt. Mieszkańcy twierdzą, że nikt ich nie pytał o zdanie.",
  cs: "Městské zastupitelstvo v úterý po měsících debat schválilo stavbu protipovodňové zdi v přístavní čtvrti. Obyvatelé tvrdí, že se jich nikdo neptal na názor.",
  tr: "Belediye meclisi, aylarca süren tartışmaların ardından salı günü liman bölgesi için yeni bir sel duvarı yapılmasını onayladı. Mahalle sakinleri kendilerine hiç danışılmadığını söyledi.",
  ru: "Городской совет во вторник после многомесячных споров одобрил строительство защитной дамбы в портовом районе. Жители утверждают, что их мнением никто не интересовался.",
  ar: "وافق المجلس البلدي يوم الثلاثاء على بناء جدار للحماية من الفيضانات في حي الميناء بعد أشهر من الجدل حول مساره وتكلفته. ويقول السكان إنه لم يتم استشارتهم قط.",
  he: "מועצת העיר אישרה ביום שלישי את בניית חומת ההגנה מפני הצפות בשכונת הנמל, לאחר חודשים של ויכוחים על התוואי והעלות. התושבים אומרים שאיש לא שאל אותם.",
  ja: "市議会は火曜日、数か月にわたる議論の末、港湾地区に新しい防潮堤を建設する計画を承認した。住民は一度も意見を求められなかったと話している。",
  zh: "市议会周二在经过数月的争论后，批准在港口区修建一道新的防洪墙。居民表示，他们从未被征求过意见，也不清楚工程的费用。",
  ko: "시의회는 화요일 몇 달간의 논의 끝에 항구 지역에 새로운 방조제를 건설하는 계획을 승인했다. 주민들은 한 번도 의견을 요청받은 적이 없다고 말했다.",
};

describe("guessLang", () => {
  for (const [lang, text] of Object.entries(PARAGRAPHS)) {
    it(`reads a ${lang} paragraph as "${lang}"`, () => assert.equal(guessLang(text), lang));
  }

  it("says nothing about a headline-sized text or one without letters", () => {
    assert.equal(guessLang("Hallo Welt"), null);
    assert.equal(guessLang("Council approves flood wall"), null);
    assert.equal(
      guessLang("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30"),
      null,
    );
    assert.equal(guessLang(""), null);
  });

  it("reads only the body's start, however long the body", () => {
    const huge = `${PARAGRAPHS.de} ${"x".repeat(5_000_000)}`;
    const t0 = performance.now();
    assert.equal(guessLang(huge), "de");
    assert.ok(performance.now() - t0 < 200);
  });
});

describe("chooseLang", () => {
  it("keeps a declaration the body agrees with, or cannot judge", () => {
    assert.equal(chooseLang("fr", PARAGRAPHS.fr!), "fr");
    assert.equal(chooseLang("fr", "Photo"), "fr");
    // eld has no Indonesian table: a page declaring it is taken at its word.
    assert.equal(chooseLang("id", PARAGRAPHS.en!), "id");
  });

  it("overrules a declaration the body plainly contradicts, but not for a close neighbour", () => {
    assert.equal(chooseLang("en", PARAGRAPHS.es!), "es");
    assert.equal(chooseLang("ja", PARAGRAPHS.ru!), "ru");
    assert.equal(chooseLang("sk", PARAGRAPHS.cs!), "sk");
    assert.equal(chooseLang("ca", PARAGRAPHS.es!), "ca");
  });

  it("detects when the page declares nothing", () => {
    assert.equal(chooseLang(null, PARAGRAPHS.it!), "it");
    assert.equal(chooseLang(null, "Ok"), null);
  });
});
