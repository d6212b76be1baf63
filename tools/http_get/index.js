// http_get: GET one URL through the host's egress guard and return readable text. No imports: this runs
// inside the sandbox isolate, so the HTML-to-text reduction is written out here.

const DEFAULT_MAX_BYTES = 100000;
const DROPPED_ELEMENTS =
  /<(script|style|noscript|template|svg|nav|iframe|object|head|select)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAGS =
  /<\/?(p|div|br|hr|h[1-6]|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|section|article|aside|header|footer|main|blockquote|pre|figure|figcaption|form|fieldset|address|details|summary|caption)\b[^>]*>/gi;
const NAMED_ENTITIES = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  para: '¶',
  shy: '',
};

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, body) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\uFFFD';
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named === undefined ? entity : named;
  });
}

export function htmlToText(html) {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  let text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ')
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(td|th)\s*>/gi, ' ')
    .replace(BLOCK_TAGS, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/<![^>]*>/g, '');
  text = decodeEntities(text)
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const heading = title ? decodeEntities(title[1]).replace(/\s+/g, ' ').trim() : '';
  return heading && !text.startsWith(heading) ? `${heading}\n\n${text}` : text;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
function clipUtf8(text, maxBytes) {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) return { text: text.slice(0, end), truncated: true };
    bytes += size;
    end += ch.length;
  }
  return { text, truncated: false };
}

function header(headers, name) {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return '';
}

export default async function httpGet(input, airlock) {
  const init = { method: 'GET' };
  if (input.headers) init.headers = input.headers;
  if (input.secret) init.secret = input.secret;
  const res = await airlock.fetch(input.url, init);
  const contentType = header(res.headers, 'content-type');
  const isHtml = /html/i.test(contentType) || (!contentType && /^\s*<(!doctype html|html)/i.test(res.body));
  const clipped = clipUtf8(isHtml ? htmlToText(res.body) : res.body, input.maxBytes ?? DEFAULT_MAX_BYTES);
  return {
    status: res.status,
    url: res.url,
    contentType,
    text: clipped.text,
    truncated: res.truncated || clipped.truncated,
  };
}
