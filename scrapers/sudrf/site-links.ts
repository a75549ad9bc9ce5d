/**
 * Resolves links found on one court page to absolute URLs. Root-relative links (`/modules.php?…`,
 * as court pages write them) are resolved against the directory that serves `modules.php`, so a
 * site mounted under a path prefix (a simulator's `http://127.0.0.1:4010/63GV0001/`) keeps it;
 * on a real court host that directory is the root and the result is the usual one.
 */
const PLAIN_ROOT_RELATIVE = /^\/(?!\/)[\w\-.~/?=&%+:;,@!$*()]*$/;

export function linkResolver(pageUrl: string): (href: string | undefined) => string | null {
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return () => null;
  }
  const at = base.pathname.lastIndexOf('/modules.php');
  const prefix = at > 0 ? base.pathname.slice(0, at + 1) : null;
  const root = prefix ? new URL(prefix, base) : null;
  const rootHref = (root ?? new URL('/', base)).href;
  return (href) => {
    const h = href?.trim();
    if (!h || h.startsWith('#') || /^javascript:/i.test(h)) return null;
    // Court pages carry dozens of `/modules.php?…` links: join those that need no URL normalisation.
    if (PLAIN_ROOT_RELATIVE.test(h) && !h.includes('/.') && (!prefix || !h.startsWith(prefix))) return rootHref + h.slice(1);
    try {
      if (root && h.startsWith('/') && !h.startsWith('//') && !h.startsWith(prefix!)) return new URL(h.slice(1), root).href;
      return new URL(h, base).href;
    } catch {
      return null;
    }
  };
}

/** One link resolved against the page it is on; see linkResolver. */
export function resolveLink(href: string | undefined, pageUrl: string): string | null {
  return linkResolver(pageUrl)(href);
}

/** A query parameter of a link (ids and page numbers: plain ASCII, not cp1251-decoded), or null. */
export function linkParam(url: string | null, name: string): string | null {
  if (!url) return null;
  const q = url.indexOf('?');
  if (q < 0) return null;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  for (let i = q + 1; i < end; ) {
    let amp = url.indexOf('&', i);
    if (amp < 0 || amp > end) amp = end;
    if (url.startsWith(name, i)) {
      const after = i + name.length;
      if (after === amp) return '';
      if (url.charCodeAt(after) === 61 /* = */) {
        const value = url.slice(after + 1, amp);
        if (!/[%+]/.test(value)) return value;
        try {
          return decodeURIComponent(value.replace(/\+/g, ' '));
        } catch {
          return value;
        }
      }
    }
    i = amp + 1;
  }
  return null;
}
