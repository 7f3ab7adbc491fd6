/**
 * What a line is by itself, before context: serialized data, counters, and the short stock
 * phrases page furniture is made of ("READ ALSO:", "Notify of", "Sign up for our newsletter").
 * Stock phrases are tested only on short lines, so a paragraph that happens to mention a
 * newsletter or a photo stays a paragraph.
 */
import type { RemovedKind } from "../../model/index.js";
import type { Features } from "./lines.js";
import type { Line } from "./prepare.js";

export type Kind = RemovedKind | (string & {});

/** Stock phrases of page furniture are short; a longer line is prose and is never matched against them. */
const FURNITURE_MAX_WORDS = 40;

/** Serialized arrays/objects are dense in {}[]":, — prose, even quote-heavy prose, stays far below. */
const DUMP_MIN_STRUCTURE_SHARE = 0.12;
/** A few braces in a short line are an emoticon or a template slip, not a dump. */
const DUMP_MIN_CHARS = 40;

/** A caption is a short description plus a credit; a paragraph that cites "Reuters" is longer. */
const CAPTION_MAX_WORDS = 40;

/** Lines with this many words or fewer addressing the reader about cookies/newsletters are banners/prompts. */
const BARE_PROMPT_MAX_WORDS = 8;

/** PHP var_dump / print_r / serialize output, or a JSON value starting the line. */
const DUMP_PREFIX =
  /^(?:(?:string|array|object|int|float|bool)\(\d+\)|[aOs]:\d+:[{"]|\[\s*[{["]|\{\s*"[^"]{0,80}"\s*:)/;
const BRACKETS = /[{}[\]]/g;

export function isDataDump(line: Line, f: Features): boolean {
  if (DUMP_PREFIX.test(line.text)) return true;
  if (line.text.length < DUMP_MIN_CHARS || f.structureShare < DUMP_MIN_STRUCTURE_SHARE) return false;
  return (line.text.slice(0, 2_000).match(BRACKETS)?.length ?? 0) >= 2;
}

const CURRENCY = /[$€£¥₽₹₴]|\b(?:USD|EUR|GBP|RUB|CHF|BTC)\b/;
/** Numbers with currency, counts and their units: "0 $", "2,500 $", "0 1,229", "1.2K Shares", "(12)". */
const COUNTER =
  /^(?:[\s\d.,+%()$€£¥₽₹₴kKmM×x]|USD|EUR|GBP|RUB|CHF|BTC|shares?|views?|likes?|comments?|reads?|votes?|points?|followers?)+$/;

/** Only numbers (with currency or count units): share/view counters and donation amounts. */
export function counterKind(line: Line): Kind | null {
  if (!/\d/.test(line.text) || !COUNTER.test(line.text)) return null;
  return CURRENCY.test(line.text) ? "donation" : "share-counter";
}

const ADVERTISEMENT =
  /^(?:advertisements?|advertising|ads?|sponsored(?: (?:content|post|links?|stories))?|promoted(?: (?:content|stories))?|paid (?:content|post|partnership)|(?:story|article) continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?)$/i;

/**
 * Cues that a comment thread or its sort/subscribe widget starts: what follows is readers, not
 * the article. Each says so unambiguously ("Notify of", "12 Comments", "Leave a Reply").
 */
const THREAD_CUE =
  /^(?:notify of(?: new (?:replies|comments).*)?|(?:newest|oldest) (?:\| )?(?:newest |oldest )?(?:\| )?most voted|inline feedbacks|view all comments|load (?:more|all) comments|show (?:all |more )?comments|(?:there (?:are|is) )?(?:\d+|one|no) (?:comments?|responses?|replies)(?: \(\d+\))?(?: so far| on this (?:post|article|story))?|comments \(\d+\)|\d+ (?:kommentare?|commentaires?|comentarios?|coment[áa]rios?|commenti|reacties|koment[áa]ř[eůy]?|komentarz[ey]?|комментари[йяеи]{1,2})|(?:kommentare|commentaires|comentarios|commenti|reacties|komentáře|комментарии) \(\d+\)|(?:评论|評論|コメント|댓글)\s*[(（]\d+[)）]|\d+\s*(?:条评论|條評論|件のコメント|개의 댓글)|(?:\d+ )?(?:thoughts|responses?) (?:on|to) .{1,200}|join the (?:discussion|conversation)|comments are closed\.?|be the first to comment.{0,40}|(?:\d+ )?(?:reader )?comments? (?:on|to) .{1,200}|what do you think\?)$/i;

/**
 * Words that head a thread on some pages and are a menu item or a button on others ("Comments",
 * "Discussion"): a thread start only when another cue follows close by (see comments.ts).
 */
const WEAK_THREAD_CUE =
  /^(?:comments?|responses?|replies|discussion|conversation|sort by:? .{0,30}|kommentare?|commentaires?|comentarios?|coment[áa]rios?|commenti|reacties|komentáře|komentarze|комментарии|评论|評論|コメント|댓글)$/iu;

/** The reply form, in phrases no share bar or menu uses. */
const FORM_CUE =
  /^(?:leave a (?:reply|comment)|post a comment|add (?:a |your )?comment|write a comment|cancel reply|post comment|submit comment|your email address will not be published\.?(?: required fields are marked \*?)?|required fields are marked.{0,20}|(?:name|email|e-mail|website|comment)\s*\*|save my name, email.{0,160}|notify me of .{0,120}|you must be (?:logged in|registered) to post a comment\.?|log ?in to (?:reply|comment)|would love your thoughts, please comment\.?.{0,3}|please (?:leave a )?comment\.?|subscribe to comments)$/i;

/** Form fields and buttons that are also share buttons or menu items ("Email", "Reply", "Submit"). */
const WEAK_FORM_CUE = /^(?:reply|submit|name|email|e-mail|website|comment)$/i;

/** Longer lines are sentences that happen to start like a cue. */
const CUE_MAX_CHARS = 240;

export function isThreadCue(line: Line): boolean {
  return line.text.length <= CUE_MAX_CHARS && THREAD_CUE.test(line.text);
}

/** A comment count ("11 Comments", "Comments (4)", "2 responses"): a thread's heading, or a link to it. */
export function isCommentCount(line: Line): boolean {
  return /\d/.test(line.text) && line.text.length <= COUNT_MAX_CHARS && isThreadCue(line);
}
const COUNT_MAX_CHARS = 40;

export function isFormCue(line: Line): boolean {
  return line.text.length <= CUE_MAX_CHARS && FORM_CUE.test(line.text);
}

/** A word that is a thread or form cue only with company: see isThreadCue/isFormCue for the sure ones. */
export function isWeakCue(line: Line): boolean {
  return (
    line.text.length <= CUE_MAX_CHARS && (WEAK_THREAD_CUE.test(line.text) || WEAK_FORM_CUE.test(line.text))
  );
}

/** Per-comment furniture around author names: timestamps, reply/like buttons, vote counts. */
const COMMENT_META =
  /^(?:reply(?: ↓)?|report|flag|like|likes?|permalink|share ›?|upvote|downvote|vote up|vote down|[↑↓▲▼]|edit|delete|just now|yesterday|\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago|.{0,40}\b\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?)$/i;

export function isCommentMeta(line: Line): boolean {
  return line.text.length <= 60 && COMMENT_META.test(line.text);
}

/** "READ ALSO:", "Related:", "You might also like": cross-links to other articles. */
const RELATED_CUE =
  /^(?:read (?:also|more|next|this)|also read|see also|related(?: (?:articles?|stories|posts?|news|coverage|content|reading|topics?|videos?))?|more (?:from|on|about) .{1,60}|more (?:stories|news|articles|videos)|you (?:might|may) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| articles| reading| videos)?(?: related news)?|further reading|don[’']?t miss|trending(?: now| stories)?|most (?:read|popular|viewed|shared|commented)|editor[’']?s picks?|top stories|latest (?:news|stories|posts|articles)|what to read next|around the web|from (?:around|across) the web|popular (?:now|stories|posts|articles)|in (?:other|case you missed)(?: it)?(?: news)?)(?=\s*[:\-–—»›>|.…]|\s*$)/i;
/**
 * The same cross-link headers in the other languages of the news: French, German, Spanish,
 * Portuguese, Italian, Dutch, Czech, Polish, Russian, Chinese, Japanese, Korean.
 */
const RELATED_CUE_INTL =
  /^(?:[àa] lire (?:aussi|[ée]galement)|lire (?:aussi|la suite)|sur le m[êe]me sujet|voir aussi|(?:nos )?articles? (?:li[ée]s|similaires)|les plus (?:lus|partag[ée]s)|lesen sie (?:auch|mehr)|mehr zum thema|das k[öo]nnte sie (?:auch )?interessieren|weitere artikel|auch interessant|meistgelesen|meistkommentiert|verwandte artikel|lee (?:tambi[ée]n|m[áa]s)|te puede interesar|noticias relacionadas|art[íi]culos relacionados|m[áa]s (?:le[íi]das|sobre .{1,60})|leia (?:tamb[ée]m|mais)|veja (?:tamb[ée]m|mais)|not[íi]cias relacionadas|mat[ée]rias relacionadas|leggi anche|potrebbe interessarti|articoli correlati|lees ook|meer (?:over|nieuws)|gerelateerde artikelen|souvisej[íi]c[íi](?: [čc]l[áa]nky)?|čtěte také|přečtěte si také|czytaj (?:też|także)|zobacz (?:też|także)|powiązane|читайте также|по теме|похожие (?:новости|статьи)|материалы по теме|смотрите также|相关(?:阅读|新闻|文章|推荐|报道)|推荐阅读|热门推荐|延伸阅读|更多(?:新闻|文章|阅读)|相關(?:閱讀|新聞|文章)|延伸閱讀|推薦閱讀|関連(?:記事|ニュース|リンク)|あわせて読みたい|おすすめ記事|관련\s?(?:기사|뉴스)|추천\s?기사|많이 본 뉴스)(?=\s*[:\-–—»›>|.…：】]|\s*$)/iu;
/** Headers that need a colon to be a cross-link ("WATCH: …"); without one they may start a sentence. */
const RELATED_COLON_CUE = /^(?:watch|listen|video|photos?|gallery|more|also|related|opinion|analysis)\s*:/i;

/** Brackets some sites put around a header: "【関連記事】", "[Related]", "— Related —". */
const HEADER_BRACKETS = /^[\s【［[(（「『—–\-»›>]+|[\s】］\])）」』—–\-«‹<]+$/gu;

export function isRelatedCue(line: Line): boolean {
  if (line.text.length > 400) return false;
  const text = line.text.replace(HEADER_BRACKETS, "");
  return RELATED_CUE.test(text) || RELATED_CUE_INTL.test(text) || RELATED_COLON_CUE.test(text);
}

/** A cross-link header standing alone: the lines after it are the linked headlines. */
export function isRelatedHeader(line: Line): boolean {
  return isRelatedCue(line) && /^[^:：]{0,60}[:：]?$/u.test(line.text);
}

/** Photo credits: "(Photo: Getty Images / AFP)", "REUTERS/Jane Doe", "Image source, EPA". */
const CREDIT =
  /\((?:photo|image|picture|file photo|credit|courtesy)[^()]{0,120}\)|\b(?:photo|image|picture|photograph|credit|courtesy)(?: by)?\s*:|\b(?:photo|image|picture) (?:source|caption|credit)\s*[:,]|\bphoto(?:graph)? by\b|\bgetty images\b|\b(?:AFP|AP|REUTERS|Reuters|EPA|Xinhua|Shutterstock|Sputnik|TASS|Anadolu|AP Photo)\s*\/|©/i;
/** A short line ending in a bare agency credit: "John Kerry in Geneva (AFP)". */
const TRAILING_AGENCY =
  /\((?:AFP|AP|Reuters|EPA|Getty|Getty Images|Xinhua|file|archive|handout)[^()]{0,60}\)$/i;
const CAPTION_LABEL = /^(?:image|photo|picture|video)(?: source| caption| credit)?\s*[:,]/i;

export function isCaption(line: Line, f: Features): boolean {
  if (f.words > CAPTION_MAX_WORDS) return false;
  if (CAPTION_LABEL.test(line.text) || TRAILING_AGENCY.test(line.text)) return true;
  return CREDIT.test(line.text) && !isDatelineStart(line.text);
}

/** "WASHINGTON (Reuters) -": an agency in parentheses opening a paragraph is a dateline, not a credit. */
function isDatelineStart(text: string): boolean {
  return /^\p{Lu}{2}[^()]{0,60}\([^()]{1,40}\)\s*[-–—]/u.test(text);
}

/** Donation appeals: "Donate now", "Become a patron", "Support us". */
const DONATION =
  /^(?:support (?:us|our (?:work|journalism|reporting)|independent (?:journalism|media))|donate(?: now| today| here| to us)?|make a (?:one-time |monthly |recurring )?donation|become a (?:patron|supporter|member|sustaining member)|choose (?:an|your) amount|(?:one-time|monthly|yearly|annual)(?: donation)?|via paypal|paypal|patreon|bitcoin)\s*[!.]?$/i;
/**
 * "Support SouthFront", "Donate to The Guardian": the appeal names the outlet, capitalised (case
 * matters here, so "Support for the rebels" stays a subheading).
 */
const DONATION_NAMED =
  /^(?:[Ss]upport|SUPPORT|[Dd]onate to|DONATE TO) \p{Lu}[\p{L}\p{N}&.'’-]*(?: \p{Lu}[\p{L}\p{N}&.'’-]*){0,3}\s*[!.]?$/u;

const READER_ADDRESS = /\b(?:you|your|our|us|we)\b/i;
const NEWSLETTER =
  /\bnewsletters?\b|\bsign(?:ing)? up (?:for|to)\b|\bsubscribe (?:to|for|now|today)\b|\benter your e-?mail\b|\b(?:to|in) your inbox\b|\bunsubscribe\b/i;
const NEWSLETTER_BUTTON =
  /^(?:subscribe|sign up|sign me up|join|join now|get the newsletter|email address|your email|enter your email)\s*[!.]?$/i;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT =
  /\b(?:use|uses|using|accept|consent|agree|settings|policy|preferences|personali[sz]e|partners)\b/i;

/** The site speaking about its own cookies: "We use cookies", "This website uses cookies", "By continuing to browse…". */
const CONSENT_NOTICE =
  /^.{0,80}\b(?:we(?: and our (?:partners|vendors))?|this (?:site|website)|our (?:site|website|partners)) (?:use|uses|store|set) (?:cookies|technologies such as cookies)\b|^.{0,200}\bby (?:continuing|clicking|using|browsing)\b.{0,120}\b(?:cookies|privacy policy)\b/i;
/** Consent notices run long (the list of purposes and partners); a longer text is an article about cookies. */
const CONSENT_MAX_WORDS = 200;

/**
 * A consent notice of any length up to CONSENT_MAX_WORDS: the 90-word "We use cookies and similar
 * technologies to improve your browsing experience, personalize content…" that a short-line rule
 * would take for a paragraph.
 */
export function isConsentNotice(line: Line, f: Features): boolean {
  return f.words <= CONSENT_MAX_WORDS && CONSENT_NOTICE.test(line.text.slice(0, 2_000));
}

export function isCookieLine(line: Line, f: Features): boolean {
  return addressesReader(line, f) && COOKIE.test(line.text) && COOKIE_CONTEXT.test(line.text);
}

/** Page prompts speak to the reader, or are bare labels; a news sentence about a newsletter does neither. */
function addressesReader(line: Line, f: Features): boolean {
  return f.words <= BARE_PROMPT_MAX_WORDS || READER_ADDRESS.test(line.text);
}

/** Consent and prompt buttons: only furniture when next to a banner line (see context.ts). */
export const CONSENT_BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|decline|i agree|agree|got it|ok(?:ay)?|allow(?: all)?(?: cookies)?|manage (?:cookie )?(?:settings|preferences|options|choices)|cookie settings|more (?:info|information|options)|learn more|close|dismiss|continue)\s*[!.]?$/i;

const SHARE_WORD =
  "(?:share(?: this(?: article| story)?| on (?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email))?|tweet|email|e-mail|print|pin(?: it)?|whatsapp|facebook|twitter|x|linkedin|reddit|telegram|messenger|vk|flipboard|pocket|copy link|copy url|save|follow us(?: on (?:facebook|twitter|x|telegram|instagram))?)";
const SHARE_WIDGET = new RegExp(`^${SHARE_WORD}(?:[\\s|,·•/:]+${SHARE_WORD}){0,12}\\s*:?$`, "i");

const NAVIGATION_WORDS =
  /^(?:skip to (?:main )?(?:content|navigation|main|search)|(?:main |open |close )?menu|toggle navigation|search|home(?:page)?|log ?in|sign ?in|log ?out|sign ?up|register|my account|back to top|go to top|top|next (?:article|post|story)|previous (?:article|post|story)|next|previous|prev|older posts|newer posts)\s*[»›>]?$/i;
const TAXONOMY = /^(?:tags?|topics?|categor(?:y|ies)|filed under|posted in|keywords|sections?)\s*:/i;
/** "Home › World › Middle East", "News | Politics | Sport": short segments between separators. */
const SEPARATED_SEGMENTS = /^[^.!?|›»>/•·]{1,40}(?:\s(?:[|›»>/•·])\s[^.!?|›»>/•·]{1,40}){2,}$/;

/** "© 2021 Alpine Post. All rights reserved.": the site's notice, not a photo credit (which © also marks). */
const COPYRIGHT_NOTICE = /\ball rights reserved\b|^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b/i;

const BOILERPLATE =
  /^(?:©|\(c\) ?\d{4}|copyright\b)|\ball rights reserved\b|^(?:privacy(?: policy)?|terms (?:of (?:use|service)|(?:and|&) conditions)|cookie policy|about(?: us)?|contact(?: us)?|careers|advertise(?: with us)?|sitemap|site map|rss(?: feeds?)?|faq|imprint|impressum|accessibility|help|feedback|corrections)$/i;

/**
 * The kind of a line judged alone, or null when only context can tell (prose, headings, names
 * and short sentences are never decided here).
 */
export function kindAlone(line: Line, f: Features): Kind | null {
  if (isDataDump(line, f)) return "data-dump";
  if (f.words === 0) return "boilerplate";
  if (isConsentNotice(line, f)) return "cookie-banner";
  if (f.words > FURNITURE_MAX_WORDS) return null;
  const text = line.text;
  const counter = counterKind(line);
  if (counter !== null) return counter;
  if (ADVERTISEMENT.test(text)) return "advertisement";
  if (isFormCue(line)) return "reply-form";
  if (isThreadCue(line)) return "comments";
  if (isRelatedCue(line)) return "related-links";
  if (COPYRIGHT_NOTICE.test(text)) return "boilerplate";
  if (isCaption(line, f)) return "caption";
  if (DONATION.test(text) || DONATION_NAMED.test(text)) return "donation";
  if (isCookieLine(line, f)) return "cookie-banner";
  if (NEWSLETTER.test(text) && addressesReader(line, f)) return "newsletter";
  if (NEWSLETTER_BUTTON.test(text)) return "newsletter";
  if (SHARE_WIDGET.test(text)) return "widget";
  if (NAVIGATION_WORDS.test(text) || TAXONOMY.test(text)) return "navigation";
  if (SEPARATED_SEGMENTS.test(text) && !f.endsSentence) return "navigation";
  if (BOILERPLATE.test(text)) return "boilerplate";
  return null;
}
