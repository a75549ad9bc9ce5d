/**
 * The text of a saved or fetched page: UTF-8 when the bytes are valid UTF-8, else the charset
 * the page declares (<meta charset>, http-equiv), else windows-1251, which older Russian sites
 * still use.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const declared = charsetOf(contentType ?? '') ?? null;
  if (declared && !/^utf-?8$/iu.test(declared)) {
    const text = tryDecode(bytes, declared);
    if (text !== null) return text;
  }
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return utf8.replace(/^\uFEFF/u, '');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = charsetOf(head);
  return (meta ? tryDecode(bytes, meta) : null) ?? new TextDecoder('windows-1251').decode(bytes);
}

function charsetOf(text: string): string | undefined {
  return /charset\s*=\s*["']?([\w-]+)/iu.exec(text)?.[1];
}

function tryDecode(bytes: Uint8Array, charset: string, fatal = false): string | null {
  try {
    return new TextDecoder(charset, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}
