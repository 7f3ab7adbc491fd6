/** Hand-built articles and sentences, so these tests do not depend on the cleaner or the splitter. */
import type { Article, Sentence } from "../../src/model/index.js";
import { makeArticle } from "../articles.js";

/**
 * A plain splitter for test articles: a sentence ends at . ! or ? (with any closing quote) before
 * a space and a capital or an opening quote. Good enough for the hand-written texts here.
 */
export function naiveSentences(article: Article): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  article.paragraphs.forEach((para, paragraph) => {
    const boundary = /(?<!\b(?:Mr|Mrs|Ms|Dr|St)\.)(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/gu;
    let from = 0;
    const push = (to: number) => {
      const text = para.slice(from, to);
      if (text.trim()) out.push({ start: offset + from, end: offset + to, text, paragraph });
    };
    for (const m of para.matchAll(boundary)) {
      push(m.index);
      from = m.index + m[0].length;
    }
    push(para.length);
    offset += para.length + 2;
  });
  return out;
}

export function sentencesOf(paragraphs: string[], opts: Parameters<typeof makeArticle>[1] = {}) {
  const article = makeArticle(paragraphs, opts);
  return { article, sentences: naiveSentences(article) };
}
