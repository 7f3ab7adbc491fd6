/**
 * The fast language detection gives eld's own answers: same language, same reliability, on
 * news openings in many languages and scripts, short and cut texts, and texts of no language.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eldDetect, fastDetect } from "../../src/clean/eld-fast.js";
import { guessLang } from "../../src/clean/lang.js";

const TEXTS = [
  "WASHINGTON (AP) — The Senate voted 52-48 on Thursday to confirm the nominee, ending a fight that had split both parties for weeks.",
  "A magnitude 6.1 earthquake struck off the coast of northern Chile early on Sunday, the US Geological Survey said; no damage was reported.",
  "Le Premier ministre a reconnu mercredi que la réforme « n'avait pas été assez expliquée » aux Français, avant un nouveau jour de grève.",
  "Die Polizei nahm am Montagabend in Köln zwei Verdächtige fest, nachdem Zeugen Schüsse in der Nähe des Bahnhofs gemeldet hatten.",
  "El Gobierno aprobó este martes el decreto que sube el salario mínimo, una medida que los empresarios consideran «precipitada».",
  "O presidente disse nesta sexta-feira que não vai recuar na proposta de reforma, apesar dos protestos em São Paulo e no Rio.",
  "Il sindaco ha annunciato che la piazza resterà chiusa al traffico fino alla fine dei lavori, previsti per la prossima primavera.",
  "De minister zei dinsdag dat het kabinet nog deze maand met een nieuw voorstel voor de woningmarkt komt.",
  "Prezydent podpisał w środę ustawę, która zmienia zasady wyboru sędziów, mimo protestów opozycji.",
  "Правительство в среду одобрило проект бюджета на следующий год, сообщили в пресс-службе кабинета министров.",
  "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τα νοικοκυριά που πλήττονται από την ακρίβεια.",
  "وقال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة القطرية الدوحة.",
  "प्रधानमंत्री ने मंगलवार को कहा कि सरकार किसानों की आय दोगुनी करने के लिए प्रतिबद्ध है।",
  "政府は火曜日、物価高に対応する新たな経済対策を閣議決定した。総額は十兆円規模となる見通しだ。",
  "国务院周二召开常务会议，部署进一步稳定就业的措施，并要求各地加快落实。",
  "대통령은 수요일 기자회견에서 새로운 부동산 대책을 다음 달 발표하겠다고 밝혔다.",
  "Başbakan salı günü yaptığı açıklamada yeni vergi düzenlemesinin yıl sonuna kadar meclise sunulacağını söyledi.",
  "Statsministeren sagde tirsdag, at regeringen vil fremlægge et nyt udspil om klimaet inden jul.",
  "Hallitus kertoi tiistaina, että uusi laki astuu voimaan ensi vuoden alussa.",
  "Tổng thống cho biết hôm thứ Ba rằng chính phủ sẽ tăng đầu tư vào giáo dục và y tế.",
  "Sen. Warren's office didn't say whether she'd back the bill — it's \"under review,\" a spokesman said.",
  "Read more",
  "12 345 678 — 2019-05-02 14:30 | ★★★★☆ | ID: A7-99-XK",
  "",
  "ok",
  "København, Zürich, São Paulo, Łódź, Čačak",
];

describe("fast language detection", () => {
  it("loads eld's table and passes its probes", () => {
    assert.notEqual(fastDetect, null);
  });

  it("answers as eld does, whole and cut", () => {
    for (const text of TEXTS) {
      for (const cut of [text, text.slice(0, 40), text.slice(15), `${text} ${text}`]) {
        assert.deepEqual(fastDetect!(cut), eldDetect(cut), JSON.stringify(cut));
      }
    }
  });

  it("leaves guessLang's answers as they were", () => {
    assert.equal(guessLang(`${TEXTS[0]} ${TEXTS[1]}`), "en");
    assert.equal(guessLang(`${TEXTS[2]} Les syndicats appellent à manifester samedi.`), "fr");
    assert.equal(guessLang("Read more"), null);
  });
});
