// fetch with the API's error bodies turned into messages; the key is sent only where it is needed.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function answer(res) {
  // A body cut short by a newer request's abort is an abort, not an empty answer.
  const body =
    res.status === 204
      ? null
      : await res.json().catch((err) => {
          if (err?.name === 'AbortError') throw err;
          return null;
        });
  if (!res.ok) throw new ApiError(res.status, body?.message ?? res.statusText);
  if (body === null && res.status !== 204) throw new ApiError(res.status, 'the server sent no readable answer');
  return body;
}

export async function getJson(url, { signal, key } = {}) {
  const headers = { accept: 'application/json' };
  if (key) headers['x-api-key'] = key;
  return answer(await fetch(url, { signal, headers }));
}

export async function postJson(url, body, { key } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (key) headers['x-api-key'] = key;
  return answer(await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) }));
}

const KEY = 'verdict-watch.api-key';

/** The API key typed once per browser session (sessionStorage: gone when the tab closes). */
export const apiKey = {
  get: () => sessionStorage.getItem(KEY) ?? '',
  set: (k) => sessionStorage.setItem(KEY, k),
  forget: () => sessionStorage.removeItem(KEY),
};

/** Runs one request per view at a time: a newer call aborts the older one. */
export function latest() {
  let controller = null;
  return (fn) => {
    controller?.abort();
    controller = new AbortController();
    return fn(controller.signal);
  };
}

export const isAbort = (err) => err?.name === 'AbortError';
