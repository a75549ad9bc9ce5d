// windows-1251 for the simulator: pages go out as cp1251 bytes, query values come in cp1251-encoded.
// Kept local (not the project's scrapers/sudrf/cp1251.ts) so the simulator checks, not mirrors, it.

const decoder = new TextDecoder('windows-1251');
const byteOf = new Map<number, number>();
for (let b = 0; b < 256; b++) {
  const ch = decoder.decode(Uint8Array.of(b));
  if (ch.length === 1 && ch !== '\uFFFD' && !byteOf.has(ch.charCodeAt(0))) byteOf.set(ch.charCodeAt(0), b);
}

/** Encodes text as windows-1251; characters it lacks become numeric HTML entities, as PHP pages do. */
export function encodeCp1251(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 2 + 64);
  let n = 0;
  let buf = out;
  const ensure = (extra: number) => {
    if (n + extra <= buf.length) return;
    const bigger = Buffer.allocUnsafe((buf.length + extra) * 2);
    buf.copy(bigger, 0, 0, n);
    buf = bigger;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const b = code < 0x80 ? code : byteOf.get(code);
    if (b !== undefined) {
      ensure(1);
      buf[n++] = b;
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const entity = `&#${cp};`;
      ensure(entity.length);
      n += buf.write(entity, n, 'latin1');
    }
  }
  return buf.subarray(0, n);
}

/** Decodes one percent-encoded query component as windows-1251 bytes; `+` is a space. */
export function decodeCp1251Query(component: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < component.length; i++) {
    const ch = component.charCodeAt(i);
    if (ch === 0x2b) bytes.push(0x20);
    else if (ch === 0x25 && /^[0-9A-Fa-f]{2}$/.test(component.slice(i + 1, i + 3))) {
      bytes.push(parseInt(component.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch < 0x80) bytes.push(ch);
    else bytes.push(...Buffer.from(component[i]!, 'utf8'));
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** Splits a raw query string into lower-cased names and cp1251-decoded values (the first of duplicates wins). */
export function parseCp1251Query(raw: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decodeCp1251Query(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : decodeCp1251Query(pair.slice(eq + 1));
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}
