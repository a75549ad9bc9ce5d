import { describe, it, expect } from '@jest/globals';
import { linkParam, resolveLink } from './site-links.js';

describe('resolveLink', () => {
  it('resolves court links against the page on a real host', () => {
    const page = 'https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&page=1';
    expect(resolveLink('/modules.php?name_op=case&case_id=1', page)).toBe('https://gvs--ros.sudrf.ru/modules.php?name_op=case&case_id=1');
    expect(resolveLink(' ./modules.php?page=2', page)).toBe('https://gvs--ros.sudrf.ru/modules.php?page=2');
    expect(resolveLink('https://ej.sudrf.ru/?fromOa=1', page)).toBe('https://ej.sudrf.ru/?fromOa=1');
  });

  it('keeps a path prefix for root-relative links, once', () => {
    const page = 'http://127.0.0.1:4010/61GV0001/modules.php?name=sud_delo&page=1';
    expect(resolveLink('/modules.php?name_op=case&case_id=1', page)).toBe('http://127.0.0.1:4010/61GV0001/modules.php?name_op=case&case_id=1');
    expect(resolveLink('/61GV0001/modules.php?name_op=case', page)).toBe('http://127.0.0.1:4010/61GV0001/modules.php?name_op=case');
    expect(resolveLink('./modules.php?page=2', page)).toBe('http://127.0.0.1:4010/61GV0001/modules.php?page=2');
  });

  it('gives what the URL parser gives for the links it joins itself', () => {
    const page = 'https://gvs--ros.sudrf.ru/modules.php?name=sud_delo';
    for (const href of [
      '/modules.php?name=sud_delo&U1_DEFENDANT__LAW_ARTICLESS=337+%F7.5&Submit=%CD%E0%E9%F2%E8',
      '/modules.php?a=1&b=%&c=(x)',
      '/modules/../modules.php?x=1',
      "/modules.php?q='x'",
      '/modules.php?q=a b',
      '//other.host/x',
    ]) {
      expect(resolveLink(href, page)).toBe(new URL(href, page).href);
    }
  });

  it('drops anchors, scripts and empty links', () => {
    expect(resolveLink('#', 'https://x.invalid/')).toBeNull();
    expect(resolveLink('javascript:void(0)', 'https://x.invalid/')).toBeNull();
    expect(resolveLink(undefined, 'https://x.invalid/')).toBeNull();
    expect(resolveLink('/a', 'not a url')).toBeNull();
  });
});

describe('linkParam', () => {
  it('reads a query parameter or null', () => {
    expect(linkParam('https://x.invalid/modules.php?case_id=12&case_uid=ab', 'case_uid')).toBe('ab');
    expect(linkParam('https://x.invalid/modules.php', 'case_id')).toBeNull();
    expect(linkParam(null, 'case_id')).toBeNull();
  });
});
