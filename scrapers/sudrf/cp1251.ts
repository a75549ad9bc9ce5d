// windows-1251 helpers: the court sites' PHP forms read query values as cp1251 bytes, and their
// pages arrive in cp1251 whatever the headers say.

const decoder1251 = new TextDecoder('windows-1251');
const asciiSniffer = new TextDecoder('latin1');

const byteOfChar = new Map<string, number>();
for (let b = 0; b < 256; b++) {
  const ch = decoder1251.decode(Uint8Array.of(b));
  if (ch !== '\uFFFD' && !byteOfChar.has(ch)) byteOfChar.set(ch, b);
}

const UNRESERVED = /^[A-Za-z0-9_.\-]$/;

function hex(b: number): string {
  return '%' + b.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Percent-encodes a query value the way the court's PHP form does: cp1251 bytes, space as `+`,
 * letters, digits and `-_.` kept. `337 ч.5` → `337+%F7.5`.
 * Throws a RangeError for a character windows-1251 cannot represent.
 */
export function encodeCp1251Component(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === ' ') out += '+';
    else if (UNRESERVED.test(ch)) out += ch;
    else {
      const b = byteOfChar.get(ch);
      if (b === undefined) throw new RangeError(`Character ${JSON.stringify(ch)} has no windows-1251 code`);
      out += hex(b);
    }
  }
  return out;
}

/** The inverse of encodeCp1251Component: `+` is a space, `%XX` a cp1251 byte. */
export function decodeCp1251Component(component: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < component.length; i++) {
    const ch = component[i]!;
    if (ch === '+') bytes.push(0x20);
    else if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(component.slice(i + 1, i + 3))) {
      bytes.push(parseInt(component.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const b = byteOfChar.get(ch);
      if (b !== undefined) bytes.push(b);
      else bytes.push(...new TextEncoder().encode(ch)); // not representable: keep as UTF-8 bytes
    }
  }
  return decoder1251.decode(Uint8Array.from(bytes));
}

const CHARSET_IN_HEADER = /charset\s*=\s*["']?([\w.:-]+)/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;

// Building an ICU converter costs more than decoding a page: keep one per label.
const decoders = new Map<string, TextDecoder | null>([['windows-1251', decoder1251]]);

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  const key = label.trim().toLowerCase();
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = null;
    }
    if (decoders.size < 32) decoders.set(key, decoder);
  }
  return decoder;
}

/**
 * Decodes a fetched page. The charset comes from the Content-Type header, else from a `<meta>` in
 * the first 4 KB, else windows-1251 (what every GAS "Pravosudie" site sends). A UTF-8 BOM wins.
 */
export function decodePage(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const fromHeader = decoderFor(contentType?.match(CHARSET_IN_HEADER)?.[1]);
  if (fromHeader) return fromHeader.decode(bytes);
  const head = asciiSniffer.decode(bytes.subarray(0, 4096));
  const fromMeta = decoderFor(head.match(META_CHARSET)?.[1]);
  return (fromMeta ?? decoder1251).decode(bytes);
}
