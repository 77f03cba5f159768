// The memory service's HTTP API, as the page calls it: same origin, JSON in and out, errors as
// problem+json, and the API key (asked for on the first 401) sent as a bearer token.

const KEY_STORAGE = 'apex.apiKey';

/** An answer other than 2xx: its status and the problem's title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(messageOf(status, title, detail));
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

function messageOf(status, title, detail) {
  const head = status ? `${status} ${title ?? ''}`.trim() : title ?? 'Request failed';
  return detail ? `${head}: ${detail}` : head;
}

/** Reads a problem+json (or any) error body into an ApiError. */
async function errorOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  let title = response.statusText;
  let detail = null;
  try {
    if (type.includes('json')) {
      const problem = await response.json();
      title = problem.title ?? title;
      detail = problem.detail ?? null;
    } else {
      const text = (await response.text()).trim();
      detail = text.length > 0 ? text.slice(0, 300) : null;
    }
  } catch {
    // A body that is not what its type says: the status line is all there is to show.
  }
  return new ApiError(response.status, title, detail);
}

export class Api {
  /**
   * askForKey(reason) resolves to a key the person typed, or null when they cancelled. Requests
   * that get a 401 at the same moment share one question.
   */
  constructor(askForKey, storage = window.sessionStorage) {
    this.askForKey = askForKey;
    this.storage = storage;
    this.question = null;
  }

  key() {
    return this.storage.getItem(KEY_STORAGE);
  }

  setKey(key) {
    if (key) this.storage.setItem(KEY_STORAGE, key);
    else this.storage.removeItem(KEY_STORAGE);
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  delete(path) {
    return this.request('DELETE', path);
  }

  async request(method, path, body) {
    const usedKey = this.key();
    let response = await this.send(method, path, body);
    if (response.status === 401) {
      const problem = await errorOf(response);
      // Another request may have got the key while this one was on its way.
      const key = this.key() !== usedKey ? this.key() : await this.ask(problem);
      if (!key) throw problem;
      response = await this.send(method, path, body);
    }
    if (!response.ok) {
      const error = await errorOf(response);
      if (response.status === 401) this.setKey(null);
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  ask(problem) {
    if (!this.question) {
      this.question = Promise.resolve(this.askForKey(problem.detail ?? problem.message)).then(
        (key) => {
          this.question = null;
          if (key) this.setKey(key);
          return key;
        },
      );
    }
    return this.question;
  }

  async send(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const key = this.key();
    if (key) headers.Authorization = `Bearer ${key}`;
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      return await fetch(path, { method, headers, body: payload });
    } catch (error) {
      throw new ApiError(0, 'The server did not answer', String(error.message ?? error));
    }
  }
}

/** '/v1/documents' + {status: 'failed', source: ''} -> '/v1/documents?status=failed'. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && String(value) !== '') query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
